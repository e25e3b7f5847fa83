"""Anki packages written by Anki's own library (the ``anki`` package), in either format, with
the notes, decks, tags and review history a test puts in: the files current Anki users have."""

from __future__ import annotations

import io
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

import zstandard
from anki.collection import Collection, ExportAnkiPackageOptions
from anki.import_export_pb2 import ExportLimit
from anki.notes import Note

from quizapp.core.interchange.anki_collection import unicase


def add_note(col: Collection, note_type: str, deck: str, tags=(), **fields: str) -> Note:
    """A note of the stock type ``note_type`` in ``deck`` ("Parent::Child"); field names
    with spaces are given with underscores (``Back_Extra``)."""
    note = col.new_note(col.models.by_name(note_type))
    for name, value in fields.items():
        note[name.replace("_", " ")] = value
    note.tags = list(tags)
    col.add_note(note, col.decks.id(deck))
    return note


def add_reviews(col: Collection, card_id: int, reviews: Iterable[tuple[int, int]]) -> None:
    """Review-log rows for the card: (time in epoch milliseconds, ease 1-4), as Anki writes
    them (the row id is the time); the card becomes a review card."""
    for at_ms, ease in reviews:
        col.db.execute(
            "INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
            "VALUES (?, ?, -1, ?, 1, 0, 2500, 6000, 1)",
            at_ms,
            card_id,
            ease,
        )
    col.db.execute("UPDATE cards SET type = 2, queue = 2, ivl = 1 WHERE id = ?", card_id)


def anki_package(
    folder: Path,
    fill: Callable[[Collection], None],
    *,
    legacy: bool = False,
    with_media: bool = False,
) -> bytes:
    """The .apkg Anki exports (the newer format unless ``legacy``) of a collection that
    ``fill`` filled, scheduling and review history included (and the files ``fill`` put in
    the collection's media folder, ``col.media.write_data``, if ``with_media``)."""
    name = "legacy" if legacy else "current"
    col = Collection(str(folder / f"{name}.anki2"))
    try:
        fill(col)
        out = folder / f"{name}.apkg"
        col.export_anki_package(
            out_path=str(out),
            options=ExportAnkiPackageOptions(
                with_scheduling=True, with_media=with_media, legacy=legacy
            ),
            limit=ExportLimit(),
        )
        return out.read_bytes()
    finally:
        col.close()


def changed_package(data: bytes, *statements: str) -> bytes:
    """The package with its newer-format collection changed by ``statements``: hostile
    collections made from a real one."""
    source = zipfile.ZipFile(io.BytesIO(data))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "collection.sqlite"
        path.write_bytes(
            zstandard.ZstdDecompressor()
            .decompressobj()
            .decompress(source.read("collection.anki21b"))
        )
        db = sqlite3.connect(path)
        db.create_collation("unicase", unicase)
        for statement in statements:
            db.execute(statement)
        db.commit()
        db.close()
        collection = zstandard.ZstdCompressor().compress(path.read_bytes())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            name = info.filename
            archive.writestr(
                name, collection if name == "collection.anki21b" else source.read(info)
            )
    return out.getvalue()
