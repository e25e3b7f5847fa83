"""Cards out of an Anki package (.apkg, either format): every card Anki made, with its deck,
tags and review history, and every part that did not come along.

Each row of the package's ``cards`` table becomes one card (``anki_cards``): both directions of
a Basic-and-reversed note, one card per cloze number. A card whose note type has no template
for it, or whose sides are empty or too long, is skipped with the reason. Subdecks become
topics; a note's tags go onto each of its cards (``core.item_tags``), but for the app's own
``quizapp::`` tag, which names the card's topic; the review log
(``revlog``) is kept per card, in time order, for an import "with my progress".
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from quizapp.core.import_limits import MAX_COLLECTION_SECONDS, MAX_NOTE_FIELD
from quizapp.core.interchange.anki_cards import RenderedCard, render_card
from quizapp.core.interchange.anki_collection import (
    NOT_A_PACKAGE,
    NOT_TABLES,
    TOO_SLOW,
    CollectionRows,
    Deadline,
    read_collection,
)
from quizapp.core.interchange.anki_media import package_media
from quizapp.core.interchange.flashcard_csv import MAX_CARD_ROWS, MAX_SIDE
from quizapp.core.interchange.media_refs import ImportedFile
from quizapp.core.interchange.records import (
    NO_FRONT_OR_BACK,
    Skipped,
    none_importable,
    side_too_long,
)
from quizapp.core.item_tags import TOPIC_TAG_PREFIX, normalise_tags
from quizapp.core.translatable import N_, Phrase

__all__ = [
    "NOT_A_PACKAGE",
    "NOT_TABLES",
    "TOO_SLOW",
    "AnkiCard",
    "AnkiDeck",
    "anki_key",
    "read_apkg",
]

_DEFAULT_DECK = "Default"
TOPIC_SEPARATOR = " › "
RATED = range(1, 5)  # revlog ease: 1 Again … 4 Easy; 0 is a manual reschedule, not a rating


def anki_key(guid: str, ordinal: int) -> str:
    """The key of the card made of a note's (``guid``) card ``ordinal``: a second import finds
    it by it. A note's guid, not the card's id, is what Anki itself matches notes by: decks
    built by scripts (genanki) get new card ids at every build, but keep their guids."""
    digest = hashlib.sha256(guid.encode("utf-8", "replace")).hexdigest()[:20]
    return f"anki-{digest}-{ordinal}"


@dataclass(frozen=True)
class AnkiReview:
    """One rating from Anki's review log."""

    revlog_id: int  # when it was made, in epoch milliseconds (Anki's id is the time)
    ease: int  # 1-4
    duration_ms: int


@dataclass
class AnkiCard:
    anki_id: int
    key: str  # ``anki_key``: the same card of the same note in every import
    name: str  # as the import report names it
    card: RenderedCard
    deck: str
    tags: list[str]  # the note's, normalised, but for a topic tag
    scheduled: bool  # Anki has it as other than new
    topic: str | None = None
    files: list[ImportedFile] = field(default_factory=list)  # its pictures and sound


@dataclass
class AnkiDeck:
    cards: list[AnkiCard] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    reviews: dict[int, list[AnkiReview]] = field(default_factory=dict)  # by Anki card id
    unrated: Counter[int] = field(default_factory=Counter)  # manual reschedules per card
    title: str | None = None  # the top deck's name, when every card sits under one


def _fields(names: list[str], flds: str) -> dict[str, str] | None:
    raw = flds.split("\x1f")
    if any(len(value) > MAX_NOTE_FIELD for value in raw):
        return None
    return {name.casefold(): value for name, value in zip(names, raw, strict=False)}


def _tag_topic(tags: list[str]) -> str | None:
    for tag in tags:
        if tag.startswith(TOPIC_TAG_PREFIX) and len(tag) > len(TOPIC_TAG_PREFIX):
            return tag[len(TOPIC_TAG_PREFIX) :].replace("_", " ")
    return None


def _is_topic_tag(tag: str) -> bool:
    return tag.casefold().startswith(TOPIC_TAG_PREFIX)


def _card_tags(tag_list: list[str], card: RenderedCard) -> list[str]:
    """The note's tags as the card keeps them; what normalising changed (a tag too long, too
    many) is one of the card's changes."""
    kept = normalise_tags(t for t in tag_list if not _is_topic_tag(t))
    card.changes.extend(kept.changes)
    return kept.tags


def _problem(card: RenderedCard) -> str | None:
    # A side may be a picture or a sound alone (its file is checked when it is stored).
    if (not card.front and not card.has_media("front")) or (
        not card.back and not card.has_media("back")
    ):
        return NO_FRONT_OR_BACK
    if max(len(card.front), len(card.back), len(card.back_extra)) > MAX_SIDE:
        return side_too_long(MAX_SIDE)
    return None


