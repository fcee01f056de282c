"""Writes for logged work. ``interaction_create`` and ``interaction_amend`` are the only way an
interaction and its transfer-of-value lines reach the database: pages, admin, API and importers
all call them, so every row is screened by the same rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from crm.compliance import services as compliance
from crm.compliance.messages import finding_message
from crm.compliance.rules import split_amount
from crm.interactions.models import (
    FollowUp,
    Form,
    Interaction,
    InteractionRevision,
    Kind,
    Period,
    Summary,
    TransferOfValue,
)
from crm.interactions.selectors import period_bounds, period_start_for, snapshot_of
from crm.partners.models import Clinician, Organization

EDITABLE_FIELDS = (
    "channel",
    "summary",
    "next_step",
    "follow_up_on",
    "training_format",
    "training_status",
    "training_starts_on",
    "no_benefit_statement",
    "case_code",
    "case_age_band",
    "case_sex",
    "case_condition_group",
    "case_topic",
    "feedback_due_at",
    "feedback_given_at",
)
CASE_FEEDBACK_HOURS = 24
SUMMARY_DEADLINE = time(17, 0)


@dataclass(frozen=True)
class TransferInput:
    """A transfer-of-value line as entered: one recipient, or several attending clinicians to split it."""

    nature: str
    description: str
    amount: Decimal
    recipient_clinician: Clinician | None = None
    recipient_organization: Organization | None = None
    attendees: Sequence[Clinician] = field(default_factory=tuple)
    form: str = Form.IN_KIND
    currency: str = "CNY"
    patient_education: bool = False
    justification: str = ""


def _expand(interaction: Interaction, entries: Iterable[TransferInput]) -> list[TransferOfValue]:
    """Unsaved rows, one per recipient; a line shared by attendees is split in equal cents."""
    rows = []
    value_date = timezone.localdate(interaction.occurred_at)
    for number, entry in enumerate(entries, start=1):
        amount = Decimal(entry.amount)
        if amount < 0:
            raise ValidationError({"transfers": _("Line %(n)s: the amount cannot be negative.") % {"n": number}})
        if entry.currency != "CNY":
            raise ValidationError({"transfers": _("Line %(n)s: enter the amount in CNY.") % {"n": number}})
        recipients: list[tuple[Clinician | None, Organization | None]]
        if entry.attendees:
            recipients = [(clinician, None) for clinician in entry.attendees]
        elif entry.recipient_clinician is not None and entry.recipient_organization is None:
            recipients = [(entry.recipient_clinician, None)]
        elif entry.recipient_organization is not None and entry.recipient_clinician is None:
            recipients = [(None, entry.recipient_organization)]
        else:
            raise ValidationError(
                {"transfers": _("Line %(n)s: choose one recipient, a clinician or the organization.") % {"n": number}}
            )
        for clinician, organization in recipients:
            at = clinician.organization_id if clinician else organization.pk
            if at != interaction.organization_id:
                raise ValidationError(
                    {"transfers": _("Line %(n)s: the recipient must belong to this partner.") % {"n": number}}
                )
        for (clinician, organization), share in zip(recipients, split_amount(amount, len(recipients)), strict=True):
            rows.append(
                TransferOfValue(
                    interaction=interaction,
                    nature=entry.nature,
                    form=entry.form,
                    description=entry.description,
                    amount=share,
                    currency=entry.currency,
                    recipient_clinician=clinician,
                    recipient_organization=organization,
                    patient_education=entry.patient_education,
                    justification=entry.justification,
                    attendees_sharing=len(recipients),
                    value_date=value_date,
                )
            )
    return rows


def _check_author(author, organization: Organization) -> None:
    if not author.has_perm("interactions.add_interaction"):
        raise PermissionDenied(_("Your role cannot log interactions."))
    if not Organization.objects.visible_to(author).filter(pk=organization.pk).exists():
        raise PermissionDenied(_("This partner is not in your territories."))


def _check_clinicians(organization: Organization, clinicians: Sequence[Clinician]) -> None:
    if any(c.organization_id != organization.pk for c in clinicians):
        raise ValidationError({"clinicians": _("Choose clinicians of this partner only.")})


def _fill_defaults(interaction: Interaction) -> None:
    """Case discussions owe the partner feedback within 24 hours unless a time was given."""
    if interaction.kind == Kind.CASE and interaction.feedback_due_at is None:
        interaction.feedback_due_at = interaction.occurred_at + timedelta(hours=CASE_FEEDBACK_HOURS)


def _check_dates(**values) -> None:
    """Dates outside 2000–2100 are typing slips (and meaningless under the local time zone)."""
    for name, value in values.items():
        if value is not None and not 2000 <= value.year <= 2100:
            raise ValidationError({name: _("Enter a date between the years 2000 and 2100.")})


def _validate(interaction: Interaction, lines: Sequence[TransferOfValue]) -> None:
    _check_dates(
        occurred_at=interaction.occurred_at,
        follow_up_on=interaction.follow_up_on,
        training_starts_on=interaction.training_starts_on,
        feedback_due_at=interaction.feedback_due_at,
        feedback_given_at=interaction.feedback_given_at,
    )
    interaction.full_clean(exclude=["liaison", "organization"])
    for line in lines:
        line.full_clean(exclude=["interaction", "recipient_clinician", "recipient_organization"])


def _save_children(interaction, clinicians, lines, author) -> None:
    interaction.clinicians.set(clinicians)
    TransferOfValue.objects.bulk_create(lines)
    if interaction.follow_up_on and interaction.next_step:
        FollowUp.objects.update_or_create(
            interaction=interaction,
            done_at=None,
            defaults={
                "organization": interaction.organization,
                "liaison": interaction.liaison,
                "due_on": interaction.follow_up_on,
                "description": interaction.next_step[:255],
            },
        )


@transaction.atomic
def interaction_create(
    *,
    author,
    kind: str,
    organization: Organization,
    occurred_at: datetime,
    summary: str,
    clinicians: Sequence[Clinician] = (),
    transfers: Sequence[TransferInput] = (),
    **details,
) -> Interaction:
    """Log an interaction with its value lines; screened before anything is written.

    Raises ValidationError (field → messages) when the draft is invalid or a rule blocks it
    (e.g. a patient ID number in a case discussion): nothing is saved and the caller keeps the input.
    """
    unknown = set(details) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"unknown interaction fields: {sorted(unknown)}")
    _check_author(author, organization)
    clinicians = list(clinicians)
    _check_clinicians(organization, clinicians)
    interaction = Interaction(
        kind=kind, organization=organization, liaison=author, occurred_at=occurred_at, summary=summary, **details
    )
    _fill_defaults(interaction)
    lines = _expand(interaction, transfers)
    _validate(interaction, lines)
    policy, found = compliance.interaction_assess(interaction=interaction, lines=lines)
    interaction.review_status = compliance.status_after(found, None)
    interaction.save()
    _save_children(interaction, clinicians, lines, author)
    compliance.findings_record(interaction=interaction, lines=lines, found=found, policy=policy, actor=author)
    return interaction


def interaction_preview(
    *,
    author,
    kind: str,
    organization: Organization,
    occurred_at: datetime,
    summary: str = "",
    transfers: Sequence[TransferInput] = (),
    interaction: Interaction | None = None,
    **details,
) -> list[dict]:
    """What the policy will say about a draft, before saving (the live panel of the log form).

    Runs the same rules as a save, writes nothing; ``interaction`` is given when amending so its
    own lines are not counted twice in the recipient's year.
    """
    _check_author(author, organization)
    draft = Interaction(
        pk=interaction.pk if interaction else None,
        kind=kind,
        organization=organization,
        liaison=author,
        occurred_at=occurred_at,
        summary=summary,
        **{k: v for k, v in details.items() if k in EDITABLE_FIELDS},
    )
    lines = _expand(draft, transfers)
    _policy, found = compliance.interaction_evaluate(interaction=draft, lines=lines)
    return [
        {
            "rule": f.rule,
            "severity": f.severity,
            "message": finding_message(f.rule, f.severity, f.evidence),
            "field": compliance.field_of(f),
        }
        for f in found
    ]


@transaction.atomic
def interaction_amend(
    *,
    interaction: Interaction,
    author,
    clinicians: Sequence[Clinician] | None = None,
    transfers: Sequence[TransferInput] | None = None,
    **changes,
) -> Interaction:
    """Save a new version: the old one is kept as a revision, and the new one is screened again.

    Only the author amends. A version that had been decided (or returned) goes back to review.
    """
    unknown = set(changes) - set(EDITABLE_FIELDS) - {"occurred_at"}
    if unknown:
        raise TypeError(f"unknown interaction fields: {sorted(unknown)}")
    current = Interaction.objects.select_for_update().get(pk=interaction.pk)
    if current.liaison_id != author.pk:
        raise PermissionDenied(_("Only the liaison who logged an interaction can amend it."))
    previous_status = current.review_status
    InteractionRevision.objects.create(
        interaction=current, version=current.version, snapshot=snapshot_of(current), created_by=author
    )
    for name, value in changes.items():
        setattr(current, name, value)
    current.version += 1
    _fill_defaults(current)
    chosen = list(clinicians) if clinicians is not None else list(current.clinicians.all())
    _check_clinicians(current.organization, chosen)
    if transfers is None:
        lines = list(current.transfers.select_related("recipient_clinician", "recipient_organization"))
        for line in lines:
            line.pk = None
            line._state.adding = True
            line.value_date = timezone.localdate(current.occurred_at)
    else:
        lines = _expand(current, transfers)
    _validate(current, lines)
    policy, found = compliance.interaction_assess(interaction=current, lines=lines)
    current.review_status = compliance.status_after(found, previous_status)
    current.save()
    current.transfers.all().delete()
    _save_children(current, chosen, lines, author)
    compliance.findings_record(
        interaction=current, lines=lines, found=found, policy=policy, actor=author, previous_status=previous_status
    )
    return current


def summary_due_at(period: str, period_start: date) -> datetime:
    """Deadlines: 17:00 the same day, Sunday 17:00 for a week, 17:00 on the month's last day."""
    if period == Period.DAILY:
        day = period_start
    elif period == Period.WEEKLY:
        day = period_start + timedelta(days=6)
    else:
        day = period_bounds(period, period_start)[1] - timedelta(days=1)
    return timezone.make_aware(datetime.combine(day, SUMMARY_DEADLINE))


