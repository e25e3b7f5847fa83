"""The pages of accounts, topics, the reader, study, offline study and LMS platforms in Russian,
Chinese and Arabic, from the shipped catalogues (read afresh by the ``shipped_catalogues``
fixture, tests/conftest.py)."""

from __future__ import annotations

import json
import re

from tests.builders import make_user


def _page(client, path: str, language: str) -> str:
    response = client.get(path, headers={"Accept-Language": language})
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_login_page_speaks_russian(client, shipped_catalogues):
    page = _page(client, "/auth/login", "ru")
    assert "<h1>Войти</h1>" in page
    assert "Электронная почта" in page  # a form label (lazy_gettext)
    assert "Забыли пароль?" in page
    assert "Перейти к содержимому" in page  # the layout's skip link
    assert "Log in" not in page


def test_a_refused_login_says_so_in_chinese(client, shipped_catalogues):
    response = client.post(
        "/auth/login",
        data={"email": "nobody@example.com", "password": "wrong password"},
        headers={"Accept-Language": "zh"},
    )
    assert "电子邮箱或密码错误。" in response.get_data(as_text=True)


def test_an_arabic_page_reads_right_to_left(client, shipped_catalogues):
    page = _page(client, "/auth/register", "ar")
    assert '<html lang="ar" dir="rtl">' in page
    assert "أنشئ حسابًا" in page


def test_the_dashboard_counts_in_russian_plurals(client, db, shipped_catalogues, login):
    student = make_user(db.session, "student", name="Ольга")
    login(client, student)
    page = _page(client, "/study", "ru")
    assert "Здравствуйте, Ольга" in page
    assert "Серия: <strong>0 дней</strong> подряд." in page  # 0 takes the "many" form
    assert ">Карточки</a>" in page  # the navigation's lazy labels
    assert "(ученик)" in page  # the role beside the name


def test_the_progress_page_writes_percentages_the_chinese_way(
    client, db, shipped_catalogues, login
):
    login(client, make_user(db.session, "student"))
    page = _page(client, "/progress", "zh")
    assert "你的学习进度" in page
    # The mastery rule's threshold: "80%" with no space in Chinese ("80 %" in English).
    assert "<strong>已掌握</strong>" in page and "80%" in page and "80 %" not in page
    data = json.loads(re.search(r'id="progress-data">(.*?)</script>', page, re.S).group(1))
    assert data["text"]["mastery"] == "掌握度 %" and data["text"]["later"] == "+{n} 天"


def test_the_offline_page_gives_its_script_russian_plural_forms(client, shipped_catalogues):
    page = _page(client, "/offline", "ru")
    block = re.search(r'id="offline-text">(.*?)</script>', page, re.S).group(1)
    text = json.loads(block)
    forms = text["waiting"]
    assert forms["1"] == "{n} событие ждёт синхронизации."
    assert forms["3"] == "{n} события ждут синхронизации."
    assert forms["5"] == "{n} событий ждут синхронизации."
    assert text["ratings"]["1"] == "Снова"
    assert "Учиться офлайн" in page


def test_an_error_page_is_translated(client, db, shipped_catalogues, login):
    login(client, make_user(db.session, "student"))
    response = client.get("/topics/999999", headers={"Accept-Language": "ru"})
    assert response.status_code == 404
    assert "Не найдено" in response.get_data(as_text=True)


def test_the_lms_platforms_page_speaks_arabic(client, db, shipped_catalogues, login):
    login(client, make_user(db.session, "admin"))
    page = _page(client, "/lti/platforms", "ar")
    assert "منصات إدارة التعلم (LTI 1.3)" in page
    assert "سجّل المنصة" in page  # the submit button (lazy_gettext)


def test_english_pages_keep_their_words(client, shipped_catalogues):
    page = _page(client, "/auth/login", "en")
    assert "<h1>Log in</h1>" in page and "Forgot your password?" in page


