"""People, places and organisations by their role: "Antoine Galland, a French scholar,
translated …" asks "Which French scholar translated …?"; "Wren designed …" asks "Who
designed …?" when the verb is one only a person does.

The key is the name, with the aliases every name gets (``aliases``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lemminflect import getAllLemmas, getInflection

from quizapp.core.item_forms.grammar import is_finite_verb, main_clause, question, split_clause
from quizapp.core.lexicon import is_function_word

APPOSITIVE = re.compile(
    r"^(?P<name>(?:The )?(?:[A-Z][\w'’\-]+ ){0,3}[A-Z][\w'’\-]+), (?:a|an|the) "
    r"(?P<role>[A-Za-z][\w\-]*(?: [a-z0-9][\w\-]*){0,4}"
    # "a Swiss businessman who was travelling in the region": the role with its own clause.
    r"(?: who (?:was|were) [a-z]+ing(?: [a-z]+){0,4})?), (?P<verb>[a-z]+) (?P<rest>.+)$"
)
# "The Lord Mayor, Sir Thomas Bloodworth, hesitated …": the role first, then the name.
ROLE_FIRST = re.compile(
    r"^The (?P<role>(?:[A-Z][\w\-]* ){0,2}[A-Za-z][\w\-]*), (?P<name>(?:[A-Z][\w'’\-]+ ){0,3}"
    r"[A-Z][\w'’\-]+), (?P<verb>[a-z]+) (?P<rest>.+)$"
)
SUBJECT_NAME = re.compile(
    r"^(?P<name>(?:[A-Z][\w'’\-]+ ){0,3}[A-Z][\w'’\-]+) (?P<had>(?:had|has) )?(?P<verb>[a-z]+) "
    r"(?P<rest>.+)$"
)
TITLES = frozenset("Sir Lord Lady Dame King Queen President Dr Saint St".split())
# Verbs whose subject is a person: "Who designed …?" has one answer then.
PERSON_VERBS = frozenset(
    """designed wrote discovered invented translated painted composed founded proposed married
    studied published described argued believed isolated named built persuaded traced mapped
    marked filmed explored sailed commanded led""".split()
)


def _heads_clause(verb: str) -> bool:
    """ "translated", "hesitated", or "was" (as in "…, was built near Pudding Lane")."""
    return verb in ("was", "were", "is", "are") or is_finite_verb(verb) or _irregular_past(verb)


def _irregular_past(verb: str) -> bool:
    """ "saw", "left": a past tense that is also a noun, read as the verb only where it must
    be one, right after an appositive's closing comma."""
    lemma = getAllLemmas(verb).get("VERB", ("",))[0]
    return bool(lemma) and verb in (getInflection(lemma, "VBD") or ()) and not verb.endswith("ed")


@dataclass(frozen=True)
class Role:
    prompt: str
    answer: str


def role_question(sentence: str, names: set[str]) -> Role | None:
    sentence = sentence.rstrip(" .")
    appositive = APPOSITIVE.match(sentence)
    if appositive and _heads_clause(appositive.group("verb")):
        name, role, verb, rest = appositive.group("name", "role", "verb", "rest")
        # "Henry Dunant" named once, "Dunant" after: the surname makes it the article's name.
        full_name = not name.startswith("The ") and name.split()[-1] in names
        if name in names or name.removeprefix("The ") in names or full_name:
            # "the Monument": the key takes a small "the", so "Monument" is accepted as well.
            key = "the " + name.removeprefix("The ") if name.startswith("The ") else name
            return Role(f"Which {role} {verb} {rest}?", key)
    role_first = ROLE_FIRST.match(sentence)
    if role_first and _heads_clause(role_first.group("verb")):
        role, name, verb, rest = role_first.group("role", "name", "verb", "rest")
        # "Sir Thomas Bloodworth": "Thomas Bloodworth" would be refused (no alias drops a title
        # yet), so a titled name is not asked for.
        if name in names and name.split()[0] not in TITLES:
            return Role(f"Who was the {role} who {verb} {rest}?", name)
    subject = SUBJECT_NAME.match(sentence)
    if subject and subject.group("verb") in PERSON_VERBS and subject.group("name") in names:
        # "Babbage had designed …" -> "Who had designed …?"
        name, had, verb, rest = subject.group("name", "had", "verb", "rest")
        return Role(f"Who {had or ''}{verb} {rest}?", name)
    return None


# "the inventor Charles Babbage", "the French diplomat Ferdinand de Lesseps": a role, then a name.
ROLE_THEN_NAME = re.compile(
    r"\bthe (?P<role>(?:[A-Z][a-z]+ )?[a-z]+(?: [a-z]+)?) "
    r"(?P<name>[A-Z][\w'’\-]+(?: (?:de |von |van )?[A-Z][\w'’\-]+){0,3})\b"
)
OPENING_DATE = re.compile(r"^(?P<when>In (?:[A-Z][a-z]+ )?\d{4}),? ")


def named_role_question(sentence: str, names: set[str]) -> Role | None:
    """ "In 1895 Marie Curie married the physicist Pierre Curie" -> "Which physicist did Marie
    Curie marry in 1895?": a name the sentence gives with its role, asked by the role."""
    sentence = main_clause(sentence.rstrip(" ."))
    when = OPENING_DATE.match(sentence)
    body = sentence[when.end() :] if when else sentence
    clause = split_clause(body)
    if clause is None or clause.auxiliary:
        return None  # a passive ("was promoted by the French diplomat …") reads badly turned
    # Only the verb's object: "married the physicist Pierre Curie", not "in the bakery of …".
    found = ROLE_THEN_NAME.match(clause.rest)
    if found is None or found.group("name") not in names:
        return None
    if any(is_function_word(w) for w in found.group("role").split()):
        return None
    if not re.match(
        r"$|\s+(?:at|in|on|with|from|to|during|after|before)\b", clause.rest[found.end() :]
    ):
        return None
    rest = (clause.rest[: found.start()] + clause.rest[found.end() :]).strip()
    rest = " ".join(rest.split())
    if when:
        rest = f"{rest} {when.group('when')[:1].lower()}{when.group('when')[1:]}".strip()
    if rest.startswith((",", "and ", "or ")):
        return None
    prompt = question(f"Which {found.group('role')}", clause, rest, names)
    return Role(prompt, found.group("name")) if prompt else None


# "Ada was born in London on 10 December 1815": where a person was born.
BORN_IN = re.compile(
    r"^(?P<subject>(?:[A-Z][\w'’\-]+ ){0,2}[A-Z][\w'’\-]+) (?P<be>was|were) born "
    r"(?:[A-Z][\w'’\-]+ (?:[A-Z][\w'’\-]+ )?)?in (?P<place>[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)?)\b"
)


def birthplace_question(sentence: str, names: set[str]) -> Role | None:
    """ "Ada was born in London on 10 December 1815" -> "Where was Ada born?" (London)."""
    found = BORN_IN.match(sentence)
    if found is None or found.group("place") not in names:
        return None
    subject, be = found.group("subject"), found.group("be")
    return Role(f"Where {be} {subject} born?", found.group("place"))
