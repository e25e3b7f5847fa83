"""A teacher's review of an imported article, claim by claim: accept, edit or reject each draft
item; accept a whole claim; rename, merge and reorder topics; drop claims.

Every function takes an article the caller has checked (``article_library.owned_article``)
and raises :class:`NotFound` for an id that is not part of it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.item_generation import why_no_question
from quizapp.core.languages import ENGLISH, GENERATOR_LANGUAGES
from quizapp.core.neutral_items import why_no_neutral_question
from quizapp.core.translatable import N_, Phrase
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
from quizapp.services.topic_renames import retitle_cards, retitle_questions, retitle_topic

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
    sentence: str = ""  # the claim's whole sentence, as in the article
    language: str = ENGLISH  # the article's: the reasons follow the rules that made its items

    @property
    def why_unasked(self) -> Phrase | None:
        """Why the generator asked no question of this claim, or None when it has one; the
        page words it in the teacher's language (``quizapp.i18n.worded``)."""
        if self.questions:
            return None
        if self.language not in GENERATOR_LANGUAGES:
            return why_no_neutral_question(self.sentence or self.claim.quote)
        sentence = self.sentence or self.claim.quote
        return why_no_question(self.claim.quote, sentence, has_card=bool(self.flashcards))

    @property
    def drafts(self) -> int:
        return sum(i.status == ItemStatus.DRAFT for i in [*self.flashcards, *self.questions])


@dataclass
class TopicReview:
    topic: Topic
    claims: list[ClaimReview] = field(default_factory=list)
    continued: bool = False  # its first claims are on the page before
    # A heading whose claims all sit in its sub-topics: listed (with the page each starts on)
    # where the topic would otherwise look empty.
    subtopics: list[TopicEntry] = field(default_factory=list)


@dataclass(frozen=True)
class TopicEntry:
    """A topic in the review's table of contents: where it starts and what is left in it."""

    topic: Topic
    page: int
    drafts: int


@dataclass
class ArticleReview:
    topics: list[TopicReview]  # those on this page, in order
    counts: Counter[str]  # the whole article's items by status
    contents: list[TopicEntry]  # every topic of the article
    page: int = 1
    pages: int = 1
    unasked: int = 0  # the whole article's claims without a question

    @property
    def drafts(self) -> int:
        return self.counts[ItemStatus.DRAFT]


# A page of the review lists this many claims (up to three items each), so a long article (a
# paste may hold 60,000 words, thousands of claims) is reviewed a page at a time: listing all
# 460 claims of a 5,000-word article, each item with its own controls, took 831 ms.
REVIEW_PAGE_CLAIMS = 40
# A last page shorter than this joins the page before it: a teacher should not turn a page to
# find one claim. So a page holds up to REVIEW_PAGE_CLAIMS + SHORT_LAST_PAGE - 1 rows.
SHORT_LAST_PAGE = 10

# (topic id, claim id or None): the review's rows in order; None stands for an empty topic,
# which still shows (to be renamed, merged or moved).
Row = tuple[int, int | None]


def review_rows(session: Session, article: Article) -> list[Row]:
    """Topics in order, each with its claims in the article's order, as ids."""
    rows = session.execute(
        sa.select(Topic.id, Claim.id)
        .outerjoin(Claim, Claim.topic_id == Topic.id)
        .where(Topic.article_id == article.id)
        .order_by(Topic.position, Topic.id, Claim.start_offset, Claim.id)
    )
    return [(topic_id, claim_id) for topic_id, claim_id in rows]


def page_count(rows: list[Row]) -> int:
    full, rest = divmod(len(rows), REVIEW_PAGE_CLAIMS)
    if full and rest < SHORT_LAST_PAGE:
        return full  # the short rest (if any) is on the last full page
    return full + 1


