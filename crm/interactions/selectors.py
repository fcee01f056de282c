"""Reads about logged work for the pages and the API, always starting from ``visible_to``."""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from crm.compliance.models import ReviewDecision
from crm.compliance.services import json_safe
from crm.interactions.models import (
    FollowUp,
    Form,
    Interaction,
    InteractionRevision,
    Kind,
    Nature,
    Period,
    ReviewStatus,
    Summary,
    TransferOfValue,
)
from crm.partners.models import Clinician, Organization


def day_bounds(day: date) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(day, time.min))
    return start, start + timedelta(days=1)


def period_bounds(period: str, start: date) -> tuple[date, date]:
    """First day and the day after the last, for a daily, weekly (Monday) or monthly period."""
    if period == Period.DAILY:
        return start, start + timedelta(days=1)
    if period == Period.WEEKLY:
        return start, start + timedelta(days=7)
    next_month = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return start, next_month


def period_start_for(period: str, day: date) -> date:
    if period == Period.WEEKLY:
        return day - timedelta(days=day.weekday())
    if period == Period.MONTHLY:
        return day.replace(day=1)
    return day


def timeline(queryset: QuerySet[Interaction]) -> QuerySet[Interaction]:
    """Interactions with what a list row shows, in a fixed number of queries."""
    return queryset.select_related("organization", "liaison").prefetch_related("clinicians", "transfers")


@dataclass
class TodayOverview:
    interactions: list[Interaction]
    contacts: int
    target: int
    due_today: list[FollowUp]
    overdue: list[FollowUp]
    returned: list[Interaction]


def today_for(user, *, today: date, target: int) -> TodayOverview:
    """A liaison's day: what they logged, the contact target, follow-ups, returned interactions."""
    start, end = day_bounds(today)
    logged = list(
        timeline(Interaction.objects.filter(liaison=user, occurred_at__gte=start, occurred_at__lt=end)).order_by(
            "occurred_at"
        )
    )
    contacts = len({c.pk for i in logged for c in i.clinicians.all()})
    open_follow_ups = FollowUp.objects.visible_to(user).filter(liaison=user, done_at__isnull=True, due_on__lte=today)
    open_follow_ups = list(open_follow_ups.select_related("organization").order_by("due_on", "pk"))
    latest_decisions = ReviewDecision.objects.select_related("reviewer").order_by("-decided_at")
    returned = list(
        Interaction.objects.filter(liaison=user, review_status=ReviewStatus.RETURNED)
        .select_related("organization")
        .prefetch_related(Prefetch("decisions", queryset=latest_decisions, to_attr="decisions_newest_first"))
        .order_by("updated_at")
    )
    return TodayOverview(
        interactions=logged,
        contacts=contacts,
        target=target,
        due_today=[f for f in open_follow_ups if f.due_on == today],
        overdue=[f for f in open_follow_ups if f.due_on < today],
        returned=returned,
    )


@dataclass
class PeriodFacts:
    """What the logs already say for a summary period."""

    by_kind: dict[str, int]
    organizations: int
    clinicians: int
    transfers: int
    follow_ups_done: int
    follow_ups_open: int


def period_facts(user, *, liaison, period: str, start: date) -> PeriodFacts:
    first, after = period_bounds(period, start)
    lo, _unused = day_bounds(first)
    hi, _unused = day_bounds(after)
    logged = Interaction.objects.visible_to(user).filter(liaison=liaison, occurred_at__gte=lo, occurred_at__lt=hi)
    by_kind = dict(logged.values_list("kind").annotate(n=Count("pk")).order_by())
    totals = logged.aggregate(
        organizations=Count("organization", distinct=True), clinicians=Count("clinicians", distinct=True)
    )
    follow_ups = FollowUp.objects.visible_to(user).filter(liaison=liaison)
    return PeriodFacts(
        by_kind={k: by_kind.get(k, 0) for k in Kind.values},
        organizations=totals["organizations"],
        clinicians=totals["clinicians"],
        transfers=TransferOfValue.objects.filter(interaction__in=logged).count(),
        follow_ups_done=follow_ups.filter(done_at__gte=lo, done_at__lt=hi).count(),
        follow_ups_open=follow_ups.filter(done_at__isnull=True, due_on__lt=after).count(),
    )


def summaries_for(user, *, liaison) -> QuerySet[Summary]:
    return Summary.objects.visible_to(user).filter(liaison=liaison).select_related("liaison")


# --- Director views -------------------------------------------------------------------------


