"""What makes a changed statement false by its own look, or a number answered by its own words.

A false option or statement must need the article to be ruled out. Reviewers marked these
give-aways: "eight atoms in a molecule of nitrogen gas (N2)" (the formula counts the atoms),
"printing, gunpowder and the magnetic compass as six inventions" (the list before the number
counts it), "rich country, weak army" (a quoted slogan changed), "farmers have short grown
clover" ("long" there is an adverb of time), "otherwise long of oxygen" ("short of" is an
idiom), "the fourth-smallest lake" (a ranked superlative turned round), a treaty "in 1848"
after a context line's "July 1853 … the next year" (the context orders the years).
"""

from __future__ import annotations

import re

from quizapp.core.number_format import number_value

# Chemical element symbols common in readings; a formula is only these, each with its count.
ELEMENTS = frozenset(
    "H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Fe Cu Zn Ag Au Hg Pb Sn U I Br Mn Co Ni "
    "Cr Ti Ba Sr Ra Rn Xe Kr".split()
)
FORMULA_TOKEN = re.compile(r"\b(?:[A-Z][a-z]?\d*){1,6}\b")
FORMULA_PART = re.compile(r"([A-Z][a-z]?)(\d*)")


def formula_counts(text: str) -> set[int]:
    """The subscript counts of the chemical formulas in ``text``: "(N2)" -> {2}, "CO2" -> {2},
    "NH3" -> {3}. A token of capitals that is no formula ("G20", "A1") counts nothing."""
    counts: set[int] = set()
    for token in FORMULA_TOKEN.findall(text):
        parts = FORMULA_PART.findall(token)
        if "".join(s + d for s, d in parts) != token or not any(d for _, d in parts):
            continue
        if all(symbol in ELEMENTS for symbol, _ in parts):
            counts |= {int(d) for _, d in parts if d}
    return counts


def counted_by_a_formula(text: str, number: str) -> bool:
    """Whether a formula in ``text`` spells ``number`` ("two" beside "(N2)")."""
    value = number_value(number)
    return value is not None and value == int(value) and int(value) in formula_counts(text)


# "named printing, gunpowder and the magnetic compass as three inventions": a list just before
# the number ("as", "were", "are", "—") is what the number counts.
LIST_BEFORE = re.compile(r"((?:[^,;:]+, )+[^,;:]+? (?:and|or) [^,;:]+?)\s+(?:as|were|are|—)\s+$")


def counted_by_a_list_before(sentence: str, start: int, number: str) -> bool:
    value = number_value(number)
    listed = LIST_BEFORE.search(sentence[:start])
    if value is None or listed is None:
        return False
    items = len(re.split(r", and |, or |, | and | or ", listed.group(1)))
    return items == value


QUOTE_MARKS = '"“”'


def in_a_quotation(statement: str, index: int) -> bool:
    """Whether ``statement[index]`` stands between quotation marks: a quoted slogan or saying
    is the source's own words, and changed it is a misquotation anyone can spot."""
    return sum(statement[:index].count(mark) for mark in QUOTE_MARKS) % 2 == 1


# "have long grown", "had long been": "long" of time, whose "short" is no English.
LONG_OF_TIME = re.compile(r"\b(?:have|has|had|having|been|was|were|is|are)\s+$")
# "short of oxygen", "short of money": an idiom whose "long of" is no English.
OF_IDIOM_AFTER = re.compile(r"\s+of\b")
# "the fourth-largest lake": a rank; "fourth-smallest" reads as nonsense beside "in the world".
RANKED = re.compile(r"-$")
# "shrinking as the climate cools": a change of the world everyone knows is only changed where
# the sentence measures it ("warmed by 1.5 °C").
MEASURED_AFTER = re.compile(r"\s*(?:by|to)\s+[\d$£€]")
KNOWN_TRENDS = frozenset({"warms", "cools", "warming", "cooling"})


# What only heat does: a "hot" thing that melts or burns stays hot in any false form.
HEAT_EFFECT = re.compile(r"\b(?:melt|melts|burn|burns|boil|boils|fire|ignite|scorch)\b")


