"""Flashcards from a paste or a CSV file, and a deck as CSV.

A paste as Quizlet exports it ("term TAB definition", one card a line) or any CSV: the
separator is the one that splits the rows most alike, cells quoted with '"' may hold the
separator and line breaks, and a header row is recognised by its column names (front/term/
question…, back/definition/answer…, and optionally topic, source and tags). Without a header the
first column is the front and the second the back. A row with more cells than its columns (a
comma inside a definition that was not quoted) keeps them all in its last column and is listed
in ``changed``, never cut silently.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from collections import Counter
from dataclasses import dataclass, field

from quizapp.core.import_limits import (
    MAX_CARD_COLUMNS,
    MAX_CARD_TEXT,
    SNIFF_LINE_CHARS,
)
from quizapp.core.interchange.cloze import from_anki_cloze, has_cloze
from quizapp.core.interchange.records import (
    NO_FRONT_OR_BACK,
    Changed,
    InterchangeError,
    Skipped,
    file_key,
    side_too_long,
)
from quizapp.core.item_tags import tags_from_text
from quizapp.core.question_kinds.base import BLANK
from quizapp.core.translatable import N_, Phrase
from quizapp.core.vocabulary import CardKind

MAX_CARD_ROWS = 20_000  # a deck larger than this is refused whole: split it
MAX_SIDE = 2000  # characters on one side of a card, as for teachers' own cards
SEPARATORS = ",;\t|"
SEPARATOR_PREFERENCE = "\t;|,"  # max() keeps the first of equals
_NAMES = {
    "front": {"front", "term", "question", "word", "prompt", "side 1", "text"},
    "back": {"back", "definition", "answer", "meaning", "side 2", "back extra"},
    # A cloze card's Back Extra (this app's exports); where it is also the back column (Anki's
    # cloze notes as text: "Text", "Back Extra"), the back cell is it.
    "extra": {"back extra", "extra"},
    "topic": {"topic", "category", "deck"},
    # Words separated by spaces, as Anki writes a note's tags (``core.item_tags``).
    "tags": {"tags", "tag"},
    "source": {"source", "quote"},
    "kind": {"kind", "card type"},
    "key": {"key"},
}
SEPARATOR_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}
DECK_COLUMNS = ["front", "back", "kind", "topic", "source", "key", "tags", "back extra"]
# Between a topic and its sub-topic in the topic column: Anki's subdeck separator, which
# titles hardly hold (a "/" would split "Input/Output").
TOPIC_LEVELS = "::"
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
    # The card's key (a "key" column), so a deck imported into its own article updates it.
    key: str | None = None
    # The topic and its parents, outermost first ("Wars::Civil" -> ("Wars", "Civil")).
    topic_path: tuple[str, ...] = ()
    # Its tags; None when the file has no tags column (an update then leaves them as they are).
    tags: tuple[str, ...] | None = None
    # A cloze card's Back Extra; None when the file has none (an update leaves it as it is).
    back_extra: str | None = None
    # How its row was read otherwise than its cells say (also in ``ParsedCards.changed``):
    # a card with any is imported as a draft.
    changes: tuple[str, ...] = ()


def topic_column(path: tuple[str, ...]) -> str:
    return TOPIC_LEVELS.join(path)


def _topic_path(cell: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in cell.split(TOPIC_LEVELS) if name.strip())


def card_from_sides(
    front: str, back: str, topic: str | None = None, source: str | None = None
) -> CardRow:
    """A card; a front in Anki's cloze syntax with one gap becomes a cloze card, whose answer is
    in its gap: the other side is then its Back Extra, as in Anki's cloze notes."""
    cloze = from_anki_cloze(front)
    if cloze is not None:
        return CardRow(
            cloze[0], cloze[1], topic, source or None, kind=CardKind.CLOZE, back_extra=back
        )
    return CardRow(front, back, topic, source)


