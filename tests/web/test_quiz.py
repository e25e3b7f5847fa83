"""Practice quizzes through the web: start, answer, resume, submit, results, bad input."""

from __future__ import annotations

import sqlalchemy as sa

from quizapp.core.item_overlap import gives_away, item_facts
from quizapp.models import Question, QuizAttempt, Response, Topic
from quizapp.services.quizzes import create_attempt
from tests.builders import start_practice_quiz


def _start(client, db, topic_title: str | None = None, length: int = 5) -> QuizAttempt:
    data = {"length": str(length)}
    if topic_title:
        data["topics"] = [str(db.session.scalar(sa.select(Topic.id).filter_by(title=topic_title)))]
    response = start_practice_quiz(client, data)
    assert response.status_code == 302, response.get_data(as_text=True)
    attempt_id = int(response.location.split("/")[2])
    return db.session.get(QuizAttempt, attempt_id)


def _right_answer(slot) -> dict:
    q = slot.question
    if q.type == "single_choice":
        return {"answer": next(c["id"] for c in q.choices if c["correct"])}
    if q.type == "multiple_select":
        return {"answer": [c["id"] for c in q.choices if c["correct"]]}
    if q.type == "true_false":
        return {"answer": "true" if q.answer_bool else "false"}
    if q.type == "matching":
        return {f"match-{i}": right for i, (_left, right) in enumerate(q.pairs)}
    return {"answer": q.accepted[0]}


def test_practice_quiz_draws_from_the_chosen_topic_without_repeats(client, db, make_student, login):
    login(client, make_student())
    attempt = _start(client, db, "Implications of Russia's Eastern Pivot", length=20)
    topics = {s.question.claim.topic.title for s in attempt.questions}
    assert "Economic Resilience" in topics and "Conclusion" not in topics
    ids = [s.question_id for s in attempt.questions]
    assert len(ids) == len(set(ids)) >= 3
    # Every claim once before any claim twice, a second time only in another form, and never
    # a question that gives another's answer away.
    claims = [s.question.claim_id for s in attempt.questions]
    firsts = len(set(claims))
    assert len(claims) > firsts and set(claims[:firsts]) == set(claims)
    by_claim: dict[int, list[Question]] = {}
    for slot in attempt.questions:
        by_claim.setdefault(slot.question.claim_id, []).append(slot.question)
    assert all(len({q.type for q in qs}) == len(qs) <= 2 for qs in by_claim.values())
    questions = [slot.question for slot in attempt.questions]
    facts = [item_facts(q.id, None, q.origin, q.prompt, q.accepted, q.choices) for q in questions]
    assert not any(gives_away(a, b) for a in facts for b in facts if a is not b)


def test_section_includes_its_subtopics(client, db, make_student, login):
    login(client, make_student())
    section = db.session.scalar(
        sa.select(Topic).filter_by(title="Implications of Russia's Eastern Pivot")
    )
    subtopics = set(db.session.scalars(sa.select(Topic.title).filter_by(parent_id=section.id)))
    assert len(subtopics) == 3
    attempt = _start(client, db, section.title, length=20)
    topics = {s.question.claim.topic.title for s in attempt.questions}
    # The section and its subtopics have fewer questions that can sit together than the 20
    # asked for, so every claim is asked: every subtopic shows, and nothing from outside.
    assert topics == {section.title, *subtopics}


def test_answers_are_saved_as_given_and_survive_leaving(client, db, make_student, login):
    student = make_student()
    login(client, student)
    attempt = _start(client, db)
    slot = attempt.questions[0]
    page = client.get(f"/quiz/{attempt.id}/1").get_data(as_text=True)
    assert "Question 1 of 5" in page
    client.post(f"/quiz/{attempt.id}/1", data={**_right_answer(slot), "action": "next"})
    # A new client (the tab was closed) finds the answer and the resume link.
    other = client.application.test_client()
    login(other, student)
    assert f"/quiz/{attempt.id}/resume" in other.get("/study").get_data(as_text=True)
    resume = other.get(f"/quiz/{attempt.id}/resume")
    assert resume.location.endswith(f"/quiz/{attempt.id}/2")
    db.session.expire_all()
    assert db.session.scalar(sa.select(Response).filter_by(slot_id=slot.id)).correct


