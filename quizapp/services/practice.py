"""Build a practice quiz for a learner from the topics they chose."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.item_overlap import item_facts
from quizapp.core.quiz_selection import Candidate, pick_questions
from quizapp.models import Claim, Question, QuizAttempt, Response, Topic
from quizapp.services.quizzes import QuizError, create_attempt


def topic_and_descendants(session: Session, topic_ids: Sequence[int]) -> list[int]:
    """The chosen topics with their sub-topics (a section includes its bullets)."""
    if not topic_ids:
        return []
    children = session.scalars(sa.select(Topic.id).where(Topic.parent_id.in_(topic_ids))).all()
    return sorted(set(topic_ids) | set(children))


def question_candidates(session: Session, user_id: int, topic_ids: Sequence[int]):
    """Live questions in the topics (all when empty), with the learner's last result on each."""
    latest = (
        sa.select(Response.question_id, Response.correct,
                  sa.func.row_number().over(partition_by=Response.question_id,
                                            order_by=Response.answered_at.desc()).label("rn"))
        .where(Response.user_id == user_id)
        .subquery()
    )  # fmt: skip
    stmt = (
        sa.select(
            Question.id,
            Claim.topic_id,
            latest.c.correct,
            Question.claim_id,
            Question.origin,
            Question.prompt,
            Question.accepted,
            Question.choices,
        )
        .join(Claim, Question.claim_id == Claim.id)
        .outerjoin(latest, sa.and_(latest.c.question_id == Question.id, latest.c.rn == 1))
        .where(~Question.retired, Question.origin != "teacher")
    )
    if topic_ids:
        stmt = stmt.where(Claim.topic_id.in_(topic_ids))
    return [
        Candidate(qid, tid, correct, item_facts(qid, claim_id, origin, prompt, accepted, choices))
        for qid, tid, correct, claim_id, origin, prompt, accepted, choices in session.execute(stmt)
    ]


def start_practice(
    session: Session,
    user_id: int,
    topic_ids: Sequence[int],
    length: int,
    topic_mastery: Mapping[int, float | None],
    rng: random.Random | None = None,
) -> QuizAttempt:
    """A practice attempt of up to ``length`` questions, weak topics and new items first."""
    rng = rng or random.Random()
    scope = topic_and_descendants(session, topic_ids)
    candidates = question_candidates(session, user_id, scope)
    if not candidates:
        raise QuizError("There are no questions in the topics you chose.")
    ids = pick_questions(candidates, topic_mastery, length, rng)
    by_id = {q.id: q for q in session.scalars(sa.select(Question).where(Question.id.in_(ids)))}
    names = session.scalars(sa.select(Topic.title).where(Topic.id.in_(topic_ids))).all()
    title = "Practice: " + (", ".join(names) if names else "all topics")
    return create_attempt(session, user_id, [by_id[i] for i in ids], title=title[:200], rng=rng)
