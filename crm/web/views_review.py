"""The compliance office's pages: queue, review page with decisions, ledger, policy editor, dashboard."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from crm.compliance import selectors
from crm.compliance.models import Decision, ReviewDecision, Rule, Severity
from crm.compliance.screening import patient_identifier_hits
from crm.compliance.services import (
    current_findings,
    interactions_rescreen,
    needs_screening_verdict,
    policy_publish,
    review_decide,
)
from crm.interactions.models import Interaction, Nature
from crm.interactions.selectors import NOTE_LABELS, changes_since_previous, earlier_versions
from crm.partners.models import Clinician, Territory
from crm.people.models import Role, User
from crm.web.charts import bar_chart
from crm.web.decorators import compliance_only
from crm.web.forms_review import DecisionForm, PolicyForm
from crm.web.highlight import highlight


def _int(value):
    try:
        return int(value) if value else None
    except ValueError:
        return None


@compliance_only
def queue(request):
    filters = {
        "severity": request.GET.get("severity") or None,
        "rule": request.GET.get("rule") or None,
        "liaison_id": _int(request.GET.get("liaison")),
        "territory_id": _int(request.GET.get("territory")),
    }
    page = Paginator(selectors.review_queue(request.user, **filters), 30).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "web/review/queue.html",
        {
            "section": "queue",
            "page": page,
            "query": query.urlencode(),
            "filters": request.GET,
            "severities": Severity.choices,
            "rules": Rule.choices,
            "liaisons": User.objects.filter(groups__name=Role.LIAISON).order_by("full_name"),
            "territories": Territory.objects.visible_to(request.user),
            "now": timezone.now(),
        },
    )


def _review_context(request, interaction: Interaction, form: DecisionForm) -> dict:
    policy = selectors.current_policy()
    screener = selectors.policy_screener(policy)
    notes = [
        (label, highlight(text, [*screener.value_hits(text), *patient_identifier_hits(text)]))
        for label, text in ((label, getattr(interaction, name)) for name, label in NOTE_LABELS.items())
        if text
    ]
    findings = current_findings(interaction).select_related("policy")
    year = timezone.localdate(interaction.occurred_at).year
    recipients = {t.recipient_clinician_id for t in interaction.transfers.all() if t.recipient_clinician_id}
    totals = selectors.clinician_year_totals(request.user, clinician_ids=recipients, year=year)
    ledgers = [
        (clinician, totals.get(clinician.pk, 0), int(100 * totals.get(clinician.pk, 0) / policy.annual_cap))
        for clinician in Clinician.objects.filter(pk__in=recipients).order_by("name")
    ]
    return {
        "section": "queue",
        "interaction": interaction,
        "notes": notes,
        "findings": findings,
        "has_prohibited": any(f.severity == Severity.PROHIBITED for f in findings),
        "flagged": needs_screening_verdict(interaction),
        "own": interaction.liaison_id == request.user.pk,
        "ledgers": ledgers,
        "cap": policy.annual_cap,
        "year": year,
        "changes": changes_since_previous(interaction),
        "revisions": earlier_versions(interaction),
        "form": form,
    }


@compliance_only
def review(request, pk: int):
    interaction = get_object_or_404(
        Interaction.objects.visible_to(request.user)
        .select_related("organization__territory", "liaison")
        .prefetch_related(
            "clinicians",
            "transfers__recipient_clinician",
            "transfers__recipient_organization",
            Prefetch("decisions", queryset=ReviewDecision.objects.select_related("reviewer").order_by("decided_at")),
        ),
        pk=pk,
    )
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            review_decide(
                interaction=interaction,
                reviewer=request.user,
                decision=form.cleaned_data["decision"],
                comment=form.cleaned_data["comment"],
                screening_verdict=form.cleaned_data["screening_verdict"],
            )
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, error.messages[0] if hasattr(error, "messages") else str(error))
        else:
            messages.success(request, _("Decision recorded."))
            return redirect("web:queue")
    status = 400 if request.method == "POST" else 200
    return render(request, "web/review/review.html", _review_context(request, interaction, form), status=status)


@compliance_only
def ledger(request, pk: int):
    clinician = get_object_or_404(Clinician.objects.visible_to(request.user).select_related("organization"), pk=pk)
    year = _int(request.GET.get("year")) or timezone.localdate().year
    result = selectors.recipient_ledger(request.user, year=year, clinician_id=clinician.pk)
    natures = dict(Nature.choices)
    rows = [(natures.get(r.nature, r.nature), r) for r in result.rows]
    share = int(100 * result.total_counted / result.cap) if result.cap else 0
    return render(
        request,
        "web/review/ledger.html",
        {"section": "queue", "clinician": clinician, "ledger": result, "rows": rows, "share": share, "year": year},
    )


@compliance_only
def policy(request):
    current = selectors.current_policy()
    form = PolicyForm(request.POST or None, policy=current)
    if request.method == "POST" and form.is_valid():
        try:
            published = policy_publish(author=request.user, values=form.values())
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, _("Policy version %(v)s published.") % {"v": published.version})
            return redirect("web:policy")
    history = type(current).objects.select_related("created_by").order_by("-version")[:20]
    year = timezone.localdate().year
    judged = selectors.judged_words(request.user, year=year)
    context = {
        "section": "policy",
        "form": form,
        "current": current,
        "history": history,
        "judged": judged,
        "year": year,
    }
    return render(request, "web/review/policy.html", context)


@compliance_only
@require_POST
def rescreen(request):
    report = interactions_rescreen(actor=request.user)
    messages.success(
        request,
        _("%(scanned)s interactions screened: %(flagged)s newly flagged, %(cleared)s cleared, %(changed)s changed.")
        % {
            "scanned": report.scanned,
            "flagged": report.newly_flagged,
            "cleared": report.cleared,
            "changed": report.findings_changed,
        },
    )
    return redirect("web:policy")


@compliance_only
def dashboard(request):
    year = _int(request.GET.get("year")) or timezone.localdate().year
    figures = selectors.dashboard_figures(request.user, year=year)
    by_month: dict = {}
    natures_seen: list[str] = []
    for row in selectors.value_by_nature_and_month(request.user, year=year):
        by_month.setdefault(row["month"], {})[row["nature"]] = row["total"]
        if row["nature"] not in natures_seen:
            natures_seen.append(row["nature"])
    months = sorted(by_month)
    labels = dict(Nature.choices)
    chart = bar_chart(
        [m.strftime("%m") for m in months],
        [(str(labels.get(n, n)), [by_month[m].get(n, 0) for m in months]) for n in natures_seen],
        title=_("Value by nature and month, %(year)s (CNY)") % {"year": year},
    )
    cap = selectors.current_policy().annual_cap
    verdicts = selectors.screening_verdicts(request.user, year=year)
    nearest = [
        (row, int(100 * row["total"] / cap) if cap else 0)
        for row in selectors.recipients_nearest_cap(request.user, year=year)
    ]
    return render(
        request,
        "web/review/dashboard.html",
        {
            "section": "compliance_dashboard",
            "year": year,
            "figures": figures,
            "chart": chart,
            "nearest": nearest,
            "cap": cap,
            "verdicts": [(_("Term lists"), verdicts["lists"]), (_("Learned reader"), verdicts["reader"])],
            "rule_labels": dict(Rule.choices),
            "decisions": Decision.choices,
        },
    )
