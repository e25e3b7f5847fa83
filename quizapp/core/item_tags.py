"""Tags on flashcards and questions, as Anki keeps them on notes.

A tag is one word: no spaces (Anki separates tags with them), its ``::`` hierarchy
("history::1917") and its case kept as written. A card holds at most ``MAX_TAGS`` tags of at
most ``MAX_TAG_LENGTH`` characters; the same tag twice (in any case, as Anki compares them) is
kept once. Tags beginning with ``TOPIC_TAG_PREFIX`` are the app's own: its Anki exports name each
note's topic with one, and its imports read it back as the topic, so no card holds one as a tag.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from quizapp.core.translatable import N_, Phrase

MAX_TAGS = 50
MAX_TAG_LENGTH = 100
TOPIC_TAG_PREFIX = "quizapp::"  # this app's exports tag each note with its topic


@dataclass
class TagList:
    """Tags made fit to keep, and what was changed on the way, each in a sentence."""

    tags: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)


def _cleaned(tag: str) -> str:
    """The tag with control characters dropped and each run of spaces one underscore (Anki's
    own way of writing a tag that had spaces, and this app's for topics)."""
    printable = "".join(ch if ch.isprintable() else " " for ch in tag)
    return "_".join(printable.split())


def normalise_tags(raw: Iterable[str]) -> TagList:
    """``raw`` as tags to keep, in their order: each cleaned of spaces and control characters
    (a change when that altered it), duplicates dropped, over-long and reserved tags left out
    and the list cut at MAX_TAGS, each of those a change. Never raises."""
    kept = TagList()
    seen: set[str] = set()
    too_long: list[str] = []
    for tag in raw:
        written = str(tag).strip()
        cleaned = _cleaned(written)
        if not cleaned:
            continue
        if cleaned != written:
            kept.changes.append(
                Phrase(
                    N_("the tag “%(written)s” is kept as “%(kept)s” (a tag is one word)"),
                    written=written,
                    kept=cleaned,
                )
            )
        if cleaned.casefold().startswith(TOPIC_TAG_PREFIX):
            kept.changes.append(
                Phrase(
                    N_(
                        "the tag “%(tag)s” was left out: tags beginning “%(prefix)s” name a "
                        "card's topic"
                    ),
                    tag=cleaned,
                    prefix=TOPIC_TAG_PREFIX,
                )
            )
            continue
        if len(cleaned) > MAX_TAG_LENGTH:
            too_long.append(cleaned)
            continue
        if cleaned.casefold() not in seen:
            seen.add(cleaned.casefold())
            kept.tags.append(cleaned)
    for tag in too_long:
        kept.changes.append(
            Phrase(
                N_("the tag “%(tag)s…” was left out: a tag has at most %(limit)s characters"),
                tag=tag[:40],
                limit=MAX_TAG_LENGTH,
            )
        )
    if len(kept.tags) > MAX_TAGS:
        dropped = kept.tags[MAX_TAGS:]
        kept.tags = kept.tags[:MAX_TAGS]
        kept.changes.append(
            Phrase(
                N_("%(count)s tags were left out (%(tags)s): an item has at most %(limit)s tags"),
                count=len(dropped),
                tags=" ".join(dropped[:5]) + (" …" if len(dropped) > 5 else ""),
                limit=MAX_TAGS,
            )
        )
    return kept


def tags_from_text(text: str) -> TagList:
    """The tags of a space-separated field (as a teacher types them, or Anki's notes store
    them), normalised; its changes are what a form refuses."""
    return normalise_tags(text.split())


def tags_text(tags: Iterable[str]) -> str:
    """The tags as a space-separated field shows them."""
    return " ".join(tags)


def tag_field_problem(text: str) -> Phrase | None:
    """Why a typed tags field cannot be kept as it is, or None: a sentence whose template and
    values stay apart, so a form shows it in the teacher's language.

    A form refuses what an import would change: a tag too long, too many tags, the app's own
    topic tags, control characters. Repeating a tag is no mistake (it is kept once)."""
    words = text.split()
    if any(not ch.isprintable() for word in words for ch in word):
        return Phrase(N_("A tag cannot hold control characters."))
    long_tag = next((word for word in words if len(word) > MAX_TAG_LENGTH), None)
    if long_tag is not None:
        return Phrase(
            N_("A tag has at most %(limit)s characters; “%(tag)s…” has %(length)s."),
            limit=MAX_TAG_LENGTH,
            tag=long_tag[:40],
            length=len(long_tag),
        )
    reserved = next((w for w in words if w.casefold().startswith(TOPIC_TAG_PREFIX)), None)
    if reserved is not None:
        return Phrase(
            N_(
                "Tags beginning “%(prefix)s” are the app's own (they name a card's topic in "
                "Anki): remove “%(tag)s”."
            ),
            prefix=TOPIC_TAG_PREFIX,
            tag=reserved,
        )
    count = len({word.casefold() for word in words})  # a tag written twice counts once
    if count > MAX_TAGS:
        return Phrase(
            N_("An item has at most %(limit)s tags; these are %(count)s."),
            limit=MAX_TAGS,
            count=count,
        )
    return None
