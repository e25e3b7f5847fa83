"""Change a number in a sentence while keeping how it is written ("1,450", "2.3 million")."""

from __future__ import annotations

import math
import re

from quizapp.core.lexicon import DIGITS_TO_WORD, NUMBER_WORDS


def _significant_round(value: float, digits: int) -> float:
    if value == 0:
        return 0.0
    return round(value, digits - 1 - int(math.floor(math.log10(abs(value)))))


def format_like(original: str, value: float) -> str:
    """``value`` written the way ``original`` is: separators, decimals, multiplier, word."""
    words = original.split()
    head, rest = words[0], words[1:]
    if head.lower() in NUMBER_WORDS:
        return DIGITS_TO_WORD.get(int(value), str(int(value)))
    if re.fullmatch(r"\d+(st|nd|rd|th)", head):
        number = int(round(value))
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
        suffix = "th" if 10 <= number % 100 <= 20 else suffix
        return " ".join([f"{number}{suffix}", *rest])
    multiplier = {"million": 1e6, "billion": 1e9, "trillion": 1e12}.get(rest[0]) if rest else None
    if multiplier:
        value /= multiplier
    plain = head.replace(",", "")
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    significant = max(1, len(plain.replace(".", "").lstrip("0").rstrip("0")) or 1)
    value = _significant_round(value, max(significant, 2))
    text = f"{value:,.{decimals}f}" if "," in head else f"{value:.{decimals}f}"
    return " ".join([text, *rest])


def number_value(text: str) -> float | None:
    head = text.split()[0]
    if head.lower() in NUMBER_WORDS:
        return float(NUMBER_WORDS[head.lower()])
    try:
        value = float(re.sub(r"(st|nd|rd|th)$", "", head).replace(",", ""))
    except ValueError:
        return None
    multiplier = {"million": 1e6, "billion": 1e9}.get(text.split()[-1]) if " " in text else None
    return value * multiplier if multiplier else value


def changed_numbers(text: str, direction: int, seed: int) -> list[str]:
    """Other values written like ``text``, clearly different from it: larger when
    ``direction`` > 0 (after "at least"), smaller when < 0, either way when 0."""
    value = number_value(text)
    if value is None:
        return []
    head = text.split()[0]
    if head.lower() in NUMBER_WORDS:
        steps = [2, 3, 4, -2, -3, 6]
        values = [value + s for s in steps if int(value + s) in DIGITS_TO_WORD]
    elif re.fullmatch(r"1\d{3}|20\d{2}", head) or re.fullmatch(r"\d{1,2}(st|nd|rd|th)", head):
        steps = [7, -6, 12, -11, 4, -3, 16] if value > 100 else [2, -2, 3, -3, 4]
        values = [value + s for s in steps if value + s > 0]
    else:
        factors = [1.5, 0.6, 2.0, 0.75, 3.0, 0.4]
        values = [value * f for f in factors]
    if direction:
        values = [v for v in values if (v - value) * direction > 0]
    rotation = seed % len(values) if values else 0
    values = values[rotation:] + values[:rotation]
    out = []
    for candidate in values:
        written = format_like(text, candidate)
        if written != text and written not in out and number_value(written) != value:
            out.append(written)
    return out
