"""Assignments: assigning, the students' list, starting with the schedule, time limits,
attempts allowed and late work; answering goes through the ordinary quiz routes."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from quizapp.models import Assignment, QuizAttempt, Response
from quizapp.models.base import utcnow
from quizapp.services.assignments import student_assignment_rows
from tests.builders import (
    attempts_of,
    class_with_set,
    enrol,
    make_assignment,
    make_class,
    make_set,
    seeded_questions,
    take,
)


def test_assign_a_set_to_two_classes(client, db, make_teacher, make_student, login):
    teacher, _student, first, quiz_set = class_with_set(db, make_teacher, make_student)
    second = make_class(db, teacher, "Year 11")
    login(client, teacher)
    form = client.get(f"/teach/sets/{quiz_set.id}/assign").get_data(as_text=True)
    assert "Year 10 History" in form and "Year 11" in form
    response = client.post(
        f"/teach/sets/{quiz_set.id}/assign",
        data={
            "title": "Homework 1",
            "classes": [first.id, second.id],
            "open_at": "",
            "due_at": "2031-01-31T17:00",
            "accept_late": "y",
        },
    )
    assert response.status_code == 302
    assignment = db.session.scalar(sa.select(Assignment))
    assert assignment.title == "Homework 1" and assignment.accept_late
    assert assignment.due_at.isoformat() == "2031-01-31T17:00:00" and assignment.open_at is None
    assert {c.id for c in assignment.classes} == {first.id, second.id}


def test_bad_assignments_are_refused_and_nothing_written(
    client, db, make_teacher, make_student, login
):
    teacher, _student, school_class, quiz_set = class_with_set(db, make_teacher, make_student)
    others = make_class(db, make_teacher(), "Not yours")
    empty = make_set(db, teacher, [])
    login(client, teacher)
    good = {
        "title": "HW",
        "classes": [school_class.id],
        "open_at": "2031-01-02T09:00",
        "due_at": "2031-01-31T17:00",
    }
    cases = [
        (quiz_set, {"due_at": "2031-01-01T17:00"}, b"The due date must come after the open date"),
        (quiz_set, {"due_at": ""}, b"This field is required"),
        (quiz_set, {"due_at": "next tuesday"}, b"Not a valid datetime value"),
        (quiz_set, {"classes": []}, b"Choose at least one class"),
        (quiz_set, {"classes": [others.id]}, b"not a valid choice"),
        (quiz_set, {"title": ""}, b"This field is required"),
        (empty, {}, b"Add questions to the set before assigning it"),
    ]
    for target, change, message in cases:
        response = client.post(f"/teach/sets/{target.id}/assign", data={**good, **change})
        assert response.status_code == 400, change
        assert message in response.data, change
    assert db.session.scalar(sa.select(sa.func.count(Assignment.id))) == 0


def test_student_starts_an_assignment_and_answers_through_the_quiz(
    client, db, make_teacher, make_student, login
):
    _teacher, student, school_class, quiz_set = class_with_set(
        db, make_teacher, make_student, time_limit_minutes=15, shuffle_choices=True
    )
    assignment = make_assignment(db, quiz_set, [school_class], title="Homework 1")
    login(client, student)
    listing = client.get("/assignments").get_data(as_text=True)
    assert "Homework 1" in listing and "Not started" in listing and ">Start<" in listing
    response = client.post(f"/assignments/{assignment.id}/start")
    (attempt,) = attempts_of(db, student)
    assert response.location.endswith(f"/quiz/{attempt.id}/1")
    assert attempt.kind == "assignment" and attempt.assignment_id == assignment.id
    assert attempt.title == "Homework 1" and attempt.feedback == "after_submission"
    assert attempt.late_after == assignment.due_at == attempt.feedback_after
    assert timedelta(minutes=14) < attempt.deadline - attempt.started_at <= timedelta(minutes=15)
    # Answers are saved as given, by the quiz's own routes.
    question = client.get(f"/quiz/{attempt.id}/1").get_data(as_text=True)
    assert "Check answer" not in question  # feedback only after submission
    client.post(f"/quiz/{attempt.id}/1", data={"answer": "true", "action": "next"})
    assert db.session.scalar(sa.select(sa.func.count(Response.id))) == 1
    assert "In progress" in client.get("/assignments").get_data(as_text=True)
    # Starting again resumes the same attempt at the first unanswered question.
    again = client.post(f"/assignments/{assignment.id}/start")
    assert again.location.endswith(f"/quiz/{attempt.id}/2") and len(attempts_of(db, student)) == 1


def test_time_limit_expiry_submits_the_saved_answers(client, db, make_teacher, make_student, login):
    _teacher, student, school_class, quiz_set = class_with_set(
        db, make_teacher, make_student, time_limit_minutes=5
    )
    assignment = make_assignment(db, quiz_set, [school_class])
    attempt = take(db, assignment, student, [True, True, None], submit=False)
    attempt.deadline = utcnow() - timedelta(seconds=1)  # the five minutes are over
    db.session.commit()
    login(client, student)
    listing = client.get("/assignments").get_data(as_text=True)
    assert "Time is up" in listing
    response = client.get(f"/quiz/{attempt.id}/3", follow_redirects=True)
    assert "Time is up: your saved answers were submitted." in response.get_data(as_text=True)
    (attempt,) = attempts_of(db, student)
    assert attempt.submitted_at == attempt.deadline and attempt.score == 2.0
    refused = client.post(f"/quiz/{attempt.id}/3", data={"answer": "true", "action": "finish"})
    assert refused.status_code == 409  # no answer after the time is up


def test_attempts_allowed(client, db, make_teacher, make_student, login):
    _teacher, student, school_class, quiz_set = class_with_set(
        db, make_teacher, make_student, attempts_allowed=2
    )
    assignment = make_assignment(db, quiz_set, [school_class])
    take(db, assignment, student, [False, False, False])
    login(client, student)
    assert "Try again" in client.get("/assignments").get_data(as_text=True)
    take(db, assignment, student)
    listing = client.get("/assignments").get_data(as_text=True)
    assert "Try again" not in listing and "Submitted: <strong>100 %</strong>" in listing
    response = client.post(f"/assignments/{assignment.id}/start")
    assert response.status_code == 409 and b"used all 2 attempts" in response.data
    assert len(attempts_of(db, student)) == 2


def test_late_work_refused_or_accepted_and_marked_late(
    client, db, make_teacher, make_student, login
):
    _teacher, student, school_class, quiz_set = class_with_set(db, make_teacher, make_student)
    past = utcnow() - timedelta(hours=1)
    closed = make_assignment(db, quiz_set, [school_class], due_at=past, title="Closed one")
    late_ok = make_assignment(
        db, quiz_set, [school_class], due_at=past, accept_late=True, title="Late allowed"
    )
    login(client, student)
    listing = client.get("/assignments").get_data(as_text=True)
    assert "Closed: not submitted" in listing and "will be marked late" in listing
    response = client.post(f"/assignments/{closed.id}/start")
    assert response.status_code == 409 and b"does not accept late work" in response.data
    assert client.post(f"/assignments/{late_ok.id}/start").status_code == 302
    (attempt,) = attempts_of(db, student)
    client.post(f"/quiz/{attempt.id}/submit")
    db.session.refresh(attempt)
    assert attempt.is_late
    assert '<span class="late">late</span>' in client.get("/assignments").get_data(as_text=True)


def test_not_before_the_open_date(client, db, make_teacher, make_student, login):
    _teacher, student, school_class, quiz_set = class_with_set(db, make_teacher, make_student)
    soon = utcnow() + timedelta(days=1)
    assignment = make_assignment(
        db, quiz_set, [school_class], open_at=soon, due_at=soon + timedelta(days=1)
    )
    login(client, student)
    assert "Opens " in client.get("/assignments").get_data(as_text=True)
    response = client.post(f"/assignments/{assignment.id}/start")
    assert response.status_code == 409 and b"opens on" in response.data
    assert attempts_of(db, student) == []


def test_only_students_of_the_classes_can_start(client, db, make_teacher, make_student, login):
    _teacher, _student, school_class, quiz_set = class_with_set(db, make_teacher, make_student)
    assignment = make_assignment(db, quiz_set, [school_class])
    outsider = make_student()
    login(client, outsider)
    assert client.post(f"/assignments/{assignment.id}/start").status_code == 404
    assert client.post("/assignments/99999/start").status_code == 404
    assert "Hello" not in client.get("/assignments").get_data(as_text=True)
    assert student_assignment_rows(db.session, outsider.id, utcnow()) == []


def test_the_teacher_edits_the_schedule(client, db, make_teacher, make_student, login):
    teacher, _student, school_class, quiz_set = class_with_set(db, make_teacher, make_student)
    assignment = make_assignment(db, quiz_set, [school_class])
    login(client, teacher)
    form = client.get(f"/teach/assignments/{assignment.id}/edit").get_data(as_text=True)
    assert f'value="{assignment.due_at:%Y-%m-%dT%H:%M}"' in form
    response = client.post(
        f"/teach/assignments/{assignment.id}/edit",
        data={"title": "Renamed", "classes": [school_class.id], "due_at": "2032-05-01T08:30"},
    )
    assert response.status_code == 302
    db.session.refresh(assignment)
    assert assignment.title == "Renamed" and assignment.due_at.year == 2032


def test_a_start_that_loses_a_race_continues_the_first_attempt(
    client, db, make_teacher, make_student, monkeypatch, login
):
    """Two Start clicks at once: the database lets one attempt number 1 exist, and the losing
    request continues the winner's attempt instead of opening a second one."""
    from quizapp.classroom import routes as classroom_views
    from quizapp.services import assignments as assignment_service
    from quizapp.services.quizzes import create_attempt

    _teacher, student, school_class, quiz_set = class_with_set(db, make_teacher, make_student)
    assignment = make_assignment(db, quiz_set, [school_class])
    login(client, student)
    real_start = assignment_service.start_assignment_attempt
    calls = []

    def racing_start(session, assignment, user_id, now, rng=None):
        if not calls:
            # The other click's attempt lands between our check and our insert.
            calls.append("raced")
            real_start(session, assignment, user_id, now, rng)
            session.commit()
            questions = [item.question for item in assignment.quiz_set.items]
            return create_attempt(
                session,
                user_id,
                questions,
                kind="assignment",
                assignment_id=assignment.id,
                attempt_number=1,
            )
        return real_start(session, assignment, user_id, now, rng)

    monkeypatch.setattr(classroom_views, "start_assignment_attempt", racing_start)
    response = client.post(f"/assignments/{assignment.id}/start")
    attempts = attempts_of(db, student)
    assert calls == ["raced"] and len(attempts) == 1 and attempts[0].attempt_number == 1
    assert response.location.endswith(f"/quiz/{attempts[0].id}/1")


