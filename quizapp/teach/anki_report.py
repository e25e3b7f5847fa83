"""What an Anki import adds to its report, flashed after the summary and the changes."""

from __future__ import annotations

from flask import flash

from quizapp.services.anki_exchange import AnkiImportReport
from quizapp.services.question_exchange import ImportReport


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def flash_anki_report(report: ImportReport) -> None:
    """The cards imported before and the review history brought in (each change is flashed
    with every import's)."""
    if not isinstance(report, AnkiImportReport):
        return
    if report.already_imported:
        flash(
            f"{_count(report.already_imported, 'card')} of this deck were imported before and "
            f"are left as they are.",
            "info",
        )
    progress = report.progress
    if progress and (progress.reviews or progress.already):
        flash(
            f"Your progress: {_count(progress.reviews, 'Anki review')} of "
            f"{_count(progress.cards, 'card')} replayed ({progress.already} brought in before).",
            "success",
        )
