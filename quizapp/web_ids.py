"""Ids from URLs and forms: digits only, within the database's integer range.

Every route names its ids with ``<id:...>``: a malformed or out-of-range id is a 404 from the
routing itself, before any view or query sees it.
"""

from __future__ import annotations

from werkzeug.routing import IntegerConverter

from quizapp.models.base import MAX_ID


def parse_id(raw: str | None) -> int | None:
    """The id in ``raw``, or None if it is not a plain decimal number in range.

    ``str.isdigit`` alone accepts "²" and other digits ``int`` refuses, hence ``isascii``.
    """
    if not raw or not raw.isascii() or not raw.isdigit() or len(raw) > 10:
        return None
    value = int(raw)
    return value if value <= MAX_ID else None


def positive_up_to(limit: int) -> str:
    """A regular expression for the decimal numbers 1 to ``limit`` (leading zeros allowed).

    For 2147483647: any number of up to 9 digits, 1 and nine digits, 20 and eight digits, …,
    214748364 and 0-6, and the limit itself.
    """
    digits = str(limit)
    width = len(digits)
    shorter = [rf"[1-9]\d{{0,{width - 2}}}"] if width > 1 else []
    same_width = []
    for i, digit in enumerate(digits):
        lowest = 1 if i == 0 else 0
        if int(digit) > lowest:
            rest = width - i - 1
            same_width.append(
                f"{digits[:i]}[{lowest}-{int(digit) - 1}]" + (rf"\d{{{rest}}}" if rest else "")
            )
    return "0*(?:" + "|".join([*shorter, *same_width, digits]) + ")"


class IdConverter(IntegerConverter):
    """``<id:name>`` in routes: a positive integer that fits the database (else 404).

    The range is in the regular expression, not only in ``min``/``max``: werkzeug checks those
    after a rule has matched, and a failure there answers 405 (or 400 on a WebSocket route)
    when another rule has the same path, where a URL naming nothing should be a 404.
    """

    regex = positive_up_to(MAX_ID)

    def __init__(self, map, *args, **kwargs) -> None:  # noqa: A002 (werkzeug's name)
        super().__init__(map, min=1, max=MAX_ID)
