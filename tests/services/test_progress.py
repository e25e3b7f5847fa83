"""Progress figures as the service computes them."""

from __future__ import annotations

from datetime import date, timedelta

import sqlalchemy as sa

from quizapp.models import Question, QuizAttempt, Response, live
from quizapp.models.base import utcnow
from quizapp.services.daily_review import missed_questions
from quizapp.services.learner_scheduler import learner_scheduler
from quizapp.services.progress import accuracy_by_day, streak, topic_progress
from quizapp.services.quizzes import create_attempt, save_answer, submit_attempt
from tests.builders import (
    correct_answer,
    enrol,
    make_assignment,
    make_class,
    make_set,
    take,
    wrong_answer,
)


def test_streak_counts_consecutive_days():
    today = date(2026, 11, 25)
    days = {today - timedelta(days=i): 1 for i in (1, 2, 3, 5)}
    assert streak(days, today) == 3
    assert streak({**days, today: 4}, today) == 4
    assert streak({}, today) == 0


def _topic_answers(db, student, now) -> dict[int, tuple[int, float | None]]:
    """Per topic with answers: how many the learner's progress counts, and their accuracy."""
    scheduler = learner_scheduler(db.session, student)
    return {
        p.topic.id: (p.answered, p.accuracy)
        for p in topic_progress(db.session, student.id, scheduler, now)
        if p.answered
    }


def _accuracy_days(db, student, now) -> list[tuple[date, float, int]]:
    return accuracy_by_day(db.session, student.id, now - timedelta(days=30), now)


def test_an_answer_counts_in_progress_once_the_learner_was_shown_it(db, make_student):
    """A wrong answer only saved in a practice quiz still going may change, and counting it
    would tell the learner it is wrong before the quiz does."""
    student = make_student()
    question = db.session.scalars(sa.select(Question).where(live(Question)).limit(1)).one()
    attempt = create_attempt(db.session, student.id, [question])
    db.session.flush()
    slot = attempt.questions[0]
    now = utcnow()
    save_answer(db.session, attempt, slot, wrong_answer(question), now=now)
    db.session.commit()
    assert _topic_answers(db, student, now) == {}
    assert _accuracy_days(db, student, now) == []
    assert missed_questions(db.session, student, now) == []

    # It still is study: the topic was last studied then, with no answer counted.
    scheduler = learner_scheduler(db.session, student)
    progress = {p.topic.id: p for p in topic_progress(db.session, student.id, scheduler, now)}
    topic = progress[question.claim.topic_id]
    assert (topic.answered, topic.accuracy, topic.last_studied) == (0, None, now)
    assert topic.unshown == 1

    save_answer(db.session, attempt, slot, wrong_answer(question), check=True, now=now)
    db.session.commit()
    assert _topic_answers(db, student, now) == {question.claim.topic_id: (1, 0.0)}
    assert [n for _day, _mean, n in _accuracy_days(db, student, now)] == [1]
    assert missed_questions(db.session, student, now) == [question.id]

    # A newer answer only saved: the figures keep the checked one; last studied moves on.
    later = now + timedelta(minutes=5)
    second = create_attempt(db.session, student.id, [question])
    db.session.flush()
    save_answer(db.session, second, second.questions[0], correct_answer(question), now=later)
    db.session.commit()
    progress = {p.topic.id: p for p in topic_progress(db.session, student.id, scheduler, later)}
    topic = progress[question.claim.topic_id]
    assert (topic.answered, topic.accuracy, topic.unshown) == (1, 0.0, 1)
    assert topic.last_studied == later


def test_assignment_answers_count_in_progress_when_their_feedback_is_released(
    db, make_student, make_teacher
):
    student, teacher = make_student(), make_teacher()
    school_class = make_class(db, teacher)
    enrol(db, school_class, student)
    never, after_due, after_submission = db.session.scalars(
        sa.select(Question)
        .where(live(Question), Question.origin != "teacher")
        .order_by(Question.id)
        .limit(3)
    )
    now = utcnow()
    due = now + timedelta(days=2)
    for question, feedback in (
        (never, "never"),
        (after_due, "after_due"),
        (after_submission, "after_submission"),
    ):
        quiz_set = make_set(db, teacher, [question], feedback=feedback, title=feedback)
        assignment = make_assignment(db, quiz_set, [school_class], due_at=due)
        take(db, assignment, student, [False], now=now, submit=False)
    # Saved, not submitted: none is counted, whatever its feedback.
    assert _topic_answers(db, student, now) == {}

    for attempt in db.session.scalars(sa.select(QuizAttempt)):
        submit_attempt(db.session, attempt, now=now)
    db.session.commit()
    topic = after_submission.claim.topic_id
    # Submitted: only the assignment that shows its review on submission is counted.
    counted = _topic_answers(db, student, now)
    assert sum(n for n, _ in counted.values()) == 1 and counted[topic][1] == 0.0
    assert [n for _day, _mean, n in _accuracy_days(db, student, now)] == [1]
    # After the due date, its "after the due date" answer too; a "never" answer never.
    later = due + timedelta(minutes=1)
    assert sum(n for n, _ in _topic_answers(db, student, later).values()) == 2
    assert [n for _day, _mean, n in _accuracy_days(db, student, later)] == [2]
    # The teacher's gradebook still has all three submitted answers.
    assert db.session.scalar(sa.select(sa.func.count(Response.id))) == 3
