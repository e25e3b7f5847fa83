"""Questions about where the article says something: which heading, and matching.

An option whose word appears in the quoted sentence would point at itself (or mislead), so it is
dropped; when the right heading's own word is in the quote, no question is made at all.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from lemminflect import getAllLemmas

from quizapp.core.claims import TopicDraft, claim_problem
from quizapp.core.item_drafts import QuestionDraft, choice_id
from quizapp.core.lexicon import content_words, stem
from quizapp.core.question_types import QuestionType
from quizapp.core.sentences import with_stop
from quizapp.core.subjects import ShownClaim

MAX_HEADING_CHOICES = 4
MIN_HEADING_CHOICES = 3
MAX_MATCHING_PAIRS = 4
MIN_MATCHING_PAIRS = 3
# Keys of the questions that name topics as headings: the only ones a topic rename rewrites.
HEADING_KEY_PREFIX = "gen-heading-"
MATCHING_KEY_PREFIX = "gen-match-"
# Which-heading questions per set of sibling headings: more reads as a quiz on the layout.
MAX_HEADING_QUESTIONS_PER_SET = 2
# Content stems a sentence must share with another section's text for that heading to lure.
MIN_LURE_STEMS = 2


def names_headings(key: str) -> bool:
    """True for a question built here, whose options, pairs and quotes are topic names."""
    return key.startswith((HEADING_KEY_PREFIX, MATCHING_KEY_PREFIX))


def _prefixes(text: str) -> set[str]:
    """Stems of the content words: "Pests" and "pest", "Evaporation" and "evaporates"; and
    their lemmas' stems, so "Drying and milling" meets "dried … milled"."""
    found = set()
    for word in content_words(text):
        found.add(stem(word)[:5])
        found.update(lemma[:5] for lemma in _verb_lemmas(word))
    return found


@lru_cache(maxsize=8192)
def _verb_lemmas(word: str) -> tuple[str, ...]:
    """The verb a word is a form of ("dried", "drying" -> "dry"), if any."""
    return tuple(getAllLemmas(word.lower()).get("VERB", ()))


def shares_a_word(heading: str, text: str) -> bool:
    """True when a content word of ``heading`` (or its stem) appears in ``text``."""
    return bool(_prefixes(heading) & _prefixes(text))


# Headings that say where in the article, not what about: never an option.
PLACE_HEADINGS = frozenset({"overview", "introduction", "conclusion", "summary", "background"})


def _named_from_text(topic: TopicDraft) -> bool:
    """A section named after a phrase of its own text (a prose topic's name, not a heading)."""
    return any(topic.title.casefold() in c.sentence.casefold() for c in topic.claims)


def _siblings(topic: TopicDraft, topics: list[TopicDraft]) -> list[str]:
    """Headings at the topic's level. Top-level sections count only when each has claims and
    none is named after its own text, so the options are the article's headings."""
    same = [t for t in topics if t.parent_key == topic.parent_key and t is not topic]
    if topic.parent_key is None:
        same = [t for t in same if t.claims and t.title.casefold() not in PLACE_HEADINGS]
        if any(_named_from_text(t) for t in [topic, *same]):
            return []
    return [t.title for t in same]


def _has_lure(topic: TopicDraft, shown: ShownClaim, topics: list[TopicDraft]) -> bool:
    """Whether another section at the topic's level speaks of what the sentence speaks of (two
    content stems in common), so that its heading is a real lure and not an obvious miss."""
    level = [
        t
        for t in topics
        if t.parent_key == topic.parent_key
        and t.claims
        and t.title.casefold() not in PLACE_HEADINGS  # never an option, so never a lure
    ]
    texts = {t.key: _prefixes(" ".join(c.sentence for c in t.claims)) for t in level}
    # What every section says ("Cook" in a life of Cook) lures to none of them.
    everywhere = set.intersection(*texts.values()) if texts else set()
    said = _prefixes(shown.text) - everywhere
    return any(
        len(said & stems) >= MIN_LURE_STEMS for key, stems in texts.items() if key != topic.key
    )


def heading_question(
    topic: TopicDraft,
    shown: ShownClaim,
    topics: list[TopicDraft],
    asked: Counter[str | None] | None = None,
    only_question: bool = False,
) -> QuestionDraft | None:
    """Under which heading does the article say this whole sentence? At most
    ``MAX_HEADING_QUESTIONS_PER_SET`` for one set of sibling headings (``asked`` counts them per
    parent), and only where another heading is a real lure; a claim that no other form can ask
    (``only_question``) may still have one, so that it is not left without a question."""
    asked = Counter() if asked is None else asked
    if asked[topic.parent_key] >= MAX_HEADING_QUESTIONS_PER_SET and not only_question:
        return None
    siblings = _siblings(topic, topics)
    if len(siblings) < 2 or not shown.claim.is_whole_sentence:
        return None
    if topic.title.casefold() in PLACE_HEADINGS:
        return None
    if shares_a_word(topic.title, shown.text):
        return None
    if not only_question and not _has_lure(topic, shown, topics):
        return None
    labels = sorted([topic.title, *siblings[: MAX_HEADING_CHOICES - 1]])
    # Ids follow the full sorted list, so a dropped option never renumbers the others.
    choices = [
        {"id": choice_id(i), "text": label, "correct": label == topic.title}
        for i, label in enumerate(labels)
        if label == topic.title or not shares_a_word(label, shown.text)
    ]
    if len(choices) < MIN_HEADING_CHOICES:
        return None
    parent = next((t for t in topics if t.key == topic.parent_key), None)
    where = f" in the section “{parent.title}”" if parent else ""
    asked[topic.parent_key] += 1
    return QuestionDraft(
        key=f"{HEADING_KEY_PREFIX}{shown.claim.key}",
        claim_key=shown.claim.key,
        type=QuestionType.SINGLE_CHOICE,
        prompt=f"Under which heading does the article say: “{with_stop(shown.text)}”?",
        explanation=f"The article says this under “{topic.title}”{where}.",
        choices=choices,
        difficulty=2,
        quote=shown.claim.quote,
    )


def matching_question(
    parent: TopicDraft, topics: list[TopicDraft], usable: list[ShownClaim]
) -> QuestionDraft | None:
    """Match headings of a section to a sentence from each, leaving out give-away pairs."""
    first_of: dict[str, ShownClaim] = {}
    for shown in usable:
        if shown.claim.is_whole_sentence and claim_problem(shown.claim, shown.text) is None:
            first_of.setdefault(shown.claim.topic_key, shown)
    pairs: list[tuple[TopicDraft, ShownClaim]] = []
    for child in topics:
        shown = first_of.get(child.key)
        if child.parent_key == parent.key and shown and not shares_a_word(child.title, shown.text):
            pairs.append((child, shown))
    if len(pairs) < MIN_MATCHING_PAIRS:
        return None
    pairs = pairs[:MAX_MATCHING_PAIRS]
    first = pairs[0][1].claim
    return QuestionDraft(
        key=f"{MATCHING_KEY_PREFIX}{parent.key}",
        claim_key=first.key,
        type=QuestionType.MATCHING,
        prompt=f"Match each heading of “{parent.title}” to what the article says under it.",
        explanation="Each statement is from the article, under its heading.",
        pairs=[[child.title, with_stop(shown.text)] for child, shown in pairs],
        difficulty=2,
        quote=first.quote,
    )
