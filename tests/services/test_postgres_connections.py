"""PostgreSQL connections: reads send no BEGIN, a write opens a transaction that stays atomic,
a commit of one row is one round trip, row locks are held, and a connection the server closed
is replaced before a request uses it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import sqlalchemy as sa

from quizapp.models import Response, User
from quizapp.postgres_connections import needs_transaction, one_statement_write
from quizapp.services.quizzes import create_attempt
from tests.builders import correct_answer, make_user, seeded_questions, wrong_answer


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


def _sent_round_trips(path) -> int:
    """One query, or one Sync of the extended protocol, per round trip (libpq's trace)."""
    sent = [line.split("\t") for line in open(path).read().splitlines()]
    return sum(1 for m in sent if len(m) > 3 and m[1] == "F" and m[3] in ("Sync", "Query"))


@contextmanager
def round_trips(engine, tmp_path, *held) -> Iterator[list[int]]:
    """The round trips of each connection checked out meanwhile, and of ``held`` ones (DBAPI
    connections already checked out), read from libpq's trace of the messages sent."""
    counted: list[int] = []
    traces = []

    def trace(dbapi_connection, *_args) -> None:
        out = open(tmp_path / f"trace-{len(traces)}", "w")  # noqa: SIM115 (closed below)
        traces.append((dbapi_connection, out))
        dbapi_connection.pgconn.trace(out.fileno())

    for dbapi_connection in held:
        trace(dbapi_connection)
    sa.event.listen(engine, "checkout", trace)
    try:
        yield counted
    finally:
        sa.event.remove(engine, "checkout", trace)
        for dbapi_connection, out in traces:
            dbapi_connection.pgconn.untrace()
            out.close()
            counted.append(_sent_round_trips(out.name))


def test_a_commit_of_one_changed_row_is_one_round_trip(postgres, tmp_path):
    db = postgres
    user_id = make_user(db.session, "student").id
    renamed = db.session.get(User, user_id)  # read, as a request would, before changing it
    renamed.display_name = "Renamed"
    held = db.session.connection().connection.dbapi_connection
    with round_trips(db.engine, tmp_path, held) as counted:
        db.session.commit()
    # The UPDATE alone, committed by itself: no BEGIN before it, no COMMIT after it.
    assert counted == [1]
    with db.engine.connect() as other:
        stored = other.scalar(sa.select(User.display_name).where(User.id == user_id))
    assert stored == "Renamed"


def test_a_commit_of_two_rows_stays_one_transaction(postgres):
    db = postgres
    taken = make_user(db.session, "student").email
    before = db.session.scalar(sa.select(sa.func.count(User.id)))
    db.session.add(_account("new@example.org"))
    db.session.add(_account(taken))  # refused: so the other insert must not stay
    with pytest.raises(sa.exc.IntegrityError):
        db.session.commit()
    db.session.rollback()
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == before


def test_a_refused_one_row_commit_writes_nothing_and_the_session_goes_on(postgres):
    db = postgres
    taken = make_user(db.session, "student").email
    before = db.session.scalar(sa.select(sa.func.count(User.id)))
    db.session.add(_account(taken))
    with pytest.raises(sa.exc.IntegrityError):
        db.session.commit()
    db.session.rollback()
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == before
    assert _server_status(db) == "IDLE"


def test_a_row_with_a_changed_relationship_is_not_written_alone(postgres, make_student):
    db = postgres
    learner = make_student()
    question = seeded_questions(db, 1, qtype="single_choice")[0]
    attempt = create_attempt(db.session, learner.id, [question])
    db.session.commit()
    learner.display_name = "Renamed"
    assert one_statement_write(learner)
    # A first answer set through its slot: the slot's side is written with it.
    answer = Response(
        slot=attempt.questions[0], user_id=learner.id, question_id=question.id, answer="x"
    )
    assert not one_statement_write(answer)
    db.session.rollback()


def test_changing_a_saved_answer_costs_three_round_trips(
    postgres, client, make_student, login, tmp_path
):
    """The autosave of a changed answer, a hot write: the user, the question screen, and the
    answer's UPDATE committed by itself (it was five: BEGIN and COMMIT around the UPDATE)."""
    db = postgres
    learner = make_student()
    login(client, learner)
    question = seeded_questions(db, 1, qtype="single_choice")[0]
    first, second = correct_answer(question), wrong_answer(question)
    attempt = create_attempt(db.session, learner.id, [question])
    db.session.commit()
    url = f"/quiz/{attempt.id}/1"
    json = {"Accept": "application/json"}
    assert client.post(url, data={"answer": first}, headers=json).status_code == 200
    with round_trips(db.engine, tmp_path) as counted:
        saved = client.post(url, data={"answer": second}, headers=json)
    assert saved.status_code == 200 and saved.get_json()["saved"] is True
    assert counted == [3]
    db.session.expire_all()
    stored = db.session.scalar(sa.select(Response).filter_by(user_id=learner.id))
    assert stored.answer == second and stored.correct is False
