"""A new student follows a class join link through sign-up into the class; a teacher imports a
roster CSV through its preview. At 390 px and 1280 px, axe finds nothing serious and nothing
scrolls sideways. With SCREENSHOT_DIR set, the join page and the roster preview are kept there."""

from __future__ import annotations

import os
import re

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from quizapp.models import Enrollment, User
from tests.builders import PASSWORD, make_class
from tests.e2e.conftest import serious_violations

WIDTHS = (390, 1280)
ROSTER = (
    "name;email\n"
    "New Student;new@example.org\n"
    "Already Here;here@example.org\n"
    "Typo;typo.example.org\n"
    "New Student again;NEW@example.org\n"
)


def _context(browser, live_server, width):
    context = browser.new_context(base_url=live_server, viewport={"width": width, "height": 900})
    context.new_page().set_default_timeout(10_000)
    return context, context.pages[0]


def _check_layout(page, name: str, width: int) -> None:
    assert serious_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shots = os.environ.get("SCREENSHOT_DIR")
    if shots:
        os.makedirs(shots, exist_ok=True)
        page.screenshot(path=os.path.join(shots, f"{name}-{width}.png"), full_page=True)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_new_student_follows_the_join_link_through_sign_up_into_the_class(
    browser, live_server, db, make_teacher, width
):
    school_class = make_class(db, make_teacher(name="Geography Teacher"), "Year 9 Geography")
    context, page = _context(browser, live_server, width)
    try:
        page.goto(f"/join/{school_class.join_code}")
        expect(page.get_by_role("heading", name="Join Year 9 Geography")).to_be_visible()
        expect(page.locator("#join-invitation")).to_contain_text("Sign up or log in to join")
        _check_layout(page, "join-page", width)
        page.get_by_role("link", name="Sign up and join").click()
        expect(page.locator("#join-notice")).to_contain_text("Year 9 Geography")
        _check_layout(page, "sign-up-from-join-link", width)
        page.get_by_label("Email").fill(f"new{width}@example.org")
        page.get_by_label("Display name").fill("New Learner")
        page.get_by_label("Password", exact=True).fill(PASSWORD)
        page.get_by_label("Repeat password").fill(PASSWORD)
        page.get_by_role("button", name="Create account").click()
        expect(page).to_have_url(re.compile(r"/assignments$"))
        expect(page.locator(".flashes")).to_contain_text("you joined Year 9 Geography")
        student = db.session.scalar(sa.select(User).where(User.email == f"new{width}@example.org"))
        assert db.session.scalar(
            sa.select(Enrollment.id).where(
                Enrollment.class_id == school_class.id, Enrollment.student_id == student.id
            )
        )
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_teacher_previews_a_roster_then_imports_it(
    browser, live_server, db, make_teacher, make_student, width, monkeypatch
):
    monkeypatch.setattr("quizapp.teach.roster_views.send_mail", lambda *mail: None)
    teacher = make_teacher()
    school_class = make_class(db, teacher, "Year 9 Geography")
    make_student(email="here@example.org", name="Already Here")
    context, page = _context(browser, live_server, width)
    try:
        page.goto("/auth/login")
        page.get_by_label("Email").fill(teacher.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url("**/teach/")
        page.goto(f"/teach/classes/{school_class.id}")
        _check_layout(page, "class-page", width)
        page.get_by_label("Roster (CSV: name, email)").set_input_files(
            {"name": "roster.csv", "mimeType": "text/csv", "buffer": ROSTER.encode()}
        )
        page.get_by_role("button", name="Preview the roster").click()
        table = page.locator("#roster-preview")
        expect(table).to_contain_text("New account → invitation emailed")
        expect(table).to_contain_text("Skipped: a duplicate of line 2")
        _check_layout(page, "roster-preview", width)
        page.get_by_role("button", name="Enrol 2 students and send 1 invitation").click()
        expect(page.locator(".flashes")).to_contain_text("2 students added to Year 9 Geography")
        expect(page.get_by_role("link", name="New Student")).to_be_visible()
    finally:
        context.close()
