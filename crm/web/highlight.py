"""Show a note with the screening matches marked, everything else escaped."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from crm.compliance.screening import PATIENT_IDENTIFIER, TextHit, masked_span


def highlight(text: str, hits: Iterable[TextHit]) -> SafeString:
    """Wrap each hit's span in <mark>; overlapping hits are merged; all text is escaped."""
    hits = [h for h in hits if 0 <= h.start < h.end <= len(text)]
    merged: list[list] = []
    for start, end, label in sorted((h.start, h.end, h.nature or h.rule) for h in hits):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end, label])
    # Identifiers are shown masked, as in the findings, also inside a longer mark (the sentence the
    # learned reader quotes): the review page must not spread them further.
    identifiers = [h for h in hits if h.rule == PATIENT_IDENTIFIER]
    out, cursor = [], 0
    for start, end, label in merged:
        out.append(escape(text[cursor:start]))
        out.append(format_html('<mark title="{}">{}</mark>', label, masked_span(text, start, end, identifiers)))
        cursor = end
    out.append(escape(text[cursor:]))
    return mark_safe("".join(str(part) for part in out))  # noqa: S308 - every part is escaped above
