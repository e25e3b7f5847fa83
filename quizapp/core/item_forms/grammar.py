"""Just enough English grammar to turn a statement into a question.

No tagger model can be installed here, so the main verb is found with ``lemminflect``'s
dictionary (which ships its data): the first word after the subject that is only ever a verb,
or an auxiliary. A sentence whose verb cannot be found that way makes no question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getAllLemmas, getInflection

from quizapp.core.gazetteer import country_code
from quizapp.core.people import is_given_name

AUXILIARIES = frozenset("is are was were has have had will would can could may might".split())
MODALS = frozenset("will would can could may might".split())
# Words between the subject and its verb that belong to neither ("also", "often").
ADVERBS = frozenset(
    """also often usually still already now then mainly mostly largely always never sometimes
    commonly generally typically soon later first once gradually steadily actively""".split()
)
# A subject is a short noun phrase: a longer run before the verb is a clause, not a subject.
MAX_SUBJECT_WORDS = 8
# An opening phrase ("At its height", "In 1891") is not a subject; nor is a pronoun.
NOT_IN_SUBJECT = frozenset(
    "it its they them he she his her this these those at in on by during after before".split()
)


@dataclass(frozen=True)
class Clause:
    """``subject`` + ``auxiliary``/``verb`` + ``rest``, e.g. ("the couple", "", "announced",
    "two new elements")."""

    subject: str
    auxiliary: str
    verb: str
    rest: str


@lru_cache(maxsize=4096)
def _lemmas(word: str) -> dict:
    return getAllLemmas(word.lower())


def is_verb_only(word: str) -> bool:
    """A word that the dictionary knows only as a verb ("announced", "releases")."""
    lemmas = _lemmas(word)
    return bool(lemmas) and set(lemmas) <= {"VERB", "AUX"}


def is_finite_verb(word: str, right_after_one_word: bool = False) -> bool:
    """A past-tense or third-person verb form that can head a clause. A word that is also a
    noun ("releases", "exercises") counts only right after a one-word subject
    ("Condensation releases …"), never after an adjective ("Joint military exercises")."""
    if not word.islower() or "VERB" not in _lemmas(word):
        return False
    if not is_verb_only(word) and not right_after_one_word:
        return False
    lemma = _lemmas(word).get("VERB", ("",))[0]
    return word in (getInflection(lemma, "VBD") or ()) or word in (
        getInflection(lemma, "VBZ") or ()
    )


def is_verb_form(word: str) -> bool:
    """A participle or other verb form after an auxiliary ("provided", "built", "seen")."""
    return word.islower() and "VERB" in _lemmas(word) and word.endswith(("ed", "en", "t", "n"))


def is_base_verb(word: str) -> bool:
    """A verb's base form after a modal ("could attend")."""
    return word.islower() and word in _lemmas(word).get("VERB", ())


def base_form(verb: str) -> str:
    lemmas = _lemmas(verb).get("VERB")
    return lemmas[0] if lemmas else verb


def _has_second_verb(rest: str) -> bool:
    """ "ran aground and blocked it": a question on the first verb would misstate the second."""
    after_and = re.findall(r"\band (\w+)", rest)
    return any("VERB" in _lemmas(w) and (w.endswith("ed") or is_finite_verb(w)) for w in after_and)


def _plural_present(word: str, before: str) -> bool:
    """ "Forager bees suck …": a verb's base form right after a plural noun."""
    base = _lemmas(word).get("VERB", ("",))[0]
    return word == base and word.islower() and before.endswith("s") and _noun_only(before)


def _noun_only(word: str) -> bool:
    """A noun that is never an adjective ("energy", not "military"): a verb may follow it."""
    lemmas = _lemmas(word)
    return "NOUN" in lemmas and "ADJ" not in lemmas


def _verb_at(words: list[str], index: int, for_recall: bool) -> bool | None:
    """Whether ``words[index]`` is the clause's main verb (None: read on, it may still come)."""
    bare = words[index]
    later = words[index + 1 : MAX_SUBJECT_WORDS + 1]
    participle = bare.endswith("ed") or "found" in _lemmas(bare).get("VERB", ())
    if participle and any(w in AUXILIARIES for w in later):
        return None  # "Jars of honey found in tombs were …": a participle, not the verb
    if _plural_present(bare, words[index - 1]):
        return True
    if bare.lower() in ADVERBS:
        return None
    following = words[index + 1] if index + 1 < len(words) else ""
    if following and is_verb_only(following) and is_finite_verb(following):
        return None  # "Staff costs took …": the verb is the next word, "costs" is a noun
    if not is_verb_only(bare) and following.endswith("ed") and "VERB" in _lemmas(following):
        return None  # "British troops occupied …": the noun before the verb
    before = words[index - 1]
    after_noun = index == 1 or _noun_only(before) or (before.endswith("s") and bare.endswith("ed"))
    if is_finite_verb(bare, right_after_one_word=after_noun):
        # "Russia actively reorients …": an adverb inside the subject reads badly turned round.
        return not any(w.lower() in ADVERBS for w in words[1:index])
    return None


