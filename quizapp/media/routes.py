"""``/media/<sha256>``: a stored picture or sound, with its own type and long cache headers.

Who may fetch: whoever has the address. The hash is 256 bits of the file's content, so it
cannot be guessed, and it is printed only on pages that already checked the item is theirs to
see (a quiz, the reader, a live game's guests, who have no account). Checking the item again
here would cost a search of every item's files on each fetch; instead only files stored
through the checks are served, never a path, and ``private`` keeps them out of shared caches.
"""

from __future__ import annotations

import io
import re

from flask import Blueprint, abort, current_app, send_file
from werkzeug.wrappers import Response

from quizapp.extensions import db
from quizapp.services.media import media_store, readable_media

bp = Blueprint("media", __name__)

SHA256 = re.compile(r"[0-9a-f]{64}")
# Content-addressed: the bytes at an address never change, so a browser may keep them a year.
CACHE_SECONDS = 365 * 24 * 3600


@bp.get("/media/<sha256>")
def serve(sha256: str) -> Response:
    """The file's bytes as its stored type, shown inline when the type is still allowed."""
    if not SHA256.fullmatch(sha256):
        abort(404)
    media = readable_media(db.session, sha256)
    data = media_store(current_app.config, db.session).get(sha256) if media else None
    if media is None or data is None:
        abort(404)
    allowed = media.mime_type in current_app.config["MEDIA_TYPES"]
    response = send_file(
        io.BytesIO(data),
        mimetype=media.mime_type if allowed else "application/octet-stream",
        as_attachment=not allowed,
        download_name=media.original_name,
        conditional=True,  # If-None-Match answers 304, Range requests (audio seeking) 206
        etag=sha256,
        max_age=CACHE_SECONDS,
    )
    response.cache_control.public = False
    response.cache_control.private = True
    response.cache_control.immutable = True
    # Opened on its own, the file may run nothing and load nothing.
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
