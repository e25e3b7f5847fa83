"""Choice ids that tell nothing about a choice's place in the bank.

The bank and the item generator number choices by position ("a", "b", ...), and the correct
choice is often written first, so an id in a page's form would hint at the key. Stored
questions carry random ids instead, given once when the question is stored and kept by
position when it is edited (so every earlier answer keeps meaning the same choice).
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from typing import Any

ID_BYTES = 4  # 8 hex characters: unique within a question with room to spare


def _fresh_id(taken: set[str]) -> str:
    while True:
        candidate = secrets.token_hex(ID_BYTES)
        if candidate not in taken:
            taken.add(candidate)
            return candidate


Choices = Sequence[dict[str, Any]]


def with_opaque_ids(choices: Choices | None, stored: Choices | None = None) -> list[dict[str, Any]]:
    """``choices`` with the ids of ``stored`` at the same positions, and new random ids for
    positions ``stored`` does not have (all of them for a new question)."""
    if not choices:
        return list(choices or [])
    kept = [c["id"] for c in (stored or [])][: len(choices)]
    taken = set(kept)
    ids = kept + [_fresh_id(taken) for _ in range(len(choices) - len(kept))]
    return [{**choice, "id": choice_id} for choice, choice_id in zip(choices, ids, strict=True)]


def with_written_credit(choices: Choices, stored: Choices) -> list[dict[str, Any]]:
    """``choices`` from the editor (text and tick only) with what ``stored`` (an imported
    question) wrote beyond them, by position as the ids are: each choice's feedback, and the
    fractions while the ticks stay as they were (new ticks make a new key, graded by ticks)."""
    same_ticks = [bool(c["correct"]) for c in choices] == [bool(c["correct"]) for c in stored]
    kept = []
    for position, choice in enumerate(choices):
        before = stored[position] if position < len(stored) else {}
        extra = {"feedback": before["feedback"]} if before.get("feedback") else {}
        # A choice that carries its own credit (a numerical value) keeps it.
        if same_ticks and before.get("fraction") is not None and choice.get("fraction") is None:
            extra["fraction"] = before["fraction"]
        kept.append({**choice, **extra})
    return kept
