"""Which of these statements does the article make? Only options a strict teacher would keep.

A wrong option is another sentence of the article with one thing changed. Reviewers of unseen
readings kept few of them: 31 of 34 questions had a broken or self-refuting option ("divided Mr
into four zones", "no shorter respond", "stay in hospital shorter", "short-serving", a year the
title "1961 to 1990" rules out, "At least 100 people were killed" which "at least 140" makes
true, a quotation changed). So an option is kept only when its change is one a checker can
vouch for: a number moved within its kind and the title's years and under no bound, one of a
few opposites that read as plainly as the original ("slowly"/"quickly"), or a name swapped for
another name of the same kind that is no honorific; never inside quotation marks. The sentences
themselves must stand alone as the article's own words. With fewer than two such options no
question is made, and the claim falls back to its other forms.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from dataclasses import dataclass

from lemminflect import getAllLemmas

from quizapp.core.answer_targets import ArticleFacts
from quizapp.core.gazetteer import country_names
from quizapp.core.item_forms.grammar import is_finite_verb
from quizapp.core.item_forms.self_refuting import in_a_quotation
from quizapp.core.item_variants import BOUND_BEFORE, false_statement
from quizapp.core.lexicon import is_function_word
from quizapp.core.number_format import number_value
from quizapp.core.references import leans_back
from quizapp.core.sentences import with_stop

# Two clean wrong options, so three choices: a bad fourth option spoiled most questions, and
# two wrong options a question let the article's few clean ones reach more of its claims.
WRONG_OPTIONS = 2
# A changed statement is an option of one question only: reused, one self-refuting option spoiled
# four questions of a reading (unseen-6), and a student who met it once knows it is false.
MAX_USES_OF_AN_OPTION = 1

# Opposites reviewers judged fair as wrong options ("came slowly", "a small committee",
# "Countries inside the region", "a period of high tension"); "longer"/"shorter" (time:
# "stay longer", "no longer"), "reduce"/"increase" ("vaccines increase infections") and
# "warm"/"cool" gave broken or absurd statements, so they are not made here.
FAIR_OPPOSITES = frozenset(
    {
        ("slowly", "quickly"),
        ("small", "large"),
        ("smaller", "larger"),
        ("high", "low"),
        ("higher", "lower"),
        ("inside", "outside"),
        ("rose", "fell"),
        ("rich", "poor"),
        # Trends stated as such ("Trade has surged", "exercises have increased in frequency").
        ("stronger", "weaker"),
        ("surged", "slumped"),
        ("increased", "decreased"),
        # Only before a noun ("a long tongue"): see ``ATTRIBUTIVE``.
        ("long", "short"),
    }
)
# Never after "no"/"any" ("no shorter") nor "so"/"too", whose result the change refutes: "so
# high in water that bacteria and moulds cannot grow in it".
NO_OPPOSITE_AFTER = re.compile(r"\b(?:no|any|so|too)\s+$")
# "long"/"short" only as an adjective after an article ("a short tongue"): "no longer", "have
# long grown", "short of oxygen", "long-serving" read as nonsense turned round.
ATTRIBUTIVE = frozenset({"long", "short"})
AFTER_AN_ARTICLE = re.compile(r"\b(?:a|an|the)\s+$")
FAIR_OPPOSITE = {pair for a, b in FAIR_OPPOSITES for pair in ((a, b), (b, a))}
YEAR = re.compile(r"1\d{3}|20\d{2}")
YEARS_AFTER = re.compile(r"\s+years?\b")
HONORIFICS = frozenset(
    "Mr Mrs Ms Miss Dr Sir Dame Lord Lady St Prof Professor Rev Herr Frau Monsieur Madame".split()
)
NAME_JOINERS = frozenset({"of", "the", "and", "de", "von", "van", "du", "la", "le"})
# A sentence about the text itself ("This brief describes …") is the one option that is not
# about the subject: reviewers found it gave the key away.
ABOUT_THE_TEXT = re.compile(
    r"^(?:This|The present) (?:brief|article|report|paper|section|chapter|page|text|essay|"
    r"explainer|guide|note)\b"
)
# "In 1866 the two domains formed …", "went further", "The reforms that followed", "Late that
# night": phrases that name what the sentence before said.
POINTING_PHRASE = re.compile(
    r"\bthe (?:two|three|four|five) [a-z]+s\b|\bwent further\b|\bthat followed\b|"
    r"\bthe (?:latter|former)\b|\bthat (?:night|day|evening|morning|week|month|year)\b"
)
POINTING_PRONOUN = re.compile(r"\b(?:it|its|they|their|them)\b")
# "The Northern Sea Route runs along Norway's Arctic coast", "the islands of northern
# Denmark": a country swapped where a place lies is false by any atlas, not by the article.
WHERE_A_PLACE_LIES = re.compile(
    r"\b(?:northern|southern|eastern|western|central|along|across|through)\s+(?:the\s+)?$"
)
GEOGRAPHY_AFTER = re.compile(
    r"['’]s\s+(?:[A-Z]\w+\s+)?(?:coast|coastline|border|islands|shore|waters)\b"
)
# "In 2013 China, India … were added.": a sentence ending on a bare passive leans on the one
# before ("added as observers"), and alone it says too little.
BARE_PASSIVE_END = re.compile(r"\b(?:was|were|is|are|been|be)\s+[a-z]+ed$")
# "Now and then one helps a bacterium …", "Some live freely in soil": "one"/"some" standing
# for a noun of the sentence before.
PRONOUN_SUBJECT = re.compile(r"(?:^|\bthen |, )([Oo]ne|[Ss]ome) ([a-z]+)\b")


@dataclass(frozen=True)
class Change:
    """What a false form changed: ``old`` at ``start`` of the statement became ``new``."""

    start: int
    old: str
    new: str


def change_of(statement: str, changed: str) -> Change | None:
    """The whole words of ``statement`` that ``changed`` replaces, or None when equal."""
    if statement == changed:
        return None
    head = 0
    while head < min(len(statement), len(changed)) and statement[head] == changed[head]:
        head += 1
    tail = 0
    limit = min(len(statement), len(changed)) - head
    while tail < limit and statement[-1 - tail] == changed[-1 - tail]:
        tail += 1
    while head > 0 and statement[head - 1].isalnum():
        head -= 1
    while tail > 0 and statement[len(statement) - tail].isalnum():
        tail -= 1
    return Change(
        head, statement[head : len(statement) - tail], changed[head : len(changed) - tail]
    )


@dataclass(frozen=True)
class Bounds:
    """What a reader sees around the options that rules a changed number out by its look: the
    span of years the title names ("The Berlin Wall, 1961 to 1990") and the headings' numbers
    ("Two Rivers, Five States": "the eleven former Soviet republics" is false by the heading)."""

    years: tuple[int, int] | None = None
    heading_numbers: frozenset[str] = frozenset()


def bounds_of(title_words: set[str], heading_numbers: str = "") -> Bounds:
    years = sorted(int(w) for w in title_words if YEAR.fullmatch(w))
    span = (years[0], years[-1]) if len(years) >= 2 else None
    return Bounds(span, frozenset(heading_numbers.lower().split()))


def _is_year(text: str) -> bool:
    return YEAR.fullmatch(text) is not None


def _number_ok(statement: str, change: Change, bounds: Bounds) -> bool:
    """A number moved within its kind (year for year), under no bound, inside the title's
    span of years; a count of years no longer than that span ("56 years" of a 1961–1990 wall)."""
    if _is_year(change.old) != _is_year(change.new):
        return False
    if BOUND_BEFORE.search(statement[: change.start]):
        return False
    if change.old.lower() in bounds.heading_numbers:
        return False
    if bounds.years is None:
        return True
    low, high = bounds.years
    if _is_year(change.old):
        return not (low <= int(change.old) <= high) or low <= int(change.new) <= high
    # "the 28 years in which it divided the city": the title's years already count them.
    return not YEARS_AFTER.match(statement[change.start + len(change.old) :])


def _is_name(text: str) -> bool:
    words = text.removeprefix("the ").split()
    return bool(words) and all(w[:1].isupper() or w in NAME_JOINERS for w in words)


def _name_ok(statement: str, change: Change) -> bool:
    """A name for a name of as many words, no honorific ("Mr" for "Germany"), and no country:
    reviewers found country swaps false by any atlas ("Norway's Arctic coast", "the islands
    of northern Denmark") or true in the world though not in the article ("the Allies divided
    Austria into four zones")."""
    before, after = statement[: change.start], statement[change.start + len(change.old) :]
    if WHERE_A_PLACE_LIES.search(before) or GEOGRAPHY_AFTER.match(after):
        return False
    old, new = change.old.removeprefix("the "), change.new.removeprefix("the ")
    if not (_is_name(old) and _is_name(new)) or len(old.split()) != len(new.split()):
        return False
    if {w.strip(".") for w in (*old.split(), *new.split())} & HONORIFICS:
        return False
    # "United Kingdom" -> "United States" changes one word of a country's name.
    whole_old = _whole_name(statement, change.start, change.start + len(change.old))
    return not (country_names(old) or country_names(new) or country_names(whole_old))


def _whole_name(text: str, start: int, end: int) -> str:
    """The run of capitalised words around ``text[start:end]`` ("United Kingdom" around
    "Kingdom")."""
    before = text[:start].split()
    while before and text[start - 1 : start] == " " and before[-1][:1].isupper():
        start -= len(before.pop()) + 1
    following = text[end:].split()
    while following and text[end : end + 1] == " " and following[0][:1].isupper():
        end += len(following[0]) + 1
        following = following[1:]
    return text[start:end].strip(" ,.;:")


def clean_change(statement: str, changed: str, bounds: Bounds = Bounds()) -> bool:
    """Whether ``changed`` is a wrong option a strict teacher keeps for ``statement``."""
    change = change_of(statement, changed)
    if change is None or not change.old or not change.new:
        return False
    end = change.start + len(change.old)
    if in_a_quotation(statement, change.start):
        return False
    # "long-serving" -> "short-serving": a compound turned round is no word.
    if statement[change.start - 1 : change.start] == "-" or statement[end : end + 1] == "-":
        return False
    if number_value(change.old) is not None and number_value(change.new) is not None:
        return _number_ok(statement, change, bounds)
    if (change.old, change.new) in FAIR_OPPOSITE:
        before = statement[: change.start]
        if change.old in ATTRIBUTIVE and not AFTER_AN_ARTICLE.search(before):
            return False
        return not NO_OPPOSITE_AFTER.search(before)
    return _name_ok(statement, change)


def _verbatim_or_named(statement: str, sentence: str) -> bool:
    """Whether ``statement`` is the article's sentence, bar a dropped opening connective, a
    pronoun replaced by a name ("It was established" -> "The Arctic Council was established")
    or "this dance" by "the waggle dance"; a pronoun replaced by a common noun ("Antibiotic
    resistance is the bacteria", "Rights to the seabed gives") is not: reviewers found those
    wrong."""
    said, source = statement.rstrip(". "), sentence.strip().rstrip(". ")
    if said.lower() in source.lower():
        return True
    change = change_of(source, said)
    if change is None:
        return False
    if _is_name(change.new) and len(change.old.split()) == 1:
        return True
    # "decoded this dance" -> "decoded the waggle dance": the same noun, named in full.
    return change.old in ("this", "these") and re.fullmatch(r"the [\w-]+", change.new) is not None


def stands_as_option(statement: str, sentence: str) -> bool:
    """Whether a claim's ``statement`` can be shown among options with no context line: the
    article's own words, about the subject, saying something alone."""
    text = statement.rstrip(". ")
    if leans_back(text) or ABOUT_THE_TEXT.match(text) or BARE_PASSIVE_END.search(text):
        return False
    if _pronoun_subject(text) or _unanchored_pronoun(text) or POINTING_PHRASE.search(text):
        return False
    return _verbatim_or_named(statement, sentence) if sentence else True


def _pronoun_subject(text: str) -> bool:
    """ "one helps" (a verb in -s after "one"), "Some live" (a word that is a verb or auxiliary
    and never a noun after "some"); "one sector", "Some sectors" are nouns counted."""
    for match in PRONOUN_SUBJECT.finditer(text):
        word = match.group(2)
        if match.group(1).lower() == "one" and word.endswith("s"):
            if is_finite_verb(word, right_after_one_word=True):
                return True
        lemmas = getAllLemmas(word)
        if match.group(1).lower() == "some" and "NOUN" not in lemmas:
            if {"VERB", "AUX"} & set(lemmas):
                return True
    return False


def _unanchored_pronoun(text: str) -> bool:
    """ "Mikhail Gorbachev, who had become its leader in 1985": "it"/"its"/"they"/"their"
    with no common noun before it in the sentence points to one outside it."""
    for match in POINTING_PRONOUN.finditer(text):
        earlier = re.findall(r"[A-Za-z]+", text[: match.start()])
        nouns = [w for w in earlier if w.islower() and not is_function_word(w)]
        if any(country_names(w) for w in earlier if w[:1].isupper()):
            continue  # "Hungary opened its border"
        if not any("NOUN" in getAllLemmas(w) for w in nouns):
            return True
    return False


@dataclass(frozen=True)
class Statement:
    """A claim's statement as the generator shows it, and the article's sentence it comes from
    (``sentence_key``: where that sentence starts)."""

    sentence_key: int
    text: str
    sentence: str = ""


# A false form's value is tried in turn ("ten sectors", "six sectors"; as many turns as
# ``changed_numbers`` has steps): a year the title rules out gives way to one it allows.
TURNS = 8


def _distance(statement: str, changed: str) -> float:
    """How far a number moved: "Kennedy … in 1979" (1963) is false by general knowledge where
    1966 is not; a change of words counts as no distance."""
    change = change_of(statement, changed)
    old, new = (number_value(change.old), number_value(change.new)) if change else (None, None)
    return abs(new - old) / max(abs(old), 1) if old is not None and new is not None else 0.0


def clean_false_form(statement: str, facts: ArticleFacts, seed: int, bounds: Bounds) -> str | None:
    """``statement`` changed so the article contradicts it, in a way ``clean_change`` keeps;
    of the clean ones, the number moved least."""
    found = {false_statement(statement, facts, seed + turn) for turn in range(TURNS)}
    clean = [c for c in found if c and clean_change(statement, c, bounds)]
    return min(clean, key=lambda c: (_distance(statement, c), c)) if clean else None


def option_pool(
    statements: list[Statement], facts: ArticleFacts, bounds: Bounds
) -> list[tuple[int, str]]:
    """(sentence key, wrong option) for every statement that stands alone and has a clean
    false form."""
    pool = []
    for statement in statements:
        if not stands_as_option(statement.text, statement.sentence):
            continue
        seed = zlib.crc32(statement.text.encode())
        changed = clean_false_form(statement.text, facts, seed, bounds)
        if changed:
            pool.append((statement.sentence_key, with_stop(changed)))
    return pool


def wrong_options(
    key: str, pool: list[tuple[int, str]], own_sentence: int, seed: int, used: Counter
) -> list[str] | None:
    """Two clean false forms of other sentences for the true ``key``, the least used first;
    None when fewer than two are left."""
    mine = list(dict.fromkeys(text for at, text in pool if at != own_sentence and text != key))
    if len(mine) < WRONG_OPTIONS:
        return None
    start = seed % len(mine)
    rotated = mine[start:] + mine[:start]
    rotated.sort(key=lambda text: used[text])
    chosen = [text for text in rotated if used[text] < MAX_USES_OF_AN_OPTION][:WRONG_OPTIONS]
    if len(chosen) < WRONG_OPTIONS:
        return None
    used.update(chosen)
    return chosen
