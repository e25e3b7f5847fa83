"""The rows of an Anki package's collection, in either package format, read without trust.

A package (.apkg, also .colpkg) is a zip holding an SQLite collection: ``collection.anki21b``
(zstd-compressed, schema 18: note types, fields, templates and decks in tables of their own;
what current Anki writes by default), or ``collection.anki21``/``collection.anki2`` (schema 11:
note types and decks as JSON in ``col``). A package written by current Anki holds the first
and, as a placeholder for old versions, a ``collection.anki2`` saying "please update": the
newest collection present is read.

Why not Anki's own ``Collection``: it is AGPL (a network service linking it must be offered
under the AGPL), about 40 MB with its Rust backend, and it opens a package by importing it into
a writable collection, media and all, with no byte, row or time limit of ours. Reading the
tables takes sqlite3 and ``zstandard``; the ``anki`` package stays a test dependency, where it
writes the packages the tests read.

A package is a file from anyone, and an SQLite file is a program as much as data: a "table"
may be a view that multiplies rows or recurses forever. So the collection is unpacked with its
real bytes counted (``core.bounded_zip``, and the zstd stream a chunk at a time) into a
temporary file opened read-only and immutable; every table read must be a table, at most one
row more than an import may hold is read, and one time budget covers the queries.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import zstandard

from quizapp.core.bounded_zip import (
    UNZIP_CHUNK,
    ByteBudget,
    UnsafeArchive,
    copy_entry,
    open_archive,
)
from quizapp.core.import_limits import (
    MAX_COLLECTION_BYTES,
    MAX_COLLECTION_SECONDS,
    MAX_COLLECTION_VALUE,
)
from quizapp.core.interchange.anki_schema import NoteType, deck_names, note_types
from quizapp.core.interchange.records import InterchangeError
from quizapp.core.translatable import N_, Phrase

NEWEST_FIRST = ("collection.anki21b", "collection.anki21", "collection.anki2")
_COMPRESSED = "collection.anki21b"
_PROGRESS_STEPS = 10_000  # SQLite instructions between two looks at the clock
MAX_REVIEWS = 200_000  # review-log rows read from one package; a longer history is refused
NOT_A_PACKAGE = "This is not an Anki package: an .apkg file is a zip archive."
DAMAGED = "The package's collection is damaged or is not an Anki collection."
NOT_TABLES = (
    "The package's collection keeps its notes in something other than a table (a view, "
    "say), which Anki never writes: it is refused."
)
TOO_SLOW = (
    f"The package's collection could not be read within {MAX_COLLECTION_SECONDS:g} seconds; "
    f"it is refused."
)


@dataclass
class CollectionRows:
    """What the import reads of a collection: note types, deck names, notes, cards, reviews."""

    types: dict[int, NoteType]
    decks: dict[int, str]  # deck id -> "Parent::Child"
    notes: dict[int, tuple[int, str, str, str]]  # note id -> (note type id, tags, fields, guid)
    cards: list[tuple[int, int, int, int, int]] = field(default_factory=list)
    # (card id, note id, deck id, template ordinal, Anki card type: 0 new, 1 learn, 2 review…)
    reviews: list[tuple[int, int, int, int, int]] = field(default_factory=list)
    # (review id = epoch milliseconds, card id, ease 0-4, time in ms, review kind)


class Deadline:
    def __init__(self, seconds: float) -> None:
        self.at = time.monotonic() + seconds

    def passed(self) -> bool:
        return time.monotonic() > self.at

    def check(self) -> None:
        if self.passed():
            raise InterchangeError(TOO_SLOW)


def _decompress(packed: Path, out: Path, budget: ByteBudget) -> None:
    """A zstd file unpacked a chunk at a time, every byte counted: a small stream that
    expands to gigabytes is refused at the limit, not held."""
    try:
        with packed.open("rb") as source, out.open("wb") as target:
            reader = zstandard.ZstdDecompressor().stream_reader(source, read_across_frames=True)
            while chunk := reader.read(UNZIP_CHUNK):
                budget.spend(len(chunk))
                target.write(chunk)
    except zstandard.ZstdError as error:
        raise InterchangeError(DAMAGED) from error


def _unpack(data: bytes, folder: Path) -> Path:
    """The newest collection of the package written to ``folder`` as a plain SQLite file."""
    try:
        with open_archive(data, NOT_A_PACKAGE) as archive:
            names = set(archive.namelist())
            name = next((n for n in NEWEST_FIRST if n in names), None)
            if name is None:
                raise InterchangeError("The package holds no Anki collection.")
            budget = ByteBudget(MAX_COLLECTION_BYTES, Phrase(N_("The package's collection")))
            path = folder / "collection.sqlite"
            raw = folder / "collection.zst" if name == _COMPRESSED else path
            with raw.open("wb") as out:
                copy_entry(archive, archive.getinfo(name), budget, out)
            if name == _COMPRESSED:
                _decompress(raw, path, ByteBudget(MAX_COLLECTION_BYTES, budget.what))
    except UnsafeArchive as error:
        raise InterchangeError(str(error)) from error
    return path


def _open_read_only(path: Path, deadline: Deadline) -> sqlite3.Connection:
    """A read-only, immutable connection that SQLite interrupts once ``deadline`` passes."""
    db = sqlite3.connect(path.as_uri() + "?mode=ro&immutable=1", uri=True)
    db.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_COLLECTION_VALUE)
    db.set_progress_handler(deadline.passed, _PROGRESS_STEPS)
    db.execute("PRAGMA trusted_schema = OFF")  # no functions a schema names run on their own
    # Schema 18 indexes names with Anki's own collation; a query the planner answers from
    # such an index would fail without it.
    db.create_collation("unicase", unicase)
    return db


def unicase(left: str, right: str) -> int:
    """Anki's "unicase" collation: case-insensitive order."""
    a, b = left.casefold(), right.casefold()
    return (a > b) - (a < b)


