"""One claim, one question per quiz: overlap, preference for curated items, and the draws."""

from __future__ import annotations

import random

from quizapp.core.item_overlap import (
    ItemFacts,
    compatible_subset,
    item_facts,
    origin_priority,
    overlaps,
)
from quizapp.core.quiz_selection import Candidate, pick_questions
from quizapp.core.set_drawing import SetEntry, draw_questions

FILL = item_facts(
    1,
    10,
    "generated",
    "Fill in the blank: Key projects include the _____ gas pipeline.",
    ["Power of Siberia"],
    [],
)
HEADING = item_facts(
    2,
    11,
    "generated",
    "Under which heading does the article say: “Key projects include the Power of Siberia gas "
    "pipeline.”?",
    [],
    [{"id": "a", "text": "Economic Cooperation", "correct": True}],
)
SAME_CLAIM = ItemFacts(3, 10, "curated", "True or false: trade has surged.", ())
OTHER = ItemFacts(4, 12, "generated", "Fill in the blank: Russia remains a _____.", ("supplier",))


def test_two_items_of_one_claim_overlap():
    assert overlaps(FILL, SAME_CLAIM)


def test_an_item_quoting_anothers_answer_overlaps_it():
    assert overlaps(FILL, HEADING) and overlaps(HEADING, FILL)
    assert not overlaps(FILL, OTHER)


def test_a_short_answer_inside_a_longer_word_is_no_give_away():
    short = ItemFacts(5, 13, "curated", "Which body?", ("UN",))
    assert not overlaps(short, ItemFacts(6, 14, "curated", "The UNESCO list grew.", ()))


def test_curated_and_teacher_items_come_before_generated_ones():
    assert origin_priority("curated") == origin_priority("teacher") < origin_priority("generated")


def test_compatible_subset_skips_overlapping_items_and_counts_those_already_taken():
    assert compatible_subset([FILL, HEADING, SAME_CLAIM, OTHER], 10) == [1, 4]
    assert compatible_subset([HEADING, OTHER], 10, already=[FILL]) == [4]


def test_a_practice_quiz_never_holds_two_items_of_one_claim():
    candidates = [
        Candidate(
            qid,
            topic_id=1,
            last_correct=None,
            facts=ItemFacts(qid, claim_id=qid % 3, origin="curated"),
        )
        for qid in range(1, 13)
    ]
    for seed in range(20):
        picked = pick_questions(candidates, {}, 10, random.Random(seed))
        assert len(picked) == 3
        assert len({qid % 3 for qid in picked}) == 3


def test_a_practice_quiz_prefers_curated_items_of_a_topic():
    candidates = [
        Candidate(1, 1, None, ItemFacts(1, 1, "generated")),
        Candidate(2, 1, False, ItemFacts(2, 2, "generated")),
        Candidate(3, 1, True, ItemFacts(3, 3, "curated")),
        Candidate(4, 1, True, ItemFacts(4, 4, "teacher")),
    ]
    for seed in range(20):
        assert set(pick_questions(candidates, {}, 2, random.Random(seed))) == {3, 4}


def test_a_random_draw_skips_a_chosen_questions_claim_and_prefers_curated_ones():
    facts = {
        1: ItemFacts(1, 100, "curated"),
        2: ItemFacts(2, 100, "curated"),  # same claim as the chosen question 1
        3: ItemFacts(3, 101, "generated"),
        4: ItemFacts(4, 102, "curated"),
        5: ItemFacts(5, 102, "generated"),  # same claim as 4, which is curated
    }
    entries = [SetEntry(question_id=1), SetEntry(pool=[2, 3, 4, 5], count=3)]
    for seed in range(20):
        result = draw_questions(entries, random.Random(seed), facts=facts)
        assert result[0] == 1 and sorted(result[1:]) == [3, 4]
