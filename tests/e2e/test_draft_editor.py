"""A teacher edits an imported single-choice draft through the choice rows, turns it into a
multiple select, saves it, then accepts every draft of a topic after the page that asks first.
Each page is checked at 390 px and 1280 px: no sideways scroll, nothing serious from axe."""

from __future__ import annotations

import os
import re

import sqlalchemy as sa
from playwright.sync_api import expect

from quizapp.models import Article, Claim, ItemStatus, Question
from tests.builders import GARDEN
from tests.e2e.conftest import serious_violations
from tests.e2e.test_article_library_journey import _log_in

# "Accept all 2 drafts", or "Accept the draft" when there is one.
ACCEPT_ALL = re.compile(r"^Accept (all|the draft)")

WIDTHS = (390, 1280)
THEMES = ("light", "dark")


def _check_widths(page, name: str) -> None:
    """At each width and theme: no sideways scroll, no serious axe finding (contrast among
    them); a screenshot if asked for."""
    for width, theme in ((w, t) for w in WIDTHS for t in THEMES):
        page.set_viewport_size({"width": width, "height": 900})
        page.emulate_media(color_scheme=theme)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{name} scrolls sideways by {overflow}px at {width} px"
        assert serious_violations(page) == [], (name, width, theme)
        shots = os.environ.get("SCREENSHOT_DIR")
        if shots:
            os.makedirs(shots, exist_ok=True)
            path = os.path.join(shots, f"{name}-{width}-{theme}.png")
            page.screenshot(path=path, full_page=True)
    page.set_viewport_size({"width": 1100, "height": 900})
    page.emulate_media(color_scheme="light")


def test_a_teacher_edits_a_draft_through_the_rows_and_accepts_a_topic(page, db, make_teacher):
    teacher = make_teacher()
    _log_in(page, teacher)
    page.goto("/teach/articles/new")
    page.get_by_label("Title").fill("Our garden")
    page.get_by_label("Paste the text").fill(GARDEN)
    page.get_by_role("button", name="Import and make drafts").click()
    expect(page.locator(".flashes")).to_contain_text("imported")
    article = db.session.scalar(sa.select(Article).where(Article.owner_id == teacher.id))
    question = db.session.scalars(
        sa.select(Question)
        .filter_by(article_id=article.id, type="single_choice")
        .order_by(Question.id)
    ).first()
    right = next(i for i, c in enumerate(question.choices) if c["correct"])

    page.goto(f"/teach/articles/{article.id}/questions/{question.id}/edit")
    # Only the single choice's rows show, the right choice ticked as a radio.
    visible = page.locator("[data-answer-field]:visible")
    expect(visible).to_have_count(1)
    expect(visible).to_have_attribute("data-answer-field", "choices")
    ticks = page.locator("[name=choice_right]")
    expect(ticks.nth(right)).to_be_checked()
    expect(ticks.first).to_have_attribute("type", "radio")
    _check_widths(page, "draft-editor")

    # A new choice in a new row, an empty spare row removed, and the new one made right.
    rows = page.locator("[data-choice-row]")
    before = rows.count()
    page.get_by_role("button", name="Add a choice").click()
    expect(rows).to_have_count(before + 1)
    page.get_by_label(f"Choice {before + 1}", exact=True).fill("Kitchen compost")
    rows.nth(before - 1).get_by_role("button", name="Remove").click()
    expect(rows).to_have_count(before)
    page.get_by_label(f"Choice {before}", exact=True).fill("Kitchen compost")
    expect(page.get_by_label(f"Choice {before}", exact=True)).to_have_value("Kitchen compost")

    # Switching the kind turns the ticks into checkboxes: two right answers.
    page.get_by_label("Question type").select_option("multiple_select")
    expect(ticks.first).to_have_attribute("type", "checkbox")
    expect(page.locator("[data-answer-field]:visible")).to_have_count(1)
    ticks.nth(before - 1).check()
    expect(ticks.nth(right)).to_be_checked()
    page.get_by_role("button", name="Save and accept").click()
    expect(page.locator(".flashes")).to_contain_text("Saved and accepted")
    db.session.expire_all()
    saved = db.session.get(Question, question.id)
    assert saved.type == "multiple_select" and saved.status == ItemStatus.PUBLISHED
    assert {c["text"] for c in saved.choices if c["correct"]} == {
        question.choices[right]["text"],
        "Kitchen compost",
    }

    # Accept all in a topic: the page says how many first, and which stay drafts and why (one
    # is given no right answer here), then the button does it.
    topic = db.session.get(Claim, question.claim_id).topic
    claims = sa.select(Claim.id).where(Claim.topic_id == topic.id)
    broken = db.session.scalars(
        sa.select(Question).where(
            Question.claim_id.in_(claims),
            Question.status == ItemStatus.DRAFT,
            Question.type == "single_choice",
        )
    ).first()
    broken.choices = [{**c, "correct": False} for c in broken.choices]
    db.session.commit()
    section = page.locator(f"#topic-{topic.id}")
    section.get_by_role("link", name=ACCEPT_ALL).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(topic.title)
    expect(page.locator(".held-drafts")).to_contain_text("exactly one correct choice")
    _check_widths(page, "accept-topic")
    page.get_by_role("button", name="Accept").click()
    expect(page.locator(".flashes")).to_contain_text(f"accepted in “{topic.title}”")
    expect(page.locator(".flashes")).to_contain_text("1 stays a draft")
    _check_widths(page, "review-after-accept")
    db.session.expire_all()
    statuses = dict(
        db.session.execute(
            sa.select(Question.id, Question.status).where(Question.claim_id.in_(claims))
        ).all()
    )
    assert statuses.pop(broken.id) == ItemStatus.DRAFT
    assert set(statuses.values()) == {ItemStatus.PUBLISHED}


def test_without_its_script_the_editor_shows_every_answer_labelled(
    browser, live_server, db, make_teacher
):
    """Progressive enhancement: every kind's answer shows, each saying which kinds it is for,
    and a spare row takes a new choice."""
    context = browser.new_context(base_url=live_server, java_script_enabled=False)
    page = context.new_page()
    teacher = make_teacher()
    _log_in(page, teacher)
    page.goto("/teach/articles/new")
    page.get_by_label("Title").fill("Our garden")
    page.get_by_label("Paste the text").fill(GARDEN)
    page.get_by_role("button", name="Import and make drafts").click()
    article = db.session.scalar(sa.select(Article).where(Article.owner_id == teacher.id))
    question = db.session.scalars(
        sa.select(Question).filter_by(article_id=article.id, type="single_choice")
    ).first()
    page.goto(f"/teach/articles/{article.id}/questions/{question.id}/edit")
    expect(page.locator("[data-answer-field]:visible")).to_have_count(4)
    expect(page.get_by_text("Choices (single choice or multiple select)")).to_be_visible()
    expect(page.get_by_label("Accepted answers (fill in the blank, short answer)")).to_be_visible()
    expect(page.get_by_role("button", name="Add a choice")).to_be_hidden()
    before = len(question.choices)
    spare = before + 1
    page.get_by_label(f"Choice {spare}", exact=True).fill("Kitchen compost")
    page.locator("[name=choice_right]").nth(spare - 1).check()
    page.get_by_role("button", name="Save and accept").click()
    db.session.expire_all()
    saved = db.session.get(Question, question.id)
    assert [c["text"] for c in saved.choices if c["correct"]] == ["Kitchen compost"]
    assert len(saved.choices) == before + 1
    context.close()
