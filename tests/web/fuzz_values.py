"""Hypothesis strategies for what a hostile or careless browser sends: text of any Unicode,
numbers out of every range, ids of other people's things, missing and repeated fields, files
of random bytes, and arbitrary JSON.

A form's fields are read from its WTForms class (names, prefixes and field types), so a field
added to a form is fuzzed without touching the tests.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict
from wtforms import (
    BooleanField,
    DateField,
    DateTimeField,
    DecimalField,
    EmailField,
    FloatField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    SubmitField,
)
from wtforms.fields.core import UnboundField

from quizapp.models.base import MAX_ID

# Flask refuses a form over MAX_FORM_MEMORY_SIZE (500 kB) with a 413; a little under and over.
LONG_LENGTHS = (1_000, 70_000, 260_000)
# Any code point a UTF-8 form can carry: surrogates cannot be encoded, everything else goes,
# control characters and NUL included.
ANY_CHARACTER = st.characters(codec="utf-8")
TRICKY_SNIPPETS = (
    "\x00",
    "\r\n",
    "\u202e",
    "\ufeff",
    "'; DROP TABLE user; --",
    "<script>alert(1)</script>",
    "{{c1::",
    "%s%n",
    "../../etc/passwd",
    "=1+1",
    "javascript:alert(1)",
    "NaN",
    "1e309",
    "-0",
    "𝟙𝟚",
    "²",
)


def hostile_text() -> st.SearchStrategy[str]:
    """Short text of any Unicode, a known troublemaker, or a very long repetition."""
    short = st.text(ANY_CHARACTER, max_size=40)
    snippet = st.sampled_from(TRICKY_SNIPPETS)
    long = st.builds(
        lambda unit, length: (unit * (length // len(unit) + 1))[:length],
        st.text(ANY_CHARACTER, min_size=1, max_size=8),
        st.sampled_from(LONG_LENGTHS),
    )
    return st.one_of(short, snippet, st.lists(snippet | short, max_size=4).map("".join), long)


def number_text() -> st.SearchStrategy[str]:
    """A number as a form sends it: in range or far out, negative, huge, fractional, not one."""
    return st.one_of(
        st.integers(-5, 30).map(str),
        st.integers().map(str),
        st.sampled_from([MAX_ID, MAX_ID + 1, 2**63, -(2**63) - 1, 10**40]).map(str),
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
        st.sampled_from(["", " 7 ", "0x10", "1_000", "٣", "+1", "1e3", "nan", "inf"]),
    )


def id_text(pool: list[int]) -> st.SearchStrategy[str]:
    """An id: one of ``pool`` (the actor's own things and other people's), or any other."""
    known = st.sampled_from(pool).map(str) if pool else st.nothing()
    return st.one_of(known, known, number_text())


def path_id(pool: list[int]) -> st.SearchStrategy[str]:
    """An id in a URL: mostly real ones (so the view runs), sometimes any digits at all."""
    known = st.sampled_from(pool).map(str) if pool else st.nothing()
    other = st.one_of(
        st.integers(1, MAX_ID).map(str),
        st.sampled_from([str(MAX_ID + 1), "0", "-1", "1" * 25]),
    )
    # Weighted by hand: Hypothesis leans towards its first and simplest choices, which for a
    # plain one_of would send a URL naming nothing half of the time.
    return st.tuples(st.integers(0, 5), known, other).map(lambda t: t[2] if t[0] == 5 else t[1])


def date_text() -> st.SearchStrategy[str]:
    """A date and time as a datetime-local input sends it, at the calendar's edges, or not."""
    edge = st.sampled_from(
        ["0001-01-01T00:00", "9999-12-31T23:59", "2030-02-30T10:00", "2031-01-01T25:61"]
    )
    plausible = st.datetimes().map(lambda d: d.strftime("%Y-%m-%dT%H:%M"))
    return st.one_of(edge, plausible, hostile_text())


def json_values() -> st.SearchStrategy[object]:
    """Any JSON document: scalars, lists and nested objects, null included."""
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(ANY_CHARACTER, max_size=30),
    )
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=12,
    )


@dataclass(frozen=True)
class Upload:
    """A file for a multipart form: random bytes under a name with a chosen extension."""

    filename: str
    data: bytes

    def as_file(self) -> tuple[io.BytesIO, str]:
        return io.BytesIO(self.data), self.filename


UPLOAD_EXTENSIONS = (".txt", ".md", ".html", ".csv", ".xml", ".gift", ".apkg", ".docx", ".pdf")