def split_clause(sentence: str, for_recall: bool = False) -> Clause | None:
    """The subject, verb and rest of a plain declarative sentence, or None. ``for_recall``
    (a card's cut, not a question) allows a pronoun subject and a second verb."""
    words = sentence.split()
    barred = NOT_IN_SUBJECT - {"in", "on", "at", "by"}
    if not words or (words[0].lower() in NOT_IN_SUBJECT and not for_recall):
        return None
    if not for_recall and _has_second_verb(sentence):
        return None
    for index, word in enumerate(words[1 : MAX_SUBJECT_WORDS + 1], start=1):
        if word != word.strip(",;:"):
            return None  # a comma before the verb: an opening clause or an aside, not a subject
        subject, rest = " ".join(words[:index]), " ".join(words[index + 1 :])
        if not for_recall and any(w.lower() in barred for w in words[:index]):
            return None
        if word in AUXILIARIES:
            return Clause(subject, word, "", rest)
        found = _verb_at(words, index, for_recall)
        if found is not None:
            return Clause(subject, "", word, rest) if found else None
    return None


# Where a sentence's second statement starts: "…, and only Lübeck kept …", "…, up from …",
# a colon's list ("two new elements: polonium, …").
SECOND_STATEMENT = re.compile(
    r"; |: |, (?:and|but|while|whereas|when|which|who|where|up from|down from|equal to)\b"
)


def main_clause(sentence: str) -> str:
    """The sentence's first statement: up to "; ", ", and …", ", up from …", or " and " before
    a second verb ("Construction began in 1859 and took ten years")."""
    cut = SECOND_STATEMENT.search(sentence)
    first = sentence[: cut.start()] if cut else sentence
    for match in re.finditer(r" and (\w+)", first):
        word = match.group(1)
        if "VERB" in _lemmas(word) and (word.endswith("ed") or is_finite_verb(word)):
            return first[: match.start()]
    return first


def lower_first(text: str, names: set[str]) -> str:
    """``text`` with its first letter lowered, unless it starts a name the article uses."""
    first = re.sub(r"['’]s$", "", text.split(" ", 1)[0])
    if first in ("The", "A", "An"):
        # "The worst single day …" is no name because "The Grapes of Wrath" is one.
        whole = any(text.startswith(n) for n in names if n.startswith(first + " "))
        return text if whole else text[:1].lower() + text[1:]
    acronym = len(first) > 1 and first.isupper()
    if first in names or any(n.startswith(first + " ") for n in names) or acronym:
        return text
    if country_code(first):
        return text  # "Finland introduced …": a country keeps its capital in any question
    if _starts_a_persons_name(text):
        return text  # "In which year was Samuel Chase impeached?", never "samuel Chase"
    return text[:1].lower() + text[1:]


def _starts_a_persons_name(text: str) -> bool:
    """ "Samuel Chase was …": a given name followed by a capitalised word is a person's name,
    whether or not the article's list of names caught it."""
    words = text.split()
    return (
        len(words) > 1
        and words[1][:1].isupper()
        and words[0][:1].isupper()
        and is_given_name(words[0])
    )


# "Construction began in 1976": a bare act's noun names no thing ("did construction begin?"
# of what?), where "the canal" or "Lübeck" does.
ACT_NOUN_ENDINGS = ("tion", "sion", "ment", "ing", "ance", "ence")


def _names_its_thing(subject: str) -> bool:
    words = subject.split()
    return not (len(words) == 1 and subject.islower() and subject.endswith(ACT_NOUN_ENDINGS))


def _past_only(word: str) -> bool:
    base = base_form(word)
    return (
        word != base
        and word in (getInflection(base, "VBD") or ())
        and (word not in (getInflection(base, "VBN") or ()))
    )


def _participle_taken_for_verb(clause: Clause, rest: str) -> bool:
    """ "a commercial treaty negotiated by … Harris went further": "negotiated" is the
    subject's participle and "went" the verb; turned round on "negotiated" it reads "did a
    commercial treaty negotiate by … went further?"."""
    if clause.auxiliary or not clause.verb.endswith("ed"):
        return False
    return any(_past_only(w.strip(",;:.")) for w in rest.split() if w.islower())


def question(wh: str, clause: Clause, rest: str, names: set[str]) -> str | None:
    """``wh`` + the clause inverted: ("In which year", the couple announced …) ->
    "In which year did the couple announce …?"; None when the subject names no thing or the
    verb is a participle of the subject's."""
    subject = lower_first(clause.subject, names)
    # A when-question asks of one event, which needs its thing ("Condensation releases latent
    # heat" asks fine what condensation releases).
    dated = wh.startswith("In which")
    if (dated and not _names_its_thing(subject)) or _participle_taken_for_verb(clause, rest):
        return None
    if clause.auxiliary:
        body = f"{clause.auxiliary} {subject} {rest}"
    else:
        lemma = clause.verb
        base = base_form(lemma)
        past = lemma in (getInflection(base, "VBD") or ())
        do = (
            "did"
            if past
            else ("do" if subject.endswith("s") and not subject.endswith("ss") else "does")
        )
        if lemma in (getInflection(base, "VBZ") or ()):
            do = "does"
        body = f"{do} {subject} {base} {rest}"
    body = " ".join(body.split()).rstrip(" ,;:.")
    return f"{wh} {body}?"
