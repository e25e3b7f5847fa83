"""Assignments: give a set to classes with a schedule; students start, resume and finish them.

Answering, saving, expiry, submission and results happen in the quiz routes like any attempt;
this module decides whether a student may start one and with which deadline and feedback.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from quizapp.core.grading_methods import SubmittedAttempt, overall_grade
from quizapp.core.translatable import N_
from quizapp.core.vocabulary import AttemptKind, FeedbackTiming
from quizapp.models import (
    Assignment,
    AssignmentClass,
    AttemptQuestion,
    Enrollment,
    QuizAttempt,
    QuizSet,
    Response,
    SchoolClass,
)
from quizapp.services.errors import NotFound, NotNow, TeachingError
from quizapp.services.quiz_set_drawing import resolve_questions
from quizapp.services.quizzes import create_attempt, expire_if_due

MAX_TITLE = 200


@dataclass(frozen=True)
class Schedule:
    """When an assignment opens and is due (naive UTC), and whether late work is accepted."""

    title: str
    due_at: datetime
    open_at: datetime | None = None
    accept_late: bool = False

    def check(self) -> None:
        if not self.title.strip() or len(self.title) > MAX_TITLE:
            raise TeachingError(
                N_("An assignment needs a title of 1 to %(limit)s characters."), limit=MAX_TITLE
            )
        if self.open_at is not None and self.open_at >= self.due_at:
            raise TeachingError(N_("The due date must come after the open date."))


def _owned_classes(session: Session, teacher_id: int, class_ids: Sequence[int]):
    wanted = set(class_ids)
    if not wanted:
        raise TeachingError(N_("Choose at least one class."))
    classes = session.scalars(
        sa.select(SchoolClass).where(
            SchoolClass.id.in_(wanted), SchoolClass.teacher_id == teacher_id
        )
    ).all()
    if len(classes) != len(wanted):
        raise NotFound(N_("There is no such class among yours."))
    return list(classes)


def _apply(assignment: Assignment, schedule: Schedule) -> None:
    schedule.check()
    assignment.title = " ".join(schedule.title.split())
    assignment.open_at = schedule.open_at
    assignment.due_at = schedule.due_at
    assignment.accept_late = schedule.accept_late


LATE_WITH_FEEDBACK_AFTER_DUE = (
    "Late work cannot be accepted when the set shows feedback after the due date: the answers "
    "would be shown while late attempts can still start. Change the set's feedback setting, or "
    "do not accept late work."
)


def check_feedback_allows_late(feedback: str, accept_late: bool) -> None:
    """Feedback after the due date unlocks the answer key at the due date, so no attempt may
    start after it: refuse it together with late work."""
    if feedback == FeedbackTiming.AFTER_DUE and accept_late:
        raise TeachingError(LATE_WITH_FEEDBACK_AFTER_DUE)


def create_assignment(
    session: Session, quiz_set: QuizSet, class_ids: Sequence[int], schedule: Schedule
) -> Assignment:
    """Assign ``quiz_set`` to the teacher's classes ``class_ids``."""
    if not quiz_set.items:
        raise TeachingError(N_("Add questions to the set before assigning it."))
    check_feedback_allows_late(quiz_set.feedback, schedule.accept_late)
    assignment = Assignment(quiz_set=quiz_set)
    _apply(assignment, schedule)
    assignment.classes = _owned_classes(session, quiz_set.teacher_id, class_ids)
    session.add(assignment)
    return assignment


def update_assignment(
    session: Session, assignment: Assignment, class_ids: Sequence[int], schedule: Schedule
) -> None:
    """Change the schedule or classes; attempts already made follow the new schedule.

    Every attempt's late mark and "after the due date" feedback move to the new due date, and
    unfinished attempts get their deadline recomputed (as Moodle does for open attempts): an
    extension keeps them open, an earlier due date closes them sooner.
    """
    check_feedback_allows_late(assignment.quiz_set.feedback, schedule.accept_late)
    _apply(assignment, schedule)
    assignment.classes = _owned_classes(session, assignment.quiz_set.teacher_id, class_ids)
    mine = sa.and_(
        QuizAttempt.assignment_id == assignment.id, QuizAttempt.kind == AttemptKind.ASSIGNMENT
    )
    session.execute(
        sa.update(QuizAttempt)
        .where(mine)
        .values(late_after=assignment.due_at, feedback_after=assignment.due_at)
    )
    unfinished = session.scalars(
        sa.select(QuizAttempt).where(mine, QuizAttempt.submitted_at.is_(None))
    )
    for attempt in unfinished:
        attempt.deadline = attempt_deadline(assignment, attempt.started_at)


