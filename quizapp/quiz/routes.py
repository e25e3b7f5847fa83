"""Practice quizzes: set up, one question per screen, answers saved as given, results."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    flash,
    get_template_attribute,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy.exc import IntegrityError

from quizapp.core.question_kinds import (
    QuestionKind,
    all_kinds,
    feedback_for,
    feedback_media_places,
    kind_of,
)
from quizapp.errors import wants_json
from quizapp.extensions import db
from quizapp.models import Question, Topic
from quizapp.models.base import utcnow
from quizapp.quiz.answers import (
    answer_from_form,
    core_message,
    describe_answer,
    describe_key,
    shown_text,
    shown_title,
)
from quizapp.quiz.forms import PracticeForm
from quizapp.services import tag_filter, visibility
from quizapp.services.attempt_followups import (
    discard_practice,
    missed_to_practise,
    start_missed_practice,
)
from quizapp.services.errors import NotFound, QuizError
from quizapp.services.learner_scheduler import learner_scheduler
from quizapp.services.lti_grades import queue_grade
from quizapp.services.practice import practice_question_ids, start_practice
from quizapp.services.practice_hints import shows_hints
from quizapp.services.practice_pool import PoolNotice, pool_notice
from quizapp.services.progress import mastery_by_topic, topic_progress
from quizapp.services.quizzes import (
    QuestionScreen,
    attempt_topics,
    expire_if_due,
    first_unanswered,
    load_attempt,
    load_question_screen,
    save_answer,
    submit_attempt,
)
from quizapp.web_forms import form_status, submit_form, topic_choices
from quizapp.web_ids import parse_id

bp = Blueprint("quiz", __name__, url_prefix="/quiz")


@bp.app_template_global("question_kind")
def question_kind(question) -> QuestionKind:
    """The kind of ``question``, so templates pick its partial and hint without a switch."""
    return kind_of(question.type)


# The core's answers, keys and messages in words, in the reader's language
# (quizapp.quiz.answers).
bp.add_app_template_global(shown_text, "shown_text")
bp.add_app_template_global(shown_title, "shown_title")
bp.add_app_template_global(core_message, "core_message")


@bp.app_template_global("answer_fields")
def answer_fields() -> dict[str, str]:
    """Each question type's authoring field, for the question form to show only the chosen
    type's (static/js/question-form.js)."""
    return {str(kind.type): kind.authoring_field for kind in all_kinds()}


def _scope_topic_ids() -> list[int]:
    """Topics of ``?article=`` if given (404 unless the learner may see it), else of every
    article they may see."""
    raw = request.values.get("article", "")
    article_id = parse_id(raw) if raw else None
    if raw and (
        article_id is None or not visibility.visible_article(db.session, current_user, article_id)
    ):
        raise NotFound(_("There is no such article."))
    return visibility.visible_topic_ids(db.session, current_user, article_id)


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new():
    form = PracticeForm()
    scope = _scope_topic_ids()
    form.topics.choices = topic_choices(Topic.id.in_(scope))
    topic_id = parse_id(request.args.get("topic"))
    if request.method == "GET" and topic_id is not None:
        form.topics.data = [topic_id]
    tags = _offered_tags(form, scope)
    notice = _pool_notice(form, scope, topic_id, tags)
    if tags.unknown:
        # Said under the field (after validation, which would clear it); nothing starts.
        form.tag.errors = [
            _("None of the questions you can practise here has the tag “%(tag)s”.", tag=tags.tag)
        ]
        return render_template("quiz/new.html", form=form, notice=None), form_status(form)
    if notice is not None and notice.short and form.is_submitted():
        # Said before the quiz starts: the learner starts the shorter quiz, or picks more.
        form.promised.data = str(notice.quiz_length)
        return render_template("quiz/new.html", form=form, notice=notice)

    def start():
        scheduler = learner_scheduler(db.session, current_user)
        progress = topic_progress(db.session, current_user.id, scheduler, utcnow())
        topics = form.topics.data or scope
        return start_practice(
            db.session,
            current_user.id,
            topics,
            form.length.data,
            mastery_by_topic(progress),
            tags=tags,
        )

    # A refusal (no question in the topics, or none with the tag) is said on the form.
    outcome = submit_form(form, start, refusals=QuizError)
    if outcome.saved:
        return redirect(url_for("quiz.question", attempt_id=outcome.value.id, position=1))
    return render_template("quiz/new.html", form=form, notice=notice), outcome.status


def _offered_tags(form: PracticeForm, scope: list[int]) -> tag_filter.TagChoice:
    """The tags of the questions the learner may practise here, offered with their counts (one
    query), and the one chosen: sent with the form, or in the address (``?tag=``) of a link.
    One longer than any tag is a 400 (``tag_filter.asked_tag``)."""
    raw = request.form.get("tag") if form.is_submitted() else request.args.get("tag")
    questions = (Question, practice_question_ids(current_user.id, scope, utcnow()))
    tags = tag_filter.choose(db.session, raw, questions)
    form.tag.choices = [("", _("Any tag (all questions)"))] + [
        (
            t.tag,
            ngettext(
                "%(tag)s (%(num)d question)", "%(tag)s (%(num)d questions)", t.count, tag=t.tag
            ),
        )
        for t in tags.offered
    ]
    form.tag.data = tags.name or ""
    return tags


