"""The REST API: same services and scoping as the pages, documented by its own schema."""

from decimal import Decimal

import pytest
import yaml
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone
from rest_framework.test import APIClient

from crm.interactions.models import Interaction
from crm.interactions.services import TransferInput, interaction_create
from tests.factories import ClinicianFactory, FollowUpFactory, OrganizationFactory, TerritoryFactory

pytestmark = pytest.mark.django_db
VALID_ID = "11010519491231002X"


@pytest.fixture
def doctor(organization):
    return ClinicianFactory(organization=organization, name="王建国")


def api(user=None, language="en"):
    client = APIClient(HTTP_ACCEPT_LANGUAGE=language)
    if user is not None:
        client.force_authenticate(user)
    return client


def visit_payload(organization, doctor, **overrides):
    payload = {
        "kind": "visit",
        "organization": organization.pk,
        "clinicians": [doctor.pk],
        "occurred_at": timezone.now().isoformat(),
        "channel": "in_person",
        "summary": "拜访王院长，讨论双向转诊流程。",
        "transfers": [
            {"nature": "gift", "description": "茶叶一盒", "amount": "120.00", "recipient_clinician": doctor.pk}
        ],
    }
    payload.update(overrides)
    return payload


def logged(liaison, organization, doctor, nature="gift", **kw):
    return interaction_create(
        author=liaison,
        kind="visit",
        organization=organization,
        occurred_at=timezone.now(),
        summary="随访",
        transfers=[
            TransferInput(nature=nature, description="茶叶", amount=Decimal("120"), recipient_clinician=doctor, **kw)
        ],
    )


def test_token_authentication(liaison):
    cache.clear()
    response = api().post("/api/v1/auth/token/", {"username": "liaison", "password": "pw-for-tests-1"})
    assert response.status_code == 200
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token " + response.json()["token"])
    assert client.get("/api/v1/interactions/").status_code == 200
    assert APIClient().get("/api/v1/interactions/").status_code == 401


def test_token_endpoint_is_throttled(liaison):
    cache.clear()
    codes = [
        api().post("/api/v1/auth/token/", {"username": "liaison", "password": "wrong"}).status_code for _ in range(12)
    ]
    assert codes[0] == 400 and codes[-1] == 429


