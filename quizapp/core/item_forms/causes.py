"""Causes and effects: what something brings about, and what happens when or because of what.

"Condensation releases latent heat" asks "What does condensation release?" (typed, the object
is the key) and makes a card of it; "As moist air rises and cools, the vapour condenses …" and
"When droplets grow heavy enough, they fall …" make cards asking what happens then; "… because
…" makes a card asking why. Only a short object is a key: a student can type "latent heat",
not a clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lemminflect import getAllLemmas, getInflection

from quizapp.core.item_forms.grammar import base_form, lower_first, question, split_clause
from quizapp.core.lexicon import UNRESOLVED_STARTS, content_words

# Verbs saying that the subject brings something about.
EFFECT_VERBS = frozenset(
    """release drive cause produce trigger create form prevent fuel damage destroy spread carry
    absorb reflect supply emit generate""".split()
)
# "Explosive eruptions happen when …": a card asks when.
WHEN_VERBS = frozenset("happen occur form begin start end".split())
# The object ends at the first word that starts something else.
OBJECT_END = re.compile(
    r",|;| (?:and|but|or|as|which|that|when|while|because|from|to|into|in|on|at|for|with|by"
    r"|across|through)\b"
)
MAX_OBJECT_WORDS = 4
CONDITION = re.compile(r"^(?P<when>As|When|If|Once) (?P<condition>[^,]{5,80}), (?P<result>.+)$")
# "As a side effect, …", "As a result, …": "as" and a noun of consequence say what follows
# from the sentence before; "What happens as a side effect?" asks of nothing (reviewers).
CONSEQUENCE_PHRASE = re.compile(
    r"^(?:a|an|the)\s+(?:\w+\s+)?(?:effect|result|consequence|rule|whole|outcome)$", re.I
)
BECAUSE = re.compile(r"^(?P<effect>[^,]{10,120}?),? because (?P<cause>.+)$")


@dataclass(frozen=True)
class Effect:
    """A card (``card_front`` -> the sentence) and, when the answer is short, a typed
    question (``question`` -> ``answer``)."""

    card_front: str
    question: str | None = None
    answer: str | None = None


def _modifier(rest: str, answer: str) -> str:
    """What follows the object up to the next clause: "as a by-product", "from the tropics
    towards the poles"; it narrows the question to what the sentence says."""
    after = rest[len(answer) :]
    return re.split(r",| and | but | or | which | that ", after)[0].strip()


def _object(rest: str) -> str | None:
    cut = OBJECT_END.search(rest)
    if cut and cut.group(0).strip() in ("and", "or"):
        return None  # "red and blue light": half a list is not the answer
    found = (rest[: cut.start()] if cut else rest).strip()
    words = found.split()
    if not words or len(words) > MAX_OBJECT_WORDS or not content_words(found):
        return None
    if words[0].lower() in UNRESOLVED_STARTS:
        return None  # "What does it carry?" -> "this heat": not a key a student can type
    return found


def _happens(condition: str) -> str:
    """ "What happened … as books became cheaper?": the question's tense follows the
    condition's verb, never "What happens … as books became cheaper?"."""
    for word in condition.split():
        lemmas = getAllLemmas(word).get("VERB", ())
        # "became", "melted"; never "cut" or "spread", whose past is their present too.
        past = (lemma for lemma in lemmas if lemma != word)
        if word.islower() and any(getInflection(lemma, "VBD") == (word,) for lemma in past):
            return "happened"
    return "happens"


def _condition_card(sentence: str, names: set[str]) -> Effect | None:
    """ "As moist air rises and cools, …" -> "What happens, according to the article, as moist
    air rises and cools?"; None for a condition that points back or names a consequence."""
    condition = CONDITION.match(sentence)
    if condition is None or set(condition.group("condition").lower().split()) & UNRESOLVED_STARTS:
        return None
    when, what = condition.group("when", "condition")
    if CONSEQUENCE_PHRASE.match(what):
        return None
    happens = _happens(what)
    return Effect(
        f"What {happens}, according to the article, {when.lower()} {lower_first(what, names)}?"
    )


def effect_of(sentence: str, names: set[str]) -> Effect | None:
    """What the sentence says something causes, or what happens under a condition."""
    sentence = sentence.rstrip(" .")
    clause = split_clause(sentence)
    if clause and clause.verb and base_form(clause.verb) in EFFECT_VERBS:
        if clause.subject.split()[0].lower() not in UNRESOLVED_STARTS:
            answer = _object(clause.rest)
            asked = answer and question("What", clause, _modifier(clause.rest, answer), names)
            if asked and answer:
                return Effect(asked, asked, answer)
    if clause and clause.verb and base_form(clause.verb) in WHEN_VERBS:
        if clause.rest.startswith("when ") and not clause.subject.lower().startswith("this"):
            asked = question("When", clause, "", names)  # "When do explosive eruptions happen?"
            if asked:
                return Effect(asked)
    condition = _condition_card(sentence, names)
    if condition:
        return condition
    because = BECAUSE.match(sentence)
    if because:
        effect = split_clause(because.group("effect"))
        asked = effect and question("Why", effect, effect.rest, names)
        if asked:
            return Effect(asked)
    return None
