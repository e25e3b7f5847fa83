"""Every CSV the app hands out is written by ``core.csv_cells.csv_document``, and no cell of it
starts with what a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import quizapp
from quizapp.services.live_results import GameResults, PlayerResult, results_csv

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_the_live_results_csv_guards_every_cell():
    players = [
        PlayerResult(1, "+SUM(A1:A9)", "=1+1@ex.org", 900, 1, 1, {0: 900}),
        PlayerResult(2, "@cmd", "-2+3@ex.org", 0, 0, 1, {0: 0}),
        PlayerResult(3, "\tTab", "guest", 0),
    ]
    cells = _cells(results_csv(GameResults(players, [])))
    assert [cell for cell in cells if cell.startswith(FORMULA_START)] == []
    assert "'=1+1@ex.org" in cells and "'-2+3@ex.org" in cells and "'+SUM(A1:A9)" in cells


def test_only_the_one_place_writes_csv():
    package = Path(quizapp.__file__).parent
    writers = sorted(
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if "csv.writer(" in path.read_text() or "csv.DictWriter(" in path.read_text()
    )
    assert writers == ["core/csv_cells.py"]
