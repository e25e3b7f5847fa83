"""What a phone shows of the search box and of tables wider than the screen (and the laptop of
the search box): a box as usable as the site's other fields, tables that say they scroll."""

from __future__ import annotations

import pytest

from tests.builders import PASSWORD

WIDTHS = (390, 1280)


def _logged_in_page(browser, live_server, user, width: int):
    context = browser.new_context(base_url=live_server, viewport={"width": width, "height": 844})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto("/auth/login")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/study")
    return context, page


@pytest.mark.parametrize("width", WIDTHS)
def test_the_search_box_is_a_full_size_field(browser, live_server, make_student, width):
    """Before, the browser's default: about 150 px wide and 21 px tall, with no border style."""
    context, page = _logged_in_page(browser, live_server, make_student(), width)
    try:
        page.goto("/search?q=pipeline")
        box = page.get_by_label("Search articles, topics, claims and questions").bounding_box()
        form = page.locator("form.search-form").bounding_box()
        assert box["height"] >= 44
        assert box["width"] >= 0.6 * form["width"]
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        context.close()


def test_a_wide_table_on_a_phone_shows_that_it_scrolls(browser, live_server, make_student):
    context, page = _logged_in_page(browser, live_server, make_student(), 390)
    try:
        page.goto("/progress")
        region = page.get_by_role("region", name="Progress by topic")
        assert region.get_attribute("tabindex") == "0"
        sizes = region.evaluate("e => [e.scrollWidth, e.clientWidth]")
        assert sizes[0] > sizes[1], "the table should be wider than a phone here"
        # The edge shadows: backgrounds attached to the box (they stay) under covers attached
        # to the content (they scroll away), so a shadow shows only where columns are hidden.
        layers = region.evaluate(
            "e => [getComputedStyle(e).backgroundImage, getComputedStyle(e).backgroundAttachment]"
        )
        assert layers[0].count("radial-gradient") == 2 and layers[0].count("linear-gradient") == 2
        assert layers[1] == "local, local, scroll, scroll"
        region.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("() => document.activeElement.scrollLeft > 0", timeout=3000)
    finally:
        context.close()
