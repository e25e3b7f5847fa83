"""Import an article and its items into the database: an idempotent upsert by stable keys.

Keys of topics, claims and items are unique per article, so a second article whose sections
share names with the first never touches the first one's rows.

Two modes. ``flask seed`` publishes what it generates (an operator's bank is reviewed already).
A teacher's import makes drafts: new items wait for review, and on re-import an item that was
reviewed (published or rejected) keeps its content and status while its claim's quote is
unchanged; an item whose claim changed is regenerated and goes back to draft.
"""

from __future__ import annotations

import dataclasses
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
from quizapp.core.item_headings import names_headings
from quizapp.core.neutral_items import items_for_language
from quizapp.core.text import slugify
from quizapp.core.topic_names import (
    keep_topic_keys,
    renamed_choices,
    renamed_front,
    renamed_pairs,
    renamed_quote,
)
from quizapp.core.vocabulary import ItemOrigin
from quizapp.models import Article, ArticleTag, Claim, Flashcard, ItemStatus, Question, Topic
from quizapp.models.content import FLASHCARD_CONTENT_FIELDS, QUESTION_CONTENT_FIELDS
from quizapp.services.choice_ids import with_opaque_ids

QUESTION_FIELDS = (*QUESTION_CONTENT_FIELDS, "origin")
CARD_FIELDS = (*FLASHCARD_CONTENT_FIELDS, "origin")


@dataclass
class SeedReport:
    """What an import did: counts of created and updated rows, and items by topic and type."""

    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    retired: Counter[str] = field(default_factory=Counter)
    # Reviewed items left as the teacher had them (a re-import in draft mode).
    kept: Counter[str] = field(default_factory=Counter)
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


def _import_topics(
    session, article, drafts: list[TopicDraft], report, keep_titles: bool
) -> tuple[dict[str, Claim], set[str]]:
    """Upsert topics and claims; return the claims by key and the keys whose quote is new."""
    topics = {t.key: t for t in session.scalars(sa.select(Topic).filter_by(article_id=article.id))}
    claims = {c.key: c for c in session.scalars(sa.select(Claim).filter_by(article_id=article.id))}
    changed: set[str] = set()
    for draft in drafts:
        parent = topics.get(draft.parent_key) if draft.parent_key else None
        values = {
            "article": article,
            "key": draft.key,
            "title": draft.title,
            "position": draft.position,
            "parent": parent,
        }
        if keep_titles and draft.key in topics:
            # A teacher's renames and reordering survive a re-import of the text.
            del values["title"], values["position"]
        topic = _upsert(session, Topic, topics, draft.key, values, "topics", report)
        for claim in draft.claims:
            old = claims.get(claim.key)
            if old is None or old.quote != claim.quote:
                changed.add(claim.key)
            values = {
                "article": article,
                "topic": topic,
                "key": claim.key,
                "quote": claim.quote,
                "start_offset": claim.start,
                "end_offset": claim.end,
                "sentence_start": claim.sentence_start,
                "sentence_end": claim.sentence_end,
                "key_terms": list(claim.key_terms),
            }
            _upsert(session, Claim, claims, claim.key, values, "claims", report)
    return claims, changed


@dataclass(frozen=True)
class _ItemImport:
    """Where items go and how: the article, its claims, and the review mode."""

    article: Article
    claims: dict[str, Claim]
    changed_claims: set[str]
    drafts: bool


def _import_items(session, model, drafts: Iterable, target: _ItemImport, fields, kind, report):
    drafts = list(drafts)
    keys = [d.key for d in drafts]
    existing = {
        r.key: r
        for r in session.scalars(
            sa.select(model).where(model.article_id == target.article.id, model.key.in_(keys))
        )
    }
    for draft in drafts:
        claim = target.claims[draft.claim_key]
        row = existing.get(draft.key)
        reviewed = row is not None and row.status != ItemStatus.DRAFT and not row.retired
        if target.drafts and reviewed and draft.claim_key not in target.changed_claims:
            # The teacher's decision (and any edit) on an unchanged claim stands.
            report.kept[kind] += 1
            continue
        values = {name: getattr(draft, name) for name in fields}
        if "choices" in values:  # ids by position in the bank become opaque, kept on re-seed
            values["choices"] = with_opaque_ids(values["choices"], row.choices if row else None)
        values["claim"] = claim
        values["retired"] = False
        values["status"] = ItemStatus.DRAFT if target.drafts else ItemStatus.PUBLISHED
        if row is None:
            values["key"] = draft.key
            values["article_id"] = target.article.id
        _upsert(session, model, existing, draft.key, values, kind, report)
        topic = claim.topic.title
        label = getattr(draft, "type", "flashcard")
        report.by_topic.setdefault(topic, Counter())[str(label)] += 1


