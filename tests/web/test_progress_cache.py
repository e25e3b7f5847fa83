"""The dashboard's plan is kept per learner (services/progress_cache.py), and a learner never
sees it stale: every answer, rating, undo and class joined shows at once, on this app and on a
second app on the same database (another server)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import sqlalchemy as sa

from quizapp import create_app
from quizapp.models import Question, live
from quizapp.models.base import utcnow
from quizapp.services.progress_cache import PLAN_TTL, PlanCache, next_change
from tests.builders import enrol, make_assignment, make_class, make_set, take
from tests.web.test_quiz import _right_answer, _start
from tests.web.test_review_progress import _save_a_wrong_answer


def _today(client) -> tuple[str, str]:
    """The dashboard's goal line and its cards line ("N flashcards due, M new ...")."""
    page = client.get("/study").get_data(as_text=True)
    goal = re.search(r"<strong>(\d+ / \d+)</strong>", page)[1]
    cards = re.search(r"<li>(\d+ flashcards? due, \d+ new available today)</li>", page)[1]
    return goal, cards


def test_each_answer_and_rating_shows_on_the_dashboard_at_once(client, db, make_student, login):
    login(client, make_student())
    assert _today(client)[0] == "0 / 20"
    assert _today(client)[0] == "0 / 20"  # now kept
    attempt = _start(client, db, length=5)
    for done, slot in enumerate(attempt.questions[:3], start=1):
        client.post(f"/quiz/{attempt.id}/{slot.position}", data=_right_answer(slot))
        assert _today(client)[0] == f"{done} / 20"
    # Answering the same question again changes no count, but its time: still shown at once.
    first = attempt.questions[0]
    client.post(f"/quiz/{attempt.id}/{first.position}", data=_right_answer(first))
    assert _today(client)[0] == "3 / 20"
    new_before = _today(client)[1]
    card_id = int(re.search(r'data-card="(\d+)"', client.get("/cards").get_data(as_text=True))[1])
    client.post("/cards/rate", data={"flashcard_id": card_id, "rating": "1"})
    goal, cards = _today(client)
    assert goal == "4 / 20" and cards != new_before
    client.post("/cards/undo")
    assert _today(client) == ("3 / 20", new_before)


def test_a_second_server_on_the_same_database_never_shows_a_stale_plan(
    app, client, db, make_student, login
):
    other = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": app.config["SECRET_KEY"],
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_STORAGE_URI": "memory://",
        }
    )
    assert other.extensions["plan_cache"] is not app.extensions["plan_cache"]
    learner = make_student()
    login(client, learner)
    # The session cookie works on both servers (same SECRET_KEY), as behind a load balancer.
    second = other.test_client()
    login(second, learner)
    assert _today(second)[0] == "0 / 20"  # kept by the second server
    attempt = _start(client, db, length=5)
    slot = attempt.questions[0]
    client.post(f"/quiz/{attempt.id}/{slot.position}", data=_right_answer(slot))
    assert _today(client)[0] == "1 / 20"
    assert _today(second)[0] == "1 / 20", "the second server showed its kept plan"


class _Learner:
    """Enough of a User for the cache: an id, settings, a zone."""

    id = 7
    created_at = datetime(2026, 1, 1)
    progress_version = 3
    new_cards_per_day = 20
    daily_goal = 20
    desired_retention = 0.9
    time_zone = "UTC"


class _Session:
    """Answers the next-due query with a fixed moment."""

    def __init__(self, next_due) -> None:
        self.next_due = next_due

    def execute(self, *_args):
        return self

    def scalar(self):
        return self.next_due


def test_a_kept_plan_expires_when_a_card_falls_due_or_after_the_ttl():
    cache, calls = PlanCache(), []
    now = datetime(2026, 11, 25, 12, 0)
    session = _Session(next_due=now + timedelta(seconds=10))

    def compute():
        calls.append(1)
        return {"done_today": len(calls)}

    assert cache.plan(session, _Learner(), now, compute) == {"done_today": 1}
    assert cache.plan(session, _Learner(), now + timedelta(seconds=9), compute)["done_today"] == 1
    # The card fell due: its count changes with no write, so the plan is computed again.
    assert cache.plan(session, _Learner(), now + timedelta(seconds=10), compute)["done_today"] == 2
    session, learner = _Session(next_due=None), _Learner()
    learner.progress_version += 1  # the database raised it: a write
    later = now + timedelta(seconds=20)
    assert cache.plan(session, learner, later, compute)["done_today"] == 3
    assert cache.plan(session, learner, later + PLAN_TTL / 2, compute)["done_today"] == 3
    assert cache.plan(session, learner, later + PLAN_TTL, compute)["done_today"] == 4
    # Local midnight comes before the TTL: a new day, a new "done today".
    before_midnight = datetime(2026, 11, 25, 23, 59, 50)
    assert cache.plan(session, learner, before_midnight, compute)["done_today"] == 5
    midnight = datetime(2026, 11, 26, 0, 0)
    assert cache.plan(session, learner, midnight, compute)["done_today"] == 6


def test_the_review_page_shares_the_kept_plan_and_never_shows_it_stale(
    client, db, make_student, login
):
    login(client, make_student())

    def goal() -> str:
        page = client.get("/review").get_data(as_text=True)
        return re.search(r"Daily goal: <strong>(\d+ / \d+)</strong>", page)[1]

    assert goal() == "0 / 20"
    assert _today(client)[0] == "0 / 20"  # the dashboard reads the plan the review page kept
    attempt = _start(client, db, length=5)
    slot = attempt.questions[0]
    client.post(f"/quiz/{attempt.id}/{slot.position}", data=_right_answer(slot))
    assert goal() == "1 / 20"


def test_a_submitted_quiz_shows_its_answers_on_the_kept_plan_at_once(
    client, db, make_student, login
):
    """Answers only saved count once their quiz is submitted, a write to the attempt alone."""
    login(client, make_student())
    attempt, _wrong = _save_a_wrong_answer(client, db)
    assert "0 questions you got wrong" in client.get("/review").get_data(as_text=True)  # kept
    client.post(f"/quiz/{attempt.id}/submit")
    assert "1 question you got wrong" in client.get("/review").get_data(as_text=True)


def test_a_kept_plan_expires_when_an_assignment_releases_its_feedback(
    db, make_student, make_teacher
):
    student, teacher = make_student(), make_teacher()
    school_class = make_class(db, teacher)
    enrol(db, school_class, student)
    question = db.session.scalars(
        sa.select(Question).where(live(Question), Question.origin != "teacher").limit(1)
    ).one()
    now = utcnow()
    due = now + timedelta(seconds=30)  # sooner than the plan's TTL
    quiz_set = make_set(db, teacher, [question], feedback="after_due")
    take(db, make_assignment(db, quiz_set, [school_class], due_at=due), student, [False], now=now)
    assert next_change(db.session, student, now) == due
    cache = PlanCache()
    cache.plan(db.session, student, now, lambda: {"computed": 1})
    # Until the due date, the kept plan; at it, computed again with the released answer.
    assert cache.plan(db.session, student, due - timedelta(seconds=1), lambda: {"computed": 2}) == {
        "computed": 1
    }
    assert cache.plan(db.session, student, due, lambda: {"computed": 3}) == {"computed": 3}
