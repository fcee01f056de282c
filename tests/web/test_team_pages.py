"""The director's pages: dashboard, territory assignments and tiering."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from crm.interactions.services import interaction_create
from crm.partners.models import TerritoryAssignment
from crm.people.models import Role
from tests.factories import FollowUpFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directing(client, director):
    client.force_login(director)
    return client


@pytest.mark.parametrize("name", ["web:director", "web:assignments", "web:tiering"])
def test_only_directors_open_the_pages(client, liaison, reviewer, name):
    for user in (liaison, reviewer):
        client.force_login(user)
        assert client.get(reverse(name)).status_code == 403


def test_dashboard_shows_activity_coverage_and_overdue(directing, liaison, organization):
    interaction_create(
        author=liaison, kind="visit", organization=organization, occurred_at=timezone.now(), summary="随访"
    )
    FollowUpFactory(
        liaison=liaison,
        organization=organization,
        due_on=timezone.localdate() - timedelta(days=3),
        description="回访转诊患者",
    )
    page = directing.get(reverse("web:director")).content.decode()
    assert "张伟" in page and "回访转诊患者" in page and "<svg" in page


def test_assign_and_end(directing, territory, department):
    newcomer = UserFactory(role=Role.LIAISON, department=department, full_name="李新")
    response = directing.post(
        reverse("web:assignments"),
        {"territory": territory.pk, "liaison": newcomer.pk, "starts_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 302
    assignment = TerritoryAssignment.objects.get(liaison=newcomer)
    directing.post(reverse("web:assignment_end", args=[assignment.pk]))
    assignment.refresh_from_db()
    assert assignment.ends_on == timezone.localdate()


def test_cannot_assign_a_liaison_of_another_department(directing, territory):
    outsider = UserFactory(role=Role.LIAISON)
    directing.post(
        reverse("web:assignments"),
        {"territory": territory.pk, "liaison": outsider.pk, "starts_on": timezone.localdate().isoformat()},
    )
    assert not TerritoryAssignment.objects.filter(liaison=outsider).exists()


def test_tiering(directing, organization):
    response = directing.post(reverse("web:tiering"), {"pk": organization.pk, "tier": "A"})
    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.tier == "A"
    other = OrganizationFactory()  # another department
    assert directing.post(reverse("web:tiering"), {"pk": other.pk, "tier": "A"}).status_code == 404


def test_pages_have_a_fixed_query_count(directing, liaison, territory):
    def add(n):
        for _ in range(n):
            partner = OrganizationFactory(territory=territory, tier="B", status="active")
            interaction_create(
                author=liaison, kind="visit", organization=partner, occurred_at=timezone.now(), summary="随访"
            )
            FollowUpFactory(liaison=liaison, organization=partner, due_on=timezone.localdate() - timedelta(days=1))

    def count(url):
        with CaptureQueriesContext(connection) as ctx:
            assert directing.get(url).status_code == 200
        return len(ctx.captured_queries)

    urls = [reverse("web:director"), reverse("web:assignments"), reverse("web:tiering")]
    add(2)
    few = [count(u) for u in urls]
    add(10)
    assert [count(u) for u in urls] == few
