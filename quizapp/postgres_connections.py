"""PostgreSQL connections with as few round trips per request as correctness allows.

Under load a request's round trips, not its SQL, were the cost: a sync worker waits for every
one, and the database server's process has to be scheduled on the same cores to answer it.
A read-only page used to send six (pool pre-ping, BEGIN, three SELECTs, ROLLBACK); now it
sends three.

- **No BEGIN for reads.** Connections run in autocommit, and a transaction opens, with an
  explicit ``BEGIN``, just before the first statement that is not a plain ``SELECT`` (any
  write, ``SELECT … FOR UPDATE``, a savepoint). Reads before it are what they were inside a
  READ COMMITTED transaction (PostgreSQL's default): each statement sees its own snapshot.
  ``commit()`` and ``rollback()`` then end that transaction; psycopg sends ``COMMIT`` or
  ``ROLLBACK`` only when the server says a transaction is open, so a read-only request ends
  with no round trip at all. A write and everything after it in the request stay atomic.
- **No BEGIN for a write that is a whole transaction.** A statement run with the
  ``SINGLE_STATEMENT`` execution options (a card rating's two writes in one statement) is
  atomic on its own, triggers included; outside a transaction it commits by itself, with no
  ``BEGIN`` before it and no ``COMMIT`` after.
- **No BEGIN for a commit that writes one row.** When a commit's only change is one object
  whose write is one statement (an autosaved answer changed, say: an ``UPDATE`` of one row
  with its triggers), it is flushed alone, with no ``BEGIN`` and no ``COMMIT``: the statement is
  atomic by itself and committed, fsync included, before the commit returns, as it would have
  been inside a transaction. Anything more (a second object, a delete and its cascades, a
  relationship's rows, a write earlier in the request) keeps the transaction.
- **No ping.** Instead of ``pool_pre_ping``'s round trip, a connection leaving the pool is
  checked for readable data on its socket: an idle connection has none, while a server that
  ended it (a restart, ``pg_terminate_backend``) has sent its error and closed. Such a
  connection is replaced before the request uses it, so only requests in flight fail.
"""

from __future__ import annotations

import re
import select
from typing import Any

import sqlalchemy as sa
from psycopg.pq import TransactionStatus
from sqlalchemy.orm import Session

# A SELECT that takes row locks needs the transaction that holds them.
_LOCKING_READ = re.compile(r"\bFOR\s+(UPDATE|SHARE|NO\s+KEY\s+UPDATE|KEY\s+SHARE)\b", re.I)
# Commands PostgreSQL refuses inside a transaction block (maintenance from a script).
_NO_TRANSACTION = re.compile(
    r"^\s*(VACUUM|CHECKPOINT|ALTER\s+SYSTEM|(CREATE|DROP)\s+(DATABASE|TABLESPACE)"
    r"|(CREATE|DROP|REINDEX)\b[^;]*\bCONCURRENTLY\b)",
    re.I,
)


# Execution options for a write that is all its request writes: no BEGIN before it.
_SINGLE_STATEMENT_OPTION = "single_statement_transaction"
SINGLE_STATEMENT = {_SINGLE_STATEMENT_OPTION: True}
# Set on a connection while a commit's one write is flushed: that write is sent with no BEGIN.
_ONE_WRITE_COMMIT = "one_write_commit"


def engine_options(options: dict[str, Any]) -> dict[str, Any]:
    """The engine settings for PostgreSQL: autocommit, and no pre-ping (see above)."""
    return {**options, "isolation_level": "AUTOCOMMIT", "pool_pre_ping": False}


def needs_transaction(statement: str) -> bool:
    head = statement.lstrip()[:6].upper()
    if head == "SELECT":
        return _LOCKING_READ.search(statement) is not None
    return _NO_TRANSACTION.match(statement) is None


def server_closed(dbapi_connection: Any) -> bool:
    """True if an idle connection has data waiting: the server's goodbye, or its close."""
    poller = select.poll()
    poller.register(dbapi_connection.fileno(), select.POLLIN | select.POLLERR | select.POLLHUP)
    return bool(poller.poll(0))


def install(engine: sa.Engine) -> None:
    """Hooks the lazy BEGIN and the liveness check onto ``engine``."""

    @sa.event.listens_for(engine, "before_cursor_execute")
    def _begin_before_first_write(conn, _cursor, statement, _params, context, _many) -> None:
        if context.execution_options.get(_SINGLE_STATEMENT_OPTION):
            return  # inside an open transaction it stays in it; outside, it commits alone
        dbapi_connection = conn.connection.dbapi_connection
        idle = dbapi_connection.pgconn.transaction_status == TransactionStatus.IDLE
        # Only on connections left in autocommit: an explicit isolation level (a migration
        # run, say) means a transaction psycopg opens by itself.
        if idle and dbapi_connection.autocommit and needs_transaction(statement):
            if conn.info.pop(_ONE_WRITE_COMMIT, False):
                return  # a commit's only write: it commits by itself (a second one would not)
            dbapi_connection.execute("BEGIN")

    @sa.event.listens_for(engine, "checkout")
    def _replace_closed(dbapi_connection, _record, _proxy) -> None:
        if dbapi_connection.closed or server_closed(dbapi_connection):
            # The pool discards this connection and checks out (or opens) another.
            raise sa.exc.DisconnectionError("the database server closed this connection")


def install_session(session: Any) -> None:
    """Hooks the one-write commit onto ``session`` (a session class, factory or scoped
    session); its sessions on other databases are left alone."""
    if not sa.event.contains(session, "before_commit", _flush_one_write_alone):
        sa.event.listen(session, "before_commit", _flush_one_write_alone)


def _flush_one_write_alone(session: Session) -> None:
    """Before a commit whose only change is one row written by one statement, flush it with no
    BEGIN (see the module's docstring); the commit then has nothing left to send."""
    changed = [*session.new, *session.dirty]
    if session.deleted or len(changed) != 1 or not one_statement_write(changed[0]):
        return
    if session.get_bind().dialect.name != "postgresql":
        return
    connection = session.connection()
    dbapi_connection = connection.connection.dbapi_connection
    idle = dbapi_connection.pgconn.transaction_status == TransactionStatus.IDLE
    if not (idle and dbapi_connection.autocommit):
        return  # a transaction is open already: the write joins it
    connection.info[_ONE_WRITE_COMMIT] = True
    try:
        session.flush()
    finally:
        connection.info.pop(_ONE_WRITE_COMMIT, None)


def one_statement_write(instance: object) -> bool:
    """Whether flushing ``instance`` alone is one statement: one table, and only its columns
    changed (a changed relationship can mean another row, or a row of an association table)."""
    state = sa.inspect(instance)
    mapper = state.mapper
    if len(mapper.tables) != 1:
        return False
    return not any(
        relationship.post_update or state.attrs[relationship.key].history.has_changes()
        for relationship in mapper.relationships
    )
