"""Anki packages as current Anki writes them, read card by card: each bug reported on real
decks (issue 23) is a test here. The packages are written by Anki's own library."""

from __future__ import annotations

import io
import zipfile

import pytest
import zstandard

from quizapp.core.interchange import anki_collection
from quizapp.core.interchange.anki_import import read_apkg
from quizapp.core.interchange.records import InterchangeError
from tests.builders.anki_decks import add_note, add_reviews, anki_package, changed_package


def _cards(deck) -> dict[tuple[str, str], object]:
    return {(c.card.front, c.card.back): c for c in deck.cards}


@pytest.mark.parametrize("legacy", [False, True])
def test_basic_and_reversed_keeps_both_directions(tmp_path, legacy):
    def fill(col):
        add_note(col, "Basic (and reversed card)", "Words", Front="pivot", Back="a turn")
        add_note(col, "Basic (optional reversed card)", "Words", Front="axle", Back="a rod")
        add_note(
            col,
            "Basic (optional reversed card)",
            "Words",
            Front="gear",
            Back="a wheel",
            Add_Reverse="y",
        )

    deck = read_apkg(anki_package(tmp_path, fill, legacy=legacy))
    assert set(_cards(deck)) == {
        ("pivot", "a turn"),
        ("a turn", "pivot"),
        ("axle", "a rod"),  # its reverse field is empty: Anki made one card
        ("gear", "a wheel"),
        ("a wheel", "gear"),
    }
    assert deck.skipped == []


def test_a_note_with_c1_and_c2_makes_a_card_for_each(tmp_path):
    def fill(col):
        add_note(col, "Cloze", "Geo", Text="{{c1::Russia}} and {{c2::China}} share a border.")

    cards = _cards(read_apkg(anki_package(tmp_path, fill)))
    assert set(cards) == {
        ("_____ and China share a border.", "Russia"),
        ("Russia and _____ share a border.", "China"),
    }
    assert all(c.card.kind == "cloze" and not c.card.changes for c in cards.values())


def test_a_nested_cloze_with_a_hint_is_read_whole(tmp_path):
    def fill(col):
        text = "{{c1::Ulysses {{c2::S.}} Grant::president}} was born in {{c3::1822}}."
        add_note(col, "Cloze", "History", Text=text)

    cards = _cards(read_apkg(anki_package(tmp_path, fill)))
    assert set(cards) == {
        ("_____ (president) was born in 1822.", "Ulysses S. Grant"),
        ("Ulysses _____ Grant was born in 1822.", "S."),
        ("Ulysses S. Grant was born in _____.", "1822"),
    }
    assert not any("}}" in front + back for front, back in cards)  # was "_____ Grant}} was…"


def test_the_newer_package_format_is_read(tmp_path):
    data = anki_package(tmp_path, lambda col: add_note(col, "Basic", "D", Front="a", Back="b"))
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert "collection.anki21b" in names  # what current Anki writes by default
    assert set(_cards(read_apkg(data))) == {("a", "b")}


def test_subdecks_become_topics_and_the_top_deck_names_the_article(tmp_path):
    def fill(col):
        add_note(col, "Basic", "History::Presidents", Front="Grant", Back="18th")
        add_note(col, "Basic", "History::Wars::Civil", Front="1861", Back="start")
        add_note(col, "Basic", "History", Front="Rome", Back="old")

    deck = read_apkg(anki_package(tmp_path, fill))
    topics = {c.card.front: c.topic for c in deck.cards}
    assert deck.title == "History"
    assert topics == {"Grant": "Presidents", "1861": "Wars › Civil", "Rome": "History"}


def test_a_notes_tags_go_onto_each_of_its_cards(tmp_path):
    def fill(col):
        add_note(col, "Basic (and reversed card)", "D", ["usa", "war"], Front="a", Back="b")
        add_note(col, "Basic", "D", ["usa", "quizapp::Civil_War"], Front="c", Back="d")

    deck = read_apkg(anki_package(tmp_path, fill))
    tags = {c.card.front: c.tags for c in deck.cards}
    assert tags == {"a": ["usa", "war"], "b": ["usa", "war"], "c": ["usa"]}
    # A quizapp topic tag is the card's topic, not one of its tags.
    assert {c.card.front: c.topic for c in deck.cards}["c"] == "Civil War"
    assert not any(c.card.changes for c in deck.cards)


def test_a_tag_too_long_is_left_out_and_the_card_says_so(tmp_path):
    long_tag = "x" * 101

    def fill(col):
        add_note(col, "Basic", "D", ["ok", long_tag], Front="a", Back="b")

    (card,) = read_apkg(anki_package(tmp_path, fill)).cards
    assert card.tags == ["ok"]
    assert any("at most 100 characters" in change for change in card.card.changes)


