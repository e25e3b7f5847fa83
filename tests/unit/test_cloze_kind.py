"""Multi-gap cloze questions: Moodle's embedded-answers syntax read and written, each gap marked
on its own (weights, part marks, tolerance, case), the form's answer, and the Moodle XML round
trip; GIFT leaves the question out and says so."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from quizapp.core.bank import validate_question_fields
from quizapp.core.grading import Choice, GradingKey, InvalidAnswer, grade_answer
from quizapp.core.interchange.drafts import check_imported
from quizapp.core.interchange.embedded_answers import (
    EmbeddedAnswerError,
    EmbeddedGap,
    EmbeddedText,
    GapAnswer,
    parse_embedded,
    write_embedded,
    write_gap,
)
from quizapp.core.interchange.gift import NOT_CARRIED, write_gift
from quizapp.core.interchange.moodle_xml import read_moodle_xml, write_moodle_xml
from quizapp.core.interchange.records import ExportQuestion
from quizapp.core.item_overlap import gives_away, item_facts
from quizapp.core.question_kinds import describe_answer, describe_key, feedback_for, kind_of
from quizapp.core.question_kinds.base import FormAnswerError
from quizapp.core.question_kinds.cloze import split_text
from quizapp.core.question_kinds.cloze_gaps import (
    gap_of,
    gap_problem,
    gap_results,
    gap_texts,
    layout_of,
    matched_answer,
    right_answer,
    shown_options,
    stored_gap,
)
from quizapp.core.question_types import QuestionType

TEXT = (
    "The capital of France is {1:SHORTANSWER:=Paris#Right~%50%Lutetia#Its old name}, "
    "Germany's is {2:MULTICHOICE:Bonn#Before 1990~=Berlin#Yes~Munich} and pi is "
    "{1:NUMERICAL:=3.14:0.01#Close enough~%50%3:0.2#Roughly}."
)


def _fail(message):
    raise ValueError(message)


def _question(text: str = TEXT):
    draft = validate_question_fields(
        {"type": "cloze_gaps", "prompt": text, "explanation": "Geography."}
        | kind_of("cloze_gaps").raw_from_authoring(SimpleNamespace(prompt=text), _fail),
        _fail,
    )
    return SimpleNamespace(
        type=draft.type.value,
        prompt=draft.prompt,
        explanation=draft.explanation,
        choices=draft.choices,
        accepted=draft.accepted,
        pairs=draft.pairs,
        answer_bool=None,
        quote=None,
        difficulty=2,
        combined_feedback={},
    )


def _key(question) -> GradingKey:
    return GradingKey(
        type=QuestionType.CLOZE,
        choices=tuple(Choice(c["id"], c["text"], True, gap=c["gap"]) for c in question.choices),
    )


# --- the syntax ---------------------------------------------------------------------------------


def test_the_syntax_is_read_with_weights_marks_feedback_and_tolerances():
    parsed = parse_embedded(TEXT)
    assert parsed.parts == ("The capital of France is ", ", Germany's is ", " and pi is ", ".")
    short, choice, number = parsed.gaps
    assert (short.gap_type, short.weight, short.family) == ("SHORTANSWER", 1, "short")
    assert [(a.text, a.fraction, a.feedback) for a in short.answers] == [
        ("Paris", 1.0, "Right"),
        ("Lutetia", 0.5, "Its old name"),
    ]
    assert (choice.gap_type, choice.weight, choice.family) == ("MULTICHOICE", 2, "choice")
    assert [a.fraction for a in choice.answers] == [0.0, 1.0, 0.0]
    assert [(a.text, a.tolerance, a.fraction) for a in number.answers] == [
        ("3.14", 0.01, 1.0),
        ("3", 0.2, 0.5),
    ]


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("SA", "SHORTANSWER"),
        ("MW", "SHORTANSWER"),
        ("SAC", "SHORTANSWER_C"),
        ("NM", "NUMERICAL"),
        ("MC", "MULTICHOICE"),
        ("MCV", "MULTICHOICE_V"),
        ("MCH", "MULTICHOICE_H"),
        ("MULTICHOICE_S", "MULTICHOICE_S"),
        ("MCHS", "MULTICHOICE_HS"),
    ],
)
def test_short_names_are_read_as_moodle_reads_them(written, canonical):
    [gap] = parse_embedded("{:" + written + ":=1~2}").gaps
    assert (gap.gap_type, gap.weight) == (canonical, 1)


def test_escaped_characters_are_themselves_and_written_back_escaped():
    text = r"Say {1:SA:=a\}b\~c\#d\/e#it\#s fine}!"
    parsed = parse_embedded(text)
    [answer] = parsed.gaps[0].answers
    assert (answer.text, answer.feedback) == ("a}b~c#d/e", "it#s fine")
    again = parse_embedded(write_embedded(parsed.parts, parsed.gaps))
    assert again == parsed


def test_braces_that_open_no_gap_are_text():
    parsed = parse_embedded("a {b} {1:SA:=x {2:SA:=y} {1:NOPE")
    assert [g.answers[0].text for g in parsed.gaps] == ["y"]
    assert parsed.parts == ("a {b} {1:SA:=x ", " {1:NOPE")


def test_a_text_of_many_openers_is_read_in_linear_time():
    import time

    started = time.perf_counter()
    parse_embedded("{1:SA:" * 50_000)
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("{1:MULTIRESPONSE:=a~=b}", "several options are ticked"),
        ("{1:ESSAY:=a}", "does not know"),
        ("{0:SA:=a}", "worth 0 marks"),
        ("{1:NM:=3:abc}", "tolerance is not a number"),
    ],
)
def test_gaps_the_app_cannot_hold_are_refused_with_a_reason(text, reason):
    with pytest.raises(EmbeddedAnswerError, match=reason):
        parse_embedded(text)


# --- marking ------------------------------------------------------------------------------------


def _answer(question, *given):
    return {c["id"]: text for c, text in zip(question.choices, given, strict=True) if text}


@pytest.mark.parametrize(
    ("given", "score"),
    [
        (("Paris", "Berlin", "3.14"), 1.0),
        (("paris", "Berlin", "3,145"), 1.0),  # case, a decimal comma, within the tolerance
        (("Lutetia", "Berlin", "3.14"), (0.5 + 2 + 1) / 4),  # a half-marks answer
        (("Paris", "Bonn", "3.14"), 2 / 4),  # the two-mark gap missed
        (("Paris", "Berlin", "3.1"), (1 + 2 + 0.5) / 4),  # outside 0.01, inside 3 ± 0.2
        (("Paris", "Berlin", "3.3"), 3 / 4),
        (("Paris", "Berlin", "pi"), 3 / 4),  # no number: wrong, not refused
        (("Paris", None, None), 1 / 4),  # gaps left empty earn nothing
    ],
)
def test_each_gap_is_marked_on_its_own_and_weighted(given, score):
    question = _question()
    grade = grade_answer(_key(question), _answer(question, *given))
    assert grade.score == pytest.approx(score)
    assert grade.correct is (score == 1.0)


def test_case_sensitive_gaps_and_wildcards():
    question = _question("{1:SAC:=Paris~%50%*aris}{1:SA:=*#anything}")
    key = _key(question)
    assert grade_answer(key, _answer(question, "Paris", "x")).score == 1.0
    assert grade_answer(key, _answer(question, "paris", "x")).score == pytest.approx(0.75)
    assert grade_answer(key, _answer(question, "Rome", "y")).score == pytest.approx(0.5)


def test_an_answer_no_form_could_send_is_invalid():
    question = _question()
    key = _key(question)
    with pytest.raises(InvalidAnswer):
        grade_answer(key, {"nope": "Paris"})
    with pytest.raises(InvalidAnswer):
        grade_answer(key, {question.choices[1]["id"]: "Rome"})  # not an option
    with pytest.raises(InvalidAnswer):
        grade_answer(key, "Paris")


def test_per_gap_feedback_says_marks_feedback_and_the_right_answer():
    question = _question()
    said = feedback_for(question, _answer(question, "Lutetia", "Bonn", "3.14"), 0.375)
    assert said == [
        "Gap 1 of 3: “Lutetia”, partly right (0.5 of 1 mark). Its old name. The right answer: "
        "Paris.",
        "Gap 2 of 3: “Bonn”, not right (0 of 2 marks). Before 1990. The right answer: Berlin.",
        "Gap 3 of 3: “3.14”, right (1 of 1 mark). Close enough.",
    ]
    assert describe_key(question) == "Gap 1: Paris; Gap 2: Berlin; Gap 3: 3.14 ± 0.01"
    assert describe_answer(question, _answer(question, "Paris", None, "3")) == (
        "Gap 1: Paris; Gap 2: (no answer); Gap 3: 3"
    )


def test_the_form_answer_is_read_gap_by_gap():
    question = _question()
    kind = kind_of("cloze_gaps")
    ids = [c["id"] for c in question.choices]
    form = MultiDict({"gap-0": " Paris ", "gap-1": "Berlin", "gap-2": ""})
    assert kind.answer_from_form(question, form) == {ids[0]: "Paris", ids[1]: "Berlin"}
    assert kind.answer_from_form(question, MultiDict({"gap-0": "  "})) is None
    with pytest.raises(FormAnswerError, match="Gap 2 of 3: choose one of its options"):
        kind.answer_from_form(question, MultiDict({"gap-1": "Rome"}))


def test_the_quiz_page_gets_each_gap_labelled_and_marked():
    question = _question()
    views = kind_of("cloze_gaps").gap_views(
        question, _answer(question, "Paris", "Bonn", ""), 7, True
    )
    gaps = [view for _text, view in views if view]
    assert [g["label"] for g in gaps] == ["Gap 1 of 3", "Gap 2 of 3", "Gap 3 of 3"]
    assert [g["layout"] for g in gaps] == ["input", "select", "input"]
    assert [g["outcome"] for g in gaps] == ["right", "wrong", "wrong"]
    assert gaps[1]["options"] == ["Bonn", "Berlin", "Munich"]  # as written: not a shuffled type
    assert "".join(text for text, _view in views) == question.prompt.replace("_____", "")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("No gap here.", "the text has no gap"),
        ("{1:SA:%50%Paris}", "needs an answer worth full marks"),
        ("{1:MC:=a~=a}", "lists an option twice"),
        ("{1:NM:=three}", "not a number"),
    ],
)
def test_a_teacher_is_told_what_is_wrong_with_a_gap(text, problem):
    with pytest.raises(ValueError, match=problem):
        _question(text)


# --- Moodle XML and GIFT ------------------------------------------------------------------------


def test_moodle_xml_round_trip_keeps_every_gap():
    question = _question()
    item = ExportQuestion(question, "Geography", "capitals", key="q-cloze")
    xml = write_moodle_xml("Atlas", [item])
    assert b'type="cloze"' in xml and b"{2:MULTICHOICE:" in xml
    assert b"<defaultgrade>4</defaultgrade>" in xml  # 1 + 2 + 1 marks, as Moodle adds them
    checked = check_imported(read_moodle_xml(xml))
    assert checked.skipped == []
    [imported] = checked.drafts
    assert imported.draft.type == "cloze_gaps"
    assert imported.draft.prompt == question.prompt
    assert [c["gap"] for c in imported.draft.choices] == [c["gap"] for c in question.choices]
    assert imported.changes == []


def test_a_moodle_cloze_that_cannot_be_kept_is_skipped_with_why():
    xml = (
        b'<quiz><question type="cloze"><name><text>Ticks</text></name><questiontext><text>'
        b"Pick {1:MULTIRESPONSE:=a~=b~c}</text></questiontext></question></quiz>"
    )
    parsed = read_moodle_xml(xml)
    assert parsed.questions == []
    [skipped] = parsed.skipped
    assert skipped.name == "Ticks" and "several options are ticked" in skipped.reason


def test_a_plain_single_gap_cloze_stays_a_fill_in_blank():
    xml = (
        b'<quiz><question type="cloze"><name><text>One</text></name><questiontext><text>'
        b"It is {1:SA:=Paris~=Paname}.</text></questiontext></question></quiz>"
    )
    [imported] = check_imported(read_moodle_xml(xml)).drafts
    assert (imported.draft.type, imported.draft.prompt) == ("fill_blank", "It is _____.")


def test_gift_leaves_a_cloze_out_and_says_so_in_the_file():
    question = _question()
    text = write_gift("Atlas", [ExportQuestion(question, "Geography", "capitals")])
    assert f"{NOT_CARRIED}capitals: a cloze question with several gaps was not carried" in text
    assert "{" not in text.split(NOT_CARRIED, 1)[1].splitlines()[0].split(":", 1)[0]
    assert "Paris" not in text


def test_a_pattern_of_many_stars_takes_no_time_against_a_long_answer():
    import time

    question = _question("{1:SA:=" + "*a" * 200 + "*b}")
    started = time.perf_counter()
    grade = grade_answer(_key(question), _answer(question, "a" * 1999))
    assert grade.score == 0.0 and time.perf_counter() - started < 0.5
    assert grade_answer(_key(question), _answer(question, "a" * 300 + "b")).score == 1.0


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["SHORTANSWER", "SHORTANSWER_C", "MULTICHOICE", "MULTICHOICE_HS"]),
            st.integers(1, 5),
            st.lists(
                st.tuples(st.text(min_size=1, max_size=12), st.sampled_from([1.0, 0.5, 0.0])),
                min_size=1,
                max_size=4,
            ),
            st.text(max_size=8),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_any_gaps_written_are_read_back_the_same(gaps):
    built = tuple(
        EmbeddedGap(
            kind, weight, tuple(GapAnswer(t.strip() or "x", f, fb.strip()) for t, f in answers)
        )
        for kind, weight, answers, fb in gaps
    )
    parts = ("Before ",) + tuple(f" then {i} " for i in range(len(built) - 1)) + (" end.",)
    assert parse_embedded(write_embedded(parts, built)) == EmbeddedText(parts, built)


def test_two_cloze_questions_do_not_give_each_other_away_by_their_gap_labels():
    one, two = _question(), _question("Rome is in {1:SA:=Italy}; Madrid in {1:MC:=Spain~Peru}.")
    facts = [
        item_facts(i, None, None, q.prompt, q.accepted, q.choices) for i, q in enumerate((one, two))
    ]
    assert not gives_away(*facts)
    # A question whose text holds a gap's answer does give it away.
    named = item_facts(3, None, None, "Berlin became the capital in 1990.", [], [])
    assert gives_away(facts[0], named)
    assert "Munich" in facts[0].text and "Gap 1" not in facts[0].text


def test_underscores_that_would_read_as_gaps_are_changed_and_reported():
    xml = (
        b'<quiz><question type="cloze"><name><text>U</text></name><questiontext><text>'
        b"Name ________ it: __{1:SA:=a#x}___ and {1:SA:=b#y}.</text></questiontext></question>"
        b"</quiz>"
    )
    [imported] = check_imported(read_moodle_xml(xml)).drafts
    assert imported.draft.prompt == "Name ____ it: _____ and _____."
    assert imported.changes == [
        "underscores in its text were shortened or dropped: they would read as a gap"
    ]


def test_a_text_of_many_underscores_is_read_at_once():
    import time

    started = time.perf_counter()
    prompt, gaps, _changes = split_text("_" * 200_000 + "{1:SA:=a}")
    assert time.perf_counter() - started < 1.0 and (prompt, len(gaps)) == ("_____", 1)


# --- each rule of a gap pinned down (what mutation testing found untested) ----------------------


def test_a_stored_gap_reads_its_defaults_and_limits():
    gap = gap_of({"type": "sa", "answers": [{"text": " Paris "}]})
    assert (gap.gap_type, gap.weight) == ("SHORTANSWER", 1)
    assert gap.answers == (GapAnswer("Paris", 1.0, "", 0.0),)
    clamped = gap_of(
        {"type": "MC", "answers": [{"text": "a", "fraction": 3}, {"text": "b", "fraction": -3}]}
    )
    assert [a.fraction for a in clamped.answers] == [1.0, -1.0]
    assert gap_of({"type": "NM", "weight": 100, "answers": []}).weight == 100
    for weight in (0, 101):
        with pytest.raises(ValueError, match="a gap is worth 1 to 100 marks"):
            gap_of({"type": "SA", "weight": weight, "answers": []})
    with pytest.raises(ValueError, match="unknown gap type 'ESSAY'"):
        gap_of({"type": "ESSAY"})
    with pytest.raises(ValueError, match="unknown gap type None"):
        gap_of({})


def _gap(gap_type: str, *answers: tuple[str, float]) -> EmbeddedGap:
    return EmbeddedGap(gap_type, 1, tuple(GapAnswer(t, f) for t, f in answers))


def test_what_makes_a_gap_unaskable():
    assert gap_problem(_gap("SHORTANSWER", *[(f"a{i}", 1.0) for i in range(20)])) is None
    assert gap_problem(_gap("SHORTANSWER", *[(f"a{i}", 1.0) for i in range(21)])) == (
        "has 1 to 20 answers"
    )
    assert gap_problem(_gap("SHORTANSWER")) == "has 1 to 20 answers"
    assert gap_problem(_gap("SHORTANSWER", ("x" * 500, 1.0))) is None
    too_long = "has an empty answer or one over 500 characters"
    assert gap_problem(_gap("SHORTANSWER", ("x" * 501, 1.0))) == too_long
    assert gap_problem(_gap("SHORTANSWER", ("", 1.0), ("a", 1.0))) == too_long
    assert gap_problem(_gap("SHORTANSWER", ("a", 0.99999))) is None  # Moodle's 3 × 33.33333 %
    assert gap_problem(_gap("MULTICHOICE", ("a", 1.0))) == (
        "is a choice of one option: it needs two or more"
    )
    assert gap_problem(_gap("NUMERICAL", ("*", 1.0))) is None
    assert (
        gap_problem(_gap("NUMERICAL", ("3 cm", 1.0))) == "has a value that is not a number ('3 cm')"
    )


@pytest.mark.parametrize(
    ("gap_type", "layout"),
    [
        ("SHORTANSWER", "input"),
        ("SHORTANSWER_C", "input"),
        ("NUMERICAL", "input"),
        ("MULTICHOICE", "select"),
        ("MULTICHOICE_S", "select"),
        ("MULTICHOICE_V", "vertical"),
        ("MULTICHOICE_VS", "vertical"),
        ("MULTICHOICE_H", "horizontal"),
        ("MULTICHOICE_HS", "horizontal"),
    ],
)
def test_each_gap_type_has_its_control(gap_type, layout):
    assert layout_of(_gap(gap_type, ("a", 1.0), ("b", 0.0))) == layout


def test_shuffled_gaps_change_order_by_sitting_and_keep_it_within_one():
    texts = [f"option {i}" for i in range(8)]
    shuffled = _gap("MULTICHOICE_S", *[(t, 1.0) for t in texts])
    orders = {tuple(shown_options(shuffled, f"slot-{n}")) for n in range(6)}
    assert len(orders) > 1 and all(sorted(order) == texts for order in orders)
    assert shown_options(shuffled, "slot-1") == shown_options(shuffled, "slot-1")
    kept = _gap("MULTICHOICE_V", *[(t, 1.0) for t in texts])
    assert {tuple(shown_options(kept, f"slot-{n}")) for n in range(6)} == {tuple(texts)}


def test_matching_rules_of_typed_and_numerical_gaps():
    sa = _gap("SHORTANSWER", ("P*", 1.0))
    sac = _gap("SHORTANSWER_C", ("P*", 1.0), ("New York", 0.5))
    assert matched_answer(sa, "paris") is not None  # a pattern ignores case unless _C
    assert matched_answer(sac, "paris") is None
    assert matched_answer(sac, " New   York ").fraction == 0.5  # spaces as typed
    assert matched_answer(sac, "New-York") is None
    number = _gap("NUMERICAL", ("3.14", 1.0))
    assert matched_answer(number, "3.14 cm") is None  # a gap has no units
    any_text = _gap("SHORTANSWER", ("*", 1.0))
    [result] = gap_results([("g", any_text)], {"g": "  "})
    assert result.fraction == 0.0  # an empty gap matches no pattern, not even "*"


def test_the_right_answer_and_the_sentence_of_an_empty_gap():
    both = _gap("SHORTANSWER", ("Paris", 1.0), ("Paname", 1.0), ("Lyon", 0.5))
    assert right_answer(both) == "Paris or Paname"
    assert right_answer(_gap("NUMERICAL", ("4", 1.0))) == "4"
    [empty] = gap_results([("g", both)], {})
    assert empty.sentence() == (
        "Gap 1 of 1: no answer, not right (0 of 1 mark). The right answer: Paris or Paname."
    )
    said = EmbeddedGap("SHORTANSWER", 3, (GapAnswer("Paris", 1.0, "Well done!"),))
    [right] = gap_results([("g", said)], {"g": "Paris"})
    assert right.sentence() == "Gap 1 of 1: “Paris”, right (3 of 3 marks). Well done!"
    third = EmbeddedGap("SHORTANSWER", 3, (GapAnswer("Paris", 1.0), GapAnswer("Lyon", 1 / 3)))
    [part] = gap_results([("g", third)], {"g": "Lyon"})
    assert "(1 of 3 marks)" in part.sentence()


def test_gap_texts_are_full_marks_answers_and_dropdown_options_only():
    stored = [
        stored_gap(_gap("SHORTANSWER", ("Paris", 1.0), ("Lyon", 0.5))),
        stored_gap(_gap("MULTICHOICE", ("Bonn", 0.0), ("Berlin", 0.99999), ("*", 0.0))),
    ]
    assert gap_texts(stored) == (["Paris", "Berlin"], ["Bonn", "Berlin"])


def test_the_syntax_at_its_edges():
    [gap] = parse_embedded(r"{1:SA:=a\}}").gaps  # an escape just before the closing brace
    assert gap.answers[0].text == "a}"
    [gap] = parse_embedded(r"{1:SA:=b\q}").gaps
    assert gap.answers[0].text == r"b\q"  # a backslash before an ordinary letter stays
    doubled = parse_embedded("{{1:SA:=a}}")
    assert (doubled.parts, len(doubled.gaps)) == (("{", "}"), 1)
    assert parse_embedded("{100:SA:=a}").gaps[0].weight == 100
    with pytest.raises(EmbeddedAnswerError, match="a SA gap without answers"):
        parse_embedded("{1:SA:}")
    [gap] = parse_embedded("{1:MC:=a#b#c~%150%d~%-150%e~f}").gaps
    assert [(a.text, a.fraction, a.feedback) for a in gap.answers] == [
        ("a", 1.0, "b#c"),
        ("d", 1.0, ""),
        ("e", -1.0, ""),
        ("f", 0.0, ""),
    ]
    [number] = parse_embedded("{1:NM:=3.14~%50%-3:0.5}").gaps
    assert [(a.text, a.tolerance) for a in number.answers] == [("3.14", 0.0), ("-3", 0.5)]


def test_gaps_are_written_as_moodle_writes_them():
    short = EmbeddedGap(
        "SHORTANSWER",
        2,
        (GapAnswer("Paris", 1.0), GapAnswer("Lutetia", 1 / 3, "Old"), GapAnswer("a~b", 0.0)),
    )
    assert write_gap(short) == r"{2:SHORTANSWER:=Paris~%33.33333%Lutetia#Old~%0%a\~b}"
    number = EmbeddedGap("NUMERICAL", 1, (GapAnswer("3.14", 1.0, tolerance=0.01),))
    assert write_gap(number) == "{1:NUMERICAL:=3.14:0.01}"


def test_an_escape_as_the_last_character_of_an_answer_and_a_numerical_catch_all():
    [gap] = parse_embedded(r"{1:SA:=x\~}").gaps
    assert [a.text for a in gap.answers] == ["x~"]
    [number] = parse_embedded("{1:NM:=3~%0%*#Any other number is wrong}").gaps
    caught = matched_answer(number, "7")
    assert (caught.text, caught.fraction, caught.feedback) == (
        "*",
        0.0,
        "Any other number is wrong",
    )
