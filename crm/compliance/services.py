"""Compliance writes: screening a draft, recording findings, deciding reviews.

Every interaction write goes through ``crm.interactions.services``, which calls
``interaction_assess`` before saving and ``findings_record`` after; review decisions go through
``review_decide``. Those are the only places that change an interaction's review status.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from crm.compliance import rules
from crm.compliance.audit import audit_record
from crm.compliance.defaults import reader_digest
from crm.compliance.messages import finding_message
from crm.compliance.models import (
    SCREENING_FLAG,
    TEXT_FIELDS,
    Decision,
    Finding,
    Policy,
    ReviewDecision,
    Rule,
    ScreeningVerdict,
    Severity,
)
from crm.compliance.selectors import current_policy, policy_screener
from crm.interactions.models import Interaction, ReviewStatus, TransferOfValue

COUNTED_STATUSES = (ReviewStatus.PENDING, ReviewStatus.RETURNED, ReviewStatus.APPROVED)
DECIDED_STATUSES = (ReviewStatus.APPROVED, ReviewStatus.REJECTED, ReviewStatus.RETURNED)


def limits_of(policy: Policy) -> rules.Limits:
    return rules.Limits(
        item_limit=policy.item_limit,
        annual_cap=policy.annual_cap,
        annual_warn_ratio=policy.annual_warn_ratio,
        meals_per_quarter=policy.meals_per_quarter,
        prohibited_natures=frozenset(policy.prohibited_natures),
    )


def recipient_key(line: TransferOfValue) -> str:
    if line.recipient_clinician_id:
        return f"clinician:{line.recipient_clinician_id}"
    return f"organization:{line.recipient_organization_id}"


def rule_line(line: TransferOfValue, index: int) -> rules.Line:
    person = line.recipient_clinician_id is not None
    recipient = line.recipient_clinician if person else line.recipient_organization
    return rules.Line(
        nature=line.nature,
        amount=line.amount,
        recipient=recipient_key(line),
        recipient_is_person=person,
        recipient_name=str(recipient),
        description=line.description,
        form=line.form,
        patient_education=line.patient_education,
        justification=line.justification,
        index=index,
    )


def draft_of(interaction: Interaction, lines: Sequence[TransferOfValue]) -> rules.Draft:
    # Line descriptions and justifications describe value already declared: screening them for
    # undeclared value would only repeat it (value tied to referrals is checked per line).
    texts = {name: getattr(interaction, name) or "" for name in TEXT_FIELDS}
    return rules.Draft(
        kind=interaction.kind,
        occurred_on=timezone.localdate(interaction.occurred_at),
        texts=texts,
        lines=tuple(rule_line(line, i) for i, line in enumerate(lines)),
        no_benefit_statement=interaction.no_benefit_statement,
    )


def quarter_bounds(day: date) -> tuple[date, date]:
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = date(day.year, first_month, 1)
    end = date(day.year + 1, 1, 1) if first_month == 10 else date(day.year, first_month + 3, 1)
    return start, end


def history_for(interaction: Interaction, lines: Sequence[TransferOfValue]) -> rules.History:
    """Year-to-date value and meals this quarter for the draft's recipients, other interactions only."""
    if not lines:
        return rules.History()
    day = timezone.localdate(interaction.occurred_at)
    clinician_ids = {line.recipient_clinician_id for line in lines if line.recipient_clinician_id}
    organization_ids = {line.recipient_organization_id for line in lines if line.recipient_organization_id}
    recorded = TransferOfValue.objects.filter(interaction__review_status__in=COUNTED_STATUSES)
    if interaction.pk:
        recorded = recorded.exclude(interaction_id=interaction.pk)
    year = recorded.filter(
        Q(recipient_clinician__in=clinician_ids) | Q(recipient_organization__in=organization_ids),
        value_date__gte=date(day.year, 1, 1),
        value_date__lt=date(day.year + 1, 1, 1),
        patient_education=False,
    )
    year_to_date: dict[str, Decimal] = {}
    for row in year.values("recipient_clinician_id", "recipient_organization_id").annotate(total=Sum("amount")):
        if row["recipient_clinician_id"]:
            key = f"clinician:{row['recipient_clinician_id']}"
        else:
            key = f"organization:{row['recipient_organization_id']}"
        year_to_date[key] = Decimal(row["total"]).quantize(rules.CENT)
    meals: dict[str, int] = {}
    if clinician_ids:
        start, end = quarter_bounds(day)
        quarter = recorded.filter(
            recipient_clinician__in=clinician_ids, nature="food", value_date__gte=start, value_date__lt=end
        )
        for row in quarter.values("recipient_clinician_id").annotate(n=Count("interaction", distinct=True)):
            meals[f"clinician:{row['recipient_clinician_id']}"] = row["n"]
    return rules.History(year_to_date=year_to_date, meals_this_quarter=meals)


