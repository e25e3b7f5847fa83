"""Note types and deck names out of an Anki collection, in schema 11 (JSON in ``col``) or
schema 18 (tables of their own, settings as protobuf messages).

Only two protobuf fields are needed (a note type's kind, a template's question and answer
formats), so they are read with the few lines of wire format below rather than Anki's
generated classes, which come only with the whole ``anki`` package.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from quizapp.core.interchange.records import InterchangeError

MAX_SCHEMA_ROWS = 10_000  # note types, fields, templates or decks: real collections hold dozens
_DAMAGED = "The package's collection is damaged or is not an Anki collection."
_CLOZE_KIND = 1  # NotetypeConfig.kind; schema 11's model "type"
_KIND_FIELD, _QFMT_FIELD, _AFMT_FIELD = 1, 1, 2


@dataclass
class NoteType:
    name: str
    is_cloze: bool
    fields: list[str] = field(default_factory=list)  # in order
    templates: dict[int, tuple[str, str]] = field(default_factory=dict)  # ord -> (qfmt, afmt)


def _varint(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        if at >= len(data) or shift > 63:
            raise ValueError("truncated varint")
        byte = data[at]
        value |= (byte & 0x7F) << shift
        at, shift = at + 1, shift + 7
        if byte < 0x80:
            return value, at


def protobuf_fields(data: bytes) -> dict[int, int | bytes]:
    """The top-level fields of a protobuf message (the first value of each); ValueError when
    ``data`` is not one."""
    found: dict[int, int | bytes] = {}
    at = 0
    while at < len(data):
        key, at = _varint(data, at)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, at = _varint(data, at)
        elif wire == 2:
            length, at = _varint(data, at)
            value, at = data[at : at + length], at + length
        elif wire in (1, 5):
            size = 8 if wire == 1 else 4
            value, at = data[at : at + size], at + size
        else:
            raise ValueError(f"wire type {wire}")
        if at > len(data):
            raise ValueError("truncated field")
        found.setdefault(number, value)
    return found


def _text(value: int | bytes | None) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else ""


def _schema_18_types(db: sqlite3.Connection) -> dict[int, NoteType]:
    limit = (MAX_SCHEMA_ROWS,)
    types = {}
    for ntid, name, config in db.execute("SELECT id, name, config FROM notetypes LIMIT ?", limit):
        kind = protobuf_fields(bytes(config or b"")).get(_KIND_FIELD, 0)
        types[int(ntid)] = NoteType(str(name), kind == _CLOZE_KIND)
    sql = "SELECT ntid, ord, name FROM fields ORDER BY ntid, ord LIMIT ?"
    for ntid, _ord, name in db.execute(sql, limit):
        if ntid in types:
            types[ntid].fields.append(str(name))
    sql = "SELECT ntid, ord, config FROM templates ORDER BY ntid, ord LIMIT ?"
    for ntid, ordinal, config in db.execute(sql, limit):
        if ntid in types:
            message = protobuf_fields(bytes(config or b""))
            formats = (_text(message.get(_QFMT_FIELD)), _text(message.get(_AFMT_FIELD)))
            types[ntid].templates[int(ordinal)] = formats
    return types


def _ordered(items: object) -> list[dict]:
    items = [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []
    return sorted(items, key=lambda i: i.get("ord") if isinstance(i.get("ord"), int) else 0)


def _schema_11_type(model: object) -> NoteType:
    if not isinstance(model, dict):
        return NoteType("unknown type", False)
    templates = {
        int(t.get("ord", n)): (str(t.get("qfmt", "")), str(t.get("afmt", "")))
        for n, t in enumerate(_ordered(model.get("tmpls")))
    }
    return NoteType(
        str(model.get("name", "unknown type")),
        model.get("type") == _CLOZE_KIND,
        [str(f.get("name", "")) for f in _ordered(model.get("flds"))],
        templates,
    )


def _col_json(db: sqlite3.Connection, column: str) -> dict:
    row = db.execute(f"SELECT {column} FROM col LIMIT 1").fetchone()  # noqa: S608 (a constant)
    loaded = json.loads((row[0] if row else None) or "{}")
    if not isinstance(loaded, dict):
        raise TypeError(f"{column} is not an object")
    return loaded


def note_types(db: sqlite3.Connection, schema_18: bool) -> dict[int, NoteType]:
    """Note types by id; InterchangeError when they are not what Anki writes."""
    try:
        if schema_18:
            return _schema_18_types(db)
        return {int(mid): _schema_11_type(m) for mid, m in _col_json(db, "models").items()}
    except (ValueError, TypeError, RecursionError) as error:
        raise InterchangeError(_DAMAGED) from error


def deck_names(db: sqlite3.Connection, schema_18: bool) -> dict[int, str]:
    """Deck names by id, levels joined by "::" as Anki shows them."""
    try:
        if schema_18:
            rows = db.execute("SELECT id, name FROM decks LIMIT ?", (MAX_SCHEMA_ROWS,))
            # Schema 18 keeps a deck's levels apart with the unit separator.
            return {int(did): str(name).replace("\x1f", "::") for did, name in rows}
        decks = _col_json(db, "decks")
        return {
            int(did): str(deck.get("name", ""))
            for did, deck in decks.items()
            if isinstance(deck, dict)
        }
    except (ValueError, TypeError, RecursionError) as error:
        raise InterchangeError(_DAMAGED) from error
