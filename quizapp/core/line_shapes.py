"""The shape of a line of text: a title's or heading's, or wrapped prose's."""

from __future__ import annotations

import re

MAX_TITLE_WORDS = 12
WRAPPED_LINE_CHARS = 60  # a line this long not ending a sentence was wrapped mid-paragraph
SENTENCE_END = (".", "!", "?", ":", ";", "\u201d", '"', ")")


def is_title_cased(line: str) -> bool:
    """ "Russia's Pivot to the East: Deepening Ties with China": most longer words capitalised,
    as a title or a heading is and a line of wrapped prose is not."""
    longer = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", line) if len(w) > 3]
    return bool(longer) and sum(w[0].isupper() for w in longer) >= 0.75 * len(longer)


def is_heading_line(line: str) -> bool:
    """A short line that starts like a name and does not end like a sentence: "Overview",
    "A brief for policy makers". Wrapped prose goes on in lower case or ends with a stop."""
    return (
        bool(line)
        and not line[0].islower()
        and len(line.split()) <= MAX_TITLE_WORDS
        and not line.endswith(SENTENCE_END)
    )
