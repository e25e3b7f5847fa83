"""Numerical questions through the web: a teacher writes one (values, tolerances, part credit,
units), a student answers it in homework and in practice (right within the tolerance, wrong
outside it, a unit read with its multiplier, text that is no number refused with nothing
saved), the results and item analysis show it, and it plays live as a typed answer."""

from __future__ import annotations

import sqlalchemy as sa

from quizapp.models import Claim, Question, Response
from quizapp.models.live_games import LiveAnswer, LiveGame
from quizapp.services import live_games
from quizapp.services.item_analysis import analyse_assignment
from quizapp.services.quizzes import create_attempt
from tests.builders import enrol, make_assignment, make_class, make_set
from tests.web.test_live_game import answer, host_command, join, player_id

FORM = {
    "type": "numerical",
    "prompt": "How long is the rod, in metres?",
    "choices": "",
    "accepted": "3.14:0.01\n%50%3.1:0.1\nunit: m\nunit: cm = 100",
    "pairs": "",
    "difficulty": "2",
    "explanation": "It is 3.14 m long.",
    "quote": "",
}


def _claim(db) -> Claim:
    return db.session.scalar(sa.select(Claim).where(Claim.key == "economic-cooperation-3"))


def _authored(db, client, teacher, login) -> Question:
    login(client, teacher)
    data = {**FORM, "claim_id": _claim(db).id}
    assert client.post("/teach/questions/new", data=data).status_code == 302
    return db.session.scalar(sa.select(Question).where(Question.type == "numerical"))


def test_a_teacher_writes_a_numerical_question_and_edits_it(db, client, make_teacher, login):
    question = _authored(db, client, make_teacher(), login)
    assert [(c["value"], c["tolerance"], c["fraction"]) for c in question.choices] == [
        (3.14, 0.01, 1.0),
        (3.1, 0.1, 0.5),
    ]
    assert question.pairs == [["m", "1"], ["cm", "100"]] and question.accepted == []
    # The edit form shows the lines the teacher typed.
    page = client.get(f"/teach/questions/{question.id}/edit").get_data(as_text=True)
    assert "3.14:0.01\n%50%3.1:0.1\nunit: m = 1\nunit: cm = 100" in page
    for accepted, message in (("three", "is not a number"), ("%50%3", "full marks")):
        data = {**FORM, "accepted": accepted, "claim_id": _claim(db).id}
        refused = client.post("/teach/questions/new", data=data)
        assert refused.status_code == 400 and message in refused.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).where(Question.type == "numerical")) == 1


def _post(client, attempt, position: int, text: str):
    return client.post(f"/quiz/{attempt.id}/{position}", data={"answer": text, "action": "save"})


def test_homework_grades_numbers_within_the_tolerance(
    db, client, make_teacher, make_student, login
):
    teacher, student = make_teacher(), make_student()
    question = _authored(db, client, teacher, login)
    client.post("/auth/logout")
    school_class = make_class(db, teacher)
    enrol(db, school_class, student)
    quiz_set = make_set(db, teacher, [question], feedback="immediately")
    assignment = make_assignment(db, quiz_set, [school_class])
    login(client, student)
    started = client.post(f"/assignments/{assignment.id}/start")
    assert started.status_code == 302
    attempt_url = started.headers["Location"]
    attempt_id = int(attempt_url.rstrip("/").split("/")[-2])

    # Text that is no number: a 400 that says so, and nothing saved.
    refused = client.post(f"/quiz/{attempt_id}/1", data={"answer": "three", "action": "save"})
    assert refused.status_code == 400 and "is not a number" in refused.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Response.id))) == 0

    for text, score in (("3,3", 0.0), ("3.16", 0.5), ("314 cm", 1.0)):
        saved = client.post(f"/quiz/{attempt_id}/1", data={"answer": text, "action": "save"})
        assert saved.status_code in (200, 302)
        db.session.expire_all()
        response = db.session.scalar(sa.select(Response))
        assert (response.answer, response.score) == (text, score)
    assert client.post(f"/quiz/{attempt_id}/submit").status_code == 302
    page = client.get(f"/quiz/{attempt_id}/results").get_data(as_text=True)
    assert "314 cm" in page and "3.14 ± 0.01" in page

    analysis = analyse_assignment(db.session, assignment, "first")
    (row,) = analysis.questions
    assert [(t.text, t.correct) for t in row.typed_answers] == [("314 cm", True)]


def test_practice_takes_a_number_with_a_decimal_comma(
    db, client, make_teacher, make_student, login
):
    question = _authored(db, client, make_teacher(), login)
    client.post("/auth/logout")
    student = make_student()
    login(client, student)
    attempt = create_attempt(db.session, student.id, [question])
    db.session.commit()
    page = client.get(f"/quiz/{attempt.id}/1").get_data(as_text=True)
    assert 'inputmode="text"' in page  # the question has units, so letters too
    # A number with a unit the question does not list is wrong, not refused.
    assert _post(client, attempt, 1, "3.14 metres").status_code in (200, 302)
    db.session.expire_all()
    assert db.session.scalar(sa.select(Response.score)) == 0.0
    right = client.post(f"/quiz/{attempt.id}/1", data={"answer": "3,141", "action": "check"})
    assert right.status_code in (200, 302)
    db.session.expire_all()
    assert db.session.scalar(sa.select(Response.score)) == 1.0


def test_a_numerical_question_plays_live_as_a_typed_answer(
    app, db, client, make_teacher, login, monkeypatch
):
    # The answer path keeps grading keys by question id for a minute per process: another
    # test's question may have had this id.
    monkeypatch.setattr(live_games, "_QUESTION_CACHE", {})
    teacher = make_teacher()
    question = _authored(db, client, teacher, login)
    quiz_set = make_set(db, teacher, [question])
    page = client.get(f"/live/host/new/{quiz_set.id}").get_data(as_text=True)
    assert "1 of 1 questions will play" in page or "1 of 1 question will play" in page
    client.post(f"/live/host/new/{quiz_set.id}", data={"seconds": 20, "allow_guests": "y"})
    client.post("/auth/logout")
    game = db.session.scalar(sa.select(LiveGame).where(LiveGame.quiz_set_id == quiz_set.id))
    game.teacher = teacher
    phones = {name: join(app, game.pin, nickname=name)[0] for name in ("Ann", "Ben", "Cat")}
    ids = {name: player_id(db, game, name) for name in phones}
    host_command(client, game, "start")
    assert answer(phones["Ann"], game, ids["Ann"], 0, "3,14").status_code == 200
    assert answer(phones["Ben"], game, ids["Ben"], 0, "9").status_code == 200
    refused = answer(phones["Cat"], game, ids["Cat"], 0, "pi")
    assert refused.status_code == 400
    scores = dict(db.session.execute(sa.select(LiveAnswer.player_id, LiveAnswer.score)).all())
    assert scores == {ids["Ann"]: 1.0, ids["Ben"]: 0.0}
