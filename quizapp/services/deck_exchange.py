"""Flashcard decks in and out: CSV or a paste (Quizlet's "term TAB definition"), and Anki.

Cards land where ``import_landing.landing_for_import`` decides, each with a claim of its own
(its source quote when it brings one, else its two sides) unless its quote is already a claim
of the target article.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.anki_export import ExportCard
from quizapp.core.interchange.flashcard_csv import CardRow, ParsedCards, topic_column
from quizapp.core.interchange.formats import Holds, format_named
from quizapp.core.interchange.records import InterchangeError
from quizapp.core.translatable import N_
from quizapp.models import Article, Claim, Flashcard, ItemStatus, Topic
from quizapp.models.content import FLASHCARD_CONTENT_FIELDS
from quizapp.services.import_landing import ClaimSource, attach_claims, landing_for_import
from quizapp.services.import_updates import changed_fields, match_by_key
from quizapp.services.media import CARD_PLACES, MediaStore, export_files
from quizapp.services.question_exchange import (
    ImportReport,
    article_to_export,
    exported_items,
    topic_paths,
)


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
    report = ImportReport(
        landing.article.slug,
        landing.article.title,
        skipped=list(parsed.skipped),
        noun="flashcard",
        changed=list(parsed.changed),
        new_article=landing.created_article,
    )
    keys = [card.key for card in parsed.cards]
    matched = match_by_key(session, Flashcard, landing, parsed.cards, keys)
    for card, stored in matched.existing:
        updated = _update_card(stored, card)
        status = landing.lost_part_status(updated and bool(card.changes), stored.status)
        if status != stored.status:
            stored.status = status  # as a new card would: what changed is looked at
            report.drafts += 1
        counter = report.updated if updated else report.unchanged
        counter[card.kind] += 1
    claim_ids = attach_claims(
        session,
        landing,
        [
            ClaimSource(card.topic, card.source, f"{card.front} — {card.back}", card.topic_path)
            for card, _key in matched.new
        ],
    )
    rows = []
    for (card, key), claim_id in zip(matched.new, claim_ids, strict=True):
        rows.append(
            {
                "key": key,
                "claim_id": claim_id,
                "kind": card.kind,
                "front": card.front,
                "back": card.back,
                "back_extra": card.back_extra or "",
                "tags": list(card.tags or ()),
                "origin": landing.origin,
                "author_id": landing.author_id,
                "article_id": landing.article.id,
                # Nothing silent: a card read otherwise than its row says (listed in the
                # report) waits as a draft for a person to look at it.
                "status": landing.lost_part_status(bool(card.changes)),
            }
        )
        report.imported[card.kind] += 1
        report.drafts += landing.lost_part_status(bool(card.changes)) == ItemStatus.DRAFT
    if rows:
        session.execute(sa.insert(Flashcard), rows)  # one statement for thousands of cards
    return report


def _update_card(stored: Flashcard, card: CardRow) -> bool:
    """Give ``stored`` the file's sides and kind, and its tags and Back Extra when the file has
    them, where they differ (its id, claim and reviews kept); True when it did."""
    content = {name: getattr(card, name) for name in FLASHCARD_CONTENT_FIELDS}
    if card.tags is not None:
        content["tags"] = list(card.tags)
    if card.back_extra is not None:
        content["back_extra"] = card.back_extra
    if not changed_fields(stored, content, content):
        return False
    for name, value in content.items():
        setattr(stored, name, value)
    return True


def deck_cards(
    session: Session,
    article_slug: str,
    teacher_id: int | None = None,
    *,
    nested: bool = False,
    store: MediaStore | None = None,
) -> tuple[Article, list[ExportCard]]:
    """The article's live flashcards with their source and topic; ``teacher_id`` limits them to
    what that teacher sees (seeded and their own). ``nested``: each topic written with its
    parents ("Parent::Child", as Anki names a subdeck), else its own title."""
    article = article_to_export(session, article_slug, teacher_id)
    stmt = (
        sa.select(
            Flashcard.key,
            Flashcard.front,
            Flashcard.back,
            Claim.quote,
            Topic.id,
            Flashcard.kind,
            Flashcard.media,
            Flashcard.tags,
            Flashcard.back_extra,
        )
        .join(Claim, Flashcard.claim_id == Claim.id)
        .join(Topic, Claim.topic_id == Topic.id)
    )
    stmt = exported_items(stmt, Flashcard, article, teacher_id)
    paths = {
        topic_id: topic_column(path) if nested else path[-1]
        for topic_id, path in topic_paths(article).items()
    }
    rows = session.execute(stmt)
    return article, [
        ExportCard(
            *row[:4],
            paths[row[4]],
            row[5],
            export_files(store, row[6], CARD_PLACES),
            tuple(row[7] or ()),
            row[8] or "",
        )
        for row in rows
    ]


def export_deck(
    session: Session,
    article_slug: str,
    fmt: str,
    teacher_id: int | None = None,
    store: MediaStore | None = None,
) -> bytes:
    """The article's deck in the flashcard format named ``fmt`` (CSV: front, back, kind, topic,
    source, key, tags, back extra; an Anki package); a format that holds files carries the cards'
    pictures and sound from ``store``."""
    found = format_named(fmt)
    if found is None or found.holds != Holds.FLASHCARDS:
        raise InterchangeError(
            N_("Unknown flashcard format %(format)s: use csv or apkg."), format=repr(fmt)
        )
    article, cards = deck_cards(
        session,
        article_slug,
        teacher_id,
        nested=found.nested_topics,
        store=store if found.media else None,
    )
    return found.writer(article.title, cards)
