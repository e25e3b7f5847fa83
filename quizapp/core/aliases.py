"""Accepted answers as sets: every spelling a student who knows the answer may write.

``answer_set`` is the one place an item's accepted answers get their aliases, whoever made the
item: the generator, the curated bank, a teacher's form or an imported file. It runs when the
item is saved, so the aliases are in the item's visible ``accepted`` list, where a teacher sees
them on review and may delete one; grading (``core.grading``) then forgives case, accents,
punctuation and one small typo on top.

An answer carries: common entities from a small table ("US", "U.S.", "United States", "USD"),
country names (``gazetteer``) and the capital where the article uses it for its country
("Pyongyang" said for North Korea; never the other way: "France" is no answer for "Paris"),
the part of a multi-word name that the article itself uses alone ("Wren" for "Christopher
Wren"), a person's surname when the article names them in full ("Galland" for "Antoine
Galland"), the article's fuller mention of a short name ("Charles Babbage" for "Babbage"),
noun and adjective forms ("Russia", "Russian"), singular and plural, numbers with and without
separators ("184,000", "184000") and the forms of ``answer_forms`` (number words, ordinals,
regnal numerals, decades, British and American spellings). An alias the question itself shows
is never offered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from quizapp.core.answer_forms import looks_numeric, phrase_forms, whole_answer_forms
from quizapp.core.capitals import CAPITALS
from quizapp.core.gazetteer import capital_of, country_names
from quizapp.core.grading import normalize_text
from quizapp.core.lexicon import DIGITS_TO_WORD, NUMBER_WORDS, is_function_word
from quizapp.core.people import surname_of
from quizapp.core.question_kinds.base import MAX_OPTIONS
from quizapp.core.state_names import allowed_at, historical_names, years_named

# Each set is one entity under its common spellings.
ALIAS_SETS: tuple[frozenset[str], ...] = tuple(
    frozenset(s)
    for s in (
        {"United States", "US", "U.S.", "USA", "U.S.A.", "United States of America", "America"},
        {"United Kingdom", "UK", "U.K.", "Britain", "Great Britain"},
        {"United Nations", "UN", "U.N."},
        {"United Nations Security Council", "UN Security Council", "Security Council", "UNSC"},
        {"European Union", "EU", "E.U."},
        {"Soviet Union", "USSR", "U.S.S.R."},
        {
            "U.S. dollar",
            "US dollar",
            "dollar",
            "American dollar",
            "United States dollar",
            "USD",
        },
        {"North Korea", "DPRK", "Democratic People's Republic of Korea"},
        {"South Korea", "Republic of Korea"},
        {"First World War", "World War I", "WWI", "Great War"},
        {"Second World War", "World War II", "WWII"},
        {"Sun", "the Sun"},
    )
)
# Noun and adjective forms of places that articles often use both ways.
ADJECTIVE_FORMS = {
    "Russia": "Russian",
    "China": "Chinese",
    "North Korea": "North Korean",
    "Japan": "Japanese",
    "France": "French",
    "Britain": "British",
    "Germany": "German",
    "Egypt": "Egyptian",
    "Poland": "Polish",
    "Sweden": "Swedish",
    "Netherlands": "Dutch",
    "Spain": "Spanish",
    "Italy": "Italian",
    "India": "Indian",
    "Israel": "Israeli",
    "England": "English",
    "Europe": "European",
    "Africa": "African",
    "Asia": "Asian",
    "America": "American",
    "Flanders": "Flemish",
    "Prussia": "Prussian",
    "Russian Empire": "Russia",
}


QUANTIFIER = re.compile(r"(?:several|many|some|a few|few|numerous|various)\s+(?=\w)", re.I)


def number_forms(text: str) -> set[str]:
    """ "184,000" -> {"184,000", "184000"}; "six" -> {"six", "6"}; "2.3 million" -> "2300000";
    "10 years" -> "ten years" (the words after the number stay)."""
    forms = {text}
    words = text.split()
    head, rest = words[0], words[1:]
    if head.lower() in NUMBER_WORDS:
        forms.add(" ".join([str(NUMBER_WORDS[head.lower()]), *rest]))
    plain = head.replace(",", "")
    forms.add(" ".join([plain, *rest]))
    if re.fullmatch(r"\d+", plain) and int(plain) in DIGITS_TO_WORD:
        forms.add(" ".join([DIGITS_TO_WORD[int(plain)], *rest]))
    multiplier = {"million": 10**6, "billion": 10**9}.get(words[-1].lower())
    # Only a plain decimal is multiplied out: a range ("2–3 million"), a fraction or a currency
    # sign keeps its words as typed.
    if multiplier and re.fullmatch(r"\d+(\.\d+)?", plain):
        # Rounded, not cut: 8.2 * 10**6 is 8199999.999… in floating point ("8,199,999").
        value = round(float(plain) * multiplier)
        forms.add(str(value))
        forms.add(f"{value:,}")
    ordinal = re.fullmatch(r"(\d+)(st|nd|rd|th)", head)
    if ordinal and not rest:  # "17" for "17th", never "17 century" for "17th century"
        forms.add(ordinal.group(1))
    if _unit_words(rest):
        # "three segments" -> "three", "3"; "5 metres" -> "5": the prompt names what is counted.
        forms |= {form.split()[0] for form in forms}
    return forms


# Words after a number that only say what it counts or measures ("parts", "metres", "per
# cent"); a multiplier ("million") or a range ("to 5") is part of the number, and a span of
# time stays whole ("10" alone is no "10 years", nor "17th" the "17th century").
_NOT_UNITS = frozenset(
    "million billion trillion thousand hundred to or and year years decade decades century "
    "centuries".split()
)
MAX_UNIT_WORDS = 2


def _unit_words(rest: list[str]) -> bool:
    return (
        0 < len(rest) <= MAX_UNIT_WORDS
        and all(re.fullmatch(r"[a-z]+", w) for w in rest)
        and not _NOT_UNITS & set(rest)
    )


def _singular_forms(word: str) -> set[str]:
    """The singular of a plural answer ("thylakoids" -> "thylakoid"); nothing for others."""
    lower = word.lower()
    if lower.endswith("ies"):
        return {word[:-3] + "y"}
    if lower.endswith(("ses", "xes", "ches", "shes")):
        return {word[:-2]}
    if lower.endswith("s") and not lower.endswith("ss"):
        return {word[:-1]}
    return set()


def _parts_used_alone(answer: str, article_names: Iterable[str]) -> set[str]:
    """Words of a multi-word name that the article also uses as a name on their own."""
    parts = [w for w in answer.split() if not is_function_word(w) and len(w) >= 3]
    names = set(article_names)
    return {p for p in parts if p in names and p != answer} if len(parts) > 1 else set()


def _longer_mentions(answer: str, article_names: Iterable[str]) -> set[str]:
    """The one longer name of the article that ends in ``answer`` ("Charles Babbage" for
    "Babbage"); none when several do ("Marie Curie", "Pierre Curie" for "Curie"), and never a
    name of something else that holds it ("Empress Eugénie of France" for "France")."""
    longer = {
        _from_title(n)
        for n in article_names
        if n != answer and n.endswith(f" {answer}") and all(w[:1].isupper() for w in n.split())
    }
    if len(longer) != 1:
        return set()
    untitled = _without_title(next(iter(longer)))
    return longer | {untitled} if untitled else longer


# Words before a capital that make it a place, not its state ("a summit in Pyongyang").
_PLACE_WORDS = frozenset(
    "in at to from near into outside around across via toward towards visit visited visiting "
    "reach reached reaching through of".split()
)
# What follows a capital named as a city ("Paris is the capital of France").
_AS_CITY = re.compile(r",?\s+(?:is|was|remains|became)?\s*(?:the|a|its)\s+(?:capital|city)\b")
# A capitalised word right after the capital makes it part of a longer name ("the Ottawa
# Declaration", "the Moscow Times"): neither the city nor the state.
_NAME_GOES_ON = re.compile(r"[ \t]+[A-Z]")
_NAME = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|the|de|la|van|von|da|al|bin)\s+)*[A-Z][\w'’-]*)*")
# A list item just before the capital ("Chicago, New York and Washington"): its last name.
_LIST_ITEM_BEFORE = re.compile(r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)\s*(?:,|\band|\bor)\s*$")
# A list item just after it ("Washington, Chicago"), or the city's own suffix ("Washington, D.C.").
_LIST_ITEM_AFTER = re.compile(r"\s*(?:,|and\b|or\b)\s*([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)")
_CITY_SUFFIXES = frozenset({"D.C.", "D.C", "DC"})
_ALL_CAPITALS = frozenset(CAPITALS.values())


@dataclass(frozen=True)
class AnswerContext:
    """What the article says that some aliases depend on: its text and the names it uses."""

    text: str = ""
    names: frozenset[str] = frozenset()

    @classmethod
    def of_text(cls, text: str, names: Iterable[str] | None = None) -> AnswerContext:
        """The context of an article's ``text``; its names are found in it unless given."""
        found = names if names is not None else _names_in(text)
        return cls(text, frozenset(found))

    def names_in_full(self, name: str) -> bool:
        """Whether the article writes ``name`` (a person's full name) itself."""
        return name in self.names or (bool(self.text) and name in self.text)

    def uses_as_state(self, capital: str) -> bool:
        """Whether the article says ``capital`` for its country's government ("Moscow and
        Pyongyang signed a treaty"), not only for the city ("a summit in Pyongyang")."""
        for match in re.finditer(rf"(?<!\w){re.escape(capital)}(?!\w)", self.text):
            before = self.text[max(0, match.start() - 40) : match.start()].split()
            if before and before[-1].lower().strip(",;:(") in _PLACE_WORDS:
                continue
            if _AS_CITY.match(self.text, match.end()) or _NAME_GOES_ON.match(
                self.text, match.end()
            ):
                continue
            if not self._in_list_of_places(match.start(), match.end()):
                return True
        return False

    @cached_property
    def abbreviations(self) -> dict[str, str]:
        """Each abbreviation the article introduces in brackets and its spelled-out form, both
        ways, keyed case-folded: "electric vehicles (EVs)" gives EVs <-> electric vehicles."""
        found: dict[str, str] = {}
        for match in _INTRODUCED.finditer(self.text):
            words, short = match.group(1).split(), match.group(2)
            letters = "".join(c for c in short.removesuffix("s") if c.isupper()).lower()
            long_form = _spelled_out(words, letters)
            if long_form:
                found[short.casefold()] = long_form
                found[long_form.casefold()] = short
        return found

    def paragraph_before(self, quote: str) -> str:
        """The text of the paragraph that holds ``quote`` up to its start ("" when not found)."""
        at = self.text.find(quote) if quote else -1
        start = self.text.rfind("\n\n", 0, at) if at > 0 else -1
        # Without a paragraph break the text before may be the whole article: no dating then.
        return self.text[start + 2 : at] if start >= 0 else ""

    def _in_list_of_places(self, start: int, end: int) -> bool:
        """Whether the capital at ``start:end`` stands in a list with a place that is no capital
        ("as far as Chicago, New York and Washington, D.C."): there it is a city, not the state
        acting; "Moscow and Pyongyang signed" lists capitals only and keeps the state reading."""
        neighbours = []
        before = _LIST_ITEM_BEFORE.search(self.text[max(0, start - 60) : start])
        if before:
            neighbours.append(before.group(1))
        after = _LIST_ITEM_AFTER.match(self.text, end)
        if after:
            if after.group(1) in _CITY_SUFFIXES:
                return True
            neighbours.append(after.group(1))
        return any(name not in _ALL_CAPITALS and not is_function_word(name) for name in neighbours)