def _pool_notice(
    form: PracticeForm, scope: list[int], topic_id: int | None, tags: tag_filter.TagChoice
) -> PoolNotice | None:
    """What the page says of the quiz length: on a topic's link (or a tag's), how many
    questions it has; on a sent form whose topics have fewer than asked and whose learner was
    not told this length yet, the same for the chosen topics (and tag)."""
    if form.is_submitted():
        if not form.validate():
            return None
        topics = form.topics.data or scope
        notice = pool_notice(db.session, current_user.id, topics, form.length.data, tags)
        told = form.promised.data == str(notice.quiz_length)
        # No question at all: starting refuses with its own message, and offers no empty quiz.
        return None if told or notice.quiz_length == 0 else notice
    if topic_id is not None and topic_id in scope:
        return pool_notice(db.session, current_user.id, [topic_id], form.length.default, tags)
    if tags.tag is not None and not tags.unknown:
        return pool_notice(db.session, current_user.id, scope, form.length.default, tags)
    return None


def _choice_marks(question) -> dict[str, bool | str]:
    """Which options are right, for marking them once feedback is shown: the same tiles a live
    game shows (none for typed answers and matching); "partial" for a choice that is not the
    right one but earns part of the mark (an imported single choice's 50 % alternative)."""
    kind = kind_of(question.type)
    right = set(kind.right_tile_ids(question))
    partial = {c["id"] for c in question.choices if not c["correct"] and c.get("fraction", 0) > 0}
    return {
        tile["id"]: tile["id"] in right or ("partial" if tile["id"] in partial else False)
        for tile in kind.tiles(question) or []
    }


def _feedback(slot, response):
    question = slot.question
    return {
        "marks": _choice_marks(question) if kind_of(question.type).graded else {},
        "graded": kind_of(question.type).graded,
        "correct": response.correct,
        "score": response.score,
        "detail": None,
        "your_answer": describe_answer(question, response.answer),
        "correct_answer": describe_key(question),
        "said": feedback_for(question, response.answer, response.score or 0.0),
        # The pictures of those feedbacks and of the explanation, shown with them.
        "said_places": feedback_media_places(question, response.answer, response.score or 0.0),
        "media": question.media,
        "explanation": question.explanation,
        "quote": question.claim.quote,
        "source_url": url_for(
            "main.reader", slug=question.claim.article.slug, _anchor=f"claim-{question.claim.key}"
        ),
    }


def _store_answer(attempt, slot, action: str, answer, check: bool, now):
    """Save the answer unless nothing changed, then commit; returns the current response."""
    response = slot.response
    unchanged = response is not None and response.answer == answer and not check
    # A checked answer is locked and its inputs are disabled, so moving on sends no answer.
    moving_on = action in ("next", "back", "finish") and response is not None and response.checked
    nothing = answer is None and response is None and not check
    if not (unchanged or moving_on or nothing):
        response = save_answer(db.session, attempt, slot, answer, check=check, now=now)
    db.session.commit()
    return response


def _answer(screen: QuestionScreen, position: int, now):
    """Save the answer posted for question ``position``; JSON for the page's script, else a
    redirect to the screen the learner asked for."""
    attempt, slot, total = screen.attempt, screen.slot, screen.total
    attempt_id = attempt.id  # read before the commit expires it, which would cost a statement
    action = request.form.get("action", "next")
    check = action == "check" and attempt.shows_feedback_now(now)
    answer = answer_from_form(slot, request.form)
    answered_elsewhere = screen.answered - (slot.response is not None)
    # The reply's words are in the learner's language: chosen now, from the loaded account,
    # not after the commit has expired it (which would cost a statement to reload it).
    get_locale()
    try:
        response = _store_answer(attempt, slot, action, answer, check, now)
    except IntegrityError:
        # Two saves of one question raced (an autosave and Next): the other one inserted
        # the row first, so this save becomes an update of it.
        db.session.rollback()
        screen = load_question_screen(db.session, attempt_id, current_user.id, position)
        attempt, slot = screen.attempt, screen.slot
        response = _store_answer(attempt, slot, action, answer, check, now)
    if wants_json():
        # The header's "n answered" follows the save without a reload.
        answered = answered_elsewhere + (response is not None)
        label = get_template_attribute("quiz/_progress.html", "progress_label")
        payload = {
            "saved": True,
            "position": position,
            "progress_label": str(label(position, total, answered)),
        }
        if check and response is not None:
            feedback = _feedback(slot, response)
            payload["feedback"] = feedback
            # The page inserts the server's own markup: the feedback, and the options marked
            # right or wrong, are written once, in the templates.
            payload["feedback_html"] = render_template("quiz/_feedback_fragment.html", fb=feedback)
            payload["answer_html"] = render_template(
                "quiz/_answer_fragment.html",
                slot=slot,
                answer=response.answer,
                marks=feedback["marks"],
            )
        return jsonify(payload)
    if action == "back" and position > 1:
        return redirect(url_for("quiz.question", attempt_id=attempt_id, position=position - 1))
    if action == "next" and position < total:
        return redirect(url_for("quiz.question", attempt_id=attempt_id, position=position + 1))
    if action == "finish":
        return redirect(url_for("quiz.confirm", attempt_id=attempt_id))
    return redirect(url_for("quiz.question", attempt_id=attempt_id, position=position))


