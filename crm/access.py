"""The one place that decides who sees what.

Every page, admin screen, API endpoint and export starts from ``Model.objects.visible_to(user)``;
the querysets below implement it for each model from the same two facts: the user's role and
the territories they cover.

- administrators and compliance reviewers see everything (compliance is read-only except for
  review decisions and the policy, which group permissions enforce);
- a director sees the territories of their own department and the work of its staff;
- a liaison sees the partners of the territories they are assigned to today, every interaction
  at those partners (so the partner timeline is whole) and their own interactions anywhere;
  follow-ups and summaries are their own;
- anyone else (no role) sees nothing.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone

from crm.people.models import Role

EVERYTHING = Q()
NOTHING = Q(pk__in=[])


def sees_everything(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role in (Role.ADMIN, Role.COMPLIANCE))


def assigned_territory_ids(user) -> models.QuerySet:
    """Territories the liaison covers today, as a subquery (no query until used)."""
    from crm.partners.models import TerritoryAssignment

    today = timezone.localdate()
    return (
        TerritoryAssignment.objects.filter(liaison=user, starts_on__lte=today)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .values("territory_id")
    )


def _field(path: str, name: str) -> str:
    return f"{path}__{name}" if path else name


def territory_scope(user, path: str = "") -> Q:
    """A filter on the territory reached through ``path`` ("" for Territory itself)."""
    if not (user.is_authenticated and user.is_active):
        return NOTHING
    role = user.role
    if role in (Role.ADMIN, Role.COMPLIANCE):
        return EVERYTHING
    if role == Role.DIRECTOR:
        return Q(**{_field(path, "department"): user.department_id}) if user.department_id else NOTHING
    if role == Role.LIAISON:
        return Q(**{f"{path}__in" if path else "pk__in": assigned_territory_ids(user)})
    return NOTHING


def staff_scope(user, path: str) -> Q:
    """A filter on the member of staff reached through ``path`` (author, owner, liaison)."""
    if not (user.is_authenticated and user.is_active):
        return NOTHING
    role = user.role
    if role in (Role.ADMIN, Role.COMPLIANCE):
        return EVERYTHING
    if role == Role.DIRECTOR:
        return Q(**{f"{path}__department": user.department_id}) if user.department_id else NOTHING
    if role == Role.LIAISON:
        return Q(**{path: user})
    return NOTHING


def interaction_scope(user, path: str = "") -> Q:
    """Interactions at partners the user covers, plus the work of the staff they oversee."""
    if sees_everything(user):
        return EVERYTHING
    return territory_scope(user, _field(path, "organization__territory")) | staff_scope(user, _field(path, "liaison"))


class ScopedQuerySet(models.QuerySet):
    def scope(self, user) -> Q:  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    def visible_to(self, user) -> models.QuerySet:
        return self.filter(self.scope(user))


class TerritoryQuerySet(ScopedQuerySet):
    def scope(self, user) -> Q:
        return territory_scope(user)


class OrganizationQuerySet(ScopedQuerySet):
    def scope(self, user) -> Q:
        return territory_scope(user, "territory")


class ClinicianQuerySet(ScopedQuerySet):
    def scope(self, user) -> Q:
        return territory_scope(user, "organization__territory")


class InteractionQuerySet(ScopedQuerySet):
    def scope(self, user) -> Q:
        return interaction_scope(user)


class InteractionChildQuerySet(ScopedQuerySet):
    """Rows that hang off an interaction (value lines, findings, decisions) share its scope."""

    def scope(self, user) -> Q:
        return interaction_scope(user, "interaction")


class StaffOwnedQuerySet(ScopedQuerySet):
    """Follow-ups and summaries belong to one liaison: theirs, their director's, compliance's."""

    def scope(self, user) -> Q:
        return staff_scope(user, "liaison")


def system_user():
    """The reader for command-line tools run by someone with access to the server: sees everything.

    Never saved; never used for a web request.
    """
    from crm.people.models import User

    return User(username="system", is_superuser=True, is_active=True)
