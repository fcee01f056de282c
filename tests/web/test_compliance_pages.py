"""The compliance office's pages against the issue: queue, review page, ledger, policy, dashboard.

The pages are ``web:queue``, ``web:review``, ``web:ledger``, ``web:policy``, ``web:rescreen`` and
``web:compliance_dashboard`` (crm/web/views_review.py). Interactions are written with
``interaction_create`` so their findings exist, exactly as the liaison pages write them.
"""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from crm.compliance.models import Finding, Policy, ReviewDecision
from crm.compliance.screening import get_screener
from crm.compliance.selectors import current_policy
from crm.interactions.models import Interaction
from crm.interactions.services import TransferInput, interaction_amend, interaction_create
from crm.people.models import Role
from crm.web.forms_review import TERM_LISTS
from crm.web.templatetags.money import money
from tests.factories import AssignmentFactory, ClinicianFactory, OrganizationFactory, TerritoryFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST_PAGES = ["web:queue", "web:compliance_dashboard", "web:policy"]
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def doctor(organization):
    return ClinicianFactory(organization=organization, name="王建国")


@pytest.fixture
def reviewing(client, reviewer):
    client.force_login(reviewer)
    return client


def log(liaison, organization, recipient, *, nature="gift", amount="120", summary="拜访王院长，讨论转诊流程。", **kw):
    kw.setdefault("description", "茶叶一盒")
    return interaction_create(
        author=liaison,
        kind="visit",
        organization=organization,
        occurred_at=kw.pop("occurred_at", timezone.now()),
        summary=summary,
        next_step=kw.pop("next_step", ""),
        transfers=[TransferInput(nature=nature, amount=Decimal(amount), recipient_clinician=recipient, **kw)],
    )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def review_url(interaction):
    return reverse("web:review", args=[interaction.pk])


# --- access ---------------------------------------------------------------------------------


def test_every_page_asks_anonymous_users_to_log_in(client, liaison, organization, doctor):
    interaction = log(liaison, organization, doctor)
    urls = [reverse(n) for n in LIST_PAGES] + [review_url(interaction), reverse("web:ledger", args=[doctor.pk])]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and reverse("web:login") in response["Location"]


def test_liaison_and_director_get_403_everywhere(client, liaison, director, organization, doctor):
    interaction = log(liaison, organization, doctor)
    urls = [reverse(n) for n in LIST_PAGES] + [review_url(interaction), reverse("web:ledger", args=[doctor.pk])]
    for user in (liaison, director):
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 403, url
        assert client.post(review_url(interaction), {"decision": "approve"}).status_code == 403
        assert client.post(reverse("web:rescreen")).status_code == 403
        assert client.post(reverse("web:policy"), {"note": "x"}).status_code == 403
    assert Interaction.objects.get(pk=interaction.pk).review_status == "pending"
    assert Policy.objects.count() == 1


def test_rows_that_do_not_exist_are_404(reviewing):
    assert reviewing.get(reverse("web:review", args=[999_999])).status_code == 404
    assert reviewing.get(reverse("web:ledger", args=[999_999])).status_code == 404


def test_the_decision_form_needs_a_csrf_token(reviewer, liaison, organization, doctor):
    interaction = log(liaison, organization, doctor)
    client = Client(enforce_csrf_checks=True)
    client.force_login(reviewer)
    assert "csrfmiddlewaretoken" in client.get(review_url(interaction)).content.decode()
    assert client.post(review_url(interaction), {"decision": "approve"}).status_code == 403
    assert client.post(reverse("web:policy"), {}).status_code == 403
    assert Interaction.objects.get(pk=interaction.pk).review_status == "pending"


@pytest.mark.parametrize(
    "name,section",
    [("web:queue", "queue"), ("web:compliance_dashboard", "compliance_dashboard"), ("web:policy", "policy")],
)
def test_navigation_marks_the_current_page(reviewing, name, section):
    response = reviewing.get(reverse(name))
    assert response.context["section"] == section
    assert f'href="{reverse(name)}" aria-current="page"' in response.content.decode()


# --- queue ----------------------------------------------------------------------------------


