"""What the real-file corpus showed was lost or changed without a word, each at its smallest:
GIFT format markers on answers, a numerical catch-all answer, Moodle 1.9's picture field,
Moodle's hints, a card of several blanks on its way back to Anki, and choices that differ in
capitals inside a word ("GB", "Gb"), which a teacher's exam meant as different answers."""

from __future__ import annotations

import base64

from quizapp.core.interchange.cloze import to_anki_cloze
from quizapp.core.interchange.drafts import check_imported
from quizapp.core.interchange.gift import read_gift
from quizapp.core.interchange.moodle_xml import HINT_OPTIONS_LEFT_OUT, read_moodle_xml
from tests.builders.media import png_bytes


def test_gift_format_markers_are_no_part_of_answers_or_feedback():
    (question,) = read_gift(
        "::Q::Pick {=[plain]yellow # [html]<b>right</b> ~[moodle]red #[markdown]no "
        "####[html]<i>Seen</i>}\n"
    ).questions
    choices = question.raw["choices"]
    assert [(c["text"], c["feedback"]) for c in choices] == [("yellow", "right"), ("red", "no")]
    assert question.raw["explanation"] == "Seen"


def test_a_numerical_catch_all_only_carries_feedback():
    (question,) = read_gift("::N::A number from 1 to 5? {#3:2 ~#Completely wrong}\n").questions
    # Moodle's catch-all answer ("~#…") marks nothing: its feedback is what a wrong answer is
    # told, kept as the question's feedback for an incorrect answer, and nothing is reported.
    assert question.raw["choices"] == [
        {"value": 3.0, "tolerance": 2.0, "fraction": 1.0, "feedback": ""}
    ]
    assert question.raw["combined_feedback"] == {"incorrect": "Completely wrong"}
    assert question.changes == []
    (star,) = read_gift("::N::Pi? {#=3.14:0.01 ~*}\n").questions
    assert len(star.raw["choices"]) == 1


def _moodle(inner: str) -> bytes:
    return (
        '<?xml version="1.0"?><quiz><question type="truefalse"><name><text>Old</text></name>'
        '<questiontext format="html"><text>Is it?</text></questiontext>'
        f'{inner}<answer fraction="100"><text>true</text></answer>'
        '<answer fraction="0"><text>false</text></answer></question></quiz>'
    ).encode()


def test_moodle_19_image_field_is_the_questions_picture():
    data = base64.b64encode(png_bytes()).decode()
    (question,) = read_moodle_xml(
        _moodle(f"<image>pics\\logo.png</image><image_base64>\n{data}\n</image_base64>")
    ).questions
    (picture,) = question.files
    assert (picture.name, picture.data, picture.place) == ("logo.png", png_bytes(), "prompt")
    (named_only,) = read_moodle_xml(_moodle("<image>logo.png</image>")).questions
    assert named_only.files == []
    assert named_only.changes == [
        "the picture logo.png was left out: the question names it but does not carry it"
    ]


def test_moodle_hints_are_kept_in_order_and_empty_ones_dropped():
    (hinted,) = read_moodle_xml(
        _moodle(
            '<hint format="html"><text><![CDATA[<p>Think <b>twice</b>.</p><p>Then once.</p>]]>'
            '</text></hint><hint format="html"><text></text></hint>'
            '<hint format="plain_text"><text>Look at the sky.</text></hint>'
        )
    ).questions
    assert hinted.raw["hints"] == ["Think twice.\nThen once.", "Look at the sky."]
    assert hinted.changes == []
    (empty,) = read_moodle_xml(_moodle('<hint format="html"><text></text></hint>')).questions
    assert empty.raw["hints"] == []
    assert empty.changes == []


def test_what_moodle_hints_do_to_a_wrong_try_is_reported():
    (steering,) = read_moodle_xml(
        _moodle('<hint format="html"><text>Think.</text><shownumcorrect/></hint>')
    ).questions
    assert steering.raw["hints"] == ["Think."]
    assert steering.changes == [HINT_OPTIONS_LEFT_OUT]
    (plain,) = read_moodle_xml(
        _moodle('<hint format="html"><text>Think.</text><options>0</options></hint>')
    ).questions
    assert plain.changes == []


def test_a_card_of_several_blanks_goes_back_as_one_deletion_per_blank():
    front = "The _____ flows through _____ into the Black Sea."
    assert to_anki_cloze(front, "Danube … Vienna") == (
        "The {{c1::Danube}} flows through {{c1::Vienna}} into the Black Sea."
    )
    # Answers that do not match the blanks one to one stay together in the first blank.
    assert to_anki_cloze(front, "Danube") == (
        "The {{c1::Danube}} flows through _____ into the Black Sea."
    )


def test_choices_differing_in_capitals_inside_a_word_are_different_answers():
    checked = check_imported(
        read_gift(
            "::units::Which is bigger? {~GB ~Gb ~MB =TB}\n\n"
            "::gas::Which state? {=Gas ~gas ~Solid}\n\n"
            "::twice::Pick {=Paris ~Paris}\n"
        )
    )
    assert [d.name for d in checked.drafts] == ["units"]
    assert [c["text"] for c in checked.drafts[0].draft.choices] == ["GB", "Gb", "MB", "TB"]
    assert [(s.name, s.reason) for s in checked.skipped] == [
        ("gas", "duplicate choices: “Gas” and “gas” differ only in the case of their first letter"),
        ("twice", "duplicate choices"),
    ]
