"""Shared fixtures: an app on a migrated, seeded database (SQLite, or PostgreSQL when
``TEST_DATABASE_URL`` is set), a test client, factories and a query counter."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import sqlalchemy as sa
from flask import g
from flask_migrate import upgrade
from hypothesis import HealthCheck, settings

from quizapp import ROOT, create_app
from quizapp.extensions import babel, limiter
from quizapp.extensions import db as _db
from quizapp.services.seeding import seed_article
from tests.builders import log_in, make_user

# Worked examples shared by tests in more than one folder.
pytest_plugins = ("tests.fixtures",)

# Property-based tests (Hypothesis): `ci`, the default, is reproducible (derandomized, no
# example database) and short enough for every run; `dev` and `nightly` search longer, with
# random seeds, keeping what they find in .hypothesis/. Choose one with HYPOTHESIS_PROFILE=dev
# (README, after the quick start).
_FUZZ_SETTINGS = {
    "deadline": None,  # the tests time each request themselves, against their own budget
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
settings.register_profile(
    "ci", max_examples=15, derandomize=True, database=None, print_blob=True, **_FUZZ_SETTINGS
)
settings.register_profile("dev", max_examples=60, **_FUZZ_SETTINGS)
settings.register_profile("nightly", max_examples=600, **_FUZZ_SETTINGS)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ARTICLE = ROOT / "seed" / "article-russia-pivot-east.txt"
BANK = ROOT / "seed" / "question_bank.yaml"
SEED_SLUG = ARTICLE.stem
# Content is seeded once per run; everything else is emptied after each test.
CONTENT_TABLES = {
    "article",
    "article_tag",
    "topic",
    "claim",
    "flashcard",
    "question",
    "alembic_version",
}


def _worker_database(url: str, worker: str) -> str:
    """``TEST_DATABASE_URL``'s database with the xdist worker's name appended (``test_gw0``),
    created on first use, so parallel workers never wipe each other's tables."""
    base = sa.make_url(url)
    own = base.set(database=f"{base.database}_{worker}")
    engine = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        exists = conn.execute(
            sa.text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": own.database}
        ).scalar()
        if not exists:
            conn.execute(sa.text(f'CREATE DATABASE "{own.database}"'))
    engine.dispose()
    return own.render_as_string(hide_password=False)


def pytest_configure(config) -> None:
    # Under pytest-xdist each worker (gw0, gw1, ...) is a process of its own: point it, and every
    # test that reads TEST_DATABASE_URL itself (migration checks), at a database of its own.
    # SQLite needs nothing: each worker has its own tmp_path_factory base directory.
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    url = os.environ.get("TEST_DATABASE_URL")
    if worker and url and sa.make_url(url).get_backend_name() == "postgresql":
        os.environ["TEST_DATABASE_URL"] = _worker_database(url, worker)


def pytest_collection_modifyitems(config, items) -> None:
    """Mark tests by folder, so a new test is sorted with its neighbours: everything in
    tests/e2e drives Chromium (``browser``), everything in tests/deploy builds or serves the
    wheel under gunicorn (``deploy``). ``make test-fast`` runs the rest in parallel."""
    for item in items:
        parts = item.path.relative_to(config.rootpath).parts
        if parts[:2] == ("tests", "e2e"):
            item.add_marker(pytest.mark.browser)
        elif parts[:2] == ("tests", "deploy"):
            item.add_marker(pytest.mark.deploy)


def _database_url(tmp_path_factory) -> str:
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            conn.execute(sa.text("DROP SCHEMA public CASCADE"))
            conn.execute(sa.text("CREATE SCHEMA public"))
        engine.dispose()
        return url
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "SQLALCHEMY_DATABASE_URI": _database_url(tmp_path_factory),
            "WTF_CSRF_ENABLED": False,
            # Links in mail and QR codes are built from this, whatever Host a request names.
            "BASE_URL": "http://localhost",
            # Each test starts with fresh counters (see `client`), never shared through Redis.
            "RATELIMIT_STORAGE_URI": "memory://",
            # Uploaded pictures and sound go to the run's own folder, not instance/.
            "MEDIA_FOLDER": str(tmp_path_factory.mktemp("media")),
        }
    )

    @app.before_request
    def _forget_cached_user() -> None:
        # Tests hold an app context open (the `db` fixture), which requests then share; drop
        # Flask-Login's cached user so each request loads its own from its session cookie.
        g.pop("_login_user", None)

    with app.app_context():
        upgrade()
        seed_article(_db.session, ARTICLE, BANK)
        _db.session.commit()
    yield app
    with app.app_context():
        _db.engine.dispose()


def empty_test_tables(db) -> None:
    """Delete what tests made, keeping the seeded content (every test starts from it)."""
    db.session.rollback()
    # Teacher-authored content is per test; the seeded content stays.
    for table in reversed(db.metadata.sorted_tables):
        if table.name not in CONTENT_TABLES:
            db.session.execute(table.delete())
    for name in ("flashcard", "question"):
        table = db.metadata.tables[name]
        db.session.execute(table.delete().where(table.c.origin == "teacher"))
    # Articles a test imported go too (their topics, claims and items cascade).
    articles = db.metadata.tables["article"]
    db.session.execute(articles.delete().where(articles.c.slug != SEED_SLUG))
    db.session.execute(articles.update().values(published=True))
    db.session.commit()


@pytest.fixture
def db(app) -> Iterator:
    with app.app_context():
        limiter.reset()  # no test is throttled by the requests of another
        yield _db
        empty_test_tables(_db)


@pytest.fixture
def client(app, db):
    return app.test_client()


@pytest.fixture
def shipped_catalogues(app):
    """The shipped catalogues (``quizapp/translations``) read afresh for the test: Flask-Babel
    keeps each language's catalogue for the app's life, and the app lives for the session, so
    a test of translated pages would otherwise read whatever catalogue an earlier test loaded
    or swapped in. Emptied again after, so nothing this test loaded outlives it."""
    with app.app_context():  # the domain is made from the app's Babel settings on first use
        cache = babel.domain_instance.cache
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def make_student(db):
    return lambda **kw: make_user(db.session, "student", **kw)


@pytest.fixture
def make_teacher(db):
    return lambda **kw: make_user(db.session, "teacher", **kw)


@pytest.fixture
def login():
    """``login(client, user, password=PASSWORD)`` logs ``user`` in through the real form."""
    return log_in


@pytest.fixture
def count_queries(app):
    """``with count_queries() as queries: ...`` then ``len(queries)``."""

    @contextmanager
    def counter():
        statements: list[str] = []

        def record(conn, cursor, statement, *args):
            statements.append(statement)

        with app.app_context():
            engine = _db.engine
        sa.event.listen(engine, "before_cursor_execute", record)
        try:
            yield statements
        finally:
            sa.event.remove(engine, "before_cursor_execute", record)

    return counter