def opposite_refutes_itself(word: str, before: str, after: str) -> bool:
    """Whether turning ``word`` (between ``before`` and ``after``) into its opposite gives
    broken English or a statement false by its look."""
    if in_a_quotation(before + word, len(before)):
        return True
    if re.search(rf"\b{re.escape(word)}\b", f"{before} {after}"):
        return True  # "a very small current, the large current heats …": the rest says it
    if re.search(r"\btoo\s+$", before):
        return True  # "melts when the current becomes too large": a limit turned round
    if word in ("hot", "warm") and HEAT_EFFECT.search(after):
        return True  # "the cold wires can melt their insulation"
    if RANKED.search(before):
        return True
    if word == "long" and LONG_OF_TIME.search(before):
        return True
    if word in ("short", "long") and OF_IDIOM_AFTER.match(after):
        return True
    return word in KNOWN_TRENDS and MEASURED_AFTER.match(after) is None


# Words of one quality ("strengthens" beside "weaker", "upper" beside "lower"): where the rest of
# the sentence speaks of the quality a swap changes, it decides the swap, and the changed
# statement contradicts itself ("a stronger response, so a substance that strengthens it is
# added", "the upper atmosphere, and the higher atmosphere").
QUALITY_FAMILIES = (
    "strong stronger strongest strongly strength strengthen strengthens strengthened",
    "weak weaker weakest weakly weakness weaken weakens weakened",
    "long longer longest length lengthen lengthens lengthened",
    "short shorter shortest shorten shortens shortened",
    "high higher highest height heighten upper",
    "low lower lowest lowered lowers",
    "large larger largest enlarge enlarges enlarged big bigger biggest",
    "small smaller smallest shrink shrinks shrank shrunk",
    "warm warmer warmest warmth warms warmed warming heat heats heated",
    "cold colder coldest cool cooler cools cooled cooling",
    "deep deeper deepest depth deepen deepens",
    "shallow shallower",
    "rich richer richest wealth wealthy",
    "poor poorer poorest poverty",
    "inside within interior",
    "outside exterior",
)
FAMILY_OF = {word: family.split() for family in QUALITY_FAMILIES for word in family.split()}
# "merged into larger farms", "split into smaller plots": the verb decides the size.
SIZE_FIXED_BY_VERB = re.compile(
    r"\b(?:merged|merge|merges|combined|combine|joined|consolidated|amalgamated|grew|expanded|"
    r"split|splits|divided|divides|broken|broke|cut|subdivided)\s+(?:up\s+)?into\s+$"
)
# "kill them, so that the virus cannot go on copying itself inside them": a purpose follows
# from the clause before it; turned round it no longer does ("… outside them").
PURPOSE_BEFORE = re.compile(r"\b(?:so that|in order to|in order that|so as to)\b[^,;:.]*$")


def swap_refutes_itself(word: str, opposite: str, before: str, after: str) -> bool:
    """Whether turning ``word`` into ``opposite`` (between ``before`` and ``after``) makes a
    statement its own words contradict: the rest speaks of the same quality, a verb of merging
    or splitting decides a size, or the word is in a purpose clause."""
    rest = set(re.findall(r"[a-z]+", f"{before} {after}".lower()))
    related = set(FAMILY_OF.get(word.lower(), ())) | set(FAMILY_OF.get(opposite.lower(), ()))
    if rest & related:
        return True
    if SIZE_FIXED_BY_VERB.search(before) and FAMILY_OF.get(word.lower()) in (
        FAMILY_OF["large"],
        FAMILY_OF["small"],
    ):
        return True
    if word in SEASONS and SPAN_OF_YEARS_AFTER.match(after):
        return True  # "the winter of 1846–47": a summer spans no new year
    return PURPOSE_BEFORE.search(before) is not None


SEASONS = frozenset({"summer", "winter"})
SPAN_OF_YEARS_AFTER = re.compile(r"\s+of\s+\d{4}\s*[–—-]\s*\d{2,4}\b")
YEAR = re.compile(r"\b(1\d{3}|20\d{2})\b")


