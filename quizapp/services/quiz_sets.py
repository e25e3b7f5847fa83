"""Quiz sets: settings, the builder's operations, and resolving a set into questions."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from quizapp.core.grading_methods import GRADING_METHODS, GradingMethod
from quizapp.core.item_overlap import item_facts
from quizapp.core.question_kinds import is_known_type
from quizapp.core.set_drawing import SetEntry, draw_questions
from quizapp.core.vocabulary import FeedbackTiming
from quizapp.models import Assignment, Claim, Question, QuizSet, QuizSetItem, Topic, live
from quizapp.models.base import MAX_ID
from quizapp.services.errors import NotFound, NotNow, TeachingError
from quizapp.services.practice import topic_and_descendants
from quizapp.services.visibility import usable_by, usable_topics

FEEDBACK_LABELS = {
    FeedbackTiming.IMMEDIATELY: "Immediately, after each answer",
    FeedbackTiming.AFTER_SUBMISSION: "After submission",
    FeedbackTiming.AFTER_DUE: "After the due date",
    FeedbackTiming.NEVER: "Never",
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
            raise TeachingError("A quiz set needs a title of 1 to 200 characters.")
        limit = self.time_limit_minutes
        if limit is not None and not 1 <= limit <= MAX_TIME_LIMIT_MINUTES:
            raise TeachingError(
                f"The time limit is 1 to {MAX_TIME_LIMIT_MINUTES} minutes, or empty for none."
            )
        if not 0 <= self.attempts_allowed <= MAX_ATTEMPTS:
            raise TeachingError(f"Attempts allowed: 1 to {MAX_ATTEMPTS}, or 0 for unlimited.")
        if self.grading_method not in GRADING_METHODS:
            raise TeachingError("Unknown grading method.")
        if self.feedback not in FEEDBACK_LABELS:
            raise TeachingError("Unknown feedback setting.")


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
        raise NotFound("There is no such quiz set among yours.")
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
        raise NotNow("This set has been assigned; it stays so that its results stay readable.")
    session.delete(quiz_set)


# --- which questions a teacher may use: services/visibility.py's ``usable_by`` -----------------


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
        raise TeachingError(f"A set holds at most {MAX_SET_QUESTIONS} questions.")


def add_questions(session: Session, quiz_set: QuizSet, question_ids: Sequence[int]) -> int:
    """Append the chosen questions (in the order given); ones already in the set are skipped."""
    wanted = list(dict.fromkeys(question_ids))
    if not wanted:
        raise TeachingError("Tick at least one question to add.")
    if any(not 0 < qid <= MAX_ID for qid in wanted):
        raise TeachingError("Some of those questions cannot be used (retired or not yours).")
    usable = set(
        session.scalars(
            sa.select(Question.id).where(Question.id.in_(wanted), usable_by(quiz_set.teacher_id))
        )
    )
    if len(usable) != len(wanted):
        raise TeachingError("Some of those questions cannot be used (retired or not yours).")
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
        raise TeachingError("There is no such topic.")
    if not 1 <= count <= MAX_DRAW:
        raise TeachingError(f"Draw 1 to {MAX_DRAW} questions.")
    if question_type and not is_known_type(question_type):
        raise TeachingError("Unknown question type.")
    if difficulty is not None and difficulty not in (1, 2, 3):
        raise TeachingError("Difficulty is 1, 2 or 3.")
    topics = topic_and_descendants(session, [topic_id])
    matching = _pool_stmt(quiz_set.teacher_id, topics, question_type, difficulty)
    pool = session.scalar(
        sa.select(sa.func.count(sa.distinct(Question.claim_id))).where(
            Question.id.in_(matching.scalar_subquery())
        )
    )
    if pool == 0:
        raise TeachingError("No question matches these filters; widen them.")
    if pool < count:
        raise TeachingError(
            f"Only {pool} questions on different sentences match these filters; "
            f"draw {pool} or fewer."
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
        raise NotFound("That item is not part of this set.")
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
        raise TeachingError("Move an item up or down.")
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