def test_media_on_a_card_come_along_and_a_file_the_package_lacks_is_named(tmp_path):
    """A package without the files its notes name (exported without media): each card keeps
    its words, lists its files, and says which the package did not carry."""

    def fill(col):
        add_note(col, "Basic", "D", Front='<img src="flag.png">', Back="Ohio [sound:ohio.mp3]")
        add_note(col, "Cloze", "D", Text="{{c1::Ohio}} flag", Back_Extra='A <img src="o.png">')
        add_note(col, "Basic", "D", Front="Far", Back='Away <img src="https://example.org/x.png">')

    cards = {c.card.front: c.card for c in read_apkg(anki_package(tmp_path, fill)).cards}
    basic = cards["(flag.png)"]  # a side of only files the package lacks names them
    assert basic.back == "Ohio" and basic.media == [
        ("flag.png", "", "front"),
        ("ohio.mp3", "", "back"),
    ]
    assert basic.changes == [
        "its file flag.png is not in the package",
        "its file ohio.mp3 is not in the package",
    ]
    assert cards["_____ flag"].back_extra == "A"
    assert cards["_____ flag"].changes == ["its file o.png is not in the package"]
    assert cards["Far"].changes == [
        "its picture https://example.org/x.png on the back is not kept",
    ]


def test_review_history_is_kept_per_card_in_time_order(tmp_path):
    def fill(col):
        note = add_note(col, "Basic (and reversed card)", "D", Front="a", Back="b")
        add_reviews(col, note.cards()[0].id, [(1_700_000_000_000, 3), (1_700_086_400_000, 1)])

    deck = read_apkg(anki_package(tmp_path, fill))
    reviewed = [c for c in deck.cards if c.anki_id in deck.reviews]
    assert [c.card.front for c in reviewed] == ["a"]
    assert [(r.revlog_id, r.ease) for r in deck.reviews[reviewed[0].anki_id]] == [
        (1_700_000_000_000, 3),
        (1_700_086_400_000, 1),
    ]
    assert reviewed[0].scheduled


def test_a_compressed_collection_that_unpacks_past_the_limit_is_refused(tmp_path, monkeypatch):
    bomb = zstandard.ZstdCompressor().compress(b"\0" * (4 * 1024 * 1024))  # 4 MB in a few kB
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("collection.anki21b", bomb)
    monkeypatch.setattr(anki_collection, "MAX_COLLECTION_BYTES", 1024 * 1024)
    with pytest.raises(InterchangeError, match="more than 1 MB"):
        read_apkg(package.getvalue())


def test_a_compressed_collection_that_is_not_zstd_is_damaged():
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("collection.anki21b", b"not zstd at all")
    with pytest.raises(InterchangeError, match="damaged"):
        read_apkg(package.getvalue())


@pytest.mark.parametrize(
    ("statements", "message"),
    [
        # A view in place of a table Anki writes: it would run whatever query it holds.
        (
            [
                "ALTER TABLE revlog RENAME TO real_revlog",
                "CREATE VIEW revlog AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                "FROM n) SELECT i AS id, 0 AS cid, 3 AS ease, 0 AS time, 0 AS type FROM n",
            ],
            "something other than a table",
        ),
        (
            ["ALTER TABLE notetypes RENAME TO t", "CREATE VIEW notetypes AS SELECT * FROM t"],
            "something other than a table",
        ),
        (["UPDATE notetypes SET config = x'0a'"], "damaged"),  # a truncated protobuf
        (["DROP TABLE templates"], "damaged"),
    ],
)
def test_a_hostile_newer_collection_is_refused_unread(tmp_path, statements, message):
    data = anki_package(tmp_path, lambda col: add_note(col, "Basic", "D", Front="a", Back="b"))
    with pytest.raises(InterchangeError, match=message):
        read_apkg(changed_package(data, *statements))


def test_a_field_behind_a_hint_or_a_typed_answer_is_on_the_back(tmp_path):
    def fill(col):
        kind = col.models.copy(col.models.by_name("Basic"))
        kind["name"] = "With hint"
        kind["tmpls"][0]["qfmt"] = "{{Front}} {{hint:Back}}"
        col.models.update_dict(kind)
        add_note(col, "With hint", "D", Front="Capital of Peru?", Back="Lima")
        add_note(col, "Basic (type in the answer)", "D", Front="Capital of Chile?", Back="Santiago")

    cards = _cards(read_apkg(anki_package(tmp_path, fill)))
    assert set(cards) == {("Capital of Peru?", "Lima"), ("Capital of Chile?", "Santiago")}
