"""Small text helpers shared by the content pipeline."""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str) -> str:
    """A stable, URL-safe key.

    "Implications of Russia's Eastern Pivot" -> "implications-of-russias-eastern-pivot".
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    folded = folded.replace("'", "").replace("\u2019", "")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-") or "topic"
