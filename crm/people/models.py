"""Who uses the CRM: staff accounts, the department they belong to, and their role."""

from functools import cached_property

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """The four roles of DESIGN.md; each is a Django group of the same name (see migration 0002)."""

    LIAISON = "liaison", _("Liaison")
    DIRECTOR = "director", _("Director")
    COMPLIANCE = "compliance", _("Compliance reviewer")
    ADMIN = "admin", _("Administrator")


class Department(models.Model):
    """An outreach department (推广部); a director sees the territories of their own department."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    hospital = models.CharField(_("hospital"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A member of staff. The role comes from group membership so Django permissions follow it."""

    full_name = models.CharField(_("full name"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["username"]

    def __str__(self) -> str:
        return self.full_name or self.get_full_name() or self.username

    @cached_property
    def role(self) -> str | None:
        """The strongest role the user holds; superusers are administrators."""
        if self.is_superuser:
            return Role.ADMIN
        names = set(self.groups.values_list("name", flat=True))
        for role in (Role.ADMIN, Role.COMPLIANCE, Role.DIRECTOR, Role.LIAISON):
            if role.value in names:
                return role
        return None
