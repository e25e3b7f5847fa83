"""The tag filter: tags offered with their counts and matched ignoring case in any alphabet, an
address's tag read (or refused), and the study queue cut to a tag without touching the daily
new-card limit or the order FSRS sets."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from quizapp.core.clock import naive, utcnow
from quizapp.models import CardState, Flashcard
from quizapp.services import flashcards, tag_filter
from quizapp.services.errors import DomainError

EVERY_CARD = (Flashcard, sa.select(Flashcard.id))


def test_tags_are_counted_and_spellings_that_differ_in_case_merged(db, tag_seeded_cards):
    cards = tag_seeded_cards(4, "Глаголы", "b1")
    cards[0].tags = ["ГЛАГОЛЫ", "exam"]
    cards[1].tags = ["глаголы"]
    db.session.commit()
    choice = tag_filter.choose(db.session, "глаголы", EVERY_CARD)
    assert choice.offered == [
        tag_filter.TagCount("Глаголы", 4),
        tag_filter.TagCount("b1", 2),
        tag_filter.TagCount("exam", 1),
    ]
    assert choice.spellings == ("ГЛАГОЛЫ", "Глаголы", "глаголы")
    assert not choice.unknown and choice.chosen("ГЛАГОЛЫ") and not choice.chosen("b1")
    chosen = db.session.scalars(
        sa.select(Flashcard.id).where(tag_filter.holds_tag(Flashcard, choice.spellings))
    )
    assert sorted(chosen) == sorted(c.id for c in cards)


def test_a_tag_is_matched_whole_not_as_a_part_or_a_parent(db, tag_seeded_cards):
    tag_seeded_cards(2, "history::1917", "verbs-irregular")
    for asked in ("history", "verbs", "1917"):
        choice = tag_filter.choose(db.session, asked, EVERY_CARD)
        assert choice.unknown and choice.spellings == ()
    nothing = sa.select(Flashcard.id).where(tag_filter.holds_tag(Flashcard, ()))
    assert db.session.scalars(nothing).all() == []


def test_a_scope_offers_only_its_own_items_tags(db, tag_seeded_cards):
    first, second = tag_seeded_cards(2, "shared")
    second.tags = ["shared", "only-second"]
    db.session.commit()
    scope = (Flashcard, sa.select(Flashcard.id).where(Flashcard.id == first.id))
    assert tag_filter.choose(db.session, None, scope).offered == [tag_filter.TagCount("shared", 1)]
    assert tag_filter.choose(db.session, "only-second", scope).unknown
    # What the item queries filter by: nothing without a tag, no item for an unknown one.
    assert tag_filter.choose(db.session, None, scope).only is None
    assert tag_filter.choose(db.session, "only-second", scope).only == ()
    assert tag_filter.choose(db.session, "SHARED", scope).only == ("shared",)


@pytest.mark.parametrize(("raw", "asked"), [(None, None), ("", None), ("  ", None), (" b1 ", "b1")])
def test_the_address_names_a_tag_or_none(raw, asked):
    assert tag_filter.asked_tag(raw) == asked


def test_a_tag_longer_than_any_tag_is_refused():
    assert tag_filter.asked_tag("x" * 100) == "x" * 100
    with pytest.raises(DomainError) as refused:
        tag_filter.asked_tag("x" * 101)
    assert refused.value.status == 400
    assert refused.value.template == "A tag has at most %(limit)s characters."


def test_postgresql_reads_the_list_with_its_own_function():
    statement = sa.select(Flashcard.id).where(tag_filter.holds_tag(Flashcard, ["b1"]))
    assert "json_array_elements_text(flashcard.tags)" in str(
        statement.compile(dialect=postgresql.dialect())
    )
    assert "json_each(flashcard.tags)" in str(statement.compile(dialect=sqlite.dialect()))


def test_the_queue_cut_to_a_tag_keeps_due_order_and_the_new_card_limit(
    db, make_student, tag_seeded_cards
):
    student = make_student()
    student.new_cards_per_day = 3
    now = utcnow()
    tagged = tag_seeded_cards(4, "verbs")
    untagged = db.session.scalar(
        sa.select(Flashcard).where(Flashcard.id.not_in([c.id for c in tagged])).limit(1)
    )
    # Cards studied on other days (none introduced today): the untagged one most overdue.
    for card, days in ((untagged, 3), (tagged[2], 2), (tagged[0], 1)):
        db.session.add(
            CardState(
                user_id=student.id,
                flashcard_id=card.id,
                due=naive(now - timedelta(days=days)),
                introduced_at=naive(now - timedelta(days=10)),
                state=2,
                fsrs={},
            )
        )
    db.session.commit()
    spellings = tag_filter.choose(db.session, "VERBS", EVERY_CARD).spellings
    queue = flashcards.study_queue(db.session, student, [], now, tags=spellings)
    assert (queue.card.id, queue.due_count, queue.new_count) == (tagged[2].id, 2, 2)
    everything = flashcards.study_queue(db.session, student, [], now)
    assert (everything.card.id, everything.due_count, everything.new_count) == (untagged.id, 3, 3)
    none = flashcards.study_queue(db.session, student, [], now, tags=())
    assert (none.card, none.due_count, none.new_count) == (None, 0, 0)
