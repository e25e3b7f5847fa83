"""Installable, offline study: the manifest, the service worker, the offline page, the
downloads (cards, a practice quiz) and the sync of what was done offline.

The service worker is served from the root (``/sw.js``) so its scope is the whole app; its
cache is named after a hash of the files it keeps (``offline/shell.py``), so a new release
installs a new cache and drops the old one.
"""

from __future__ import annotations

from datetime import datetime

from flask import (
    Blueprint,
    Response,
    get_template_attribute,
    jsonify,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from quizapp.core.clock import aware
from quizapp.core.errors import InputError
from quizapp.core.offline_events import read_queue
from quizapp.core.question_kinds import kind_of
from quizapp.core.translatable import N_
from quizapp.extensions import db
from quizapp.i18n import refusal_text, worded
from quizapp.models.base import utcnow
from quizapp.offline.shell import shell_urls, shell_version
from quizapp.quiz.answers import shown_text, shown_title
from quizapp.services import offline_download, offline_sync
from quizapp.services.errors import DomainError, QuizError
from quizapp.services.learner_scheduler import learner_scheduler
from quizapp.services.practice_hints import shows_hints
from quizapp.services.progress import mastery_by_topic, topic_progress
from quizapp.services.quizzes import attempt_topics
from quizapp.services.sync_notes import StoredTitle, SyncNote
from quizapp.time_display import local

bp = Blueprint("offline", __name__)

THEME_COLOUR = "#0b5cad"  # the app's accent (static/css/app.css --accent)
JSON_ENDPOINTS = ("offline.download_cards", "offline.download_practice", "offline.sync")


@bp.before_request
def _json_needs_login():
    """The offline page's scripts get a 401 they can read, not the login page's HTML."""
    if request.endpoint in JSON_ENDPOINTS and not current_user.is_authenticated:
        return jsonify(error=_("Log in (online) to download or sync your study.")), 401
    return None


@bp.get("/manifest.webmanifest")
def manifest():
    icons = [
        {
            "src": url_for("static", filename=f"icons/icon-{size}.png"),
            "sizes": f"{size}x{size}",
            "type": "image/png",
            "purpose": "any maskable",
        }
        for size in (192, 512)
    ]
    body = {
        "name": "quizapp",
        "short_name": "quizapp",
        "description": _("Flashcards and practice quizzes traced to the article they came from."),
        "id": url_for("study.dashboard"),
        "start_url": url_for("study.dashboard"),
        "scope": url_for("main.home"),
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": icons,
    }
    response = jsonify(body)
    response.mimetype = "application/manifest+json"
    return response


@bp.get("/sw.js")
def service_worker():
    script = render_template(
        "offline/sw.js",
        version=shell_version(),
        shell=shell_urls(),
        offline_page=url_for("offline.study"),
    )
    response = Response(script, mimetype="text/javascript")
    # The browser checks for a new worker on each visit; an HTTP cache must not hide it.
    response.headers["Cache-Control"] = "no-cache"
    response.headers["Service-Worker-Allowed"] = url_for("main.home")
    return response


@bp.get("/offline")
def study():
    """The offline study page: a shell whose script reads everything from IndexedDB."""
    return render_template("offline/study.html")


@bp.get("/offline/cards")
def download_cards():
    now = utcnow()
    cards = offline_download.offline_cards(db.session, current_user, now)
    return jsonify(
        user=current_user.id,
        downloaded_at=aware(now).isoformat(),
        cards=[card.as_json() for card in cards],
        topics=offline_download.offline_topics(db.session, current_user),
        csrf_token=generate_csrf(),
    )


@bp.post("/offline/practice")
def download_practice():
    payload = request.get_json(silent=True)
    payload = payload if isinstance(payload, dict) else {}
    topic = payload.get("topic")
    topic_id = topic if isinstance(topic, int) and not isinstance(topic, bool) else None
    length = payload.get("length", offline_download.OFFLINE_QUIZ_LENGTHS[0])
    # type() and not ==: 5.0 and True compare equal to numbers of the list.
    if (
        topic_id is None
        or type(length) is not int
        or length not in offline_download.OFFLINE_QUIZ_LENGTHS
    ):
        raise QuizError(N_("Choose a topic and a length of 5, 10 or 20 questions."))
    if topic_id not in {t["id"] for t in offline_download.offline_topics(db.session, current_user)}:
        raise QuizError(N_("There is no such topic to practise."))
    scheduler = learner_scheduler(db.session, current_user)
    mastery = mastery_by_topic(topic_progress(db.session, current_user.id, scheduler, utcnow()))
    attempt = offline_download.start_offline_practice(
        db.session, current_user, topic_id, length, mastery
    )
    db.session.commit()
    inputs = get_template_attribute("quiz/_inputs.html", "answer_inputs")
    hints = get_template_attribute("quiz/_hints.html", "question_hints")
    questions = [
        {
            "position": slot.position,
            # A cloze's legend ("Fill in the 3 gaps in the text.") is the app's own words.
            "prompt": shown_text(kind_of(slot.question.type).legend(slot.question)),
            # The same controls as the online question page, with no answer and no marks.
            "inputs": str(inputs(slot, None)),
            # Its hints, as online practice shows them (one <details> in another: no script).
            "hints": str(hints(slot.question.hints)) if shows_hints(attempt) else "",
        }
        for slot in attempt.questions
    ]
    return jsonify(
        attempt=attempt.id,
        title=shown_title(attempt.title),
        topics=attempt_topics(attempt),
        questions=questions,
        results=url_for("quiz.results", attempt_id=attempt.id),
    )


@bp.post("/offline/sync")
def sync():
    now_ms = int(aware(utcnow()).timestamp() * 1000)
    events = read_queue(request.get_json(silent=True), now_ms)
    outcome = offline_sync.sync_queue(db.session, current_user, events)
    db.session.commit()
    return jsonify(outcome.as_json(sync_note_text))


def sync_note_text(note: SyncNote) -> str:
    """Why an offline event was not applied, in the learner's language and time zone."""
    values = {name: _note_value(value) for name, value in note.params.items()}
    return _(note.template, **values)


def _note_value(value: object) -> object:
    if isinstance(value, datetime):
        return local(value)  # the learner's zone and language, as the other pages write times
    if isinstance(value, DomainError | InputError):
        return refusal_text(value)
    if isinstance(value, StoredTitle):
        return shown_title(value)
    return worded(value)