def test_figures_follow_the_page_language(app):
    from quizapp.template_helpers import interval, number, percent

    with app.test_request_context(headers={"Accept-Language": "ru"}):
        assert percent(0.8766, 1, fraction=True) == "87,7\xa0%"
        assert number(0.9, 2) == "0,90"
        assert interval("10m") == "10 мин" and interval("2.5mo") == "2,5 м."
    with app.test_request_context(headers={"Accept-Language": "zh"}):
        assert percent(0.85, fraction=True) == "85%" and interval("8d") == "8天"
    with app.test_request_context(headers={"Accept-Language": "en"}):
        assert percent(0.8766, 1, fraction=True) == "87.7 %"  # English pages as before
        assert number(0.9, 2) == "0.90" and interval("10m") == "10m"


def test_a_constant_in_a_template_is_still_written_per_request(app):
    # Jinja folds a filter of a constant when it compiles; the language's filters must not be.
    from flask import render_template_string

    source = "{{ 0.5|percent(fraction=true) }}"
    with app.test_request_context(headers={"Accept-Language": "en"}):
        assert render_template_string(source) == "50 %"
    with app.test_request_context(headers={"Accept-Language": "ar"}):
        assert render_template_string(source) == "50%"


def test_times_are_shown_in_the_viewer_language_and_zone(app):
    from datetime import datetime

    from quizapp.time_display import local, when

    moment = datetime(2030, 1, 31, 17, 5)  # stored naive UTC
    with app.test_request_context(headers={"Accept-Language": "ru"}):
        assert local(moment) == "31 янв. 2030\u202fг., 17:05"
        assert when(moment) == "31 янв. 2030\u202fг., 17:05 UTC"
        assert local(moment, "%d %b") == "31 янв."
    with app.test_request_context(headers={"Accept-Language": "zh"}):
        assert local(moment, "%d %b %Y") == "2030年1月31日"
    with app.test_request_context(headers={"Accept-Language": "en"}):
        assert when(moment) == "31 Jan 2030, 17:05 UTC"


def test_a_refused_password_is_explained_in_russian(client, shipped_catalogues):
    response = client.post(
        "/auth/register",
        data={
            "email": "new@example.com",
            "display_name": "Новичок",
            "password": "short",
            "confirm": "short",
            "role": "student",
        },
        headers={"Accept-Language": "ru"},
    )
    assert response.status_code == 400
    assert "Используйте не менее 10 символов." in response.get_data(as_text=True)


def test_the_zone_list_names_cities_in_chinese(client, db, shipped_catalogues, login):
    login(client, make_user(db.session, "student"))
    page = _page(client, "/account/", "zh")
    assert '<optgroup label="欧洲">' in page
    assert '<option value="Europe/Moscow">莫斯科 (欧洲)</option>' in page


def test_a_reset_mail_is_written_in_the_account_language(
    client, db, shipped_catalogues, monkeypatch
):
    sent = []
    monkeypatch.setattr("quizapp.auth.account.send_mail", lambda *mail: sent.append(mail))
    student = make_user(db.session, "student", name="Ольга")
    student.language = "ru"
    db.session.commit()
    # Asked from an English page: the mail still speaks the account's language.
    response = client.post("/account/reset", data={"email": student.email})
    assert response.status_code == 302
    ((to, subject, body),) = sent
    assert to == student.email and subject == "Выберите новый пароль для quizapp"
    assert body.startswith("Здравствуйте, Ольга!\n\nЧтобы выбрать новый пароль")


def test_choosing_a_language_says_so_in_that_language(client, db, shipped_catalogues, login):
    student = make_user(db.session, "student")
    login(client, student)
    form = {
        "form": "profile",
        "display_name": student.display_name,
        "email": student.email,
        "time_zone": "UTC",
        "language": "zh",
    }
    response = client.post("/account/", data=form, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert '<html lang="zh-Hans" dir="ltr">' in page and "你的账户已保存。" in page
