"""A teacher imports a roster CSV on the class page: a preview, then all of it or nothing."""

from __future__ import annotations

import io
import re

import pytest
import sqlalchemy as sa

from quizapp.models import Enrollment, User
from tests.builders import enrol, make_class

NEW_PASSWORD = "plum orchard lantern 42"
ROSTER = (
    "\ufeffName;Email\n"
    "Known Student;known@example.org\n"
    "New Student;new@example.org\n"
    "Typo;new.example.org\n"
    "Member;member@example.org\n"
    "Dup;NEW@example.org\n"
)


@pytest.fixture
def world(db, make_teacher, make_student):
    teacher = make_teacher(name="History teacher")
    school_class = make_class(db, teacher)
    member = make_student(email="member@example.org")
    known = make_student(email="known@example.org")
    enrol(db, school_class, member)
    return teacher, school_class, member, known


@pytest.fixture
def sent(monkeypatch):
    """The mails the roster import sends: (to, subject, body)."""
    mails: list[tuple[str, str, str]] = []
    monkeypatch.setattr("quizapp.teach.roster_views.send_mail", lambda *mail: mails.append(mail))
    return mails


def _upload(client, school_class, data: bytes | str | None, filename="roster.csv"):
    raw = data.encode() if isinstance(data, str) else data
    files = {} if raw is None else {"roster-file": (io.BytesIO(raw), filename)}
    return client.post(
        f"/teach/classes/{school_class.id}/roster/preview",
        data=files,
        content_type="multipart/form-data",
    )


def _confirm_fields(page: str) -> dict[str, str]:
    fields = dict(re.findall(r'name="(text|fingerprint)" type="hidden" value="([^"]*)"', page))
    return {name: _unescape(value) for name, value in fields.items()}


def _unescape(value: str) -> str:
    for entity, char in (("&#34;", '"'), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">")):
        value = value.replace(entity, char)
    return value.replace("&amp;", "&")


def _members(db, school_class) -> set[str]:
    return set(
        db.session.scalars(
            sa.select(User.email)
            .join(Enrollment, Enrollment.student_id == User.id)
            .where(Enrollment.class_id == school_class.id)
        )
    )


def test_the_class_page_offers_the_import(client, db, world, login):
    teacher, school_class, *_ = world
    login(client, teacher)
    page = client.get(f"/teach/classes/{school_class.id}").get_data(as_text=True)
    assert "Import a roster" in page and 'enctype="multipart/form-data"' in page


def test_preview_lists_each_line_then_confirm_applies_it_and_invites(
    client, db, world, login, sent
):
    teacher, school_class, *_ = world
    login(client, teacher)
    preview = _upload(client, school_class, ROSTER)
    page = preview.get_data(as_text=True)
    assert preview.status_code == 200
    assert "Existing account → enrolled" in page and "New account → invitation emailed" in page
    assert "Skipped: not a valid email" in page
    assert "Skipped: already in this class" in page
    assert "Skipped: a duplicate of line 3" in page
    assert "Enrol 2 students and send 1 invitation" in page
    assert _members(db, school_class) == {"member@example.org"}  # nothing yet
    assert db.session.scalar(sa.select(User).where(User.email == "new@example.org")) is None

    done = client.post(
        f"/teach/classes/{school_class.id}/roster/import", data=_confirm_fields(page)
    )
    assert done.status_code == 302
    assert _members(db, school_class) == {
        "member@example.org",
        "known@example.org",
        "new@example.org",
    }
    assert "2 students added" in client.get(done.location).get_data(as_text=True)
    assert [(to, subject) for to, subject, _body in sent] == [
        ("new@example.org", f"Your quizapp account for {school_class.name}")
    ]
    assert "History teacher added you" in sent[0][2]


