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
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import genanki

from quizapp.core.interchange.cloze import to_anki_cloze
from quizapp.core.interchange.html_text import text_to_html
from quizapp.core.item_tags import TOPIC_TAG_PREFIX
from quizapp.core.media_files import EXTENSIONS
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
    # Its pictures and sound: (media entry with "sha256", "type", "alt", "place"; bytes).
    files: tuple[tuple[dict[str, Any], bytes], ...] = ()
    # Its tags (``core.item_tags``: one word each), written on its note after the topic's.
    tags: tuple[str, ...] = ()
    # A cloze card's Back Extra (text), written into its note's Back Extra field above the
    # source.
    back_extra: str = ""


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


def _tags(card: ExportCard) -> list[str]:
    """The note's tags: its topic's (which ``anki_import`` reads back as the topic), then the
    card's own."""
    return [TOPIC_TAG_PREFIX + "_".join(card.topic.split()), *card.tags]


def source_html(quote: str, topic: str) -> str:
    """The source quote and topic as Back Extra shows them (and ``anki_import`` reads them)."""
    return (
        f'<p class="source">{html.escape(f"“{quote}”")}</p>'
        f'<p class="source topic">{html.escape(topic)}</p>'
    )


def media_name(entry: Mapping[str, Any]) -> str:
    """The file's name in the package: its hash and type, so two cards share one file."""
    return f"{entry['sha256'][:16]}.{EXTENSIONS.get(entry['type'], 'bin')}"


def _shown(card: ExportCard, place: str) -> str:
    """The side's files as Anki shows them: ``<img src alt>`` or ``[sound:name]``."""
    shown = []
    for entry, _data in card.files:
        if entry.get("place") != place:
            continue
        name = html.escape(media_name(entry))
        if entry["type"].startswith("image/"):
            shown.append(f'<img src="{name}" alt="{html.escape(entry.get("alt", ""))}">')
        else:
            shown.append(f"[sound:{name}]")
    return "".join(shown)


def _with_media(text: str, files: str) -> str:
    return f"{text}<br>{files}" if text and files else text or files


def _note(card: ExportCard, basic: genanki.Model) -> genanki.Note:
    guid = genanki.guid_for("quizapp", card.key)
    front = _with_media(html.escape(card.front), _shown(card, "front"))
    if card.kind == CardKind.CLOZE:
        text = to_anki_cloze(front, html.escape(card.back))
        own = _with_media(text_to_html(card.back_extra), _shown(card, "back"))
        extra = _with_media(own, source_html(card.quote, card.topic))
        return genanki.Note(
            model=genanki.CLOZE_MODEL,
            fields=[text, extra],
            guid=guid,
            tags=_tags(card),
        )
    fields = [
        front,
        _with_media(html.escape(card.back), _shown(card, "back")),
        html.escape(f"“{card.quote}”"),
        html.escape(card.topic),
    ]
    return genanki.Note(model=basic, fields=fields, guid=guid, tags=_tags(card))


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
    files: dict[str, bytes] = {}
    for card in cards:
        deck.add_note(_note(card, model))
        files.update((media_name(entry), data) for entry, data in card.files)
    by_guid = {genanki.guid_for("quizapp", key): plan for key, plan in (schedules or {}).items()}
    buffer = io.BytesIO()
    # genanki packs media from paths: the files are written to a folder of their own first.
    with tempfile.TemporaryDirectory(prefix="quizapp-media-") as folder:
        package = _ScheduledPackage(deck, by_guid)
        for name, data in files.items():
            (Path(folder) / name).write_bytes(data)
            package.media_files.append(str(Path(folder) / name))
        package.write_to_file(buffer)
    return buffer.getvalue()
