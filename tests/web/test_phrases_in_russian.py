"""The sentences the core builds with values in them, shown to a learner, teacher or admin whose
account reads Russian (``user.language = "ru"``): answer keys, a cloze question's gap by gap
feedback with Russian plurals and decimal commas, the limits on an answer's length, a note of
the offline sync, an LMS registration's refusal naming its field, the import report's reasons
and the question editor's refusals. English output is what the other tests check."""

from __future__ import annotations

import io
import uuid
from datetime import timedelta

import pytest
import sqlalchemy as sa
from flask_babel import get_domain

from quizapp.core.clock import utcnow
from quizapp.core.question_kinds.base import MAX_TEXT_ANSWER
from quizapp.core.vocabulary import ItemOrigin
from quizapp.models import Claim, LtiPlatform, OfflineEvent, Question, Response
from quizapp.services.quizzes import create_attempt
from tests.builders import make_user, teacher_cloze
from tests.builders.offline import at_ms


@pytest.fixture
def russian(app):
    """The app reads its shipped Russian catalogue, loaded afresh for the test."""
    with app.app_context():
        cache = get_domain().cache
    cache.clear()
    yield
    cache.clear()


def _in_russian(db, user):
    user.language = "ru"
    db.session.commit()
    return user


def _text(response) -> str:
    return " ".join(response.get_data(as_text=True).split())


def _claim(db) -> Claim:
    return db.session.scalar(sa.select(Claim).order_by(Claim.id))


def _short_answer(db, author) -> Question:
    question = Question(
        key="capital-typed",
        claim_id=_claim(db).id,
        type="short_answer",
        prompt="Name the capital of France.",
        explanation="Paris.",
        accepted=["Paris", "Lutetia"],
        origin=ItemOrigin.TEACHER,
        author_id=author.id,
    )
    db.session.add(question)
    db.session.commit()
    return question


def test_a_typed_key_and_an_answer_too_long_in_russian(
    client, db, make_teacher, make_student, login, russian
):
    question = _short_answer(db, make_teacher())
    student = _in_russian(db, make_student())
    login(client, student)
    attempt = create_attempt(db.session, student.id, [question])
    db.session.commit()
    too_long = client.post(
        f"/quiz/{attempt.id}/1", data={"answer": "x" * (MAX_TEXT_ANSWER + 1), "action": "save"}
    )
    assert too_long.status_code == 400
    assert f"Длина ответа ограничена {MAX_TEXT_ANSWER} символами." in _text(too_long)
    assert db.session.scalar(sa.select(sa.func.count(Response.id))) == 0
    client.post(f"/quiz/{attempt.id}/1", data={"answer": "Rome", "action": "save"})
    assert client.post(f"/quiz/{attempt.id}/submit").status_code == 302
    results = _text(client.get(f"/quiz/{attempt.id}/results"))
    assert "Paris (также принимается: Lutetia)" in results
    assert "also accepted" not in results


def test_a_cloze_questions_gaps_are_marked_in_russian(
    client, db, make_teacher, make_student, login, russian
):
    question = teacher_cloze(db, make_teacher(), _claim(db).id, "geo")
    student = _in_russian(db, make_student())
    login(client, student)
    attempt = create_attempt(db.session, student.id, [question])
    db.session.commit()
    form = {"gap-0": "Lutetia", "gap-1": "Berlin", "gap-2": "pi", "action": "check"}
    checked = client.post(
        f"/quiz/{attempt.id}/1", data=form, headers={"Accept": "application/json"}
    )
    assert checked.status_code == 200
    feedback = " ".join(checked.get_json()["feedback_html"].split())
    # Russian plurals ("из 1 балла", "из 2 баллов") and the decimal comma ("0,5", "3,14").
    assert "Пропуск 1 из 3: «Lutetia» — частично верно (0,5 из 1 балла). Its old name." in feedback
    assert "Пропуск 2 из 3: «Berlin» — верно (2 из 2 баллов). Yes." in feedback
    assert "Пропуск 3 из 3: «pi» — неверно (0 из 1 балла). Правильный ответ: 3,14 ± 0,01." in (
        feedback
    )
    assert "Gap" not in feedback and "right answer" not in feedback
    too_long = client.post(
        f"/quiz/{attempt.id}/1", data={"gap-0": "x" * (MAX_TEXT_ANSWER + 1), "action": "save"}
    )
    assert too_long.status_code == 400
    assert f"Пропуск 1 из 3: длина ответа ограничена {MAX_TEXT_ANSWER} символами." in _text(
        too_long
    )
    assert client.post(f"/quiz/{attempt.id}/submit").status_code == 302
    results = _text(client.get(f"/quiz/{attempt.id}/results"))
    assert "Пропуск 1: Lutetia; Пропуск 2: Berlin; Пропуск 3: pi" in results
    assert "Пропуск 1: Paris или Lutetia" not in results  # a half-marks answer is no key
    assert "Пропуск 1: Paris; Пропуск 2: Berlin; Пропуск 3: 3,14 ± 0,01" in results


