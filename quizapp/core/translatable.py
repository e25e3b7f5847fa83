"""Markers and carriers for text the core and the services write in English and the web layer
shows translated.

``N_("...")`` returns its text unchanged (the core stays free of Flask), and ``pybabel
extract`` (whose default keywords include ``N_``) puts it in the catalogues, so the page's
``gettext(message)`` finds its translation.

A :class:`Phrase` is a sentence with values in it ("Gap 2 of 3: …"), or a reason the core
gives for a decision ("it starts with an unresolved “%(word)s”", why a claim got no question):
a ``str`` that reads as the English sentence wherever plain text is wanted (exports, the API,
the English page, a bench listing), and keeps its template and values apart, so
``quizapp.i18n.worded`` can translate the template first and then put in the values
(themselves phrases, numbers in the reader's notation, or the user's own text, such as the
article's own words a reason quotes). Code that tells reasons apart compares ``.template``:
a phrase equals any text with the same English, whatever its template. :func:`counted_phrase`
is its plural form (its two forms marked with :func:`N_plural`); :class:`Joined` lists
phrases with a separator.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any


def N_(message: str) -> str:  # noqa: N802 - gettext's conventional name for the no-op marker
    """``message`` itself: only marks it for extraction."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802 - as N_
    """``(singular, plural)`` itself: marks a sentence and its plural for extraction as one
    entry with plural forms (``make translations`` passes ``-k N_plural:1,2``), for
    :func:`counted_phrase`."""
    return singular, plural


def english_value(value: object) -> object:
    """A value as the English sentence shows it: a float as people write it (0.5, 2, 1e-07)."""
    if isinstance(value, float):
        return format(value, ".15g")
    return value


class Phrase(str):
    """An English sentence (``template % params``) that remembers its template and values."""

    template: str
    params: dict[str, object]
    plural: str | None
    count: str | None

    def __new__(cls, template: str, /, **params: object) -> Phrase:
        return cls._made(template, None, None, params)

    @classmethod
    def _made(
        cls, template: str, plural: str | None, count: str | None, params: dict[str, object]
    ) -> Phrase:
        chosen = plural if plural is not None and count and params[count] != 1 else template
        values = {name: english_value(value) for name, value in params.items()}
        phrase = super().__new__(cls, chosen % values if params else chosen)
        phrase.template, phrase.plural, phrase.count, phrase.params = (
            template,
            plural,
            count,
            params,
        )
        return phrase


def counted_phrase(singular: str, plural: str, count: str, /, **params: object) -> Phrase:
    """A :class:`Phrase` whose wording follows the number ``params[count]`` (``ngettext``'s
    forms: the web layer picks the reader's language's plural form, Russian has three)."""
    return Phrase._made(singular, plural, count, params)


class Joined(str):
    """Phrases (or plain text) one after another with ``separator``, each worded on its own."""

    parts: tuple[object, ...]
    separator: str

    def __new__(cls, separator: str, parts: Iterable[object]) -> Joined:
        kept = tuple(parts)
        joined = super().__new__(cls, separator.join(str(english_value(p)) for p in kept))
        joined.parts, joined.separator = kept, separator
        return joined


def figure(value: float) -> Phrase:
    """A number alone ("3.14"), written with the reader's decimal mark. Its template is no
    sentence to translate, so it is not marked: gettext gives it back as it is."""
    return Phrase("%(value)s", value=value)


def either(options: Sequence[object]) -> object:
    """Options as "a or b or c", each worded on its own; one option is itself."""
    first, *rest = options
    if not rest:
        return first
    return Phrase(N_("%(answer)s or %(other)s"), answer=first, other=either(rest))


class Sentence(str):
    """A reason written as a fragment ("needs at least two choices", which an import report
    puts after a question's name) made a sentence of its own: its first letter capitalised
    and a full stop added, in English here and in the reader's language by the web layer."""

    fragment: object

    def __new__(cls, fragment: object) -> Sentence:
        text = str(fragment)
        shown = text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")
        sentence = super().__new__(cls, shown)
        sentence.fragment = fragment
        return sentence


def problem_of(template: str, params: dict[str, object]) -> str:
    """A refusal's sentence with its values as one :class:`Phrase` (its template when it has
    none), for a caller that shows it later rather than raising it."""
    return Phrase(template, **params) if params else template


def as_data(value: object) -> Any:
    """A phrase (or a :class:`Joined`) as JSON-able data that :func:`from_data` turns back into
    one worded the same, for a sentence that travels or is stored before it is shown (a live
    game's event, an offline note's record); anything else as it is."""
    if isinstance(value, Joined):
        return {"joined": value.separator, "parts": [as_data(part) for part in value.parts]}
    if isinstance(value, Phrase):
        params = {name: as_data(v) for name, v in value.params.items()}
        return {"phrase": value.template, "plural": value.plural, "count": value.count} | {
            "params": params
        }
    return value


def from_data(data: Any) -> object:
    """:func:`as_data`'s inverse; other data as it is."""
    if not isinstance(data, dict):
        return data
    if "joined" in data:
        return Joined(data["joined"], [from_data(part) for part in data["parts"]])
    if "phrase" in data:
        params = {name: from_data(v) for name, v in data["params"].items()}
        return Phrase._made(data["phrase"], data["plural"], data["count"], params)
    return data
