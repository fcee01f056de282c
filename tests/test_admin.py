"""Every admin changelist answers with a fixed number of queries, whatever the number of rows,
and shows only the rows the shared selectors allow."""

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from crm.people.models import Role
from tests.factories import (
    AssignmentFactory,
    ClinicianFactory,
    FollowUpFactory,
    InteractionFactory,
    OrganizationFactory,
    SummaryFactory,
    TransferFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def add_rows(territory, n):
    for _ in range(n):
        liaison = UserFactory(role=Role.LIAISON, department=territory.department)
        AssignmentFactory(territory=territory, liaison=liaison)
        organization = OrganizationFactory(territory=territory)
        ClinicianFactory(organization=organization)
        interaction = InteractionFactory(organization=organization, liaison=liaison)
        TransferFactory(interaction=interaction)
        FollowUpFactory(organization=organization, liaison=liaison)
        SummaryFactory(liaison=liaison)


def changelist_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def test_every_changelist_has_a_fixed_query_count(client, admin_user, territory):
    from crm.compliance.services import policy_publish  # noqa: F401  (admin imports it)

    client.force_login(admin_user)
    urls = [
        reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist") for model in admin.site._registry
    ]
    add_rows(territory, 2)
    few = {url: changelist_queries(client, url) for url in urls}
    add_rows(territory, 12)
    many = {url: changelist_queries(client, url) for url in urls}
    assert many == few


def test_changelist_is_scoped_for_a_liaison(client, liaison, territory):
    liaison.is_staff = True
    liaison.save()
    mine = OrganizationFactory(name="东湖镇卫生院", territory=territory)
    OrganizationFactory(name="西山村卫生室")  # another territory
    client.force_login(liaison)
    response = client.get(reverse("admin:partners_organization_changelist"))
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [mine]
    other = OrganizationFactory()
    assert client.get(reverse("admin:partners_organization_change", args=[other.pk])).status_code == 302


def test_search_finds_chinese_names(client, admin_user, territory):
    OrganizationFactory(name="东湖镇卫生院", territory=territory)
    OrganizationFactory(name="西山村卫生室", territory=territory)
    client.force_login(admin_user)
    response = client.get(reverse("admin:partners_organization_changelist"), {"q": "东湖"})
    assert [o.name for o in response.context["cl"].result_list] == ["东湖镇卫生院"]


def test_interactions_cannot_be_added_or_edited_in_the_admin(client, admin_user):
    client.force_login(admin_user)
    interaction = InteractionFactory()
    assert client.get(reverse("admin:interactions_interaction_add")).status_code == 403
    response = client.post(reverse("admin:interactions_interaction_change", args=[interaction.pk]), {"summary": "改"})
    assert response.status_code == 403
