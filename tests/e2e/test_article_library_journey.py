"""A teacher brings their own reading in the browser and reviews its drafts; a student of the
class it is shared with finds it in the library and by search and practises on accepted items
only; a student of another class cannot see it. axe finds nothing serious on the import,
review and library pages."""

from __future__ import annotations

import os
import re
from pathlib import Path

import sqlalchemy as sa
from playwright.sync_api import expect

from quizapp.models import Article, AttemptQuestion, ItemStatus, Question, QuizAttempt
from tests.builders import PASSWORD, enrol, make_class
from tests.e2e.conftest import serious_violations

# "Accept all 2 drafts", or "Accept the draft" when there is one.
ACCEPT_ALL = re.compile(r"^Accept (all|the draft)")

# A prose text of our own making: six paragraphs, no headings.
PROSE = (Path(__file__).parent / "orchard_prose.txt").read_text()


def _shot(page, name: str) -> None:
    shots = os.environ.get("SCREENSHOT_DIR")
    if shots:
        os.makedirs(shots, exist_ok=True)
        page.screenshot(path=os.path.join(shots, f"{name}.png"), full_page=True)


def _log_in(page, user) -> None:
    page.context.clear_cookies()
    page.goto("/auth/login")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_teacher_imports_reviews_shares_and_a_student_practises(
    page, db, make_teacher, make_student
):
    teacher, insider, outsider = make_teacher(), make_student(), make_student()
    shared, other = (
        make_class(db, teacher, name="Year 8 Biology"),
        make_class(db, teacher, name="Year 9"),
    )
    enrol(db, shared, insider)
    enrol(db, other, outsider)

    # The teacher imports the text by pasting it.
    _log_in(page, teacher)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="My articles").click()
    page.get_by_role("link", name="Import an article").click()
    assert serious_violations(page) == []
    page.get_by_label("Title").fill("The school orchard")
    page.get_by_label("Paste the text").fill(PROSE)
    page.get_by_label("Author").fill("Orchard club")
    page.get_by_label("Licence note").fill("CC BY 4.0")
    page.get_by_role("button", name="Import and make drafts").click()
    expect(page.locator(".flashes")).to_contain_text("imported")
    expect(page.get_by_role("heading", level=1)).to_have_text("The school orchard")
    # Prose without headings became several topics, none of them "Overview".
    topics = page.locator(".review-topic h2").all_inner_texts()
    assert len(topics) >= 3 and "Overview" not in topics, topics
    _shot(page, "article-review")
    assert serious_violations(page) == []

    # Review: accept all drafts of two claims, edit a flashcard, reject a question.
    # Claims the generator made items from (a plain description makes none).
    with_items = ".review-claim:has(.review-item)"
    claims = page.locator(with_items)
    for index in (0, 1):
        claims.nth(index).get_by_role("button", name=ACCEPT_ALL).click()
        expect(page.locator(".flashes")).to_contain_text("items accepted")
    third = page.locator(with_items).nth(2)
    third.get_by_role("link", name="Edit").first.click()
    page.locator("input[name=kind][value=basic]").check()
    page.get_by_role("textbox", name="Front").fill("Which birds nest in the walnut tree?")
    page.get_by_role("textbox", name="Back").fill("A pair of kestrels.")
    page.get_by_role("button", name="Save and accept").click()
    expect(page.locator(".flashes")).to_contain_text("Saved and accepted")
    rejected_prompt = page.locator(with_items).nth(3).locator(".review-item").nth(1)
    rejected_text = rejected_prompt.inner_text()
    rejected_prompt.get_by_role("button", name="Reject").click()
    expect(page.locator(with_items).nth(3).locator(".status-rejected")).to_have_count(1)

    # Share with one class.
    page.get_by_label("Year 8 Biology").check()
    page.get_by_role("button", name="Save sharing").click()
    expect(page.locator(".flashes")).to_contain_text("Sharing saved")
    article = db.session.scalar(sa.select(Article).where(Article.owner_id == teacher.id))
    accepted = set(
        db.session.scalars(
            sa.select(Question.id).filter_by(article_id=article.id, status=ItemStatus.PUBLISHED)
        )
    )
    assert accepted and "rejected" not in rejected_text

    # A student of that class finds it in the library and by search.
    _log_in(page, insider)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Library").click()
    expect(page.get_by_role("heading", name="The school orchard")).to_be_visible()
    _shot(page, "library")
    assert serious_violations(page) == []
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Search").click()
    page.get_by_label("Search articles").fill("kestrels voles")
    page.get_by_role("button", name="Search").click()
    page.locator(".search-results a").first.click()
    assert "#claim-" in page.url and "/articles/" in page.url

    # Practice on the article: accepted items only.
    page.goto("/library")
    page.get_by_role("link", name="Practice The school orchard").click()
    page.get_by_role("button", name="Start quiz").click()
    # A short article has fewer questions than the 10 asked: the page says so first.
    expect(page.locator("#pool-notice")).to_contain_text("the quiz will have")
    page.get_by_role("button", name=re.compile(r"^Start a quiz of \d+ questions?$")).click()
    expect(page.locator(".prompt")).to_be_visible()
    attempt = db.session.scalar(sa.select(QuizAttempt).where(QuizAttempt.user_id == insider.id))
    asked = set(
        db.session.scalars(sa.select(AttemptQuestion.question_id).filter_by(attempt_id=attempt.id))
    )
    assert asked and asked <= accepted

    # A student of another class cannot see it.
    _log_in(page, outsider)
    response = page.goto(f"/articles/{article.slug}")
    assert response.status == 404
    page.goto("/library")
    expect(page.get_by_role("heading", name="The school orchard")).to_have_count(0)
