"""Grade one submitted answer against a question's grading key.

Pure domain logic: plain dataclasses in, a `Grade` out, no web or database types. The one entry
point is `grade_answer`, which asks the registry of question kinds for the key's grader. It
raises `InvalidAnswer` for answers no honest form could have sent (tampered ids, wrong Python
types) and `InvalidKey` for a grading key that cannot be graded; an empty answer is not an
error, it scores 0 with detail "No answer".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from rapidfuzz.distance import OSA

from quizapp.core.errors import ContractError, InputError
from quizapp.core.question_types import QuestionType

# Minimum word similarity (0-100, optimal-string-alignment edit distance, so a swap of two
# neighbouring letters counts as one slip) for a word to count as a typo of the expected word.
# At 85 a word needs 7+ letters to tolerate one slip and 14+ for two, which accepts "Sibera" for
# "Siberia" but refuses near-miss different answers like "Austria" for "Australia" (78) or
# "Zambia" for "Gambia" (83).
TYPO_SIMILARITY_THRESHOLD = 85.0
# Words (and whole answers) shorter than this must match exactly: in short words one letter is
# often a different word ("Iran"/"Iraq").
MIN_LENGTH_FOR_TYPOS = 4
# A Chinese answer is one word, often of two characters, where one character is the whole
# difference ("湖北省"/"湖南省" are two provinces): one wrong character is forgiven only from
# this many characters, where it is a slip of the input method rather than another answer.
MIN_HAN_LENGTH_FOR_TYPOS = 4
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Spaces a learner types between Chinese words ("三峡 大坝"): Chinese writes none.
SPACE_BETWEEN_HAN = re.compile(
    r"(?<=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]) (?=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])"
)
CYRILLIC_START, CYRILLIC_END = "\u0400", "\u04ff"
# Answers and accepted variants are cut to this many characters before comparing, so a pasted
# 100k-character answer costs no more than a normal one.
MAX_ANSWER_CHARS = 500

NO_ANSWER = "No answer"
_LEADING_ARTICLES = frozenset({"the", "a", "an"})
_APOSTROPHES = frozenset("'\u2019\u02bc`\u00b4")
_TRUE_FALSE_STRINGS = {"true": True, "false": False}
_DETAIL_QUOTE_CHARS = 80


class InvalidAnswer(InputError):
    """The answer is structurally impossible for this question: tampered id or wrong type."""


class InvalidKey(ContractError):
    """The grading key itself is unusable (e.g. no correct choice); an authoring/data error."""


@dataclass(frozen=True)
class Choice:
    """One option of a choice question."""

    id: str
    text: str
    correct: bool
    # The share of the mark this choice is worth as its file wrote it (Moodle's 0.5, -0.25),
    # or None for the app's own right-or-wrong choices.
    fraction: float | None = None
    # A numerical question's accepted value and its tolerance either side (None otherwise).
    value: float | None = None
    tolerance: float = 0.0
    # A multi-gap cloze question's gap, as ``question_kinds.cloze_gaps`` stores it (None
    # otherwise); compared but never hashed.
    gap: Mapping[str, Any] | None = field(default=None, hash=False)


@dataclass(frozen=True)
class GradingKey:
    """Everything needed to grade one question; only the fields for `type` are read.

    - single_choice / multiple_select: `choices`
    - true_false: `correct_bool`
    - fill_blank / short_answer: `accepted` (every accepted variant)
    - matching: `pairs` of (left, right), lefts unique, rights may repeat; an empty left
      is a distractor
    - numerical: `choices` with `value` and `tolerance`; `pairs` of (unit, multiplier text)
    - cloze: `choices`, one per gap, each with its `gap`
    """

    type: QuestionType
    choices: tuple[Choice, ...] = ()
    accepted: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    correct_bool: bool | None = None


@dataclass(frozen=True)
class Grade:
    """The outcome: `score` in 0..1, `correct` exactly when score is 1, a short `detail` why."""

    score: float
    correct: bool
    detail: str

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise ContractError(f"score out of range: {self.score}")
        if self.correct != (self.score == 1.0):
            raise ContractError("correct must be True exactly when score == 1")


def grade_answer(key: GradingKey, answer: object) -> Grade:
    """Grade `answer` as parsed from the web form against `key`.

    Promises: returns a Grade with 0 <= score <= 1; an empty answer (None, blank string, empty
    collection) scores 0 with detail "No answer"; raises InvalidAnswer for a structurally invalid
    answer and InvalidKey for an ungradable key. Never mutates its arguments.
    """
    # The registry's kinds call this module's graders, so it is imported here, not at the top.
    from quizapp.core.question_kinds import UnknownKind, kind_of

    try:
        kind = kind_of(key.type)
    except UnknownKind:
        raise InvalidKey(f"unknown question type: {key.type!r}") from None
    if _is_empty(answer):
        return _grade(0, NO_ANSWER)
    return kind.grade(key, answer)


# Moodle counts a question right from this fraction on: three choices worth 33.33333 % each
# add up to full marks.
FULL_MARKS_FROM = 0.99999


def _grade(score: float | Fraction, detail: str) -> Grade:
    score = float(score)
    return Grade(score=score, correct=score == 1.0, detail=detail)


def _written_score(fractions: list[float]) -> float:
    """The sum of the picked choices' written fractions, held to 0..1 as Moodle holds it."""
    score = min(1.0, max(0.0, sum(fractions)))
    return 1.0 if score >= FULL_MARKS_FROM else score


