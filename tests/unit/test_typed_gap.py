"""A typed answer a file marks in parts (a Moodle ``shortanswer`` or a GIFT short answer with
"=%50%" answers or "#feedback") is kept as a cloze question of one gap: each answer's part of
the mark and feedback, and Moodle's ``usecase``, kept, marked and written back; a short answer
with only full-mark answers and no feedback stays a short answer."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from quizapp.core.grading import Choice, GradingKey, grade_answer
from quizapp.core.interchange.drafts import check_imported
from quizapp.core.interchange.gift import NOT_CARRIED, read_gift, write_gift
from quizapp.core.interchange.moodle_xml import read_moodle_xml, write_moodle_xml
from quizapp.core.interchange.records import ExportQuestion, partial_answers_left_out
from quizapp.core.question_kinds import feedback_for
from quizapp.core.question_kinds.typed_gap import KEPT_AS_ONE_GAP
from quizapp.core.question_types import QuestionType


def _one(parsed):
    checked = check_imported(parsed)
    assert checked.skipped == [], checked.skipped
    [item] = checked.drafts
    return item.draft, [c.change for c in checked.changed]


def _key(draft) -> GradingKey:
    return GradingKey(
        type=QuestionType.CLOZE,
        choices=tuple(Choice(c["id"], c["text"], True, gap=c["gap"]) for c in draft.choices),
    )


def _score(draft, given: str) -> float:
    return grade_answer(_key(draft), {draft.choices[0]["id"]: given}).score


def _moodle(answers: str, usecase: str = "0", text: str = "Capital of France?") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><quiz><question type="shortanswer">'
        f"<name><text>SA</text></name><questiontext><text>{text}</text></questiontext>"
        f"<usecase>{usecase}</usecase>{answers}</question></quiz>"
    ).encode()


def _answer(fraction: str, text: str, feedback: str = "") -> str:
    return (
        f'<answer fraction="{fraction}"><text>{text}</text>'
        f"<feedback><text>{feedback}</text></feedback></answer>"
    )


def test_gift_answers_worth_half_the_mark_are_kept_and_marked():
    draft, changes = _one(read_gift("::SA::Capital of France? {=Paris =%50%Lutetia#Its old name}"))
    assert (draft.type, draft.prompt) == ("cloze_gaps", "Capital of France? _____")
    assert draft.choices[0]["gap"] == {
        "type": "SHORTANSWER",
        "weight": 1,
        "answers": [
            {"text": "Paris", "fraction": 1.0},
            {"text": "Lutetia", "fraction": 0.5, "feedback": "Its old name"},
        ],
    }
    assert changes == [KEPT_AS_ONE_GAP]
    assert _score(draft, "paris") == 1.0  # GIFT has no case: not case-sensitive
    assert _score(draft, "Lutetia") == pytest.approx(0.5)
    assert _score(draft, "Lyon") == 0.0
    said = feedback_for(draft, {draft.choices[0]["id"]: "Lutetia"}, 0.5)
    assert any("Its old name" in line for line in said)


def test_a_gift_gap_goes_where_the_braces_were_when_text_follows_them():
    draft, _ = _one(read_gift("The {=Seine =%50%Loire#Longer, but not here} runs through Paris."))
    assert draft.prompt == "The _____ runs through Paris."
    assert [a["fraction"] for a in draft.choices[0]["gap"]["answers"]] == [1.0, 0.5]


def test_gift_feedback_alone_makes_a_one_gap_question():
    draft, changes = _one(read_gift("Capital of France? {=Paris#On the Seine.}"))
    assert draft.type == "cloze_gaps"
    assert draft.choices[0]["gap"]["answers"] == [
        {"text": "Paris", "fraction": 1.0, "feedback": "On the Seine."}
    ]
    assert changes == [KEPT_AS_ONE_GAP]


@pytest.mark.parametrize(
    "text",
    ["Capital of France? {=Paris =Paname}", "The {=Seine} runs through Paris."],
)
def test_a_plain_gift_short_answer_stays_a_typed_answer(text):
    draft, changes = _one(read_gift(text))
    assert draft.type in ("short_answer", "fill_blank") and changes == []


def test_a_gift_short_answer_with_no_full_mark_answer_stays_and_says_what_it_lost():
    # No answer is worth full marks: a gap cannot be asked, so it stays a short answer and the
    # report names the part-mark answer it could not keep.
    parsed = read_gift("Capital of France? {=%50%Lutetia}")
    [question] = parsed.questions
    assert question.raw["type"] == "short_answer"
    assert question.changes == [partial_answers_left_out(["Lutetia"])]


def test_moodle_usecase_makes_a_case_sensitive_gap():
    xml = _moodle(_answer("100", "Paris") + _answer("50", "paris", "Mind the capital"), "1")
    draft, changes = _one(read_moodle_xml(xml))
    gap = draft.choices[0]["gap"]
    assert (gap["type"], draft.prompt) == ("SHORTANSWER_C", "Capital of France? _____")
    assert changes == [KEPT_AS_ONE_GAP]
    assert _score(draft, "Paris") == 1.0
    assert _score(draft, "paris") == pytest.approx(0.5)


def test_a_plain_moodle_short_answer_stays_a_short_answer():
    draft, changes = _one(read_moodle_xml(_moodle(_answer("100", "Paris"))))
    assert (draft.type, draft.accepted, changes) == ("short_answer", ["Paris"], [])


def test_a_moodle_line_of_underscores_is_where_the_gap_goes_and_it_round_trips():
    xml = _moodle(
        _answer("100", "frog", "Good.") + _answer("80", "toad") + _answer("0", "*", "No."),
        text="Name an amphibian: __________ (one word)",
    )
    draft, _ = _one(read_moodle_xml(xml))
    assert draft.prompt == "Name an amphibian: _____ (one word)"
    fields = {name: getattr(draft, name) for name in draft.__dataclass_fields__}
    written = write_moodle_xml("a", [ExportQuestion(SimpleNamespace(**fields), "T", "amphibian")])
    assert b'type="cloze"' in written
    again, changes = _one(read_moodle_xml(written))
    assert changes == []
    assert (again.type, again.prompt) == (draft.type, draft.prompt)
    assert again.choices[0]["gap"] == draft.choices[0]["gap"]
    assert _score(again, "toad") == pytest.approx(0.8)


def _export(draft, name: str = "q") -> ExportQuestion:
    fields = {field: getattr(draft, field) for field in draft.__dataclass_fields__}
    return ExportQuestion(SimpleNamespace(**fields), "T", name)


@pytest.mark.parametrize(
    "text",
    [
        "Capital of France? {=Paris =%50%Lutetia#Its old name =%0%*#Not a capital}",
        "The {=Seine =%50%Loire#Longer, but not here} runs through Paris.",
    ],
)
def test_a_one_gap_question_from_gift_is_written_back_to_gift_the_same(text):
    draft, _ = _one(read_gift(text))
    written = write_gift("a", [_export(draft)])
    assert NOT_CARRIED not in written
    again, _ = _one(read_gift(written))
    assert (again.type, again.prompt) == (draft.type, draft.prompt)
    assert again.choices[0]["gap"] == draft.choices[0]["gap"]


def test_a_case_sensitive_gap_is_not_carried_by_gift_and_says_so():
    xml = _moodle(_answer("100", "Paris") + _answer("50", "paris"), "1")
    draft, _ = _one(read_moodle_xml(xml))
    written = write_gift("a", [_export(draft, "capital")])
    assert f"{NOT_CARRIED}capital: " in written and "Paris" not in written
