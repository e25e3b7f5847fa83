"""Quizlet-style decks and CSV files: the separator chosen by the rows, definitions with commas
and line breaks kept whole, quotes kept, extra cells joined and listed, and a file's content
deciding its reader before its extension."""

from __future__ import annotations

import pytest

from quizapp.core.interchange.flashcard_csv import read_cards
from quizapp.core.interchange.sniffing import APKG, CARDS, GIFT, MOODLE_XML, sniff_format

# As Quizlet exports with "comma" between term and definition: a definition is quoted only
# when the teacher's export tool quoted it, and one (mitochondria) was not.
QUIZLET_COMMAS = (
    'photosynthesis,"the process by which plants make food, using light"\n'
    "mitochondria,the powerhouse of the cell, where respiration happens\n"
    'osmosis,"water moving\nacross a membrane"\n'
    'idiom,"it\'s raining ""cats and dogs"""\n'
)

QUIZLET_TABS = (
    "Rason\tNorth Korean port, leased to Russia\n"
    'Tsar\tHe said "hi" to me, then left\n'
    "l'eau\tdon't drink it\n"
    'Power of Siberia\t"gas pipeline\nto China, opened 2019"\n'
)


def _sides(parsed) -> list[tuple[str, str]]:
    return [(card.front, card.back) for card in parsed.cards]


def test_a_quizlet_comma_csv_keeps_commas_and_line_breaks_in_definitions():
    parsed = read_cards(QUIZLET_COMMAS)
    assert parsed.separator == ","
    assert _sides(parsed) == [
        ("photosynthesis", "the process by which plants make food, using light"),
        ("mitochondria", "the powerhouse of the cell, where respiration happens"),
        ("osmosis", "water moving\nacross a membrane"),
        ("idiom", 'it\'s raining "cats and dogs"'),
    ]


def test_a_row_with_more_cells_than_columns_is_listed_not_cut():
    parsed = read_cards(QUIZLET_COMMAS)
    [changed] = parsed.changed
    assert changed.name == "row 2"
    assert "3 cells where the file has 2 columns" in changed.change
    assert "the powerhouse of the cell, where respiration happens" in changed.change


def test_a_header_file_joins_extra_cells_into_its_last_column_and_lists_them():
    parsed = read_cards("front,back\nRason,port,leased to Russia\nTsar,emperor\n")
    assert _sides(parsed) == [("Rason", "port,leased to Russia"), ("Tsar", "emperor")]
    assert [c.name for c in parsed.changed] == ["row 2"]


def test_empty_trailing_cells_change_nothing():
    parsed = read_cards("a,b,\nc,d,,\n")
    assert _sides(parsed) == [("a", "b"), ("c", "d")] and parsed.changed == []


def test_a_quizlet_tab_export_keeps_quotes_apostrophes_commas_and_quoted_lines():
    parsed = read_cards(QUIZLET_TABS)
    assert parsed.separator == "\t"
    assert _sides(parsed) == [
        ("Rason", "North Korean port, leased to Russia"),
        ("Tsar", 'He said "hi" to me, then left'),
        ("l'eau", "don't drink it"),
        ("Power of Siberia", "gas pipeline\nto China, opened 2019"),
    ]
    assert parsed.changed == []


def test_the_separator_is_the_one_that_splits_rows_alike():
    # Every line has a comma and a semicolon; only the semicolon splits each into two.
    parsed = read_cards("Rason; port, leased\nTsar; ruler, emperor, autocrat\nKremlin; fort\n")
    assert parsed.separator == ";"
    assert _sides(parsed)[1] == ("Tsar", "ruler, emperor, autocrat")


@pytest.mark.parametrize(
    "name,data,found",
    [
        ("quizlet.txt", QUIZLET_TABS.encode(), CARDS),
        ("quizlet.txt", b"Rason\t{port}\nTsar\temperor\n", CARDS),
        ("exam.txt", b"::q1::Is Paris in France? {T}\n", GIFT),
        ("exam.txt", b"Who? {=a ~b}\n", GIFT),
        ("exam.gift", b"$CATEGORY: Geography\n\nWho? {=a ~b}\n", GIFT),
        ("bank.txt", b'<?xml version="1.0"?><quiz></quiz>', MOODLE_XML),
        ("bank.xml", b"\xef\xbb\xbf  <quiz></quiz>", MOODLE_XML),
        ("deck.csv", b"set,{1, 2}\nsum,{x = 1}\n", CARDS),
        ("deck.csv", b"Rason,port\n", CARDS),
        ("deck.apkg", b"PK\x03\x04rest", APKG),
        ("notes.txt", b"Rason, port\nTsar, emperor\n", CARDS),
        ("picture.png", b"\x89PNG", None),
        ("notes.docx", b"PK\x03\x04", None),
    ],
)
def test_a_file_is_read_by_what_it_holds_before_its_name(name, data, found):
    assert sniff_format(name, data) == found
