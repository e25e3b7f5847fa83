"""After a practice quiz: practise what I missed; before finishing one: discard it."""

from __future__ import annotations

import sqlalchemy as sa

from quizapp.models import AttemptQuestion, QuizAttempt, Response
from quizapp.services.quizzes import create_attempt
from tests.builders import enrol, make_assignment, make_class, make_set, seeded_questions
from tests.web.test_quiz import _right_answer, _start


def _answer_first_right_rest_blank(client, attempt):
    first = attempt.questions[0]
    client.post(f"/quiz/{attempt.id}/1", data={**_right_answer(first), "action": "next"})
    client.post(f"/quiz/{attempt.id}/submit")


def test_practise_what_i_missed_asks_only_the_missed_questions(client, db, make_student, login):
    login(client, make_student())
    attempt = _start(client, db, length=5)  # all topics: one question per claim, five claims
    _answer_first_right_rest_blank(client, attempt)
    results = client.get(f"/quiz/{attempt.id}/results").get_data(as_text=True)
    missed = len(attempt.questions) - 1
    assert f"Practise the {missed} I missed" in results
    response = client.post(f"/quiz/{attempt.id}/missed")
    assert response.status_code == 302
    retry = db.session.get(QuizAttempt, int(response.location.split("/")[2]))
    assert retry.id != attempt.id and retry.submitted_at is None
    assert [s.question_id for s in retry.questions] == [
        s.question_id for s in attempt.questions[1:]
    ]


def test_nothing_missed_gets_a_clear_409(client, db, make_student, login):
    login(client, make_student())
    attempt = _start(client, db, "Economic Resilience", length=5)
    for slot in attempt.questions:
        client.post(f"/quiz/{attempt.id}/{slot.position}", data=_right_answer(slot))
    client.post(f"/quiz/{attempt.id}/submit")
    assert "I missed" not in client.get(f"/quiz/{attempt.id}/results").get_data(as_text=True)
    response = client.post(f"/quiz/{attempt.id}/missed")
    assert response.status_code == 409 and b"every question right" in response.data


def test_missed_practice_waits_for_the_teachers_feedback(
    client, db, make_teacher, make_student, login
):
    teacher, student = make_teacher(), make_student()
    school_class = make_class(db, teacher)
    enrol(db, school_class, student)
    quiz_set = make_set(db, teacher, seeded_questions(db, 2, "true_false"), feedback="never")
    assignment = make_assignment(db, quiz_set, [school_class])
    login(client, student)
    start = client.post(f"/assignments/{assignment.id}/start")
    attempt_id = int(start.location.split("/")[2])
    # Submitted for real, both questions missed: only the hidden feedback can refuse the retry
    # (an unsubmitted attempt is refused with the same message, and would pass this test).
    submitted = client.post(f"/quiz/{attempt_id}/submit")
    assert submitted.status_code == 302 and submitted.location.endswith(f"/{attempt_id}/results")
    attempt = db.session.get(QuizAttempt, attempt_id)
    assert attempt.submitted_at is not None and len(attempt.questions) == 2
    assert all(slot.response is None for slot in attempt.questions)
    before = db.session.scalar(sa.select(sa.func.count(QuizAttempt.id)))
    response = client.post(f"/quiz/{attempt_id}/missed")
    assert response.status_code == 409 and b"not shown yet" in response.data
    assert db.session.scalar(sa.select(sa.func.count(QuizAttempt.id))) == before


def test_discarding_an_unfinished_practice_quiz(client, db, make_student, login):
    login(client, make_student())
    attempt = _start(client, db, "Economic Resilience", length=5)
    client.post(f"/quiz/{attempt.id}/1", data={**_right_answer(attempt.questions[0])})
    dashboard = client.get("/study").get_data(as_text=True)
    assert f"/quiz/{attempt.id}/discard" in dashboard
    response = client.post(f"/quiz/{attempt.id}/discard")
    assert response.status_code == 302 and response.location.endswith("/study")
    db.session.expire_all()
    assert db.session.get(QuizAttempt, attempt.id) is None
    assert (
        db.session.scalar(
            sa.select(sa.func.count(AttemptQuestion.id)).filter_by(attempt_id=attempt.id)
        )
        == 0
    )
    assert db.session.scalar(sa.select(sa.func.count(Response.id))) == 0
    assert f"/quiz/{attempt.id}/resume" not in client.get("/study").get_data(as_text=True)


