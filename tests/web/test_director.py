"""The director's pages against the issue: dashboard, territory assignments, partner tiering.

The pages are ``web:director``, ``web:assignments``, ``web:assignment_end`` and ``web:tiering``
(crm/web/views_team.py); these tests check what the issue asks of them, including access,
scoping, CSRF, accessibility hooks and a fixed number of queries.
"""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from crm.interactions.services import interaction_create
from crm.partners.models import TerritoryAssignment
from crm.people.models import Role
from crm.web.charts import bar_chart
from tests.factories import (
    AssignmentFactory,
    FollowUpFactory,
    InteractionFactory,
    OrganizationFactory,
    TerritoryFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PAGES = ["web:director", "web:assignments", "web:tiering"]


@pytest.fixture
def directing(client, director):
    client.force_login(director)
    return client


def visit(liaison, organization, days_ago=0, summary="随访，沟通双向转诊流程。"):
    return interaction_create(
        author=liaison,
        kind="visit",
        organization=organization,
        occurred_at=timezone.now() - timedelta(days=days_ago),
        summary=summary,
    )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


# --- access ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_is_sent_to_the_login_page(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and reverse("web:login") in response["Location"]


@pytest.mark.parametrize("name", PAGES)
def test_liaison_and_reviewer_get_403(client, liaison, reviewer, name):
    for user in (liaison, reviewer):
        client.force_login(user)
        assert client.get(reverse(name)).status_code == 403


def test_liaison_cannot_end_an_assignment(client, liaison):
    assignment = TerritoryAssignment.objects.get(liaison=liaison)
    client.force_login(liaison)
    assert client.post(reverse("web:assignment_end", args=[assignment.pk])).status_code == 403
    assert TerritoryAssignment.objects.get(pk=assignment.pk).ends_on is None


@pytest.mark.parametrize("name,section", [("web:director", "director"), ("web:assignments", "assignments")])
def test_navigation_marks_the_current_page(directing, name, section):
    response = directing.get(reverse(name))
    assert response.context["section"] == section
    assert f'href="{reverse(name)}" aria-current="page"' in response.content.decode()


def test_forms_need_a_csrf_token(director, territory, organization):
    client = Client(enforce_csrf_checks=True)
    client.force_login(director)
    assert client.post(reverse("web:tiering"), {"pk": organization.pk, "tier": "A"}).status_code == 403
    for name in ("web:assignments", "web:tiering"):
        assert "csrfmiddlewaretoken" in client.get(reverse(name)).content.decode()


# --- dashboard ------------------------------------------------------------------------------


def test_dashboard_activity_by_liaison_and_week(directing, liaison, organization):
    visit(liaison, organization)
    visit(liaison, organization, days_ago=8)
    visit(liaison, organization, days_ago=100)  # older than the eight weeks shown
    response = directing.get(reverse("web:director"), HTTP_ACCEPT_LANGUAGE="en")
    weeks = response.context["weeks"]
    assert len(weeks) == 8 and weeks == sorted(weeks) and all(w.weekday() == 0 for w in weeks)
    (row,) = response.context["activity"]
    assert row["name"] == "张伟" and row["total"] == 2 and row["counts"][-1] == 1
    page = response.content.decode()
    table = page[page.index('id="act-h"') :]
    assert '<th scope="row">张伟</th>' in table


def test_dashboard_charts_are_accessible_svg(directing, liaison, organization):
    visit(liaison, organization)
    page = directing.get(reverse("web:director")).content.decode()
    charts = re.findall(
        r'<svg class="chart" role="img"[^>]*aria-label="([^"]+)"[^>]*><title>([^<]+)</title><desc>', page
    )
    assert len(charts) == 2 and all(label == title for label, title in charts)
    assert "<script" not in page.split("<main", 1)[1]  # no chart library


def test_dashboard_coverage_lists_partners_past_their_tier_cadence(directing, liaison, territory):
    late_a = OrganizationFactory(name="城东社区站", territory=territory, tier="A", status="active")
    fresh_a = OrganizationFactory(name="城西诊所", territory=territory, tier="A", status="active")
    fresh_c = OrganizationFactory(name="北湖村卫生室", territory=territory, tier="C", status="active")
    never_b = OrganizationFactory(name="南湖药房", territory=territory, tier="B", status="active")
    visit(liaison, late_a, days_ago=20)  # A: 14 days
    visit(liaison, fresh_a, days_ago=3)
    visit(liaison, fresh_c, days_ago=40)  # C: 60 days
    response = directing.get(reverse("web:director"), HTTP_ACCEPT_LANGUAGE="en")
    overdue = {o.name for o in response.context["overdue_partners"]}
    assert overdue == {late_a.name, never_b.name}
    page = response.content.decode()
    assert "城东社区站" in page and "never contacted" in page and "城西诊所" not in page
    coverage = {str(label): (active, late) for label, active, late in response.context["coverage"]}
    assert coverage == {"Tier A": (2, 1), "Tier B": (1, 1), "Tier C": (1, 0)}


def test_dashboard_follow_ups_feedback_and_training(directing, liaison, organization):
    FollowUpFactory(
        liaison=liaison, organization=organization, due_on=timezone.localdate() - timedelta(days=2), description="回访"
    )
    FollowUpFactory(liaison=liaison, organization=organization, due_on=timezone.localdate() + timedelta(days=2))
    now = timezone.now()
    case = {
        "kind": "case",
        "liaison": liaison,
        "organization": organization,
        "case_code": "C-1",
        "case_age_band": "18-44",
        "case_sex": "F",
        "case_condition_group": "cardiovascular",
        "case_topic": "referral_feedback",
    }
    InteractionFactory(
        occurred_at=now - timedelta(days=3),
        feedback_due_at=now - timedelta(days=2),
        feedback_given_at=now - timedelta(days=2, hours=1),
        **case,
    )
    InteractionFactory(occurred_at=now - timedelta(days=3), feedback_due_at=now - timedelta(days=2), **case)
    for status in ("offered", "accepted", "accepted"):
        InteractionFactory(
            kind="training",
            liaison=liaison,
            organization=organization,
            training_format="lecture",
            training_status=status,
        )
    response = directing.get(reverse("web:director"), HTTP_ACCEPT_LANGUAGE="en")
    assert [f.description for f in response.context["overdue_follow_ups"]] == ["回访"]
    feedback = response.context["feedback"]
    assert (feedback.on_time, feedback.missing_overdue) == (1, 1) and response.context["feedback_share"] == 50
    training = {str(label): n for label, n in response.context["training"]}
    assert training["Offered"] == 1 and training["Accepted"] == 2
    page = response.content.decode()
    assert "50%" in page and "回访" in page


def test_dashboard_shows_only_the_directors_department(directing, liaison, organization):
    stranger = UserFactory(role=Role.LIAISON, full_name="外院推广员")
    foreign = OrganizationFactory(name="外院合作站", tier="A", status="active")
    AssignmentFactory(territory=foreign.territory, liaison=stranger)
    visit(stranger, foreign)
    FollowUpFactory(liaison=stranger, organization=foreign, due_on=timezone.localdate() - timedelta(days=1))
    page = directing.get(reverse("web:director")).content.decode()
    assert "外院推广员" not in page and "外院合作站" not in page


# --- territory assignments -------------------------------------------------------------------


def test_assignments_page_lists_current_assignments_with_labelled_inputs(directing, territory, liaison):
    past = UserFactory(role=Role.LIAISON, department=territory.department, full_name="离任者")
    AssignmentFactory(
        territory=territory,
        liaison=past,
        starts_on=timezone.localdate() - timedelta(days=90),
        ends_on=timezone.localdate() - timedelta(days=30),
    )
    page = directing.get(reverse("web:assignments")).content.decode()
    assert "张伟" in page and "离任者" not in page.split("<form", 2)[1]  # ended assignments are not current
    for input_id in re.findall(r'<(?:select|input)[^>]* id="([^"]+)"', page.split("<main", 1)[1]):
        assert f'for="{input_id}"' in page


def test_assign_a_liaison_from_a_date_and_end_it(directing, territory, department):
    newcomer = UserFactory(role=Role.LIAISON, department=department, full_name="李新")
    starts = timezone.localdate() + timedelta(days=7)
    response = directing.post(
        reverse("web:assignments"),
        {"territory": territory.pk, "liaison": newcomer.pk, "starts_on": starts.isoformat()},
        follow=True,
    )
    assignment = TerritoryAssignment.objects.get(liaison=newcomer)
    assert assignment.starts_on == starts and assignment.assigned_by.username == "director"
    assert list(response.context["messages"])
    assert directing.get(reverse("web:assignment_end", args=[assignment.pk])).status_code == 405
    directing.post(reverse("web:assignment_end", args=[assignment.pk]))
    # Ending today an assignment that starts next week is refused by the service, not crashed.
    assert TerritoryAssignment.objects.get(pk=assignment.pk).ends_on is None


def test_out_of_scope_territory_and_assignment_are_404(directing, department):
    newcomer = UserFactory(role=Role.LIAISON, department=department)
    foreign = TerritoryFactory()
    response = directing.post(
        reverse("web:assignments"),
        {"territory": foreign.pk, "liaison": newcomer.pk, "starts_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 404
    foreign_assignment = AssignmentFactory(territory=foreign)
    assert directing.post(reverse("web:assignment_end", args=[foreign_assignment.pk])).status_code == 404
    assert TerritoryAssignment.objects.get(pk=foreign_assignment.pk).ends_on is None


def test_an_invalid_assignment_says_why(directing, territory):
    outsider = UserFactory(role=Role.LIAISON, full_name="外院推广员")
    response = directing.post(
        reverse("web:assignments"),
        {"territory": territory.pk, "liaison": outsider.pk, "starts_on": timezone.localdate().isoformat()},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert not TerritoryAssignment.objects.filter(liaison=outsider).exists()
    assert 'class="errorlist' in response.content.decode()


# --- tiering --------------------------------------------------------------------------------


def test_tiering_filters_and_changes_a_tier(directing, territory):
    a = OrganizationFactory(name="甲站", territory=territory, tier="A")
    c = OrganizationFactory(name="丙站", territory=territory, tier="C")
    response = directing.get(reverse("web:tiering"), {"tier": "C"})
    assert [o.pk for o in response.context["page"]] == [c.pk]
    page = response.content.decode()
    assert f'<label class="sr-only" for="tier-{c.pk}">' in page and f'id="tier-{c.pk}"' in page
    response = directing.post(reverse("web:tiering") + "?tier=C", {"pk": a.pk, "tier": "B"})
    assert response.status_code == 302 and response["Location"].endswith("?tier=C")
    a.refresh_from_db()
    assert a.tier == "B"


def test_tiering_refuses_an_unknown_tier_with_a_message(directing, organization):
    response = directing.post(reverse("web:tiering"), {"pk": organization.pk, "tier": "Z"}, follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    organization.refresh_from_db()
    assert organization.tier != "Z"


def test_tiering_a_partner_of_another_department_is_404(directing):
    foreign = OrganizationFactory(tier="C")
    assert directing.post(reverse("web:tiering"), {"pk": foreign.pk, "tier": "A"}).status_code == 404
    foreign.refresh_from_db()
    assert foreign.tier == "C"


# --- a fixed number of queries -----------------------------------------------------------------


def test_every_director_page_has_a_fixed_query_count(directing, department):
    def grow(n):
        for _ in range(n):
            territory = TerritoryFactory(department=department)
            member = UserFactory(role=Role.LIAISON, department=department)
            AssignmentFactory(territory=territory, liaison=member)
            partner = OrganizationFactory(territory=territory, tier="A", status="active")
            visit(member, partner, days_ago=20)
            FollowUpFactory(liaison=member, organization=partner, due_on=timezone.localdate() - timedelta(days=1))

    grow(2)
    few = [count_queries(directing, reverse(name)) for name in PAGES]
    grow(10)
    assert [count_queries(directing, reverse(name)) for name in PAGES] == few


# --- charts ----------------------------------------------------------------------------------


def test_bar_chart_is_labelled_and_escapes_its_text():
    svg = str(bar_chart(["<b>w1</b>", "w2"], [("张伟", [1, 2]), ("李娜", [0, 3])], title="A & B"))
    assert 'role="img"' in svg and 'aria-label="A &amp; B"' in svg and "<title>A &amp; B</title>" in svg
    assert "<b>" not in svg and "&lt;b&gt;w1&lt;/b&gt;" in svg
    assert "张伟 1" in svg and "李娜 3" in svg  # the figures are in the <desc>
    assert svg.count("<rect") == 4 and "<figcaption" in svg  # one bar per value; a legend for two series
