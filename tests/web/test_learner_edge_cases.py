"""Edge cases a learner can cause: blank answers, double ratings, odd ids, repeated clicks."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from quizapp.models import CardState, Flashcard, Question, QuizAttempt, Response, ReviewLog
from quizapp.services.quizzes import create_attempt
from tests.web.test_quiz import _start


def _card_page(client, url="/cards"):
    page = client.get(url).get_data(as_text=True)
    card = int(re.search(r'data-card="(\d+)"', page).group(1))
    seen = re.search(r'name="seen" value="([^"]*)"', page).group(1)
    return card, seen


def test_blank_and_cleared_answers_leave_the_question_unanswered(client, db, make_student, login):
    login(client, make_student())
    attempt = _start(client, db, length=20)
    slot = next(s for s in attempt.questions if s.question.type in ("multiple_select", "matching"))
    saved = client.post(f"/quiz/{attempt.id}/{slot.position}", data={"action": "save"})
    assert saved.status_code == 302  # taken, not refused: there was simply nothing to keep
    assert db.session.scalar(sa.select(Response.id).filter_by(slot_id=slot.id)) is None
    text = next(s for s in attempt.questions if s.question.type in ("fill_blank", "short_answer"))
    url = f"/quiz/{attempt.id}/{text.position}"
    client.post(url, data={"answer": "something", "action": "save"})
    assert db.session.scalar(sa.select(Response.id).filter_by(slot_id=text.id)) is not None
    client.post(url, data={"answer": "  ", "action": "save"})
    db.session.expire_all()
    assert db.session.scalar(sa.select(Response.id).filter_by(slot_id=text.id)) is None
    checked = client.post(url, data={"action": "check"}, headers={"Accept": "application/json"})
    assert checked.status_code == 400 and "answer first" in checked.get_json()["error"]


def test_a_card_is_rated_once_per_view(client, db, make_student, login):
    student = make_student()
    login(client, student)
    card, seen = _card_page(client)
    form = {"flashcard_id": card, "rating": "3", "seen": seen}
    assert client.post("/cards/rate", data=form).status_code == 302
    again = client.post("/cards/rate", data=form, headers={"Accept": "application/json"})
    assert again.status_code == 409
    assert db.session.scalar(sa.select(sa.func.count(ReviewLog.id))) == 1


def test_new_cards_beyond_the_limit_and_teachers_cards_cannot_be_rated(
    client, db, make_student, login
):
    student = make_student()
    student.new_cards_per_day = 1
    db.session.commit()
    login(client, student)
    card, _ = _card_page(client)
    assert client.post("/cards/rate", data={"flashcard_id": card, "rating": "4"}).status_code == 302
    others = db.session.scalars(sa.select(Flashcard.id).where(Flashcard.id != card)).all()
    over = client.post("/cards/rate", data={"flashcard_id": others[0], "rating": "3"})
    assert over.status_code == 409
    source = db.session.get(Flashcard, card)
    own = Flashcard(
        key="t-test-card", claim_id=source.claim_id, front="f", back="b", origin="teacher"
    )
    db.session.add(own)
    db.session.commit()
    student.new_cards_per_day = 50
    db.session.commit()
    assert (
        client.post("/cards/rate", data={"flashcard_id": own.id, "rating": "3"}).status_code == 404
    )
    assert db.session.scalar(sa.select(sa.func.count(CardState.id))) == 1


@pytest.mark.parametrize(
    "method,url,data,status",
    [
        ("post", "/cards/rate", {"flashcard_id": "²", "rating": "3"}, 400),
        ("post", "/cards/rate", {"flashcard_id": "9" * 30, "rating": "3"}, 400),
        ("get", "/cards?topic=²", None, 400),
        ("get", "/cards?topic=" + "9" * 30, None, 400),
        ("get", "/quiz/" + "9" * 30 + "/1", None, 404),
        ("get", "/topics/" + "9" * 30, None, 404),
    ],
)
def test_odd_ids_get_4xx_not_500(client, db, make_student, method, url, data, status, login):
    login(client, make_student())
    response = getattr(client, method)(url, data=data)
    assert response.status_code == status


def test_an_odd_topic_on_the_new_quiz_page_is_ignored(client, db, make_student, login):
    login(client, make_student())
    response = client.get("/quiz/new?topic=²")
    assert response.status_code == 200
    assert 'name="length"' in response.get_data(as_text=True)


def test_odd_matching_index_is_refused(client, db, make_student, login):
    student = make_student()
    login(client, student)
    matching = db.session.scalar(sa.select(Question).where(Question.type == "matching").limit(1))
    attempt = create_attempt(db.session, student.id, [matching])
    db.session.commit()
    response = client.post(f"/quiz/{attempt.id}/1", data={"match-0": "²"})
    assert response.status_code == 400
    assert db.session.scalar(sa.select(sa.func.count(Response.id))) == 0


def test_starting_the_review_twice_continues_the_first(client, db, make_student, login):
    login(client, make_student())
    first = client.post("/review/start").location
    second = client.post("/review/start").location
    assert second.endswith("/resume")
    assert db.session.scalar(sa.select(sa.func.count(QuizAttempt.id))) == 1
    attempt_id = int(first.split("/")[2])
    assert f"/quiz/{attempt_id}/" in second


def test_database_error_renders_the_500_page(app, db, make_student, login):
    def broken():
        db.session.execute(sa.text("SELECT * FROM no_such_table"))

    original = app.view_functions["study.dashboard"]
    app.view_functions["study.dashboard"] = broken
    app.config["PROPAGATE_EXCEPTIONS"] = False
    client = app.test_client()
    login(client, make_student())
    try:
        response = client.get("/study")
    finally:
        app.view_functions["study.dashboard"] = original
        app.config["PROPAGATE_EXCEPTIONS"] = None
    assert response.status_code == 500
    assert "500: Internal Server Error" in response.get_data(as_text=True)
