"""What a reviewer sees of an amendment: the changes from the version before, and the earlier versions
labelled in the reader's language."""

from decimal import Decimal

import pytest
from django.utils import timezone
from django.utils.translation import override

from crm.compliance.services import review_decide
from crm.interactions.selectors import changes_since_previous, earlier_versions, text_changes
from crm.interactions.services import TransferInput, interaction_amend, interaction_create
from tests.factories import ClinicianFactory

pytestmark = pytest.mark.django_db


def test_text_changes_keep_every_character_in_order():
    before, after = "中午请王院长吃饭，沟通转诊。", "中午在食堂吃工作餐，沟通转诊。"
    pieces = text_changes(before, after)
    assert "".join(text for op, text in pieces if op != "added") == before
    assert "".join(text for op, text in pieces if op != "removed") == after
    assert ("same", "，沟通转诊。") in pieces
    assert text_changes("一样", "一样") == [("same", "一样")]


def test_an_amendment_after_a_return_shows_what_the_author_changed(liaison, organization, reviewer):
    doctor = ClinicianFactory(organization=organization, name="王建国")
    first = interaction_create(
        author=liaison,
        kind="visit",
        organization=organization,
        occurred_at=timezone.now(),
        summary="走访结束，给王主任带了两盒茶叶。",
        next_step="下周回访",
    )
    assert changes_since_previous(first) is None
    review_decide(interaction=first, reviewer=reviewer, decision="return", comment="请申报茶叶")
    tea = TransferInput(nature="gift", description="茶叶两盒", amount=Decimal("160"), recipient_clinician=doctor)
    second = interaction_amend(
        interaction=first, author=liaison, summary="走访结束，给王主任带了两盒茶叶（已申报）。", transfers=[tea]
    )

    with override("zh-hans"):
        changes = changes_since_previous(second)
        versions = earlier_versions(second)
    assert changes.since == 1
    assert [change.label for change in changes.texts] == ["小结"]  # the next step did not change
    assert changes.texts[0].pieces[-2:] == [("added", "（已申报）"), ("same", "。")]
    assert changes.removed_lines == []
    assert [(line.nature, line.description, line.amount) for line in changes.added_lines] == [
        ("礼品", "茶叶两盒", Decimal("160.00"))
    ]
    assert [(v.version, v.status, v.lines) for v in versions] == [(1, "已退回补充", [])]


def test_a_removed_line_is_shown_removed(liaison, organization):
    doctor = ClinicianFactory(organization=organization)
    meal = TransferInput(nature="food", description="工作餐", amount=Decimal("60"), recipient_clinician=doctor)
    first = interaction_create(
        author=liaison,
        kind="visit",
        organization=organization,
        occurred_at=timezone.now(),
        summary="沟通转诊流程。",
        transfers=[meal],
    )
    second = interaction_amend(interaction=first, author=liaison, transfers=[])
    changes = changes_since_previous(second)
    assert changes.texts == [] and changes.added_lines == []
    assert [(line.description, line.amount) for line in changes.removed_lines] == [("工作餐", Decimal("60.00"))]


def test_a_line_given_to_someone_else_or_in_another_form_is_a_change_and_an_untouched_one_is_not(liaison, organization):
    wang = ClinicianFactory(organization=organization, name="王建国")
    li = ClinicianFactory(organization=organization, name="李秀英")

    def tea(recipient, form="in_kind"):
        return TransferInput(
            nature="gift", form=form, description="茶叶", amount=Decimal("100"), recipient_clinician=recipient
        )

    first = interaction_create(
        author=liaison,
        kind="visit",
        organization=organization,
        occurred_at=timezone.now(),
        summary="沟通转诊流程。",
        transfers=[tea(wang)],
    )
    untouched = interaction_amend(interaction=first, author=liaison, summary="沟通转诊流程，约好下周回访。")
    changes = changes_since_previous(untouched)
    assert changes.removed_lines == [] and changes.added_lines == []  # the same line, read back from the database

    moved = interaction_amend(interaction=untouched, author=liaison, transfers=[tea(li)])
    changes = changes_since_previous(moved)
    assert [line.recipient for line in changes.removed_lines] == ["王建国"]
    assert [line.recipient for line in changes.added_lines] == ["李秀英"]

    with override("zh-hans"):
        recast = changes_since_previous(
            interaction_amend(interaction=moved, author=liaison, transfers=[tea(li, "cash_equivalent")])
        )
    assert [line.form for line in recast.removed_lines] == ["实物"]
    assert [line.form for line in recast.added_lines] == ["现金或现金等价物"]


def test_long_or_repetitive_notes_are_compared_by_sentence_first():
    before, after = "拜访。" * 700, "拜访。" * 350 + "另送茶叶。" + "拜访。" * 350
    assert text_changes(before, after).count(("added", "另送茶叶。")) == 1
    rewritten = text_changes("拜访。" * 666, "拜访，" * 666)  # one long changed passage: shown whole
    assert rewritten == [("removed", "拜访。" * 666), ("added", "拜访，" * 666)]
