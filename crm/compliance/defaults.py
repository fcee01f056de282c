"""The policy a new installation starts with (DESIGN.md section 3). Every number is editable."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal

PROHIBITED_NATURES = ["cash", "referral_fee"]
# How sure the learned reader must be before it flags a note the lists passed. Leaving each of 30
# corpora out in turn, 0.80 added 240 right flags and 57 wrong ones (0.70: 274/104; 0.85: 206/34):
# about as precise as the lists themselves on notes they were not tuned on.
READER_THRESHOLD = Decimal("0.80")

# Digests of the term lists earlier releases shipped as defaults.  A policy whose lists still match
# one of them was never edited by a reviewer, so a release may publish its newer defaults over it;
# lists a reviewer edited are theirs and are left alone.
SHIPPED_TERM_DIGESTS = frozenset(
    {
        "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",  # foundation
        "5052b3e159e380410d409e50246a3bada329d419b2b27826cffff2355d9e7ee9",  # second round of vocabulary
        "a0c6943f60157e283492f1acfad31a340e2237a2c2dc5c799e298065089d0b40",  # structural engine
        "de589091f279d5fc3b91a3bf4f43eb377d18352212be56e015e9e75a6879c58b",  # wider vocabulary (0005)
        "c02408de7c6830056528326f4654b27c4b32406ca15c10ba07895f189b151d38",  # refusals and partner-paid (0006)
    }
)


def terms_digest(terms: dict) -> str:
    """A stable fingerprint of a set of term lists (key order and JSON round trips do not change it)."""
    canonical = json.dumps(terms, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def default_policy_values() -> dict:
    from crm.compliance.default_terms import DEFAULT_SCREENING_TERMS

    return {
        "version": 1,
        "note": "Defaults of the design brief",
        "item_limit": Decimal("200.00"),
        "annual_cap": Decimal("2000.00"),
        "annual_warn_ratio": Decimal("0.80"),
        "meals_per_quarter": 3,
        "prohibited_natures": list(PROHIBITED_NATURES),
        "screening_terms": DEFAULT_SCREENING_TERMS,
    }


def publish_release_reader(apps, note: str, threshold: Decimal) -> None:
    """For the release that brings the learned reader: publish the policy in force again, with the
    reader turned on at ``threshold``, unless a version already sets one. Everything else,
    lists a reviewer edited included, is carried over unchanged. An unused seed policy (a new
    installation) is completed in place."""
    Policy = apps.get_model("compliance", "Policy")
    current = Policy.objects.order_by("-version").first()
    if current is None or current.reader_threshold is not None:
        return
    _apply(apps, current, note, {"reader_threshold": threshold})


def reader_digest(threshold) -> str:
    """The weights a policy with this reader threshold screens with: the shipped reader's ("" when
    the threshold turns the reader off). Recorded on each version as it is published."""
    from crm.compliance.reader import shipped_reader

    return shipped_reader().digest if threshold is not None else ""


def publish_release_terms_and_reader(apps, note: str, earlier_weights: str = "") -> None:
    """For a release migration that ships new default lists, retrained reader weights or both: one
    new policy version with this release's lists (over lists an earlier release shipped, as
    ``publish_release_terms``) and the digest of the weights now screening (when the reader is on),
    so that findings made with the earlier weights keep naming the version that used them. Versions
    with the reader on that findings were made under get ``earlier_weights`` (the digest of the
    weights the previous release shipped), which they screened with. An unused seed policy (a new
    installation) is completed in place."""
    Policy = apps.get_model("compliance", "Policy")
    if earlier_weights:  # versions findings were made under, before the digest was recorded
        used = Policy.objects.filter(reader_threshold__isnull=False, reader_digest="", findings__isnull=False)
        Policy.objects.filter(pk__in=used.values("pk")).update(reader_digest=earlier_weights)
    current = Policy.objects.order_by("-version").first()
    if current is None:
        return
    changes = _release_terms(current)
    if current.reader_digest != reader_digest(current.reader_threshold):
        changes["reader_digest"] = reader_digest(current.reader_threshold)
    if changes:
        _apply(apps, current, note, changes)


def _apply(apps, current, note: str, changes: dict) -> None:
    """A release's changes: in place on an unused seed policy, else as a new version."""
    if _unused_seed(apps, current):
        apps.get_model("compliance", "Policy").objects.filter(pk=current.pk).update(**changes)
    else:
        _publish(apps, current, note, **changes)


