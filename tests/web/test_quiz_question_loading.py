"""A quiz question's screen and an answer save load the shown question, not every question of
the attempt: the same statements for 5 questions or 40, and a save that lost a race reloads it."""

from __future__ import annotations

import sqlalchemy as sa

from quizapp.models import AttemptQuestion, Response
from quizapp.quiz import routes
from quizapp.services.quizzes import create_attempt
from tests.builders import correct_answer, seeded_questions

SHOWN = 3  # a middle question: Back and Next both shown


def _costs(client, db, count_queries, user_id: int, length: int) -> dict[str, int]:
    # Every type among the others, so each slot's question would cost its own JSON if loaded.
    shown = seeded_questions(db, 1, qtype="single_choice")[0]
    others = [q for q in seeded_questions(db, length) if q.id != shown.id][: length - 1]
    questions = [*others[: SHOWN - 1], shown, *others[SHOWN - 1 :]]
    answer = correct_answer(shown)
    attempt = create_attempt(db.session, user_id, questions)
    db.session.commit()
    attempt_id = attempt.id
    # The requests share this session: let go of what the test built, so they load their own.
    db.session.expunge_all()
    url = f"/quiz/{attempt_id}/{SHOWN}"
    costs = {}
    loaded = []
    record = lambda target, _context: loaded.append(target)  # noqa: E731
    sa.event.listen(AttemptQuestion, "load", record)
    try:
        with count_queries() as queries:
            page = client.get(url)
    finally:
        sa.event.remove(AttemptQuestion, "load", record)
    assert page.status_code == 200
    # Only the shown question's slot is built; the header's counts come from the database.
    assert [slot.position for slot in loaded] == [SHOWN]
    assert f"Question {SHOWN} of {length} · 0 answered" in page.get_data(as_text=True)
    costs["question"] = len(queries)
    with count_queries() as queries:
        saved = client.post(url, data={"answer": answer}, headers={"Accept": "application/json"})
    assert saved.get_json() == {
        "saved": True,
        "position": SHOWN,
        "progress_label": f"Question {SHOWN} of {length} · 1 answered",
    }
    costs["answer save"] = len(queries)
    with count_queries() as queries:
        moved = client.post(url, data={"answer": answer, "action": "next"})
    assert moved.location.endswith(f"/quiz/{attempt_id}/{SHOWN + 1}")
    costs["answer and next"] = len(queries)
    page = client.get(url).get_data(as_text=True)
    assert f"Question {SHOWN} of {length} · 1 answered" in page
    return costs


def test_question_screen_and_answer_save_do_not_grow_with_the_quiz(
    app, client, db, make_student, login, count_queries
):
    short_user, long_user = make_student(), make_student()
    other = app.test_client()
    login(client, short_user)
    login(other, long_user)
    short_id, long_id = short_user.id, long_user.id
    short = _costs(client, db, count_queries, short_id, 5)
    long = _costs(other, db, count_queries, long_id, 40)
    assert short == long
    # The user, then the attempt with its counts and the shown slot with its answer, question,
    # claim and article (one statement); a save adds its write, not a reload of what it saved.
    assert short["question"] == 2, short
    assert short["answer save"] <= 3, short


def test_a_save_that_lost_a_race_updates_the_other_saves_answer(
    client, db, make_student, login, monkeypatch
):
    """Two saves of one question at once (an autosave and Next): the one that inserts second
    reloads the question and updates the first one's row."""
    student = make_student()
    login(client, student)
    question = seeded_questions(db, 1, qtype="single_choice")[0]
    attempt = create_attempt(db.session, student.id, [question])
    db.session.commit()
    slot, user_id, question_id = attempt.questions[0], student.id, question.id
    slot_id = slot.id
    real_save = routes.save_answer
    raced = []

    def save_after_another(session, attempt, slot, answer, **kwargs):
        if not raced:  # the other save commits its row first, from its own connection
            raced.append(True)
            with db.engine.begin() as other:
                other.execute(
                    sa.insert(Response).values(
                        slot_id=slot_id, user_id=user_id, question_id=question_id, answer="x"
                    )
                )
        return real_save(session, attempt, slot, answer, **kwargs)

    monkeypatch.setattr(routes, "save_answer", save_after_another)
    answer = correct_answer(question)
    saved = client.post(
        f"/quiz/{attempt.id}/1", data={"answer": answer}, headers={"Accept": "application/json"}
    )
    assert saved.get_json() == {
        "saved": True,
        "position": 1,
        "progress_label": "Question 1 of 1 · 1 answered",
    }
    rows = db.session.execute(sa.select(Response.answer).where(Response.slot_id == slot_id))
    assert rows.scalars().all() == [answer]
