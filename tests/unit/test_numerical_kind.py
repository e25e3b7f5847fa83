"""The numerical kind: values with a tolerance and a credit, optional units with a multiplier,
a decimal comma; Moodle XML and GIFT ({#…} in its three shapes) read and written back."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from quizapp.core.bank import validate_question_fields
from quizapp.core.grading import Choice, GradingKey, InvalidAnswer, grade_answer
from quizapp.core.interchange.gift import read_gift, write_gift
from quizapp.core.interchange.moodle_xml import read_moodle_xml, write_moodle_xml
from quizapp.core.interchange.records import ExportQuestion
from quizapp.core.question_kinds import describe_key, kind_of
from quizapp.core.question_kinds.base import FormAnswerError
from quizapp.core.question_kinds.numbers import NotANumber, parse_number, read_answer_text
from quizapp.core.question_types import QuestionType


def _raise(message):
    raise ValueError(message)


def _key(units=(("m", "1"), ("cm", "100"))) -> GradingKey:
    return GradingKey(
        type=QuestionType.NUMERICAL,
        choices=(
            Choice("a", "3.14", True, 1.0, value=3.14, tolerance=0.01),
            Choice("b", "3.1", False, 0.5, value=3.1, tolerance=0.1),
        ),
        pairs=tuple(units),
    )


@pytest.mark.parametrize(
    ("answer", "score"),
    [
        ("3.14", 1.0),
        ("3.15", 1.0),  # at the edge of the tolerance
        ("3.135", 1.0),
        ("3,14", 1.0),  # a decimal comma
        ("3.16", 0.5),  # outside the first value's tolerance, inside the half-credit one's
        ("3.0", 0.5),
        ("3.21", 0.0),
        ("-3.14", 0.0),
        ("314 cm", 1.0),  # a unit with its multiplier
        ("314cm", 1.0),
        ("3.14 m", 1.0),
        ("3.14 cm", 0.0),
        ("3.14 km", 0.0),  # a unit the question does not list is wrong, not refused
        ("3.14 CM", 0.0),  # units are exact: "m" and "M" are different units
        ("314e-2", 1.0),
    ],
)
def test_a_number_is_right_within_the_tolerance_of_an_accepted_value(answer, score):
    assert grade_answer(_key(), answer).score == score


def test_a_unit_answer_needs_the_question_to_list_the_unit():
    assert grade_answer(_key(units=()), "3.14 m").score == 0.0
    assert "Unknown unit" in grade_answer(_key(units=()), "3.14 m").detail
    assert grade_answer(_key(units=()), "3.14").correct


def test_text_that_is_no_number_is_refused_by_grader_and_form():
    with pytest.raises(InvalidAnswer):
        grade_answer(_key(), "pi")
    with pytest.raises(InvalidAnswer):
        grade_answer(_key(), 3.14)
    kind = kind_of("numerical")
    question = SimpleNamespace(pairs=[])
    with pytest.raises(FormAnswerError, match="not a number"):
        kind.answer_from_form(question, {"answer": "three"})
    assert kind.answer_from_form(question, {"answer": " 3,14 "}) == "3,14"
    assert kind.answer_from_form(question, {"answer": "  "}) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("3,14", 3.14), ("-2", -2.0), ("\u22122", -2.0), (".5", 0.5), ("1e3", 1000.0)],
)
def test_numbers_are_read_as_people_write_them(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "nan", "inf", "1e999", "3.1.4", "1,234.5"])
def test_what_is_no_number(text):
    with pytest.raises(NotANumber):
        parse_number(text)


def test_the_three_gift_answer_shapes():
    assert read_answer_text("3.14:0.01") == read_answer_text("3.14:0.01")
    exact = read_answer_text("3.14:0.01")
    assert (exact.value, exact.tolerance, exact.fraction) == (3.14, 0.01, 1.0)
    span = read_answer_text("1..5")
    assert (span.value, span.tolerance) == (3.0, 2.0)
    half = read_answer_text("%50%3.1:0.1")
    assert (half.value, half.tolerance, half.fraction) == (3.1, 0.1, 0.5)


def _validated(raw: dict):
    return validate_question_fields(
        {"type": "numerical", "prompt": "How long?", "explanation": "So long.", **raw}, _raise
    )


def test_validation_needs_a_full_marks_value_and_real_numbers_and_units():
    draft = _validated({"choices": [{"value": "3,14", "tolerance": "0.01"}]})
    assert draft.choices == [
        {
            "id": "a",
            "text": "3.14",
            "correct": True,
            "fraction": 1.0,
            "value": 3.14,
            "tolerance": 0.01,
        },
    ]
    assert draft.accepted == [] and draft.pairs == []
    for raw, message in (
        ({"choices": []}, "at least one"),
        ({"choices": [{"value": "pi"}]}, "not a number"),
        ({"choices": [{"value": 3, "fraction": 0.5}]}, "full marks"),
        ({"choices": [{"value": 3, "fraction": 2}]}, "not a number"),
        ({"choices": [{"value": 3}], "pairs": [["m", "1"], ["m", "2"]]}, "twice"),
        ({"choices": [{"value": 3}], "pairs": [["m", "0"]]}, "not a number"),
        ({"choices": [{"value": 3}], "pairs": [["", "1"]]}, "not a number"),
    ):
        with pytest.raises(ValueError, match=message):
            _validated(raw)


def test_a_teachers_lines_become_values_and_units_and_come_back():
    kind = kind_of("numerical")
    fields = SimpleNamespace(accepted="3.14:0.01\n%50%3.1:0.1\nunit: m\nunit: cm = 100\n")
    raw = kind.raw_from_authoring(fields, _raise)
    draft = _validated(raw)
    assert [(c["value"], c["tolerance"], c["fraction"]) for c in draft.choices] == [
        (3.14, 0.01, 1.0),
        (3.1, 0.1, 0.5),
    ]
    assert draft.pairs == [["m", "1"], ["cm", "100"]]
    text = kind.authoring_text(draft)["accepted"]
    assert text == "3.14:0.01\n%50%3.1:0.1\nunit: m = 1\nunit: cm = 100"
    with pytest.raises(ValueError, match="not a number"):
        kind.raw_from_authoring(SimpleNamespace(accepted="three"), _raise)


def _question(**overrides):
    draft = _validated(
        {
            "choices": [
                {"value": 3.14, "tolerance": 0.01},
                {"value": 3.1, "tolerance": 0.1, "fraction": 0.5},
            ],
            "pairs": [["m", "1"], ["cm", "100"]],
            **overrides,
        }
    )
    return SimpleNamespace(
        type="numerical",
        prompt=draft.prompt,
        explanation=draft.explanation,
        quote=None,
        difficulty=2,
        choices=draft.choices,
        accepted=[],
        pairs=draft.pairs,
        answer_bool=None,
    )


def test_the_key_in_words():
    assert describe_key(_question()) == "3.14 ± 0.01, or 3.1 ± 0.1 (50 %) m (= 314 cm)"


def test_a_value_worth_nothing_is_no_part_of_the_key():
    """It is there for its feedback ("9 is the planets before 2006"); "8, or 9 (0 %)" read as if
    9 were accepted too, tried as a new user would."""
    question = _question(
        choices=[
            {"value": 8, "tolerance": 0},
            {"value": 9, "tolerance": 0, "fraction": 0, "feedback": "Pluto is no planet now."},
        ],
        pairs=[],
    )
    assert describe_key(question) == "8"


def _same_fields(back_raw: dict, question) -> None:
    """Field by field: what an import of the written file saves is the question written."""
    draft = validate_question_fields(back_raw, _raise)
    assert draft.type == "numerical"
    assert draft.prompt == question.prompt
    assert draft.choices == question.choices
    assert draft.pairs == question.pairs


def test_moodle_xml_round_trip_keeps_values_tolerances_credits_and_units():
    question = _question()
    xml = write_moodle_xml("Rods", [ExportQuestion(question, "Rods", "rod-1")])
    assert b'<question type="numerical">' in xml and b"<tolerance>0.01</tolerance>" in xml
    assert b"<unit_name>cm</unit_name>" in xml and b'fraction="50"' in xml
    (back,) = read_moodle_xml(xml).questions
    assert back.raw["type"] == "numerical" and back.changes == []
    _same_fields(back.raw, question)


def test_moodle_numerical_as_moodle_writes_it():
    xml = b"""<?xml version="1.0"?><quiz><question type="numerical">
      <name><text>Pi</text></name>
      <questiontext format="html"><text>&lt;p&gt;Pi?&lt;/p&gt;</text></questiontext>
      <generalfeedback format="html"><text>Half a turn.</text></generalfeedback>
      <answer fraction="100" format="moodle_auto_format"><text>3.14</text>
        <feedback format="html"><text>Yes</text></feedback><tolerance>0.01</tolerance></answer>
      <answer fraction="0" format="moodle_auto_format"><text>*</text><tolerance>0</tolerance>
      </answer>
      <units><unit><multiplier>1</multiplier><unit_name>rad</unit_name></unit></units>
    </question></quiz>"""
    (back,) = read_moodle_xml(xml).questions
    draft = validate_question_fields(back.raw, _raise)
    assert [(c["value"], c["tolerance"]) for c in draft.choices] == [(3.14, 0.01)]
    assert draft.pairs == [["rad", "1"]]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("#3.14:0.01", [(3.14, 0.01, 1.0)]),
        ("#1..5", [(3.0, 2.0, 1.0)]),
        ("#=3.14:0.01 =%50%3.1:0.1", [(3.14, 0.01, 1.0), (3.1, 0.1, 0.5)]),
        ("#=1822:0#Right ~%50%1822:2#Close", [(1822.0, 0.0, 1.0), (1822.0, 2.0, 0.5)]),
    ],
)
def test_gift_numerical_shapes_are_read(body, expected):
    (back,) = read_gift(f"::n::When? {{{body} ####Then.}}\n").questions
    draft = validate_question_fields(back.raw, _raise)
    assert [(c["value"], c["tolerance"], c["fraction"]) for c in draft.choices] == expected


def test_gift_round_trip_keeps_values_tolerances_and_credits():
    for question in (_question(pairs=[]), _question(pairs=[], choices=[{"value": -2.5}])):
        text = write_gift("Rods", [ExportQuestion(question, "Rods", "rod-1")])
        assert "{#" in text
        (back,) = read_gift(text).questions
        _same_fields(back.raw, question)
