"""Publish the release's screening term lists as a new policy version.

Only when the policy in force still carries term lists an earlier release shipped: lists a
compliance reviewer edited are left as they are.  Earlier versions are never touched, so old
findings keep naming the lists they were made under.  The publication is written to the audit chain.
"""

import json

from django.db import migrations
from django.utils import timezone

NOTE = "随版本更新的筛查词表（按结构与类别组织） / Screening term lists updated with the release"


def publish_release_terms(apps, schema_editor):
    from crm.compliance.audit import GENESIS, entry_hash
    from crm.compliance.default_terms import DEFAULT_SCREENING_TERMS
    from crm.compliance.defaults import SHIPPED_TERM_DIGESTS, terms_digest

    Policy = apps.get_model("compliance", "Policy")
    AuditEntry = apps.get_model("compliance", "AuditEntry")
    current = Policy.objects.order_by("-version").first()
    if current is None or terms_digest(current.screening_terms) not in SHIPPED_TERM_DIGESTS:
        return
    if terms_digest(current.screening_terms) == terms_digest(DEFAULT_SCREENING_TERMS):
        return
    policy = Policy.objects.create(
        version=current.version + 1,
        note=NOTE,
        item_limit=current.item_limit,
        annual_cap=current.annual_cap,
        annual_warn_ratio=current.annual_warn_ratio,
        meals_per_quarter=current.meals_per_quarter,
        prohibited_natures=current.prohibited_natures,
        screening_terms=DEFAULT_SCREENING_TERMS,
    )
    last = AuditEntry.objects.order_by("-pk").values_list("hash", flat=True).first()
    entry = AuditEntry(
        at=timezone.now(),
        actor_id=None,
        action="policy.published",
        object_type="policy",
        object_id=str(policy.pk),
        payload=json.loads(json.dumps({"version": policy.version, "note": NOTE, "source": "release migration"})),
        prev_hash=last or GENESIS,
    )
    entry.hash = entry_hash(entry.prev_hash, entry)
    entry.save()


class Migration(migrations.Migration):
    dependencies = [("compliance", "0003_default_policy")]

    operations = [migrations.RunPython(publish_release_terms, migrations.RunPython.noop)]