@dataclass
class ParsedCards:
    separator: str
    has_header: bool
    cards: list[CardRow] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    # Rows read otherwise than their cells say (extra cells joined into the last column).
    changed: list[Changed] = field(default_factory=list)

    @property
    def separator_name(self) -> str:
        return SEPARATOR_NAMES.get(self.separator, repr(self.separator))


# One dialect per separator, quoting with '"' only: Quizlet, spreadsheets and Anki quote with
# it, while an apostrophe ("don't", "l'eau") is text, never a quote.
_DIALECTS = {
    separator: type(f"cards_{ord(separator)}", (csv.excel,), {"delimiter": separator})
    for separator in SEPARATORS
}


def _sample(text: str) -> str:
    """The whole lines among the first SNIFF_LINE_CHARS characters."""
    sample = text[:SNIFF_LINE_CHARS]
    if len(sample) < len(text) and "\n" in sample:
        sample = sample[: sample.rindex("\n")]  # cut in the middle of a line
    return sample


def _fit(sample: str, separator: str) -> tuple[int, int]:
    """How well ``separator`` splits ``sample`` into cards: (rows of two cells or more, rows of
    the most common width). Quoted cells (a definition over several lines) count as one."""
    try:
        rows = [row for row in csv.reader(io.StringIO(sample), _DIALECTS[separator]) if row]
    except csv.Error:
        return 0, 0
    widths = Counter(len(row) for row in rows)
    return sum(1 for row in rows if len(row) >= 2), max(widths.values(), default=0)


def _dialect(text: str) -> type[csv.Dialect]:
    """The separator that splits the most rows into front and back, the most of them alike
    (a comma inside definitions makes rows unlike: their separator is the tab or semicolon
    between the sides); of equals the first of SEPARATOR_PREFERENCE, tab before comma."""
    sample = _sample(text)
    fits = {separator: _fit(sample, separator) for separator in SEPARATORS}
    best = max(SEPARATOR_PREFERENCE, key=lambda separator: fits[separator])
    if fits[best][0] == 0:
        raise InterchangeError(NO_SEPARATOR)
    return _DIALECTS[best]


def _columns(header: list[str]) -> dict[str, int] | None:
    """Column index per role when ``header`` names a front and a back column; else None."""
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        key = name.strip().casefold()
        for role, names in _NAMES.items():
            if key in names and role not in found:
                found[role] = index
    if found.get("extra") == found.get("back"):
        found.pop("extra", None)  # the back cell is the Back Extra only of a cloze note's row
    return found if {"front", "back"} <= found.keys() else None


def _too_many_rows() -> InterchangeError:
    return InterchangeError(
        N_(
            "The text has more than %(limit)s rows: at most %(limit)s cards can be imported at "
            "once. Split it."
        ),
        limit=MAX_CARD_ROWS,
    )


