import pytest
from django.contrib.auth.models import Group

from crm.people.models import Role
from crm.people.roles import ROLE_PERMISSIONS, sync_role_groups
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_migration_creates_the_four_role_groups_with_permissions():
    groups = {g.name: g for g in Group.objects.prefetch_related("permissions")}
    assert set(groups) == {r.value for r in Role}
    for role, models in ROLE_PERMISSIONS.items():
        codenames = {p.codename for p in groups[role].permissions.all()}
        expected = {f"{action}_{label.split('.')[1]}" for label, actions in models.items() for action in actions}
        assert codenames == expected


def test_directors_and_liaisons_cannot_decide_but_reviewers_can():
    assert not UserFactory(role=Role.DIRECTOR).has_perm("compliance.add_reviewdecision")
    assert not UserFactory(role=Role.LIAISON).has_perm("compliance.add_reviewdecision")
    assert UserFactory(role=Role.COMPLIANCE).has_perm("compliance.add_reviewdecision")
    assert not UserFactory(role=Role.COMPLIANCE).has_perm("interactions.add_interaction")


def test_role_property_prefers_the_strongest_group_and_superuser_is_admin():
    user = UserFactory(role=Role.LIAISON)
    user.groups.add(Group.objects.get(name=Role.DIRECTOR))
    assert UserFactory(is_superuser=True).role == Role.ADMIN
    assert type(user).objects.get(pk=user.pk).role == Role.DIRECTOR
    assert UserFactory().role is None


def test_sync_is_idempotent():
    sync_role_groups()
    sync_role_groups()
    assert Group.objects.count() == 4
