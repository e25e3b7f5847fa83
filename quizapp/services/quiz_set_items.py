"""The set builder's edits: search the bank, add chosen questions or a random draw, move and
remove items, within the set's limits (``quiz_sets``)."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from quizapp.core.question_kinds import is_known_type
from quizapp.core.translatable import N_
from quizapp.models import Claim, Question, QuizSet, QuizSetItem, Topic
from quizapp.models.base import MAX_ID
from quizapp.services.errors import NotFound, TeachingError
from quizapp.services.practice import topic_and_descendants
from quizapp.services.quiz_sets import (
    MAX_DRAW,
    MAX_SET_QUESTIONS,
    SEARCH_LIMIT,
    set_question_count,
)
from quizapp.services.visibility import usable_by, usable_topics


def search_questions(
    session: Session,
    teacher_id: int,
    topic_id: int | None = None,
    question_type: str | None = None,
    difficulty: int | None = None,
) -> list[Question]:
    """Questions the builder offers for the filters, in article order (at most SEARCH_LIMIT)."""
    stmt = (
        sa.select(Question)
        .join(Claim, Question.claim_id == Claim.id)
        .join(Topic, Claim.topic_id == Topic.id)
        .where(usable_by(teacher_id))
        .options(selectinload(Question.claim).selectinload(Claim.topic))
        .order_by(Topic.article_id, Topic.position, Claim.start_offset, Question.id)
        .limit(SEARCH_LIMIT)
    )
    if topic_id:
        stmt = stmt.where(Claim.topic_id.in_(topic_and_descendants(session, [topic_id])))
    if question_type:
        stmt = stmt.where(Question.type == question_type)
    if difficulty:
        stmt = stmt.where(Question.difficulty == difficulty)
    return list(session.scalars(stmt))


def _pool_stmt(teacher_id: int, topic_ids: Sequence[int], qtype: str | None, level: int | None):
    stmt = (
        sa.select(Question.id)
        .join(Claim, Question.claim_id == Claim.id)
        .where(usable_by(teacher_id), Claim.topic_id.in_(list(topic_ids)))
    )
    if qtype:
        stmt = stmt.where(Question.type == qtype)
    if level:
        stmt = stmt.where(Question.difficulty == level)
    return stmt


# --- builder operations ----------------------------------------------------------------------


def _check_room(quiz_set: QuizSet, adding: int) -> None:
    if set_question_count(quiz_set.items) + adding > MAX_SET_QUESTIONS:
        raise TeachingError(N_("A set holds at most %(limit)s questions."), limit=MAX_SET_QUESTIONS)


def add_questions(session: Session, quiz_set: QuizSet, question_ids: Sequence[int]) -> int:
    """Append the chosen questions (in the order given); ones already in the set are skipped."""
    wanted = list(dict.fromkeys(question_ids))
    if not wanted:
        raise TeachingError(N_("Tick at least one question to add."))
    if any(not 0 < qid <= MAX_ID for qid in wanted):
        raise TeachingError(N_("Some of those questions cannot be used (retired or not yours)."))
    usable = set(
        session.scalars(
            sa.select(Question.id).where(Question.id.in_(wanted), usable_by(quiz_set.teacher_id))
        )
    )
    if len(usable) != len(wanted):
        raise TeachingError(N_("Some of those questions cannot be used (retired or not yours)."))
    present = {item.question_id for item in quiz_set.items}
    new = [qid for qid in wanted if qid not in present]
    _check_room(quiz_set, len(new))
    position = max((item.position for item in quiz_set.items), default=0)
    for offset, question_id in enumerate(new, start=1):
        quiz_set.items.append(QuizSetItem(position=position + offset, question_id=question_id))
    return len(new)


def add_draw(
    session: Session,
    quiz_set: QuizSet,
    topic_id: int,
    count: int,
    question_type: str | None = None,
    difficulty: int | None = None,
) -> int:
    """Append a random draw of ``count`` questions from a topic; returns the pool's size.

    The pool's size counts claims, not questions: a draw holds one question per claim
    (``core.item_overlap``), so it can never give more questions than the topic has claims.
    """
    usable_topic = sa.select(Topic.id).where(
        Topic.id == topic_id, usable_topics(quiz_set.teacher_id)
    )
    if session.scalar(usable_topic) is None:
        raise TeachingError(N_("There is no such topic."))
    if not 1 <= count <= MAX_DRAW:
        raise TeachingError(N_("Draw 1 to %(limit)s questions."), limit=MAX_DRAW)
    if question_type and not is_known_type(question_type):
        raise TeachingError(N_("Unknown question type."))
    if difficulty is not None and difficulty not in (1, 2, 3):
        raise TeachingError(N_("Difficulty is 1, 2 or 3."))
    topics = topic_and_descendants(session, [topic_id])
    matching = _pool_stmt(quiz_set.teacher_id, topics, question_type, difficulty)
    pool = session.scalar(
        sa.select(sa.func.count(sa.distinct(Question.claim_id))).where(
            Question.id.in_(matching.scalar_subquery())
        )
    )
    if pool == 0:
        raise TeachingError(N_("No question matches these filters; widen them."))
    if pool < count:
        raise TeachingError(
            N_(
                "Only %(pool)s questions on different sentences match these filters; "
                "draw %(pool)s or fewer."
            ),
            pool=pool,
        )
    _check_room(quiz_set, count)
    position = max((item.position for item in quiz_set.items), default=0) + 1
    quiz_set.items.append(
        QuizSetItem(
            position=position,
            topic_id=topic_id,
            draw_count=count,
            question_type=question_type or None,
            difficulty=difficulty,
        )
    )
    return pool


def _item(quiz_set: QuizSet, item_id: int) -> QuizSetItem:
    item = next((i for i in quiz_set.items if i.id == item_id), None)
    if item is None:
        raise NotFound(N_("That item is not part of this set."))
    return item


def _renumber(session: Session, quiz_set: QuizSet, ordered: list[QuizSetItem]) -> None:
    # Positions are unique per set, so move everything out of the way first: two flushes
    # instead of a transient duplicate.
    for index, item in enumerate(ordered, start=1):
        item.position = -index
    session.flush()
    for index, item in enumerate(ordered, start=1):
        item.position = index
    session.flush()
    quiz_set.items.sort(key=lambda i: i.position)


def move_item(session: Session, quiz_set: QuizSet, item_id: int, direction: str) -> None:
    if direction not in ("up", "down"):
        raise TeachingError(N_("Move an item up or down."))
    ordered = sorted(quiz_set.items, key=lambda i: i.position)
    index = ordered.index(_item(quiz_set, item_id))
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(ordered):
        ordered[index], ordered[other] = ordered[other], ordered[index]
        _renumber(session, quiz_set, ordered)


def remove_item(session: Session, quiz_set: QuizSet, item_id: int) -> None:
    item = _item(quiz_set, item_id)
    quiz_set.items.remove(item)
    session.flush()
    _renumber(session, quiz_set, sorted(quiz_set.items, key=lambda i: i.position))


# --- resolving a set for an attempt or a preview ---------------------------------------------
