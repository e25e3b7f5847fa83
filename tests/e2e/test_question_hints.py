"""A question's hints in a real browser: revealed one at a time with the keyboard (Enter on the
summary opens the hint rather than checking the answer), in the page's reading order, under the
app's CSP and with nothing serious from axe; the answer is still checked with Enter elsewhere."""

from __future__ import annotations

import re

import sqlalchemy as sa
from playwright.sync_api import expect

from quizapp.models import Claim
from quizapp.services.quizzes import create_attempt
from tests.builders import PASSWORD, teacher_items
from tests.e2e.conftest import serious_violations

HINTS = ["Think of what a pipeline carries.", "It is not oil."]


def _log_in(page, user) -> None:
    page.goto("/auth/login")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/study$"))


def test_a_learner_reveals_hints_one_by_one_with_the_keyboard(page, db, make_teacher, make_student):
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    claim = db.session.scalar(sa.select(Claim).where(Claim.key == "economic-cooperation-3"))
    (questions, _cards) = teacher_items(db, make_teacher(), claim.id, "e2e-hints", count=1)
    questions[0].hints = list(HINTS)
    student = make_student()
    attempt = create_attempt(db.session, student.id, questions)
    db.session.commit()

    _log_in(page, student)
    page.goto(f"/quiz/{attempt.id}/1")
    first = page.get_by_text("Show a hint (1 of 2)")
    expect(first).to_be_visible()
    expect(page.get_by_text(HINTS[0])).to_be_hidden()
    expect(page.get_by_text("Show the next hint (2 of 2)")).to_be_hidden()
    first.focus()
    page.keyboard.press("Enter")  # opens the hint; the answer is not checked
    expect(page.get_by_text(HINTS[0])).to_be_visible()
    expect(page.locator("#feedback")).to_be_empty()
    expect(page.get_by_text(HINTS[1])).to_be_hidden()
    page.keyboard.press("Tab")
    expect(page.get_by_text("Show the next hint (2 of 2)")).to_be_focused()
    page.keyboard.press("Space")
    expect(page.get_by_text(HINTS[1])).to_be_visible()
    assert serious_violations(page) == []

    page.get_by_label("True").check()
    page.keyboard.press("Enter")  # outside a summary Enter still checks the answer
    expect(page.locator("#feedback")).to_contain_text("Correct")
    assert errors == []
