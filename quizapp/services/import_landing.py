"""Where imported items land, and as what: the one decision every import shares.

Imports (Moodle XML, GIFT, later Anki and CSV decks) ask :func:`landing_for_import` for the
article their items go into and the origin and author those items carry. Change the decision
here, and only here (for example: drafts in the importer's own article once articles have
owners and items have a review status).

A teacher's import lands in an article the teacher owns, its questions as drafts for the
article's review page, like an imported reading's; an operator's import from the command line
without an author lands published and open to everyone, like the seed bank.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from uuid import uuid4

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.text import slugify
from quizapp.core.vocabulary import ItemOrigin
from quizapp.models import Article, Claim, ItemStatus, Topic

DEFAULT_TOPIC = "Imported questions"
MAX_TITLE = 300
MAX_SLUG = 120


@dataclass
class Landing:
    """The target of an import: an article, and the origin and author of the items put in it.

    ``origin`` "teacher" with the importer as ``author_id`` makes the items the importer's own
    (editable by them, seen by no other teacher); an import from the command line without an
    author lands "curated", like the seed bank, read-only for every teacher.
    """

    article: Article
    origin: ItemOrigin
    author_id: int | None
    created_article: bool = False
    # Questions a teacher imports become the article's own bank (origin "curated", read-only
    # to other teachers), drafts until the owner accepts them on the review page; flashcards of
    # origin "teacher" are the teacher's own deck, never studied by students, so need no review.
    question_status: str = ItemStatus.PUBLISHED
    question_origin: ItemOrigin = ItemOrigin.CURATED
    _topics: dict[str, Topic] = field(default_factory=dict)
    # Every topic of the article, new ones included: a tree may hold one title twice.
    _all_topics: list[Topic] = field(default_factory=list)

    def lost_part_status(self, lost: bool, current: str = ItemStatus.PUBLISHED) -> str:
        """The status of an item that lost or changed a part on the way: a draft for the
        importer to look at. An operator's import with no author has nobody whose review page
        holds it, so the item keeps its status and the printed report is the record."""
        return ItemStatus.DRAFT if lost and self.author_id is not None else current

    def item_key(self) -> str:
        owner = f"t{self.author_id}" if self.author_id is not None else "import"
        return f"{owner}-{uuid4().hex[:10]}"


def landing_for_import(
    session: Session,
    importer_id: int | None,
    source_name: str,
    article_slug: str | None = None,
    *,
    title: str | None = None,
) -> Landing:
    """The article named by ``article_slug`` (made if missing), or a new article named
    ``title`` or after the file ``source_name``; items are the importer's own ("teacher") or,
    without an importer, "curated"."""
    created = False
    if article_slug:
        slug = slugify(article_slug)[:MAX_SLUG]
        article = session.scalar(sa.select(Article).where(Article.slug == slug))
        title = article_slug
    else:
        article = None
        title = title or PurePath(source_name).stem or "Imported questions"
        slug = _free_slug(session, slugify(title)[: MAX_SLUG - 12])
    if article is None:
        article = Article(
            slug=slug,
            title=title[:MAX_TITLE],
            text="",
            checksum="",
            owner_id=importer_id,
            published=importer_id is None,
        )
        session.add(article)
        created = True
    origin = ItemOrigin.TEACHER if importer_id is not None else ItemOrigin.CURATED
    landing = Landing(article, origin, importer_id, created)
    if importer_id is not None:
        if article.owner_id == importer_id:
            landing.question_status = ItemStatus.DRAFT
        else:
            # Into an article the importer does not own (an operator's --article): the
            # questions stay the importer's own, like questions a teacher writes by hand.
            landing.question_origin = ItemOrigin.TEACHER
    landing._topics = {t.title.casefold(): t for t in article.topics}
    landing._all_topics = list(article.topics)
    return landing


def _free_slug(session: Session, base: str) -> str:
    taken = set(session.scalars(sa.select(Article.slug).where(Article.slug.like(f"{base}%"))))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


@dataclass(frozen=True)
class ClaimSource:
    """What an imported item says about where it comes from: its topic heading, the source
    quote it brings (if any), and the text to append as its claim when that quote is not
    already one of the article's claims."""

    topic: str | None
    quote: str | None
    fallback: str
    # The topic with its parents, outermost first, when the file names a tree; else empty.
    topic_path: tuple[str, ...] = ()

    @property
    def path(self) -> tuple[str, ...]:
        return self.topic_path or ((self.topic,) if self.topic else ())


