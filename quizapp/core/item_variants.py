"""Material for true/false and multiple-choice items, taken from the article itself.

A false statement changes what the claim says, never how it says it: a number or date moved,
the opposite trend verb, or another name of the same kind from the article. So the wording,
length and punctuation of a false statement look like a true one's. Distractors of a multiple
choice are of the answer's kind: years with years, countries with countries, names listed
together in the article with each other, topped up with countries of the same part of the
world (``gazetteer``).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from quizapp.core.answer_targets import ArticleFacts, Target, numbers
from quizapp.core.fixed_numbers import counted_by_a_list, fixed_by_its_words
from quizapp.core.gazetteer import country_names, neighbours
from quizapp.core.item_forms.grammar import AUXILIARIES, is_finite_verb
from quizapp.core.item_forms.self_refuting import (
    counted_by_a_formula,
    counted_by_a_list_before,
    given_by_arithmetic,
    keeps_context_order,
    opposite_refutes_itself,
    swap_refutes_itself,
)
from quizapp.core.number_format import changed_numbers, number_value

# Pairs of opposite trend words; each works in both directions.
OPPOSITES = (
    ("increased", "decreased"),
    ("increase", "decrease"),
    ("increases", "decreases"),
    ("rose", "fell"),
    ("risen", "fallen"),
    ("rising", "falling"),
    ("grew", "shrank"),
    ("surged", "slumped"),
    ("higher", "lower"),
    ("larger", "smaller"),
    ("largest", "smallest"),
    ("stronger", "weaker"),
    ("strongly", "weakly"),
    ("longer", "shorter"),
    ("heavier", "lighter"),
    ("reduce", "increase"),
    ("reduced", "increased"),
    ("westward", "eastward"),
    ("warmer", "cooler"),
    ("cheap", "expensive"),
    ("up from", "down from"),
    ("more than", "less than"),
    # Qualities whose opposite is as plausible as they are: "a long and dry summer" / "a short
    # and dry summer" reads as a claim an article could make, and this one contradicts it.
    ("small", "large"),
    ("rich", "poor"),
    ("low", "high"),
    ("long", "short"),
    ("strong", "weak"),
    ("warm", "cold"),
    ("hot", "cold"),
    ("female", "male"),
    ("summer", "winter"),
    ("inside", "outside"),
    ("rises", "falls"),
    ("cools", "warms"),
    ("deep", "shallow"),
    ("slowly", "quickly"),
)
# Pairs labellers mostly marked give-aways are not made: "dry"/"wet" ("dust from the wet
# seabed"); "cannot" inserted or dropped ("firms
# cannot plan", "cannot flow very slowly"), "still"/"no longer" ("no longer bear his name, among
# them Cook Strait"), "gained their land to the banks", "many bigger ones" beside "major plates",
# "easily sinks", "at most".
# A motion verb is a trend only where a change follows it: "prices rose by 5 %", not "a drought
# falling on land" nor "rises above the sea" nor "cools into new crust".
MOTION_WORDS = frozenset(
    "rose fell risen fallen rising falling rises falls cools warms surged slumped".split()
)
TREND_AFTER = re.compile(r"\s*(?:$|[,.;]|by\b|from\b|to\s+[\d$£€]|sharply|steadily|quickly|slowly)")
# "the lower course", "the upper house": a place's part, not a comparison.
PART_NOUNS = re.compile(r"\s+(?:course|reaches|house|chamber|deck|classes|valley|basin)\b")
# "more than" changes only before a figure: "more than a kilometre, but that long stretch"
# turned into "less than" refutes itself.
FIGURE_AFTER = re.compile(r"\s+[\d$£€]")
# The first pair naming a word wins ("increased" -> "decreased", not "reduced").
OPPOSITE = {b: a for a, b in reversed(OPPOSITES)} | {a: b for a, b in reversed(OPPOSITES)}
# A year option farther than this from the key is absurd ("1066" for a canal opened in 1869).
NEAR_YEARS = 40
RAISING = re.compile(r"(at least|more than|over|nearly|almost|up to)\s+$")
LOWERING = re.compile(r"(at most|less than|fewer than|under|up to)\s+$")


def _direction(statement: str, target: Target) -> int:
    before = statement[: target.start]
    if RAISING.search(before):
        return 1
    if LOWERING.search(before):
        return -1
    return 0


def _replace(statement: str, target: Target, text: str) -> str:
    return statement[: target.start] + text + statement[target.end :]


CENTURY_AFTER = re.compile(r"\s*centur(?:y|ies)\b")
ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)$")


# An age: "At the age of 14", "aged 20", "when he was 26", "died young, at 53".
AGE_BEFORE = re.compile(
    r"\b(?:aged|age of(?: only| just)?|when (?:he|she|they|I|we) (?:was|were)|"
    r"died(?: young)?,? at|young,? at)\s+$",
    re.IGNORECASE,
)
YOUNG_BEFORE = re.compile(r"\byoung\b", re.IGNORECASE)
# How far an age may move and still be believed of the same life's step: 14 to finish school
# is never 8 or 10, 20 for a post in charge never 12.
AGE_RANGE = (0.75, 1.6)
OLDEST_YOUNG_AGE = 60
# "could shrink by half by 2050": a forecast's year is one still to come.
FORECAST = re.compile(
    r"\b(?:may|might|could|will|would|expected|projected|forecasts?|predicted)\b", re.IGNORECASE
)
# "three to four years", "15–17 %": a range's ends keep their order.
RANGE_AFTER = re.compile(r"\s*(?:to|[–—-])\s*(\d[\d,.]*|[a-z]+)\b")
RANGE_BEFORE = re.compile(r"\b(\d[\d,.]*|[a-z]+)\s*(?:to|[–—-])\s*$")


def within_the_eras(text: str, target: Target, value: str, years: set[int]) -> bool:
    """A changed century stays within a century of the years the article tells: railways of
    1806 to 2012 are never "of the 16th century". A key already outside them (coffee "in the
    15th century" in a text whose years start in 1727) is left to the other checks."""
    ordinal = ORDINAL.match(value)
    key = ORDINAL.match(target.text)
    if not (ordinal and key and years and CENTURY_AFTER.match(text, target.end)):
        return True
    earliest = min(years) // 100 + 1
    if int(key.group(1)) < earliest - 1:
        return True
    return int(ordinal.group(1)) >= earliest - 1


def _keeps_range(text: str, target: Target, number: float) -> bool:
    """ "three to four years" never becomes "five to four years"."""
    after = RANGE_AFTER.match(text, target.end)
    upper = number_value(after.group(1)) if after else None
    if upper is not None and number >= upper:
        return False
    before = RANGE_BEFORE.search(text[: target.start])
    lower = number_value(before.group(1)) if before else None
    return lower is None or number > lower


def _believable_age(text: str, target: Target, number: float) -> bool:
    """An age moves only as far as the same step of a life allows, and a life called young
    never reaches old age ("died young, at 80")."""
    before = text[: target.start]
    key = number_value(target.text)
    if not AGE_BEFORE.search(before) or not key:
        return True
    if YOUNG_BEFORE.search(before[-30:]) and number >= OLDEST_YOUNG_AGE:
        return False
    low, high = AGE_RANGE
    return key * low <= number <= key * high


def is_plausible(text: str, target: Target, value: str) -> bool:
    """A share cannot pass 100 percent ("97 percent" never becomes "150 percent"), nor a
    century be one still to come ("the early 24th century"); a range keeps its order, an age
    stays believable for its step of life, and a forecast's year stays in the future."""
    share = re.match(r"\s*(percent|per cent|%)", text[target.end :]) is not None
    number = number_value(value)
    if share and number is not None and number > 100:
        return False
    ordinal = ORDINAL.match(value)
    if ordinal and CENTURY_AFTER.match(text, target.end):
        return int(ordinal.group(1)) <= date.today().year // 100 + 1
    if number is None or target.kind not in ("year", "number"):
        return True
    if target.kind == "year" and FORECAST.search(text) and text[: target.start].endswith("by "):
        return number > date.today().year
    return _keeps_range(text, target, number) and _believable_age(text, target, number)


# Words that tie a sentence's numbers together, so one option can be worked out from the others.
RELATING = re.compile(
    r"%|\bper ?cent\b|\btimes\b|\bhalf\b|\bdoubl|\btripl|\bincrease of\b|\bdecrease of\b|"
    r"\brise of\b|\bfall of\b|\bup from\b|\bdown from\b|\btotal\b"
)
DECADE = re.compile(r"\b(1\d{3}|20\d{2})['’]?s\b")


def _keeps_time_order(statement: str, target: Target, value: str) -> bool:
    """A changed year stays on the same side of every other year and decade of its sentence:
    "first … in 1990, and others followed in the early 1990s" never becomes "first … in 2010"."""
    old, new = int(target.text), int(value)
    for match in DECADE.finditer(statement):
        if match.start() <= target.start < match.end():
            continue
        start = int(match.group(1))
        if (start <= old < start + 10) != (start <= new < start + 10):
            return False
        if (old < start) != (new < start):
            return False
    others = [n.value for n in numbers(statement) if n.kind == "year" and n.start != target.start]
    return all((old < year) == (new < year) for year in others if year is not None)


# A bound the article states ("less than 1 percent", "at least 140") makes a moved number true
# or undecided ("less than 2 percent" is true too): such a number is never changed.
BOUND_BEFORE = re.compile(
    r"\b(?:at least|at most|more than|less than|fewer than|over|under|up to|nearly|almost|"
    r"as many as|as much as|as few as|in excess of|no fewer than|no more than)\s+$",
    re.IGNORECASE,
)


# A year that is one end of a range ("1846–47", "1879–1882"), and a name that holds a year's
# digits ("COVID-19"): a year changed there is false by its look.
YEAR_RANGE_NEAR = re.compile(r"\d[–—-]|[–—-]\d")
YEAR_IN_A_NAME = re.compile(r"\b[A-Z][A-Za-z]+-\d{2}\b")


def _within_title_span(value: str, facts: ArticleFacts) -> bool:
    """A changed year stays inside the years the title spans ("1845–1852" never becomes a
    blight "in 1863" or "in 1837")."""
    if facts.title_span is None:
        return True
    low, high = facts.title_span
    return low <= int(value) <= high


def _may_change(statement: str, number: Target, facts: ArticleFacts) -> bool:
    """Whether changing ``number`` makes a statement the article refutes, and only the article:
    not the title's own number, a count its list or formula gives, a number fixed by its words
    ("Seven Years' War"), nor one under a bound ("less than 1 percent")."""
    first = number.text.split()[0]
    if number.kind == "year" and (
        YEAR_RANGE_NEAR.search(statement[max(0, number.start - 1) : number.end + 1])
        or YEAR_IN_A_NAME.search(statement)
        or re.search(rf"['’–—-]{number.text[-2:]}\b", statement)  # "1847 … Black '47"
    ):
        return False  # "1846–47" changed alone breaks the range; "COVID-19 in 2010" refutes itself
    return not (
        facts.in_title(first)
        or counted_by_a_list(statement, number)
        or fixed_by_its_words(statement, number)
        or counted_by_a_formula(statement, first)
        or counted_by_a_list_before(statement, number.start, first)
        or BOUND_BEFORE.search(statement[: number.start])
    )


def _number_change(statement: str, facts: ArticleFacts, seed: int, context: str) -> str | None:
    # A number in the title is the article's own: changing it contradicts the title, not a claim.
    found = [
        n
        for n in numbers(statement)
        if _may_change(statement, n, facts)
        # "gain about 110" after "slow by 7 … fast by 45": refuted by subtraction, not reading
        and not given_by_arithmetic(
            f"{context} {statement[: n.start]} {statement[n.end :]}", n.text
        )
    ]
    plain = [n for n in found if n.kind == "number"]
    if len(plain) >= 2:
        # Two quantities of one sentence usually relate ("31 staff, equal to 24 posts"):
        # changing one would contradict the other, so only a year may change.
        found = [n for n in found if n.kind == "year"]
    for target in found:
        for value in changed_numbers(target.text, _direction(statement, target), seed):
            value = match_case(value, target.text) if target.text[:1].isalpha() else value
            changed = _replace(statement, target, value)
            in_order = target.kind != "year" or (
                keeps_context_order(context, int(target.text), int(value))
                and _within_title_span(value, facts)
            )
            if (
                value not in statement
                and in_order
                and _believable(statement, target, value, changed)
                and within_the_eras(statement, target, value, facts.years)
            ):
                return changed
    return None


def _believable(statement: str, target: Target, value: str, changed: str) -> bool:
    """A changed number that does not give itself away: no share past 100 percent, no year
    still to come, years kept in order ("from 1967 to 1975" never "from 1979 to 1975")."""
    if not is_plausible(statement, target, value):
        return False
    if target.kind == "year" and int(value) > date.today().year:
        return False  # "up from 161,000 in 2035": a year to come is false by its look
    if target.kind == "year" and not _keeps_time_order(statement, target, value):
        return False
    years_before = [n.value for n in numbers(statement) if n.kind == "year"]
    years_after = [n.value for n in numbers(changed) if n.kind == "year"]
    return not (years_before == sorted(years_before) and years_after != sorted(years_after))


# "how long", "as long as", "long before": "long" in an idiom is no length to contradict.
IDIOMATIC_LONG = re.compile(r"\b(?:how|as|so|for)\s+$")
LONG_IDIOM_AFTER = re.compile(r"\s+(?:before|after|ago|as)\b")
# "seven or eight major plates and many smaller ones": the sentence already sets the sizes.
SIZE_SET = re.compile(r"\b(?:major|minor)\b")


def _fits_opposite(word: str, before: str, after: str) -> bool:
    """Whether ``word``, between ``before`` and ``after``, is used in the sense its opposite
    contradicts (and the rest of the sentence does not contradict the change by itself)."""
    if word == "long":
        return not (IDIOMATIC_LONG.search(before) or LONG_IDIOM_AFTER.match(after))
    if word in ("larger", "smaller", "large", "small"):
        return SIZE_SET.search(before + " " + after) is None
    if word in MOTION_WORDS:
        return TREND_AFTER.match(after) is not None
    if word in ("higher", "lower"):
        return PART_NOUNS.match(after) is None
    if word in ("more than", "less than"):
        return FIGURE_AFTER.match(after) is not None
    return True


def _opposite_change(statement: str) -> str | None:
    for word, opposite in OPPOSITE.items():
        match = re.search(rf"\b{re.escape(word)}\b", statement)
        if match is None or opposite in statement:
            continue
        before, after = statement[: match.start()], statement[match.end() :]
        if not _fits_opposite(word, before, after) or opposite_refutes_itself(word, before, after):
            continue
        if not swap_refutes_itself(word, opposite, before, after):
            return before + opposite + after
    return None


def same_kind_names(name: str, facts: ArticleFacts) -> list[str]:
    """Names of the article of the same kind as ``name``: listed with it, or both countries."""
    kin = set(facts.same_group(name))
    if country_names(name):
        kin |= {n for n in facts.entity_sentences if n != name and country_names(n)}
    return sorted(kin)


def _is_subject(after: str) -> bool:
    """Whether the name before ``after`` is its clause's subject: a verb follows it."""
    following = after.split(" ", 2)[1] if after.startswith(" ") and len(after.split()) else ""
    following = following.strip(",")
    if not following.islower():
        return False
    return following in AUXILIARIES or (
        following.endswith(("ed", "s")) and is_finite_verb(following, right_after_one_word=True)
    )


def _name_swap(statement: str, facts: ArticleFacts, seed: int) -> str | None:
    for target in facts.with_the(statement, facts.entities(statement)):
        if target.start == 0 or _is_subject(statement[target.end :]):
            # The subject: "China has advocated a peaceful resolution" is a claim the article
            # neither makes nor denies when it says so of Russia; only what it did is swapped
            # ("In his spare time HMS Resolution studied …" would be absurd besides).
            continue
        # A name in a list or pair ("Russia, China and North Korea") is swapped into a statement
        # the article neither makes nor denies; only a name standing alone is swapped.
        before, after = statement[: target.start], statement[target.end :]
        if re.search(r"(,| and| or| between)\s*$", before) or re.match(r"\s*(,|and\b|or\b)", after):
            continue
        # A one-word name for a two-word one reads as a different kind of name ("Marie" and
        # "Pierre Curie"), so only names of as many words are swapped.
        name = target.text.removeprefix("the ")
        width = len(name.split())
        options = [
            n
            for n in same_kind_names(name, facts)
            if n not in statement and len(n.split()) == width
        ]
        if options:
            replacement = options[seed % len(options)]
            if target.text.startswith("the "):
                replacement = facts.written(replacement)
            elif replacement in facts.takes_the and not statement[: target.start].endswith("the "):
                replacement = f"the {replacement}"
            return _replace(statement, target, replacement)
    return None


def false_statement(
    statement: str, facts: ArticleFacts, seed: int, context: str = ""
) -> str | None:
    """``statement`` changed so that the article contradicts it, or None when no change is safe;
    ``context`` is the line shown before it, whose years a changed year keeps its side of."""
    for change in (
        lambda: _number_change(statement, facts, seed, context),
        lambda: _opposite_change(statement),
        lambda: _name_swap(statement, facts, seed),
    ):
        changed = change()
        if changed and changed != statement:
            return changed
    return None


def _year_options(target: Target, shown: str, facts: ArticleFacts, seed: int) -> list[str]:
    """The article's years near the key first, then years near the key made for it; never a
    year the article has not reached yet nor one past this year."""
    key = int(target.text)
    latest = max([*facts.years, key, date.today().year])
    near = sorted(
        (y for y in facts.years if y != key and abs(y - key) <= NEAR_YEARS),
        key=lambda y: abs(y - key),
    )
    made = [int(o) for o in changed_numbers(target.text, 0, seed)]
    options = [str(y) for y in [*near, *made] if y <= latest]
    return [o for o in options if o not in shown]


def _spread(options: list[str], key: str, count: int) -> list[str]:
    """``count`` options not all on one side of the key: the key is never the odd one out
    (the earliest or latest of four) when the pool allows otherwise."""
    chosen = options[:count]
    value = number_value(key) or 0.0
    sides = {(number_value(o) or 0.0) > value for o in chosen}
    if len(sides) == 1:
        other = next(
            (o for o in options[count:] if ((number_value(o) or 0.0) > value) not in sides), None
        )
        if other:
            chosen[-1] = other
    return chosen


def _number_options(target: Target, shown: str, seed: int) -> list[str] | None:
    """Numbers near the target's, or None when a changed number could be true as well."""
    if _direction(shown, target):
        return None  # "at least six": a smaller option would be true as well
    others = [n for n in numbers(shown) if n.kind == "number" and n.start != target.start]
    if others and RELATING.search(shown):
        return None  # "285 ppm … above 420 ppm, an increase of nearly 50%": the sum gives it
    options = changed_numbers(target.text, 0, seed)
    # "Two years later": a number word's options are written in the key's case.
    options = [match_case(o, target.text) if target.text[:1].isalpha() else o for o in options]
    return [
        o
        for o in options
        if o not in shown
        and is_plausible(shown, target, o)
        # Small counts written as words ("two", "four", "six") run in steps a reader expects.
        and not (
            target.text[:1].isdigit()
            and simple_multiple(number_value(o), number_value(target.text))
        )
    ]


# 14 and 21 beside 7, 600 and 900 beside 300: options that are a key's double, triple or half
# mark it as the base they were made from (reviewers picked it without the article).
SIMPLE_RATIOS = (2.0, 3.0, 4.0, 0.5, 1 / 3, 0.25)


def simple_multiple(option: float | None, key: float | None) -> bool:
    """Whether ``option`` is a simple multiple or fraction of ``key``."""
    if option is None or not key:
        return False
    # Within rounding: "13.0 million" is 4.4 million written three times over.
    return any(abs(option / key / ratio - 1) < 0.03 for ratio in SIMPLE_RATIOS)


def _entity_options(
    target: Target, shown: str, facts: ArticleFacts, seed: int, count: int
) -> list[str]:
    """Names of the target's kind from the article, written alike. Neighbouring countries top
    them up only when the article itself gives all but one: "Mount Fuji in _____" with North
    Korea, South Korea and Vietnam, none of them in the article, tests geography, not reading."""
    name = target.text.removeprefix("the ")
    options = [n for n in same_kind_names(name, facts) if n not in shown]
    if count - 1 <= len(options) < count:
        near = [c for c in neighbours(name) if c not in shown and c not in options]
        start = seed % len(near) if near else 0
        options += (near[start:] + near[:start])[: count - len(options)]
    # "the United States" among "Egypt" and "France" would stand out: options agree on "the".
    wants_the = target.text.startswith("the ")
    options = [o for o in options if (o in facts.takes_the) == wants_the]
    return [facts.written(o) for o in options]


def _kind_options(
    target: Target, shown: str, facts: ArticleFacts, seed: int, count: int
) -> list[str] | None:
    if target.kind == "year":
        return _year_options(target, shown, facts, seed)
    if target.kind == "number":
        return _number_options(target, shown, seed)
    if target.kind == "entity":
        return _entity_options(target, shown, facts, seed, count)
    return []


def match_case(option: str, key: str) -> str:
    """A term ``option`` written with the key's first letter's case, so the key is never the
    only one capitalised ("Evaporation" among "condensation" and "transpiration"). Names are
    never changed: they agree already (or all take "the")."""
    if key[:1].islower():
        return option[:1].lower() + option[1:]
    return option[:1].upper() + option[1:]


def distractors(
    target: Target,
    shown: str,
    facts: ArticleFacts,
    seed: int,
    count: int = 3,
    used: Counter | None = None,
):
    """``count`` wrong options of the target's kind not in ``shown``, or None if too few.
    ``used`` counts the options already given to the article's other questions: the least used
    come first, so no option recurs across most of an article's questions."""
    options = _kind_options(target, shown, facts, seed, count)
    if options is None:
        return None
    options = [
        o
        for o in options
        if is_plausible(shown, target, o) and within_the_eras(shown, target, o, facts.years)
    ]
    used = Counter() if used is None else used
    unique: list[str] = []
    for option in options:
        if option not in unique and option.casefold() != target.text.casefold():
            unique.append(option)
    if len(unique) < count:
        return None
    if target.kind not in ("year", "number"):
        start = seed % len(unique)
        unique = unique[start:] + unique[:start]
    # A stable sort: within as many uses, the kind's own order (nearest years first) stays.
    unique.sort(key=lambda option: used[option])
    chosen = _spread(unique, target.text, count) if target.kind == "year" else unique[:count]
    used.update(chosen)
    if target.kind in ("entity", "year", "number"):
        return chosen
    return [match_case(option, target.text) for option in chosen]
