"""Choose a practice quiz's questions: no repeats, weak topics and unmastered items first, and
as many as were asked for where the topics have them (``quiz_length`` says how many)."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from quizapp.core.item_overlap import ItemFacts, origin_priority, quiz_items

# How much more likely an item is drawn, by what the learner did with it last time.
WEIGHT_NEVER_ANSWERED = 3.0
WEIGHT_LAST_WRONG = 4.0
WEIGHT_LAST_RIGHT = 0.5
# A topic at mastery 0 is drawn this many times as often as one at mastery 1.
WEAK_TOPIC_BOOST = 3.0
QUIZ_LENGTHS = (5, 10, 20)


@dataclass(frozen=True)
class Candidate:
    question_id: int
    topic_id: int
    last_correct: bool | None  # None: never answered
    facts: ItemFacts | None = None  # claim, origin, text and answers, when known


def item_weight(candidate: Candidate, topic_mastery: Mapping[int, float | None]) -> float:
    """The draw weight: the item's own history times how weak its topic is."""
    if candidate.last_correct is None:
        own = WEIGHT_NEVER_ANSWERED
    else:
        own = WEIGHT_LAST_RIGHT if candidate.last_correct else WEIGHT_LAST_WRONG
    mastery = topic_mastery.get(candidate.topic_id)
    weakness = 1.0 if mastery is None else 1.0 - mastery
    return own * (1.0 + (WEAK_TOPIC_BOOST - 1.0) * weakness)


def pick_questions(
    candidates: Sequence[Candidate],
    topic_mastery: Mapping[int, float | None],
    length: int,
    rng: random.Random,
) -> list[int]:
    """Up to ``length`` distinct question ids, drawn without replacement by weight.

    Uses Efraimidis–Spirakis weighted sampling (key = u^(1/w), take the largest keys), which
    draws without replacement in one pass. Curated and teacher items come before generated
    ones; every claim is asked once before any is asked twice, in another form, and no picked
    item gives another's answer away (``item_overlap.quiz_items``). Never fewer than
    ``quiz_length`` promised.
    """
    unique = {c.question_id: c for c in candidates}
    keyed = [
        (rng.random() ** (1.0 / item_weight(c, topic_mastery)), c.question_id)
        for c in unique.values()
    ]
    keyed.sort(reverse=True)
    facts = [unique[qid].facts or ItemFacts(qid) for _, qid in keyed]
    facts.sort(key=lambda f: origin_priority(f.origin))  # stable: keeps the weighted order
    picked = quiz_items(facts, length)
    if len(picked) < length:
        # Items that give each other's answers away can leave one draw shorter than another;
        # the fixed order ``quiz_length`` counts with always reaches what the page promised.
        fixed = quiz_items(_fixed_order(unique.values()), length)
        picked = fixed if len(fixed) > len(picked) else picked
    return picked


def _fixed_order(candidates: Iterable[Candidate]) -> list[ItemFacts]:
    facts = [c.facts or ItemFacts(c.question_id) for c in candidates]
    return sorted(facts, key=lambda f: (origin_priority(f.origin), f.question_id))


def quiz_length(candidates: Sequence[Candidate], length: int) -> int:
    """How many questions a quiz of ``length`` drawn from ``candidates`` has: ``length`` where
    they have enough that do not give each other away, else fewer; what the practice page
    tells the learner before the quiz starts."""
    unique = {c.question_id: c for c in candidates}
    return len(quiz_items(_fixed_order(unique.values()), length))