# --- a changed due date reaches the attempts already made --------------------------------------


def test_an_extension_moves_started_attempts_to_the_new_due_date(
    client, db, make_teacher, make_student, login
):
    teacher, student, school_class, quiz_set = class_with_set(
        db, make_teacher, make_student, feedback="after_due"
    )
    other = make_student()
    enrol(db, school_class, other)
    now = utcnow()
    assignment = make_assignment(db, quiz_set, [school_class], due_at=now + timedelta(hours=1))
    done = take(db, assignment, other, now=now)
    open_attempt = take(db, assignment, student, [True, None, None], submit=False, now=now)
    assert open_attempt.deadline == assignment.due_at
    login(client, teacher)
    response = client.post(
        f"/teach/assignments/{assignment.id}/edit",
        data={"title": "HW", "classes": [school_class.id], "due_at": "2032-05-01T08:30"},
        follow_redirects=True,
    )
    assert "follow the new due date" in response.get_data(as_text=True)
    new_due = db.session.get(Assignment, assignment.id).due_at
    for attempt in attempts_of(db, student) + attempts_of(db, other):
        assert attempt.late_after == new_due and attempt.feedback_after == new_due
    assert db.session.get(QuizAttempt, open_attempt.id).deadline == new_due
    # The finished attempt's review waits for the new due date, not the old one.
    assert not db.session.get(QuizAttempt, done.id).shows_review(now + timedelta(hours=2))


