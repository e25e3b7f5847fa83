"""Matching with a right several lefts take (frog and newt -> amphibian) and distractors (a
right no left takes: GIFT's "= -> Chat", Moodle's subquestion without text): validated,
listed once each, graded per pair, written and read back."""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest
from werkzeug.datastructures import MultiDict

from quizapp.core.bank import validate_question_fields
from quizapp.core.grading import GradingKey, InvalidAnswer, grade_answer
from quizapp.core.interchange.gift import read_gift, write_gift
from quizapp.core.interchange.moodle_xml import read_moodle_xml, write_moodle_xml
from quizapp.core.interchange.records import ExportQuestion
from quizapp.core.question_kinds import describe_key, kind_of, slot_order
from quizapp.core.question_kinds.base import FormAnswerError
from quizapp.core.question_types import QuestionType

PAIRS = [["frog", "amphibian"], ["newt", "amphibian"], ["trout", "fish"], ["", "bird"]]


def _raise(message):
    raise ValueError(message)


def _draft(pairs):
    return validate_question_fields(
        {"type": "matching", "prompt": "Match.", "explanation": "Classes.", "pairs": pairs},
        _raise,
    )


def _question(pairs=PAIRS):
    return SimpleNamespace(
        type="matching",
        prompt="Match each animal to its class.",
        explanation="Classes of animals.",
        quote=None,
        difficulty=2,
        choices=[],
        accepted=[],
        pairs=[list(p) for p in pairs],
        answer_bool=None,
    )


def test_rights_may_repeat_and_a_pair_without_left_is_a_distractor():
    assert _draft(PAIRS).pairs == PAIRS
    for pairs, message in (
        ([["frog", "amphibian"], ["", "bird"]], "at least two"),
        ([["frog", "amphibian"], ["Frog", "fish"]], "duplicate"),
        ([["frog", "amphibian"], ["trout", "fish"], ["", "fish"]], "distractor"),
        ([["frog", "amphibian"], ["trout", "fish"], ["", "bird"], ["", "Bird"]], "distractor"),
        ([["frog", "amphibian"], ["trout", ""]], "no right side"),
    ):
        with pytest.raises(ValueError, match=message):
            _draft(pairs)


def test_graded_per_pair_with_a_shared_right_and_a_distractor():
    key = GradingKey(type=QuestionType.MATCHING, pairs=tuple(tuple(p) for p in PAIRS))
    right = {"frog": "amphibian", "newt": "amphibian", "trout": "fish"}
    assert grade_answer(key, right).correct
    half = grade_answer(key, {"frog": "amphibian", "newt": "bird", "trout": "amphibian"})
    assert half.score == pytest.approx(1 / 3) and half.detail == "1 of 3 pairs right"
    with pytest.raises(InvalidAnswer):
        grade_answer(key, {"": "bird"})  # a distractor has no row to answer
    with pytest.raises(InvalidAnswer):
        grade_answer(key, {"frog": "reptile"})


def test_the_options_list_each_distinct_right_once_and_rows_skip_distractors():
    kind = kind_of("matching")
    question = _question()
    order = slot_order(question, random.Random(3), shuffle=False)
    assert sorted(question.pairs[int(i)][1] for i in order) == ["amphibian", "bird", "fish"]
    form = MultiDict({"match-0": "amphibian", "match-1": "bird", "match-2": "fish"})
    assert kind.answer_from_form(question, form) == {
        "frog": "amphibian",
        "newt": "bird",
        "trout": "fish",
    }
    with pytest.raises(FormAnswerError):
        kind.answer_from_form(question, MultiDict({"match-0": "reptile"}))
    assert describe_key(question) == (
        "frog → amphibian; newt → amphibian; trout → fish; also listed: bird"
    )


def test_a_teacher_types_a_distractor_as_a_pair_without_left():
    raw = kind_of("matching").raw_from_authoring(
        SimpleNamespace(pairs="frog | amphibian\nnewt | amphibian\ntrout | fish\n| bird"), _raise
    )
    assert _draft(raw["pairs"]).pairs == PAIRS


def test_moodle_xml_round_trip_keeps_shared_rights_and_distractors():
    xml = write_moodle_xml("Animals", [ExportQuestion(_question(), "Animals", "m-1")])
    (back,) = read_moodle_xml(xml).questions
    assert _draft(back.raw["pairs"]).pairs == PAIRS


def test_moodle_subquestion_without_text_is_a_distractor():
    xml = b"""<?xml version="1.0"?><quiz><question type="matching">
      <name><text>Pets</text></name>
      <questiontext format="html"><text>Match.</text></questiontext>
      <generalfeedback format="html"><text>So.</text></generalfeedback>
      <subquestion format="html"><text>Dog</text><answer><text>Chien</text></answer></subquestion>
      <subquestion format="html"><text>Horse</text><answer><text>Cheval</text></answer>
      </subquestion>
      <subquestion format="html"><text></text><answer><text>Chat</text></answer></subquestion>
    </question></quiz>"""
    (back,) = read_moodle_xml(xml).questions
    draft = validate_question_fields(back.raw, _raise)
    assert draft.pairs == [["Dog", "Chien"], ["Horse", "Cheval"], ["", "Chat"]]


def test_gift_extra_answer_is_a_distractor_and_is_written_back():
    text = "::pets::Match. {=Dog -> Chien =Horse -> Cheval = -> Chat ####So.}\n"
    (back,) = read_gift(text).questions
    assert _draft(back.raw["pairs"]).pairs == [["Dog", "Chien"], ["Horse", "Cheval"], ["", "Chat"]]
    written = write_gift("Animals", [ExportQuestion(_question(), "Animals", "m-1")])
    assert "= -> bird" in written and written.count("-> amphibian") == 2
    (again,) = read_gift(written).questions
    assert _draft(again.raw["pairs"]).pairs == PAIRS
