"""A CSV deck's tags column: read as words separated by spaces, written back the same way,
and updated in place by a second import; a file without the column leaves tags alone."""

from __future__ import annotations

import sqlalchemy as sa

from quizapp.core.interchange.flashcard_csv import read_cards
from quizapp.models import Article, Flashcard
from quizapp.services.deck_exchange import export_deck
from quizapp.services.interchange import import_file

DECK = (
    "front,back,topic,key,tags\n"
    "Capital of France?,Paris,Capitals,c-1,geo::europe capitals\n"
    "Capital of Peru?,Lima,Capitals,c-2,\n"
)


def _tags(db, slug: str) -> dict[str, list[str]]:
    db.session.expire_all()
    rows = db.session.execute(
        sa.select(Flashcard.key, Flashcard.tags)
        .join(Article, Flashcard.article_id == Article.id)
        .where(Article.slug == slug)
    )
    return dict(rows.all())


def test_a_tags_column_is_read_and_a_tag_column_too():
    (card,) = read_cards("front,back,tag\nsun,star,space  astro::sun\n").cards
    assert card.tags == ("space", "astro::sun") and card.topic is None
    (untagged,) = read_cards("front,back,topic\nsun,star,Space\n").cards
    assert untagged.tags is None and untagged.topic == "Space"


def test_a_tag_too_long_is_a_change_and_the_card_a_draft():
    parsed = read_cards("front,back,tags\nsun,star,ok " + "x" * 101 + "\n")
    (card,) = parsed.cards
    assert card.tags == ("ok",) and card.changes
    assert [c.name for c in parsed.changed] == ["row 2"]


def test_tags_go_round_through_csv_and_update_in_place(db, make_teacher):
    teacher = make_teacher()
    report = import_file(db.session, "deck.csv", DECK.encode(), importer_id=teacher.id)
    db.session.commit()
    slug = report.article_slug
    assert _tags(db, slug) == {"c-1": ["geo::europe", "capitals"], "c-2": []}
    exported = export_deck(db.session, slug, "csv", teacher_id=teacher.id).decode("utf-8")
    assert exported.splitlines()[0].endswith(",key,tags,back extra")
    assert "geo::europe capitals" in exported

    retagged = DECK.replace("geo::europe capitals", "geo::europe")
    again = import_file(
        db.session, "deck.csv", retagged.encode(), importer_id=teacher.id, article_slug=slug
    )
    db.session.commit()
    assert sum(again.updated.values()) == 1
    assert _tags(db, slug)["c-1"] == ["geo::europe"]

    # A file without the column leaves the cards' tags as they are.
    untagged = "front,back,topic,key\nCapital of France?,Paris,Capitals,c-1\n"
    import_file(
        db.session, "deck.csv", untagged.encode(), importer_id=teacher.id, article_slug=slug
    )
    db.session.commit()
    assert _tags(db, slug)["c-1"] == ["geo::europe"]
