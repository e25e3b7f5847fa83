"""The flashcard screen as a learner meets it: cloze filled in, undo only after a rating and
away from the rating buttons, a card rated Again counted as coming back."""

from __future__ import annotations

import re

import sqlalchemy as sa
from markupsafe import escape

from quizapp.models import Flashcard
from tests.web.test_flashcards import _card_id


def test_a_cloze_answer_fills_the_blank_on_reveal(client, db, make_student, login):
    student = make_student()
    student.new_cards_per_day = 1
    db.session.commit()
    login(client, student)
    cloze = db.session.scalar(
        sa.select(Flashcard)
        .where(
            Flashcard.kind == "cloze",
            Flashcard.front.contains("_____"),
            ~Flashcard.retired,
            Flashcard.origin != "teacher",
        )
        .order_by(Flashcard.id)
        .limit(1)
    )
    assert cloze is not None, "the seed deck has a cloze card"
    # Rated Again as today's one new card, it is the card shown next (Anki's learn-ahead).
    client.post("/cards/rate", data={"flashcard_id": cloze.id, "rating": "1"})
    page = client.get("/cards?reveal=1").get_data(as_text=True)
    assert _card_id(page) == cloze.id
    before, after = (escape(part) for part in cloze.front.split("_____", 1))
    assert f'{before}<mark class="cloze-answer">{escape(cloze.back)}</mark>{after}' in page
    assert re.search(r'id="fc-front" hidden', page)


def test_undo_shows_only_after_a_rating(client, db, make_student, login):
    login(client, make_student())
    first = client.get("/cards").get_data(as_text=True)
    assert 'id="undo-form"' not in first
    response = client.post("/cards/rate", data={"flashcard_id": _card_id(first), "rating": "3"})
    assert "undo=1" in response.location
    after = client.get(response.location).get_data(as_text=True)
    assert 'id="undo-form"' in after
    # Far from the ratings: the undo form comes after the rating form has closed.
    assert after.index('id="undo-form"') > after.index("</form>", after.index('id="rate-form"'))
    undone = client.post("/cards/undo", follow_redirects=True).get_data(as_text=True)
    assert 'id="undo-form"' not in undone


def test_the_undo_message_ends_on_a_whole_word(client, db, make_student, login):
    login(client, make_student())
    card_id = _card_id(client.get("/cards").get_data(as_text=True))
    client.post("/cards/rate", data={"flashcard_id": card_id, "rating": "3"})
    page = client.post("/cards/undo", follow_redirects=True).get_data(as_text=True)
    message = re.search(r"Undid your last rating \(“(.*?)”\)", page).group(1)
    front = db.session.get(Flashcard, card_id).front
    words = message.removesuffix("…").split()
    assert front.replace("&", "&amp;").split()[: len(words)] == words


def test_a_card_rated_again_is_counted_and_comes_back(client, db, make_student, login):
    student = make_student()
    student.new_cards_per_day = 1
    db.session.commit()
    login(client, student)
    card_id = _card_id(client.get("/cards").get_data(as_text=True))
    client.post("/cards/rate", data={"flashcard_id": card_id, "rating": "1"})
    page = client.get("/cards").get_data(as_text=True)
    assert "1 coming back in a few minutes" in page
    # No new card is left today, so the failed card is shown again at once, as Anki does.
    assert _card_id(page) == card_id
