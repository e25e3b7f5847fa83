"""A topic's name where the generator wrote it into an item, rewritten when the topic is renamed;
and a topic's key kept when its name changes on a re-import.

Generated cards open with their topic's name ("Evaporation: Water turns into ___ ."), and
questions about headings list topic names as options, pairs and quotes. The name is part of the
stored text, so a rename must reach it there, or a learner studies "Total amount of water: …"
under a topic now called "Where the Water Is", and every export says the old name too. Only the
exact places the generator puts a name are rewritten: a teacher's own wording stays as written.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from typing import Any

from quizapp.core.claims import TopicDraft


def renamed_front(front: str, old: str, new: str) -> str:
    """A card's front with the topic prefix ``old`` ("Old: …") as ``new``."""
    prefix = f"{old}: "
    return f"{new}: {front[len(prefix) :]}" if front.startswith(prefix) else front


def renamed_choices(choices: list[dict[str, Any]], old: str, new: str) -> list[dict[str, Any]]:
    """Options of a "which heading" question, with the option naming ``old`` as ``new``."""
    return [{**c, "text": new} if c.get("text") == old else c for c in choices]


def renamed_pairs(pairs: list[list[str]], old: str, new: str) -> list[list[str]]:
    """A matching question's (heading, statement) pairs, with the heading ``old`` as ``new``."""
    return [[new, *pair[1:]] if pair and pair[0] == old else pair for pair in pairs]


def renamed_quote(text: str, old: str, new: str) -> str:
    """A prompt or explanation quoting the heading (“Old”) quoting ``new`` instead."""
    return text.replace(f"\u201c{old}\u201d", f"\u201c{new}\u201d")


def keep_topic_keys(
    topics: list[TopicDraft], known: dict[str, str], stored_keys: set[str]
) -> list[TopicDraft]:
    """``topics`` keyed as the article's stored topics where they hold the same sentences.

    A topic's key is made from its name, and a prose topic's name from what the paragraphs
    say, so a better labeller (or a changed paragraph) gives a new key to a topic that is
    still there. ``known`` maps each stored claim's quote to its topic's key: a draft topic
    whose key is not stored takes the stored key most of its claims had, so its topic, claims
    and items keep their ids, and learners their history.
    """
    draft_keys = {t.key for t in topics}
    renames: dict[str, str] = {}
    for topic in topics:
        if topic.key in stored_keys:
            continue
        votes = Counter(known[c.quote] for c in topic.claims if c.quote in known)
        free = [k for k, _ in votes.most_common() if k not in draft_keys | set(renames.values())]
        if free:
            renames[topic.key] = free[0]
    if not renames:
        return topics
    kept = []
    for topic in topics:
        key = renames.get(topic.key, topic.key)
        claims = [
            dataclasses.replace(c, key=key + c.key[len(topic.key) :], topic_key=key)
            for c in topic.claims
        ]
        parent = renames.get(topic.parent_key, topic.parent_key) if topic.parent_key else None
        kept.append(dataclasses.replace(topic, key=key, parent_key=parent, claims=claims))
    return kept
