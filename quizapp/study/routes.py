"""Dashboard, flashcards (FSRS), daily review, progress and study settings."""

from __future__ import annotations

import io
import textwrap
from datetime import timedelta

from flask import (
    Blueprint,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy.exc import IntegrityError

from quizapp.core import mastery as mastery_rule
from quizapp.core.anki_export import anki_package
from quizapp.core.text import slugify
from quizapp.core.translatable import N_
from quizapp.core.vocabulary import AttemptKind
from quizapp.errors import wants_json
from quizapp.extensions import db
from quizapp.models import Article, Flashcard, Topic
from quizapp.models.base import utcnow
from quizapp.services import daily_review, flashcards, progress, tag_filter, visibility
from quizapp.services.assignments import student_assignment_rows
from quizapp.services.catalog import export_cards, learner_schedules
from quizapp.services.errors import AlreadyRated, NotFound, QuizError
from quizapp.services.learner_scheduler import learner_scheduler, scheduling_summary
from quizapp.services.media import media_store
from quizapp.services.practice import topic_and_descendants
from quizapp.services.quizzes import unfinished_attempts
from quizapp.services.rating_writes import RATED_MEANWHILE
from quizapp.study.forms import StudySettingsForm
from quizapp.web_forms import form_status, submit_form
from quizapp.web_ids import parse_id

bp = Blueprint("study", __name__)


STREAK_LOOKBACK = timedelta(days=400)


def _article_scope():
    """The articles the learner studies: the one named by ``?article=`` (404 if not theirs to
    see), else every article they may see (as a subquery: no query of its own); and that
    article's id, if one."""
    raw = request.values.get("article", "")
    if raw:
        article_id = parse_id(raw)
        if article_id is None or not visibility.visible_article(
            db.session, current_user, article_id
        ):
            raise NotFound(N_("There is no such article."))
        return [article_id], article_id
    return visibility.visible_articles(current_user).with_only_columns(Article.id), None


def _today_plan(now) -> dict:
    """What the dashboard and the review page both show: today's cards, missed questions,
    the weakest topic, the daily goal and the streak."""
    scheduler = learner_scheduler(db.session, current_user)
    article_ids, _one = _article_scope()
    topics = progress.topic_progress(db.session, current_user.id, scheduler, now, article_ids)
    zone = current_user.time_zone
    activity = progress.activity_by_day(
        db.session, current_user.id, now - STREAK_LOOKBACK, now, zone
    )
    today = progress.local_today(now, zone)
    visible_topics = [t.topic.id for t in topics] or [0]
    return {
        "queue": flashcards.study_queue(
            db.session, current_user, visible_topics, now, with_card=False
        ),
        "missed": daily_review.missed_questions(db.session, current_user, now),
        "weakest": daily_review.weakest_topic(topics),
        "done_today": activity.get(today, 0),
        "streak": progress.streak(activity, today),
        "goal": current_user.daily_goal,
    }


@bp.get("/study")
@login_required
def dashboard():
    now = utcnow()
    unfinished = unfinished_attempts(
        db.session, current_user.id, [AttemptKind.PRACTICE, AttemptKind.REVIEW]
    )
    assignments = student_assignment_rows(db.session, current_user.id, now)
    return render_template(
        "study/dashboard.html",
        unfinished=unfinished,
        student_assignments=assignments,
        **_kept_plan(now),
    )


def _kept_plan(now):
    """Today's plan; for every article (no ``article`` chosen) the one kept per learner until
    their data or the day changes (services/progress_cache.py)."""
    if request.values.get("article"):
        return _today_plan(now)
    cache = current_app.extensions["plan_cache"]
    return cache.plan(db.session, current_user, now, lambda: _today_plan(now))


def _topic_ids() -> list[int]:
    """The chosen topic and its sub-topics, else the topics of the article scope."""
    raw = request.values.get("topic", "")
    _articles, article_id = _article_scope()
    if not raw:
        return visibility.visible_topic_ids(db.session, current_user, article_id)
    topic_id = parse_id(raw)
    topic = visibility.visible_topic(db.session, current_user, topic_id) if topic_id else None
    if topic is None:
        raise QuizError(N_("There is no such topic."))
    return topic_and_descendants(db.session, [topic_id])


@bp.get("/cards")
@login_required
def cards():
    now = utcnow()
    topic_ids = _topic_ids()
    topic = db.session.get(Topic, topic_ids[0]) if request.args.get("topic") else None
    scheduler = learner_scheduler(db.session, current_user)
    scope = (Flashcard, flashcards.study_scope(current_user, topic_ids))
    tags = tag_filter.choose(db.session, request.args.get("tag"), scope)
    queue = flashcards.study_queue(db.session, current_user, topic_ids, now, tags=tags.only)
    intervals = {}
    if queue.card is not None:
        card = flashcards.fsrs_card(queue.state, queue.card.id)
        intervals = flashcards.preview_intervals(scheduler, card, now)
    return render_template(
        "study/cards.html",
        queue=queue,
        topic=topic,
        tags=tags,
        intervals=intervals,
        labels=flashcards.RATING_LABELS,
        mode=_mode(request.args) or "",
        revealed=request.args.get("reveal") == "1",
        can_undo=request.args.get("undo") == "1",
        seen=flashcards.seen_marker(queue.state),
    )


# The card page's modes; anything else is dropped, never echoed into a redirect.
CARD_MODES = frozenset({"review"})


def _mode(values) -> str | None:
    mode = values.get("mode")
    return mode if mode in CARD_MODES else None


def _int_field(name: str) -> int | None:
    return parse_id(request.form.get(name))


def _back_to_cards(**extra):
    """The card page again, with the topic, article, tag and mode the card was studied in."""
    return redirect(
        url_for(
            "study.cards",
            topic=parse_id(request.form.get("topic")),
            article=parse_id(request.form.get("article")),
            tag=request.form.get("tag") or None,
            mode=_mode(request.form),
            **extra,
        )
    )


@bp.post("/cards/rate")
@login_required
def rate():
    flashcard_id, rating = _int_field("flashcard_id"), _int_field("rating")
    if flashcard_id is None or rating is None:
        raise QuizError(N_("Rate a card with its id and a rating from 1 to 4."))
    try:
        duration, seen = _int_field("duration_ms"), request.form.get("seen")
        state = flashcards.rate_card(
            db.session, current_user, flashcard_id, rating, duration, seen=seen
        )
        db.session.commit()
    except (AlreadyRated, IntegrityError) as error:
        # A double key press or a second tab: the card is rated once; move on quietly.
        db.session.rollback()
        message = _(getattr(error, "message", RATED_MEANWHILE))
        if wants_json():
            return jsonify(error=message), 409
        flash(message, "info")
        return _back_to_cards()
    if wants_json():
        return jsonify(rated=True, due=state["due"])
    return _back_to_cards(undo=1)


@bp.get("/cards/export.apkg")
@login_required
def export_deck():
    """The flashcards as an Anki deck (of one topic with ?topic=, else all; with ?tag=, only
    those with the tag, as the card page shows them); with ?progress=1 the learner's reviewed
    cards keep their schedule in Anki."""
    topic_ids = _topic_ids()
    topic = db.session.get(Topic, topic_ids[0]) if request.args.get("topic") else None
    scope = (Flashcard, flashcards.study_scope(current_user, topic_ids))
    tags = tag_filter.choose(db.session, request.args.get("tag"), scope)
    if tags.unknown:
        raise NotFound(N_("No card here has the tag “%(tag)s”."), tag=tags.tag)
    store = media_store(current_app.config, db.session)
    cards = export_cards(db.session, topic_ids, store, tags=tags.only)
    schedules = None
    if request.args.get("progress") == "1":
        schedules = learner_schedules(db.session, current_user.id, [c.key for c in cards])
    name = "quizapp" + (f"::{topic.title}" if topic else "")
    data = anki_package(name, cards, schedules)
    filename = "quizapp-" + (slugify(topic.title) if topic else "all")
    filename += (f"-{slugify(tags.name)}" if tags.name else "") + ".apkg"
    return send_file(
        io.BytesIO(data), mimetype="application/apkg", as_attachment=True, download_name=filename
    )


@bp.post("/cards/undo")
@login_required
def undo():
    card = flashcards.undo_last_rating(db.session, current_user)
    db.session.commit()
    front = textwrap.shorten(card.front, 80, placeholder="…")
    flash(_("Undid your last rating (“%(card)s”).", card=front), "info")
    return _back_to_cards()


@bp.get("/review")
@login_required
def review():
    # The same plan as the dashboard's, so the one kept for it serves here too.
    return render_template("study/review.html", **_kept_plan(utcnow()))


@bp.post("/review/start")
@login_required
def start_review():
    now = utcnow()
    # A second click (or a second tab) continues the review already started.
    for attempt in unfinished_attempts(db.session, current_user.id, [AttemptKind.REVIEW]):
        return redirect(url_for("quiz.resume", attempt_id=attempt.id))
    scheduler = learner_scheduler(db.session, current_user)
    missed = daily_review.missed_questions(db.session, current_user, now)
    article_ids, _one = _article_scope()
    topics = progress.topic_progress(db.session, current_user.id, scheduler, now, article_ids)
    attempt = daily_review.start_review_quiz(
        db.session, current_user.id, missed, daily_review.weakest_topic(topics)
    )
    db.session.commit()
    return redirect(url_for("quiz.question", attempt_id=attempt.id, position=1))


@bp.get("/progress")
@login_required
def progress_page():
    now = utcnow()
    scheduler = learner_scheduler(db.session, current_user)
    article_ids, _one = _article_scope()
    topics = progress.topic_progress(db.session, current_user.id, scheduler, now, article_ids)
    since = now - timedelta(days=progress.HEATMAP_DAYS)
    zone = current_user.time_zone
    activity = progress.activity_by_day(db.session, current_user.id, since, now, zone)
    today = progress.local_today(now, zone)
    accuracy = progress.accuracy_by_day(
        db.session, current_user.id, now - timedelta(days=90), now, zone
    )
    forecast = progress.due_forecast(db.session, current_user.id, now, zone)
    days = [(today - timedelta(days=i)) for i in range(progress.HEATMAP_DAYS - 1, -1, -1)]
    heatmap = [(d, activity.get(d, 0)) for d in days]
    scheduling = scheduling_summary(db.session, current_user, now)
    return render_template(
        "study/progress.html",
        topics=topics,
        accuracy=accuracy,
        forecast=forecast,
        heatmap=heatmap,
        streak=progress.streak(activity, today),
        scheduling=scheduling,
        rule=mastery_rule,
    )


@bp.route("/settings", methods=["GET", "POST"])
@login_required
def settings():
    form = StudySettingsForm(obj=current_user)

    def save() -> None:
        current_user.desired_retention = float(form.desired_retention.data)
        current_user.new_cards_per_day = form.new_cards_per_day.data
        current_user.daily_goal = form.daily_goal.data

    if submit_form(form, save).saved:
        flash(_("Your study settings are saved."), "success")
        return redirect(url_for("study.settings"))
    return render_template("study/settings.html", form=form), form_status(form)
