"""The players' side: join with the PIN, answer on the phone, rejoin after a reload."""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from flask import (
    abort,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from quizapp.auth.throttling import refusals_per_address
from quizapp.extensions import db
from quizapp.live.blueprint import bp, broker, now, publish_state
from quizapp.live.forms import JoinForm
from quizapp.models.live_games import LiveGame, LivePlayer
from quizapp.services.errors import LiveError, NotAllowed
from quizapp.services.live_games import answer_tally, game_by_pin, join_game, submit_answer
from quizapp.services.live_join_links import game_by_join_token
from quizapp.services.live_moves import close_if_all_answered
from quizapp.services.live_state import answered_event
from quizapp.web_forms import submit_form

SESSION_KEY = "live_players"  # {game id: player id}, in the signed session cookie
# Answers short of everyone's at which an answer counts again after its commit: answers in
# flight together each count without the others, so the last few look again. As many as the
# transactions two default-sized pools (5 + 10 connections each) can hold at once; if more are
# ever in flight, the reveal waits for the host screen's clock instead, as it does anyway when
# someone does not answer.
NEAR_THE_END = 30


def session_player(game: LiveGame) -> LivePlayer | None:
    """This browser's player in ``game``: from its session, or the logged-in user's."""
    player_id = session.get(SESSION_KEY, {}).get(str(game.id))
    player = db.session.get(LivePlayer, player_id) if isinstance(player_id, int) else None
    if player is not None and player.game_id == game.id:
        return player
    if current_user.is_authenticated:
        return db.session.scalar(
            sa.select(LivePlayer).where(
                LivePlayer.game_id == game.id, LivePlayer.user_id == current_user.id
            )
        )
    return None


def _remember(player: LivePlayer) -> None:
    players = dict(session.get(SESSION_KEY, {}))
    players[str(player.game_id)] = player.id
    session[SESSION_KEY] = players


def _game(game_id: int) -> LiveGame:
    game = db.session.get(LiveGame, game_id)
    if game is None:
        abort(404, _("There is no such game."))
    return game


@bp.route("/join", methods=["GET", "POST"])
@refusals_per_address("LIVE_JOIN")
def join():
    """The PIN (and, for guests, a nickname), typed: a PIN never travels in an address."""
    form = JoinForm()
    return _join(form, lambda: game_by_pin(db.session, form.pin.data, now()))


@bp.route("/join/<token>", methods=["GET", "POST"])
@refusals_per_address("LIVE_JOIN")
def join_by_link(token: str):
    """Where the projector's QR code leads: the game is named by a signed token, so only a
    guest's nickname is asked."""
    secret = current_app.config["SECRET_KEY"]
    form = JoinForm()
    del form.pin
    return _join(form, lambda: game_by_join_token(db.session, secret, token[:200], now()))


def _join(form: JoinForm, find_game: Callable[[], LiveGame]):
    def enter() -> tuple[LiveGame, LivePlayer]:
        game = find_game()
        user = current_user if current_user.is_authenticated else None
        return game, join_game(db.session, game, user, form.nickname.data or "", now())

    # A mistyped PIN, an ended game, a refused nickname: said on the form, to try again.
    outcome = submit_form(form, enter, refusals=LiveError)
    if outcome.saved:
        game, player = outcome.value
        _remember(player)
        publish_state(game)
        return redirect(url_for("live.play", game_id=game.id))
    return render_template("live/join.html", form=form), outcome.status


@bp.route("/play/<id:game_id>")
def play(game_id: int):
    game = _game(game_id)
    player = session_player(game)
    if player is None:
        return redirect(url_for("live.join"))
    _remember(player)
    return render_template("live/play.html", game=game, player=player)


def _game_and_player(game_id: int) -> tuple[LiveGame, LivePlayer | None]:
    """The game and this browser's player, in one query on the answer path."""
    player_id = session.get(SESSION_KEY, {}).get(str(game_id))
    if isinstance(player_id, int):
        row = db.session.execute(
            sa.select(LiveGame, LivePlayer)
            .join(LivePlayer, LivePlayer.game_id == LiveGame.id)
            .where(LiveGame.id == game_id, LivePlayer.id == player_id)
        ).first()
        if row is not None:
            return row[0], row[1]
    game = _game(game_id)
    return game, session_player(game)


@bp.route("/play/<id:game_id>/answer", methods=["POST"])
def answer(game_id: int):
    """JSON ``{"player": id, "index": question index, "answer": …}`` from the player's phone.

    The player is the one this browser joined as; a body naming another player is refused.
    The answer, the count and (when it was the last one) the reveal are one transaction.
    """
    game, player = _game_and_player(game_id)
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict):
        abort(400, _("Send the answer as JSON."))
    if player is None or payload.get("player") != player.id:
        raise NotAllowed(_("You can only answer as the player you joined as."))
    row = submit_answer(
        db.session, game, player, payload.get("index"), payload.get("answer"), now()
    )
    index = row.question_index
    answered, players = answer_tally(db.session, game_id, index)
    revealed = close_if_all_answered(db.session, game, answered, players)
    db.session.commit()
    broker().publish(game_id, answered_event(index, answered))
    if not revealed and answered >= players - NEAR_THE_END:
        # Answers committed side by side each counted without the other: the last ones look
        # again once committed, so the reveal never waits for the clock.
        fresh, players = answer_tally(db.session, game_id, index)
        revealed = close_if_all_answered(db.session, game, fresh, players)
        db.session.commit()
    if revealed:
        publish_state(game)
    # How many had answered once this answer was in: the host's count reaches at least this.
    return jsonify(answered=answered)
