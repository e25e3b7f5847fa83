"""A cloze card's Back Extra: read from an Anki Cloze note, kept as text below the answer, and
written back into the note's Back Extra field, where Anki itself finds it."""

from __future__ import annotations

from quizapp.core.anki_export import ExportCard, anki_package
from quizapp.core.interchange.anki_import import read_apkg
from quizapp.core.vocabulary import CardKind
from tests.builders.anki import anki_notes, into_anki

CARD = ExportCard(
    key="canberra",
    front="_____ is the capital of Australia.",
    back="Canberra",
    quote="Canberra is the capital.",
    topic="Oceania",
    kind=CardKind.CLOZE,
    back_extra="Not Sydney, the largest city.\nThe capital since 1913.",
)


def test_back_extra_goes_into_the_cloze_notes_field_above_the_source(tmp_path):
    col = into_anki(tmp_path, anki_package("Capitals", [CARD]))
    try:
        (note,) = anki_notes(col)
        assert note.note_type()["type"] == 1  # a cloze note type (genanki's "Cloze")
        assert note["Text"] == "{{c1::Canberra}} is the capital of Australia."
        extra = note["Back Extra"]
        assert extra.startswith(
            "<p>Not Sydney, the largest city.</p><p>The capital since 1913.</p><br>"
        )
        assert extra.index("1913") < extra.index('class="source"')
        # Anki shows it on the back of the card, below the answer.
        (card,) = note.cards()
        answer = card.answer()
        assert answer.index("Canberra") < answer.index("Not Sydney, the largest city.")
    finally:
        col.close()


def test_back_extra_comes_back_whole_and_nothing_is_reported(tmp_path):
    (again,) = read_apkg(anki_package("Capitals", [CARD])).cards
    assert (again.card.front, again.card.back) == (CARD.front, CARD.back)
    assert again.card.back_extra == CARD.back_extra
    assert again.card.quote == CARD.quote  # the source paragraphs are not part of it
    assert again.card.changes == []


def test_a_card_without_back_extra_writes_only_the_source(tmp_path):
    plain = ExportCard("plain", "_____ is red.", "Mars", "Mars is red.", "Planets", CardKind.CLOZE)
    (again,) = read_apkg(anki_package("Planets", [plain])).cards
    assert again.card.back_extra == ""
    assert again.card.changes == []


# --- as text: this app's CSV, and Anki's cloze notes exported as text ---------------------------


def test_csv_export_writes_back_extra_in_its_own_column_and_reads_it_back():
    from quizapp.core.interchange.flashcard_csv import read_cards
    from quizapp.core.interchange.formats import format_named

    written = format_named("csv").writer("Capitals", [CARD]).decode("utf-8")
    assert written.splitlines()[0].endswith(",tags,back extra")
    (again,) = read_cards(written).cards
    assert (again.kind, again.front, again.back) == (CARD.kind, CARD.front, CARD.back)
    assert again.back_extra == CARD.back_extra


def test_a_file_without_back_extra_leaves_it_unsaid():
    from quizapp.core.interchange.flashcard_csv import read_cards

    (card,) = read_cards("front,back,kind\n_____ is red.,Mars,cloze\n").cards
    assert card.back_extra is None  # an update then leaves a card's Back Extra as it is


def test_an_anki_cloze_note_as_text_keeps_its_back_extra():
    """Anki's "Notes in plain text" of a Cloze note: its Text, then its Back Extra."""
    from quizapp.core.interchange.flashcard_csv import read_cards

    parsed = read_cards(
        "Text\tBack Extra\n"
        "{{c1::Canberra}} is the capital of Australia.\tNot Sydney, the largest city.\n"
        "{{c1::Mars}} is red.\t\n"
    )
    first, second = parsed.cards
    assert (first.kind, first.front, first.back) == (
        CardKind.CLOZE,
        "_____ is the capital of Australia.",
        "Canberra",
    )
    assert first.back_extra == "Not Sydney, the largest city."
    assert (second.back, second.back_extra) == ("Mars", "")
    assert parsed.changed == [] and parsed.skipped == []


def test_too_long_a_back_extra_skips_its_row_with_the_reason():
    from quizapp.core.interchange.flashcard_csv import read_cards

    parsed = read_cards(
        "front,back,kind,back extra\n"
        f"_____ is red.,Mars,cloze,{'x' * 2001}\n"
        "_____ is blue.,Neptune,cloze,Far away.\n"
    )
    (kept,) = parsed.cards
    assert kept.back_extra == "Far away."
    assert [(s.name, s.reason) for s in parsed.skipped] == [
        ("row 2", "a side has more than 2000 characters")
    ]


def test_back_extra_goes_round_through_csv_and_updates_in_place(db, make_teacher):
    import sqlalchemy as sa

    from quizapp.models import Article, Flashcard
    from quizapp.services.deck_exchange import export_deck
    from quizapp.services.interchange import import_file

    def extras(slug: str) -> dict[str, str]:
        db.session.expire_all()
        rows = db.session.execute(
            sa.select(Flashcard.key, Flashcard.back_extra)
            .join(Article, Flashcard.article_id == Article.id)
            .where(Article.slug == slug)
        )
        return dict(rows.all())

    deck = (
        "front,back,kind,topic,key,back extra\n"
        "_____ is the capital of Australia.,Canberra,cloze,Capitals,c-1,Not Sydney.\n"
        "Capital of Peru?,Lima,basic,Capitals,c-2,\n"
    )
    teacher = make_teacher()
    report = import_file(db.session, "deck.csv", deck.encode(), importer_id=teacher.id)
    db.session.commit()
    slug = report.article_slug
    assert extras(slug) == {"c-1": "Not Sydney.", "c-2": ""}
    exported = export_deck(db.session, slug, "csv", teacher_id=teacher.id).decode("utf-8")
    assert exported.splitlines()[1].endswith(",Not Sydney.")

    changed = deck.replace("Not Sydney.", "Not Sydney, the largest city.")
    again = import_file(
        db.session, "deck.csv", changed.encode(), importer_id=teacher.id, article_slug=slug
    )
    db.session.commit()
    assert sum(again.updated.values()) == 1
    assert extras(slug)["c-1"] == "Not Sydney, the largest city."
    # A file without the column leaves the cards' Back Extra as it is.
    without = (
        "front,back,kind,topic,key\n"
        "_____ is the capital of Australia.,Canberra,cloze,Capitals,c-1\n"
    )
    import_file(db.session, "deck.csv", without.encode(), importer_id=teacher.id, article_slug=slug)
    db.session.commit()
    assert extras(slug)["c-1"] == "Not Sydney, the largest city."
