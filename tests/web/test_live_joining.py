"""Joining a live game: the PIN never travels in an address, guessing it is throttled, a
wrong one is said on the join form, and the projector's QR code joins with a token instead."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest

from quizapp.live import host_views
from quizapp.models.live_games import LivePlayer
from quizapp.services.live_join_links import join_token
from tests.builders import log_in
from tests.web.live_support import game_in_lobby
from tests.web.test_live_game import counts, join


@pytest.fixture
def game(db, client, make_teacher, login):
    return game_in_lobby(db, client, make_teacher(), login)


def test_an_anonymous_visit_to_a_game_goes_to_the_join_form_without_the_pin(app, game):
    response = app.test_client().get(f"/live/play/{game.id}")
    assert response.status_code == 302
    assert response.location.endswith("/live/join") and game.pin not in unquote(response.location)


def test_the_host_page_and_its_qr_code_carry_no_pin_in_an_address(
    app, db, client, game, monkeypatch
):
    encoded = []
    real_make = host_views.segno.make

    def recording_make(content, **options):
        encoded.append(content)
        return real_make(content, **options)

    monkeypatch.setattr(host_views.segno, "make", recording_make)
    log_in(client, game.teacher)
    page = client.get(f"/live/host/{game.id}").get_data(as_text=True)
    (qr_link,) = encoded
    assert "/live/join/" in qr_link and game.pin not in qr_link
    addresses = re.findall(r'(?:href|src|action|data-[a-z]+)="([^"]*)"', page)
    assert addresses and not [a for a in addresses if game.pin in a]


def test_the_qr_code_link_joins_without_the_pin(app, db, game):
    token = join_token(app.config["SECRET_KEY"], game)
    phone = app.test_client()
    form = phone.get(f"/live/join/{token}")
    assert form.status_code == 200 and 'name="pin"' not in form.get_data(as_text=True)
    joined = phone.post(f"/live/join/{token}", data={"nickname": "Scanner"})
    assert joined.status_code == 302 and joined.location.endswith(f"/live/play/{game.id}")
    assert db.session.query(LivePlayer).filter_by(nickname="Scanner").count() == 1
    forged = join_token("another site's key", game)
    forged = phone.post(f"/live/join/{forged}", data={"nickname": "Forger"})
    assert forged.status_code == 404
    assert "type the PIN" in forged.get_data(as_text=True)


def test_a_wrong_pin_is_said_on_the_join_form_which_keeps_what_was_typed(app, game):
    wrong_pin = "123456" if game.pin != "123456" else "654321"
    _, wrong = join(app, wrong_pin, nickname="Ann")
    page = wrong.get_data(as_text=True)
    assert wrong.status_code == 404
    assert f"No game with PIN {wrong_pin} is open" in page
    # The join form again, not the error page, with the PIN and nickname as typed.
    assert "<h1>Join a live game</h1>" in page
    inputs = {
        re.search(r'name="(\w+)"', tag).group(1): tag for tag in re.findall(r"<input[^>]*>", page)
    }
    assert f'value="{wrong_pin}"' in inputs["pin"] and 'value="Ann"' in inputs["nickname"]


def test_guessing_pins_from_one_address_is_throttled(app, db, game):
    guesser = app.test_client()
    statuses = [
        guesser.post("/live/join", data={"pin": f"{i:06d}", "nickname": "Guess"}).status_code
        for i in range(25)
    ]
    assert statuses[0] == 404 and statuses[-1] == 429
    # Another address still gets in; nothing was written by the guesses.
    assert counts(db) == (0, 0, 0)
    other = app.test_client()
    joined = other.post(
        "/live/join",
        data={"pin": game.pin, "nickname": "Fair"},
        environ_base={"REMOTE_ADDR": "10.1.2.3"},
    )
    assert joined.status_code == 302


def test_a_whole_room_behind_one_address_gets_in(app, db, game):
    statuses = [
        app.test_client()
        .post("/live/join", data={"pin": game.pin, "nickname": f"Player {i}"})
        .status_code
        for i in range(40)
    ]
    assert statuses == [302] * 40
