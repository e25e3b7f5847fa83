"""Flashcards with FSRS: the queue, ratings and their log, intervals, undo, the daily limit."""

from __future__ import annotations

import re

import sqlalchemy as sa

from quizapp.models import CardState, Claim, Flashcard, ReviewLog, Topic


def _card_id(page: str) -> int:
    return int(re.search(r'data-card="(\d+)"', page).group(1))


def test_rating_schedules_the_card_and_logs_the_review(client, db, make_student, login):
    student = make_student()
    login(client, student)
    page = client.get("/cards").get_data(as_text=True)
    card_id = _card_id(page)
    assert re.search(r'rate-label">Again</span> <span class="rate-interval">1m', page)
    assert re.search(r'rate-label">Good</span> <span class="rate-interval">10m', page)
    response = client.post(
        "/cards/rate", data={"flashcard_id": card_id, "rating": "3", "duration_ms": "4200"}
    )
    assert response.status_code == 302
    log = db.session.scalar(sa.select(ReviewLog).filter_by(user_id=student.id))
    assert (log.flashcard_id, log.rating, log.duration_ms) == (card_id, 3, 4200)
    assert log.state_before is None and log.state_after["step"] == 1
    state = db.session.scalar(sa.select(CardState).filter_by(user_id=student.id))
    assert state.flashcard_id == card_id and state.state == 1


def test_undo_restores_the_card_and_removes_the_log(client, db, make_student, login):
    student = make_student()
    login(client, student)
    card_id = _card_id(client.get("/cards").get_data(as_text=True))
    client.post("/cards/rate", data={"flashcard_id": card_id, "rating": "3"})
    client.post("/cards/rate", data={"flashcard_id": card_id, "rating": "4"})
    state = db.session.scalar(sa.select(CardState).filter_by(user_id=student.id))
    assert state.state == 2  # Easy graduated it to review
    assert client.post("/cards/undo").status_code == 302
    db.session.expire_all()
    state = db.session.scalar(sa.select(CardState).filter_by(user_id=student.id))
    assert state.state == 1 and state.fsrs["step"] == 1
    assert db.session.scalar(sa.select(sa.func.count(ReviewLog.id))) == 1
    client.post("/cards/undo")
    assert db.session.scalar(sa.select(sa.func.count(CardState.id))) == 0
    assert client.post("/cards/undo").status_code == 409


def test_daily_new_card_limit(client, db, make_student, login):
    student = make_student()
    student.new_cards_per_day = 2
    db.session.commit()
    login(client, student)
    for _ in range(2):
        card_id = _card_id(client.get("/cards").get_data(as_text=True))
        client.post("/cards/rate", data={"flashcard_id": card_id, "rating": "4"})
    page = client.get("/cards").get_data(as_text=True)
    assert 'id="no-cards"' in page and "0 new left today" in page


def test_cards_by_topic(client, db, make_student, login):
    login(client, make_student())
    topic = db.session.scalar(sa.select(Topic).filter_by(title="Economic Cooperation"))
    page = client.get(f"/cards?topic={topic.id}").get_data(as_text=True)
    card = db.session.get(Flashcard, _card_id(page))
    assert card.claim.topic_id == topic.id
    assert client.get("/cards?topic=999999").status_code == 400


def test_bad_ratings_are_refused_and_write_nothing(client, db, make_student, login):
    login(client, make_student())
    card_id = _card_id(client.get("/cards").get_data(as_text=True))
    assert (
        client.post("/cards/rate", data={"flashcard_id": card_id, "rating": "5"}).status_code == 400
    )
    assert (
        client.post("/cards/rate", data={"flashcard_id": "999999", "rating": "3"}).status_code
        == 404
    )
    assert client.post("/cards/rate", data={"rating": "3"}).status_code == 400
    assert db.session.scalar(sa.select(sa.func.count(ReviewLog.id))) == 0


def test_another_learners_rating_cannot_be_undone(client, db, make_student, login):
    first, second = make_student(), make_student()
    login(client, first)
    card_id = _card_id(client.get("/cards").get_data(as_text=True))
    client.post("/cards/rate", data={"flashcard_id": card_id, "rating": "3"})
    other = client.application.test_client()
    login(other, second)
    assert other.post("/cards/undo").status_code == 409
    assert db.session.scalar(sa.select(sa.func.count(ReviewLog.id))) == 1


def test_settings_validate_and_change_intervals(client, db, make_student, login):
    student = make_student()
    login(client, student)
    bad = client.post(
        "/settings",
        data={"desired_retention": "1.5", "new_cards_per_day": "20", "daily_goal": "20"},
    )
    assert bad.status_code == 400
    ok = client.post(
        "/settings",
        data={"desired_retention": "0.85", "new_cards_per_day": "5", "daily_goal": "30"},
    )
    assert ok.status_code == 302
    db.session.refresh(student)
    assert (student.desired_retention, student.new_cards_per_day, student.daily_goal) == (
        0.85,
        5,
        30,
    )


def test_export_as_anki_deck(client, db, make_student, tmp_path, login):
    import sqlite3
    import zipfile

    login(client, make_student())
    topic = db.session.scalar(sa.select(Topic).filter_by(title="Economic Cooperation"))
    response = client.get(f"/cards/export.apkg?topic={topic.id}")
    assert response.status_code == 200
    assert "quizapp-economic-cooperation.apkg" in response.headers["Content-Disposition"]
    archive = tmp_path / "deck.apkg"
    archive.write_bytes(response.data)
    with zipfile.ZipFile(archive) as package:
        package.extract("collection.anki2", tmp_path)
    notes = (
        sqlite3.connect(tmp_path / "collection.anki2").execute("select flds from notes").fetchall()
    )
    expected = db.session.scalar(
        sa.select(sa.func.count(Flashcard.id))
        .join(Claim, Flashcard.claim_id == Claim.id)
        .where(Claim.topic_id == topic.id, ~Flashcard.retired)
    )
    assert len(notes) == expected > 0
    assert any("Power of Siberia" in fields for (fields,) in notes)
    assert client.get("/cards/export.apkg").status_code == 200
    assert client.get("/cards/export.apkg?topic=999999").status_code == 400
