"""Terms a sentence names in passing: "Ships called cogs carried bulk goods …" asks "Ships
carried bulk goods …. What were these ships called?" (cogs).

The prompt is the article's sentence with the name taken out, then a question about the thing
it names, so the student recalls the term from what the article says of it rather than filling
a hole. Only a noun right before "called" is asked about, and only a one-word term or a short
name is a key: a student can type "thylakoids" or "the Hanseatic Diet", not a phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lemminflect import getAllLemmas, getInflection

from quizapp.core.lexicon import is_function_word

CALLED = re.compile(
    r"(?<=[a-z]) (?P<head>[a-z][a-z\-]+) called "
    r"(?:an? )?(?P<term>[a-z][\w\-]*|(?:the )?[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+){0,2})"
    r"(?=$|[,;]| (?:which|that|were|was|is|are|[a-z]+ed|[a-z]+s)\b)"
)
# The sentence opens with the named thing: "Ships called cogs carried …".
CALLED_FIRST = re.compile(r"^(?P<head>[A-Z][a-z\-]+) called (?P<term>[a-z][\w\-]*) (?=[a-z])")


# Who does the calling, not what is called ("dust that people called black blizzards").
CALLERS = frozenset("he she they we people others many some scientists geologists".split())
# A noun after these may hang on the noun before ("pores in their leaves"); after "with" or
# "inside" it is the verb's ("suck nectar from flowers with a long tongue").
PREPOSITIONS = frozenset("of in on from".split())


def _inside_another_phrase(before: str) -> bool:
    """ "small pores in their leaves called stomata": the head ("leaves") hangs on an earlier
    noun ("pores"), so which of them the name is for is unclear; "stacks of membranes" too."""
    words = before.split()
    while words and not is_function_word(words[-1]):
        words.pop()  # the head's adjectives ("small", "far more general")
    chain = []
    while words and is_function_word(words[-1]):
        chain.append(words.pop().lower())
    if not words or not any(w in PREPOSITIONS for w in chain):
        return False
    noun = words[-1]
    return noun.islower() and "NOUN" in getAllLemmas(noun)


@dataclass(frozen=True)
class Term:
    prompt: str
    answer: str


def _is_plural(noun: str) -> bool:
    lemmas = getAllLemmas(noun).get("NOUN", ())
    return bool(lemmas) and noun not in lemmas and noun.endswith("s")


PRESENT_AUXILIARIES = frozenset("is are has have".split())
PAST_AUXILIARIES = frozenset("was were had".split())


def _is_past(sentence: str, skip: set[str]) -> bool:
    """Whether the sentence's first finite verb is in the past ("carried", "met")."""
    for word in re.findall(r"[a-z]+", sentence):
        if word in PRESENT_AUXILIARIES or word in PAST_AUXILIARIES:
            # "Current is measured with …": the auxiliary, not the participle, has the tense.
            return word in PAST_AUXILIARIES
        if word in skip or is_function_word(word):
            continue
        lemma = getAllLemmas(word).get("VERB", ("",))[0]
        if not lemma:
            continue
        if word in (getInflection(lemma, "VBZ") or ()) and "NOUN" not in getAllLemmas(word):
            return False
        if word in (getInflection(lemma, "VBD") or ()) and word != lemma:
            return True
        if word == lemma and "NOUN" not in getAllLemmas(word):
            return False
    return False


# "…, a risk known as carbon leakage", "…, a belt known as the Ring of Fire": the sentence's
# last words name what the clause before describes.
NAMED_AT_THE_END = re.compile(
    r"^(?P<said>[A-Z].{20,}?), (?:a|an) (?P<head>[a-z]+) (?:now |often |also )?"
    r"(?:known as|called) "
    r"(?P<term>(?:the )?[A-Z][\w'’\-]+(?: (?:of )?[A-Z][\w'’\-]+){0,3}"
    r"|[a-z][\w\-]+(?: [a-z][\w\-]+)?)$"
)


# "As a result, most volcanoes lie …": the link to the sentence before is left out of a
# question that stands alone (what follows it is still what the article says).
OPENING_LINK = re.compile(r"^(?:As a result|Therefore|Thus|In turn|However|So),\s+")


def named_at_the_end(sentence: str) -> Term | None:
    """ "A price in one country can push production to countries without one, a risk known as
    carbon leakage" -> "A price in one country can push production to countries without one.
    What is this risk known as?" (carbon leakage)."""
    found = NAMED_AT_THE_END.match(sentence.rstrip(" ."))
    if found is None or "NOUN" not in getAllLemmas(found.group("head")):
        return None
    head, term = found.group("head"), found.group("term")
    if is_function_word(term.split()[0]) and not term.startswith("the "):
        return None
    said = OPENING_LINK.sub("", found.group("said"))
    return Term(f"{said[:1].upper()}{said[1:]}. What is this {head} known as?", term)


def called_question(sentence: str) -> Term | None:
    """The term a sentence names, asked: inside it ("stacks of membranes called thylakoids")
    or at its end ("…, a risk known as carbon leakage")."""
    return _called_inside(sentence) or named_at_the_end(sentence)


def _called_inside(sentence: str) -> Term | None:
    """ "Each chloroplast contains stacks of membranes called thylakoids, which hold …" ->
    "Each chloroplast contains stacks of membranes, which hold …. What are these membranes
    called?" (thylakoids)."""
    sentence = sentence.rstrip(" .")
    found = CALLED_FIRST.match(sentence) or CALLED.search(sentence)
    if found is None or sentence.count(" called ") != 1:
        return None
    head, term = found.group("head"), found.group("term")
    if "NOUN" not in getAllLemmas(head.lower()) or is_function_word(term):
        return None
    before = sentence[: found.start()].split()[-1:]
    if head.lower() in CALLERS or before in (["that"], ["which"], ["whom"]):
        return None  # "which he called Pangaea", "that people called black blizzards": a caller
    if _inside_another_phrase(sentence[: found.start()]):
        return None
    # The whole naming phrase goes, its article too ("an instrument called an ammeter").
    named = found.group(0)
    kept = named[: named.index(" called ")] + (" " if named.endswith(" ") else "")
    said = sentence[: found.start()] + kept + sentence[found.end() :]
    said = " ".join(said.split())
    plural = _is_plural(head.lower())
    past = _is_past(sentence, {"called", head.lower(), *term.lower().split()})
    be = ("were" if plural else "was") if past else ("are" if plural else "is")
    this = "these" if plural else "this"
    key = "the " + term.removeprefix("the ") if term.startswith("the ") else term
    return Term(f"{said}. What {be} {this} {head.lower()} called?", key)
