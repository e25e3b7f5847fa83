"""A quiz question's screen and an answer save cost the same statements for 5 questions or 40:
they load the shown question, not every question of the attempt."""

from __future__ import annotations

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
    with count_queries() as queries:
        page = client.get(url)
    assert page.status_code == 200
    assert f"Question {SHOWN} of {length} · 0 answered" in page.get_data(as_text=True)
    costs["question"] = len(queries)
    with count_queries() as queries:
        saved = client.post(url, data={"answer": answer}, headers={"Accept": "application/json"})
    assert saved.get_json() == {"saved": True, "position": SHOWN}
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
    # The user, the attempt with every answer (one statement), the shown question with its
    # claim and article (one); a save adds its write, not a reload of what it saved.
    assert short["question"] <= 3, short
    assert short["answer save"] <= 4, short
