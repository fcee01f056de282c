"""Reads about partners for the pages and the API, always starting from ``visible_to``."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db.models import DateTimeField, OuterRef, Q, QuerySet, Subquery

from crm.interactions.models import Interaction
from crm.partners.models import Organization, OrganizationStatus


def last_contact_subquery() -> Subquery:
    """The latest interaction time of each organization (uses the timeline index)."""
    return Subquery(
        Interaction.objects.filter(organization=OuterRef("pk")).order_by("-occurred_at").values("occurred_at")[:1],
        output_field=DateTimeField(),
    )


def partner_directory(
    user,
    *,
    q: str = "",
    territory_id: int | None = None,
    kind: str = "",
    tier: str = "",
    status: str = "",
    not_contacted_since: date | None = None,
) -> QuerySet[Organization]:
    """Partners the user covers, filtered, each with its last contact; substring search on names."""
    queryset = (
        Organization.objects.visible_to(user)
        .select_related("territory")
        .annotate(last_contact=last_contact_subquery())
        .order_by("name")
    )
    if q:
        queryset = queryset.filter(Q(name__icontains=q) | Q(address__icontains=q) | Q(clinicians__name__icontains=q))
        queryset = queryset.distinct()
    if territory_id:
        queryset = queryset.filter(territory_id=territory_id)
    if kind:
        queryset = queryset.filter(kind=kind)
    if tier:
        queryset = queryset.filter(tier=tier)
    if status:
        queryset = queryset.filter(status=status)
    if not_contacted_since:
        queryset = queryset.filter(Q(last_contact__isnull=True) | Q(last_contact__date__lt=not_contacted_since))
    return queryset


def cadence_days(tier: str) -> int | None:
    return settings.CRM_VISIT_CADENCE_DAYS.get(tier)


def partners_past_cadence(user, *, today: date) -> list[Organization]:
    """Active, tiered partners whose last contact is older than their tier's visit cadence."""
    overdue = []
    candidates = partner_directory(user).filter(status=OrganizationStatus.ACTIVE, tier__in=["A", "B", "C"])
    for organization in candidates:
        days = cadence_days(organization.tier)
        last = organization.last_contact.date() if organization.last_contact else None
        if last is None or last < today - timedelta(days=days):
            organization.days_since_contact = (today - last).days if last else None
            organization.cadence_days = days
            overdue.append(organization)
    overdue.sort(key=lambda o: (o.tier, -(o.days_since_contact or 10_000)))
    return overdue