NO_CONTEXT = AnswerContext()
# "… electric vehicles (EVs)", "the Critical Raw Materials Act (CRMA)": up to six words, then an
# abbreviation of capitals (a plural "s" and inner lower-case letters allowed: "DoD").
_INTRODUCED = re.compile(r"((?:[\w'’-]+\s+){1,6})\(([A-Z][A-Za-z]{1,6})\)")


def _spelled_out(words: list[str], letters: str) -> str:
    """The last words before an abbreviation whose initials (function words aside) spell
    ``letters``; "" when none do."""
    if len(letters) < 2:
        return ""
    for start in range(len(words) - 1, -1, -1):
        phrase = words[start:]
        initials = "".join(w[0] for w in phrase if not is_function_word(w.lower())).lower()
        if initials == letters and not is_function_word(phrase[0].lower()):
            return " ".join(phrase)
        if len(initials) > len(letters):
            break
    return ""


def _names_in(text: str) -> set[str]:
    """Capitalised names of ``text``, without a sentence's leading function word ("In")."""
    names = set()
    for match in _NAME.finditer(text):
        words = match.group().rstrip(".").split()
        first = next((i for i, word in enumerate(words) if not is_function_word(word)), None)
        # "the Whig Lord John Russell": the name starts at its title, not at the party.
        titled = next((i for i, word in enumerate(words) if i and word in TITLES), None)
        if titled is not None:
            first = titled
        if first is not None:
            names.add(" ".join(words[first:]))
    return names


