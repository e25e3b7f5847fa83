"""Shared column helpers."""

from __future__ import annotations

# Views that stamp times import ``utcnow`` from here; it lives with the other time helpers in
# core.clock (models and services import it from there).
from quizapp.core.clock import utcnow

__all__ = ["utcnow"]
