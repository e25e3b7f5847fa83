"""A teacher's view of one student's attempt, question by question."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from quizapp.core.translatable import N_
from quizapp.core.vocabulary import AttemptKind
from quizapp.models import AttemptQuestion, QuizAttempt, SchoolClass
from quizapp.services.assignments import class_assignment_ids
from quizapp.services.errors import NotFound


def class_student_attempt(
    session: Session, school_class: SchoolClass, student_id: int, attempt_id: int
) -> QuizAttempt:
    """The student's attempt at one of this class's assignments, its questions and answers
    loaded in one go; :class:`NotFound` for any other attempt."""
    assignment_ids = class_assignment_ids(school_class.id)
    attempt = session.scalar(
        sa.select(QuizAttempt)
        .where(
            QuizAttempt.id == attempt_id,
            QuizAttempt.user_id == student_id,
            QuizAttempt.kind == AttemptKind.ASSIGNMENT,
            QuizAttempt.assignment_id.in_(assignment_ids),
        )
        .options(
            selectinload(QuizAttempt.questions).selectinload(AttemptQuestion.question),
            selectinload(QuizAttempt.questions).selectinload(AttemptQuestion.response),
        )
    )
    if attempt is None:
        raise NotFound(N_("That attempt is not one of this class's."))
    return attempt
