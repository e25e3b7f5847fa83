"""Flashcard study with FSRS: the due queue, ratings with a review log, undo.

Scheduling is the ``fsrs`` package's; this module only stores its cards and logs. Fuzzing is
off so the interval a rating button shows is exactly the interval the rating gives.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from fsrs import Card, Rating, Scheduler
from sqlalchemy.orm import Session

from quizapp.core.clock import aware, naive, utcnow
from quizapp.core.translatable import N_
from quizapp.core.vocabulary import ItemOrigin
from quizapp.models import (
    Article,
    CardState,
    Claim,
    Flashcard,
    FsrsParameters,
    ItemStatus,
    ReviewLog,
    User,
    live,
)
from quizapp.services.errors import (
    AlreadyRated,
    CardNotFound,
    NothingToUndo,
    NotStudyable,
    QuizError,
)
from quizapp.services.rating_writes import (
    RATED_MEANWHILE,
    RatingWrite,
    state_columns,
    store_rating,
)
from quizapp.services.tag_filter import holds_tag
from quizapp.services.visibility import (
    article_visible_to,
    audience_of,
    open_to_learners,
    viewer_params,
    visible_articles,
)

RATINGS = {1: Rating.Again, 2: Rating.Hard, 3: Rating.Good, 4: Rating.Easy}
RATING_LABELS = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
MAX_DURATION_MS = 60 * 60 * 1000  # a card shown for over an hour was left open, not studied
# Anki's "learn ahead limit": a card in learning (rated Again a minute ago) due within this
# window counts as coming up, and is shown early once nothing else is left.
LEARN_AHEAD = timedelta(minutes=20)


def seen_marker(state: CardState | CardToRate | None) -> str:
    """What the learner saw: the card's last review time, or "new". A rating sent for an older
    view (a double key press, a second tab) is refused instead of rating the card twice."""
    if state is None or state.last_review is None:
        return "new"
    return state.last_review.isoformat()


def scheduler_for(user: User, parameters: list[float] | None = None) -> Scheduler:
    """The learner's scheduler: their fitted parameters if any, their desired retention."""
    options = {"desired_retention": user.desired_retention, "enable_fuzzing": False}
    if parameters:
        options["parameters"] = tuple(parameters)
    return Scheduler(**options)


def kept_parameters(user_id: int | sa.BindParameter, column: Any = FsrsParameters) -> sa.Select:
    """The learner's FSRS parameters in use: their last kept fit (``column`` of it)."""
    return (
        sa.select(column)
        .where(FsrsParameters.user_id == user_id, FsrsParameters.kept)
        .order_by(FsrsParameters.fitted_at.desc(), FsrsParameters.id.desc())
        .limit(1)
    )


@dataclass(frozen=True)
class CardToRate:
    """What a rating reads of a card, the learner's state of it and their FSRS parameters."""

    retired: bool
    status: str
    origin: str
    visible: bool  # in an article the learner may see (``visibility``)
    state_id: int | None  # None: the learner has not rated this card yet
    fsrs: dict[str, Any] | None
    last_review: datetime | None
    parameters: list[float] | None


@functools.cache
def _card_to_rate_statement(audience: str) -> sa.Select:
    """Built once per audience, bound per rating: building and keying a statement is Python
    work too. The learner's id is bound twice, as the rater and as the article's viewer."""
    rater = sa.bindparam("rater_id", type_=sa.Integer)
    parameters = kept_parameters(rater, FsrsParameters.parameters).scalar_subquery()
    return (
        sa.select(
            Flashcard.retired,
            Flashcard.status,
            Flashcard.origin,
            article_visible_to(audience, Flashcard.article_id),
            CardState.id,
            CardState.fsrs,
            CardState.last_review,
            parameters,
        )
        .outerjoin(
            CardState,
            sa.and_(CardState.flashcard_id == Flashcard.id, CardState.user_id == rater),
        )
        .where(Flashcard.id == sa.bindparam("card_id", type_=sa.Integer))
    )


def _card_to_rate(session: Session, user: User, flashcard_id: int) -> CardToRate | None:
    """One statement, and columns rather than objects: a rating is on every card's path, and
    on PostgreSQL each statement is a round trip."""
    statement = _card_to_rate_statement(audience_of(user))
    params = {"rater_id": user.id, "card_id": flashcard_id, **viewer_params(user)}
    row = session.execute(statement, params).first()
    if row is None:
        return None
    retired, status, origin, visible, *rest = row
    return CardToRate(retired, status, origin, bool(visible), *rest)


def format_interval(delta: timedelta) -> str:
    """Anki-style short interval: 45s, 10m, 3h, 4d, 2.5mo, 1.2y."""
    seconds = max(delta.total_seconds(), 0)
    if seconds < 60:
        return f"{int(seconds)}s"
    if seconds < 3600:
        return f"{round(seconds / 60)}m"
    if seconds < 86400:
        return f"{round(seconds / 3600)}h"
    days = seconds / 86400
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}mo".replace(".0mo", "mo")
    return f"{days / 365:.1f}y".replace(".0y", "y")