def field_of(finding: rules.RuleFinding) -> str:
    """The form field a blocking finding belongs to, so a refused save says where to look."""
    if finding.line_index is not None:
        return "transfers"
    if finding.rule == Rule.TRAINING_VALUE:
        return "no_benefit_statement"
    name = finding.evidence.get("field", "")
    if name in TEXT_FIELDS:
        return name
    return "transfers" if name.startswith("transfers") else "__all__"


def interaction_evaluate(
    *, interaction: Interaction, lines: Sequence[TransferOfValue], policy: Policy | None = None
) -> tuple[Policy, list[rules.RuleFinding]]:
    """Run every rule on an unsaved draft under the current (or given) policy; writes nothing."""
    policy = policy or current_policy()
    found = rules.evaluate(
        draft_of(interaction, lines),
        history_for(interaction, lines),
        limits_of(policy),
        policy_screener(policy),
    )
    return policy, found


def interaction_assess(
    *, interaction: Interaction, lines: Sequence[TransferOfValue], policy: Policy | None = None
) -> tuple[Policy, list[rules.RuleFinding]]:
    """Like ``interaction_evaluate``, but refuse the draft (ValidationError) when a finding blocks."""
    policy, found = interaction_evaluate(interaction=interaction, lines=lines, policy=policy)
    blocking = [f for f in found if f.severity == rules.BLOCKED]
    if blocking:
        errors: dict[str, list[ValidationError]] = {}
        for finding in blocking:
            message = finding_message(finding.rule, finding.severity, finding.evidence)
            errors.setdefault(field_of(finding), []).append(ValidationError(message, code=finding.rule))
        raise ValidationError(errors)
    return policy, found


def status_after(found: Sequence[rules.RuleFinding], previous: str | None) -> str:
    if previous in DECIDED_STATUSES:
        return ReviewStatus.PENDING
    return ReviewStatus.PENDING if found else ReviewStatus.CLEAR


def findings_record(
    *,
    interaction: Interaction,
    lines: Sequence[TransferOfValue],
    found: Sequence[rules.RuleFinding],
    policy: Policy,
    actor,
    previous_status: str | None = None,
) -> list[Finding]:
    """Store the findings of the interaction's current version and log them in the audit chain."""
    found = list(found)
    if previous_status in DECIDED_STATUSES:
        found.append(rules.RuleFinding(Rule.AMENDED_AFTER_DECISION, rules.REVIEW, {"previous": previous_status}))
    rows = [
        Finding(
            interaction=interaction,
            interaction_version=interaction.version,
            transfer=lines[f.line_index] if f.line_index is not None else None,
            rule=f.rule,
            severity=f.severity,
            message=finding_message(f.rule, f.severity, f.evidence)[:500],
            evidence=f.evidence,
            policy=policy,
        )
        for f in found
    ]
    Finding.objects.bulk_create(rows)
    audit_record(
        actor=actor,
        action="interaction.saved" if previous_status is None else "interaction.amended",
        object_type="interaction",
        object_id=interaction.pk,
        payload={
            "version": interaction.version,
            "status": interaction.review_status,
            "policy": policy.version,
            "findings": [{"rule": f.rule, "severity": f.severity, "evidence": f.evidence} for f in found],
        },
    )
    return rows


def current_findings(interaction: Interaction):
    return Finding.objects.filter(interaction=interaction, interaction_version=interaction.version)


NEW_STATUS = {
    Decision.APPROVE: ReviewStatus.APPROVED,
    Decision.REJECT: ReviewStatus.REJECTED,
    Decision.RETURN: ReviewStatus.RETURNED,
}


