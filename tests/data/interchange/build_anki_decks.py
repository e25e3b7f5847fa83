"""Writes the corpus's Anki packages with Anki's own library (``anki``, a test dependency), as
Anki itself writes them: stock note types (Basic, Basic (and reversed card), Cloze), a deck with
a subdeck, tags, a note with a picture and a sound in the collection's media folder, and review
history made by answering cards through Anki's scheduler.

Run from the repository root:  .venv/bin/python -m tests.data.interchange.build_anki_decks

It writes ``apkg/anki_corpus.apkg`` (current Anki's format, ``collection.anki21b``) and
``apkg/anki_corpus_legacy.apkg`` (the older ``collection.anki2``) beside this file. The review
times are the clock's, so each run writes different bytes; the committed files are one run's,
and ``tests/services/test_real_interchange_files.py`` reads the counts from them with ``anki``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from anki.collection import Collection, ExportAnkiPackageOptions
from anki.import_export_pb2 import ExportLimit

from tests.builders.anki_decks import add_note
from tests.builders.media import mp3_bytes, png_bytes

HERE = Path(__file__).parent
DECK = "Corpus Geography"
SUBDECK = f"{DECK}::Capitals"


def fill(col: Collection) -> None:
    """Six notes, nine cards: what each test reads back is written here."""
    add_note(
        col, "Basic", SUBDECK, ["europe", "capitals"], Front="Capital of France?", Back="Paris"
    )
    add_note(
        col,
        "Basic (and reversed card)",
        DECK,
        ["german"],
        Front="der Fluss",
        Back="the river",
    )
    add_note(
        col,
        "Cloze",
        SUBDECK,
        ["oceania"],
        Text="{{c1::Canberra}} is the capital of {{c2::Australia::a country}}.",
        Back_Extra="Not Sydney, the largest city.",
    )
    add_note(
        col,
        "Cloze",
        DECK,
        [],
        Text="The {{c1::Danube}} flows through {{c1::Vienna}} into the {{c2::Black Sea}}.",
    )
    flag = col.media.write_data("flag-teal.png", png_bytes(8, 6))
    sound = col.media.write_data("greeting.mp3", mp3_bytes())
    add_note(
        col,
        "Basic",
        DECK,
        ["media"],
        Front=f'Which colour is this flag? <img src="{flag}" alt="A plain flag">',
        Back=f"Teal [sound:{sound}]",
    )
    add_note(col, "Basic", DECK, ["rivers"], Front="Longest river in Europe?", Back="Volga")
    # Review history the way Anki records it: cards shown and answered through the scheduler
    # (which studies the current deck and its subdecks).
    col.decks.select(col.decks.id(DECK))
    for ease in (3, 4, 1):
        card = col.sched.getCard()
        if card is None:
            raise RuntimeError("Anki's scheduler showed no card to answer")
        card.start_timer()
        col.sched.answerCard(card, ease)


def build(legacy: bool) -> Path:
    out = HERE / "apkg" / ("anki_corpus_legacy.apkg" if legacy else "anki_corpus.apkg")
    with tempfile.TemporaryDirectory() as folder:
        col = Collection(str(Path(folder) / "corpus.anki2"))
        try:
            fill(col)
            col.export_anki_package(
                out_path=str(out),
                options=ExportAnkiPackageOptions(
                    with_scheduling=True, with_media=True, legacy=legacy
                ),
                limit=ExportLimit(),
            )
        finally:
            col.close()
    return out


if __name__ == "__main__":
    for legacy in (False, True):
        path = build(legacy)
        print(f"{path.relative_to(HERE)}: {path.stat().st_size} bytes")
