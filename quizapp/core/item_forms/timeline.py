"""The article's dated events as one matching question: each "In which year …?" question of
its claims matched to its year, a timeline a student must put together."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from quizapp.core.item_drafts import QuestionDraft
from quizapp.core.item_forms.drafts import FormDraft
from quizapp.core.question_types import QuestionType
from quizapp.core.subjects import ShownClaim

MIN_EVENTS = 3
MAX_EVENTS = 4


def _events(dated: list[tuple[ShownClaim, FormDraft]]) -> list[tuple[ShownClaim, FormDraft]]:
    """The first few asked year questions, each of its own year; none if a year is named in
    another event's question (it would give its pair away)."""
    chosen: list[tuple[ShownClaim, FormDraft]] = []
    years: set[str] = set()
    for shown, found in dated:
        if found.form != "when" or found.kind != "year" or not (found.prompt and found.answer):
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
    dated: list[tuple[ShownClaim, FormDraft]], has_room: Callable[[str], bool]
) -> QuestionDraft | None:
    """Match each of the article's "In which year …?" questions to its year, when it asks three
    or more of different years: a timeline a student must order, on a claim with room for it."""
    chosen = _events(dated)
    if len(chosen) < MIN_EVENTS:
        return None
    home = next((shown.claim for shown, _ in chosen if has_room(shown.claim.key)), None)
    if home is None:
        return None
    return QuestionDraft(
        key=f"gen-timeline-{home.key}",
        claim_key=home.key,
        type=QuestionType.MATCHING,
        prompt="Match each question to the year the article gives.",
        explanation="Each year is the article's own.",
        pairs=[[found.prompt or "", found.answer or ""] for _, found in chosen],
        difficulty=2,
        quote=home.quote,
    )


def with_timeline(
    usable: list[ShownClaim],
    forms: dict[str, list[FormDraft]],
    questions: list[QuestionDraft],
    most: int,
) -> list[QuestionDraft]:
    """The article's dated events matched to their years, on an event's claim with room for it,
    else in place of that claim's true/false: a question beyond the blank is preferred to a
    second true/false."""
    per_claim = Counter(question.claim_key for question in questions)
    # A generated true/false, known by its key ("gen-tf-…", "gen-tf-false-…").
    true_false = {q.claim_key for q in questions if q.key.startswith("gen-tf-")}
    dated = [(s, form) for s in usable for form in forms[s.claim.key]]
    timeline = events_matching(dated, lambda key: per_claim[key] < most or key in true_false)
    if timeline is None:
        return questions
    home = timeline.claim_key
    if per_claim[home] >= most:
        questions = [
            q for q in questions if not (q.claim_key == home and q.key.startswith("gen-tf-"))
        ]
    return [*questions, timeline]