# Titles that open a person's name; the name is right with them and without them.
TITLES = frozenset(
    "Lord Lady Sir Dame King Queen Emperor Empress Prince Princess President General Admiral "
    "Captain Dr Pope Saint".split()
)


def _from_title(name: str) -> str:
    """ "Whig Lord John Russell" -> "Lord John Russell": a word before a title (a party, a
    nationality the article's names list gives with it) is no part of the person's name."""
    words = name.split()
    titled = next((i for i, word in enumerate(words) if i and word in TITLES), None)
    return " ".join(words[titled:]) if titled is not None else name


def _without_title(name: str) -> str | None:
    """ "Lord John Russell" -> "John Russell"; None when the name has no title or is one word
    after it ("Queen Victoria" stays whole: "Victoria" alone is the surname step's)."""
    words = name.split()
    if len(words) > 2 and words[0] in TITLES:
        return " ".join(words[1:])
    return None


def _shows(prompt: str, alias: str) -> bool:
    """Whether ``prompt`` holds ``alias`` as a whole word or phrase (case aside)."""
    return bool(prompt) and bool(
        re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", prompt, re.IGNORECASE)
    )


def answer_kind(answer: str) -> str:
    """The kind of a written answer: "number" (digits, number words, ordinals, decades,
    numerals), "entity" (capitalised) or "word"."""
    if looks_numeric(answer):
        return "number"
    return "entity" if answer[:1].isupper() or answer.startswith("the ") else "word"