def owned_assignment(session: Session, assignment_id: int, teacher_id: int) -> Assignment:
    assignment = session.scalar(
        sa.select(Assignment)
        .join(QuizSet, Assignment.quiz_set_id == QuizSet.id)
        .where(Assignment.id == assignment_id, QuizSet.teacher_id == teacher_id)
        .options(selectinload(Assignment.classes), selectinload(Assignment.quiz_set))
    )
    if assignment is None:
        raise NotFound(N_("There is no such assignment among yours."))
    return assignment


def teacher_assignments(session: Session, teacher_id: int) -> list[Assignment]:
    return list(
        session.scalars(
            sa.select(Assignment)
            .join(QuizSet, Assignment.quiz_set_id == QuizSet.id)
            .where(QuizSet.teacher_id == teacher_id)
            .options(selectinload(Assignment.classes), selectinload(Assignment.quiz_set))
            .order_by(Assignment.due_at.desc(), Assignment.id.desc())
        )
    )


def class_assignments(session: Session, class_id: int) -> list[Assignment]:
    """A class's assignments by due date, each with its set."""
    return list(
        session.scalars(
            sa.select(Assignment)
            .join(AssignmentClass, AssignmentClass.assignment_id == Assignment.id)
            .where(AssignmentClass.class_id == class_id)
            .options(selectinload(Assignment.quiz_set))
            .order_by(Assignment.due_at, Assignment.id)
        )
    )


def enrolled_student_ids(session: Session, assignment: Assignment) -> set[int]:
    """Students currently in any of the assignment's classes: the only results a teacher sees."""
    return set(
        session.scalars(
            sa.select(Enrollment.student_id)
            .join(AssignmentClass, AssignmentClass.class_id == Enrollment.class_id)
            .where(AssignmentClass.assignment_id == assignment.id)
        )
    )


# --- students --------------------------------------------------------------------------------


def assignment_for_student(session: Session, assignment_id: int, user_id: int) -> Assignment:
    """The assignment if the student is in one of its classes; :class:`NotFound` otherwise."""
    assignment = session.scalar(
        sa.select(Assignment)
        .join(AssignmentClass, AssignmentClass.assignment_id == Assignment.id)
        .join(Enrollment, Enrollment.class_id == AssignmentClass.class_id)
        .where(Assignment.id == assignment_id, Enrollment.student_id == user_id)
        .options(selectinload(Assignment.quiz_set))
        .limit(1)
    )
    if assignment is None:
        raise NotFound(N_("There is no such assignment in your classes."))
    return assignment


def attempt_deadline(assignment: Assignment, started: datetime) -> datetime | None:
    """When the server submits an attempt started at ``started``.

    The time limit runs from the start; without late work the due date also ends it.
    """
    limit = assignment.quiz_set.time_limit_minutes
    deadline = started + timedelta(minutes=limit) if limit else None
    if not assignment.accept_late:
        deadline = min(deadline, assignment.due_at) if deadline else assignment.due_at
    return deadline


def start_assignment_attempt(
    session: Session,
    assignment: Assignment,
    user_id: int,
    now: datetime,
    rng: random.Random | None = None,
) -> QuizAttempt:
    """The student's unfinished attempt, or a new one if the schedule and attempts allow."""
    quiz_set = assignment.quiz_set
    if assignment.open_at is not None and now < assignment.open_at:
        raise NotNow(f"This assignment opens on {assignment.open_at:%d %b %Y at %H:%M} UTC.")
    attempts = session.scalars(
        sa.select(QuizAttempt).where(
            QuizAttempt.user_id == user_id,
            QuizAttempt.assignment_id == assignment.id,
            QuizAttempt.kind == AttemptKind.ASSIGNMENT,
        )
    ).all()
    for attempt in attempts:
        expire_if_due(session, attempt, now)
        if attempt.submitted_at is None:
            return attempt
    if now > assignment.due_at and not assignment.accept_late:
        raise NotNow(N_("The due date has passed and this assignment does not accept late work."))
    allowed = quiz_set.attempts_allowed
    if allowed and len(attempts) >= allowed:
        raise NotNow(f"You have used all {allowed} attempt{'s' if allowed != 1 else ''}.")
    rng = rng or random.Random()
    questions = resolve_questions(session, quiz_set, rng)
    if not questions:
        raise NotNow(N_("This assignment has no questions yet; tell your teacher."))
    attempt = create_attempt(
        session,
        user_id,
        questions,
        kind=AttemptKind.ASSIGNMENT,
        title=assignment.title,
        shuffle_choices=quiz_set.shuffle_choices,
        rng=rng,
        assignment_id=assignment.id,
        deadline=attempt_deadline(assignment, now),
        late_after=assignment.due_at,
        feedback=quiz_set.feedback,
        feedback_after=assignment.due_at,
        attempt_number=len(attempts) + 1,
    )
    attempt.started_at = now
    return attempt


