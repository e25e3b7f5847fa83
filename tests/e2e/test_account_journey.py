"""A new user in Berlin signs up (the browser's zone is kept), finds the account page and the
password reset page; axe finds nothing serious, and the CSP blocks no script of ours."""

from __future__ import annotations

import sqlalchemy as sa
from playwright.sync_api import expect

from quizapp.models import User
from tests.builders import PASSWORD
from tests.e2e.conftest import log_in_after_sign_up, serious_violations


def test_sign_up_keeps_the_browser_zone_and_the_account_page_works(browser, live_server, db):
    context = browser.new_context(base_url=live_server, timezone_id="Europe/Berlin")
    page = context.new_page()
    page.set_default_timeout(10_000)
    blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    try:
        page.goto("/auth/register")
        page.get_by_label("Email").fill("berlin@example.org")
        page.get_by_label("Display name").fill("Berlin learner")
        page.get_by_label("Password", exact=True).fill(PASSWORD)
        page.get_by_label("Repeat password").fill(PASSWORD)
        page.get_by_role("button", name="Create account").click()
        expect(page.get_by_label("Remember me on this computer")).not_to_be_checked()
        assert serious_violations(page) == []
        log_in_after_sign_up(page, "berlin@example.org", PASSWORD)
        user = db.session.scalar(sa.select(User).where(User.email == "berlin@example.org"))
        assert user.time_zone == "Europe/Berlin"

        page.get_by_role("link", name="Account").click()
        expect(page.get_by_label("Time zone")).to_have_value("Europe/Berlin")
        assert serious_violations(page) == []
        page.get_by_label("Display name").fill("Renamed learner")
        page.get_by_role("button", name="Save").click()
        expect(page.locator(".flashes")).to_contain_text("Your account is saved")
        expect(page.locator("nav")).to_contain_text("Renamed learner")

        page.get_by_role("button", name="Log out").click()
        page.goto("/auth/login")
        page.get_by_role("link", name="Forgot your password?").click()
        assert serious_violations(page) == []
        page.get_by_label("Email").fill("berlin@example.org")
        page.get_by_role("button", name="Send me a link").click()
        expect(page.locator(".flashes")).to_contain_text("If an account uses this email")
        assert blocked == []
    finally:
        context.close()


def _log_in(page, user) -> None:
    page.goto("/auth/login")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/study")


def test_the_account_page_offers_the_browser_zone_first(browser, live_server, make_student, db):
    """In Tokyo: an account still on the default zone gets Tokyo picked; one that chose Berlin
    keeps Berlin, with Tokyo offered first."""
    fresh, berliner = make_student(), make_student()
    berliner.time_zone = "Europe/Berlin"
    db.session.commit()
    for user, expected in ((fresh, "Asia/Tokyo"), (berliner, "Europe/Berlin")):
        context = browser.new_context(base_url=live_server, timezone_id="Asia/Tokyo")
        page = context.new_page()
        page.set_default_timeout(10_000)
        try:
            _log_in(page, user)
            page.goto("/account/")
            zone = page.get_by_label("Time zone")
            expect(zone).to_have_value(expected)
            first = zone.locator("optgroup").first
            expect(first).to_have_attribute("label", "This device")
            expect(first.locator("option")).to_have_text("Asia/Tokyo")
        finally:
            context.close()
