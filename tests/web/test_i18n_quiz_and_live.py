"""The quiz and live game pages in Russian, from the shipped catalogue (read afresh by the
``shipped_catalogues`` fixture, tests/conftest.py): the words, plurals and numbers a Russian
reader sees, the scripts' words in data attributes, and refusals from the services."""

from __future__ import annotations

import pytest

from quizapp.live.wording import worded
from quizapp.models import Question, QuizAttempt
from quizapp.models.live_games import LiveGame
from tests.builders import log_in, start_practice_quiz
from tests.web.live_support import correct_choice, game_in_lobby

# Every test here reads the shipped catalogues.
pytestmark = pytest.mark.usefixtures("shipped_catalogues")
RU = {"Accept-Language": "ru"}


def _practice(client, db) -> QuizAttempt:
    response = start_practice_quiz(client, {"length": "5"})
    assert response.status_code == 302
    return db.session.get(QuizAttempt, int(response.location.split("/")[2]))


def test_a_practice_quiz_speaks_russian(client, db, make_student, login):
    login(client, make_student())
    setup = client.get("/quiz/new", headers=RU).get_data(as_text=True)
    assert "Тренировочный тест" in setup and "Количество вопросов" in setup
    attempt = _practice(client, db)
    page = client.get(f"/quiz/{attempt.id}/1", headers=RU).get_data(as_text=True)
    assert "Вопрос 1 из 5 · отвечено: 0" in page
    assert "Далее" in page and "Сдайте тест" in page
    # quiz.js's words, from the page.
    assert 'data-saved="Ответ сохранён."' in page
    assert 'data-not-saved="Не сохранено: {reason}."' in page
    # The JSON reply's progress line, for the script, in the same words.
    reply = client.post(
        f"/quiz/{attempt.id}/1",
        data={"action": "save"},
        headers={**RU, "Accept": "application/json"},
    )
    assert reply.get_json()["progress_label"] == "Вопрос 1 из 5 · отвечено: 0"
    # A refusal the quiz service marked comes back to the script in Russian.
    refused = client.post(
        f"/quiz/{attempt.id}/1",
        data={"action": "check"},
        headers={**RU, "Accept": "application/json"},
    )
    assert refused.status_code == 400
    assert refused.get_json()["error"] == "Сначала выберите или введите ответ, затем проверьте его."

    confirm = client.get(f"/quiz/{attempt.id}/submit", headers=RU).get_data(as_text=True)
    assert "Без ответа 5 вопросов:" in confirm  # the plural of 5
    client.post(f"/quiz/{attempt.id}/submit")
    results = client.get(f"/quiz/{attempt.id}/results", headers=RU).get_data(as_text=True)
    assert "Результаты тренировки" in results and "Разбор" in results
    # The core's "No answer", in the reader's language; the percentage in Russian style.
    assert results.count("Нет ответа") == 5 and "No answer" not in results
    assert "(0\xa0%)" in results
    # English stays English for an English reader.
    english = client.get(f"/quiz/{attempt.id}/results").get_data(as_text=True)
    assert "Practice results" in english and "(0 %)" in english


