"""Models and migrations agree (`flask db check` finds nothing to generate)."""


def test_models_match_migrations(runner, db):
    result = runner.invoke(args=["db", "check"])
    assert result.exit_code == 0, result.output


def test_accounts_migration_keeps_every_user_and_their_history(tmp_path):
    """Upgrading a database built by the previous migrations keeps ids and rows; every account
    gets generation 0 and the UTC zone."""
    import sqlalchemy as sa
    from flask_migrate import upgrade

    from quizapp import create_app
    from quizapp.extensions import db

    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    app = create_app({"TESTING": True, "SECRET_KEY": "x", "RATELIMIT_STORAGE_URI": "memory://",
                      "SQLALCHEMY_DATABASE_URI": url})  # fmt: skip
    with app.app_context():
        upgrade(revision="ba69940e4412")
        db.session.execute(sa.text(
            "INSERT INTO user (id, email, display_name, password_hash, role, created_at, "
            "desired_retention, new_cards_per_day, daily_goal) VALUES "
            "(41, 'kept@example.org', 'Kept', 'scrypt:x', 'student', '2026-01-02 03:04:05', "
            "0.9, 20, 20)"))  # fmt: skip
        db.session.execute(sa.text(
            "INSERT INTO quiz_attempt (id, user_id, kind, title, started_at, max_score, "
            "is_late, feedback) VALUES (7, 41, 'practice', 'Old', '2026-01-02 03:05:00', 5, "
            "0, 'immediately')"))  # fmt: skip
        db.session.commit()
        upgrade()
        row = db.session.execute(sa.text(
            "SELECT id, email, session_generation, time_zone, teacher_status FROM user"
        )).one()  # fmt: skip
        assert tuple(row) == (41, "kept@example.org", 0, "UTC", None)
        assert db.session.scalar(sa.text("SELECT user_id FROM quiz_attempt WHERE id = 7")) == 41
        db.session.remove()
        db.engine.dispose()