def _has_written_fractions(key: GradingKey) -> bool:
    return any(choice.fraction is not None for choice in key.choices)


def _fraction_of(choice: Choice) -> float:
    if choice.fraction is not None:
        return choice.fraction
    return 1.0 if choice.correct else 0.0


def _is_empty(answer: object) -> bool:
    if answer is None:
        return True
    if isinstance(answer, str):
        return not answer.strip()
    if isinstance(answer, list | tuple | set | frozenset | Mapping):
        return len(answer) == 0
    return False


# --- choice questions -------------------------------------------------------------------------


def _choice_ids(key: GradingKey) -> tuple[set[str], set[str]]:
    """(all ids, correct ids) of the key, checked for duplicates and at least one correct."""
    ids = [choice.id for choice in key.choices]
    if len(set(ids)) != len(ids):
        raise InvalidKey("duplicate choice ids")
    correct = {choice.id for choice in key.choices if choice.correct}
    if not correct:
        raise InvalidKey("no choice is marked correct")
    return set(ids), correct


def grade_single_choice(key: GradingKey, answer: object) -> Grade:
    """1 when the chosen id is a correct choice (several flagged correct: any of them)."""
    ids, correct = _choice_ids(key)
    if not isinstance(answer, str):
        raise InvalidAnswer(
            f"single choice answer must be a choice id, got {type(answer).__name__}"
        )
    if answer not in ids:
        raise InvalidAnswer("unknown choice id")
    if _has_written_fractions(key):
        chosen = next(choice for choice in key.choices if choice.id == answer)
        score = _written_score([_fraction_of(chosen)])
        if 0 < score < 1:
            return _grade(score, f"Partly right: worth {round(score * 100, 2):g} %")
        return _grade(score, "Correct" if score == 1 else "Wrong choice")
    return _grade(1, "Correct") if answer in correct else _grade(0, "Wrong choice")


def grade_multiple_select(key: GradingKey, answer: object) -> Grade:
    """Partial credit, "right minus wrong" (as in Moodle/Canvas):

        score = max(0, right_picks / n_correct - wrong_picks * penalty)
        penalty = max(1 / n_correct, 1 / n_incorrect)

    Normally (at least as many wrong choices as correct ones) this is exactly
    max(0, (right picks - wrong picks) / n_correct). The penalty is raised to 1 / n_incorrect
    only when there are fewer wrong choices than correct ones, because otherwise ticking every
    box would earn credit (3 correct of 4: (3 - 1) / 3 = 0.67); with it, selecting everything
    scores 0 whenever at least one choice is wrong. Duplicate ids in the answer count once.

    A question whose choices carry written fractions (imported from Moodle or GIFT) scores as
    Moodle scores it: the sum of the picked choices' fractions, held to 0..1.
    """
    ids, correct = _choice_ids(key)
    if isinstance(answer, str | bytes | Mapping) or not isinstance(
        answer, list | tuple | set | frozenset
    ):
        raise InvalidAnswer(
            f"multiple select answer must be a collection of ids, got {type(answer).__name__}"
        )
    if not all(isinstance(item, str) for item in answer):
        raise InvalidAnswer("multiple select answer must contain only choice ids")
    picked = set(answer)
    if not picked <= ids:
        raise InvalidAnswer("unknown choice id")

    right = len(picked & correct)
    wrong = len(picked - correct)
    if _has_written_fractions(key):
        score: float | Fraction = _written_score(
            [_fraction_of(choice) for choice in key.choices if choice.id in picked]
        )
    else:
        n_incorrect = len(ids) - len(correct)
        penalty = max(Fraction(1, len(correct)), Fraction(1, n_incorrect)) if n_incorrect else 0
        score = max(Fraction(0), Fraction(right, len(correct)) - wrong * penalty)

    detail = f"{right} of {len(correct)} correct choices picked"
    if wrong:
        detail += f", {wrong} wrong pick{'s' if wrong > 1 else ''}"
    return _grade(score, detail)


