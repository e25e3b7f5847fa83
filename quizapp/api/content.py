"""Articles, topics, claims and items: what the caller may read, by the learners' rule
(``services.visibility``), as the reader and study pages show them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from flask import abort

from quizapp.api.auth import api_user, authenticate
from quizapp.api.blueprint import ApiBlueprint
from quizapp.api.paging import PageArgs, page_of, paginate
from quizapp.api.schemas import (
    ArticleSchema,
    ClaimSchema,
    ItemSchema,
    KindSchema,
    TopicSchema,
)
from quizapp.core.clock import utcnow
from quizapp.core.question_kinds import all_kinds
from quizapp.extensions import db
from quizapp.models import Article, Claim, Question, Topic
from quizapp.services.practice_hints import revealable_hints
from quizapp.services.visibility import (
    open_to_learners,
    visible_article,
    visible_articles,
    visible_topic,
)

blp = ApiBlueprint(
    "api_content",
    __name__,
    url_prefix="/api/v1",
    description="Articles, topics, claims and questions the caller may read.",
)
blp.before_request(authenticate)


def _article(article_id: int) -> Article:
    article = visible_article(db.session, api_user(), article_id)
    if article is None:
        abort(404, "There is no such article among those you may read.")
    return article


def _topic(topic_id: int) -> Topic:
    topic = visible_topic(db.session, api_user(), topic_id)
    if topic is None:
        abort(404, "There is no such topic among those you may read.")
    return topic


@dataclass(frozen=True)
class HintedItem:
    """A question as ``ItemSchema`` sends it: the question's own fields, and the hints the
    caller may reveal (``practice_hints``: none while an assignment holds the question back)."""

    question: Question
    hints: list[str]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.question, name)


def _hinted(questions: list[Question]) -> list[HintedItem]:
    hints = revealable_hints(db.session, api_user().id, questions, utcnow())
    return [HintedItem(q, hints.get(q.id, [])) for q in questions]


@blp.get("/kinds")
@blp.response(200, KindSchema(many=True))
def kinds():
    """The kinds of question (the registry every item's ``kind`` comes from)."""
    return all_kinds()


@blp.get("/articles")
@blp.arguments(PageArgs, location="query")
@blp.response(200, page_of(ArticleSchema))
def articles(args):
    """The articles you may read, oldest first."""
    return paginate(visible_articles(api_user()).order_by(Article.id), args)


@blp.get("/articles/<id:article_id>")
@blp.response(200, ArticleSchema)
def article(article_id: int):
    """One article you may read."""
    return _article(article_id)


@blp.get("/articles/<id:article_id>/topics")
@blp.arguments(PageArgs, location="query")
@blp.response(200, page_of(TopicSchema))
def article_topics(args, article_id: int):
    """The article's topics in reading order."""
    _article(article_id)
    stmt = sa.select(Topic).where(Topic.article_id == article_id)
    return paginate(stmt.order_by(Topic.position, Topic.id), args)


@blp.get("/topics/<id:topic_id>")
@blp.response(200, TopicSchema)
def topic(topic_id: int):
    """One topic of an article you may read."""
    return _topic(topic_id)


@blp.get("/topics/<id:topic_id>/claims")
@blp.arguments(PageArgs, location="query")
@blp.response(200, page_of(ClaimSchema))
def topic_claims(args, topic_id: int):
    """The topic's claims, in the order of the article."""
    _topic(topic_id)
    stmt = sa.select(Claim).where(Claim.topic_id == topic_id)
    return paginate(stmt.order_by(Claim.start_offset, Claim.id), args)


@blp.get("/topics/<id:topic_id>/items")
@blp.arguments(PageArgs, location="query")
@blp.response(200, page_of(ItemSchema))
def topic_items(args, topic_id: int):
    """The topic's questions open to learners (no answer keys)."""
    _topic(topic_id)
    stmt = (
        sa.select(Question)
        .join(Claim, Question.claim_id == Claim.id)
        .where(Claim.topic_id == topic_id, open_to_learners(Question))
    )
    body, headers = paginate(stmt.order_by(Question.id), args)
    return {**body, "items": _hinted(body["items"])}, headers


@blp.get("/items/<id:item_id>")
@blp.response(200, ItemSchema)
def item(item_id: int):
    """One question open to learners, of an article you may read (no answer key)."""
    readable = visible_articles(api_user()).with_only_columns(Article.id)
    question = db.session.scalar(
        sa.select(Question).where(
            Question.id == item_id, open_to_learners(Question), Question.article_id.in_(readable)
        )
    )
    if question is None:
        abort(404, "There is no such item among those you may read.")
    return _hinted([question])[0]
