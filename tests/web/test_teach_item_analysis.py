"""The item analysis pages: the worked example's report and its switch, and an assignment
nobody has attempted yet."""

from __future__ import annotations

from tests.builders import (
    make_assignment,
    make_class,
    make_set,
    seeded_questions,
)


def test_the_page_and_its_switch(client, db, analysed, login):
    teacher, assignment, (q1, _q2, _q3) = analysed
    login(client, teacher)
    first = client.get(f"/teach/assignments/{assignment.id}/analysis").get_data(as_text=True)
    assert "<strong>4</strong> attempts by 4 students" in first
    assert "aria-current=page>First attempts" in first
    assert "70.7" in first and "too few responses to judge" in first
    assert "low discrimination" not in first
    every = client.get(f"/teach/assignments/{assignment.id}/analysis?attempts=all").get_data(
        as_text=True
    )
    assert "<strong>5</strong> attempts by 4 students" in every and "76.4" in every
    assert "aria-current=page>All attempts" in every
    assert q1.prompt in every


def test_no_attempts_yet(client, db, make_teacher, make_student, login):
    teacher = make_teacher()
    school_class = make_class(db, teacher)
    assignment = make_assignment(db, make_set(db, teacher, seeded_questions(db, 2)), [school_class])
    login(client, teacher)
    page = client.get(f"/teach/assignments/{assignment.id}/analysis")
    assert page.status_code == 200 and b"No submitted attempt yet" in page.data
