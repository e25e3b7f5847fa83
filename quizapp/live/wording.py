"""A game event's words in the language of the screen it goes to.

Every screen gets the same event, built once per change in English; the core's own words in it
("True" and "False" tiles, the key "True", the chart's "Other answers") are put in each screen's
language as its socket sends them. Prompts, choices and typed answers are shown as written.
"""

from __future__ import annotations

from typing import Any

from quizapp.core.translatable import from_data
from quizapp.quiz.answers import shown_text


def _tiles(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [dict(row, text=shown_text(row["text"])) if "text" in row else row for row in rows]


def worded(view: dict[str, Any]) -> dict[str, Any]:
    """``view`` with its tiles, key and chart labels in the request's language; the event it
    came from, shared with other screens, is left as it was."""
    question, reveal = view.get("question"), view.get("reveal")
    if not question and not reveal:
        return view
    view = dict(view)
    if question:
        view["question"] = dict(question, choices=_tiles(question.get("choices") or []))
    if reveal:
        key = from_data(reveal.get("key_phrase")) or reveal.get("key", "")
        view["reveal"] = dict(reveal, key=shown_text(key), chart=_tiles(reveal.get("chart") or []))
    return view
