"""What learners do: quiz attempts and their answers, flashcard memory and the review log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.hybrid import hybrid_method
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.core.clock import utcnow
from quizapp.core.vocabulary import AttemptKind, FeedbackTiming
from quizapp.extensions import db
from quizapp.models.content import Flashcard, Question


class QuizAttempt(db.Model):
    """One sitting of a quiz: a practice quiz, a daily review, or an assignment attempt."""

    __table_args__ = (
        sa.Index("ix_quiz_attempt_user_submitted", "user_id", "submitted_at"),
        # One attempt per number: a double-clicked Start cannot open two attempts (NULLs, as
        # in practice quizzes, never collide).
        sa.UniqueConstraint("user_id", "assignment_id", "attempt_number"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(sa.String(16), default=AttemptKind.PRACTICE)  # AttemptKind
    # An assigned set cannot be deleted (services.quiz_sets), so RESTRICT never bites a teacher.
    assignment_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("assignment.id", ondelete="RESTRICT"), index=True
    )
    attempt_number: Mapped[int | None]
    title: Mapped[str] = mapped_column(sa.String(200), default="Practice quiz")
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Set when the attempt must end (a timed assignment); the server submits it after that.
    deadline: Mapped[datetime | None]
    submitted_at: Mapped[datetime | None]
    score: Mapped[float | None]  # sum of question scores
    max_score: Mapped[float] = mapped_column(default=0.0)
    # An assignment's due date: an attempt submitted after it is marked late.
    late_after: Mapped[datetime | None]
    is_late: Mapped[bool] = mapped_column(default=False)
    # When the learner sees right/wrong and the explanation: immediately | after_submission |
    # after_due | never; copied from the assignment so later edits do not change a sitting.
    feedback: Mapped[str] = mapped_column(sa.String(20), default=FeedbackTiming.IMMEDIATELY)
    feedback_after: Mapped[datetime | None]  # for after_due: the due date

    questions: Mapped[list[AttemptQuestion]] = relationship(
        back_populates="attempt", order_by="AttemptQuestion.position", cascade="all, delete-orphan"
    )

    def shows_feedback_now(self, now: datetime) -> bool:
        """Right/wrong and explanations for a question just answered."""
        return self.feedback == FeedbackTiming.IMMEDIATELY

    @hybrid_method
    def shows_review(self, now: datetime) -> bool:
        """The per-question review after submission: the attempt's answers are shown right or
        wrong. On the class, the same rule as a SQL condition (for the learner's figures)."""
        if self.submitted_at is None or self.feedback == FeedbackTiming.NEVER:
            return False
        if self.feedback == FeedbackTiming.AFTER_DUE:
            return self.feedback_after is None or now >= self.feedback_after
        return True

    @shows_review.inplace.expression
    @classmethod
    def _shows_review_condition(cls, now: datetime) -> sa.ColumnElement[bool]:
        return sa.and_(
            cls.submitted_at.is_not(None),
            cls.feedback != FeedbackTiming.NEVER,
            sa.or_(
                cls.feedback != FeedbackTiming.AFTER_DUE,
                cls.feedback_after.is_(None),
                cls.feedback_after <= now,
            ),
        )

    @property
    def percent(self) -> float | None:
        if self.score is None or not self.max_score:
            return None
        return 100.0 * self.score / self.max_score


class AttemptQuestion(db.Model):
    """A question's place in an attempt, with the order its choices were shown in."""

    __table_args__ = (
        sa.UniqueConstraint("attempt_id", "position"),
        sa.UniqueConstraint("attempt_id", "question_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(sa.ForeignKey("quiz_attempt.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("question.id", ondelete="CASCADE"))
    position: Mapped[int]
    choice_order: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    max_mark: Mapped[float] = mapped_column(default=1.0)

    attempt: Mapped[QuizAttempt] = relationship(back_populates="questions")
    question: Mapped[Question] = relationship()
    response: Mapped[Response | None] = relationship(back_populates="slot", uselist=False)


class Response(db.Model):
    """The learner's current answer to one question of one attempt (one row, updated in place).

    ``user_id`` and ``question_id`` repeat what the slot knows so that statistics per learner,
    topic and question need no join through attempts.
    """

    __table_args__ = (
        sa.Index("ix_response_user_answered", "user_id", "answered_at"),
        sa.Index("ix_response_question", "question_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    slot_id: Mapped[int] = mapped_column(
        sa.ForeignKey("attempt_question.id", ondelete="CASCADE"), unique=True
    )
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("question.id", ondelete="CASCADE"))
    answer: Mapped[Any] = mapped_column(sa.JSON)
    score: Mapped[float] = mapped_column(default=0.0)
    correct: Mapped[bool] = mapped_column(default=False)
    # A checked answer showed its feedback, so it can no longer change.
    checked: Mapped[bool] = mapped_column(default=False)
    answered_at: Mapped[datetime] = mapped_column(default=utcnow)

    slot: Mapped[AttemptQuestion] = relationship(back_populates="response")


class CardState(db.Model):
    """A learner's FSRS memory of one flashcard; ``fsrs`` is ``fsrs.Card.to_dict()``."""

    __table_args__ = (
        sa.UniqueConstraint("user_id", "flashcard_id"),
        sa.Index("ix_card_state_user_due", "user_id", "due"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"))
    flashcard_id: Mapped[int] = mapped_column(sa.ForeignKey("flashcard.id", ondelete="CASCADE"))
    fsrs: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    due: Mapped[datetime]
    state: Mapped[int]  # fsrs.State: 1 learning, 2 review, 3 relearning
    stability: Mapped[float | None]
    last_review: Mapped[datetime | None]
    introduced_at: Mapped[datetime] = mapped_column(default=utcnow)

    flashcard: Mapped[Flashcard] = relationship()


class ReviewLog(db.Model):
    """Every flashcard rating, kept so that FSRS parameters can be fitted to the learner."""

    __table_args__ = (sa.Index("ix_review_log_user_time", "user_id", "reviewed_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"))
    flashcard_id: Mapped[int] = mapped_column(
        sa.ForeignKey("flashcard.id", ondelete="CASCADE"), index=True
    )
    rating: Mapped[int]
    reviewed_at: Mapped[datetime] = mapped_column(default=utcnow)
    duration_ms: Mapped[int | None]
    state_before: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)
    state_after: Mapped[dict[str, Any]] = mapped_column(sa.JSON)


class FsrsParameters(db.Model):
    """FSRS parameters fitted to one learner's review log, with the figures that justified them.

    Every fit is recorded (kept or not); the scheduler uses the newest row with ``kept`` true.
    """

    __table_args__ = (sa.Index("ix_fsrs_parameters_user_fitted", "user_id", "fitted_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"))
    parameters: Mapped[list[float] | None] = mapped_column(sa.JSON)
    kept: Mapped[bool] = mapped_column(default=False)
    fitted_at: Mapped[datetime] = mapped_column(default=utcnow)
    n_reviews: Mapped[int] = mapped_column(default=0)
    current_log_loss: Mapped[float | None]
    candidate_log_loss: Mapped[float | None]
    reason: Mapped[str] = mapped_column(sa.Text, default="")
