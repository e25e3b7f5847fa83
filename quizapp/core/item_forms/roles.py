"""People, places and organisations by their role: "Antoine Galland, a French scholar,
translated …" asks "Which French scholar translated …?"; "Wren designed …" asks "Who
designed …?" when the verb is one only a person does.

The key is the name, with the aliases every name gets (``aliases``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.core.item_forms.grammar import is_finite_verb

APPOSITIVE = re.compile(
    r"^(?P<name>(?:[A-Z][\w'’\-]+ ){0,3}[A-Z][\w'’\-]+), (?:a|an|the) "
    r"(?P<role>[A-Za-z][\w\-]*(?: [a-z][\w\-]*){0,3}), (?P<verb>[a-z]+) (?P<rest>.+)$"
)
SUBJECT_NAME = re.compile(
    r"^(?P<name>(?:[A-Z][\w'’\-]+ ){0,3}[A-Z][\w'’\-]+) (?P<verb>[a-z]+) (?P<rest>.+)$"
)
# Verbs whose subject is a person: "Who designed …?" has one answer then.
PERSON_VERBS = frozenset(
    """designed wrote discovered invented translated painted composed founded proposed married
    studied published described argued believed isolated named built""".split()
)


@dataclass(frozen=True)
class Role:
    prompt: str
    answer: str


def role_question(sentence: str, names: set[str]) -> Role | None:
    sentence = sentence.rstrip(" .")
    appositive = APPOSITIVE.match(sentence)
    if appositive and is_finite_verb(appositive.group("verb")):
        name, role, verb, rest = appositive.group("name", "role", "verb", "rest")
        if name in names:
            return Role(f"Which {role} {verb} {rest}?", name)
    subject = SUBJECT_NAME.match(sentence)
    if subject and subject.group("verb") in PERSON_VERBS and subject.group("name") in names:
        name, verb, rest = subject.group("name", "verb", "rest")
        return Role(f"Who {verb} {rest}?", name)
    return None
