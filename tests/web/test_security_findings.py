"""The smaller findings of a security review, each with the request that showed it."""

from __future__ import annotations

import random
from datetime import timedelta

import sqlalchemy as sa

from quizapp.models import AttemptQuestion, Flashcard, Question
from quizapp.models.base import utcnow
from quizapp.services.practice import question_candidates, start_practice
from tests.builders import enrol, make_assignment, make_class, make_set


def test_a_nul_in_an_address_is_a_404_not_a_500(client, make_student, login):
    login(client, make_student())
    assert client.get("/articles/%00").status_code == 404
    assert client.get("/articles/x%00y").status_code == 404


def test_a_huge_mode_or_topic_field_is_not_echoed_into_the_redirect(
    client, db, make_student, login
):
    login(client, make_student())
    card_id = db.session.scalar(sa.select(Flashcard.id).order_by(Flashcard.id).limit(1))
    huge = "x" * 1_000_000
    rated = client.post(
        "/cards/rate", data={"flashcard_id": card_id, "rating": "3", "mode": huge, "topic": huge}
    )
    undone = client.post("/cards/undo", data={"mode": huge, "topic": huge})
    for response in (rated, undone):
        assert response.status_code == 302
        assert len(response.location) < 200


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