def review_decide(
    *, interaction: Interaction, reviewer, decision: str, comment: str = "", screening_verdict: str = ""
) -> ReviewDecision:
    """Approve, reject or return a pending interaction. Exactly one of concurrent decisions wins.

    The status change is a conditional UPDATE (still pending, same version), which is race-safe on
    SQLite and PostgreSQL alike; the loser gets ``already_decided``.

    Where screening flagged the notes, approving or rejecting also says whether they record value
    given (``screening_verdict``); returning may leave it open, since that asks the author first.
    Those verdicts are how often screening is right on this department's own notes.
    """
    if decision not in NEW_STATUS:
        raise ValidationError(_("Unknown decision."), code="invalid_decision")
    if not reviewer.has_perm("compliance.add_reviewdecision"):
        raise PermissionDenied(_("Only compliance reviewers can decide on transfers of value."))
    if interaction.liaison_id == reviewer.pk:
        raise ValidationError(_("You cannot review an interaction you logged yourself."), code="self_review")
    comment = (comment or "").strip()
    if decision != Decision.APPROVE and not comment:
        raise ValidationError(_("Say why in a comment when rejecting or returning."), code="comment_required")
    if decision == Decision.APPROVE and current_findings(interaction).filter(severity=Severity.PROHIBITED).exists():
        raise ValidationError(
            _("This interaction has prohibited items and can never be approved; reject it or return it."),
            code="prohibited",
        )
    if screening_verdict and screening_verdict not in ScreeningVerdict.values:
        raise ValidationError(_("Unknown screening verdict."), code="invalid_verdict")
    with transaction.atomic():
        won = Interaction.objects.filter(
            pk=interaction.pk, review_status=ReviewStatus.PENDING, version=interaction.version
        ).update(review_status=NEW_STATUS[decision], updated_at=timezone.now())
        if not won:
            raise ValidationError(
                _("This interaction is no longer pending review (decided or amended meanwhile)."),
                code="already_decided",
            )
        # Checked on the findings as they stand once the decision has won (a rescreen may have
        # added some since the page was shown); a refusal rolls the decision back.
        _check_screening_verdict(interaction, decision, screening_verdict)
        row = ReviewDecision.objects.create(
            interaction=interaction,
            interaction_version=interaction.version,
            decision=decision,
            reviewer=reviewer,
            comment=comment,
            screening_verdict=screening_verdict,
        )
        payload = {"version": interaction.version, "decision": decision, "comment": comment}
        audit_record(
            actor=reviewer,
            action=f"review.{decision}",
            object_type="interaction",
            object_id=interaction.pk,
            payload=payload | ({"screening_verdict": screening_verdict} if screening_verdict else {}),
        )
    interaction.review_status = NEW_STATUS[decision]
    return row


def needs_screening_verdict(interaction: Interaction) -> bool:
    """Whether screening flagged the free text of the current version, so that approving or
    rejecting it asks the reviewer whether value was given."""
    return current_findings(interaction).filter(SCREENING_FLAG).exists()


def _check_screening_verdict(interaction: Interaction, decision: str, verdict: str) -> None:
    flagged = needs_screening_verdict(interaction)
    if verdict and not flagged:
        raise ValidationError(
            _("Screening flagged nothing in these notes, so there is no verdict to give on it."),
            code="verdict_without_flags",
        )
    if flagged and not verdict and decision != Decision.RETURN:
        raise ValidationError(
            _("Screening flagged the notes: say whether they record value given, or whether it was a false alarm."),
            code="verdict_required",
        )


def json_safe(data: dict) -> dict:
    """Dates, decimals and the like as strings, so snapshots and audit payloads hash the same way."""
    return json.loads(json.dumps(data, default=str))


POLICY_FIELDS = (
    "note",
    "item_limit",
    "annual_cap",
    "annual_warn_ratio",
    "meals_per_quarter",
    "prohibited_natures",
    "screening_terms",
    "reader_threshold",
)


@transaction.atomic
def policy_publish(*, author, values: dict) -> Policy:
    """Save a new policy version (the next number); earlier versions stay untouched for old findings."""
    if not author.has_perm("compliance.add_policy"):
        raise PermissionDenied(_("Only compliance reviewers can change the policy."))
    base = current_policy()
    fields = {name: values.get(name, getattr(base, name)) for name in POLICY_FIELDS}
    latest = Policy.objects.select_for_update().order_by("-version").values_list("version", flat=True).first() or 0
    weights = reader_digest(fields["reader_threshold"])
    policy = Policy(version=latest + 1, created_by=author, reader_digest=weights, **fields)
    policy.full_clean()
    policy.save()
    audit_record(
        actor=author,
        action="policy.published",
        object_type="policy",
        object_id=policy.pk,
        payload=json_safe({"version": policy.version, **fields, "reader_digest": policy.reader_digest}),
    )
    return policy


