"""What a thing is, asked by what singles it out: "The Suez Canal is … in Egypt that …" asks
"In which country is the Suez Canal?"; "Slugs are the most common pest of young plants" asks
"What are the most common pest of young plants?"; "House bees add the enzyme invertase" asks
"Which enzyme do house bees add?".

Each key is one the sentence makes unique: a country a thing lies in, the one thing a
superlative names, a rare word given with its kind.
"""

from __future__ import annotations

import re

from quizapp.core.gazetteer import country_code
from quizapp.core.item_forms.grammar import lower_first, main_clause, question, split_clause
from quizapp.core.item_forms.roles import Role
from quizapp.core.lexicon import RARE_WORD_ZIPF, UNRESOLVED_STARTS, english_zipf, is_function_word

IN_COUNTRY = re.compile(
    r"^(?P<subject>(?:The )?[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+){0,3}) (?P<be>is|was) an? "
    r"(?:[\w\-]+ ){1,4}in (?P<country>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?= that| which|,|$)"
)
SUPERLATIVE = re.compile(
    r"^(?P<subject>[A-Z][a-z]+(?: [a-z]+){0,2}) (?P<be>is|are|was|were) "
    r"(?P<what>the (?:most|least) [a-z]+ [a-z]+(?: (?:of|in) [a-z]+(?: [a-z]+){0,2})?)$"
)
# "The busiest month was July": the one thing a superlative picks out, asked by its kind.
SUPERLATIVE_FIRST = re.compile(
    r"^The (?P<sup>[a-z]+est|most [a-z]+|largest|smallest) (?P<kind>[a-z]+) (?P<be>is|was) "
    r"(?P<key>[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+){0,2})(?=,|$)"
)
# "the enzyme invertase": a kind, then a rare word naming one of that kind.
KIND_THEN_TERM = re.compile(r"^the (?P<kind>[a-z]+) (?P<term>[a-z][a-z\-]+)(?=$|,)")


def country_question(sentence: str, names: set[str]) -> Role | None:
    found = IN_COUNTRY.match(main_clause(sentence.rstrip(" .")))
    if found is None or country_code(found.group("country")) is None:
        return None
    subject = lower_first(found.group("subject"), names)
    return Role(f"In which country {found.group('be')} {subject}?", found.group("country"))


def superlative_question(sentence: str, names: set[str]) -> Role | None:
    found = SUPERLATIVE.match(main_clause(sentence.rstrip(" .")))
    if found is None or found.group("subject").split()[0].lower() in UNRESOLVED_STARTS:
        return None
    subject = lower_first(found.group("subject"), names)
    if is_function_word(subject.split()[0]):
        return None  # "A mulch …", "Most vegetables …": not one thing
    return Role(f"What {found.group('be')} {found.group('what')}?", subject)


def superlative_first_question(sentence: str, names: set[str]) -> Role | None:
    """ "The busiest month was July, when …" -> "Which month was the busiest?" (July)."""
    found = SUPERLATIVE_FIRST.match(sentence.rstrip(" ."))
    if found is None:
        return None
    sup, kind, be = found.group("sup", "kind", "be")
    return Role(f"Which {kind} {be} the {sup}?", found.group("key"))


def kind_question(sentence: str, names: set[str]) -> Role | None:
    clause = split_clause(main_clause(sentence.rstrip(" .")))
    if clause is None or clause.auxiliary:
        return None
    found = KIND_THEN_TERM.match(clause.rest)
    if found is None or english_zipf(found.group("term")) > RARE_WORD_ZIPF:
        return None
    if is_function_word(found.group("kind")):
        return None
    prompt = question(f"Which {found.group('kind')}", clause, "", names)
    return Role(prompt, found.group("term")) if prompt else None
