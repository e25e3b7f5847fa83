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


class IdConverter(IntegerConverter):
    """``<id:name>`` in routes: a positive integer that fits the database (else 404)."""

    def __init__(self, map, *args, **kwargs) -> None:  # noqa: A002 (werkzeug's name)
        super().__init__(map, min=1, max=MAX_ID)
