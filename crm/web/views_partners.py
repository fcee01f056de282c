"""Partner directory and partner page: every role reads them, scoped by ``visible_to``."""

from __future__ import annotations

from datetime import timedelta

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from crm.compliance.selectors import clinician_year_totals, current_policy, recipient_ledger
from crm.interactions.models import FollowUp, Interaction, Kind
from crm.interactions.selectors import timeline
from crm.partners.models import Clinician, Organization, OrganizationKind, OrganizationStatus, Territory, Tier
from crm.partners.selectors import partner_directory
from crm.web.decorators import any_role

LAST_CONTACT_CHOICES = (7, 14, 30, 60, 90)


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


@any_role
def directory(request):
    today = timezone.localdate()
    days = _int(request.GET.get("not_contacted_days"))
    filters = {
        "q": request.GET.get("q", "").strip(),
        "territory_id": _int(request.GET.get("territory")),
        "kind": request.GET.get("kind", ""),
        "tier": request.GET.get("tier", ""),
        "status": request.GET.get("status", ""),
        "not_contacted_since": today - timedelta(days=days) if days else None,
    }
    page = Paginator(partner_directory(request.user, **filters), 30).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "web/partners/directory.html",
        {
            "section": "partners",
            "page": page,
            "filters": request.GET,
            "query": query.urlencode(),
            "territories": Territory.objects.visible_to(request.user),
            "kinds": OrganizationKind.choices,
            "tiers": Tier.choices,
            "statuses": OrganizationStatus.choices,
            "day_choices": LAST_CONTACT_CHOICES,
        },
    )


@any_role
def search(request):
    """Search-as-you-type for partners: substring match on names, at most 12 results."""
    q = request.GET.get("q", "").strip()
    results = []
    if q:
        for organization in partner_directory(request.user, q=q)[:12]:
            results.append(
                {
                    "id": organization.pk,
                    "name": organization.name,
                    "territory": organization.territory.name,
                    "kind": organization.get_kind_display(),
                    "url": reverse("web:partner", args=[organization.pk]),
                }
            )
    return JsonResponse({"results": results})


@any_role
def detail(request, pk: int):
    organization = get_object_or_404(Organization.objects.visible_to(request.user).select_related("territory"), pk=pk)
    year = timezone.localdate().year
    clinicians = list(
        Clinician.objects.visible_to(request.user).filter(organization=organization).order_by("-is_key_contact", "name")
    )
    interactions = Paginator(
        timeline(Interaction.objects.visible_to(request.user).filter(organization=organization)).order_by(
            "-occurred_at"
        ),
        20,
    ).get_page(request.GET.get("page"))
    follow_ups = (
        FollowUp.objects.visible_to(request.user)
        .filter(organization=organization, done_at__isnull=True)
        .select_related("liaison")
        .order_by("due_on")
    )
    received = recipient_ledger(request.user, year=year, organization_id=organization.pk)
    clinician_totals = _clinician_totals(request.user, clinicians, year)
    return render(
        request,
        "web/partners/detail.html",
        {
            "section": "partners",
            "organization": organization,
            "clinicians": clinicians,
            "clinician_totals": clinician_totals,
            "interactions": interactions,
            "follow_ups": follow_ups,
            "received": received,
            "year": year,
            "today": timezone.localdate(),
            "kinds": Kind.choices,
        },
    )


def _clinician_totals(user, clinicians, year: int) -> list[tuple]:
    """This year's counted value per clinician of the partner, against the cap."""
    totals = clinician_year_totals(user, clinician_ids=[c.pk for c in clinicians], year=year)
    cap = current_policy().annual_cap
    return [(c, totals[c.pk], int(100 * totals[c.pk] / cap) if cap else 0) for c in clinicians if c.pk in totals]