def test_liaison_logs_a_visit_and_gets_findings(liaison, organization, doctor):
    response = api(liaison).post("/api/v1/interactions/", visit_payload(organization, doctor), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["compliance_status"] == "pending"
    assert {f["rule"] for f in body["findings"]} == {"declared"}
    assert body["transfers"][0]["amount"] == "120.00"


def test_case_with_id_number_is_400_with_field_message_in_the_request_language(liaison, organization, doctor):
    payload = visit_payload(
        organization,
        doctor,
        kind="case",
        transfers=[],
        summary=f"患者身份证{VALID_ID}，建议转诊。",
        case_code="ZZ-01",
        case_age_band="65-79",
        case_sex="M",
        case_condition_group="cerebrovascular",
        case_topic="pre_referral",
    )
    english = api(liaison).post("/api/v1/interactions/", payload, format="json")
    assert english.status_code == 400 and "case code" in english.json()["summary"][0]
    chinese = api(liaison, "zh-hans").post("/api/v1/interactions/", payload, format="json")
    assert "病例编号" in chinese.json()["summary"][0]
    assert not Interaction.objects.exists()


def test_split_line_across_attendees(liaison, organization, doctor):
    nurse = ClinicianFactory(organization=organization)
    payload = visit_payload(
        organization,
        doctor,
        transfers=[{"nature": "food", "description": "工作餐", "amount": "100.00", "attendees": [doctor.pk, nurse.pk]}],
    )
    body = api(liaison).post("/api/v1/interactions/", payload, format="json").json()
    assert sorted(t["amount"] for t in body["transfers"]) == ["50.00", "50.00"]


def test_scoping_list_and_404(liaison, organization, doctor, department):
    mine = logged(liaison, organization, doctor)
    elsewhere = OrganizationFactory(territory=TerritoryFactory(department=department))
    ClinicianFactory(organization=elsewhere)
    listed = api(liaison).get("/api/v1/interactions/").json()
    assert [row["id"] for row in listed["results"]] == [mine.pk]
    assert api(liaison).get(f"/api/v1/organizations/{elsewhere.pk}/").status_code == 404
    assert api(liaison).get("/api/v1/organizations/").json()["count"] == 1


def test_amend_is_a_new_version_by_the_author_only(liaison, reviewer, organization, doctor):
    interaction = logged(liaison, organization, doctor)
    response = api(liaison).patch(
        f"/api/v1/interactions/{interaction.pk}/", {"summary": "补充：院内食堂。"}, format="json"
    )
    assert response.status_code == 200 and response.json()["version"] == 2
    assert (
        api(reviewer).patch(f"/api/v1/interactions/{interaction.pk}/", {"summary": "x"}, format="json").status_code
        == 403
    )


def test_decisions_and_refusal_codes(liaison, reviewer, director, organization, doctor):
    interaction = logged(liaison, organization, doctor)
    url = f"/api/v1/interactions/{interaction.pk}/decisions/"
    refused = api(director).post(url, {"decision": "approve"}, format="json")
    assert refused.status_code == 403 and refused.json()["code"] == "permission_denied"
    no_comment = api(reviewer).post(url, {"decision": "reject"}, format="json")
    assert no_comment.status_code == 400 and no_comment.json()["code"] == "comment_required"
    ok = api(reviewer).post(url, {"decision": "approve"}, format="json")
    assert ok.status_code == 201 and ok.json()["compliance_status"] == "approved"
    again = api(reviewer).post(url, {"decision": "reject", "comment": "晚了"}, format="json")
    assert again.status_code == 409 and again.json()["code"] == "already_decided"
    cash = logged(liaison, organization, doctor, nature="cash", form="cash_equivalent")
    prohibited = api(reviewer).post(
        f"/api/v1/interactions/{cash.pk}/decisions/", {"decision": "approve"}, format="json"
    )
    assert prohibited.status_code == 400 and prohibited.json()["code"] == "prohibited"


def test_a_decision_on_flagged_notes_carries_the_reviewers_verdict(liaison, reviewer, organization, doctor):
    interaction = interaction_create(
        author=liaison,
        kind="visit",
        organization=organization,
        occurred_at=timezone.now(),
        summary="讲完课，王主任留我们吃了顿便饭。",
    )
    url = f"/api/v1/interactions/{interaction.pk}/decisions/"
    missing = api(reviewer).post(url, {"decision": "approve"}, format="json")
    assert missing.status_code == 400 and missing.json()["code"] == "verdict_required"
    unknown = api(reviewer).post(url, {"decision": "approve", "screening_verdict": "maybe"}, format="json")
    assert unknown.status_code == 400 and unknown.json()["code"] == "invalid_verdict"
    unsaid = api(reviewer).post(url, {"decision": "approve", "screening_verdict": None}, format="json")
    assert unsaid.status_code == 400 and unsaid.json()["code"] == "verdict_required"  # null is no verdict
    ok = api(reviewer).post(url, {"decision": "approve", "screening_verdict": "false_alarm"}, format="json")
    assert ok.status_code == 201 and ok.json()["screening_verdict"] == "false_alarm"
    plain = logged(liaison, organization, doctor)  # a declared line, nothing flagged in the notes
    stray = api(reviewer).post(
        f"/api/v1/interactions/{plain.pk}/decisions/",
        {"decision": "approve", "screening_verdict": "confirmed"},
        format="json",
    )
    assert stray.status_code == 400 and stray.json()["code"] == "verdict_without_flags"


def test_queue_ledger_and_screen(liaison, reviewer, organization, doctor):
    logged(liaison, organization, doctor)
    assert api(liaison).get("/api/v1/reviews/queue/").status_code == 403
    queue = api(reviewer).get("/api/v1/reviews/queue/").json()
    assert queue["count"] == 1
    ledger = api(reviewer).get(f"/api/v1/recipients/{doctor.pk}/ledger/?year={timezone.localdate().year}").json()
    assert ledger["total_counted"] == "120.00" and ledger["rows"][0]["nature"] == "gift"
    assert api(liaison).get("/api/v1/recipients/999999/ledger/").status_code == 404
    screened = api(liaison).post("/api/v1/screen/", {"text": "中秋给王院长送了两盒月饼"}, format="json").json()
    assert screened["flagged"] and screened["findings"][0]["rule"] == "undeclared_text"


def test_follow_ups_and_summaries(liaison, organization):
    item = FollowUpFactory(liaison=liaison, organization=organization)
    done = api(liaison).post(f"/api/v1/follow-ups/{item.pk}/done/", {"outcome": "已回访"}, format="json")
    assert done.status_code == 200 and done.json()["done_at"]
    created = api(liaison).post(
        "/api/v1/summaries/",
        {"period": "daily", "period_start": "2026-11-02", "body": "拜访三家。", "submit": True},
        format="json",
    )
    assert created.status_code == 201 and created.json()["is_late"] is True
    bad = api(liaison).post("/api/v1/summaries/", {"period": "weekly", "period_start": "2026-11-04"}, format="json")
    assert bad.status_code == 400 and "period_start" in bad.json()


def test_roles_cannot_write_what_they_may_not(liaison, reviewer, director, territory, organization):
    assert api(liaison).post("/api/v1/territories/", {"name": "新片区", "code": "new"}).status_code == 403
    assert api(reviewer).patch(f"/api/v1/organizations/{organization.pk}/", {"tier": "A"}).status_code == 403
    assert api(director).patch(f"/api/v1/organizations/{organization.pk}/", {"tier": "A"}).status_code == 200


def test_list_endpoints_have_a_fixed_query_count(reviewer, liaison, organization, territory):
    def add(n):
        for _ in range(n):
            partner = OrganizationFactory(territory=territory)
            doctor = ClinicianFactory(organization=partner)
            logged(liaison, partner, doctor)
            FollowUpFactory(liaison=liaison, organization=partner)

    def count(url):
        with CaptureQueriesContext(connection) as ctx:
            assert api(reviewer).get(url).status_code == 200
        return len(ctx.captured_queries)

    urls = [
        "/api/v1/territories/",
        "/api/v1/organizations/",
        "/api/v1/clinicians/",
        "/api/v1/interactions/",
        "/api/v1/follow-ups/",
        "/api/v1/summaries/",
        "/api/v1/reviews/queue/",
    ]
    add(2)
    count(urls[0])  # the user's groups and permissions are cached after the first request
    few = [count(u) for u in urls]
    add(8)
    assert [count(u) for u in urls] == few


def test_cors_is_off_unless_configured():
    plain = APIClient().options(
        "/api/v1/screen/", HTTP_ORIGIN="https://his.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST"
    )
    assert "Access-Control-Allow-Origin" not in plain
    with override_settings(CRM_CORS_ALLOWED_ORIGINS=["https://his.example"]):
        allowed = APIClient().options(
            "/api/v1/screen/", HTTP_ORIGIN="https://his.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST"
        )
        assert allowed.status_code == 204 and allowed["Access-Control-Allow-Origin"] == "https://his.example"


def test_schema_describes_every_operation_and_its_401(client):
    schema = yaml.safe_load(client.get("/api/schema/").content)
    operations = {
        (method, path): operation for path, item in schema["paths"].items() for method, operation in item.items()
    }
    assert "401" not in operations[("post", "/api/v1/auth/token/")]["responses"]
    needing_login = [key for key in operations if key != ("post", "/api/v1/auth/token/")]
    assert needing_login and all("401" in operations[key]["responses"] for key in needing_login)
    assert [key for key, operation in operations.items() if not operation.get("description")] == []


def test_schema_and_docs_are_served_offline(client):
    assert client.get("/api/schema/").status_code == 200
    docs = client.get("/api/docs/").content.decode()
    assert (
        "swagger" in docs.lower()
        and "cdn" not in docs.lower()
        and "http://" not in docs.replace("http://testserver", "")
    )


def test_bad_input_found_by_the_acceptance_review_is_a_clean_400(liaison, reviewer, director, organization, doctor):
    bad_dates = api(director).patch(
        f"/api/v1/organizations/{organization.pk}/",
        {"agreement_signed_on": "2026-05-01", "agreement_expires_on": "2026-01-01"},
        format="json",
    )
    assert bad_dates.status_code == 400 and "agreement_expires_on" in bad_dates.json()
    interaction = logged(liaison, organization, doctor)
    unknown = api(reviewer).post(
        f"/api/v1/interactions/{interaction.pk}/decisions/", {"decision": "maybe"}, format="json"
    )
    assert unknown.status_code == 400 and unknown.json()["code"] == "invalid_decision"


def test_updating_a_summary_never_touches_another_period(liaison):
    first = (
        api(liaison)
        .post("/api/v1/summaries/", {"period": "daily", "period_start": "2026-11-02", "body": "一"}, format="json")
        .json()
    )
    second = (
        api(liaison)
        .post("/api/v1/summaries/", {"period": "daily", "period_start": "2026-11-03", "body": "二"}, format="json")
        .json()
    )
    response = api(liaison).patch(
        f"/api/v1/summaries/{first['id']}/", {"period_start": "2026-11-03", "body": "改一"}, format="json"
    )
    assert response.status_code == 200 and response.json()["id"] == first["id"]
    bodies = {row["id"]: row["body"] for row in api(liaison).get("/api/v1/summaries/").json()["results"]}
    assert bodies == {first["id"]: "改一", second["id"]: "二"}
    assert api(liaison).patch(f"/api/v1/summaries/{first['id']}/", [], format="json").status_code == 400
