"""Models and migrations agree (`flask db check` finds nothing to generate), and each data
migration keeps every id and row of a database built by the migrations before it."""


def _scratch_app(tmp_path):
    """The app on a new SQLite file, for migrating step by step."""
    from quizapp import create_app

    return create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "x",
            "RATELIMIT_STORAGE_URI": "memory://",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'old.sqlite'}",
        }
    )


def _add_old_account(session, user_id: int, role: str = "student", email: str = "") -> None:
    """An account with only the columns the first migration made (any later revision has them)."""
    import sqlalchemy as sa

    session.execute(
        sa.text(
            "INSERT INTO user (id, email, display_name, password_hash, role, created_at, "
            "desired_retention, new_cards_per_day, daily_goal) VALUES (:id, :email, 'Kept', "
            "'scrypt:x', :role, '2026-01-02 03:04:05', 0.9, 20, 20)"
        ),
        {"id": user_id, "email": email or f"{user_id}@example.org", "role": role},
    )


def test_models_match_migrations(runner, db):
    result = runner.invoke(args=["db", "check"])
    assert result.exit_code == 0, result.output


def test_accounts_migration_keeps_every_user_and_their_history(tmp_path):
    """Upgrading a database built by the previous migrations keeps ids and rows; every account
    gets generation 0 and the UTC zone; choice ids become opaque and every stored answer and
    choice order follows them."""
    import json

    import sqlalchemy as sa
    from flask_migrate import upgrade

    from quizapp.extensions import db
    from quizapp.models import AttemptQuestion, Question, Response

    app = _scratch_app(tmp_path)
    with app.app_context():
        upgrade(revision="ba69940e4412")
        _add_old_account(db.session, 41, email="kept@example.org")
        db.session.execute(
            sa.text(
                "INSERT INTO quiz_attempt (id, user_id, kind, title, started_at, max_score, "
                "is_late, feedback) VALUES (7, 41, 'practice', 'Old', '2026-01-02 03:05:00', 5, "
                "0, 'immediately')"
            )
        )
        # A single-choice question answered before: ids by position, the key first. Written
        # as the old schema had it (the models now describe a later one).
        db.session.execute(
            sa.text(
                "INSERT INTO article (id, slug, title, text, checksum, created_at) VALUES "
                "(1, 'old', 'Old', 'Old text about things.', 'x', '2026-01-01 00:00:00')"
            )
        )
        db.session.execute(
            sa.text(
                "INSERT INTO topic (id, article_id, key, title, position) VALUES "
                "(1, 1, 'overview', 'Overview', 0)"
            )
        )
        db.session.execute(
            sa.text(
                "INSERT INTO claim (id, article_id, topic_id, key, quote, start_offset, "
                "end_offset, sentence_start, sentence_end, key_terms) VALUES "
                "(1, 1, 1, 'overview-1', 'Old text about things', 0, 21, 0, 22, '[]')"
            )
        )
        choices = [
            {"id": "x", "text": t, "correct": t == "First"} for t in ("First", "Second", "Third")
        ]
        question_id = 9
        db.session.execute(
            sa.text(
                "INSERT INTO question (id, key, claim_id, type, prompt, choices, accepted, pairs, "
                "explanation, difficulty, origin, retired, updated_at) VALUES (9, 'old-q', 1, "
                "'single_choice', 'Which?', '[]', '[]', '[]', 'E', 2, 'curated', 0, "
                "'2026-01-01 00:00:00')"
            )
        )
        lettered = [{**c, "id": chr(ord("a") + i)} for i, c in enumerate(choices)]
        picked_text = lettered[1]["text"]
        db.session.execute(
            sa.text("UPDATE question SET choices = :c WHERE id = :q"),
            {"c": json.dumps(lettered), "q": question_id},
        )
        db.session.execute(
            sa.text(
                "INSERT INTO attempt_question (id, attempt_id, question_id, position, "
                "choice_order, max_mark) VALUES (3, 7, :q, 1, :order, 1)"
            ),
            {"q": question_id, "order": json.dumps(["c", "a", "b"])},
        )
        db.session.execute(
            sa.text(
                "INSERT INTO response (id, slot_id, user_id, question_id, answer, score, correct, "
                "checked, answered_at) VALUES (5, 3, 41, :q, :a, 0, 0, 1, '2026-01-02 03:06:00')"
            ),
            {"q": question_id, "a": json.dumps("b")},
        )
        db.session.commit()
        upgrade()
        stored = db.session.get(Question, question_id)
        by_text = {c["text"]: c["id"] for c in stored.choices}
        assert not set(by_text.values()) & {"a", "b", "c"}
        assert db.session.get(Response, 5).answer == by_text[picked_text]  # the same choice
        texts = [c["text"] for c in lettered]
        assert db.session.get(AttemptQuestion, 3).choice_order == [
            by_text[texts[2]],
            by_text[texts[0]],
            by_text[texts[1]],
        ]
        row = db.session.execute(
            sa.text("SELECT id, email, session_generation, time_zone, teacher_status FROM user")
        ).one()
        assert tuple(row) == (41, "kept@example.org", 0, "UTC", None)
        assert db.session.scalar(sa.text("SELECT user_id FROM quiz_attempt WHERE id = 7")) == 41
        db.session.remove()
        db.engine.dispose()


