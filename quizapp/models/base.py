"""Shared column helpers."""

from __future__ import annotations

# Views that stamp times import ``utcnow`` from here; it lives with the other time helpers in
# core.clock (models and services import it from there).
from quizapp.core.clock import utcnow

__all__ = ["MAX_ID", "utcnow"]

# Ids are 32-bit integer columns (PostgreSQL's integer); a larger number names nothing, and
# SQLite's driver would overflow on it.
MAX_ID = 2**31 - 1