def _rows(text: str) -> tuple[csv.Dialect | type[csv.Dialect], list[list[str]]]:
    """The dialect sniffed from ``text`` and its rows that have any cell filled.

    Sizes are checked first and as the rows are read: the whole text, the number of rows (one
    more than a deck may hold, for a header) and of columns in a row.
    """
    if len(text) > MAX_CARD_TEXT:
        raise InterchangeError(
            N_(
                "The text is %(length)s characters long; at most %(limit)s can be imported at "
                "once. Split it."
            ),
            length=f"{len(text):,}",
            limit=f"{MAX_CARD_TEXT:,}",
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    dialect = _dialect(text)
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        for row in reader:
            if len(row) > MAX_CARD_COLUMNS:
                raise InterchangeError(
                    N_(
                        "Line %(line)s has %(columns)s columns; a card file has at most "
                        "%(limit)s (front, back, topic, source…)."
                    ),
                    line=reader.line_num,
                    columns=len(row),
                    limit=MAX_CARD_COLUMNS,
                )
            if any(c.strip() for c in row):
                rows.append(row)
            if len(rows) > MAX_CARD_ROWS + 1:
                raise _too_many_rows()
    except csv.Error as error:  # a cell over the csv module's field limit, say
        raise InterchangeError(
            N_("Line %(line)s cannot be read as CSV: %(error)s."),
            line=reader.line_num,
            error=str(error),
        ) from error
    return dialect, rows


def _row_problem(cells: dict[str, str]) -> str | None:
    """Why a row makes no card, or None when it makes one."""
    if not cells["front"] or not (cells["back"] or has_cloze(cells["front"])):
        return NO_FRONT_OR_BACK
    if max(len(cells["front"]), len(cells["back"]), len(cells.get("extra", ""))) > MAX_SIDE:
        return side_too_long(MAX_SIDE)
    return None


def _row_card(cells: dict[str, str]) -> CardRow:
    path = _topic_path(cells.get("topic", ""))
    topic, source = (path[-1] if path else None), cells.get("source") or None
    if cells.get("kind", "").casefold() == CardKind.CLOZE and cells["front"].count(BLANK) == 1:
        card = CardRow(cells["front"], cells["back"], topic, source, kind=CardKind.CLOZE)
    else:
        card = card_from_sides(cells["front"], cells["back"], topic, source)
    tags = None
    if "tags" in cells:
        kept = tags_from_text(cells["tags"])
        tags, card = tuple(kept.tags), dataclasses.replace(card, changes=tuple(kept.changes))
    if "extra" in cells:
        card = dataclasses.replace(card, back_extra=cells["extra"])
    return dataclasses.replace(card, key=file_key(cells.get("key")), topic_path=path, tags=tags)


def _fitted(row: list[str], width: int, parsed: ParsedCards, name: str) -> list[str]:
    """``row`` with any filled cells beyond the file's ``width`` columns joined into its last
    column, separator and all, and listed in ``parsed.changed``: such cells are most often a
    definition cut at a separator it held unquoted ("a gas, colourless")."""
    if len(row) <= width or not any(cell.strip() for cell in row[width:]):
        return row
    joined = parsed.separator.join(row[width - 1 :])
    parsed.changed.append(
        Changed(
            name,
            Phrase(
                N_(
                    "%(cells)s cells where the file has %(columns)s columns: a %(separator)s "
                    "inside a side was not quoted, so the last column is read as “%(text)s”; "
                    "check it"
                ),
                cells=len(row),
                columns=width,
                separator=Phrase(parsed.separator_name),
                text=joined.strip(),
            ),
        )
    )
    return [*row[: width - 1], joined]


def read_cards(text: str) -> ParsedCards:
    """The cards of ``text``; rows with an empty or over-long side are skipped with the reason.

    Raises InterchangeError when no separator can be found, when no row makes a card, or when
    there are more than MAX_CARD_ROWS rows.
    """
    dialect, rows = _rows(text)
    columns = _columns(rows[0]) if rows else None
    if len(rows) - (columns is not None) > MAX_CARD_ROWS:
        raise _too_many_rows()
    parsed = ParsedCards(dialect.delimiter, columns is not None)
    width = len(rows[0]) if columns else 2
    columns = columns or {"front": 0, "back": 1}
    first = 2 if parsed.has_header else 1
    for number, row in enumerate(rows[1:] if parsed.has_header else rows, start=first):
        noted = len(parsed.changed)
        name = Phrase(N_("row %(number)s"), number=number)
        row = _fitted(row, width, parsed, name)
        cells = {role: row[i].strip() if i < len(row) else "" for role, i in columns.items()}
        reason = _row_problem(cells)
        if reason:
            parsed.skipped.append(Skipped(name, reason))
        else:
            card = _row_card(cells)
            parsed.changed += [Changed(name, change) for change in card.changes]
            changes = tuple(c.change for c in parsed.changed[noted:])
            parsed.cards.append(dataclasses.replace(card, changes=changes))
    if not parsed.cards:
        raise InterchangeError("No row makes a card: each needs a front and a back.")
    return parsed
