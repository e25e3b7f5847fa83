"""What a learner takes offline: their due and upcoming cards, and a practice quiz's questions.

Nothing here gives an answer away that the online pages would not: a card's back is what the
card shows once turned, and a practice quiz carries its questions without keys (answers are
graded by the server when they are synced, ``offline_sync``). Practice draws only practice
items (``practice.question_candidates`` leaves out every question an assignment still hides).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.clock import aware, naive
from quizapp.models import Article, CardState, Claim, Flashcard, QuizAttempt, Topic, User, live
from quizapp.services.flashcards import new_cards_left_today, seen_marker
from quizapp.services.practice import start_practice
from quizapp.services.visibility import open_to_learners, visible_articles

# How far ahead the download reaches: the reviews of the next days, so a learner who is away
# from a network for a weekend still has their cards.
UPCOMING_DAYS = 3
OFFLINE_QUIZ_LENGTHS = (5, 10, 20)


@dataclass(frozen=True)
class OfflineCard:
    id: int
    kind: str
    front: str
    back: str
    topic: str
    due: datetime | None  # None: a new card
    seen: str  # ``flashcards.seen_marker``: what the sync compares to find a conflict
    back_extra: str = ""  # a cloze card's Back Extra, shown below the answer

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "front": self.front,
            "back": self.back,
            "topic": self.topic,
            "due": aware(self.due).isoformat() if self.due else None,
            "seen": self.seen,
            "back_extra": self.back_extra,
        }


@dataclass(frozen=True)
class _Seen:
    """A card's last review, as ``seen_marker`` reads it from a state."""

    last_review: datetime | None


def offline_cards(session: Session, user: User, now: datetime) -> list[OfflineCard]:
    """The learner's cards due now or within ``UPCOMING_DAYS`` (soonest first), then today's
    new cards within the daily limit, in the order the flashcard page would show them."""
    visible = visible_articles(user).with_only_columns(Article.id)
    horizon = naive(aware(now) + timedelta(days=UPCOMING_DAYS))
    columns = (
        Flashcard.id,
        Flashcard.kind,
        Flashcard.front,
        Flashcard.back,
        Topic.title,
        Flashcard.back_extra,
    )
    due_rows = session.execute(
        sa.select(*columns, CardState.due, CardState.last_review)
        .join(CardState, CardState.flashcard_id == Flashcard.id)
        .join(Claim, Flashcard.claim_id == Claim.id)
        .join(Topic, Claim.topic_id == Topic.id)
        .where(
            CardState.user_id == user.id,
            CardState.due <= horizon,
            live(Flashcard),
            Flashcard.article_id.in_(visible),
        )
        .order_by(CardState.due, Flashcard.id)
    )
    cards = [
        OfflineCard(i, kind, front, back, topic, due, seen_marker(_Seen(last)), extra)
        for i, kind, front, back, topic, extra, due, last in due_rows
    ]
    seen = sa.select(CardState.flashcard_id).where(CardState.user_id == user.id)
    new_rows = session.execute(
        sa.select(*columns)
        .join(Claim, Flashcard.claim_id == Claim.id)
        .join(Topic, Claim.topic_id == Topic.id)
        .where(
            open_to_learners(Flashcard),
            Flashcard.article_id.in_(visible),
            Flashcard.id.not_in(seen),
        )
        .order_by(Claim.start_offset, Flashcard.id)
        .limit(new_cards_left_today(session, user, now))
    )
    cards += [OfflineCard(i, k, f, b, t, None, "new", x) for i, k, f, b, t, x in new_rows]
    return cards


def offline_topics(session: Session, user: User) -> list[dict[str, Any]]:
    """The topics the learner may practise, for the offline page's quiz picker."""
    visible = visible_articles(user).with_only_columns(Article.id)
    rows = session.execute(
        sa.select(Topic.id, Topic.title, Article.title)
        .join(Article, Topic.article_id == Article.id)
        .where(Topic.article_id.in_(visible))
        .order_by(Article.title, Topic.id)
    )
    return [{"id": i, "title": title, "article": article} for i, title, article in rows]


def start_offline_practice(
    session: Session,
    user: User,
    topic_id: int,
    length: int,
    topic_mastery: Mapping[int, float | None],
) -> QuizAttempt:
    """A practice attempt drawn now, as the practice page draws one, to be answered offline.

    Drawing on the server keeps the offline quiz the same as an online one: the same weighting,
    the same items left out, and an attempt the synced answers are saved into."""
    return start_practice(session, user.id, [topic_id], length, topic_mastery)
