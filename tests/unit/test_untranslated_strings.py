"""Every word a template shows goes through gettext: text between tags and the attributes a
person reads or hears (alt, title, placeholder, aria-label, a button's value) must come from
``{{ _('…') }}`` or ``{% trans %}``, never be typed in the HTML itself."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
READ_ATTRIBUTES = {"alt", "title", "placeholder", "aria-label", "aria-roledescription", "label"}
# Words that are the same in every language: the product's name.
NOT_TRANSLATED = {"quizapp"}
# Templates whose strings are still being wrapped; the list only shrinks.
PENDING: set[str] = set()

JINJA = re.compile(r"\{%-?\s*trans\b.*?endtrans\s*-?%\}|\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
LETTER = re.compile(r"[^\W\d_]", re.U)


class _ShownText(HTMLParser):
    """Collects text nodes and read-out attribute values outside <script> and <style>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        names = dict(attrs)
        for name, value in attrs:
            # An <input type=submit>'s value is its label; a <button>'s value is only sent
            # (its label is its content), like name="action" value="check".
            shown = name in READ_ATTRIBUTES or (
                name == "value"
                and tag == "input"
                and names.get("type") in ("submit", "button", "reset")
            )
            if shown and value:
                self._note(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._note(data)

    def _note(self, text: str) -> None:
        text = " ".join(text.split())
        if LETTER.search(text) and text not in NOT_TRANSLATED:
            self.found.append(text)


def untranslated(source: str) -> list[str]:
    """The shown strings of a template's source that do not pass through gettext."""
    parser = _ShownText()
    parser.feed(JINJA.sub(" ", source))
    parser.close()
    return parser.found


def _templates() -> list[str]:
    return sorted(str(p.relative_to(TEMPLATES)) for p in TEMPLATES.rglob("*.html"))


@pytest.mark.parametrize("name", _templates())
def test_every_shown_string_of_a_template_is_translatable(name):
    found = untranslated((TEMPLATES / name).read_text(encoding="utf-8"))
    if name in PENDING:
        pytest.skip("strings not yet wrapped")
    assert found == []


def test_the_pending_list_names_only_templates_that_still_need_it():
    done = [n for n in sorted(PENDING) if not untranslated((TEMPLATES / n).read_text("utf-8"))]
    assert done == []


def test_the_checker_finds_typed_text_and_accepts_wrapped_text():
    assert untranslated('<p>Hello</p><img alt="A map">') == ["Hello", "A map"]
    assert untranslated("<p>{{ _('Hello') }}</p><img alt=\"{{ _('A map') }}\">") == []
    assert untranslated("<p>{% trans n=3 %}{{ n }} cards{% endtrans %}</p>") == []
    assert untranslated("<script>const a = 'x';</script><p>· → 3</p>") == []
    assert untranslated('<input type="submit" value="Save">') == ["Save"]
    assert untranslated('<button type="submit" value="check">{{ _("Check") }}</button>') == []
