"""The liaison's pages: Today, logging with value lines and the live policy panel, follow-ups, summaries."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from crm.compliance.services import review_decide
from crm.interactions.models import FollowUp, Interaction, Summary, TransferOfValue
from crm.interactions.services import TransferInput, interaction_create
from crm.people.models import Role
from tests.factories import (
    ClinicianFactory,
    FollowUpFactory,
    OrganizationFactory,
    TerritoryFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
VALID_ID = "11010519491231002X"  # valid ISO 7064 MOD 11-2 check digit


@pytest.fixture
def doctor(organization):
    return ClinicianFactory(organization=organization, name="王建国")


@pytest.fixture
def signed_in(client, liaison):
    client.force_login(liaison)
    return client


def form_data(**overrides):
    data = {
        "occurred_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "channel": "in_person",
        "summary": "常规随访，沟通双向转诊流程。",
        "next_step": "",
        "follow_up_on": "",
        "tov-TOTAL_FORMS": "1",
        "tov-INITIAL_FORMS": "0",
        "tov-MIN_NUM_FORMS": "0",
        "tov-MAX_NUM_FORMS": "1000",
        "tov-0-nature": "",
        "tov-0-form": "in_kind",
        "tov-0-description": "",
        "tov-0-amount": "",
        "tov-0-recipient": "",
        "tov-0-justification": "",
    }
    data.update(overrides)
    return data


def test_home_sends_each_role_to_its_start_page(client, liaison, director, reviewer):
    client.force_login(liaison)
    assert client.get("/").url == reverse("web:today")
    client.force_login(director)
    assert client.get("/").url == reverse("web:director")
    client.force_login(reviewer)
    assert client.get("/").url == reverse("web:queue")


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("web:today"))
    assert response.status_code == 302 and response.url.startswith(reverse("web:login"))


def test_login_page_in_chinese_and_english(client):
    assert "登录" in client.get(reverse("web:login"), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "Log in" in client.get(reverse("web:login"), HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_other_roles_cannot_open_liaison_pages(client, director):
    client.force_login(director)
    assert client.get(reverse("web:today")).status_code == 403


def test_log_a_visit_with_a_gift_is_flagged(signed_in, organization, doctor):
    url = reverse("web:log", args=[organization.pk, "visit"])
    assert signed_in.get(url).status_code == 200
    response = signed_in.post(
        url,
        form_data(
            clinicians=[doctor.pk],
            **{
                "tov-0-nature": "gift",
                "tov-0-description": "科室茶叶一盒",
                "tov-0-amount": "120",
                "tov-0-recipient": str(doctor.pk),
            },
        ),
    )
    interaction = Interaction.objects.get()
    assert response.status_code == 302 and response.url == reverse("web:interaction", args=[interaction.pk])
    assert interaction.review_status == "pending"
    assert TransferOfValue.objects.get().recipient_clinician == doctor
    page = signed_in.get(response.url).content.decode()
    assert "待审核" in page or "Pending review" in page


def test_line_split_across_attendees(signed_in, organization, doctor):
    nurse = ClinicianFactory(organization=organization, name="李护士长")
    signed_in.post(
        reverse("web:log", args=[organization.pk, "visit"]),
        form_data(
            **{
                "tov-0-nature": "food",
                "tov-0-description": "科室工作餐",
                "tov-0-amount": "150",
                "tov-0-attendees": [doctor.pk, nurse.pk],
            }
        ),
    )
    assert sorted(TransferOfValue.objects.values_list("amount", flat=True)) == [Decimal("75.00")] * 2


def test_case_discussion_with_id_number_is_refused_and_input_kept(signed_in, organization):
    summary = f"患者身份证号{VALID_ID}，建议尽快转上级医院。"
    response = signed_in.post(
        reverse("web:log", args=[organization.pk, "case"]),
        form_data(
            summary=summary,
            case_code="ZZ-2611-037",
            case_age_band="65-79",
            case_sex="M",
            case_condition_group="cerebrovascular",
            case_topic="pre_referral",
        ),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "case code" in page and summary in page and "ZZ-2611-037" in page
    assert VALID_ID[:6] + "********" in page  # the identifier is masked in the message
    assert not Interaction.objects.exists()


def test_live_policy_panel(signed_in, organization, doctor):
    url = reverse("web:preview", args=[organization.pk]) + "?kind=visit"
    data = form_data(
        **{
            "tov-0-nature": "cash",
            "tov-0-form": "cash_equivalent",
            "tov-0-description": "购物卡",
            "tov-0-amount": "100",
            "tov-0-recipient": str(doctor.pk),
        }
    )
    findings = signed_in.post(url, data, HTTP_ACCEPT_LANGUAGE="en").json()["findings"]
    assert {"prohibited_nature", "declared"} <= {f["rule"] for f in findings}
    assert any("prohibited" in f["message"] for f in findings)
    clear = signed_in.post(url, form_data()).json()["findings"]
    assert clear == []
    assert not Interaction.objects.exists()


def test_live_panel_shows_the_recipients_year(signed_in, liaison, organization, doctor, reviewer):
    first = interaction_create(
        author=liaison,
        kind="visit",
        organization=organization,
        occurred_at=timezone.now(),
        summary="随访",
        transfers=[
            TransferInput(
                nature="education",
                description="进修住宿",
                amount=Decimal("1600"),
                recipient_clinician=doctor,
                justification="进修期间住宿",
            )
        ],
    )
    review_decide(interaction=first, reviewer=reviewer, decision="approve")
    data = form_data(
        **{
            "tov-0-nature": "food",
            "tov-0-description": "工作餐",
            "tov-0-amount": "150",
            "tov-0-recipient": str(doctor.pk),
        }
    )
    findings = signed_in.post(
        reverse("web:preview", args=[organization.pk]) + "?kind=visit", data, HTTP_ACCEPT_LANGUAGE="en"
    ).json()["findings"]
    assert any("王建国 at ¥1,750.00 of ¥2,000.00" in f["message"] for f in findings)


def test_partner_in_another_territory_is_404(signed_in, department):
    elsewhere = OrganizationFactory(territory=TerritoryFactory(department=department))
    assert signed_in.get(reverse("web:partner", args=[elsewhere.pk])).status_code == 404
    assert signed_in.get(reverse("web:log", args=[elsewhere.pk, "visit"])).status_code == 404
    other = interaction_create(
        author=UserFactory(role=Role.ADMIN, is_superuser=True),
        kind="visit",
        organization=elsewhere,
        occurred_at=timezone.now(),
        summary="随访",
    )
    assert signed_in.get(reverse("web:interaction", args=[other.pk])).status_code == 404


def test_returned_interaction_appears_on_today_with_comment(signed_in, liaison, organization, doctor, reviewer):
    interaction = interaction_create(
        author=liaison,
        kind="visit",
        organization=organization,
        occurred_at=timezone.now(),
        summary="随访",
        transfers=[
            TransferInput(nature="food", description="工作餐", amount=Decimal("60"), recipient_clinician=doctor)
        ],
    )
    review_decide(interaction=interaction, reviewer=reviewer, decision="return", comment="请补充用餐地点和人数")
    page = signed_in.get(reverse("web:today")).content.decode()
    assert "请补充用餐地点和人数" in page
    amend = signed_in.get(reverse("web:amend", args=[interaction.pk]))
    assert amend.status_code == 200 and "工作餐" in amend.content.decode()


def test_today_follow_ups_and_cadence(signed_in, liaison, organization):
    FollowUpFactory(
        liaison=liaison,
        organization=organization,
        due_on=timezone.localdate() - timedelta(days=2),
        description="回访转诊患者家属",
    )
    organization.tier, organization.status = "A", "active"
    organization.save()
    page = signed_in.get(reverse("web:today")).content.decode()
    assert "回访转诊患者家属" in page and organization.name in page


def test_follow_up_done(signed_in, liaison, organization):
    item = FollowUpFactory(liaison=liaison, organization=organization)
    response = signed_in.post(reverse("web:follow_up_done", args=[item.pk]), {"outcome": "已电话回访"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.done_at is not None and item.outcome == "已电话回访"
    someone_else = FollowUpFactory(organization=organization)
    assert signed_in.post(reverse("web:follow_up_done", args=[someone_else.pk])).status_code == 404
    assert FollowUp.objects.get(pk=someone_else.pk).done_at is None


def test_summary_submitted_after_deadline_is_late(signed_in, liaison):
    yesterday = timezone.localdate() - timedelta(days=1)
    url = reverse("web:summary", args=["daily", yesterday.isoformat()])
    assert signed_in.get(url).status_code == 200
    signed_in.post(url, {"body": "拜访三家卫生院。", "plan": "明天去东湖镇。", "submit": "1"})
    summary = Summary.objects.get()
    assert summary.is_late and summary.body == "拜访三家卫生院。"
    assert signed_in.get(reverse("web:summary", args=["weekly", "2026-11-18"])).status_code == 404  # not a Monday


def list_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_list_pages_have_a_fixed_query_count(signed_in, liaison, organization, territory):
    def add(n):
        for _ in range(n):
            partner = OrganizationFactory(territory=territory, tier="A", status="active")
            doctor = ClinicianFactory(organization=partner)
            interaction_create(
                author=liaison,
                kind="visit",
                organization=partner,
                occurred_at=timezone.now(),
                summary="随访",
                clinicians=[doctor],
                next_step="回访",
                follow_up_on=timezone.localdate(),
            )
            FollowUpFactory(liaison=liaison, organization=partner, due_on=timezone.localdate() - timedelta(days=1))

    urls = [
        reverse("web:today"),
        reverse("web:partners"),
        reverse("web:follow_ups"),
        reverse("web:summaries"),
        reverse("web:partner", args=[organization.pk]),
        reverse("web:log_start"),
    ]
    add(2)
    few = [list_queries(signed_in, u) for u in urls]
    add(10)
    assert [list_queries(signed_in, u) for u in urls] == few


def test_partner_search_as_you_type(signed_in, territory):
    OrganizationFactory(territory=territory, name="东湖镇卫生院")
    OrganizationFactory(territory=territory, name="西山村卫生室")
    results = signed_in.get(reverse("web:partner_search"), {"q": "东湖"}).json()["results"]
    assert [r["name"] for r in results] == ["东湖镇卫生院"]


def test_training_offer_needs_value_or_statement(signed_in, organization, doctor):
    url = reverse("web:log", args=[organization.pk, "training"])
    base = form_data(
        summary="邀请李医生参加下月糖尿病规范化诊疗进修。",
        training_format="advanced_study",
        training_status="offered",
        training_starts_on="",
        no_benefit_statement="",
        clinicians=[doctor.pk],
    )
    refused = signed_in.post(url, base, HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 400 and "no individual benefit" in refused.content.decode()
    with_value = {
        **base,
        "tov-0-nature": "education",
        "tov-0-description": "免进修费",
        "tov-0-amount": "1500",
        "tov-0-recipient": str(doctor.pk),
        "tov-0-justification": "医院进修项目统一减免",
    }
    assert signed_in.post(url, with_value).status_code == 302
    offer = Interaction.objects.get()
    assert offer.training_status == "offered" and offer.review_status == "pending"