def test_the_invitation_link_sets_the_password_and_logs_the_student_in(
    app, client, db, world, login, sent
):
    teacher, school_class, *_ = world
    login(client, teacher)
    page = _upload(client, school_class, "New Student,new@example.org\n").get_data(as_text=True)
    client.post(f"/teach/classes/{school_class.id}/roster/import", data=_confirm_fields(page))
    link = re.search(r"http://localhost(/account/welcome/\S+)", sent[0][2])[1]
    student = app.test_client()
    assert b"Welcome, New Student" in student.get(link).data
    saved = student.post(link, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert saved.status_code == 302 and saved.location == "/assignments"
    assert school_class.name in student.get("/assignments").get_data(as_text=True)
    again = app.test_client().get(link)  # used once
    assert again.status_code == 302 and again.location == "/account/reset"
    new = db.session.scalar(sa.select(User).where(User.email == "new@example.org"))
    assert new.check_password(NEW_PASSWORD)


def test_a_reset_link_is_no_invitation_and_an_invitation_no_reset_link(app, db, world):
    from quizapp.services import accounts

    _teacher, _class, _member, known = world
    reset = accounts.reset_token("test-secret", known)
    invite = accounts.reset_token("test-secret", known, salt=accounts.INVITATION_SALT)
    client = app.test_client()
    assert client.get(f"/account/welcome/{reset}").status_code == 302
    assert client.get(f"/account/reset/{invite}").status_code == 302
    assert client.get(f"/account/welcome/{invite}").status_code == 200


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("Zoë,zoe@example.org\n".encode("latin-1"), "not UTF-8"),
        (b"", "no names and emails"),
        (None, "Choose a CSV file to import"),
        (b"name,email\n", "no names and emails"),
        (b"only one column\n", "No line has both"),
        (b"a" * 100_001, "larger than 100 kB"),
        ("".join(f"S{i},s{i}@example.org\n" for i in range(501)), "at most 500"),
    ],
)
def test_a_bad_file_is_a_400_with_a_message_and_writes_nothing(
    client, db, world, login, sent, data, message
):
    teacher, school_class, *_ = world
    login(client, teacher)
    users = db.session.scalar(sa.select(sa.func.count(User.id)))
    response = _upload(client, school_class, data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == users
    assert _members(db, school_class) == {"member@example.org"} and sent == []


def test_a_roster_changed_since_the_preview_writes_nothing_and_shows_it_again(
    client, db, world, login, sent, make_student
):
    teacher, school_class, *_ = world
    login(client, teacher)
    page = _upload(client, school_class, ROSTER).get_data(as_text=True)
    make_student(email="new@example.org")  # signed up meanwhile
    response = client.post(
        f"/teach/classes/{school_class.id}/roster/import", data=_confirm_fields(page)
    )
    assert response.status_code == 409
    assert "changed since the preview" in response.get_data(as_text=True)
    assert _members(db, school_class) == {"member@example.org"} and sent == []
    again = client.post(
        f"/teach/classes/{school_class.id}/roster/import",
        data=_confirm_fields(response.get_data(as_text=True)),
    )
    assert again.status_code == 302
    assert "new@example.org" in _members(db, school_class) and sent == []


def test_a_tampered_confirmation_is_refused(client, db, world, login, sent):
    teacher, school_class, *_ = world
    login(client, teacher)
    page = _upload(client, school_class, "New Student,new@example.org\n").get_data(as_text=True)
    fields = _confirm_fields(page) | {"text": "Someone Else,else@example.org\n"}
    response = client.post(f"/teach/classes/{school_class.id}/roster/import", data=fields)
    assert response.status_code == 409
    missing = client.post(f"/teach/classes/{school_class.id}/roster/import", data={})
    assert missing.status_code == 400
    assert db.session.scalar(sa.select(User).where(User.email.like("%else%"))) is None


def test_only_the_class_s_teacher_may_import(client, db, world, login, make_teacher, sent):
    teacher, school_class, member, _known = world
    login(client, make_teacher())
    assert _upload(client, school_class, ROSTER).status_code == 404
    login(client, teacher)
    fields = _confirm_fields(_upload(client, school_class, ROSTER).get_data(as_text=True))
    client.post("/auth/logout")
    login(client, make_teacher())
    url = f"/teach/classes/{school_class.id}/roster/import"
    assert client.post(url, data=fields).status_code == 404
    client.post("/auth/logout")
    login(client, member)
    assert client.post(url, data=fields).status_code == 403
    assert _members(db, school_class) == {"member@example.org"} and sent == []
