"""The article-library migration upgrades a database that has content and learners' history:
every id survives, items get their claim's article, and what students saw stays published."""

from __future__ import annotations

import os
from datetime import datetime

import pytest
import sqlalchemy as sa
from flask_migrate import upgrade

from quizapp import create_app
from quizapp.extensions import db

BEFORE = "ba69940e4412"  # the head before items were namespaced by article
SCHEMA = "migration_check"
NOW = datetime(2030, 1, 1, 12, 0)


def _scratch_url(tmp_path) -> str:
    """A database of its own: a file on SQLite, a separate schema on PostgreSQL."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        return f"sqlite:///{tmp_path / 'old.sqlite'}"
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
        conn.execute(sa.text(f"CREATE SCHEMA {SCHEMA}"))
    engine.dispose()
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{SCHEMA}"


def _rows(conn, table: str, **values) -> None:
    columns = ", ".join(values)
    params = ", ".join(f":{name}" for name in values)
    conn.execute(sa.text(f'INSERT INTO "{table}" ({columns}) VALUES ({params})'), values)


def _old_content(conn) -> None:
    """Two articles as the old schema held them, with a learner's answer and a card review."""
    _rows(
        conn,
        "user",
        id=7,
        email="s@example.org",
        display_name="s",
        password_hash="x",
        role="student",
        created_at=NOW,
        desired_retention=0.9,
        new_cards_per_day=20,
        daily_goal=20,
    )
    for article_id in (3, 5):
        _rows(
            conn,
            "article",
            id=article_id,
            slug=f"a{article_id}",
            title="T",
            text="x" * 50,
            checksum="c",
            created_at=NOW,
        )
        _rows(
            conn,
            "topic",
            id=article_id * 10,
            article_id=article_id,
            key="overview",
            title="Overview",
            position=0,
        )
        _rows(
            conn,
            "claim",
            id=article_id * 100,
            article_id=article_id,
            topic_id=article_id * 10,
            key="overview-1",
            quote="x" * 10,
            start_offset=0,
            end_offset=10,
            sentence_start=0,
            sentence_end=10,
            key_terms="[]",
        )
    common = {
        "choices": "[]",
        "accepted": '["x"]',
        "pairs": "[]",
        "explanation": "e",
        "difficulty": 2,
        "origin": "generated",
        "retired": False,
        "updated_at": NOW,
    }
    _rows(
        conn,
        "question",
        id=41,
        key="gen-fill-overview-1",
        claim_id=300,
        type="fill_blank",
        prompt="p",
        **common,
    )
    _rows(
        conn,
        "question",
        id=42,
        key="gen-tf-overview-1",
        claim_id=500,
        type="true_false",
        prompt="p",
        **common,
    )
    _rows(
        conn,
        "flashcard",
        id=61,
        key="gen-card-overview-1",
        claim_id=500,
        kind="basic",
        front="f",
        back="b",
        origin="generated",
        retired=False,
        updated_at=NOW,
    )
    _rows(
        conn,
        "quiz_attempt",
        id=9,
        user_id=7,
        kind="practice",
        title="Practice",
        started_at=NOW,
        max_score=1.0,
        is_late=False,
        feedback="immediate",
    )
    _rows(
        conn,
        "attempt_question",
        id=11,
        attempt_id=9,
        question_id=41,
        position=1,
        choice_order="[]",
        max_mark=1.0,
    )
    _rows(
        conn,
        "response",
        id=13,
        slot_id=11,
        user_id=7,
        question_id=41,
        score=1.0,
        answer='"x"',
        correct=True,
        checked=True,
        answered_at=NOW,
    )
    _rows(
        conn,
        "card_state",
        id=15,
        user_id=7,
        flashcard_id=61,
        fsrs="{}",
        due=NOW,
        state=1,
        introduced_at=NOW,
    )


@pytest.fixture
def old_app(tmp_path):
    url = _scratch_url(tmp_path)
    app = create_app({"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": url})
    yield app
    with app.app_context():
        db.engine.dispose()
    if os.environ.get("TEST_DATABASE_URL"):
        engine = sa.create_engine(os.environ["TEST_DATABASE_URL"])
        with engine.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
        engine.dispose()


def test_upgrade_keeps_ids_and_history_and_namespaces_items(old_app):
    with old_app.app_context():
        upgrade(revision=BEFORE)
        with db.engine.begin() as conn:
            _old_content(conn)
        upgrade()
        with db.engine.connect() as conn:
            questions = conn.execute(
                sa.text("SELECT id, article_id, status, key FROM question ORDER BY id")
            ).all()
            cards = conn.execute(sa.text("SELECT id, article_id, status FROM flashcard")).all()
            published = conn.execute(sa.text("SELECT id, published FROM article ORDER BY id"))
            history = conn.execute(
                sa.text(
                    "SELECT r.id, a.question_id FROM response r "
                    "JOIN attempt_question a ON a.id = r.slot_id"
                )
            ).all()
            states = conn.execute(sa.text("SELECT id, flashcard_id FROM card_state")).all()
            assert questions == [
                (41, 3, "published", "gen-fill-overview-1"),
                (42, 5, "published", "gen-tf-overview-1"),
            ]
            assert cards == [(61, 5, "published")]
            assert [(i, bool(p)) for i, p in published] == [(3, True), (5, True)]
            assert history == [(13, 41)]
            assert states == [(15, 61)]
            # Keys are unique per article now: the other article may use the same key...
            conn.execute(
                sa.text(
                    "INSERT INTO question (id, article_id, key, claim_id, type, prompt, "
                    "choices, accepted, pairs, explanation, difficulty, origin, retired, status, "
                    "updated_at) "
                    "VALUES (43, 3, 'gen-tf-overview-1', 300, 'true_false', 'p', '[]', '[]', '[]', "
                    "'e', 2, 'generated', false, 'draft', :now)"
                ),
                {"now": NOW},
            )
            # ...but not twice in one article.
            with pytest.raises(sa.exc.IntegrityError):
                conn.execute(
                    sa.text(
                        "INSERT INTO question (id, article_id, key, claim_id, type, prompt, "
                        "choices, accepted, pairs, explanation, difficulty, origin, retired, "
                        "status, updated_at) VALUES (44, 3, 'gen-tf-overview-1', 300, "
                        "'true_false', 'p', '[]', '[]', '[]', 'e', 2, 'generated', false, "
                        "'draft', :now)"
                    ),
                    {"now": NOW},
                )
            conn.rollback()
