"""Item statistics when attempts do not all contain the same questions.

:func:`quizapp.core.item_statistics.item_statistics` counts a question an attempt lacks as 0,
which is right when every attempt had every question. An assignment's attempts can differ:
questions drawn at random per attempt, or a set edited after some students sat it. As Moodle
does for random questions, each question is analysed over the attempts that contained it, with
``R`` = that attempt's marks on its other questions. This module does that by handing the core
two columns per question: the question, and the rest of the attempt.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from quizapp.core.item_statistics import (
    AttemptResponses,
    ItemStatistics,
    QuestionId,
    QuestionInfo,
    item_statistics,
)

# A column id that no real question has (question ids are ints or strings).
_REST: QuestionId = "\x00rest-of-attempt"


@dataclass(frozen=True, slots=True)
class SatAttempt:
    """An attempt and its mark on each question it contained (an unanswered one: 0)."""

    attempt_id: int | str
    marks: Mapping[QuestionId, float]


def item_statistics_by_presence(
    questions: Sequence[QuestionInfo], attempts: Sequence[SatAttempt]
) -> list[ItemStatistics]:
    """Statistics per question over the attempts that contained it, in ``questions`` order.

    When every attempt contains every question this equals ``item_statistics``.
    """
    totals = {a.attempt_id: math.fsum(a.marks.values()) for a in attempts}
    results = []
    for info in questions:
        qid = info.question_id
        pairs = [
            AttemptResponses(
                a.attempt_id, {qid: a.marks[qid], _REST: totals[a.attempt_id] - a.marks[qid]}
            )
            for a in attempts
            if qid in a.marks
        ]
        # The rest column's own statistics are discarded; its max mark only has to be valid.
        results.append(item_statistics([info, QuestionInfo(_REST, 1.0)], pairs)[0])
    return results
