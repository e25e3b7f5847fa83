"""Flashcards from a paste or a CSV file, and a deck as CSV.

A paste as Quizlet exports it ("term TAB definition", one card a line) or any CSV: the
separator and quoting are detected with ``csv.Sniffer``, and a header row is recognised by its
column names (front/term/question…, back/definition/answer…, and optionally topic and source).
Without a header the first column is the front and the second the back.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from quizapp.core.interchange.cloze import from_anki_cloze, has_cloze
from quizapp.core.interchange.records import InterchangeError, Skipped
from quizapp.core.question_kinds.base import BLANK
from quizapp.core.vocabulary import CardKind

MAX_CARD_ROWS = 20_000  # a deck larger than this is refused whole: split it
MAX_SIDE = 2000  # characters on one side of a card, as for teachers' own cards
SEPARATORS = ",;\t|"
_NAMES = {
    "front": {"front", "term", "question", "word", "prompt", "side 1", "text"},
    "back": {"back", "definition", "answer", "meaning", "side 2", "back extra"},
    "topic": {"topic", "category", "deck", "tags", "tag"},
    "source": {"source", "quote"},
    "kind": {"kind", "card type"},
}
SEPARATOR_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}
DECK_COLUMNS = ["front", "back", "kind", "topic", "source"]
NO_SEPARATOR = (
    "No separator found: write one card a line as 'front, back' (or with a tab, a "
    "semicolon or | between the sides)."
)


@dataclass(frozen=True)
class CardRow:
    front: str
    back: str
    topic: str | None = None
    source: str | None = None
    kind: str = CardKind.BASIC  # basic | cloze (a front with one blank, the answer on the back)


def card_from_sides(
    front: str, back: str, topic: str | None = None, source: str | None = None
) -> CardRow:
    """A card; a front in Anki's cloze syntax with one gap becomes a cloze card."""
    cloze = from_anki_cloze(front)
    if cloze is not None:
        return CardRow(cloze[0], cloze[1], topic, source or None, kind=CardKind.CLOZE)
    return CardRow(front, back, topic, source)


@dataclass
class ParsedCards:
    separator: str
    has_header: bool
    cards: list[CardRow] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def separator_name(self) -> str:
        return SEPARATOR_NAMES.get(self.separator, repr(self.separator))


def _dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    lines = [line for line in sample.splitlines() if line.strip()]
    if lines and all("\t" in line for line in lines):
        return csv.excel_tab  # Quizlet's export: a tab on every line
    try:
        return csv.Sniffer().sniff(sample, delimiters=SEPARATORS)
    except csv.Error as error:
        raise InterchangeError(NO_SEPARATOR) from error


def _columns(header: list[str]) -> dict[str, int] | None:
    """Column index per role when ``header`` names a front and a back column; else None."""
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        key = name.strip().casefold()
        for role, names in _NAMES.items():
            if key in names and role not in found:
                found[role] = index
    return found if {"front", "back"} <= found.keys() else None


def _rows(text: str) -> tuple[csv.Dialect | type[csv.Dialect], list[list[str]]]:
    """The dialect sniffed from ``text`` and its rows that have any cell filled."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    dialect = _dialect(text[:20_000])
    rows = [row for row in csv.reader(io.StringIO(text), dialect) if any(c.strip() for c in row)]
    return dialect, rows


def _row_problem(cells: dict[str, str]) -> str | None:
    """Why a row makes no card, or None when it makes one."""
    if not cells["front"] or not (cells["back"] or has_cloze(cells["front"])):
        return "a card needs a front and a back"
    if len(cells["front"]) > MAX_SIDE or len(cells["back"]) > MAX_SIDE:
        return f"a side has more than {MAX_SIDE} characters"
    return None


def _row_card(cells: dict[str, str]) -> CardRow:
    topic, source = cells.get("topic") or None, cells.get("source") or None
    if cells.get("kind", "").casefold() == CardKind.CLOZE and cells["front"].count(BLANK) == 1:
        return CardRow(cells["front"], cells["back"], topic, source, kind=CardKind.CLOZE)
    return card_from_sides(cells["front"], cells["back"], topic, source)


def read_cards(text: str) -> ParsedCards:
    """The cards of ``text``; rows with an empty or over-long side are skipped with the reason.

    Raises InterchangeError when no separator can be found, when no row makes a card, or when
    there are more than MAX_CARD_ROWS rows.
    """
    dialect, rows = _rows(text)
    columns = _columns(rows[0]) if rows else None
    if len(rows) - (columns is not None) > MAX_CARD_ROWS:
        raise InterchangeError(
            f"{len(rows)} rows: at most {MAX_CARD_ROWS} cards can be imported "
            f"at once. Split the file."
        )
    parsed = ParsedCards(dialect.delimiter, columns is not None)
    columns = columns or {"front": 0, "back": 1}
    first = 2 if parsed.has_header else 1
    for number, row in enumerate(rows[1:] if parsed.has_header else rows, start=first):
        cells = {role: row[i].strip() if i < len(row) else "" for role, i in columns.items()}
        reason = _row_problem(cells)
        if reason:
            parsed.skipped.append(Skipped(f"row {number}", reason))
        else:
            parsed.cards.append(_row_card(cells))
    if not parsed.cards:
        raise InterchangeError("No row makes a card: each needs a front and a back.")
    return parsed
