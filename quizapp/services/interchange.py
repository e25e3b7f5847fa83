"""One entry for every import and export: an import chosen by what the file holds, else by its
extension (``core.interchange.sniffing``), an export by the format name; every format is a
record of ``core.interchange.formats``.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from quizapp.core.interchange.anki_import import AnkiDeck
from quizapp.core.interchange.flashcard_csv import ParsedCards
from quizapp.core.interchange.formats import Holds, format_named, unknown_file_message
from quizapp.core.interchange.records import InterchangeError, ParsedBank
from quizapp.core.interchange.sniffing import sniff_format
from quizapp.core.translatable import N_
from quizapp.models import User
from quizapp.services import deck_exchange, question_exchange
from quizapp.services.anki_exchange import import_anki
from quizapp.services.media import MediaSink, MediaStore
from quizapp.services.question_exchange import ImportReport


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
    fmt = format_named(sniff_format(filename, data))
    if fmt is None:
        raise InterchangeError(unknown_file_message())
    parsed = fmt.reader(data)
    options = {"importer_id": importer_id, "article_slug": article_slug}
    # What a reader yields decides the import, so a new format's reader needs no branch here.
    if isinstance(parsed, ParsedBank):
        return question_exchange.import_bank(session, parsed, filename, media=media, **options)
    if isinstance(parsed, AnkiDeck):
        return import_anki(session, parsed, filename, learner=learner, media=media, **options)
    if isinstance(parsed, ParsedCards):
        return deck_exchange.import_cards(session, parsed, filename, **options)
    raise TypeError(f"the {fmt.name} reader yields {type(parsed).__name__}")


def export_file(
    session: Session,
    article_slug: str,
    fmt: str,
    teacher_id: int | None = None,
    store: MediaStore | None = None,
) -> bytes:
    """The article's questions or flashcards as a file in the format named ``fmt``; the
    formats that hold files carry the items' files from ``store``."""
    found = format_named(fmt)
    if found is None:
        raise InterchangeError(N_("Unknown format %(format)s."), format=repr(fmt))
    if found.holds == Holds.FLASHCARDS:
        return deck_exchange.export_deck(session, article_slug, fmt, teacher_id, store)
    return question_exchange.export_questions(session, article_slug, fmt, teacher_id, store)
