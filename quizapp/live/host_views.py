"""The host's side: open a game from a set, run it on the projector, read the results."""

from __future__ import annotations

import segno
import sqlalchemy as sa
from flask import (
    Response,
    abort,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import pgettext
from flask_login import current_user, login_required

from quizapp.extensions import db
from quizapp.live.blueprint import bp, now, publish_state
from quizapp.live.forms import NewGameForm
from quizapp.models.live_games import LiveGame
from quizapp.public_urls import public_url
from quizapp.services import live_results
from quizapp.services.errors import NotAllowed
from quizapp.services.live_games import MAX_QUESTIONS, create_game, owned_game
from quizapp.services.live_join_links import join_token
from quizapp.services.live_moves import run_command
from quizapp.services.live_questions import set_plan
from quizapp.services.quiz_sets import owned_set
from quizapp.web_forms import submit_form

EARLIER_GAMES_SHOWN = 10


def _teacher() -> None:
    if not current_user.is_teacher:
        abort(403, _("Only teachers host live games."))


@bp.route("/host/new/<id:set_id>", methods=["GET", "POST"])
@login_required
def new_game(set_id: int):
    _teacher()
    quiz_set = owned_set(db.session, set_id, current_user.id, with_items=True)
    form = NewGameForm()
    outcome = submit_form(
        form,
        lambda: create_game(
            db.session,
            quiz_set,
            current_user.id,
            seconds=form.seconds.data,
            allow_guests=form.allow_guests.data,
        ),
    )
    if outcome.saved:
        return redirect(url_for("live.host", game_id=outcome.value.id))
    earlier = db.session.scalars(
        sa.select(LiveGame)
        .where(LiveGame.quiz_set_id == quiz_set.id)
        .order_by(LiveGame.id.desc())
        .limit(EARLIER_GAMES_SHOWN)
    ).all()
    plan = set_plan(db.session, quiz_set, MAX_QUESTIONS)
    draws = any(item.is_draw for item in quiz_set.items)
    return render_template(
        "live/new.html", form=form, quiz_set=quiz_set, earlier=earlier, plan=plan, draws=draws
    ), outcome.status


@bp.route("/host/<id:game_id>")
@login_required
def host(game_id: int):
    game = owned_game(db.session, game_id, current_user.id)
    # The room types the PIN at the join page; the QR code carries a token, not the PIN.
    join_page = public_url("live.join")
    token = join_token(current_app.config["SECRET_KEY"], game)
    qr_link = public_url("live.join_by_link", token=token)
    qr_svg = segno.make(qr_link, error="m").svg_inline(scale=6, title=_("QR code to join"))
    return render_template("live/host.html", game=game, join_page=join_page, qr_svg=qr_svg)


@bp.route("/host/<id:game_id>/command", methods=["POST"])
def command(game_id: int):
    """One host command (JSON ``{"command": …}``); only the game's host may send it."""
    game = db.session.get(LiveGame, game_id)
    if game is None:
        abort(404, _("There is no such game."))
    if not current_user.is_authenticated or current_user.id != game.host_id:
        raise NotAllowed(_("Only the game's host can run it."))
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict):  # a bare string or number is no command either
        abort(400, _('Send the command as JSON: {"command": "next"}.'))
    run_command(db.session, game, str(payload.get("command", "")), now())
    db.session.commit()
    event = publish_state(game)
    return jsonify(status=event["public"]["status"], index=event["public"]["index"])


@bp.route("/host/<id:game_id>/results")
@login_required
def results(game_id: int):
    game = owned_game(db.session, game_id, current_user.id)
    report = live_results.game_results(db.session, game)
    return render_template("live/results.html", game=game, report=report)


@bp.route("/host/<id:game_id>/results.csv")
@login_required
def results_csv(game_id: int):
    game = owned_game(db.session, game_id, current_user.id)
    report = live_results.game_results(db.session, game)
    filename = f"live-game-{game.id}-results.csv"
    # The columns in the exporting teacher's language.
    # "correct" is also the results page's badge for a right choice: a context keeps them apart.
    header = [
        pgettext("CSV column", "rank"),
        pgettext("CSV column", "nickname"),
        pgettext("CSV column", "account"),
        pgettext("CSV column", "score"),
        pgettext("CSV column", "correct"),
        pgettext("CSV column", "answered"),
    ]
    return Response(
        live_results.results_csv(report, header, pgettext("CSV column", "Q%(position)s points")),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
