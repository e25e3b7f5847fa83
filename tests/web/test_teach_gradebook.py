"""The gradebook (grading methods, late marks, attempt counts), a student's drill-down, the
class mastery heatmap, and the CSV exports."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
import sqlalchemy as sa

from quizapp.models import Response
from quizapp.models.base import utcnow
from quizapp.services.gradebook import class_gradebook, student_topic_results
from tests.builders import (
    attempts_of,
    enrol,
    make_assignment,
    make_class,
    make_set,
    seeded_questions,
    take,
)


def test_gradebook_grades_late_marks_and_attempts(client, db, school, login):
    teacher, school_class, (student_a, student_b, student_c), (hw1, hw2) = school
    book = class_gradebook(db.session, school_class, utcnow())
    assert [s.display_name for s in book.students] == ["Student A", "Student B", "Student C"]
    assert [a.title for a in book.assignments] == ["Homework 2", "Homework 1"]  # by due date
    cell = book.cell(student_a.id, hw1.id)
    assert cell.grade.percent == pytest.approx(200 / 3) and cell.attempts == 2
    assert cell.status == "graded" and not cell.grade.late
    assert book.cell(student_b.id, hw1.id).grade.percent == pytest.approx(100)
    assert book.cell(student_c.id, hw1.id).status == "not_started"
    assert book.cell(student_a.id, hw2.id).grade.late
    assert book.cell(student_b.id, hw2.id).status == "in_progress"
    assert book.cell(student_c.id, hw2.id).status == "missing"
    assert book.assignment_average(hw1.id) == pytest.approx((200 / 3 + 100) / 2)
    # A student's mean counts only their graded assignments: the one in progress is not a 0.
    graded_b = [book.cell(student_b.id, a.id).grade for a in (hw1, hw2)]
    assert book.student_average(student_b.id) == pytest.approx(graded_b[0].percent)
    assert graded_b[1] is None and book.student_average(student_c.id) is None

    login(client, teacher)
    page = client.get(f"/teach/classes/{school_class.id}/gradebook").get_data(as_text=True)
    student_a_row = page.split(">Student A<")[1].split("</tr>")[0]
    assert "67 %" in student_a_row and "2 attempts" in student_a_row
    assert '<span class="late">late</span>' in student_a_row
    student_b_row = page.split(">Student B<")[1].split("</tr>")[0]
    assert "100 %" in student_b_row and "in progress" in student_b_row
    assert "missing" in page.split(">Student C<")[1].split("</tr>")[0]


def test_timed_out_work_is_submitted_when_the_teacher_looks(client, db, school, login):
    teacher, school_class, (_a, student_b, _v), (_hw1, hw2) = school
    attempt = next(a for a in attempts_of(db, student_b) if a.submitted_at is None)
    attempt.deadline = utcnow() - timedelta(minutes=1)
    db.session.commit()
    login(client, teacher)
    page = client.get(f"/teach/classes/{school_class.id}/gradebook").get_data(as_text=True)
    db.session.refresh(attempt)
    assert attempt.submitted_at == attempt.deadline and attempt.score == 1.0 and attempt.is_late
    assert "33 %" in page.split(">Student B<")[1].split("</tr>")[0]


def test_drill_down_by_topic(client, db, school, login):
    teacher, school_class, (student_a, _b, _v), (hw1, hw2) = school
    results = student_topic_results(db.session, student_a.id, [hw1.id, hw2.id])
    # Student A: 0 + 2 + 3 right out of 9 questions seen over three submitted attempts.
    assert sum(r.questions for r in results) == 9
    assert sum(r.score for r in results) == 5 and sum(r.max_score for r in results) == 9
    login(client, teacher)
    page = client.get(f"/teach/classes/{school_class.id}/students/{student_a.id}").get_data(
        as_text=True
    )
    assert "By topic" in page and "Homework 1" in page and "Homework 2" in page
    for result in results:
        assert result.topic.title in page
        assert f"{result.score:g} / {result.max_score:g}" in page


def test_mastery_heatmap(client, db, school, make_student, login):
    teacher, school_class, (student_a, student_b, student_c), _ = school
    make_student(name="Outsider")
    login(client, teacher)
    page = client.get(f"/teach/classes/{school_class.id}/mastery").get_data(as_text=True)
    assert "Student A" in page and "Student C" in page and "Outsider" not in page
    assert "own progress page" in page  # says what the figure is
    # Student B got everything right, in one sitting: not mastered on that evidence alone.
    assert "Student B" in page and 'class="heat-cell m4"' not in page
    assert "too early to tell" in page or "likely known" in page
    assert '<td class="heat-cell m0">–<span class="visually-hidden"> not started' in page


def _csv(response):
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    assert response.headers["Content-Disposition"].startswith("attachment;")
    return list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))


def test_gradebook_csv(client, db, school, login):
    teacher, school_class, _students, _ = school
    login(client, teacher)
    rows = _csv(client.get(f"/teach/classes/{school_class.id}/gradebook.csv"))
    header, student_a = rows[0], rows[1]
    assert header[:5] == [
        "student",
        "email",
        "Homework 2 (%)",
        "Homework 2 attempts",
        "Homework 2 late",
    ]
    assert student_a[0] == "Student A" and student_a[2:8] == ["100.0", "1", "late", "66.7", "2", ""]
    assert [r[0] for r in rows[1:]] == ["Student A", "Student B", "Student C"]


def test_responses_csv_has_one_row_per_response(
    client, db, school, make_teacher, make_student, login
):
    teacher, school_class, (student_a, _b, _v), (hw1, _hw2) = school
    # Someone else's class on the same set must not appear.
    other_class = make_class(db, teacher, "Other")
    stranger = make_student(name="Stranger")
    enrol(db, other_class, stranger)
    elsewhere = make_assignment(db, hw1.quiz_set, [other_class])
    take(db, elsewhere, stranger)
    login(client, teacher)
    rows = _csv(client.get(f"/teach/classes/{school_class.id}/responses.csv"))
    header, body = rows[0], rows[1:]
    everyone = db.session.scalar(sa.select(sa.func.count(Response.id)))
    assert len(body) == everyone - 3  # all but the stranger's three answers
    assert header[:4] == ["assignment", "student", "email", "attempt"]
    anna_hw1 = [r for r in body if r[1] == "Student A" and r[0] == "Homework 1"]
    assert sorted({r[3] for r in anna_hw1}) == ["1", "2"]  # two attempts, numbered
    assert {r[header.index("correct")] for r in anna_hw1} == {"yes", "no"}
    assert "Stranger" not in {r[1] for r in body}
    per_assignment = _csv(client.get(f"/teach/assignments/{elsewhere.id}/responses.csv"))
    assert {r[1] for r in per_assignment[1:]} == {"Stranger"}


def test_csv_cells_cannot_run_as_formulas(client, db, make_teacher, make_student, login):
    teacher = make_teacher()
    school_class = make_class(db, teacher)
    enrol(db, school_class, make_student(name='=HYPERLINK("http://evil.example","x")'))
    login(client, teacher)
    rows = _csv(client.get(f"/teach/classes/{school_class.id}/gradebook.csv"))
    assert rows[1][0].startswith("'=")


def test_a_removed_student_leaves_the_gradebook(client, db, school, login):
    teacher, school_class, (student_a, _b, _v), _ = school
    login(client, teacher)
    client.post(f"/teach/classes/{school_class.id}/students/{student_a.id}/remove")
    page = client.get(f"/teach/classes/{school_class.id}/gradebook").get_data(as_text=True)
    assert ">Student A<" not in page
    assert (
        client.get(f"/teach/classes/{school_class.id}/students/{student_a.id}").status_code == 404
    )


def test_csv_headers_cannot_run_as_formulas(client, db, make_teacher, make_student, login):
    teacher = make_teacher()
    school_class = make_class(db, teacher)
    enrol(db, school_class, make_student())
    quiz_set = make_set(db, teacher, seeded_questions(db, 1, "true_false"))
    make_assignment(db, quiz_set, [school_class], title="=1+2")
    login(client, teacher)
    header = _csv(client.get(f"/teach/classes/{school_class.id}/gradebook.csv"))[0]
    assert header[2:5] == ["'=1+2 (%)", "'=1+2 attempts", "'=1+2 late"]
