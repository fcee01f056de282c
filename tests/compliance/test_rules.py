"""The rules as pure functions: no database, a stub screener where text does not matter."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crm.compliance import rules
from crm.compliance.screening import TextHit

LIMITS = rules.Limits(
    item_limit=Decimal("200"),
    annual_cap=Decimal("2000"),
    annual_warn_ratio=Decimal("0.80"),
    meals_per_quarter=3,
    prohibited_natures=frozenset({"cash", "referral_fee"}),
)


class StubScreener:
    def __init__(self, hits=()):
        self.hits = list(hits)

    def value_hits(self, text):
        return [h for h in self.hits if h.match in text]


NO_TEXT = StubScreener()


def line(nature="food", amount="80", recipient="clinician:1", person=True, **kw):
    return rules.Line(
        nature=nature,
        amount=Decimal(amount),
        recipient=recipient,
        recipient_is_person=person,
        recipient_name="王医生",
        **kw,
    )


def draft(*lines, kind="visit", texts=None, no_benefit=""):
    return rules.Draft(
        kind=kind,
        occurred_on=date(2026, 5, 6),
        texts=texts or {"summary": "常规随访"},
        lines=tuple(lines),
        no_benefit_statement=no_benefit,
    )


def codes(found):
    return sorted((f.rule, f.severity) for f in found)


NO_HISTORY = rules.History()


def run(d, history=NO_HISTORY, screener=NO_TEXT):
    return rules.evaluate(d, history, LIMITS, screener)


def test_nothing_declared_nothing_said_is_clear():
    assert run(draft()) == []


def test_any_line_is_declared_for_review():
    assert codes(run(draft(line()))) == [("declared", "review")]


@pytest.mark.parametrize("nature,form", [("cash", "in_kind"), ("referral_fee", "in_kind"), ("gift", "cash_equivalent")])
def test_cash_and_referral_fees_are_prohibited(nature, form):
    assert ("prohibited_nature", "prohibited") in codes(run(draft(line(nature=nature, form=form))))


def test_value_stated_per_referral_is_prohibited():
    hit = TextHit("tied_to_referrals", "prohibited", "每转诊一人", "referral_fee", 0, 5)
    found = run(draft(line(description="每转诊一人补贴")), screener=StubScreener([hit]))
    assert ("tied_to_referrals", "prohibited") in codes(found)


def test_sponsorship_to_a_person_is_prohibited_to_the_institution_is_not():
    assert ("donation_to_person", "prohibited") in codes(run(draft(line(nature="sponsorship"))))
    to_org = run(draft(line(nature="sponsorship", recipient="organization:1", person=False)))
    assert "donation_to_person" not in {f.rule for f in to_org}


def test_item_limit_needs_a_justification_then_review():
    assert ("item_limit", "blocked") in codes(run(draft(line(amount="200.01"))))
    assert ("item_limit", "review") in codes(run(draft(line(amount="350", justification="进修教材，科室共用"))))
    assert "item_limit" not in {f.rule for f in run(draft(line(amount="200")))}
    assert "item_limit" not in {f.rule for f in run(draft(line(amount="900", patient_education=True)))}


def test_a_reported_prohibited_item_above_the_limit_is_stored_without_justification():
    found = run(draft(line(nature="cash", form="cash_equivalent", amount="500")))
    assert {("prohibited_nature", "prohibited"), ("item_limit", "review")} <= set(codes(found))
    assert not rules.is_blocked(found)


def test_annual_cap_warns_at_80_percent_and_flags_over_100():
    near = run(draft(line(amount="150")), rules.History(year_to_date={"clinician:1": Decimal("1500")}))
    (cap,) = [f for f in near if f.rule == "annual_cap"]
    assert cap.evidence["level"] == "near_cap" and cap.evidence["after"] == "1650"
    over = run(draft(line(amount="150")), rules.History(year_to_date={"clinician:1": Decimal("1900")}))
    assert [f.evidence["level"] for f in over if f.rule == "annual_cap"] == ["over_cap"]
    below = run(draft(line(amount="100")), rules.History(year_to_date={"clinician:1": Decimal("1000")}))
    assert "annual_cap" not in {f.rule for f in below}


def test_patient_education_does_not_count_towards_the_cap():
    found = run(
        draft(line(amount="150", patient_education=True)), rules.History(year_to_date={"clinician:1": Decimal("1999")})
    )
    assert "annual_cap" not in {f.rule for f in found}


def test_meal_frequency_counts_this_quarter():
    history = rules.History(meals_this_quarter={"clinician:1": 3})
    assert ("meal_frequency", "review") in codes(run(draft(line()), history))
    assert "meal_frequency" not in {
        f.rule for f in run(draft(line()), rules.History(meals_this_quarter={"clinician:1": 2}))
    }


def test_training_offer_must_state_value_or_no_benefit():
    assert codes(run(draft(kind="training"))) == [("training_value", "blocked")]
    assert run(draft(kind="training", no_benefit="面向公众的公开讲座，无个人利益")) == []
    assert "training_value" not in {
        f.rule for f in run(draft(line(nature="education", amount="1500", justification="进修费减免"), kind="training"))
    }


def test_undeclared_text_is_flagged_unless_that_nature_is_declared():
    hit = TextHit("undeclared_text", "review", "请吃饭", "food", 0, 3)
    screener = StubScreener([hit])
    texts = {"summary": "请吃饭"}
    assert codes(run(draft(texts=texts), screener=screener)) == [("undeclared_text", "review")]
    assert "undeclared_text" not in {f.rule for f in run(draft(line(), texts=texts), screener=screener)}


@given(
    total=st.decimals(min_value=0, max_value=1_000_000, places=2, allow_nan=False, allow_infinity=False),
    parts=st.integers(min_value=1, max_value=40),
)
def test_split_amount_adds_up_exactly_in_whole_cents(total, parts):
    shares = rules.split_amount(total, parts)
    assert len(shares) == parts
    assert sum(shares) == total
    assert max(shares) - min(shares) <= Decimal("0.01")
    assert all(s == s.quantize(Decimal("0.01")) and s >= 0 for s in shares)


@given(
    before=st.decimals(min_value=0, max_value=5000, places=2, allow_nan=False, allow_infinity=False),
    amounts=st.lists(
        st.decimals(min_value=0, max_value=500, places=2, allow_nan=False, allow_infinity=False), min_size=1, max_size=5
    ),
)
def test_annual_cap_flags_exactly_when_the_total_crosses_the_levels(before, amounts):
    lines = [line(amount=str(a), index=i) for i, a in enumerate(amounts)]
    found = rules.annual_cap_rule(lines, rules.History(year_to_date={"clinician:1": before}), LIMITS)
    after = before + sum(amounts)
    if after > LIMITS.annual_cap:
        assert [f.evidence["level"] for f in found] == ["over_cap"]
    elif after >= Decimal("1600"):
        assert [f.evidence["level"] for f in found] == ["near_cap"]
    else:
        assert found == []
    for f in found:
        assert Decimal(f.evidence["after"]) == after


def test_split_amount_refuses_zero_parts():
    with pytest.raises(ValueError):
        rules.split_amount(Decimal("10"), 0)
