"""Turn a quiz set's items into the questions of one attempt.

An item is either a chosen question or a random draw of ``count`` questions from a pool. Draws
never repeat a question the set already contains, chosen or drawn, so a student sees each
question once; a pool with too few questions left gives what it has.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class SetEntry:
    """A chosen question (``question_id``) or a draw (``pool`` and ``count``)."""

    question_id: int | None = None
    pool: Sequence[int] = field(default_factory=tuple)
    count: int = 0


def draw_questions(
    entries: Sequence[SetEntry], rng: random.Random, *, shuffle: bool = False
) -> list[int]:
    """Question ids in set order (a draw's questions take the draw's place), or shuffled."""
    chosen = {e.question_id for e in entries if e.question_id is not None}
    taken = set(chosen)
    result: list[int] = []
    for entry in entries:
        if entry.question_id is not None:
            if entry.question_id not in result:
                result.append(entry.question_id)
            continue
        # Sorted first so that the same seed always draws the same questions.
        available = sorted(set(entry.pool) - taken)
        picked = rng.sample(available, min(entry.count, len(available)))
        taken.update(picked)
        result.extend(picked)
    if shuffle:
        rng.shuffle(result)
    return result