def grade_true_false(key: GradingKey, answer: object) -> Grade:
    """1 when the answer equals the key; accepts a bool or the strings "true"/"false"."""
    if key.correct_bool is None:
        raise InvalidKey("true/false key has no correct value")
    if isinstance(answer, str):
        value = _TRUE_FALSE_STRINGS.get(answer.strip().casefold())
        if value is None:
            raise InvalidAnswer("true/false answer must be 'true' or 'false'")
    elif isinstance(answer, bool):
        value = answer
    else:
        raise InvalidAnswer(f"true/false answer must be a bool, got {type(answer).__name__}")
    return _grade(1, "Correct") if value == key.correct_bool else _grade(0, "Incorrect")


# --- free text ---------------------------------------------------------------------------------


# A comma or thin space between digit groups of three ("8,200,000", "8 200 000" as NFKC leaves
# a thin space): a typed "8200000" is the same number; "3,14" and "1, 2" are not matched.
THOUSANDS_SEPARATOR = re.compile(r"(?<=\d)[,\u2009\u202f](?=\d{3}(?!\d))")


def normalize_text(text: str) -> str:
    """Canonical form for comparing free-text answers; the same text always gives the same result.

    NFKC (full-width and ligature forms: "Ａ１" == "A1"), casefold ("STRASSE" == "straße",
    "МОСКВА" == "москва"), accents folded in Latin letters ("Zürich" == "Zurich") but not in
    Cyrillic ones, where "й" is not "и" (only "ё" == "е", as Russian writes it), any decimal
    digit made ASCII, apostrophes dropped ("don't" == "dont"), other punctuation (full-width
    too) turned into spaces, whitespace collapsed and dropped between Chinese characters, one
    leading "the"/"a"/"an" dropped when more words follow. Input and output are capped at
    MAX_ANSWER_CHARS. Symbols such as emoji are kept, and so are characters this Python's
    Unicode database does not know yet (newer emoji).
    """
    text = unicodedata.normalize("NFKC", text[:MAX_ANSWER_CHARS]).casefold().replace("ё", "е")
    text = THOUSANDS_SEPARATOR.sub("", text)  # "8,200,000" == "8200000"
    out: list[str] = []
    for char in _decomposed(text):
        category = unicodedata.category(char)
        if category == "Mn" or category == "Cf" or char in _APOSTROPHES:
            continue  # combining accents and invisible format characters carry no meaning here
        if category == "Nd":
            out.append(str(unicodedata.decimal(char)))
        elif category[0] in "PZ" or category == "Cc":
            out.append(" ")
        else:
            out.append(char)
    words = "".join(out).split()
    if len(words) > 1 and words[0] in _LEADING_ARTICLES:
        words = words[1:]
    return SPACE_BETWEEN_HAN.sub("", " ".join(words))[:MAX_ANSWER_CHARS]


def _decomposed(text: str) -> str:
    """NFKD, so accents come apart from Latin letters; a Cyrillic letter stays whole."""
    return "".join(
        char if CYRILLIC_START <= char <= CYRILLIC_END else unicodedata.normalize("NFKD", char)
        for char in text
    )


def _light_normalize(text: str) -> str:
    """Fallback for answers made only of punctuation/symbols, which normalize_text empties."""
    return " ".join(unicodedata.normalize("NFKC", text[:MAX_ANSWER_CHARS]).casefold().split())


def _similarity(a: str, b: str) -> float:
    return 100.0 * OSA.normalized_similarity(a, b)


