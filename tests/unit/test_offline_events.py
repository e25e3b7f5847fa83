"""Reading an offline queue: every event checked before any is applied, then time order."""

from __future__ import annotations

import pytest

from quizapp.core.errors import InputError
from quizapp.core.offline_events import EARLIEST_MS, in_time_order, read_queue

NOW = EARLIEST_MS + 10**10


def _event(key: str, at: int, kind: str = "rating", **extra) -> dict:
    base = {"key": key, "kind": kind, "at": at}
    if kind == "rating":
        base |= {"card": 1, "rating": 3}
    else:
        base |= {"attempt": 7}
    if kind == "answer":
        base |= {"position": 1, "fields": [["answer", "x"]]}
    return base | extra


def test_a_queue_reads_in_time_order_with_a_quiz_end_after_its_answers():
    events = read_queue(
        {
            "events": [
                _event("finish-1", NOW, "finish"),
                _event("answer-1", NOW, "answer"),
                _event("rating-2", NOW - 5),
                _event("rating-1", NOW - 9),
            ]
        },
        NOW,
    )
    assert [e.key for e in in_time_order(events)] == [
        "rating-1",
        "rating-2",
        "answer-1",
        "finish-1",
    ]
    answer = next(e for e in events if e.kind == "answer")
    assert answer.fields == (("answer", "x"),)


@pytest.mark.parametrize(
    ("queue", "message"),
    [
        ({"events": [_event("short", NOW)]}, "key"),
        ({"events": [_event("rating-1", NOW, rating=5)]}, "rating"),
        ({"events": [_event("rating-1", NOW, rating=True)]}, "rating"),
        ({"events": [_event("rating-1", NOW + 60 * 60 * 1000)]}, "at"),
        ({"events": [_event("rating-1", EARLIEST_MS - 1)]}, "at"),
        ({"events": [_event("rating-1", NOW, kind="undo")]}, "kind"),
        ({"events": [_event("answer-1", NOW, "answer", fields=[["answer"]])]}, "pair"),
        ({"events": [_event("answer-1", NOW, "answer", fields=[["a", "\x00"]])]}, "pair"),
        ({"events": [_event("rating-1", NOW), _event("rating-1", NOW)]}, "same key"),
        ({"events": "all"}, "JSON"),
        (None, "JSON"),
    ],
)
def test_a_bad_event_refuses_the_queue_and_says_which(queue, message):
    with pytest.raises(InputError, match=message):
        read_queue(queue, NOW)
