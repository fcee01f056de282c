"""The compliance rules of DESIGN.md section 3 as pure functions.

Nothing here touches the database: the service (``crm.compliance.services``) gathers what the
rules need — the draft being saved, the recipient's year so far, meals this quarter, the policy —
and stores what comes back. That keeps every rule testable on its own and the same for a typed
form, the admin, the API and an imported row.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_DOWN, Decimal

from crm.compliance.screening import Screener, TextHit, patient_identifier_hits

REVIEW, PROHIBITED, BLOCKED = "review", "prohibited", "blocked"
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Line:
    """A transfer-of-value line as the rules see it (one recipient, the per-recipient amount)."""

    nature: str
    amount: Decimal
    recipient: str  # "clinician:<id>" or "organization:<id>"
    recipient_is_person: bool
    recipient_name: str = ""
    description: str = ""
    form: str = "in_kind"
    patient_education: bool = False
    justification: str = ""
    index: int = 0


@dataclass(frozen=True)
class Draft:
    """What is about to be saved."""

    kind: str
    occurred_on: date
    texts: Mapping[str, str]
    lines: tuple[Line, ...] = ()
    no_benefit_statement: str = ""


@dataclass(frozen=True)
class History:
    """What is already on record for the recipients, excluding the interaction being saved."""

    year_to_date: Mapping[str, Decimal] = field(default_factory=dict)  # pending + approved, not patient-education
    meals_this_quarter: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Limits:
    item_limit: Decimal
    annual_cap: Decimal
    annual_warn_ratio: Decimal
    meals_per_quarter: int
    prohibited_natures: frozenset[str]


@dataclass(frozen=True)
class RuleFinding:
    rule: str
    severity: str
    evidence: dict
    line_index: int | None = None


def split_amount(total: Decimal, parts: int) -> list[Decimal]:
    """Split ``total`` into ``parts`` shares of whole cents that add up exactly to ``total``."""
    if parts < 1:
        raise ValueError("parts must be at least 1")
    share = (total / parts).quantize(CENT, rounding=ROUND_DOWN)
    shares = [share] * parts
    remainder = int(((total - share * parts) / CENT).to_integral_value())
    for i in range(remainder):
        shares[i] += CENT
    return shares


def line_rules(line: Line, limits: Limits, screener: Screener) -> list[RuleFinding]:
    """Rules that look at one line on its own."""
    found = [RuleFinding("declared", REVIEW, {"nature": line.nature, "amount": str(line.amount)}, line.index)]
    prohibited = line.nature in limits.prohibited_natures or line.form == "cash_equivalent"
    if prohibited:
        found.append(
            RuleFinding("prohibited_nature", PROHIBITED, {"nature": line.nature, "form": line.form}, line.index)
        )
    tied = [hit for hit in screener.value_hits(line.description) if hit.rule == "tied_to_referrals"]
    if tied:
        found.append(RuleFinding("tied_to_referrals", PROHIBITED, {"match": tied[0].match}, line.index))
    if line.nature == "sponsorship" and line.recipient_is_person:
        found.append(RuleFinding("donation_to_person", PROHIBITED, {"recipient": line.recipient_name}, line.index))
    if not line.patient_education and line.amount > limits.item_limit:
        found.append(
            RuleFinding(
                "item_limit",
                # An honestly reported prohibited item is stored as it is: no justification makes it right.
                REVIEW if line.justification.strip() or prohibited else BLOCKED,
                {"amount": str(line.amount), "limit": str(limits.item_limit), "justification": line.justification},
                line.index,
            )
        )
    return found


def annual_cap_rule(lines: Iterable[Line], history: History, limits: Limits) -> list[RuleFinding]:
    """Flag recipients whose calendar-year total crosses the warning level or the cap."""
    added: dict[str, Decimal] = {}
    names: dict[str, str] = {}
    for line in lines:
        if line.patient_education:
            continue
        added[line.recipient] = added.get(line.recipient, Decimal(0)) + line.amount
        names[line.recipient] = line.recipient_name
    found = []
    warn_at = (limits.annual_cap * limits.annual_warn_ratio).quantize(CENT)
    for recipient, amount in added.items():
        before = history.year_to_date.get(recipient, Decimal(0))
        after = before + amount
        if after > limits.annual_cap:
            level = "over_cap"
        elif after >= warn_at:
            level = "near_cap"
        else:
            continue
        found.append(
            RuleFinding(
                "annual_cap",
                REVIEW,
                {
                    "recipient": recipient,
                    "recipient_name": names[recipient],
                    "before": str(before),
                    "after": str(after),
                    "cap": str(limits.annual_cap),
                    "level": level,
                },
            )
        )
    return found


def meal_frequency_rule(lines: Iterable[Line], history: History, limits: Limits) -> list[RuleFinding]:
    """More than the allowed number of meals to one clinician in a quarter needs review."""
    meals: dict[str, int] = {}
    names: dict[str, str] = {}
    for line in lines:
        if line.nature == "food" and line.recipient_is_person:
            meals[line.recipient] = meals.get(line.recipient, 0) + 1
            names[line.recipient] = line.recipient_name
    found = []
    for recipient, count in meals.items():
        total = history.meals_this_quarter.get(recipient, 0) + count
        if total > limits.meals_per_quarter:
            found.append(
                RuleFinding(
                    "meal_frequency",
                    REVIEW,
                    {
                        "recipient": recipient,
                        "recipient_name": names[recipient],
                        "meals": total,
                        "limit": limits.meals_per_quarter,
                    },
                )
            )
    return found


def training_value_rule(draft: Draft) -> list[RuleFinding]:
    """A training offer states its value to the recipient or says plainly there is none."""
    if draft.kind != "training":
        return []
    if any(line.amount > 0 for line in draft.lines) or draft.no_benefit_statement.strip():
        return []
    return [RuleFinding("training_value", BLOCKED, {})]


def _hit_evidence(field_name: str, hit: TextHit) -> dict:
    return {"field": field_name, "match": hit.match, "nature": hit.nature, "start": hit.start, "end": hit.end}


def text_rules(draft: Draft, screener: Screener) -> list[RuleFinding]:
    """Screen every free-text field: undeclared value (lists, then reader), value tied to referrals,
    patient identifiers."""
    declared = {line.nature for line in draft.lines}
    found = []
    for field_name, text in draft.texts.items():
        if not text:
            continue
        for hit in screener.value_hits(text):
            if hit.rule == "value_reader":
                # The reader's opinion is the weakest signal: it cannot name a nature, so any declared
                # line answers it, and it does not overrule a signed "no individual benefit".
                if not draft.lines and not draft.no_benefit_statement.strip():
                    evidence = {
                        **_hit_evidence(field_name, hit),
                        "score": hit.score,
                        "threshold": screener.reader_threshold,
                        "reader": screener.reader_digest,
                    }
                    found.append(RuleFinding("value_reader", REVIEW, evidence))
            elif hit.rule == "tied_to_referrals":
                found.append(RuleFinding("tied_to_referrals", PROHIBITED, _hit_evidence(field_name, hit)))
            elif hit.nature not in declared:
                found.append(RuleFinding("undeclared_text", REVIEW, _hit_evidence(field_name, hit)))
        for hit in patient_identifier_hits(text):
            severity = BLOCKED if draft.kind == "case" else REVIEW
            found.append(RuleFinding("patient_identifier", severity, _hit_evidence(field_name, hit)))
    return found


def evaluate(draft: Draft, history: History, limits: Limits, screener: Screener) -> list[RuleFinding]:
    """Every rule over one draft; an empty list means the interaction is clear."""
    found: list[RuleFinding] = []
    for line in draft.lines:
        found.extend(line_rules(line, limits, screener))
    found.extend(annual_cap_rule(draft.lines, history, limits))
    found.extend(meal_frequency_rule(draft.lines, history, limits))
    found.extend(training_value_rule(draft))
    found.extend(text_rules(draft, screener))
    return found


def is_blocked(findings: Iterable[RuleFinding]) -> bool:
    return any(f.severity == BLOCKED for f in findings)


def is_prohibited(findings: Iterable[RuleFinding]) -> bool:
    return any(f.severity == PROHIBITED for f in findings)
