"""How a claim is shown to a student: its whole sentence, its subject named.

A clause ("…, which are crucial for the country's stability") is shown inside its whole sentence
so that it keeps its subject. When a sentence opens with "She"/"He" in an article about one
person (or has one a few words in: "In 1891 she moved …"), or opens with "It" right after a
sentence about the article's subject, the pronoun is replaced by that subject ("Marie Curie
was born …"), and an opening "Her"/"His" by its possessive ("Ada Lovelace's notes …"); any
other opening pronoun stays, and such a claim makes no question (see
``claims.claim_problem``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.core.claims import ClaimDraft, TopicDraft
from quizapp.core.item_forms.definitions import GLOSSARY_HEADING
from quizapp.core.item_forms.grammar import is_finite_verb, is_verb_only, split_clause
from quizapp.core.legacy_keys import legacy_answer
from quizapp.core.lexicon import UNRESOLVED_STARTS, is_function_word
from quizapp.core.people import pronoun_fits
from quizapp.core.pointing_phrases import NAMING_DEFINITE
from quizapp.core.segmentation import TIME_WORDS

PERSON_NAME = re.compile(r"(?:[A-Z][\w'’\-]+ ){1,2}[A-Z][\w'’\-]+")


@dataclass(frozen=True)
class ShownClaim:
    """``text`` is the sentence as shown; ``text[span[0]:span[1]]`` is the claim itself."""

    claim: ClaimDraft
    text: str
    span: tuple[int, int]
    legacy_answer: str | None = None


def article_subject(title: str, first_sentence: str) -> str | None:
    """What the article is about, when its title names it and its first sentence starts with it:
    "Marie Curie: A Life in Science" + "Marie Curie was …" -> "Marie Curie"."""
    # "Marie Curie: A Life in Science", "John Snow and the Broad Street Pump": the name first.
    head = re.split(r":| and | – | - |, ", title)[0].strip()
    for candidate in (head, head.removeprefix("The ")):
        if candidate and first_sentence.startswith((candidate + " ", "The " + candidate + " ")):
            return head if first_sentence.startswith(head) else "The " + candidate
    # "Charles Darwin" over "Charles Robert Darwin was …": the person, with middle names between.
    if PERSON_NAME.fullmatch(head) and _full_name_of(head, first_sentence):
        return head
    return None


def _full_name_of(name: str, sentence: str) -> bool:
    """Whether ``sentence`` opens with ``name`` written out with one or two middle names."""
    first, *_, last = name.split()
    middle = r"(?:[A-Z][\w'’\-]+ ){1,2}"
    return re.match(rf"{re.escape(first)} {middle}{re.escape(last)}\b", sentence) is not None


def _resolved(sentence: str, subject: str | None, previous: str) -> str:
    if not subject:
        return sentence
    first = sentence.split(" ", 1)[0]
    is_person = PERSON_NAME.fullmatch(subject) is not None and not subject.startswith("The ")
    if first in ("She", "He") and is_person and pronoun_fits(first, subject):
        return subject + sentence[len(first) :]
    if first in ("Her", "His") and is_person and pronoun_fits(first, subject):
        # "Her notes on a machine …" in a life of Ada Lovelace: "Ada Lovelace's notes …".
        return f"{subject}'s" + sentence[len(first) :]
    inside = _resolved_inside(sentence, subject) if is_person else None
    if inside:
        return inside
    bare = subject.removeprefix("The ")
    if first == "It" and (previous.startswith(subject) or previous.startswith(bare)):
        return subject + sentence[len(first) :]
    return sentence


def _resolved_inside(sentence: str, person: str) -> str | None:
    """ "In 1891 she moved to Paris", "As a young man he was apprenticed …": the subject of
    the opening clause, a few words in, named; "In January 1773 his two ships …": its
    possessive. None when there is none, or the pronoun cannot stand for ``person``."""
    opening = re.match(r"^((?:\S+ ){1,6})(she|he) ", sentence)
    if opening and "," not in opening.group(1)[:-2] and pronoun_fits(opening.group(2), person):
        return opening.group(1) + person + sentence[opening.end() - 1 :]
    owner = re.match(r"^((?:\S+ ){1,4})(her|his) ", sentence)
    if owner and "," not in owner.group(1) and pronoun_fits(owner.group(2), person):
        return owner.group(1) + f"{person}'s" + sentence[owner.end() - 1 :]
    return None


# "It is thought that …", "It was not until …", "It takes …": an "it" that stands for nothing.
DUMMY_IT = re.compile(
    r"^It (?:is|was|has been|seems|takes|took)\b(?: not)? (?:\w+ )?(?:that|to|until)\b"
)
# The subject of the sentence before: a short noun phrase ("The lithosphere, the rigid …",
# "Carbon pricing puts …", "The Acid Rain Program, created under …").
NOUN_PHRASE = re.compile(r"^(?:The |An? )?[A-Za-z][\w'’\-]*(?: [A-Za-z][\w'’\-]*){0,3}")


def _previous_subject(previous: str) -> str | None:
    """The subject of ``previous``, when it is a plain noun phrase the next sentence's "It" can
    stand for; None when it is unsure (a pronoun, a clause, a plural)."""
    head = previous.split(",", 1)[0] if "," in previous[:80] else ""
    # "The European Union Emissions Trading System (EU ETS), launched …": the EU ETS.
    abbreviated = re.fullmatch(r"(?:The )?[A-Z][\w ]+ \(([A-Z][A-Z .]+)\)", head)
    if abbreviated:
        return f"The {abbreviated.group(1)}"
    clause = split_clause(previous, for_recall=True)
    if head and split_clause(head, for_recall=True) is not None:
        head = ""  # "Crops failed, and the dry topsoil …": a clause of its own, no subject
    candidate = head if head and len(head.split()) <= 4 else clause.subject if clause else ""
    if not candidate or not NOUN_PHRASE.fullmatch(candidate):
        return None
    words = candidate.split()
    if words[0].lower() in UNRESOLVED_STARTS or is_function_word(words[-1]):
        return None
    if words[-1].endswith("s") and not words[-1][:1].isupper():
        return None  # "The plates …": a plural is never "it"
    if NAMING_DEFINITE.match(candidate):
        return None  # "The price was paid by the Aral Sea. It was once …": "it" is the sea
    return candidate


# "For more than a century it had no home", "In 1801 it moved": the subject after an opening
# phrase of time, which names no thing of its own.
TIME_OPENING_IT = re.compile(
    r"^((?:For|In|By|After|During|Until|Since|Over) (?:[^\s,]+ ){1,5})(it) (?=[a-z])"
)


def _subject_after_a_time_phrase(sentence: str) -> re.Match[str] | None:
    """The opening time phrase and its subject "it", unless that "it" stands for nothing ("For
    years it was thought that …")."""
    found = TIME_OPENING_IT.match(sentence)
    if found is None or DUMMY_IT.match("It " + sentence[found.end() :]):
        return None
    if not any(w[:1].isdigit() or w.lower() in TIME_WORDS for w in found.group(1).split()):
        return None  # "In the cellar it is cool": a place may be what "it" stands in
    return found


def it_resolved(sentence: str, previous: str) -> str:
    """ "It comes in two main forms" after "Carbon pricing puts a cost …": "Carbon pricing
    comes in two main forms"; "In its first phase …" after "The EU ETS (…) was …": "In the EU
    ETS's first phase …"."""
    if not previous:
        return sentence
    person = _person_before(sentence, previous)
    if person:
        return person
    # "In its first phase", "Beneath it lies": a possessive, or an object after a preposition
    # ("Strong winds lifted it" is the topsoil, not the subject before).
    owner = (
        re.match(r"^((?:\S+ ){1,3})(its) ", sentence)
        or re.match(
            r"^((?:\S+ )?(?:[Bb]eneath|[Bb]elow|[Aa]bove|[Uu]nder|[Ii]nside|[Ww]ithin) )(it) ",
            sentence,
        )
        or _subject_after_a_time_phrase(sentence)
    )
    if not (sentence.startswith("It ") or owner) or DUMMY_IT.match(sentence):
        return sentence
    named = _previous_subject(previous)
    if not named:
        return sentence
    if owner and owner.group(2) == "its" and named.split()[-1][:1].islower():
        # "Much of its work" after "The chairmanship rotates …": a possessive may reach past a
        # common noun to the body the section is about (the Council's work); only a name is sure.
        return sentence
    if owner:
        inside = named if named.split()[0] not in ("The", "A", "An") else lower_first(named)
        own = "'s" if owner.group(2) == "its" else ""
        return f"{owner.group(1)}{inside}{own} {sentence[owner.end() :]}"
    return f"{named}{sentence[2:]}"


# "the German scientist Alfred Wegener": a person the sentence introduces by role.
INTRODUCED = re.compile(r"\b[a-z]+ ((?:[A-Z][\w'’\-]+ )[A-Z][\w'’\-]+)")


def _person_before(sentence: str, previous: str) -> str | None:
    """ "He pointed to …" after "… the German scientist Alfred Wegener proposed …": "Alfred
    Wegener pointed to …", when the sentence before introduces exactly one person by role."""
    first = sentence.split(" ", 1)[0]
    if first not in ("He", "She", "His", "Her"):
        return None
    # "the German scientist Alfred Wegener", never "of South America": a role noun before it.
    people = {
        m.group(1)
        for m in INTRODUCED.finditer(previous)
        if not is_function_word(m.group(0).split()[0])
    }
    opening = re.match(r"^((?:[A-Z][\w'’\-]+ ){1,2}[A-Z][\w'’\-]+) [a-z]+ed\b", previous)
    if opening:
        people.add(opening.group(1))  # "Alfred Wegener pointed …": the sentence before's subject
    people = {p for p in people if PERSON_NAME.fullmatch(p) and not p.startswith("The ")}
    if len(people) != 1:
        return None
    person = people.pop()
    if not pronoun_fits(first, person):
        return None
    own = "'s" if first in ("His", "Her") else ""
    return f"{person}{own}{sentence[len(first) :]}"


# "Gutenberg was born in Mainz …": a person the paragraph goes on to call "he".
BORN = re.compile(r"^((?:[A-Z][\w'’\-]+ ){0,2}[A-Z][\w'’\-]+) was born\b")
PERSON_OPENINGS = ("He", "She", "His", "Her")


def _paragraph_person(shown: str, body: str, person: str | None) -> str | None:
    """Who an opening "He"/"His" of the topic's next sentence stands for: the person whose
    birth a sentence tells, or whom an opening pronoun was resolved to, while each sentence
    opens with that person; None as soon as one opens otherwise or names anyone else ("a
    merchant, Johann Fust, …"), where "he" is no longer sure."""
    born = BORN.match(shown)
    if born:
        return born.group(1)
    first = body.split(" ", 1)[0]
    if first in PERSON_OPENINGS and shown != body:
        named = shown[: len(shown) - len(body) + len(first)].removesuffix(first)
        person = named.removesuffix("'s").strip() or person
    if not person or not shown.startswith(person):
        return None
    others = {m.group(0) for m in PERSON_NAME.finditer(shown)} - {person}
    return None if others else person


def _chained(body: str, person: str | None) -> str:
    """ "He devised a hand mould …" two sentences after "Gutenberg was born …", with only
    "he" and "his" between: "Gutenberg devised a hand mould …"."""
    first = body.split(" ", 1)[0]
    if not person or first not in PERSON_OPENINGS or not pronoun_fits(first, person):
        return body
    own = "'s" if first in ("His", "Her") else ""
    return f"{person}{own}{body[len(first) :]}"


PREPOSITION_OPENERS = frozenset("about in on at by for from with to of after before".split())
# A verb that makes the words before it a subject: "most victims died", "the system was …".
LINKING_VERBS = frozenset("is are was were has have had can could will would may must".split())
MAX_SUBJECT_WORDS_OF_A_LABELLED_CLAUSE = 12


def labelled_clause(text: str) -> bool:
    """A bullet's text after its label that is a sentence of its own ("Disease: most victims
    died not of starvation …"), not a fragment that leans on the label ("Orbit: about 20,200 km
    high", "First satellite: launched in 1978"): a finite verb before its first comma."""
    if not text[:1].islower():
        return False
    # Up to the first comma or relative pronoun: "a legal limit … that may be sold" is no clause.
    before = re.split(r"[,;:(]| (?:that|which|who|whose|where|when) ", text, maxsplit=1)[0]
    head = before.split()[:MAX_SUBJECT_WORDS_OF_A_LABELLED_CLAUSE]
    if len(head) < 2 or is_verb_only(head[0]) or head[0] in PREPOSITION_OPENERS:
        return False
    return any(w in LINKING_VERBS or is_finite_verb(w) for w in head[1:])


def lower_first(phrase: str) -> str:
    return phrase[:1].lower() + phrase[1:]


def shown_claims(topics: list[TopicDraft], title: str) -> list[ShownClaim]:
    """Every claim with the sentence it is shown in, in reading order."""
    claims = [c for t in topics for c in t.claims]
    if not claims:
        return []
    subject = article_subject(title, claims[0].sentence)
    titles = {t.key: t.title for t in topics}
    shown, previous = [], ""
    for topic in topics:
        previous, person = "", None
        in_glossary = bool(GLOSSARY_HEADING.search(titles.get(topic.parent_key or "", "")))
        for claim in topic.claims:
            sentence = claim.sentence.rstrip()
            if not in_glossary and labelled_clause(sentence):
                # Shown as the sentence it is ("Most victims died …"); the quote stays verbatim.
                sentence = sentence[:1].upper() + sentence[1:]
            body = sentence.rstrip(".!?:;")
            text = _resolved(body, subject, previous)
            if text == body:
                text = it_resolved(body, previous)
            if text == body:
                text = _chained(body, person)
            person = _paragraph_person(text, body, person)
            shift = len(text) - len(body)
            start, end = claim.span_in_sentence
            start = 0 if start == 0 else start + shift
            end = min(len(text), end + shift)
            shown.append(ShownClaim(claim, text, (start, end), legacy_answer(claim, title)))
            previous = text  # as shown: "It is broken …" resolved names what "Beneath it" means
    return shown