def keeps_context_order(context: str, old: int, new: int) -> bool:
    """Whether a year changed from ``old`` to ``new`` stays on the same side of every year of
    the context line shown before it (and is not one the context line names): with "In July
    1853 …" before "… the next year, and in 1854 …", a false "1848" is false by its look."""
    years = [int(y) for y in YEAR.findall(context)]
    return all(new != year and (old < year) == (new < year) for year in years)


MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
MONTH_YEAR = re.compile(rf"\b({'|'.join(MONTH_NAMES)}) (1\d{{3}}|20\d{{2}})\b")
NEXT_YEAR = re.compile(r"\b(?:the next year|the following year|a year later|the year after)\b")
YEAR_BEFORE = re.compile(r"\b(?:the previous year|a year earlier|the year before)\b")
SAME_YEAR = re.compile(r"\b(?:the same year|that year|later that year)\b")


def _month_turns_the_year(context: str, sentence: str, key: int) -> bool:
    """ "In November 1867 …" then "On 3 January _____": a month earlier in the year than the
    context's, in the next sentence, is the next year."""
    for month, year in MONTH_YEAR.findall(context):
        later = re.search(rf"\b({'|'.join(MONTH_NAMES)})\b", sentence)
        if later and key == int(year) + 1:
            if MONTH_NAMES.index(later.group(1)) < MONTH_NAMES.index(month):
                return True
    return False


def worked_out_from_context(context: str, sentence: str, key: str) -> bool:
    """Whether the year ``key`` of ``sentence`` follows from the context line's years by the
    sentence's own words: "In July 1853 …" then "He returned the next year, and in _____ …"
    (1854), "November 1867" then "3 January _____" (1868). A year merely near the context's
    ("By 1500 …" then "before _____", 1501) still needs the article."""
    if not YEAR.fullmatch(key.strip()) or not context:
        return False
    wanted = int(key)
    for year in (int(y) for y in YEAR.findall(context)):
        if wanted == year + 1 and NEXT_YEAR.search(sentence):
            return True
        if wanted == year - 1 and YEAR_BEFORE.search(sentence):
            return True
        if wanted == year and SAME_YEAR.search(sentence):
            return True
    return _month_turns_the_year(context, sentence, wanted)


# Numbers spelled out among digits ("not three"), with what the alias step reads as numbers.
NUMBER_TOKEN = re.compile(
    r"\b\d[\d,]*(?:\.\d+)?\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve)\b",
    re.IGNORECASE,
)
# "at least _____ satellites, not three", "five locks, not _____": a contrast beside the blank
# names its neighbour.
CONTRAST_AFTER = re.compile(r"^[^,;.]{0,40},?\s+not\s+(\S+)")
CONTRAST_BEFORE = re.compile(r"(\S+)(?:\s+[a-z]+)?,?\s+not\s+$")


def _values(text: str) -> list[float]:
    found = []
    for token in NUMBER_TOKEN.findall(text):
        value = number_value(token)
        if value is not None and not YEAR.fullmatch(token):
            found.append(value)
    return found


def given_by_arithmetic(shown: str, answer: str) -> bool:
    """Whether a number ``answer`` is the sum or difference of two other numbers of what the
    student sees with its blank (``shown``: the sentence without the answer, its context line):
    "slow by about 7 … fast by about 45 … gain about _____" (38). Years are left out: two years
    and the span between them are a chronology a reader must know, not a sum."""
    key = number_value(answer.strip())
    if key is None or YEAR.fullmatch(answer.strip()):
        return False
    values = _values(shown)
    return any(
        abs(key - (a + b)) < 1e-9 or abs(key - abs(a - b)) < 1e-9
        for i, a in enumerate(values)
        for b in values[i + 1 :]
        if a != b
    )


def given_by_a_contrast(after: str, answer: str, before: str = "") -> bool:
    """Whether the words around a number's blank contrast it with its neighbour ("_____
    satellites, not three" -> four; "five locks, not _____" -> four): the wording all but
    says it."""
    key = number_value(answer.strip())
    for match in (CONTRAST_AFTER.match(after), CONTRAST_BEFORE.search(before)):
        other = number_value(match.group(1).strip(",.;")) if match else None
        if key is not None and other is not None and abs(key - other) == 1:
            return True
    return False
