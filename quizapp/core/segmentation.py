"""Split a prose article without headings into topics, each labelled by its main noun phrase.

A teacher's own notes or a pasted essay often has no headings; one "Overview" for all of it
would make per-topic mastery meaningless. Paragraphs are grouped where the vocabulary changes
most between neighbours (a small TextTiling), and each group is named by the phrase that is
most frequent in it and least frequent elsewhere.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter

from lemminflect import getAllLemmas

MIN_TOPICS_FOR_LONG_TEXT = 3
LONG_TEXT_PARAGRAPHS = 5
PARAGRAPHS_PER_TOPIC = 3
MAX_TOPICS = 10
MAX_LABEL_WORDS = 4
# Words that never start, end or make up a noun phrase on their own.
STOPWORDS = frozenset(
    """a an the and or but nor so yet of to in on for with by as at from into onto upon about
    its it their they them this that these those is are was were be been being has have had do
    does did will would shall should can could may might must not no also both such which who
    whom whose what when where why how there here than then more most other some any each every
    all many much few own same over under within between across among after before during
    while because although though if unless until since our we us you your he she his her him i
    my me one two three new very just only even still often about around per via up down out
    off again further once like behind beside near toward towards through without against along
    inside outside
    above below beyond""".split()
)
# A phrase ending in one of these says when, not what the paragraphs are about.
TIME_WORDS = frozenset(
    """year years decade decades century centuries day days week weeks month months time times
    period season seasons morning evening night january february march april may june july
    august september october november december monday tuesday wednesday thursday friday
    saturday sunday""".split()
)
DETERMINERS = frozenset("the a an its their his her our this these those each every".split())
WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
TOKEN = re.compile(r"[^\W\d_][\w'\u2019-]*|\d[\d,.]*")  # numbers end a noun phrase


def topic_count(paragraphs: int) -> int:
    """How many topics ``paragraphs`` prose paragraphs make: never one for a long text."""
    if paragraphs <= 1:
        return 1
    if paragraphs < LONG_TEXT_PARAGRAPHS:
        return 2
    return max(MIN_TOPICS_FOR_LONG_TEXT, min(MAX_TOPICS, round(paragraphs / PARAGRAPHS_PER_TOPIC)))


def _stem(word: str) -> str:
    """A crude singular so "banks" and "bank" count together."""
    word = word.lower().replace("\u2019", "'")
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _content_words(text: str) -> Counter[str]:
    return Counter(_stem(w) for w in WORD.findall(text) if w.lower() not in STOPWORDS)


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    dot = sum(a[w] * b[w] for w in a.keys() & b.keys())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def group_paragraphs(paragraphs: list[str]) -> list[list[int]]:
    """Consecutive groups of paragraph indexes, cut where neighbours share the fewest words."""
    count = topic_count(len(paragraphs))
    if count == 1:
        return [list(range(len(paragraphs)))]
    words = [_content_words(p) for p in paragraphs]
    # Similarity across each gap, with a little weight for evenness so one-paragraph groups
    # are chosen only when the vocabulary really changes there.
    middle = (len(paragraphs) - 1) / 2
    gaps = sorted(
        range(1, len(paragraphs)),
        key=lambda gap: (_cosine(words[gap - 1], words[gap]) + 0.02 * abs(gap - 1 - middle), gap),
    )
    cuts = sorted(gaps[: count - 1])
    bounds = [0, *cuts, len(paragraphs)]
    return [list(range(bounds[i], bounds[i + 1])) for i in range(len(bounds) - 1)]


@functools.lru_cache(maxsize=8192)
def _can_be_nominal(word: str) -> bool:
    """Whether English uses ``word`` as a noun or an adjective ("hose", "bare"), or does not
    know it (a name); not a word that is only a verb ("carries", "produced")."""
    uses = getAllLemmas(word)
    return not uses or bool(uses.keys() & {"NOUN", "PROPN", "ADJ"})


def _is_verb_here(word: str, following: str) -> bool:
    """Whether ``word`` ending a noun run is the sentence's verb: "falls" in "the water content
    falls as …", but not "fuels" in "fossil fuels releases …" or "… fossil fuels." (a verb
    follows, or nothing does)."""
    if not word.endswith("s") or "VERB" not in getAllLemmas(word) or not following:
        return False
    uses = getAllLemmas(following)
    return not (uses and set(uses) == {"VERB"})


def _is_nominal(word: str, first: bool) -> bool:
    """Whether ``word`` can stand in a noun phrase: not a function word, an adverb or a verb,
    and not a past tense or participle after the phrase's first word ("hives produced")."""
    lowered = word.lower()
    if not word[0].isalpha() or lowered in STOPWORDS | TIME_WORDS or lowered.endswith("ly"):
        return False
    if not _can_be_nominal(word):
        return False
    if lowered.endswith("ing") and "NOUN" in getAllLemmas(lowered):
        return True  # "a damp bedding", "the new building": a noun of its own
    return first or not lowered.endswith(("ed", "ing"))


def _verb_after_subject(before: str, word: str, after: list[str]) -> bool:
    """ "bin turns kitchen": a third-person verb after a singular noun, a noun after it."""
    if not word.islower() or not word.endswith("s") or word.endswith("ss"):
        return False
    if "VERB" not in getAllLemmas(word) or before.lower().endswith("s") or not after:
        return False
    return _can_be_nominal(after[0]) and after[0].lower() not in STOPWORDS


