"""The shipped catalogues are whole: every string the code and templates mark is in
messages.pot, and every language translates each one, keeps its placeholders, and ships a
compiled .mo that says the same as its .po."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from quizapp.core.interface_languages import INTERFACE_LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = ROOT / "quizapp" / "translations"
LANGUAGES = [code for code in INTERFACE_LANGUAGES if code != "en"]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|%[sdif]")
# As `make translations`: gettext's names, and the core's markers (``core.translatable``).
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "lazy_gettext": None,
    "_l": None,
    "N_": None,
    "N_plural": (1, 2),
}


def _po(code: str):
    with open(CATALOGUES / code / "LC_MESSAGES" / "messages.po", "rb") as f:
        return read_po(f, locale=code)


def _ids(catalog) -> set[str]:
    return {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}


def _marked_in_sources() -> set[str]:
    """What `make translations` would extract now (babel.cfg's mapping)."""
    found: set[str] = set()
    method_map = [("quizapp/**.py", "python"), ("templates/**.html", "jinja2")]
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT),
        method_map=method_map,
        keywords={**KEYWORDS},
        options_map={"templates/**.html": {"extensions": "jinja2.ext.i18n"}},
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_the_template_holds_every_marked_string():
    with open(CATALOGUES / "messages.pot", "rb") as f:
        pot = _ids(read_po(f))
    missing = sorted(_marked_in_sources() - pot)
    assert missing == [], "run `make translations` and translate: " + repr(missing[:20])


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_string_is_translated_with_its_placeholders(code):
    with open(CATALOGUES / "messages.pot", "rb") as f:
        pot = _ids(read_po(f))
    catalog = _po(code)
    assert pot <= _ids(catalog)
    problems = []
    for message in catalog:
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        if "fuzzy" in message.flags or not all(strings):
            problems.append(f"untranslated: {ids[0]!r}")
            continue
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for string in strings:
            # A plural form may leave out the count (Russian "одна карточка"), nothing else.
            if set(PLACEHOLDER.findall(string)) - wanted or wanted - set(
                PLACEHOLDER.findall(string)
            ) - {"num"}:
                problems.append(f"placeholders differ: {ids[0]!r} -> {string!r}")
    assert problems == []


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_compiled_catalogue_says_what_the_source_says(code):
    compiled = BytesIO()
    write_mo(compiled, _po(code))
    compiled.seek(0)
    fresh = read_mo(compiled)
    with open(CATALOGUES / code / "LC_MESSAGES" / "messages.mo", "rb") as f:
        shipped = read_mo(f)
    assert _messages(shipped) == _messages(fresh), "run `make translations` to compile"


def _messages(catalog) -> dict:
    def frozen(value):
        return tuple(value) if isinstance(value, list | tuple) else value

    return {(m.context, frozen(m.id)): frozen(m.string) for m in catalog if m.id}
