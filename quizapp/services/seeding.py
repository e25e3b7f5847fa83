"""Import an article and its items into the database: an idempotent upsert by stable keys."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.article_parser import parse_article
from quizapp.core.bank import load_bank
from quizapp.core.claims import TopicDraft, extract_topics
from quizapp.core.item_drafts import FlashcardDraft, QuestionDraft
from quizapp.core.item_generation import generate_items
from quizapp.core.text import slugify
from quizapp.models import Article, ArticleTag, Claim, Flashcard, Question, Topic
from quizapp.services.choice_ids import with_opaque_ids

QUESTION_FIELDS = (
    "type", "prompt", "explanation", "difficulty", "choices", "accepted", "pairs",
    "answer_bool", "quote", "origin",
)  # fmt: skip
CARD_FIELDS = ("front", "back", "kind", "origin")


@dataclass
class SeedReport:
    """What an import did: counts of created and updated rows, and items by topic and type."""

    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    retired: Counter[str] = field(default_factory=Counter)
    by_topic: dict[str, Counter[str]] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.retired)


def _assign(row, values: dict, kind: str, report: SeedReport) -> None:
    changed = False
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    if changed and row.id is not None:
        report.updated[kind] += 1


def _upsert(session: Session, model, existing: dict, key, values: dict, kind, report):
    row = existing.get(key)
    if row is None:
        row = model(**values)
        session.add(row)
        existing[key] = row
        report.created[kind] += 1
        return row
    _assign(row, values, kind, report)
    return row


def _import_topics(session, article, drafts: list[TopicDraft], report) -> dict[str, Claim]:
    topics = {t.key: t for t in session.scalars(sa.select(Topic).filter_by(article_id=article.id))}
    claims = {c.key: c for c in session.scalars(sa.select(Claim).filter_by(article_id=article.id))}
    for draft in drafts:
        parent = topics.get(draft.parent_key) if draft.parent_key else None
        values = {"article": article, "key": draft.key, "title": draft.title,
                  "position": draft.position, "parent": parent}  # fmt: skip
        topic = _upsert(session, Topic, topics, draft.key, values, "topics", report)
        for claim in draft.claims:
            values = {
                "article": article, "topic": topic, "key": claim.key, "quote": claim.quote,
                "start_offset": claim.start, "end_offset": claim.end,
                "sentence_start": claim.sentence_start, "sentence_end": claim.sentence_end,
                "key_terms": list(claim.key_terms),
            }  # fmt: skip
            _upsert(session, Claim, claims, claim.key, values, "claims", report)
    return claims


def _import_items(session, model, drafts: Iterable, claims, fields, kind, report) -> None:
    drafts = list(drafts)
    keys = [d.key for d in drafts]
    existing = {r.key: r for r in session.scalars(sa.select(model).where(model.key.in_(keys)))}
    for draft in drafts:
        values = {name: getattr(draft, name) for name in fields}
        if "choices" in values:  # ids by position in the bank become opaque, kept on re-seed
            stored = existing.get(draft.key)
            values["choices"] = with_opaque_ids(values["choices"],
                                                stored.choices if stored else None)  # fmt: skip
        values["claim"] = claims[draft.claim_key]
        values["retired"] = False
        if draft.key not in existing:
            values["key"] = draft.key
        _upsert(session, model, existing, draft.key, values, kind, report)
        topic = claims[draft.claim_key].topic.title
        label = getattr(draft, "type", "flashcard")
        report.by_topic.setdefault(topic, Counter())[str(label)] += 1


def _retire_missing(session, model, article, keys: set[str], kind, report) -> None:
    """Items of this article that left the bank are retired, keeping learners' history."""
    stmt = (
        sa.select(model)
        .join(Claim)
        .where(Claim.article_id == article.id, model.origin != "teacher", ~model.retired)
    )
    for row in session.scalars(stmt):
        if row.key not in keys:
            row.retired = True
            report.retired[kind] += 1


def seed_article(
    session: Session,
    article_path: Path,
    bank_path: Path | None,
    progress: Callable[[Iterable], Iterable] = lambda items: items,
) -> SeedReport:
    """Upsert the article, its topics, claims and items; raise ``BankError`` on a bad bank.

    Nothing is written to the session before the bank has been validated in full.
    """
    text = article_path.read_text(encoding="utf-8")
    parsed = parse_article(text)
    topic_drafts = extract_topics(parsed)
    claim_quotes = {c.key: c.quote for t in topic_drafts for c in t.claims}
    bank = load_bank(bank_path, text, claim_quotes) if bank_path else None
    cards, questions = generate_items(topic_drafts, parsed.title)
    cards = cards + (bank.flashcards if bank else [])
    questions = questions + (bank.questions if bank else [])

    report = SeedReport()
    slug = slugify(article_path.stem)
    existing = {a.slug: a for a in session.scalars(sa.select(Article).filter_by(slug=slug))}
    values = {"slug": slug, "title": parsed.title, "text": text,
              "checksum": hashlib.sha256(text.encode()).hexdigest()}  # fmt: skip
    article = _upsert(session, Article, existing, slug, values, "articles", report)
    session.flush()
    have_tags = {t.name for t in article.tags}
    for name in parsed.keywords:
        if name not in have_tags:
            article.tags.append(ArticleTag(name=name))
            report.created["tags"] += 1
    claims = _import_topics(session, article, topic_drafts, report)
    session.flush()
    items: list[FlashcardDraft | QuestionDraft] = [*cards, *questions]
    for chunk in progress([items[i : i + 25] for i in range(0, len(items), 25)]):
        chunk_cards = [d for d in chunk if isinstance(d, FlashcardDraft)]
        chunk_questions = [d for d in chunk if isinstance(d, QuestionDraft)]
        _import_items(session, Flashcard, chunk_cards, claims, CARD_FIELDS, "flashcards", report)
        _import_items(
            session, Question, chunk_questions, claims, QUESTION_FIELDS, "questions", report
        )
    session.flush()
    _retire_missing(session, Flashcard, article, {c.key for c in cards}, "flashcards", report)
    _retire_missing(session, Question, article, {q.key for q in questions}, "questions", report)
    return report
