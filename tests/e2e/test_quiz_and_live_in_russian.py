"""The quiz's and the live game's scripts speak the reader's language: in browsers that ask for
Russian, the words the scripts write (a saved answer, the socket's status, a player's verdict
and rank, the host's confirmation, the podium) come from the page, in Russian, from the
shipped catalogue (read afresh by the ``shipped_catalogues`` fixture, tests/conftest.py)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from quizapp.models import QuizSet, QuizSetItem
from tests.builders import PASSWORD, seeded_questions

# Every test here reads the shipped catalogues.
pytestmark = pytest.mark.usefixtures("shipped_catalogues")
PHONE = {"width": 390, "height": 844}


def _russian(browser, live_server, **options):
    context = browser.new_context(base_url=live_server, locale="ru-RU", **options)
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page


def _log_in(page, user) -> None:
    page.goto("/auth/login")
    page.get_by_label("Электронная почта").fill(user.email)
    page.get_by_label("Пароль").fill(PASSWORD)
    page.get_by_role("button", name="Войти").click()


def test_a_practice_quiz_says_its_answer_is_saved_in_russian(
    browser,
    live_server,
    db,
    make_student,
):
    context, page = _russian(browser, live_server)
    _log_in(page, make_student())
    page.goto("/quiz/new")
    page.get_by_label("Количество вопросов").select_option("5")
    page.get_by_role("button", name="Начать тест").click()
    expect(page.locator("#quiz-progress-label")).to_have_text("Вопрос 1 из 5 · отвечено: 0")
    # Whatever kind the first question is, an answer to it (each is saved as it is given).
    form = page.locator("#question-form fieldset")
    if form.locator("input[type=text]").count():
        form.locator("input[type=text]").fill("Россия")
    elif form.locator("select").count():
        form.locator("select").first.select_option(index=1)
    else:
        form.locator("input[type=radio], input[type=checkbox]").first.check()
    # quiz.js's words, and the server's progress line after the save.
    expect(page.locator("#save-state")).to_have_text("Ответ сохранён.")
    expect(page.locator("#quiz-progress-label")).to_have_text("Вопрос 1 из 5 · отвечено: 1")
    context.close()


def test_a_live_game_in_russian_on_the_projector_and_the_phone(
    browser,
    live_server,
    db,
    make_teacher,
):
    teacher = make_teacher()
    (question,) = seeded_questions(db, 1, qtype="single_choice")
    quiz_set = QuizSet(teacher_id=teacher.id, title="Pivot east, in Russian")
    quiz_set.items = [QuizSetItem(position=1, question_id=question.id)]
    db.session.add(quiz_set)
    db.session.commit()
    right = next(c["text"] for c in question.choices if c["correct"])

    host_context, host = _russian(browser, live_server)
    _log_in(host, teacher)
    host.goto(f"/live/host/new/{quiz_set.id}")
    host.get_by_role("button", name="Открыть зал ожидания").click()
    expect(host.locator("#connection")).to_have_text("Подключено")
    pin = host.get_by_label("PIN-код игры").inner_text().replace(" ", "")

    phone_context, phone = _russian(browser, live_server, viewport=PHONE, is_mobile=True)
    phone.goto("/live/join")
    phone.get_by_label("PIN-код игры").fill(pin)
    phone.get_by_label("Псевдоним").fill("Fox")
    phone.get_by_role("button", name="Присоединиться").click()
    expect(phone.get_by_role("heading", name="Вы в игре!")).to_be_visible()
    expect(phone.locator("#connection")).to_have_text("Подключено")

    host.get_by_role("button", name="Начать игру").click()
    expect(host.locator('[data-view="question"] .answered')).to_have_text("Ответили 0 из 1")
    phone.locator(".player-tiles button", has_text=right).click()
    # The only player answered: the reveal comes at once, worded by live-play.js.
    expect(phone.get_by_role("heading", name="Верно!")).to_be_visible()
    expect(phone.locator("#announce")).to_have_text("Верно, место 1.")
    expect(phone.locator('[data-view="reveal"] [data-field="points"]')).to_contain_text("Очки: +")

    asked = []
    host.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    host.locator('[data-view="reveal"]').get_by_role("button", name="Завершить игру").click()
    expect(phone.get_by_role("heading", name="Игра окончена")).to_be_visible()
    assert asked == ["Завершить игру для всех?"]
    expect(phone.locator(".podium li")).to_have_text([re.compile(r"^1\. Fox — очки: \d+$")])
    host_context.close()
    phone_context.close()
