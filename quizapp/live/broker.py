"""Fan-out of game events to the screens connected to this process, and across processes.

In one process (``flask run``, the embedded default) events go straight to the local
subscribers. With ``REDIS_URL`` set, every publish goes through a Redis channel per game and
one listener thread per process hands what arrives to its local subscribers, so a host on one
gunicorn worker reaches players on another.
"""

from __future__ import annotations

import json
import logging
import queue
import threading
import time
from collections import defaultdict
from typing import Any

log = logging.getLogger(__name__)


class Subscription:
    """One connected screen: the host's (``player_id`` None) or a player's."""

    def __init__(self, game_id: int, role: str, player_id: int | None) -> None:
        self.game_id, self.role, self.player_id = game_id, role, player_id
        self.events: queue.SimpleQueue[dict[str, Any]] = queue.SimpleQueue()


class LocalBroker:
    """Subscribers of this process, by game."""

    def __init__(self) -> None:
        self._subscribers: dict[int, set[Subscription]] = defaultdict(set)
        self._lock = threading.Lock()

    def subscribe(self, subscription: Subscription) -> None:
        with self._lock:
            self._subscribers[subscription.game_id].add(subscription)

    def unsubscribe(self, subscription: Subscription) -> None:
        with self._lock:
            subscribers = self._subscribers.get(subscription.game_id)
            if subscribers is not None:
                subscribers.discard(subscription)
                if not subscribers:
                    del self._subscribers[subscription.game_id]

    def publish(self, game_id: int, event: dict[str, Any]) -> None:
        self.deliver(game_id, event)

    def deliver(self, game_id: int, event: dict[str, Any]) -> None:
        # A host-only event (each answer's count) wakes the host's socket alone, not the
        # room's: 300 answers must not wake 300 phone threads each.
        host_only = event.get("audience") == "host"
        with self._lock:
            targets = [
                s for s in self._subscribers.get(game_id, ()) if not host_only or s.role == "host"
            ]
        for subscription in targets:
            subscription.events.put(event)


class RedisBroker(LocalBroker):
    """Publishes through Redis; a listener thread per process delivers to local subscribers."""

    def __init__(self, url: str, prefix: str, timeout_seconds: float) -> None:
        super().__init__()
        self._url, self._prefix, self._timeout = url, prefix, timeout_seconds
        self._redis = None
        self._listener: threading.Thread | None = None
        self._start_lock = threading.Lock()

    def _client(self):
        if self._redis is None:
            import redis

            # Bounded connect and reply: a dead Redis costs a publish milliseconds, not the
            # seconds a request (and the screens waiting on it) would otherwise hang.
            self._redis = redis.Redis.from_url(
                self._url, socket_connect_timeout=self._timeout, socket_timeout=self._timeout
            )
        return self._redis

    def _listening_client(self):
        import redis

        # The listener waits for messages as long as a game is quiet: no reply timeout.
        return redis.Redis.from_url(self._url, socket_connect_timeout=self._timeout)

    def channel(self, game_id: int) -> str:
        return f"{self._prefix}:live:game:{game_id}"

    def subscribe(self, subscription: Subscription) -> None:
        self._ensure_listener()
        super().subscribe(subscription)

    def publish(self, game_id: int, event: dict[str, Any]) -> None:
        """Publishing follows a commit: the action is saved, so a Redis that is down or slow
        is logged, never raised; the screens catch up from the next event or a reload."""
        try:
            self._client().publish(self.channel(game_id), json.dumps(event))
        except Exception:  # any failure of the broker; the saved action stands
            log.warning(
                "live game %s: Redis did not take the event; screens may lag",
                game_id,
                exc_info=True,
            )

    def _ensure_listener(self) -> None:
        # Started on first use, inside the worker process (threads do not survive a fork).
        with self._start_lock:
            if self._listener is None or not self._listener.is_alive():
                ready = threading.Event()
                self._listener = threading.Thread(
                    target=self._listen, args=(ready,), name="live-redis-listener", daemon=True
                )
                self._listener.start()
                ready.wait(timeout=5)

    def _listen(self, ready: threading.Event) -> None:
        pattern = self.channel(0)[:-1] + "*"
        while True:
            try:
                pubsub = self._listening_client().pubsub(ignore_subscribe_messages=True)
                pubsub.psubscribe(pattern)
                pubsub.get_message(timeout=1.0)  # the subscribe confirmation
                ready.set()
                for message in pubsub.listen():
                    if message.get("type") != "pmessage":
                        continue
                    game_id = int(message["channel"].decode().rsplit(":", 1)[1])
                    self.deliver(game_id, json.loads(message["data"]))
            except Exception:  # a Redis restart must not end live games for good
                log.exception("live game listener lost Redis; reconnecting")
                ready.set()
                time.sleep(1.0)


def make_broker(redis_url: str | None, prefix: str, timeout_seconds: float = 1.0) -> LocalBroker:
    if redis_url:
        return RedisBroker(redis_url, prefix, timeout_seconds)
    return LocalBroker()
