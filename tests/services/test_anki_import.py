"""An Anki deck imported into an article, with and without the learner's progress: the FSRS
state continues where Anki left it, a second import changes nothing, and every card that lost
something is a draft named in the report."""

from __future__ import annotations

import time

import sqlalchemy as sa

from quizapp.core.anki_export import ExportCard
from quizapp.core.anki_export import anki_package as export_package
from quizapp.core.interchange.anki_import import read_apkg
from quizapp.core.review_replay import moment
from quizapp.core.vocabulary import ItemOrigin
from quizapp.models import Article, CardState, Claim, Flashcard, ItemStatus, ReviewLog, Topic
from quizapp.services.flashcards import rate_card
from quizapp.services.interchange import import_file
from tests.builders.anki_decks import add_note, add_reviews, anki_package

DAY_MS = 86_400_000
START_MS = 1_700_000_000_000  # November 2023
EASES = [3, 3, 1, 3, 4, 2, 3, 3, 1, 3, 3, 4, 3, 2, 3, 3]


def _reviews(offset: int) -> list[tuple[int, int]]:
    """A card's history: the ratings above, days apart, started ``offset`` minutes (and a few
    milliseconds: review ids are times, unique across cards) late."""
    at = START_MS + offset * 60_007
    history = []
    for n, ease in enumerate(EASES):
        at += (n % 5 + 1) * DAY_MS
        history.append((at, ease))
    return history


def _history_deck(tmp_path, notes: int = 49) -> bytes:
    """Basic-and-reversed notes whose first card has the ratings above: 49 * 16 = 784."""

    def fill(col):
        for n in range(notes):
            note = add_note(
                col, "Basic (and reversed card)", "Capitals", Front=f"Q{n}", Back=f"A{n}"
            )
            add_reviews(col, note.cards()[0].id, _reviews(n))

    return anki_package(tmp_path, fill)


def _states(db, user_id: int) -> dict[str, CardState]:
    rows = db.session.execute(
        sa.select(Flashcard.front, CardState)
        .join(CardState, CardState.flashcard_id == Flashcard.id)
        .where(CardState.user_id == user_id)
    )
    return dict(rows.all())


def test_review_history_arrives_as_the_learners_fsrs_state(db, make_teacher, tmp_path):
    teacher = make_teacher()
    data = _history_deck(tmp_path)
    report = import_file(db.session, "capitals.apkg", data, importer_id=teacher.id, learner=teacher)
    db.session.commit()
    assert report.total == 98 and report.progress.reviews == 784  # were: new cards, no history
    logs = db.session.scalar(
        sa.select(sa.func.count(ReviewLog.id)).where(ReviewLog.user_id == teacher.id)
    )
    states = _states(db, teacher.id)
    assert logs == 784 and set(states) == {f"Q{n}" for n in range(49)}
    assert all(s.state == 2 and s.stability and s.last_review for s in states.values())


def test_replayed_history_equals_rating_the_same_sequence_here(
    db, make_teacher, make_student, tmp_path
):
    teacher, learner = make_teacher(), make_student()
    data = _history_deck(tmp_path, notes=1)
    import_file(db.session, "one.apkg", data, importer_id=teacher.id, learner=teacher)
    imported = _states(db, teacher.id)["Q0"]
    seeded = db.session.scalar(
        sa.select(Flashcard.id).where(Flashcard.origin != ItemOrigin.TEACHER).limit(1)
    )
    for at_ms, ease in _reviews(0):
        rate_card(db.session, learner, seeded, ease, 6000, now=moment(at_ms))
    online = db.session.scalar(sa.select(CardState).filter_by(user_id=learner.id))
    assert online.fsrs.pop("card_id") != imported.fsrs.pop("card_id")
    assert imported.fsrs == online.fsrs  # the same FSRS memory, to the last digit
    assert (imported.due, imported.last_review) == (online.due, online.last_review)


def test_a_second_import_of_the_same_deck_changes_nothing(db, make_teacher, tmp_path):
    teacher = make_teacher()
    data = _history_deck(tmp_path, notes=3)
    first = import_file(db.session, "deck.apkg", data, importer_id=teacher.id, learner=teacher)
    db.session.commit()
    before = _snapshot(db, teacher.id)
    again = import_file(db.session, "deck.apkg", data, importer_id=teacher.id, learner=teacher)
    db.session.commit()
    assert again.article_slug == first.article_slug
    assert again.total == 0 and again.already_imported == 6
    assert again.progress.reviews == 0 and again.progress.already == 48
    assert _snapshot(db, teacher.id) == before


