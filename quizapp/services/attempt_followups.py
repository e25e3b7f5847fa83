"""What a learner does with a practice attempt besides answering it: practise the questions
they missed once it is submitted, or throw away one they no longer want to finish."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.translatable import N_
from quizapp.core.vocabulary import AttemptKind
from quizapp.models import Article, AttemptQuestion, Question, QuizAttempt, Response, User
from quizapp.services.errors import NotDiscardable, NothingMissed
from quizapp.services.quizzes import create_attempt
from quizapp.services.visibility import visible_articles

MISSED_TITLE = "Practice: what I missed"


def start_missed_practice(session: Session, attempt: QuizAttempt, now: datetime) -> QuizAttempt:
    """A new practice attempt over the questions of ``attempt`` not answered fully right.

    Only once the attempt's review is shown: before that, the list of missed questions would
    tell the learner which answers were wrong (a teacher may hide that until the due date).
    Only questions of readings still open to the learner, as the daily review decides
    (``daily_review.missed_questions``): a reading unshared since is not asked again, even if
    the learner first met it in an assignment.
    """
    if attempt.submitted_at is None or not attempt.shows_review(now):
        raise NothingMissed(N_("The results of this quiz are not shown yet."))
    missed = missed_to_practise(session, attempt)
    if not missed.questions and not missed.left_out:
        raise NothingMissed(N_("You got every question right: nothing to practise again."))
    if not missed.questions:
        raise NothingMissed(
            N_("The questions you missed are retired or from a reading no longer open to you.")
        )
    return create_attempt(session, attempt.user_id, missed.questions, title=MISSED_TITLE)


@dataclass(frozen=True)
class MissedQuestions:
    """The questions of a submitted attempt not answered fully right that practice will ask
    again, and how many others were missed but are not asked (retired since, or from a
    reading no longer open to the learner)."""

    questions: list[Question]
    left_out: int


def missed_to_practise(session: Session, attempt: QuizAttempt) -> MissedQuestions:
    """What "Practise what I missed" asks, so the results page counts exactly that."""
    missed = [
        slot.question
        for slot in attempt.questions
        # A poll's slot is worth no marks: it is never missed.
        if slot.max_mark and (slot.response is None or not slot.response.correct)
    ]
    live = [q for q in missed if not q.retired]
    open_ids = _still_open(session, attempt, [q.id for q in live]) if live else set()
    asked = [q for q in live if q.id in open_ids]
    return MissedQuestions(asked, len(missed) - len(asked))


def _still_open(session: Session, attempt: QuizAttempt, question_ids: list[int]) -> set[int]:
    visible = visible_articles(session.get(User, attempt.user_id)).with_only_columns(Article.id)
    return set(
        session.scalars(
            sa.select(Question.id).where(
                Question.id.in_(question_ids), Question.article_id.in_(visible)
            )
        )
    )


def discard_practice(session: Session, attempt: QuizAttempt) -> None:
    """Delete an unfinished practice or review attempt with its answers, as the learner asked.

    Assignment attempts are never discarded: they belong to the teacher's gradebook.
    """
    if attempt.submitted_at is not None or attempt.kind == AttemptKind.ASSIGNMENT:
        raise NotDiscardable(N_("Only an unfinished practice quiz can be discarded."))
    slots = sa.select(AttemptQuestion.id).where(AttemptQuestion.attempt_id == attempt.id)
    # Bulk deletes in foreign-key order; the ORM would try to unlink each answer first.
    session.execute(sa.delete(Response).where(Response.slot_id.in_(slots)))
    session.execute(sa.delete(AttemptQuestion).where(AttemptQuestion.attempt_id == attempt.id))
    session.execute(sa.delete(QuizAttempt).where(QuizAttempt.id == attempt.id))
    session.expunge(attempt)