def uploads() -> st.SearchStrategy[Upload]:
    """Small files of random bytes or text under any of the accepted extensions, or none."""
    name = st.builds(
        lambda stem, ext: stem + ext,
        st.text(ANY_CHARACTER.filter(lambda c: c not in '/\\"\r\n'), max_size=12),
        st.sampled_from((*UPLOAD_EXTENSIONS, "", ".exe")),
    )
    data = st.one_of(st.binary(max_size=300), st.text(ANY_CHARACTER, max_size=300).map(str.encode))
    return st.builds(Upload, name, data)


def _field_values(unbound: UnboundField, ids: list[int] | None) -> st.SearchStrategy[object]:
    """Values for one form field, by its WTForms type (``ids``: the pool its ids come from)."""
    kind = unbound.field_class
    if kind.__name__ == "FileField":
        return uploads()
    if ids is not None:
        return id_text(ids)
    if issubclass(kind, SubmitField):
        return st.sampled_from(["y", ""])
    if issubclass(kind, BooleanField):
        return st.sampled_from(["y", "1", "true", "", "false", "0", "off"]) | hostile_text()
    if issubclass(kind, IntegerField | DecimalField | FloatField):
        return number_text()
    if issubclass(kind, DateTimeField | DateField):
        return date_text()
    if issubclass(kind, EmailField):
        return st.emails().map(str) | hostile_text()
    if issubclass(kind, SelectField | SelectMultipleField):
        listed = unbound.kwargs.get("choices") or []
        choices = [str(c[0] if isinstance(c, tuple) else getattr(c, "value", c)) for c in listed]
        offered = st.sampled_from(choices) if choices else st.nothing()
        return st.one_of(offered, offered, number_text(), hostile_text())
    return hostile_text()


def form_fields(form_class: type, prefix: str = "") -> dict[str, UnboundField]:
    """The fields of a WTForms class by the names a browser sends (``prefix-name``)."""
    names = {}
    for attribute in dir(form_class):
        value = getattr(form_class, attribute, None)
        if isinstance(value, UnboundField):
            names[f"{prefix}-{attribute}" if prefix else attribute] = value
    return names


FieldValues = Mapping[str, st.SearchStrategy[object]]


@dataclass(frozen=True)
class FormBody:
    """A form built from a WTForms class, plus hand-listed fields a view reads itself.

    ``ids`` names the pool each id field draws from (a key of the world's pools); ``extra``
    lists fields not on the class (a view reading ``request.form`` directly).
    """

    form_class: type | None = None
    prefix: str = ""
    ids: Mapping[str, str] = field(default_factory=dict)
    extra: Callable[[Mapping[str, list[int]]], FieldValues] | None = None

    def strategy(self, pools: Mapping[str, list[int]]) -> st.SearchStrategy[MultiDict]:
        by_name: dict[str, st.SearchStrategy[object]] = {}
        if self.form_class is not None:
            for name, unbound in form_fields(self.form_class, self.prefix).items():
                pool = self.ids.get(name)
                by_name[name] = _field_values(unbound, None if pool is None else pools[pool])
        if self.extra is not None:
            by_name.update(self.extra(pools))
        return multipart(by_name)


def multipart(by_name: FieldValues) -> st.SearchStrategy[MultiDict]:
    """Each field missing, sent once, or repeated; and now and then a field nobody asked for."""

    @st.composite
    def build(draw) -> MultiDict:
        data = MultiDict()
        for name, values in by_name.items():
            times = draw(st.sampled_from([0, 1, 1, 1, 1, 2, 3]))
            for _ in range(times):
                data.add(name, draw(values))
        for _ in range(draw(st.integers(0, 1))):
            data.add(draw(st.text(ANY_CHARACTER, min_size=1, max_size=10)), draw(hostile_text()))
        return data

    return build()


@dataclass(frozen=True)
class JsonBody:
    """A JSON request: documents shaped like the real ones (``keys``, their values from
    ``values``), any JSON at all, or bytes that are not JSON."""

    keys: Callable[[Mapping[str, list[int]]], FieldValues]

    def strategy(self, pools: Mapping[str, list[int]]) -> st.SearchStrategy[bytes]:
        shaped = st.fixed_dictionaries(
            {}, optional={k: v | json_values() for k, v in self.keys(pools).items()}
        )
        # A string, a number or a list where an object belongs: what a careless client sends.
        not_an_object = st.one_of(
            st.booleans(),
            st.integers(),
            st.text(ANY_CHARACTER, min_size=1, max_size=20),
            st.lists(json_values(), min_size=1, max_size=3),
        )
        document = st.one_of(shaped, not_an_object, json_values())
        not_json = st.sampled_from([b"", b"{", b"[1,", b"\xff\xfe", b'{"a":1}{', b"nul"])
        return st.one_of(document.map(lambda d: json.dumps(d).encode()), not_json)