def _page_at(index: int, pages: int) -> int:
    """The page of the row at ``index`` (the last page also holds a short rest)."""
    return min(index // REVIEW_PAGE_CLAIMS + 1, pages)


def rows_on_page(rows: list[Row], page: int, pages: int) -> list[Row]:
    end = len(rows) if page == pages else page * REVIEW_PAGE_CLAIMS
    return rows[(page - 1) * REVIEW_PAGE_CLAIMS : end]


def page_of(rows: list[Row], *, claim_id: int | None = None, topic_id: int | None = None) -> int:
    """The page that shows the claim, or the topic's first row; 1 when it is not there."""
    for index, (row_topic, row_claim) in enumerate(rows):
        if (claim_id is not None and row_claim == claim_id) or (
            claim_id is None and row_topic == topic_id
        ):
            return _page_at(index, page_count(rows))
    return 1


def article_review(session: Session, article: Article, page: int = 1) -> ArticleReview:
    """One page of the review: its topics and claims with their items (not retired), the whole
    article's counts (claims without a question among them) and a table of contents, in the
    same eight queries whatever its size."""
    rows = review_rows(session, article)
    pages = page_count(rows)
    page = min(max(page, 1), pages)
    shown = rows_on_page(rows, page, pages)
    topics = {
        t.id: t
        for t in session.scalars(
            sa.select(Topic)
            .where(Topic.article_id == article.id)
            .order_by(Topic.position, Topic.id)
        )
    }
    claim_ids = [claim_id for _, claim_id in shown if claim_id is not None]
    claims = {
        c.id: ClaimReview(
            c, sentence=article.text[c.sentence_start : c.sentence_end], language=article.language
        )
        for c in session.scalars(sa.select(Claim).where(Claim.id.in_(claim_ids)))
    }
    counts, drafts_by_topic = _status_counts(session, article)
    for name, model in ITEM_MODELS.items():
        items = session.scalars(
            sa.select(model)
            .where(model.claim_id.in_(claim_ids), *_reviewed(model))
            .order_by(model.id)
        )
        for item in items:
            getattr(claims[item.claim_id], name).append(item)
    first = (page - 1) * REVIEW_PAGE_CLAIMS
    # A topic whose claims began on the page before is marked as continued.
    carried = rows[first - 1][0] if first else None
    on_page: list[TopicReview] = []
    for topic_id, claim_id in shown:
        if not on_page or on_page[-1].topic.id != topic_id:
            on_page.append(TopicReview(topics[topic_id], continued=topic_id == carried))
        if claim_id is not None:
            on_page[-1].claims.append(claims[claim_id])
    starts: dict[int, int] = {}
    for index, (topic_id, _) in enumerate(rows):
        starts.setdefault(topic_id, _page_at(index, pages))
    contents = [
        TopicEntry(topic, starts.get(topic.id, 1), drafts_by_topic[topic.id])
        for topic in topics.values()
    ]
    for entry in on_page:
        if not entry.claims:
            entry.subtopics = [e for e in contents if e.topic.parent_id == entry.topic.id]
    return ArticleReview(on_page, counts, contents, page, pages, _unasked(session, article))


def _unasked(session: Session, article: Article) -> int:
    """Claims of the article with no question (retired ones aside), counted for the teacher."""
    asked = sa.select(Question.id).where(Question.claim_id == Claim.id, ~Question.retired)
    return session.scalar(
        sa.select(sa.func.count(Claim.id)).where(Claim.article_id == article.id, ~asked.exists())
    )


def _reviewed(model) -> tuple:
    """The items a review lists: not retired, and none a teacher wrote in the bank."""
    return (~model.retired, model.origin != ItemOrigin.TEACHER)


def _status_counts(session: Session, article: Article) -> tuple[Counter[str], Counter[int]]:
    """The article's items by status, and its drafts by topic."""
    counts: Counter[str] = Counter()
    drafts: Counter[int] = Counter()
    for model in ITEM_MODELS.values():
        rows = session.execute(
            sa.select(Claim.topic_id, model.status, sa.func.count(model.id))
            .join(Claim, model.claim_id == Claim.id)
            .where(model.article_id == article.id, *_reviewed(model))
            .group_by(Claim.topic_id, model.status)
        )
        for topic_id, status, count in rows:
            counts[status] += count
            if status == ItemStatus.DRAFT:
                drafts[topic_id] += count
    return counts, drafts


def article_item(session: Session, article: Article, kind: str, item_id: int):
    model = ITEM_MODELS.get(kind)
    item = session.get(model, item_id) if model else None
    if item is None or item.article_id != article.id or item.retired:
        raise NotFound(N_("There is no such item in this article."))
    return item


def article_claim(session: Session, article: Article, claim_id: int) -> Claim:
    claim = session.get(Claim, claim_id)
    if claim is None or claim.article_id != article.id:
        raise NotFound(N_("There is no such claim in this article."))
    return claim


def article_topic(session: Session, article: Article, topic_id: int) -> Topic:
    topic = session.get(Topic, topic_id)
    if topic is None or topic.article_id != article.id:
        raise NotFound(N_("There is no such topic in this article."))
    return topic


def decide(item, decision: str) -> None:
    """Accept (publish), reject, or reopen one item."""
    if decision not in DECISIONS:
        raise TeachingError(N_("Accept, reject or reopen an item."))
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


def rename_topic(session: Session, topic: Topic, title: str) -> None:
    """Rename the topic, and its name where generated items quote it (card fronts, heading
    questions), so no card or export keeps the old name."""
    title = " ".join((title or "").split())
    if not title or len(title) > MAX_TOPIC_TITLE:
        raise TeachingError(
            N_("A topic's name has 1 to %(most)s characters."), most=MAX_TOPIC_TITLE
        )
    old, topic.title = topic.title, title
    retitle_topic(session, topic, old)


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
        raise TeachingError(N_("That topic cannot move further."))
    topics[index], topics[other] = topics[other], topics[index]
    for position, each in enumerate(topics):
        each.position = position


def merge_topic(session: Session, article: Article, topic: Topic, into: Topic) -> None:
    """Move the topic's claims and sub-topics into ``into`` and remove the topic."""
    if topic.id == into.id:
        raise TeachingError(N_("Choose another topic to merge into."))
    if into.parent_id == topic.id:
        raise TeachingError(N_("A topic cannot be merged into one of its own sub-topics."))
    # The moved claims' cards open with the merged topic's name, and heading questions list
    # it: give them the new one.
    retitle_cards(session, topic.id, topic.title, into.title)
    retitle_questions(session, article.id, topic.title, into.title)
    session.flush()
    session.execute(sa.update(Claim).where(Claim.topic_id == topic.id).values(topic_id=into.id))
    session.execute(sa.update(Topic).where(Topic.parent_id == topic.id).values(parent_id=into.id))
    # Random draws on the topic draw from the merged one instead of vanishing with it.
    session.execute(
        sa.update(QuizSetItem).where(QuizSetItem.topic_id == topic.id).values(topic_id=into.id)
    )
    session.expire_all()
    session.delete(session.get(Topic, topic.id))