def _unused_seed(apps, current) -> bool:
    """The first version on a new installation: no finding and no audit entry refers to it yet, so a
    second version would only record the order of the migrations."""
    return (
        current.version == 1
        and not apps.get_model("compliance", "Finding").objects.exists()
        and not apps.get_model("compliance", "AuditEntry").objects.exists()
    )


def publish_release_terms(apps, note: str) -> None:
    """For a release migration: publish this release's default lists as a new policy version.

    Only when the policy in force still carries lists an earlier release shipped: lists a
    compliance reviewer edited are left as they are.  Earlier versions are never touched, so old
    findings keep naming the lists they were made under.  The publication goes on the audit chain
    (written here with the historical models, which is why it does not call ``audit_record``).
    Every release migration publishes the lists of the code being installed, so a database several
    releases behind gets the newest lists once, under the note of the first such migration it runs;
    the later ones find them current and do nothing.
    """
    current = apps.get_model("compliance", "Policy").objects.order_by("-version").first()
    changes = _release_terms(current) if current is not None else {}
    if changes:
        _publish(apps, current, note, **changes)


def _release_terms(current) -> dict:
    """``{"screening_terms": this release's lists}`` when the policy in force still carries lists an
    earlier release shipped (never edited by a reviewer) and they differ; else nothing."""
    from crm.compliance.default_terms import DEFAULT_SCREENING_TERMS

    digest = terms_digest(current.screening_terms)
    if digest in SHIPPED_TERM_DIGESTS and digest != terms_digest(DEFAULT_SCREENING_TERMS):
        return {"screening_terms": DEFAULT_SCREENING_TERMS}
    return {}


def _changed(changes: dict) -> dict:
    """What a release changed, for its audit entry: term lists by digest, other fields as they are."""
    return {
        (f"{name}_digest" if name == "screening_terms" else name): (
            terms_digest(value) if name == "screening_terms" else value
        )
        for name, value in changes.items()
    }


def _publish(apps, current, note: str, **changes) -> None:
    """A new policy version: ``current`` with ``changes``, written with the historical models of the
    migration that calls it (fields a later release adds are left to their defaults), and its audit
    entry on the chain."""
    from django.utils import timezone

    from crm.compliance.audit import GENESIS, entry_hash, lock_chain

    Policy = apps.get_model("compliance", "Policy")
    AuditEntry = apps.get_model("compliance", "AuditEntry")
    carried = {
        field.name: getattr(current, field.name)
        for field in Policy._meta.concrete_fields
        if field.name not in {"id", "version", "note", "created_at", "created_by"}
    }
    policy = Policy.objects.create(version=current.version + 1, note=note, **{**carried, **changes})
    lock_chain()  # as audit_record does: an app server writing meanwhile must not chain onto the same row
    last = AuditEntry.objects.order_by("-pk").values_list("hash", flat=True).first()
    entry = AuditEntry(
        at=timezone.now(),
        actor_id=None,
        action="policy.published",
        object_type="policy",
        object_id=str(policy.pk),
        payload=json.loads(
            json.dumps(
                {"version": policy.version, "note": note, "source": "release migration", **_changed(changes)},
                default=str,
            )
        ),
        prev_hash=last or GENESIS,
    )
    entry.hash = entry_hash(entry.prev_hash, entry)
    entry.save()
