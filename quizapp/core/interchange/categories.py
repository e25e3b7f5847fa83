"""Moodle category paths ("$course$/top/Article/Topic"; a "/" inside a name is written "//")."""

from __future__ import annotations

import re

_ROOTS = {"$course$", "$system$", "$module$", "$coursecategory$", "top"}


def category_path(*names: str) -> str:
    return "/".join(["$course$", "top", *(name.replace("/", "//") for name in names)])


# Moodle names each course's or quiz's own category "Default for <course or quiz name>".
_DEFAULT_PREFIX = "Default for "


def _names(path: str) -> list[str]:
    parts = [p.replace("\0", "/").strip() for p in re.sub("//", "\0", path).split("/")]
    return [p for p in parts if p and p not in _ROOTS]


def topic_of_category(path: str) -> str | None:
    """The last named category of ``path`` (the topic), or None for a bare root."""
    names = _names(path)
    return names[-1] if names else None


def topic_path_of_category(path: str) -> tuple[str, ...]:
    """The topic tree a category path names below its first category (the article, course or
    quiz): "$course$/top/Article/Topic/Sub-topic" -> ("Topic", "Sub-topic"). A path of one name
    is that name's topic, as Moodle's "Default for …" categories hold a course's questions."""
    names = _names(path)
    return tuple(names[1:] or names)


def bank_of_category(path: str) -> str | None:
    """The first named category of ``path``: what the file's questions are about as a whole
    (our exports put the article's title there, Moodle the course or quiz), or None."""
    names = _names(path)
    if not names:
        return None
    name = names[0]
    return name.removeprefix(_DEFAULT_PREFIX).strip() or name
