"""The dashboard's plan for a learner (goal, streak, cards due, missed questions, weakest topic),
kept per process and keyed by a fingerprint of the learner's own data.

Why a fingerprint and not a version that writes bump: answers, ratings, undos, quiz discards,
live games, joining a class and the nightly FSRS fit all change a learner's progress, from many
places; one indexed query over the learner's rows (counts and latest times of answers and
reviews, card states, fitted parameters, classes) changes whenever any of them does, so a
learner's own action shows at once, on every process and server, with no invalidation to
forget. The figures that move with the clock alone (a card falling due, the day changing, a
missed question ageing out) are bounded by the entry's expiry: the next card's due moment, the
learner's next local day, or ``PLAN_TTL``, whichever comes first. Others' changes (a teacher
publishing cards or renaming a topic) show within ``PLAN_TTL``.

Per process, not in Redis: computing a plan costs a few milliseconds, about what fetching and
decoding it from Redis would, and each process computes a learner's plan once per change.
"""

from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.time_zones import to_local
from quizapp.models import CardState, Enrollment, FsrsParameters, Response, ReviewLog, User

PLAN_TTL = timedelta(seconds=60)
MAX_LEARNERS = 5_000


@dataclass(frozen=True)
class TopicRef:
    """What the dashboard shows of a topic; a plain value, safe to keep across requests."""

    id: int
    title: str
    position: int


def _fingerprint_statement() -> sa.Select:
    """One statement, built once: each part is an indexed lookup on the learner's rows."""
    user_id = sa.bindparam("user_id", type_=sa.Integer())
    now = sa.bindparam("now", type_=sa.DateTime())

    def scalar(column, model, *where, owner=None):
        owner = model.user_id if owner is None else owner
        return sa.select(column).where(owner == user_id, *where).scalar_subquery()

    return sa.select(
        scalar(sa.func.count(), Response),
        scalar(sa.func.max(Response.answered_at), Response),
        scalar(sa.func.count(), ReviewLog),
        scalar(sa.func.max(ReviewLog.reviewed_at), ReviewLog),
        scalar(sa.func.count(), CardState),
        scalar(sa.func.max(FsrsParameters.id), FsrsParameters),
        # Classes joined or left change the articles (and topics) the learner studies.
        scalar(sa.func.count(), Enrollment, owner=Enrollment.student_id),
        scalar(sa.func.max(Enrollment.id), Enrollment, owner=Enrollment.student_id),
        scalar(sa.func.min(CardState.due), CardState, CardState.due > now),
    )


FINGERPRINT = _fingerprint_statement()


def learner_fingerprint(session: Session, user: User, now: datetime) -> tuple[tuple, Any]:
    """What the plan depends on, and the next moment a card falls due (None if none)."""
    *data, next_due = session.execute(FINGERPRINT, {"user_id": user.id, "now": now}).one()
    # created_at: an id a deleted account freed (SQLite reuses the highest) is another learner.
    settings = (
        user.created_at,
        user.new_cards_per_day,
        user.daily_goal,
        user.desired_retention,
        user.time_zone,
    )
    return (*data, *settings), next_due


def _expiry(now: datetime, zone: str, next_due: Any) -> datetime:
    local = to_local(now, zone)
    next_day = (local + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    until_local_midnight = next_day - local
    next_utc_day = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    moments = [now + PLAN_TTL, now + until_local_midnight, next_utc_day]
    if isinstance(next_due, datetime):
        moments.append(next_due)
    elif isinstance(next_due, str):  # SQLite hands back a subquery's time as text
        moments.append(datetime.fromisoformat(next_due))
    return min(moments)


def _detached(plan: dict) -> dict:
    """The plan with its weakest topic as a plain value (no database object outlives its
    request)."""
    weakest = plan.get("weakest")
    if weakest is None:
        return dict(plan)
    topic = TopicRef(weakest.topic.id, weakest.topic.title, weakest.topic.position)
    return {**plan, "weakest": dataclasses.replace(weakest, topic=topic)}


class PlanCache:
    """Learners' plans in this process, newest fingerprint only, at most ``MAX_LEARNERS``."""

    def __init__(self, max_learners: int = MAX_LEARNERS) -> None:
        self._entries: OrderedDict[int, tuple[tuple, datetime, dict]] = OrderedDict()
        self._lock = threading.Lock()
        self._max = max_learners

    def plan(
        self, session: Session, user: User, now: datetime, compute: Callable[[], dict]
    ) -> dict:
        """The learner's plan: kept if their data has not changed and it has not expired,
        else ``compute()``d (after reading the fingerprint, so a write between the two only
        makes the kept plan newer than its key, never older)."""
        fingerprint, next_due = learner_fingerprint(session, user, now)
        with self._lock:
            entry = self._entries.get(user.id)
            if entry is not None and entry[0] == fingerprint and now < entry[1]:
                self._entries.move_to_end(user.id)
                return entry[2]
        plan = _detached(compute())
        expires = _expiry(now, user.time_zone, next_due)
        with self._lock:
            self._entries[user.id] = (fingerprint, expires, plan)
            self._entries.move_to_end(user.id)
            while len(self._entries) > self._max:
                self._entries.popitem(last=False)
        return plan
