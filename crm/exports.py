"""Writing spreadsheets people open in Excel: safe cells, Chinese that displays, rows streamed."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import IO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Text that a spreadsheet would run as a formula gets a leading apostrophe; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(stream: IO[bytes], header: Sequence[str], rows: Iterable[Sequence]) -> int:
    """UTF-8 with a byte-order mark, so Excel on Chinese Windows shows the characters correctly."""
    import io

    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    writer = csv.writer(text)
    writer.writerow([neutralise(h) for h in header])
    count = 0
    for row in rows:
        writer.writerow([neutralise(str(v) if isinstance(v, Decimal) else v) for v in row])
        count += 1
    text.flush()
    text.detach()
    return count


def write_xlsx(path, header: Sequence[str], rows: Iterable[Sequence], title: str = "Sheet") -> int:
    """openpyxl's write-only mode streams rows to disk instead of building the workbook in memory."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append([neutralise(h) for h in header])
    count = 0
    for row in rows:
        sheet.append([neutralise(v) for v in row])
        count += 1
    workbook.save(path)
    return count
