"""Which of a set's questions a live game plays, how each is answered, and how its answers
are tallied at the reveal.

A question plays as tiles (choice, true/false, poll: its kind gives the tiles) or as a typed
answer (fill in the blank, short answer: graded by ``core.grading`` with the item's accepted
variants, as in quizzes). A poll's tiles have no right one: it scores no points and its
reveal is the distribution. Matching does not play: a phone cannot pair two columns in the
time a question is open; nor does a multi-gap cloze (its kind's ``live_refusal`` says why).
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.grading import normalize_text
from quizapp.core.question_kinds import kind_of
from quizapp.core.question_kinds.typed import TypedKind
from quizapp.core.translatable import N_
from quizapp.models import Question, QuizSet
from quizapp.models.live_games import LiveAnswer
from quizapp.services.quiz_set_drawing import resolve_questions

TILES, TYPED = "tiles", "typed"
# The typed answers a reveal charts: the most frequent ones; the rest are "other answers".
TYPED_ANSWERS_CHARTED = 6
WHY_NOT = N_("Matching questions do not play live: pairing two columns on a phone takes too long.")
# The chart's last bar, summing the typed answers not charted one by one.
OTHER_ANSWERS = N_("Other answers")


@dataclass(frozen=True)
class PlannedQuestion:
    """One question of a set, and whether (and why not) it plays live."""

    question: Question
    plays: bool
    reason: str = ""
    # Set when the question is left out for the game's size: pages word the reason with it.
    limit: int | None = None


def answer_mode(question: Question) -> str | None:
    """``TILES``, ``TYPED``, or None for a question that cannot play live."""
    kind = kind_of(question.type)
    if kind.tiles(question) is not None:
        return TILES
    if isinstance(kind, TypedKind):
        return TYPED
    return None


def set_plan(session: Session, quiz_set: QuizSet, limit: int) -> list[PlannedQuestion]:
    """The Play-live page's list: the set's questions in order, each with whether it plays.
    Questions a set draws from a topic are drawn again when the game opens."""
    questions = resolve_questions(session, quiz_set, random.Random(quiz_set.id), shuffle=False)
    return plan_questions(questions, limit)


def plan_questions(questions: list[Question], limit: int) -> list[PlannedQuestion]:
    """Each question with whether it plays: the first ``limit`` that can, in the set's order."""
    planned, playing = [], 0
    for question in questions:
        if answer_mode(question) is None:
            reason = kind_of(question.type).live_refusal or WHY_NOT
            planned.append(PlannedQuestion(question, False, reason))
        elif playing >= limit:
            planned.append(
                PlannedQuestion(question, False, f"A game has at most {limit}.", limit=limit)
            )
        else:
            playing += 1
            planned.append(PlannedQuestion(question, True))
    return planned


@dataclass(frozen=True)
class ChartRow:
    """One bar of the reveal's chart: a tile or a typed answer, how many gave it, and
    whether it was right."""

    text: str
    count: int
    correct: bool

    def as_json(self) -> dict[str, Any]:
        return {"text": self.text, "count": self.count, "correct": self.correct}


def tile_chart(question: Question, counts: dict[str, int]) -> list[ChartRow]:
    kind = kind_of(question.type)
    right = set(kind.right_tile_ids(question))
    return [
        ChartRow(tile["text"], counts.get(tile["id"], 0), tile["id"] in right)
        for tile in kind.tiles(question) or []
    ]


def typed_chart(answers: list[tuple[Any, bool]]) -> list[ChartRow]:
    """The typed answers ``(answer, correct)`` grouped as the grader compares them ("Moscow",
    "moscow " are one bar, shown as first typed), most frequent first, the tail summed up."""
    shown: dict[str, str] = {}
    right: dict[str, bool] = {}
    tally: Counter[str] = Counter()
    for answer, correct in answers:
        text = str(answer)
        key = normalize_text(text)
        shown.setdefault(key, text.strip())
        right[key] = right.get(key, False) or bool(correct)
        tally[key] += 1
    ranked = sorted(tally, key=lambda k: (-tally[k], not right[k], shown[k].casefold()))
    rows = [ChartRow(shown[k], tally[k], right[k]) for k in ranked[:TYPED_ANSWERS_CHARTED]]
    rest = sum(tally[k] for k in ranked[TYPED_ANSWERS_CHARTED:])
    if rest:
        rows.append(ChartRow(OTHER_ANSWERS, rest, False))
    return rows


def reveal_chart(
    session: Session, game_id: int, index: int, question: Question
) -> tuple[int, list[ChartRow]]:
    """How many answered question ``index``, and the reveal's chart of their answers (one
    query)."""
    answers = session.execute(
        sa.select(LiveAnswer.answer, LiveAnswer.correct).where(
            LiveAnswer.game_id == game_id, LiveAnswer.question_index == index
        )
    ).all()
    if answer_mode(question) == TYPED:
        return len(answers), typed_chart([(a, c) for a, c in answers])
    counts: Counter[str] = Counter()
    for answer, _correct in answers:
        counts.update(picked_tiles(answer))
    return len(answers), tile_chart(question, counts)


def picked_tiles(answer: Any) -> list[str]:
    """The tile ids an answer picked ("true"/"false" for a true/false one)."""
    if isinstance(answer, bool):
        return ["true" if answer else "false"]
    if isinstance(answer, list):
        return [str(a) for a in answer]
    return [str(answer)]
