"""The demo data: its shape, its idempotency, and that it went through the same rules as real work.

The demo is loaded once for the whole module inside a transaction that is rolled back at the
end, so other test modules never see it; each test still runs in its own savepoint.
"""

import re

import pytest
from django.contrib.auth import authenticate
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from crm.compliance.models import Decision, Finding, ReviewDecision, Severity
from crm.compliance.screening import patient_identifier_hits
from crm.demo import data
from crm.demo.loader import load_demo_data
from crm.interactions.models import FollowUp, Interaction, Kind, ReviewStatus, Summary, TransferOfValue
from crm.partners.models import Clinician, Organization, OrganizationKind, Territory, TerritoryAssignment
from crm.people.models import Department, Role, User

pytestmark = pytest.mark.django_db

MODELS = (
    Department,
    User,
    Territory,
    TerritoryAssignment,
    Organization,
    Clinician,
    Interaction,
    TransferOfValue,
    FollowUp,
    Summary,
    Finding,
    ReviewDecision,
)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo_data()
        transaction.set_rollback(True)


def test_the_demo_has_the_expected_shape(demo):
    assert demo.created and not demo.skipped
    assert Territory.objects.count() == 3
    assert all(Territory.objects.values_list("code", flat=True))
    assert Organization.objects.count() >= 35
    assert set(Organization.objects.values_list("kind", flat=True)) == set(OrganizationKind.values)
    assert Clinician.objects.count() >= 100
    assert Clinician.objects.filter(is_key_contact=True).count() == Organization.objects.count()
    roles = {role: User.objects.filter(groups__name=role).count() for role in Role.values}
    assert roles[Role.LIAISON] == 4
    assert roles[Role.DIRECTOR] == 1
    assert roles[Role.COMPLIANCE] == 1
    assert User.objects.filter(is_superuser=True, username="admin").exists()
    assert Interaction.objects.count() >= 250
    assert set(Interaction.objects.values_list("kind", flat=True)) == set(Kind.values)
    assert TransferOfValue.objects.exists()
    assert 15 <= Interaction.objects.filter(review_status=ReviewStatus.PENDING).count() <= 25
    assert Summary.objects.filter(submitted_at__isnull=True).exists()  # the current periods are open
    assert demo.interactions == Interaction.objects.count()


def test_prohibited_items_are_stored_and_never_approved(demo):
    prohibited = Finding.objects.filter(severity=Severity.PROHIBITED, interaction_version=F("interaction__version"))
    assert prohibited.values("interaction").distinct().count() >= 3
    assert not Interaction.objects.filter(
        pk__in=prohibited.values("interaction"), review_status=ReviewStatus.APPROVED
    ).exists()
    approved_versions = ReviewDecision.objects.filter(decision=Decision.APPROVE).values_list(
        "interaction_id", "interaction_version"
    )
    flagged_versions = set(
        Finding.objects.filter(severity=Severity.PROHIBITED).values_list("interaction_id", "interaction_version")
    )
    assert not flagged_versions & set(approved_versions)


def test_a_second_run_creates_nothing(demo):
    before = {model: model.objects.count() for model in MODELS}
    again = load_demo_data()
    assert not again.created
    assert {model: model.objects.count() for model in MODELS} == before
    assert again.interactions == demo.interactions


def test_every_interaction_was_logged_by_a_liaison_of_the_partners_territory(demo):
    today = timezone.localdate()
    current = set(
        TerritoryAssignment.objects.filter(starts_on__lte=today)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .values_list("liaison_id", "territory_id")
    )
    logged = set(Interaction.objects.values_list("liaison_id", "organization__territory_id"))
    assert logged <= current
    assert TerritoryAssignment.objects.filter(ends_on__lt=today).exists()  # history is there too


def test_no_demo_text_looks_like_a_patient_identifier(demo):
    assert not Finding.objects.filter(rule="patient_identifier").exists()
    texts = []
    for row in Interaction.objects.values("summary", "next_step", "no_benefit_statement", "case_code"):
        texts.extend(row.values())
    texts += TransferOfValue.objects.values_list("description", flat=True)
    texts += TransferOfValue.objects.values_list("justification", flat=True)
    texts += FollowUp.objects.values_list("description", flat=True)
    for body, plan in Summary.objects.values_list("body", "plan"):
        texts += [body, plan]
    hits = [(text, patient_identifier_hits(text)) for text in texts if text]
    assert [pair for pair in hits if pair[1]] == []


def test_case_discussions_are_pseudonymous(demo):
    codes = Interaction.objects.filter(kind=Kind.CASE).values_list("case_code", flat=True)
    assert codes and all(re.fullmatch(r"(ZQ|ZZ|XZ)-\d{4}-\d{3}", code) for code in codes)


def test_training_offers_state_their_value_or_say_there_is_none(demo):
    for offer in Interaction.objects.filter(kind=Kind.TRAINING).prefetch_related("transfers"):
        assert offer.no_benefit_statement or any(line.amount > 0 for line in offer.transfers.all())


def test_look_alike_words_stay_clear(demo):
    for word in ("送检", "请示", "卡介苗"):
        notes = Interaction.objects.filter(summary__contains=word, transfers__isnull=True)
        assert notes.exists(), word
        assert not Finding.objects.filter(interaction__in=notes, rule="undeclared_text").exists(), word


def test_undeclared_value_in_notes_is_flagged(demo):
    for note in data.UNDECLARED_NOTES:
        phrase = note.split("，")[-1].rstrip("。")[-6:]
        interaction = Interaction.objects.get(summary__contains=phrase)
        assert Finding.objects.filter(interaction=interaction, rule="undeclared_text").exists(), phrase


def test_a_gift_no_list_words_is_left_to_the_reviewer_by_the_learned_reader(demo):
    interaction = Interaction.objects.get(summary__contains="科里几个人凑了个大的")
    assert list(Finding.objects.filter(interaction=interaction).values_list("rule", flat=True)) == ["value_reader"]
    assert interaction.review_status == ReviewStatus.PENDING
    # and it is the only one: the reader adds no false alarm to the department's month
    assert list(Finding.objects.filter(rule="value_reader").values_list("interaction", flat=True)) == [interaction.pk]


def test_reviewers_cleared_the_false_alarms_and_confirmed_the_rest(demo):
    from crm.access import system_user
    from crm.compliance.selectors import screening_verdicts

    for note in data.FALSE_ALARM_NOTES:
        interaction = Interaction.objects.get(summary__contains=note.split("，")[1][-6:])
        decision = ReviewDecision.objects.get(interaction=interaction)
        assert (decision.decision, decision.screening_verdict) == ("approve", "false_alarm")
        assert Finding.objects.filter(interaction=interaction, rule="undeclared_text").exists()
    counts = screening_verdicts(system_user(), year=timezone.localdate().year)["lists"]
    # confirmed: the three undeclared gifts and meals returned to be declared
    assert (counts.confirmed, counts.false_alarms) == (3, len(data.FALSE_ALARM_NOTES))


def test_every_demo_login_can_sign_in(demo):
    assert {login.username for login in demo.logins} == {spec["username"] for spec in data.STAFF}
    for login in demo.logins:
        user = authenticate(username=login.username, password=login.password)
        assert user is not None, login.username
        assert user.role == login.role
        assert user.department.name == data.DEPARTMENT["name"]
