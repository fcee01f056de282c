"""The liaison's pages: Today, logging an interaction (with its value lines), follow-ups, summaries."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from crm.compliance.models import Finding
from crm.interactions.models import FollowUp, Interaction, Kind, Period, ReviewStatus
from crm.interactions.selectors import (
    period_facts,
    period_start_for,
    summaries_for,
    timeline,
    today_for,
)
from crm.interactions.services import (
    follow_up_complete,
    interaction_amend,
    interaction_create,
    interaction_preview,
    summary_due_at,
    summary_save,
)
from crm.partners.models import Organization
from crm.partners.selectors import partners_past_cadence
from crm.people.models import Role
from crm.web.decorators import any_role, liaison_only
from crm.web.forms import FollowUpDoneForm, InteractionForm, SummaryForm, TransferFormSet

HOME_BY_ROLE = {
    Role.LIAISON: "web:today",
    Role.DIRECTOR: "web:director",
    Role.COMPLIANCE: "web:queue",
    Role.ADMIN: "admin:index",
}


@login_required
def home(request):
    target = HOME_BY_ROLE.get(request.user.role)
    if target is None:
        raise PermissionDenied
    return redirect(target)


@liaison_only
def today(request):
    day = timezone.localdate()
    overview = today_for(request.user, today=day, target=settings.CRM_DAILY_CONTACT_TARGET)
    return render(
        request,
        "web/liaison/today.html",
        {
            "section": "today",
            "today": day,
            "overview": overview,
            "progress": min(100, int(100 * overview.contacts / overview.target)) if overview.target else 100,
            "past_cadence": partners_past_cadence(request.user, today=day)[:15],
        },
    )


@liaison_only
def log_start(request):
    """Pick the partner (search as you type) and the kind; recent partners first."""
    recent = (
        Organization.objects.visible_to(request.user)
        .filter(interactions__liaison=request.user)
        .select_related("territory")
        .distinct()
        .order_by("name")[:12]
    )
    return render(request, "web/liaison/log_start.html", {"section": "log", "recent": recent, "kinds": Kind.choices})


def _kind_or_404(kind: str) -> str:
    if kind not in Kind.values:
        raise Http404
    return kind


def _forms(request, organization, kind, instance=None, initial_lines=None):
    clinicians = list(organization.clinicians.filter(is_active=True).order_by("name"))
    data = request.POST if request.method == "POST" else None
    form = InteractionForm(
        data,
        kind=kind,
        organization=organization,
        instance=instance or Interaction(kind=kind, organization=organization, liaison=request.user),
        initial=None if instance else {"occurred_at": timezone.localtime().replace(second=0, microsecond=0)},
    )
    lines = TransferFormSet(data, prefix="tov", clinicians=clinicians, organization=organization, initial=initial_lines)
    return form, lines


def _service_errors(form, error: ValidationError) -> list[str]:
    """Put a service's field errors on the form; return what belongs to no field of the form."""
    loose = []
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            if field in form.fields:
                for message in errors:
                    form.add_error(field, message)
            else:
                loose.extend(errors)
    else:
        loose.extend(error.messages)
    return loose


@liaison_only
def log_interaction(request, pk: int, kind: str):
    kind = _kind_or_404(kind)
    organization = get_object_or_404(Organization.objects.visible_to(request.user), pk=pk)
    form, lines = _forms(request, organization, kind)
    refused: list[str] = []
    if request.method == "POST" and form.is_valid() and lines.is_valid():
        try:
            interaction = interaction_create(
                author=request.user,
                kind=kind,
                organization=organization,
                occurred_at=form.cleaned_data["occurred_at"],
                summary=form.cleaned_data["summary"],
                clinicians=form.cleaned_data["clinicians"],
                transfers=lines.inputs(),
                **form.details(),
            )
        except ValidationError as error:
            refused = _service_errors(form, error)
        else:
            _announce(request, interaction)
            return redirect("web:interaction", pk=interaction.pk)
    return render(
        request,
        "web/liaison/log_form.html",
        {
            "section": "log",
            "organization": organization,
            "kind": kind,
            "kind_label": Kind(kind).label,
            "form": form,
            "lines": lines,
            "refused": refused,
            "preview_url": reverse("web:preview", args=[organization.pk]) + f"?kind={kind}",
        },
        status=400 if request.method == "POST" else 200,
    )


def _announce(request, interaction: Interaction) -> None:
    if interaction.review_status == ReviewStatus.CLEAR:
        messages.success(request, _("Saved. Nothing needs review."))
    else:
        messages.warning(request, _("Saved and sent to the compliance office for review."))


@liaison_only
@require_POST
def preview(request, pk: int):
    """The live policy panel: what the rules will say about the form as typed so far."""
    kind = _kind_or_404(request.GET.get("kind", ""))
    organization = get_object_or_404(Organization.objects.visible_to(request.user), pk=pk)
    amend_pk = request.GET.get("interaction")
    instance = None
    if amend_pk:
        instance = get_object_or_404(Interaction.objects.filter(liaison=request.user), pk=amend_pk)
    form, lines = _forms(request, organization, kind)
    form.is_valid()
    lines.is_valid()
    transfers = [f.to_input() for f in lines.forms if f.has_changed() and f.is_valid() and f.cleaned_data]
    data = form.cleaned_data
    try:
        findings = interaction_preview(
            author=request.user,
            kind=kind,
            organization=organization,
            occurred_at=data.get("occurred_at") or timezone.now(),
            summary=data.get("summary", ""),
            transfers=transfers,
            interaction=instance,
            **{k: v for k, v in data.items() if k in ("next_step", "no_benefit_statement") and v},
        )
    except ValidationError as error:
        findings = [{"rule": "input", "severity": "blocked", "message": m, "field": ""} for m in error.messages]
    return JsonResponse({"findings": findings})


