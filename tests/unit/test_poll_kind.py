"""The poll kind: 2 to 8 distinct choices, none right; answers accepted, never graded; its
Moodle XML and GIFT forms read back as a poll."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from quizapp.core.bank import validate_question_fields
from quizapp.core.grading import Choice, GradingKey, InvalidAnswer, grade_answer
from quizapp.core.interchange.gift import read_gift, write_gift
from quizapp.core.interchange.moodle_xml import read_moodle_xml, write_moodle_xml
from quizapp.core.interchange.records import ExportQuestion
from quizapp.core.question_kinds import kind_of, ungraded_types
from quizapp.core.question_types import QuestionType


def _raise(message):
    raise ValueError(message)


def _validated(choices):
    draft: dict = {}

    def fail(message):
        raise ValueError(message)

    kind_of("poll").validate({"choices": choices}, draft, fail)
    return draft


def test_a_poll_needs_two_to_eight_distinct_choices_and_no_right_one():
    draft = _validated([{"text": "Very"}, {"text": "Not at all"}])
    assert [(c["text"], c["correct"]) for c in draft["choices"]] == [
        ("Very", False),
        ("Not at all", False),
    ]
    for bad, message in (
        ([{"text": "Only"}], "2 to 8"),
        ([{"text": f"c{i}"} for i in range(9)], "2 to 8"),
        ([{"text": "Very"}, {"text": "very"}], "duplicate"),
        ([{"text": "Very"}, {"text": ""}], "no text"),
        ([{"text": "Very", "correct": True}, {"text": "No"}], "no right answer"),
    ):
        with pytest.raises(ValueError, match=message):
            _validated(bad)


def test_a_poll_answer_is_not_graded():
    key = GradingKey(type=QuestionType.POLL, choices=(Choice("x", "Very", False),))
    grade = grade_answer(key, "x")
    assert (grade.score, grade.correct) == (0.0, False) and "Not graded" in grade.detail
    with pytest.raises(InvalidAnswer):
        grade_answer(key, "tampered")
    assert ungraded_types() == ["poll"] and not kind_of("poll").graded
    assert all(kind_of(t).graded for t in QuestionType if t != QuestionType.POLL)


def _poll():
    return SimpleNamespace(
        type="poll",
        prompt="How confident are you?",
        explanation="A check-in.",
        quote=None,
        difficulty=2,
        choices=[
            {"id": "p1", "text": "Very", "correct": False},
            {"id": "p2", "text": "Not at all", "correct": False},
        ],
        accepted=[],
        pairs=[],
        answer_bool=None,
    )


def test_moodle_xml_and_gift_carry_a_poll_back_as_a_poll():
    item = ExportQuestion(_poll(), "Energy", "poll-1")
    xml = write_moodle_xml("Pivot", [item])
    assert b'fraction="0"' in xml and b"<text>poll</text>" in xml
    (back,) = read_moodle_xml(xml).questions
    assert back.raw["type"] == "poll"
    draft = validate_question_fields(back.raw, _raise)  # what an import then saves
    assert draft.type == "poll" and not any(c["correct"] for c in draft.choices)
    assert [c["text"] for c in back.raw["choices"]] == ["Very", "Not at all"]
    (gift_back,) = read_gift(write_gift("Pivot", [item])).questions
    assert gift_back.raw["type"] == "poll"
    assert [c["text"] for c in gift_back.raw["choices"]] == ["Very", "Not at all"]
