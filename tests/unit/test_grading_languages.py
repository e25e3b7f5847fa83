"""Typed answers in Russian, German and Chinese are graded as the language writes them."""

from __future__ import annotations

import pytest

from quizapp.core.grading import GradingKey, grade_answer, normalize_text
from quizapp.core.question_types import QuestionType


def _grade(accepted: str, given: str) -> bool:
    key = GradingKey(type=QuestionType.FILL_BLANK, accepted=(accepted,))
    return grade_answer(key, given).correct


@pytest.mark.parametrize(
    ("accepted", "given"),
    [
        ("A1", "Ａ１"),  # full-width letters and digits
        ("2006", "２００６"),
        ("三峡大坝", "三峡 大坝"),  # a space a learner types between Chinese words
        ("长江", "（长江）"),  # full-width brackets are punctuation
        ("Владивосток", "ВЛАДИВОСТОК"),  # Cyrillic case
        ("Ёлка", "елка"),  # ё is е in Russian
        ("Straße", "STRASSE"),  # German ß folds to ss
        ("Zürich", "Zurich"),  # Latin accents are forgiven as before
        ("Транссибирская", "Трансибирская"),  # one slip in a long Cyrillic word
        ("长江三峡水利枢纽", "长江三侠水利枢纽"),  # one wrong character of eight
    ],
)
def test_accepted(accepted, given):
    assert _grade(accepted, given)


@pytest.mark.parametrize(
    ("accepted", "given"),
    [
        ("Йошкар-Ола", "Иошкар-Ола"),  # й is a letter of its own, not и with an accent
        ("三峡", "三侠"),  # one character of two is the whole answer
        ("长江", "黄河"),
        ("湖北省", "湖南省"),  # another province, not a slip
        ("2006年", "2060年"),  # digits are never a typo
        ("Омск", "Томск"),  # short words must match
    ],
)
def test_refused(accepted, given):
    assert not _grade(accepted, given)


def test_normal_form_keeps_cyrillic_short_i_and_folds_yo():
    assert normalize_text("Йод и ёж") == "йод и еж"
