"""The compliance service end to end: one path for every write, the review workflow, versions."""

import threading
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, connections
from django.utils import timezone

from crm.compliance.audit import audit_verify
from crm.compliance.models import AuditEntry, Finding, ReviewDecision
from crm.compliance.services import policy_publish, review_decide
from crm.interactions.models import FollowUp, Interaction, InteractionRevision, ReviewStatus, TransferOfValue
from crm.interactions.services import TransferInput, interaction_amend, interaction_create
from crm.people.models import Role
from tests.factories import ClinicianFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db
CASE = {
    "case_code": "ZZ-2611-037",
    "case_age_band": "65-79",
    "case_sex": "M",
    "case_condition_group": "cerebrovascular",
    "case_topic": "referral_feedback",
}


@pytest.fixture
def doctor(organization):
    return ClinicianFactory(organization=organization, name="王建国")


def log(liaison, organization, summary="常规随访，沟通双向转诊流程。", **kw):
    kw.setdefault("kind", "visit")
    kw.setdefault("occurred_at", timezone.now())
    return interaction_create(author=liaison, organization=organization, summary=summary, **kw)


def meal(doctor, amount="80", **kw):
    return TransferInput(nature="food", description="工作餐", amount=Decimal(amount), recipient_clinician=doctor, **kw)


def rules_of(interaction):
    return sorted(
        Finding.objects.filter(interaction=interaction, interaction_version=interaction.version).values_list(
            "rule", flat=True
        )
    )


def test_plain_visit_is_clear_and_audited(liaison, organization):
    interaction = log(liaison, organization)
    assert interaction.review_status == ReviewStatus.CLEAR
    assert rules_of(interaction) == []
    entry = AuditEntry.objects.get()
    assert entry.action == "interaction.saved" and entry.object_id == str(interaction.pk)


def test_declared_meal_goes_to_review_with_policy_version(liaison, organization, doctor):
    interaction = log(liaison, organization, transfers=[meal(doctor)])
    assert interaction.review_status == ReviewStatus.PENDING
    finding = Finding.objects.get(interaction=interaction)
    assert finding.rule == "declared" and finding.policy.version == 1
    assert TransferOfValue.objects.get().value_date == timezone.localdate(interaction.occurred_at)


def test_shared_meal_is_split_per_attendee(liaison, organization, doctor):
    nurse = ClinicianFactory(organization=organization, name="李护士长")
    resident = ClinicianFactory(organization=organization, name="赵医生")
    log(
        liaison,
        organization,
        transfers=[
            TransferInput(
                nature="food", description="科室工作餐", amount=Decimal("100.00"), attendees=[doctor, nurse, resident]
            )
        ],
    )
    shares = sorted(TransferOfValue.objects.values_list("amount", flat=True))
    assert shares == [Decimal("33.33"), Decimal("33.33"), Decimal("33.34")]
    assert set(TransferOfValue.objects.values_list("attendees_sharing", flat=True)) == {3}


def test_cash_equivalent_is_stored_and_can_never_be_approved(liaison, organization, doctor, reviewer):
    interaction = log(
        liaison,
        organization,
        transfers=[
            TransferInput(
                nature="cash",
                form="cash_equivalent",
                description="超市购物卡",
                amount=Decimal("500"),
                recipient_clinician=doctor,
                justification="对方收下后已上报",
            )
        ],
    )
    assert "prohibited_nature" in rules_of(interaction)
    with pytest.raises(ValidationError) as refused:
        review_decide(interaction=interaction, reviewer=reviewer, decision="approve")
    assert refused.value.code == "prohibited"
    review_decide(interaction=interaction, reviewer=reviewer, decision="reject", comment="现金等价物，禁止。")
    interaction.refresh_from_db()
    assert interaction.review_status == ReviewStatus.REJECTED


def test_patient_id_in_a_case_discussion_is_refused_and_nothing_saved(liaison, organization):
    resident_id = "11010519491231002X"  # valid check digit
    with pytest.raises(ValidationError) as refused:
        log(liaison, organization, kind="case", summary=f"患者身份证{resident_id}，建议转上级医院。", **CASE)
    messages = " ".join(refused.value.message_dict["summary"])
    assert "110105********002X" in messages and resident_id not in messages
    assert not Interaction.objects.exists()
    assert not FollowUp.objects.exists() and not AuditEntry.objects.exists()


def test_identifier_outside_a_case_discussion_is_flagged_not_refused(liaison, organization):
    interaction = log(liaison, organization, summary="王院长让我记一下他的手机13812345678，方便联系。")
    finding = Finding.objects.get(interaction=interaction, rule="patient_identifier")
    assert finding.severity == "review" and "13812345678" not in finding.message


def test_case_feedback_due_defaults_to_24_hours(liaison, organization):
    when = timezone.now()
    interaction = log(
        liaison, organization, kind="case", occurred_at=when, summary="转诊患者情况反馈：病情稳定。", **CASE
    )
    assert interaction.feedback_due_at == when + timedelta(hours=24)


