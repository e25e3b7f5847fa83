"""Fixtures shared by test modules in more than one folder (registered in tests/conftest.py):
worked examples of a class's work."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from quizapp.core.question_kinds import ungraded_types
from quizapp.models import Claim, Flashcard, Question
from quizapp.models.base import utcnow
from tests.builders import (
    enrol,
    make_assignment,
    make_class,
    make_set,
    seeded_questions,
    take,
)


@pytest.fixture
def school(db, make_teacher, make_student):
    """Three students, two assignments of three true/false questions each.

    Homework 1 (due next week): Student A 0/3 then 2/3; Student B 3/3; Student C nothing.
    Homework 2 (due an hour ago, late work accepted): Student A 3/3 late; Student B started, not
    submitted; Student C nothing.
    """
    teacher = make_teacher()
    school_class = make_class(db, teacher)
    student_a, student_b, student_c = (
        make_student(name=n) for n in ("Student A", "Student B", "Student C")
    )
    enrol(db, school_class, student_a, student_b, student_c)
    questions = seeded_questions(db, 6, "true_false")
    first = make_set(db, teacher, questions[:3], title="Homework 1")
    second = make_set(db, teacher, questions[3:], title="Homework 2", grading_method="last")
    hw1 = make_assignment(db, first, [school_class])
    hw2 = make_assignment(
        db, second, [school_class], due_at=utcnow() - timedelta(hours=1), accept_late=True
    )
    take(db, hw1, student_a, [False, False, False], now=utcnow() - timedelta(minutes=5))
    take(db, hw1, student_a, [True, True, False])
    take(db, hw1, student_b)
    take(db, hw2, student_a)
    take(db, hw2, student_b, [True, None, None], submit=False)
    return teacher, school_class, (student_a, student_b, student_c), (hw1, hw2)


@pytest.fixture
def analysed(db, make_teacher, make_student):
    """Four students' attempts at three questions, worked by hand in
    tests/services/test_item_analysis.py; returns the teacher, the assignment and the questions."""
    teacher = make_teacher()
    school_class = make_class(db, teacher)
    students = [make_student() for _ in range(4)]
    enrol(db, school_class, *students)
    q1 = next(q for q in seeded_questions(db, 10, "single_choice") if len(q.choices) >= 3)
    q2, q3 = seeded_questions(db, 2, "true_false")
    quiz_set = make_set(db, teacher, [q1, q2, q3], attempts_allowed=0)
    assignment = make_assignment(db, quiz_set, [school_class])
    s1, s2, s3, s4 = students
    take(db, assignment, s1, [True, True, True])
    take(db, assignment, s2, [True, False, True])
    take(db, assignment, s3, [False, True, False])
    take(db, assignment, s4, [None, False, False])
    take(db, assignment, s4, [True, True, True])
    return teacher, assignment, (q1, q2, q3)


@pytest.fixture
def tag_seeded_cards(db):
    """``tag_seeded_cards(count, *tags)`` tags the last ``count`` of the seeded article's
    cards (in study order: the new-card queue meets them last) and returns them; the seeded
    cards outlive a test, so every tag goes again after it."""

    def tag(count: int, *tags: str) -> list[Flashcard]:
        cards = db.session.scalars(
            sa.select(Flashcard)
            .join(Claim, Flashcard.claim_id == Claim.id)
            .where(Flashcard.origin != "teacher", ~Flashcard.retired)
            .order_by(Claim.start_offset.desc(), Flashcard.id.desc())
            .limit(count)
        ).all()
        for card in cards:
            card.tags = list(tags)
        db.session.commit()
        return list(reversed(cards))

    yield tag
    db.session.rollback()
    db.session.execute(sa.update(Flashcard).values(tags=[]))
    db.session.commit()


@pytest.fixture
def tag_seeded_questions(db):
    """``tag_seeded_questions(count, *tags, topic_id=None)`` tags ``count`` of the seeded
    questions a learner may practise (of one topic, if given; the first by id) and returns
    them; like ``tag_seeded_cards``, every tag goes again after the test."""

    def tag(count: int, *tags: str, topic_id: int | None = None) -> list[Question]:
        stmt = (
            sa.select(Question)
            .join(Claim, Question.claim_id == Claim.id)
            .where(
                Question.origin != "teacher",
                ~Question.retired,
                Question.type.not_in(ungraded_types()),
            )
            .order_by(Question.id)
            .limit(count)
        )
        if topic_id is not None:
            stmt = stmt.where(Claim.topic_id == topic_id)
        questions = db.session.scalars(stmt).all()
        assert len(questions) == count, "the seeded bank has fewer questions than asked"
        for question in questions:
            question.tags = list(tags)
        db.session.commit()
        return list(questions)

    yield tag
    db.session.rollback()
    db.session.execute(sa.update(Question).values(tags=[]))
    db.session.commit()


HINTS = ["Think of the pipeline.", "It starts in Siberia."]


@pytest.fixture
def hinted_questions(db):
    """``hinted_questions(count)``: the first ``count`` seeded questions of one topic (fewer if
    it has fewer) given ``HINTS``;
    the seeded rows outlive a test, so their hints go again after it."""

    def give(count: int) -> list[Question]:
        first = seeded_questions(db, 1)[0]
        questions = db.session.scalars(
            sa.select(Question)
            .join(Claim, Question.claim_id == Claim.id)
            .where(Claim.topic_id == first.claim.topic_id, ~Question.retired)
            .where(Question.origin != "teacher")
            .order_by(Question.id)
            .limit(count)
        ).all()
        for question in questions:
            question.hints = list(HINTS)
        db.session.commit()
        return list(questions)

    yield give
    db.session.rollback()
    db.session.execute(sa.update(Question).values(hints=[]))
    db.session.commit()
