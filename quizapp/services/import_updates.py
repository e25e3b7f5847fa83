"""Importing a file into the article it came from: items matched by key are updated in place.

An exported file carries each item's key (Moodle ``idnumber``, a GIFT title, a CSV ``key``
column). When it comes back into the same article, an item with that key keeps its id, and so
every learner's answers and reviews of it, and takes the file's content if that changed.

Only the importer's own items are changed (an operator's import from the command line may
change any): a teacher's file that names the bank's keys gets the teacher's copies, keyed
``t<teacher id>-<key>`` so that importing it again updates those copies and not the bank.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.models import Flashcard, Question
from quizapp.services.import_landing import Landing

Item = TypeVar("Item", Question, Flashcard)
Incoming = TypeVar("Incoming")


@dataclass
class Matched(Generic[Item, Incoming]):
    """The file's items sorted: new ones with the key each gets, and stored ones to update."""

    new: list[tuple[Incoming, str]] = field(default_factory=list)
    existing: list[tuple[Incoming, Item]] = field(default_factory=list)


def copy_key(importer_id: int, key: str) -> str:
    return f"t{importer_id}-{key}"


def may_update(item: Question | Flashcard, importer_id: int | None) -> bool:
    """An operator's import may update any item; a teacher's only their own."""
    return importer_id is None or item.author_id == importer_id


def match_by_key(
    session: Session,
    model: type[Item],
    landing: Landing,
    incoming: Sequence[Incoming],
    keys: Sequence[str | None],
) -> Matched[Item, Incoming]:
    """Each of ``incoming`` (whose file keys are ``keys``) matched with the landing article's
    live item it may update, or given the key it is stored under: the file's own when free,
    else the importer's copy key when free, else a fresh one."""
    stored = {} if landing.created_article else _items_by_key(session, model, landing)
    taken, updated = set(stored), set()
    matched: Matched[Item, Incoming] = Matched()
    for item, key in zip(incoming, keys, strict=True):
        candidates = _candidates(key, landing.author_id)
        found = _updatable(stored, candidates, landing.author_id)
        if found is not None and found.id not in updated:
            updated.add(found.id)
            matched.existing.append((item, found))
            continue
        free = next((k for k in candidates if k not in taken), None) or landing.item_key()
        taken.add(free)  # a second item of the same key in the file gets another
        matched.new.append((item, free))
    return matched


def _updatable(stored: dict, candidates: list[str], importer_id: int | None):
    """The first live stored item under one of ``candidates`` the importer may update."""
    for key in candidates:
        item = stored.get(key)
        if item is not None and not item.retired and may_update(item, importer_id):
            return item
    return None


def _candidates(key: str | None, importer_id: int | None) -> list[str]:
    if not key:
        return []
    return [key] if importer_id is None else [key, copy_key(importer_id, key)]


def _items_by_key(session: Session, model: type[Item], landing: Landing) -> dict:
    rows = session.scalars(sa.select(model).where(model.article_id == landing.article.id))
    return {item.key: item for item in rows}


def changed_fields(item: object, content: dict, fields: Iterable[str]) -> list[str]:
    """The names of ``fields`` whose value in ``content`` differs from the stored item's."""
    return [name for name in fields if getattr(item, name) != content[name]]
