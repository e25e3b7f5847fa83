"""Studying and finding items by tag, as Anki's browser does with ``tag:verbs``.

Tags are kept as written (``core.item_tags``) and Anki compares them ignoring case, so does
this: the tags offered merge spellings that differ in case only, and a chosen tag matches every
stored spelling of it. The spellings are matched in Python (``casefold`` knows every alphabet;
SQLite's ``lower`` only ASCII), from the one query that lists the tags and their counts; the
filter is then one condition more on the queries a page runs anyway, never a query per item.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import GenericFunction

from quizapp.core.item_tags import MAX_TAG_LENGTH
from quizapp.core.translatable import N_
from quizapp.services.errors import DomainError


class tag_elements(GenericFunction):  # noqa: N801 - SQL functions are named in lower case
    """The texts of a JSON list column, one row each (column ``value``): SQLite's
    ``json_each``, PostgreSQL's ``json_array_elements_text``."""

    name = "json_each"
    inherit_cache = True


@compiles(tag_elements, "postgresql")
def _postgresql_tag_elements(element, compiler, **kw) -> str:
    return f"json_array_elements_text({compiler.process(element.clauses, **kw)})"


@dataclass(frozen=True)
class TagCount:
    tag: str  # the spelling most of its items use
    count: int  # items holding it, in any spelling


@dataclass(frozen=True)
class TagChoice:
    """The tags offered (with counts) and the one chosen, with its stored spellings."""

    offered: list[TagCount] = field(default_factory=list)
    tag: str | None = None  # None: no tag chosen, every item
    spellings: tuple[str, ...] = ()

    @property
    def unknown(self) -> bool:
        """A tag was asked for that no item offered here holds."""
        return self.tag is not None and not self.spellings

    @property
    def only(self) -> tuple[str, ...] | None:
        """What the item queries filter by (``holds_tag``): the chosen tag's spellings, or None
        when no tag is chosen."""
        return self.spellings if self.tag is not None else None

    @property
    def name(self) -> str | None:
        """The chosen tag as the offered list spells it (the spelling most of its items use),
        else as it was asked; None when no tag is chosen."""
        return next((t.tag for t in self.offered if self.chosen(t.tag)), self.tag)

    def chosen(self, tag: str) -> bool:
        """Whether ``tag`` (an offered one) is the chosen one, in any case."""
        return self.tag is not None and tag.casefold() == self.tag.casefold()


def asked_tag(raw: str | None) -> str | None:
    """The tag in the address (``?tag=``), or None for none; one longer than any tag can be
    is refused (400), and one no item holds is for :func:`choose` to find."""
    tag = (raw or "").strip()
    if not tag:
        return None
    if len(tag) > MAX_TAG_LENGTH:
        raise DomainError(N_("A tag has at most %(limit)s characters."), limit=MAX_TAG_LENGTH)
    return tag


# What a page offers tags from: a model and a select of the ids of its items shown there.
TagScope = tuple[type, sa.Select]


def choose(session: Session, raw: str | None, *scopes: TagScope) -> TagChoice:
    """The tags of the scopes' items with their counts, and the tag ``raw`` names
    (``asked_tag``) with the spellings the scopes' items store it in. One query per scope."""
    tag = asked_tag(raw)
    spellings = _stored_spellings(session, scopes)
    offered = [
        TagCount(max(counted, key=lambda s: (counted[s], s)), sum(counted.values()))
        for counted in spellings.values()
    ]
    offered.sort(key=lambda t: (-t.count, t.tag.casefold(), t.tag))
    if tag is None:
        return TagChoice(offered)
    return TagChoice(offered, tag, tuple(sorted(spellings.get(tag.casefold(), ()))))


def _stored_spellings(session: Session, scopes: Iterable[TagScope]) -> dict[str, dict[str, int]]:
    """Each tag (casefolded) with its stored spellings and how many items hold each. A card
    keeps a tag once whatever its case (``normalise_tags``), so the counts add up."""
    spellings: dict[str, dict[str, int]] = {}
    for model, ids in scopes:
        values = tag_elements(model.tags).table_valued("value")
        statement = (
            sa.select(values.c.value, sa.func.count())
            .select_from(model)
            .join(values, sa.true())
            .where(model.id.in_(ids))
            .group_by(values.c.value)
        )
        for tag, count in session.execute(statement):
            counted = spellings.setdefault(tag.casefold(), {})
            counted[tag] = counted.get(tag, 0) + count
    return spellings


def holds_tag(model, spellings: Iterable[str]) -> sa.ColumnElement[bool]:
    """Items holding one of ``spellings`` (a tag's stored spellings: ``TagChoice.spellings``);
    no spellings, no item."""
    values = tag_elements(model.tags).table_valued("value")
    return sa.exists(sa.select(1).select_from(values).where(values.c.value.in_(list(spellings))))
