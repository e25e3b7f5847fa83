"""Choose what a generated item asks for: the blank of a sentence, ranked by what a student
must know.

Numbers, dates and quantities come first; then named entities that are rare in the article (not
in its title, in at most a few sentences); then content words that are rare in English. A target
is never a function word, never given away by the rest of what the student sees, never a
nationality inside a set phrase ("Western sanctions"), and a sentence-initial capital is only
part of a name when the article also writes it capitalised mid-sentence ("Many Chinese" is not a
name; "Lübeck, founded in 1143" is).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from quizapp.core.fixed_numbers import counted_by_a_list, fixed_by_its_words
from quizapp.core.lexicon import (
    COMPASS_WORDS,
    NUMBER_WORDS,
    RARE_WORD_ZIPF,
    content_words,
    english_zipf,
    is_function_word,
)

# A named entity in more sentences than this is what the article is about, not a detail.
MAX_ENTITY_SENTENCES = 3
MIN_CONTENT_WORDS_AROUND_BLANK = 4
NAME_CONNECTORS = frozenset({"of", "the", "de", "von", "van", "du", "da", "la"})
# An adjective of nationality or place ends like this ("Russian", "Chinese", "Flemish", "Western").
DEMONYM_ENDINGS = ("an", "ian", "ese", "ish", "ern", "ic", "ch", "i")
MULTIPLIERS = ("million", "billion", "trillion")
FRACTION_WORDS = frozenset({"thirds", "quarters", "halves", "fifths", "tenths", "of"})
TOKEN = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:st|nd|rd|th)?|[A-Za-zÀ-ÖØ-öø-ÿĀ-ž][\w'’.\-]*"
)
MONTHS = frozenset(
    "January February March April May June July August September October November December".split()
)
# "… called thylakoids", "… known as the law of limiting factors": the sentence names a term.
DEFINING = re.compile(r"\b(called|named|known as|termed|the word)\s+(the\s+)?$")
ADJECTIVE_ENDINGS = ("al", "ive", "ous", "ic", "ary", "ful", "less", "able", "ible", "ant", "ent")
LATIN_ZIPF = 3.0
CALENDAR_WORDS = MONTHS | frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
KIND_RANK = {"year": 0, "number": 0, "entity": 1, "word": 2}


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def is_capitalised(self) -> bool:
        last = self.text.split("-")[-1]
        return self.text[:1].isupper() and (last[:1].isupper() or last[:1].isdigit() or not last)


@dataclass(frozen=True)
class Target:
    """A span of a sentence to blank: ``sentence[start:end] == text``."""

    text: str
    start: int
    end: int
    kind: str  # year | number | entity | word
    score: tuple = ()
    value: float | None = None


def tokens(sentence: str) -> list[Token]:
    """Words and numbers with offsets; a full stop stays only on initialisms ("U.S.")."""
    found = []
    for match in TOKEN.finditer(sentence):
        text = match.group(0)
        if text.endswith(".") and not re.fullmatch(r"(?:[A-Za-z]\.){2,}", text):
            text = text.rstrip(".")
        for suffix in ("'s", "’s"):
            if text.endswith(suffix) and len(text) > 3:
                text = text[: -len(suffix)]
        found.append(Token(text, match.start(), match.start() + len(text)))
    return found


def _prefix(word: str) -> str:
    word = word.lower().strip("'’.")
    return word[:5] if len(word) >= 5 else word


TITLE_SPAN = re.compile(r"\b(1\d{3}|20\d{2})\s*(?:[–—-]|to)\s*(1\d{3}|20\d{2})\b")


@dataclass
class ArticleFacts:
    """What the whole article says about its words: title words, names, counts, lists."""

    title_prefixes: set[str]
    mid_sentence_capitals: set[str]
    entity_sentences: Counter[str] = field(default_factory=Counter)
    entity_groups: list[set[str]] = field(default_factory=list)
    years: set[int] = field(default_factory=set)
    takes_the: set[str] = field(default_factory=set)  # names written "the United States"
    # The years a title's range spans ("The Great Famine in Ireland, 1845–1852"), else None.
    title_span: tuple[int, int] | None = None

    @classmethod
    def build(cls, title: str, sentences: Iterable[str]) -> ArticleFacts:
        sentences = list(dict.fromkeys(sentences))
        facts = cls({_prefix(w) for w in content_words(title)}, set())
        span = TITLE_SPAN.search(title)
        if span:
            facts.title_span = (int(span.group(1)), int(span.group(2)))
        for sentence in sentences:
            for token in tokens(sentence)[1:]:
                if token.is_capitalised:
                    facts.mid_sentence_capitals.add(token.text)
        for sentence in sentences:
            names = facts.entities(sentence)
            for name in {n.text for n in names}:
                facts.entity_sentences[name] += 1
            for name in names:
                if sentence[: name.start].lower().endswith("the "):
                    facts.takes_the.add(name.text)
            facts.years.update(int(n.text) for n in numbers(sentence) if n.kind == "year")
            facts._collect_lists(sentence, names)
        return facts

    def _collect_lists(self, sentence: str, names: list[Target]) -> None:
        """Names joined by ", " or " and "/" or " are of one kind (countries, ports, people)."""
        names = [n for n in names if n.text.lower() not in COMPASS_WORDS]
        group: list[str] = []
        joined = False  # a list ends with "and"/"or"; ", " alone may join unrelated names
        for left, right in zip(names, names[1:], strict=False):
            gap = sentence[left.end : right.start]
            if gap in (", ", " and ", ", and ", " or ", " and the ", ", the "):
                group = group or [left.text]
                group.append(right.text)
                joined = joined or "and" in gap or "or" in gap
                continue
            self._keep_list(group, joined)
            group, joined = [], False
        self._keep_list(group, joined)

    def _keep_list(self, group: list[str], joined: bool) -> None:
        if len(group) >= 2 and joined:
            self.entity_groups.append(set(group))

    def with_the(self, sentence: str, names: list[Target]) -> list[Target]:
        """Names that the article writes with "the" take it inside their span, so a blank or a
        swap carries its own article ("the United States" for "Egypt")."""
        spanned = []
        for name in names:
            if name.text in self.takes_the and sentence[: name.start].endswith("the "):
                start = name.start - 4
                name = Target(sentence[start : name.end], start, name.end, name.kind)
            spanned.append(name)
        return spanned

    def written(self, name: str) -> str:
        """``name`` as the article would write it in a sentence ("the United States")."""
        return f"the {name}" if name in self.takes_the else name

    def in_title(self, text: str) -> bool:
        return any(_prefix(w) in self.title_prefixes for w in content_words(text))

    def same_group(self, name: str) -> set[str]:
        """Names listed together with ``name`` anywhere in the article."""
        return set().union(*(g for g in self.entity_groups if name in g)) - {name}

    def entities(self, sentence: str) -> list[Target]:
        """Proper-noun phrases of ``sentence``; adjectives of nationality are left out."""
        toks = tokens(sentence)
        found: list[Target] = []
        i = 0
        while i < len(toks):
            if not self._starts_name(sentence, toks, i):
                i += 1
                continue
            j = _name_end(sentence, toks, i)
            start, end = toks[i].start, toks[j].end
            if _is_proper_noun(sentence, start, end, toks[j].text):
                found.append(Target(sentence[start:end], start, end, "entity"))
            i = j + 1
        return found

    def _starts_name(self, sentence: str, toks: list[Token], i: int) -> bool:
        """A capitalised content word; at a sentence's start only if the article also
        capitalises it mid-sentence ("The" or "Because" is not a name)."""
        tok = toks[i]
        initial = i == 0 or sentence[: tok.start].strip(" \"“'‘(") == ""
        if not tok.is_capitalised or is_function_word(tok.text):
            return False
        return not initial or tok.text in self.mid_sentence_capitals


# Nouns that make a possessive part of a place's or an institution's name ("Christ's College")
# rather than saying whose something is ("Darwin's Finches" stays two names).
POSSESSIVE_NAME_TAILS = frozenset(
    "College Hospital Church Cathedral Abbey Chapel Park Wood Square Bay Island Gate Inn School "
    "Bridge Hall Cross Road Street".split()
)


def _name_end(sentence: str, toks: list[Token], i: int) -> int:
    """Index of the last token of the name starting at ``toks[i]``: capitalised words joined by
    single spaces, or by a connector ("Bay of Bengal")."""
    j = i
    while j + 1 < len(toks):
        nxt = toks[j + 1]
        gap = sentence[toks[j].end : nxt.start]
        if gap == " " and nxt.is_capitalised:
            j += 1
        elif gap in ("'s ", "’s ") and nxt.text in POSSESSIVE_NAME_TAILS:
            j += 1  # "Christ's College", "St Paul's Cathedral": one name, never "_____'s College"
        elif (
            gap == " "
            and toks[j].text not in CALENDAR_WORDS  # "Tuesday of October": two names
            and nxt.text in NAME_CONNECTORS
            and j + 2 < len(toks)
            and sentence[nxt.end : toks[j + 2].start] == " "
            and toks[j + 2].is_capitalised
        ):
            j += 2
        else:
            break
    return j


def _is_proper_noun(sentence: str, start: int, end: int, last: str) -> bool:
    """``sentence[start:end]`` names something, rather than qualifying the noun after it."""
    after = sentence[end:]
    before_noun = bool(re.match(r" [a-z]", after))
    initialism = re.fullmatch(r"(?:[A-Z]\.){2,}|[A-Z]{2,4}", last) is not None
    adjective = before_noun and (last.endswith(DEMONYM_ENDINGS) or initialism)
    # "Apis mellifera", "Homo sapiens": a capital before a rare Latin-looking word is
    # half of a species name.
    latin = re.match(r" ([a-z]+(?:a|us|um|is|ae|ii|ens))\b", after)
    half_name = latin is not None and english_zipf(latin.group(1)) < LATIN_ZIPF
    return not adjective and not half_name and len(sentence[start:end]) > 1


def numbers(sentence: str) -> list[Target]:
    """Numbers, years and quantities ("2.3 million", "six hours") of ``sentence``."""
    found: list[Target] = []
    toks = tokens(sentence)
    for index, tok in enumerate(toks):
        nxt = toks[index + 1].text if index + 1 < len(toks) else ""
        if tok.text[:1].isdigit() and nxt in MONTHS:
            continue  # the day of a date is trivia; its year is what a student must know
        if sentence[tok.end : tok.end + 1].isalpha() or sentence[tok.start - 1 : tok.start] == "-":
            continue  # "the late 1990s", "mid-1850": a blank never sits inside a word
        if tok.text[:1].isdigit():
            digits = re.sub(r"(st|nd|rd|th)$", "", tok.text).replace(",", "")
            value = float(digits)
            end = tok.end
            if nxt in MULTIPLIERS:
                end = toks[index + 1].end
                value *= {"million": 1e6, "billion": 1e9, "trillion": 1e12}[nxt]
            is_year = re.fullmatch(r"1\d{3}|20\d{2}", tok.text) is not None
            kind = "year" if is_year else "number"
            found.append(Target(sentence[tok.start : end], tok.start, end, kind, value=value))
        elif tok.text.lower() in NUMBER_WORDS and nxt and nxt.lower() not in FRACTION_WORDS:
            # "six hours", and "The Two Stages" in a heading (which may give "two" away).
            found.append(
                Target(
                    tok.text,
                    tok.start,
                    tok.end,
                    "number",
                    value=float(NUMBER_WORDS[tok.text.lower()]),
                )
            )
    return found


def _rare_words(sentence: str, facts: ArticleFacts) -> list[Target]:
    """Words rare in English that the sentence itself names as a term ("structures called
    _____"). Any other word's blank ("a strategic _____", "because _____ dry out") has too
    many words that fit it, however rare the word is."""
    found = []
    for index, tok in enumerate(tokens(sentence)):
        word = tok.text
        if tok.is_capitalised and (index > 0 or word in facts.mid_sentence_capitals):
            continue
        lower = word.lower()
        if (
            len(word) < 4
            or not word.replace("-", "").isalpha()
            or is_function_word(word)
            or lower.endswith(("ly", "ing", "ed"))
            or lower in COMPASS_WORDS
        ):
            continue
        zipf = english_zipf(lower)
        defined = DEFINING.search(sentence[: tok.start]) is not None
        if lower.endswith(ADJECTIVE_ENDINGS):
            continue  # "in response to _____ pressures": an adjective's blank fits many words
        if zipf <= RARE_WORD_ZIPF and defined:
            found.append(Target(word, tok.start, tok.end, "word", score=(zipf,)))
    return found


def gives_away(target: Target, shown: str) -> bool:
    """True when ``shown`` (the rest of what the student sees) reveals or cues the target."""
    if target.kind in ("year", "number"):
        digits = target.text.split()[0].replace(",", "").lower()
        others = [n for n in numbers(shown)]
        # "_____ molecules … and six molecules": "Six" is given away by "six", whatever its case.
        if any(n.text.split()[0].replace(",", "").lower() == digits for n in others):
            return True
        if target.kind == "year":
            return any(
                n.kind == "year" and abs((n.value or 0) - (target.value or 0)) <= 1 for n in others
            )
        return False
    wanted = {_prefix(w) for w in content_words(target.text)}
    return any(_prefix(w) in wanted for w in content_words(shown))


def candidate_targets(
    sentence: str, span: tuple[int, int], facts: ArticleFacts, extra_shown: str = ""
) -> list[Target]:
    """Targets inside ``sentence[span[0]:span[1]]``, best first; ``extra_shown`` is any other
    text the student sees next to the sentence (a card's heading)."""
    begin, finish = span
    pool: list[Target] = []
    for target in numbers(sentence):
        if facts.in_title(target.text.split()[0]):
            continue  # "The Great Fire of London, 1666": the title gives the year away
        if fixed_by_its_words(sentence, target):
            continue  # "the Seven Years' War", "a year or two", "two plates collide"
        pool.append(
            Target(
                target.text,
                target.start,
                target.end,
                target.kind,
                (KIND_RANK[target.kind], 0.0),
                target.value,
            )
        )
    for name in facts.with_the(sentence, facts.entities(sentence)):
        count = facts.entity_sentences[name.text.removeprefix("the ")]
        if facts.in_title(name.text) or count > MAX_ENTITY_SENTENCES:
            continue
        if name.text.removeprefix("the ").lower() in COMPASS_WORDS:
            continue
        pool.append(
            Target(name.text, name.start, name.end, "entity", (KIND_RANK["entity"], float(count)))
        )
    for word in _rare_words(sentence, facts):
        if facts.in_title(word.text):
            continue
        pool.append(
            Target(word.text, word.start, word.end, "word", (KIND_RANK["word"], *word.score))
        )
    good = []
    for target in pool:
        if target.start < begin or target.end > finish:
            continue
        rest = sentence[: target.start] + " " + sentence[target.end :]
        if len(content_words(rest)) < MIN_CONTENT_WORDS_AROUND_BLANK:
            continue
        if gives_away(target, rest + " " + extra_shown) or counted_by_a_list(sentence, target):
            continue
        good.append(target)
    good.sort(key=lambda t: (t.score, t.start))
    return good
