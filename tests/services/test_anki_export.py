"""The deck the service exports, read back by Anki itself."""

from __future__ import annotations

import sqlalchemy as sa
from anki.collection import (
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)

from quizapp.models import Flashcard
from quizapp.services.deck_exchange import export_deck
from tests.builders.anki import anki_notes, into_anki
from tests.conftest import SEED_SLUG


def test_anki_reads_our_deck_with_cloze_notes_and_sources(db, tmp_path):
    seeded = db.session.scalars(sa.select(Flashcard).where(~Flashcard.retired)).all()
    cloze = sum(card.kind == "cloze" for card in seeded)
    assert cloze > 0 and len(seeded) > cloze
    data = export_deck(db.session, SEED_SLUG, "apkg")
    col = into_anki(tmp_path, data)
    try:
        notes = anki_notes(col)
        assert len(notes) == len(seeded)
        kinds = [note.note_type()["name"] for note in notes]
        cloze_notes = [n for n in notes if n.note_type()["type"] == 1]
        assert len(cloze_notes) == cloze, kinds
        assert all("{{c1::" in n["Text"] and "_____" not in n["Text"] for n in cloze_notes)
        assert all('class="source"' in n["Back Extra"] for n in cloze_notes)
        basic = [n for n in notes if n.note_type()["type"] == 0]
        assert all(n["Source"].startswith("“") and n["Topic"] for n in basic)
        assert all(any(t.startswith("quizapp::") for t in n.tags) for n in notes)
        # Importing the same export again updates the notes rather than duplicating them.
        package = tmp_path / "again.apkg"
        package.write_bytes(data)
        col.import_anki_package(
            ImportAnkiPackageRequest(
                package_path=str(package), options=ImportAnkiPackageOptions(with_scheduling=True)
            )
        )
        assert len(col.find_notes("")) == len(seeded)
    finally:
        col.close()