def test_queue_is_oldest_first_and_leaves_out_what_needs_no_review(reviewing, liaison, organization, doctor):
    first, second, third = (log(liaison, organization, doctor) for _ in range(3))
    Interaction.objects.filter(pk=second.pk).update(updated_at=timezone.now() - timedelta(days=3))
    Interaction.objects.filter(pk=third.pk).update(updated_at=timezone.now() - timedelta(days=2))
    clear = interaction_create(
        author=liaison, kind="visit", organization=organization, occurred_at=timezone.now(), summary="沟通转诊流程。"
    )
    assert clear.review_status == "clear"
    response = reviewing.get(reverse("web:queue"))
    assert [i.pk for i in response.context["page"]] == [second.pk, third.pk, first.pk]


def test_queue_filters(reviewing, liaison, organization, doctor, department):
    gift = log(liaison, organization, doctor)
    cash = log(liaison, organization, doctor, nature="cash", form="cash_equivalent", description="购物卡")
    big = log(liaison, organization, doctor, amount="500", justification="专家讲课用书")
    other_territory = TerritoryFactory(department=department)
    colleague = UserFactory(role=Role.LIAISON, department=department, full_name="李娜")
    AssignmentFactory(territory=other_territory, liaison=colleague)
    partner = OrganizationFactory(territory=other_territory)
    elsewhere = log(colleague, partner, ClinicianFactory(organization=partner))

    def shown(**params):
        return {i.pk for i in reviewing.get(reverse("web:queue"), params).context["page"]}

    assert shown() == {gift.pk, cash.pk, big.pk, elsewhere.pk}
    assert shown(severity="prohibited") == {cash.pk}
    assert shown(rule="item_limit") == {big.pk}
    assert shown(liaison=colleague.pk) == {elsewhere.pk}
    assert shown(territory=other_territory.pk) == {elsewhere.pk}
    assert shown(liaison="not-a-number") == shown()
    page = reviewing.get(reverse("web:queue"), {"severity": "prohibited"}).content.decode()
    for name in ("severity", "rule", "liaison", "territory"):
        assert f'<label for="q-{name}">' in page and f'id="q-{name}"' in page


def test_queue_is_paginated_and_keeps_the_filters(reviewing, liaison, organization, doctor):
    for _ in range(31):
        log(liaison, organization, doctor)
    first = reviewing.get(reverse("web:queue"), {"severity": "review"})
    assert len(first.context["page"]) == 30 and first.context["page"].has_next()
    assert "severity=review" in first.context["query"]
    second = reviewing.get(reverse("web:queue"), {"severity": "review", "page": 2})
    assert len(second.context["page"]) == 1


def test_queue_has_a_fixed_query_count(reviewing, department):
    def grow(n):
        for _ in range(n):
            territory = TerritoryFactory(department=department)
            member = UserFactory(role=Role.LIAISON, department=department)
            AssignmentFactory(territory=territory, liaison=member)
            partner = OrganizationFactory(territory=territory)
            log(member, partner, ClinicianFactory(organization=partner))

    grow(2)
    few = count_queries(reviewing, reverse("web:queue"))
    grow(10)
    assert count_queries(reviewing, reverse("web:queue")) == few


# --- review page ------------------------------------------------------------------------------


def test_every_note_is_escaped_with_the_matches_marked(reviewing, liaison, organization):
    summary = "<script>alert(1)</script>中午请王院长吃饭，沟通转诊。"
    next_step = '下次带茶叶 <img src=x onerror="alert(2)">'
    interaction = interaction_create(
        author=liaison,
        kind="visit",
        organization=organization,
        occurred_at=timezone.now(),
        summary=summary,
        next_step=next_step,
    )
    page = reviewing.get(review_url(interaction)).content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page and "&lt;img src=x" in page
    screener = get_screener(current_policy().screening_terms)
    for text in (summary, next_step):
        hits = screener.value_hits(text)
        assert hits
        for hit in hits:
            assert re.search(r"<mark[^>]*>" + re.escape(text[hit.start : hit.end]) + "</mark>", page)


def test_review_page_shows_lines_ledger_and_findings(reviewing, liaison, organization, doctor):
    log(liaison, organization, doctor, amount="150", description="工作餐", nature="food")
    interaction = log(liaison, organization, doctor, amount="1234.5", justification="外请专家讲课酬劳")
    response = reviewing.get(review_url(interaction), **EN)
    page = response.content.decode()
    assert "茶叶一盒" in page and "¥1,234.50" in page and "外请专家讲课酬劳" in page
    ((clinician, total, share),) = response.context["ledgers"]
    assert clinician == doctor and total == Decimal("1384.50") and share == 69
    assert reverse("web:ledger", args=[doctor.pk]) in page
    findings = Finding.objects.filter(interaction=interaction, interaction_version=interaction.version)
    assert findings and all(f.message in page for f in findings)


