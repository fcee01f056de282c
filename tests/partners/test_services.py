"""Director writes on territories and partners: assignment, ending an assignment, tiering."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from crm.partners.models import TerritoryAssignment
from crm.partners.services import organization_set_tier, territory_assign, territory_assignment_end
from crm.people.models import Role
from tests.factories import AssignmentFactory, OrganizationFactory, TerritoryFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def newcomer(department):
    return UserFactory(role=Role.LIAISON, department=department, full_name="李新")


def test_director_assigns_a_liaison_of_the_department(director, territory, newcomer):
    today = timezone.localdate()
    assignment = territory_assign(territory=territory, liaison=newcomer, starts_on=today, by=director)
    assert (assignment.territory, assignment.liaison, assignment.starts_on) == (territory, newcomer, today)
    assert assignment.assigned_by == director and assignment.ends_on is None


def test_an_overlapping_assignment_is_refused(director, territory, newcomer):
    today = timezone.localdate()
    territory_assign(territory=territory, liaison=newcomer, starts_on=today, by=director)
    with pytest.raises(ValidationError):
        territory_assign(territory=territory, liaison=newcomer, starts_on=today + timedelta(days=5), by=director)
    assert TerritoryAssignment.objects.filter(liaison=newcomer).count() == 1


def test_only_liaisons_of_the_territorys_department(director, territory, department):
    outsider = UserFactory(role=Role.LIAISON)  # another department
    colleague = UserFactory(role=Role.DIRECTOR, department=department)
    for person in (outsider, colleague):
        with pytest.raises(ValidationError):
            territory_assign(territory=territory, liaison=person, starts_on=timezone.localdate(), by=director)


def test_other_roles_and_other_departments_cannot_assign(liaison, reviewer, director, newcomer):
    own = TerritoryFactory(department=director.department)
    foreign = TerritoryFactory()
    for actor in (liaison, reviewer):
        with pytest.raises(PermissionDenied):
            territory_assign(territory=own, liaison=newcomer, starts_on=timezone.localdate(), by=actor)
    with pytest.raises(PermissionDenied):
        territory_assign(territory=foreign, liaison=newcomer, starts_on=timezone.localdate(), by=director)


def test_end_an_assignment(director, territory, newcomer):
    assignment = AssignmentFactory(territory=territory, liaison=newcomer, starts_on=timezone.localdate())
    ended = territory_assignment_end(assignment=assignment, ends_on=timezone.localdate(), by=director)
    assert TerritoryAssignment.objects.get(pk=ended.pk).ends_on == timezone.localdate()


def test_an_assignment_cannot_end_before_it_starts(director, territory, newcomer):
    assignment = AssignmentFactory(territory=territory, liaison=newcomer, starts_on=timezone.localdate())
    with pytest.raises(ValidationError):
        territory_assignment_end(assignment=assignment, ends_on=assignment.starts_on - timedelta(days=1), by=director)
    assert TerritoryAssignment.objects.get(pk=assignment.pk).ends_on is None


def test_ending_is_for_directors_of_the_department(director, liaison, territory):
    assignment = TerritoryAssignment.objects.get(liaison=liaison)
    with pytest.raises(PermissionDenied):
        territory_assignment_end(assignment=assignment, ends_on=timezone.localdate(), by=liaison)
    foreign = AssignmentFactory()
    with pytest.raises(PermissionDenied):
        territory_assignment_end(assignment=foreign, ends_on=timezone.localdate(), by=director)


def test_set_tier(director, organization):
    organization_set_tier(organization=organization, tier="A", by=director)
    organization.refresh_from_db()
    assert organization.tier == "A"


def test_set_tier_refuses_unknown_tiers_other_roles_and_other_departments(director, liaison, reviewer, organization):
    with pytest.raises(ValidationError):
        organization_set_tier(organization=organization, tier="Z", by=director)
    for actor in (liaison, reviewer):
        with pytest.raises(PermissionDenied):
            organization_set_tier(organization=organization, tier="A", by=actor)
    with pytest.raises(PermissionDenied):
        organization_set_tier(organization=OrganizationFactory(), tier="A", by=director)
    organization.refresh_from_db()
    assert organization.tier != "A"
