"""Hostile import files, built in the test that needs them: a cloze paste that made the old
parser backtrack, zip bombs, a zip whose header lies about its size, and Anki collections whose
notes are a view (a huge one, or one that loops forever)."""

from __future__ import annotations

import io
import sqlite3
import struct
import tempfile
import zipfile
import zlib
from pathlib import Path

from quizapp.core.anki_export import ExportCard, anki_package

CLOZE_PASTE = "{{c1::" * 1000  # 6 kB: 30 s of backtracking for the old cloze expression
_MB = 1024 * 1024


def _deflated_member(
    archive: zipfile.ZipFile, name: str, head: bytes, filler: bytes, size: int, tail: bytes = b""
) -> None:
    """``head``, then ``filler`` repeated to ``size`` bytes, then ``tail``, written in chunks so
    that building a large bomb never holds it in memory."""
    with archive.open(name, "w") as member:
        member.write(head)
        chunk = filler * (_MB // len(filler))
        left = size
        while left > 0:
            member.write(chunk[:left])
            left -= len(chunk)
        member.write(tail)


def docx_bytes(paragraphs: list[str]) -> bytes:
    """A real Word document with these paragraphs."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_bomb(size: int = 200 * _MB) -> bytes:
    """A valid .docx whose document.xml decompresses to ``size`` bytes of whitespace."""
    source = zipfile.ZipFile(io.BytesIO(docx_bytes(["A short document."])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename != "word/document.xml":
                bomb.writestr(info.filename, data)
                continue
            head, _, tail = data.partition(b"<w:body>")
            _deflated_member(bomb, info.filename, head + b"<w:body>", b" ", size, tail)
    return out.getvalue()


def lying_zip(name: str, real_size: int, declared_size: int = 1000, base: bytes = b"") -> bytes:
    """A zip holding ``name`` (first, before the other entries of the zip ``base``) whose
    headers declare ``declared_size`` bytes, with the CRC of that many zero bytes, while its
    data decompresses to ``real_size`` zero bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        _deflated_member(archive, name, b"", b"\0", real_size)
        if base:
            source = zipfile.ZipFile(io.BytesIO(base))
            for info in source.infolist():
                if info.filename != name:
                    archive.writestr(info.filename, source.read(info))
    data = bytearray(out.getvalue())
    crc = zlib.crc32(bytes(declared_size))
    local = data.find(b"PK\x03\x04")
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, local + 14, crc)
    struct.pack_into("<I", data, local + 22, declared_size)
    struct.pack_into("<I", data, central + 16, crc)
    struct.pack_into("<I", data, central + 24, declared_size)
    return bytes(data)


def lying_docx(real_size: int) -> bytes:
    """A Word document whose document.xml declares 1 kB and unpacks to ``real_size`` bytes."""
    return lying_zip("word/document.xml", real_size, base=docx_bytes(["A short document."]))


def apkg_with_sql(
    *statements: str | tuple[str, tuple], cards: list[ExportCard] | None = None
) -> bytes:
    """A valid Anki package (one Basic card unless ``cards``) with its collection changed by
    ``statements``: the hostile collections are made from a real one."""
    package = anki_package("hostile", cards or [ExportCard("k1", "Rason?", "A port", "", "Ports")])
    source = zipfile.ZipFile(io.BytesIO(package))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "collection.anki2"
        path.write_bytes(source.read("collection.anki2"))
        db = sqlite3.connect(path)
        for statement in statements:
            sql, params = statement if isinstance(statement, tuple) else (statement, ())
            db.execute(sql, params)
        db.commit()
        db.close()
        collection = path.read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = collection if info.filename == "collection.anki2" else source.read(info)
            archive.writestr(info.filename, data)
    return out.getvalue()


NOTES_AS = "ALTER TABLE notes RENAME TO real_notes"
# 5 million notes out of a 40 kB file: a view does the multiplying when it is read.
HUGE_VIEW = (
    "CREATE VIEW notes AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
    "LIMIT 5000000) SELECT i AS id, (SELECT mid FROM real_notes) AS mid, '' AS tags, "
    "'Front ' || i || char(31) || 'Back' AS flds FROM n"
)
# A view that never ends: the recursion has no limit.
LOOPING_VIEW = (
    "CREATE VIEW notes AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
    "SELECT i AS id, 0 AS mid, '' AS tags, '' AS flds FROM n"
)


def apkg_many_rows(count: int) -> bytes:
    """A package whose notes table really holds ``count`` Basic notes (a large collection)."""
    return apkg_with_sql(
        "INSERT INTO notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data) "
        "WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n LIMIT "
        f"{count - 1}) SELECT i, 'g' || i, mid, 0, 0, '', 'Front ' || i || char(31) || 'Back' "
        "|| char(31) || '' || char(31) || '', 'Front', 0, 0, '' FROM n, "
        "(SELECT mid FROM notes LIMIT 1)"
    )


def apkg_huge_view() -> bytes:
    return apkg_with_sql(NOTES_AS, HUGE_VIEW)


def apkg_looping_view() -> bytes:
    return apkg_with_sql(NOTES_AS, LOOPING_VIEW)


def apkg_cloze_note(text: str = CLOZE_PASTE) -> bytes:
    """A package whose one note is a cloze note with ``text``."""
    card = ExportCard("k1", "Power of _____", "Siberia", "", "Energy", kind="cloze")
    return apkg_with_sql(("UPDATE notes SET flds = ? || char(31) || ''", (text,)), cards=[card])