def test_progress_version_migration_keeps_every_account_and_counts_from_zero(tmp_path):
    """Upgrading a database built by the previous migrations keeps ids and rows, starts every
    account at version 0, and from then on the database raises it; downgrading removes the
    column and the triggers and keeps the rows."""
    import sqlalchemy as sa
    from flask_migrate import downgrade, upgrade

    from quizapp.extensions import db

    app = _scratch_app(tmp_path)
    joined = (
        "INSERT INTO enrollment (id, class_id, student_id, joined_at) VALUES "
        "({id}, 5, 41, '2026-01-03 00:00:00')"
    )
    with app.app_context():
        upgrade(revision="aa3175f2fb01")
        _add_old_account(db.session, 41)
        _add_old_account(db.session, 42, role="teacher")
        db.session.execute(
            sa.text(
                "INSERT INTO school_class (id, teacher_id, name, join_code, created_at) "
                "VALUES (5, 42, 'Year 10', 'ABCD1234', '2026-01-02 00:00:00')"
            )
        )
        db.session.execute(sa.text(joined.format(id=3)))
        db.session.commit()

        upgrade()
        rows = db.session.execute(sa.text("SELECT id, progress_version FROM user ORDER BY id"))
        assert rows.all() == [(41, 0), (42, 0)]
        db.session.execute(sa.text("DELETE FROM enrollment WHERE id = 3"))
        db.session.execute(sa.text(joined.format(id=4)))
        db.session.commit()
        version = "SELECT progress_version FROM user WHERE id = 41"
        assert db.session.execute(sa.text(version)).scalar() == 2

        downgrade(revision="aa3175f2fb01")
        columns = {c["name"] for c in sa.inspect(db.engine).get_columns("user")}
        assert "progress_version" not in columns
        db.session.execute(sa.text("DELETE FROM enrollment WHERE id = 4"))
        db.session.execute(sa.text(joined.format(id=6)))  # no trigger names the column now
        db.session.commit()
        enrolled = db.session.execute(sa.text("SELECT id FROM enrollment ORDER BY id")).all()
        assert enrolled == [(6,)]
        assert db.session.execute(sa.text("SELECT count(*) FROM user")).scalar() == 2


