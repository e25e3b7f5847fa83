"""A Markdown table read into its cells, for showing it as a table instead of rows of pipes.

The article parser keeps a table as one block (``article_parser.TABLE_ROW`` lines) and the
claims make it one claim, never asked; this reads that text into a header, body rows and each
column's alignment. GitHub's rules, kept small: a row is ``| a | b |``, a ``\\|`` is a pipe
inside a cell, the line of dashes under the first row (``|---|:--:|--:|``) makes that row the
header and sets each column's alignment; a table without one has no header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ROW = re.compile(r"^\s*\|.*\|\s*$")
_DELIMITER_CELL = re.compile(r"^:?-+:?$")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


@dataclass(frozen=True)
class MarkdownTable:
    header: tuple[str, ...]  # empty when the table has no delimiter line
    rows: tuple[tuple[str, ...], ...]
    # "left", "center", "right" or "" (as the browser would), one per column.
    align: tuple[str, ...]


def _cells(line: str) -> list[str]:
    inner = line.strip()[1:-1]
    return [cell.strip().replace("\\|", "|") for cell in _UNESCAPED_PIPE.split(inner)]


def _alignment(cell: str) -> str:
    if cell.startswith(":") and cell.endswith(":"):
        return "center"
    if cell.endswith(":"):
        return "right"
    return "left" if cell.startswith(":") else ""


def _is_delimiter(cells: list[str]) -> bool:
    return all(_DELIMITER_CELL.match(cell.replace(" ", "")) for cell in cells)


def _padded(cells: list[str], width: int) -> tuple[str, ...]:
    return tuple(cells[:width] + [""] * (width - len(cells)))


def parse_table(text: str) -> MarkdownTable | None:
    """The table ``text`` holds, or None when a line of it is not a table row."""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    if not lines or not all(_ROW.match(line) for line in lines):
        return None
    rows = [_cells(line) for line in lines]
    header: list[str] = []
    align: list[str] = []
    if len(rows) > 1 and _is_delimiter(rows[1]):
        header, align = rows[0], [_alignment(cell.replace(" ", "")) for cell in rows[1]]
        rows = rows[2:]
    rows = [row for row in rows if not _is_delimiter(row)]  # a stray delimiter line shows nothing
    width = max([len(header)] + [len(row) for row in rows])
    return MarkdownTable(
        header=_padded(header, width) if header else (),
        rows=tuple(_padded(row, width) for row in rows),
        align=_padded(align, width),
    )
