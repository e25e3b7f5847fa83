"""Reading a roster CSV: separators, headers, encodings, limits and each line's problem."""

from __future__ import annotations

import pytest

from quizapp.core.errors import InputError
from quizapp.core.roster_csv import (
    MAX_ROSTER_BYTES,
    MAX_ROSTER_ROWS,
    RosterLine,
    decode_roster,
    read_roster,
)


def test_name_and_email_without_a_header():
    lines = read_roster("Ada Lovelace, Ada@Example.org\nAlan Turing,alan@example.org\n")
    assert lines == [
        RosterLine(1, "Ada Lovelace", "ada@example.org"),
        RosterLine(2, "Alan Turing", "alan@example.org"),
    ]


def test_a_header_names_the_columns_in_any_order_and_extra_columns_are_ignored():
    text = "Email;Class;Full name\nada@example.org;10B;Ada  Lovelace\n"
    assert read_roster(text) == [RosterLine(2, "Ada Lovelace", "ada@example.org")]


def test_semicolons_and_excel_s_byte_order_mark():
    data = "\ufeffname;email\nZoë Ångström;zoe@example.org\n".encode()
    assert read_roster(decode_roster(data)) == [RosterLine(2, "Zoë Ångström", "zoe@example.org")]


def test_a_comma_inside_quotes_stays_in_the_name():
    lines = read_roster('"Lovelace, Ada",ada@example.org\n')
    assert lines == [RosterLine(1, "Lovelace, Ada", "ada@example.org")]


def test_blank_lines_are_skipped_and_lines_keep_their_numbers():
    lines = read_roster("\nAda,ada@example.org\n\n,\nAlan,alan@example.org\n")
    assert [(line.number, line.name) for line in lines] == [(2, "Ada"), (5, "Alan")]


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("Ada,not-an-email", "not a valid email"),
        ("Ada,ada@", "not a valid email"),
        ("Ada,", "no email"),
        ("Ada", "no email"),
        (",ada@example.org", "no name"),
        ("A" * 81 + ",ada@example.org", "the name is longer than 80 characters"),
    ],
)
def test_each_bad_line_says_what_is_wrong(row, problem):
    lines = read_roster(f"Alan,alan@example.org\n{row}\n")
    assert lines[0].problem is None
    assert lines[1].problem == problem


def test_a_second_line_with_the_same_email_is_a_duplicate_of_the_first():
    lines = read_roster("Ada,ada@example.org\nAlan,alan@example.org\nAda L,ADA@example.org\n")
    assert [line.problem for line in lines] == [None, None, "a duplicate of line 1"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no names and emails"),
        ("\n \n", "no names and emails"),
        ("name,email\n", "no names and emails"),
        ("just one column\nanother\n", "No line has both a name and an email"),
        ("".join(f"S{i},s{i}@example.org\n" for i in range(MAX_ROSTER_ROWS + 1)), "at most 500"),
    ],
)
def test_a_file_that_cannot_be_a_roster_is_refused_whole(text, message):
    with pytest.raises(InputError, match=message):
        read_roster(text)


def test_exactly_the_row_limit_is_read():
    text = "name,email\n" + "".join(f"S{i},s{i}@example.org\n" for i in range(MAX_ROSTER_ROWS))
    assert len(read_roster(text)) == MAX_ROSTER_ROWS


def test_a_file_not_in_utf8_or_too_large_is_refused():
    with pytest.raises(InputError, match="not UTF-8"):
        decode_roster("Zoë,zoe@example.org\n".encode("latin-1"))
    with pytest.raises(InputError, match="larger than"):
        decode_roster(b"a" * (MAX_ROSTER_BYTES + 1))