@any_role
def interaction_detail(request, pk: int):
    interaction = get_object_or_404(
        timeline(Interaction.objects.visible_to(request.user)).prefetch_related(
            "transfers__recipient_clinician", "transfers__recipient_organization", "decisions__reviewer"
        ),
        pk=pk,
    )
    findings = Finding.objects.filter(interaction=interaction, interaction_version=interaction.version)
    return render(
        request,
        "web/liaison/interaction.html",
        {
            "section": "today" if request.user.role == Role.LIAISON else "partners",
            "interaction": interaction,
            "findings": findings,
            "can_amend": interaction.liaison_id == request.user.pk,
        },
    )


@liaison_only
def amend_interaction(request, pk: int):
    interaction = get_object_or_404(
        Interaction.objects.filter(liaison=request.user).select_related("organization"), pk=pk
    )
    organization = interaction.organization
    initial_lines = [
        {
            "nature": line.nature,
            "form": line.form,
            "description": line.description,
            "amount": line.amount,
            "recipient": str(line.recipient_clinician_id) if line.recipient_clinician_id else "organization",
            "patient_education": line.patient_education,
            "justification": line.justification,
        }
        for line in interaction.transfers.all()
    ]
    form, lines = _forms(request, organization, interaction.kind, instance=interaction, initial_lines=initial_lines)
    refused: list[str] = []
    if request.method == "POST" and form.is_valid() and lines.is_valid():
        details = form.details()
        try:
            amended = interaction_amend(
                interaction=interaction,
                author=request.user,
                clinicians=form.cleaned_data["clinicians"],
                transfers=lines.inputs(),
                occurred_at=form.cleaned_data["occurred_at"],
                summary=form.cleaned_data["summary"],
                **details,
            )
        except ValidationError as error:
            refused = _service_errors(form, error)
        else:
            _announce(request, amended)
            return redirect("web:interaction", pk=amended.pk)
    return render(
        request,
        "web/liaison/log_form.html",
        {
            "section": "today",
            "organization": organization,
            "kind": interaction.kind,
            "kind_label": interaction.get_kind_display(),
            "form": form,
            "lines": lines,
            "refused": refused,
            "amending": interaction,
            "preview_url": reverse("web:preview", args=[organization.pk])
            + f"?kind={interaction.kind}&interaction={interaction.pk}",
        },
        status=400 if request.method == "POST" else 200,
    )


@liaison_only
def follow_ups(request):
    day = timezone.localdate()
    open_items = (
        FollowUp.objects.visible_to(request.user)
        .filter(liaison=request.user, done_at__isnull=True)
        .select_related("organization", "interaction")
        .order_by("due_on", "pk")
    )
    done = (
        FollowUp.objects.visible_to(request.user)
        .filter(liaison=request.user, done_at__isnull=False)
        .select_related("organization")
        .order_by("-done_at")[:20]
    )
    return render(
        request,
        "web/liaison/follow_ups.html",
        {"section": "follow_ups", "open_items": open_items, "done": done, "today": day, "form": FollowUpDoneForm()},
    )


@liaison_only
@require_POST
def follow_up_done(request, pk: int):
    follow_up = get_object_or_404(FollowUp.objects.visible_to(request.user).filter(liaison=request.user), pk=pk)
    form = FollowUpDoneForm(request.POST)
    if form.is_valid():
        try:
            follow_up_complete(follow_up=follow_up, user=request.user, outcome=form.cleaned_data["outcome"])
            messages.success(request, _("Follow-up marked as done."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect(request.POST.get("next") or "web:follow_ups")


def _parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise Http404 from error


@liaison_only
def summaries(request):
    day = timezone.localdate()
    current = [
        (period, period_start_for(period, day), summary_due_at(period, period_start_for(period, day)))
        for period in Period.values
    ]
    history = Paginator(summaries_for(request.user, liaison=request.user), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "web/liaison/summaries.html",
        {"section": "summaries", "current": current, "history": history, "periods": dict(Period.choices)},
    )


@liaison_only
def summary_edit(request, period: str, start: str):
    if period not in Period.values:
        raise Http404
    period_start = _parse_day(start)
    if period_start != period_start_for(period, period_start):
        raise Http404
    mine = summaries_for(request.user, liaison=request.user)
    existing = mine.filter(period=period, period_start=period_start).first()
    form = SummaryForm(
        request.POST or None,
        initial={"body": existing.body, "plan": existing.plan} if existing else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = summary_save(
                liaison=request.user,
                period=period,
                period_start=period_start,
                body=form.cleaned_data["body"],
                plan=form.cleaned_data["plan"],
                submit="submit" in request.POST,
            )
        except ValidationError as error:
            _service_errors(form, error)
        else:
            if saved.submitted_at and saved.is_late:
                messages.warning(request, _("Submitted after the deadline; it is marked late."))
            elif saved.submitted_at:
                messages.success(request, _("Summary submitted."))
            else:
                messages.success(request, _("Draft saved."))
            return redirect("web:summary", period=period, start=period_start.isoformat())
    facts = period_facts(request.user, liaison=request.user, period=period, start=period_start)
    return render(
        request,
        "web/liaison/summary_form.html",
        {
            "section": "summaries",
            "period": period,
            "period_label": Period(period).label,
            "period_start": period_start,
            "due_at": summary_due_at(period, period_start),
            "existing": existing,
            "facts": facts,
            "kind_counts": [(label, facts.by_kind[value]) for value, label in Kind.choices],
            "form": form,
            "previous_start": period_start_for(period, period_start - timedelta(days=1)),
        },
    )