@bp.route("/<id:attempt_id>/<id:position>", methods=["GET", "POST"])
@login_required
def question(attempt_id: int, position: int):
    screen = load_question_screen(db.session, attempt_id, current_user.id, position)
    attempt, slot = screen.attempt, screen.slot
    now = utcnow()
    if expire_if_due(db.session, attempt, now):
        db.session.commit()
        flash(_("Time is up: your saved answers were submitted."), "info")
    if attempt.submitted_at is not None and request.method == "GET":
        return redirect(url_for("quiz.results", attempt_id=attempt.id))
    if request.method == "POST":
        return _answer(screen, position, now)
    response = slot.response
    feedback = _feedback(slot, response) if response and response.checked else None
    return render_template(
        "quiz/question.html",
        attempt=attempt,
        slot=slot,
        position=position,
        total=screen.total,
        response=response,
        feedback=feedback,
        answered=screen.answered,
        immediate=attempt.shows_feedback_now(now),
        hints_shown=shows_hints(attempt) and feedback is None,
    )


@bp.get("/<id:attempt_id>/resume")
@login_required
def resume(attempt_id: int):
    attempt = load_attempt(db.session, attempt_id, current_user.id)
    position = first_unanswered(attempt)
    return redirect(url_for("quiz.question", attempt_id=attempt.id, position=position))


@bp.get("/<id:attempt_id>/submit")
@login_required
def confirm(attempt_id: int):
    attempt = load_attempt(db.session, attempt_id, current_user.id)
    if attempt.submitted_at is not None:
        return redirect(url_for("quiz.results", attempt_id=attempt.id))
    unanswered = [s.position for s in attempt.questions if s.response is None]
    return render_template("quiz/confirm.html", attempt=attempt, unanswered=unanswered)


@bp.post("/<id:attempt_id>/submit")
@login_required
def submit(attempt_id: int):
    attempt = load_attempt(db.session, attempt_id, current_user.id)
    expire_if_due(db.session, attempt)
    submit_attempt(db.session, attempt)
    queue_grade(db.session, attempt)  # for the LMS, when the assignment opens from one
    db.session.commit()
    return redirect(url_for("quiz.results", attempt_id=attempt.id))


@bp.get("/<id:attempt_id>/results")
@login_required
def results(attempt_id: int):
    attempt = load_attempt(db.session, attempt_id, current_user.id)
    if expire_if_due(db.session, attempt):
        db.session.commit()
    if attempt.submitted_at is None:
        abort(409, _("Submit this attempt first to see its results."))
    now = utcnow()
    rows = []
    if attempt.shows_review(now):
        for slot in attempt.questions:
            rows.append(
                (
                    slot,
                    slot.response,
                    describe_answer(slot.question, slot.response.answer if slot.response else None),
                    describe_key(slot.question),
                    feedback_for(
                        slot.question,
                        slot.response.answer if slot.response else None,
                        slot.response.score if slot.response else 0.0,
                    ),
                    feedback_media_places(
                        slot.question,
                        slot.response.answer if slot.response else None,
                        slot.response.score if slot.response else 0.0,
                    ),
                )
            )
    review = attempt.shows_review(now)
    return render_template(
        "quiz/results.html",
        attempt=attempt,
        rows=rows,
        review=review,
        missed=missed_to_practise(db.session, attempt) if review else None,
        topics=attempt_topics(attempt),
    )


@bp.post("/<id:attempt_id>/missed")
@login_required
def practise_missed(attempt_id: int):
    attempt = load_attempt(db.session, attempt_id, current_user.id)
    retry = start_missed_practice(db.session, attempt, utcnow())
    db.session.commit()
    return redirect(url_for("quiz.question", attempt_id=retry.id, position=1))


@bp.post("/<id:attempt_id>/discard")
@login_required
def discard(attempt_id: int):
    attempt = load_attempt(db.session, attempt_id, current_user.id)
    title = attempt.title
    discard_practice(db.session, attempt)
    db.session.commit()
    flash(_("Discarded “%(title)s”.", title=title), "info")
    return redirect(url_for("study.dashboard"))
