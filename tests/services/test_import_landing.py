"""The one claim step both imports share: an item whose quote is already a claim of the target
article points at it; any other item gets a new verbatim claim under its topic."""

from __future__ import annotations

import sqlalchemy as sa

from quizapp.core.interchange.flashcard_csv import CardRow, ParsedCards
from quizapp.models import Article, Claim, Flashcard
from quizapp.services.deck_exchange import import_cards
from tests.conftest import SEED_SLUG


def test_a_deck_into_the_seeded_article_reuses_its_claims_and_adds_the_rest(db, make_teacher):
    teacher = make_teacher()
    article = db.session.scalar(sa.select(Article).where(Article.slug == SEED_SLUG))
    known = db.session.scalars(sa.select(Claim).where(Claim.article_id == article.id)).first()
    claims_before = db.session.scalar(sa.select(sa.func.count(Claim.id)))
    parsed = ParsedCards(
        separator=",",
        has_header=False,
        cards=[
            CardRow("Front one", "Back one", topic="Sources", source=known.quote[5:40]),
            CardRow("Front two", "Back two", topic="Own words"),
        ],
    )
    import_cards(db.session, parsed, "deck.csv", importer_id=teacher.id, article_slug=SEED_SLUG)
    cards = db.session.scalars(
        sa.select(Flashcard).where(Flashcard.author_id == teacher.id).order_by(Flashcard.front)
    ).all()
    assert [c.claim_id for c in cards][0] == known.id
    new_claim = cards[1].claim
    assert new_claim.quote == "Front two — Back two" and new_claim.topic.title == "Own words"
    assert article.text[new_claim.start_offset : new_claim.end_offset] == new_claim.quote
    assert db.session.scalar(sa.select(sa.func.count(Claim.id))) == claims_before + 1
