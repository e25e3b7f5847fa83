"""``csv_document``, through which every CSV the app hands out is written (gradebooks,
responses, decks, live results), every cell guarded against running as a formula."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

# A spreadsheet runs a cell starting with one of these as a formula; a student could name
# themselves "=HYPERLINK(...)". OWASP's advice: prefix such text with a quote.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_document(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """``rows`` under ``header`` as CSV text, every cell, header included, guarded against
    running as a formula: a name, an email or a card's text is anyone's to choose."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(v) for v in header])  # headers carry assignment titles
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return buffer.getvalue()
