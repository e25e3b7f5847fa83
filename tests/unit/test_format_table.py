"""The one format table: every name, extension and reader is the one sniffing and the services
use, and a file every format writes is read back by the same record."""

from __future__ import annotations

from quizapp.core.anki_export import ExportCard
from quizapp.core.interchange import sniffing
from quizapp.core.interchange.formats import (
    BY_NAME,
    FORMATS,
    Holds,
    accept_list,
    format_of_filename,
    unknown_file_message,
)


def test_names_and_extensions_are_each_one_formats():
    assert len(BY_NAME) == len(FORMATS)
    extensions = [ext for fmt in FORMATS for ext in fmt.extensions]
    assert len(extensions) == len(set(extensions))
    assert accept_list().split(",") == extensions
    assert {sniffing.MOODLE_XML, sniffing.GIFT, sniffing.CARDS, sniffing.APKG} == set(BY_NAME)


def test_a_file_name_finds_its_format_whatever_its_case():
    assert format_of_filename("Bank.XML").name == "moodle-xml"
    assert format_of_filename("exam.txt").name == "gift"
    assert format_of_filename("deck.tsv").name == "csv"
    assert format_of_filename("notes.docx") is None


def test_what_each_format_carries():
    carries = {f.name: (f.holds, f.media, f.feedback, f.fractions) for f in FORMATS}
    assert carries == {
        "moodle-xml": (Holds.QUESTIONS, True, True, True),
        "gift": (Holds.QUESTIONS, False, True, True),
        "csv": (Holds.FLASHCARDS, False, False, False),
        "apkg": (Holds.FLASHCARDS, True, False, False),
    }


def test_the_refusal_names_every_format():
    assert unknown_file_message() == (
        "Import a question bank as Moodle XML (.xml) or GIFT (.gift, .txt), or a deck as "
        "CSV (.csv, .tsv) or an Anki deck (.apkg)."
    )


def test_a_csv_written_by_its_record_is_read_back_by_it():
    fmt = BY_NAME["csv"]
    cards = [ExportCard("k1", "=Front", "Back, with a comma", "", "Topic")]
    parsed = fmt.reader(fmt.writer("Deck", cards))
    assert [(c.front, c.back, c.key) for c in parsed.cards] == [
        ("'=Front", "Back, with a comma", "k1")
    ]