def test_quiz_attempt_migration_keeps_every_attempt_and_raises_the_version(tmp_path):
    """On a database built by the previous migrations: every attempt and account is kept, and
    from then on submitting an attempt raises its learner's version; downgrading removes only
    the new triggers."""
    import sqlalchemy as sa
    from flask_migrate import downgrade, upgrade

    from quizapp.extensions import db

    app = _scratch_app(tmp_path)
    version = "SELECT progress_version FROM user WHERE id = 41"
    submit = "UPDATE quiz_attempt SET submitted_at = '2026-01-03 00:00:00' WHERE id = {id}"
    with app.app_context():
        upgrade(revision="e3b7c2d41f08")
        _add_old_account(db.session, 41)
        for attempt_id in (7, 8):
            db.session.execute(
                sa.text(
                    "INSERT INTO quiz_attempt (id, user_id, kind, title, started_at, max_score, "
                    "is_late, feedback) VALUES "
                    f"({attempt_id}, 41, 'practice', 'Kept', '2026-01-02 00:00:00', 0, 0, "
                    "'immediately')"
                )
            )
        db.session.execute(sa.text(submit.format(id=7)))
        db.session.commit()
        assert db.session.execute(sa.text(version)).scalar() == 0  # no trigger on attempts yet

        upgrade()
        attempts = db.session.execute(
            sa.text("SELECT id, submitted_at FROM quiz_attempt ORDER BY id")
        )
        assert [(i, s is not None) for i, s in attempts] == [(7, True), (8, False)]
        db.session.execute(sa.text(submit.format(id=8)))
        db.session.commit()
        assert db.session.execute(sa.text(version)).scalar() == 1

        downgrade(revision="e3b7c2d41f08")
        db.session.execute(sa.text("DELETE FROM quiz_attempt WHERE id = 8"))
        db.session.commit()
        assert db.session.execute(sa.text(version)).scalar() == 1
        assert db.session.execute(sa.text("SELECT count(*) FROM quiz_attempt")).scalar() == 1


def test_card_front_migration_names_renamed_topics_and_keeps_every_card(tmp_path):
    """Cards of a topic renamed before renames reached them open with its present name after
    the upgrade; ids and other cards stay as they were."""
    import sqlalchemy as sa
    from flask_migrate import downgrade, upgrade

    from quizapp.extensions import db
    from quizapp.services.seeding import ArticleSource, import_article

    app = _scratch_app(tmp_path)
    text = (
        "The Water Cycle\n\n## Where the Water Is\n\n"
        "About 97 percent of the water on Earth is salt water held in the oceans.\n\n"
        "## Evaporation\n\nThe Sun heats the oceans and turns liquid water into vapour.\n"
    )
    with app.app_context():
        # Built at the head and taken down to the revision before (whose downgrade changes no
        # row): the seeding writes every column today's question has.
        upgrade()
        import_article(db.session, ArticleSource(slug="cycle", text=text))
        db.session.commit()
        downgrade(revision="7c41d9e2a6b0")
        db.session.execute(
            sa.text("UPDATE topic SET title = 'Total amount of water' WHERE key = :key"),
            {"key": "where-the-water-is"},
        )
        db.session.commit()
        cards = "SELECT id, front FROM flashcard ORDER BY id"
        before = db.session.execute(sa.text(cards)).all()
        assert any(front.startswith("Where the Water Is: ") for _, front in before)

        upgrade()
        after = db.session.execute(sa.text(cards)).all()
        assert [card_id for card_id, _ in after] == [card_id for card_id, _ in before]
        for (_, old), (_, new) in zip(before, after, strict=True):
            expected = old.replace("Where the Water Is: ", "Total amount of water: ", 1)
            assert new == expected


