"""Who sees what: the shared selectors every page, admin screen, API and export start from."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from crm.compliance.models import Finding
from crm.interactions.models import FollowUp, Interaction, Summary, TransferOfValue
from crm.partners.models import Clinician, Organization, Territory
from crm.people.models import Role
from tests.factories import (
    AssignmentFactory,
    ClinicianFactory,
    DepartmentFactory,
    FollowUpFactory,
    InteractionFactory,
    OrganizationFactory,
    SummaryFactory,
    TerritoryFactory,
    TransferFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(liaison, territory, department):
    """Two territories in the liaison's department, one in another department."""
    other_territory = TerritoryFactory(name="城西片区", department=department)
    far_department = DepartmentFactory(name="分院推广部")
    far_territory = TerritoryFactory(name="分院片区", department=far_department)
    mine = OrganizationFactory(territory=territory)
    colleague = UserFactory(role=Role.LIAISON, department=department)
    AssignmentFactory(territory=other_territory, liaison=colleague)
    theirs = OrganizationFactory(territory=other_territory)
    far = OrganizationFactory(territory=far_territory)
    return {
        "mine": mine,
        "theirs": theirs,
        "far": far,
        "colleague": colleague,
        "other_territory": other_territory,
        "far_territory": far_territory,
        "far_department": far_department,
    }


def test_liaison_sees_partners_of_assigned_territories_only(liaison, territory, world):
    assert list(Territory.objects.visible_to(liaison)) == [territory]
    assert list(Organization.objects.visible_to(liaison)) == [world["mine"]]
    ClinicianFactory(organization=world["theirs"])
    mine = ClinicianFactory(organization=world["mine"])
    assert list(Clinician.objects.visible_to(liaison)) == [mine]


def test_ended_and_future_assignments_do_not_count(liaison, world):
    today = timezone.localdate()
    AssignmentFactory(
        territory=world["other_territory"],
        liaison=liaison,
        starts_on=today - timedelta(days=100),
        ends_on=today - timedelta(days=1),
    )
    AssignmentFactory(territory=world["far_territory"], liaison=liaison, starts_on=today + timedelta(days=3))
    assert set(Organization.objects.visible_to(liaison)) == {world["mine"]}


def test_liaison_sees_own_interactions_and_those_at_their_partners(liaison, world):
    own_elsewhere = InteractionFactory(liaison=liaison, organization=world["theirs"])
    colleague_at_mine = InteractionFactory(liaison=world["colleague"], organization=world["mine"])
    hidden = InteractionFactory(liaison=world["colleague"], organization=world["theirs"])
    visible = set(Interaction.objects.visible_to(liaison))
    assert visible == {own_elsewhere, colleague_at_mine}
    assert hidden not in visible


def test_children_follow_their_interaction(liaison, world):
    shown = TransferFactory(interaction=InteractionFactory(liaison=liaison, organization=world["mine"]))
    TransferFactory(interaction=InteractionFactory(liaison=world["colleague"], organization=world["theirs"]))
    assert list(TransferOfValue.objects.visible_to(liaison)) == [shown]
    assert Finding.objects.visible_to(liaison).count() == 0


def test_follow_ups_and_summaries_are_the_liaisons_own(liaison, world):
    own = FollowUpFactory(liaison=liaison, organization=world["mine"])
    FollowUpFactory(liaison=world["colleague"], organization=world["mine"])
    assert list(FollowUp.objects.visible_to(liaison)) == [own]
    own_summary = SummaryFactory(liaison=liaison)
    SummaryFactory(liaison=world["colleague"])
    assert list(Summary.objects.visible_to(liaison)) == [own_summary]


def test_director_sees_their_department_only(director, liaison, world):
    assert set(Organization.objects.visible_to(director)) == {world["mine"], world["theirs"]}
    far_liaison = UserFactory(role=Role.LIAISON, department=world["far_department"])
    far_work = InteractionFactory(liaison=far_liaison, organization=world["far"])
    team_work = InteractionFactory(liaison=world["colleague"], organization=world["theirs"])
    assert set(Interaction.objects.visible_to(director)) == {team_work}
    assert far_work not in Interaction.objects.visible_to(director)
    FollowUpFactory(liaison=far_liaison, organization=world["far"])
    team_follow_up = FollowUpFactory(liaison=liaison, organization=world["mine"])
    assert list(FollowUp.objects.visible_to(director)) == [team_follow_up]


def test_compliance_and_admin_see_everything(reviewer, admin_user, world):
    InteractionFactory(organization=world["far"])
    for user in (reviewer, admin_user):
        assert Organization.objects.visible_to(user).count() == 3
        assert Interaction.objects.visible_to(user).count() == 1


def test_no_role_inactive_and_anonymous_see_nothing(world):
    nobody = UserFactory()
    inactive = UserFactory(role=Role.COMPLIANCE, is_active=False)
    InteractionFactory(organization=world["mine"])
    for user in (nobody, inactive, AnonymousUser()):
        assert not Organization.objects.visible_to(user).exists()
        assert not Interaction.objects.visible_to(user).exists()
        assert not Territory.objects.visible_to(user).exists()


def test_director_without_department_sees_nothing(world):
    director = UserFactory(role=Role.DIRECTOR, department=None)
    assert not Organization.objects.visible_to(director).exists()
