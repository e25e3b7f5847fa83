"""Quiz sets: their settings, the teacher's list, ownership and deletion.

The builder's edits (search, add, draw, move, remove) are in ``quiz_set_items``; turning a set
into the questions of one sitting is ``quiz_set_drawing``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from quizapp.core.grading_methods import GRADING_METHODS, GradingMethod
from quizapp.core.translatable import N_
from quizapp.core.vocabulary import FeedbackTiming
from quizapp.models import Assignment, Claim, Question, QuizSet, QuizSetItem
from quizapp.services.errors import NotFound, NotNow, TeachingError

FEEDBACK_LABELS = {
    FeedbackTiming.IMMEDIATELY: N_("Immediately, after each answer"),
    FeedbackTiming.AFTER_SUBMISSION: N_("After submission"),
    FeedbackTiming.AFTER_DUE: N_("After the due date"),
    FeedbackTiming.NEVER: N_("Never"),
}
MAX_TIME_LIMIT_MINUTES = 600
MAX_ATTEMPTS = 20
MAX_SET_QUESTIONS = 100
MAX_DRAW = 50
SEARCH_LIMIT = 200  # the builder lists at most this many matches; filters narrow it down


@dataclass(frozen=True)
class SetSettings:
    title: str
    time_limit_minutes: int | None = None
    attempts_allowed: int = 1
    grading_method: str = GradingMethod.HIGHEST
    shuffle_questions: bool = False
    shuffle_choices: bool = False
    feedback: str = FeedbackTiming.AFTER_SUBMISSION

    def check(self) -> None:
        """Raise :class:`TeachingError` naming the first setting out of range."""
        if not self.title.strip() or len(self.title) > 200:
            raise TeachingError(N_("A quiz set needs a title of 1 to 200 characters."))
        limit = self.time_limit_minutes
        if limit is not None and not 1 <= limit <= MAX_TIME_LIMIT_MINUTES:
            raise TeachingError(
                N_("The time limit is 1 to %(limit)s minutes, or empty for none."),
                limit=MAX_TIME_LIMIT_MINUTES,
            )
        if not 0 <= self.attempts_allowed <= MAX_ATTEMPTS:
            raise TeachingError(
                N_("Attempts allowed: 1 to %(limit)s, or 0 for unlimited."), limit=MAX_ATTEMPTS
            )
        if self.grading_method not in GRADING_METHODS:
            raise TeachingError(N_("Unknown grading method."))
        if self.feedback not in FEEDBACK_LABELS:
            raise TeachingError(N_("Unknown feedback setting."))


@dataclass(frozen=True)
class SetSummary:
    quiz_set: QuizSet
    questions: int
    assignments: int


def _apply(quiz_set: QuizSet, settings: SetSettings) -> None:
    settings.check()
    quiz_set.title = " ".join(settings.title.split())
    quiz_set.time_limit_minutes = settings.time_limit_minutes
    quiz_set.attempts_allowed = settings.attempts_allowed
    quiz_set.grading_method = settings.grading_method
    quiz_set.shuffle_questions = settings.shuffle_questions
    quiz_set.shuffle_choices = settings.shuffle_choices
    quiz_set.feedback = settings.feedback


def create_set(session: Session, teacher_id: int, settings: SetSettings) -> QuizSet:
    quiz_set = QuizSet(teacher_id=teacher_id)
    _apply(quiz_set, settings)
    session.add(quiz_set)
    return quiz_set


def update_settings(session: Session, quiz_set: QuizSet, settings: SetSettings) -> None:
    """Change how the set works; attempts already started keep the settings they began with.

    Feedback after the due date is refused while an assignment of the set accepts late work.
    """
    if settings.feedback == FeedbackTiming.AFTER_DUE:
        late = session.scalar(
            sa.select(Assignment.id)
            .where(Assignment.quiz_set_id == quiz_set.id, Assignment.accept_late)
            .limit(1)
        )
        if late is not None:
            raise TeachingError(
                "Feedback after the due date cannot be chosen while an assignment of this set "
                "accepts late work: the answers would be shown while late attempts can still "
                "start. Stop accepting late work in its assignments first."
            )
    _apply(quiz_set, settings)


def settings_of(quiz_set: QuizSet) -> SetSettings:
    return SetSettings(
        quiz_set.title,
        quiz_set.time_limit_minutes,
        quiz_set.attempts_allowed,
        quiz_set.grading_method,
        quiz_set.shuffle_questions,
        quiz_set.shuffle_choices,
        quiz_set.feedback,
    )


def owned_set(
    session: Session, set_id: int, teacher_id: int, *, with_items: bool = False
) -> QuizSet:
    """The teacher's set; ``with_items`` also loads its items with their questions, claims
    and topics (for the builder), in a fixed number of queries whatever the set's size."""
    if not with_items:
        quiz_set = session.get(QuizSet, set_id)
    else:
        item = selectinload(QuizSet.items)
        quiz_set = session.scalar(
            sa.select(QuizSet)
            .where(QuizSet.id == set_id, QuizSet.teacher_id == teacher_id)
            .options(
                item.selectinload(QuizSetItem.question)
                .selectinload(Question.claim)
                .selectinload(Claim.topic),
                item.selectinload(QuizSetItem.topic),
            )
        )
    if quiz_set is None or quiz_set.teacher_id != teacher_id:
        raise NotFound(N_("There is no such quiz set among yours."))
    return quiz_set


def set_question_count(items: Sequence[QuizSetItem]) -> int:
    """Questions per attempt: chosen ones plus each draw's count (a short pool may give fewer)."""
    return sum(1 if item.question_id is not None else item.draw_count or 0 for item in items)


def teacher_sets(session: Session, teacher_id: int) -> list[SetSummary]:
    sets = session.scalars(
        sa.select(QuizSet)
        .where(QuizSet.teacher_id == teacher_id)
        .options(selectinload(QuizSet.items))
        .order_by(QuizSet.updated_at.desc())
    ).all()
    counts = dict(
        session.execute(
            sa.select(Assignment.quiz_set_id, sa.func.count(Assignment.id))
            .join(QuizSet, Assignment.quiz_set_id == QuizSet.id)
            .where(QuizSet.teacher_id == teacher_id)
            .group_by(Assignment.quiz_set_id)
        ).all()
    )
    return [SetSummary(s, set_question_count(s.items), counts.get(s.id, 0)) for s in sets]


def delete_set(session: Session, quiz_set: QuizSet) -> None:
    used = session.scalar(
        sa.select(sa.func.count(Assignment.id)).where(Assignment.quiz_set_id == quiz_set.id)
    )
    if used:
        raise NotNow(N_("This set has been assigned; it stays so that its results stay readable."))
    session.delete(quiz_set)


# --- which questions a teacher may use: services/visibility.py's ``usable_by`` -----------------