def test_combined_feedback_migration_keeps_every_question_and_starts_empty(tmp_path):
    """A database at the previous revision (built at the head, then taken down to it, so its
    questions are the seeding's own) keeps every question's id, choices and answers through the
    upgrade; each question starts with no combined feedback, which the models read as {}."""
    import sqlalchemy as sa
    from flask_migrate import downgrade, upgrade

    from quizapp.extensions import db
    from quizapp.models import Question
    from quizapp.services.seeding import ArticleSource, import_article

    app = _scratch_app(tmp_path)
    text = (
        "The Water Cycle\n\n## Evaporation\n\n"
        "The Sun heats the oceans and turns about 434,000 cubic kilometres of water into "
        "vapour every year.\n\n## Rain\n\nClouds drop the water as rain, snow or hail.\n"
    )
    rows = "SELECT id, key, type, choices, accepted, answer_bool FROM question ORDER BY id"
    with app.app_context():
        upgrade()
        import_article(db.session, ArticleSource(slug="cycle", text=text))
        db.session.commit()
        downgrade(revision="d2f5a8c31e47")
        columns = {c["name"] for c in sa.inspect(db.engine).get_columns("question")}
        assert "combined_feedback" not in columns
        before = db.session.execute(sa.text(rows)).all()
        assert before

        upgrade()
        assert db.session.execute(sa.text(rows)).all() == before
        db.session.expire_all()
        questions = db.session.scalars(sa.select(Question).order_by(Question.id)).all()
        assert [q.id for q in questions] == [row.id for row in before]
        assert all(q.combined_feedback == {} for q in questions)


def test_language_migration_marks_every_article_english_and_keeps_every_id(tmp_path):
    """Articles of a database built by the previous migrations are English after the upgrade,
    with their ids and slugs; downgrading drops only the column."""
    import sqlalchemy as sa
    from flask_migrate import downgrade, upgrade

    from quizapp.extensions import db

    app = _scratch_app(tmp_path)
    with app.app_context():
        upgrade(revision="f1c8d3a9b254")
        db.session.execute(
            sa.text(
                "INSERT INTO article (id, slug, title, text, checksum, created_at, published) "
                "VALUES (7, 'kept', 'Kept', 'Kept\n\nA text.', 'x', '2026-01-02 00:00:00', 1), "
                "(9, 'also-kept', 'Also kept', 'Also\n\nA text.', 'y', '2026-01-02 00:00:00', 0)"
            )
        )
        db.session.commit()

        upgrade()
        rows = db.session.execute(sa.text("SELECT id, slug, language FROM article ORDER BY id"))
        assert rows.all() == [(7, "kept", "en"), (9, "also-kept", "en")]

        downgrade(revision="f1c8d3a9b254")
        columns = {c["name"] for c in sa.inspect(db.engine).get_columns("article")}
        assert "language" not in columns
        assert db.session.execute(sa.text("SELECT count(*) FROM article")).scalar() == 2


def test_media_migration_keeps_every_item_and_starts_without_files(tmp_path):
    """Questions and cards of a database at the previous revision keep their ids and content
    through the upgrade, each with no files; downgrading drops only what the migration made."""
    import sqlalchemy as sa
    from flask_migrate import downgrade, upgrade

    from quizapp.extensions import db
    from quizapp.models import Flashcard, Question
    from quizapp.services.seeding import ArticleSource, import_article

    app = _scratch_app(tmp_path)
    text = (
        "The Water Cycle\n\n## Evaporation\n\n"
        "The Sun heats the oceans and turns about 434,000 cubic kilometres of water into "
        "vapour every year.\n\n## Rain\n\nClouds drop the water as rain, snow or hail.\n"
    )
    rows = "SELECT id, key, prompt, choices FROM question ORDER BY id"
    with app.app_context():
        upgrade()
        import_article(db.session, ArticleSource(slug="cycle", text=text))
        db.session.commit()
        downgrade(revision="f1a6c0d9e5b3")
        assert "media_file" not in sa.inspect(db.engine).get_table_names()
        before = db.session.execute(sa.text(rows)).all()
        cards = db.session.execute(sa.text("SELECT id, front FROM flashcard ORDER BY id")).all()
        assert before and cards

        upgrade()
        assert db.session.execute(sa.text(rows)).all() == before
        db.session.expire_all()
        assert all(q.media == [] for q in db.session.scalars(sa.select(Question)))
        stored_cards = db.session.scalars(sa.select(Flashcard).order_by(Flashcard.id)).all()
        assert [(c.id, c.front) for c in stored_cards] == [tuple(row) for row in cards]
        assert all(c.media == [] for c in stored_cards)


