"""One search over what a user may see: article titles, topics, claims, and live items.

The database's own full-text search does the matching and ranking: FTS5 on SQLite, ``tsvector``
on PostgreSQL, behind :func:`search`. Documents are the rows of the articles the user may see,
gathered afresh for each search (a per-connection FTS5 table on SQLite), so sharing, review
decisions and edits show at once; at the size of a school's library this takes milliseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.models import Article, Claim, Flashcard, Question, Topic, User
from quizapp.services.visibility import open_to_learners, visible_articles

MAX_RESULTS = 30
MAX_QUERY_WORDS = 12
WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    kind: str  # article | topic | claim | question | flashcard
    text: str
    article_title: str
    article_slug: str
    topic_id: int | None
    claim_key: str | None


def _documents(user: User | None) -> sa.Select:
    """Every searchable row the user may see: (kind, text, article id, topic id, claim id)."""
    articles = visible_articles(user).with_only_columns(Article.id).scalar_subquery()
    null_int = sa.null().cast(sa.Integer)
    parts = [
        sa.select(
            sa.literal("article").label("kind"),
            Article.title.label("body"),
            Article.id.label("article_id"),
            null_int.label("topic_id"),
            null_int.label("claim_id"),
        ).where(Article.id.in_(articles)),
        sa.select(sa.literal("topic"), Topic.title, Topic.article_id, Topic.id, null_int).where(
            Topic.article_id.in_(articles)
        ),
        sa.select(
            sa.literal("claim"), Claim.quote, Claim.article_id, Claim.topic_id, Claim.id
        ).where(Claim.article_id.in_(articles)),
        sa.select(
            sa.literal("question"),
            Question.prompt,
            Question.article_id,
            null_int,
            Question.claim_id,
        ).where(Question.article_id.in_(articles), open_to_learners(Question)),
        sa.select(
            sa.literal("flashcard"),
            Flashcard.front + " " + Flashcard.back,
            Flashcard.article_id,
            null_int,
            Flashcard.claim_id,
        ).where(Flashcard.article_id.in_(articles), open_to_learners(Flashcard)),
    ]
    return sa.union_all(*parts)


def _query_words(query: str) -> list[str]:
    return WORD.findall(query.casefold())[:MAX_QUERY_WORDS]


def _sqlite_matches(session: Session, documents: sa.Select, words: list[str]) -> list[tuple]:
    """FTS5 over the documents: every word must match (as a prefix), best rank first."""
    connection = session.connection()
    connection.exec_driver_sql(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_documents USING fts5("
        "body, kind UNINDEXED, article_id UNINDEXED, topic_id UNINDEXED, claim_id UNINDEXED, "
        "tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    connection.exec_driver_sql("DELETE FROM temp.search_documents")
    rows = connection.execute(documents).all()
    connection.exec_driver_sql(
        "INSERT INTO temp.search_documents (kind, body, article_id, topic_id, claim_id) "
        "VALUES (?, ?, ?, ?, ?)",
        [tuple(row) for row in rows],
    )
    # Each word quoted (so no FTS5 syntax gets through) and matched as a prefix.
    match = " ".join(f'"{word}"*' for word in words)
    return connection.exec_driver_sql(
        "SELECT kind, body, article_id, topic_id, claim_id FROM temp.search_documents "
        "WHERE search_documents MATCH ? ORDER BY rank LIMIT ?",
        (match, MAX_RESULTS),
    ).all()


def _postgres_matches(session: Session, documents: sa.Select, words: list[str]) -> list[tuple]:
    """``tsvector`` matching with English stemming, ranked by ``ts_rank``."""
    docs = documents.subquery()
    vector = sa.func.to_tsvector(sa.literal_column("'english'"), docs.c.body)
    query = sa.func.to_tsquery(
        sa.literal_column("'english'"), " & ".join(f"{word}:*" for word in words)
    )
    stmt = (
        sa.select(docs.c.kind, docs.c.body, docs.c.article_id, docs.c.topic_id, docs.c.claim_id)
        .where(vector.bool_op("@@")(query))
        .order_by(sa.func.ts_rank(vector, query).desc())
        .limit(MAX_RESULTS)
    )
    return session.execute(stmt).all()


def search(session: Session, user: User | None, query: str) -> list[SearchHit]:
    """What ``user`` may see that matches every word of ``query``, best first (at most
    MAX_RESULTS). Never raises on odd input: punctuation and search syntax are ignored."""
    words = _query_words(query)
    if not words:
        return []
    documents = _documents(user)
    if session.get_bind().dialect.name == "postgresql":
        matches = _postgres_matches(session, documents, words)
    else:
        matches = _sqlite_matches(session, documents, words)
    article_ids = {m[2] for m in matches}
    claim_ids = {m[4] for m in matches if m[4] is not None}
    articles = (
        {a.id: a for a in session.scalars(sa.select(Article).where(Article.id.in_(article_ids)))}
        if article_ids
        else {}
    )
    claims = (
        dict(session.execute(sa.select(Claim.id, Claim.key).where(Claim.id.in_(claim_ids))).all())
        if claim_ids
        else {}
    )
    return [
        SearchHit(
            kind,
            body,
            articles[article_id].title,
            articles[article_id].slug,
            topic_id,
            claims.get(claim_id),
        )
        for kind, body, article_id, topic_id, claim_id in matches
    ]
