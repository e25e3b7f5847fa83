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
