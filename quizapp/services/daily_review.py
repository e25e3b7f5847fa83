"""Today's review: due flashcards, then recently missed questions, then the weakest topic."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.item_overlap import ItemFacts, compatible_subset, item_facts, origin_priority
from quizapp.core.question_kinds import ungraded_types
from quizapp.core.vocabulary import AttemptKind
from quizapp.models import Article, AttemptQuestion, Question, QuizAttempt, Response, User, live
from quizapp.services.errors import QuizError
from quizapp.services.practice import question_candidates
from quizapp.services.progress import TopicProgress, outcome_shown
from quizapp.services.quizzes import create_attempt
from quizapp.services.visibility import visible_articles

MISSED_WITHIN = timedelta(days=30)
REVIEW_QUESTIONS = 10


def missed_questions(session: Session, user: User, now: datetime) -> list[int]:
    """Questions whose latest answer was wrong, within MISSED_WITHIN: asked until right, while
    their article is open to the learner (a reading unshared since is not asked again)."""
    latest = (
        sa.select(
            Response.question_id,
            Response.correct,
            Response.answered_at,
            sa.func.row_number()
            .over(partition_by=Response.question_id, order_by=Response.answered_at.desc())
            .label("rn"),
        )
        .join(AttemptQuestion, Response.slot_id == AttemptQuestion.id)
        .join(QuizAttempt, AttemptQuestion.attempt_id == QuizAttempt.id)
        # Assignment answers stay out: the review would show their answers before the
        # assignment's own feedback time.
        .where(
            Response.user_id == user.id,
            Response.answered_at >= now - MISSED_WITHIN,
            QuizAttempt.kind != AttemptKind.ASSIGNMENT,
            # Known to be wrong: an answer only saved in a quiz still going may yet change.
            outcome_shown(now),
        )
        .subquery()
    )
    rows = session.execute(
        sa.select(latest.c.question_id)
        .join(Question, Question.id == latest.c.question_id)
        .where(
            latest.c.rn == 1,
            ~latest.c.correct,
            Question.type.not_in(ungraded_types()),  # a poll is never "wrong"
            live(Question),
            Question.article_id.in_(visible_articles(user).with_only_columns(Article.id)),
        )
        .order_by(latest.c.answered_at.desc())
    )
    return [question_id for (question_id,) in rows]


def weakest_topic(progress: list[TopicProgress]) -> TopicProgress | None:
    """The topic with the lowest mastery, a topic not started counting as 0; ties go to the
    earlier topic in the article, so a new learner starts at the beginning."""
    studyable = [p for p in progress if p.cards_total]
    if not studyable:
        return None
    return min(studyable, key=lambda p: (p.mastery or 0.0, p.topic.position))


def start_review_quiz(
    session: Session,
    user_id: int,
    missed: list[int],
    weakest: TopicProgress | None,
    rng: random.Random | None = None,
) -> QuizAttempt:
    """A review attempt: the missed questions first, filled up from the weakest topic.

    The fill-up never repeats a claim already in the review nor gives away an answer in it,
    and takes curated and teacher questions before generated ones.
    """
    rng = rng or random.Random()
    ids = missed[:REVIEW_QUESTIONS]
    if weakest is not None and len(ids) < REVIEW_QUESTIONS:
        pool = [
            c
            for c in question_candidates(session, user_id, [weakest.topic.id])
            if c.question_id not in ids and c.last_correct is not True
        ]
        rng.shuffle(pool)
        ranked = sorted((c.facts for c in pool if c.facts), key=lambda f: origin_priority(f.origin))
        in_review = _facts_of(session, ids)
        ids += compatible_subset(ranked, REVIEW_QUESTIONS - len(ids), in_review)
    if not ids:
        raise QuizError("Nothing to review: no missed questions and no weak topic left.")
    by_id = {q.id: q for q in session.scalars(sa.select(Question).where(Question.id.in_(ids)))}
    title = "Daily review" + (f": {weakest.topic.title}" if weakest else "")
    return create_attempt(
        session,
        user_id,
        [by_id[i] for i in ids],
        kind=AttemptKind.REVIEW,
        title=title,
        shuffle_choices=True,
    )  # choices in a new order each time


def _facts_of(session: Session, ids: list[int]) -> list[ItemFacts]:
    if not ids:
        return []
    rows = session.execute(
        sa.select(
            Question.id,
            Question.claim_id,
            Question.origin,
            Question.prompt,
            Question.accepted,
            Question.choices,
        ).where(Question.id.in_(ids))
    )
    return [item_facts(*row) for row in rows]
