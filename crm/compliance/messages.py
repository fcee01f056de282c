"""Human sentences for findings, built from the rule code and its evidence in the active language."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _


def money(value) -> str:
    """¥ with thousands separators and cents, as on an invoice: ¥1,750.00."""
    try:
        return f"¥{Decimal(str(value)):,.2f}"
    except (InvalidOperation, ValueError):
        return f"¥{value}"


def finding_message(rule: str, severity: str, evidence: dict) -> str:
    """One sentence a liaison or reviewer understands without knowing the rule codes."""
    e = evidence
    if rule == "declared":
        return _("Declared transfer of value (%(amount)s) needs review.") % {"amount": money(e.get("amount"))}
    if rule == "prohibited_nature":
        return _(
            "Cash, cash equivalents, referral fees, commissions and rebates are prohibited and can never be approved."
        )
    if rule == "tied_to_referrals":
        return _("Value stated per patient, per referral or as a share of charges (“%(match)s”) is prohibited.") % {
            "match": e.get("match", "")
        }
    if rule == "donation_to_person":
        return _("Sponsorship or donations may go to the institution only, not to %(name)s.") % {
            "name": e.get("recipient") or _("an individual")
        }
    if rule == "item_limit":
        if severity == "blocked":
            return _("%(amount)s is above the per-item limit of %(limit)s: add a justification to the line.") % {
                "amount": money(e.get("amount")),
                "limit": money(e.get("limit")),
            }
        return _("%(amount)s is above the per-item limit of %(limit)s.") % {
            "amount": money(e.get("amount")),
            "limit": money(e.get("limit")),
        }
    if rule == "annual_cap":
        values = {"name": e.get("recipient_name"), "after": money(e.get("after")), "cap": money(e.get("cap"))}
        if e.get("level") == "over_cap":
            return _("This puts %(name)s at %(after)s, over the annual cap of %(cap)s.") % values
        return _("This puts %(name)s at %(after)s of %(cap)s this year.") % values
    if rule == "meal_frequency":
        return _("%(name)s would have %(meals)s meals this quarter (limit %(limit)s).") % {
            "name": e.get("recipient_name"),
            "meals": e.get("meals"),
            "limit": e.get("limit"),
        }
    if rule == "training_value":
        return _(
            "A training offer must state its value to the recipient (waived fees, lodging, meals) "
            "or say that there is no individual benefit."
        )
    if rule == "undeclared_text":
        return _("The notes mention value given (“%(match)s”) but no such transfer of value is declared.") % {
            "match": e.get("match", "")
        }
    if rule == "value_reader":
        return _(
            "The learned reader rates these notes %(score).2f for value given (it flags from %(threshold).2f): "
            "“%(match)s”. No transfer of value is declared and no listed wording was found, so read the note: "
            "about one in five of these flags is a false alarm."
        ) % {
            "score": float(e.get("score") or 0),
            "threshold": float(e.get("threshold") or 0),
            "match": e.get("match", ""),
        }
    if rule == "patient_identifier":
        if severity == "blocked":
            return _("The text contains a patient identifier (%(match)s). Remove it and use the case code instead.") % {
                "match": e.get("match", "")
            }
        return _("The text contains what looks like a personal identifier (%(match)s).") % {"match": e.get("match", "")}
    if rule == "amended_after_decision":
        return _("Amended after a review decision; the new version needs review.")
    return rule
