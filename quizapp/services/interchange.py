"""One entry for every import and export: an import chosen by what the file holds, else by its
extension (``core.interchange.sniffing``), an export by the format name.

Questions: Moodle XML (.xml), GIFT (.gift, .txt). Flashcards: CSV (.csv, .tsv, a tab-separated
.txt as Quizlet exports it) and Anki (.apkg).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from quizapp.core.interchange.anki_import import read_apkg
from quizapp.core.interchange.flashcard_csv import read_cards
from quizapp.core.interchange.records import InterchangeError
from quizapp.core.interchange.sniffing import APKG, CARDS, GIFT, MOODLE_XML, sniff_format
from quizapp.models import User
from quizapp.services import deck_exchange, question_exchange
from quizapp.services.anki_exchange import import_anki
from quizapp.services.media import MediaSink, MediaStore
from quizapp.services.question_exchange import ImportReport, decode_text

EXPORT_FORMATS = {**question_exchange.QUESTION_FORMATS, **deck_exchange.DECK_FORMATS}
IMPORT_EXTENSIONS = (".xml", ".gift", ".txt", ".csv", ".tsv", ".apkg")
UNKNOWN_FILE = (
    "Import a Moodle XML (.xml) or GIFT (.gift, .txt) question bank, or a deck as "
    "CSV (.csv, .tsv) or Anki package (.apkg)."
)


def import_file(
    session: Session,
    filename: str,
    data: bytes,
    *,
    importer_id: int | None = None,
    article_slug: str | None = None,
    learner: User | None = None,
    media: MediaSink | None = None,
) -> ImportReport:
    """Import ``data`` by what it holds, else by its file name's extension (a tab-separated
    .txt is a deck, not GIFT); InterchangeError (nothing added to the session) when it cannot
    be read. ``learner``: an Anki package's review history becomes theirs ("with my
    progress"). ``media``: where the pictures and sound a file carries are stored (without
    it they are left out, and the report says so)."""
    found = sniff_format(filename, data)
    options = {"importer_id": importer_id, "article_slug": article_slug}
    if found in (MOODLE_XML, GIFT):
        return question_exchange.import_question_file(
            session, filename, data, fmt=found, media=media, **options
        )
    if found == CARDS:
        parsed = read_cards(decode_text(data))
    elif found == APKG:
        deck = read_apkg(data)
        return import_anki(session, deck, filename, learner=learner, media=media, **options)
    else:
        raise InterchangeError(UNKNOWN_FILE)
    return deck_exchange.import_cards(session, parsed, filename, **options)


def export_file(
    session: Session,
    article_slug: str,
    fmt: str,
    teacher_id: int | None = None,
    store: MediaStore | None = None,
) -> bytes:
    """The article's questions (moodle-xml, gift) or flashcards (csv, apkg) as a file; the
    formats that hold files (Moodle XML, Anki) carry the items' files from ``store``."""
    if fmt in deck_exchange.DECK_FORMATS:
        return deck_exchange.export_deck(session, article_slug, fmt, teacher_id, store)
    return question_exchange.export_questions(session, article_slug, fmt, teacher_id, store)
