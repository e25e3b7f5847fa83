"""The article's dated events as one matching question: each "In which year …?" question of
its claims matched to its year, a timeline a student must put together; its figures likewise
("How many staff …?" to 31)."""

from __future__ import annotations

from collections.abc import Callable

from quizapp.core.item_drafts import QuestionDraft
from quizapp.core.item_forms.drafts import FormDraft
from quizapp.core.question_types import QuestionType
from quizapp.core.subjects import ShownClaim

MIN_EVENTS = 3
MAX_EVENTS = 4


def _events(
    dated: list[tuple[ShownClaim, FormDraft]], form: str
) -> list[tuple[ShownClaim, FormDraft]]:
    """The first few asked questions of ``form`` (years, or counts), each of its own key; none
    if a key is named in another's question (it would give its pair away)."""
    chosen: list[tuple[ShownClaim, FormDraft]] = []
    years: set[str] = set()
    for shown, found in dated:
        if found.form != form or not (found.prompt and found.answer):
            continue
        if form == "when" and found.kind != "year":
            continue
        if found.answer not in years:
            chosen.append((shown, found))
            years.add(found.answer)
    chosen = chosen[:MAX_EVENTS]
    kept = {found.answer for _, found in chosen}
    if any(year in (found.prompt or "") for _, found in chosen for year in kept):
        return []
    return chosen


def events_matching(
    dated: list[tuple[ShownClaim, FormDraft]], has_room: Callable[[str], bool], form: str = "when"
) -> QuestionDraft | None:
    """Match each of the article's "In which year …?" questions to its year, when it asks three
    or more of different years: a timeline a student must order, on a claim with room for it."""
    chosen = _events(dated, form)
    if len(chosen) < MIN_EVENTS:
        return None
    home = next((shown.claim for shown, _ in chosen if has_room(shown.claim.key)), None)
    if home is None:
        return None
    what = "year" if form == "when" else "number"
    return QuestionDraft(
        key=f"gen-timeline-{home.key}" if form == "when" else f"gen-figures-{home.key}",
        claim_key=home.key,
        type=QuestionType.MATCHING,
        prompt=f"Match each question to the {what} the article gives.",
        explanation=f"Each {what} is the article's own.",
        pairs=[[found.prompt or "", found.answer or ""] for _, found in chosen],
        difficulty=2,
        quote=home.quote,
    )


def with_matchings(
    usable: list[ShownClaim],
    forms: dict[str, list[FormDraft]],
    first: dict[str, list[QuestionDraft]],
    most: int,
) -> None:
    """The article's dated events matched to their years, and its figures to their numbers,
    each among a claim's first questions (``first``), on an event's claim with room for it:
    it then takes the place a true/false would have had, a question beyond the blank being
    preferred to a second true/false."""
    dated = [(s, form) for s in usable for form in forms[s.claim.key]]
    for form in ("when", "howmany"):
        found = events_matching(dated, lambda key: len(first.get(key, ())) < most, form)
        if found is not None:
            first[found.claim_key].append(found)
