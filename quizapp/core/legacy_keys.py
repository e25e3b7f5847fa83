"""Keys of generated cloze items that keep an item's id when the new generator asks the same.

The first generator blanked a claim's longest key term. A cloze or fill-in item whose answer is
still that term keeps its old key (``gen-fill-<claim>``), and with it its id and every learner's
history; an item asking for something else gets a key naming its answer, so the old item is
retired rather than silently changed under its learners' answers.
"""

from __future__ import annotations

import re

from quizapp.core.claims import ClaimDraft
from quizapp.core.text import slugify

LEGACY_MIN_WORDS_AROUND_BLANK = 4


def legacy_answer(claim: ClaimDraft, title: str) -> str | None:
    """The term the first generator blanked in ``claim``, if any."""
    terms = sorted(claim.key_terms, key=lambda term: (term in title, -len(term)))
    for term in terms:
        pattern = re.compile(rf"(?<![\w]){re.escape(term)}(?![\w])")
        if not pattern.search(claim.quote):
            continue
        rest = pattern.sub("", claim.quote, count=1)
        if len(rest.split()) >= LEGACY_MIN_WORDS_AROUND_BLANK:
            return term
    return None


def item_key(prefix: str, claim: ClaimDraft, answer: str, legacy: str | None) -> str:
    """``prefix-<claim>`` when the answer is the first generator's, else one naming the answer."""
    if legacy is not None and answer.removeprefix("the ") == legacy:
        return f"{prefix}-{claim.key}"
    return f"{prefix}-{claim.key}-{slugify(answer)}"