def test_check_shows_feedback_and_locks_the_answer(client, db, make_student, login):
    login(client, make_student())
    attempt = _start(client, db)
    slot = attempt.questions[0]
    response = client.post(
        f"/quiz/{attempt.id}/1",
        data={**_right_answer(slot), "action": "check"},
        headers={"Accept": "application/json"},
    )
    body = response.get_json()
    assert body["feedback"]["correct"] is True
    assert body["feedback"]["quote"] == slot.question.claim.quote
    assert "#claim-" in body["feedback"]["source_url"]
    # Any other answer is refused, even one that would be valid for the question (None here:
    # a cleared answer).
    changed = client.post(f"/quiz/{attempt.id}/1", data={"action": "check"})
    assert changed.status_code == 409


def test_submit_scores_and_reviews_every_question_with_its_source(client, db, make_student, login):
    login(client, make_student())
    attempt = _start(client, db)
    for slot in attempt.questions[:3]:
        client.post(
            f"/quiz/{attempt.id}/{slot.position}", data={**_right_answer(slot), "action": "next"}
        )
    assert client.post(f"/quiz/{attempt.id}/submit").status_code == 302
    page = client.get(f"/quiz/{attempt.id}/results").get_data(as_text=True)
    assert "Score: <strong>3 / 5</strong>" in page
    assert page.count("Read it in the article") == 5
    assert page.count("No answer") == 2
    # Submitting again is harmless and changes nothing.
    assert client.post(f"/quiz/{attempt.id}/submit").status_code == 302
    db.session.expire_all()
    assert db.session.get(QuizAttempt, attempt.id).score == 3


def test_same_answer_twice_is_idempotent(client, db, make_student, login):
    login(client, make_student())
    attempt = _start(client, db)
    slot = attempt.questions[0]
    for _ in range(2):
        client.post(f"/quiz/{attempt.id}/1", data={**_right_answer(slot), "action": "save"})
    assert (
        db.session.scalar(sa.select(sa.func.count(Response.id)).where(Response.slot_id == slot.id))
        == 1
    )


def test_bad_input_gets_4xx_and_writes_nothing(client, db, make_student, login):
    owner, intruder = make_student(), make_student()
    login(client, owner)
    attempt = _start(client, db)
    slot = attempt.questions[0]
    # A choice question of its own, so the tampered choice is always tried.
    choice = db.session.scalar(
        sa.select(Question).where(Question.type == "single_choice", ~Question.retired).limit(1)
    )
    choice_attempt = create_attempt(db.session, owner.id, [choice])
    db.session.commit()

    assert client.post(f"/quiz/{attempt.id}/99", data={"answer": "x"}).status_code == 404
    tampered = client.post(
        f"/quiz/{choice_attempt.id}/1", data={"answer": "not-a-choice", "action": "save"}
    )
    assert tampered.status_code == 400
    other = client.application.test_client()
    login(other, intruder)
    assert other.post(f"/quiz/{attempt.id}/1", data={"answer": "x"}).status_code == 404
    assert other.get(f"/quiz/{attempt.id}/results").status_code == 404
    assert other.post(f"/quiz/{attempt.id}/submit").status_code == 404
    assert db.session.scalar(sa.select(sa.func.count(Response.id))) == 0

    client.post(f"/quiz/{attempt.id}/submit")
    late = client.post(f"/quiz/{attempt.id}/1", data={**_right_answer(slot), "action": "save"})
    assert late.status_code == 409
    assert db.session.scalar(sa.select(sa.func.count(Response.id))) == 0


