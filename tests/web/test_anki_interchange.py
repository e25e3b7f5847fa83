"""A learner's deck downloaded from the web, read back by Anki's own library."""

from __future__ import annotations

import re

import genanki

from quizapp.models import Flashcard
from tests.builders.anki import into_anki


def test_a_learner_downloads_their_deck_with_progress(client, db, make_student, tmp_path, login):
    student = make_student()
    login(client, student)
    page = client.get("/cards").get_data(as_text=True)
    card_id = int(re.search(r'data-card="(\d+)"', page).group(1))
    assert (
        client.post("/cards/rate", data={"flashcard_id": card_id, "rating": "4"}).status_code == 302
    )
    key = db.session.get(Flashcard, card_id).key
    plain = into_anki(tmp_path, client.get("/cards/export.apkg").data, "plain")
    with_progress = into_anki(
        tmp_path, client.get("/cards/export.apkg?progress=1").data, "progress"
    )
    try:
        guid = genanki.guid_for("quizapp", key)
        for col, expected in ((plain, 0), (with_progress, 2)):
            cards = {
                col.get_note(nid).guid: col.get_note(nid).cards()[0] for nid in col.find_notes("")
            }
            assert cards[guid].type == expected
            assert sum(card.type == 2 for card in cards.values()) == (expected == 2)
        reviewed = cards[guid]
        assert reviewed.ivl >= 1 and reviewed.reps == 1 and reviewed.memory_state is not None
    finally:
        plain.close()
        with_progress.close()