def _is_small_typo(given: str, expected: str) -> bool:
    """True when normalised `given` differs from `expected` only by small slips.

    Words are compared position by position: a word containing a digit must match exactly (a
    wrong year is a wrong answer, not a typo); a word shorter than MIN_LENGTH_FOR_TYPOS must
    match exactly; other words need TYPO_SIMILARITY_THRESHOLD, and so does the whole answer.
    A missing or extra space between words ("Powerof Siberia") is also a slip, unless a digit
    is involved ("3 14" is not "314").
    """
    if HAN.search(expected):
        return _is_small_han_typo(given, expected)
    if min(len(given), len(expected)) < MIN_LENGTH_FOR_TYPOS:
        return False
    given_words, expected_words = given.split(), expected.split()
    if len(given_words) != len(expected_words):
        joined = given.replace(" ", "")
        return joined == expected.replace(" ", "") and not any(c.isdigit() for c in joined)
    for g, e in zip(given_words, expected_words, strict=True):
        if g == e:
            continue
        if any(c.isdigit() for c in g + e) or min(len(g), len(e)) < MIN_LENGTH_FOR_TYPOS:
            return False
        if _similarity(g, e) < TYPO_SIMILARITY_THRESHOLD:
            return False
    return _similarity(given, expected) >= TYPO_SIMILARITY_THRESHOLD


def _is_small_han_typo(given: str, expected: str) -> bool:
    """One character wrong, missing, extra or swapped in a Chinese answer of at least
    MIN_HAN_LENGTH_FOR_TYPOS characters, with its digits as written."""
    given, expected = given.replace(" ", ""), expected.replace(" ", "")
    if min(len(given), len(expected)) < MIN_HAN_LENGTH_FOR_TYPOS:
        return False
    if [c for c in given if c.isdigit()] != [c for c in expected if c.isdigit()]:
        return False
    return OSA.distance(given, expected) <= 1


def _quote(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > _DETAIL_QUOTE_CHARS:
        text = text[: _DETAIL_QUOTE_CHARS - 1] + "\u2026"
    return f"'{text}'"


def grade_text(key: GradingKey, answer: object) -> Grade:
    """1 for an exact (normalised) match to any accepted variant or a small typo of one, else 0."""
    if not isinstance(answer, str):
        raise InvalidAnswer(f"text answer must be a string, got {type(answer).__name__}")
    variants = [(variant, normalize_text(variant)) for variant in key.accepted]
    if not any(variant.strip() for variant, _ in variants):
        raise InvalidKey("no accepted answer")

    given = normalize_text(answer)
    if not given:
        # Punctuation/symbol-only answer: only an identical punctuation-only variant accepts it.
        light = _light_normalize(answer)
        if any(not norm and _light_normalize(v) == light for v, norm in variants):
            return _grade(1, "Correct")
        return _grade(0, "Not an accepted answer")
    if any(given == norm for _, norm in variants):
        return _grade(1, "Correct")
    for variant, norm in variants:
        if norm and _is_small_typo(given, norm):
            return _grade(1, f"Accepted with a small typo: {_quote(variant)}")
    return _grade(0, "Not an accepted answer")


# --- matching ----------------------------------------------------------------------------------


def grade_matching(key: GradingKey, answer: object) -> Grade:
    """Credit per pair: score = right pairs / all pairs with a left (rights may repeat, and
    a pair with no left is a distractor, never counted); unanswered lefts (missing, None or "")
    count as wrong. A left or right that is not part of the question is InvalidAnswer."""
    # A pair with no left is a distractor: a right to pick that no left takes.
    lefts = [left for left, _right in key.pairs if left]
    if not lefts:
        raise InvalidKey("matching key has no pairs")
    expected = {left: right for left, right in key.pairs if left}
    if len(expected) != len(lefts):
        raise InvalidKey("duplicate left item in matching key")
    rights = {right for _left, right in key.pairs}
    if not isinstance(answer, Mapping):
        raise InvalidAnswer(f"matching answer must be a mapping, got {type(answer).__name__}")

    right_pairs = 0
    answered = 0
    for left, chosen in answer.items():
        if not isinstance(left, str) or left not in expected:
            raise InvalidAnswer("unknown left item")
        if chosen is None or chosen == "":
            continue
        if not isinstance(chosen, str) or chosen not in rights:
            raise InvalidAnswer("unknown right item")
        answered += 1
        right_pairs += int(chosen == expected[left])
    if not answered:
        return _grade(0, NO_ANSWER)
    return _grade(
        Fraction(right_pairs, len(expected)), f"{right_pairs} of {len(expected)} pairs right"
    )
