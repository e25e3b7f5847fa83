"""Offline study in Chromium: download, go offline, rate 20 cards and answer a 5-question
practice quiz, close and reopen the page, go online and sync. The server then holds exactly
what an online session of the same events would have made, and a second sync of the same
queue changes nothing."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from quizapp.models import Topic
from quizapp.services.flashcards import rate_card
from quizapp.services.practice_pool import pool_notice
from quizapp.services.quizzes import load_attempt
from tests.builders import PASSWORD
from tests.builders.offline import flashcard_history, graded_answers, replay_online
from tests.e2e.conftest import wait_until_true

RATINGS = [3, 1, 4, 2, 3, 3, 4, 1, 2, 3, 4, 3, 3, 1, 2, 4, 3, 3, 2, 4]


def _topic_with_five_questions(db, student) -> Topic:
    for topic in db.session.query(Topic).order_by(Topic.id):
        if pool_notice(db.session, student.id, [topic.id], 5).quiz_length == 5:
            return topic
    raise AssertionError("the seeded article has a topic with five questions")


def _answer_the_question(page) -> None:
    """The first option of each control the question shows, or a number typed."""
    inputs = page.locator("#quiz-inputs")
    selects = inputs.locator("select")
    if selects.count():
        for i in range(selects.count()):
            selects.nth(i).select_option(index=1)
    elif inputs.locator("input[type=text]").count():
        inputs.locator("input[type=text]").fill("1991")
    else:
        inputs.locator("input[name=answer]").first.check()
    page.get_by_role("button", name="Save answer").click()


def test_offline_session_syncs_as_if_online(browser, live_server, db, make_student):
    learner, twin = make_student(), make_student()
    topic = _topic_with_five_questions(db, learner)
    context = browser.new_context(base_url=live_server, viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto("/auth/login")
        page.get_by_label("Email").fill(learner.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        expect(page).to_have_url(re.compile(r"/study$"))
        page.goto("/offline")
        wait_until_true(page, "navigator.serviceWorker.controller !== null")
        page.get_by_role("button", name="Download my cards").click()
        expect(page.locator("#deck-status")).to_contain_text("20 cards downloaded")
        page.get_by_label("Practice quiz topic").select_option(str(topic.id))
        page.get_by_role("button", name="Download a 5-question quiz").click()
        expect(page.locator("#quiz-status")).to_contain_text("0 of 5 answered")

        context.set_offline(True)
        expect(page.locator("#network-status")).to_contain_text("You are offline")
        for done, rating in enumerate(RATINGS, start=1):
            page.get_by_role("button", name="Show answer").click()
            page.locator(f'#offline-ratings button[data-rating="{rating}"]').click()
            expect(page.locator("#queue-status")).to_have_text(
                f"{done} event{'' if done == 1 else 's'} waiting to sync."
            )
        expect(page.locator("#cards-left")).to_contain_text("0 cards to study now")
        for done in range(1, 6):
            _answer_the_question(page)
            expect(page.locator("#quiz-status")).to_contain_text(f"{done} of 5 answered")
        page.get_by_role("button", name="Finish the quiz").click()
        expect(page.locator("#queue-status")).to_have_text("26 events waiting to sync.")

        # Closed and opened again with no network: the worker serves the page, IndexedDB the queue.
        page.close()
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        reopened = page.goto("/offline")
        assert reopened.from_service_worker
        expect(page.locator("#queue-status")).to_have_text("26 events waiting to sync.")
        expect(page.locator("#queue-list li")).to_have_count(26)
        queue = page.evaluate("window.offlineStore.queued()")

        context.set_offline(False)
        page.get_by_role("button", name="Sync now").click()
        expect(page.locator("#sync-result")).to_contain_text("Synced: 26 applied.")
        expect(page.locator("#queue-status")).to_have_text("Nothing is waiting to sync.")

        db.session.expire_all()
        attempt_id = next(e["attempt"] for e in queue if e["kind"] == "finish")
        attempt = load_attempt(db.session, attempt_id, learner.id)
        assert attempt.submitted_at is not None
        online = replay_online(db.session, twin, queue, attempt)
        assert flashcard_history(db.session, learner.id) == flashcard_history(db.session, twin.id)
        assert len(flashcard_history(db.session, learner.id)[0]) == 20
        assert graded_answers(db.session, learner.id) == graded_answers(db.session, twin.id)
        assert (attempt.score, attempt.submitted_at) == (online.score, online.submitted_at)

        # The same queue sent again (a retry after a lost answer) changes nothing.
        before = flashcard_history(db.session, learner.id), graded_answers(db.session, learner.id)
        sent = [{k: v for k, v in e.items() if k not in ("label", "user")} for e in queue]
        again = page.request.post("/offline/sync", data={"events": sent}).json()
        assert (again["applied"], again["already"]) == (0, 26)
        db.session.expire_all()
        after = flashcard_history(db.session, learner.id), graded_answers(db.session, learner.id)
        assert after == before
        assert errors == []
    finally:
        context.close()


def test_a_card_rated_on_another_device_meanwhile_is_reported_on_the_page(
    browser, live_server, db, make_student
):
    learner = make_student()
    learner.new_cards_per_day = 1
    db.session.commit()
    context = browser.new_context(base_url=live_server)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        page.goto("/auth/login")
        page.get_by_label("Email").fill(learner.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        expect(page).to_have_url(re.compile(r"/study$"))
        page.goto("/offline")
        page.get_by_role("button", name="Download my cards").click()
        expect(page.locator("#deck-status")).to_contain_text("1 card downloaded")
        context.set_offline(True)
        page.get_by_role("button", name="Show answer").click()
        page.locator('#offline-ratings button[data-rating="3"]').click()
        expect(page.locator("#queue-status")).to_have_text("1 event waiting to sync.")
        # Meanwhile the same card is rated on another device, online.
        card = page.evaluate("window.offlineStore.queued()")[0]["card"]
        rate_card(db.session, learner, card, 4, None)
        db.session.commit()

        context.set_offline(False)  # the page syncs by itself when the network returns
        result = page.locator("#sync-result")
        expect(result).to_contain_text("Synced: 0 applied.")
        expect(result).to_contain_text("was rated on another device")
        expect(result).to_contain_text("the offline rating was not applied")
        expect(page.locator("#queue-status")).to_have_text("Nothing is waiting to sync.")
    finally:
        context.close()


def test_the_downloaded_page_fits_a_phone(browser, live_server, make_student):
    # The topic picker's longest option (a topic and its article's title) widened the page past
    # 390 px once cards were downloaded, where the crawl, before any download, never looked.
    learner = make_student()
    context = browser.new_context(base_url=live_server, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        page.goto("/auth/login")
        page.get_by_label("Email").fill(learner.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        expect(page).to_have_url(re.compile(r"/study$"))
        page.goto("/offline")
        page.get_by_role("button", name="Download my cards").click()
        expect(page.get_by_label("Practice quiz topic")).to_be_visible()
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
    finally:
        context.close()