def team_activity(user, *, weeks: int, today: date) -> tuple[list[date], list[dict]]:
    """Interactions per liaison per ISO week (Monday), for the last ``weeks`` weeks."""
    monday = today - timedelta(days=today.weekday())
    starts = [monday - timedelta(weeks=n) for n in reversed(range(weeks))]
    lo, _unused = day_bounds(starts[0])
    rows = (
        Interaction.objects.visible_to(user)
        .filter(occurred_at__gte=lo)
        .values("liaison_id", "liaison__full_name", "liaison__username", "occurred_at")
    )
    table: dict[int, dict] = {}
    for row in rows.iterator(chunk_size=2000):
        day = timezone.localdate(row["occurred_at"])
        week = day - timedelta(days=day.weekday())
        entry = table.setdefault(
            row["liaison_id"],
            {"name": row["liaison__full_name"] or row["liaison__username"], "weeks": dict.fromkeys(starts, 0)},
        )
        if week in entry["weeks"]:
            entry["weeks"][week] += 1
    result = sorted(table.values(), key=lambda e: e["name"])
    for entry in result:
        entry["counts"] = [entry["weeks"][w] for w in starts]
        entry["total"] = sum(entry["counts"])
    return starts, result


def overdue_follow_ups(user, *, today: date) -> QuerySet[FollowUp]:
    return (
        FollowUp.objects.visible_to(user)
        .filter(done_at__isnull=True, due_on__lt=today)
        .select_related("organization", "liaison")
        .order_by("due_on", "pk")
    )


@dataclass
class FeedbackTimeliness:
    on_time: int
    late: int
    missing_overdue: int
    open_not_due: int

    @property
    def total_due(self) -> int:
        return self.on_time + self.late + self.missing_overdue

    @property
    def on_time_share(self) -> float:
        return self.on_time / self.total_due if self.total_due else 1.0


def case_feedback_timeliness(user, *, since: date, now: datetime) -> FeedbackTimeliness:
    """Case discussions against the 24-hour feedback target."""
    lo, _unused = day_bounds(since)
    cases = Interaction.objects.visible_to(user).filter(kind=Kind.CASE, occurred_at__gte=lo)
    figures = cases.aggregate(
        on_time=Count("pk", filter=Q(feedback_given_at__lte=F("feedback_due_at"))),
        late=Count("pk", filter=Q(feedback_given_at__gt=F("feedback_due_at"))),
        missing_overdue=Count("pk", filter=Q(feedback_given_at__isnull=True, feedback_due_at__lt=now)),
        open_not_due=Count("pk", filter=Q(feedback_given_at__isnull=True, feedback_due_at__gte=now)),
    )
    return FeedbackTimeliness(**figures)


