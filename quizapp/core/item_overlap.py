"""One claim, one question per quiz: which items may sit together, and which come first.

A quiz, a review or a random draw never holds two items of the same claim, nor an item whose
text contains another item's answer (a heading question quoting the sentence a fill-in asks
about). When both exist, curated and teacher items come before generated ones; the order is
one small function so that a reviewed or accepted status can be added to it later.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from quizapp.core.vocabulary import ItemOrigin

# Lower comes first. Generated items are drafts no teacher has looked at.
ORIGIN_PRIORITY = {ItemOrigin.CURATED: 0, ItemOrigin.TEACHER: 0, ItemOrigin.GENERATED: 1}
# An answer this short ("9", "UN") appears inside unrelated words and texts by chance.
MIN_ANSWER_CHARS = 3


def origin_priority(origin: str | None) -> int:
    """0 for items a person wrote or accepted, 1 for unreviewed generated ones."""
    return ORIGIN_PRIORITY.get(origin or ItemOrigin.CURATED, 1)


@dataclass(frozen=True)
class ItemFacts:
    """What an item shows and what it asks for, enough to tell whether two items overlap."""

    question_id: int
    claim_id: int | None = None
    origin: str = ItemOrigin.CURATED
    text: str = ""
    answers: tuple[str, ...] = field(default_factory=tuple)


def item_facts(
    question_id: int,
    claim_id: int | None,
    origin: str | None,
    prompt: str,
    accepted: Sequence[str] | None,
    choices: Sequence[dict[str, Any]] | None,
) -> ItemFacts:
    """Facts of a stored question: its prompt and choices as text, its correct answers."""
    choices = choices or []
    answers = [*(accepted or ()), *(c["text"] for c in choices if c.get("correct"))]
    text = " ".join([prompt, *(c["text"] for c in choices)])
    return ItemFacts(question_id, claim_id, origin or ItemOrigin.CURATED, text, tuple(answers))


def _contains(text: str, answer: str) -> bool:
    answer = answer.strip()
    if len(answer) < MIN_ANSWER_CHARS:
        return False
    return re.search(rf"(?<!\w){re.escape(answer)}(?!\w)", text, re.IGNORECASE) is not None


def overlaps(a: ItemFacts, b: ItemFacts) -> bool:
    """True when ``a`` and ``b`` ask about the same claim or one gives the other's answer."""
    if a.claim_id is not None and a.claim_id == b.claim_id:
        return True
    return any(_contains(b.text, x) for x in a.answers) or any(
        _contains(a.text, x) for x in b.answers
    )


def compatible_subset(
    ordered: Iterable[ItemFacts], length: int, already: Sequence[ItemFacts] = ()
) -> list[int]:
    """Up to ``length`` ids taken in the given order, skipping any that overlaps an item
    already taken (``already`` counts as taken but is not returned)."""
    taken = list(already)
    picked: list[int] = []
    for item in ordered:
        if len(picked) >= length:
            break
        if any(item.question_id == t.question_id or overlaps(item, t) for t in taken):
            continue
        taken.append(item)
        picked.append(item.question_id)
    return picked
