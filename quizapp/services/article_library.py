"""The library of articles: importing a teacher's text, listing the open ones, sharing.

Who may see an article is decided in ``services/visibility.py``: its owner, admins, the
students of the classes it is shared with, and everyone once it is published (the seed
article, or an admin's choice). Everyone else gets a 404, as for other teachers' classes.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.errors import InputError
from quizapp.core.languages import LANGUAGE_NAMES
from quizapp.core.text import slugify
from quizapp.core.text_extraction import ExtractionError, extract_article
from quizapp.core.translatable import N_
from quizapp.core.web_links import NOT_A_WEB_LINK, is_web_link
from quizapp.models import (
    Article,
    ArticleShare,
    ArticleTag,
    Role,
    SchoolClass,
    User,
)
from quizapp.services.errors import NotFound, TeachingError
from quizapp.services.seeding import ArticleSource, SeedReport, import_article
from quizapp.services.visibility import audience_of, viewer_params, visible_statement

MAX_SLUG_BASE = 100


@dataclass(frozen=True)
class ArticleUpload:
    """What the import form (or the CLI) hands over: a file's name and bytes, and the fields."""

    filename: str
    data: bytes
    title: str = ""
    source_url: str = ""
    source_author: str = ""
    licence_note: str = ""


def unique_slug(session: Session, title: str) -> str:
    """A slug no other article has: the title's, with -2, -3, ... when taken."""
    base = slugify(title)[:MAX_SLUG_BASE] or "article"
    taken = set(session.scalars(sa.select(Article.slug).where(Article.slug.startswith(base))))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


UNKNOWN_LANGUAGE = N_("Choose one of the languages listed.")


def change_language(session: Session, article: Article, language: str) -> SeedReport | None:
    """Read ``article`` again as written in ``language`` (the teacher's correction of the
    language told at import): its sentences and its items follow the language; reviewed
    items of unchanged claims are kept, as on any re-import. None when nothing changes."""
    if language not in LANGUAGE_NAMES:
        raise TeachingError(UNKNOWN_LANGUAGE)
    if language == article.language:
        return None
    source = ArticleSource(
        slug=article.slug, text=article.text, owner_id=article.owner_id, language=language
    )
    _article, report = import_article(session, source, drafts=True, publish=False)
    return report


def import_upload(
    session: Session,
    upload: ArticleUpload,
    owner_id: int | None,
    *,
    slug: str | None = None,
    publish: bool = False,
    drafts: bool = True,
) -> tuple[Article, SeedReport]:
    """Extract, parse and import ``upload`` as a draft article of ``owner_id``.

    ``slug`` re-imports into that article (reviewed items of unchanged claims are kept);
    without it a new article is made. ``drafts=False`` publishes the items at once (an
    operator's import). Raises :class:`TeachingError` with a message for the
    form when the file cannot become an article; nothing is written then.
    """
    source_url = upload.source_url.strip()
    if source_url and not is_web_link(source_url):
        raise TeachingError(NOT_A_WEB_LINK)
    try:
        extracted = extract_article(upload.filename, upload.data, upload.title.strip() or None)
    except ExtractionError as error:
        raise TeachingError(error.template, **error.params) from error
    source = ArticleSource(
        slug=slug or unique_slug(session, extracted.title or upload.filename),
        text=extracted.text,
        owner_id=owner_id,
        source_url=source_url or None,
        source_author=upload.source_author.strip() or None,
        licence_note=upload.licence_note.strip() or None,
    )
    try:
        return import_article(session, source, drafts=drafts, publish=publish)
    except InputError as error:  # parse_article's "The article is empty."; a bug stays a 500
        raise TeachingError(error.template, **error.params) from error


@dataclass(frozen=True)
class ListedArticle:
    """An article as the home page lists it: no text, its tags' names in the order given."""

    id: int
    slug: str
    title: str
    tags: tuple[str, ...]


@functools.cache
def _listed_statement(audience: str) -> sa.Select:
    # Plain columns, not Article entities: the home page shows four fields, and building
    # entities (with their tags through a joined eager load) was most of listing them.
    return (
        visible_statement(audience)
        .with_only_columns(Article.id, Article.slug, Article.title, ArticleTag.name)
        .outerjoin(ArticleTag, ArticleTag.article_id == Article.id)
        .order_by(Article.id, ArticleTag.id)
    )


def listed_articles(session: Session, user: User | None) -> list[ListedArticle]:
    """The articles ``user`` may read, in the order they came, with their tags, for the home
    page: one statement."""
    rows = session.execute(_listed_statement(audience_of(user)), viewer_params(user))
    listed: list[ListedArticle] = []
    for (article_id, slug, title), group in itertools.groupby(rows, key=lambda row: row[:3]):
        tags = tuple(name for *_, name in group if name is not None)
        listed.append(ListedArticle(article_id, slug, title, tags))
    return listed


def owned_article(session: Session, article_id: int, user: User) -> Article:
    """An article ``user`` may review and share: their own (any, for an admin)."""
    article = session.get(Article, article_id)
    if article is None or (user.role != Role.ADMIN and article.owner_id != user.id):
        raise NotFound(N_("There is no such article."))
    return article


def teacher_articles(session: Session, user: User) -> list[Article]:
    stmt = sa.select(Article).order_by(Article.created_at.desc(), Article.id.desc())
    if user.role != Role.ADMIN:
        stmt = stmt.where(Article.owner_id == user.id)
    return list(session.scalars(stmt))


def shared_class_ids(session: Session, article: Article) -> set[int]:
    return set(
        session.scalars(
            sa.select(ArticleShare.class_id).where(ArticleShare.article_id == article.id)
        )
    )


def share_with_classes(
    session: Session, article: Article, teacher_id: int, class_ids: list[int]
) -> None:
    """Share the article with exactly these classes of the teacher's (others are unshared)."""
    own = set(
        session.scalars(sa.select(SchoolClass.id).where(SchoolClass.teacher_id == teacher_id))
    )
    wanted = set(class_ids)
    if not wanted <= own:
        raise TeachingError(N_("You can share only with your own classes."))
    current = shared_class_ids(session, article)
    for class_id in wanted - current:
        session.add(ArticleShare(article_id=article.id, class_id=class_id))
    if current - wanted:
        session.execute(
            sa.delete(ArticleShare).where(
                ArticleShare.article_id == article.id,
                ArticleShare.class_id.in_((current - wanted) & own),
            )
        )
