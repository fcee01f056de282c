"""Writes on territories and partners: assignment of liaisons and tiering, by directors."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from crm.partners.models import Organization, Territory, TerritoryAssignment, Tier
from crm.people.models import Role


@transaction.atomic
def territory_assign(*, territory: Territory, liaison, starts_on: date, by) -> TerritoryAssignment:
    """Assign a liaison of the department to a territory from a date (no overlapping duplicate)."""
    if not by.has_perm("partners.add_territoryassignment"):
        raise PermissionDenied(_("Only directors assign territories."))
    if not Territory.objects.visible_to(by).filter(pk=territory.pk).exists():
        raise PermissionDenied(_("This territory is not in your department."))
    if liaison.role != Role.LIAISON or liaison.department_id != territory.department_id:
        raise ValidationError({"liaison": _("Choose a liaison of this territory's department.")})
    overlapping = TerritoryAssignment.objects.filter(territory=territory, liaison=liaison).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=starts_on)
    )
    if overlapping.exists():
        raise ValidationError({"liaison": _("This liaison is already assigned to the territory for that date.")})
    return TerritoryAssignment.objects.create(territory=territory, liaison=liaison, starts_on=starts_on, assigned_by=by)


@transaction.atomic
def territory_assignment_end(*, assignment: TerritoryAssignment, ends_on: date, by) -> TerritoryAssignment:
    if not by.has_perm("partners.change_territoryassignment"):
        raise PermissionDenied(_("Only directors assign territories."))
    if not Territory.objects.visible_to(by).filter(pk=assignment.territory_id).exists():
        raise PermissionDenied(_("This territory is not in your department."))
    if ends_on < assignment.starts_on:
        raise ValidationError({"ends_on": _("An assignment cannot end before it starts.")})
    assignment.ends_on = ends_on
    assignment.save(update_fields=["ends_on"])
    return assignment


@transaction.atomic
def organization_set_tier(*, organization: Organization, tier: str, by) -> Organization:
    if not by.has_perm("partners.change_organization"):
        raise PermissionDenied(_("Only directors change partner tiers."))
    if tier not in Tier.values:
        raise ValidationError({"tier": _("Unknown tier.")})
    if not Organization.objects.visible_to(by).filter(pk=organization.pk).exists():
        raise PermissionDenied(_("This partner is not in your department."))
    Organization.objects.filter(pk=organization.pk).update(tier=tier)
    organization.tier = tier
    return organization
