"""Per-question item statistics for a quiz, following Moodle's quiz statistics report.

Reference: Moodle ``question/classes/statistics/questions/calculator.php``. For question *i* over
the *n* analysed attempts, with ``x`` = the attempt's mark on *i* and ``R`` = the attempt's marks
on all OTHER questions of the quiz (its total minus ``x``), and (co)variances taken over n - 1:

* facility ``F = mean(x) / max_mark`` (0..1, also given as a percentage),
* discrimination index ``DI = 100 * Cov(x, R) / sqrt(Var(x) * Var(R))``, i.e. the item-rest
  correlation as a percentage,
* discriminative efficiency ``DE = 100 * Cov(x, R) / CovMax``, where ``CovMax`` is the covariance
  of ``x`` and ``R`` each sorted ascending and paired rank to rank -- the largest covariance these
  marks could have had, so DE says how much of the achievable discrimination the item delivers.

DI and DE are ``None`` when they are undefined: fewer than two attempts, or ``x`` or ``R`` does not
vary (then CovMax is 0 too). Like Moodle, the n - 1 divisors cancel in both ratios, so the code
works with sums of products of deviations.

The module also counts choices per question (distractor analysis) and picks which attempts to
analyse (first attempt per user, or all). It is pure standard library: no Flask, no SQLAlchemy.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

from quizapp.core.errors import ContractError

__all__ = [
    "FLAG_LOW_DISCRIMINATION",
    "FLAG_LOW_DISCRIMINATIVE_EFFICIENCY",
    "FLAG_NEGATIVE_DISCRIMINATION",
    "FLAG_VERY_EASY",
    "FLAG_VERY_HARD",
    "MIN_RESPONSES_FOR_FLAGS",
    "LOW_DISCRIMINATION",
    "LOW_DISCRIMINATIVE_EFFICIENCY",
    "VERY_EASY_FACILITY",
    "VERY_HARD_FACILITY",
    "AttemptId",
    "AttemptResponses",
    "AttemptWithMeta",
    "ChoiceId",
    "ChoicePick",
    "ItemStatistics",
    "QuestionId",
    "QuestionInfo",
    "choice_counts",
    "item_statistics",
    "select_attempts",
]

AttemptId = int | str
QuestionId = int | str
ChoiceId = int | str

# Moodle's question bank marks a question "Needs checking?: Very likely" when its DI is below 30
# (and "Likely" below 50): qbank_statistics\helper::NEED_FOR_REVISION_LOWER_THRESHOLD = 30.
LOW_DISCRIMINATION = 30.0
# Moodle's quiz statistics report highlights a question as dubious when DE < 15
# (quiz_statistics_table::is_dubious_question).
LOW_DISCRIMINATIVE_EFFICIENCY = 15.0
# Informational only: Moodle has no facility flag in code. Items almost everyone gets right
# (or wrong) carry little information about who knows more, which also depresses DI/DE.
VERY_EASY_FACILITY = 0.95
VERY_HARD_FACILITY = 0.05
# Below this many responses the pages show no flags (the figures are still computed): one
# answer makes any item "very hard" and two make any DI +-100. Moodle's documentation warns
# that its statistics mean little for small groups; a class set of ten is the least we read.
MIN_RESPONSES_FOR_FLAGS = 10

FLAG_NEGATIVE_DISCRIMINATION = "negative discrimination"
FLAG_LOW_DISCRIMINATION = "low discrimination"
FLAG_LOW_DISCRIMINATIVE_EFFICIENCY = "low discriminative efficiency"
FLAG_VERY_EASY = "very easy"
FLAG_VERY_HARD = "very hard"

# A sum of squared deviations at or below this fraction of the sum of squares counts as zero.
# R is computed as total - x, so marks like 0.1 or 1/3 that are mathematically constant across
# attempts can differ in the last bit; without this, DI would come out as a meaningless +-100
# from rounding noise (relative size ~1e-32) instead of None. Real differences between marks,
# even at Moodle's 7-decimal precision, sit many orders of magnitude above the threshold.
_ZERO_SPREAD_RATIO = 1e-24
# |DI| or |DE| below this is rounding noise around 0; snapping it keeps a mathematically zero
# covariance from being flagged "negative discrimination" because of a -1e-15.
_ZERO_PERCENT = 1e-9


@dataclass(frozen=True, slots=True)
class QuestionInfo:
    """A question in the quiz and the mark it is worth in this quiz."""

    question_id: QuestionId
    max_mark: float = 1.0

    def __post_init__(self) -> None:
        # Facility divides by max_mark; a zero-mark question has no meaningful facility.
        if not self.max_mark > 0:
            raise ContractError(f"max_mark must be positive, got {self.max_mark!r}")


@dataclass(frozen=True, slots=True)
class AttemptResponses:
    """The marks one attempt earned, by question.

    A quiz question missing from ``marks`` counts as 0 for this attempt (not answered / not
    graded); keys that are not questions of the quiz are ignored.
    """

    attempt_id: AttemptId
    marks: Mapping[QuestionId, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ChoicePick:
    """One attempt picked ``choice_id`` on a question; ``None`` means it left the question blank."""

    attempt_id: AttemptId
    question_id: QuestionId
    choice_id: ChoiceId | None


@dataclass(frozen=True, slots=True)
class ItemStatistics:
    """Statistics for one question over the analysed attempts.

    ``sd`` is the sample standard deviation of the mark in marks (divide by the question's
    max_mark for Moodle's "% of max mark" display). Values that are undefined are ``None``:
    facility when there are no attempts; sd when n < 2; DI and DE when n < 2 or x or R is
    constant.
    """

    question_id: QuestionId
    n: int
    facility: float | None
    facility_percent: float | None
    sd: float | None
    discrimination_index: float | None
    discriminative_efficiency: float | None
    flags: tuple[str, ...] = ()


class AttemptWithMeta(NamedTuple):
    """An attempt with what :func:`select_attempts` needs; a plain 3-tuple works the same."""

    user_id: Hashable
    # Anything mutually comparable: a datetime, or the attempt number.
    started_at: Any
    attempt: AttemptResponses


def item_statistics(
    questions: Sequence[QuestionInfo], attempts: Sequence[AttemptResponses]
) -> list[ItemStatistics]:
    """Moodle-style facility, SD, DI, DE and flags for each question, in ``questions`` order.

    Every attempt counts for every question (a missing mark is 0), so ``n`` is the number of
    attempts. Cost is O(questions x attempts) plus one sort per question for CovMax.
    """
    question_ids = [q.question_id for q in questions]
    if len(set(question_ids)) != len(question_ids):
        raise ContractError("duplicate question_id in questions")

    # Column per question, so each question's pass below reads a flat list.
    columns = [[float(a.marks.get(qid, 0.0)) for a in attempts] for qid in question_ids]
    # fsum keeps the totals exact-ish whatever order the marks come in.
    totals = [math.fsum(row) for row in zip(*columns, strict=True)] if columns else []
    return [
        _question_statistics(info, column, totals)
        for info, column in zip(questions, columns, strict=True)
    ]


def choice_counts(
    picks: Iterable[ChoicePick],
    known_choices: Mapping[QuestionId, Iterable[ChoiceId]] | None = None,
) -> dict[QuestionId, dict[ChoiceId | None, int]]:
    """How many attempts picked each choice of each question; the ``None`` key counts blanks.

    Blanks are only counted from explicit ``ChoicePick(..., choice_id=None)`` rows: this function
    cannot know which attempts saw a question. A multiple-response question may contribute several
    picks per attempt, each counted; an identical (attempt, question, choice) row repeated is
    counted once, since it records the same fact twice.

    ``known_choices`` (optional) lists each question's choices so that distractors nobody picked
    show up with 0 -- those are exactly the non-functioning distractors worth reviewing. Questions
    listed there also get a ``None`` (blank) entry, 0 if no one left them blank.
    """
    counts: dict[QuestionId, dict[ChoiceId | None, int]] = {}
    for question_id, choices in (known_choices or {}).items():
        per_question: dict[ChoiceId | None, int] = dict.fromkeys(choices, 0)
        per_question.setdefault(None, 0)
        counts[question_id] = per_question

    seen: set[tuple[AttemptId, QuestionId, ChoiceId | None]] = set()
    for pick in picks:
        key = (pick.attempt_id, pick.question_id, pick.choice_id)
        if key in seen:
            continue
        seen.add(key)
        per_question = counts.setdefault(pick.question_id, {})
        per_question[pick.choice_id] = per_question.get(pick.choice_id, 0) + 1
    return counts


def select_attempts(
    attempts_with_meta: Iterable[tuple[Hashable, Any, AttemptResponses]],
    mode: Literal["first", "all"] = "first",
) -> list[AttemptResponses]:
    """Choose the attempts to analyse from ``(user_id, started_at, attempt)`` tuples.

    ``"first"`` keeps each user's earliest attempt (by ``started_at``; on a tie, the one listed
    first). It is the default because, as Moodle's statistics docs argue, later attempts build on
    earlier ones and break the independence item analysis assumes. ``"all"`` keeps every attempt,
    each treated as if by a different student. The result keeps the input order.
    """
    items = list(attempts_with_meta)
    if mode == "all":
        return [attempt for _user, _started, attempt in items]
    if mode != "first":
        raise ContractError(f"mode must be 'first' or 'all', got {mode!r}")

    earliest: dict[Hashable, tuple[Any, int]] = {}
    for index, (user_id, started_at, _attempt) in enumerate(items):
        best = earliest.get(user_id)
        # Strict < so that on equal start times the earlier-listed attempt wins.
        if best is None or started_at < best[0]:
            earliest[user_id] = (started_at, index)
    keep = sorted(index for _started, index in earliest.values())
    return [items[index][2] for index in keep]


def _question_statistics(
    info: QuestionInfo, marks: list[float], totals: list[float]
) -> ItemStatistics:
    """Statistics for one question from its marks and the attempts' totals (same order)."""
    n = len(marks)
    if n == 0:
        return ItemStatistics(info.question_id, 0, None, None, None, None, None)

    mean_x = math.fsum(marks) / n
    facility = mean_x / info.max_mark
    facility_percent = 100.0 * facility
    sd: float | None = None
    di: float | None = None
    de: float | None = None

    if n >= 2:
        rest = [total - x for total, x in zip(totals, marks, strict=True)]
        mean_r = math.fsum(rest) / n
        dx = [x - mean_x for x in marks]
        dr = [r - mean_r for r in rest]
        sxx = math.fsum(d * d for d in dx)
        srr = math.fsum(d * d for d in dr)
        x_constant = _no_spread(sxx, marks)
        sd = 0.0 if x_constant else math.sqrt(sxx / (n - 1))

        if not x_constant and not _no_spread(srr, rest):
            sxr = math.fsum(a * b for a, b in zip(dx, dr, strict=True))
            di = _snap(100.0 * sxr / math.sqrt(sxx * srr))
            # Pairing both sorted ascending maximises the sum of products (rearrangement
            # inequality); it is > 0 whenever neither side is constant.
            sxr_max = math.fsum(
                (a - mean_x) * (b - mean_r)
                for a, b in zip(sorted(marks), sorted(rest), strict=True)
            )
            if sxr_max > 0:
                de = _snap(100.0 * sxr / sxr_max)

    return ItemStatistics(
        question_id=info.question_id,
        n=n,
        facility=facility,
        facility_percent=facility_percent,
        sd=sd,
        discrimination_index=di,
        discriminative_efficiency=de,
        flags=_flags(facility, di, de),
    )


