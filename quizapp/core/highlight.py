"""Cut a block of article text into plain and highlighted (claim) segments for the reader."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    text: str
    claim_key: str | None = None


def highlight_segments(
    article: str, start: int, end: int, claims: Sequence[tuple[str, int, int]]
) -> list[Segment]:
    """Segments of ``article[start:end]``; ``claims`` are (key, start, end), non-overlapping."""
    segments: list[Segment] = []
    cursor = start
    for key, claim_start, claim_end in sorted(claims, key=lambda c: c[1]):
        if claim_end <= start or claim_start >= end or claim_start < cursor:
            continue
        if claim_start > cursor:
            segments.append(Segment(article[cursor:claim_start]))
        segments.append(Segment(article[claim_start:claim_end], key))
        cursor = claim_end
    if cursor < end:
        segments.append(Segment(article[cursor:end]))
    return segments
