"""Cards out of an Anki package (.apkg): Basic and Cloze notes; other note types are reported.

An .apkg is a zip holding an SQLite collection. Packages exported for older Anki versions
("collection.anki21" or "collection.anki2", schema 11, note types as JSON in ``col.models``) are
read; the newer compressed format ("collection.anki21b") is refused with a message saying how to
export one that can be read. The collection is opened in memory, never written to disk.
"""

from __future__ import annotations

import io
import json
import re
import sqlite3
import zipfile

from quizapp.core.interchange.cloze import from_anki_cloze
from quizapp.core.interchange.flashcard_csv import MAX_CARD_ROWS, MAX_SIDE, CardRow, ParsedCards
from quizapp.core.interchange.html_text import html_to_text
from quizapp.core.interchange.records import InterchangeError, Skipped
from quizapp.core.vocabulary import CardKind

MAX_COLLECTION_BYTES = 200 * 1024 * 1024  # uncompressed: a zip bomb stops here
_COLLECTIONS = ("collection.anki21", "collection.anki2")
_SOURCE = re.compile(r'<p class="source">(.*?)</p>', re.S)
_TOPIC_TAG = "quizapp::"
NOT_A_PACKAGE = "This is not an Anki package: an .apkg file is a zip archive."
NEW_FORMAT = (
    "This package uses the newest Anki format, which cannot be read here. In Anki, "
    "export again with “Support older Anki versions” ticked."
)
DAMAGED = "The package's collection is damaged or is not an Anki collection."


def _collection_bytes(data: bytes) -> bytes:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise InterchangeError(NOT_A_PACKAGE) from error
    with archive:
        names = set(archive.namelist())
        name = next((n for n in _COLLECTIONS if n in names), None)
        if name is None or ("collection.anki21b" in names and name == "collection.anki2"):
            raise InterchangeError(
                NEW_FORMAT
                if "collection.anki21b" in names
                else "The package holds no Anki collection."
            )
        if archive.getinfo(name).file_size > MAX_COLLECTION_BYTES:
            raise InterchangeError("The package's collection is too large to import.")
        try:
            return archive.read(name)
        except (zipfile.BadZipFile, OSError, EOFError) as error:
            raise InterchangeError(DAMAGED) from error


def _note_types(db: sqlite3.Connection) -> dict[int, dict]:
    (models,) = db.execute("SELECT models FROM col").fetchone()
    return {int(mid): model for mid, model in json.loads(models or "{}").items()}


def _field_names(model: dict) -> list[str]:
    return [f["name"] for f in sorted(model.get("flds", []), key=lambda f: f.get("ord", 0))]


def _kind(model: dict) -> str | None:
    """ "cloze" or "basic" for the note types the app can take; None for any other."""
    names = [n.casefold() for n in _field_names(model)]
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
    in ``skipped`` with the reason. Raises InterchangeError for a package that cannot be read."""
    collection = _collection_bytes(data)
    db = sqlite3.connect(":memory:")
    try:
        db.deserialize(collection)
        types = _note_types(db)
        notes = db.execute("SELECT id, mid, tags, flds FROM notes ORDER BY id").fetchall()
    except (sqlite3.Error, ValueError, TypeError, KeyError) as error:
        raise InterchangeError(DAMAGED) from error
    finally:
        db.close()
    if len(notes) > MAX_CARD_ROWS:
        raise InterchangeError(
            f"The package holds {len(notes)} notes: at most {MAX_CARD_ROWS} "
            f"can be imported at once."
        )
    parsed = ParsedCards(separator="", has_header=False)
    for note_id, mid, tags, flds in notes:
        model = types.get(int(mid), {})
        kind = _kind(model)
        name = f"note {note_id} ({model.get('name', 'unknown type')})"
        if kind is None:
            parsed.skipped.append(Skipped(name, "only Basic and Cloze notes can be imported"))
            continue
        raw = str(flds).split("\x1f")
        fields = {n.casefold(): v for n, v in zip(_field_names(model), raw, strict=False)}
        card, reason = _card(kind, fields, tags or "")
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
        sources = _SOURCE.findall(extra)
        gap = from_anki_cloze(html_to_text(fields.get("text", "")))
        if gap is None:
            return None, "a cloze note with other than one gap ({{c1::…}})"
        front, back = gap
        quote = _quote(html_to_text(sources[0])) if sources else None
    else:
        front, back = html_to_text(fields["front"]), html_to_text(fields.get("back", ""))
        quote = _quote(html_to_text(fields.get("source", "")))
    if not front or not back:
        return None, "a card needs a front and a back"
    if len(front) > MAX_SIDE or len(back) > MAX_SIDE:
        return None, f"a side has more than {MAX_SIDE} characters"
    return CardRow(front, back, topic, quote, kind=kind), ""
