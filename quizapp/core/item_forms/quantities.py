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
from quizapp.core.item_forms.grammar import Clause, main_clause, question, split_clause
from quizapp.core.lexicon import is_function_word

MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)"
)
YEAR_FIRST = re.compile(
    rf"^In (?:(?:early|late|mid-)\s*)?(?:{MONTH} )?(?P<year>1\d{{3}}|20\d{{2}}),? "
)
YEAR_LAST = re.compile(rf"(?<![a-z]ed) in (?:{MONTH} )?(?P<year>1\d{{3}}|20\d{{2}})$")
APPROXIMATE = ("about", "nearly", "almost", "roughly", "around", "some", "over", "more than")
MAX_WORDS_BEFORE_NUMBER = 3
# "80 percent water", "three times as long": a share or a ratio, not a count of things.
NOT_COUNTED = frozenset({"percent", "per", "times", "fold"})
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


def year_question(sentence: str, names: set[str]) -> Quantity | None:
    """ "In 1898 the couple announced two new elements" -> "In which year did the couple
    announce two new elements?". Only the first statement of the sentence is turned round:
    "Construction began in 1859 and took ten years" asks when construction began."""
    sentence = main_clause(sentence.rstrip(" ."))
    if sum(n.kind == "year" for n in numbers(sentence)) != 1:
        return None
    first = YEAR_FIRST.match(sentence)
    last = YEAR_LAST.search(sentence)
    match = first or last
    if match is None:
        return None
    rest = sentence[match.end() :] if first else sentence[: match.start()]
    clause = split_clause(rest)
    if clause is None or "," in clause.rest:
        return None
    prompt = question("In which year", clause, clause.rest, names)
    return prompt and Quantity(prompt, match.group("year"), "year", "when")


def _counted(rest: str) -> tuple[str, str, str, str] | None:
    """(approximation, number, counted noun phrase, the rest around them) in a clause's rest;
    the number must be in its first part (before a comma), and a count, not an ordinal."""
    first_part = rest.split(",")[0]
    for target in numbers(first_part):
        if target.kind != "number" or not re.fullmatch(r"[\d,.]+|[a-z]+", target.text):
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
        approx = next((a for a in APPROXIMATE if before.rstrip().endswith(a)), "")
        before = before.rstrip()[: len(before.rstrip()) - len(approx)] if approx else before
        if len(before.split()) > MAX_WORDS_BEFORE_NUMBER:
            return None  # "was the first woman to win … in two sciences": not a clause to turn
        return approx, target.text, counted, f"{before.strip()} {tail.strip()}".strip()
    return None


def count_question(sentence: str, names: set[str]) -> Quantity | None:
    """ "The library employed 31 staff, equal to 24 full-time posts" -> "How many staff did
    the library employ?" (its first statement only)."""
    sentence = main_clause(sentence.rstrip(" ."))
    found = [n for n in numbers(sentence) if n.kind == "number"]
    if len(found) != 1:
        return None  # "31 staff, equal to 24 posts": which number is asked would be unclear
    percent = PERCENT.match(sentence)
    if percent:
        clause = split_clause(percent.group("whole"))
        if clause and clause.auxiliary in ("is", "are", "was", "were") and clause.rest:
            lead = "About what" if percent.group("approx") else "What"
            prompt = f"{lead} percentage of {clause.subject} {clause.auxiliary} {clause.rest}?"
            return Quantity(prompt, percent.group("n"), "number", "howmany")
        return None
    clause = split_clause(sentence)
    if clause is None or re.search(r"\d", clause.subject):
        return None
    counted = _counted(clause.rest)
    if counted is None:
        return None
    approx, number, noun, rest = counted
    lead = "About how many" if approx else "How many"
    prompt = question(
        f"{lead} {noun}", Clause(clause.subject, clause.auxiliary, clause.verb, ""), rest, names
    )
    return prompt and Quantity(prompt, number, "number", "howmany")
