"""Cards out of an Anki package (.apkg): Basic and Cloze notes; other note types are reported.

An .apkg is a zip holding an SQLite collection. Packages exported for older Anki versions
("collection.anki21" or "collection.anki2", schema 11, note types as JSON in ``col.models``) are
read; the newer compressed format ("collection.anki21b") is refused with a message saying how to
export one that can be read.

A package is a file from anyone, and an SQLite file is a program as much as data: a "table"
may be a view that multiplies rows or recurses forever. So the collection is unpacked with its
real bytes counted (``core.bounded_zip``) into a temporary file that is opened read-only and
immutable; ``col`` and ``notes`` must be tables, at most one row more than a deck may hold is
read, strings are capped, and one time budget covers the queries and the notes' conversion.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import time
from pathlib import Path

from quizapp.core.bounded_zip import ByteBudget, UnsafeArchive, copy_entry, open_archive
from quizapp.core.import_limits import (
    MAX_COLLECTION_BYTES,
    MAX_COLLECTION_SECONDS,
    MAX_COLLECTION_VALUE,
    MAX_NOTE_FIELD,
)
from quizapp.core.interchange.cloze import from_anki_cloze
from quizapp.core.interchange.flashcard_csv import MAX_CARD_ROWS, MAX_SIDE, CardRow, ParsedCards
from quizapp.core.interchange.html_text import enclosed_spans, html_to_text
from quizapp.core.interchange.records import InterchangeError, Skipped
from quizapp.core.vocabulary import CardKind

_COLLECTIONS = ("collection.anki21", "collection.anki2")
_TABLES_READ = ("col", "notes")
_PROGRESS_STEPS = 10_000  # SQLite instructions between two looks at the clock
_TOPIC_TAG = "quizapp::"
_SOURCE = ('<p class="source">', "</p>")
NOT_A_PACKAGE = "This is not an Anki package: an .apkg file is a zip archive."
NEW_FORMAT = (
    "This package uses the newest Anki format, which cannot be read here. In Anki, "
    "export again with “Support older Anki versions” ticked."
)
DAMAGED = "The package's collection is damaged or is not an Anki collection."
NOT_TABLES = (
    "The package's collection keeps its notes in something other than a table (a view, "
    "say), which Anki never writes: it is refused."
)
TOO_SLOW = (
    f"The package's collection could not be read within {MAX_COLLECTION_SECONDS:g} seconds; "
    f"it is refused."
)


def _unpack_collection(data: bytes, folder: Path) -> Path:
    """The package's collection written to ``folder``, its real bytes counted as they are
    decompressed (a header that understates the size changes nothing)."""
    try:
        with open_archive(data, NOT_A_PACKAGE) as archive:
            names = set(archive.namelist())
            name = next((n for n in _COLLECTIONS if n in names), None)
            if name is None or ("collection.anki21b" in names and name == "collection.anki2"):
                raise InterchangeError(
                    NEW_FORMAT
                    if "collection.anki21b" in names
                    else "The package holds no Anki collection."
                )
            path = folder / "collection.anki2"
            with path.open("wb") as out:
                budget = ByteBudget(MAX_COLLECTION_BYTES, "The package's collection")
                copy_entry(archive, archive.getinfo(name), budget, out)
    except UnsafeArchive as error:
        raise InterchangeError(str(error)) from error
    return path


class _Deadline:
    def __init__(self, seconds: float) -> None:
        self.at = time.monotonic() + seconds

    def passed(self) -> bool:
        return time.monotonic() > self.at

    def check(self) -> None:
        if self.passed():
            raise InterchangeError(TOO_SLOW)


def _open_read_only(path: Path, deadline: _Deadline) -> sqlite3.Connection:
    """A read-only, immutable connection that SQLite interrupts once ``deadline`` passes."""
    db = sqlite3.connect(path.as_uri() + "?mode=ro&immutable=1", uri=True)
    db.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_COLLECTION_VALUE)
    db.set_progress_handler(deadline.passed, _PROGRESS_STEPS)
    db.execute("PRAGMA trusted_schema = OFF")  # no functions a schema names run on their own
    return db


def _check_tables(db: sqlite3.Connection) -> None:
    """``col`` and ``notes`` are plain tables: a view would run whatever query it holds."""
    kinds = {
        str(name).casefold(): kind
        for name, kind in db.execute(
            "SELECT name, type FROM sqlite_master WHERE lower(name) IN ('col', 'notes')"
        )
    }
    if any(name not in kinds for name in _TABLES_READ):
        raise InterchangeError(DAMAGED)
    if any(kinds[name] != "table" for name in _TABLES_READ):
        raise InterchangeError(NOT_TABLES)


def _read_collection(data: bytes, deadline: _Deadline) -> tuple[str, list[tuple]]:
    """(the note types' JSON, the notes' rows), at most one row more than a deck may hold."""
    with tempfile.TemporaryDirectory(prefix="quizapp-apkg-") as folder:
        db = _open_read_only(_unpack_collection(data, Path(folder)), deadline)
        try:
            _check_tables(db)
            row = db.execute("SELECT models FROM col LIMIT 1").fetchone()
            notes = db.execute(
                "SELECT id, mid, tags, flds FROM notes ORDER BY id LIMIT ?", (MAX_CARD_ROWS + 1,)
            ).fetchall()
        except sqlite3.Error as error:
            raise InterchangeError(TOO_SLOW if deadline.passed() else DAMAGED) from error
        finally:
            db.close()
    return (row[0] if row else None), notes


def _note_types(models: object) -> dict[int, dict]:
    """Note types by id, each with the name, kind and ordered field names the import uses;
    InterchangeError when ``col.models`` is not the JSON Anki writes."""
    try:
        loaded = json.loads(models or "{}")  # type: ignore[arg-type]
        if not isinstance(loaded, dict):
            raise TypeError("models is not an object")
        return {int(mid): _clean_model(model) for mid, model in loaded.items()}
    except (ValueError, TypeError, RecursionError) as error:
        raise InterchangeError(DAMAGED) from error


def _clean_model(model: object) -> dict:
    if not isinstance(model, dict):
        return {}
    fields = model.get("flds")
    fields = [f for f in fields if isinstance(f, dict)] if isinstance(fields, list) else []
    ordered = sorted(fields, key=lambda f: f.get("ord") if isinstance(f.get("ord"), int) else 0)
    return {
        "name": str(model.get("name", "unknown type")),
        "type": model.get("type", 0),
        "names": [str(f.get("name", "")) for f in ordered],
    }


def _kind(model: dict) -> str | None:
    """ "cloze" or "basic" for the note types the app can take; None for any other."""
    names = [n.casefold() for n in model.get("names", [])]
    if model.get("type") == 1 and names and names[0] == "text":
        return CardKind.CLOZE
    if model.get("type", 0) == 0 and names[:2] == ["front", "back"]:
        return CardKind.BASIC
    return None


def _topic(tags: str, fields: dict[str, str]) -> str | None:
    if fields.get("topic"):
        return fields["topic"]
    for tag in tags.split():
        if tag.startswith(_TOPIC_TAG) and len(tag) > len(_TOPIC_TAG):
            return tag[len(_TOPIC_TAG) :].replace("_", " ")
    return None


def _quote(text: str) -> str | None:
    text = text.strip().strip('“”"').strip()
    return text or None


def read_apkg(data: bytes) -> ParsedCards:
    """Basic and Cloze notes as cards; other note types, and cloze notes with more than one gap,
    in ``skipped`` with the reason. Raises InterchangeError for a package that cannot be read,
    or that is over one of the limits in ``core.import_limits``."""
    deadline = _Deadline(MAX_COLLECTION_SECONDS)
    models, notes = _read_collection(data, deadline)
    types = _note_types(models)
    if len(notes) > MAX_CARD_ROWS:
        raise InterchangeError(
            f"The package holds more than {MAX_CARD_ROWS} notes: at most {MAX_CARD_ROWS} "
            f"can be imported at once."
        )
    parsed = ParsedCards(separator="", has_header=False)
    for note_id, mid, tags, flds in notes:
        deadline.check()
        model = types.get(mid if isinstance(mid, int) else -1, {})
        kind = _kind(model)
        name = f"note {note_id} ({model.get('name', 'unknown type')})"
        raw = str(flds).split("\x1f")
        if kind is None:
            card, reason = None, "only Basic and Cloze notes can be imported"
        elif any(len(field) > MAX_NOTE_FIELD for field in raw):
            card, reason = None, f"a field has more than {MAX_NOTE_FIELD} characters"
        else:
            fields = {n.casefold(): v for n, v in zip(model["names"], raw, strict=False)}
            card, reason = _card(kind, fields, str(tags or ""))
        if card is None:
            parsed.skipped.append(Skipped(name, reason))
        else:
            parsed.cards.append(card)
    if not parsed.cards:
        raise InterchangeError("The package holds no Basic or Cloze note that can be imported.")
    return parsed


def _card(kind: str, fields: dict[str, str], tags: str) -> tuple[CardRow | None, str]:
    topic = _topic(tags, {k: html_to_text(v) for k, v in fields.items() if k == "topic"})
    if kind == CardKind.CLOZE:
        extra = fields.get("back extra", "")
        sources = [extra[inner:end] for _, inner, end, _ in enclosed_spans(extra, *_SOURCE)]
        gap = from_anki_cloze(html_to_text(fields.get("text", "")))
        if gap is None:
            return None, "a cloze note with other than one gap ({{c1::…}})"
        front, back = gap
        quote = _quote(html_to_text(sources[0])) if sources else None
    else:
        front, back = html_to_text(fields.get("front", "")), html_to_text(fields.get("back", ""))
        quote = _quote(html_to_text(fields.get("source", "")))
    if not front or not back:
        return None, "a card needs a front and a back"
    if len(front) > MAX_SIDE or len(back) > MAX_SIDE:
        return None, f"a side has more than {MAX_SIDE} characters"
    return CardRow(front, back, topic, quote, kind=kind), ""