def test_a_submitted_or_foreign_attempt_cannot_be_discarded(client, db, make_student, login):
    owner = make_student()
    login(client, owner)
    attempt = _start(client, db, "Economic Resilience", length=5)
    client.post(f"/quiz/{attempt.id}/submit")
    assert client.post(f"/quiz/{attempt.id}/discard").status_code == 409
    other = _start(client, db, "Economic Resilience", length=5)
    client.post("/auth/logout")
    login(client, make_student(email="other@example.org"))
    assert client.post(f"/quiz/{other.id}/discard").status_code == 404
    db.session.expire_all()
    assert db.session.get(QuizAttempt, other.id) is not None


def test_checking_an_answer_returns_the_servers_feedback_markup(client, db, make_student, login):
    student = make_student()
    login(client, student)
    # A choice question, so the marks per choice are always checked too.
    attempt = create_attempt(db.session, student.id, seeded_questions(db, 1, "single_choice"))
    db.session.commit()
    slot = attempt.questions[0]
    response = client.post(
        f"/quiz/{attempt.id}/1",
        data={**_right_answer(slot), "action": "check"},
        headers={"Accept": "application/json"},
    )
    payload = response.get_json()
    assert 'class="verdict good"' in payload["feedback_html"]
    assert payload["feedback_html"].count(slot.question.claim.quote) == 1
    assert set(payload["feedback"]["marks"]) == {c["id"] for c in slot.question.choices}


def test_checking_marks_the_options_in_the_servers_markup(client, db, make_student, login):
    """The options come back marked and locked from the templates (the script builds none),
    and a reload shows the same marks."""
    login(client, make_student())
    attempt = _start(client, db, length=20)
    # Every question of a claim-per-question draw over all topics: some have choices.
    slot = next(s for s in attempt.questions if s.question.choices)
    right = next(c for c in slot.question.choices if c["correct"])
    wrong = next(c for c in slot.question.choices if not c["correct"])
    url = f"/quiz/{attempt.id}/{slot.position}"
    payload = client.post(
        url, data={"answer": wrong["id"], "action": "check"}, headers={"Accept": "application/json"}
    ).get_json()
    marked = payload["answer_html"]
    assert 'class="verdict bad"' in payload["feedback_html"]
    for html in (marked, client.get(url).get_data(as_text=True)):
        picked = html[html.index(f'value="{wrong["id"]}"') :].split("</label>")[0]
        key = html[html.index(f'value="{right["id"]}"') :].split("</label>")[0]
        assert "Your answer: not right" in picked and "checked" in picked
        assert "Right answer" in key and "checked" not in key
        assert 'class="choice is-wrong"' in html and 'class="choice is-right"' in html
    assert marked.count("disabled") == len(slot.question.choices)


def test_the_missed_count_is_what_practice_will_ask_and_says_what_it_leaves_out(
    client, db, make_student, login
):
    login(client, make_student())
    attempt = _start(client, db, length=5)
    _answer_first_right_rest_blank(client, attempt)
    retired = attempt.questions[1].question
    retired.retired = True  # the teacher took it out after the quiz
    db.session.commit()
    try:
        results = client.get(f"/quiz/{attempt.id}/results").get_data(as_text=True)
        results = " ".join(results.split())
        missed = len(attempt.questions) - 1
        assert f"Practise the {missed - 1} I missed" in results
        assert "1 question you missed is no longer asked" in results
        response = client.post(f"/quiz/{attempt.id}/missed")
        retry = db.session.get(QuizAttempt, int(response.location.split("/")[2]))
        assert len(retry.questions) == missed - 1
    finally:
        retired.retired = False  # a seeded question: later tests (and `flask seed`) expect it live
        db.session.commit()
