"""Queue, ledger, dashboard and disclosure reads, on data written through the services."""

import csv
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook

from crm.compliance import selectors
from crm.compliance.services import policy_publish, review_decide
from crm.interactions.services import TransferInput, interaction_create
from tests.factories import ClinicianFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def doctors(organization):
    return [ClinicianFactory(organization=organization, name=name) for name in ("王建国", "=HYPERLINK(1)")]


def give(liaison, organization, doctor, nature="food", amount="80", **kw):
    return interaction_create(
        author=liaison,
        kind="visit",
        organization=organization,
        occurred_at=timezone.now(),
        summary="随访",
        transfers=[
            TransferInput(nature=nature, description="工作餐", amount=Decimal(amount), recipient_clinician=doctor, **kw)
        ],
    )


def test_queue_is_oldest_first_and_filters(liaison, organization, doctors, reviewer, director):
    first = give(liaison, organization, doctors[0])
    second = give(liaison, organization, doctors[1], nature="cash", form="cash_equivalent")
    assert list(selectors.review_queue(reviewer)) == [first, second]
    assert list(selectors.review_queue(reviewer, severity="prohibited")) == [second]
    assert list(selectors.review_queue(reviewer, rule="declared")) == [first, second]
    assert list(selectors.review_queue(reviewer, liaison_id=reviewer.pk)) == []
    assert selectors.review_queue(reviewer)[1].has_prohibited
    review_decide(interaction=first, reviewer=reviewer, decision="approve")
    assert list(selectors.review_queue(reviewer)) == [second]


def test_ledger_by_nature_against_cap(liaison, organization, doctors, reviewer):
    approved = give(liaison, organization, doctors[0], amount="120")
    review_decide(interaction=approved, reviewer=reviewer, decision="approve")
    give(liaison, organization, doctors[0], amount="60")
    give(liaison, organization, doctors[0], nature="promotional", amount="500", patient_education=True)
    ledger = selectors.recipient_ledger(reviewer, year=timezone.localdate().year, clinician_id=doctors[0].pk)
    rows = {r.nature: r for r in ledger.rows}
    assert rows["food"].approved == Decimal("120") and rows["food"].pending == Decimal("60")
    assert rows["food"].count == 2
    assert ledger.total_counted == Decimal("180") and ledger.remaining == Decimal("1820")


def test_dashboard_figures(liaison, organization, doctors, reviewer):
    give(liaison, organization, doctors[0])
    give(liaison, organization, doctors[1], nature="cash", form="cash_equivalent")
    figures = selectors.dashboard_figures(reviewer, year=timezone.localdate().year)
    assert figures["pending"] == 2 and figures["prohibited"] == 1 and figures["by_rule"]["declared"] == 2
    nearest = list(selectors.recipients_nearest_cap(reviewer, year=timezone.localdate().year))
    assert nearest[0]["total"] == Decimal("80") or nearest[0]["total"] == Decimal("80.00")


def test_disclosure_export_csv_and_xlsx(liaison, organization, doctors, reviewer, tmp_path):
    approved = give(liaison, organization, doctors[1], amount="120")
    review_decide(interaction=approved, reviewer=reviewer, decision="approve")
    give(liaison, organization, doctors[1], amount="60")
    year = timezone.localdate().year
    target = tmp_path / "d.csv"
    call_command("export", "disclosures", "--year", str(year), "--format", "csv", "-o", str(target), "--language", "en")
    raw = target.read_bytes()
    assert raw.startswith("\ufeff".encode())
    header, row = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert header[0] == "Year" and row[3] == "'=HYPERLINK(1)"
    assert row[6] == "Food and beverage" and row[7:] == ["120.00", "1", "60.00", "1"]
    workbook_path = tmp_path / "d.xlsx"
    call_command("export", "disclosures", "--year", str(year), "--format", "xlsx", "-o", str(workbook_path))
    sheet = load_workbook(workbook_path).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0] == "年度" and values[1][3] == "'=HYPERLINK(1)"


def test_rescreen_after_policy_change(liaison, organization, reviewer):
    note = interaction_create(
        author=liaison,
        kind="visit",
        organization=organization,
        occurred_at=timezone.now(),
        summary="沟通了 XYZZY 项目的安排。",
    )
    assert note.review_status == "clear"
    original = selectors.current_policy().screening_terms
    widened = {
        **original,
        "value_terms": {**original["value_terms"], "gift": [*original["value_terms"]["gift"], "XYZZY"]},
    }
    policy_publish(author=reviewer, values={"screening_terms": widened, "note": "新增筛查词"})
    call_command("rescreen")
    note.refresh_from_db()
    assert note.review_status == "pending"
    finding = note.findings.get(rule="undeclared_text")
    assert finding.policy.version == 2 and finding.evidence["match"] == "XYZZY"
    policy_publish(author=reviewer, values={"screening_terms": original, "note": "撤回"})
    call_command("rescreen")
    note.refresh_from_db()
    assert note.review_status == "clear" and not note.findings.exists()
    from crm.compliance.models import AuditEntry

    assert AuditEntry.objects.filter(action="interaction.rescreened").count() == 2