def test_unknown_topic_and_length_are_refused(client, db, make_student, login):
    login(client, make_student())
    assert client.post("/quiz/new", data={"topics": ["999999"], "length": "5"}).status_code == 400
    assert client.post("/quiz/new", data={"length": "7"}).status_code == 400
    assert db.session.scalar(sa.select(sa.func.count(QuizAttempt.id))) == 0


def test_overlong_text_answer_is_refused(client, db, make_student, login):
    login(client, make_student())
    attempt = _start(client, db, "Economic Cooperation", length=20)
    slot = next(s for s in attempt.questions if s.question.type in ("fill_blank", "short_answer"))
    response = client.post(f"/quiz/{attempt.id}/{slot.position}", data={"answer": "x" * 5000})
    assert response.status_code == 400
    assert "2000 characters" in response.get_data(as_text=True)


def test_hidden_feedback_hides_the_score_too(client, db, make_student, login):
    """With feedback "never" (or after the due date, before it) the results page says the
    attempt is submitted, without a score that would tell right from wrong."""
    from datetime import timedelta

    from quizapp.models import Question
    from quizapp.models.base import utcnow
    from quizapp.services.quizzes import create_attempt

    student = make_student()
    login(client, student)
    question = db.session.scalar(sa.select(Question).where(Question.type == "true_false"))
    due = utcnow() + timedelta(days=2)
    hidden = create_attempt(db.session, student.id, [question], kind="assignment", feedback="never")
    later = create_attempt(
        db.session,
        student.id,
        [question],
        kind="assignment",
        feedback="after_due",
        feedback_after=due,
    )
    db.session.commit()
    for attempt in (hidden, later):
        client.post(f"/quiz/{attempt.id}/1", data={"answer": "true"})
        client.post(f"/quiz/{attempt.id}/submit")
        page = client.get(f"/quiz/{attempt.id}/results").get_data(as_text=True)
        assert "Score:" not in page and "Submitted" in page
        assert "Correct answer" not in page
    assert "shown after" in client.get(f"/quiz/{later.id}/results").get_data(as_text=True)


def test_the_number_keys_hint_shows_only_where_options_are_numbered(
    client, db, make_student, login
):
    from quizapp.core.question_types import QuestionType
    from quizapp.models import Question, live
    from quizapp.services.quizzes import create_attempt

    learner = make_student()
    login(client, learner)
    picked = [
        db.session.scalar(sa.select(Question).where(live(Question), Question.type == kind).limit(1))
        for kind in (QuestionType.SINGLE_CHOICE, QuestionType.TRUE_FALSE, QuestionType.SHORT_ANSWER)
    ]
    attempt = create_attempt(db.session, learner.id, [q for q in picked if q is not None])
    db.session.commit()
    shown = {}
    for slot in attempt.questions:
        page = client.get(f"/quiz/{attempt.id}/{slot.position}").get_data(as_text=True)
        shown[slot.question.type] = "choose an option" in page
        assert "checks the answer and then moves on" in page
    assert shown == {
        QuestionType.SINGLE_CHOICE: True,
        QuestionType.TRUE_FALSE: True,
        QuestionType.SHORT_ANSWER: False,
    }


def test_a_saved_answer_updates_the_answered_count_without_a_reload(
    client, db, make_student, login
):
    login(client, make_student())
    attempt = _start(client, db, length=5)
    first, second = attempt.questions[0], attempt.questions[1]
    headers = {"Accept": "application/json"}

    def save(slot) -> int:
        data = {"action": "save", **_right_answer(slot)}
        url = f"/quiz/{attempt.id}/{slot.position}"
        response = client.post(url, data=data, headers=headers)
        assert response.status_code == 200
        return response.get_json()["progress_label"]

    assert save(first) == "Question 1 of 5 · 1 answered"
    assert save(first) == "Question 1 of 5 · 1 answered"  # the same question is not a second
    assert save(second) == "Question 2 of 5 · 2 answered"
    page = client.get(f"/quiz/{attempt.id}/3").get_data(as_text=True)
    assert '<p id="quiz-progress-label">Question 3 of 5 · 2 answered</p>' in page
