"""Definitions and terms: "X is the process by which Y", "A and B are described as X".

A definition gives two items: a card asking what the term is (its back is the article's own
sentence) and a question asking for the term from its definition, typed, with the term as the
key. Only a lower-case term is asked for: a common noun the article defines ("evaporation"),
never a name ("The Hanseatic League was an alliance …" has more than one alliance that fits).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from lemminflect import getAllLemmas

from quizapp.core.lexicon import english_zipf

# "X is the process by which Y", "X is a process in which Y", "X is the name for Y".
DEFINED_AS = re.compile(
    r"^(?P<article>An? |The )?(?P<term>[A-Za-z][\w\-]*(?: [a-z][\w\-]*){0,2}) (?P<be>is|are) "
    r"(?P<definition>(?:the|a|an) (?:[\w'’\-]+ ){1,6}"
    r"(?:by which|in which|through which|from which|at which|with which|that|which"
    r"|of how|of what) .+)$"
)
# "Potential difference, often called voltage, is …": the other name, between commas.
OTHER_NAME = re.compile(
    r"^(?P<term>[A-Za-z][\w\-]*(?: [a-z][\w\-]*){0,2}), (?:(?:often|also|sometimes|usually) )?"
    r"(?:called|known as) (?P<other>[a-z][\w\-]*(?: [a-z][\w\-]*)?), (?=(?:is|are) )"
)
# "Magma is the name for molten rock while it is still underground".
NAME_FOR = re.compile(
    r"^(?P<term>[A-Z][\w\-]*(?: [a-z][\w\-]*){0,2}) (?P<be>is|are) "
    r"(?:the|a) (?:name|term|word) for (?P<definition>.+)$"
)
# "Together, evaporation and transpiration are often described as evapotranspiration".
NAMED_AS = re.compile(
    r"^(?P<together>Together, )?(?P<subject>\w[^,]{2,80}?) (?P<be>is|are|was|were) "
    r"(?P<adverb>(?:often |also |usually |commonly |sometimes |collectively )*)"
    r"(?P<verb>called|known as|described as|termed|referred to as) "
    r"(?P<term>[a-z][\w\-]*(?: [a-z][\w\-]*){0,2})$"
)
# "Monetary policy is the management of money and credit by …": a term defined as an activity.
ACTIVITY_OF = re.compile(
    r"^(?P<term>[A-Z][a-z\-]+(?: [a-z][\w\-]*){0,2}) (?P<be>is|are) "
    r"(?P<definition>the (?:[a-z]+ )?(?:[a-z]+(?:ment|tion|sion|ance|ence)|study|practice|science"
    r"|art) of .+)$"
)
# "The lithosphere, the rigid outer layer of the Earth, is made of …": a term and, between
# commas, what it is.
APPOSITIVE_DEFINITION = re.compile(
    r"^The (?P<term>[a-z][\w\-]*(?: [a-z][\w\-]*)?), (?P<definition>(?:the|a|an) [a-z][\w\-]*"
    r"(?: [a-z][\w'’\-]*| [A-Z][\w'’\-]*){2,9}), (?:is|are|was|were|has|have|[a-z]+s) "
)
# A sentence's first word at least this common is a word, not a name ("Electric current").
COMMON_FIRST_ZIPF = 3.5
PEOPLES_ENDINGS = ("an", "ese", "ish", "ian")
# A definition of more words than this is not a definition a student can recall.
MAX_DEFINITION_WORDS = 30


@dataclass(frozen=True)
class Definition:
    """``term`` defined by ``definition``: a card asks ``card_front``, a question asks
    ``question`` and is answered by ``term``."""

    term: str
    definition: str
    card_front: str
    question: str
    also: tuple[str, ...] = ()  # another name the article gives the term, also right


def _lower(text: str) -> str:
    first = text.split(" ", 1)[0]
    # An acronym keeps its capitals ("DNA is …"); the article "A" opening a sentence does not.
    return text if first.isupper() and first != "A" else text[:1].lower() + text[1:]


def _name_for(sentence: str) -> Definition | None:
    match = NAME_FOR.match(sentence)
    if match is None or len(match.group("definition").split()) > MAX_DEFINITION_WORDS:
        return None
    term, be, definition = _lower(match.group("term")), match.group("be"), match.group("definition")
    return Definition(term, definition, f"What {be} {term}?", f"What is the name for {definition}?")


def _common_first_word(word: str) -> bool:
    """ "Electric", "Potential": a common word, not a people's or a place's ("Roman", "Soviet",
    "Chinese", "Hanseatic"), which keeps its capital and names something."""
    lowered = word.lower()
    if lowered.endswith(PEOPLES_ENDINGS) or lowered in {"soviet", "arctic", "atlantic"}:
        return False
    return english_zipf(lowered) >= COMMON_FIRST_ZIPF


def _defined_as(sentence: str) -> Definition | None:
    match = DEFINED_AS.match(sentence)
    if match is None:
        return None
    term, be, definition = match.group("term", "be", "definition")
    if term[:1].isupper() and " " in term and not _common_first_word(term.split()[0]):
        # A name of several words ("Hanseatic merchants"), not a term; a common word capitalised
        # only because it opens the sentence ("Electric current is …") starts a term.
        return None
    if len(definition.split()) > MAX_DEFINITION_WORDS:
        return None
    term = _lower(term)
    article = (match.group("article") or "").lower()  # "What is a volcano?"
    return Definition(
        term=term,
        definition=definition,
        card_front=f"What {be} {article}{term}?",
        question=f"What {be} {definition} called?",
    )


def _named_as(sentence: str) -> Definition | None:
    match = NAMED_AS.match(sentence)
    if match is None:
        return None
    subject = _lower(match.group("subject"))
    be, adverb, verb, term = match.group("be", "adverb", "verb", "term")
    together = " together" if match.group("together") else ""
    said = f"{be} {subject}{together} {adverb}{verb}".replace("  ", " ")
    called = said.removesuffix(" called")
    return Definition(
        term=term,
        definition=f"{subject}{together}",
        card_front=f"What is {term}?",
        question=f"What {said}?" if verb != "called" else f"What {called} called?",
    )


def _activity_of(sentence: str) -> Definition | None:
    match = ACTIVITY_OF.match(sentence)
    if match is None or len(match.group("definition").split()) > MAX_DEFINITION_WORDS:
        return None
    term, be, definition = _lower(match.group("term")), match.group("be"), match.group("definition")
    return Definition(term, definition, f"What {be} {term}?", f"What {be} {definition} called?")


def _appositive(sentence: str) -> Definition | None:
    match = APPOSITIVE_DEFINITION.match(sentence)
    if match is None:
        return None
    term, definition = match.group("term", "definition")
    if re.search(r"\b(?:and|or|who|which|that|this|these|its|their|his|her)\b", definition):
        return None  # a list or a clause between the commas is no definition
    return Definition(term, definition, f"What is the {term}?", f"What is {definition} called?")


# "GPS is usually described as three parts", "The second branch, the adaptive immune system,
# is …": a count or a rank is no name for anything ("What is three parts?", "What is the
# adaptive immune system called?" -> second branch read as nonsense, reviewers found).
COUNTED_TERM = re.compile(
    r"^(?:the )?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|first|second|third|"
    r"fourth|fifth|sixth|last|next|other)\b",
    re.IGNORECASE,
)


def definition_of(sentence: str) -> Definition | None:
    """The term a whole sentence defines, or None when it defines none (nor a count or a rank
    taken for a term)."""
    sentence = sentence.rstrip(" .")
    other = OTHER_NAME.match(sentence)
    if other:  # defined under both names: the sentence without the aside, either name right
        found = _defined_as(f"{other.group('term')} {sentence[other.end() :]}")
        return found and replace(found, also=(other.group("other"),))
    found = (
        _name_for(sentence)
        or _defined_as(sentence)
        or _named_as(sentence)
        or _activity_of(sentence)
        or _appositive(sentence)
    )
    return None if found is None or COUNTED_TERM.match(found.term) else found


# "A bacterium is a single-celled living thing", "Antibiotics are medicines that kill …": what a
# term is, said as a class. A card asks "What is a bacterium?"; no question, since many other
# things are single-celled living things.
CLASSIFIED_AS = re.compile(
    r"^(?P<article>An? |The )?(?P<term>[A-Za-z][\w\-]*(?: [a-z][\w\-]*){0,2}) (?P<be>is|are) "
    r"(?P<what>(?:a|an|the|one of) [a-z].+|[a-z]+s (?:that|which|who|used) .+)$"
)
# The subject is a word that points back or a name of a time, not a term.
NO_TERMS = frozenset(
    "it this that these those they there he she its one some most many today now then still "
    "also here yet".split()
)
# What says how a thing stands, not what it is: "an example of", "the same", "the only".
VACUOUS_CLASSES = frozenset(
    "example result sign part case way matter problem reason consequence feature same only "
    "first last next other main".split()
)


def classification_of(sentence: str) -> Definition | None:
    """The term a sentence classes ("A bacterium is a single-celled living thing"): a card
    asking what the term is, with the sentence on its back."""
    match = CLASSIFIED_AS.match(sentence.rstrip(" ."))
    if match is None:
        return None
    term, be, what = match.group("term"), match.group("be"), match.group("what")
    if term.split()[0].lower() in NO_TERMS:
        return None
    head = what.split()[1].lower() if len(what.split()) > 1 else ""
    if head in VACUOUS_CLASSES or head.endswith("est"):
        return None  # "is an example of …", "is the same at every point", "the largest"
    if term[:1].isupper() and " " in term and not _common_first_word(term.split()[0]):
        return None
    article = (match.group("article") or "").lower()
    first = term.split()[0]
    # "Antibiotics" is a word capitalised to open the sentence; "Moscow", "DNA" keep theirs.
    named = _lower(term) if getAllLemmas(first.lower()) and not first.isupper() else term
    return Definition(named, match.group("what"), f"What {be} {article}{named}?", "")


# The headings a glossary stands under. "Schools: a national education system introduced in
# 1872 aimed to …" under "Reforms" is a labelled statement, not a definition of "schools".
GLOSSARY_HEADING = re.compile(
    r"\b(?:terms?|glossary|definitions?|vocabulary|key words|keywords|words to know)\b",
    re.IGNORECASE,
)
# A glossary entry: a short label, then what it is ("Export quota: a legal limit on …").
GLOSSARY_TEXT = re.compile(r"^(?:a|an|the) [a-z]")
MAX_GLOSSARY_LABEL_WORDS = 5


def glossary_entry(label: str, text: str) -> Definition | None:
    """A key term and its definition as a glossary lists them: a card asks what the term is,
    a question asks for the term from its definition ("What is a legal limit on … called?")."""
    words = label.split()
    if not words or len(words) > MAX_GLOSSARY_LABEL_WORDS or not GLOSSARY_TEXT.match(text):
        return None
    if len(text.split()) > MAX_DEFINITION_WORDS or label.rstrip().endswith((".", "?", "!")):
        return None
    term = re.sub(r"\s*\([^)]*\)", "", label).strip()  # "Rare earth elements (REEs)"
    if getAllLemmas(term.split()[0].lower()) and not term.split()[0].isupper():
        term = _lower(term)  # "Export quota" is a heading's capital, not a name's
    definition = text.rstrip(" .")
    # Quoted, so neither an article ("an export quota") nor agreement ("are … called") is
    # guessed for a term whose number the label does not say.
    return Definition(
        term,
        definition,
        f"What does “{term}” mean?",
        f"Which term does the article define as “{definition}”?",
    )
