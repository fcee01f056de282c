"""The audit log is append-only in the sense that matters: any edit or removal is detected."""

import pytest
from django.core.management import CommandError, call_command

from crm.compliance.audit import audit_record, audit_verify
from crm.compliance.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain(reviewer):
    return [
        audit_record(
            actor=reviewer,
            action="test.event",
            object_type="interaction",
            object_id=i,
            payload={"n": i, "text": "红包已拒收"},
        )
        for i in range(1, 6)
    ]


def test_intact_chain_verifies(chain, capsys):
    report = audit_verify()
    assert report.ok and report.checked == 5
    call_command("audit", "verify")
    assert "OK" in capsys.readouterr().out


def test_edited_row_is_detected(chain):
    AuditEntry.objects.filter(pk=chain[2].pk).update(payload={"n": 3, "text": "已批准"})
    report = audit_verify()
    assert not report.ok and report.broken_at == chain[2].pk and report.checked == 2
    with pytest.raises(CommandError, match=str(chain[2].pk)):
        call_command("audit", "verify")


def test_deleted_row_is_detected(chain):
    AuditEntry.objects.filter(pk=chain[1].pk).delete()
    report = audit_verify()
    assert not report.ok and report.broken_at == chain[2].pk


def test_rehashed_row_still_breaks_the_next_link(chain):
    from crm.compliance.audit import entry_hash

    forged = AuditEntry.objects.get(pk=chain[1].pk)
    forged.payload = {"n": 2, "text": "forged"}
    forged.hash = entry_hash(forged.prev_hash, forged)
    forged.save()
    assert audit_verify().broken_at == chain[2].pk


def test_chain_links_rows_in_order(chain):
    assert chain[0].prev_hash == "0" * 64
    for before, after in zip(chain, chain[1:], strict=False):
        assert after.prev_hash == before.hash
