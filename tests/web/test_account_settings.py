"""Password reset by real mail (a local SMTP server started here), and the account page:
name, email, time zone and password."""

from __future__ import annotations

import re
import socket
import time
from datetime import datetime
from email import message_from_bytes

import pytest
import sqlalchemy as sa

from quizapp import mail
from quizapp.models import Assignment, User
from quizapp.services import accounts
from tests.builders import PASSWORD, make_class, make_set, seeded_questions

NEW_PASSWORD = "a brand new passphrase"
RELAY_SECONDS = 1.5


class Mailbox:
    """Every message a local SMTP server received."""

    def __init__(self) -> None:
        self.received = []

    @property
    def messages(self) -> list:
        """What arrived once every mail queued so far has left (mail leaves in the
        background)."""
        mail.flush()
        return self.received


class Inbox:
    """The aiosmtpd handler filling a :class:`Mailbox`."""

    def __init__(self, box: Mailbox) -> None:
        self.box = box

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.box.received.append(message_from_bytes(envelope.content))
        return "250 OK"


@pytest.fixture
def mailbox(app):
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    box = Mailbox()
    controller = Controller(Inbox(box), hostname="127.0.0.1", port=port)
    controller.start()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port)
    yield box
    app.config.update(MAIL_SERVER="", MAIL_PORT=25)
    controller.stop()


def _reset_link(message) -> str:
    body = message.get_payload(decode=True).decode()
    return re.search(r"http://localhost(/account/reset/\S+)", body)[1]


def test_password_reset_by_mail_is_single_use_and_ends_sessions(
    app, client, mailbox, make_student, db, login
):
    student = make_student()
    other_device = app.test_client()
    login(other_device, student)
    unknown = client.post("/account/reset", data={"email": "nobody@example.org"})
    known = client.post("/account/reset", data={"email": student.email})
    assert unknown.status_code == known.status_code == 302
    assert len(mailbox.messages) == 1 and mailbox.messages[0]["To"] == student.email
    link = _reset_link(mailbox.messages[0])

    assert (
        client.post(link, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}).status_code
        == 302
    )
    assert other_device.get("/study").status_code == 302  # the other session ended
    again = client.post(
        link, data={"password": "another fine passphrase", "confirm": "another fine passphrase"}
    )
    assert again.status_code == 302 and "/account/reset" in again.location  # used already
    db.session.expire_all()
    assert db.session.get(User, student.id).check_password(NEW_PASSWORD)


def test_the_reset_page_answers_the_same_for_unknown_emails(client, mailbox, make_student):
    student = make_student()
    pages = []
    for email in ("nobody@example.org", student.email):
        response = client.post("/account/reset", data={"email": email})
        pages.append((response.status_code, response.location, client.get("/auth/login").data))
    assert pages[0] == pages[1]