def _retire_missing(session, model, target: _ItemImport, keys: set[str], kind, report) -> None:
    """Items of this article that left the bank are retired, keeping learners' history; in a
    reviewed article, a teacher's decision on an unchanged claim stands even when the
    generator no longer drafts that item."""
    stmt = sa.select(model).where(
        model.article_id == target.article.id, model.origin != ItemOrigin.TEACHER, ~model.retired
    )
    changed_ids = {claim.id for key, claim in target.claims.items() if key in target.changed_claims}
    for row in session.scalars(stmt):
        if row.key in keys:
            continue
        reviewed = row.status != ItemStatus.DRAFT
        if target.drafts and reviewed and row.claim_id not in changed_ids:
            report.kept[kind] += 1
            continue
        row.retired = True
        report.retired[kind] += 1


@dataclass(frozen=True)
class ArticleSource:
    """An article's text and what is known of it; ``slug`` names it for re-imports."""

    slug: str
    text: str
    owner_id: int | None = None
    source_url: str | None = None
    source_author: str | None = None
    licence_note: str | None = None
    language: str | None = None  # ISO 639-1; None: told from the text


def seed_article(
    session: Session,
    article_path: Path,
    bank_path: Path | None,
    progress: Callable[[Iterable], Iterable] = lambda items: items,
) -> SeedReport:
    """Upsert the article, its topics, claims and published items; raise ``BankError`` on a bad
    bank. Nothing is written to the session before the bank has been validated in full."""
    text = article_path.read_text(encoding="utf-8")
    source = ArticleSource(slug=slugify(article_path.stem), text=text)
    _article, report = import_article(session, source, bank_path, progress=progress)
    return report


def import_article(
    session: Session,
    source: ArticleSource,
    bank_path: Path | None = None,
    *,
    drafts: bool = False,
    publish: bool = True,
    progress: Callable[[Iterable], Iterable] = lambda items: items,
) -> tuple[Article, SeedReport]:
    """Upsert ``source`` as an article with its topics, claims and items.

    ``drafts``: generated items wait for a teacher's review (see the module docstring).
    ``publish``: the article is open to everyone (an operator's or an admin's choice); a
    re-import never withdraws an article that is published already.
    Raises ``ValueError`` for an empty text and ``BankError`` for a bad bank, before any write.
    """
    text = source.text
    parsed = parse_article(text, source.language)
    topic_drafts = _keep_stored_keys(session, source.slug, extract_topics(parsed))
    claim_quotes = {c.key: c.quote for t in topic_drafts for c in t.claims}
    bank = load_bank(bank_path, text, claim_quotes) if bank_path else None
    cards, questions = items_for_language(topic_drafts, parsed.title, parsed.language)
    cards = cards + (bank.flashcards if bank else [])
    questions = questions + (bank.questions if bank else [])

    report = SeedReport()
    existing = {a.slug: a for a in session.scalars(sa.select(Article).filter_by(slug=source.slug))}
    values = _article_values(source, parsed.title, publish)
    values["language"] = parsed.language
    article = _upsert(session, Article, existing, source.slug, values, "articles", report)
    session.flush()
    _add_tags(article, parsed.keywords, report)
    claims, changed = _import_topics(session, article, topic_drafts, report, keep_titles=drafts)
    session.flush()
    cards, questions = _with_kept_names(topic_drafts, claims, cards, questions)
    target = _ItemImport(article, claims, changed, drafts)
    _import_drafts(session, target, [*cards, *questions], progress, report)
    _retire_missing(session, Flashcard, target, {c.key for c in cards}, "flashcards", report)
    _retire_missing(session, Question, target, {q.key for q in questions}, "questions", report)
    return article, report


