"""No item whose answer stands in what the student sees (issue 22, labels of the second first
look: a count whose list follows, a word of the heading, a set phrase, an option in the prompt)."""

from __future__ import annotations

import pytest

from quizapp.core.answer_targets import ArticleFacts, candidate_targets
from quizapp.core.item_variants import false_statement

COUNTED = [
    # danube: "two" counted by the two streams named after it
    "The river begins in south-western Germany, where two small streams, the Brigach and the "
    "Breg, join at Donaueschingen",
    # danube: three branches named after the count
    "Near the end of its course the river splits into three main branches, the Chilia, the "
    "Sulina and the St George, which form the Danube Delta",
    # red cross: a list after a colon, separated by semicolons
    "The movement has three parts: the International Committee of the Red Cross, which works in "
    "armed conflicts; the International Federation; and the national societies",
    # carbon pricing: two forms, then the two
    "Carbon pricing comes in two main forms, a carbon tax and an emissions trading system",
    # red cross: four conventions, then what they cover
    "After the Second World War, states adopted four conventions, covering the wounded on land, "
    "the wounded and shipwrecked at sea, prisoners of war and civilians",
]


@pytest.mark.parametrize("sentence", COUNTED)
def test_a_count_whose_list_follows_is_never_asked_nor_changed(sentence):
    facts = ArticleFacts.build("Rivers and Treaties", [sentence])
    targets = candidate_targets(sentence, (0, len(sentence)), facts)
    counts = {"two", "three", "four"}
    assert not counts & {t.text for t in targets}
    # A changed count would refute itself ("nine parts:" before a list of three).
    for seed in range(6):
        changed = false_statement(sentence, facts, seed=seed)
        assert changed is None or not any(
            word in changed.split() for word in ("five", "six", "seven", "eight", "nine", "ten")
        )


def test_a_count_with_no_list_after_it_is_still_asked():
    sentence = "The Danube flows through ten countries, more than any other river in the world"
    facts = ArticleFacts.build("The Danube", [sentence])
    assert "ten" in {t.text for t in candidate_targets(sentence, (0, len(sentence)), facts)}
