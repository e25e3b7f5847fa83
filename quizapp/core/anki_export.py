"""Flashcards as an Anki deck (.apkg) with genanki, each note carrying its source quote.

Basic cards become notes of a basic model with Source and Topic fields; cloze cards become real
Anki Cloze notes (genanki's cloze model, ``{{c1::answer}}`` in the text) with the source and
topic in "Back Extra". Ids are derived from stable keys, so importing a newer export updates the
same notes in Anki instead of duplicating them. A learner's scheduling may come along: those
cards arrive in Anki as review cards with their interval, due day and FSRS memory state.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

import genanki

from quizapp.core.interchange.cloze import to_anki_cloze
from quizapp.core.vocabulary import CardKind

CARD_CSS = """.card { font-family: system-ui, sans-serif; font-size: 20px; text-align: left; }
.source { font-size: 15px; color: #4a5360; border-left: 3px solid #0b5cad; padding-left: 8px; }"""
ANKI_DEFAULT_EASE = 2500  # permille; Anki's default for a card it has not seen lapse


@dataclass(frozen=True)
class ExportCard:
    key: str
    front: str
    back: str
    quote: str
    topic: str
    kind: str = CardKind.BASIC


@dataclass(frozen=True)
class CardSchedule:
    """A learner's memory of one card, as Anki keeps it for a review card."""

    due: datetime
    interval_days: int
    stability: float | None
    difficulty: float | None
    reps: int = 0
    lapses: int = 0


def stable_id(text: str) -> int:
    """A 31-bit id from ``text`` (Anki model and deck ids are integers)."""
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16) >> 1


def _model() -> genanki.Model:
    return genanki.Model(
        stable_id("quizapp-basic-with-source"),
        "quizapp: basic with source",
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Source"}, {"name": "Topic"}],
        templates=[
            {
                "name": "Card 1",
                "qfmt": "{{Front}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Back}}'
                '<p class="source">{{Source}}</p><p class="source">{{Topic}}</p>',
            }
        ],
        css=CARD_CSS,
    )


def _tag(topic: str) -> str:
    return "quizapp::" + "_".join(topic.split())


def source_html(quote: str, topic: str) -> str:
    """The source quote and topic as Back Extra shows them (and ``anki_import`` reads them)."""
    return (
        f'<p class="source">{html.escape(f"“{quote}”")}</p>'
        f'<p class="source topic">{html.escape(topic)}</p>'
    )


def _note(card: ExportCard, basic: genanki.Model) -> genanki.Note:
    guid = genanki.guid_for("quizapp", card.key)
    if card.kind == CardKind.CLOZE:
        text = to_anki_cloze(html.escape(card.front), html.escape(card.back))
        return genanki.Note(
            model=genanki.CLOZE_MODEL,
            fields=[text, source_html(card.quote, card.topic)],
            guid=guid,
            tags=[_tag(card.topic)],
        )
    fields = [
        html.escape(card.front),
        html.escape(card.back),
        html.escape(f"“{card.quote}”"),
        html.escape(card.topic),
    ]
    return genanki.Note(model=basic, fields=fields, guid=guid, tags=[_tag(card.topic)])


class _ScheduledPackage(genanki.Package):
    """genanki writes every card as new; this sets the learner's review state afterwards."""

    def __init__(self, deck: genanki.Deck, schedules: Mapping[str, CardSchedule]) -> None:
        super().__init__(deck)
        self.schedules = schedules  # by note guid

    def write_to_db(self, cursor, timestamp: float, id_gen) -> None:
        super().write_to_db(cursor, timestamp, id_gen)
        created = date.fromtimestamp(cursor.execute("SELECT crt FROM col").fetchone()[0])
        for guid, plan in self.schedules.items():
            memory = {
                k: round(v, 4)
                for k, v in (("s", plan.stability), ("d", plan.difficulty))
                if v is not None
            }
            cursor.execute(
                "UPDATE cards SET type = 2, queue = 2, due = ?, ivl = ?, factor = ?, reps = ?,"
                " lapses = ?, data = ? WHERE nid = (SELECT id FROM notes WHERE guid = ?)",
                (
                    (plan.due.date() - created).days,
                    max(1, plan.interval_days),
                    ANKI_DEFAULT_EASE,
                    plan.reps,
                    plan.lapses,
                    json.dumps(memory),
                    guid,
                ),
            )


def anki_package(
    deck_name: str, cards: Iterable[ExportCard], schedules: Mapping[str, CardSchedule] | None = None
) -> bytes:
    """The .apkg file for ``cards`` in one deck named ``deck_name``; ``schedules`` (by card
    key) makes those cards review cards with the learner's progress."""
    model = _model()
    deck = genanki.Deck(stable_id("quizapp-deck:" + deck_name), deck_name)
    for card in cards:
        deck.add_note(_note(card, model))
    by_guid = {genanki.guid_for("quizapp", key): plan for key, plan in (schedules or {}).items()}
    buffer = io.BytesIO()
    _ScheduledPackage(deck, by_guid).write_to_file(buffer)
    return buffer.getvalue()
