"""Tables for disclosure reports, shared by the command line and (later) the pages and API."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext as _

from crm.compliance.selectors import disclosure_rows
from crm.interactions.models import Nature


def disclosure_table(user, *, year: int) -> tuple[list[str], Iterator[list]]:
    header = [
        _("Year"),
        _("Recipient type"),
        _("Recipient ID"),
        _("Recipient"),
        _("Organization"),
        _("Territory"),
        _("Nature"),
        _("Approved total (CNY)"),
        _("Approved lines"),
        _("Pending total (CNY)"),
        _("Pending lines"),
    ]
    natures = dict(Nature.choices)
    kinds = {"clinician": _("Clinician"), "organization": _("Organization")}

    def rows() -> Iterator[list]:
        for r in disclosure_rows(user, year=year):
            yield [
                year,
                kinds[r.recipient_type],
                r.recipient_id,
                r.recipient_name,
                r.organization,
                r.territory,
                str(natures.get(r.nature, r.nature)),
                r.approved_total,
                r.approved_count,
                r.pending_total,
                r.pending_count,
            ]

    return header, rows()
