"""Reading the numbers of numerical questions: a learner's "3,14 cm", a teacher's "3.14:0.01",
and GIFT's three answer shapes ("3.14:0.01", "1..5", "=%50%3.1:0.1")."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from quizapp.core.interchange.records import split_weight
from quizapp.core.translatable import N_

# A value and its tolerance either side ("3.14 ± 0.01"), in a number key and a cloze gap's.
WITHIN = N_("%(value)s ± %(tolerance)s")

# A decimal number, optionally signed and with an exponent; the comma of a locale that writes
# "3,14" is turned into a point before this is matched.
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


class NotANumber(ValueError):
    """The text does not start with a number."""


def parse_number(text: str) -> float:
    """``text`` as a finite number; "3,14" is read as 3.14 (a decimal comma). NotANumber else."""
    number, rest = split_number(text)
    if rest:
        raise NotANumber(f"{text.strip()!r} is not a number.")
    return number


def split_number(text: str) -> tuple[float, str]:
    """(the number ``text`` starts with, the rest stripped: a unit). NotANumber when it does
    not start with a finite number."""
    cleaned = text.strip().replace("\u2212", "-")  # a typographic minus pasted from a document
    match = _NUMBER.match(_decimal_point(cleaned))
    if match is None:
        raise NotANumber(f"{text.strip()!r} is not a number.")
    number = float(match.group(0))
    if not math.isfinite(number):
        raise NotANumber(f"{text.strip()!r} is not a number.")
    return number, _decimal_point(cleaned)[match.end() :].strip()


def _decimal_point(text: str) -> str:
    """A single decimal comma between digits read as a point ("3,14"); a comma beside a point
    ("1,234.5") is a thousands separator and is left for the number to stop at."""
    if "." in text:
        return text
    return re.sub(r"^([+-]?\d+),(\d)", r"\1.\2", text, count=1)


@dataclass(frozen=True)
class NumericAnswer:
    """One accepted value: right within ``tolerance`` either side, worth ``fraction`` (0..1)."""

    value: float
    tolerance: float
    fraction: float = 1.0

    def accepts(self, number: float) -> bool:
        # A rounding margin: 0.1 + 0.2 is not 0.3 in floating point, but a learner means it.
        margin = 1e-9 * max(1.0, abs(self.value))
        return abs(number - self.value) <= self.tolerance + margin


def read_answer_text(text: str) -> NumericAnswer:
    """A GIFT-shaped answer without its marker: "3.14", "3.14:0.01", "1..5", "%50%3.1:0.1".
    A range becomes its midpoint with half its width as the tolerance."""
    weight, body = split_weight(text.strip())
    fraction = 1.0 if weight is None else weight / 100.0
    body = body.strip()
    if ".." in body:
        low_text, _, high_text = body.partition("..")
        low, high = parse_number(low_text), parse_number(high_text)
        if high < low:
            raise NotANumber(f"the range {body!r} ends below its start")
        return NumericAnswer((low + high) / 2, (high - low) / 2, fraction)
    value_text, _, tolerance_text = body.partition(":")
    tolerance = abs(parse_number(tolerance_text)) if tolerance_text.strip() else 0.0
    return NumericAnswer(parse_number(value_text), tolerance, fraction)


def number_text(number: float) -> str:
    """A number as people write it: 3.14, 5, 1e-07."""
    return format(number, ".15g")


def write_answer_text(answer: NumericAnswer) -> str:
    """The inverse of ``read_answer_text`` (a range is written as its value and tolerance)."""
    weight = "" if answer.fraction >= 1.0 else f"%{number_text(answer.fraction * 100)}%"
    tolerance = f":{number_text(answer.tolerance)}" if answer.tolerance else ""
    return f"{weight}{number_text(answer.value)}{tolerance}"
