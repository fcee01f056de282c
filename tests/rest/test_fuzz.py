"""Schemathesis generates requests from the API's own OpenAPI schema and calls every operation as
each role: no response may be a server error or contradict the schema."""

import pytest
import schemathesis
from django.conf import settings as django_settings
from django.core.cache import cache
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error, response_schema_conformance

from crm.people.models import Role
from crm.wsgi import application
from tests.factories import AssignmentFactory, ClinicianFactory, OrganizationFactory, UserFactory

schema = schemathesis.openapi.from_wsgi("/api/schema/", application)


@pytest.fixture
def tokens(db, territory, organization):
    ClinicianFactory(organization=organization)
    OrganizationFactory(territory=territory)
    users = {
        Role.LIAISON: UserFactory(role=Role.LIAISON, department=territory.department),
        Role.DIRECTOR: UserFactory(role=Role.DIRECTOR, department=territory.department),
        Role.COMPLIANCE: UserFactory(role=Role.COMPLIANCE, department=territory.department),
    }
    AssignmentFactory(territory=territory, liaison=users[Role.LIAISON])
    return {role: Token.objects.create(user=user).key for role, user in users.items()}


@pytest.mark.skipif(
    not django_settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
    reason="fuzzed once per CI run, on the SQLite pass",
)
@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.LIAISON, Role.DIRECTOR, Role.COMPLIANCE])
@schema.parametrize()
@settings(max_examples=3, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case, role, tokens):
    cache.clear()  # throttling counts per test run; fuzzing must not be throttled into 429s
    case.call_and_validate(
        headers={"Authorization": f"Token {tokens[role]}"},
        checks=[not_a_server_error, response_schema_conformance],
    )
