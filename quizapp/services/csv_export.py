"""CSV exports: a class's gradebook, and every response (one row per response); every CSV the
app hands out is written by ``core.csv_cells.csv_document`` (re-exported here).

Headers and words (late, yes, no) are in the exporting teacher's language: the web layer passes
its ``translate`` (gettext); without one they are English. No import of the app reads these
files back, so nothing depends on the English names.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.csv_cells import csv_document
from quizapp.core.question_kinds import describe_answer
from quizapp.core.time_zones import DEFAULT_ZONE, to_local
from quizapp.core.translatable import N_
from quizapp.core.vocabulary import AttemptKind
from quizapp.models import (
    Assignment,
    AttemptQuestion,
    Claim,
    Question,
    QuizAttempt,
    Response,
    Topic,
    User,
)
from quizapp.services.gradebook import Gradebook

RESPONSE_COLUMNS = [
    N_("assignment"),
    N_("student"),
    N_("email"),
    N_("attempt"),
    N_("attempt_started"),
    N_("attempt_submitted"),
    N_("attempt_late"),
    N_("position"),
    N_("question_id"),
    N_("question_key"),
    N_("topic"),
    N_("type"),
    N_("prompt"),
    N_("answer"),
    N_("answer_raw"),
    N_("score"),
    N_("max_mark"),
    N_("correct"),
    N_("answered_at"),
]
# Gradebook headers: each is formatted with ``%`` after translation (so "%%" is a percent sign).
GRADE_HEADER = N_("%(title)s (%%)")
ATTEMPTS_HEADER = N_("%(title)s attempts")
LATE_HEADER = N_("%(title)s late")
AVERAGE_HEADER = N_("average (%%)")
LATE, YES, NO = N_("late"), N_("yes"), N_("no")


def _same(text: str) -> str:
    return text


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def gradebook_csv(book: Gradebook, translate: Callable[[str], str] = _same) -> str:
    """One row per student: per assignment the grade (%), attempts and late mark; headers
    and words through ``translate``."""
    header = [translate("student"), translate("email")]
    for assignment in book.assignments:
        title = {"title": assignment.title}
        header += [
            translate(GRADE_HEADER) % title,
            translate(ATTEMPTS_HEADER) % title,
            translate(LATE_HEADER) % title,
        ]
    header.append(translate(AVERAGE_HEADER) % {})
    rows = []
    for student in book.students:
        row: list[object] = [student.display_name, student.email]
        for assignment in book.assignments:
            cell = book.cell(student.id, assignment.id)
            grade = cell.grade
            row += [
                _number(grade.percent if grade else None),
                cell.attempts,
                translate(LATE) if grade and grade.late else "",
            ]
        row.append(_number(book.student_average(student.id)))
        rows.append(row)
    return csv_document(header, rows)


def responses_csv(
    session: Session,
    assignment_ids: Sequence[int],
    student_ids,
    zone: str = DEFAULT_ZONE,
    translate: Callable[[str], str] = _same,
) -> str:
    """Every response to these assignments by these students (a list or a subquery of ids),
    ordered by assignment, student, attempt and position, in one query; times in ``zone``
    (the exporting teacher's), ISO 8601 with their offset; headers and words through
    ``translate``."""
    columns = [translate(column) for column in RESPONSE_COLUMNS]
    if not assignment_ids:
        return csv_document(columns, [])
    rows = session.execute(
        sa.select(
            Assignment.id,
            Assignment.title,
            User.id,
            User.display_name,
            User.email,
            QuizAttempt.id,
            QuizAttempt.started_at,
            QuizAttempt.submitted_at,
            QuizAttempt.is_late,
            AttemptQuestion.position,
            AttemptQuestion.max_mark,
            Question,
            Topic.title,
            Response.answer,
            Response.score,
            Response.correct,
            Response.answered_at,
        )
        .select_from(Response)
        .join(AttemptQuestion, Response.slot_id == AttemptQuestion.id)
        .join(QuizAttempt, AttemptQuestion.attempt_id == QuizAttempt.id)
        .join(Assignment, QuizAttempt.assignment_id == Assignment.id)
        .join(User, QuizAttempt.user_id == User.id)
        .join(Question, Response.question_id == Question.id)
        .join(Claim, Question.claim_id == Claim.id)
        .join(Topic, Claim.topic_id == Topic.id)
        .where(
            QuizAttempt.kind == AttemptKind.ASSIGNMENT,
            QuizAttempt.assignment_id.in_(list(assignment_ids)),
            QuizAttempt.user_id.in_(student_ids),
        )
        .order_by(
            Assignment.due_at,
            Assignment.id,
            User.display_name,
            User.id,
            QuizAttempt.started_at,
            QuizAttempt.id,
            AttemptQuestion.position,
        )
    ).all()
    numbers: dict[tuple[int, int], dict[int, int]] = defaultdict(dict)
    out = []
    for row in rows:
        (
            assignment_id,
            title,
            user_id,
            name,
            email,
            attempt_id,
            started,
            submitted,
            late,
            position,
            max_mark,
            question,
            topic,
            answer,
            score,
            correct,
            answered_at,
        ) = row
        per_student = numbers[(assignment_id, user_id)]
        number = per_student.setdefault(attempt_id, len(per_student) + 1)
        out.append(
            [
                title,
                name,
                email,
                number,
                _time(started, zone),
                _time(submitted, zone),
                translate(LATE) if late else "",
                position,
                question.id,
                question.key,
                topic,
                question.type,
                question.prompt,
                describe_answer(question, answer),
                json.dumps(answer),
                f"{score:g}",
                f"{max_mark:g}",
                translate(YES) if correct else translate(NO),
                _time(answered_at, zone),
            ]
        )
    return csv_document(columns, out)


def _time(moment: datetime | None, zone: str) -> str:
    """A stored (naive UTC) time as "2026-11-25T23:30:00+13:00": a spreadsheet, or a reader
    in another zone, still knows the instant."""
    return to_local(moment, zone).isoformat(timespec="seconds") if moment else ""
