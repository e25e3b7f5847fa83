"""A true/false and a multiple-select question played live on a phone: the player's script
sends what each tile carries (True or False; the ids picked, then "Send"), not a rule of its own
per kind, and both come out right."""

from __future__ import annotations

from playwright.sync_api import expect

from quizapp.models import QuizSet, QuizSetItem
from tests.builders import seeded_questions
from tests.e2e.test_live_game_journey import _log_in, _phone, _tile


def test_true_false_and_multiple_select_tiles_play(browser, live_server, page, db, make_teacher):
    teacher = make_teacher(name="Ms Host")
    (statement,) = seeded_questions(db, 1, qtype="true_false")
    (several,) = seeded_questions(db, 1, qtype="multiple_select")
    quiz_set = QuizSet(teacher_id=teacher.id, title="Tiles of every kind")
    quiz_set.items = [
        QuizSetItem(position=i, question_id=q.id) for i, q in enumerate((statement, several), 1)
    ]
    db.session.add(quiz_set)
    db.session.commit()

    _log_in(page, teacher)
    page.goto(f"/teach/sets/{quiz_set.id}")
    page.get_by_role("link", name="Play live").click()
    page.get_by_role("button", name="Open the lobby").click()
    pin = page.get_by_label("Game PIN").inner_text().replace(" ", "")
    context, phone = _phone(browser, live_server)
    phone.goto("/live/join")
    phone.get_by_label("Game PIN").fill(pin)
    phone.get_by_label("Nickname").fill("Fox")
    phone.get_by_role("button", name="Join").click()
    expect(phone.get_by_role("heading", name="You are in!")).to_be_visible()
    page.get_by_role("button", name="Start the game").click()

    # One tap answers a statement; the tile says which word it is.
    _tile(phone, "True" if statement.answer_bool else "False").click()
    expect(phone.get_by_role("heading", name="Right!")).to_be_visible()

    page.get_by_role("button", name="Next").click()
    expect(phone.locator('[data-view="question"] .prompt')).to_have_text(several.prompt)
    send = phone.locator('[data-field="send"]')
    expect(send).to_be_visible()  # several are picked, then sent
    for choice in several.choices:
        if choice["correct"]:
            _tile(phone, choice["text"]).click()
            expect(_tile(phone, choice["text"])).to_have_attribute("aria-pressed", "true")
    send.click()
    expect(phone.get_by_role("heading", name="Right!")).to_be_visible()
    context.close()
