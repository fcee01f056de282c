"""The director's pages: team dashboard, territory assignments and partner tiering."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from crm.interactions.models import TrainingStatus
from crm.interactions.selectors import (
    case_feedback_timeliness,
    overdue_follow_ups,
    team_activity,
    training_offers_by_status,
)
from crm.partners.models import Organization, OrganizationStatus, Territory, TerritoryAssignment, Tier
from crm.partners.selectors import partner_directory, partners_past_cadence
from crm.partners.services import organization_set_tier, territory_assign, territory_assignment_end
from crm.people.models import Role, User
from crm.web.charts import bar_chart
from crm.web.decorators import director_only

WEEKS = 8


@director_only
def dashboard(request):
    today = timezone.localdate()
    weeks, activity = team_activity(request.user, weeks=WEEKS, today=today)
    week_labels = [w.strftime("%m-%d") for w in weeks]
    activity_chart = bar_chart(
        week_labels,
        [(entry["name"], entry["counts"]) for entry in activity],
        title=_("Interactions per liaison per week"),
    )
    active = Counter(
        partner_directory(request.user)
        .filter(status=OrganizationStatus.ACTIVE, tier__in=["A", "B", "C"])
        .values_list("tier", flat=True)
    )
    overdue_partners = partners_past_cadence(request.user, today=today)
    overdue_by_tier = Counter(o.tier for o in overdue_partners)
    tiers = ["A", "B", "C"]
    coverage_chart = bar_chart(
        [str(Tier(t).label) for t in tiers],
        [
            (_("within cadence"), [active[t] - overdue_by_tier[t] for t in tiers]),
            (_("overdue"), [overdue_by_tier[t] for t in tiers]),
        ],
        title=_("Partner coverage by tier"),
    )
    since = today - timedelta(days=90)
    feedback = case_feedback_timeliness(request.user, since=since, now=timezone.now())
    training = training_offers_by_status(request.user, since=since)
    return render(
        request,
        "web/team/dashboard.html",
        {
            "section": "director",
            "weeks": weeks,
            "activity": activity,
            "activity_chart": activity_chart,
            "coverage_chart": coverage_chart,
            "coverage": [(Tier(t).label, active[t], overdue_by_tier[t]) for t in tiers],
            "overdue_partners": overdue_partners[:20],
            "overdue_follow_ups": overdue_follow_ups(request.user, today=today)[:10],
            "feedback": feedback,
            "feedback_share": int(round(100 * feedback.on_time_share)),
            "training": [(label, training.get(value, 0)) for value, label in TrainingStatus.choices],
        },
    )


class AssignForm(forms.Form):
    liaison = forms.ModelChoiceField(label=gettext_lazy("Liaison"), queryset=User.objects.none())
    starts_on = forms.DateField(label=gettext_lazy("Starts on"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, department_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["liaison"].queryset = User.objects.filter(
            groups__name=Role.LIAISON, department_id=department_id, is_active=True
        ).order_by("full_name")


@director_only
def assignments(request):
    today = timezone.localdate()
    current = TerritoryAssignment.objects.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today)).select_related(
        "liaison"
    )
    territories = (
        Territory.objects.visible_to(request.user)
        .annotate(partners=Count("organizations", distinct=True))
        .prefetch_related(Prefetch("assignments", queryset=current.order_by("starts_on"), to_attr="current"))
    )
    territory_pk = request.POST.get("territory")
    form = AssignForm(request.POST or None, department_id=request.user.department_id, initial={"starts_on": today})
    if request.method == "POST" and form.is_valid():
        territory = get_object_or_404(Territory.objects.visible_to(request.user), pk=territory_pk)
        try:
            territory_assign(
                territory=territory,
                liaison=form.cleaned_data["liaison"],
                starts_on=form.cleaned_data["starts_on"],
                by=request.user,
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        except PermissionDenied as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Assignment saved."))
        return redirect("web:assignments")
    return render(
        request,
        "web/team/assignments.html",
        {
            "section": "assignments",
            "territories": territories,
            "form": form,
            "liaisons": list(form.fields["liaison"].queryset),
        },
    )


@director_only
@require_POST
def assignment_end(request, pk: int):
    assignment = get_object_or_404(
        TerritoryAssignment.objects.filter(territory__in=Territory.objects.visible_to(request.user)), pk=pk
    )
    try:
        territory_assignment_end(assignment=assignment, ends_on=timezone.localdate(), by=request.user)
        messages.success(request, _("Assignment ended today."))
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    return redirect("web:assignments")


@director_only
def tiering(request):
    if request.method == "POST":
        organization = get_object_or_404(Organization.objects.visible_to(request.user), pk=request.POST.get("pk"))
        try:
            organization_set_tier(organization=organization, tier=request.POST.get("tier", ""), by=request.user)
            messages.success(
                request,
                _("%(name)s is now %(tier)s.") % {"name": organization.name, "tier": Tier(organization.tier).label},
            )
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return redirect(request.get_full_path())
    queryset = partner_directory(
        request.user,
        q=request.GET.get("q", "").strip(),
        tier=request.GET.get("tier", ""),
        status=request.GET.get("status", ""),
    )
    page = Paginator(queryset, 30).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "web/team/tiering.html",
        {
            "section": "assignments",
            "page": page,
            "query": query.urlencode(),
            "filters": request.GET,
            "tiers": Tier.choices,
            "statuses": OrganizationStatus.choices,
        },
    )
