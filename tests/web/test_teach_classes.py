"""Classes: create one with a join code and link, students join with either, roster, removal."""

from __future__ import annotations

import re

import sqlalchemy as sa

from quizapp.models import Enrollment, SchoolClass
from quizapp.services.classes import JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH
from tests.builders import enrol, make_class


def _members(db, school_class) -> set[int]:
    return set(
        db.session.scalars(
            sa.select(Enrollment.student_id).where(Enrollment.class_id == school_class.id)
        )
    )


def test_teacher_creates_a_class_and_gets_a_code_and_a_link(client, db, make_teacher, login):
    teacher = make_teacher()
    login(client, teacher)
    response = client.post("/teach/classes/new", data={"name": "  Year 10   History "})
    assert response.status_code == 302
    school_class = db.session.scalar(sa.select(SchoolClass))
    assert school_class.name == "Year 10 History" and school_class.teacher_id == teacher.id
    assert len(school_class.join_code) == JOIN_CODE_LENGTH
    assert set(school_class.join_code) <= set(JOIN_CODE_ALPHABET)
    page = client.get(response.location).get_data(as_text=True)
    assert school_class.join_code in page
    assert f"http://localhost/join/{school_class.join_code}" in page


def test_a_class_needs_a_name(client, db, make_teacher, login):
    login(client, make_teacher())
    response = client.post("/teach/classes/new", data={"name": "   "})
    assert response.status_code == 400
    assert b"This field is required" in response.data
    assert db.session.scalar(sa.select(sa.func.count(SchoolClass.id))) == 0


def test_student_joins_with_the_code_typed_loosely(client, db, make_teacher, make_student, login):
    school_class = make_class(db, make_teacher())
    student = make_student()
    login(client, student)
    loose = school_class.join_code[:4].lower() + "-" + school_class.join_code[4:].lower()
    response = client.post("/join", data={"code": loose}, follow_redirects=True)
    assert response.status_code == 200
    assert f"You joined {school_class.name}" in response.get_data(as_text=True)
    assert _members(db, school_class) == {student.id}
    again = client.post("/join", data={"code": school_class.join_code}, follow_redirects=True)
    assert "already in" in again.get_data(as_text=True)
    assert _members(db, school_class) == {student.id}


def test_a_wrong_code_says_so_and_enrols_nobody(client, db, make_teacher, make_student, login):
    make_class(db, make_teacher())
    login(client, make_student())
    response = client.post("/join", data={"code": "NOPE1234"})
    assert response.status_code == 400
    assert b"No class has this join code" in response.data
    assert db.session.scalar(sa.select(sa.func.count(Enrollment.id))) == 0
    assert client.get("/join/NOPE1234").status_code == 404


def test_the_join_link_asks_before_enrolling(client, db, make_teacher, make_student, login):
    teacher = make_teacher(name="History teacher")
    school_class = make_class(db, teacher)
    student = make_student()
    login(client, student)
    page = client.get(f"/join/{school_class.join_code}")
    assert page.status_code == 200 and b"History teacher" in page.data
    assert _members(db, school_class) == set()  # a GET never enrols
    response = client.post(f"/join/{school_class.join_code}")
    assert response.status_code == 302 and response.location.endswith("/assignments")
    assert _members(db, school_class) == {student.id}
    assert b"already in this class" in client.get(f"/join/{school_class.join_code}").data


def test_the_join_link_shows_a_visitor_the_class_and_leads_back_after_login(
    client, db, make_teacher
):
    school_class = make_class(db, make_teacher())
    response = client.get(f"/join/{school_class.join_code}")
    assert response.status_code == 200 and school_class.name in response.get_data(as_text=True)
    assert f"/auth/login?next=/join/{school_class.join_code}" in response.get_data(as_text=True)
    joining = client.post(f"/join/{school_class.join_code}")
    assert joining.status_code == 302 and "/auth/login" in joining.location
    assert f"join%2F{school_class.join_code}" in joining.location  # back here after login


def test_a_student_can_be_in_several_classes(client, db, make_teacher, make_student, login):
    first, second = make_class(db, make_teacher(), "A"), make_class(db, make_teacher(), "B")
    student = make_student()
    login(client, student)
    for school_class in (first, second):
        client.post(f"/join/{school_class.join_code}")
    assert _members(db, first) == _members(db, second) == {student.id}
    page = client.get("/assignments").get_data(as_text=True)
    assert re.search(r">A <span", page) and re.search(r">B <span", page)


def test_a_teacher_cannot_join_their_own_class(client, db, make_teacher, login):
    teacher = make_teacher()
    school_class = make_class(db, teacher)
    login(client, teacher)
    assert client.post(f"/join/{school_class.join_code}").status_code == 409
    assert _members(db, school_class) == set()


def test_roster_and_removing_a_student(client, db, make_teacher, make_student, login):
    teacher = make_teacher()
    school_class = make_class(db, teacher)
    stays, leaves = make_student(name="Staying student"), make_student(name="Leaving student")
    enrol(db, school_class, stays, leaves)
    login(client, teacher)
    roster = client.get(f"/teach/classes/{school_class.id}").get_data(as_text=True)
    assert "Staying student" in roster and "Leaving student" in roster and "Students (2)" in roster
    response = client.post(
        f"/teach/classes/{school_class.id}/students/{leaves.id}/remove", follow_redirects=True
    )
    assert "Leaving student was removed" in response.get_data(as_text=True)
    assert _members(db, school_class) == {stays.id}
    # Removing someone not (or no longer) in the class is a 404, not a 500.
    again = client.post(f"/teach/classes/{school_class.id}/students/{leaves.id}/remove")
    assert again.status_code == 404


def test_a_new_code_replaces_the_old_one(client, db, make_teacher, make_student, login):
    teacher = make_teacher()
    school_class = make_class(db, teacher)
    old = school_class.join_code
    login(client, teacher)
    client.post(f"/teach/classes/{school_class.id}/code")
    db.session.refresh(school_class)
    assert school_class.join_code != old
    client.post("/auth/logout")
    login(client, make_student())
    assert client.post("/join", data={"code": old}).status_code == 400
    assert client.post("/join", data={"code": school_class.join_code}).status_code == 302


def test_teacher_overview_lists_own_classes_only(client, db, make_teacher, login):
    mine, other = make_teacher(), make_teacher()
    make_class(db, mine, "Mine")
    make_class(db, other, "Someone else's")
    login(client, mine)
    page = client.get("/teach/").get_data(as_text=True)
    assert "Mine" in page and "Someone else" not in page


def test_each_remove_button_names_its_student(client, db, make_teacher, make_student, login):
    teacher = make_teacher()
    school_class = make_class(db, teacher)
    enrol(db, school_class, make_student(name="Ada"), make_student(name="Ben"))
    login(client, teacher)
    roster = client.get(f"/teach/classes/{school_class.id}").get_data(as_text=True)
    for name in ("Ada", "Ben"):
        assert f'Remove<span class="visually-hidden"> {name}</span>' in roster