RESCREENED_RULES = frozenset(
    {
        Rule.DECLARED,
        Rule.PROHIBITED_NATURE,
        Rule.TIED_TO_REFERRALS,
        Rule.DONATION_TO_PERSON,
        Rule.ITEM_LIMIT,
        Rule.UNDECLARED_TEXT,
        Rule.VALUE_READER,
        Rule.PATIENT_IDENTIFIER,
    }
)


@dataclass
class RescreenReport:
    scanned: int = 0
    newly_flagged: int = 0
    cleared: int = 0
    findings_changed: int = 0
    decided_would_change: int = 0
    changed_ids: list[int] = dataclass_field(default_factory=list)


def _signature(items) -> list[tuple]:
    return sorted((f.rule, f.severity, json.dumps(f.evidence, sort_keys=True, default=str)) for f in items)


def interactions_rescreen(*, actor=None, batch_size: int = 500, progress=None) -> RescreenReport:
    """Re-run the screening rules under the current policy over every stored interaction.

    Rules that depend on history (annual cap, meal frequency) are left as they were recorded:
    re-deciding them months later would count value given after the fact. Decided interactions
    are locked and only counted; undecided ones get their findings replaced and their status
    set from the result. Works in primary-key batches so memory stays flat.
    """
    policy = current_policy()
    limits = limits_of(policy)
    screener = policy_screener(policy)
    report = RescreenReport()
    last_pk = 0
    while True:
        batch = list(
            Interaction.objects.filter(pk__gt=last_pk)
            .order_by("pk")
            .prefetch_related("transfers__recipient_clinician", "transfers__recipient_organization")[:batch_size]
        )
        if not batch:
            return report
        last_pk = batch[-1].pk
        stored: dict[int, list[Finding]] = {}
        for finding in Finding.objects.filter(interaction__in=batch, rule__in=RESCREENED_RULES):
            stored.setdefault(finding.interaction_id, []).append(finding)
        with transaction.atomic():
            for interaction in batch:
                _rescreen_one(interaction, stored.get(interaction.pk, []), policy, limits, screener, actor, report)
        report.scanned += len(batch)
        if progress:
            progress(report)


def _rescreen_one(interaction, stored, policy, limits, screener, actor, report: RescreenReport) -> None:
    lines = list(interaction.transfers.all())
    draft = draft_of(interaction, lines)
    found = [f for line in draft.lines for f in rules.line_rules(line, limits, screener)]
    found += rules.text_rules(draft, screener)
    current = [f for f in stored if f.interaction_version == interaction.version]
    if _signature(found) == _signature(current):
        return
    if interaction.review_status in (ReviewStatus.APPROVED, ReviewStatus.REJECTED):
        report.decided_would_change += 1
        return
    Finding.objects.filter(pk__in=[f.pk for f in current]).delete()
    Finding.objects.bulk_create(
        Finding(
            interaction=interaction,
            interaction_version=interaction.version,
            transfer=lines[f.line_index] if f.line_index is not None else None,
            rule=f.rule,
            severity=f.severity,
            message=finding_message(f.rule, f.severity, f.evidence)[:500],
            evidence=f.evidence,
            policy=policy,
        )
        for f in found
    )
    remaining = current_findings(interaction).exists()
    before = interaction.review_status
    if interaction.review_status == ReviewStatus.CLEAR and remaining:
        new_status = ReviewStatus.PENDING
        report.newly_flagged += 1
    elif interaction.review_status == ReviewStatus.PENDING and not remaining:
        new_status = ReviewStatus.CLEAR
        report.cleared += 1
    else:
        new_status = interaction.review_status
        report.findings_changed += 1
    Interaction.objects.filter(pk=interaction.pk, version=interaction.version).update(review_status=new_status)
    report.changed_ids.append(interaction.pk)
    audit_record(
        actor=actor,
        action="interaction.rescreened",
        object_type="interaction",
        object_id=interaction.pk,
        payload={
            "version": interaction.version,
            "policy": policy.version,
            "status_before": before,
            "status_after": new_status,
            "findings": [{"rule": f.rule, "severity": f.severity, "evidence": f.evidence} for f in found],
        },
    )
