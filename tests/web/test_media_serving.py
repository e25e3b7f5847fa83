"""``/media/<sha256>`` serves a stored file with its type, inline, never sniffed, cached long."""

from flask import current_app

from quizapp.core.media_files import MediaLimits
from quizapp.services.media import media_store, store_media
from tests.builders.media import png_bytes, wav_bytes


def _stored(db, data: bytes, name: str):
    store = media_store(current_app.config, db.session)
    media = store_media(db.session, store, data, name, MediaLimits())
    db.session.commit()
    return media


def test_a_stored_picture_is_served_with_its_type_and_long_private_caching(client, db):
    media = _stored(db, png_bytes(), "map.png")
    response = client.get(f"/media/{media.sha256}")
    assert response.status_code == 200 and response.data == png_bytes()
    assert response.mimetype == "image/png"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Disposition"].startswith("inline")
    cache = response.headers["Cache-Control"]
    assert "private" in cache and "immutable" in cache and "max-age=31536000" in cache
    again = client.get(f"/media/{media.sha256}", headers={"If-None-Match": f'"{media.sha256}"'})
    assert again.status_code == 304


def test_a_sound_answers_range_requests_so_a_player_can_seek(client, db, make_student, login):
    login(client, make_student())  # a signed-in learner's pages are no-store; media stay cached
    media = _stored(db, wav_bytes(), "hello.wav")
    response = client.get(f"/media/{media.sha256}", headers={"Range": "bytes=0-9"})
    assert response.status_code == 206 and response.data == wav_bytes()[:10]
    assert response.mimetype == "audio/wav" and "no-store" not in response.headers["Cache-Control"]


def test_a_type_no_longer_allowed_is_a_download_and_unknown_hashes_are_404(client, db, app):
    media = _stored(db, wav_bytes(), "hello.wav")
    app.config["MEDIA_TYPES"], kept = ("image/png",), app.config["MEDIA_TYPES"]
    try:
        response = client.get(f"/media/{media.sha256}")
    finally:
        app.config["MEDIA_TYPES"] = kept
    assert response.mimetype == "application/octet-stream"
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert client.get("/media/" + "0" * 64).status_code == 404
    assert client.get("/media/../../etc/passwd").status_code == 404
    assert client.get("/media/" + media.sha256.upper()).status_code == 404
