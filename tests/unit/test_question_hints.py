"""Moodle's hints kept on a question: read from ``<hint>`` in order, checked like every other
field, written back to Moodle XML, and named as not carried in GIFT, which has no form for them."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from types import SimpleNamespace

import pytest

from quizapp.core.bank import validate_question_fields
from quizapp.core.interchange.drafts import check_imported
from quizapp.core.interchange.gift import HINTS_NOT_CARRIED, not_carried, write_gift
from quizapp.core.interchange.moodle_xml import read_moodle_xml, write_moodle_xml
from quizapp.core.interchange.records import ExportQuestion
from quizapp.core.question_hints import (
    MAX_HINT_CHARS,
    MAX_HINTS,
    hints_from_text,
    hints_text,
    question_hints,
)

_QUESTION = (
    '<?xml version="1.0"?><quiz><question type="shortanswer"><name><text>Capital</text></name>'
    '<questiontext format="html"><text>The capital of France?</text></questiontext>'
    '<generalfeedback format="html"><text>Paris it is.</text></generalfeedback>'
    '<answer fraction="100"><text>Paris</text></answer>{hints}</question></quiz>'
)


def _read(hints: str):
    checked = check_imported(read_moodle_xml(_QUESTION.format(hints=hints).encode()))
    assert checked.skipped == []
    (item,) = checked.drafts
    return item.draft, checked.changed


class Refused(Exception):
    pass


def _fail(reason: str):
    raise Refused(reason)


def _as_export(draft, name: str = "Capital") -> ExportQuestion:
    fields = {field: getattr(draft, field) for field in draft.__dataclass_fields__}
    return ExportQuestion(SimpleNamespace(**fields), "Topic", name)


def test_a_moodle_questions_hints_arrive_in_order_with_nothing_reported():
    draft, changed = _read(
        '<hint format="html"><text>&lt;p&gt;A city on the &lt;b&gt;Seine&lt;/b&gt;.&lt;/p&gt;'
        "</text></hint>"
        '<hint format="html"><text>It starts with P.</text></hint>'
    )
    assert draft.hints == ["A city on the Seine.", "It starts with P."]
    assert changed == []


def test_hints_are_written_back_to_moodle_xml_each_as_its_own_hint():
    draft, _ = _read(
        '<hint format="html"><text>A city on the Seine.</text></hint>'
        '<hint format="html"><text>It starts with P &amp; ends with S.</text></hint>'
    )
    written = write_moodle_xml("Geography", [_as_export(draft)])
    question = ET.fromstring(written).find("question[@type='shortanswer']")
    hints = question.findall("hint")
    assert [h.get("format") for h in hints] == ["html", "html"]
    assert [h.findtext("text") for h in hints] == [
        "<p>A city on the Seine.</p>",
        "<p>It starts with P &amp; ends with S.</p>",
    ]
    again, changed = _read("".join(ET.tostring(h, encoding="unicode") for h in hints))
    assert again.hints == draft.hints
    assert changed == []


def test_a_question_without_hints_writes_no_hint_element():
    draft, _ = _read("")
    assert draft.hints == []
    written = write_moodle_xml("Geography", [_as_export(draft)])
    assert b"<hint" not in written


def test_gift_names_the_hints_it_cannot_carry_and_still_writes_the_question():
    draft, _ = _read('<hint format="html"><text>A city on the Seine.</text></hint>')
    plain, _ = _read("")
    written = write_gift("Geography", [_as_export(draft), _as_export(plain, "Plain")])
    assert "::Capital::" in written and "::Plain::" in written
    assert not_carried(written.encode()) == [f"Capital: {HINTS_NOT_CARRIED}"]


def test_hints_are_checked_like_every_other_field():
    assert question_hints(None, _fail) == []
    assert question_hints([" First ", "", "  "], _fail) == ["First"]
    with pytest.raises(Refused, match="list of texts"):
        question_hints("a hint", _fail)
    with pytest.raises(Refused, match="list of texts"):
        question_hints(["a", 3], _fail)
    with pytest.raises(Refused, match=f"at most {MAX_HINTS} hints"):
        question_hints([f"hint {n}" for n in range(MAX_HINTS + 1)], _fail)
    with pytest.raises(Refused, match="hint 2 has more than"):
        question_hints(["fine", "x" * (MAX_HINT_CHARS + 1)], _fail)
    raw = {
        "type": "short_answer",
        "prompt": "Capital?",
        "explanation": "Paris.",
        "accepted": ["Paris"],
        "hints": ["x" * (MAX_HINT_CHARS + 1)],
    }
    with pytest.raises(Refused, match="hint 1"):
        validate_question_fields(raw, _fail)


def test_the_forms_text_holds_hints_separated_by_a_blank_line():
    text = "A city on the Seine.\nOn a river.\n\n  \nIt starts with P.\n\n"
    assert hints_from_text(text) == ["A city on the Seine.\nOn a river.", "It starts with P."]
    assert hints_from_text(hints_text(hints_from_text(text))) == hints_from_text(text)
    assert hints_from_text("") == []
