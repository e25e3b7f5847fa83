"""quizapp: turns an article's claims into topics, flashcards and questions."""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from flask import Flask

from quizapp import postgres_connections
from quizapp.config import Config, check_settings, load_secret_key, settings_from_environment
from quizapp.extensions import csrf, db, limiter, migrate
from quizapp.i18n import configure_i18n
from quizapp.json_input import RequestJSONProvider
from quizapp.services.progress_cache import PlanCache
from quizapp.web_ids import IdConverter


def _resource_root() -> Path:
    """Where ``templates/``, ``static/``, ``migrations/`` and ``seed/`` live.

    An installed wheel carries them in ``quizapp/bundle`` (the build copies them there, see
    ``setup.py``); a checkout (and an editable install) has them at the top of the repository.
    """
    package = Path(__file__).resolve().parent
    bundled = package / "bundle"
    return bundled if (bundled / "templates").is_dir() else package.parent


ROOT = _resource_root()


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """The application factory: configuration, extensions, blueprints, commands."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    app.json = RequestJSONProvider(app)
    app.config.from_object(Config)
    app.config.update(settings_from_environment(os.environ))
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config["SQLALCHEMY_DATABASE_URI"] = Config.database_url(app.instance_path)
    if test_config:
        app.config.update(test_config)
    check_settings(app.config)
    if not app.config.get("MEDIA_FOLDER"):
        app.config["MEDIA_FOLDER"] = str(Path(app.instance_path) / "media")
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = load_secret_key(app.instance_path)

    app.url_map.converters["id"] = IdConverter
    app.extensions["plan_cache"] = PlanCache()
    configure_database(app)
    configure_login(app)
    configure_security(app)
    configure_i18n(app)
    register_blueprints(app)
    if not app.testing:
        keep_startup_objects_out_of_gc()
    return app


def keep_startup_objects_out_of_gc() -> None:
    """Moves the objects made so far (modules, the app) out of the garbage collector's sight.

    They live as long as the process, yet a full collection scans them all: under load each
    gunicorn worker's first full collection was a pause of about 80 ms (measured with gc
    callbacks in a worker), which every request queued behind it waited out. Collected once
    here, at start-up, then frozen (what the gc module's documentation suggests for servers).
    """
    gc.collect()
    gc.freeze()


def configure_database(app: Flask) -> None:
    backend = sa.make_url(app.config["SQLALCHEMY_DATABASE_URI"]).get_backend_name()
    if backend == "postgresql":
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = postgres_connections.engine_options(
            app.config["SQLALCHEMY_ENGINE_OPTIONS"]
        )
    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            postgres_connections.install(db.engine)
            postgres_connections.install_session(db.session)
        if db.engine.dialect.name == "sqlite":
            busy_ms = app.config["SQLITE_BUSY_TIMEOUT_MS"]

            @sa.event.listens_for(db.engine, "connect")
            def _sqlite_pragmas(dbapi_connection, _record) -> None:
                # Foreign keys are off by default in SQLite; WAL lets readers and one writer
                # work at once; the busy timeout makes a second writer wait instead of failing.
                # synchronous=NORMAL in WAL: a commit no longer waits for the disk (fsync at
                # checkpoints only); a killed server loses nothing acknowledged, only a power
                # cut can lose the last commits, never corrupt the file (SQLite's WAL notes).
                cursor = dbapi_connection.cursor()
                cursor.execute("PRAGMA foreign_keys=ON")
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA synchronous=NORMAL")
                cursor.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
                cursor.close()


def configure_login(app: Flask) -> None:
    from quizapp.auth import sessions

    sessions.init_app(app)
    csrf.init_app(app)


def configure_security(app: Flask) -> None:
    from quizapp import operations, security_headers

    security_headers.init_app(app)
    limiter.init_app(app)
    operations.init_app(app)


def register_blueprints(app: Flask) -> None:
    from quizapp import api, cli, errors, live, lti, navigation, template_helpers
    from quizapp.auth.account import bp as account_bp
    from quizapp.auth.api_tokens import bp as api_tokens_bp
    from quizapp.auth.routes import bp as auth_bp
    from quizapp.classroom.routes import bp as classroom_bp
    from quizapp.main.routes import bp as main_bp
    from quizapp.media.routes import bp as media_bp
    from quizapp.offline.routes import bp as offline_bp
    from quizapp.quiz.routes import bp as quiz_bp
    from quizapp.study.routes import bp as study_bp
    from quizapp.teach.routes import register as register_teaching

    app.register_blueprint(auth_bp)
    app.register_blueprint(account_bp)
    app.register_blueprint(api_tokens_bp)
    app.register_blueprint(main_bp)
    app.register_blueprint(media_bp)
    app.register_blueprint(quiz_bp)
    app.register_blueprint(study_bp)
    register_teaching(app)
    app.register_blueprint(classroom_bp)
    app.register_blueprint(offline_bp)
    api.init_app(app)
    live.init_app(app)
    lti.init_app(app)
    errors.init_app(app)
    template_helpers.init_app(app)
    navigation.init_app(app)
    cli.init_app(app)
