"""The interface's language: the browser's Accept-Language by default, the account's choice
over it, and the page's lang and dir attributes (right to left for Arabic)."""

from __future__ import annotations

import re

import pytest

from quizapp.models import User


def _html_tag(response) -> str:
    return re.search(r"<html[^>]*>", response.get_data(as_text=True)).group(0)


@pytest.mark.parametrize(
    ("header", "tag"),
    [
        (None, '<html lang="en" dir="ltr">'),
        ("ru-RU,ru;q=0.9,en;q=0.5", '<html lang="ru" dir="ltr">'),
        ("zh-CN,zh;q=0.9", '<html lang="zh-Hans" dir="ltr">'),
        ("ar", '<html lang="ar" dir="rtl">'),
        ("ko-KR", '<html lang="en" dir="ltr">'),  # no catalogue: English
    ],
)
def test_a_visitor_gets_the_browser_language(client, header, tag):
    headers = {"Accept-Language": header} if header else {}
    assert _html_tag(client.get("/auth/login", headers=headers)) == tag


def _profile(user: User, language: str) -> dict[str, str]:
    return {
        "form": "profile",
        "display_name": user.display_name,
        "email": user.email,
        "time_zone": "UTC",
        "language": language,
    }


def test_the_language_saved_on_the_account_wins_over_the_browser(client, db, make_student, login):
    student = make_student()
    login(client, student)
    assert client.post("/account/", data=_profile(student, "ar")).status_code == 302
    db.session.expire_all()
    assert db.session.get(User, student.id).language == "ar"
    page = client.get("/account/", headers={"Accept-Language": "ru"})
    assert _html_tag(page) == '<html lang="ar" dir="rtl">'
    # Back to the browser's language.
    assert client.post("/account/", data=_profile(student, "")).status_code == 302
    db.session.expire_all()
    assert db.session.get(User, student.id).language is None
    page = client.get("/account/", headers={"Accept-Language": "ru"})
    assert _html_tag(page) == '<html lang="ru" dir="ltr">'


def test_a_language_not_offered_is_refused_with_a_message(client, db, make_student, login):
    student = make_student()
    login(client, student)
    response = client.post("/account/", data=_profile(student, "xx"))
    assert response.status_code == 400
    assert "Not a valid choice" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(User, student.id).language is None
