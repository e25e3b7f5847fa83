"""One Anki card (a note rendered through one of its type's templates) as one of the app's
cards: what its front and back show, as text, and every part of it that could not come along.

Anki makes a card per template of a note (Basic-and-reversed: two) and per cloze number (c1,
c2…: one each); the package's ``cards`` table lists the cards Anki made, so each row becomes
one card here. A template's question side names the fields on the front; the answer side's
other fields make the back. The source and topic fields this app writes on export are read as
the card's source quote and topic, not shown on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from quizapp.core.interchange import anki_cloze
from quizapp.core.interchange.anki_schema import NoteType
from quizapp.core.interchange.cloze import ANSWERS_JOINED
from quizapp.core.interchange.html_text import enclosed_spans, html_to_text
from quizapp.core.translatable import N_, Phrase
from quizapp.core.vocabulary import CardKind

_TAG = ("{{", "}}")
_SOUND = ("[sound:", "]")
_SECTION = ("#", "^", "/")
_SILENT_FILTERS = ("tts",)  # read aloud by Anki, never shown
_OWN_METADATA = ("source", "topic")  # fields this app's exports add (core.anki_export)
_OWN_PARAGRAPHS = ('<p class="source">', '<p class="source topic">')
_MEDIA_TAGS = {"img": "picture", "audio": "sound", "video": "video", "source": "media"}
_ON_SIDE = {"front": Phrase(N_("on the front")), "back": Phrase(N_("on the back"))}
# How the report names a file a card shows but does not keep, by what it is.
_FILE_NAMED = {
    "picture": N_("its picture %(name)s"),
    "sound": N_("its sound %(name)s"),
    "video": N_("its video %(name)s"),
    "media": N_("its media %(name)s"),
}


@dataclass
class RenderedCard:
    kind: str
    front: str
    back: str
    quote: str | None = None
    topic: str | None = None
    changes: list[str] = field(default_factory=list)  # what did not come along, and why
    # A cloze note's Back Extra (and any other field its answer side shows), as text: shown
    # below the answer, as Anki shows it.
    back_extra: str = ""
    # The package's files each side shows: (file name, alt text, "front" or "back").
    media: list[tuple[str, str, str]] = field(default_factory=list)

    def has_media(self, side: str) -> bool:
        return any(place == side for _name, _alt, place in self.media)


@dataclass(frozen=True)
class ShownFile:
    """A file a field shows: what it is ("picture", "sound"…), its name, its alt text."""

    what: str
    name: str
    alt: str = ""

    def __str__(self) -> str:
        return f"{self.what} {self.name}"


class _Media(HTMLParser):
    """The media a field's HTML shows (pictures, sound, video)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[ShownFile] = []

    def handle_starttag(self, tag, attrs) -> None:
        values = dict(attrs)
        source = values.get("src")
        if tag in _MEDIA_TAGS and source:
            self.found.append(ShownFile(_MEDIA_TAGS[tag], source, values.get("alt") or ""))


def _without_sounds(markup: str) -> tuple[str, list[ShownFile]]:
    """The HTML without Anki's ``[sound:file]`` references, and those references."""
    sounds, kept, position = [], [], 0
    for start, inner, end, after in enclosed_spans(markup, *_SOUND):
        sounds.append(ShownFile("sound", markup[inner:end]))
        kept.append(markup[position:start])
        position = after
    return "".join(kept) + markup[position:], sounds


def side_text(markup: str) -> tuple[str, list[ShownFile]]:
    """The words of a field's HTML, and the media it shows."""
    markup, media = _without_sounds(markup)
    if "<" in markup:
        parser = _Media()
        parser.feed(markup)
        parser.close()
        media = parser.found + media
    return html_to_text(markup), media


def _keep(card: RenderedCard, media: list[ShownFile], side: str, where: Phrase) -> None:
    """Pictures and sound come along (their bytes are looked up in the package later); a
    video or a file of another site does not, and the report says so."""
    for shown in media:
        local = "/" not in shown.name and ":" not in shown.name
        if shown.what in ("picture", "sound") and local:
            card.media.append((shown.name, shown.alt, side))
        else:
            # "its picture x.png on the front is not kept" in English.
            named = Phrase(_FILE_NAMED.get(shown.what, "its %(name)s"), name=shown.name)
            card.changes.append(
                Phrase(N_("%(file)s %(where)s is not kept"), file=named, where=where)
            )


