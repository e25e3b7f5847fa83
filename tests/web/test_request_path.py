"""Settings on every request's path that throughput depends on (bench/load.py)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa


def test_sqlite_connections_use_wal_without_waiting_for_the_disk(db):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite pragmas")
    with db.engine.connect() as conn:
        assert conn.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(sa.text("PRAGMA synchronous")).scalar() == 1  # NORMAL
        assert conn.execute(sa.text("PRAGMA foreign_keys")).scalar() == 1
