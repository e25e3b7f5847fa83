"""PostgreSQL connections: reads send no BEGIN, a write opens a transaction that stays atomic,
row locks are held, and a connection the server closed is replaced before a request uses it."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from quizapp.models import User
from quizapp.postgres_connections import needs_transaction
from tests.builders import make_user


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("SELECT 1", False),
        ("  select id from question where id = 1", False),
        ("SELECT id FROM card_state WHERE id = 1 FOR UPDATE", True),
        ("SELECT id FROM card_state FOR NO KEY UPDATE", True),
        ("SELECT id FROM card_state FOR SHARE SKIP LOCKED", True),
        ("SELECT 'FOR UPDATE' AS label", True),  # cautious: a needless BEGIN costs little
        ("INSERT INTO response (answer) VALUES ('x')", True),
        ("UPDATE card_state SET due = now()", True),
        ("DELETE FROM response", True),
        ("WITH gone AS (DELETE FROM response RETURNING id) SELECT count(*) FROM gone", True),
        ("SAVEPOINT sa_savepoint_1", True),
        ("CREATE INDEX ix_a ON response (answered_at)", True),
        # PostgreSQL refuses these inside a transaction block.
        ("VACUUM ANALYZE", False),
        ("vacuum (verbose) response", False),
        ("CREATE INDEX CONCURRENTLY ix_a ON response (answered_at)", False),
        ("DROP DATABASE scratch", False),
    ],
)
def test_which_statements_open_a_transaction(statement, expected):
    assert needs_transaction(statement) is expected


@pytest.fixture
def postgres(db):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only (TEST_DATABASE_URL)")
    return db


def _account(email: str) -> User:
    user = User(email=email, display_name=email.split("@")[0], role="student")
    user.set_password("a long enough password")
    return user


def _server_status(db) -> str:
    return db.session.connection().connection.dbapi_connection.info.transaction_status.name


def test_reads_run_outside_a_transaction_and_a_write_opens_one(postgres):
    db = postgres
    db.session.execute(sa.select(User.id)).all()
    assert _server_status(db) == "IDLE"  # no BEGIN was sent, so no ROLLBACK is owed
    db.session.add(_account("reader@example.org"))
    db.session.flush()
    assert _server_status(db) == "INTRANS"
    db.session.commit()
    assert _server_status(db) == "IDLE"


def test_a_request_that_fails_half_way_writes_nothing(postgres):
    db = postgres
    before = db.session.scalar(sa.select(sa.func.count(User.id)))
    db.session.add(_account("first@example.org"))
    db.session.flush()
    db.session.add(_account("first@example.org"))
    with pytest.raises(sa.exc.IntegrityError):
        db.session.flush()  # the same email twice: the second insert fails
    db.session.rollback()
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == before


def test_a_locking_read_holds_its_lock_until_commit(postgres, app):
    db = postgres
    user = make_user(db.session, "student")
    db.session.execute(sa.select(User).where(User.id == user.id).with_for_update()).one()
    assert _server_status(db) == "INTRANS"
    # Another connection cannot take the row meanwhile.
    with db.engine.connect() as other:
        other.exec_driver_sql("SET lock_timeout = '100ms'")
        with pytest.raises(sa.exc.OperationalError, match="lock"):
            other.execute(sa.select(User.id).where(User.id == user.id).with_for_update())
        other.rollback()
    db.session.commit()


def test_a_connection_the_server_closed_is_replaced_before_use(postgres):
    db = postgres
    engine = db.engine
    engine.dispose()
    pid = "SELECT pg_backend_pid()"
    victim_connection, killer = engine.connect(), engine.connect()
    victim = victim_connection.exec_driver_sql(pid).scalar()
    victim_connection.close()  # back in the pool, idle; the server now ends it
    # With a timeout it returns once the process has ended (else it only signals it).
    killer.exec_driver_sql(f"SELECT pg_terminate_backend({int(victim)}, 5000)")
    killer.close()
    # The pool hands out its oldest idle connection first: the victim, without the check.
    with engine.connect() as first, engine.connect() as second:
        pids = {first.exec_driver_sql(pid).scalar(), second.exec_driver_sql(pid).scalar()}
    assert victim not in pids


def test_maintenance_that_refuses_a_transaction_still_runs(postgres):
    with postgres.engine.connect() as conn:
        conn.exec_driver_sql("VACUUM ANALYZE card_state")  # would fail inside BEGIN
