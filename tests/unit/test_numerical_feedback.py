"""Feedback on numerical answers, and pictures inside any feedback (issue 23): read from Moodle
XML and GIFT, kept field by field, said to the learner for the value that marked the number,
and written back where Moodle reads it."""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

import pytest

from quizapp.core.interchange.drafts import check_imported
from quizapp.core.interchange.gift import read_gift, write_gift
from quizapp.core.interchange.moodle_xml import read_moodle_xml, write_moodle_xml
from quizapp.core.interchange.records import ANSWER_FEEDBACK_LEFT_OUT, ExportQuestion
from quizapp.core.question_kinds import feedback_for, feedback_media_places
from quizapp.services.media import at_choice_ids

FILE = Path(__file__).parent / "interchange_files" / "feedback_pictures.xml"
GIFT = "::Pi::What is pi? {#=3.14:0.01#Close enough ~%50%3:0.5#Roughly ~#Completely wrong}"


def _drafts(parsed) -> dict:
    checked = check_imported(parsed)
    assert checked.skipped == [], checked.skipped
    return {item.name: item for item in checked.drafts}


def _export(item, files=()) -> ExportQuestion:
    draft = item.draft
    fields = {name: getattr(draft, name) for name in draft.__dataclass_fields__}
    return ExportQuestion(SimpleNamespace(**fields), "Topic", item.name, files=tuple(files))


def _values(draft) -> list[tuple]:
    return [
        (c["value"], c["tolerance"], c["fraction"], c["correct"], c.get("feedback"))
        for c in draft.choices
    ]


PI_VALUES = [
    (3.14, 0.01, 1.0, True, "Close enough."),
    (3.0, 0.5, 0.5, False, "Roughly."),
    (22.0, 0.0, 0.25, False, "That is 22/7 before dividing by 7."),
]


def test_moodle_numerical_keeps_each_answers_feedback_and_part_marks_as_written():
    items = _drafts(read_moodle_xml(FILE.read_bytes()))
    pi = items["Pi"]
    assert _values(pi.draft) == PI_VALUES
    assert pi.draft.pairs == [["rad", "1"]]
    # Moodle's "*" (any other answer) says what an incorrect number is told.
    assert pi.draft.combined_feedback == {"incorrect": "Completely wrong."}
    assert pi.draft.explanation == "Pi is the ratio of a circle's circumference to its diameter."
    assert pi.changes == []  # nothing left out, so nothing to report


def test_moodle_numerical_feedback_survives_our_export_and_import_field_by_field():
    pi = _drafts(read_moodle_xml(FILE.read_bytes()))["Pi"]
    written = write_moodle_xml("Feedback", [_export(pi)])
    root = ET.fromstring(written)
    answers = root.findall("question/answer")
    assert [a.findtext("text") for a in answers] == ["3.14", "3", "22", "*"]
    assert [a.get("fraction") for a in answers] == ["100", "50", "25", "0"]
    assert answers[0].findtext("feedback/text") == "<p>Close enough.</p>"
    assert answers[3].findtext("feedback/text") == "<p>Completely wrong.</p>"
    again = _drafts(read_moodle_xml(written))["Pi"]
    assert _values(again.draft) == PI_VALUES
    assert again.draft.combined_feedback == {"incorrect": "Completely wrong."}
    assert again.changes == []


def test_gift_numerical_keeps_each_answers_feedback_and_the_catch_all():
    pi = _drafts(read_gift(GIFT))["Pi"]
    assert [
        (c["value"], c["tolerance"], c["fraction"], c.get("feedback")) for c in pi.draft.choices
    ] == [
        (3.14, 0.01, 1.0, "Close enough"),
        (3.0, 0.5, 0.5, "Roughly"),
    ]
    assert pi.draft.combined_feedback == {"incorrect": "Completely wrong"}
    assert ANSWER_FEEDBACK_LEFT_OUT not in pi.changes and pi.changes == []
    written = write_gift("Feedback", [_export(pi)])
    assert "{#=3.14:0.01#Close enough =%50%3:0.5#Roughly ~#Completely wrong ####" in written
    again = _drafts(read_gift(written))["Pi"]
    assert again.draft.choices == pi.draft.choices
    assert again.draft.combined_feedback == pi.draft.combined_feedback


def test_gift_numerical_feedback_with_special_characters_round_trips():
    pi = _drafts(read_gift("::N::Half? {#=0.5#Yes: one \\{of two\\} \\= 50 %}"))["N"]
    assert pi.draft.choices[0]["feedback"] == "Yes: one {of two} = 50 %"
    again = _drafts(read_gift(write_gift("t", [_export(pi)])))["N"]
    assert again.draft.choices == pi.draft.choices


def test_gift_numerical_feedback_loses_its_format_marker_as_choice_feedback_does():
    pi = _drafts(read_gift("::N::Pi? {#=3.14:0.01#[html]<b>Close</b> enough ~#[plain]No}"))["N"]
    assert pi.draft.choices[0]["feedback"] == "Close enough"
    assert pi.draft.combined_feedback == {"incorrect": "No"}


def test_a_numerical_question_without_feedback_is_written_as_before():
    pi = _drafts(read_gift("::N::Pi? {#3.14:0.01}"))["N"]
    assert "{#3.14:0.01 ####" in write_gift("t", [_export(pi)])


