"""Item analysis of an assignment (Moodle's quiz statistics) from the stored attempts.

Loads the submitted attempts of students currently in the assignment's classes, their slots and
responses in a fixed number of queries, and hands the numbers to the domain core
(``core.item_statistics`` through ``core.assignment_statistics``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.assignment_statistics import SatAttempt, item_statistics_by_presence
from quizapp.core.item_statistics import (
    FLAG_LOW_DISCRIMINATION,
    FLAG_NEGATIVE_DISCRIMINATION,
    MIN_RESPONSES_FOR_FLAGS,
    AttemptResponses,
    ChoicePick,
    ItemStatistics,
    QuestionInfo,
    choice_counts,
    select_attempts,
)
from quizapp.core.question_kinds import kind_of
from quizapp.core.translatable import N_
from quizapp.core.vocabulary import AttemptKind
from quizapp.models import (
    Assignment,
    AssignmentClass,
    AttemptQuestion,
    Claim,
    Enrollment,
    Question,
    QuizAttempt,
    Response,
    Topic,
)
from quizapp.services.quizzes import poll_question_ids

Mode = Literal["first", "all"]
TOP_TYPED_ANSWERS = 5  # typed questions list their most frequent answers
# The row of a question left unanswered, among its choices or typed answers.
NO_ANSWER = N_("(no answer)")
SERIOUS_FLAGS = {FLAG_NEGATIVE_DISCRIMINATION, FLAG_LOW_DISCRIMINATION}


@dataclass
class ChoiceRow:
    text: str
    correct: bool
    count: int
    percent: float


@dataclass
class QuestionAnalysis:
    question: Question
    topic: str
    stats: ItemStatistics
    choices: list[ChoiceRow] = field(default_factory=list)  # distractor analysis
    typed_answers: list[ChoiceRow] = field(default_factory=list)  # most frequent typed answers

    @property
    def judged(self) -> bool:
        """Enough responses for the flags to mean something (``MIN_RESPONSES_FOR_FLAGS``)."""
        return self.stats.n >= MIN_RESPONSES_FOR_FLAGS

    @property
    def flags(self) -> tuple[str, ...]:
        return self.stats.flags if self.judged else ()

    @property
    def flagged(self) -> bool:
        return any(flag in SERIOUS_FLAGS for flag in self.flags)


@dataclass
class ItemAnalysis:
    mode: Mode
    attempts: int
    students: int
    mean_percent: float | None
    questions: list[QuestionAnalysis]

    @property
    def flagged(self) -> int:
        return sum(q.flagged for q in self.questions)


def _attempts(session: Session, assignment: Assignment):
    members = (
        sa.select(Enrollment.student_id)
        .join(AssignmentClass, AssignmentClass.class_id == Enrollment.class_id)
        .where(AssignmentClass.assignment_id == assignment.id)
    )
    return session.execute(
        sa.select(
            QuizAttempt.id,
            QuizAttempt.user_id,
            QuizAttempt.started_at,
            QuizAttempt.score,
            QuizAttempt.max_score,
        )
        .where(
            QuizAttempt.assignment_id == assignment.id,
            QuizAttempt.kind == AttemptKind.ASSIGNMENT,
            QuizAttempt.submitted_at.is_not(None),
            QuizAttempt.user_id.in_(members),
        )
        .order_by(QuizAttempt.started_at, QuizAttempt.id)
    ).all()


def _pick_value(question: Question, answer: Any) -> list[str | None]:
    """The choice ids an answer picked (``[None]`` for a blank) for choice-like questions."""
    if answer is None or answer == [] or answer == "":
        return [None]
    return list(kind_of(question.type).picked_choice_ids(answer))


def _known_choices(question: Question) -> list[tuple[str, str, bool]]:
    return kind_of(question.type).analysis_choices(question)


def _chosen_attempts(session: Session, assignment: Assignment, mode: Mode) -> list[sa.Row]:
    """The submitted attempts the analysis covers: each student's first, or all of them."""
    rows = _attempts(session, assignment)
    meta = [
        (user_id, (started, attempt_id), AttemptResponses(attempt_id))
        for attempt_id, user_id, started, _score, _max in rows
    ]
    keep = {a.attempt_id for a in select_attempts(meta, mode)}
    return [r for r in rows if r.id in keep]


def _slots(session: Session, attempt_ids: list[int]) -> list[sa.Row]:
    """Every question slot of the attempts with its response (score, answer, correct), if any."""
    return session.execute(
        sa.select(
            AttemptQuestion.attempt_id,
            AttemptQuestion.question_id,
            AttemptQuestion.position,
            AttemptQuestion.max_mark,
            Response.score,
            Response.answer,
            Response.correct,
        )
        .outerjoin(Response, Response.slot_id == AttemptQuestion.id)
        .where(
            AttemptQuestion.attempt_id.in_(attempt_ids),
            # A poll has no key to judge an item by; its distribution is on the results.
            AttemptQuestion.question_id.not_in(poll_question_ids()),
        )
    ).all()