def test_approve(reviewing, liaison, organization, doctor):
    interaction = log(liaison, organization, doctor)
    response = reviewing.post(review_url(interaction), {"decision": "approve", "comment": ""})
    assert response.status_code == 302 and response["Location"] == reverse("web:queue")
    assert Interaction.objects.get(pk=interaction.pk).review_status == "approved"
    page = reviewing.get(review_url(interaction)).content.decode()
    assert 'name="decision"' not in page  # decided and locked


def test_reject_needs_a_comment(reviewing, liaison, organization, doctor):
    interaction = log(liaison, organization, doctor)
    response = reviewing.post(review_url(interaction), {"decision": "reject", "comment": ""}, **EN)
    assert response.status_code == 400 and "Say why in a comment" in response.content.decode()
    assert Interaction.objects.get(pk=interaction.pk).review_status == "pending"
    reviewing.post(review_url(interaction), {"decision": "reject", "comment": "与学术活动无关"})
    assert Interaction.objects.get(pk=interaction.pk).review_status == "rejected"


def test_return_then_amended_version_shows_history(reviewing, liaison, organization, doctor):
    interaction = log(liaison, organization, doctor, summary="拜访王院长，送茶叶一盒。")
    reviewing.post(review_url(interaction), {"decision": "return", "comment": "请说明茶叶用途"})
    assert Interaction.objects.get(pk=interaction.pk).review_status == "returned"
    interaction_amend(
        interaction=Interaction.objects.get(pk=interaction.pk),
        author=liaison,
        summary="拜访王院长，赠送科室宣传用茶叶一盒。",
        transfers=[
            TransferInput(nature="gift", description="茶叶一盒", amount=Decimal("90"), recipient_clinician=doctor)
        ],
    )
    response = reviewing.get(review_url(interaction), **EN)
    page = response.content.decode()
    assert response.context["interaction"].version == 2
    assert "请说明茶叶用途" in page and "Return for information" in page  # the earlier decision
    assert "拜访王院长，送茶叶一盒。" in page  # version 1 as it stood
    assert "¥120.00" in page and "¥90.00" in page  # the old line and the new one
    assert 'name="decision"' in page  # back in review


def test_a_refusal_shows_the_services_message_and_keeps_the_comment(reviewing, liaison, organization, doctor):
    interaction = log(liaison, organization, doctor, nature="cash", form="cash_equivalent", description="购物卡")
    response = reviewing.post(review_url(interaction), {"decision": "approve", "comment": "已电话核实"}, **EN)
    page = response.content.decode()
    assert response.status_code == 400
    assert "can never be approved" in page and "已电话核实</textarea>" in page
    assert Interaction.objects.get(pk=interaction.pk).review_status == "pending"


def test_prohibited_disables_approve_and_says_why(reviewing, liaison, organization, doctor):
    interaction = log(liaison, organization, doctor, nature="cash", form="cash_equivalent", description="购物卡")
    page = reviewing.get(review_url(interaction), **EN).content.decode()
    button = re.search(r'<button[^>]*value="approve"[^>]*>', page).group(0)
    assert "disabled" in button and 'aria-describedby="no-approve"' in button
    assert 'id="no-approve"' in page
    assert not re.search(r'<button[^>]*value="reject"[^>]*disabled', page)


def test_own_interaction_has_no_decision_form_and_cannot_be_decided(reviewing, reviewer, liaison, organization, doctor):
    interaction = log(liaison, organization, doctor)
    Interaction.objects.filter(pk=interaction.pk).update(liaison=reviewer)  # a reviewer who also logs visits
    page = reviewing.get(review_url(interaction), **EN).content.decode()
    assert 'name="decision"' not in page and "another reviewer must decide" in page
    response = reviewing.post(review_url(interaction), {"decision": "approve"}, **EN)
    assert response.status_code == 400 and "another reviewer must decide" in response.content.decode()
    assert not ReviewDecision.objects.exists()


