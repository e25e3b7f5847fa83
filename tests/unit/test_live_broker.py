"""Fan-out of live game events: within one process, and across processes through Redis."""

from __future__ import annotations

import os
import queue
import uuid

import pytest

from quizapp.live.broker import LocalBroker, RedisBroker, Subscription

STATE = {"public": {"type": "state"}, "host": {}, "personal": {}}
COUNT = {"audience": "host", "host": {"type": "answered", "answered": 1}}


def test_events_reach_the_screens_of_their_game_and_host_counts_only_the_host():
    broker = LocalBroker()
    host, player = Subscription(1, "host", None), Subscription(1, "player", 7)
    elsewhere = Subscription(2, "player", 8)
    for subscription in (host, player, elsewhere):
        broker.subscribe(subscription)
    broker.publish(1, STATE)
    broker.publish(1, COUNT)
    assert host.events.get_nowait() == STATE and host.events.get_nowait() == COUNT
    assert player.events.get_nowait() == STATE and player.events.empty()
    assert elsewhere.events.empty()
    broker.unsubscribe(player)
    broker.publish(1, STATE)
    assert player.events.empty()


@pytest.mark.skipif(
    not os.environ.get("TEST_REDIS_URL"),
    reason="set TEST_REDIS_URL (e.g. redis://127.0.0.1:6379/2) to run",
)
def test_an_event_published_in_one_process_reaches_screens_in_another():
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    url = os.environ["TEST_REDIS_URL"]
    process_a, process_b = RedisBroker(url, prefix, 1.0), RedisBroker(url, prefix, 1.0)
    player_on_b = Subscription(5, "player", 1)
    process_b.subscribe(player_on_b)
    process_a.publish(5, STATE)
    assert player_on_b.events.get(timeout=5) == STATE
    with pytest.raises(queue.Empty):
        player_on_b.events.get(timeout=0.2)
