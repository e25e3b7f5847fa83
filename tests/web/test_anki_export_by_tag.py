"""The card page's Anki export follows the page's tag: a learner studying the cards tagged
"verbs" downloads those cards (with the page's topic too), not the whole deck; a tag no card
has offers no download, and asked for anyway is a 404 with its reason."""

from __future__ import annotations

import html
import re
import sqlite3
import zipfile

import sqlalchemy as sa

from quizapp.models import Claim, Flashcard, Topic
from quizapp.services.catalog import export_cards


def _note_tags(tmp_path, data: bytes) -> list[set[str]]:
    """The tags of each note of an exported package (the app's topic tag left out)."""
    archive = tmp_path / "deck.apkg"
    archive.write_bytes(data)
    with zipfile.ZipFile(archive) as package:
        package.extract("collection.anki2", tmp_path)
    with sqlite3.connect(tmp_path / "collection.anki2") as collection:
        rows = collection.execute("select tags from notes").fetchall()
    return [{t for t in tags.split() if not t.startswith("quizapp::")} for (tags,) in rows]


def _export_link(page: str, link_id: str) -> str:
    found = re.search(rf'href="([^"]+)"\s+id="{link_id}"', page) or re.search(
        rf'<a href="([^"]+)" id="{link_id}"', page
    )
    assert found, f"no {link_id} link"
    return html.unescape(found[1])


def test_the_export_link_of_a_tagged_page_exports_only_its_cards(
    client, db, make_student, login, tag_seeded_cards, tmp_path
):
    tagged = tag_seeded_cards(3, "verbs")
    login(client, make_student())
    page = client.get("/cards?tag=verbs").get_data(as_text=True)
    assert "Download the cards tagged “verbs” as an Anki deck (.apkg)" in page
    for link_id in ("export-deck", "export-deck-progress"):
        link = _export_link(page, link_id)
        assert "tag=verbs" in link
        response = client.get(link)
        assert response.status_code == 200
        assert "quizapp-all-verbs.apkg" in response.headers["Content-Disposition"]
        assert _note_tags(tmp_path, response.data) == [{"verbs"}] * len(tagged)
    whole = _note_tags(tmp_path, client.get("/cards/export.apkg").data)
    assert len(whole) > len(tagged) and whole.count({"verbs"}) == len(tagged)


def test_a_topics_tagged_export_keeps_both(
    client, db, make_student, login, tag_seeded_cards, tmp_path
):
    cards = tag_seeded_cards(3, "verbs")
    topic_id = cards[-1].claim.topic_id
    login(client, make_student())
    page = client.get(f"/cards?topic={topic_id}&tag=verbs").get_data(as_text=True)
    link = _export_link(page, "export-deck")
    assert f"topic={topic_id}" in link and "tag=verbs" in link
    in_topic = sum(c.claim.topic_id == topic_id for c in cards)
    assert _note_tags(tmp_path, client.get(link).data) == [{"verbs"}] * in_topic


def test_a_tag_no_card_has_offers_no_deck(client, db, make_student, login, tag_seeded_cards):
    tag_seeded_cards(2, "verbs")
    login(client, make_student())
    page = client.get("/cards?tag=nouns").get_data(as_text=True)
    assert 'id="export-deck"' not in page
    response = client.get("/cards/export.apkg?tag=nouns")
    assert response.status_code == 404
    assert "No card here has the tag “nouns”." in response.get_data(as_text=True)
    assert client.get("/cards/export.apkg?tag=" + "x" * 101).status_code == 400


def test_export_cards_keeps_only_the_tags_spellings(db, tag_seeded_cards):
    cards = tag_seeded_cards(2, "Verbs")
    cards[0].tags = ["verbs"]
    db.session.commit()
    every = db.session.scalar(
        sa.select(sa.func.count(Flashcard.id))
        .join(Claim, Flashcard.claim_id == Claim.id)
        .join(Topic, Claim.topic_id == Topic.id)
        .where(~Flashcard.retired)
    )
    assert len(export_cards(db.session, [])) == every
    kept = export_cards(db.session, [], tags=("Verbs", "verbs"))
    assert sorted(card.key for card in kept) == sorted(c.key for c in cards)
    assert export_cards(db.session, [], tags=()) == []
