"""Split a prose article without headings into topics, each labelled by its main noun phrase.

A teacher's own notes or a pasted essay often has no headings; one "Overview" for all of it
would make per-topic mastery meaningless. Paragraphs are grouped where the vocabulary changes
most between neighbours (a small TextTiling), and each group is named by the phrase that is
most frequent in it and least frequent elsewhere.
"""

from __future__ import annotations

import math
import re
from collections import Counter

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
    off again further once like""".split()
)
DETERMINERS = frozenset("the a an its their his her our this these those each every".split())
WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")


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


def _phrases(text: str) -> Counter[str]:
    """Candidate noun phrases: runs of capitalised words, and the words after a determiner
    (optionally joined by "of"), up to MAX_LABEL_WORDS, keyed by their lower-cased form."""
    found: Counter[str] = Counter()
    for sentence in re.split(r"[.!?;:,()\"\u201c\u201d]+", text):
        tokens = WORD.findall(sentence)
        for start, token in enumerate(tokens):
            if token.lower() not in DETERMINERS and not (token[0].isupper() and start > 0):
                continue
            first = start + 1 if token.lower() in DETERMINERS else start
            run: list[str] = []
            for word in tokens[first : first + MAX_LABEL_WORDS]:
                if word.lower() == "of" and run and len(run) < MAX_LABEL_WORDS - 1:
                    run.append(word)
                    continue
                lowered = word.lower()
                # Adverbs, and past tenses or participles after the head ("hives produced").
                if (
                    lowered in STOPWORDS
                    or lowered.endswith("ly")
                    or (run and lowered.endswith(("ed", "ing")))
                ):
                    break
                run.append(word)
            while run and run[-1].lower() == "of":
                run.pop()
            for size in range(1, len(run) + 1):
                phrase = run[:size]
                if phrase[-1].lower() != "of":
                    found[" ".join(phrase)] += 1
    return found


def _score(phrase: str, count: int, words: list[Counter[str]], index: int) -> float:
    """Frequent in its group, rare in the others; a two-word phrase beats a lone word."""
    stems = [_stem(w) for w in phrase.split() if w.lower() != "of"]
    inside = sum(words[index][s] for s in stems) / len(stems)
    elsewhere = sum(1 for i, w in enumerate(words) if i != index and stems[0] in w)
    return (inside + count) / (1 + elsewhere) * (1.3 if len(stems) > 1 else 1.0)


def label_groups(groups: list[str]) -> list[str]:
    """One distinct label per group of text: its most distinctive noun phrase, capitalised."""
    words = [_content_words(text) for text in groups]
    labels: list[str] = []
    for index, text in enumerate(groups):
        phrases = _phrases(text)
        taken = {label.lower() for label in labels}
        ranked = sorted(
            phrases, key=lambda p: (_score(p, phrases[p], words, index), -len(p), p), reverse=True
        )
        choice = next((p for p in ranked if p.lower() not in taken), None)
        if choice is None:
            common = [w for w, _ in words[index].most_common() if w not in taken]
            choice = common[0] if common else f"Part {index + 1}"
        labels.append(choice[0].upper() + choice[1:])
    return labels