@dataclass
class _Marks:
    """Marks per attempt and question, each question's maximum and the positions it was at."""

    by_attempt: dict[int, dict[int, float]] = field(default_factory=lambda: defaultdict(dict))
    maximum: dict[int, float] = field(default_factory=dict)
    positions: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, slots: list[sa.Row]) -> _Marks:
        marks = cls()
        for attempt_id, question_id, position, max_mark, score, _answer, _correct in slots:
            marks.by_attempt[attempt_id][question_id] = float(score or 0.0)
            marks.maximum[question_id] = max(marks.maximum.get(question_id, 0.0), float(max_mark))
            marks.positions[question_id].append(position)
        return marks

    def seen_order(self) -> list[int]:
        """The set's order as the students saw it on average (exact for unshuffled sets)."""
        positions = self.positions
        return sorted(self.maximum, key=lambda q: (sum(positions[q]) / len(positions[q]), q))


def _questions_with_topics(
    session: Session, question_ids: list[int]
) -> dict[int, tuple[Question, str]]:
    loaded = session.execute(
        sa.select(Question, Topic.title)
        .join(Claim, Question.claim_id == Claim.id)
        .join(Topic, Claim.topic_id == Topic.id)
        .where(Question.id.in_(question_ids))
    )
    return {q.id: (q, title) for q, title in loaded}


def _question_analysis(
    stat: ItemStatistics,
    question: Question,
    topic: str,
    per_question: dict[str | None, int],
    typed: Counter[tuple[str, bool]],
) -> QuestionAnalysis:
    """A question's statistics with its choice counts or its most frequent typed answers."""
    analysis = QuestionAnalysis(question, topic, stat)
    n = stat.n or 1
    for cid, text, correct in _known_choices(question):
        count = per_question.get(cid, 0)
        analysis.choices.append(ChoiceRow(text, correct, count, 100.0 * count / n))
    if analysis.choices:
        blank = per_question.get(None, 0)
        analysis.choices.append(ChoiceRow(NO_ANSWER, False, blank, 100.0 * blank / n))
    for (text, correct), count in typed.most_common(TOP_TYPED_ANSWERS):
        analysis.typed_answers.append(ChoiceRow(text, correct, count, 100.0 * count / n))
    return analysis


def analyse_assignment(session: Session, assignment: Assignment, mode: Mode) -> ItemAnalysis:
    """Facility, SD, discrimination index and efficiency, flags and choice counts per question.

    ``mode`` "first" analyses each student's first attempt (Moodle's default), "all" every
    attempt. Call ``assignments.finalise_overdue_attempts`` first so timed-out work counts.
    """
    chosen = _chosen_attempts(session, assignment, mode)
    if not chosen:
        return ItemAnalysis(mode, 0, 0, None, [])
    slots = _slots(session, [r.id for r in chosen])
    marks = _Marks.of(slots)
    questions = _questions_with_topics(session, list(marks.maximum))
    stats = item_statistics_by_presence(
        [QuestionInfo(q, marks.maximum[q]) for q in marks.seen_order()],
        [SatAttempt(r.id, marks.by_attempt[r.id]) for r in chosen],
    )
    picks, typed = _responses_by_question(slots, questions)
    counts = _choice_counts(picks, questions)
    analyses = [
        _question_analysis(
            stat,
            *questions[stat.question_id],
            counts.get(stat.question_id, {}),
            typed.get(stat.question_id, Counter()),
        )
        for stat in stats
    ]
    students = len({r.user_id for r in chosen})
    return ItemAnalysis(mode, len(chosen), students, _mean_percent(chosen), analyses)


def _choice_counts(
    picks: list[ChoicePick], questions: dict[int, tuple[Question, str]]
) -> dict[int, dict[str | None, int]]:
    """Picks per choice of every choice-like question (a choice nobody picked counts 0)."""
    known = {qid: [c[0] for c in _known_choices(q)] for qid, (q, _t) in questions.items()}
    return choice_counts(picks, {qid: ids for qid, ids in known.items() if ids})


def _mean_percent(chosen: list[sa.Row]) -> float | None:
    percents = [100.0 * (r.score or 0.0) / r.max_score for r in chosen if r.max_score]
    return sum(percents) / len(percents) if percents else None


def _responses_by_question(slots, questions):
    """Choice picks for choice-like questions, answer frequencies for typed ones."""
    picks: list[ChoicePick] = []
    typed: dict[int, Counter[tuple[str, bool]]] = defaultdict(Counter)
    for attempt_id, question_id, _pos, _max, _score, answer, correct in slots:
        question = questions[question_id][0]
        if _known_choices(question):
            picks.extend(
                ChoicePick(attempt_id, question_id, cid) for cid in _pick_value(question, answer)
            )
        elif kind_of(question.type).tallies_typed_answers:
            text = " ".join(str(answer).split()).casefold() if answer else NO_ANSWER
            typed[question_id][(text, bool(correct))] += 1
    return picks, typed