def _table_kinds(db: sqlite3.Connection) -> dict[str, str]:
    return {
        str(name).casefold(): str(kind)
        for name, kind in db.execute("SELECT name, type FROM sqlite_master")
    }


def _check_tables(kinds: dict[str, str], names: tuple[str, ...]) -> None:
    """Each of ``names`` is a plain table: a view would run whatever query it holds."""
    if any(name not in kinds for name in names):
        raise InterchangeError(DAMAGED)
    if any(kinds[name] != "table" for name in names):
        raise InterchangeError(NOT_TABLES)


# The refusal of a package with more rows of a kind than can be imported at once.
TOO_MANY_NOTES = N_(
    "The package holds more than %(limit)s notes: at most %(limit)s can be imported at once."
)
TOO_MANY_CARDS = N_(
    "The package holds more than %(limit)s cards: at most %(limit)s can be imported at once."
)
TOO_MANY_REVIEWS = N_(
    "The package holds more than %(limit)s reviews: at most %(limit)s can be imported at once."
)


def _limited(db: sqlite3.Connection, sql: str, limit: int, too_many: str) -> list[tuple]:
    rows = db.execute(sql + " LIMIT ?", (limit + 1,)).fetchall()
    if len(rows) > limit:
        raise InterchangeError(too_many, limit=limit)
    return rows


def _rows(db: sqlite3.Connection, limit: int) -> CollectionRows:
    kinds = _table_kinds(db)
    schema_18 = "notetypes" in kinds
    tables = ("col", "notes", "cards") + (
        ("notetypes", "fields", "templates", "decks") if schema_18 else ()
    )
    _check_tables(kinds, tables)
    types = note_types(db, schema_18)
    decks = deck_names(db, schema_18)
    notes = {
        int(nid): (mid, str(tags or ""), str(flds or ""), str(guid or nid))
        for nid, mid, tags, flds, guid in _limited(
            db, "SELECT id, mid, tags, flds, guid FROM notes ORDER BY id", limit, TOO_MANY_NOTES
        )
    }
    cards = _limited(
        db,
        "SELECT id, nid, CASE WHEN odid THEN odid ELSE did END, ord, type FROM cards "
        "ORDER BY nid, ord, id",
        limit,
        TOO_MANY_CARDS,
    )
    reviews: list[tuple] = []
    if "revlog" in kinds:
        _check_tables(kinds, ("revlog",))
        reviews = _limited(
            db,
            "SELECT id, cid, ease, time, type FROM revlog ORDER BY id",
            MAX_REVIEWS,
            TOO_MANY_REVIEWS,
        )
    return CollectionRows(types, decks, notes, cards, reviews)


def read_collection(data: bytes, limit: int, deadline: Deadline) -> CollectionRows:
    """The collection's rows, at most ``limit`` notes and cards; InterchangeError for a
    package that cannot be read or is over a limit."""
    with tempfile.TemporaryDirectory(prefix="quizapp-apkg-") as folder:
        db = _open_read_only(_unpack(data, Path(folder)), deadline)
        try:
            return _rows(db, limit)
        except sqlite3.Error as error:
            raise InterchangeError(TOO_SLOW if deadline.passed() else DAMAGED) from error
        finally:
            db.close()
