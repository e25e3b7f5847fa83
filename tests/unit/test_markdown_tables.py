"""A Markdown table read into its cells (quizapp.core.markdown_tables)."""

from __future__ import annotations

from quizapp.core.markdown_tables import parse_table


def test_the_delimiter_line_makes_the_header_and_sets_the_alignment():
    table = parse_table(
        "| River | Length | Mouth | Note |\n"
        "|:---|---:|:-:|---|\n"
        "| Volga | 3,530 | Caspian Sea | longest |\n"
    )
    assert table is not None
    assert table.header == ("River", "Length", "Mouth", "Note")
    assert table.align == ("left", "right", "center", "")
    assert table.rows == (("Volga", "3,530", "Caspian Sea", "longest"),)


def test_without_a_delimiter_line_every_row_is_a_body_row():
    table = parse_table("| a | b |\n| c | d |")
    assert table is not None
    assert (table.header, table.rows, table.align) == ((), (("a", "b"), ("c", "d")), ("", ""))


def test_short_rows_are_padded_and_an_escaped_pipe_stays_in_its_cell():
    table = parse_table("| x | y | z |\n|---|---|---|\n| a \\| b |\n\n| 1 | 2 | 3 | 4 |\n")
    assert table is not None
    assert table.header == ("x", "y", "z", "")
    assert table.rows == (("a | b", "", "", ""), ("1", "2", "3", "4"))


def test_text_that_is_not_all_table_rows_is_no_table():
    assert parse_table("| a | b |\nThe table above.") is None
    assert parse_table("") is None
    assert parse_table("|") is None
    assert parse_table("a | b") is None
