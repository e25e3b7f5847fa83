"""The daily review, the goal and streak, and the progress page."""

from __future__ import annotations

import sqlalchemy as sa

from quizapp.core.mastery import Answer, topic_mastery
from quizapp.models import QuizAttempt, Topic
from quizapp.models.base import utcnow
from quizapp.template_helpers import percent
from tests.web.test_quiz import _right_answer, _start


def _wrong_answer(slot) -> dict:
    q = slot.question
    if q.type == "single_choice":
        return {"answer": next(c["id"] for c in q.choices if not c["correct"])}
    if q.type == "true_false":
        return {"answer": "false" if q.answer_bool else "true"}
    return {"answer": "certainly wrong"} if q.type in ("fill_blank", "short_answer") else {}


def _save_a_wrong_answer(client, db) -> tuple[QuizAttempt, object]:
    """A practice quiz in one topic with a wrong answer saved (not checked, not submitted):
    the quiz and the answer's slot."""
    attempt = _start(client, db, "Economic Cooperation", length=5)
    wrong = next(s for s in attempt.questions if _wrong_answer(s))
    client.post(f"/quiz/{attempt.id}/{wrong.position}", data=_wrong_answer(wrong))
    return attempt, wrong


def test_missed_questions_come_back_in_the_review_until_right(client, db, make_student, login):
    login(client, make_student())
    attempt, missed = _save_a_wrong_answer(client, db)
    client.post(f"/quiz/{attempt.id}/submit")
    assert "1 question you got wrong" in client.get("/review").get_data(as_text=True)
    review_url = client.post("/review/start").location
    review = db.session.get(QuizAttempt, int(review_url.split("/")[2]))
    assert review.kind == "review" and review.questions[0].question_id == missed.question_id
    # The fill-up from the weakest topic never repeats the missed question's claim.
    claims = [slot.question.claim_id for slot in review.questions]
    assert len(claims) == len(set(claims))
    client.post(review_url, data=_right_answer(review.questions[0]))
    client.post(f"/quiz/{review.id}/submit")
    assert "0 questions you got wrong" in client.get("/review").get_data(as_text=True)


def test_an_answer_only_saved_in_a_quiz_still_going_is_not_called_missed(
    client, db, make_student, login
):
    login(client, make_student())
    attempt, wrong = _save_a_wrong_answer(client, db)
    # Saved, not checked, quiz not submitted: the learner may still change it, and the review
    # must not tell them it is wrong before the quiz does.
    assert "0 questions you got wrong" in client.get("/review").get_data(as_text=True)
    client.post(
        f"/quiz/{attempt.id}/{wrong.position}", data={**_wrong_answer(wrong), "action": "check"}
    )
    assert "1 question you got wrong" in client.get("/review").get_data(as_text=True)


def test_progress_page_updates_the_topic(client, db, make_student, login):
    login(client, make_student())
    topic = db.session.scalar(sa.select(Topic).filter_by(title="Economic Resilience"))
    attempt = _start(client, db, "Economic Resilience", length=5)
    for slot in attempt.questions:
        client.post(f"/quiz/{attempt.id}/{slot.position}", data=_right_answer(slot))
    client.post(f"/quiz/{attempt.id}/submit")
    page = client.get("/progress").get_data(as_text=True)
    row = page[page.index(f'data-topic="{topic.title}"') :]
    row = row[: row.index("</tr>")]
    # All right in one sitting, no flashcards studied: accuracy 100 %; mastery is the shrunk
    # quiz score's half (memory not started), and not "mastered" on one day's answers.
    answered = len(attempt.questions)
    now = utcnow()
    expected = topic_mastery([Answer(1.0, now)] * answered, [], card_count=2)
    mastery_cell = row[row.index('<td class="mastery">') :]
    mastery_cell = mastery_cell[: mastery_cell.index("</td>")]
    assert percent(expected.value, fraction=True) in mastery_cell
    assert expected.value < 0.5 and "100 %" in row
    assert str(expected.confidence) in mastery_cell and f"{answered} answers" in mastery_cell
    assert "mastered" not in mastery_cell
    assert f"<td>{len(attempt.questions)}</td>" in row
    assert 'id="retention-table"' in page and 'id="workload-chart"' in page
    # No reviews yet: standard settings and no suggested target without data.
    assert "uses standard settings" in page and 'id="suggested-retention"' not in page


def _topic_row(page: str, title: str) -> str:
    row = page[page.index(f'data-topic="{title}"') :]
    return row[: row.index("</tr>")]


def test_the_progress_page_counts_an_answer_once_the_learner_was_shown_it(
    client, db, make_student, login
):
    login(client, make_student())
    attempt, wrong = _save_a_wrong_answer(client, db)
    title = wrong.question.claim.topic.title
    # Only saved: "1 answered, 0 %" would say it is wrong before the quiz does. The topic
    # was studied today all the same, with no result to show yet.
    row = _topic_row(client.get("/progress").get_data(as_text=True), title)
    assert "<td>0</td>" in row and "0 %" not in row
    assert "no results yet" in row and "not started" not in row
    client.post(
        f"/quiz/{attempt.id}/{wrong.position}", data={**_wrong_answer(wrong), "action": "check"}
    )
    row = _topic_row(client.get("/progress").get_data(as_text=True), title)
    assert "<td>1</td>" in row and "<td>0 %</td>" in row and "no results yet" not in row


def test_goal_and_streak_on_the_dashboard(client, db, make_student, login):
    login(client, make_student())
    attempt = _start(client, db, length=5)
    client.post(f"/quiz/{attempt.id}/1", data=_right_answer(attempt.questions[0]))
    page = client.get("/study").get_data(as_text=True)
    assert "1 / 20" in page and "1 day</strong> in a row" in page
