"""A learner studies only the cards with a tag, as Anki's ``tag:verbs`` and filtered decks let
them: the tags on offer with their counts, the choice kept in the address through every rating,
the daily new-card limit shared with the rest of their study, a clear page for a tag no card
has, a 400 for one no tag could be, and the same queries however many cards hold the tag."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import sqlalchemy as sa

from quizapp.models import CardState, Topic


def _card_id(page: str) -> int | None:
    found = re.search(r'data-card="(\d+)"', page)
    return int(found.group(1)) if found else None


def _rate_every_card(client, url: str, tag: str) -> list[int]:
    """Rate Easy each card the page shows (Easy: it comes back in days, not today) and follow
    the redirect, as the rating form does; the ids rated, in order."""
    rated = []
    for _ in range(10):
        card_id = _card_id(client.get(url).get_data(as_text=True))
        if card_id is None:
            return rated
        answer = client.post(
            "/cards/rate", data={"flashcard_id": card_id, "rating": "4", "tag": tag}
        )
        assert answer.status_code == 302
        url = answer.location
        assert parse_qs(urlsplit(url).query)["tag"] == [tag]  # the choice stays in the address
        rated.append(card_id)
    raise AssertionError("the tag's cards never ran out")


def test_a_tag_studies_only_its_cards_and_stays_in_the_address(
    client, db, make_student, login, tag_seeded_cards
):
    tagged = tag_seeded_cards(3, "verbs")
    student = make_student()
    login(client, student)
    first_untagged = _card_id(client.get("/cards").get_data(as_text=True))
    assert first_untagged not in {c.id for c in tagged}
    page = client.get("/cards?tag=verbs").get_data(as_text=True)
    assert "3 new left today" in page
    assert re.search(r'<option value="verbs" selected>\s*verbs \(3 cards\)</option>', page)
    assert "Only the cards tagged “verbs”." in page
    assert _rate_every_card(client, "/cards?tag=verbs", "verbs") == [c.id for c in tagged]
    done = client.get("/cards?tag=verbs").get_data(as_text=True)
    assert 'id="no-cards"' in done and "All done for now." in done
    assert "No card with this tag is due, and none is left to learn today." in done
    states = db.session.scalars(sa.select(CardState.flashcard_id).filter_by(user_id=student.id))
    assert sorted(states) == sorted(c.id for c in tagged)
    # Without the tag, the rest of the deck is still there.
    assert _card_id(client.get("/cards").get_data(as_text=True)) == first_untagged


def test_the_daily_new_card_limit_is_the_learners_one_limit(
    client, db, make_student, login, tag_seeded_cards
):
    tag_seeded_cards(3, "verbs")
    student = make_student()
    student.new_cards_per_day = 2
    db.session.commit()
    login(client, student)
    assert "2 new left today" in client.get("/cards?tag=verbs").get_data(as_text=True)
    assert len(_rate_every_card(client, "/cards?tag=verbs", "verbs")) == 2
    untagged = client.get("/cards").get_data(as_text=True)
    assert "0 new left today" in untagged and _card_id(untagged) is None


def test_tags_are_offered_with_counts_and_compared_ignoring_case(
    client, db, make_student, login, tag_seeded_cards
):
    cards = tag_seeded_cards(3, "Verbs", "exam")
    cards[0].tags = ["verbs"]
    db.session.commit()
    login(client, make_student())
    page = client.get("/cards?tag=VERBS").get_data(as_text=True)
    assert re.search(r"<option[^>]*selected>\s*Verbs \(3 cards\)</option>", page)
    assert re.search(r"<option[^>]*>\s*exam \(2 cards\)</option>", page)
    assert "3 new left today" in page


def test_a_tag_no_card_has_gives_an_empty_page_saying_so(
    client, db, make_student, login, tag_seeded_cards
):
    tag_seeded_cards(2, "verbs")
    login(client, make_student())
    answer = client.get("/cards?tag=nouns")
    page = answer.get_data(as_text=True)
    assert answer.status_code == 200
    assert _card_id(page) is None
    assert "No card here has the tag “nouns”." in page
    assert "0 new left today" in page
    assert re.search(r'<option value="verbs">\s*verbs \(2 cards\)</option>', page)


def test_a_topic_offers_only_the_tags_of_its_cards(
    client, db, make_student, login, tag_seeded_cards
):
    (card,) = tag_seeded_cards(1, "verbs")
    other = db.session.scalar(sa.select(Topic.id).where(Topic.id != card.claim.topic_id).limit(1))
    login(client, make_student())
    own = client.get(f"/cards?topic={card.claim.topic_id}").get_data(as_text=True)
    assert "verbs (1 card)" in own
    page = client.get(f"/cards?topic={other}&tag=verbs").get_data(as_text=True)
    assert 'id="tag-filter"' in page  # kept, to choose "any tag" again
    assert "No card here has the tag “verbs”." in page and "verbs (1 card)" not in page


def test_a_tag_longer_than_any_tag_is_refused(client, db, make_student, login):
    login(client, make_student())
    answer = client.get("/cards?tag=" + "x" * 101)
    assert answer.status_code == 400
    assert "A tag has at most 100 characters." in answer.get_data(as_text=True)
    assert client.get("/cards?tag=" + "x" * 100).status_code == 200
    rated = client.post("/cards/rate", data={"flashcard_id": "x", "rating": "4", "tag": "x"})
    assert rated.status_code == 400


def test_a_tag_costs_the_same_queries_however_many_cards_hold_it(
    client, db, make_student, login, tag_seeded_cards, count_queries
):
    login(client, make_student())

    def cost(url: str) -> int:
        with count_queries() as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    tag_seeded_cards(2, "verbs")
    few = cost("/cards?tag=verbs")
    tag_seeded_cards(40, "verbs", "exam", "b1")
    many = cost("/cards?tag=verbs")
    assert few == many
    assert cost("/cards?tag=nouns") <= many  # no card to show: no card to load
    # Choosing a tag adds no query: the page lists the tags whether or not one is chosen.
    assert cost("/cards") == many