def test_training_offer_without_value_or_statement_is_refused(liaison, organization, doctor):
    with pytest.raises(ValidationError) as refused:
        log(
            liaison,
            organization,
            kind="training",
            training_format="lecture",
            training_status="offered",
            summary="下周三下午糖尿病规范化管理讲座。",
        )
    assert "no_benefit_statement" in refused.value.message_dict
    ok = log(
        liaison,
        organization,
        kind="training",
        training_format="lecture",
        training_status="offered",
        summary="下周三下午糖尿病规范化管理讲座。",
        no_benefit_statement="面向公众的公开讲座，无个人利益",
    )
    assert ok.review_status == ReviewStatus.CLEAR


def test_item_above_limit_needs_justification(liaison, organization, doctor):
    with pytest.raises(ValidationError) as refused:
        log(
            liaison,
            organization,
            transfers=[
                TransferInput(
                    nature="education", description="进修教材", amount=Decimal("380"), recipient_clinician=doctor
                )
            ],
        )
    assert "transfers" in refused.value.message_dict


def test_annual_cap_counts_pending_and_approved_not_rejected(liaison, organization, doctor, reviewer):
    justified = {"justification": "进修期间住宿，按医院标准"}
    first = log(
        liaison,
        organization,
        transfers=[
            TransferInput(
                nature="travel", description="进修住宿", amount=Decimal("1500"), recipient_clinician=doctor, **justified
            )
        ],
    )
    review_decide(interaction=first, reviewer=reviewer, decision="approve")
    rejected = log(
        liaison,
        organization,
        transfers=[
            TransferInput(
                nature="travel", description="住宿", amount=Decimal("1000"), recipient_clinician=doctor, **justified
            )
        ],
    )
    review_decide(interaction=rejected, reviewer=reviewer, decision="reject", comment="超标准")
    third = log(liaison, organization, transfers=[meal(doctor, "150")])
    cap = Finding.objects.get(interaction=third, rule="annual_cap")
    assert cap.evidence["before"] == "1500.00" and cap.evidence["after"] == "1650.00"
    assert "1,650.00" in cap.message


def test_fourth_meal_in_a_quarter_needs_review(liaison, organization, doctor):
    for _ in range(3):
        assert "meal_frequency" not in rules_of(log(liaison, organization, transfers=[meal(doctor)]))
    assert "meal_frequency" in rules_of(log(liaison, organization, transfers=[meal(doctor)]))


def test_undeclared_value_in_notes_is_flagged(liaison, organization, doctor):
    interaction = log(liaison, organization, summary="拜访王院长，中午请他们科室吃饭，沟通转诊。")
    assert interaction.review_status == ReviewStatus.PENDING
    assert rules_of(interaction) == ["undeclared_text"]
    declared = log(
        liaison, organization, summary="拜访王院长，中午请他们科室吃饭，沟通转诊。", transfers=[meal(doctor)]
    )
    assert "undeclared_text" not in rules_of(declared)


def test_lookalikes_and_refusals_stay_clear(liaison, organization):
    for text in (
        "送检标本已收到，结果明天反馈。",
        "对方提出要红包，我当场明确拒绝，未给任何东西。",
        "请示科主任后再安排会诊。",
    ):
        assert log(liaison, organization, summary=text).review_status == ReviewStatus.CLEAR, text


def test_only_assigned_liaisons_can_log_for_a_partner(liaison, reviewer):
    elsewhere = OrganizationFactory()
    with pytest.raises(PermissionDenied):
        log(liaison, elsewhere)
    with pytest.raises(PermissionDenied):
        log(reviewer, elsewhere)


def test_recipient_must_belong_to_the_partner(liaison, organization):
    stranger = ClinicianFactory()
    with pytest.raises(ValidationError):
        log(liaison, organization, transfers=[meal(stranger)])


def test_review_refusals(liaison, organization, doctor, reviewer, director):
    interaction = log(liaison, organization, transfers=[meal(doctor)])
    with pytest.raises(PermissionDenied):
        review_decide(interaction=interaction, reviewer=director, decision="approve")
    with pytest.raises(PermissionDenied):
        review_decide(interaction=interaction, reviewer=liaison, decision="approve")
    for decision in ("reject", "return"):
        with pytest.raises(ValidationError) as refused:
            review_decide(interaction=interaction, reviewer=reviewer, decision=decision, comment="  ")
        assert refused.value.code == "comment_required"
    review_decide(interaction=interaction, reviewer=reviewer, decision="approve")
    with pytest.raises(ValidationError) as again:
        review_decide(interaction=interaction, reviewer=reviewer, decision="reject", comment="改主意")
    assert again.value.code == "already_decided"
    assert ReviewDecision.objects.count() == 1


def test_no_self_review(organization, doctor, territory):
    from tests.factories import AssignmentFactory

    both = UserFactory(role=Role.LIAISON, department=territory.department)
    both.groups.add(__import__("django.contrib.auth.models", fromlist=["Group"]).Group.objects.get(name="compliance"))
    AssignmentFactory(territory=territory, liaison=both)
    interaction = log(both, organization, transfers=[meal(doctor)])
    with pytest.raises(ValidationError) as refused:
        review_decide(interaction=interaction, reviewer=both, decision="approve")
    assert refused.value.code == "self_review"


