"""A student's grade on an assignment from their submitted attempts, as Moodle's quiz does it.

* ``highest``: the best attempt;
* ``last``: the most recently started attempt;
* ``first``: the earliest started attempt;
* ``average``: the mean of all attempts.

Attempts are compared as fractions of their maximum score, because attempts with questions drawn
at random may have different maxima. The grade is late when the attempt it comes from was late
(for ``average``: when any attempt was), so a late retry does not mark an on-time best as late.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from quizapp.core.errors import ContractError
from quizapp.core.translatable import N_


class GradingMethod(StrEnum):
    """How a grade comes from several attempts; the values are stored on quiz sets."""

    HIGHEST = "highest"
    LAST = "last"
    FIRST = "first"
    AVERAGE = "average"


GRADING_METHODS = tuple(GradingMethod)
GRADING_LABELS = {
    GradingMethod.HIGHEST: N_("Highest grade"),
    GradingMethod.LAST: N_("Last attempt"),
    GradingMethod.FIRST: N_("First attempt"),
    GradingMethod.AVERAGE: N_("Average of attempts"),
}


@dataclass(frozen=True, slots=True)
class SubmittedAttempt:
    """A submitted attempt: when it started (anything comparable), its score and maximum."""

    started_at: Any
    score: float
    max_score: float
    late: bool = False

    @property
    def fraction(self) -> float:
        """0..1; an attempt without questions counts 0 rather than dividing by zero."""
        return self.score / self.max_score if self.max_score > 0 else 0.0


@dataclass(frozen=True, slots=True)
class Grade:
    fraction: float
    late: bool
    attempts: int

    @property
    def percent(self) -> float:
        return 100.0 * self.fraction


def overall_grade(method: str, attempts: Sequence[SubmittedAttempt]) -> Grade | None:
    """The grade by ``method`` over ``attempts`` (submitted ones only), None when there are none.

    Ties (two attempts started at the same moment, or equal best scores) go to the attempt
    listed first, so the result does not depend on anything but the input.
    """
    if method not in GRADING_METHODS:
        raise ContractError(f"unknown grading method {method!r}")
    if not attempts:
        return None
    # Stable sort: equal start times keep the input order.
    ordered = sorted(attempts, key=lambda a: a.started_at)
    if method == GradingMethod.AVERAGE:
        fraction = sum(a.fraction for a in ordered) / len(ordered)
        return Grade(fraction, any(a.late for a in ordered), len(ordered))
    if method == GradingMethod.FIRST:
        chosen = ordered[0]
    elif method == GradingMethod.LAST:
        chosen = ordered[-1]
    else:
        # max() keeps the first of equal maxima: the earliest attempt reaching the best grade.
        chosen = max(ordered, key=lambda a: a.fraction)
    return Grade(chosen.fraction, chosen.late, len(ordered))
