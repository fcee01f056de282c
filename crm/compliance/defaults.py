"""The policy a new installation starts with (DESIGN.md section 3). Every number is editable."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal

PROHIBITED_NATURES = ["cash", "referral_fee"]

# Digests of the term lists earlier releases shipped as defaults.  A policy whose lists still match
# one of them was never edited by a reviewer, so a release may publish its newer defaults over it;
# lists a reviewer edited are theirs and are left alone.
SHIPPED_TERM_DIGESTS = frozenset(
    {
        "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",  # foundation
        "5052b3e159e380410d409e50246a3bada329d419b2b27826cffff2355d9e7ee9",  # second round of vocabulary
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