def test_lti_deployment_migration_keys_every_link_by_its_platforms_deployment(tmp_path):
    """Course and activity links of a database at the previous revision keep their ids, class
    and assignment, each taking its platform's first registered deployment."""
    import sqlalchemy as sa
    from flask_migrate import downgrade, upgrade

    from quizapp.extensions import db

    app = _scratch_app(tmp_path)
    with app.app_context():
        upgrade()
        downgrade(revision="b3c1e5a7d902")
        _add_old_account(db.session, 7, role="teacher")
        statements = [
            "INSERT INTO school_class (id, name, teacher_id, join_code, created_at) "
            "VALUES (3, 'History', 7, 'ABCD2345', '2026-01-02 03:04:05')",
            "INSERT INTO lti_platform (id, name, issuer, client_id, auth_login_url, "
            "auth_token_url, key_set_url, created_at) VALUES (5, 'LMS', 'https://lms.example', "
            "'c', 'https://lms.example/a', 'https://lms.example/t', 'https://lms.example/k', "
            "'2026-01-02 03:04:05')",
            "INSERT INTO lti_deployment (id, platform_id, deployment_id) VALUES (11, 5, 'dep-b')",
            "INSERT INTO lti_deployment (id, platform_id, deployment_id) VALUES (12, 5, 'dep-a')",
            "INSERT INTO lti_context_link (id, platform_id, context_id, class_id, created_at) "
            "VALUES (21, 5, 'course-7', 3, '2026-01-02 03:04:05')",
            "INSERT INTO lti_resource_link (id, platform_id, resource_link_id, class_id, title, "
            "created_at) VALUES (31, 5, 'res-1', 3, 'Quiz', '2026-01-02 03:04:05')",
        ]
        for statement in statements:
            db.session.execute(sa.text(statement))
        db.session.commit()
        upgrade()
        rows = db.session.execute(
            sa.text("SELECT id, context_id, class_id, deployment_id FROM lti_context_link")
        ).all()
        assert [tuple(r) for r in rows] == [(21, "course-7", 3, "dep-b")]
        rows = db.session.execute(
            sa.text("SELECT id, resource_link_id, class_id, deployment_id FROM lti_resource_link")
        ).all()
        assert [tuple(r) for r in rows] == [(31, "res-1", 3, "dep-b")]
        downgrade(revision="b3c1e5a7d902")
        columns = {c["name"] for c in sa.inspect(db.engine).get_columns("lti_context_link")}
        assert "deployment_id" not in columns