def class_assignment_ids(class_id: int) -> sa.Select:
    """A subquery of the class's assignment ids (for ``finalise_overdue_attempts``)."""
    return sa.select(AssignmentClass.assignment_id).where(AssignmentClass.class_id == class_id)


def finalise_overdue_attempts(
    session: Session, now: datetime, assignment_ids: Sequence[int] | sa.Select
) -> int:
    """Submit, in one UPDATE, every attempt of these assignments whose deadline has passed.

    The set-based form of ``quizzes.expire_if_due``/``submit_attempt`` (same score, maximum,
    submission time and late mark), so the gradebook and statistics count timed-out work
    without loading each attempt. Returns how many attempts it submitted.
    """
    if not isinstance(assignment_ids, sa.Select):
        if not assignment_ids:
            return 0
        assignment_ids = list(assignment_ids)
    scored = (
        sa.select(sa.func.coalesce(sa.func.sum(Response.score), 0.0))
        .join(AttemptQuestion, Response.slot_id == AttemptQuestion.id)
        .where(AttemptQuestion.attempt_id == QuizAttempt.id)
        .scalar_subquery()
    )
    maximum = (
        sa.select(sa.func.coalesce(sa.func.sum(AttemptQuestion.max_mark), 0.0))
        .where(AttemptQuestion.attempt_id == QuizAttempt.id)
        .scalar_subquery()
    )
    late = sa.case(
        (
            sa.and_(
                QuizAttempt.late_after.is_not(None), QuizAttempt.deadline > QuizAttempt.late_after
            ),
            True,
        ),
        else_=False,
    )
    result = session.execute(
        sa.update(QuizAttempt)
        .where(
            QuizAttempt.kind == AttemptKind.ASSIGNMENT,
            QuizAttempt.assignment_id.in_(assignment_ids),
            QuizAttempt.submitted_at.is_(None),
            QuizAttempt.deadline.is_not(None),
            QuizAttempt.deadline <= now,
        )
        .values(score=scored, max_score=maximum, submitted_at=QuizAttempt.deadline, is_late=late)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount:
        session.expire_all()  # attempts already loaded must not keep their open state
    return result.rowcount or 0


class RowStatus(StrEnum):
    """Where an assignment stands for a student, in the order their list shows them."""

    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"
    UPCOMING = "upcoming"
    SUBMITTED = "submitted"
    CLOSED = "closed"


@dataclass
class StudentAssignmentRow:
    """One line of a student's assignment list (``templates/classroom/_student_assignments``)."""

    assignment_id: int
    title: str
    classes: list[str]
    open_at: datetime | None
    due_at: datetime
    accept_late: bool
    time_limit_minutes: int | None
    attempts_allowed: int
    status: str = RowStatus.NOT_STARTED
    attempts_used: int = 0
    grade_percent: float | None = None  # None until every submitted attempt shows its review
    results_after: datetime | None = None  # feedback after the due date: when the grade shows
    late: bool = False
    can_start: bool = False
    attempt_id: int | None = None  # the attempt to resume, else the latest to see results of
    time_up: bool = False  # an unfinished attempt past its deadline (submitted when opened)
    overdue: bool = False  # past the due date: a new attempt would be late
    submitted: list[QuizAttempt] = field(default_factory=list)


# Built once: every dashboard visit runs them (building a statement costs about as much as
# running it), bound per call.
_STUDENT = sa.bindparam("user_id", type_=sa.Integer)
_STUDENT_ASSIGNMENTS = (
    sa.select(Assignment, QuizSet, SchoolClass.name)
    .join(QuizSet, Assignment.quiz_set_id == QuizSet.id)
    .join(AssignmentClass, AssignmentClass.assignment_id == Assignment.id)
    .join(SchoolClass, SchoolClass.id == AssignmentClass.class_id)
    .join(Enrollment, Enrollment.class_id == SchoolClass.id)
    .where(Enrollment.student_id == _STUDENT)
    .order_by(Assignment.due_at, Assignment.id, SchoolClass.name)
)
_STUDENT_ASSIGNMENT_ATTEMPTS = (
    sa.select(QuizAttempt)
    .where(
        QuizAttempt.user_id == _STUDENT,
        QuizAttempt.kind == AttemptKind.ASSIGNMENT,
        QuizAttempt.assignment_id.in_(sa.bindparam("assignment_ids", expanding=True)),
    )
    .order_by(QuizAttempt.started_at, QuizAttempt.id)
)


def student_assignment_rows(
    session: Session, user_id: int, now: datetime
) -> list[StudentAssignmentRow]:
    """The student's assignments in all their classes, open ones first by due date.

    Reads only (two queries whatever the number of classes, assignments and attempts); an
    attempt whose time is up is shown as such and is submitted when the student opens it.
    """
    rows: dict[int, StudentAssignmentRow] = {}
    methods: dict[int, str] = {}
    listed = session.execute(_STUDENT_ASSIGNMENTS, {"user_id": user_id})
    for assignment, quiz_set, class_name in listed:
        row = rows.get(assignment.id)
        if row is None:
            row = rows[assignment.id] = StudentAssignmentRow(
                assignment.id,
                assignment.title,
                [],
                assignment.open_at,
                assignment.due_at,
                assignment.accept_late,
                quiz_set.time_limit_minutes,
                quiz_set.attempts_allowed,
            )
            methods[assignment.id] = quiz_set.grading_method
        row.classes.append(class_name)
    if not rows:
        return []
    attempts = session.scalars(
        _STUDENT_ASSIGNMENT_ATTEMPTS, {"user_id": user_id, "assignment_ids": list(rows)}
    )
    open_attempts: dict[int, QuizAttempt] = {}
    for attempt in attempts:
        row = rows[attempt.assignment_id]
        row.attempts_used += 1
        if attempt.submitted_at is not None:
            row.submitted.append(attempt)
        else:
            open_attempts[attempt.assignment_id] = attempt
    for assignment_id, row in rows.items():
        _settle_status(row, open_attempts.get(assignment_id), methods[assignment_id], now)
    order = {status: position for position, status in enumerate(RowStatus)}
    return sorted(rows.values(), key=lambda r: (order[r.status], r.due_at))


def _settle_status(
    row: StudentAssignmentRow, open_attempt: QuizAttempt | None, method: str, now: datetime
) -> None:
    _settle_grade(row, method, now)
    row.overdue = now > row.due_at
    if open_attempt is not None:
        _settle_open(row, open_attempt, now)
    else:
        _settle_without_open(row, now)


def _settle_grade(row: StudentAssignmentRow, method: str, now: datetime) -> None:
    """The row's overall grade, or when its results are shown if they are not yet."""
    grade = overall_grade(
        method,
        [
            SubmittedAttempt(a.started_at, a.score or 0.0, a.max_score, a.is_late)
            for a in row.submitted
        ],
    )
    if grade is None:
        return
    row.late = grade.late
    # The grade tells right from wrong: show it only when the set's feedback setting
    # shows the review of every attempt it is made of.
    if all(a.shows_review(now) for a in row.submitted):
        row.grade_percent = grade.percent
    else:
        row.results_after = max(
            (
                a.feedback_after
                for a in row.submitted
                if a.feedback == FeedbackTiming.AFTER_DUE
                and a.feedback_after
                and now < a.feedback_after
            ),
            default=None,
        )


def _settle_open(row: StudentAssignmentRow, open_attempt: QuizAttempt, now: datetime) -> None:
    """An attempt under way: in progress, or submitted when its time is up."""
    row.attempt_id = open_attempt.id
    if open_attempt.deadline is not None and now >= open_attempt.deadline:
        row.status, row.time_up = RowStatus.SUBMITTED, True
    else:
        row.status = RowStatus.IN_PROGRESS


def _settle_without_open(row: StudentAssignmentRow, now: datetime) -> None:
    """No attempt under way: upcoming, submitted (perhaps with another try), open or closed."""
    accepting = not row.overdue or row.accept_late
    attempts_left = not row.attempts_allowed or row.attempts_used < row.attempts_allowed
    if row.submitted:
        row.attempt_id = row.submitted[-1].id
    if row.open_at is not None and now < row.open_at:
        row.status = RowStatus.UPCOMING
    elif row.submitted:
        row.status = RowStatus.SUBMITTED
        row.can_start = accepting and attempts_left
    elif accepting:
        row.status, row.can_start = RowStatus.NOT_STARTED, True
    else:
        row.status = RowStatus.CLOSED
