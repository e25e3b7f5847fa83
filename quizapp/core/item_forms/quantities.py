"""Numbers and dates as questions on the rephrased clause: "In which year did …?", "How many
… did …?", "What percentage of … is …?".

The question is the sentence's own clause turned round (``grammar``), with the number taken
out, so the student reads a question, not a 60-word sentence with a hole. A sentence with
another number of the same kind is left to the other forms: "from 1967 to 1975" or "31 staff,
equal to 24 posts" would make the question depend on which number is meant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lemminflect import getAllLemmas

from quizapp.core.answer_targets import numbers
from quizapp.core.item_forms.grammar import (
    Clause,
    base_form,
    is_base_verb,
    is_verb_form,
    lower_first,
    main_clause,
    question,
    split_clause,
)
from quizapp.core.lexicon import is_function_word

MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)"
)
YEAR_FIRST = re.compile(
    rf"^(?:In (?:(?:early|late|mid-)\s*)?(?:{MONTH} )?|On \d{{1,2}} {MONTH} )"
    rf"(?P<year>1\d{{3}}|20\d{{2}}),? "
)
YEAR_LAST = re.compile(rf"(?<![a-z]ed) in (?:{MONTH} )?(?P<year>1\d{{3}}|20\d{{2}})$")
# A date inside the clause: "died in 1934 of …", "opened on 17 November 1869 with …".
DATE_INSIDE = re.compile(
    rf" (?:in|on) (?:(?:early|late|mid-)\s*)?(?:\d{{1,2}} )?(?:{MONTH} )?(?:\d{{1,2}},? )?"
    rf"(?P<year>1\d{{3}}|20\d{{2}})\b"
)
# "from Sunday 2 September to Thursday 6 September 1666": a span of days in one year.
DATE_RANGE = re.compile(
    rf" from (?:[A-Z][a-z]+ )?\d{{1,2}} {MONTH} to (?:[A-Z][a-z]+ )?\d{{1,2}} {MONTH} "
    rf"(?P<year>1\d{{3}}|20\d{{2}})\b"
)
# "Ada was born in London on 10 December 1815": the year a person was born.
BORN = re.compile(r"^(?P<subject>(?:[A-Z][\w'’\-]+ ){0,2}[A-Z][\w'’\-]+) (?P<be>was|were) born ")
# "In 1833, at the age of 17, Ada met …": an aside the question does without.
AGE_ASIDE = re.compile(r",? at the age of \d+,?")
# Words that open a clause of their own: a date after them is not the main verb's.
RELATIVE = frozenset("that which who whom whose where when while".split())
# Words that open a subordinate clause: the sentence's main verb comes after its comma.
SUBORDINATORS = frozenset("when while because although though if once as since".split())
# "during the 16th century": the century as the key.
CENTURY = re.compile(r" (?:in|during) the (?P<nth>1?\d(?:st|nd|rd|th)) century\b")
APPROXIMATE = (
    "about",
    "nearly",
    "almost",
    "roughly",
    "around",
    "some",
    "over",
    "more than",
    "at least",
)
# How a question says the sentence's bound: "at least six hours", "more than twenty fruits".
LEADS = {
    "": "How many",
    "at least": "At least how many",
    "more than": "More than how many",
    "over": "More than how many",
}
MAX_WORDS_BEFORE_NUMBER = 3
# "80 percent water", "three times as long": a share or a ratio, not a count of things.
NOT_COUNTED = frozenset({"percent", "per", "times", "fold"})
# "Nectar is about 80 percent water": what share of the whole the part is.
PERCENT_OF_WHOLE = re.compile(
    r"^(?P<whole>[A-Z][\w'’\- ]{1,40}?) (?P<be>is|are) "
    r"(?P<approx>(?:about|nearly|almost|roughly|around) )?(?P<n>\d+(?:\.\d+)?) "
    r"(?:percent|per cent|%) (?P<part>[a-z][\w\- ]{1,30})$"
)
# A count's number: digits, a word ("six"), or a decimal with a multiplier ("2.3 million").
COUNT_NUMBER = re.compile(r"[\d,.]+|[a-z]+|[\d.]+ (?:million|billion)")
PERCENT = re.compile(
    r"^(?P<approx>(?:About|Nearly|Almost|Roughly|Around|Over|More than) )?(?P<n>\d+(?:\.\d+)?) "
    r"(?:percent|per cent|%) of (?P<whole>.+)$"
)


@dataclass(frozen=True)
class Quantity:
    """A question (``prompt``) whose key is ``answer`` of ``kind`` (year or number)."""

    prompt: str
    answer: str
    kind: str
    form: str  # "when" or "howmany"
    # Other ways to write the key that the question's wording makes right ("16th century").
    also: tuple[str, ...] = ()


def year_question(sentence: str, names: set[str]) -> Quantity | None:
    """ "In 1898 the couple announced two new elements" -> "In which year did the couple
    announce two new elements?". Only the first statement of the sentence is turned round:
    "Construction began in 1859 and took ten years" asks when construction began; a date
    inside it ("died in 1934 of …") is taken out, and an age aside is dropped."""
    if sentence.split(" ", 1)[0].lower() in SUBORDINATORS:
        return None  # "When the Great Depression began in 1929, …": no "did when … begin"
    sentence = AGE_ASIDE.sub("", main_clause(sentence.rstrip(" .")))
    if sum(n.kind == "year" for n in numbers(sentence)) != 1:
        return None
    born = BORN.match(sentence)
    inside = DATE_RANGE.search(sentence) or DATE_INSIDE.search(sentence)
    if born and inside:
        prompt = f"In which year {born.group('be')} {born.group('subject')} born?"
        return Quantity(prompt, inside.group("year"), "year", "when")
    first = YEAR_FIRST.match(sentence)
    last = YEAR_LAST.search(sentence)
    if first or last:
        return _year_at_an_end(sentence, first, last, names)
    if inside is None:
        return None
    prompt = _turned_round("In which year", sentence, inside.start(), inside.end(), names)
    return prompt and Quantity(prompt, inside.group("year"), "year", "when")


def _year_at_an_end(
    sentence: str, first: re.Match | None, last: re.Match | None, names: set[str]
) -> Quantity | None:
    """ "In 1898 the couple announced …" or "… began in 1776": the clause without its date."""
    match = first or last
    assert match is not None
    rest = sentence[match.end() :] if first else sentence[: match.start()]
    if first:
        rest = _without_an_aside(rest)
    clause = split_clause(rest)
    if clause is None or "," in clause.rest or _repeatable(clause):
        return None
    if clause.subject.lower() in ("the", "a", "an"):
        return None  # "the states party to …" read as "the" + "states": a noun taken for a verb
    if last and not first and not _dates_main_verb(clause):
        return None
    prompt = question("In which year", clause, clause.rest, names)
    return prompt and Quantity(prompt, match.group("year"), "year", "when")


# What may follow a comma and be left out of the question: an appositive ("HMS Endeavour, a
# former Whitby collier"), a participle ("the Service, led by …") or a relative clause.
ASIDE_AFTER_COMMA = re.compile(
    r"^\s*(?:(?:a|an|the)\s+[a-z]|which\b|who\b|[a-z]+ed\s+(?:by|in|to|as)\b)"
)


def _without_an_aside(rest: str) -> str:
    """ "Cook was given command of HMS Endeavour, a former Whitby collier" -> the clause up to
    its comma, when what follows only describes the last noun; a list ("Chicago, New York and
    Washington") or a second statement keeps its comma (and the sentence gets no question)."""
    head, comma, tail = rest.partition(",")
    if comma and ASIDE_AFTER_COMMA.match(tail) and len(head.split()) >= 3:
        return head
    return rest


def _turned_round(wh: str, sentence: str, start: int, end: int, names: set[str]) -> str | None:
    """``wh`` + the clause before ``start`` turned round, the words after ``end`` kept up to a
    comma: "The canal opened | on 17 November 1869 | with a lavish ceremony" -> "In which year
    did the canal open with a lavish ceremony?". The date must be the main verb's: none after
    a relative word or a participle of its own ("the café that opened in …", "founded in …")."""
    clause = split_clause(sentence[:start])
    if clause is None or "," in clause.rest or _repeatable(clause):
        return None
    if not _dates_main_verb(clause):
        return None
    after = sentence[end:].split(",")[0].strip()
    rest = f"{clause.rest} {after}".strip()
    return question(wh, clause, rest, names)


def _dates_main_verb(clause: Clause) -> bool:
    """Whether a date after ``clause`` dates its main verb: not when a relative word, a
    participle or an infinitive of its own comes between ("The voyage was planned … to observe
    the transit of Venus … in June 1769": 1769 is the transit's year, not the planning's)."""
    between = clause.rest.split()
    if clause.auxiliary and between:
        between = between[1:]  # "was built near …": the participle is the main verb's
    if any(w in RELATIVE or is_verb_form(w) for w in between):
        return False
    return not any(
        w == "to" and nxt.islower() and is_base_verb(nxt)
        for w, nxt in zip(between, between[1:], strict=False)
    )


# Events a subject can do more than once in a life ("Cook returned to England in 1771" after
# his first voyage, and again after his second): "In which year did Cook return …?" has two keys.
REPEATABLE = frozenset({"return", "revisit", "visit"})


def _repeatable(clause: Clause) -> bool:
    verb = clause.verb or (clause.rest.split() or [""])[0]
    return base_form(verb.lower()) in REPEATABLE or clause.rest.startswith("back ")


def century_question(sentence: str, names: set[str]) -> Quantity | None:
    """ "The league lost its power slowly during the 16th century" -> "In which century did
    the league lose its power slowly?" (16th)."""
    sentence = main_clause(sentence.rstrip(" ."))
    found = CENTURY.search(sentence)
    if found is None or len(CENTURY.findall(sentence)) != 1 or numbers(sentence[: found.start()]):
        return None
    prompt = _turned_round("In which century", sentence, found.start(), found.end(), names)
    nth = found.group("nth")
    word = ORDINAL_WORDS.get(int(nth[:-2]))
    also = (f"{nth} century", f"the {nth} century")
    if word:
        also += (word, f"{word} century", f"the {word} century")
    return prompt and Quantity(prompt, nth, "number", "when", also)


def _counted(rest: str) -> tuple[str, str, str, str] | None:
    """(approximation, number, counted noun phrase, the rest around them) in a clause's rest;
    the number must be in its first part (before a comma), and a count, not an ordinal."""
    first_part = re.split(r",(?!\d)", rest)[0]  # "5,800 hours, mainly …": not the digits' comma
    for target in numbers(first_part):
        if target.kind != "number" or not COUNT_NUMBER.fullmatch(target.text):
            continue
        before, after = first_part[: target.start], first_part[target.end :]
        words = []
        for word in after.split()[:3]:
            if not re.fullmatch(r"[a-z][\w\-]*", word) or is_function_word(word):
                break
            words.append(word)
        if not words or "NOUN" not in getAllLemmas(words[-1]) or words[0] in NOT_COUNTED:
            return None
        # "87 parish churches": the phrase runs to its plural noun, at most three words.
        phrase = next((i for i, w in enumerate(words) if w.endswith("s")), len(words) - 1)
        counted = " ".join(words[: phrase + 1])
        tail = after[len(" " + counted) :]
        tail = re.split(r"\b(?:and|or|but)\b", tail)[0]  # "87 churches and the old St Paul's"
        if tail.startswith(" of "):
            # "six hours of direct sun a day": what is counted runs on to the end.
            counted, tail = f"{counted}{tail.rstrip()}", ""
        approx = next((a for a in APPROXIMATE if before.rstrip().endswith(a)), "")
        before = before.rstrip()[: len(before.rstrip()) - len(approx)] if approx else before
        if len(before.split()) > MAX_WORDS_BEFORE_NUMBER:
            return None  # "was the first woman to win … in two sciences": not a clause to turn
        return approx, target.text, counted, f"{before.strip()} {tail.strip()}".strip()
    return None


# A century's ordinal as a word, so "sixteenth" is right for "16th".
ORDINAL_WORDS = {
    n: word
    for n, word in enumerate(
        """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
        thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth
        twenty-first""".split(),
        start=1,
    )
}
# "grew by 27 percent", "rose to 12,400": a change, asked by how much or to what.
CHANGE_VERBS = frozenset("rose fell grew increased decreased dropped climbed".split())
CHANGE = re.compile(
    r"^(?:by (?P<by>\d+(?:\.\d+)?) (?:percent|per cent|%)|to (?P<to>[\d,.]+))(?: to [\d,.]+)?$"
)
# "Only six deaths were recorded": the count is the subject's.
COUNTED_SUBJECT = re.compile(
    r"^(?P<approx>Only |About |Some |Nearly )?(?P<n>[\w,.]+) (?P<noun>[a-z]+s)$"
)


def count_question(sentence: str, names: set[str]) -> Quantity | None:
    """ "The library employed 31 staff, equal to 24 full-time posts" -> "How many staff did
    the library employ?" (its first statement, up to a comma, holds the only number)."""
    sentence = main_clause(sentence.rstrip(" ."))
    first_part = re.split(r",(?!\d)", sentence)[0]
    found = [n for n in numbers(first_part) if n.kind == "number"]
    clause = split_clause(first_part)
    if clause and clause.verb in CHANGE_VERBS and CHANGE.match(clause.rest):
        return _change(clause, CHANGE.match(clause.rest), names)
    if len(found) != 1:
        return None  # "31 staff and 24 posts": which number is asked would be unclear
    of_whole = PERCENT_OF_WHOLE.match(first_part)
    if of_whole:
        lead = "About what" if of_whole.group("approx") else "What"
        whole = lower_first(of_whole.group("whole"), names)
        prompt = f"{lead} percentage of {whole} {of_whole.group('be')} {of_whole.group('part')}?"
        return Quantity(prompt, of_whole.group("n"), "number", "howmany")
    percent = PERCENT.match(first_part)
    if percent:
        clause = split_clause(percent.group("whole"))
        if clause and clause.auxiliary in ("is", "are", "was", "were") and clause.rest:
            lead = "About what" if percent.group("approx") else "What"
            prompt = f"{lead} percentage of {clause.subject} {clause.auxiliary} {clause.rest}?"
            return Quantity(prompt, percent.group("n"), "number", "howmany")
        return None
    if clause is None:
        return None
    if re.search(r"\d", clause.subject) or found[0].start < len(clause.subject):
        return _counted_subject(clause, found[0].text)
    counted = _counted(clause.rest)
    if counted is None:
        return None
    approx, number, noun, rest = counted
    lead = LEADS.get(approx, "About how many")
    prompt = question(
        f"{lead} {noun}", Clause(clause.subject, clause.auxiliary, clause.verb, ""), rest, names
    )
    return prompt and Quantity(prompt, number, "number", "howmany")


def _change(clause: Clause, change: re.Match, names: set[str]) -> Quantity | None:
    """ "Loans of e-books grew by 27 percent to 61,000" -> "By what percentage did loans of
    e-books grow?"; "Registered members rose to 12,400" -> "To what number did registered
    members rise?"."""
    by, to = change.group("by"), change.group("to")
    wh = "By what percentage" if by else "To what number"
    prompt = question(wh, Clause(clause.subject, "", clause.verb, ""), "", names)
    also = (f"{by} percent", f"{by}%", f"{by} per cent") if by else ()
    return prompt and Quantity(prompt, by or to, "number", "howmany", also)


def _counted_subject(clause: Clause, number: str) -> Quantity | None:
    """ "Only six deaths were recorded" -> "How many deaths were recorded?"."""
    found = COUNTED_SUBJECT.match(clause.subject)
    participle = clause.rest.split()[0] if clause.rest.split() else ""
    if found is None or found.group("n") != number or clause.auxiliary not in ("were", "are"):
        return None
    if not is_verb_form(participle) or len(clause.rest.split()) != 1:
        return None
    lead = "About how many" if found.group("approx") in ("About ", "Nearly ") else "How many"
    return Quantity(
        f"{lead} {found.group('noun')} {clause.auxiliary} {participle}?",
        number,
        "number",
        "howmany",
    )
