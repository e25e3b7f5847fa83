"""Offline practice shows a question's hints as the online quiz does: "Show a hint (1 of 2)",
each opened with Enter or Space on its summary (the page's card keys must not take Enter to
turn the card shown above it), and a phone's width holds them without sideways scroll."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.builders import PASSWORD
from tests.fixtures import HINTS


def test_offline_hints_open_one_by_one_with_the_keyboard_on_a_phone(
    browser, live_server, db, make_student, hinted_questions
):
    topic = hinted_questions(100)[0].claim.topic_id  # every question of the topic
    learner = make_student()
    context = browser.new_context(base_url=live_server, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto("/auth/login")
        page.get_by_label("Email").fill(learner.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        expect(page).to_have_url(re.compile(r"/study$"))
        page.goto("/offline")
        page.get_by_role("button", name="Download my cards").click()
        page.get_by_label("Practice quiz topic").select_option(str(topic))
        page.get_by_role("button", name="Download a 5-question quiz").click()
        expect(page.locator("#quiz-status")).to_contain_text("0 of")
        expect(page.locator("#offline-card")).to_be_visible()  # a card waits above the quiz

        first = page.get_by_text("Show a hint (1 of 2)")
        expect(page.get_by_text(HINTS[0])).to_be_hidden()
        first.focus()
        page.keyboard.press("Enter")
        expect(page.get_by_text(HINTS[0])).to_be_visible()
        expect(page.locator("#offline-back")).to_be_hidden()  # Enter did not turn the card
        page.keyboard.press("Tab")
        expect(page.get_by_text("Show the next hint (2 of 2)")).to_be_focused()
        page.keyboard.press("Space")
        expect(page.get_by_text(HINTS[1])).to_be_visible()
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
        assert errors == []
    finally:
        context.close()
