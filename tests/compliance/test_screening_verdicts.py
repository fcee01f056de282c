"""Reviewers' verdicts on flagged notes: asked when deciding, counted for the dashboard, exported
as labelled lines that ``crm screen --evaluate`` and ``crm train_reader`` read."""

import io
import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import timezone, translation

from crm.access import system_user
from crm.compliance import selectors
from crm.compliance.models import AuditEntry, ReviewDecision
from crm.compliance.services import review_decide
from crm.demo import data
from crm.interactions.models import InteractionRevision, ReviewStatus
from crm.interactions.services import TransferInput, interaction_amend, interaction_create
from crm.people.models import Role
from tests.factories import ClinicianFactory, DepartmentFactory, UserFactory

pytestmark = pytest.mark.django_db

GIFT = "走访结束，给王主任带了两盒茶叶。"
PARTNER_TREAT = "讲完课，王主任留我们吃了顿便饭，没好推掉。"
UNLISTED_GIFT = data.READER_NOTE.format(org="城东服务站", doc="王主任")


def log(liaison, organization, summary, **kw):
    kw.setdefault("occurred_at", timezone.now())
    return interaction_create(author=liaison, organization=organization, kind="visit", summary=summary, **kw)


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
    assert counts["lists"].percent_right == 67
    assert (counts["reader"].confirmed, counts["reader"].false_alarms) == (1, 0)
    assert selectors.screening_verdicts(reviewer, year=year - 1)["lists"].percent_right is None
    elsewhere = UserFactory(department=DepartmentFactory(name="市二院推广部"), role=Role.DIRECTOR)
    assert selectors.screening_verdicts(elsewhere, year=year)["lists"].checked == 0  # scoped like every read


def test_a_verdict_counts_for_the_version_decided_and_for_the_lists_when_they_flagged_too(
    liaison, organization, reviewer
):
    year = timezone.localdate().year
    last_year = timezone.now() - timedelta(days=400)
    amended = log(liaison, organization, GIFT, occurred_at=last_year)  # logged last year, decided this year
    review_decide(
        interaction=amended, reviewer=reviewer, decision="return", comment="请申报", screening_verdict="confirmed"
    )
    amended = interaction_amend(interaction=amended, author=liaison, summary=UNLISTED_GIFT)
    assert rules_of(amended) == {"value_reader", "amended_after_decision"}  # v1 was the lists', v2 the reader's
    review_decide(
        interaction=amended, reviewer=reviewer, decision="reject", comment="未申报", screening_verdict="confirmed"
    )
    both = log(liaison, organization, GIFT, next_step=UNLISTED_GIFT)
    assert rules_of(both) == {"undeclared_text", "value_reader"}
    review_decide(interaction=both, reviewer=reviewer, decision="approve", screening_verdict="confirmed")

    counts = selectors.screening_verdicts(reviewer, year=year)
    assert (counts["lists"].confirmed, counts["lists"].false_alarms) == (2, 0)
    assert (counts["reader"].confirmed, counts["reader"].false_alarms) == (1, 0)


def test_a_referral_fee_in_a_declared_line_needs_no_verdict(liaison, organization, reviewer):
    doctor = ClinicianFactory(organization=organization)
    line = TransferInput(
        nature="other", description="每转诊一人补贴200元", amount=Decimal("200"), recipient_clinician=doctor
    )
    interaction = log(liaison, organization, "沟通双向转诊流程。", transfers=[line])
    assert "tied_to_referrals" in rules_of(interaction)  # found in the line, not in the notes
    review_decide(interaction=interaction, reviewer=reviewer, decision="reject", comment="按转诊人数计酬，禁止")
    assert ReviewDecision.objects.get().screening_verdict == ""


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


def test_a_judged_word_counts_once_per_note_whatever_its_script_or_case(liaison, organization, reviewer, director):
    twice = log(liaison, organization, "给王主任带了茶叶。又给李医生带了茶叶。")
    traditional = log(liaison, organization, "走訪結束，給王主任帶了兩盒茶葉。")
    for interaction in (twice, traditional):
        review_decide(interaction=interaction, reviewer=reviewer, decision="approve", screening_verdict="confirmed")
    year = timezone.localdate().year
    assert [row for row in selectors.judged_words(reviewer, year=year) if row["word"] == "茶叶"] == [
        {"word": "茶叶", "confirmed": 2, "false_alarms": 0}
    ]
    elsewhere = UserFactory(department=DepartmentFactory(name="市二院推广部"), role=Role.DIRECTOR)
    assert selectors.judged_words(elsewhere, year=year) == []  # scoped like every read


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
    with pytest.raises(CommandError, match="--format"):
        call_command("export", "screening-labels", "--year", "2026", "--format", "csv", "-o", str(output))
    InteractionRevision.objects.filter(interaction=first, version=1).delete()  # a damaged database
    broken = tmp_path / "broken.jsonl"
    with pytest.raises(CommandError, match="no stored version 1"), translation.override("en"):
        call_command("export", "screening-labels", "--year", str(timezone.localdate().year), "-o", str(broken))
    assert not broken.exists() and not (tmp_path / "broken.jsonl.part").exists()

    figures = io.StringIO()
    call_command("screen", "--evaluate", str(output), "--figures-only", stdout=figures)
    assert "tp=1 fp=1 fn=0 tn=0" in figures.getvalue()  # screening's precision on the department's own notes