def _renamed_question(question: QuestionDraft, old: str, new: str) -> QuestionDraft:
    return dataclasses.replace(
        question,
        choices=renamed_choices(question.choices, old, new),
        pairs=renamed_pairs(question.pairs, old, new),
        prompt=renamed_quote(question.prompt, old, new),
        explanation=renamed_quote(question.explanation, old, new),
    )


def _with_kept_names(
    topic_drafts: list[TopicDraft],
    claims: dict[str, Claim],
    cards: list[FlashcardDraft],
    questions: list[QuestionDraft],
) -> tuple[list[FlashcardDraft], list[QuestionDraft]]:
    """Drafts naming a topic as the teacher renamed it, not as the text's heading reads: a
    re-import keeps the teacher's names, and the generated items quoting them follow."""
    heading_of = {c.key: t.title for t in topic_drafts for c in t.claims}
    renames = {
        heading_of[key]: claim.topic.title
        for key, claim in claims.items()
        if key in heading_of and claim.topic.title != heading_of[key]
    }
    if not renames:
        return cards, questions
    cards = [
        dataclasses.replace(card, front=renamed_front(card.front, old, renames[old]))
        if card.origin == ItemOrigin.GENERATED and (old := heading_of[card.claim_key]) in renames
        else card
        for card in cards
    ]
    for old, new in renames.items():
        questions = [
            _renamed_question(q, old, new)
            if q.origin == ItemOrigin.GENERATED and names_headings(q.key)
            else q
            for q in questions
        ]
    return cards, questions


def _keep_stored_keys(session: Session, slug: str, drafts: list[TopicDraft]) -> list[TopicDraft]:
    """On a re-import, topics keyed as stored where they hold the same sentences (see
    ``core.topic_names.keep_topic_keys``)."""
    rows = session.execute(
        sa.select(Claim.quote, Topic.key)
        .join(Topic, Claim.topic_id == Topic.id)
        .join(Article, Claim.article_id == Article.id)
        .where(Article.slug == slug)
    ).all()
    if not rows:
        return drafts
    stored = set(session.scalars(sa.select(Topic.key).join(Article).where(Article.slug == slug)))
    return keep_topic_keys(drafts, dict(rows), stored)


def _article_values(source: ArticleSource, title: str, publish: bool) -> dict[str, object]:
    """The article's columns; what the source does not know keeps its stored value."""
    values: dict[str, object] = {
        "slug": source.slug,
        "title": title,
        "text": source.text,
        "checksum": hashlib.sha256(source.text.encode()).hexdigest(),
    }
    for name in ("owner_id", "source_url", "source_author", "licence_note"):
        if getattr(source, name) is not None:
            values[name] = getattr(source, name)
    if publish:
        values["published"] = True
    return values


def _add_tags(article: Article, keywords: Iterable[str], report: SeedReport) -> None:
    have_tags = {t.name for t in article.tags}
    for name in keywords:
        if name not in have_tags:
            article.tags.append(ArticleTag(name=name))
            report.created["tags"] += 1


def _import_drafts(
    session: Session,
    target: _ItemImport,
    items: list[FlashcardDraft | QuestionDraft],
    progress: Callable[[Iterable], Iterable],
    report: SeedReport,
) -> None:
    """Cards and questions in chunks of 25, so ``progress`` can show how far the import is."""
    for chunk in progress([items[i : i + 25] for i in range(0, len(items), 25)]):
        chunk_cards = [d for d in chunk if isinstance(d, FlashcardDraft)]
        chunk_questions = [d for d in chunk if isinstance(d, QuestionDraft)]
        _import_items(session, Flashcard, chunk_cards, target, CARD_FIELDS, "flashcards", report)
        _import_items(
            session, Question, chunk_questions, target, QUESTION_FIELDS, "questions", report
        )
    session.flush()
