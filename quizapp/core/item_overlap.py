"""Which items may sit together in a quiz, and which come first.

A review or a random draw never holds two items of the same claim; no quiz holds an item whose
text contains another item's answer (a heading question quoting the sentence a fill-in asks
about). A practice quiz asks every claim once before it asks one twice (``quiz_items``): then a
second item of another form, at most ``MAX_ITEMS_PER_CLAIM``, so a small topic still gives the
quiz length asked where it can. When both exist, curated and teacher items come before generated
ones; the order is one small function so that a reviewed or accepted status can be added to it
later.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from quizapp.core.question_kinds.cloze_gaps import gap_texts
from quizapp.core.vocabulary import ItemOrigin

# Lower comes first. Generated items are drafts no teacher has looked at.
ORIGIN_PRIORITY = {ItemOrigin.CURATED: 0, ItemOrigin.TEACHER: 0, ItemOrigin.GENERATED: 1}
# An answer this short ("9", "UN") appears inside unrelated words and texts by chance.
MIN_ANSWER_CHARS = 3
# A practice quiz asks a claim at most this often, each time in another form (question type).
MAX_ITEMS_PER_CLAIM = 2


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
    form: str = ""  # the question type: a claim asked twice is asked in two forms


def item_facts(
    question_id: int,
    claim_id: int | None,
    origin: str | None,
    prompt: str,
    accepted: Sequence[str] | None,
    choices: Sequence[dict[str, Any]] | None,
    form: str = "",
) -> ItemFacts:
    """Facts of a stored question: its prompt and choices as text, its correct answers (a
    cloze question's: each gap's full-marks answers, and its options as text)."""
    plain = [c for c in choices or [] if not c.get("gap")]
    gap_answers, gap_options = gap_texts([c["gap"] for c in choices or [] if c.get("gap")])
    answers = [*(accepted or ()), *(c["text"] for c in plain if c.get("correct")), *gap_answers]
    text = " ".join([prompt, *(c["text"] for c in plain), *gap_options])
    origin = origin or ItemOrigin.CURATED
    return ItemFacts(question_id, claim_id, origin, text, tuple(answers), str(form))


def _contains(text: str, answer: str) -> bool:
    answer = answer.strip()
    if len(answer) < MIN_ANSWER_CHARS:
        return False
    return re.search(rf"(?<!\w){re.escape(answer)}(?!\w)", text, re.IGNORECASE) is not None


def gives_away(a: ItemFacts, b: ItemFacts) -> bool:
    """True when the text of one of ``a`` and ``b`` holds the other's answer."""
    return any(_contains(b.text, x) for x in a.answers) or any(
        _contains(a.text, x) for x in b.answers
    )


def overlaps(a: ItemFacts, b: ItemFacts) -> bool:
    """True when ``a`` and ``b`` ask about the same claim or one gives the other's answer."""
    if a.claim_id is not None and a.claim_id == b.claim_id:
        return True
    return gives_away(a, b)


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


def quiz_items(ordered: Sequence[ItemFacts], length: int) -> list[int]:
    """Up to ``length`` ids in the given order: first one item per claim, then, for claims
    already asked, another item in a form the claim was not asked in yet, never the same item
    and never one whose text holds a taken item's answer (or the other way round)."""
    picked = compatible_subset(ordered, length)
    taken_ids = set(picked)
    taken = [item for item in ordered if item.question_id in taken_ids]
    forms: dict[int, set[str]] = defaultdict(set)
    for item in taken:
        if item.claim_id is not None:
            forms[item.claim_id].add(item.form)
    for item in ordered:
        if len(picked) >= length:
            break
        asked = forms.get(item.claim_id) if item.claim_id is not None else None
        if not asked or item.question_id in taken_ids or item.form in asked:
            continue  # a claim not asked yet had its chance, and gave away another's answer
        if len(asked) >= MAX_ITEMS_PER_CLAIM or any(gives_away(item, t) for t in taken):
            continue
        asked.add(item.form)
        taken.append(item)
        taken_ids.add(item.question_id)
        picked.append(item.question_id)
    return picked
