"""Moodle XML and GIFT: files written by hand from Moodle's documentation, round trips of every
question type, and files that must be refused whole."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from quizapp.core.interchange.drafts import MAX_IMPORT_QUESTIONS, check_imported
from quizapp.core.interchange.gift import read_gift, write_gift
from quizapp.core.interchange.moodle_xml import read_moodle_xml, write_moodle_xml
from quizapp.core.interchange.records import ExportQuestion, InterchangeError

FILES = Path(__file__).parent / "interchange_files"


def _question(**fields):
    base = {
        "choices": [],
        "accepted": [],
        "pairs": [],
        "answer_bool": None,
        "quote": None,
        "difficulty": 2,
        "explanation": "Because {braces} = equals # hash ~ tilde : colon.",
    }
    base.update(fields)
    return SimpleNamespace(**base)


def _choices(*texts_and_flags):
    return [
        {"id": chr(97 + i), "text": t, "correct": c} for i, (t, c) in enumerate(texts_and_flags)
    ]


EVERY_KIND = [
    ExportQuestion(
        _question(
            type="single_choice",
            prompt="Which pipeline & <why>?",
            choices=_choices(
                ("Power of Siberia {1}", True), ("Nord=Stream", False), ("TurkStream", False)
            ),
            quote="Russia and China opened the pipeline.",
        ),
        "Energy / gas",
        "q-single",
    ),
    ExportQuestion(
        _question(
            type="multiple_select",
            prompt="Which are members?",
            difficulty=3,
            choices=_choices(("Russia", True), ("China", True), ("India", True), ("Chile", False)),
        ),
        "Energy / gas",
        "q-multi",
    ),
    ExportQuestion(
        _question(
            type="true_false", prompt="The pipeline carries oil.", answer_bool=False, difficulty=1
        ),
        "Trade",
        "q-tf",
    ),
    ExportQuestion(
        _question(
            type="short_answer",
            prompt="Name the pipeline.",
            accepted=["Power of Siberia", "Sila Sibiri"],
        ),
        "Trade",
        "q-short",
    ),
    ExportQuestion(
        _question(
            type="fill_blank",
            prompt="The _____ pipeline opened in 2019.",
            accepted=["Power of Siberia"],
        ),
        "Trade",
        "q-fill",
    ),
    ExportQuestion(
        _question(
            type="fill_blank", prompt="The pipeline is called _____", accepted=["Power of Siberia"]
        ),
        "Trade",
        "q-fill-end",
    ),
    ExportQuestion(
        _question(
            type="matching",
            prompt="Match each port to its country.",
            pairs=[["Rason", "North Korea"], ["Vladivostok", "Russia"]],
        ),
        "Trade",
        "q-match",
    ),
    ExportQuestion(
        _question(
            type="numerical",
            prompt="How long is the pipeline, in thousands of km?",
            choices=[
                {
                    "id": "a",
                    "text": "3",
                    "correct": True,
                    "fraction": 1.0,
                    "value": 3.0,
                    "tolerance": 0.1,
                },
                {
                    "id": "b",
                    "text": "2.5",
                    "correct": False,
                    "fraction": 0.5,
                    "value": 2.5,
                    "tolerance": 0.5,
                },
            ],
        ),
        "Trade",
        "q-numerical",
    ),
]


def _same(draft, exported: ExportQuestion, topic) -> None:
    original = exported.question
    assert draft.type == original.type
    assert draft.prompt == original.prompt
    assert draft.explanation == original.explanation
    assert [(c["text"], c["correct"]) for c in draft.choices] == [
        (c["text"], c["correct"]) for c in original.choices
    ]
    assert draft.accepted == original.accepted
    assert draft.pairs == original.pairs
    assert draft.answer_bool == original.answer_bool
    assert draft.difficulty == original.difficulty
    assert draft.quote == original.quote
    assert topic == exported.topic


@pytest.mark.parametrize(
    "write,read",
    [(write_moodle_xml, read_moodle_xml), (write_gift, read_gift)],
    ids=["moodle-xml", "gift"],
)
def test_export_then_import_gives_the_same_questions(write, read):
    checked = check_imported(read(write("Russia's pivot", EVERY_KIND)))
    assert checked.skipped == []
    assert len(checked.drafts) == len(EVERY_KIND)
    for imported, exported in zip(checked.drafts, EVERY_KIND, strict=True):
        _same(imported.draft, exported, imported.topic)


def test_multiple_select_fractions_are_written_as_moodle_writes_them():
    three_of_six = ExportQuestion(
        _question(
            type="multiple_select",
            prompt="Primes?",
            choices=_choices(
                ("2", True), ("3", True), ("5", True), ("4", False), ("6", False), ("9", False)
            ),
        ),
        "t",
        "n",
    )
    xml = write_moodle_xml("a", [three_of_six]).decode()
    assert xml.count('fraction="33.33333"') == 3 and xml.count('fraction="-33.33333"') == 3
    assert "~%33.33333%2" in write_gift("a", [three_of_six])


def test_moodle_documentation_examples():
    parsed = read_moodle_xml((FILES / "moodle_docs.xml").read_bytes())
    checked = check_imported(parsed)
    by_name = {d.name: d for d in checked.drafts}
    single = by_name["Name of question"]
    assert single.topic == "Gas / Oil"
    assert single.draft.type == "single_choice"
    assert single.draft.prompt == "What is the answer to this question & why?"  # CDATA, HTML
    assert single.draft.explanation == "General feedback."
    assert single.draft.difficulty == 3
    assert [c["correct"] for c in single.draft.choices] == [True, False, False]
    primes = by_name["Three of six"].draft
    assert primes.type == "multiple_select"
    assert [c["text"] for c in primes.choices if c["correct"]] == ["2", "3", "5"]
    assert by_name["TF"].draft.answer_bool is False
    # A short answer with a 50 % answer: a cloze question of one gap keeps its part mark.
    short = by_name["SA"]
    assert (short.draft.type, short.draft.prompt) == (
        "cloze_gaps",
        "Who's buried in Grant's tomb? _____",
    )
    assert short.draft.choices[0]["gap"]["answers"] == [
        {"text": "Nobody", "fraction": 1.0},
        {"text": "No one", "fraction": 1.0},
        {"text": "Grant", "fraction": 0.5},
    ]
    assert short.draft.explanation.startswith("No explanation")
    # The subquestion without text is a distractor: a right no left takes.
    assert by_name["Capitals"].draft.pairs == [
        ["Canada", "Ottawa"],
        ["Italy", "Rome"],
        ["", "Berlin"],
    ]
    # A one-gap cloze with part marks and feedback keeps them as a cloze question (a fill-in
    # blank dropped them without a word); one with a dropdown is a cloze question too.
    cloze = by_name["Cloze"].draft
    assert (cloze.type, cloze.prompt, cloze.accepted) == (
        "cloze_gaps",
        "The capital of France is _____.",
        [],
    )
    [gap] = [c["gap"] for c in cloze.choices]
    assert [(a["text"], a["fraction"], a.get("feedback")) for a in gap["answers"]] == [
        ("Paris", 1.0, "Right"),
        ("paris", 0.5, "Case"),
        ("*", 0.0, "Wrong"),
    ]
    assert by_name["Cloze with choices"].draft.prompt == "_____ and _____"
    skipped = {s.name: s.reason for s in checked.skipped}
    assert set(skipped) == {"Essay", "Calculated"}
    numerical = by_name["Numerical"].draft
    assert [(c["value"], c["tolerance"]) for c in numerical.choices] == [(4.0, 0.0)]
    assert "essay" in skipped["Essay"] and "calculated" in skipped["Calculated"]


def test_gift_documentation_examples():
    checked = check_imported(read_gift((FILES / "moodle_docs.gift").read_text()))
    drafts = [d.draft for d in checked.drafts]
    assert [d.type for d in drafts] == [
        "single_choice",
        "single_choice",
        "true_false",
        "cloze_gaps",  # "=%50%somebody": a cloze question of one gap keeps the part mark
        "fill_blank",
        "matching",
        "multiple_select",
        "single_choice",
        "true_false",
        "numerical",
    ]
    tomb = checked.drafts[0]
    assert (tomb.name, tomb.topic, tomb.draft.difficulty) == ("Grant's tomb", "Grant", 1)
    assert drafts[1].prompt == "Grant is _____ in Grant's tomb."
    assert drafts[2].answer_bool is False
    assert drafts[3].prompt == "Who's buried in Grant's tomb? _____"
    assert [(a["text"], a["fraction"]) for a in drafts[3].choices[0]["gap"]["answers"]] == [
        ("no one", 1.0),
        ("nobody", 1.0),
        ("somebody", 0.5),
    ]
    assert (drafts[4].prompt, drafts[4].accepted) == ("Two plus _____ equals four.", ["two", "2"])
    assert drafts[5].pairs[3] == ["India", "New Delhi"]
    assert drafts[5].explanation == "It's good to know the capitals"
    assert [c["text"] for c in drafts[6].choices if c["correct"]] == ["Grant", "Grant's wife"]
    escapes = drafts[7]
    assert escapes.prompt == "Which of these is 1 = 1 : true {really}?"
    assert [c["text"] for c in escapes.choices] == ["a ~ tilde # hash", "plain"]
    assert drafts[8].prompt == "Is Paris in France?"
    born = drafts[9]  # {#1822:5}
    assert [(c["value"], c["tolerance"], c["fraction"]) for c in born.choices] == [(1822, 5, 1)]
    reasons = [s.reason for s in checked.skipped]
    assert len(reasons) == 2
    assert "essay" in reasons[0] and "description" in reasons[1]


@pytest.mark.parametrize(
    "text",
    [
        "Who? {=a ~b",
        "Who? =a ~b}",
        "Who? {=a} {=b}",
        "::unclosed name Who? {=a}",
    ],
)
def test_gift_with_unbalanced_braces_is_refused_whole(text):
    with pytest.raises(InterchangeError, match="Line 3"):
        read_gift("// a comment\n\n" + text + "\n\nFine? {=yes}\n")


@pytest.mark.parametrize(
    "data,message",
    [
        (b"<quiz><question type='truefalse'>", "not well-formed"),
        (b"not xml at all", "not well-formed"),
        (b"<html><body/></html>", "not a Moodle XML"),
        (
            b'<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><quiz>&b;</quiz>',
            "DTD or entities",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b"<quiz>&x;</quiz>",
            "DTD or entities",
        ),
    ],
)
def test_bad_moodle_xml_is_refused_whole(data, message):
    with pytest.raises(InterchangeError, match=message):
        read_moodle_xml(data)


def test_a_file_with_too_many_questions_is_refused():
    many = "\n\n".join(f"Q{i}? {{TRUE}}" for i in range(MAX_IMPORT_QUESTIONS + 1))
    with pytest.raises(InterchangeError, match="at most"):
        check_imported(read_gift(many))


def test_an_invalid_question_is_skipped_with_its_reason():
    checked = check_imported(read_gift("::dup::Pick {=same ~Same}\n\n::ok::Fine? {TRUE}\n"))
    assert [d.name for d in checked.drafts] == ["ok"]
    assert [(s.name, s.reason) for s in checked.skipped] == [
        (
            "dup",
            "duplicate choices: “same” and “Same” differ only in the case of their first letter",
        )
    ]
