"""The events an offline study page queues, read from a sync request's JSON.

A queue is a list of objects, each with a random idempotency ``key``, a ``kind`` and the
learner's real time ``at`` (epoch milliseconds):

- ``rating``: ``card`` (a flashcard id), ``rating`` 1-4, optional ``duration_ms``;
- ``answer``: ``attempt`` and ``position`` (a question of a practice attempt) and ``fields``,
  the answer form's ``[name, value]`` pairs, read by the question's kind as a posted form is;
- ``finish``: ``attempt``, submitted at ``at``.

Anything else is refused with an :class:`InputError` naming the event, before anything is
applied: a sync is taken whole or not at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from quizapp.core.errors import InputError

MAX_EVENTS = 2000  # a long weekend of study; a bigger queue syncs in several requests
MAX_FIELDS = 64  # a matching question's rows, at most
MAX_FIELD_CHARS = 4000
KINDS = ("rating", "answer", "finish")
_KEY = re.compile(r"[A-Za-z0-9_-]{8,64}")
EARLIEST_MS = 1_577_836_800_000  # 2020-01-01: no queue is older than the app
CLOCK_SKEW_MS = 10 * 60 * 1000  # a phone's clock may run a few minutes fast, not more
MAX_ID = 2**31 - 1


@dataclass(frozen=True)
class QueuedEvent:
    key: str
    kind: str
    at_ms: int
    card: int | None = None
    rating: int | None = None
    duration_ms: int | None = None
    attempt: int | None = None
    position: int | None = None
    fields: tuple[tuple[str, str], ...] = ()


def _int(raw: dict, name: str, low: int, high: int, where: str, optional: bool = False):
    value = raw.get(name)
    if value is None and optional:
        return None
    # bool is an int to Python; true is no card id.
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise InputError(f"{where}: “{name}” must be a whole number from {low} to {high}.")
    return value


def _fields(raw: Any, where: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(raw, list) or len(raw) > MAX_FIELDS:
        raise InputError(f"{where}: “fields” must be a list of at most {MAX_FIELDS} pairs.")
    pairs = []
    for pair in raw:
        if (
            not isinstance(pair, list)
            or len(pair) != 2
            or not all(isinstance(part, str) and len(part) <= MAX_FIELD_CHARS for part in pair)
            or "\x00" in pair[0] + pair[1]
        ):
            raise InputError(f"{where}: each answer field must be a [name, value] pair of text.")
        pairs.append((pair[0], pair[1]))
    return tuple(pairs)


def read_event(raw: Any, index: int, now_ms: int) -> QueuedEvent:
    """One queued event, checked; ``index`` names it in the message."""
    where = f"Event {index + 1}"
    if not isinstance(raw, dict):
        raise InputError(f"{where} is not an object.")
    key, kind = raw.get("key"), raw.get("kind")
    if not isinstance(key, str) or not _KEY.fullmatch(key):
        raise InputError(f"{where}: its key must be 8 to 64 letters, digits, - or _.")
    if kind not in KINDS:
        raise InputError(f"{where}: its kind must be one of {', '.join(KINDS)}.")
    at_ms = _int(raw, "at", EARLIEST_MS, now_ms + CLOCK_SKEW_MS, where)
    if kind == "rating":
        return QueuedEvent(
            key,
            kind,
            at_ms,
            card=_int(raw, "card", 1, MAX_ID, where),
            rating=_int(raw, "rating", 1, 4, where),
            duration_ms=_int(raw, "duration_ms", 0, MAX_ID, where, optional=True),
        )
    attempt = _int(raw, "attempt", 1, MAX_ID, where)
    if kind == "finish":
        return QueuedEvent(key, kind, at_ms, attempt=attempt)
    position = _int(raw, "position", 1, 1000, where)
    return QueuedEvent(
        key,
        kind,
        at_ms,
        attempt=attempt,
        position=position,
        fields=_fields(raw.get("fields"), where),
    )


def read_queue(payload: Any, now_ms: int) -> list[QueuedEvent]:
    """The events of a sync request (``{"events": [...]}``), each checked, keys unique."""
    if not isinstance(payload, dict) or not isinstance(payload.get("events"), list):
        raise InputError('Send the queue as JSON: {"events": [...]}.')
    raw_events = payload["events"]
    if len(raw_events) > MAX_EVENTS:
        raise InputError(f"Send at most {MAX_EVENTS} events at a time.")
    events = [read_event(raw, index, now_ms) for index, raw in enumerate(raw_events)]
    keys = [event.key for event in events]
    if len(set(keys)) != len(keys):
        raise InputError("Two events of the queue have the same key.")
    return events


def in_time_order(events: list[QueuedEvent]) -> list[QueuedEvent]:
    """As they happened: by time, a quiz's end after its answers given at the same moment, and
    otherwise in the queue's order (a stable sort)."""
    return sorted(events, key=lambda event: (event.at_ms, event.kind == "finish"))
