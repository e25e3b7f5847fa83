"""Live games through the test client: a whole game, and every refusal writing nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from quizapp.models import Question, QuizAttempt, Response
from quizapp.models.base import utcnow
from quizapp.models.live_games import LiveAnswer, LiveGame, LivePlayer
from quizapp.services.daily_review import missed_questions
from tests.builders import log_in
from tests.web.live_support import correct_choice, game_in_lobby, wrong_choice


@pytest.fixture
def game(db, client, make_teacher, login):
    return game_in_lobby(db, client, make_teacher(), login)


def host_command(client, game, command):
    log_in(client, game.teacher)
    response = client.post(f"/live/host/{game.id}/command", json={"command": command})
    client.post("/auth/logout")
    return response


def join(app, pin, nickname="", user=None):
    player_client = app.test_client()
    if user is not None:
        log_in(player_client, user)
    response = player_client.post("/live/join", data={"pin": pin, "nickname": nickname})
    return player_client, response


def player_id(db, client_game, nickname):
    return db.session.scalar(sa.select(LivePlayer.id).where(LivePlayer.nickname == nickname))


def answer(player_client, game, player, index, choice):
    return player_client.post(
        f"/live/play/{game.id}/answer", json={"player": player, "index": index, "answer": choice}
    )


def question(db, game, index) -> Question:
    db.session.expire_all()
    return db.session.get(Question, db.session.get(LiveGame, game.id).question_ids[index])


def counts(db):
    return tuple(
        db.session.scalar(sa.select(sa.func.count()).select_from(m))
        for m in (LivePlayer, LiveAnswer, Response)
    )


def test_a_whole_game_scores_ranks_and_feeds_mastery(app, db, client, game, make_student, login):
    student = make_student(name="Sam Student")
    sam, joined = join(app, game.pin, user=student)
    assert joined.status_code == 302 and joined.location.endswith(f"/live/play/{game.id}")
    guest, _ = join(app, game.pin, nickname="  Quick   Fox ")
    sam_id, fox_id = player_id(db, game, "Sam Student"), player_id(db, game, "Quick Fox")
    assert sam.get(f"/live/play/{game.id}").status_code == 200
    assert host_command(client, game, "start").status_code == 200

    first = question(db, game, 0)
    assert answer(sam, game, sam_id, 0, wrong_choice(first)).status_code == 200
    assert answer(guest, game, fox_id, 0, correct_choice(first)).status_code == 200
    db.session.expire_all()
    # Everyone answered: the server revealed the question by itself.
    assert db.session.get(LiveGame, game.id).status == "reveal"
    points = dict(db.session.execute(sa.select(LiveAnswer.player_id, LiveAnswer.points)).all())
    assert 500 <= points[fox_id] <= 1000 and points[sam_id] == 0

    assert host_command(client, game, "next").status_code == 200
    second = question(db, game, 1)
    assert answer(sam, game, sam_id, 1, correct_choice(second)).status_code == 200
    assert host_command(client, game, "end").status_code == 200

    results = client.get(f"/live/host/{game.id}/results")
    assert results.status_code == 302  # the host's pages need the host logged in
    login(client, game.teacher)
    page = client.get(f"/live/host/{game.id}/results").get_data(as_text=True)
    assert "Quick Fox" in page and "Sam Student" in page and first.prompt in page
    csv_text = client.get(f"/live/host/{game.id}/results.csv").get_data(as_text=True)
    rows = csv_text.splitlines()
    assert rows[0].startswith("rank,nickname,account,score") and len(rows) == 3
    assert ",guest," in csv_text and student.email in csv_text

    # The student's answers are quiz responses: mastery counts them, the review asks the miss.
    responses = db.session.scalars(sa.select(Response).where(Response.user_id == student.id)).all()
    assert sorted((r.question_id, r.correct) for r in responses) == sorted(
        [(first.id, False), (second.id, True)]
    )
    attempt = db.session.scalar(sa.select(QuizAttempt).where(QuizAttempt.user_id == student.id))
    assert attempt.kind == "live" and attempt.submitted_at is not None and attempt.score == 1.0
    assert missed_questions(db.session, student, utcnow()) == [first.id]


def test_a_reloaded_player_is_the_same_player(app, db, game, make_student):
    guest, _ = join(app, game.pin, nickname="Ann")
    again = guest.post("/live/join", data={"pin": game.pin, "nickname": "Ann"})
    assert again.status_code == 409  # a second guest may not take the name either
    assert guest.get(f"/live/play/{game.id}").status_code == 200
    student = make_student()
    first, _ = join(app, game.pin, user=student)
    second, response = join(app, game.pin, user=student)  # another device, same account
    assert response.status_code == 302
    assert counts(db)[0] == 2


@pytest.mark.parametrize(
    "nickname, message",
    [
        ("   ", "Choose a nickname"),
        ("x" * 21, "at most 20"),
        ("ann\u202eevil", "cannot be shown"),
    ],
)
def test_bad_nicknames_are_refused(app, db, game, nickname, message):
    _, response = join(app, game.pin, nickname=nickname)
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert counts(db) == (0, 0, 0)


def test_a_wrong_expired_or_finished_pin_is_refused(app, db, game):
    _, wrong = join(app, "000000", nickname="Ann")
    assert wrong.status_code == 404
    _, malformed = join(app, "12ab", nickname="Ann")
    assert malformed.status_code == 404
    stored = db.session.get(LiveGame, game.id)
    stored.created_at = utcnow() - timedelta(hours=13)
    db.session.commit()
    _, expired = join(app, game.pin, nickname="Ann")
    assert expired.status_code == 410 and "expired" in expired.get_data(as_text=True)
    stored.created_at, stored.status = utcnow(), "finished"
    db.session.commit()
    _, finished = join(app, game.pin, nickname="Ann")
    assert finished.status_code == 410
    assert counts(db) == (0, 0, 0)


def test_guests_are_refused_when_the_host_says_so(app, db, game):
    db.session.get(LiveGame, game.id).allow_guests = False
    db.session.commit()
    _, response = join(app, game.pin, nickname="Ann")
    assert response.status_code == 403 and counts(db) == (0, 0, 0)


def test_answers_that_do_not_fit_the_game_are_refused(app, db, client, game, make_student):
    student = make_student()
    sam, _ = join(app, game.pin, user=student)
    other, _ = join(app, game.pin, nickname="Other")
    sam_id, other_id = player_id(db, game, student.display_name), player_id(db, game, "Other")
    first = question(db, game, 0)
    # Not shown yet: the game is in its lobby.
    assert answer(sam, game, sam_id, 0, correct_choice(first)).status_code == 409
    host_command(client, game, "start")
    # A question not shown (the next one), another player's id, a tampered choice.
    assert answer(sam, game, sam_id, 1, correct_choice(first)).status_code == 409
    assert answer(sam, game, sam_id, 0.0, correct_choice(first)).status_code == 409
    assert answer(sam, game, sam_id, "0", correct_choice(first)).status_code == 409
    assert answer(sam, game, other_id, 0, correct_choice(first)).status_code == 403
    assert answer(sam, game, sam_id, 0, "no-such-choice").status_code == 400
    assert counts(db) == (2, 0, 0)
    assert answer(sam, game, sam_id, 0, correct_choice(first)).status_code == 200
    before = counts(db)
    # Twice.
    second_try = answer(sam, game, sam_id, 0, wrong_choice(first))
    assert second_try.status_code == 409 and "already answered" in second_try.get_json()["error"]
    assert counts(db) == before
    # While paused.
    host_command(client, game, "pause")
    paused = answer(other, game, other_id, 0, correct_choice(first))
    assert paused.status_code == 409 and "paused" in paused.get_json()["error"]
    host_command(client, game, "resume")
    # After the time.
    stored = db.session.get(LiveGame, game.id)
    stored.deadline = utcnow() - timedelta(seconds=2)
    db.session.commit()
    late = answer(other, game, other_id, 0, correct_choice(first))
    assert late.status_code == 409 and "Time is up" in late.get_json()["error"]
    # A finished game.
    host_command(client, game, "end")
    assert answer(other, game, other_id, 0, correct_choice(first)).status_code == 410
    assert counts(db) == before


def test_host_commands_from_anyone_else_are_refused(app, db, client, game, make_student):
    student = make_student()
    sam, _ = join(app, game.pin, user=student)
    guest, _ = join(app, game.pin, nickname="Guest")
    # The host's pages: not found for a signed-in student, the login page for a guest.
    for someone, refused in ((sam, 404), (guest, 302)):
        for command in ("start", "end", "next"):
            response = someone.post(f"/live/host/{game.id}/command", json={"command": command})
            assert response.status_code == 403
        assert someone.get(f"/live/host/{game.id}").status_code == refused
        assert someone.get(f"/live/host/{game.id}/results.csv").status_code == refused
    db.session.expire_all()
    assert db.session.get(LiveGame, game.id).status == "lobby"


def test_commands_out_of_turn_are_refused(app, db, client, game):
    assert host_command(client, game, "start").status_code == 409  # nobody has joined
    join(app, game.pin, nickname="Ann")
    assert host_command(client, game, "next").status_code == 200  # "next" starts too
    assert host_command(client, game, "close").status_code == 409  # time is not up
    assert host_command(client, game, "pause").status_code == 200
    assert host_command(client, game, "pause").status_code == 409
    assert host_command(client, game, "resume").status_code == 200
    stored = db.session.get(LiveGame, game.id)
    stored.deadline = utcnow() - timedelta(seconds=1)
    db.session.commit()
    assert host_command(client, game, "close").status_code == 200  # time is up now
    assert host_command(client, game, "skip").status_code == 409  # already revealed
    assert host_command(client, game, "next").status_code == 200
    assert host_command(client, game, "skip").status_code == 200
    assert host_command(client, game, "bogus").status_code == 400
    db.session.expire_all()
    assert db.session.get(LiveGame, game.id).status == "reveal"


def test_a_set_without_choice_questions_cannot_be_played(db, client, make_teacher, login):
    from quizapp.models import QuizSet

    teacher = make_teacher()
    login(client, teacher)
    empty = QuizSet(teacher_id=teacher.id, title="Empty")
    db.session.add(empty)
    db.session.commit()
    response = client.post(f"/live/host/new/{empty.id}", data={"seconds": 20})
    assert response.status_code == 400 and counts(db) == (0, 0, 0)
    assert db.session.scalar(sa.select(sa.func.count(LiveGame.id))) == 0


def test_the_set_page_links_to_play_live_and_lists_earlier_games(db, client, game, login):
    login(client, game.teacher)
    builder = client.get(f"/teach/sets/{game.quiz_set_id}").get_data(as_text=True)
    assert f"/live/host/new/{game.quiz_set_id}" in builder and "Play live" in builder
    page = client.get(f"/live/host/new/{game.quiz_set_id}").get_data(as_text=True)
    assert f"still open, PIN {game.pin}" in page
    host = client.get(f"/live/host/{game.id}").get_data(as_text=True)
    assert "<svg" in host and game.pin[:3] in host


def test_the_pushed_state_costs_the_same_queries_for_2_or_20_players(
    app, db, client, game, count_queries
):
    from quizapp.services.live_state import game_event

    def queries_at_reveal(players: int) -> int:
        for i in range(players):
            join(app, game.pin, nickname=f"n{players}-{i}")
        stored = db.session.get(LiveGame, game.id)
        stored.status, stored.question_index = "reveal", 0
        db.session.commit()
        db.session.expire_all()
        with count_queries() as queries:
            event = game_event(db.session, db.session.get(LiveGame, game.id), utcnow())
        assert event["public"]["players"] >= players
        stored = db.session.get(LiveGame, game.id)
        stored.status = "lobby"
        db.session.commit()
        return len(queries)

    assert queries_at_reveal(2) == queries_at_reveal(18)


@pytest.mark.parametrize("body", ['"next"', "7", "[]", "null", "not json"])
def test_a_command_that_is_not_a_json_object_is_a_400(app, db, client, game, body):
    """Before, a JSON string or number was a 500."""
    log_in(client, game.teacher)
    response = client.post(
        f"/live/host/{game.id}/command", data=body, content_type="application/json"
    )
    assert response.status_code == 400
