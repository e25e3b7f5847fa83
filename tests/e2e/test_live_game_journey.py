"""A live game in real browsers: a teacher hosts from a set on a laptop-sized screen; two
students and one guest, each in their own phone-sized browser context, join with the PIN and
answer two questions; one reloads mid-question and carries on. The leaderboard and podium
come out right, and axe finds nothing serious on the host and player pages."""

from __future__ import annotations

import os

from playwright.sync_api import expect

from quizapp.models import QuizSet, QuizSetItem
from tests.builders import PASSWORD, seeded_questions
from tests.e2e.conftest import serious_violations

PHONE = {"width": 390, "height": 844}


def _shot(page, name: str) -> None:
    shots = os.environ.get("SCREENSHOT_DIR")
    if shots:
        os.makedirs(shots, exist_ok=True)
        page.screenshot(path=os.path.join(shots, f"{name}.png"), full_page=True)


def _log_in(page, user) -> None:
    page.goto("/auth/login")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def _phone(browser, live_server):
    context = browser.new_context(
        base_url=live_server, viewport=PHONE, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page


def _tile(page, text: str):
    return page.locator(".player-tiles button", has_text=text)


def test_a_class_plays_a_live_game(browser, live_server, page, db, make_teacher, make_student):
    teacher = make_teacher(name="Ms Host")
    ana, ben = make_student(name="Ana"), make_student(name="Ben")
    questions = seeded_questions(db, 2, qtype="single_choice")
    quiz_set = QuizSet(teacher_id=teacher.id, title="Pivot east, live")
    quiz_set.items = [QuizSetItem(position=i, question_id=q.id) for i, q in enumerate(questions, 1)]
    db.session.add(quiz_set)
    db.session.commit()
    right = [next(c["text"] for c in q.choices if c["correct"]) for q in questions]
    wrong = [next(c["text"] for c in q.choices if not c["correct"]) for q in questions]

    # The teacher opens the lobby from the set page.
    _log_in(page, teacher)
    page.goto(f"/teach/sets/{quiz_set.id}")
    page.get_by_role("link", name="Play live").click()
    page.get_by_role("button", name="Open the lobby").click()
    expect(page.locator("#connection")).to_have_text("Connected")
    pin = page.get_by_label("Game PIN").inner_text().replace(" ", "")
    assert page.locator(".qr svg").count() == 1
    assert serious_violations(page) == []

    contexts = []
    players = {}
    for name, user in (("Ana", ana), ("Ben", ben), ("Fox", None)):
        context, phone = _phone(browser, live_server)
        contexts.append(context)
        if user is not None:
            _log_in(phone, user)
        phone.goto("/live/join")  # the PIN is typed, never part of an address
        phone.get_by_label("Game PIN").fill(pin)
        if user is None:
            phone.get_by_label("Nickname").fill(name)
        phone.get_by_role("button", name="Join").click()
        expect(phone.get_by_role("heading", name="You are in!")).to_be_visible()
        players[name] = phone
    expect(page.locator(".lobby-names li")).to_have_count(3)
    expect(page.locator(".lobby-names")).to_contain_text("Fox")
    assert serious_violations(players["Fox"]) == []
    _shot(page, "live-host-lobby")

    page.get_by_role("button", name="Start the game").click()
    expect(page.locator('[data-view="question"] .prompt')).to_have_text(questions[0].prompt)
    _shot(page, "live-host-question")
    for name, choice in (("Ana", right[0]), ("Ben", wrong[0])):
        _tile(players[name], choice).click()
        expect(players[name].get_by_role("heading", name="Answer sent")).to_be_visible()
    expect(page.locator('[data-view="question"] [data-field="answered"]')).to_have_text("2")
    assert serious_violations(players["Fox"]) == []
    _shot(players["Fox"], "live-player-question")
    _tile(players["Fox"], right[0]).click()

    # Everyone answered: the reveal, with the source quote, on every screen.
    expect(page.locator('[data-view="reveal"] [data-field="key"]')).to_have_text(right[0])
    expect(page.locator('[data-view="reveal"] blockquote')).not_to_be_empty()
    expect(players["Ben"].get_by_role("heading", name="Wrong")).to_be_visible()
    expect(players["Ana"].get_by_role("heading", name="Right!")).to_be_visible()
    expect(players["Ben"].locator('[data-view="reveal"] [data-field="rank"]')).to_have_text("3")
    assert serious_violations(page) == []
    assert serious_violations(players["Ana"]) == []
    _shot(page, "live-host-reveal")
    _shot(players["Ana"], "live-player-reveal")

    page.get_by_role("button", name="Next").click()
    expect(players["Ana"].locator('[data-view="question"] .prompt')).to_have_text(
        questions[1].prompt
    )
    _tile(players["Ana"], right[1]).click()
    # Ben's phone reloads in the middle of the question and carries on where the game is.
    players["Ben"].reload()
    expect(players["Ben"].locator('[data-view="question"] .prompt')).to_have_text(
        questions[1].prompt
    )
    _tile(players["Ben"], wrong[1]).click()
    players["Ana"].reload()
    expect(players["Ana"].get_by_role("heading", name="Answer sent")).to_be_visible()
    _tile(players["Fox"], wrong[1]).click()

    expect(page.locator('[data-view="reveal"] [data-field="key"]')).to_have_text(right[1])
    board = page.locator('[data-view="reveal"] .leaderboard li')
    expect(board).to_have_count(3)
    expect(board.nth(0)).to_contain_text("1. Ana")
    expect(board.nth(1)).to_contain_text("2. Fox")
    expect(board.nth(2)).to_contain_text("3. Ben — 0")

    page.get_by_role("button", name="Next").click()  # after the last question: the podium
    podium = page.locator('[data-view="finished"] .podium li')
    expect(podium).to_have_count(3)
    expect(podium.nth(0)).to_contain_text("1. Ana")
    expect(podium.nth(1)).to_contain_text("2. Fox")
    expect(players["Fox"].locator('[data-view="finished"] [data-field="rank"]')).to_have_text("2")
    expect(players["Ana"].get_by_role("heading", name="Game over")).to_be_visible()
    assert serious_violations(page) == []
    assert serious_violations(players["Fox"]) == []
    _shot(page, "live-host-podium")
    _shot(players["Fox"], "live-player-finished")

    page.get_by_role("link", name="Results per player and question").click()
    expect(page.locator("table.data").first).to_contain_text("Ana")
    assert serious_violations(page) == []
    for context in contexts:
        context.close()
