"""An Anki package imported: its cards into an article, and with "my progress" the importing
learner's review history, so their FSRS memory of each card continues where Anki left it.

Every card is keyed by its note and template (``anki_key``), so importing the same deck again
into the same article adds only the cards that are new, and replays only the reviews that are
new (a review is known by its card and its time, which is Anki's review id): nothing changes
for a package already imported but the tags of cards whose notes were retagged. A card that
lost something on the way (media, Back Extra, a tag too long to keep) lands as a draft and is
listed in the report with what it lost; its note's tags come along on it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.interchange.anki_import import TOPIC_SEPARATOR, AnkiCard, AnkiDeck
from quizapp.core.interchange.records import Changed
from quizapp.core.translatable import N_, Joined, Phrase
from quizapp.models import Article, Flashcard, ItemStatus, User
from quizapp.services.anki_progress import ProgressOutcome, import_progress
from quizapp.services.import_landing import (
    ClaimSource,
    Landing,
    attach_claims,
    landing_for_import,
    topic_titled,
)
from quizapp.services.media import MediaSink, stored_files
from quizapp.services.question_exchange import ImportReport

_IN_CHUNK = 5000  # keys per IN (...): under every database's limit on bound parameters
DRAFT_NOTE = N_("landed as a draft to review")


@dataclass
class AnkiImportReport(ImportReport):
    """An import report that also counts the cards imported before, and the history."""

    already_imported: int = 0
    progress: ProgressOutcome | None = None


def _owned(stmt: sa.Select, importer_id: int | None) -> sa.Select:
    if importer_id is None:
        return stmt.where(Flashcard.author_id.is_(None))
    return stmt.where(Flashcard.author_id == importer_id)


def _earlier_article(session: Session, keys: list[str], importer_id: int | None) -> str | None:
    """The slug of the article an earlier import of these cards by the same importer went
    into (the one holding most of them), so a second import lands there too."""
    found: Counter[str] = Counter()
    for start in range(0, len(keys), _IN_CHUNK):
        stmt = (
            sa.select(Article.slug)
            .join(Flashcard, Flashcard.article_id == Article.id)
            .where(Flashcard.key.in_(keys[start : start + _IN_CHUNK]))
        )
        found.update(session.scalars(_owned(stmt, importer_id)))
    return found.most_common(1)[0][0] if found else None


def card_ids_by_key(session: Session, article_id: int, keys: list[str]) -> dict[str, int]:
    ids: dict[str, int] = {}
    for start in range(0, len(keys), _IN_CHUNK):
        stmt = sa.select(Flashcard.key, Flashcard.id).where(
            Flashcard.article_id == article_id, Flashcard.key.in_(keys[start : start + _IN_CHUNK])
        )
        ids.update(session.execute(stmt).all())
    return ids


def _retag_known(
    session: Session, deck: AnkiDeck, known: dict[str, int], importer_id: int | None
) -> None:
    """Give the importer's cards imported before their notes' tags where these differ (a deck
    imported before cards kept tags, or retagged in Anki since): the one thing a second
    import changes on a card it already has (its sides stay as they may have been edited)."""
    wanted = {known[c.key]: c.tags for c in deck.cards if c.key in known}
    ids = list(wanted)
    for start in range(0, len(ids), _IN_CHUNK):
        stmt = sa.select(Flashcard.id, Flashcard.tags).where(
            Flashcard.id.in_(ids[start : start + _IN_CHUNK])
        )
        for card_id, tags in session.execute(_owned(stmt, importer_id)).all():
            if list(tags or ()) != wanted[card_id]:
                session.execute(
                    sa.update(Flashcard).where(Flashcard.id == card_id).values(tags=wanted[card_id])
                )


def _card_row(anki: AnkiCard, landing: Landing, claim_id: int) -> dict:
    return {
        "key": anki.key,
        "claim_id": claim_id,
        "kind": anki.card.kind,
        "front": anki.card.front,
        "back": anki.card.back,
        "back_extra": anki.card.back_extra,
        "tags": anki.tags,
        "origin": landing.origin,
        "author_id": landing.author_id,
        "article_id": landing.article.id,
        # Nothing silent: a card that lost something waits for a person to look at it.
        "status": ItemStatus.DRAFT if anki.card.changes else ItemStatus.PUBLISHED,
    }


def _nest_subdecks(session: Session, landing: Landing, titles: set[str]) -> None:
    """Each subdeck's topic ("Wars › Civil") under its parent's ("Wars"), made if no card sits
    in the parent itself: practising a topic takes in its subtopics, as a deck its subdecks."""
    for title in sorted(titles, key=len, reverse=True):
        levels = title.split(TOPIC_SEPARATOR)
        for depth in range(len(levels) - 1, 0, -1):
            child = topic_titled(session, landing, TOPIC_SEPARATOR.join(levels[: depth + 1]))
            if child.parent is None:
                child.parent = topic_titled(session, landing, TOPIC_SEPARATOR.join(levels[:depth]))


def _changes(new_cards: list[AnkiCard]) -> list[Changed]:
    return [
        Changed(
            anki.name,
            Phrase(
                N_("%(changes)s: landed as a draft to review"),
                changes=Joined("; ", anki.card.changes),
            ),
        )
        for anki in new_cards
        if anki.card.changes
    ]


def import_anki(
    session: Session,
    deck: AnkiDeck,
    source_name: str,
    *,
    importer_id: int | None = None,
    article_slug: str | None = None,
    learner: User | None = None,
    media: MediaSink | None = None,
) -> AnkiImportReport:
    """Add the deck's cards that are not in the landing article yet (a new article named after
    the top deck, or the one an earlier import of them went into, unless ``article_slug``
    names one); with ``learner``, their Anki review history too. Nothing is committed."""
    keys = [c.key for c in deck.cards]
    article_slug = article_slug or _earlier_article(session, keys, importer_id)
    landing = landing_for_import(session, importer_id, source_name, article_slug, title=deck.title)
    session.flush()  # the landing article's id
    known = {} if landing.created_article else card_ids_by_key(session, landing.article.id, keys)
    new_cards = [c for c in deck.cards if c.key not in known]
    _retag_known(session, deck, known, importer_id)
    claim_ids = attach_claims(
        session,
        landing,
        [ClaimSource(c.topic, c.card.quote, f"{c.card.front} — {c.card.back}") for c in new_cards],
    )
    _nest_subdecks(session, landing, {c.topic for c in new_cards if c.topic})
    rows = []
    for anki, claim in zip(new_cards, claim_ids, strict=True):
        # Its pictures and sound stored first: a file refused is a change, so a draft.
        entries, notes = stored_files(session, media, anki.files, landing.author_id)
        anki.card.changes.extend(notes)
        rows.append({**_card_row(anki, landing, claim), "media": entries})
    if rows:
        session.execute(sa.insert(Flashcard), rows)  # one statement for thousands of cards
    report = AnkiImportReport(
        landing.article.slug,
        landing.article.title,
        skipped=list(deck.skipped),
        noun="flashcard",
        changed=_changes(new_cards),
        already_imported=len(known),
        new_article=landing.created_article,
    )
    report.imported.update(c.card.kind for c in new_cards)
    report.drafts = sum(bool(c.card.changes) for c in new_cards)
    ids = known | card_ids_by_key(session, landing.article.id, [r["key"] for r in rows])
    report.progress = import_progress(session, deck, ids, learner)
    report.changed.extend(report.progress.notes)
    return report
