"""The scripts of part A's pages speak the page's language (their words come from the page),
and an Arabic page is laid out right to left. The translations are this part's, compiled for
the test (see tests/web/test_i18n_part_a.py)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.builders import PASSWORD

pytestmark = pytest.mark.usefixtures("shipped_catalogues")


def _logged_in_page(browser, live_server, student, locale: str):
    context = browser.new_context(
        base_url=live_server, locale=locale, viewport={"width": 1100, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto("/auth/login")
    page.locator("#email").fill(student.email)
    page.locator("#password").fill(PASSWORD)
    page.locator("form button[type=submit], form input[type=submit]").last.click()
    expect(page).to_have_url(re.compile(r"/study$"))
    return context, page


def test_the_flashcard_and_theme_scripts_speak_russian(browser, live_server, db, make_student):
    context, page = _logged_in_page(browser, live_server, make_student(), "ru-RU")
    try:
        page.goto("/cards")
        page.keyboard.press("Space")
        expect(page.locator("#card-status")).to_have_text(
            "Ответ показан. Оцените: 1 — Снова, 2 — Трудно, 3 — Хорошо, 4 — Легко."
        )
        theme = page.locator(".theme-switch")
        expect(theme).to_have_text("Тема: как в системе")
        theme.click()
        expect(theme).to_have_text("Тема: светлая")
    finally:
        context.close()


def test_the_offline_page_counts_in_russian(browser, live_server, db, make_student):
    context, page = _logged_in_page(browser, live_server, make_student(), "ru-RU")
    try:
        page.goto("/offline")
        expect(page.locator("#network-status")).to_have_text(
            "Вы в сети: можно загружать и синхронизировать."
        )
        page.get_by_role("button", name="Загрузить мои карточки").click()
        # The seeded deck: 20 new cards today, "карточек" (the form of 5 to 20).
        expect(page.locator("#deck-status")).to_contain_text("20 карточек загружено")
        expect(page.locator("#queue-status")).to_have_text("Ничего не ждёт синхронизации.")
    finally:
        context.close()


def test_an_arabic_page_is_laid_out_right_to_left(browser, live_server, db, make_student):
    context, page = _logged_in_page(browser, live_server, make_student(), "ar")
    try:
        page.goto("/progress")
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
        brand = page.locator(".nav .brand").bounding_box()
        links = page.locator("#nav-links").bounding_box()
        # The brand starts the line on the right; the links follow it to its left.
        assert brand["x"] > links["x"]
        # A sub-topic's row is indented from the right (padding-inline-start).
        cell = page.locator("tr.subtopic th").first
        right = cell.evaluate("e => getComputedStyle(e).paddingRight")
        left = cell.evaluate("e => getComputedStyle(e).paddingLeft")
        assert float(right.rstrip("px")) > float(left.rstrip("px"))
    finally:
        context.close()