def _snapshot(db, user_id: int):
    db.session.expire_all()
    cards = db.session.execute(sa.select(Flashcard.key, Flashcard.front, Flashcard.article_id))
    logs = db.session.execute(
        sa.select(ReviewLog.flashcard_id, ReviewLog.reviewed_at, ReviewLog.rating).where(
            ReviewLog.user_id == user_id
        )
    )
    states = db.session.execute(
        sa.select(CardState.flashcard_id, CardState.due).where(CardState.user_id == user_id)
    )
    return sorted(cards.all()), sorted(logs.all()), sorted(states.all())


def test_without_progress_the_report_says_the_history_was_left(db, make_teacher, tmp_path):
    teacher = make_teacher()
    report = import_file(
        db.session, "deck.apkg", _history_deck(tmp_path, notes=2), importer_id=teacher.id
    )
    assert [(c.name, c.change) for c in report.changed] == [
        (
            "review history",
            "32 Anki reviews of 2 cards were not imported: import “with my progress” to "
            "continue them here",
        )
    ]
    assert not db.session.scalar(sa.select(sa.func.count(ReviewLog.id)))


def test_cards_that_lost_something_land_as_drafts_named_in_the_report(db, make_teacher, tmp_path):
    def fill(col):
        add_note(col, "Basic", "Flags::US", ["usa"], Front='<img src="oh.png">', Back="Ohio")
        add_note(col, "Basic", "Flags::FR", ["europe"], Front="Tricolore", Back="France")

    teacher = make_teacher()
    report = import_file(
        db.session, "flags.apkg", anki_package(tmp_path, fill), importer_id=teacher.id
    )
    db.session.commit()
    status = dict(db.session.execute(sa.select(Flashcard.back, Flashcard.status)).all())
    assert status["Ohio"] == ItemStatus.DRAFT and status["France"] == ItemStatus.PUBLISHED
    reasons = {c.name: c.change for c in report.changed}
    ohio = next(name for name in reasons if name.startswith("note"))
    assert reasons[ohio] == "its file oh.png is not in the package: landed as a draft to review"
    assert not any(name.startswith("tag") for name in reasons)  # tags come along now
    tags = dict(
        db.session.execute(
            sa.select(Flashcard.back, Flashcard.tags).where(Flashcard.author_id == teacher.id)
        ).all()
    )
    assert tags == {"Ohio": ["usa"], "France": ["europe"]}
    assert report.article_title == "Flags"
    topics = db.session.execute(
        sa.select(Flashcard.back, Topic.title)
        .join(Claim, Claim.id == Flashcard.claim_id)
        .join(Topic, Topic.id == Claim.topic_id)
        .where(Flashcard.author_id == teacher.id)
    )
    assert dict(topics.all()) == {"Ohio": "US", "France": "FR"}


def test_a_rebuilt_script_made_deck_is_known_by_its_notes_not_its_card_ids(db, make_teacher):
    # genanki (as this app's own export) gives the cards new ids at every build; the notes
    # keep their guids, which is what Anki itself matches notes by.
    cards = [
        ExportCard("k1", "Rason?", "A port", "", "Ports"),
        ExportCard("k2", "Amur?", "A river", "", "Rivers"),
    ]
    first_build = export_package("Deck", cards)
    time.sleep(0.01)
    second_build = export_package("Deck", cards)
    assert {c.anki_id for c in read_apkg(first_build).cards}.isdisjoint(
        c.anki_id for c in read_apkg(second_build).cards
    )
    teacher = make_teacher()
    first = import_file(db.session, "deck.apkg", first_build, importer_id=teacher.id)
    again = import_file(db.session, "deck.apkg", second_build, importer_id=teacher.id)
    assert (first.total, again.total, again.already_imported) == (2, 0, 2)


def test_subdecks_become_topics_under_their_parent_deck(db, make_teacher, tmp_path):
    def fill(col):
        add_note(col, "Basic", "History::Wars::Civil", Front="1861", Back="it began")
        add_note(col, "Basic", "History::Wars::Punic", Front="264 BC", Back="it began")
        add_note(col, "Basic", "History::Kings", Front="Alfred", Back="the Great")

    teacher = make_teacher()
    report = import_file(db.session, "h.apkg", anki_package(tmp_path, fill), importer_id=teacher.id)
    db.session.commit()
    topics = db.session.scalars(
        sa.select(Topic).join(Topic.article).where(Article.slug == report.article_slug)
    ).all()
    parents = {t.title: t.parent.title if t.parent else None for t in topics}
    assert parents == {
        "Wars › Civil": "Wars",
        "Wars › Punic": "Wars",
        "Wars": None,
        "Kings": None,
    }
