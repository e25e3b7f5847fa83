"""Content: an article, its topics and claims, and the flashcards and questions made from them."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.core.clock import utcnow
from quizapp.core.vocabulary import CardKind
from quizapp.extensions import db


class ItemStatus(StrEnum):
    """Where an item is in review: only published (and not retired) items reach students."""

    DRAFT = "draft"
    PUBLISHED = "published"
    REJECTED = "rejected"


class Article(db.Model):
    """A reading. The seed article has no owner; an imported one belongs to its teacher."""

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(120), unique=True)
    title: Mapped[str] = mapped_column(sa.String(300))
    text: Mapped[str] = mapped_column(sa.Text)
    checksum: Mapped[str] = mapped_column(sa.String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    owner_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    source_url: Mapped[str | None] = mapped_column(sa.String(2000))
    source_author: Mapped[str | None] = mapped_column(sa.String(200))
    licence_note: Mapped[str | None] = mapped_column(sa.String(500))
    # Published to everyone (by an admin, or by an operator's import); otherwise the owner and
    # the students of the classes it is shared with see it.
    published: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    # ISO 639-1, told from the text at import (``core.languages``); it decides where sentences
    # end and which items are made. Articles from before languages were told are English.
    language: Mapped[str] = mapped_column(sa.String(8), default="en", server_default="en")

    topics: Mapped[list[Topic]] = relationship(
        back_populates="article", order_by="Topic.position", cascade="all, delete-orphan"
    )
    tags: Mapped[list[ArticleTag]] = relationship(cascade="all, delete-orphan")


class ArticleShare(db.Model):
    """An article shared with a class: the class's students may read and study it."""

    __tablename__ = "article_share"
    __table_args__ = (sa.UniqueConstraint("article_id", "class_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(sa.ForeignKey("article.id", ondelete="CASCADE"))
    class_id: Mapped[int] = mapped_column(
        sa.ForeignKey("school_class.id", ondelete="CASCADE"), index=True
    )


class ArticleTag(db.Model):
    """A keyword of the article ("Long-Tail Keywords"): a tag for search, not a claim."""

    __table_args__ = (sa.UniqueConstraint("article_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(sa.ForeignKey("article.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(sa.String(200))


class Topic(db.Model):
    """A section of the article (parent None) or a sub-topic under one (a bullet label)."""

    __table_args__ = (sa.UniqueConstraint("article_id", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        sa.ForeignKey("article.id", ondelete="CASCADE"), index=True
    )
    parent_id: Mapped[int | None] = mapped_column(sa.ForeignKey("topic.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(sa.String(120))
    title: Mapped[str] = mapped_column(sa.String(200))
    position: Mapped[int] = mapped_column(default=0)

    article: Mapped[Article] = relationship(back_populates="topics")
    parent: Mapped[Topic | None] = relationship(remote_side=[id])
    # Deleting an article deletes its topics and their claims; the database cascades the rest.
    claims: Mapped[list[Claim]] = relationship(
        back_populates="topic",
        order_by="Claim.start_offset",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class Claim(db.Model):
    """A verbatim span of the article: ``article.text[start:end] == quote`` always."""

    __table_args__ = (
        sa.UniqueConstraint("article_id", "key"),
        sa.CheckConstraint("start_offset >= 0 AND end_offset > start_offset", name="span"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        sa.ForeignKey("article.id", ondelete="CASCADE"), index=True
    )
    topic_id: Mapped[int] = mapped_column(sa.ForeignKey("topic.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(sa.String(160))
    quote: Mapped[str] = mapped_column(sa.Text)
    start_offset: Mapped[int]
    end_offset: Mapped[int]
    sentence_start: Mapped[int]
    sentence_end: Mapped[int]
    key_terms: Mapped[list[str]] = mapped_column(sa.JSON, default=list)

    topic: Mapped[Topic] = relationship(back_populates="claims")
    article: Mapped[Article] = relationship()


def _claim_article_id(context) -> int | None:
    """An item's article is its claim's: items built from a claim id alone still get it."""
    claim_id = context.get_current_parameters().get("claim_id")
    return context.connection.scalar(sa.select(Claim.article_id).where(Claim.id == claim_id))


class _Item:
    """What flashcards and questions share: their claim and article, a key unique in the
    article, where they came from, and where they are in review."""

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        sa.ForeignKey("article.id", ondelete="CASCADE"), index=True, default=_claim_article_id
    )
    key: Mapped[str] = mapped_column(sa.String(160))
    claim_id: Mapped[int] = mapped_column(sa.ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    origin: Mapped[str] = mapped_column(sa.String(16))  # an ItemOrigin
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    # Items that left the bank are retired, not deleted, so learners' history stays whole.
    retired: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(
        sa.String(16), default=ItemStatus.PUBLISHED, server_default=ItemStatus.PUBLISHED.value
    )
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # Pictures and sound shown with the item, each {"id", "sha256", "type", "alt", "place"}
    # (services/media.py); on the item so no page needs a query more to show them.
    media: Mapped[list[dict[str, Any]]] = mapped_column(
        sa.JSON, default=list, server_default=sa.text("'[]'")
    )
    # Its tags, as Anki keeps them on notes (``core.item_tags``: one word each, at most 50);
    # they travel with the item in Anki packages, Moodle XML and CSV.
    tags: Mapped[list[str]] = mapped_column(sa.JSON, default=list, server_default=sa.text("'[]'"))


class Flashcard(_Item, db.Model):
    # Keys are unique per article: two articles may both have a "gen-basic-overview-1".
    __table_args__ = (sa.UniqueConstraint("article_id", "key"),)
    kind: Mapped[str] = mapped_column(sa.String(16), default=CardKind.BASIC)
    front: Mapped[str] = mapped_column(sa.Text)
    back: Mapped[str] = mapped_column(sa.Text)
    # A cloze card's "Back Extra", as Anki's Cloze note type has it: shown below the answer on
    # the back, and written back into that field on export ("" when there is none).
    back_extra: Mapped[str] = mapped_column(sa.Text, default="", server_default="")

    claim: Mapped[Claim] = relationship()


# What a question says, as opposed to where it sits and who owns it: what a copy or a re-seed
# takes over.
QUESTION_CONTENT_FIELDS = (
    "type",
    "prompt",
    "explanation",
    "difficulty",
    "choices",
    "accepted",
    "pairs",
    "answer_bool",
    "quote",
    "combined_feedback",
    "hints",
)
FLASHCARD_CONTENT_FIELDS = ("front", "back", "kind")


class Question(_Item, db.Model):
    """A question of one type; which fields are used depends on ``type`` (see core.bank)."""

    __table_args__ = (
        sa.CheckConstraint("difficulty BETWEEN 1 AND 3", name="difficulty_range"),
        sa.UniqueConstraint("article_id", "key"),
    )
    type: Mapped[str] = mapped_column(sa.String(24), index=True)
    prompt: Mapped[str] = mapped_column(sa.Text)
    choices: Mapped[list[dict[str, Any]]] = mapped_column(sa.JSON, default=list)
    accepted: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    pairs: Mapped[list[list[str]]] = mapped_column(sa.JSON, default=list)
    answer_bool: Mapped[bool | None]
    explanation: Mapped[str] = mapped_column(sa.Text)
    quote: Mapped[str | None] = mapped_column(sa.Text)
    difficulty: Mapped[int] = mapped_column(default=2)
    # What a learner is told after a correct, partly correct or incorrect answer, beside the
    # explanation: Moodle's combined feedback, keyed "correct", "partial", "incorrect" (only
    # those an imported question wrote).
    combined_feedback: Mapped[dict[str, str]] = mapped_column(
        sa.JSON, default=dict, server_default=sa.text("'{}'")
    )
    # Hints a learner may reveal one by one before answering a practice question, in order
    # (Moodle's ``<hint>`` elements; ``core.question_hints``).
    hints: Mapped[list[str]] = mapped_column(sa.JSON, default=list, server_default=sa.text("'[]'"))

    claim: Mapped[Claim] = relationship()


def live(model: type[Flashcard] | type[Question]) -> sa.ColumnElement[bool]:
    """The condition for items students may see: published and not retired."""
    return sa.and_(~model.retired, model.status == ItemStatus.PUBLISHED.value)