@dataclass(frozen=True)
class StudyQueue:
    card: Flashcard | None
    state: CardState | None
    due_count: int
    new_count: int
    learning_count: int = 0  # due within LEARN_AHEAD, not yet now


def _topic_filter(stmt, topic_ids, tags: tuple[str, ...] | None = None):
    """Cards of ``topic_ids`` (all, if none) and, with ``tags``, holding one of them (a tag's
    stored spellings, ``tag_filter.TagChoice``; empty: no card)."""
    if topic_ids:
        stmt = stmt.where(Claim.topic_id.in_(topic_ids))
    if tags is not None:
        stmt = stmt.where(holds_tag(Flashcard, tags))
    return stmt


def study_scope(user: User, topic_ids: list[int]) -> sa.Select:
    """The ids of the cards of ``topic_ids`` the learner studies: the bank's live cards, and
    the live cards they have a schedule for (the due queue shows those too)."""
    scheduled = sa.select(CardState.flashcard_id).where(CardState.user_id == user.id)
    return _topic_filter(
        sa.select(Flashcard.id)
        .join(Claim, Flashcard.claim_id == Claim.id)
        .where(
            sa.or_(
                open_to_learners(Flashcard), sa.and_(live(Flashcard), Flashcard.id.in_(scheduled))
            )
        ),
        topic_ids,
    )


def new_cards_left_today(session: Session, user: User, now: datetime) -> int:
    start = naive(aware(now)).replace(hour=0, minute=0, second=0, microsecond=0)
    introduced = session.scalar(
        sa.select(sa.func.count(CardState.id)).where(
            CardState.user_id == user.id, CardState.introduced_at >= start
        )
    )
    return max(user.new_cards_per_day - (introduced or 0), 0)


def study_queue(
    session: Session,
    user: User,
    topic_ids: list[int],
    now: datetime,
    with_card: bool = True,
    tags: tuple[str, ...] | None = None,
) -> StudyQueue:
    """The next card to study (due cards first, then new ones within the daily limit).

    ``with_card=False`` gives the counts alone, for pages that only show them. ``tags``: only
    cards holding one of these spellings of a tag; the daily new-card limit stays the
    learner's one limit, whichever cards they study.
    """
    now_naive = naive(aware(now))
    due_stmt = _topic_filter(
        sa.select(CardState)
        .join(Flashcard, CardState.flashcard_id == Flashcard.id)
        .join(Claim, Flashcard.claim_id == Claim.id)
        .where(CardState.user_id == user.id, CardState.due <= now_naive, live(Flashcard)),
        topic_ids,
        tags,
    )
    ahead_naive = naive(aware(now + LEARN_AHEAD))
    ahead_stmt = _topic_filter(
        sa.select(CardState)
        .join(Flashcard, CardState.flashcard_id == Flashcard.id)
        .join(Claim, Flashcard.claim_id == Claim.id)
        .where(
            CardState.user_id == user.id,
            CardState.due > now_naive,
            CardState.due <= ahead_naive,
            live(Flashcard),
        ),
        topic_ids,
        tags,
    )
    # Due now and coming back within the learn-ahead window, counted in one query.
    soon = _topic_filter(
        sa.select(CardState.due)
        .join(Flashcard, CardState.flashcard_id == Flashcard.id)
        .join(Claim, Flashcard.claim_id == Claim.id)
        .where(CardState.user_id == user.id, CardState.due <= ahead_naive, live(Flashcard)),
        topic_ids,
        tags,
    ).subquery()
    due_count, learning = session.execute(
        sa.select(
            sa.func.count().filter(soon.c.due <= now_naive),
            sa.func.count().filter(soon.c.due > now_naive),
        )
    ).one()
    state = None
    if with_card and due_count:
        state = session.scalar(due_stmt.order_by(CardState.due).limit(1))
    seen = sa.select(CardState.flashcard_id).where(CardState.user_id == user.id)
    new_stmt = _topic_filter(
        sa.select(Flashcard)
        .join(Claim, Flashcard.claim_id == Claim.id)
        .where(open_to_learners(Flashcard), Flashcard.id.not_in(seen)),
        topic_ids,
        tags,
    )
    left = new_cards_left_today(session, user, now)
    new_available = session.scalar(sa.select(sa.func.count()).select_from(new_stmt.subquery()))
    new_count = min(left, new_available or 0)
    if state is not None:
        return StudyQueue(state.flashcard, state, due_count, new_count, learning or 0)
    card = None
    if with_card and new_count:
        card = session.scalar(new_stmt.order_by(Claim.start_offset, Flashcard.id).limit(1))
    elif with_card and learning:
        # Nothing due and no new card left: the cards just failed come back early, as in Anki.
        state = session.scalar(ahead_stmt.order_by(CardState.due).limit(1))
        return StudyQueue(state.flashcard, state, due_count or 0, new_count, learning)
    return StudyQueue(card, None, due_count or 0, new_count, learning or 0)


