"""``{{ amount|money }}`` → ¥1,234.50: yuan with cents and thousands separators in every language.

Django's own ``floatformat:"2g"`` follows the active locale, and the zh-hans locale has no
thousands separator (¥1234567.50); invoices and the finding messages
(``crm.compliance.messages.money``) group by thousands, so the pages use the same format.
"""

from __future__ import annotations

from django import template

from crm.compliance.messages import money as money_text

register = template.Library()


@register.filter
def money(value) -> str:
    if value is None or value == "":
        return "—"
    return money_text(value)
