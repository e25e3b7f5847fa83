"""A tag may be one word of 100 letters: the practice page offering and telling it, the quiz,
dashboard and results titled with it, and the card page's export link naming it all stay within
a phone's width (390 px), with no sideways scroll."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.builders import PASSWORD

LONG_TAG = "Verfassungsgeschichte" * 4 + "x" * 16  # 100 letters, no break


def test_pages_naming_a_long_tag_fit_a_phone(
    browser, live_server, make_student, tag_seeded_questions, tag_seeded_cards
):
    tag_seeded_questions(3, LONG_TAG)
    tag_seeded_cards(2, LONG_TAG)
    learner = make_student()
    context = browser.new_context(base_url=live_server, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(10_000)

    def overflow() -> int:
        return page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )

    try:
        page.goto("/auth/login")
        page.get_by_label("Email").fill(learner.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        expect(page).to_have_url(re.compile(r"/study$"))
        page.goto(f"/quiz/new?tag={LONG_TAG}")
        expect(page.locator("#pool-notice")).to_contain_text(LONG_TAG)
        assert overflow() <= 0, "practice set-up"
        page.get_by_role("button", name="Start quiz").click()
        # The quiz is shorter than asked: the page says so once, then starts it.
        page.get_by_role("button", name=re.compile(r"Start a quiz of \d+ questions?")).click()
        expect(page).to_have_url(re.compile(r"/quiz/\d+/1$"))
        expect(page.locator("h1")).to_contain_text(LONG_TAG)
        assert overflow() <= 0, "question page"
        quiz_url = page.url.removesuffix("/1")
        page.goto("/study")
        assert overflow() <= 0, "dashboard with the unfinished quiz"
        page.goto(quiz_url + "/submit")
        page.get_by_role("button", name="Submit and see my results").click()
        expect(page).to_have_url(re.compile(r"/results$"))
        assert overflow() <= 0, "results"
        page.goto(f"/cards?tag={LONG_TAG}")
        expect(page.locator("#export-deck")).to_contain_text(LONG_TAG)
        assert overflow() <= 0, "card page"
    finally:
        context.close()
