"""The teaching and classroom pages in Russian (``Accept-Language: ru``): pages, forms, flash
messages, plural words, percentages, the choice editor's script labels and the CSV headers.

Every test reads the shipped Russian catalogue afresh (the ``shipped_catalogues`` fixture,
tests/conftest.py).
"""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
import sqlalchemy as sa

from quizapp.models import Article, Question
from quizapp.models.base import utcnow
from tests.builders import GARDEN, class_with_set, make_assignment, take

pytestmark = pytest.mark.usefixtures("shipped_catalogues")
RU = {"Accept-Language": "ru"}


def _text(response) -> str:
    return " ".join(response.get_data(as_text=True).split())


def test_the_teach_home_and_a_new_class_in_russian(client, db, make_teacher, login):
    login(client, make_teacher())
    home = _text(client.get("/teach/", headers=RU))
    assert "<h1>Преподавание</h1>" in home and "Название класса" in home
    assert "Классов пока нет." in home and "Наборы тестов" in home
    created = client.post(
        "/teach/classes/new", data={"name": "7Б"}, headers=RU, follow_redirects=True
    )
    page = _text(created)
    assert "Класс «7Б» создан. Сообщите ученикам его код." in page
    assert "Код класса" in page and "Импорт списка класса" in page


def test_the_gradebook_plurals_percentages_and_csv_in_russian(
    client, db, make_teacher, make_student, login
):
    teacher, student, school_class, quiz_set = class_with_set(
        db, make_teacher, make_student, attempts_allowed=0
    )
    assignment = make_assignment(db, quiz_set, [school_class], title="Домашнее задание")
    take(db, assignment, student)
    take(db, assignment, student, [True, True, False], seed=1)
    login(client, teacher)
    response = client.get(f"/teach/classes/{school_class.id}/gradebook", headers=RU)
    page = _text(response)
    assert "Журнал оценок" in page and "Среднее по классу" in page
    assert "2 попытки" in page  # the few form of попытка
    # Babel's Russian percent: a no-break space before the sign.
    assert "<strong>100\xa0%</strong>" in response.get_data(as_text=True)
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(f"/teach/classes/{school_class.id}/gradebook.csv", headers=RU)
                .get_data()
                .decode("utf-8-sig")
            )
        )
    )
    assert rows[0][:5] == [
        "ученик",
        "эл. почта",
        "Домашнее задание (%)",
        "Домашнее задание: попытки",
        "Домашнее задание: с опозданием",
    ]
    analysis = _text(client.get(f"/teach/assignments/{assignment.id}/analysis", headers=RU))
    assert "Проанализирована <strong>1</strong> попытка (1 ученик)" in analysis  # first attempts
    # A true/false question's choices and the unanswered row are the app's words, translated.
    assert '<th scope="row">Верно' in analysis and '<th scope="row">(нет ответа)</th>' in analysis
    english = client.get(f"/teach/classes/{school_class.id}/gradebook.csv").get_data()
    assert english.decode("utf-8-sig").startswith("student,email,Домашнее задание (%)")


def test_an_article_review_and_the_choice_editor_in_russian(client, db, make_teacher, login):
    login(client, make_teacher())
    imported = client.post(
        "/teach/articles/new",
        data={"title": "Наш сад", "text": GARDEN},
        content_type="multipart/form-data",
        headers=RU,
        follow_redirects=True,
    )
    review = _text(imported)
    assert "«Наш сад» импортирована" in review and "черновиков на проверку" in review
    assert "Ученики видят только принятые элементы." in review
    article = db.session.scalar(sa.select(Article).where(Article.title == "Наш сад"))
    question = db.session.scalars(
        sa.select(Question).filter_by(article_id=article.id, type="single_choice")
    ).first()
    page = _text(
        client.get(f"/teach/articles/{article.id}/questions/{question.id}/edit", headers=RU)
    )
    assert "<h1>Изменить вопрос</h1>" in page and "Тип вопроса" in page
    # The choice editor's script renumbers its labels from these translated patterns.
    assert 'data-label-choice="Вариант {n}"' in page and 'data-label-number="вариант {n}"' in page
    assert "Добавить вариант" in page and "Верно/неверно" in page  # a question type's label


def test_a_student_joins_and_sees_assignments_in_russian(
    client, db, make_teacher, make_student, login
):
    _teacher, _student, school_class, quiz_set = class_with_set(db, make_teacher, make_student)
    make_assignment(db, quiz_set, [school_class], title="Контрольная")
    newcomer = make_student(name="Новичок")
    login(client, newcomer)
    wrong = client.post("/join", data={"code": "NOPE99"}, headers=RU)
    assert wrong.status_code == 400
    assert "Нет класса с таким кодом. Уточните его у учителя." in _text(wrong)
    joined = client.post(
        "/join", data={"code": school_class.join_code}, headers=RU, follow_redirects=True
    )
    page = _text(joined)
    assert f"Вы вступили в класс {school_class.name}." in page
    assert "Мои задания" in page and "Контрольная" in page and "Не начато" in page


def test_a_roster_preview_says_each_lines_fate_in_russian(
    client, db, make_teacher, make_student, login
):
    teacher, student, school_class, _set = class_with_set(db, make_teacher, make_student)
    login(client, teacher)
    roster = f"Ада,\n{student.display_name},{student.email}\nБорис,boris@example.org\n"
    response = client.post(
        f"/teach/classes/{school_class.id}/roster/preview",
        data={"roster-file": (io.BytesIO(roster.encode()), "roster.csv")},
        content_type="multipart/form-data",
        headers=RU,
    )
    page = _text(response)
    assert "<strong>2 строки</strong> будут пропущены по указанной причине." in page  # few form
    assert "<strong>0 существующих учётных записей</strong> будут зачислены." in page
    assert "Пропущено: нет адреса электронной почты" in page  # the core's reason, translated
    assert "Пропущено: уже в этом классе" in page  # the service's
    assert "Новая учётная запись → приглашение отправлено" in page
    assert "Зачислить 1 ученика и отправить 1 приглашение" in page
    empty = client.post(
        f"/teach/classes/{school_class.id}/roster/preview",
        data={"roster-file": (io.BytesIO(b"name,email\n"), "roster.csv")},
        content_type="multipart/form-data",
        headers=RU,
    )
    assert empty.status_code == 400
    assert "В файле нет имён и адресов электронной почты." in _text(empty)


def test_a_services_refusal_on_the_error_page_is_in_russian(
    client, db, make_teacher, make_student, login
):
    _teacher, student, school_class, quiz_set = class_with_set(db, make_teacher, make_student)
    closed = make_assignment(
        db,
        quiz_set,
        [school_class],
        due_at=utcnow() - timedelta(days=1),
    )
    login(client, student)
    refused = client.post(f"/assignments/{closed.id}/start", headers=RU)
    assert refused.status_code == 409
    assert "Срок сдачи прошёл, а это задание не принимает работы после срока." in _text(refused)
