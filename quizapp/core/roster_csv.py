"""A class roster read from a CSV file of names and emails, as schools export them.

One student a line: ``name,email``. A header row is optional (and may put the columns in the
other order, among others that are ignored); the separator is a comma or a semicolon (what a
spreadsheet saves in locales where the comma is the decimal mark); UTF-8, with or without the
byte-order mark Excel writes. Each line is kept with what is wrong with it, if anything, so the
teacher's preview can say why a row will not be imported.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email

from quizapp.core.errors import InputError
from quizapp.core.translatable import N_

MAX_ROSTER_BYTES = 100_000  # some 1,500 typical lines; a whole school belongs in several classes
MAX_ROSTER_ROWS = 500
MAX_NAME_LENGTH = 80  # as a display name (auth forms)
MAX_EMAIL_LENGTH = 254
NAME_HEADERS = {"name", "full name", "student", "student name", "display name"}
EMAIL_HEADERS = {"email", "e-mail", "email address", "e-mail address", "mail"}


@dataclass(frozen=True)
class RosterLine:
    """One line of the file: its number (from 1, as an editor shows it), the name and email as
    read (trimmed, the email lower-cased), and what is wrong with it (None when nothing)."""

    number: int
    name: str
    email: str
    problem: str | None = None


def decode_roster(data: bytes) -> str:
    """The file's text; InputError when it is too large or not UTF-8."""
    if len(data) > MAX_ROSTER_BYTES:
        raise InputError(
            N_("The file is larger than %(limit)s kB; split the roster into several files."),
            limit=MAX_ROSTER_BYTES // 1000,
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            N_(
                "The file is not UTF-8 text (byte %(byte)s cannot be read). Save it as "
                "“CSV UTF-8” and try again."
            ),
            byte=error.start,
        ) from error


def read_roster(text: str) -> list[RosterLine]:
    """Every non-blank line of ``text`` but the header, in order. InputError when there is no
    line, more than MAX_ROSTER_ROWS, or not one line with two columns."""
    rows = _rows(text.removeprefix("\ufeff"))
    columns = _header_columns(rows[0][1]) if rows else None
    if columns is not None:
        rows = rows[1:]
    if not rows:
        raise InputError(N_("The file has no names and emails in it."))
    if len(rows) > MAX_ROSTER_ROWS:
        raise InputError(
            N_("The file has %(rows)s rows; at most %(limit)s can be imported at once."),
            rows=len(rows),
            limit=MAX_ROSTER_ROWS,
        )
    if not any(len(cells) >= 2 for _number, cells in rows):
        raise InputError(
            N_("No line has both a name and an email: write one student a line, “name,email”.")
        )
    name_at, email_at = columns or (0, 1)
    return _mark_duplicates([_line(number, cells, name_at, email_at) for number, cells in rows])


def _rows(text: str) -> list[tuple[int, list[str]]]:
    """The non-blank rows with their numbers, cells trimmed."""
    reader = csv.reader(io.StringIO(text), delimiter=_separator(text))
    try:
        rows = [(number, [cell.strip() for cell in row]) for number, row in enumerate(reader, 1)]
    except csv.Error as error:
        raise InputError(
            N_("The file cannot be read as CSV (%(error)s)."), error=str(error)
        ) from error
    return [(number, cells) for number, cells in rows if any(cells)]


def _separator(text: str) -> str:
    """A semicolon when the first line has more of them than commas, else a comma."""
    first = text.lstrip().partition("\n")[0]
    return ";" if first.count(";") > first.count(",") else ","


def _header_columns(cells: list[str]) -> tuple[int, int] | None:
    """Where the name and email columns are when ``cells`` is a header row, else None."""
    labels = [cell.lower().strip() for cell in cells]
    email_at = next((i for i, label in enumerate(labels) if label in EMAIL_HEADERS), None)
    if email_at is None:
        return None
    name_at = next((i for i, label in enumerate(labels) if label in NAME_HEADERS), None)
    if name_at is None:
        name_at = 1 if email_at == 0 else 0
    return name_at, email_at


def _cell(cells: list[str], at: int) -> str:
    return cells[at] if at < len(cells) else ""


def _line(number: int, cells: list[str], name_at: int, email_at: int) -> RosterLine:
    name = " ".join(_cell(cells, name_at).split())
    raw_email = _cell(cells, email_at)
    email = raw_email.lower()
    return RosterLine(number, name, email, _problem(name, raw_email))


def _problem(name: str, email: str) -> str | None:
    if not email:
        return N_("no email")
    if len(email) > MAX_EMAIL_LENGTH:
        return N_("the email is too long")
    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError:
        return N_("not a valid email")
    if not name:
        return N_("no name")
    if len(name) > MAX_NAME_LENGTH:
        return f"the name is longer than {MAX_NAME_LENGTH} characters"
    return None


def _mark_duplicates(lines: list[RosterLine]) -> list[RosterLine]:
    """A second line with an email already seen is refused, naming the first."""
    first_seen: dict[str, int] = {}
    marked = []
    for line in lines:
        if line.problem is None and line.email in first_seen:
            line = RosterLine(
                line.number,
                line.name,
                line.email,
                f"a duplicate of line {first_seen[line.email]}",
            )
        elif line.problem is None:
            first_seen[line.email] = line.number
        marked.append(line)
    return marked