def test_return_amend_and_review_again(liaison, organization, doctor, reviewer):
    interaction = log(liaison, organization, transfers=[meal(doctor)])
    review_decide(interaction=interaction, reviewer=reviewer, decision="return", comment="请补充用餐人数和地点")
    interaction.refresh_from_db()
    assert interaction.review_status == ReviewStatus.RETURNED
    amended = interaction_amend(interaction=interaction, author=liaison, summary="院内食堂工作餐，2人，讨论转诊。")
    assert amended.version == 2 and amended.review_status == ReviewStatus.PENDING
    revision = InteractionRevision.objects.get(interaction=interaction)
    assert revision.version == 1 and revision.snapshot["summary"] == "常规随访，沟通双向转诊流程。"
    assert revision.snapshot["transfers"][0]["amount"] == "80.00"
    assert "amended_after_decision" in rules_of(amended)
    review_decide(interaction=amended, reviewer=reviewer, decision="approve")
    amended.refresh_from_db()
    assert amended.review_status == ReviewStatus.APPROVED
    assert TransferOfValue.objects.filter(interaction=amended).count() == 1


def test_amending_a_decided_interaction_goes_back_to_review(liaison, organization, doctor, reviewer):
    interaction = log(liaison, organization, transfers=[meal(doctor)])
    review_decide(interaction=interaction, reviewer=reviewer, decision="approve")
    interaction.refresh_from_db()
    amended = interaction_amend(interaction=interaction, author=liaison, transfers=[])
    assert amended.review_status == ReviewStatus.PENDING
    assert rules_of(amended) == ["amended_after_decision"]


def test_a_stale_decision_on_an_amended_version_loses(liaison, organization, doctor, reviewer):
    interaction = log(liaison, organization, transfers=[meal(doctor)])
    stale = type(interaction).objects.get(pk=interaction.pk)
    interaction_amend(interaction=interaction, author=liaison, summary="补充：院内食堂工作餐。")
    with pytest.raises(ValidationError) as refused:
        review_decide(interaction=stale, reviewer=reviewer, decision="approve")
    assert refused.value.code == "already_decided"


def test_only_the_author_amends(liaison, organization, territory):
    interaction = log(liaison, organization)
    colleague = UserFactory(role=Role.LIAISON, department=territory.department)
    with pytest.raises(PermissionDenied):
        interaction_amend(interaction=interaction, author=colleague, summary="改")


def test_policy_change_is_a_new_version(reviewer, liaison):
    policy = policy_publish(author=reviewer, values={"item_limit": Decimal("300"), "note": "上调单项限额"})
    assert policy.version == 2
    with pytest.raises(PermissionDenied):
        policy_publish(author=liaison, values={"item_limit": Decimal("1")})


def test_every_write_is_in_a_verifiable_audit_chain(liaison, organization, doctor, reviewer):
    interaction = log(liaison, organization, transfers=[meal(doctor)])
    review_decide(interaction=interaction, reviewer=reviewer, decision="approve")
    assert [e.action for e in AuditEntry.objects.order_by("pk")] == ["interaction.saved", "review.approve"]
    assert audit_verify().ok


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="real concurrent connections need PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_decisions_exactly_one_wins(territory, organization):
    liaison = UserFactory(role=Role.LIAISON, department=territory.department)
    from tests.factories import AssignmentFactory

    AssignmentFactory(territory=territory, liaison=liaison)
    doctor = ClinicianFactory(organization=organization)
    reviewers = [UserFactory(role=Role.COMPLIANCE) for _ in range(2)]
    interaction = log(liaison, organization, transfers=[meal(doctor)])
    barrier = threading.Barrier(2)
    outcomes = []

    def decide(reviewer, decision):
        try:
            barrier.wait()
            review_decide(interaction=interaction, reviewer=reviewer, decision=decision, comment="并发测试")
            outcomes.append("won")
        except ValidationError as error:
            outcomes.append(error.code)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=decide, args=(r, d)) for r, d in zip(reviewers, ("approve", "reject"), strict=True)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["already_decided", "won"]
    assert ReviewDecision.objects.filter(interaction=interaction).count() == 1
    assert connection.vendor == "postgresql"


def test_two_reviewers_on_the_same_pending_version_only_one_decides(liaison, organization, doctor, reviewer):
    """The same race as the threaded test, interleaved by hand: works on SQLite as on PostgreSQL."""
    second_reviewer = UserFactory(role=Role.COMPLIANCE)
    interaction = log(liaison, organization, transfers=[meal(doctor)])
    seen_by_first = type(interaction).objects.get(pk=interaction.pk)
    seen_by_second = type(interaction).objects.get(pk=interaction.pk)
    review_decide(interaction=seen_by_first, reviewer=reviewer, decision="approve")
    with pytest.raises(ValidationError) as refused:
        review_decide(interaction=seen_by_second, reviewer=second_reviewer, decision="reject", comment="不同意")
    assert refused.value.code == "already_decided"
    interaction.refresh_from_db()
    assert interaction.review_status == ReviewStatus.APPROVED
    assert ReviewDecision.objects.filter(interaction=interaction).count() == 1
