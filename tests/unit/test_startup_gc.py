"""A server's app moves its start-up objects out of the garbage collector's sight; a test app
(many per run) does not."""

from __future__ import annotations

import gc

from quizapp import create_app


def test_a_server_app_freezes_its_start_up_objects_and_a_test_app_does_not(tmp_path):
    url = f"sqlite:///{tmp_path / 'gc.sqlite'}"
    gc.unfreeze()
    try:
        create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "x", "TESTING": True})
        assert gc.get_freeze_count() == 0
        create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "x"})
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()