# --- feedback after the due date and late work do not mix --------------------------------------

LATE_REFUSED = "Late work cannot be accepted when the set shows feedback after the due date"


def test_late_work_is_refused_for_a_set_with_feedback_after_the_due_date(
    client, db, make_teacher, make_student, login
):
    teacher, _student, school_class, quiz_set = class_with_set(
        db, make_teacher, make_student, feedback="after_due"
    )
    login(client, teacher)
    data = {
        "title": "HW",
        "classes": [school_class.id],
        "due_at": "2031-01-31T17:00",
        "accept_late": "y",
    }
    response = client.post(f"/teach/sets/{quiz_set.id}/assign", data=data)
    assert response.status_code == 400 and LATE_REFUSED in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Assignment.id))) == 0
    assignment = make_assignment(db, quiz_set, [school_class])
    response = client.post(f"/teach/assignments/{assignment.id}/edit", data=data)
    assert response.status_code == 400 and LATE_REFUSED in response.get_data(as_text=True)
    db.session.expire_all()
    assert not assignment.accept_late and assignment.title == quiz_set.title


def test_feedback_after_the_due_date_is_refused_while_late_work_is_accepted(
    client, db, make_teacher, make_student, login
):
    teacher, _student, school_class, quiz_set = class_with_set(db, make_teacher, make_student)
    make_assignment(db, quiz_set, [school_class], accept_late=True)
    login(client, teacher)
    settings = {"title": "New title", "attempts_allowed": "1", "grading_method": "highest"}
    response = client.post(
        f"/teach/sets/{quiz_set.id}/settings", data={**settings, "feedback": "after_due"}
    )
    assert response.status_code == 400
    assert "Feedback after the due date cannot be chosen" in response.get_data(as_text=True)
    db.session.expire_all()
    assert quiz_set.feedback == "after_submission" and quiz_set.title == "Pivot quiz"
    response = client.post(
        f"/teach/sets/{quiz_set.id}/settings", data={**settings, "feedback": "never"}
    )
    assert response.status_code == 302