def template_fields(template: str) -> list[tuple[str, str]]:
    """(filters, field name) of each field the template shows, in order; conditional
    sections and ``{{FrontSide}}`` are not fields."""
    refs = []
    for _start, inner, end, _after in enclosed_spans(template, *_TAG):
        tag = template[inner:end].strip()
        if not tag or tag.startswith(_SECTION) or tag == "FrontSide":
            continue
        filters, _, name = tag.rpartition(":")
        refs.append((filters.strip().casefold(), name.strip()))
    return refs


def _shown(refs: list[tuple[str, str]], exclude: set[str]) -> list[str]:
    names: list[str] = []
    for filters, name in refs:
        silent = any(f in filters for f in _SILENT_FILTERS)
        if not silent and name.casefold() not in exclude and name not in names:
            names.append(name)
    return names


def _joined(names: list[str], fields: dict[str, str], side: str, card: RenderedCard) -> str:
    texts = []
    for name in names:
        text, media = side_text(fields.get(name.casefold(), ""))
        texts.append(text)
        _keep(card, media, side, _ON_SIDE[side])
    return "\n".join(t for t in texts if t)


def _quote(text: str) -> str | None:
    text = text.strip().strip('“”"').strip()
    return text or None


def _basic(fields: dict[str, str], qfmt: str, afmt: str) -> RenderedCard:
    card = RenderedCard(CardKind.BASIC, "", "")
    question = template_fields(qfmt)
    # A typed answer's box and a hint's link show nothing of their field until answered or
    # clicked: their field belongs to the back.
    hidden = [r for r in question if "type" in r[0] or "hint" in r[0]]
    front = _shown([r for r in question if r not in hidden], set(_OWN_METADATA))
    back = _shown(template_fields(afmt), {*_OWN_METADATA, *(n.casefold() for n in front)})
    card.front = _joined(front, fields, "front", card)
    card.back = _joined(back, fields, "back", card)
    card.quote = _quote(html_to_text(fields.get("source", "")))
    card.topic = html_to_text(fields.get("topic", "")) or None
    return card


def _extra(markup: str) -> tuple[str, str | None]:
    """Back Extra without the source paragraphs this app's exports write, and the quote."""
    quote = None
    for opener in _OWN_PARAGRAPHS:
        spans = enclosed_spans(markup, opener, "</p>")
        if spans and opener == _OWN_PARAGRAPHS[0]:
            quote = _quote(html_to_text(markup[spans[0][1] : spans[0][2]]))
        for start, _inner, _end, after in reversed(spans):
            markup = markup[:start] + markup[after:]
    return markup, quote


def _cloze(fields: dict[str, str], text_field: str, extras: list[str], number: int) -> RenderedCard:
    card = RenderedCard(CardKind.CLOZE, "", "")
    side = anki_cloze.card_for(anki_cloze.parse(fields.get(text_field.casefold(), "")), number)
    card.front = _joined(["front"], {"front": side.front}, "front", card)
    answers = []
    for answer in side.answers:
        text, media = side_text(answer)
        answers.append(text)
        _keep(card, media, "back", Phrase(N_("in the answer")))
    card.back = ANSWERS_JOINED.join(a for a in answers if a)
    if len(answers) > 1:
        card.changes.append(
            Phrase(
                N_("c%(number)s blanks %(places)s places; the back shows their answers in order"),
                number=number,
                places=len(answers),
            )
        )
    texts = []
    for name in extras:
        markup, quote = _extra(fields.get(name.casefold(), ""))
        card.quote = card.quote or quote
        text, media = side_text(markup)
        texts.append(text)
        _keep(card, media, "back", Phrase(N_("in %(field)s"), field=name))
    card.back_extra = "\n".join(text for text in texts if text)
    return card


def render_card(kind: NoteType, fields: dict[str, str], ordinal: int) -> RenderedCard | None:
    """The card Anki makes of a note (``fields`` by casefolded name) with template (or, for
    a cloze type, deletion number minus one) ``ordinal``; None when the type has no such
    template."""
    template = kind.templates.get(0 if kind.is_cloze else ordinal)
    if template is None:
        return None
    qfmt, afmt = template
    if not kind.is_cloze:
        return _basic(fields, qfmt, afmt)
    cloze_fields = [name for filters, name in template_fields(qfmt) if "cloze" in filters]
    if not cloze_fields:
        return None
    extras = _shown(template_fields(afmt), {cloze_fields[0].casefold(), "topic"})
    return _cloze(fields, cloze_fields[0], extras, ordinal + 1)
