"""A practice quiz's draw weights: items answered wrong and weak topics come up more often."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from quizapp.core.quiz_selection import Candidate, item_weight, pick_questions


@pytest.mark.parametrize(
    ("last_correct", "mastery", "weight"),
    [
        (None, None, 9.0),  # never answered (3), topic unknown: as weak as can be (x3)
        (False, None, 12.0),  # last answer wrong (4) x3
        (True, None, 1.5),  # last answer right (0.5) x3
        (False, 0.0, 12.0),  # mastery 0: three times as often as at mastery 1
        (False, 1.0, 4.0),
        (False, 0.5, 8.0),  # halfway: 1 + 2 x 0.5
        (True, 1.0, 0.5),
    ],
)
def test_item_weight(last_correct, mastery, weight):
    candidate = Candidate(question_id=1, topic_id=7, last_correct=last_correct)
    assert item_weight(candidate, {7: mastery}) == pytest.approx(weight)


def test_item_weight_reads_the_items_own_topic():
    candidate = Candidate(question_id=1, topic_id=7, last_correct=False)
    assert item_weight(candidate, {7: 1.0, 8: 0.0}) == pytest.approx(4.0)


def test_heavier_items_are_drawn_first_far_more_often():
    # Ten items of one topic at mastery 1: five answered right last time (weight 0.5), five
    # answered wrong (weight 4). A quiz of five draws mostly the wrong ones, yet not only them.
    candidates = [
        Candidate(question_id=qid, topic_id=1, last_correct=qid >= 5) for qid in range(10)
    ]
    drawn = Counter()
    for seed in range(200):
        picked = pick_questions(candidates, {1: 1.0}, 5, random.Random(seed))
        assert len(picked) == len(set(picked)) == 5
        drawn.update("wrong" if qid < 5 else "right" for qid in picked)
    assert drawn["wrong"] > 4 * drawn["right"] > 0
