"""Practice through the services: what is offered, and in what order."""

from __future__ import annotations

import random
from datetime import timedelta

import sqlalchemy as sa

from quizapp.models import AttemptQuestion, Question, QuizAttempt
from quizapp.models.base import utcnow
from quizapp.services.practice import practice_title, question_candidates, start_practice
from tests.builders import enrol, make_assignment, make_class, make_set


def _practice_ids(db, student) -> set[int]:
    return {c.question_id for c in question_candidates(db.session, student.id, [])}


def test_practice_never_offers_a_question_whose_assignment_hides_its_key(
    db, make_student, make_teacher
):
    student, teacher = make_student(), make_teacher()
    school_class = make_class(db, teacher)
    enrol(db, school_class, student)
    live = sa.select(Question).where(Question.origin != "teacher", ~Question.retired)
    hidden, after_due, after_submission = db.session.scalars(live.order_by(Question.id).limit(3))
    everything = _practice_ids(db, student)
    assert {hidden.id, after_due.id, after_submission.id} <= everything
    make_assignment(db, make_set(db, teacher, [hidden], feedback="never"), [school_class])
    make_assignment(db, make_set(db, teacher, [after_due], feedback="after_due"), [school_class])
    make_assignment(db, make_set(db, teacher, [after_submission]), [school_class])
    offered = _practice_ids(db, student)
    assert offered == everything - {hidden.id, after_due.id, after_submission.id}
    outsider = make_student()  # not in the class: nothing hidden from them
    assert _practice_ids(db, outsider) == everything

    # Once the due date passed, "after the due date" feedback is out: practice may offer it.
    db.session.execute(
        sa.text("UPDATE assignment SET due_at = :past"), {"past": utcnow() - timedelta(days=1)}
    )
    db.session.commit()
    assert after_due.id in _practice_ids(db, student)
    assert hidden.id not in _practice_ids(db, student)


def test_practice_shows_choices_in_a_shuffled_order(db, make_student):
    student = make_student()
    orders = set()
    for seed in range(8):
        attempt = start_practice(db.session, student.id, [], 20, {}, rng=random.Random(seed))
        db.session.flush()
        slots = sa.select(AttemptQuestion).where(AttemptQuestion.attempt_id == attempt.id)
        for slot in db.session.scalars(slots):
            stored = tuple(c["id"] for c in slot.question.choices)
            if len(stored) >= 3:
                orders.add(tuple(slot.choice_order) == stored)
    db.session.rollback()
    assert orders == {True, False}  # the stored order is no longer what every learner sees


def test_a_practice_title_names_whole_topics_and_counts_the_rest():
    assert practice_title([]) == "Practice: all topics"
    assert practice_title(["Overview"]) == "Practice: Overview"
    names = ["Overview", "Strengthening Sino-Russian Relations", "Engagement with North Korea"]
    names += ["Conclusion", "Economic Cooperation", "Military Cooperation"]
    title = practice_title(names)
    assert title == (
        "Practice: Overview, Strengthening Sino-Russian Relations, Engagement with North Korea"
        " and 3 more topics"
    )
    long = practice_title(["word " * 60])
    assert len(long) <= 200 and long.endswith("word…")
    assert practice_title([*names[:3], "Conclusion"]).endswith("and 1 more topic")


def test_practice_hides_what_an_attempt_drew_until_that_attempt_shows_its_review(
    db, make_student, make_teacher
):
    student, teacher = make_student(), make_teacher()
    school_class = make_class(db, teacher)
    enrol(db, school_class, student)
    live = sa.select(Question).where(Question.origin != "teacher", ~Question.retired)
    shown_as_it_goes, held_back = db.session.scalars(live.order_by(Question.id).limit(2))
    quiz_set = make_set(db, teacher, [], feedback="immediately")
    assignment = make_assignment(db, quiz_set, [school_class])
    attempts = {}
    for number, (question, feedback) in enumerate(
        [(shown_as_it_goes, "immediately"), (held_back, "after_submission")], start=1
    ):
        attempt = QuizAttempt(
            user_id=student.id,
            kind="assignment",
            assignment_id=assignment.id,
            attempt_number=number,
            feedback=feedback,
        )
        attempt.questions.append(AttemptQuestion(question_id=question.id, position=1))
        db.session.add(attempt)
        attempts[feedback] = attempt
    db.session.commit()
    offered = _practice_ids(db, student)
    # Feedback after each answer gives every key away as the learner goes: nothing to hide.
    assert shown_as_it_goes.id in offered
    assert held_back.id not in offered
    attempts["after_submission"].submitted_at = utcnow()
    db.session.commit()
    assert held_back.id in _practice_ids(db, student)
