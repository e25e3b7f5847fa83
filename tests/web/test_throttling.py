"""Login, sign-up and join-by-code are rate-limited per account and per address, with a 429
page that says when to try again."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from quizapp.models import User
from tests.builders import PASSWORD


def test_wrong_passwords_are_throttled_then_even_the_right_one_waits(client, make_student):
    student = make_student()
    statuses = [
        client.post("/auth/login", data={"email": student.email, "password": f"x{i}"}).status_code
        for i in range(6)
    ]
    assert statuses[:5] == [400] * 5 and statuses[5] == 429
    right = client.post("/auth/login", data={"email": student.email, "password": PASSWORD})
    assert right.status_code == 429
    assert int(right.headers["Retry-After"]) > 0
    assert b"Try again in" in right.data


def test_per_account_limit_holds_across_addresses(client, make_student):
    student = make_student()
    for i in range(5):
        client.post(
            "/auth/login",
            data={"email": student.email, "password": "nope"},
            environ_base={"REMOTE_ADDR": f"10.0.0.{i}"},
        )
    other_address = client.post(
        "/auth/login",
        data={"email": student.email, "password": "nope"},
        environ_base={"REMOTE_ADDR": "10.0.0.99"},
    )
    assert other_address.status_code == 429


def test_sign_ups_from_one_address_are_throttled(client, db):
    statuses = []
    for i in range(12):
        statuses.append(
            client.post(
                "/auth/register",
                data={
                    "email": f"bulk{i}@example.org",
                    "display_name": "Bulk",
                    "password": PASSWORD,
                    "confirm": PASSWORD,
                    "role": "teacher",
                },
            ).status_code
        )
    assert statuses[:10] == [302] * 10 and statuses[10:] == [429, 429]
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 10


def test_guessing_join_codes_is_throttled(client, make_student, login):

    login(client, make_student())
    statuses = [client.post("/join", data={"code": f"WRONG{i:03d}"}).status_code for i in range(11)]
    assert 429 in statuses and statuses[0] != 429


def test_each_test_starts_with_fresh_counters(client, make_student):
    """Runs after the tests above in the same process: their counters do not leak here."""
    student = make_student()
    response = client.post("/auth/login", data={"email": student.email, "password": PASSWORD})
    assert response.status_code == 302


def test_with_redis_the_limit_is_shared_by_every_server(tmp_path, make_student):
    """Two app servers (two apps here) count against one limit when REDIS_URL names Redis."""
    import os
    import secrets

    from quizapp import create_app

    redis_url = os.environ.get("TEST_REDIS_URL") or os.environ.get("REDIS_URL")
    if not redis_url:
        pytest.skip("TEST_REDIS_URL/REDIS_URL not set")
    # Counters in Redis outlive the test run (an hour), and the limiter keeps the key prefix of
    # the first app it served: an account of its own keeps earlier runs' failures out.
    student = make_student(email=f"limit-{secrets.token_hex(6)}@example.org")
    from flask import current_app

    database = current_app.config["SQLALCHEMY_DATABASE_URI"]
    prefix = "quizapp-test-" + secrets.token_hex(4)  # no other run shares these counters
    servers = [
        create_app(
            {
                "TESTING": True,
                "SECRET_KEY": "test-secret",
                "WTF_CSRF_ENABLED": False,
                "SQLALCHEMY_DATABASE_URI": database,
                "RATELIMIT_STORAGE_URI": redis_url,
                "RATELIMIT_KEY_PREFIX": prefix,
            }
        )
        for _ in range(2)
    ]
    statuses = []
    for i in range(6):
        client = servers[i % 2].test_client()
        statuses.append(
            client.post(
                "/auth/login", data={"email": student.email, "password": "nope"}
            ).status_code
        )
    assert statuses == [400] * 5 + [429]
