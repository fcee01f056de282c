"""Reviewers' verdicts on flagged notes: asked when deciding, counted for the dashboard, exported
as labelled lines that ``crm screen --evaluate`` and ``crm train_reader`` read."""

import io
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from crm.access import system_user
from crm.compliance import selectors
from crm.compliance.models import AuditEntry, ReviewDecision
from crm.compliance.services import review_decide
from crm.demo import data
from crm.interactions.models import ReviewStatus
from crm.interactions.services import TransferInput, interaction_amend, interaction_create
from tests.factories import ClinicianFactory

pytestmark = pytest.mark.django_db

GIFT = "走访结束，给王主任带了两盒茶叶。"
PARTNER_TREAT = "讲完课，王主任留我们吃了顿便饭，没好推掉。"
UNLISTED_GIFT = data.READER_NOTE.format(org="城东服务站", doc="王主任")


def log(liaison, organization, summary, **kw):
    return interaction_create(
        author=liaison, organization=organization, kind="visit", occurred_at=timezone.now(), summary=summary, **kw
    )


def rules_of(interaction):
    return set(interaction.findings.filter(interaction_version=interaction.version).values_list("rule", flat=True))


def test_approving_or_rejecting_flagged_notes_needs_a_verdict_and_changes_nothing_without(
    liaison, organization, reviewer
):
    interaction = log(liaison, organization, GIFT)
    assert rules_of(interaction) == {"undeclared_text"}
    for decision, comment in (("approve", ""), ("reject", "未申报")):
        with pytest.raises(ValidationError) as refused:
            review_decide(interaction=interaction, reviewer=reviewer, decision=decision, comment=comment)
        assert refused.value.code == "verdict_required"
    interaction.refresh_from_db()
    assert interaction.review_status == ReviewStatus.PENDING
    assert not ReviewDecision.objects.exists()


def test_returning_flagged_notes_may_leave_the_verdict_open(liaison, organization, reviewer):
    interaction = log(liaison, organization, GIFT)
    row = review_decide(interaction=interaction, reviewer=reviewer, decision="return", comment="请补充申报")
    assert row.screening_verdict == ""


def test_a_verdict_on_notes_nothing_flagged_is_refused(liaison, organization, reviewer):
    doctor = ClinicianFactory(organization=organization)
    meal = TransferInput(nature="food", description="工作餐", amount=Decimal("60"), recipient_clinician=doctor)
    interaction = log(liaison, organization, "沟通双向转诊流程。", transfers=[meal])
    assert rules_of(interaction) == {"declared"}  # a declared line is not a screening flag
    with pytest.raises(ValidationError) as refused:
        review_decide(interaction=interaction, reviewer=reviewer, decision="approve", screening_verdict="confirmed")
    assert refused.value.code == "verdict_without_flags"
    with pytest.raises(ValidationError) as refused:
        review_decide(interaction=interaction, reviewer=reviewer, decision="approve", screening_verdict="maybe")
    assert refused.value.code == "invalid_verdict"
    assert review_decide(interaction=interaction, reviewer=reviewer, decision="approve").screening_verdict == ""


def test_a_false_alarm_is_stored_and_written_to_the_audit_chain(liaison, organization, reviewer):
    interaction = log(liaison, organization, PARTNER_TREAT)
    assert rules_of(interaction) == {"undeclared_text"}
    review_decide(interaction=interaction, reviewer=reviewer, decision="approve", screening_verdict="false_alarm")
    assert ReviewDecision.objects.get().screening_verdict == "false_alarm"
    entry = AuditEntry.objects.filter(action="review.approve").get()
    assert entry.payload["screening_verdict"] == "false_alarm"


def test_verdicts_are_counted_apart_for_the_lists_and_the_reader(liaison, organization, reviewer):
    decided = [(GIFT, "confirmed"), (GIFT + "另外", "confirmed"), (PARTNER_TREAT, "false_alarm")]
    for summary, verdict in decided:
        interaction = log(liaison, organization, summary)
        review_decide(interaction=interaction, reviewer=reviewer, decision="approve", screening_verdict=verdict)
    by_reader = log(liaison, organization, UNLISTED_GIFT)
    assert rules_of(by_reader) == {"value_reader"}
    review_decide(
        interaction=by_reader, reviewer=reviewer, decision="reject", comment="未申报", screening_verdict="confirmed"
    )
    log(liaison, organization, GIFT)  # pending: no verdict yet

    year = timezone.localdate().year
    counts = selectors.screening_verdicts(reviewer, year=year)
    assert (counts["lists"].confirmed, counts["lists"].false_alarms) == (2, 1)
    assert counts["lists"].precision == pytest.approx(2 / 3)
    assert (counts["reader"].confirmed, counts["reader"].false_alarms) == (1, 0)
    assert selectors.screening_verdicts(reviewer, year=year - 1)["lists"].precision is None


def test_the_words_behind_judged_flags_most_false_alarms_first(liaison, organization, reviewer):
    for summary, verdict in (
        (PARTNER_TREAT, "false_alarm"),
        ("周五站里聚餐，王主任留我们吃了顿便饭。", "false_alarm"),
        ("中午请王主任吃了顿便饭，聊转诊。", "confirmed"),
        (GIFT, "confirmed"),
        (UNLISTED_GIFT, "confirmed"),  # the reader's: a sentence, not a word
    ):
        interaction = log(liaison, organization, summary)
        review_decide(interaction=interaction, reviewer=reviewer, decision="approve", screening_verdict=verdict)
    log(liaison, organization, "中秋给王主任送了两盒月饼。")  # not judged yet

    words = selectors.judged_words(reviewer, year=timezone.localdate().year)
    by_word = {row["word"]: (row["confirmed"], row["false_alarms"]) for row in words}
    assert words[0]["word"] == "便饭" and by_word["便饭"] == (1, 2)
    assert by_word["茶叶"] == (1, 0)
    assert "月饼" not in by_word and not any("满月" in word for word in by_word)
    assert selectors.judged_words(reviewer, year=timezone.localdate().year - 1) == []


def test_labels_are_the_decided_versions_text_with_identifiers_masked(liaison, organization, reviewer, tmp_path):
    first = log(liaison, organization, GIFT + "家属电话13812345678。")
    review_decide(
        interaction=first, reviewer=reviewer, decision="return", comment="请补充申报", screening_verdict="confirmed"
    )
    amended = "走访结束，沟通双向转诊流程。讲完课王主任留我们吃了顿便饭。"
    interaction_amend(interaction=first, author=liaison, summary=amended)
    first.refresh_from_db()
    review_decide(interaction=first, reviewer=reviewer, decision="approve", screening_verdict="false_alarm")
    assert log(liaison, organization, "沟通双向转诊流程。").review_status == ReviewStatus.CLEAR  # never a label

    lines = list(selectors.screening_labels(system_user(), year=timezone.localdate().year))
    assert lines == [
        {"id": f"{first.pk}v1", "text": GIFT + "家属电话138****5678。", "tov": True},
        {"id": f"{first.pk}v2", "text": amended, "tov": False},
    ]

    output = tmp_path / "labels.jsonl"
    call_command("export", "screening-labels", "--year", str(timezone.localdate().year), "-o", str(output))
    assert [json.loads(line) for line in output.read_text("utf-8").splitlines()] == lines
    figures = io.StringIO()
    call_command("screen", "--evaluate", str(output), "--figures-only", stdout=figures)
    assert "tp=1 fp=1 fn=0 tn=0" in figures.getvalue()  # screening's precision on the department's own notes
