"""Show a note with the screening matches marked, everything else escaped."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from crm.compliance.screening import TextHit


def highlight(text: str, hits: Iterable[TextHit]) -> SafeString:
    """Wrap each hit's span in <mark>; overlapping hits are merged; all text is escaped."""
    # Identifiers are shown masked, as in the findings: the review page must not spread them further.
    spans = sorted(
        (h.start, h.end, h.nature or h.rule, h.match if h.rule == "patient_identifier" else None)
        for h in hits
        if 0 <= h.start < h.end <= len(text)
    )
    merged: list[list] = []
    for start, end, label, masked in spans:
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end, label, masked])
    out, cursor = [], 0
    for start, end, label, masked in merged:
        out.append(escape(text[cursor:start]))
        out.append(format_html('<mark title="{}">{}</mark>', label, masked or text[start:end]))
        cursor = end
    out.append(escape(text[cursor:]))
    return mark_safe("".join(str(part) for part in out))  # noqa: S308 - every part is escaped above
