"""A teacher's review of an imported article, claim by claim: accept, edit or reject each draft
item; accept a whole claim; rename, merge and reorder topics; drop claims.

Every function takes an article the caller has checked (``article_library.owned_article``)
and raises :class:`NotFound` for an id that is not part of it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.vocabulary import ItemOrigin
from quizapp.models import (
    Article,
    AttemptQuestion,
    CardState,
    Claim,
    Flashcard,
    ItemStatus,
    Question,
    QuizSetItem,
    Topic,
)
from quizapp.services.errors import NotFound, TeachingError

ITEM_MODELS = {"questions": Question, "flashcards": Flashcard}
DECISIONS = {
    "accept": ItemStatus.PUBLISHED,
    "reject": ItemStatus.REJECTED,
    "reopen": ItemStatus.DRAFT,
}
MAX_TOPIC_TITLE = 200


@dataclass
class ClaimReview:
    claim: Claim
    flashcards: list[Flashcard] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)

    @property
    def drafts(self) -> int:
        return sum(i.status == ItemStatus.DRAFT for i in [*self.flashcards, *self.questions])


@dataclass
class TopicReview:
    topic: Topic
    claims: list[ClaimReview] = field(default_factory=list)


@dataclass
class ArticleReview:
    topics: list[TopicReview]
    counts: Counter[str]  # items by status

    @property
    def drafts(self) -> int:
        return self.counts[ItemStatus.DRAFT]


def article_review(session: Session, article: Article) -> ArticleReview:
    """Topics in order, each claim with its items (not retired), in four queries."""
    topics = list(
        session.scalars(
            sa.select(Topic)
            .where(Topic.article_id == article.id)
            .order_by(Topic.position, Topic.id)
        )
    )
    claims = session.scalars(
        sa.select(Claim).where(Claim.article_id == article.id).order_by(Claim.start_offset)
    )
    by_claim: dict[int, ClaimReview] = {}
    by_topic: dict[int, list[ClaimReview]] = defaultdict(list)
    for claim in claims:
        by_claim[claim.id] = ClaimReview(claim)
        by_topic[claim.topic_id].append(by_claim[claim.id])
    counts: Counter[str] = Counter()
    for name, model in ITEM_MODELS.items():
        rows = session.scalars(
            sa.select(model)
            .where(
                model.article_id == article.id, ~model.retired, model.origin != ItemOrigin.TEACHER
            )
            .order_by(model.id)
        )
        for item in rows:
            getattr(by_claim[item.claim_id], name).append(item)
            counts[item.status] += 1
    return ArticleReview([TopicReview(t, by_topic[t.id]) for t in topics], counts)


def article_item(session: Session, article: Article, kind: str, item_id: int):
    model = ITEM_MODELS.get(kind)
    item = session.get(model, item_id) if model else None
    if item is None or item.article_id != article.id or item.retired:
        raise NotFound("There is no such item in this article.")
    return item


def article_claim(session: Session, article: Article, claim_id: int) -> Claim:
    claim = session.get(Claim, claim_id)
    if claim is None or claim.article_id != article.id:
        raise NotFound("There is no such claim in this article.")
    return claim


def article_topic(session: Session, article: Article, topic_id: int) -> Topic:
    topic = session.get(Topic, topic_id)
    if topic is None or topic.article_id != article.id:
        raise NotFound("There is no such topic in this article.")
    return topic


def decide(item, decision: str) -> None:
    """Accept (publish), reject, or reopen one item."""
    if decision not in DECISIONS:
        raise TeachingError("Accept, reject or reopen an item.")
    item.status = DECISIONS[decision]


def accept_claim(session: Session, claim: Claim) -> int:
    """Publish every draft item of the claim; return how many."""
    accepted = 0
    for model in ITEM_MODELS.values():
        for item in session.scalars(
            sa.select(model).where(
                model.claim_id == claim.id, model.status == ItemStatus.DRAFT, ~model.retired
            )
        ):
            item.status = ItemStatus.PUBLISHED
            accepted += 1
    return accepted


def drop_claim(session: Session, claim: Claim) -> None:
    """Take a claim out of the article. One with learners' history keeps its rows and has its
    items retired (nothing a learner did is lost); one without is deleted."""
    question_ids = sa.select(Question.id).where(Question.claim_id == claim.id)
    card_ids = sa.select(Flashcard.id).where(Flashcard.claim_id == claim.id)
    used = session.scalar(
        sa.select(AttemptQuestion.id).where(AttemptQuestion.question_id.in_(question_ids)).limit(1)
    ) or session.scalar(
        sa.select(CardState.id).where(CardState.flashcard_id.in_(card_ids)).limit(1)
    )
    if used is None:
        session.delete(claim)
        return
    for model in ITEM_MODELS.values():
        session.execute(sa.update(model).where(model.claim_id == claim.id).values(retired=True))


def rename_topic(topic: Topic, title: str) -> None:
    title = " ".join((title or "").split())
    if not title or len(title) > MAX_TOPIC_TITLE:
        raise TeachingError(f"A topic's name has 1 to {MAX_TOPIC_TITLE} characters.")
    topic.title = title


def move_topic(session: Session, article: Article, topic: Topic, direction: str) -> None:
    """Swap the topic with its neighbour above ("up") or below ("down")."""
    topics = list(
        session.scalars(
            sa.select(Topic)
            .where(Topic.article_id == article.id)
            .order_by(Topic.position, Topic.id)
        )
    )
    index = topics.index(topic)
    other = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= other < len(topics):
        raise TeachingError("That topic cannot move further.")
    topics[index], topics[other] = topics[other], topics[index]
    for position, each in enumerate(topics):
        each.position = position


def merge_topic(session: Session, article: Article, topic: Topic, into: Topic) -> None:
    """Move the topic's claims and sub-topics into ``into`` and remove the topic."""
    if topic.id == into.id:
        raise TeachingError("Choose another topic to merge into.")
    if into.parent_id == topic.id:
        raise TeachingError("A topic cannot be merged into one of its own sub-topics.")
    session.execute(sa.update(Claim).where(Claim.topic_id == topic.id).values(topic_id=into.id))
    session.execute(sa.update(Topic).where(Topic.parent_id == topic.id).values(parent_id=into.id))
    # Random draws on the topic draw from the merged one instead of vanishing with it.
    session.execute(
        sa.update(QuizSetItem).where(QuizSetItem.topic_id == topic.id).values(topic_id=into.id)
    )
    session.expire_all()
    session.delete(session.get(Topic, topic.id))
