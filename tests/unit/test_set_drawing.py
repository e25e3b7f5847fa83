"""Turning a set's chosen questions and random draws into one attempt's questions."""

from __future__ import annotations

import random

from quizapp.core.item_overlap import ItemFacts
from quizapp.core.set_drawing import SetEntry, draw_questions


def test_chosen_questions_keep_their_order():
    entries = [SetEntry(question_id=5), SetEntry(question_id=2), SetEntry(question_id=9)]
    assert draw_questions(entries, random.Random(1)) == [5, 2, 9]


def test_a_draw_takes_its_place_and_never_repeats_a_chosen_question():
    entries = [SetEntry(question_id=1), SetEntry(pool=[1, 2, 3], count=2), SetEntry(question_id=3)]
    result = draw_questions(entries, random.Random(7))
    # 1 and 3 are chosen elsewhere in the set, so the draw can only give 2.
    assert result == [1, 2, 3]


def test_draws_differ_between_attempts_but_are_reproducible_by_seed():
    entries = [SetEntry(pool=range(100), count=5)]
    first = draw_questions(entries, random.Random(1))
    again = draw_questions(entries, random.Random(1))
    other = draw_questions(entries, random.Random(2))
    assert first == again and first != other
    assert len(set(first)) == 5 and set(first) <= set(range(100))


def test_two_draws_from_overlapping_pools_do_not_overlap():
    entries = [SetEntry(pool=[1, 2, 3, 4], count=2), SetEntry(pool=[3, 4, 5, 6], count=4)]
    for seed in range(20):
        result = draw_questions(entries, random.Random(seed))
        first, second = result[:2], result[2:]
        assert len(result) == len(set(result))  # no question twice
        # The second draw gets what the first left of its pool, at most 4.
        assert sorted(second) == sorted({3, 4, 5, 6} - set(first))


def test_a_short_pool_gives_what_it_has():
    assert sorted(draw_questions([SetEntry(pool=[4, 8], count=5)], random.Random(0))) == [4, 8]


def test_shuffle_keeps_the_same_questions():
    entries = [SetEntry(question_id=i) for i in range(20)]
    shuffled = draw_questions(entries, random.Random(4), shuffle=True)
    assert sorted(shuffled) == list(range(20)) and shuffled != list(range(20))


def test_every_draw_avoids_the_chosen_questions_claims_not_only_the_first():
    # Question 1 is chosen, on claim 10; each draw's pool holds another item of that claim (2,
    # then 4), which no draw may add, however many draws came before.
    facts = {qid: ItemFacts(qid, claim_id=10 if qid in (1, 2, 4) else qid) for qid in range(1, 6)}
    entries = [
        SetEntry(question_id=1),
        SetEntry(pool=[2, 3], count=1),
        SetEntry(pool=[4, 5], count=1),
    ]
    for seed in range(10):
        assert draw_questions(entries, random.Random(seed), facts=facts) == [1, 3, 5]
