"""Which items sit together: overlap, preference for curated items, claims asked once then in
another form, and the draws."""

from __future__ import annotations

import random

from quizapp.core.item_overlap import (
    ItemFacts,
    compatible_subset,
    item_facts,
    origin_priority,
    overlaps,
    quiz_items,
)
from quizapp.core.quiz_selection import Candidate, pick_questions, quiz_length
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


def test_a_practice_quiz_asks_each_claim_once_then_a_second_time_in_another_form():
    """Issue 22: one question per claim made a topic quiz asked for 10 hold 1 to 3."""
    forms = ("single_choice", "fill_blank", "true_false", "single_choice")
    candidates = [
        Candidate(
            qid,
            topic_id=1,
            last_correct=None,
            facts=ItemFacts(qid, claim_id=qid % 3, origin="curated", form=forms[qid // 3]),
        )
        for qid in range(12)
    ]
    assert quiz_length(candidates, 10) == 6
    for seed in range(20):
        picked = pick_questions(candidates, {}, 10, random.Random(seed))
        assert len(picked) == 6 and len(set(picked)) == 6
        assert {qid % 3 for qid in picked[:3]} == {0, 1, 2}  # every claim once first
        pairs = [(qid % 3, forms[qid // 3]) for qid in picked]
        assert len(set(pairs)) == 6  # a claim's second item is of another form
        assert len(pick_questions(candidates, {}, 4, random.Random(seed))) == 4


def test_a_second_item_never_gives_away_a_taken_items_answer():
    fill = ItemFacts(1, 10, "curated", "The _____ pipeline.", ("Power of Siberia",), "fill_blank")
    quoting = ItemFacts(2, 10, "curated", "True or false: the Power of Siberia pipeline.", (), "tf")
    gas = ItemFacts(3, 10, "curated", "Which fuel does it carry?", ("gas",), "short_answer")
    assert quiz_items([fill, quoting], 5) == [1]
    assert quiz_items([fill, quoting, gas], 5) == [1, 3]


def test_a_draw_is_never_shorter_than_the_length_the_page_promised():
    # The river question gives away the answers of both others; drawn first, it would leave a
    # quiz of one question where two were promised.
    items = [
        ItemFacts(1, 1, "curated", "Name the _____ river.", ("Amur",), "fill_blank"),
        ItemFacts(2, 2, "curated", "Name the _____ delta.", ("Lena",), "fill_blank"),
        ItemFacts(3, 3, "curated", "Which rivers? Amur, Lena", ("Ob",), "short_answer"),
    ]
    candidates = [Candidate(i.question_id, 1, None, i) for i in items]
    promised = quiz_length(candidates, 10)
    assert promised == 2
    for seed in range(30):
        assert len(pick_questions(candidates, {}, promised, random.Random(seed))) == promised


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
