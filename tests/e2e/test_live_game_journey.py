"""A live game in real browsers: a teacher hosts from a set on a laptop-sized screen; two
students and one guest, each in their own phone-sized browser context, join with the PIN (the
guest mistypes it first and stays on the form) and answer two choice questions, a typed one and
a poll; one reloads mid-question and carries on. While a question is open the projector shows
how many of the three answered and no count per choice; the counts come with the reveal. A
phone's "Right, rank 1." is gone once the next question arrives. The leaderboard and podium come
out right (the poll changes nothing in it: its reveal is a distribution with no right answer),
and axe finds nothing serious on the host and player pages."""

from __future__ import annotations

import os

from playwright.sync_api import expect

from quizapp.models import Question, QuizSet, QuizSetItem
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
    (typed,) = seeded_questions(db, 1, qtype="fill_blank")
    questions.append(typed)
    poll = Question(
        type="poll",
        prompt="How confident are you about the Power of Siberia pipeline?",
        choices=[
            {"id": f"poll-{i}", "text": text, "correct": False}
            for i, text in enumerate(("Very", "Somewhat", "Not at all"))
        ],
        explanation="A check-in.",
        claim_id=typed.claim_id,
        key="t-poll-confidence",
        origin="teacher",
        author_id=teacher.id,
    )
    db.session.add(poll)
    db.session.flush()
    questions.append(poll)
    quiz_set = QuizSet(teacher_id=teacher.id, title="Pivot east, live")
    quiz_set.items = [QuizSetItem(position=i, question_id=q.id) for i, q in enumerate(questions, 1)]
    db.session.add(quiz_set)
    db.session.commit()
    right = [next(c["text"] for c in q.choices if c["correct"]) for q in questions[:2]]
    wrong = [next(c["text"] for c in q.choices if not c["correct"]) for q in questions[:2]]

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
        if user is None:
            # A mistyped PIN is said on the join form, which keeps what was typed.
            mistyped = "123456" if pin != "123456" else "654321"
            phone.get_by_label("Game PIN").fill(mistyped)
            phone.get_by_label("Nickname").fill(name)
            phone.get_by_role("button", name="Join").click()
            expect(phone.get_by_role("alert")).to_have_text(
                f"No game with PIN {mistyped} is open. Check the number on the screen."
            )
            expect(phone.get_by_role("heading", name="Join a live game")).to_be_visible()
            expect(phone.get_by_label("Nickname")).to_have_value(name)
            expect(phone.get_by_label("Game PIN")).to_have_value(mistyped)
            _shot(phone, "live-player-wrong-pin-390")
        phone.get_by_label("Game PIN").fill(pin)
        phone.get_by_role("button", name="Join").click()
        expect(phone.get_by_role("heading", name="You are in!")).to_be_visible()
        players[name] = phone
    expect(page.locator(".lobby-names li")).to_have_count(3)
    expect(page.locator(".lobby-names")).to_contain_text("Fox")
    assert serious_violations(players["Fox"]) == []
    _shot(page, "live-host-lobby")

    page.get_by_role("button", name="Start the game").click()
    expect(page.locator('[data-view="question"] .prompt')).to_have_text(questions[0].prompt)
    answered = page.locator('[data-view="question"] .answered')
    expect(answered).to_have_text("0 of 3 answered")
    _shot(page, "live-host-question")
    for name, choice in (("Ana", right[0]), ("Ben", wrong[0])):
        _tile(players[name], choice).click()
        expect(players[name].get_by_role("heading", name="Answer sent")).to_be_visible()
    expect(answered).to_have_text("2 of 3 answered")
    # Two have answered, and nothing on the projector says what: each tile is its text alone.
    tiles = page.locator('[data-view="question"] .host-tiles li')
    expect(tiles).to_have_text([c["text"] for c in questions[0].choices])
    assert page.locator('[data-view="question"] .bar-value, .tile-count').count() == 0
    _shot(page, "live-host-question-answered-1280")
    assert serious_violations(players["Fox"]) == []
    _shot(players["Fox"], "live-player-question")
    _tile(players["Fox"], right[0]).click()

    # Everyone answered: the reveal, with the counts and the source quote, on every screen.
    expect(page.locator('[data-view="reveal"] [data-field="key"]')).to_have_text(right[0])
    bars = page.locator('[data-view="reveal"] .bar-row')
    expect(bars.filter(has_text=right[0]).locator(".bar-value")).to_have_text("2")
    expect(bars.filter(has_text=wrong[0]).locator(".bar-value")).to_have_text("1")
    expect(page.locator('[data-view="reveal"] blockquote')).not_to_be_empty()
    expect(players["Ben"].get_by_role("heading", name="Wrong")).to_be_visible()
    expect(players["Ana"].get_by_role("heading", name="Right!")).to_be_visible()
    expect(players["Ben"].locator('[data-view="reveal"] [data-field="rank"]')).to_have_text("3")
    assert serious_violations(page) == []
    assert serious_violations(players["Ana"]) == []
    _shot(page, "live-host-reveal")
    _shot(players["Ana"], "live-player-reveal")

    expect(players["Ana"].locator("#announce")).to_have_text("Right, rank 1.")
    page.get_by_role("button", name="Next").click()
    expect(players["Ana"].locator('[data-view="question"] .prompt')).to_have_text(
        questions[1].prompt
    )
    expect(players["Ana"].locator("#announce")).to_have_text("")  # last question's message gone
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
    expect(answered).to_have_text("3 of 3 answered")

    # A typed question: each phone types; the grader forgives case and a small typo.
    page.get_by_role("button", name="Next").click()
    expect(page.locator('[data-view="question"] .typed-hint')).to_be_visible()
    for name, text in (("Ana", "power of siberia"), ("Ben", "Nord Stream")):
        players[name].get_by_label("Your answer").fill(text)
        players[name].get_by_role("button", name="Send my answer").click()
        expect(players[name].get_by_role("heading", name="Answer sent")).to_be_visible()
    expect(answered).to_have_text("2 of 3 answered")
    _shot(players["Fox"], "live-player-typed-390")
    page.set_viewport_size(PHONE)
    _shot(page, "live-host-typed-question-390")
    page.set_viewport_size({"width": 1280, "height": 800})
    players["Fox"].get_by_label("Your answer").fill("Power of Siberya")
    players["Fox"].get_by_role("button", name="Send my answer").click()
    expect(page.locator('[data-view="reveal"] [data-field="key"]')).to_contain_text(
        "Power of Siberia"
    )
    expect(players["Fox"].get_by_role("heading", name="Right!")).to_be_visible()
    expect(players["Ben"].get_by_role("heading", name="Wrong")).to_be_visible()
    # Fox's was the last answer: the reveal's verdict stays, not "Answer sent." after it.
    expect(players["Fox"].locator("#announce")).to_have_text("Right, rank 2.")
    expect(bars.filter(has_text="Nord Stream").locator(".bar-value")).to_have_text("1")
    _shot(page, "live-host-typed-reveal-1280")
    _shot(players["Ben"], "live-player-typed-reveal-390")
    page.set_viewport_size(PHONE)
    _shot(page, "live-host-typed-reveal-390")
    players["Fox"].set_viewport_size({"width": 1280, "height": 800})
    _shot(players["Fox"], "live-player-reveal-1280")
    page.set_viewport_size({"width": 1280, "height": 800})
    ranks_before = board.all_inner_texts()

    # A poll: tiles with no right one, no points; the reveal shows how the room answered.
    page.get_by_role("button", name="Next").click()
    expect(page.locator('[data-view="question"] .prompt')).to_have_text(poll.prompt)
    for name, text in (("Ana", "Very"), ("Ben", "Very"), ("Fox", "Not at all")):
        _tile(players[name], text).click()
        if name != "Fox":
            expect(players[name].get_by_role("heading", name="Answer sent")).to_be_visible()
            assert page.locator('[data-view="question"] .bar-value, .tile-count').count() == 0
    expect(bars.filter(has_text="Very").locator(".bar-value")).to_have_text("2")
    expect(bars.filter(has_text="Not at all").locator(".bar-value")).to_have_text("1")
    assert page.locator('[data-view="reveal"] .bar-row.is-correct').count() == 0
    expect(players["Ana"].get_by_role("heading", name="Answer counted")).to_be_visible()
    expect(board).to_have_text(ranks_before)
    assert serious_violations(page) == []
    _shot(page, "live-host-poll-reveal-1280")
    _shot(players["Ana"], "live-player-poll-reveal-390")
    page.set_viewport_size(PHONE)
    _shot(page, "live-host-poll-reveal-390")
    page.set_viewport_size({"width": 1280, "height": 800})

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
    _shot(page, "live-results-1280")
    page.set_viewport_size(PHONE)  # the results fit a phone: no sideways scroll
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    _shot(page, "live-results-390")
    for context in contexts:
        context.close()
