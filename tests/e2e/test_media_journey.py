"""Pictures and sound in real browsers: a teacher's question with a map and a greeting is
played live; the projector and a guest's phone draw the map (loaded through /media under the
page's CSP, with its alt text) and a player for the sound, and keep the sound's player while
answers come in (the script redraws files only when they change)."""

from __future__ import annotations

from flask import current_app
from playwright.sync_api import expect

from quizapp.core.media_files import MediaLimits
from quizapp.models import QuizSet, QuizSetItem
from quizapp.services.media import media_store, reference, store_media
from tests.builders import PASSWORD, seeded_questions
from tests.builders.media import png_bytes, wav_bytes
from tests.e2e.conftest import wait_until_true


def test_a_live_question_shows_its_picture_and_sound(browser, live_server, page, db, make_teacher):
    teacher = make_teacher(name="Ms Host")
    (question,) = seeded_questions(db, 1, qtype="single_choice")
    store = media_store(current_app.config, db.session)
    picture = store_media(db.session, store, png_bytes(60, 40), "map.png", MediaLimits())
    sound = store_media(db.session, store, wav_bytes(), "greeting.wav", MediaLimits())
    quiz_set = QuizSet(teacher_id=teacher.id, title="Listen live")
    quiz_set.items = [QuizSetItem(position=1, question_id=question.id)]
    db.session.add(quiz_set)
    choice = question.choices[0]
    question.media = [
        reference(picture, "A map of the Amur", "prompt"),
        reference(sound, "", "prompt"),
        reference(picture, "The same map", f"choice:{choice['id']}"),
    ]
    db.session.commit()
    try:
        page.goto("/auth/login")
        page.get_by_label("Email").fill(teacher.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.goto(f"/teach/sets/{quiz_set.id}")
        page.get_by_role("link", name="Play live").click()
        page.get_by_role("button", name="Open the lobby").click()
        expect(page.locator("#connection")).to_have_text("Connected")
        pin = page.get_by_label("Game PIN").inner_text().replace(" ", "")

        context = browser.new_context(base_url=live_server, viewport={"width": 390, "height": 844})
        phone = context.new_page()
        phone.set_default_timeout(10_000)
        phone.goto("/live/join")
        phone.get_by_label("Game PIN").fill(pin)
        phone.get_by_label("Nickname").fill("Fox")
        phone.get_by_role("button", name="Join").click()
        expect(phone.get_by_role("heading", name="You are in!")).to_be_visible()

        page.get_by_role("button", name="Start the game").click()
        for screen in (page, phone):
            shown = screen.locator('[data-view="question"] img.item-media')
            expect(shown).to_have_attribute("alt", "A map of the Amur")
            loaded = "document.querySelector('[data-view=question] img.item-media').naturalWidth"
            wait_until_true(screen, f"{loaded} === 60")
            expect(screen.locator('[data-view="question"] audio.item-media')).to_have_count(1)
        # The choice's picture sits in its tile, its alt text part of the button's name.
        tile = phone.locator(".player-tiles button", has_text=choice["text"])
        expect(tile.locator("img.tile-media")).to_have_attribute("alt", "The same map")
        host_audio = page.locator('[data-view="question"] audio.item-media')
        host_audio.evaluate("el => el.dataset.kept = 'yes'")
        phone.locator(".player-tiles button").first.click()
        # The answer count changed on the projector; the same audio element is still there.
        expect(page.locator('[data-view="reveal"]')).to_be_visible()
        expect(page.locator('[data-view="question"] audio[data-kept="yes"]')).to_have_count(1)
        expect(page.locator('[data-view="reveal"] img.item-media')).to_have_attribute(
            "alt", "A map of the Amur"
        )
        context.close()
    finally:
        question.media = []
        db.session.commit()
