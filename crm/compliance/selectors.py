"""Reads for the compliance office, scoped through ``crm.access`` like every other read."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, DecimalField, Exists, F, Min, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce, TruncMonth
from django.utils.translation import gettext as _

from crm.compliance.models import (
    SCREENING_FLAG,
    TEXT_FIELDS,
    Finding,
    Policy,
    ReviewDecision,
    Rule,
    ScreeningVerdict,
    Severity,
)
from crm.compliance.screening import Screener, fold, get_screener, masked_span, patient_identifier_hits
from crm.interactions.models import Interaction, ReviewStatus, TransferOfValue

COUNTED = (ReviewStatus.PENDING, ReviewStatus.RETURNED, ReviewStatus.APPROVED)
ZERO = Value(Decimal("0"), output_field=DecimalField(max_digits=14, decimal_places=2))


def current_policy() -> Policy:
    """The policy in force: the highest version (seeded by migration, so one always exists)."""
    return Policy.objects.order_by("-version").first()


def policy_screener(policy: Policy) -> Screener:
    """The screener a policy version prescribes: its term lists and, if it turns it on, the reader."""
    return get_screener(policy.screening_terms, policy.reader_threshold)


def review_queue(
    user,
    *,
    severity: str | None = None,
    rule: str | None = None,
    liaison_id: int | None = None,
    territory_id: int | None = None,
) -> QuerySet[Interaction]:
    """Interactions waiting for a decision, oldest first, with their worst current finding."""
    current = Finding.objects.filter(interaction=OuterRef("pk"), interaction_version=OuterRef("version"))
    queryset = (
        Interaction.objects.visible_to(user)
        .filter(review_status=ReviewStatus.PENDING)
        .select_related("organization__territory", "liaison")
        .annotate(
            has_prohibited=Exists(current.filter(severity=Severity.PROHIBITED)),
            finding_count=Count("findings", filter=Q(findings__interaction_version=F("version")), distinct=True),
        )
        .order_by("updated_at", "pk")
    )
    if severity:
        queryset = queryset.filter(Exists(current.filter(severity=severity)))
    if rule:
        queryset = queryset.filter(Exists(current.filter(rule=rule)))
    if liaison_id:
        queryset = queryset.filter(liaison_id=liaison_id)
    if territory_id:
        queryset = queryset.filter(organization__territory_id=territory_id)
    return queryset


@dataclass(frozen=True)
class LedgerRow:
    nature: str
    approved: Decimal
    pending: Decimal
    count: int


@dataclass(frozen=True)
class Ledger:
    year: int
    rows: list[LedgerRow]
    total_counted: Decimal  # pending + approved, excluding patient-education material
    cap: Decimal

    @property
    def remaining(self) -> Decimal:
        return max(self.cap - self.total_counted, Decimal(0))

    @property
    def share_of_cap(self) -> Decimal:
        return (self.total_counted / self.cap) if self.cap else Decimal(0)


def recipient_ledger(user, *, year: int, clinician_id: int | None = None, organization_id: int | None = None) -> Ledger:
    """What one recipient received in a calendar year, by nature, against the annual cap."""
    lines = TransferOfValue.objects.visible_to(user).filter(
        value_date__gte=date(year, 1, 1), value_date__lt=date(year + 1, 1, 1)
    )
    if clinician_id is not None:
        lines = lines.filter(recipient_clinician_id=clinician_id)
    else:
        lines = lines.filter(recipient_organization_id=organization_id)
    rows = (
        lines.values("nature")
        .annotate(
            approved=Coalesce(Sum("amount", filter=Q(interaction__review_status=ReviewStatus.APPROVED)), ZERO),
            pending=Coalesce(
                Sum("amount", filter=Q(interaction__review_status__in=(ReviewStatus.PENDING, ReviewStatus.RETURNED))),
                ZERO,
            ),
            count=Count("pk"),
        )
        .order_by("nature")
    )
    counted = lines.filter(interaction__review_status__in=COUNTED, patient_education=False).aggregate(
        total=Coalesce(Sum("amount"), ZERO)
    )["total"]
    return Ledger(
        year=year,
        rows=[LedgerRow(r["nature"], cents(r["approved"]), cents(r["pending"]), r["count"]) for r in rows],
        total_counted=cents(counted),
        cap=current_policy().annual_cap,
    )


def recipients_nearest_cap(user, *, year: int, limit: int = 10) -> QuerySet:
    """Clinicians with the largest counted totals this year (pending + approved)."""
    return (
        TransferOfValue.objects.visible_to(user)
        .filter(
            value_date__gte=date(year, 1, 1),
            value_date__lt=date(year + 1, 1, 1),
            recipient_clinician__isnull=False,
            patient_education=False,
            interaction__review_status__in=COUNTED,
        )
        .values("recipient_clinician_id", "recipient_clinician__name", "recipient_clinician__organization__name")
        .annotate(total=Sum("amount"))
        .order_by("-total")[:limit]
    )


def value_by_nature_and_month(user, *, year: int) -> QuerySet:
    return (
        TransferOfValue.objects.visible_to(user)
        .filter(value_date__gte=date(year, 1, 1), value_date__lt=date(year + 1, 1, 1))
        .annotate(month=TruncMonth("value_date"))
        .values("month", "nature")
        .annotate(total=Sum("amount"), count=Count("pk"))
        .order_by("month", "nature")
    )


def dashboard_figures(user, *, year: int) -> dict:
    """The counts a compliance dashboard opens with."""
    interactions = Interaction.objects.visible_to(user)
    by_status = dict(interactions.values_list("review_status").annotate(n=Count("pk")).order_by())
    findings = Finding.objects.visible_to(user).filter(interaction_version=F("interaction__version"))
    by_rule = dict(findings.values_list("rule").annotate(n=Count("pk")).order_by())
    oldest = interactions.filter(review_status=ReviewStatus.PENDING).aggregate(oldest=Min("updated_at"))
    return {
        "by_status": by_status,
        "by_rule": by_rule,
        "pending": by_status.get(ReviewStatus.PENDING, 0),
        "prohibited": findings.filter(severity=Severity.PROHIBITED).values("interaction").distinct().count(),
        "undeclared_text": by_rule.get("undeclared_text", 0),
        "oldest_pending": oldest["oldest"],
    }


@dataclass(frozen=True)
class VerdictCount:
    """How often reviewers found a kind of screening flag right."""

    confirmed: int = 0
    false_alarms: int = 0

    @property
    def checked(self) -> int:
        return self.confirmed + self.false_alarms

    @property
    def percent_right(self) -> int | None:
        """The share of flags that were right, in percent (None before any was checked)."""
        return round(100 * self.confirmed / self.checked) if self.checked else None


def screening_verdicts(user, *, year: int) -> dict[str, VerdictCount]:
    """Reviewers' verdicts on flagged notes decided in ``year``, one per decided version, apart for
    the learned reader ("reader": it alone flagged the version) and the term lists ("lists": they
    flagged it, with or without the reader in another field): screening's precision on this
    department's own writing, which no labelled corpus can measure."""
    flags = Finding.objects.filter(
        SCREENING_FLAG, interaction=OuterRef("interaction"), interaction_version=OuterRef("interaction_version")
    )
    by_lists = Exists(flags.exclude(rule=Rule.VALUE_READER))
    rows = (
        ReviewDecision.objects.visible_to(user)
        .filter(decided_at__year=year)
        .exclude(screening_verdict="")
        .values_list("screening_verdict", by_lists)
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = {"lists": [0, 0], "reader": [0, 0]}
    for verdict, listed, n in rows:
        counts["lists" if listed else "reader"][verdict != ScreeningVerdict.CONFIRMED] += n
    return {source: VerdictCount(*pair) for source, pair in counts.items()}


def judged_words(user, *, year: int, limit: int = 15) -> list[dict]:
    """The words the term lists flagged in notes reviewers judged in ``year``, each with how many
    judged versions found it value given and how many a false alarm, most false alarms first: where
    the compliance office should look before editing the lists (a look-alike, a refusal or an
    other-payer term to add). Words are compared folded (紅包 is 红包, Gift is gift)."""
    verdicts = ReviewDecision.objects.filter(
        interaction=OuterRef("interaction"),
        interaction_version=OuterRef("interaction_version"),
        decided_at__year=year,
    ).exclude(screening_verdict="")
    rows = (
        Finding.objects.visible_to(user)
        .filter(SCREENING_FLAG)
        .exclude(rule=Rule.VALUE_READER)  # the reader quotes a sentence, not a word
        .annotate(verdict=Subquery(verdicts.values("screening_verdict")[:1]))
        .filter(verdict__isnull=False)
        .values_list("interaction_id", "interaction_version", KT("evidence__match"), "verdict")
    )
    judged: dict[str, dict[str, set]] = {}
    for interaction, version, match, verdict in rows.iterator():
        word = " ".join(fold(match or "").split())
        judged.setdefault(word, {ScreeningVerdict.CONFIRMED: set(), ScreeningVerdict.FALSE_ALARM: set()})
        judged[word][verdict].add((interaction, version))  # a word twice in one note counts once
    tally = [
        {
            "word": word,
            "confirmed": len(seen[ScreeningVerdict.CONFIRMED]),
            "false_alarms": len(seen[ScreeningVerdict.FALSE_ALARM]),
        }
        for word, seen in judged.items()
    ]
    return sorted(tally, key=lambda row: (-row["false_alarms"], -row["confirmed"], row["word"]))[:limit]


def screening_labels(user, *, year: int, chunk_size: int = 500) -> Iterator[dict]:
    """Each note reviewers gave a verdict on in ``year``, as a labelled line for ``crm screen
    --evaluate`` and ``crm train_reader``: the text of the version decided (patient identifiers
    masked; its fields one per line, a sentence end for screening) and ``tov``, whether value was
    given. Streamed."""
    decisions = (
        ReviewDecision.objects.visible_to(user)
        .filter(decided_at__year=year)
        .exclude(screening_verdict="")
        .select_related("interaction")
        .prefetch_related("interaction__revisions")
        .order_by("decided_at", "pk")
    )
    for decision in decisions.iterator(chunk_size=chunk_size):
        interaction, version = decision.interaction, decision.interaction_version
        if version == interaction.version:
            fields = {name: getattr(interaction, name) for name in TEXT_FIELDS}
        else:
            revision = next((r for r in interaction.revisions.all() if r.version == version), None)
            if revision is None:
                message = _("Interaction %(id)s has no stored version %(version)s; nothing was exported.")
                raise LookupError(message % {"id": interaction.pk, "version": version})
            fields = {name: revision.snapshot.get(name) for name in TEXT_FIELDS}
        text = "\n".join(value for value in fields.values() if value)
        yield {
            "id": f"{interaction.pk}v{version}",
            "text": masked_span(text, 0, len(text), patient_identifier_hits(text)),
            "tov": decision.screening_verdict == ScreeningVerdict.CONFIRMED,
        }


@dataclass(frozen=True)
class DisclosureRow:
    recipient_type: str
    recipient_id: int
    recipient_name: str
    organization: str
    territory: str
    nature: str
    approved_total: Decimal
    approved_count: int
    pending_total: Decimal
    pending_count: int


def cents(value) -> Decimal:
    """SQLite returns sums without their scale; money is always shown to the cent."""
    return Decimal(value).quantize(Decimal("0.01"))


def disclosure_rows(user, *, year: int, chunk_size: int = 2000) -> Iterator[DisclosureRow]:
    """One row per recipient per nature for the year, approved and pending apart; streamed."""
    base = TransferOfValue.objects.visible_to(user).filter(
        value_date__gte=date(year, 1, 1),
        value_date__lt=date(year + 1, 1, 1),
        interaction__review_status__in=COUNTED,
    )
    approved = Q(interaction__review_status=ReviewStatus.APPROVED)
    pending = ~approved
    aggregates = {
        "approved_total": Coalesce(Sum("amount", filter=approved), ZERO),
        "approved_count": Count("pk", filter=approved),
        "pending_total": Coalesce(Sum("amount", filter=pending), ZERO),
        "pending_count": Count("pk", filter=pending),
    }
    clinicians = (
        base.filter(recipient_clinician__isnull=False)
        .values(
            "recipient_clinician_id",
            "recipient_clinician__name",
            "recipient_clinician__organization__name",
            "recipient_clinician__organization__territory__name",
            "nature",
        )
        .annotate(**aggregates)
        .order_by("recipient_clinician__organization__name", "recipient_clinician__name", "nature")
    )
    for r in clinicians.iterator(chunk_size=chunk_size):
        yield DisclosureRow(
            "clinician",
            r["recipient_clinician_id"],
            r["recipient_clinician__name"],
            r["recipient_clinician__organization__name"],
            r["recipient_clinician__organization__territory__name"],
            r["nature"],
            cents(r["approved_total"]),
            r["approved_count"],
            cents(r["pending_total"]),
            r["pending_count"],
        )
    organizations = (
        base.filter(recipient_organization__isnull=False)
        .values(
            "recipient_organization_id",
            "recipient_organization__name",
            "recipient_organization__territory__name",
            "nature",
        )
        .annotate(**aggregates)
        .order_by("recipient_organization__name", "nature")
    )
    for r in organizations.iterator(chunk_size=chunk_size):
        yield DisclosureRow(
            "organization",
            r["recipient_organization_id"],
            r["recipient_organization__name"],
            r["recipient_organization__name"],
            r["recipient_organization__territory__name"],
            r["nature"],
            cents(r["approved_total"]),
            r["approved_count"],
            cents(r["pending_total"]),
            r["pending_count"],
        )


def clinician_year_totals(user, *, clinician_ids, year: int) -> dict[int, Decimal]:
    """Counted value (pending + approved, not patient-education) per clinician for a year, one query."""
    rows = (
        TransferOfValue.objects.visible_to(user)
        .filter(
            recipient_clinician__in=clinician_ids,
            value_date__gte=date(year, 1, 1),
            value_date__lt=date(year + 1, 1, 1),
            patient_education=False,
            interaction__review_status__in=COUNTED,
        )
        .values_list("recipient_clinician_id")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    return {pk: cents(total) for pk, total in rows}
