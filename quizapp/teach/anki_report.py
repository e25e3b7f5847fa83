"""What an Anki import adds to its report, flashed after the summary and the changes."""

from __future__ import annotations

from flask import flash
from flask_babel import ngettext

from quizapp.services.anki_exchange import AnkiImportReport
from quizapp.services.question_exchange import ImportReport


def flash_anki_report(report: ImportReport) -> None:
    """The cards imported before and the review history brought in (each change is flashed
    with every import's)."""
    if not isinstance(report, AnkiImportReport):
        return
    if report.already_imported:
        flash(
            ngettext(
                "%(num)d card of this deck was imported before and is left as it is.",
                "%(num)d cards of this deck were imported before and are left as they are.",
                report.already_imported,
            ),
            "info",
        )
    progress = report.progress
    if progress and (progress.reviews or progress.already):
        reviews = ngettext("%(num)d Anki review", "%(num)d Anki reviews", progress.reviews)
        cards = ngettext("%(num)d card", "%(num)d cards", progress.cards)
        flash(
            ngettext(
                "Your progress: %(reviews)s of %(cards)s replayed (%(num)d brought in before).",
                "Your progress: %(reviews)s of %(cards)s replayed (%(num)d brought in before).",
                progress.already,
                reviews=reviews,
                cards=cards,
            ),
            "success",
        )