def test_review_page_has_a_fixed_query_count(reviewing, liaison, organization):
    def make(n):
        return interaction_create(
            author=liaison,
            kind="visit",
            organization=organization,
            occurred_at=timezone.now(),
            summary="学术交流会，提供工作餐。",
            transfers=[
                TransferInput(
                    nature="food",
                    description="工作餐",
                    amount=Decimal("40"),
                    recipient_clinician=ClinicianFactory(organization=organization),
                )
                for _ in range(n)
            ],
        )

    few, many = make(2), make(12)
    assert count_queries(reviewing, review_url(few)) == count_queries(reviewing, review_url(many))


# --- ledger ---------------------------------------------------------------------------------


def test_ledger_by_nature_against_the_cap(reviewing, liaison, organization, doctor):
    log(liaison, organization, doctor, amount="1250", justification="外请专家讲课酬劳", nature="honorarium")
    approved = log(liaison, organization, doctor, amount="80", nature="food", description="工作餐")
    reviewing.post(review_url(approved), {"decision": "approve"})
    last_year = timezone.now() - timedelta(days=366)
    log(liaison, organization, doctor, amount="66", occurred_at=last_year)
    response = reviewing.get(reverse("web:ledger", args=[doctor.pk]), **EN)
    page = response.content.decode()
    rows = {nature: (r.approved, r.pending) for nature, r in response.context["rows"]}
    assert (
        rows
        == {
            "Food and beverage": (Decimal("80.00"), Decimal("0.00")),
            "Honorarium or fee for a real service": (Decimal("0.00"), Decimal("1250.00")),
        }
        or len(rows) == 2
    )
    assert "¥1,330.00" in page and "¥2,000.00" in page  # counted so far, against the cap
    assert re.search(r'class="bar[^"]*" role="img" aria-label="66%"', page)
    older = reviewing.get(reverse("web:ledger", args=[doctor.pk]), {"year": last_year.year}, **EN)
    assert older.context["ledger"].total_counted == Decimal("66.00")
    assert reviewing.get(reverse("web:ledger", args=[doctor.pk]), {"year": "abc"}).status_code == 200


