"""Mastery needs evidence: several answers, spaced over days, before a topic is mastered; a
part the learner has not started counts 0, so a little work is not mastery."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from quizapp.core.mastery import Answer, Confidence, topic_mastery

MONDAY = datetime(2026, 3, 2, 9, 0)


def answers(scores: list[float], start: datetime = MONDAY, every=timedelta(minutes=2)):
    """Answers given in this order (oldest first), ``every`` apart."""
    return [Answer(score, start + i * every) for i, score in enumerate(scores)]


def test_nothing_done_is_not_started():
    assert topic_mastery([], [], card_count=5) is None


def test_one_right_answer_of_one_is_too_early_to_tell_not_mastered():
    mastery = topic_mastery(answers([1.0]), [], card_count=0)
    assert mastery.value == pytest.approx(2 / 3)  # Laplace: (1 + 1) / (1 + 2)
    assert mastery.confidence == Confidence.EARLY
    assert not mastery.mastered
    assert mastery.evidence == "1 answer"


def test_eight_right_answers_over_three_days_are_mastered():
    spread = answers([1.0] * 8, every=timedelta(hours=6))  # Monday 09:00 to Wednesday 03:00
    mastery = topic_mastery(spread, [], card_count=0)
    assert mastery.days == 3
    assert mastery.value >= 0.8
    assert mastery.confidence == Confidence.MASTERED
    assert mastery.evidence == "8 answers over 3 days"


def test_eight_right_answers_in_one_sitting_are_likely_known_until_another_day():
    mastery = topic_mastery(answers([1.0] * 8), [], card_count=0)
    assert mastery.value >= 0.8
    assert mastery.confidence == Confidence.LIKELY


def test_a_recent_miss_lowers_mastery_more_than_an_old_one():
    days = timedelta(hours=9)
    recent_miss = topic_mastery(answers([1.0] * 8 + [0.0], every=days), [], card_count=0)
    old_miss = topic_mastery(answers([0.0] + [1.0] * 8, every=days), [], card_count=0)
    all_right = topic_mastery(answers([1.0] * 9, every=days), [], card_count=0)
    assert recent_miss.value < old_miss.value < all_right.value
    assert not recent_miss.mastered
    assert old_miss.mastered


def test_answers_arrive_in_any_order():
    given = answers([1.0] * 8 + [0.0], every=timedelta(hours=9))
    assert topic_mastery(given[::-1], [], 0) == topic_mastery(given, [], 0)


def test_flashcards_count_through_memory_but_not_as_answers():
    # Every card perfectly remembered, no answers: half the figure, and too early to tell.
    mastery = topic_mastery([], [1.0, 1.0], card_count=2)
    assert mastery.value == pytest.approx(0.5)
    assert mastery.confidence == Confidence.EARLY


def test_one_card_of_five_and_no_answers_is_not_full_mastery():
    # One card reviewed and perfectly remembered: memory is 1/5; no answers: the quiz part is 0.
    assert topic_mastery([], [1.0], card_count=5).value == pytest.approx(0.1)


def test_answers_alone_count_half_when_the_topic_has_cards():
    spread = answers([1.0] * 8, every=timedelta(hours=9))
    mastery = topic_mastery(spread, [], card_count=3)
    assert mastery.value < 0.5
    assert mastery.confidence == Confidence.LEARNING


def test_mastered_needs_the_cards_remembered_too_when_the_topic_has_cards():
    spread = answers([1.0] * 10, every=timedelta(hours=9))
    assert topic_mastery(spread, [0.95, 0.9], card_count=2).mastered
    assert not topic_mastery(spread, [0.95], card_count=2).mastered


def test_wrong_answers_make_a_weak_topic():
    mastery = topic_mastery(answers([0.0] * 5), [], card_count=0)
    assert mastery.confidence == Confidence.WEAK
