"""A new user registers, logs in and reads the article in a real browser; axe finds nothing
serious on those pages."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.builders import PASSWORD
from tests.e2e.conftest import log_in_after_sign_up, serious_violations


def test_register_login_and_read_the_article(page, db):
    page.goto("/")
    assert "turns an article" in page.content()
    assert serious_violations(page) == []

    page.get_by_role("link", name="Register").first.click()
    assert serious_violations(page) == []
    page.get_by_label("Email").fill("reader@example.org")
    page.get_by_label("Display name").fill("Reader")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Repeat password").fill(PASSWORD)
    page.get_by_label("Student").check()
    page.get_by_role("button", name="Create account").click()
    log_in_after_sign_up(page, "reader@example.org", PASSWORD)

    page.get_by_role("button", name="Log out").click()
    page.get_by_role("link", name="Log in").first.click()
    assert serious_violations(page) == []
    page.get_by_label("Email").fill("reader@example.org")
    page.get_by_label("Password").fill("wrong password")
    page.keyboard.press("Enter")
    expect(page.locator(".flashes")).to_contain_text("Wrong email or password.")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("nav")).to_contain_text("Reader")
    expect(page).to_have_url(re.compile(r"/study$"))  # a student lands on the dashboard

    page.goto("/")
    page.get_by_role("link", name="Read the article with every claim highlighted").click()
    marks = page.locator("a.claim-mark")
    expect(marks.first).to_be_visible()
    assert marks.count() >= 30
    assert serious_violations(page) == []
    page.locator("#claim-economic-cooperation-3").click()
    assert page.url.endswith("#items-economic-cooperation-3")
    items = page.locator("#items-economic-cooperation-3")
    items.locator("summary").click()
    assert "Power of Siberia" in items.inner_text()

    page.goto("/")
    page.get_by_role("link", name="Economic Cooperation").click()
    expect(page.locator("main")).to_contain_text("Power of Siberia gas pipeline")
    assert serious_violations(page) == []