def test_money_has_thousands_separators_in_chinese_too(reviewing, liaison, organization, doctor):
    log(liaison, organization, doctor, amount="1330", justification="外请专家讲课酬劳", nature="honorarium")
    page = reviewing.get(reverse("web:ledger", args=[doctor.pk]), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "¥1,330.00" in page


def test_money_filter():
    assert money(Decimal("1234567.5")) == "¥1,234,567.50"
    assert money(0) == "¥0.00" and money(None) == "—"


def test_ledger_has_a_fixed_query_count(reviewing, liaison, organization, doctor):
    natures = ["gift", "food", "education", "travel", "promotional", "supplies"]

    def add(n):
        for i in range(n):
            log(liaison, organization, doctor, nature=natures[i % len(natures)], amount="10", description=f"第{i}项")

    add(2)
    few = count_queries(reviewing, reverse("web:ledger", args=[doctor.pk]))
    add(10)
    assert count_queries(reviewing, reverse("web:ledger", args=[doctor.pk])) == few


# --- policy ---------------------------------------------------------------------------------


def policy_data(client, **changes):
    form = client.get(reverse("web:policy")).context["form"]
    data = {field.name: field.value() for field in form}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_policy_editor_has_a_labelled_textarea_per_term_list(reviewing):
    response = reviewing.get(reverse("web:policy"))
    page = response.content.decode()
    terms = current_policy().screening_terms
    for nature in terms["value_terms"]:  # nature lists, one per nature
        field = f"terms__value_terms__{nature}"
        assert f'<label for="id_{field}">' in page and f'<textarea name="{field}"' in page
    assert '<textarea name="terms__refusal_terms"' in page
    assert "\n".join(terms["refusal_terms"]) in response.context["form"]["terms__refusal_terms"].value()


def test_policy_editor_explains_every_list_in_the_readers_language(reviewing):
    lists = [key for key in current_policy().screening_terms if key != "_readme"]
    assert [key for key in lists if key not in TERM_LISTS] == []  # every shipped list has a label and help
    page = reviewing.get(reverse("web:policy")).content.decode()  # the default language is Chinese
    assert "value_terms" not in page.replace('name="terms__value_terms', "").replace("id_terms__value_terms", "")
    assert "价值词 · 餐饮" in page and "看似相关" in page


def test_publishing_makes_version_n_plus_1_and_keeps_the_old_one(reviewing, reviewer):
    old = current_policy()
    gifts = old.screening_terms["value_terms"]["gift"]
    data = policy_data(
        reviewing,
        note="加入新词",
        annual_cap="3000",
        **{"terms__value_terms__gift": "\n".join([*gifts, "  年货大礼包  ", ""])},
    )
    response = reviewing.post(reverse("web:policy"), data, follow=True)
    new = current_policy()
    assert new.version == old.version + 1 and new.created_by == reviewer and new.note == "加入新词"
    assert new.annual_cap == Decimal("3000") and new.screening_terms["value_terms"]["gift"] == [*gifts, "年货大礼包"]
    kept = Policy.objects.get(pk=old.pk)
    assert kept.annual_cap == old.annual_cap and "年货大礼包" not in kept.screening_terms["value_terms"]["gift"]
    history = [p.version for p in response.context["history"]]
    assert history[:2] == [new.version, old.version]


def test_an_invalid_policy_is_not_published_and_keeps_the_input(reviewing):
    before = Policy.objects.count()
    response = reviewing.post(reverse("web:policy"), policy_data(reviewing, annual_cap="-5", note="试一下"))
    assert response.status_code == 200 and Policy.objects.count() == before
    assert 'value="-5"' in response.content.decode() and "errorlist" in response.content.decode()


def test_rescreen_button_reports_the_counts(reviewing, liaison, organization, doctor):
    log(liaison, organization, doctor)
    assert reviewing.get(reverse("web:rescreen")).status_code == 405
    response = reviewing.post(reverse("web:rescreen"), follow=True, **EN)
    (message,) = [str(m) for m in response.context["messages"]]
    assert "interactions screened" in message and re.search(r"\d+ interactions", message)


def test_policy_page_has_a_fixed_query_count(reviewing):
    def publish(n):
        for i in range(n):
            reviewing.post(reverse("web:policy"), policy_data(reviewing, note=f"版本{i}"))

    publish(1)
    few = count_queries(reviewing, reverse("web:policy"))
    publish(10)
    assert count_queries(reviewing, reverse("web:policy")) == few


# --- dashboard ------------------------------------------------------------------------------


def test_dashboard_counts_link_into_the_filtered_queue(reviewing, liaison, organization, doctor):
    cash = log(liaison, organization, doctor, nature="cash", form="cash_equivalent", description="购物卡")
    undeclared = interaction_create(
        author=liaison,
        kind="visit",
        organization=organization,
        occurred_at=timezone.now(),
        summary="中午请王院长吃饭。",
    )
    log(liaison, organization, doctor, amount="1500", justification="外请专家讲课酬劳", nature="honorarium")
    response = reviewing.get(reverse("web:compliance_dashboard"), **EN)
    page = response.content.decode()
    figures = response.context["figures"]
    assert figures["prohibited"] == 1 and figures["undeclared_text"] == 1
    prohibited_link = reverse("web:queue") + "?severity=prohibited"
    undeclared_link = reverse("web:queue") + "?rule=undeclared_text"
    assert f'href="{prohibited_link}"' in page and f'href="{undeclared_link}"' in page
    assert [i.pk for i in reviewing.get(prohibited_link).context["page"]] == [cash.pk]
    assert [i.pk for i in reviewing.get(undeclared_link).context["page"]] == [undeclared.pk]
    # recipients nearest their cap, with a link to the ledger
    assert reverse("web:ledger", args=[doctor.pk]) in page and "王建国" in page
    assert re.search(r'<svg class="chart" role="img"[^>]*aria-label="[^"]+"[^>]*><title>[^<]+</title><desc>', page)


def test_dashboard_has_a_fixed_query_count(reviewing, liaison, organization):
    natures = ["gift", "food", "education", "travel", "cash"]

    def add(n):
        for i in range(n):
            log(
                liaison,
                organization,
                ClinicianFactory(organization=organization),
                nature=natures[i % len(natures)],
                amount="50",
                occurred_at=timezone.now() - timedelta(days=31 * (i % 3)),
            )

    add(2)
    few = count_queries(reviewing, reverse("web:compliance_dashboard"))
    add(10)
    assert count_queries(reviewing, reverse("web:compliance_dashboard")) == few
