"""The registry of question kinds is the only place that switches on a question's type.

The check parses every module of ``quizapp/`` (except the registry package and the enum itself)
and flags comparisons with a ``QuestionType`` member or a type's string value, comparisons of a
``.type`` attribute, ``match`` on one and dispatch tables keyed by members. SQL filters on the
column (``Question.type == value``) are not switches and pass. Templates are searched for type
strings and ``.type`` comparisons.
"""

from __future__ import annotations

import ast
import re

import pytest

from quizapp import ROOT
from quizapp.core.question_kinds import all_kinds, describe_key, kind_of
from quizapp.core.question_kinds.base import QuestionKind
from quizapp.core.question_types import QuestionType

PACKAGE = ROOT / "quizapp"
REGISTRY = PACKAGE / "core" / "question_kinds"
ALLOWED_FILES = {PACKAGE / "core" / "question_types.py"}
TYPE_VALUES = {t.value for t in QuestionType}


def _is_member(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "QuestionType"
    )


def _is_type_value(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value in TYPE_VALUES


def _is_type_attribute(node: ast.AST) -> bool:
    """``x.type`` on an object; ``Model.type`` (a capitalised class: a SQL column) is not."""
    if not isinstance(node, ast.Attribute) or node.attr != "type":
        return False
    return not (isinstance(node.value, ast.Name) and node.value.id[:1].isupper())


def _operands(node: ast.AST):
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        for element in node.elts:
            yield from _operands(element)
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args:
        yield from _operands(node.args[0])  # set(QuestionType.X, ...), frozenset((...))
    else:
        yield node


def type_switches(source: str) -> list[int]:
    """Line numbers in ``source`` where code branches on a question's type."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            operands = [o for side in [node.left, *node.comparators] for o in _operands(side)]
            if any(_is_member(o) or _is_type_value(o) or _is_type_attribute(o) for o in operands):
                lines.append(node.lineno)
        elif isinstance(node, ast.Match) and _is_type_attribute(node.subject):
            lines.append(node.lineno)
        elif isinstance(node, ast.Dict) and any(k is not None and _is_member(k) for k in node.keys):
            lines.append(node.lineno)
    return lines


def test_the_check_catches_the_switches_it_is_meant_to_catch():
    bad = [
        "if question.type == QuestionType.MATCHING: pass",
        "if q.type in ('single_choice', 'multiple_select'): pass",
        "x = qtype is QuestionType.TRUE_FALSE",
        "if kind in {QuestionType.FILL_BLANK, QuestionType.SHORT_ANSWER}: pass",
        "match question.type:\n    case _: pass",
        "GRADERS = {QuestionType.MATCHING: f}",
        "ok = slot.question.type != 'matching'",
    ]
    for source in bad:
        assert type_switches(source), source
    fine = [
        "stmt = stmt.where(Question.type == question_type)",
        "draft = QuestionDraft(type=QuestionType.FILL_BLANK)",
        "kind = kind_of(question.type)",
    ]
    for source in fine:
        assert not type_switches(source), source


def test_no_code_outside_the_registry_switches_on_the_question_type():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if REGISTRY in path.parents or path in ALLOWED_FILES:
            continue
        for line in type_switches(path.read_text(encoding="utf-8")):
            found.append(f"{path.relative_to(ROOT)}:{line}")
    assert found == [], "ask core.question_kinds.kind_of(...) instead of switching on the type"


TEMPLATE_TYPE_STRING = re.compile("['\"](" + "|".join(sorted(TYPE_VALUES)) + ")['\"]")
TEMPLATE_TYPE_COMPARE = re.compile(r"\.type\s*(?:==|!=|not in\b|in\b)\s*(.*)")
KIND_PARTIALS = ROOT / "templates" / "quiz" / "kinds"


def _compares_type(line: str) -> bool:
    """A ``.type`` comparison, except a WTForms field's (``f.type == 'RadioField'``)."""
    return any(
        not re.match(r"['\"]\w*Field['\"]", m.group(1))
        for m in TEMPLATE_TYPE_COMPARE.finditer(line)
    )


def test_the_template_check_catches_comparisons():
    assert _compares_type("{% if q.type == 'matching' %}")
    assert _compares_type("{% if slot.question.type in kinds %}")
    assert not _compares_type("{% if f.type == 'RadioField' %}")
    assert TEMPLATE_TYPE_STRING.search("{% set x = 'multiple_select' %}")


def test_no_template_switches_on_the_question_type():
    found = []
    for path in sorted((ROOT / "templates").rglob("*.html")):
        if path.parent == KIND_PARTIALS:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if TEMPLATE_TYPE_STRING.search(line) or _compares_type(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == [], "let the question's kind choose the partial (question_kind(q))"


def test_every_question_type_has_one_kind_with_a_partial():
    kinds = all_kinds()
    assert sorted(k.type.value for k in kinds) == sorted(TYPE_VALUES)
    for kind in kinds:
        assert kind_of(kind.type.value) is kind is kind_of(kind.type)
        assert (ROOT / "templates" / kind.input_template).is_file(), kind.input_template
        assert isinstance(kind, QuestionKind)


@pytest.mark.parametrize("bad", ["essay", None, 3, ""])
def test_an_unknown_type_is_refused(bad):
    with pytest.raises(ValueError, match="unknown type"):
        kind_of(bad)


def test_kinds_describe_keys_in_words():
    class Q:
        type = "matching"
        pairs = [["Power of Siberia", "gas"], ["Rason", "port"]]

    assert describe_key(Q()) == "Power of Siberia → gas; Rason → port"


def test_every_kind_names_its_authoring_field():
    from quizapp.core.question_kinds import all_kinds

    fields = {kind.type: kind.authoring_field for kind in all_kinds()}
    assert set(fields.values()) == {"choices", "accepted", "pairs", "answer_bool", "prompt"}


def test_only_kinds_answered_by_choices_say_they_have_choices():
    """The question forms offer a picture per choice by this (``has_choices``), not by type."""
    with_choices = {str(kind.type) for kind in all_kinds() if kind.has_choices}
    assert with_choices == {"single_choice", "multiple_select", "poll"}
