"""Mastery of a topic: what quiz answers and flashcard memory say the learner knows.

    quiz      = share of correct answers among the learner's last RECENT_ANSWERS answers
                to the topic's questions (partial credit counts by its score);
    memory    = mean FSRS retrievability now of the topic's flashcards, where a card the
                learner has not studied counts as 0 (knowing half the cards is half the memory);
    mastery   = QUIZ_WEIGHT * quiz + (1 - QUIZ_WEIGHT) * memory, where a part the learner has
                not started counts 0 (studying one card of five and answering nothing is not
                mastery); a topic with no flashcards is its quiz part alone; None (not started)
                when the learner has done neither.

A learner who has answered nothing and studied no card has no mastery figure, which the pages
show as "not started" rather than 0 %.
"""

from __future__ import annotations

from collections.abc import Sequence

RECENT_ANSWERS = 10
QUIZ_WEIGHT = 0.5
MASTERED = 0.8  # at or above this, the pages call a topic mastered


def quiz_component(recent_scores: Sequence[float]) -> float | None:
    """Mean score of the most recent answers (the caller passes at most RECENT_ANSWERS)."""
    if not recent_scores:
        return None
    return sum(recent_scores) / len(recent_scores)


def memory_component(retrievabilities: Sequence[float], card_count: int) -> float | None:
    """Mean retrievability over all the topic's cards, unstudied cards counting 0."""
    if not retrievabilities or card_count <= 0:
        return None
    return sum(retrievabilities) / max(card_count, len(retrievabilities))


def topic_mastery(
    recent_scores: Sequence[float], retrievabilities: Sequence[float], card_count: int
) -> float | None:
    """Mastery from 0 to 1 by the formula in this module's docstring, or None if not started."""
    quiz = quiz_component(recent_scores)
    memory = memory_component(retrievabilities, card_count)
    if quiz is None and memory is None:
        return None
    if card_count <= 0:
        return quiz
    return QUIZ_WEIGHT * (quiz or 0.0) + (1.0 - QUIZ_WEIGHT) * (memory or 0.0)
