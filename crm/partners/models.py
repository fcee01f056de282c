"""Partner clinics and the people in them, grouped into territories that liaisons cover."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from crm import access


class Territory(models.Model):
    """A named area (片区). Partners belong to one; liaisons are assigned to it for a period."""

    name = models.CharField(_("name"), max_length=100)
    code = models.SlugField(_("code"), max_length=30, unique=True)
    department = models.ForeignKey(
        "people.Department", verbose_name=_("department"), on_delete=models.PROTECT, related_name="territories"
    )
    description = models.TextField(_("description"), blank=True)
    liaisons = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="TerritoryAssignment",
        through_fields=("territory", "liaison"),
        related_name="territories",
        verbose_name=_("liaisons"),
    )

    objects = access.TerritoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("territory")
        verbose_name_plural = _("territories")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["department", "name"], name="territory_name_unique_in_department"),
        ]

    def __str__(self) -> str:
        return self.name


class TerritoryAssignment(models.Model):
    """A liaison covers a territory from ``starts_on`` until ``ends_on`` (open-ended when empty)."""

    territory = models.ForeignKey(
        Territory, verbose_name=_("territory"), on_delete=models.CASCADE, related_name="assignments"
    )
    liaison = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("liaison"),
        on_delete=models.PROTECT,
        related_name="territory_assignments",
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("territory assignment")
        verbose_name_plural = _("territory assignments")
        ordering = ["territory", "-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="assignment_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["liaison", "starts_on"], name="assignment_liaison_idx")]

    def __str__(self) -> str:
        return f"{self.liaison} → {self.territory}"


class OrganizationKind(models.TextChoices):
    COMMUNITY_HEALTH = "community_health", _("Community health service centre or station")
    TOWNSHIP_HEALTH = "township_health", _("Township health centre")
    VILLAGE_CLINIC = "village_clinic", _("Village clinic")
    PRIVATE_CLINIC = "private_clinic", _("Private clinic")
    PHARMACY = "pharmacy", _("Pharmacy")
    MATERNAL_CHILD = "maternal_child", _("Maternal and child health centre")
    HOSPITAL = "hospital", _("Other hospital")
    COMPANY_INFIRMARY = "company_infirmary", _("Company infirmary")


class Tier(models.TextChoices):
    A = "A", _("Tier A")
    B = "B", _("Tier B")
    C = "C", _("Tier C")
    UNRATED = "unrated", _("Unrated")


class OrganizationStatus(models.TextChoices):
    PROSPECT = "prospect", _("Prospect")
    ACTIVE = "active", _("Active")
    DORMANT = "dormant", _("Dormant")
    CLOSED = "closed", _("Closed")


class Organization(models.Model):
    """A partner clinic (合作机构). Transfers of value may go to it as an institution."""

    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=30, choices=OrganizationKind.choices)
    territory = models.ForeignKey(
        Territory, verbose_name=_("territory"), on_delete=models.PROTECT, related_name="organizations"
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    beds = models.PositiveIntegerField(_("beds"), null=True, blank=True)
    monthly_outpatients = models.PositiveIntegerField(_("monthly outpatients (estimate)"), null=True, blank=True)
    monthly_inpatients = models.PositiveIntegerField(_("monthly inpatients (estimate)"), null=True, blank=True)
    specialties = models.CharField(_("specialties"), max_length=255, blank=True)
    tier = models.CharField(_("tier"), max_length=10, choices=Tier.choices, default=Tier.UNRATED)
    status = models.CharField(
        _("status"), max_length=10, choices=OrganizationStatus.choices, default=OrganizationStatus.PROSPECT
    )
    agreement_signed_on = models.DateField(_("two-way referral agreement signed on"), null=True, blank=True)
    agreement_expires_on = models.DateField(_("two-way referral agreement expires on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = access.OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner organization")
        verbose_name_plural = _("partner organizations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["territory", "name"], name="organization_name_unique_in_territory"),
            models.CheckConstraint(
                condition=Q(agreement_expires_on__isnull=True)
                | Q(agreement_signed_on__isnull=True)
                | Q(agreement_expires_on__gte=models.F("agreement_signed_on")),
                name="agreement_expires_after_signing",
            ),
        ]
        indexes = [
            models.Index(fields=["territory", "status"], name="organization_territory_idx"),
            models.Index(fields=["tier", "status"], name="organization_tier_idx"),
        ]

    def __str__(self) -> str:
        return self.name


class ClinicianTitle(models.TextChoices):
    CHIEF = "chief", _("Chief physician")
    ASSOCIATE_CHIEF = "associate_chief", _("Associate chief physician")
    ATTENDING = "attending", _("Attending physician")
    RESIDENT = "resident", _("Resident physician")
    PHYSICIAN = "physician", _("Physician")
    VILLAGE_DOCTOR = "village_doctor", _("Village doctor")
    PHARMACIST = "pharmacist", _("Pharmacist")
    NURSE = "nurse", _("Nurse")
    DIRECTOR = "director", _("Head of institution")
    OTHER = "other", _("Other")


class Clinician(models.Model):
    """A doctor or contact person at a partner (医生/联系人), the usual recipient of value."""

    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.PROTECT, related_name="clinicians"
    )
    name = models.CharField(_("name"), max_length=60)
    title = models.CharField(
        _("title"), max_length=20, choices=ClinicianTitle.choices, default=ClinicianTitle.PHYSICIAN
    )
    department = models.CharField(_("department"), max_length=60, blank=True)
    licence_number = models.CharField(_("licence number"), max_length=40, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    wechat = models.CharField(_("WeChat"), max_length=60, blank=True)
    is_key_contact = models.BooleanField(_("key contact"), default=False)
    consents_to_contact = models.BooleanField(_("consents to be contacted"), default=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = access.ClinicianQuerySet.as_manager()

    class Meta:
        verbose_name = _("clinician")
        verbose_name_plural = _("clinicians")
        ordering = ["organization", "name"]
        indexes = [models.Index(fields=["organization", "name"], name="clinician_org_idx")]

    def __str__(self) -> str:
        return self.name
