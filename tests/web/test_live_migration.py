"""The live-games migration upgrades a database that already holds learners' work, keeping
every id and every row, and downgrades again without touching them."""

from __future__ import annotations

import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from quizapp import create_app
from quizapp.extensions import db

BEFORE_LIVE = "c4e1a9f20b7d"  # the accounts migration, just before the live games
LIVE = "aa3175f2fb01"


def test_upgrade_keeps_ids_and_history(tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "x",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'old.sqlite'}",
        }
    )
    with app.app_context():
        upgrade(revision=BEFORE_LIVE)
        with db.engine.begin() as conn:
            conn.execute(
                sa.text(
                    "INSERT INTO user (id, email, display_name, role, password_hash, created_at, "
                    "desired_retention, new_cards_per_day, daily_goal) VALUES (41, "
                    "'old@example.org', 'Old Learner', 'student', 'x', '2025-01-01', 0.9, 20, 20)"
                )
            )
            conn.execute(
                sa.text(
                    "INSERT INTO quiz_attempt (id, user_id, kind, title, started_at, max_score, "
                    "is_late, feedback) VALUES (77, 41, 'practice', 'Old quiz', '2025-01-02', 5, "
                    "0, 'immediately')"
                )
            )
        upgrade(revision=LIVE)
        with db.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT id, email FROM user")).all() == [
                (41, "old@example.org")
            ]
            assert conn.execute(sa.text("SELECT id, user_id FROM quiz_attempt")).all() == [(77, 41)]
            tables = set(sa.inspect(conn).get_table_names())
            assert {"live_game", "live_player", "live_answer"} <= tables
        downgrade(revision=BEFORE_LIVE)
        with db.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM quiz_attempt")).scalar() == 1
            assert "live_game" not in sa.inspect(conn).get_table_names()
        db.engine.dispose()
