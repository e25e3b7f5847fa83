"""A multi-gap cloze question in a real browser: each gap reached with Tab and named "Gap n of
N", a dropdown picked with the keyboard, the answer checked in place with each gap marked in
words and its feedback, under the app's CSP and with nothing serious from axe."""

from __future__ import annotations

import re

import sqlalchemy as sa
from playwright.sync_api import expect

from quizapp.models import Claim
from quizapp.services.quizzes import create_attempt
from tests.builders import PASSWORD, teacher_cloze
from tests.e2e.conftest import serious_violations


def _log_in(page, user) -> None:
    page.goto("/auth/login")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/study$"))


def test_a_learner_fills_the_gaps_with_the_keyboard(page, db, make_teacher, make_student):
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    claim = db.session.scalar(sa.select(Claim).where(Claim.key == "economic-cooperation-3"))
    question = teacher_cloze(db, make_teacher(), claim.id, "e2e")
    student = make_student()
    attempt = create_attempt(db.session, student.id, [question])
    db.session.commit()

    _log_in(page, student)
    page.goto(f"/quiz/{attempt.id}/1")
    expect(page.locator("legend.prompt")).to_contain_text("Fill in the 3 gaps in the text.")
    first = page.get_by_label("Gap 1 of 3")
    first.focus()
    page.keyboard.type("Lutetia")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Gap 2 of 3")).to_be_focused()
    page.keyboard.press("ArrowDown")  # Choose… → Bonn
    page.keyboard.press("ArrowDown")  # → Berlin
    expect(page.get_by_label("Gap 2 of 3")).to_have_value("Berlin")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Gap 3 of 3")).to_be_focused()
    page.keyboard.type("3,14")
    assert serious_violations(page) == []
    page.get_by_role("button", name="Check answer").click()

    feedback = page.locator("#feedback")
    expect(feedback).to_contain_text("Partly correct.")
    expect(feedback).to_contain_text("Gap 1 of 3: “Lutetia”, partly right (0.5 of 1 mark).")
    expect(feedback).to_contain_text("Gap 2 of 3: “Berlin”, right (2 of 2 marks). Yes.")
    # Each gap says in words how it did, beside the locked control.
    expect(page.locator(".cloze-gap.is-partial .mark-text")).to_have_text(
        "Gap 1 of 3: partly right"
    )
    expect(page.locator(".cloze-gap.is-right .mark-text")).to_have_count(2)
    expect(page.get_by_label("Gap 1 of 3")).to_be_disabled()
    assert serious_violations(page) == []
    assert errors == []
    # On a phone the gaps wrap with the text: nothing scrolls sideways.
    page.set_viewport_size({"width": 390, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
