"""Turn a quiz set's items into the questions of one attempt.

An item is either a chosen question or a random draw of ``count`` questions from a pool. Draws
never repeat a question the set already contains, chosen or drawn, so a student sees each
question once; a pool with too few questions left gives what it has.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from quizapp.core.item_overlap import ItemFacts, compatible_subset, origin_priority


@dataclass(frozen=True, slots=True)
class SetEntry:
    """A chosen question (``question_id``) or a draw (``pool`` and ``count``)."""

    question_id: int | None = None
    pool: Sequence[int] = field(default_factory=tuple)
    count: int = 0


def draw_questions(
    entries: Sequence[SetEntry],
    rng: random.Random,
    *,
    shuffle: bool = False,
    facts: Mapping[int, ItemFacts] | None = None,
) -> list[int]:
    """Question ids in set order (a draw's questions take the draw's place), or shuffled.

    With ``facts`` (claim, origin, text, answers by question id), a draw prefers curated and
    teacher questions and never picks one that overlaps a question already in the set (same
    claim, or one giving the other's answer); chosen questions are the teacher's and stay.
    """
    facts = facts or {}
    chosen = {e.question_id for e in entries if e.question_id is not None}
    taken = set(chosen)
    in_set = [facts.get(qid, ItemFacts(qid)) for qid in chosen]
    result: list[int] = []
    for entry in entries:
        if entry.question_id is not None:
            if entry.question_id not in result:
                result.append(entry.question_id)
            continue
        # Sorted first so that the same seed always draws the same questions.
        available = sorted(set(entry.pool) - taken)
        order = rng.sample(available, len(available))
        ranked = sorted(
            (facts.get(qid, ItemFacts(qid)) for qid in order),
            key=lambda f: origin_priority(f.origin),
        )
        picked = compatible_subset(ranked, entry.count, in_set)
        in_set += [facts.get(qid, ItemFacts(qid)) for qid in picked]
        taken.update(picked)
        result.extend(picked)
    if shuffle:
        rng.shuffle(result)
    return result
