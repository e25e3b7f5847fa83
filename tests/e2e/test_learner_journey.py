"""A student's day in a real browser: a keyboard-only practice quiz interrupted and resumed,
the review with source quotes, five flashcards rated with keys 1-4, and progress updated."""

from __future__ import annotations

import os
import re

from playwright.sync_api import expect

from tests.builders import PASSWORD
from tests.e2e.conftest import log_in_after_sign_up, serious_violations

MAX_TABS = 60


def _tab_into(page, selector: str) -> None:
    """Press Tab until the focus is inside ``selector``: keyboard only, like a learner would."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(f"!!document.activeElement.closest({selector!r})"):
            return
    raise AssertionError(f"Tab never reached {selector}")


def _answer_with_keyboard(page) -> None:
    kind = page.locator(".prompt .badge").inner_text()
    _tab_into(page, "#question-form fieldset")
    if kind in ("single choice", "true or false"):
        page.keyboard.press("Space")
    elif kind == "multiple select":
        page.keyboard.press("Space")
    elif kind == "matching":
        count = page.locator("#question-form select").count()
        for i in range(count):
            page.keyboard.press("ArrowDown")
            if i < count - 1:
                page.keyboard.press("Tab")
    else:
        page.keyboard.type("Russia")
    _tab_into(page, "#check-button")
    page.keyboard.press("Enter")
    expect(page.locator("#feedback .verdict")).to_be_visible()
    # The live region now holds the verdict and the focus moved to Next (or Finish).
    assert page.evaluate("document.activeElement.id") in ("next-button", "finish-button")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_student_journey(browser, live_server, db, request):
    context = browser.new_context(base_url=live_server)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto("/auth/register")
    page.get_by_label("Email").fill("learner@example.org")
    page.get_by_label("Display name").fill("Learner")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Repeat password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    log_in_after_sign_up(page, "learner@example.org", PASSWORD)

    page.goto("/quiz/new")
    assert serious_violations(page) == []
    # A section with several sentences: a quiz holds one question per sentence of the article.
    page.get_by_label("Implications of Russia's Eastern Pivot", exact=True).check()
    page.get_by_label("Number of questions").select_option("5")
    page.get_by_role("button", name="Start quiz").click()
    expect(page.locator("#quiz-progress-label")).to_contain_text("Question 1 of ")
    total = int(re.search(r"of (\d+)", page.locator("#quiz-progress-label").inner_text())[1])
    assert serious_violations(page) == []

    for _ in range(2):
        _answer_with_keyboard(page)
    expect(page.locator("#quiz-progress-label")).to_contain_text("Question 3 of")
    # Answer question 3 without checking it, then close the tab at once: the answer was saved
    # when it was given.
    if page.locator(".prompt .badge").inner_text() in ("fill in the blank", "short answer"):
        _tab_into(page, "#question-form fieldset")
        page.keyboard.type("Russia")
        page.keyboard.press("Tab")  # leaving the field is a change: saved now
    else:
        _tab_into(page, "#question-form fieldset")
        matching = page.locator(".prompt .badge").inner_text() == "matching"
        page.keyboard.press("ArrowDown" if matching else "Space")
    expect(page.locator("#save-state")).to_have_text("Answer saved.")
    page.close()  # the learner closes the tab halfway

    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto("/study")
    page.get_by_role("link", name="Resume").click()
    expect(page.locator("#quiz-progress-label")).to_contain_text("Question 4 of")
    expect(page.locator("#quiz-progress-label")).to_contain_text("3 answered")
    for _ in range(total - 3):
        _answer_with_keyboard(page)
    expect(page).to_have_url(re.compile(r"/submit$"))
    page.keyboard.press("Enter")  # the submit button has the focus
    expect(page.locator("#score")).to_contain_text("Score:")
    assert page.locator(".review-item").count() == total
    assert page.locator(".review-item .source").count() == total
    assert serious_violations(page) == []
    page.locator(".review-item .source a").first.click()
    expect(page).to_have_url(re.compile(r"/articles/.+#claim-"))

    page.goto("/cards")
    assert serious_violations(page) == []
    for key in ("1", "2", "3", "4", "3"):
        front = page.locator("#fc-front").inner_text()
        page.keyboard.press("Space")
        expect(page.locator("#fc-back")).to_be_visible()
        expect(page.locator(".rate-interval").first).to_be_visible()
        with page.expect_navigation():
            page.keyboard.press(key)
        expect(page.locator("#queue-counts")).to_be_visible()
        assert front  # each card showed a front before it was rated
    page.keyboard.press("u")
    expect(page.locator(".flashes")).to_contain_text("Undid your last rating")

    page.goto("/review")
    assert serious_violations(page) == []
    page.goto("/progress")
    section = (
        "Implications of Russia's Eastern Pivot",
        "Geopolitical Realignment",
        "Economic Resilience",
        "Security Concerns",
    )
    answered = 0
    for title in section:
        row = page.locator(f'tr[data-topic="{title}"]')
        answered += int(row.locator("td").nth(1).inner_text())
    assert answered == total  # every answer of the quiz counts for its topic
    started = page.locator("tr[data-topic] .mastery").filter(has_not_text="not started")
    expect(started.first).to_be_visible()
    expect(page.locator("#mastery-chart")).to_be_visible()
    # Scheduler quality: desired vs true retention, parameters in use, the workload forecast.
    retention = page.locator("#retention-table")
    expect(retention).to_contain_text("Last week")
    expect(retention.locator("tbody tr").first.locator("td").first).to_have_text("90.0 %")
    expect(page.locator("#parameters-in-use")).to_contain_text("standard settings")
    expect(page.locator("#workload-chart")).to_be_visible()
    assert page.evaluate("!!Chart.getChart('workload-chart')")
    # A suggested target needs the learner's own fitted parameters; five reviews are not enough.
    expect(page.locator("#suggested-retention")).to_have_count(0)
    active_days = page.locator(".heatmap-grid .day:not(.l0):not(.pad)")
    expect(active_days.first).to_be_visible()
    assert serious_violations(page) == []
    if os.environ.get("SCREENSHOT_DIR"):
        page.screenshot(
            path=os.path.join(os.environ["SCREENSHOT_DIR"], "progress.png"), full_page=True
        )
    context.close()


def test_a_tiny_topic_says_its_quiz_length_before_the_quiz_starts(page, db, make_student):
    """Issue 22: a topic quiz asked for 10 gave 1 question and the page did not say so."""
    import sqlalchemy as sa

    from quizapp.models import Topic

    student = make_student()
    topic = db.session.scalar(sa.select(Topic).filter_by(title="Economic Resilience"))
    page.goto("/auth/login")
    page.get_by_label("Email").fill(student.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/study$"))

    page.goto(f"/quiz/new?topic={topic.id}")
    notice = page.locator("#pool-notice")
    expect(notice).to_contain_text(re.compile(r"This topic has \d+ questions?; the quiz will have"))
    expect(notice.get_by_role("link", name="the whole article")).to_be_visible()
    assert serious_violations(page) == []
    length = int(re.search(r"will have (\d+)", notice.inner_text())[1])
    page.get_by_role("button", name="Start quiz").click()
    # Sent with 10 asked, the page says it again and offers the shorter quiz by its length.
    start = page.get_by_role("button", name=f"Start a quiz of {length} questions")
    expect(start).to_be_visible()
    shots = os.environ.get("SCREENSHOT_DIR")
    if shots:
        os.makedirs(shots, exist_ok=True)
        page.screenshot(path=os.path.join(shots, "pool-notice.png"), full_page=True)
    start.click()
    expect(page.locator("#quiz-progress-label")).to_contain_text(f"Question 1 of {length}")
