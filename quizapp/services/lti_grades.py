"""The grade outbox: each submitted attempt on an assignment an LMS activity opens becomes one
row with the learner's grade (by the set's grading method), kept until the LMS takes it.

A row is made when the attempt is submitted (the quiz's submit route) and, for attempts closed
another way (a time limit running out), by the sweep ``flask lti send-grades`` starts with.
One row per attempt (a unique key), so no attempt is queued twice. Services never commit.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.clock import utcnow
from quizapp.core.grading_methods import SubmittedAttempt, overall_grade
from quizapp.core.vocabulary import FeedbackTiming
from quizapp.models import (
    Assignment,
    Enrollment,
    LtiGradeOutbox,
    LtiResourceLink,
    LtiUserLink,
    QuizAttempt,
    QuizSet,
)

FIRST_RETRY = timedelta(minutes=1)
LONGEST_WAIT = timedelta(hours=6)
SCORE_MAXIMUM = 100.0  # grades go as percentages; the LMS scales them to its column


def retry_delay(tries: int) -> timedelta:
    """How long to wait after the ``tries``-th failure: doubling from a minute, at most six
    hours, so an LMS down for a day gets a few dozen tries, not thousands."""
    return min(FIRST_RETRY * (2 ** max(tries - 1, 0)), LONGEST_WAIT)


def _grade_link(session: Session, attempt: QuizAttempt) -> tuple[LtiResourceLink, str] | None:
    """The activity whose grade column takes this attempt's grade, and the learner's LMS id:
    an activity of a class the learner is in (an assignment given to several LMS courses'
    classes has an activity in each; the grade goes to the learner's own course)."""
    own_classes = sa.select(Enrollment.class_id).where(Enrollment.student_id == attempt.user_id)
    row = session.execute(
        sa.select(LtiResourceLink, LtiUserLink.subject)
        .join(LtiUserLink, LtiUserLink.platform_id == LtiResourceLink.platform_id)
        .where(
            LtiResourceLink.assignment_id == attempt.assignment_id,
            LtiResourceLink.lineitem_url.is_not(None),
            LtiResourceLink.class_id.in_(own_classes),
            LtiUserLink.user_id == attempt.user_id,
        )
        .order_by(LtiResourceLink.id)
        .limit(1)
    ).first()
    return (row[0], row[1]) if row else None


def _grade_percent(session: Session, attempt: QuizAttempt) -> float:
    """The learner's grade on the assignment so far, up to and including ``attempt``."""
    method = session.scalar(
        sa.select(QuizSet.grading_method)
        .join(Assignment, Assignment.quiz_set_id == QuizSet.id)
        .where(Assignment.id == attempt.assignment_id)
    )
    submitted = session.scalars(
        sa.select(QuizAttempt).where(
            QuizAttempt.assignment_id == attempt.assignment_id,
            QuizAttempt.user_id == attempt.user_id,
            QuizAttempt.submitted_at.is_not(None),
            QuizAttempt.id <= attempt.id,
        )
    ).all()
    grade = overall_grade(
        method,
        [SubmittedAttempt(a.started_at, a.score or 0.0, a.max_score, a.is_late) for a in submitted],
    )
    return round(grade.percent, 2) if grade else 0.0


def _first_try(attempt: QuizAttempt, now: datetime) -> datetime:
    """Now, or, for a set that shows right and wrong only after the due date, then: the LMS
    shows a grade to the learner, and the grade tells right from wrong."""
    held = attempt.feedback == FeedbackTiming.AFTER_DUE and attempt.feedback_after
    return max(now, attempt.feedback_after) if held else now


def queue_grade(session: Session, attempt: QuizAttempt) -> LtiGradeOutbox | None:
    """The outbox row of a submitted attempt on an LMS-linked assignment (made if needed);
    None for any other attempt."""
    if attempt.assignment_id is None or attempt.submitted_at is None:
        return None
    queued = session.scalar(
        sa.select(LtiGradeOutbox).where(LtiGradeOutbox.attempt_id == attempt.id)
    )
    if queued is not None:
        return queued
    found = _grade_link(session, attempt)
    if found is None:
        return None
    link, subject = found
    row = LtiGradeOutbox(
        attempt_id=attempt.id,
        resource_link_id=link.id,
        subject=subject,
        score_given=_grade_percent(session, attempt),
        score_maximum=SCORE_MAXIMUM,
        graded_at=attempt.submitted_at,
        next_try_at=_first_try(attempt, utcnow()),
    )
    session.add(row)
    session.flush()
    return row


def queue_missing_grades(session: Session) -> int:
    """Queue every submitted attempt on a linked assignment that has no row yet (closed by a
    time limit, or submitted before the activity was linked); how many were queued."""
    missing = session.scalars(
        sa.select(QuizAttempt)
        .join(LtiResourceLink, LtiResourceLink.assignment_id == QuizAttempt.assignment_id)
        .join(
            LtiUserLink,
            sa.and_(
                LtiUserLink.platform_id == LtiResourceLink.platform_id,
                LtiUserLink.user_id == QuizAttempt.user_id,
            ),
        )
        .outerjoin(LtiGradeOutbox, LtiGradeOutbox.attempt_id == QuizAttempt.id)
        .where(
            QuizAttempt.submitted_at.is_not(None),
            LtiResourceLink.lineitem_url.is_not(None),
            LtiGradeOutbox.id.is_(None),
        )
        .order_by(QuizAttempt.id)
        .distinct()
    ).all()
    return sum(queue_grade(session, attempt) is not None for attempt in missing)


def next_due_grade(session: Session, now: datetime) -> LtiGradeOutbox | None:
    """The oldest unsent grade whose time has come, locked for this sender (on PostgreSQL a
    second sender skips it rather than posting it too)."""
    return session.scalar(
        sa.select(LtiGradeOutbox)
        .where(LtiGradeOutbox.sent_at.is_(None), LtiGradeOutbox.next_try_at <= now)
        .order_by(LtiGradeOutbox.id)
        .limit(1)
        .with_for_update(skip_locked=True)
    )


def record_sent(row: LtiGradeOutbox, now: datetime) -> None:
    row.sent_at = now
    row.tries += 1
    row.last_error = ""


def record_failure(row: LtiGradeOutbox, now: datetime, error: str) -> None:
    """The LMS did not take the grade: try again later, longer after each failure."""
    row.tries += 1
    row.last_error = error[:500]
    row.next_try_at = now + retry_delay(row.tries)