# --- the student's list shows a grade only when the feedback setting does ----------------------


def test_the_students_list_hides_the_grade_the_feedback_setting_hides(
    client, db, make_teacher, make_student, login
):
    teacher, student, school_class, _ = class_with_set(db, make_teacher, make_student)
    questions = seeded_questions(db, 3, "true_false")
    due = utcnow() + timedelta(days=2)
    for feedback in ("never", "after_due", "after_submission"):
        quiz_set = make_set(db, teacher, questions, title=f"Set {feedback}", feedback=feedback)
        take(db, make_assignment(db, quiz_set, [school_class], due_at=due), student)
    rows = {r.title: r for r in student_assignment_rows(db.session, student.id, utcnow())}
    assert rows["Set after_submission"].grade_percent == 100.0
    assert rows["Set never"].grade_percent is None and rows["Set never"].results_after is None
    hidden = rows["Set after_due"]
    assert hidden.grade_percent is None and hidden.results_after == due
    later = student_assignment_rows(db.session, student.id, due + timedelta(minutes=1))
    assert {r.title: r.grade_percent for r in later}["Set after_due"] == 100.0
    login(client, student)
    page = client.get("/assignments").get_data(as_text=True)
    assert page.count("%</strong>") == 1 and "100 %" in page
    assert f"results after {due:%d %b %Y}" in page
    assert 'See results<span class="visually-hidden"> of Set never</span>' in page
