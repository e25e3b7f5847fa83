"""Every interchange format the app reads and writes, each one record: the one table the import
and export services, the teach pages (upload accept list, export menu, download name and type),
the command line and content sniffing read.

A new format is a module with a reader (bytes -> a ``ParsedBank`` of questions, a
``ParsedCards`` of card rows, or an ``AnkiDeck``) and a writer (title and items -> bytes), and
one line in ``FORMATS``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePath
from typing import Any

from quizapp.core.anki_export import ExportCard, anki_package
from quizapp.core.csv_cells import csv_document
from quizapp.core.interchange.anki_import import read_apkg
from quizapp.core.interchange.flashcard_csv import DECK_COLUMNS, read_cards
from quizapp.core.interchange.gift import not_carried, read_gift, write_gift
from quizapp.core.interchange.moodle_xml import read_moodle_xml, write_moodle_xml
from quizapp.core.interchange.records import ExportQuestion, decode_text


class Holds(StrEnum):
    """What a format's files hold: an article's questions or its flashcards."""

    QUESTIONS = "questions"
    FLASHCARDS = "flashcards"


@dataclass(frozen=True)
class InterchangeFormat:
    """One format: ``name`` as the command line and the export form send it, ``extensions``
    (the first names an export), the ``mime_type`` a download is sent with, the ``label`` of
    the export menu, and what its files can carry besides text."""

    name: str
    label: str
    extensions: tuple[str, ...]
    mime_type: str
    holds: Holds
    reader: Callable[[bytes], Any]
    writer: Callable[[str, Sequence[Any]], bytes]
    media: bool = False  # pictures and sound inside the file
    feedback: bool = False  # feedback per answer and after the question
    fractions: bool = False  # a choice worth part of the mark
    # Topics written as their whole path ("Wars::Civil") rather than their own title.
    nested_topics: bool = False
    # Whether a cloze question with several gaps is written (Moodle XML); GIFT has no form
    # for one, and the flashcard formats hold no questions.
    multi_gap: bool = False
    # The items a written file says it left out, "name: why" each, for the export's report.
    not_carried: Callable[[bytes], list[str]] = lambda data: []

    @property
    def extension(self) -> str:
        return self.extensions[0]

    @property
    def described(self) -> str:
        """ "Moodle XML (.xml)", "GIFT (.gift, .txt)": how messages name it."""
        return f"{self.label.split(' as ', 1)[-1]} ({', '.join(self.extensions)})"


def _gift_writer(title: str, items: Sequence[ExportQuestion]) -> bytes:
    return write_gift(title, items).encode("utf-8")


def _csv_writer(title: str, cards: Sequence[ExportCard]) -> bytes:
    rows = (
        (c.front, c.back, c.kind, c.topic, c.quote, c.key, " ".join(c.tags), c.back_extra)
        for c in cards
    )
    return csv_document(DECK_COLUMNS, rows).encode("utf-8")


def _apkg_writer(title: str, cards: Sequence[ExportCard]) -> bytes:
    return anki_package(f"quizapp::{title}", cards)


# The order is the export menu's. ".txt" is GIFT by its name; sniffing reads a tab-separated
# one as a deck (Quizlet's export).
FORMATS: tuple[InterchangeFormat, ...] = (
    InterchangeFormat(
        "moodle-xml",
        "Questions as Moodle XML",
        (".xml",),
        "application/xml",
        Holds.QUESTIONS,
        read_moodle_xml,
        write_moodle_xml,
        media=True,
        feedback=True,
        fractions=True,
        multi_gap=True,
    ),
    InterchangeFormat(
        "gift",
        "Questions as GIFT",
        (".gift", ".txt"),
        "text/plain",
        Holds.QUESTIONS,
        lambda data: read_gift(decode_text(data)),
        _gift_writer,
        feedback=True,
        fractions=True,
        not_carried=not_carried,
    ),
    InterchangeFormat(
        "csv",
        "Flashcards as CSV",
        (".csv", ".tsv"),
        "text/csv",
        Holds.FLASHCARDS,
        lambda data: read_cards(decode_text(data)),
        _csv_writer,
        nested_topics=True,
    ),
    InterchangeFormat(
        "apkg",
        "Flashcards as an Anki deck",
        (".apkg",),
        "application/apkg",
        Holds.FLASHCARDS,
        read_apkg,
        _apkg_writer,
        media=True,
    ),
)
BY_NAME = {fmt.name: fmt for fmt in FORMATS}
_BY_EXTENSION = {ext: fmt for fmt in FORMATS for ext in fmt.extensions}


def format_named(name: str | None) -> InterchangeFormat | None:
    return BY_NAME.get(name or "")


def format_of_filename(filename: str) -> InterchangeFormat | None:
    """The format a file's name says (its extension), or None."""
    return _BY_EXTENSION.get(PurePath(filename).suffix.lower())


def accept_list() -> str:
    """Every extension an upload may have, as an ``<input type=file accept>`` takes them."""
    return ",".join(ext for fmt in FORMATS for ext in fmt.extensions)


def _described(holds: Holds) -> str:
    return " or ".join(fmt.described for fmt in FORMATS if fmt.holds == holds)


def importable() -> str:
    """ "a question bank as Moodle XML (.xml) or …, or a deck as …": every format named."""
    return (
        f"a question bank as {_described(Holds.QUESTIONS)}, or a deck as "
        f"{_described(Holds.FLASHCARDS)}"
    )


def unknown_file_message() -> str:
    """What to import instead of a file no format reads."""
    return f"Import {importable()}."