# The word after a blank ("the _____ government"): only before a noun does an adjective fit.
_AFTER_BLANK = re.compile(r"_{3,}\s+([a-z]+)\b")


def _adjective_fits(prompt: str) -> bool:
    """Whether an adjective ("Russian") answers ``prompt`` as well as its noun ("Russia"): where
    the blank stands before a noun ("the _____ government"), not where a noun must stand
    ("between _____ and the Ottoman Empire", "_____ annexed Crimea", "Which country …?"). With
    no prompt (an answer list checked on its own) it is offered, as the teacher may delete it."""
    if not prompt:
        return True
    after = _AFTER_BLANK.search(prompt)
    return (
        bool(after) and not is_function_word(after.group(1)) and not after.group(1).endswith("ed")
    )


def _entity_aliases(
    answer: str, context: AnswerContext, years: Sequence[tuple[int, int]], prompt: str
) -> list[str]:
    forms: list[str] = []
    for alias_set in ALIAS_SETS:
        if answer in alias_set:
            forms += sorted(alias_set)
    forms += sorted(n for n in country_names(answer) if allowed_at(n, years))
    # A historical name only from the sentence's own years: the paragraph's may be of another time.
    forms += historical_names(answer, years_named(prompt))
    if _adjective_fits(prompt):
        forms += [adjective for noun, adjective in ADJECTIVE_FORMS.items() if answer == noun]
    capital = capital_of(answer)
    if capital and context.uses_as_state(capital):
        forms.append(capital)
    surname = surname_of(answer, context.names)
    if surname and context.names_in_full(answer):
        forms.append(surname)
    forms += sorted(_parts_used_alone(answer, context.names))
    forms += sorted(_longer_mentions(answer, context.names))
    return forms


