"""The question form shows only the answer field of the type a teacher picks."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.builders import PASSWORD


def test_only_the_chosen_types_answer_field_shows(page, db, make_teacher):
    teacher = make_teacher()
    page.goto("/auth/login")
    page.get_by_label("Email").fill(teacher.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto("/teach/questions/new")
    visible = page.locator("[data-answer-field]:visible")
    expect(visible).to_have_count(1)
    expect(visible).to_have_attribute("data-answer-field", "choices")
    page.get_by_label("Question type").select_option("true_false")
    expect(visible).to_have_count(1)
    expect(visible).to_have_attribute("data-answer-field", "answer_bool")
    page.get_by_label("Question type").select_option("fill_blank")
    expect(visible).to_have_attribute("data-answer-field", "accepted")
    # A cloze question's answers are written inside its prompt: no answer field is left, so
    # the empty "Answer" box goes too, and comes back for another type.
    page.get_by_label("Question type").select_option("cloze_gaps")
    expect(visible).to_have_count(0)
    expect(page.locator("#answer-fields")).to_be_hidden()
    page.get_by_label("Question type").select_option("matching")
    expect(page.locator("#answer-fields")).to_be_visible()
