"""What and where: the object of a clear verb, or the place a clear verb of moving names.

"The U.S. pioneered emissions trading with another pollutant" asks "What did the U.S. pioneer
with another pollutant?" (emissions trading); "Cook returned to England in 1771" asks "Where
did Cook return in 1771?" (England). Only a verb with one plain meaning is asked about, only a
short object a student can type, and only a subject that names what it is (no "it", "this"):
when the sentence leaves any of that in doubt, no question is made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.core.item_forms.grammar import (
    Clause,
    base_form,
    main_clause,
    question,
    split_clause,
)
from quizapp.core.lexicon import UNRESOLVED_STARTS, content_words, is_function_word

# Verbs whose object is a thing a student can name: "What did X <verb>?" has one answer.
# Verbs of bringing about are the cause form's (``causes.EFFECT_VERBS``), not these.
OBJECT_VERBS = frozenset(
    """pioneer receive build found discover invent adopt introduce launch develop establish
    sign win chart map explore reach cross visit capture replace abolish ban export import plant
    grow publish award measure test issue withdraw cap fix""".split()
)
# Verbs of going somewhere: "Where did X <verb>?" asks the place after "to" or "in".
PLACE_VERBS = frozenset("return sail move settle travel emigrate retire flee".split())
# Where the object ends: a preposition, a comma or a clause.
OBJECT_END = re.compile(
    r",|;| (?:and|but|or|as|which|that|who|when|while|because|from|to|into|in|on|at|for|with|by"
    r"|across|through|after|before|during|until|since|under|over|of)\b"
)
MAX_OBJECT_WORDS = 3
# A what-question of fewer content words than this says too little to have one answer.
MIN_CONTENT_WORDS = 4
# An object too vague to be the one answer ("a role", "the way"): no question.
VAGUE_HEADS = frozenset(
    """way role part idea thing things time place kind sort type lot number range step steps
    use form forms effect""".split()
)
PLACE = re.compile(r"^(?:to|in) (?P<place>[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+){0,2})(?P<after>.*)$")


@dataclass(frozen=True)
class Asked:
    prompt: str
    answer: str
    form: str  # what | where


def _resolved(text: str) -> bool:
    """No word of ``text`` points back to a sentence before ("his first ship", "this tax")."""
    return not {w.lower() for w in re.findall(r"[\w']+", text)} & UNRESOLVED_STARTS


def _object(rest: str) -> tuple[str, str] | None:
    """The verb's object and what follows it up to the next clause, or None when the object
    is a list ("fences, livestock and farms"), long, vague or a pronoun."""
    cut = OBJECT_END.search(rest)
    found = (rest[: cut.start()] if cut else rest).strip()
    if cut and cut.group(0).strip() in ("and", "or", ","):
        return None
    words = found.split()
    bare = [w for w in words if w.lower() not in ("a", "an", "the")]
    if not bare or len(bare) > MAX_OBJECT_WORDS or not content_words(found):
        return None
    if is_function_word(bare[0]) or bare[-1].lower() in VAGUE_HEADS or not _resolved(found):
        return None
    if any(ch.isdigit() for ch in found):
        return None  # a number is the how-many and when forms' to ask
    after = rest[len(found) :]
    parts = re.split(r"(,| and | but | or | which | that | who | because )", after, maxsplit=1)
    if len(parts) > 1 and parts[1] in (" and ", " or "):
        return None  # "between 6.0 and 7.0": the narrowing phrase would be cut in half
    return found, parts[0].strip()


def _where_question(clause: Clause, names: set[str]) -> Asked | None:
    """ "Cook returned to England in 1771" -> "Where did Cook return in 1771?"."""
    place = PLACE.match(clause.rest)
    if place is None or place.group("place") not in names:
        return None
    after = place.group("after")
    if after.strip() and not re.match(r"^ (?:in|on|at|after|before|during) ", after):
        return None
    if not _resolved(after):
        return None
    asked = question("Where", clause, after.split(",")[0].strip(), names)
    return Asked(asked, place.group("place"), "where") if asked else None


def object_question(sentence: str, names: set[str]) -> Asked | None:
    """ "What did the U.S. pioneer with another pollutant?" or "Where did Cook return in
    1771?", from the sentence's first statement."""
    first = main_clause(sentence.rstrip(" ."))
    clause = split_clause(first)
    if clause is None or clause.auxiliary or not clause.verb:
        return None  # a passive or "has" reads badly turned round
    subject = clause.subject
    if not _resolved(subject) or subject.split()[0].lower() in ("a", "an", "one", "some"):
        return None  # "A price in one country …": which price is not the student's to know
    verb = base_form(clause.verb)
    if verb in PLACE_VERBS:
        return _where_question(clause, names)
    if verb not in OBJECT_VERBS:
        return None
    found = _object(clause.rest)
    if found is None:
        return None
    answer, modifier = found
    if not _resolved(modifier):
        return None
    asked = question("What", clause, modifier, names)
    if asked and len(content_words(asked)) < MIN_CONTENT_WORDS:
        return None  # "What does the government fix?": too little to know which fixing
    return Asked(asked, answer, "what") if asked else None