def test_hints_migration_keeps_every_question_and_starts_without_hints(tmp_path):
    """A database at the previous revision (built at the head, then taken down to it) keeps
    every question's id, answers and learners' responses through the upgrade; each question
    starts with no hints, which the models read as []."""
    import sqlalchemy as sa
    from flask_migrate import downgrade, upgrade

    from quizapp.extensions import db
    from quizapp.models import Question
    from quizapp.services.seeding import ArticleSource, import_article

    app = _scratch_app(tmp_path)
    text = (
        "The Water Cycle\n\n## Evaporation\n\n"
        "The Sun heats the oceans and turns about 434,000 cubic kilometres of water into "
        "vapour every year.\n\n## Rain\n\nClouds drop the water as rain, snow or hail.\n"
    )
    rows = (
        "SELECT id, key, type, prompt, choices, accepted, answer_bool, combined_feedback, tags "
        "FROM question ORDER BY id"
    )
    with app.app_context():
        upgrade()
        import_article(db.session, ArticleSource(slug="cycle", text=text))
        db.session.commit()
        downgrade(revision="d8e3f1a2b4c6")
        columns = {c["name"] for c in sa.inspect(db.engine).get_columns("question")}
        assert "hints" not in columns
        first = db.session.execute(sa.text("SELECT id FROM question ORDER BY id")).scalar()
        _add_old_account(db.session, 70)
        db.session.execute(
            sa.text(
                "INSERT INTO quiz_attempt (id, user_id, kind, title, started_at, max_score, "
                "is_late, feedback) VALUES (5, 70, 'practice', 'Kept', '2026-01-02 03:04:05', "
                "1, 0, 'immediately')"
            )
        )
        db.session.execute(
            sa.text(
                "INSERT INTO attempt_question (id, attempt_id, question_id, position, "
                "choice_order, max_mark) VALUES (8, 5, :question, 1, '[]', 1.0)"
            ),
            {"question": first},
        )
        db.session.commit()
        before = db.session.execute(sa.text(rows)).all()
        assert before

        upgrade()
        assert db.session.execute(sa.text(rows)).all() == before
        slots = db.session.execute(
            sa.text("SELECT id, attempt_id, question_id FROM attempt_question")
        ).all()
        assert [tuple(s) for s in slots] == [(8, 5, first)]
        db.session.expire_all()
        questions = db.session.scalars(sa.select(Question).order_by(Question.id)).all()
        assert [q.id for q in questions] == [row.id for row in before]
        assert all(q.hints == [] for q in questions)
        downgrade(revision="d8e3f1a2b4c6")
        columns = {c["name"] for c in sa.inspect(db.engine).get_columns("question")}
        assert "hints" not in columns


def test_back_extra_migration_keeps_every_card_and_its_reviews(tmp_path):
    """A database at the previous revision keeps every flashcard's id and sides, and a
    learner's memory of a card, through the upgrade; each card starts with no Back Extra."""
    import sqlalchemy as sa
    from flask_migrate import downgrade, upgrade

    from quizapp.extensions import db
    from quizapp.models import Flashcard
    from quizapp.services.seeding import ArticleSource, import_article

    app = _scratch_app(tmp_path)
    text = (
        "The Water Cycle\n\n## Evaporation\n\n"
        "The Sun heats the oceans and turns about 434,000 cubic kilometres of water into "
        "vapour every year.\n\n## Rain\n\nClouds drop the water as rain, snow or hail.\n"
    )
    rows = "SELECT id, key, kind, front, back, tags, media FROM flashcard ORDER BY id"
    states = "SELECT id, user_id, flashcard_id, fsrs, due, state FROM card_state ORDER BY id"
    with app.app_context():
        upgrade()
        import_article(db.session, ArticleSource(slug="cycle", text=text))
        db.session.commit()
        downgrade(revision="e5a1c7d3f920")
        columns = {c["name"] for c in sa.inspect(db.engine).get_columns("flashcard")}
        assert "back_extra" not in columns
        first = db.session.execute(sa.text("SELECT id FROM flashcard ORDER BY id")).scalar()
        assert first is not None
        _add_old_account(db.session, 71)
        db.session.execute(
            sa.text(
                "INSERT INTO card_state (id, user_id, flashcard_id, fsrs, due, state, stability, "
                "introduced_at) VALUES (4, 71, :card, '{\"stability\": 3.2}', "
                "'2026-01-09 00:00:00', 2, 3.2, '2026-01-02 03:04:05')"
            ),
            {"card": first},
        )
        db.session.commit()
        before, kept = (
            db.session.execute(sa.text(rows)).all(),
            db.session.execute(sa.text(states)).all(),
        )
        assert before and kept

        upgrade()
        assert db.session.execute(sa.text(rows)).all() == before
        assert db.session.execute(sa.text(states)).all() == kept
        db.session.expire_all()
        cards = db.session.scalars(sa.select(Flashcard).order_by(Flashcard.id)).all()
        assert [c.id for c in cards] == [row.id for row in before]
        assert all(c.back_extra == "" for c in cards)