def _one_card(rows: CollectionRows, row: tuple) -> AnkiCard | Skipped:
    card_id, note_id, deck_id, ordinal, card_type = row
    mid, tags, flds, guid = rows.notes.get(note_id, (None, "", "", str(note_id)))
    kind = rows.types.get(mid) if isinstance(mid, int) else None
    type_name = kind.name if kind else Phrase(N_("unknown type"))
    label = (
        f"c{ordinal + 1}"
        if kind and kind.is_cloze
        else Phrase(N_("card %(number)s"), number=ordinal + 1)
    )
    name = Phrase(
        N_("note %(note)s (%(type)s), %(card)s"), note=note_id, type=type_name, card=label
    )
    fields = _fields(kind.fields, flds) if kind else None
    if kind is None:
        return Skipped(name, Phrase(N_("its note type is missing from the package")))
    if fields is None:
        return Skipped(
            name, Phrase(N_("a field has more than %(limit)s characters"), limit=MAX_NOTE_FIELD)
        )
    rendered = render_card(kind, fields, ordinal)
    if rendered is None:
        return Skipped(name, Phrase(N_("its note type has no template for this card")))
    problem = _problem(rendered)
    if problem:
        return Skipped(name, problem)
    tag_list = tags.split()
    rendered.topic = rendered.topic or _tag_topic(tag_list)
    deck = rows.decks.get(deck_id, _DEFAULT_DECK)
    key = anki_key(guid, ordinal)
    tags = _card_tags(tag_list, rendered)
    return AnkiCard(card_id, key, name, rendered, deck, tags, card_type != 0)


def _place_in_topics(deck: AnkiDeck) -> None:
    """Subdecks as topics: the path below a top deck every card shares (whose name is then
    the deck's title), the whole path otherwise; a topic the card names itself wins."""
    roots = {c.deck.split("::")[0] for c in deck.cards}
    root = roots.pop() if len(roots) == 1 else None
    if root and root != _DEFAULT_DECK:
        deck.title = root
    for anki in deck.cards:
        levels = anki.deck.split("::")
        below = levels[1:] if root and len(levels) > 1 else levels
        path = TOPIC_SEPARATOR.join(below)
        anki.topic = anki.card.topic or (None if path == _DEFAULT_DECK else path)


def _history(deck: AnkiDeck, rows: CollectionRows) -> None:
    kept = {c.anki_id for c in deck.cards}
    for revlog_id, card_id, ease, duration, _kind in rows.reviews:
        if card_id not in kept:
            continue
        if ease in RATED:
            review = AnkiReview(int(revlog_id), int(ease), int(duration or 0))
            deck.reviews.setdefault(card_id, []).append(review)
        else:
            deck.unrated[card_id] += 1


def read_apkg(data: bytes) -> AnkiDeck:
    """Every card of the package that the app can take, the others in ``skipped`` with the
    reason. Raises InterchangeError for a package that cannot be read, that holds no card the
    app can take, or that is over one of the limits in ``core.import_limits``."""
    deadline = Deadline(MAX_COLLECTION_SECONDS)
    rows = read_collection(data, MAX_CARD_ROWS, deadline)
    deck = AnkiDeck()
    for row in rows.cards:
        deadline.check()
        made = _one_card(rows, row)
        if isinstance(made, Skipped):
            deck.skipped.append(made)
            continue
        deck.cards.append(made)
    if not deck.cards:
        raise none_importable(
            N_("The package holds no card that can be imported."),
            N_("The package holds no card that can be imported (%(reasons)s)."),
            deck.skipped[:3],
        )
    _place_in_topics(deck)
    _history(deck, rows)
    _attach_files(deck, data)
    return deck


def _attach_files(deck: AnkiDeck, data: bytes) -> None:
    """Each card's pictures and sound, from the package's media; a file the package does not
    carry is reported on the card."""
    wanted = {name for anki in deck.cards for name, _alt, _side in anki.card.media}
    carried = package_media(data, wanted)
    for anki in deck.cards:
        missing: dict[str, list[str]] = {}
        for name, alt, side in anki.card.media:
            if name in carried:
                anki.files.append(ImportedFile(name, carried[name], alt, side))
            else:
                anki.card.changes.append(
                    Phrase(N_("its file %(name)s is not in the package"), name=name)
                )
                missing.setdefault(side, []).append(name)
        # A side that was only files the package lacks still says what it showed.
        for side, names in missing.items():
            if not getattr(anki.card, side) and not any(f.place == side for f in anki.files):
                setattr(anki.card, side, "(" + ", ".join(names) + ")")