def test_a_live_game_speaks_russian_to_host_and_player(app, client, db, make_teacher, login):
    teacher = make_teacher()
    game = game_in_lobby(db, client, teacher, login)
    log_in(client, teacher)
    host = client.get(f"/live/host/{game.id}", headers=RU).get_data(as_text=True)
    assert "Начать игру" in host and 'data-say-end="Завершить игру для всех?"' in host
    new = client.get(f"/live/host/new/{game.quiz_set_id}", headers=RU).get_data(as_text=True)
    assert "20 секунд" in new and "Открыть зал ожидания" in new

    player = app.test_client()
    wrong = player.post("/live/join", data={"pin": "", "nickname": "Fox"}, headers=RU)
    assert "Введите PIN-код с экрана." in wrong.get_data(as_text=True)
    # The service's sentence with the PIN in it, worded in Russian around the PIN typed.
    unknown = "000000" if game.pin != "000000" else "000001"
    wrong = player.post("/live/join", data={"pin": unknown, "nickname": "Fox"}, headers=RU)
    assert wrong.status_code == 404
    said = wrong.get_data(as_text=True)
    assert f"Открытой игры с PIN-кодом {unknown} нет. Проверьте число на экране." in said
    joined = player.post("/live/join", data={"pin": game.pin, "nickname": "Fox"}, headers=RU)
    assert joined.status_code == 302
    play = player.get(f"/live/play/{game.id}", headers=RU).get_data(as_text=True)
    assert "Вы в игре!" in play and 'data-say-right="Верно!"' in play

    assert (
        client.post(f"/live/host/{game.id}/command", json={"command": "start"}).status_code == 200
    )
    db.session.expire_all()
    question = db.session.get(Question, db.session.get(LiveGame, game.id).question_ids[0])
    player_id = int(play.split('data-player="')[1].split('"')[0])
    body = {"player": player_id, "index": 0, "answer": correct_choice(question)}
    assert player.post(f"/live/play/{game.id}/answer", json=body).status_code == 200
    # The only player answered, so the question is over: the service's refusal, marked in the
    # service, reaches the phone in Russian.
    again = player.post(f"/live/play/{game.id}/answer", json=body, headers=RU)
    assert again.status_code == 409
    assert again.get_json()["error"] == "Этот вопрос сейчас не задаётся."

    csv_text = client.get(f"/live/host/{game.id}/results.csv", headers=RU).get_data(as_text=True)
    assert csv_text.splitlines()[0].startswith("место,псевдоним,учётная запись,очки")
    assert "очки за вопрос 1" in csv_text.splitlines()[0]


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("zh", ("练习测验", "下一题", "开始游戏")),
        ("ar", ("اختبار تدريبي", "التالي", "ابدأ اللعبة")),
    ],
)
def test_every_quiz_and_live_page_renders_in_chinese_and_arabic(
    app, client, db, make_student, make_teacher, login, language, words
):
    """Each translation fills its placeholders and keeps its markup: no page fails to render."""
    headers = {"Accept-Language": language}
    practice, question, live = words
    student = make_student()
    login(client, student)
    attempt = _practice(client, db)
    pages = [
        ("/quiz/new", practice),
        (f"/quiz/{attempt.id}/1", question),
        (f"/quiz/{attempt.id}/5", None),
        (f"/quiz/{attempt.id}/submit", None),
    ]
    for address, word in pages:
        page = client.get(address, headers=headers)
        assert page.status_code == 200, address
        assert word is None or word in page.get_data(as_text=True), address
    client.post(f"/quiz/{attempt.id}/submit")
    assert client.get(f"/quiz/{attempt.id}/results", headers=headers).status_code == 200

    client.post("/auth/logout")
    game = game_in_lobby(db, client, make_teacher(), login)
    log_in(client, game.teacher)
    for address in (
        f"/live/host/new/{game.quiz_set_id}",
        f"/live/host/{game.id}",
        f"/live/host/{game.id}/results",
    ):
        page = client.get(address, headers=headers)
        assert page.status_code == 200, address
    assert live in client.get(f"/live/host/{game.id}", headers=headers).get_data(as_text=True)
    player = app.test_client()
    assert player.get("/live/join", headers=headers).status_code == 200
    player.post("/live/join", data={"pin": game.pin, "nickname": "Fox"})
    assert player.get(f"/live/play/{game.id}", headers=headers).status_code == 200


def test_each_screen_gets_the_cores_words_in_its_language(app):
    """The one event all screens share names True, False and "Other answers" in English; each
    socket sends them in its own reader's language, and leaves the shared event as it was."""
    event = {
        "status": "reveal",
        "question": {"prompt": "True or not?", "choices": [{"id": "true", "text": "True"}]},
        "reveal": {
            "key": "False",
            "chart": [{"text": "True", "count": 2}, {"text": "Other answers", "count": 1}],
        },
    }
    with app.test_request_context(headers=RU):
        view = worded(event)
    assert view["question"]["choices"][0]["text"] == "Верно"
    assert view["question"]["prompt"] == "True or not?"  # a teacher's text is shown as written
    assert view["reveal"]["key"] == "Неверно"
    assert [row["text"] for row in view["reveal"]["chart"]] == ["Верно", "Другие ответы"]
    assert event["reveal"]["key"] == "False" and event["question"]["choices"][0]["text"] == "True"


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("Practice quiz", "Тренировочный тест"),
        ("Practice: all topics", "Тренировка: все темы"),
        ("Practice: what I missed", "Тренировка: мои ошибки"),
        ("Practice: Soil, Water and 3 more topics", "Тренировка: Soil, Water и ещё 3 темы"),
        ("Practice: Soil and 11 more topics", "Тренировка: Soil и ещё 11 тем"),
        ("Practice: Soil", "Тренировка: Soil"),
        ("Live game: Economy", "Игра: Economy"),
        ("Homework 1", "Homework 1"),  # a teacher's own title, as written
    ],
)
def test_titles_the_app_stored_in_english_are_shown_in_the_readers_language(app, stored, shown):
    from quizapp.quiz.answers import shown_title

    with app.test_request_context(headers={"Accept-Language": "ru"}):
        assert shown_title(stored) == shown


@pytest.mark.parametrize(
    ("language", "back_button", "card_back"),
    [
        ("ru", "Назад", "Оборотная сторона"),
        ("zh", "上一题", "背面"),
        ("ar", "السابق", "الوجه الخلفي"),
    ],
)
def test_the_quiz_back_button_and_a_card_back_are_two_words(
    app, client, db, make_student, make_teacher, login, language, back_button, card_back
):
    """English says "Back" for both; a translation must not call the quiz's button the back of
    a card (it did in Russian and Arabic) nor a card's back the previous question (Chinese)."""
    login(client, make_student())
    attempt = _practice(client, db)
    page = client.get(f"/quiz/{attempt.id}/2", headers={"Accept-Language": language})
    assert f'id="back-button">{back_button}</button>' in page.get_data(as_text=True)
    teacher = app.test_client()
    login(teacher, make_teacher())
    form = teacher.get("/teach/flashcards/new", headers={"Accept-Language": language})
    text = form.get_data(as_text=True)
    assert card_back in text and back_button not in text