def test_a_reset_link_expires_after_an_hour(app, client, mailbox, make_student, monkeypatch):
    student = make_student()
    client.post("/account/reset", data={"email": student.email})
    link = _reset_link(mailbox.messages[0])
    app.config["PASSWORD_RESET_SECONDS"] = -1  # as if the hour had passed
    try:
        response = client.post(link, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    finally:
        app.config["PASSWORD_RESET_SECONDS"] = 3600
    assert "/account/reset" in response.location


def test_without_smtp_the_link_goes_to_the_server_log(client, make_student, caplog):
    student = make_student()
    with caplog.at_level("WARNING", logger="quizapp.mail"):
        client.post("/account/reset", data={"email": student.email})
        mail.flush()
    assert "/account/reset/" in caplog.text


def _profile(
    email: str, name: str = "Renamed", zone: str = "Europe/Berlin", password: str = PASSWORD
) -> dict:
    return {
        "form": "profile",
        "display_name": name,
        "email": email,
        "time_zone": zone,
        "current_password": password,
    }


def _body(message) -> str:
    return message.get_payload(decode=True).decode()


def _email_link(message) -> str:
    return re.search(r"http://localhost(/account/email/\S+)", _body(message))[1]


def test_change_name_email_and_time_zone(client, mailbox, make_student, db, login):
    student = make_student()
    old_email = student.email
    login(client, student)
    response = client.post("/account/", data=_profile("Renamed@Example.org"))
    assert response.status_code == 302
    db.session.expire_all()
    user = db.session.get(User, student.id)
    # Name and zone at once; the email once its owner opens the link mailed to it.
    assert (user.display_name, user.email, user.time_zone) == (
        "Renamed",
        student.email,
        "Europe/Berlin",
    )
    assert [m["To"] for m in mailbox.messages] == ["renamed@example.org"]
    link = _email_link(mailbox.messages[0])
    assert client.get(link).status_code == 302
    db.session.expire_all()
    assert db.session.get(User, student.id).email == "renamed@example.org"
    # The address the account had is told, in case someone else made the change.
    told = mailbox.messages[1]
    assert told["To"] == old_email and "renamed@example.org" in _body(told)
    assert "If this was not you" in _body(told)
    used = client.get(link, follow_redirects=True)
    assert "expired or was used" in used.get_data(as_text=True)
    bad = client.post(
        "/account/",
        data={
            "form": "profile",
            "display_name": "X",
            "email": "x@example.org",
            "time_zone": "Mars/Base",
        },
    )
    assert bad.status_code == 400


def test_the_email_change_answers_the_same_whether_the_email_is_taken(
    client, mailbox, make_student, db, login
):
    """Before, a taken email was refused on the page: which emails have accounts showed."""
    student, other = make_student(), make_student()
    login(client, student)
    pages = []
    for email in (other.email, "free@example.org"):
        response = client.post("/account/", data=_profile(email, name=student.display_name))
        page = client.get("/account/").get_data(as_text=True).replace(email, "EMAIL")
        pages.append((response.status_code, response.location, page))
    assert pages[0] == pages[1]
    db.session.expire_all()
    assert db.session.get(User, student.id).email == student.email
    to_owner, to_free = mailbox.messages
    assert to_owner["To"] == other.email and "Nothing was changed" in _body(to_owner)
    assert to_free["To"] == "free@example.org" and "/account/email/" in _body(to_free)


def test_change_password_ends_every_other_session(app, client, make_student, db, login):
    student = make_student()
    other_device = app.test_client()
    login(other_device, student)
    login(client, student)
    wrong = client.post(
        "/account/",
        data={
            "form": "password",
            "pw-current_password": "nope",
            "pw-password": NEW_PASSWORD,
            "pw-confirm": NEW_PASSWORD,
        },
    )
    assert wrong.status_code == 400
    weak = client.post(
        "/account/",
        data={
            "form": "password",
            "pw-current_password": PASSWORD,
            "pw-password": "12345678",
            "pw-confirm": "12345678",
        },
    )
    assert weak.status_code == 400
    done = client.post(
        "/account/",
        data={
            "form": "password",
            "pw-current_password": PASSWORD,
            "pw-password": NEW_PASSWORD,
            "pw-confirm": NEW_PASSWORD,
        },
    )
    assert done.status_code == 302
    assert client.get("/study").status_code == 200  # this session carries on
    assert other_device.get("/study").status_code == 302


def test_sign_up_keeps_the_browser_time_zone(client, db):
    client.post(
        "/auth/register",
        data={
            "email": "z@example.org",
            "display_name": "Zed",
            "password": PASSWORD,
            "confirm": PASSWORD,
            "time_zone": "America/New_York",
        },
    )
    client.post(
        "/auth/register",
        data={
            "email": "y@example.org",
            "display_name": "Why",
            "password": PASSWORD,
            "confirm": PASSWORD,
            "time_zone": "Nowhere/Else",
        },
    )
    zones = dict(db.session.execute(sa.select(User.email, User.time_zone)).all())
    assert zones == {"z@example.org": "America/New_York", "y@example.org": "UTC"}


def test_a_teacher_types_due_dates_in_their_zone_and_sees_them_there(
    client, make_teacher, db, login
):
    teacher = make_teacher()
    teacher.time_zone = "Europe/Berlin"  # UTC+1 in January
    db.session.commit()
    school_class = make_class(db, teacher)
    quiz_set = make_set(db, teacher, seeded_questions(db, 2))
    login(client, teacher)
    response = client.post(
        f"/teach/sets/{quiz_set.id}/assign",
        data={"title": "Winter quiz", "classes": [school_class.id], "due_at": "2031-01-15T18:00"},
    )
    assert response.status_code == 302, response.data
    assignment = db.session.scalar(sa.select(Assignment))
    assert assignment.due_at == datetime(2031, 1, 15, 17, 0)  # stored in UTC
    page = client.get(f"/teach/assignments/{assignment.id}/edit").data.decode()
    assert 'value="2031-01-15T18:00"' in page
    assert "15 Jan 2031, 18:00 CET" in client.get("/teach/").data.decode()


def test_sign_up_with_a_taken_email_tells_its_owner_by_mail(client, mailbox, make_student):
    student = make_student()
    response = client.post(
        "/auth/register",
        data={
            "email": student.email,
            "display_name": "X",
            "password": PASSWORD,
            "confirm": PASSWORD,
        },
    )
    assert response.status_code == 302
    assert [m["To"] for m in mailbox.messages] == [student.email]
    assert "already has one" in mailbox.messages[0].get_payload(decode=True).decode()


def test_a_slow_mail_relay_does_not_show_which_emails_have_accounts(
    app, client, make_student, monkeypatch
):
    """Before, the reset for an existing account waited for the relay, an unknown email did not."""

    class SlowRelay:
        def __init__(self, *args, **kwargs) -> None:
            time.sleep(RELAY_SECONDS)

        def __enter__(self):
            return self

        def __exit__(self, *exc) -> None:
            return None

        def send_message(self, message) -> None:
            return None

    monkeypatch.setattr(mail.smtplib, "SMTP", SlowRelay)
    app.config["MAIL_SERVER"] = "relay.example.org"
    student = make_student()
    try:
        seconds = {}
        for email in ("nobody@example.org", student.email):
            started = time.monotonic()
            client.post("/account/reset", data={"email": email})
            seconds[email] = time.monotonic() - started
        mail.flush()
    finally:
        app.config["MAIL_SERVER"] = ""
    assert seconds[student.email] < RELAY_SECONDS / 2


def test_the_account_page_mails_typed_addresses_only_a_few_times(
    client, mailbox, make_student, db, login
):
    """Each email change mails the address typed: unthrottled, the page would mail anyone as
    often as asked. Saving the name alone or changing the password is not held back."""
    student = make_student()
    login(client, student)
    statuses = [
        client.post("/account/", data=_profile(f"spam{i}@example.org")).status_code
        for i in range(5)
    ]
    assert statuses[:3] == [302] * 3 and statuses[3:] == [429, 429]
    assert len(mailbox.messages) == 3
    same_email = client.post("/account/", data=_profile(student.email, name="Just a name"))
    assert same_email.status_code == 302
    password = {
        "form": "password",
        "pw-current_password": PASSWORD,
        "pw-password": NEW_PASSWORD,
        "pw-confirm": NEW_PASSWORD,
    }
    assert client.post("/account/", data=password).status_code == 302


def test_an_email_taken_between_the_check_and_the_save_is_said_not_a_500(
    client, mailbox, make_student, db, login, monkeypatch
):
    """The link is checked against other accounts, then saved; a sign-up with that address in
    between reaches the unique email at the commit."""
    student = make_student()
    login(client, student)
    client.post("/account/", data=_profile("wanted@example.org"))
    link = _email_link(mailbox.messages[0])
    make_student(email="wanted@example.org")  # the race's winner
    monkeypatch.setattr(accounts, "email_taken", lambda _session, _email: False)
    response = client.get(link, follow_redirects=True)
    assert response.status_code == 200
    assert "Another account uses this email now" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(User, student.id).email == student.email


def test_changing_the_email_asks_for_the_current_password(client, mailbox, make_student, db, login):
    """A stolen session alone cannot move the account to another address (and reset its
    password from there); a wrong password keeps what was typed on the page."""
    student = make_student()
    login(client, student)
    for password in ("", "not my password"):
        typed = _profile("thief@example.org", name="Typed name", zone="Asia/Tokyo")
        response = client.post("/account/", data=typed | {"current_password": password})
        assert response.status_code == 400
        page = response.get_data(as_text=True)
        assert "Type your current password to change your email." in page
        assert 'value="Typed name"' in page and 'value="thief@example.org"' in page
        assert '<option selected value="Asia/Tokyo">' in page
    assert mailbox.messages == []
    db.session.expire_all()
    user = db.session.get(User, student.id)
    assert (user.email, user.display_name) == (student.email, student.display_name)
    # Saving the name alone needs no password.
    same = _profile(student.email, name="Only the name", password="")
    assert client.post("/account/", data=same).status_code == 302
