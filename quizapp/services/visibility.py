"""Who may see and use which content: the one rule, for learners and for teachers.

Learners (and every reader of the public pages) see the articles ``visible_articles`` gives:
published ones, their own, those shared with a class they are in (every article, for an
admin), and of those only the shared bank's items (``open_to_learners``): published, not
retired, not a teacher's own (those belong to the teacher's quiz sets).

Teachers *use* content (list it, pick from it, copy it, export it, build sets with it) from the
articles ``usable_articles`` gives: published ones and their own. Of those, ``usable_items``
are the live items of the bank and the teacher's own items; never another teacher's item, and
nothing of another teacher's private article, whose accepted items carry answer keys of sets
that may still be open. An admin is a teacher here too: reading every article as an admin is
not a licence to reuse it.

Every list, picker, copy, search, export, set-building and rating path asks this module; a
page that needs another rule should add it here, next to these.
"""

from __future__ import annotations

import functools
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.translatable import N_
from quizapp.core.vocabulary import ItemOrigin
from quizapp.models import (
    Article,
    ArticleShare,
    Claim,
    Enrollment,
    Flashcard,
    Question,
    Role,
    Topic,
    User,
    live,
)
from quizapp.services.errors import NotFound

VIEWER = "viewer_id"
Item = TypeVar("Item", Question, Flashcard)
ItemModel = type[Question] | type[Flashcard]

# --- learners: what a user may read and study --------------------------------------------------


def audience_of(user: User | None) -> str:
    """ "visitor", "admin" or "member": the three shapes of the learners' rule."""
    if user is None or not user.is_authenticated:
        return "visitor"
    return "admin" if user.role == Role.ADMIN else "member"


# Built once per audience, with the viewer bound at use: building and keying a statement is
# Python work a page pays on every request (the home page's cost more to build than to run).
@functools.cache
def visible_statement(audience: str) -> sa.Select:
    """Articles visible to an audience, the viewer's id left as the ``viewer_id`` parameter."""
    stmt = sa.select(Article)
    if audience == "admin":
        return stmt
    if audience == "visitor":
        return stmt.where(Article.published)
    viewer = sa.bindparam(VIEWER, type_=sa.Integer)
    shared = (
        sa.select(ArticleShare.article_id)
        .join(Enrollment, Enrollment.class_id == ArticleShare.class_id)
        .where(Enrollment.student_id == viewer)
    )
    return stmt.where(sa.or_(Article.published, Article.owner_id == viewer, Article.id.in_(shared)))


def viewer_params(user: User | None) -> dict[str, int]:
    """The parameters ``visible_statement(audience_of(user))`` needs."""
    return {VIEWER: user.id} if audience_of(user) == "member" else {}


def visible_articles(user: User | None) -> sa.Select:
    """Articles ``user`` may read, as a statement to refine (order, filters)."""
    stmt = visible_statement(audience_of(user))
    viewer = viewer_params(user)
    return stmt.params(viewer) if viewer else stmt


def visible_article(session: Session, user: User | None, article_id: int) -> Article | None:
    """The article if ``user`` may read it, else None: one query, whatever the library's size."""
    return session.scalar(visible_articles(user).where(Article.id == article_id))


def visible_topic(session: Session, user: User | None, topic_id: int) -> Topic | None:
    """The topic if ``user`` may read its article, else None: one query."""
    visible = visible_articles(user).with_only_columns(Article.id)
    return session.scalar(
        sa.select(Topic).where(Topic.id == topic_id, Topic.article_id.in_(visible))
    )


def visible_topic_ids(session: Session, user: User | None, article_id: int | None = None):
    """Topics of the articles ``user`` may see (of one of them with ``article_id``).

    Never empty: the services read an empty list as "every topic", so a learner who may see
    nothing gets a list naming no topic at all.
    """
    visible = visible_articles(user).with_only_columns(Article.id)
    if article_id is not None:
        visible = visible.where(Article.id == article_id)
    ids = list(session.scalars(sa.select(Topic.id).where(Topic.article_id.in_(visible))))
    return ids or [0]


def open_to_learners(model: ItemModel) -> sa.ColumnElement[bool]:
    """Items the public pages and a learner's own study show (of the articles they may see):
    live items of the bank, not a teacher's own."""
    return sa.and_(live(model), model.origin != ItemOrigin.TEACHER)


def article_visible_to(audience: str, article_id: sa.ColumnElement[int]) -> sa.ColumnElement:
    """Whether the article ``article_id`` is visible to the audience's viewer (the viewer bound
    as ``viewer_id``): a column for statements built once, such as a card rating's."""
    if audience == "admin":
        return sa.true()
    return article_id.in_(visible_statement(audience).with_only_columns(Article.id))


# --- teachers: what a teacher may use ----------------------------------------------------------


def usable_articles(teacher_id: int) -> sa.Select:
    """Ids of the articles a teacher may use: published ones and their own."""
    return sa.select(Article.id).where(sa.or_(Article.published, Article.owner_id == teacher_id))


def usable_items(model: ItemModel, teacher_id: int) -> sa.ColumnElement[bool]:
    """Live items of the articles the teacher may use: the bank's, and their own; never
    another teacher's."""
    return sa.and_(
        live(model),
        model.article_id.in_(usable_articles(teacher_id)),
        sa.or_(model.origin != ItemOrigin.TEACHER, model.author_id == teacher_id),
    )


def own_items(model: ItemModel, teacher_id: int) -> sa.ColumnElement[bool]:
    """The teacher's own live items, whatever became of their article: what a teacher wrote
    stays theirs to see and edit when the article is unpublished or no longer theirs to use."""
    return sa.and_(live(model), model.origin == ItemOrigin.TEACHER, model.author_id == teacher_id)


def usable_by(teacher_id: int) -> sa.ColumnElement[bool]:
    """The questions a teacher may put in a set, list, copy or export."""
    return usable_items(Question, teacher_id)


def bank_items(model: ItemModel, teacher_id: int) -> sa.ColumnElement[bool]:
    """The usable items that are not a teacher's own: the bank a teacher browses and copies."""
    return sa.and_(usable_items(model, teacher_id), model.origin != ItemOrigin.TEACHER)


def usable_item(session: Session, model: type[Item], item_id: int, teacher_id: int) -> Item:
    """The item if the teacher may use it; :class:`NotFound` otherwise (as if it did not
    exist: another teacher's private item is not even confirmed)."""
    item = session.scalar(
        sa.select(model).where(model.id == item_id, usable_items(model, teacher_id))
    )
    if item is None:
        raise NotFound(N_("There is no such item."))
    return item


def usable_claims(teacher_id: int) -> sa.ColumnElement[bool]:
    """Claims a teacher may write an item on: those of the articles they may use."""
    return Claim.article_id.in_(usable_articles(teacher_id))


def usable_topics(teacher_id: int) -> sa.ColumnElement[bool]:
    """Topics a teacher may filter by or draw from."""
    return Topic.article_id.in_(usable_articles(teacher_id))


def usable_claim(session: Session, claim_id: int, teacher_id: int) -> Claim | None:
    return session.scalar(sa.select(Claim).where(Claim.id == claim_id, usable_claims(teacher_id)))


def usable_article(session: Session, slug: str, teacher_id: int) -> Article:
    """The article at ``slug`` if the teacher may use it; :class:`NotFound` otherwise."""
    article = session.scalar(
        sa.select(Article).where(Article.slug == slug, Article.id.in_(usable_articles(teacher_id)))
    )
    if article is None:
        raise NotFound(N_("There is no article “%(slug)s”."), slug=slug)
    return article
