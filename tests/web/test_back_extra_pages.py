"""A cloze card's Back Extra on the web: a learner sees it on the back, below the answer, once
the card is revealed; a teacher sees and edits it on the flashcard form, where too long a text
gets a 400 and a message and changes nothing; a copy keeps it."""

from __future__ import annotations

import sqlalchemy as sa
from markupsafe import escape

from quizapp.models import Claim, Flashcard
from tests.web.test_flashcards import _card_id

EXTRA = "Not Sydney, the largest city.\nThe capital since 1913."


def _seeded_cloze(db) -> Flashcard:
    return db.session.scalar(
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


def test_a_learner_sees_the_back_extra_below_the_answer_once_revealed(
    client, db, make_student, login
):
    student = make_student()
    student.new_cards_per_day = 1
    cloze = _seeded_cloze(db)
    cloze.back_extra = EXTRA  # seeded content outlives the test: put back below
    db.session.commit()
    try:
        login(client, student)
        client.post("/cards/rate", data={"flashcard_id": cloze.id, "rating": "1"})
        page = client.get("/cards?reveal=1").get_data(as_text=True)
        assert _card_id(page) == cloze.id
        answer = page.index(f'<mark class="cloze-answer">{escape(cloze.back)}</mark>')
        extra = page.index(f'<p class="fc-extra">{escape(EXTRA)}</p>')
        assert answer < extra < page.index('class="source"')
        # It is part of the back, hidden with it until the card is revealed.
        page = client.get("/cards").get_data(as_text=True)
        back = page.index('id="fc-back" hidden')
        assert back < page.index('class="fc-extra"')
    finally:
        cloze.back_extra = ""
        db.session.commit()


def _claim(db) -> Claim:
    return db.session.scalar(sa.select(Claim).where(Claim.key == "economic-cooperation-3"))


def _card(db, **change) -> dict:
    return {
        "claim_id": _claim(db).id,
        "kind": "cloze",
        "front": "The Power of _____ pipeline",
        "back": "Siberia",
        **change,
    }


def _teachers(db) -> list[Flashcard]:
    return list(db.session.scalars(sa.select(Flashcard).where(Flashcard.origin == "teacher")))


def test_a_teacher_writes_sees_edits_and_copies_the_back_extra(client, db, make_teacher, login):
    login(client, make_teacher())
    assert client.post("/teach/flashcards/new", data=_card(db, back_extra=EXTRA)).status_code == 302
    (card,) = _teachers(db)
    assert card.back_extra == EXTRA
    form = client.get(f"/teach/flashcards/{card.id}/edit").get_data(as_text=True)
    assert f"{escape(EXTRA)}</textarea>" in form
    # A request without the field (not the form's) leaves it as it is.
    edited = client.post(f"/teach/flashcards/{card.id}/edit", data=_card(db, back="Sibir"))
    assert edited.status_code == 302
    db.session.refresh(card)
    assert (card.back, card.back_extra) == ("Sibir", EXTRA)
    copied = client.post(f"/teach/flashcards/{card.id}/copy")
    assert copied.status_code == 302
    assert {c.back_extra for c in _teachers(db)} == {EXTRA}
    cleared = client.post(f"/teach/flashcards/{card.id}/edit", data=_card(db, back_extra=""))
    assert cleared.status_code == 302
    db.session.refresh(card)
    assert card.back_extra == ""


def test_too_long_a_back_extra_gets_400_and_changes_nothing(client, db, make_teacher, login):
    login(client, make_teacher())
    response = client.post("/teach/flashcards/new", data=_card(db, back_extra="x" * 2001))
    assert response.status_code == 400
    assert "Field cannot be longer than 2000 characters." in response.get_data(as_text=True)
    assert _teachers(db) == []
    client.post("/teach/flashcards/new", data=_card(db, back_extra="Kept."))
    (card,) = _teachers(db)
    bad = _card(db, back="Changed?", back_extra="x" * 2001)
    assert client.post(f"/teach/flashcards/{card.id}/edit", data=bad).status_code == 400
    db.session.refresh(card)
    assert (card.back, card.back_extra) == ("Siberia", "Kept.")


def test_offline_study_downloads_the_back_extra_new_and_due(client, db, make_student, login):
    student = make_student()
    student.new_cards_per_day = 3
    db.session.commit()
    login(client, student)
    first = client.get("/offline/cards").get_json()["cards"][0]
    card = db.session.get(Flashcard, first["id"])
    card.back_extra = EXTRA  # seeded content outlives the test: put back below
    db.session.commit()
    try:
        cards = client.get("/offline/cards").get_json()["cards"]
        assert {c["id"]: c["back_extra"] for c in cards}[card.id] == EXTRA
        assert {c["back_extra"] for c in cards if c["id"] != card.id} == {""}
        client.post("/cards/rate", data={"flashcard_id": card.id, "rating": "3"})
        cards = client.get("/offline/cards").get_json()["cards"]
        due = next(c for c in cards if c["id"] == card.id)
        assert due["seen"] != "new" and due["back_extra"] == EXTRA
    finally:
        card.back_extra = ""
        db.session.commit()
