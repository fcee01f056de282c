"""The append-only, hash-chained audit log.

Each row's hash is SHA-256 over the previous row's hash and the row's own content, so editing,
deleting or reordering any row breaks the chain from that row on; ``crm audit verify`` walks it.
Writers take a lock first so two transactions never chain onto the same previous row:
PostgreSQL uses a transaction-level advisory lock; SQLite already serialises writers
(IMMEDIATE transactions).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from crm.compliance.models import AuditEntry

GENESIS = "0" * 64
ADVISORY_LOCK_KEY = 73_501_001


def _content(entry: AuditEntry) -> str:
    return json.dumps(
        {
            "at": entry.at.isoformat(),
            "actor": entry.actor_id,
            "action": entry.action,
            "object_type": entry.object_type,
            "object_id": str(entry.object_id),
            "payload": entry.payload,
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=str,
    )


def entry_hash(prev_hash: str, entry: AuditEntry) -> str:
    return hashlib.sha256((prev_hash + _content(entry)).encode()).hexdigest()


def lock_chain() -> None:
    """Hold the chain until the transaction ends (PostgreSQL; SQLite serialises writers itself)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ADVISORY_LOCK_KEY])


def audit_record(*, actor, action: str, object_type: str, object_id, payload: dict) -> AuditEntry:
    """Append one row to the chain, inside the caller's transaction."""
    with transaction.atomic():
        lock_chain()
        last = AuditEntry.objects.order_by("-pk").values_list("hash", flat=True).first()
        entry = AuditEntry(
            at=timezone.now(),
            actor_id=getattr(actor, "pk", actor),
            action=action,
            object_type=object_type,
            object_id=str(object_id),
            payload=json.loads(json.dumps(payload, default=str)),
            prev_hash=last or GENESIS,
        )
        entry.hash = entry_hash(entry.prev_hash, entry)
        entry.save()
        return entry


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    broken_at: int | None = None
    reason: str = ""


def audit_verify(batch_size: int = 5000) -> ChainReport:
    """Walk the chain in order; report the first row whose link or hash does not hold."""
    prev = GENESIS
    checked = 0
    last_pk = 0
    while True:
        rows = list(AuditEntry.objects.filter(pk__gt=last_pk).order_by("pk")[:batch_size])
        if not rows:
            return ChainReport(ok=True, checked=checked)
        for entry in rows:
            if entry.prev_hash != prev:
                return ChainReport(
                    False, checked, entry.pk, "previous hash does not match (a row was removed or reordered)"
                )
            if entry_hash(prev, entry) != entry.hash:
                return ChainReport(False, checked, entry.pk, "content does not match its hash (the row was edited)")
            prev = entry.hash
            checked += 1
            last_pk = entry.pk