def due_cards(user: User, now: datetime) -> sa.Select:
    """The learner's cards due by ``now``, soonest first, each with its flashcard: the live
    cards of the articles they may still see (the ones :func:`rate_card` lets them rate)."""
    visible = visible_articles(user).with_only_columns(Article.id)
    return (
        sa.select(CardState)
        .join(Flashcard, CardState.flashcard_id == Flashcard.id)
        .where(
            CardState.user_id == user.id,
            CardState.due <= naive(aware(now)),
            live(Flashcard),
            Flashcard.article_id.in_(visible),
        )
        .options(sa.orm.contains_eager(CardState.flashcard))
        .order_by(CardState.due, CardState.id)
    )


def fsrs_card(state: CardState | CardToRate | None, flashcard_id: int) -> Card:
    if state is None or state.fsrs is None:
        return Card(card_id=flashcard_id)
    return Card.from_dict(state.fsrs)


def preview_intervals(scheduler: Scheduler, card: Card, now: datetime) -> dict[int, str]:
    """What each rating would give, for the buttons ("10m", "3d")."""
    moment = aware(now)
    return {
        value: format_interval(scheduler.review_card(card, rating, moment)[0].due - moment)
        for value, rating in RATINGS.items()
    }


def rate_card(
    session: Session,
    user: User,
    flashcard_id: int,
    rating: int,
    duration_ms: int | None,
    now: datetime | None = None,
    seen: str | None = None,
) -> dict[str, Any]:
    """Apply a rating with FSRS (the learner's fitted parameters, loaded with the card), store
    the new state and log the review; returns the new state (``fsrs.Card.to_dict()``).

    A learner rates cards of the articles they may see (``visibility``), their own cards, and
    new cards only within today's new-card limit and only from the shared deck (teachers' own
    cards belong to their quiz sets). ``seen`` is the
    ``seen_marker`` of the card as shown; a mismatch means it was rated meanwhile, and so
    does a state that changes between this read and the write (``rating_writes``).
    """
    if rating not in RATINGS:
        raise QuizError(N_("Rate with 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)."))
    read = _card_to_rate(session, user, flashcard_id)
    if read is None or read.retired or read.status != ItemStatus.PUBLISHED or not read.visible:
        raise CardNotFound(N_("There is no such flashcard to study."))
    if duration_ms is not None and not 0 <= duration_ms <= MAX_DURATION_MS:
        duration_ms = None
    moment = aware(now or utcnow())
    if seen is not None and seen != seen_marker(read):
        raise AlreadyRated(RATED_MEANWHILE)
    if read.state_id is None:
        if read.origin == ItemOrigin.TEACHER:
            raise CardNotFound(N_("There is no such flashcard to study."))
        if new_cards_left_today(session, user, moment) <= 0:
            raise NotStudyable("Today's new cards are used up; this card comes another day.")
    scheduler = scheduler_for(user, read.parameters)
    card, _log = scheduler.review_card(fsrs_card(read, flashcard_id), RATINGS[rating], moment)
    return store_rating(
        session,
        RatingWrite(
            user_id=user.id,
            flashcard_id=flashcard_id,
            state_id=read.state_id,
            last_review_read=read.last_review,
            rating=rating,
            reviewed_at=naive(moment),
            duration_ms=duration_ms,
            state_before=read.fsrs,
            card=card,
        ),
    )


def undo_last_rating(session: Session, user: User) -> Flashcard:
    """Take back the learner's last rating: the card returns to its state before it.

    A card whose article is no longer open to the learner (unshared since) is not shown, so
    its rating cannot be taken back either: :class:`CardNotFound`, and the rating stays."""
    log = session.scalar(
        sa.select(ReviewLog)
        .where(ReviewLog.user_id == user.id)
        .order_by(ReviewLog.reviewed_at.desc(), ReviewLog.id.desc())
        .limit(1)
    )
    if log is None:
        raise NothingToUndo("There is no rating to undo.")
    state = session.scalar(
        sa.select(CardState).filter_by(user_id=user.id, flashcard_id=log.flashcard_id)
    )
    visible = visible_articles(user).with_only_columns(Article.id)
    flashcard = session.scalar(
        sa.select(Flashcard).where(
            Flashcard.id == log.flashcard_id, Flashcard.article_id.in_(visible)
        )
    )
    if flashcard is None:
        raise CardNotFound(N_("That card is no longer open to you; its rating stays."))
    if log.state_before is None:
        if state is not None:
            session.delete(state)
    elif state is not None:
        for column, value in state_columns(Card.from_dict(log.state_before)).items():
            setattr(state, column, value)
        state.fsrs = log.state_before  # as it was stored, not a copy made through fsrs
    session.delete(log)
    return flashcard
