"""Mastery: a part the learner has not started counts 0, so a little work is not mastery."""

from __future__ import annotations

import pytest

from quizapp.core.mastery import topic_mastery


def test_nothing_done_is_not_started():
    assert topic_mastery([], [], card_count=5) is None


def test_one_card_of_five_and_no_answers_is_not_full_mastery():
    # One card reviewed and perfectly remembered: memory is 1/5; no answers: the quiz part is 0.
    assert topic_mastery([], [1.0], card_count=5) == pytest.approx(0.1)


def test_answers_alone_count_half_when_the_topic_has_cards():
    assert topic_mastery([1.0, 1.0], [], card_count=3) == pytest.approx(0.5)


def test_a_topic_without_cards_is_its_quiz_part():
    assert topic_mastery([1.0, 0.0], [], card_count=0) == pytest.approx(0.5)


def test_both_parts_known_are_weighted_evenly():
    assert topic_mastery([1.0, 0.5], [0.8, 0.6], card_count=2) == pytest.approx(0.725)
