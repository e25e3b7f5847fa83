"""Moodle category paths ("$course$/top/Article/Topic"; a "/" inside a name is written "//")."""

from __future__ import annotations

import re

_ROOTS = {"$course$", "$system$", "$module$", "$coursecategory$", "top"}


def category_path(*names: str) -> str:
    return "/".join(["$course$", "top", *(name.replace("/", "//") for name in names)])


def topic_of_category(path: str) -> str | None:
    """The last named category of ``path`` (the topic), or None for a bare root."""
    parts = [p.replace("\0", "/").strip() for p in re.sub("//", "\0", path).split("/")]
    names = [p for p in parts if p and p not in _ROOTS]
    return names[-1] if names else None