def attach_claims(session: Session, landing: Landing, sources: Sequence[ClaimSource]) -> list[int]:
    """A claim id for each of ``sources``, in order: the landing article's existing claim that
    holds the item's quote, else a new claim (its quote, or its fallback text) appended to the
    article under the item's topic. Every import of questions or cards shares this step."""
    known = [] if landing.created_article else claims_of(session, landing.article)
    found = [source_claim(known, source.quote) for source in sources]
    new_claims = iter(
        claims_for(
            session,
            landing,
            [
                (source.path, " ".join((source.quote or source.fallback).split()))
                for source, claim in zip(sources, found, strict=True)
                if claim is None
            ],
        )
    )
    return [claim.id if claim else next(new_claims) for claim in found]


def claims_of(session: Session, article: Article) -> list[Claim]:
    return list(session.scalars(sa.select(Claim).where(Claim.article_id == article.id)))


def source_claim(claims: list[Claim], quote: str | None) -> Claim | None:
    """The article's claim an item's source quote comes from, when it is one of them."""
    if not quote:
        return None
    return next((c for c in claims if quote in c.quote), None)


def claims_for(
    session: Session, landing: Landing, items: Sequence[tuple[tuple[str, ...], str]]
) -> list[int]:
    """Ids of new claims, one per (topic path, text): the text is appended to the article under
    its topic's heading, so every imported item points at a verbatim span as seeded ones do.

    Claims are inserted in one statement (thousands of them in an import), in ``items`` order.
    """
    article = landing.article
    text = article.text
    pieces = [text]
    length = len(text)
    rows: list[dict] = []
    current = None
    for topic_path, claim_text in items:
        path = tuple(name[:200] for name in topic_path) or (DEFAULT_TOPIC,)
        if path != current:
            current = path
            heading = ("\n\n" if length else "") + path[-1]
            pieces.append(heading)
            length += len(heading)
        start = length + 2
        pieces.append("\n\n" + claim_text)
        length += 2 + len(claim_text)
        rows.append(
            {
                "topic": topic_at(session, landing, path),
                "key": f"import-{uuid4().hex[:12]}",
                "quote": claim_text,
                "start_offset": start,
                "end_offset": length,
                "sentence_start": start,
                "sentence_end": length,
                "key_terms": [],
            }
        )
    article.text = "".join(pieces)
    article.checksum = hashlib.sha256(article.text.encode()).hexdigest()
    session.flush()  # the article and its new topics get their ids
    if not rows:
        return []
    for row in rows:
        row["topic_id"] = row.pop("topic").id
        row["article_id"] = article.id
    inserted = session.execute(
        sa.insert(Claim).returning(Claim.id, sort_by_parameter_order=True), rows
    )
    return list(inserted.scalars())


def topic_titled(session: Session, landing: Landing, title: str) -> Topic:
    """The landing article's topic of that title, made (and added to the session) if new."""
    return _topic(session, landing, title)


def topic_at(session: Session, landing: Landing, path: tuple[str, ...]) -> Topic:
    """The topic at the end of ``path`` (outermost first), each level matched by title under
    the one before and made where missing. The first level is the article's section of that
    title, else any topic of it, so a one-name path finds the topic it always found."""
    topic = _section(landing, path[0]) or _topic(session, landing, path[0])
    for title in path[1:]:
        child = next(
            (t for t in landing._all_topics if t.parent is topic and _same(t.title, title)), None
        )
        topic = child or _topic(session, landing, title, parent=topic)
    return topic


def _same(title: str, other: str) -> bool:
    return title.casefold() == other.casefold()


def _section(landing: Landing, title: str) -> Topic | None:
    return next(
        (
            t
            for t in landing._all_topics
            if t.parent_id is None and t.parent is None and _same(t.title, title)
        ),
        None,
    )


def _topic(session: Session, landing: Landing, title: str, parent: Topic | None = None) -> Topic:
    """The topic of that title (any of them) when no ``parent`` is given, else a new one."""
    topic = None if parent else landing._topics.get(title.casefold())
    if topic is None:
        taken = {t.key for t in landing._all_topics}
        key, number = slugify(title)[:100], 2
        base = key
        while key in taken:
            key, number = f"{base}-{number}", number + 1
        topic = Topic(
            article=landing.article,
            key=key,
            title=title,
            parent=parent,
            position=len(landing._all_topics),
        )
        session.add(topic)  # SQLAlchemy 2 does not cascade a backref assignment into the session
        landing._topics.setdefault(title.casefold(), topic)
        landing._all_topics.append(topic)
    return topic