def _run_from(tokens: list[str], first: int) -> tuple[int, list[str], bool]:
    """The noun-phrase run starting at ``first``: the index after it, its words, and whether
    a verb ended it ("a worm bin | turns kitchen scraps …": the verb ends the subject)."""
    run: list[str] = []
    at = first
    while at < len(tokens):
        word = tokens[at]
        joins = word.lower() == "of" and run and at + 1 < len(tokens)
        if joins and _is_nominal(tokens[at + 1], False):
            run.append(word)
        elif run and _verb_after_subject(run[-1], word, tokens[at + 1 : at + 2]):
            return at, run, True
        elif _is_nominal(word, not run):
            run.append(word)
        else:
            break
        at += 1
    return at, run, False


def _runs(tokens: list[str]) -> list[tuple[int, list[str]]]:
    """Maximal noun-phrase runs of a sentence's words, each with the index of the token after
    it: the words after a determiner, or a run of capitalised words (a name), joined by "of"
    ("burning of fossil fuels")."""
    runs: list[tuple[int, list[str]]] = []
    index = 0
    after_verb = -1  # where the object of a verb that cut a run starts ("turns | liquid water")
    while index < len(tokens):
        token = tokens[index]
        name = token[0].isupper() and (
            index > 0 or (index + 1 < len(tokens) and tokens[index + 1][0].isupper())
        )
        first = index + 1 if token.lower() in DETERMINERS else index
        if token.lower() not in DETERMINERS and not name and index != after_verb:
            index += 1
            continue
        at, run, cut_by_verb = _run_from(tokens, first)
        if cut_by_verb:
            after_verb = at + 1
        ends_in_time = at < len(tokens) and tokens[at].lower() in TIME_WORDS
        if run and not ends_in_time:  # "the final years", "in September": when, not what
            runs.append((at, run))
        index = max(at, index + 1)
    return runs


def _phrases(text: str) -> Counter[str]:
    """Candidate noun phrases: each maximal run and its endings of up to MAX_LABEL_WORDS words
    ("burning of fossil fuels", "fossil fuels", "fuels"): a phrase keeps its head noun, so a
    fragment such as "Burning of fossil" is never a candidate."""
    found: Counter[str] = Counter()
    for sentence in re.split(r"[.!?;:,()\"\u201c\u201d\n#]+", text):
        tokens = TOKEN.findall(sentence)
        for end, run in _runs(tokens):
            if all(w[0].isupper() or w == "of" for w in run) and len(run) <= MAX_LABEL_WORDS:
                found[" ".join(run)] += 1  # a name is named whole: "St Paul's Cathedral"
                continue
            if len(run) > 1 and _is_verb_here(run[-1], tokens[end] if end < len(tokens) else ""):
                run = run[:-1]  # "the water content falls as …": "falls" is the verb
            for begin in range(max(0, len(run) - MAX_LABEL_WORDS), len(run)):
                inside_name = begin > 0 and run[begin - 1][0].isupper() and run[begin][0].isupper()
                if run[begin].lower() != "of" and run[-1].lower() != "of" and not inside_name:
                    found[" ".join(run[begin:])] += 1
    return found


def _score(phrase: str, count: int, words: list[Counter[str]], index: int) -> float:
    """How much of its group a phrase names: each word's frequency in the group, weighted by
    how rare the word is in the other groups, summed over the phrase, so "Pierre Curie" beats
    "Pierre" and "Flying University" beats "University"; a phrase said more than once counts
    more, and a phrase of more than three words less."""
    stems = [_stem(w) for w in phrase.split() if w.lower() != "of"]
    total = 0.5
    for stem in stems:
        elsewhere = sum(1 for i, w in enumerate(words) if i != index and stem in w)
        total += words[index][stem] * math.log((1 + len(words)) / (1 + elsewhere))
    return total * (1 + 0.5 * (count - 1)) / (1 + 0.5 * max(0, len(stems) - 2))


# Heads that name no topic: "a great deal", "a number of", "the symbol V".
VACUOUS_HEADS = frozenset(
    "deal lot lots number part kind sort type way ways amount range variety couple bit example "
    "fact thing things side end".split()
)


def _names_a_thing(phrase: str) -> bool:
    """A label a teacher keeps: its last word can be a noun and is no vacuous head ("Great
    Deal"), no lone letter ("Symbol V"), and a one-word label is no bare adjective ("Damp")."""
    words = phrase.split()
    last = words[-1]
    if last.lower() in VACUOUS_HEADS or (len(last) == 1 and last.isupper()):
        return False
    uses = getAllLemmas(last.lower())
    return not uses or "NOUN" in uses or "PROPN" in uses or last[0].isupper()


SMALL_WORDS = frozenset("a an and as at but by for in of on or the to".split())


def heading_case(phrase: str) -> str:
    """ "burning of fossil fuels" -> "Burning of Fossil Fuels", as a heading is written; words
    written with capitals ("pH", "NASA") keep them."""
    words = phrase.split()
    cased = [
        w if (index and w.lower() in SMALL_WORDS) or w != w.lower() else w[0].upper() + w[1:]
        for index, w in enumerate(words)
    ]
    return " ".join(cased)


def label_groups(groups: list[str]) -> list[str]:
    """One distinct label per group of text: its most distinctive noun phrase, as a heading."""
    words = [_content_words(text) for text in groups]
    labels: list[str] = []
    for index, text in enumerate(groups):
        phrases = _phrases(text)
        taken = {label.lower() for label in labels}
        ranked = sorted(
            phrases, key=lambda p: (_score(p, phrases[p], words, index), -len(p), p), reverse=True
        )
        fit = [p for p in ranked if _names_a_thing(p)] or ranked
        choice = next((p for p in fit if p.lower() not in taken), None)
        if choice is None:
            common = [w for w, _ in words[index].most_common() if w not in taken]
            choice = common[0] if common else f"Part {index + 1}"
        labels.append(heading_case(choice))
    return labels
