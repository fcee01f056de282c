"""The compliance office's pages: queue, review with decisions, ledger, policy editor, dashboard."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from crm.compliance.models import Policy, ReviewDecision
from crm.interactions.services import TransferInput, interaction_create
from tests.factories import ClinicianFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def doctor(organization):
    return ClinicianFactory(organization=organization, name="王建国")


def gift(liaison, organization, doctor, nature="gift", summary="拜访王院长，讨论转诊流程。", **kw):
    return interaction_create(
        author=liaison,
        kind="visit",
        organization=organization,
        occurred_at=timezone.now(),
        summary=summary,
        transfers=[
            TransferInput(
                nature=nature, description="茶叶一盒", amount=Decimal("120"), recipient_clinician=doctor, **kw
            )
        ],
    )


@pytest.fixture
def reviewing(client, reviewer):
    client.force_login(reviewer)
    return client


@pytest.mark.parametrize("name", ["web:queue", "web:compliance_dashboard", "web:policy"])
def test_only_compliance_opens_the_pages(client, liaison, director, name):
    for user in (liaison, director):
        client.force_login(user)
        assert client.get(reverse(name)).status_code == 403
    client.logout()
    assert client.get(reverse(name)).status_code == 302


def test_approve_from_the_review_page(reviewing, liaison, organization, doctor):
    interaction = gift(liaison, organization, doctor)
    page = reviewing.get(reverse("web:review", args=[interaction.pk]))
    assert page.status_code == 200 and "茶叶一盒" in page.content.decode()
    response = reviewing.post(reverse("web:review", args=[interaction.pk]), {"decision": "approve", "comment": ""})
    assert response.status_code == 302
    interaction.refresh_from_db()
    assert interaction.review_status == "approved"


def test_reject_needs_a_comment_and_keeps_what_was_typed(reviewing, liaison, organization, doctor):
    interaction = gift(liaison, organization, doctor)
    response = reviewing.post(
        reverse("web:review", args=[interaction.pk]), {"decision": "reject", "comment": " "}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400 and "comment" in response.content.decode()
    returned = reviewing.post(
        reverse("web:review", args=[interaction.pk]), {"decision": "return", "comment": "请补充用餐人数"}
    )
    assert returned.status_code == 302 and ReviewDecision.objects.get().decision == "return"


def test_flagged_notes_ask_whether_value_was_given_and_the_dashboard_counts_the_answers(
    reviewing, liaison, organization, doctor
):
    flagged = interaction_create(
        author=liaison,
        kind="visit",
        organization=organization,
        occurred_at=timezone.now(),
        summary="讲完课，王院长留我们吃了顿便饭，没好推掉。",
    )
    url = reverse("web:review", args=[flagged.pk])
    page = reviewing.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'name="screening_verdict"' in page and "Do the flagged notes record value given?" in page
    refused = reviewing.post(url, {"decision": "approve"}, HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 400
    assert "say whether they record value given, or whether it was a false alarm" in refused.content.decode()
    flagged.refresh_from_db()
    assert flagged.review_status == "pending"
    approved = reviewing.post(url, {"decision": "approve", "screening_verdict": "false_alarm"})
    assert approved.status_code == 302
    assert ReviewDecision.objects.get().screening_verdict == "false_alarm"
    assert "误报" in reviewing.get(url).content.decode()  # the decision shows the verdict

    declared = gift(liaison, organization, doctor)  # a declared line only: nothing to give a verdict on
    assert 'name="screening_verdict"' not in reviewing.get(reverse("web:review", args=[declared.pk])).content.decode()

    policy = reviewing.get(reverse("web:policy"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "What reviewers found behind the flagged words" in policy
    assert "<td>便饭</td><td>0</td><td>1</td>" in policy

    dashboard = reviewing.get(reverse("web:compliance_dashboard"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Screening flags checked by reviewers" in dashboard
    assert "<td>Term lists</td><td>1</td><td>0</td><td>1</td><td>0%</td>" in dashboard
    assert "<td>Learned reader</td><td>0</td><td>0</td><td>0</td><td>—</td>" in dashboard


def test_the_review_page_shows_what_an_amendment_changed(reviewing, reviewer, liaison, organization, doctor):
    from crm.compliance.services import review_decide
    from crm.interactions.services import interaction_amend

    first = gift(liaison, organization, doctor, summary="拜访王院长，讨论转诊流程。")
    review_decide(interaction=first, reviewer=reviewer, decision="return", comment="请写明茶叶用途")
    interaction_amend(
        interaction=first,
        author=liaison,
        summary="拜访王院长，讨论转诊流程。<script>alert(1)</script>茶叶为科室会议用。",
    )
    page = reviewing.get(reverse("web:review", args=[first.pk])).content.decode()
    assert "第 1 版改为第 2 版" in page
    assert "<ins>&lt;script&gt;alert(1)&lt;/script&gt;茶叶为科室会议用。</ins>" in page  # escaped
    assert "<script>alert(1)" not in page and "已删除" not in page  # the tea line is unchanged
    assert "已退回补充" in page and "礼品 · 茶叶一盒" in page  # the earlier version, labelled in Chinese
    assert "returned" not in page


def test_prohibited_cannot_be_approved(reviewing, liaison, organization, doctor):
    interaction = gift(liaison, organization, doctor, nature="cash", form="cash_equivalent")
    page = reviewing.get(reverse("web:review", args=[interaction.pk]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'value="approve" disabled' in page
    response = reviewing.post(
        reverse("web:review", args=[interaction.pk]), {"decision": "approve"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400 and "can never be approved" in response.content.decode()
    interaction.refresh_from_db()
    assert interaction.review_status == "pending"


def test_matches_are_highlighted_and_the_rest_escaped(reviewing, liaison, organization, doctor):
    interaction = interaction_create(
        author=liaison,
        kind="visit",
        organization=organization,
        occurred_at=timezone.now(),
        summary="<script>alert(1)</script>中午请王院长吃饭，沟通转诊。",
    )
    page = reviewing.get(reverse("web:review", args=[interaction.pk])).content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    assert "<mark" in page


def test_an_identifier_inside_a_longer_mark_is_still_masked():
    from crm.compliance.screening import TextHit, patient_identifier_hits
    from crm.web.highlight import highlight

    text = "孩子满月，科里凑了个大的，他电话13812345678"
    sentence = TextHit("value_reader", "review", text, "", 0, len(text), 0.9)  # the reader quotes it all
    html = highlight(text, [sentence, *patient_identifier_hits(text)])
    assert "13812345678" not in html and "138****5678" in html and html.count("<mark") == 1


def test_ledger_and_dashboard(reviewing, liaison, organization, doctor):
    gift(liaison, organization, doctor)
    ledger = reviewing.get(reverse("web:ledger", args=[doctor.pk])).content.decode()
    assert "¥120.00" in ledger
    dashboard = reviewing.get(reverse("web:compliance_dashboard"))
    assert dashboard.status_code == 200 and "<svg" in dashboard.content.decode()


def test_policy_editor_publishes_a_new_version(reviewing):
    current = Policy.objects.get()
    form = reviewing.get(reverse("web:policy")).context["form"]
    data = {name: field.value() for name, field in ((f.name, f) for f in form)}
    data.update({"item_limit": "300", "note": "上调单项限额", "prohibited_natures": ["cash", "referral_fee"]})
    data = {k: v for k, v in data.items() if v is not None}
    response = reviewing.post(reverse("web:policy"), data)
    assert response.status_code == 302
    latest = Policy.objects.order_by("-version").first()
    assert latest.version == current.version + 1 and latest.item_limit == Decimal("300")
    assert latest.screening_terms == current.screening_terms
    assert latest.reader_threshold == current.reader_threshold == Decimal("0.80")  # carried over as shown
    assert Policy.objects.get(version=current.version).item_limit == Decimal("200")


def test_policy_editor_turns_the_reader_off_and_refuses_a_threshold_out_of_range(reviewing):
    form = reviewing.get(reverse("web:policy")).context["form"]
    data = {f.name: f.value() for f in form if f.value() is not None}
    data.update({"note": "关闭学习型筛查", "prohibited_natures": ["cash", "referral_fee"]})
    refused = reviewing.post(reverse("web:policy"), {**data, "reader_threshold": "0.3"})
    assert refused.status_code == 200, refused.status_code
    assert refused.context["form"].errors.get("reader_threshold"), refused.context["form"].errors
    assert Policy.objects.count() == 1
    assert reviewing.post(reverse("web:policy"), {**data, "reader_threshold": ""}).status_code == 302
    assert Policy.objects.order_by("-version").first().reader_threshold is None


def test_queue_has_a_fixed_query_count(reviewing, liaison, organization, territory):
    def add(n):
        for _ in range(n):
            partner = OrganizationFactory(territory=territory)
            gift(liaison, partner, ClinicianFactory(organization=partner))

    def count(url):
        with CaptureQueriesContext(connection) as ctx:
            assert reviewing.get(url).status_code == 200
        return len(ctx.captured_queries)

    urls = [reverse("web:queue"), reverse("web:compliance_dashboard"), reverse("web:policy")]
    add(2)
    few = [count(u) for u in urls]
    add(10)
    assert [count(u) for u in urls] == few
