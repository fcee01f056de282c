"""The policy a new installation starts with (DESIGN.md section 3). Every number is editable."""

from __future__ import annotations

from decimal import Decimal

PROHIBITED_NATURES = ["cash", "referral_fee"]


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
