"""A learner on a phone picks a tag and studies only the cards holding it, with the keys, until
none is left; the choice is in the address (Back and Forward move between it and every card),
the page never scrolls sideways, even with a 100-character tag on offer, and axe finds nothing
serious."""

from __future__ import annotations

import os
import re

from tests.builders import PASSWORD
from tests.e2e.conftest import serious_violations

PHONE = {"width": 390, "height": 844}
LONG_TAG = "history::russia::" + "october-revolution-" * 4 + "x" * 7  # 100 characters


def _shot(page, name: str) -> None:
    shots = os.environ.get("SCREENSHOT_DIR")
    if shots:
        os.makedirs(shots, exist_ok=True)
        page.screenshot(path=os.path.join(shots, f"{name}.png"), full_page=True)


def _fits(page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"{page.url} scrolls sideways by {overflow}px"


def test_a_learner_studies_only_the_cards_with_a_tag(
    browser, live_server, db, make_student, tag_seeded_cards
):
    from playwright.sync_api import expect

    tag_seeded_cards(4, LONG_TAG)
    verbs = tag_seeded_cards(2, "verbs", LONG_TAG)
    student = make_student()
    context = browser.new_context(base_url=live_server, viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        page.goto("/auth/login")
        page.get_by_label("Email").fill(student.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url("**/study")
        page.goto("/cards")
        first = int(page.locator("#flashcard").get_attribute("data-card"))
        assert first not in {c.id for c in verbs}
        choice = page.get_by_label("Study the cards with the tag")
        expect(choice.locator("option")).to_have_text(
            ["Any tag (all cards)", f"{LONG_TAG} (4 cards)", "verbs (2 cards)"]
        )
        _fits(page)
        choice.select_option("verbs")
        page.get_by_role("button", name="Filter").click()
        page.wait_for_url(re.compile(r"/cards\?tag=verbs$"))
        expect(page.locator("#tag-chosen")).to_contain_text("Only the cards tagged “verbs”.")
        expect(page.locator("#queue-counts")).to_contain_text("2 new left today")
        _fits(page)
        assert serious_violations(page) == []
        _shot(page, "study-by-tag-390")
        # Back to every card and forward to the tag again: the address holds the choice.
        page.go_back()
        page.wait_for_url(re.compile(r"/cards$"))
        assert page.locator("#flashcard").get_attribute("data-card") == str(first)
        page.go_forward()
        page.wait_for_url(re.compile(r"/cards\?tag=verbs$"))
        expect(page.get_by_label("Study the cards with the tag")).to_have_value("verbs")
        studied = []
        for _ in verbs:
            studied.append(int(page.locator("#flashcard").get_attribute("data-card")))
            page.keyboard.press("Space")
            expect(page.locator("#rate-form")).to_be_visible()
            page.keyboard.press("4")
            page.wait_for_url(re.compile(r"/cards\?tag=verbs&undo=1$"))
        assert studied == [c.id for c in verbs]
        expect(page.locator("#no-cards")).to_contain_text("All done for now.")
        _shot(page, "study-by-tag-done-390")
        page.get_by_role("link", name="Study all cards").click()
        page.wait_for_url(re.compile(r"/cards$"))
        assert page.locator("#flashcard").get_attribute("data-card") == str(first)
    finally:
        context.close()
