"""What a live game tells whom, and when; typed answers played live; the Play-live page's list.

While a question is open, the projector (and every phone) learns how many have answered, never
what: a count per choice tells the room the answer. The counts come with the reveal.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from quizapp.live.broker import Subscription
from quizapp.models import QuizSet, QuizSetItem, User
from quizapp.models.base import utcnow
from quizapp.models.live_games import LiveAnswer, LiveGame
from quizapp.services import live_games
from quizapp.services.live_state import game_event, view_for
from tests.builders import log_in, seeded_questions
from tests.web.live_support import correct_choice, game_in_lobby, wrong_choice
from tests.web.test_live_game import answer, counts, host_command, join, player_id, question


@pytest.fixture(autouse=True)
def fresh_question_cache(monkeypatch):
    # The answer path keeps grading keys for a minute per process; these tests edit keys.
    monkeypatch.setattr(live_games, "_QUESTION_CACHE", {})


def _drain(subscription: Subscription, role: str, player: int | None) -> list[dict]:
    """What the socket of ``role`` would have sent: every queued event, as that screen sees it."""
    views = []
    while not subscription.events.empty():
        view = view_for(subscription.events.get_nowait(), role, player)
        if view is not None:
            views.append(view)
    return views


def test_no_screen_learns_the_answers_counts_before_the_reveal(
    app, db, client, make_teacher, login
):
    game = game_in_lobby(db, client, make_teacher(), login)
    phones = {name: join(app, game.pin, nickname=name)[0] for name in ("Ann", "Ben", "Cat")}
    ids = {name: player_id(db, game, name) for name in phones}
    host_command(client, game, "start")
    broker = app.extensions["live_broker"]
    host_screen = Subscription(game.id, "host", None)
    ann_screen = Subscription(game.id, "player", ids["Ann"])
    broker.subscribe(host_screen)
    broker.subscribe(ann_screen)
    first = question(db, game, 0)
    for name, pick in (("Ann", correct_choice(first)), ("Ben", wrong_choice(first))):
        assert answer(phones[name], game, ids[name], 0, pick).status_code == 200

    with app.app_context():
        stored = db.session.get(LiveGame, game.id)
        snapshot = view_for(game_event(db.session, stored, utcnow()), "host", None)
    during = [
        snapshot,
        *_drain(host_screen, "host", None),
        *_drain(ann_screen, "player", ids["Ann"]),
    ]
    assert snapshot["status"] == "question" and snapshot["answered"] == 2
    assert [v["answered"] for v in during if v.get("type") == "answered"] == [1, 2]
    for view in during:
        text = json.dumps(view)
        assert '"counts"' not in text and '"chart"' not in text and '"reveal"' not in text

    # The last answer reveals: now the chart, with the right answer marked, reaches the host.
    assert answer(phones["Cat"], game, ids["Cat"], 0, correct_choice(first)).status_code == 200
    (reveal,) = [v for v in _drain(host_screen, "host", None) if v.get("status") == "reveal"]
    chart = {row["text"]: (row["count"], row["correct"]) for row in reveal["reveal"]["chart"]}
    right_text = next(c["text"] for c in first.choices if c["correct"])
    assert chart[right_text] == (2, True) and sum(n for n, _ok in chart.values()) == 3
    broker.unsubscribe(host_screen)
    broker.unsubscribe(ann_screen)


@pytest.fixture
def typed_set(db, make_teacher) -> Iterator[tuple[User, QuizSet, list]]:
    """A teacher's set of a fill-in-the-blank question (accepting "Power of Siberia"), a choice
    question and a matching question, in that order; the seeded blank gets its answers back
    after the test, so later tests and ``flask seed`` find the bank as seeded."""
    teacher = make_teacher()
    (blank,) = seeded_questions(db, 1, qtype="fill_blank")
    seeded_accepted = list(blank.accepted)
    blank.accepted = ["Power of Siberia"]
    (choice,) = seeded_questions(db, 1, qtype="single_choice")
    (matching,) = seeded_questions(db, 1, qtype="matching")
    quiz_set = QuizSet(teacher_id=teacher.id, title="Typed, live")
    quiz_set.items = [
        QuizSetItem(position=i, question_id=q.id)
        for i, q in enumerate((blank, choice, matching), 1)
    ]
    db.session.add(quiz_set)
    db.session.commit()
    yield teacher, quiz_set, [blank, choice, matching]
    db.session.rollback()
    blank.accepted = seeded_accepted
    db.session.commit()


def test_the_play_live_page_says_which_questions_play_and_why_not(db, client, typed_set, login):
    teacher, quiz_set, (blank, choice, matching) = typed_set
    login(client, teacher)
    page = client.get(f"/live/host/new/{quiz_set.id}").get_data(as_text=True)
    assert "2 of 3 questions will play" in page
    plan = page[page.index("questions will play") :]
    assert plan.count("· plays") == 2
    assert "does not play: Matching questions do not play live" in plan
    assert client.post(f"/live/host/new/{quiz_set.id}", data={"seconds": 20}).status_code == 302
    game = db.session.scalar(sa.select(LiveGame).where(LiveGame.quiz_set_id == quiz_set.id))
    assert game.question_ids == [blank.id, choice.id]


def test_typed_answers_play_graded_as_in_quizzes(app, db, client, typed_set, login):
    teacher, quiz_set, (blank, _choice, _matching) = typed_set
    login(client, teacher)
    client.post(f"/live/host/new/{quiz_set.id}", data={"seconds": 20, "allow_guests": "y"})
    client.post("/auth/logout")
    game = db.session.scalar(sa.select(LiveGame).where(LiveGame.quiz_set_id == quiz_set.id))
    game.teacher = teacher
    names = ("Ann", "Ben", "Cat", "Dan")
    phones = {name: join(app, game.pin, nickname=name)[0] for name in names}
    ids = {name: player_id(db, game, name) for name in names}
    host_command(client, game, "start")

    # Blank, not text, too long: refused, nothing written, the player types again.
    for refused_answer, message in (("   ", "Type an answer"), (7, "as text"), ("x" * 201, "200")):
        refused = answer(phones["Ann"], game, ids["Ann"], 0, refused_answer)
        assert refused.status_code == 400 and message in refused.get_json()["error"]
    assert counts(db)[1] == 0

    given = {
        "Ann": "power of siberia",  # case
        "Ben": "Power of Siberya",  # one small typo
        "Cat": "  Power of Siberia ",
        "Dan": "Nord Stream",
    }
    for name, text in given.items():
        assert answer(phones[name], game, ids[name], 0, text).status_code == 200
    rows = dict(db.session.execute(sa.select(LiveAnswer.player_id, LiveAnswer.correct)).all())
    assert [rows[ids[n]] for n in names] == [True, True, True, False]
    assert (
        db.session.scalar(sa.select(LiveAnswer.answer).where(LiveAnswer.player_id == ids["Cat"]))
        == "Power of Siberia"
    )

    # Everyone answered: the reveal charts the answers as the grader compares them.
    db.session.expire_all()
    stored = db.session.get(LiveGame, game.id)
    assert stored.status == "reveal"
    with app.app_context():
        reveal = game_event(db.session, stored, utcnow())["public"]["reveal"]
    chart = [(r["text"], r["count"], r["correct"]) for r in reveal["chart"]]
    assert chart[0] == ("power of siberia", 2, True)  # Ann's and Cat's, shown as first typed
    assert ("Nord Stream", 1, False) in chart and reveal["key"].startswith("Power of Siberia")

    log_in(client, teacher)
    results = client.get(f"/live/host/{game.id}/results").get_data(as_text=True)
    assert "Nord Stream" in results and "Power of Siberya" in results