@transaction.atomic
def summary_save(*, liaison, period: str, period_start: date, body: str, plan: str, submit: bool) -> Summary:
    """Write the liaison's own summary for a period; ``submit`` stamps the time (late if after the deadline)."""
    _check_dates(period_start=period_start)
    if period_start != period_start_for(period, period_start):
        raise ValidationError({"period_start": _("A weekly summary starts on a Monday, a monthly one on the 1st.")})
    summary, _created = Summary.objects.select_for_update().get_or_create(
        liaison=liaison,
        period=period,
        period_start=period_start,
        defaults={"due_at": summary_due_at(period, period_start)},
    )
    summary.body, summary.plan = body, plan
    if submit:
        if not (body.strip() or plan.strip()):
            raise ValidationError({"body": _("Write the summary or the plan before submitting.")})
        summary.submitted_at = timezone.now()
    summary.full_clean(exclude=["liaison"])
    summary.save()
    return summary


@transaction.atomic
def follow_up_complete(*, follow_up: FollowUp, user, outcome: str = "") -> FollowUp:
    """Mark a follow-up done; only its own liaison does that."""
    if follow_up.liaison_id != user.pk:
        raise PermissionDenied(_("Only the liaison who owns a follow-up can close it."))
    updated = FollowUp.objects.filter(pk=follow_up.pk, done_at__isnull=True).update(
        done_at=timezone.now(), outcome=outcome[:255]
    )
    follow_up.refresh_from_db()
    if not updated:
        raise ValidationError(_("This follow-up was already done."), code="already_done")
    return follow_up