@pytest.mark.parametrize(
    ("answer", "score", "said"),
    [
        ("3.14", 1.0, ["Close enough."]),
        ("3,145", 1.0, ["Close enough."]),
        ("3.14 rad", 1.0, ["Close enough."]),  # in its unit
        ("3.3", 0.5, ["Roughly."]),
        ("22", 0.25, ["That is 22/7 before dividing by 7."]),
        ("9", 0.0, ["Completely wrong."]),  # no value accepts it: the catch-all speaks
        ("3.14 km", 0.0, ["Completely wrong."]),  # a unit the question does not list
        (None, 0.0, ["Completely wrong."]),
    ],
)
def test_the_learner_is_told_the_feedback_of_the_value_that_marked_the_number(answer, score, said):
    pi = _drafts(read_moodle_xml(FILE.read_bytes()))["Pi"].draft
    assert feedback_for(pi, answer, score) == said


def test_the_best_value_accepting_a_number_speaks_as_it_marks():
    # 3.2 lies within both 3 ± 0.5 (50 %) and 3.1 ± 0.2 (80 %): the 80 % value marks it.
    item = _drafts(read_gift("::N::Pi? {#=3.14:0.01 =%50%3:0.5#Half =%80%3.1:0.2#Most}"))["N"]
    assert feedback_for(item.draft, "3.2", 0.8) == ["Most"]


def test_a_too_long_value_feedback_is_refused_with_the_reason():
    checked = check_imported(read_gift("::N::Pi? {#=3.14#" + "x" * 4001 + "}"))
    assert checked.drafts == []
    assert "feedback has more than 4000 characters" in checked.skipped[0].reason


# --- pictures inside feedback --------------------------------------------------------------------


def _places(item) -> list[tuple[str, str, str]]:
    return [(f.name, f.alt, f.place) for f in item.files]


def test_pictures_in_every_feedback_arrive_at_the_place_they_are_shown():
    items = _drafts(read_moodle_xml(FILE.read_bytes()))
    assert _places(items["Pi"]) == [
        ("circle.png", "A circle and its diameter", "explanation"),
        ("tick.png", "A green tick", "feedback:choice:0"),
        ("cross.png", "A red cross", "feedback:incorrect"),
    ]
    assert _places(items["Capital"]) == [
        ("star.png", "A gold star", "feedback:correct"),
        ("harbour.png", "Sydney harbour", "feedback:choice:1"),
    ]
    assert all(item.changes == [] for item in items.values())  # none reported left out


def _stored(item) -> list[tuple[dict, bytes]]:
    """The item's files as an export gets them: entries at stored choice ids, with bytes."""
    entries = [
        {
            "sha256": hashlib.sha256(f.data).hexdigest(),
            "type": "image/png",
            "alt": f.alt,
            "place": f.place,
        }
        for f in item.files
    ]
    placed = at_choice_ids(entries, item.draft.choices)
    return [(entry, f.data) for entry, f in zip(placed, item.files, strict=True)]


def test_feedback_pictures_are_written_back_inside_their_feedback_and_read_again():
    items = _drafts(read_moodle_xml(FILE.read_bytes()))
    exported = [_export(item, _stored(item)) for item in items.values()]
    root = ET.fromstring(write_moodle_xml("Feedback", exported))
    pi, capital = root.findall("question[@type='numerical']") + root.findall(
        "question[@type='multichoice']"
    )
    assert len(pi.findall("generalfeedback/file")) == 1
    assert 'alt="A circle and its diameter"' in pi.findtext("generalfeedback/text")
    assert len(pi.findall("answer")[0].findall("feedback/file")) == 1
    assert len(pi.findall("answer")[3].findall("feedback/file")) == 1  # the catch-all's
    assert len(capital.findall("correctfeedback/file")) == 1
    assert len(capital.findall("answer")[1].findall("feedback/file")) == 1
    again = _drafts(read_moodle_xml(ET.tostring(root)))
    for name, item in items.items():
        back = again[name]
        assert [
            (f.data, f.alt, f.place) for f in back.files if f.place != "feedback:incorrect"
        ] == [(f.data, f.alt, f.place) for f in item.files if f.place != "feedback:incorrect"]
        assert back.changes == []
    # The catch-all's picture is written with it and with the incorrect feedback: kept once.
    assert [f.place for f in again["Pi"].files].count("feedback:incorrect") == 1


def test_feedback_pictures_are_shown_with_the_feedback_the_answer_earns():
    items = _drafts(read_moodle_xml(FILE.read_bytes()))
    pi = SimpleNamespace(**vars(items["Pi"].draft), media=[e for e, _ in _stored(items["Pi"])])
    tick = f"feedback:choice:{pi.choices[0]['id']}"
    assert feedback_media_places(pi, "3.14", 1.0) == [tick]
    assert feedback_media_places(pi, "3.3", 0.5) == []  # its feedback has no picture
    assert feedback_media_places(pi, "9", 0.0) == ["feedback:incorrect"]
    capital = items["Capital"]
    question = SimpleNamespace(**vars(capital.draft), media=[e for e, _ in _stored(capital)])
    sydney = question.choices[1]["id"]
    assert feedback_media_places(question, sydney, 0.0) == [f"feedback:choice:{sydney}"]
    assert feedback_media_places(question, question.choices[0]["id"], 1.0) == ["feedback:correct"]


def test_files_in_feedback_a_kind_does_not_keep_are_still_reported():
    # Hints are not kept: a file in one is left out, and said.
    xml = FILE.read_text().replace(
        "<defaultgrade>1.0000000</defaultgrade>",
        '<hint format="html"><text>Think.</text><file name="h.png" encoding="base64">AA==</file>'
        "</hint><defaultgrade>1.0000000</defaultgrade>",
        1,
    )
    pi = _drafts(read_moodle_xml(xml.encode()))["Pi"]
    assert any("h.png in an answer or feedback was left out" in c for c in pi.changes)