def _flags(facility: float, di: float | None, de: float | None) -> tuple[str, ...]:
    """Review hints, most serious first.

    A negative DI (stronger students do worse on the item: miskey or ambiguity) is reported on
    its own rather than also as "low", because it calls for a different fix.
    """
    flags: list[str] = []
    if di is not None and di < 0:
        flags.append(FLAG_NEGATIVE_DISCRIMINATION)
    else:
        if di is not None and di < LOW_DISCRIMINATION:
            flags.append(FLAG_LOW_DISCRIMINATION)
        if de is not None and de < LOW_DISCRIMINATIVE_EFFICIENCY:
            flags.append(FLAG_LOW_DISCRIMINATIVE_EFFICIENCY)
    if facility >= VERY_EASY_FACILITY:
        flags.append(FLAG_VERY_EASY)
    elif facility <= VERY_HARD_FACILITY:
        flags.append(FLAG_VERY_HARD)
    return tuple(flags)


def _no_spread(sum_sq_dev: float, values: list[float]) -> bool:
    """True when the values are constant up to floating-point noise (see _ZERO_SPREAD_RATIO)."""
    return sum_sq_dev <= _ZERO_SPREAD_RATIO * math.fsum(v * v for v in values)


def _snap(percent: float) -> float:
    """Round rounding-noise values next to 0 to exactly 0."""
    return 0.0 if abs(percent) < _ZERO_PERCENT else percent
