"""Absolute links come from BASE_URL, never from the request: a reset asked for with a forged
Host (or X-Forwarded-Host behind a proxy) still mails a link to the real site."""

from __future__ import annotations

import logging

import pytest
import sqlalchemy as sa

from quizapp import mail
from quizapp.models.live_games import LiveGame
from tests.builders import PASSWORD, make_class
from tests.web.live_support import choice_set

SITE = "https://quiz.example.org"


@pytest.fixture
def site(app):
    app.config["BASE_URL"] = SITE
    yield SITE
    app.config["BASE_URL"] = "http://localhost"


def test_the_reset_mail_links_to_the_configured_site_whatever_the_host(
    client, site, make_student, caplog
):
    student = make_student()
    with caplog.at_level(logging.WARNING, logger="quizapp.mail"):
        client.post(
            "/account/reset",
            data={"email": student.email},
            headers={"Host": "evil.example", "X-Forwarded-Host": "evil.example"},
        )
        mail.flush()
    assert f"{SITE}/account/reset/" in caplog.text
    assert "evil.example" not in caplog.text


def test_the_class_link_and_the_live_join_page_name_the_configured_site(
    client, db, site, make_teacher
):
    teacher = make_teacher()
    school_class = make_class(db, teacher)
    quiz_set = choice_set(db, teacher)
    evil = "http://evil.example"  # every request of this browser names another host
    client.post("/auth/login", data={"email": teacher.email, "password": PASSWORD}, base_url=evil)
    class_page = client.get(f"/teach/classes/{school_class.id}", base_url=evil)
    assert f"{SITE}/join/{school_class.join_code}" in class_page.get_data(as_text=True)
    client.post(f"/live/host/new/{quiz_set.id}", data={"seconds": 20}, base_url=evil)
    game = db.session.scalar(sa.select(LiveGame))
    host_page = client.get(f"/live/host/{game.id}", base_url=evil).get_data(as_text=True)
    assert f"{SITE}/live/join" in host_page and "evil.example" not in host_page


def test_behind_a_proxy_a_forwarded_host_changes_no_link(app, client, site, make_student, caplog):
    from quizapp import create_app

    proxied = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "WTF_CSRF_ENABLED": False,
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
            "RATELIMIT_STORAGE_URI": "memory://",
            "TRUSTED_PROXIES": 1,
            "BASE_URL": SITE,
        }
    )
    student = make_student()
    with caplog.at_level(logging.WARNING, logger="quizapp.mail"):
        proxied.test_client().post(
            "/account/reset",
            data={"email": student.email},
            headers={"X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https"},
        )
        mail.flush()
    assert f"{SITE}/account/reset/" in caplog.text and "evil.example" not in caplog.text
