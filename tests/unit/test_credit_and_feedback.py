"""Credit and feedback as a Moodle or GIFT file wrote them: per-choice fractions, partial
alternatives in a single choice, penalties, per-choice and combined feedback; read, graded,
shown and written back."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from quizapp.core.grading import Choice, GradingKey, grade_answer
from quizapp.core.interchange.drafts import check_imported
from quizapp.core.interchange.gift import read_gift, write_gift
from quizapp.core.interchange.moodle_xml import read_moodle_xml, write_moodle_xml
from quizapp.core.interchange.records import (
    ANSWER_FEEDBACK_LEFT_OUT,
    ExportQuestion,
)
from quizapp.core.question_kinds import feedback_for
from quizapp.core.question_kinds.typed_gap import KEPT_AS_ONE_GAP
from quizapp.core.question_types import QuestionType


def _one(parsed):
    checked = check_imported(parsed)
    assert checked.skipped == [], checked.skipped
    [item] = checked.drafts
    return item.draft, checked


def _key(draft) -> GradingKey:
    return GradingKey(
        type=QuestionType(draft.type),
        choices=tuple(
            Choice(c["id"], c["text"], c["correct"], c.get("fraction")) for c in draft.choices
        ),
    )


def _moodle(body: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?><quiz>{body}</quiz>'.encode()


def _answer(fraction: str, text: str, feedback: str = "") -> str:
    return (
        f'<answer fraction="{fraction}" format="html"><text>{text}</text>'
        f"<feedback><text>{feedback}</text></feedback></answer>"
    )


PARTIAL_SINGLE = _moodle(
    '<question type="multichoice"><name><text>Capital</text></name>'
    "<questiontext><text>The capital of Australia?</text></questiontext>"
    "<single>true</single>"
    + _answer("100", "Canberra", "Yes, since 1913.")
    + _answer("80", "Melbourne", "It was the seat until 1927.")
    + _answer("75", "Sydney", "The largest city, not the capital.")
    + _answer("0", "Perth")
    + "<correctfeedback><text>Well done.</text></correctfeedback>"
    "<partiallycorrectfeedback><text>Close.</text></partiallycorrectfeedback>"
    "<incorrectfeedback><text>Look again at the map.</text></incorrectfeedback>"
    "</question>"
)

MULTI_ZERO_WRONG = _moodle(
    '<question type="multichoice"><name><text>Primes</text></name>'
    "<questiontext><text>Which are prime?</text></questiontext><single>false</single>"
    + _answer("50", "2", "The only even prime.")
    + _answer("50", "3")
    + _answer("0", "4", "2 times 2.")
    + _answer("0", "6")
    + "</question>"
)


# --- the reported bugs --------------------------------------------------------------------------


def test_gift_single_answer_with_partial_credit_stays_a_single_choice():
    draft, _ = _one(
        read_gift("Capital of Australia? {=Canberra ~%50%Sydney ~%25%Melbourne ~Perth}")
    )
    assert draft.type == "single_choice"
    assert [c["correct"] for c in draft.choices] == [True, False, False, False]
    assert [c.get("fraction") for c in draft.choices] == [1.0, 0.5, 0.25, 0.0]
    key = _key(draft)
    assert grade_answer(key, "b").score == 0.5 and not grade_answer(key, "b").correct
    assert grade_answer(key, "c").score == 0.25
    assert grade_answer(key, "a").correct and grade_answer(key, "d").score == 0


def test_moodle_partial_alternatives_are_kept():
    draft, _ = _one(read_moodle_xml(PARTIAL_SINGLE))
    assert draft.type == "single_choice"
    assert [c.get("fraction") for c in draft.choices] == [1.0, 0.8, 0.75, 0.0]
    assert grade_answer(_key(draft), "b").score == pytest.approx(0.8)
    assert grade_answer(_key(draft), "c").score == pytest.approx(0.75)


def test_moodle_zero_percent_wrong_choices_stay_zero():
    draft, _ = _one(read_moodle_xml(MULTI_ZERO_WRONG))
    assert draft.type == "multiple_select"
    assert [c.get("fraction") for c in draft.choices] == [0.5, 0.5, 0.0, 0.0]
    key = _key(draft)
    assert grade_answer(key, ["a", "b", "c"]).correct  # a 0 % pick costs nothing
    exported = write_moodle_xml("a", [ExportQuestion(draft, "t", "n")]).decode()
    assert exported.count('fraction="0"') == 2 and "-50" not in exported


def test_moodle_answer_and_combined_feedbacks_are_kept():
    draft, _ = _one(read_moodle_xml(PARTIAL_SINGLE))
    assert [c.get("feedback") for c in draft.choices] == [
        "Yes, since 1913.",
        "It was the seat until 1927.",
        "The largest city, not the capital.",
        None,
    ]
    assert draft.combined_feedback == {
        "correct": "Well done.",
        "partial": "Close.",
        "incorrect": "Look again at the map.",
    }


def test_gift_feedback_on_each_choice_is_kept():
    draft, _ = _one(read_gift("Who? {=no one#Right! ~Grant#He is, but not alone. ~%-25%Lee}"))
    assert [c.get("feedback") for c in draft.choices] == [
        "Right!",
        "He is, but not alone.",
        None,
    ]
    assert draft.choices[2]["fraction"] == -0.25


# --- grading ------------------------------------------------------------------------------------


def test_a_negative_single_choice_scores_zero_not_below():
    draft, _ = _one(read_gift("Q? {=right ~%-50%very wrong ~wrong}"))
    grade = grade_answer(_key(draft), "b")
    assert (grade.score, grade.correct) == (0.0, False)


def test_multiple_select_with_penalties_sums_and_holds_at_zero():
    draft, _ = _one(read_gift("Q? {~%33.33333%a ~%33.33333%b ~%33.33334%c ~%-100%d ~%-25%e ~f}"))
    key = _key(draft)
    assert grade_answer(key, ["a", "b", "c"]).correct  # three thirds make full marks
    assert grade_answer(key, ["a", "e"]).score == pytest.approx(0.0833333, abs=1e-6)
    assert grade_answer(key, ["a", "b", "d"]).score == 0.0
    assert grade_answer(key, ["a", "b", "c", "f"]).correct


def test_questions_without_written_fractions_grade_as_before():
    key = GradingKey(
        type=QuestionType.MULTIPLE_SELECT,
        choices=(Choice("a", "A", True), Choice("b", "B", True), Choice("c", "C", False)),
    )
    assert grade_answer(key, ["a", "c"]).score == 0.0  # right minus wrong, as ever
    assert grade_answer(key, ["a"]).score == 0.5


def test_fractions_that_say_no_more_than_the_ticks_are_not_stored():
    draft, _ = _one(read_gift("Q? {=a ~b ~c}"))
    assert all("fraction" not in c for c in draft.choices)
    draft, _ = _one(read_gift("Q? {~%50%a ~%50%b ~%-100%c}"))  # the app's own grading
    assert all("fraction" not in c for c in draft.choices)


def test_right_choices_not_adding_up_to_full_marks_are_skipped_with_the_reason():
    checked = check_imported(read_gift("::Half::Q? {~%25%a ~%25%b ~c}"))
    assert checked.drafts == []
    assert "50 % together, not 100 %" in checked.skipped[0].reason


# --- shown after an answer ----------------------------------------------------------------------


def test_feedback_after_an_answer_is_the_choice_then_the_combined_feedback():
    draft, _ = _one(read_moodle_xml(PARTIAL_SINGLE))
    assert feedback_for(draft, "b", 0.8) == ["It was the seat until 1927.", "Close."]
    assert feedback_for(draft, "a", 1.0) == ["Yes, since 1913.", "Well done."]
    assert feedback_for(draft, "d", 0.0) == ["Look again at the map."]
    assert feedback_for(draft, None, 0.0) == ["Look again at the map."]


def test_multiple_select_shows_the_feedback_of_every_picked_choice():
    draft, _ = _one(read_moodle_xml(MULTI_ZERO_WRONG))
    assert feedback_for(draft, ["a", "c"], 0.5) == ["The only even prime.", "2 times 2."]


# --- written back -------------------------------------------------------------------------------


def _as_export(draft) -> ExportQuestion:
    fields = {name: getattr(draft, name) for name in draft.__dataclass_fields__}
    return ExportQuestion(SimpleNamespace(**fields), "Topic", "q")


def _credit(draft) -> list[tuple]:
    return [(c["text"], c["correct"], c.get("fraction"), c.get("feedback")) for c in draft.choices]


@pytest.mark.parametrize(
    "source",
    [
        read_moodle_xml(PARTIAL_SINGLE),
        read_moodle_xml(MULTI_ZERO_WRONG),
        read_gift("Q? {=no one#Right! ~%50%Grant#Half. ~%-25%Lee#Never.}"),
        read_gift("Q? {~%50%a#One. ~%50%b ~%-33.33333%c#Wrong. ~d}"),
    ],
    ids=["moodle-single", "moodle-multi", "gift-single", "gift-multi"],
)
def test_moodle_xml_round_trip_keeps_fractions_and_feedbacks(source):
    original, _ = _one(source)
    again, _ = _one(read_moodle_xml(write_moodle_xml("a", [_as_export(original)])))
    assert again.type == original.type
    assert _credit(again) == _credit(original)
    assert again.combined_feedback == original.combined_feedback


@pytest.mark.parametrize(
    "source",
    [
        read_moodle_xml(PARTIAL_SINGLE),
        read_moodle_xml(MULTI_ZERO_WRONG),
        read_gift("Q? {=no one#Right! ~%50%Grant#Half \\# \\= ~%-25%Lee#Never.}"),
    ],
    ids=["moodle-single", "moodle-multi", "gift-single"],
)
def test_gift_round_trip_keeps_fractions_and_feedbacks(source):
    original, _ = _one(source)
    again, _ = _one(read_gift(write_gift("a", [_as_export(original)])))
    assert again.type == original.type
    assert _credit(again) == _credit(original)


def test_gift_writes_partial_alternatives_as_moodle_reads_them():
    draft, _ = _one(read_moodle_xml(PARTIAL_SINGLE))
    written = write_gift("a", [_as_export(draft)])
    assert "{=Canberra#Yes, since 1913. ~%80%Melbourne#" in written
    assert "~%75%Sydney#" in written and "~Perth" in written


def test_moodle_xml_writes_each_feedback_where_moodle_reads_it():
    draft, _ = _one(read_moodle_xml(PARTIAL_SINGLE))
    written = write_moodle_xml("a", [_as_export(draft)]).decode()
    assert '<answer format="html" fraction="80">' in written
    assert "<text>&lt;p&gt;It was the seat until 1927.&lt;/p&gt;</text>" in written
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        assert f"<{tag} " in written


# --- nothing silent -----------------------------------------------------------------------------


def test_feedback_a_kind_cannot_keep_is_listed_as_changed():
    # A poll marks no answer, so it keeps no feedback per choice (numerical questions keep
    # theirs: tests/unit/test_numerical_feedback.py; a short answer with feedback is kept as a
    # cloze question of one gap: tests/unit/test_typed_gap.py).
    _, checked = _one(read_gift("::P::Favourite colour? {~Red#Warm. ~Blue}"))
    assert [(c.name, c.change) for c in checked.changed] == [("P", ANSWER_FEEDBACK_LEFT_OUT)]


def test_true_false_feedback_on_its_answers_is_its_correct_and_incorrect_feedback():
    # GIFT: "{FALSE#shown when wrong#shown when right}", as Moodle reads it.
    draft, checked = _one(
        read_gift("::TF::Grant is buried in Grant's tomb.{FALSE#Not buried.#Right}")
    )
    assert checked.changed == []
    assert draft.combined_feedback == {"incorrect": "Not buried.", "correct": "Right"}
    xml = _moodle(
        '<question type="truefalse"><name><text>TF</text></name>'
        "<questiontext><text>Paris is in France.</text></questiontext>"
        + _answer("100", "true", "Yes.")
        + _answer("0", "false", "It is.")
        + "</question>"
    )
    draft, checked = _one(read_moodle_xml(xml))
    assert checked.changed == []
    assert draft.combined_feedback == {"correct": "Yes.", "incorrect": "It is."}
    assert feedback_for(draft, False, 0.0) == ["It is."]
    # Written back on the answers, as Moodle keeps them, and read again the same.
    item = SimpleNamespace(
        question=draft, path=("T",), name="TF", key=None, files=(), topic="T", topic_path=()
    )
    again, _ = _one(read_moodle_xml(write_moodle_xml("A", [item])))
    assert again.combined_feedback == draft.combined_feedback
    again, _ = _one(read_gift(write_gift("A", [item])))
    assert again.combined_feedback == draft.combined_feedback


def test_questions_that_lose_nothing_list_no_change():
    _, checked = _one(read_moodle_xml(PARTIAL_SINGLE))
    assert checked.changed == []


def test_typed_answers_worth_part_of_the_mark_are_kept_and_listed_as_changed():
    draft, checked = _one(
        read_gift("::SA::Who's buried in Grant's tomb?{=no one =nobody =%50%somebody}")
    )
    assert draft.type == "cloze_gaps"
    assert [c.change for c in checked.changed] == [KEPT_AS_ONE_GAP]


def test_the_documentation_files_keep_or_list_every_feedback_and_part_mark():
    files = Path(__file__).parent / "interchange_files"
    checked = check_imported(read_moodle_xml((files / "moodle_docs.xml").read_bytes()))
    by_name = {item.name: item.draft for item in checked.drafts}
    assert [c.get("feedback") for c in by_name["Name of question"].choices] == [
        "Correct!",
        "Ooops!",
        None,
    ]
    changed = {(c.name, c.change) for c in checked.changed}
    assert changed == {("SA", KEPT_AS_ONE_GAP)}
    assert by_name["TF"].combined_feedback == {"correct": "Yes.", "incorrect": "No."}
    checked = check_imported(read_gift((files / "moodle_docs.gift").read_text()))
    tomb = checked.drafts[0].draft
    assert [c.get("feedback") for c in tomb.choices] == [None, None, "Right!"]
    # {FALSE#Not buried.#Right, entombed.} keeps both as its incorrect and correct feedback.
    assert [c.name for c in checked.changed] == ["question at line 11"]  # =%50%somebody


def test_gift_with_two_unweighted_right_answers_stays_a_multiple_select_graded_by_ticks():
    draft, _ = _one(read_gift("Which are in Europe? {=France =Spain ~Peru}"))
    assert draft.type == "multiple_select"
    assert [c["correct"] for c in draft.choices] == [True, True, False]
    assert all("fraction" not in c for c in draft.choices)
