"""Flashcards as an Anki deck (.apkg) with genanki, each note carrying its source quote.

Ids are derived from stable keys, so importing a newer export updates the same notes in Anki
instead of duplicating them.
"""

from __future__ import annotations

import hashlib
import html
import io
from collections.abc import Iterable
from dataclasses import dataclass

import genanki

CARD_CSS = """.card { font-family: system-ui, sans-serif; font-size: 20px; text-align: left; }
.source { font-size: 15px; color: #4a5360; border-left: 3px solid #0b5cad; padding-left: 8px; }"""


@dataclass(frozen=True)
class ExportCard:
    key: str
    front: str
    back: str
    quote: str
    topic: str


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


def anki_package(deck_name: str, cards: Iterable[ExportCard]) -> bytes:
    """The .apkg file for ``cards`` in one deck named ``deck_name``."""
    model = _model()
    deck = genanki.Deck(stable_id("quizapp-deck:" + deck_name), deck_name)
    for card in cards:
        fields = [html.escape(card.front), html.escape(card.back),
                  html.escape(f"“{card.quote}”"), html.escape(card.topic)]  # fmt: skip
        deck.add_note(
            genanki.Note(
                model=model,
                fields=fields,
                guid=genanki.guid_for("quizapp", card.key),
                tags=[_tag(card.topic)],
            )  # fmt: skip
        )
    buffer = io.BytesIO()
    genanki.Package(deck).write_to_file(buffer)
    return buffer.getvalue()