def training_offers_by_status(user, *, since: date) -> dict[str, int]:
    lo, _unused = day_bounds(since)
    rows = (
        Interaction.objects.visible_to(user)
        .filter(kind=Kind.TRAINING, occurred_at__gte=lo)
        .values_list("training_status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return dict(rows)


# ---- versions: what a reviewer needs to see of an amendment -------------------------------------------

# The free-text fields as the review page titles them.
NOTE_LABELS = {
    "summary": _("Summary"),
    "next_step": _("Next step"),
    "no_benefit_statement": _("No individual benefit statement"),
}
_CHARACTER_DIFF_LIMIT = 400  # longer changed passages are shown removed and added whole
_SENTENCE = re.compile(r"[^。！？!?；;\n]*(?:[。！？!?；;\n]+|$)")


def snapshot_of(interaction: Interaction) -> dict:
    """Everything a reviewer needs to see an earlier version as it was (kept at each amendment)."""
    data = model_to_dict(interaction, exclude=["clinicians"])
    data["clinicians"] = sorted(interaction.clinicians.values_list("pk", flat=True))
    data["review_status"] = interaction.review_status
    data["transfers"] = [model_to_dict(line, exclude=["interaction"]) for line in interaction.transfers.order_by("pk")]
    return json_safe(data)


@dataclass(frozen=True)
class LineShown:
    """A transfer-of-value line as a version held it, labelled for people."""

    nature: str
    form: str
    description: str
    recipient: str
    amount: Decimal


@dataclass(frozen=True)
class EarlierVersion:
    version: int
    saved_at: datetime
    status: str
    summary: str
    lines: list[LineShown]


@dataclass(frozen=True)
class TextChange:
    label: str
    pieces: list[tuple[str, str]]  # ("same" | "removed" | "added", text)


@dataclass(frozen=True)
class VersionChanges:
    """What the current version changed in the one before it (after a return, what the author did)."""

    since: int
    texts: list[TextChange]
    removed_lines: list[LineShown]
    added_lines: list[LineShown]


def text_changes(before: str, after: str) -> list[tuple[str, str]]:
    """Kept, removed and added passages: sentence by sentence, then character by character inside a
    changed passage (Chinese has no spaces to split words on) unless it is long, which keeps the
    work small on any text."""
    old, new = _sentences(before), _sentences(after)
    pieces: list[tuple[str, str]] = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        removed, added = "".join(old[a1:a2]), "".join(new[b1:b2])
        if op == "equal":
            pieces.append(("same", removed))
        elif op == "replace" and max(len(removed), len(added)) <= _CHARACTER_DIFF_LIMIT:
            pieces += _character_changes(removed, added)
        else:
            pieces += [(kind, text) for kind, text in (("removed", removed), ("added", added)) if text]
    return pieces


def _sentences(text: str) -> list[str]:
    return [sentence for sentence in _SENTENCE.findall(text) if sentence]


def _character_changes(before: str, after: str) -> list[tuple[str, str]]:
    pieces = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(("same", before[a1:a2]))
            continue
        if a2 > a1:
            pieces.append(("removed", before[a1:a2]))
        if b2 > b1:
            pieces.append(("added", after[b1:b2]))
    return pieces


def _lines_shown(snapshots: list[dict]) -> list[tuple[str, LineShown]]:
    """(comparison key, labelled line) for snapshot lines: every field but the row id counts."""
    natures, forms = dict(Nature.choices), dict(Form.choices)
    clinicians = dict(
        Clinician.objects.filter(pk__in={s["recipient_clinician"] for s in snapshots}).values_list("pk", "name")
    )
    organizations = dict(
        Organization.objects.filter(pk__in={s["recipient_organization"] for s in snapshots}).values_list("pk", "name")
    )
    shown = []
    for line in snapshots:
        key = json.dumps({k: v for k, v in line.items() if k != "id"}, sort_keys=True, ensure_ascii=False)
        recipient = clinicians.get(line["recipient_clinician"]) or organizations.get(line["recipient_organization"], "")
        shown.append(
            (
                key,
                LineShown(
                    str(natures.get(line["nature"], line["nature"])),
                    str(forms.get(line["form"], line["form"])),
                    line["description"],
                    recipient,
                    Decimal(str(line["amount"])),
                ),
            )
        )
    return shown


def earlier_versions(interaction: Interaction) -> list[EarlierVersion]:
    """The versions kept before each amendment, newest first, with their status and lines labelled."""
    statuses = dict(ReviewStatus.choices)
    revisions = list(InteractionRevision.objects.filter(interaction=interaction).order_by("-version"))
    lines = _lines_shown([line for r in revisions for line in r.snapshot.get("transfers", [])])
    versions, taken = [], 0
    for r in revisions:
        count = len(r.snapshot.get("transfers", []))
        status = r.snapshot.get("review_status", "")
        versions.append(
            EarlierVersion(
                version=r.version,
                saved_at=r.created_at,
                status=str(statuses.get(status, status)),
                summary=r.snapshot.get("summary") or "",
                lines=[shown for _, shown in lines[taken : taken + count]],
            )
        )
        taken += count
    return versions


def changes_since_previous(interaction: Interaction) -> VersionChanges | None:
    """The current version against the one it replaced (None for a first version)."""
    revision = InteractionRevision.objects.filter(interaction=interaction, version=interaction.version - 1).first()
    if revision is None:
        return None
    before, after = revision.snapshot, snapshot_of(interaction)
    texts = [
        TextChange(str(label), text_changes(before.get(name) or "", after.get(name) or ""))
        for name, label in NOTE_LABELS.items()
        if (before.get(name) or "") != (after.get(name) or "")
    ]
    old = _lines_shown(before.get("transfers", []))
    new = _lines_shown(after["transfers"])
    kept = Counter(key for key, _ in old) & Counter(key for key, _ in new)
    return VersionChanges(
        since=revision.version,
        texts=texts,
        removed_lines=_beyond(old, kept),
        added_lines=_beyond(new, kept),
    )


def _beyond(lines: list[tuple[str, LineShown]], kept: Counter) -> list[LineShown]:
    """The lines not matched by an identical line on the other side."""
    left, out = Counter(kept), []
    for key, shown in lines:
        if left[key]:
            left[key] -= 1
        else:
            out.append(shown)
    return out
