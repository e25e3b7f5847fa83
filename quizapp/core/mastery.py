"""Mastery of a topic: what quiz answers and flashcard memory say the learner knows, and how
sure that is.

    quiz      = the learner's last RECENT_ANSWERS answers to the topic's questions, the newest
                weighing most (each older answer RECENCY_DECAY times the one after it), shrunk
                towards PRIOR_MEAN by PRIOR_WEIGHT answers' worth of prior (Laplace's rule of
                succession, weighted): (Σ w·score + PRIOR_WEIGHT·PRIOR_MEAN) / (Σ w + PRIOR_WEIGHT).
                One right answer of one is 67 %, not 100 %; a recent miss costs more than an
                old one;
    memory    = mean FSRS retrievability now of the topic's flashcards, where a card the
                learner has not studied counts as 0 (knowing half the cards is half the memory);
    mastery   = QUIZ_WEIGHT * quiz + (1 - QUIZ_WEIGHT) * memory, where a part the learner has
                not started counts 0; a topic with no flashcards is its quiz part alone; None
                (not started) when the learner has done neither.

How sure the figure is (``Confidence``) depends on the evidence, not on the figure alone:
fewer than EARLY_ANSWERS answers is "too early to tell", whatever the figure; "mastered" needs
the figure at MASTERED or above *and* at least MASTERY_ANSWERS answers given on at least
MASTERY_DAYS different days (a topic crammed in one sitting is "likely known" until it is
answered again another day). Flashcards count as evidence through the memory half, which FSRS
already discounts for time since the last review, but not towards the answer counts: a card's
retrievability right after its first rating is high and says little.

Every page (progress, dashboard, library, the class heatmap) and the practice quiz's weighting
take their figure from ``topic_mastery``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

RECENT_ANSWERS = 10
QUIZ_WEIGHT = 0.5
RECENCY_DECAY = 0.85  # each answer weighs this times the next newer one
PRIOR_MEAN = 0.5
PRIOR_WEIGHT = 2.0  # the prior counts as this many (newest-weight) answers
MASTERED = 0.8  # at or above this, with enough spaced evidence, a topic is mastered
LIKELY = 0.6  # at or above this (and not mastered), a topic is likely known
LEARNING = 0.4  # at or above this, the learner is on the way; below it the topic is weak
EARLY_ANSWERS = 3  # fewer answers than this: too early to tell
MASTERY_ANSWERS = 6  # "mastered" needs at least this many answers …
MASTERY_DAYS = 2  # … given on at least this many different days


class Confidence(StrEnum):
    """What the pages say of a learner's topic, from the figure and the evidence behind it."""

    NOT_STARTED = "not started"
    EARLY = "too early to tell"
    WEAK = "weak"
    LEARNING = "learning"
    LIKELY = "likely known"
    MASTERED = "mastered"


@dataclass(frozen=True)
class Answer:
    """One counted answer to a topic's question: its score (0 to 1) and when it was given."""

    score: float
    answered_at: datetime


@dataclass(frozen=True)
class Mastery:
    """A learner's mastery of a topic: the figure, the evidence, and what it amounts to."""

    value: float
    answers: int
    days: int
    confidence: Confidence

    @property
    def mastered(self) -> bool:
        return self.confidence == Confidence.MASTERED

    @property
    def evidence(self) -> str:
        """The evidence in words: "1 answer", "8 answers over 3 days"."""
        answers = f"{self.answers} answer{'' if self.answers == 1 else 's'}"
        if self.days > 1:
            return f"{answers} over {self.days} days"
        return answers


def quiz_component(answers: Sequence[Answer]) -> float | None:
    """The shrunk, recency-weighted quiz score of the module docstring; None with no answers."""
    if not answers:
        return None
    newest_first = sorted(answers, key=lambda a: a.answered_at, reverse=True)
    weights = [RECENCY_DECAY**rank for rank in range(len(newest_first))]
    weighted = sum(w * a.score for w, a in zip(weights, newest_first, strict=True))
    return (weighted + PRIOR_WEIGHT * PRIOR_MEAN) / (sum(weights) + PRIOR_WEIGHT)


def memory_component(retrievabilities: Sequence[float], card_count: int) -> float | None:
    """Mean retrievability over all the topic's cards, unstudied cards counting 0."""
    if not retrievabilities or card_count <= 0:
        return None
    return sum(retrievabilities) / max(card_count, len(retrievabilities))


def confidence(value: float, answers: int, days: int) -> Confidence:
    """The word for a started topic's figure given the answers behind it."""
    if answers < EARLY_ANSWERS:
        return Confidence.EARLY
    if value >= MASTERED and answers >= MASTERY_ANSWERS and days >= MASTERY_DAYS:
        return Confidence.MASTERED
    if value >= LIKELY:
        return Confidence.LIKELY
    return Confidence.LEARNING if value >= LEARNING else Confidence.WEAK


def topic_mastery(
    answers: Sequence[Answer], retrievabilities: Sequence[float], card_count: int
) -> Mastery | None:
    """Mastery by the rule in this module's docstring, or None if not started.

    ``answers`` are the learner's last RECENT_ANSWERS counted answers to the topic (any order);
    ``retrievabilities`` those of the cards they have studied, of ``card_count`` in the topic.
    """
    quiz = quiz_component(answers)
    memory = memory_component(retrievabilities, card_count)
    if quiz is None and memory is None:
        return None
    if card_count <= 0:
        value = quiz or 0.0
    else:
        value = QUIZ_WEIGHT * (quiz or 0.0) + (1.0 - QUIZ_WEIGHT) * (memory or 0.0)
    days = len({a.answered_at.date() for a in answers})
    return Mastery(value, len(answers), days, confidence(value, len(answers), days))
