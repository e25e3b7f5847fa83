"""Flashcard decks in and out: CSV or a paste (Quizlet's "term TAB definition"), and Anki.

Cards land where ``import_landing.landing_for_import`` decides, each with a claim of its own
(its source quote when it brings one, else its two sides) unless its quote is already a claim
of the target article.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.anki_export import ExportCard, anki_package
from quizapp.core.interchange.flashcard_csv import DECK_COLUMNS, ParsedCards
from quizapp.models import Article, Claim, Flashcard, Topic
from quizapp.services.csv_export import csv_document
from quizapp.services.import_landing import ClaimSource, attach_claims, landing_for_import
from quizapp.services.question_exchange import (
    ImportReport,
    article_to_export,
    exported_items,
)

DECK_FORMATS = {"csv": ".csv", "apkg": ".apkg"}


def import_cards(
    session: Session,
    parsed: ParsedCards,
    source_name: str,
    *,
    importer_id: int | None = None,
    article_slug: str | None = None,
    title: str | None = None,
) -> ImportReport:
    """Add every card of ``parsed`` (already checked) to the landing article (a new one named
    ``title`` or after ``source_name`` unless ``article_slug`` names one)."""
    landing = landing_for_import(session, importer_id, source_name, article_slug, title=title)
    claim_ids = attach_claims(
        session,
        landing,
        [
            ClaimSource(card.topic, card.source, f"{card.front} — {card.back}")
            for card in parsed.cards
        ],
    )
    report = ImportReport(
        landing.article.slug,
        landing.article.title,
        skipped=list(parsed.skipped),
        noun="flashcard",
        changed=list(parsed.changed),
    )
    rows = []
    for card, claim_id in zip(parsed.cards, claim_ids, strict=True):
        rows.append(
            {
                "key": landing.item_key(),
                "claim_id": claim_id,
                "kind": card.kind,
                "front": card.front,
                "back": card.back,
                "origin": landing.origin,
                "author_id": landing.author_id,
                "article_id": landing.article.id,
            }
        )
        report.imported[card.kind] += 1
    session.execute(sa.insert(Flashcard), rows)  # one statement for thousands of cards
    return report


def deck_cards(
    session: Session, article_slug: str, teacher_id: int | None = None
) -> tuple[Article, list[ExportCard]]:
    """The article's live flashcards with their source and topic; ``teacher_id`` limits them to
    what that teacher sees (seeded and their own)."""
    article = article_to_export(session, article_slug, teacher_id)
    stmt = (
        sa.select(
            Flashcard.key, Flashcard.front, Flashcard.back, Claim.quote, Topic.title, Flashcard.kind
        )
        .join(Claim, Flashcard.claim_id == Claim.id)
        .join(Topic, Claim.topic_id == Topic.id)
    )
    stmt = exported_items(stmt, Flashcard, article, teacher_id)
    return article, [ExportCard(*row) for row in session.execute(stmt)]


def export_deck(
    session: Session, article_slug: str, fmt: str, teacher_id: int | None = None
) -> bytes:
    """The article's deck as CSV (front, back, kind, topic, source) or an Anki package."""
    article, cards = deck_cards(session, article_slug, teacher_id)
    if fmt == "apkg":
        return anki_package(f"quizapp::{article.title}", cards)
    rows = ((c.front, c.back, c.kind, c.topic, c.quote) for c in cards)
    return csv_document(DECK_COLUMNS, rows).encode("utf-8")
