"""A topic's name where the generator wrote it into an item, rewritten when the topic is renamed.

Generated cards open with their topic's name ("Evaporation: Water turns into ___ ."), and
questions about headings list topic names as options, pairs and quotes. The name is part of the
stored text, so a rename must reach it there, or a learner studies "Total amount of water: …"
under a topic now called "Where the Water Is", and every export says the old name too. Only the
exact places the generator puts a name are rewritten: a teacher's own wording stays as written.
"""

from __future__ import annotations

from typing import Any


def renamed_front(front: str, old: str, new: str) -> str:
    """A card's front with the topic prefix ``old`` ("Old: …") as ``new``."""
    prefix = f"{old}: "
    return f"{new}: {front[len(prefix) :]}" if front.startswith(prefix) else front


def renamed_choices(choices: list[dict[str, Any]], old: str, new: str) -> list[dict[str, Any]]:
    """Options of a "which heading" question, with the option naming ``old`` as ``new``."""
    return [{**c, "text": new} if c.get("text") == old else c for c in choices]


def renamed_pairs(pairs: list[list[str]], old: str, new: str) -> list[list[str]]:
    """A matching question's (heading, statement) pairs, with the heading ``old`` as ``new``."""
    return [[new, *pair[1:]] if pair and pair[0] == old else pair for pair in pairs]


def renamed_quote(text: str, old: str, new: str) -> str:
    """A prompt or explanation quoting the heading (“Old”) quoting ``new`` instead."""
    return text.replace(f"\u201c{old}\u201d", f"\u201c{new}\u201d")
