"""Anki tags arrive on each card of their note and leave on it again: imported, exported and
read back by Anki itself, every note has the tags it came with."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from quizapp.models import Flashcard
from quizapp.services.deck_exchange import export_deck
from quizapp.services.interchange import import_file
from tests.builders.anki import anki_notes, into_anki
from tests.builders.anki_decks import add_note, anki_package

CORPUS = Path(__file__).parents[1] / "data" / "interchange" / "apkg" / "anki_corpus.apkg"


def _tagged_deck(tmp_path) -> bytes:
    def fill(col):
        add_note(
            col,
            "Basic (and reversed card)",
            "History::Revolutions",
            ["history::1917", "Russia", "russia", "exam-B"],
            Front="October Revolution",
            Back="1917",
        )
        add_note(
            col,
            "Cloze",
            "History",
            ["quizapp::Civil_War", "usa"],
            Text="The war began in {{c1::1861}}.",
        )
        add_note(col, "Basic", "History", [], Front="Rome", Back="old")

    return anki_package(tmp_path, fill)


def _stored_tags(db, teacher_id: int) -> dict[str, list[str]]:
    rows = db.session.execute(
        sa.select(Flashcard.front, Flashcard.tags).where(Flashcard.author_id == teacher_id)
    )
    return dict(rows.all())


def test_each_card_keeps_its_notes_tags_and_the_report_drops_none(db, make_teacher, tmp_path):
    teacher = make_teacher()
    report = import_file(db.session, "history.apkg", _tagged_deck(tmp_path), importer_id=teacher.id)
    db.session.commit()
    tags = _stored_tags(db, teacher.id)
    # Both cards of the reversed note, in the note's order (Anki's: sorted, one spelling each).
    assert sorted(tags["October Revolution"]) == ["Russia", "exam-B", "history::1917"]
    assert tags["1917"] == tags["October Revolution"]
    # The app's topic tag names the topic and is no tag of the card.
    war = next(front for front in tags if front.startswith("The war"))
    assert tags[war] == ["usa"]
    assert tags["Rome"] == []
    assert not [c for c in report.changed if "tag" in c.name or "tag" in c.change]
    assert report.drafts == 0


def test_tags_survive_import_export_and_anki_reading_the_export(db, make_teacher, tmp_path):
    teacher = make_teacher()
    report = import_file(db.session, "history.apkg", _tagged_deck(tmp_path), importer_id=teacher.id)
    db.session.commit()
    data = export_deck(db.session, report.article_slug, "apkg", teacher_id=teacher.id)
    col = into_anki(tmp_path, data, name="again")
    try:
        by_text = {
            (note.fields[0]): sorted(t for t in note.tags if not t.startswith("quizapp::"))
            for note in anki_notes(col)
        }
    finally:
        col.close()
    stored = _stored_tags(db, teacher.id)
    assert by_text["October Revolution"] == sorted(stored["October Revolution"])
    assert by_text["October Revolution"] == ["Russia", "exam-B", "history::1917"]
    assert by_text["Rome"] == []
    war = next(text for text in by_text if "1861" in text)
    assert by_text[war] == ["usa"]


def test_the_corpus_packages_tags_come_along(db, make_teacher):
    teacher = make_teacher()
    import_file(db.session, "anki_corpus.apkg", CORPUS.read_bytes(), importer_id=teacher.id)
    db.session.commit()
    tags = _stored_tags(db, teacher.id)
    assert tags["Capital of France?"] == ["capitals", "europe"]
    assert tags["Longest river in Europe?"] == ["rivers"]


def test_a_second_import_brings_the_notes_tags_to_cards_imported_before(db, make_teacher, tmp_path):
    teacher = make_teacher()
    data = _tagged_deck(tmp_path)
    first = import_file(db.session, "history.apkg", data, importer_id=teacher.id)
    db.session.commit()
    # As a card imported before cards kept tags has them: none.
    db.session.execute(
        sa.update(Flashcard).where(Flashcard.author_id == teacher.id).values(tags=[])
    )
    db.session.commit()
    again = import_file(db.session, "history.apkg", data, importer_id=teacher.id)
    db.session.commit()
    assert again.article_slug == first.article_slug and sum(again.imported.values()) == 0
    db.session.expire_all()
    tags = _stored_tags(db, teacher.id)
    assert sorted(tags["October Revolution"]) == ["Russia", "exam-B", "history::1917"]
    assert tags["Rome"] == []
