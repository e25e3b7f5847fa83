"""The dashboard's plan for a learner (goal, streak, cards due, missed questions, weakest topic),
kept per process and keyed by the learner's progress version.

Invalidated on write, by the database: ``user.progress_version`` is raised by triggers (see
migrations e3b7c2d41f08 and 7c41d9e2a6b0) at every insert, update or delete of the learner's
answers, quiz attempts, reviews, card states, fitted parameters and class memberships, in the
transaction that makes the change, whichever code made it (an answer, a submitted or discarded
quiz, a rating, an undo, a live game, joining a class, the nightly FSRS fit, a cascade). The
account row is loaded for every request anyway (its session generation is checked), so a kept
plan costs no statement at all, and a learner's own action shows at once, on every process and
server.

It replaced a fingerprint query (counts and latest times over the learner's rows): correct
too, but it counted the learner's whole history on every dashboard, which on PostgreSQL under
load cost more than the rest of the page.

The figures that move with the clock alone (a card falling due, an assignment's feedback
released at its due date, the day changing, a missed question ageing out) are bounded by the
entry's expiry: the next card's due moment or feedback release, the learner's next local day,
or ``PLAN_TTL``, whichever comes first. Others' changes (a teacher
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

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.time_zones import to_local
from quizapp.core.vocabulary import FeedbackTiming
from quizapp.models import CardState, QuizAttempt, User

PLAN_TTL = timedelta(seconds=60)
MAX_LEARNERS = 5_000


@dataclass(frozen=True)
class TopicRef:
    """What the dashboard shows of a topic; a plain value, safe to keep across requests."""

    id: int
    title: str
    position: int


# The next moment the plan changes with the clock alone: one of the learner's cards falls due,
# or a submitted assignment releases its feedback at its due date (its answers then count in
# the learner's figures: services.progress.outcome_shown). One statement, one round trip.
_NEXT_CARD_DUE = sa.select(sa.func.min(CardState.due).label("at")).where(
    CardState.user_id == sa.bindparam("user_id"), CardState.due > sa.bindparam("now")
)
_NEXT_FEEDBACK = sa.select(sa.func.min(QuizAttempt.feedback_after).label("at")).where(
    QuizAttempt.user_id == sa.bindparam("user_id"),
    QuizAttempt.submitted_at.is_not(None),
    QuizAttempt.feedback == FeedbackTiming.AFTER_DUE,
    QuizAttempt.feedback_after > sa.bindparam("now"),
)
_MOMENTS = sa.union_all(_NEXT_CARD_DUE, _NEXT_FEEDBACK).subquery()
NEXT_CHANGE = sa.select(sa.func.min(_MOMENTS.c.at))


def learner_key(user: User) -> tuple:
    """What a kept plan depends on, all of it on the account's row."""
    # created_at: an id a deleted account freed (SQLite reuses the highest) is another learner.
    return (
        user.created_at,
        user.progress_version,
        user.new_cards_per_day,
        user.daily_goal,
        user.desired_retention,
        user.time_zone,
    )


def next_change(session: Session, user: User, now: datetime) -> datetime | None:
    """The next moment one of the learner's cards falls due or one of their assignments shows
    its feedback (None if none will)."""
    return session.execute(NEXT_CHANGE, {"user_id": user.id, "now": now}).scalar()


def _expiry(now: datetime, zone: str, next_moment: datetime | None) -> datetime:
    local = to_local(now, zone)
    next_day = (local + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    until_local_midnight = next_day - local
    next_utc_day = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    moments = [now + PLAN_TTL, now + until_local_midnight, next_utc_day]
    if next_moment is not None:
        moments.append(next_moment)
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
    """Learners' plans in this process, the newest key only, at most ``MAX_LEARNERS``."""

    def __init__(self, max_learners: int = MAX_LEARNERS) -> None:
        self._entries: OrderedDict[int, tuple[tuple, datetime, dict]] = OrderedDict()
        self._lock = threading.Lock()
        self._max = max_learners

    def plan(
        self, session: Session, user: User, now: datetime, compute: Callable[[], dict]
    ) -> dict:
        """The learner's plan: kept if their data has not changed and it has not expired,
        else ``compute()``d. The key was read with the account, before anything else, so a
        write in between only makes the kept plan newer than its key, never older."""
        key = learner_key(user)
        with self._lock:
            entry = self._entries.get(user.id)
            if entry is not None and entry[0] == key and now < entry[1]:
                self._entries.move_to_end(user.id)
                return entry[2]
        expires = _expiry(now, user.time_zone, next_change(session, user, now))
        plan = _detached(compute())
        with self._lock:
            self._entries[user.id] = (key, expires, plan)
            self._entries.move_to_end(user.id)
            while len(self._entries) > self._max:
                self._entries.popitem(last=False)
        return plan