def _aliases(
    answer: str,
    kind: str,
    context: AnswerContext,
    years: Sequence[tuple[int, int]] = (),
    prompt: str = "",
) -> list[str]:
    """Every other form of one accepted answer, most useful first."""
    forms: list[str] = []
    if kind == "entity" and answer.startswith("the "):
        answer = answer.removeprefix("the ")
        forms.append(answer)
    forms += whole_answer_forms(answer)
    if kind in ("year", "number"):
        forms += sorted(number_forms(answer))
    elif kind == "entity":
        forms += _entity_aliases(answer, context, years, prompt)
    else:
        forms += sorted(_singular_forms(answer))
        if answer.split()[0].lower() in NUMBER_WORDS or answer[:1].isdigit():
            forms += sorted(number_forms(answer))  # "three parts" -> "3 parts", "three", "3"
        # "several atomic clocks": a quantifier is no part of what is asked ("atomic clocks").
        quantified = QUANTIFIER.match(answer)
        if quantified and len(answer[quantified.end() :].split()) >= 1:
            forms.append(answer[quantified.end() :])
    spelled = context.abbreviations.get(answer.casefold()) if context.text else None
    if spelled:
        forms.append(spelled)  # "electric vehicles" for "EVs", and back
    forms += phrase_forms(answer)
    return forms


def answer_set(
    accepted: Sequence[str],
    context: AnswerContext = NO_CONTEXT,
    *,
    kind: str | None = None,
    keep: Iterable[str] = (),
    limit: int = MAX_OPTIONS,
    prompt: str = "",
    quote: str = "",
) -> list[str]:
    """The accepted answers as given, then their aliases; the one alias step for every item.

    ``kind`` is the generator's kind of target (year, number, entity, word), guessed from the
    text otherwise. Answers in ``keep`` (what the item already had when a teacher edits it) get
    no aliases again, so an alias a teacher deleted stays deleted. Aliases that grade the same
    as an earlier form are left out, and the list stops at ``limit`` lines (a teacher's form
    takes that many), never dropping one of the given answers. An alias the question's own
    ``prompt`` shows is left out: "Which country's capital is Moscow?" takes no "Moscow".

    Aliases get no aliases of their own: "17th" gives "seventeenth", and "seventeenth" does not
    go on to "seventeen".

    A country's names follow the sentence's time: the years the ``prompt`` names, else those of
    the paragraph before the claim's ``quote``; "Russian Federation" is no answer for Russia in
    the 1870s, "Russian Empire" is (``core.state_names``).
    """
    years = years_named(prompt) or years_named(context.paragraph_before(quote))
    given: list[str] = []
    for answer in (a.strip() for a in accepted):
        if answer and answer.casefold() not in {g.casefold() for g in given}:
            given.append(answer)
    kept = {normalize_text(answer) for answer in keep}
    seen = {normalize_text(answer) for answer in given}
    forms = list(given)
    for answer in given:
        if normalize_text(answer) in kept:
            continue
        for alias in _aliases(answer, kind or answer_kind(answer), context, years, prompt):
            norm = normalize_text(alias)
            if norm and norm not in seen and not _shows(prompt, alias):
                seen.add(norm)
                forms.append(alias)
    return forms[: max(limit, len(given))]
