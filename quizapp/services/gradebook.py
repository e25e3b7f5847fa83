"""The gradebook of a class and a student's drill-down by topic (the class mastery heatmap is
``services.class_mastery``).

Every function issues a fixed number of queries whatever the number of students, assignments,
attempts and responses: rows are fetched in bulk and grouped here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.grading_methods import Grade, SubmittedAttempt, overall_grade
from quizapp.core.question_kinds import ungraded_types
from quizapp.core.translatable import N_
from quizapp.core.vocabulary import AttemptKind
from quizapp.models import (
    Assignment,
    AttemptQuestion,
    Claim,
    Enrollment,
    Question,
    QuizAttempt,
    Response,
    SchoolClass,
    Topic,
    User,
)
from quizapp.services.assignments import class_assignments
from quizapp.services.classes import class_students
from quizapp.services.errors import NotFound


class CellStatus(StrEnum):
    """Where a student is on an assignment, as the gradebook shows it (and styles it)."""

    GRADED = "graded"
    IN_PROGRESS = "in_progress"
    MISSING = "missing"
    NOT_STARTED = "not_started"
    UPCOMING = "upcoming"


@dataclass
class GradeCell:
    """One student on one assignment."""

    grade: Grade | None = None
    attempts: int = 0  # started, submitted or not
    in_progress: bool = False
    status: str = CellStatus.NOT_STARTED


@dataclass
class Gradebook:
    school_class: SchoolClass
    students: list[User]
    assignments: list[Assignment]
    cells: dict[tuple[int, int], GradeCell] = field(default_factory=dict)

    def cell(self, student_id: int, assignment_id: int) -> GradeCell:
        return self.cells.get((student_id, assignment_id)) or GradeCell()

    def assignment_average(self, assignment_id: int) -> float | None:
        """Mean over the students graded on it so far."""
        return self._mean_grade(lambda _s, a: a == assignment_id)

    def student_average(self, student_id: int) -> float | None:
        """Mean over the assignments graded so far (ungraded ones are not counted as 0)."""
        return self._mean_grade(lambda s, _a: s == student_id)

    def _mean_grade(self, counts: Callable[[int, int], bool]) -> float | None:
        """The mean percent of the graded cells whose (student id, assignment id) ``counts``;
        None when none is graded yet (shown as "—", never as 0 %)."""
        grades = [
            cell.grade.percent
            for (student_id, assignment_id), cell in self.cells.items()
            if cell.grade is not None and counts(student_id, assignment_id)
        ]
        return sum(grades) / len(grades) if grades else None


def _status(assignment: Assignment, cell: GradeCell, now: datetime) -> str:
    if cell.in_progress:
        return CellStatus.IN_PROGRESS
    if cell.grade is not None:
        return CellStatus.GRADED
    if assignment.open_at is not None and now < assignment.open_at:
        return CellStatus.UPCOMING
    return CellStatus.MISSING if now > assignment.due_at else CellStatus.NOT_STARTED


def class_gradebook(session: Session, school_class: SchoolClass, now: datetime) -> Gradebook:
    """Students by assignments: the grade by each set's grading method, late marks, attempts.

    Call ``assignments.finalise_overdue_attempts`` first so timed-out work is counted.
    """
    students = class_students(session, school_class.id)
    assignments = class_assignments(session, school_class.id)
    book = Gradebook(school_class, students, assignments)
    if not students or not assignments:
        return book
    by_id = {a.id: a for a in assignments}
    rows = session.execute(
        sa.select(
            QuizAttempt.user_id,
            QuizAttempt.assignment_id,
            QuizAttempt.started_at,
            QuizAttempt.submitted_at,
            QuizAttempt.score,
            QuizAttempt.max_score,
            QuizAttempt.is_late,
        )
        .join(
            Enrollment,
            sa.and_(
                Enrollment.student_id == QuizAttempt.user_id, Enrollment.class_id == school_class.id
            ),
        )
        .where(
            QuizAttempt.kind == AttemptKind.ASSIGNMENT, QuizAttempt.assignment_id.in_(list(by_id))
        )
        .order_by(QuizAttempt.started_at, QuizAttempt.id)
    )
    submitted: dict[tuple[int, int], list[SubmittedAttempt]] = defaultdict(list)
    for user_id, assignment_id, started, done, score, maximum, late in rows:
        cell = book.cells.setdefault((user_id, assignment_id), GradeCell())
        cell.attempts += 1
        if done is None:
            cell.in_progress = True
        else:
            submitted[(user_id, assignment_id)].append(
                SubmittedAttempt(started, score or 0.0, maximum, late)
            )
    for (user_id, assignment_id), attempts in submitted.items():
        method = by_id[assignment_id].quiz_set.grading_method
        book.cells[(user_id, assignment_id)].grade = overall_grade(method, attempts)
    for student in students:
        for assignment in assignments:
            cell = book.cells.setdefault((student.id, assignment.id), GradeCell())
            cell.status = _status(assignment, cell, now)
    return book


def class_student(session: Session, school_class: SchoolClass, student_id: int) -> User:
    """A student of the class; :class:`NotFound` for anyone else."""
    student = session.scalar(
        sa.select(User)
        .join(Enrollment, Enrollment.student_id == User.id)
        .where(Enrollment.class_id == school_class.id, User.id == student_id)
    )
    if student is None:
        raise NotFound(N_("That student is not in this class."))
    return student


@dataclass
class TopicResult:
    topic: Topic
    questions: int = 0
    score: float = 0.0
    max_score: float = 0.0

    @property
    def percent(self) -> float | None:
        return 100.0 * self.score / self.max_score if self.max_score else None


def student_topic_results(
    session: Session, student_id: int, assignment_ids: list[int]
) -> list[TopicResult]:
    """A student's submitted assignment work by topic: questions seen, marks out of maximum.

    Unanswered questions count 0, as they do in the grade.
    """
    if not assignment_ids:
        return []
    rows = session.execute(
        sa.select(
            Claim.topic_id,
            sa.func.count(AttemptQuestion.id),
            sa.func.coalesce(sa.func.sum(Response.score), 0.0),
            sa.func.sum(AttemptQuestion.max_mark),
        )
        .join(QuizAttempt, AttemptQuestion.attempt_id == QuizAttempt.id)
        .outerjoin(Response, Response.slot_id == AttemptQuestion.id)
        .join(Question, AttemptQuestion.question_id == Question.id)
        .join(Claim, Question.claim_id == Claim.id)
        .where(
            QuizAttempt.user_id == student_id,
            QuizAttempt.kind == AttemptKind.ASSIGNMENT,
            Question.type.not_in(ungraded_types()),
            QuizAttempt.assignment_id.in_(assignment_ids),
            QuizAttempt.submitted_at.is_not(None),
        )
        .group_by(Claim.topic_id)
    ).all()
    topics = {
        t.id: t for t in session.scalars(sa.select(Topic).where(Topic.id.in_([r[0] for r in rows])))
    }
    results = [
        TopicResult(topics[tid], n, float(score), float(maximum or 0.0))
        for tid, n, score, maximum in rows
    ]
    return sorted(results, key=lambda r: (r.topic.article_id, r.topic.position))


def student_attempts(
    session: Session, student_id: int, assignment_ids: list[int]
) -> list[QuizAttempt]:
    if not assignment_ids:
        return []
    return list(
        session.scalars(
            sa.select(QuizAttempt)
            .where(
                QuizAttempt.user_id == student_id,
                QuizAttempt.kind == AttemptKind.ASSIGNMENT,
                QuizAttempt.assignment_id.in_(assignment_ids),
            )
            .order_by(QuizAttempt.started_at, QuizAttempt.id)
        )
    )
