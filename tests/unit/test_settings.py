"""Settings are checked at start-up: a value the app does not know stops it with a message
naming the variable and what it accepts (before: ``TEACHER_SIGNUP=anyon`` meant "anyone")."""

from __future__ import annotations

import pytest

from quizapp.config import InvalidSetting, check_settings, settings_from_environment


@pytest.mark.parametrize(
    "name, value, named",
    [
        ("TEACHER_SIGNUP", "aproval", "anyone, code, approval"),
        ("PREFERRED_URL_SCHEME", "htps", "http, https"),
        ("TRUSTED_PROXIES", "one", "whole number from 0"),
        ("TRUSTED_PROXIES", "-1", "whole number from 0"),
        ("MAIL_PORT", "0", "whole number from 1 to 65535"),
        ("MAIL_PORT", "smtp", "whole number from 1 to 65535"),
        ("MAIL_PORT", "²⁵", "whole number from 1 to 65535"),  # digits that int() refuses
        ("MAIL_USE_TLS", "ture", "true"),
        ("MEDIA_STORE", "s3", "folder, database"),
    ],
)
def test_an_unknown_value_in_the_environment_is_refused_by_name(name, value, named):
    with pytest.raises(InvalidSetting) as refused:
        settings_from_environment({name: value})
    assert name in str(refused.value) and named in str(refused.value)


def _settings(**overrides) -> dict:
    settings = settings_from_environment({})
    settings.update(overrides)
    return settings


@pytest.mark.parametrize(
    "overrides, named",
    [
        ({"TEACHER_SIGNUP": "code"}, "TEACHER_INVITE_CODE"),
        ({"TEACHER_SIGNUP": "Anyone"}, "TEACHER_SIGNUP"),
        ({"BASE_URL": "quiz.example.org"}, "BASE_URL"),
        ({"BASE_URL": "ftp://quiz.example.org"}, "BASE_URL"),
        ({"REDIS_URL": "reddis://127.0.0.1:6379/0"}, "REDIS_URL"),
        ({"RATE_LIMIT_LOGIN_PER_ADDRESS": "sixty a minute"}, "RATE_LIMIT_LOGIN_PER_ADDRESS"),
        ({"MEDIA_TYPES": ("image/png", "image/svg+xml")}, "MEDIA_TYPES"),
    ],
)
def test_settings_that_would_run_the_app_otherwise_than_meant_are_refused(overrides, named):
    with pytest.raises(InvalidSetting, match=named):
        check_settings(_settings(**overrides))


def test_the_defaults_and_the_usual_values_pass():
    settings = settings_from_environment(
        {
            "TEACHER_SIGNUP": "code",
            "TEACHER_INVITE_CODE": "staff-room",
            "PREFERRED_URL_SCHEME": "https",
            "TRUSTED_PROXIES": "1",
            "MAIL_USE_TLS": "yes",
            "BASE_URL": "https://quiz.example.org/school",
        }
    )
    check_settings(settings)
    assert settings["MAIL_USE_TLS"] is True and settings["TRUSTED_PROXIES"] == 1
    check_settings(settings_from_environment({}))


def test_the_app_refuses_to_start_on_a_typo(monkeypatch, tmp_path):
    from quizapp import create_app

    monkeypatch.setenv("TEACHER_SIGNUP", "anyon")
    with pytest.raises(InvalidSetting, match="TEACHER_SIGNUP='anyon' is not one of"):
        create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.sqlite'}"})


def test_a_deployment_without_base_url_is_refused_by_name():
    """Behind a proxy or on https, reset mails, class links and QR codes must not point at
    127.0.0.1: the variable is named, and so is what made the app look deployed."""
    for environ in (
        {"PREFERRED_URL_SCHEME": "https"},
        {"TRUSTED_PROXIES": "1"},
        {"PREFERRED_URL_SCHEME": "https", "TRUSTED_PROXIES": "2", "BASE_URL": "  "},
    ):
        with pytest.raises(InvalidSetting, match="BASE_URL is not set") as refused:
            settings_from_environment(environ)
        assert next(iter(environ)) in str(refused.value)
    with pytest.raises(InvalidSetting, match="BASE_URL='http://quiz.example.org' is http://"):
        check_settings(
            settings_from_environment(
                {"PREFERRED_URL_SCHEME": "https", "BASE_URL": "http://quiz.example.org"}
            )
        )
    # `make run`: nothing set, and plain http on port 5000 say "local".
    local = settings_from_environment({"PREFERRED_URL_SCHEME": "http", "TRUSTED_PROXIES": "0"})
    check_settings(local)
    assert local["BASE_URL"] == "http://127.0.0.1:5000"
