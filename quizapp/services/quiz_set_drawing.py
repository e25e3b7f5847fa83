"""A set turned into the questions of one sitting: fixed items in order, each draw picked at
random from its topic's pool, overlapping questions kept apart (``core.set_drawing``)."""

from __future__ import annotations

import random
from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from quizapp.core.item_overlap import item_facts
from quizapp.core.set_drawing import SetEntry, draw_questions
from quizapp.models import Claim, Question, QuizSet, QuizSetItem, Topic, live
from quizapp.services.visibility import usable_by

# What a draw needs to keep overlapping questions apart (see core.item_overlap).
OVERLAP_COLUMNS = (
    Question.claim_id,
    Question.origin,
    Question.prompt,
    Question.accepted,
    Question.choices,
)


def _topic_scopes(session: Session, topic_ids: Sequence[int]) -> dict[int, set[int]]:
    """Each topic with its sub-topics, in one query for all the draws of a set."""
    scopes = {topic_id: {topic_id} for topic_id in topic_ids}
    if scopes:
        children = session.execute(
            sa.select(Topic.id, Topic.parent_id).where(Topic.parent_id.in_(list(scopes)))
        )
        for child_id, parent_id in children:
            scopes[parent_id].add(child_id)
    return scopes


def _draw_candidates(
    session: Session, quiz_set: QuizSet, topic_scope: dict[int, set[int]]
) -> list[sa.Row]:
    """Every question the set's draws may take: id, topic, type, difficulty, overlap columns."""
    if not topic_scope:
        return []
    all_topics = sorted({t for scope in topic_scope.values() for t in scope})
    return session.execute(
        sa.select(Question.id, Claim.topic_id, Question.type, Question.difficulty, *OVERLAP_COLUMNS)
        .join(Claim, Question.claim_id == Claim.id)
        .where(usable_by(quiz_set.teacher_id), Claim.topic_id.in_(all_topics))
    ).all()


def _draw_pool(item: QuizSetItem, scope: set[int], candidates: list[tuple]) -> list[int]:
    """The candidates a draw item may take: in its topics, of its type and difficulty if set."""
    return [
        qid
        for qid, tid, qtype, level in candidates
        if tid in scope
        and (not item.question_type or qtype == item.question_type)
        and (not item.difficulty or level == item.difficulty)
    ]


def _set_entries(
    items: list[QuizSetItem],
    live_fixed: set[int],
    topic_scope: dict[int, set[int]],
    candidates: list[tuple],
) -> list[SetEntry]:
    """One entry per item in order; a chosen question that was retired is left out."""
    entries = []
    for item in items:
        if item.is_draw:
            pool = _draw_pool(item, topic_scope[item.topic_id], candidates)
            entries.append(SetEntry(pool=pool, count=item.draw_count or 0))
        elif item.question_id in live_fixed:
            entries.append(SetEntry(question_id=item.question_id))
    return entries


def resolve_questions(
    session: Session, quiz_set: QuizSet, rng: random.Random, *, shuffle: bool | None = None
) -> list[Question]:
    """The questions of one sitting: chosen ones, draws made now, shuffled if the set says so.

    Retired questions are left out. A fixed number of queries whatever the set's size.
    """
    items = sorted(quiz_set.items, key=lambda i: i.position)
    topic_scope = _topic_scopes(session, [i.topic_id for i in items if i.is_draw])
    candidates = _draw_candidates(session, quiz_set, topic_scope)
    fixed_rows = session.execute(
        sa.select(Question.id, *OVERLAP_COLUMNS).where(
            Question.id.in_([i.question_id for i in items if not i.is_draw]), live(Question)
        )
    ).all()
    facts = {row[0]: item_facts(row[0], *row[1:]) for row in fixed_rows}
    facts |= {row[0]: item_facts(row[0], *row[4:]) for row in candidates}
    live_fixed = {row[0] for row in fixed_rows}
    entries = _set_entries(items, live_fixed, topic_scope, [row[:4] for row in candidates])
    shuffle = quiz_set.shuffle_questions if shuffle is None else shuffle
    ids = draw_questions(entries, rng, shuffle=shuffle, facts=facts)
    by_id = {
        q.id: q
        for q in session.scalars(
            sa.select(Question)
            .where(Question.id.in_(ids))
            .options(selectinload(Question.claim).selectinload(Claim.topic))
        )
    }
    return [by_id[qid] for qid in ids]