def test_an_offline_answer_too_long_is_told_in_russian(client, db, make_student, login, russian):
    student = _in_russian(db, make_student())
    login(client, student)
    topic = client.get("/offline/cards").get_json()["topics"][0]["id"]
    quiz = client.post("/offline/practice", json={"topic": topic, "length": 5}).get_json()
    assert quiz["title"].startswith("Тренировка: ")  # the stored English title, worded
    typed = next(q for q in quiz["questions"] if 'type="text"' in q["inputs"])
    event = {
        "key": uuid.uuid4().hex,
        "kind": "answer",
        "at": at_ms(utcnow() - timedelta(minutes=5)),
        "attempt": quiz["attempt"],
        "position": typed["position"],
        "fields": [["answer", "x" * (MAX_TEXT_ANSWER + 1)]],
    }
    body = client.post("/offline/sync", json={"events": [event]}).get_json()
    assert body["applied"] == 0
    [note] = body["notes"]
    assert note["message"] == (
        f"{quiz['title']}, вопрос {typed['position']}: "
        f"Длина ответа ограничена {MAX_TEXT_ANSWER} символами."
    )
    # A retry is told again, in Russian too (the record keeps the note's template and values).
    again = client.post("/offline/sync", json={"events": [event]}).get_json()
    assert again["already"] == 1 and again["notes"][0]["message"] == note["message"]
    record = db.session.scalar(sa.select(OfflineEvent))
    assert f"Answers are limited to {MAX_TEXT_ANSWER} characters." in record.note  # English kept


def test_an_lms_registration_names_its_field_in_russian(client, db, login, russian):
    login(client, _in_russian(db, make_user(db.session, "admin")))
    form = {
        "name": "Moodle",
        "issuer": "https://moodle.school.example",
        "client_id": "abc123",
        "deployment_ids": "1",
        "auth_login_url": "https://moodle.school.example/mod/lti/auth.php",
        "auth_token_url": "https://moodle.school.example/mod/lti/token.php",
        "key_set_url": "ftp://x",
    }
    refused = client.post("/lti/platforms", data=form)
    assert refused.status_code == 400
    assert "URL набора открытых ключей (JWKS) должен быть адресом https://" in _text(refused)
    assert db.session.scalar(sa.select(sa.func.count(LtiPlatform.id))) == 0


MOODLE = b"""<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="cloze">
    <name><text>ticks</text></name>
    <questiontext format="html"><text>Pick {1:MULTIRESPONSE:=a~=b~c}</text></questiontext>
  </question>
  <question type="shortanswer">
    <name><text>city</text></name>
    <questiontext format="html"><text>Name a city of France.</text></questiontext>
    <answer fraction="100"><text>Paris</text></answer>
    <hint><text>It is big.</text><shownumcorrect/></hint>
  </question>
  <question type="essay">
    <name><text>essay</text></name>
    <questiontext format="html"><text>Write.</text></questiontext>
  </question>
</quiz>
"""

GIFT = b"""::described:: Only a description

::untitled-essay:: Write about rivers {}
"""


def _upload(client, name: str, data: bytes):
    return client.post(
        "/teach/exchange/import",
        data={"file": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
        follow_redirects=True,
    )


def test_an_import_report_gives_its_reasons_in_russian(client, db, make_teacher, login, russian):
    login(client, _in_russian(db, make_teacher()))
    report = _text(_upload(client, "atlas.xml", MOODLE))
    assert (
        "Пропущено ticks: вопрос с пропусками: пропуск, где отмечено несколько вариантов "
        "(MULTIRESPONSE): здесь пропуск принимает один ответ." in report
    )
    assert "Пропущено essay: в приложении нет типа вопросов, как &#39;essay&#39; в Moodle." in (
        report
    )
    # The hint's text is kept; what it does to a wrong try in Moodle is not.
    assert (
        "Изменено city: пропущено то, что его подсказки делают после неверной попытки (показать, "
        "сколько ответов верно, убрать неверные): приложение показывает подсказки текстом до "
        "единственного ответа." in report
    )
    assert "left out" not in report and "the app has no" not in report
    # A file with nothing to import: the refusal lists why, each reason worded.
    refused = _text(_upload(client, "notes.gift", GIFT))
    assert "В файле нет вопросов, которые приложение может импортировать (" in refused
    assert "described: описание без ответов: таких элементов в приложении нет" in refused
    assert "untitled-essay: вопрос-эссе (пустые фигурные скобки)" in refused


def test_the_question_editor_refuses_in_russian(client, db, make_teacher, login, russian):
    login(client, _in_russian(db, make_teacher()))
    data = {
        "type": "cloze_gaps",
        "prompt": "No gaps at all.",
        "choices": "",
        "accepted": "",
        "pairs": "",
        "difficulty": "2",
        "explanation": "Geography.",
        "quote": "",
        "claim_id": _claim(db).id,
    }
    refused = client.post("/teach/questions/new", data=data)
    assert refused.status_code == 400
    assert "В тексте нет ни одного пропуска в форме Moodle {1:SHORTANSWER:…}." in _text(refused)
    half = client.post("/teach/questions/new", data={**data, "prompt": "It is {1:SA:%50%Paris}."})
    assert half.status_code == 400
    assert "Пропуск 1: нужен ответ, дающий полный балл." in _text(half)
    count = sa.select(sa.func.count()).where(Question.type == "cloze_gaps")
    assert db.session.scalar(count) == 0


def test_a_pasted_decks_skipped_and_changed_rows_in_russian(
    client, db, make_teacher, login, russian
):
    login(client, _in_russian(db, make_teacher()))
    pasted = "Soil\tThe top layer\nHumus\t\nLoam\tsand\tsilt\tclay\n"
    preview = _text(
        client.post("/teach/exchange/cards/preview", data={"name": "Soils", "text": pasted})
    )
    assert "строка 2: у карточки должны быть лицевая и оборотная стороны" in preview
    assert "строка 3: ячеек: 4, а столбцов в файле: 2 — разделитель (табуляция)" in preview
    assert "row 2" not in preview and "a card needs" not in preview
