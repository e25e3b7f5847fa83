"""Teachers' articles: import (paste or upload), the claim-by-claim review, sharing."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user
from sqlalchemy.orm import selectinload
from werkzeug.exceptions import RequestEntityTooLarge

from quizapp.core.interchange.drafts import NO_EXPLANATION
from quizapp.core.languages import GENERATOR_LANGUAGES
from quizapp.core.neutral_items import NEUTRAL_FORMS_NOTE
from quizapp.core.question_kinds import describe_key
from quizapp.core.question_kinds.base import MAX_OPTIONS
from quizapp.errors import refused, render_error
from quizapp.extensions import db
from quizapp.i18n import refusal_text
from quizapp.models import Claim, ItemStatus, Question, Role
from quizapp.quiz.answers import shown_text
from quizapp.services import article_library as library
from quizapp.services import article_review as review
from quizapp.services import topic_acceptance as acceptance
from quizapp.services.classes import teacher_classes
from quizapp.services.errors import NotFound
from quizapp.teach.article_forms import ArticleImportForm, ArticleLanguageForm, ShareForm
from quizapp.teach.authoring_views import AUTHORED, item_form, save_with_media
from quizapp.teach.blueprint import bp
from quizapp.web_forms import FormOutcome, submit_form
from quizapp.web_ids import parse_id

IMPORT_MAX_BYTES = 10 * 1024 * 1024
HELD_SHOWN = 3  # drafts held back that the message after "accept all" names, with the reason
TOO_LARGE = _l("That file is larger than 10 MB. Import the article's text only (paste it, say).")


@bp.get("/articles")
def articles():
    return render_template(
        "teach/articles.html", articles=library.teacher_articles(db.session, current_user)
    )


IMPORT_ENDPOINTS = ("teach.import_article", "teach.reimport_article")


@bp.before_app_request
def allow_larger_uploads() -> None:
    """Imports take files up to 10 MB (other forms keep the app's smaller limit). Registered
    as an app hook, before the app's own hooks that read the form, so it applies to them."""
    if request.endpoint in IMPORT_ENDPOINTS:
        request.max_content_length = IMPORT_MAX_BYTES


@bp.errorhandler(RequestEntityTooLarge)
def upload_too_large(error: RequestEntityTooLarge):
    """A too-large upload is never read; the import form comes back saying so. Any other
    teaching form sent too large gets the app's own 413 (it was no file of 10 MB), and so does
    anyone but a teacher: the body is refused before the blueprint's access check runs."""
    db.session.rollback()
    teacher = current_user.is_authenticated and current_user.is_teacher
    if request.endpoint not in IMPORT_ENDPOINTS or not teacher:
        return render_error(error)
    form = ArticleImportForm(formdata=None)
    form.upload.errors = [TOO_LARGE]
    article_id = (request.view_args or {}).get("article_id")
    article = None
    if article_id:
        try:
            article = library.owned_article(db.session, article_id, current_user)
        except NotFound as missing:
            # Raised inside an error handler it would be a 500: answered as the 404 it is.
            return refused(missing)
    return render_template("teach/article_import.html", form=form, article=article), 413


def _run_import(form: ArticleImportForm, slug: str | None) -> FormOutcome:
    """Import the sent upload as a new article, or as a new text of the one at ``slug``."""
    return submit_form(
        form,
        lambda: library.import_upload(db.session, form.upload_of(), current_user.id, slug=slug),
        field=form.upload,
    )


@bp.route("/articles/new", methods=["GET", "POST"])
def import_article():
    form = ArticleImportForm()
    outcome = _run_import(form, None)
    if outcome.saved:
        article, report = outcome.value
        flash(
            _(
                "“%(title)s” imported: %(claims)s claims, %(questions)s draft questions and "
                "%(flashcards)s draft flashcards to review.",
                title=article.title,
                claims=report.created["claims"],
                questions=report.created["questions"],
                flashcards=report.created["flashcards"],
            ),
            "success",
        )
        return redirect(url_for("teach.review_article", article_id=article.id))
    return render_template("teach/article_import.html", form=form, article=None), outcome.status


@bp.route("/articles/<id:article_id>/reimport", methods=["GET", "POST"])
def reimport_article(article_id: int):
    article = library.owned_article(db.session, article_id, current_user)
    form = ArticleImportForm()
    if request.method == "GET":
        form.title.data = article.title
    outcome = _run_import(form, article.slug)
    if outcome.saved:
        _article, report = outcome.value
        flash(
            _(
                "Text updated: %(kept)s reviewed items kept; %(changed)s rows changed and "
                "waiting for review.",
                kept=sum(report.kept.values()),
                changed=sum(report.updated.values()) + sum(report.created.values()),
            ),
            "success",
        )
        return redirect(url_for("teach.review_article", article_id=article.id))
    return render_template("teach/article_import.html", form=form, article=article), outcome.status


def _share_form() -> ShareForm:
    """Sharing offers the teacher's own classes only."""
    form = ShareForm()
    form.classes.choices = [
        (c.school_class.id, c.school_class.name)
        for c in teacher_classes(db.session, current_user.id)
    ]
    return form


@bp.get("/articles/<id:article_id>")
def review_article(article_id: int):
    article = library.owned_article(db.session, article_id, current_user)
    share = _share_form()
    share.classes.data = sorted(library.shared_class_ids(db.session, article))
    page = parse_id(request.args.get("page")) or 1  # past the last page: the last one
    language = ArticleLanguageForm(language=article.language)
    return render_template(
        "teach/article_review.html",
        article=article,
        share=share,
        language=language,
        forms_note=None if article.language in GENERATOR_LANGUAGES else _(NEUTRAL_FORMS_NOTE),
        review=review.article_review(db.session, article, page),
        page_claims=review.REVIEW_PAGE_CLAIMS,
        describe_key=lambda question: shown_text(describe_key(question)),
    )


def _page_of(article, *, claim_id: int | None = None, topic_id: int | None = None) -> int:
    rows = review.review_rows(db.session, article)
    return review.page_of(rows, claim_id=claim_id, topic_id=topic_id)


def _back(article, anchor: str = "", page: int = 1):
    """Back to the review, on the page that shows what was just changed."""
    args = {"page": page} if page > 1 else {}
    return redirect(url_for("teach.review_article", article_id=article.id, **args) + anchor)


def _back_to_claim(article, claim_id: int):
    return _back(article, f"#claim-{claim_id}", _page_of(article, claim_id=claim_id))


@bp.post("/articles/<id:article_id>/<any(questions, flashcards):kind>/<id:item_id>/decide")
def decide_item(article_id: int, kind: str, item_id: int):
    article = library.owned_article(db.session, article_id, current_user)
    item = review.article_item(db.session, article, kind, item_id)
    review.decide(item, request.form.get("decision", ""))
    db.session.commit()
    return _back_to_claim(article, item.claim_id)


@bp.post("/articles/<id:article_id>/claims/<id:claim_id>/accept")
def accept_claim(article_id: int, claim_id: int):
    article = library.owned_article(db.session, article_id, current_user)
    claim = review.article_claim(db.session, article, claim_id)
    count = review.accept_claim(db.session, claim)
    db.session.commit()
    flash(ngettext("%(num)d item accepted.", "%(num)d items accepted.", count), "success")
    return _back_to_claim(article, claim.id)


@bp.post("/articles/<id:article_id>/claims/<id:claim_id>/drop")
def drop_claim(article_id: int, claim_id: int):
    article = library.owned_article(db.session, article_id, current_user)
    claim = review.article_claim(db.session, article, claim_id)
    # Read before the claim is gone: its neighbours stay on this page, unless the drop made
    # the last page short enough to join the one before (then that is where they are).
    page, topic_id = _page_of(article, claim_id=claim.id), claim.topic_id
    review.drop_claim(db.session, claim)
    db.session.commit()
    flash(_("Claim dropped with its items."), "success")
    pages = review.page_count(review.review_rows(db.session, article))
    return _back(article, f"#topic-{topic_id}", min(page, pages))


@bp.post("/articles/<id:article_id>/topics/<id:topic_id>")
def change_topic(article_id: int, topic_id: int):
    """Rename, move or merge a topic: the button pressed says which."""
    article = library.owned_article(db.session, article_id, current_user)
    topic = review.article_topic(db.session, article, topic_id)
    action = request.form.get("action", "")
    if action == "rename":
        review.rename_topic(db.session, topic, request.form.get("title", ""))
    elif action in ("up", "down"):
        review.move_topic(db.session, article, topic, action)
    elif action == "merge":
        target_id = parse_id(request.form.get("into"))  # digits in range, else None
        into = review.article_topic(db.session, article, target_id or 0)
        review.merge_topic(db.session, article, topic, into)
        topic_id = into.id  # the merged topic is gone: show the one it went into
    else:
        abort(400, _("Rename, move or merge a topic."))
    db.session.commit()
    flash(_("Topics saved."), "success")
    return _back(article, f"#topic-{topic_id}", _page_of(article, topic_id=topic_id))


@bp.route("/articles/<id:article_id>/topics/<id:topic_id>/accept", methods=["GET", "POST"])
def accept_topic(article_id: int, topic_id: int):
    """Accept every draft of a topic that passes the checks: first a page that says how many
    will be accepted and which stay drafts (and why), then its button does it."""
    article = library.owned_article(db.session, article_id, current_user)
    topic = review.article_topic(db.session, article, topic_id)
    if request.method == "GET":
        check = acceptance.check_topic_drafts(db.session, topic, current_user.id)
        return render_template("teach/topic_accept.html", article=article, check=check)
    done = acceptance.accept_topic(db.session, topic, current_user.id)
    db.session.commit()
    flash(_accepted_message(done), "success" if not done.held else "warning")
    return _back(article, f"#topic-{topic.id}", _page_of(article, topic_id=topic.id))


def _accepted_message(done: acceptance.TopicAcceptance) -> str:
    message = ngettext(
        "%(num)d draft accepted in “%(topic)s”.",
        "%(num)d drafts accepted in “%(topic)s”.",
        len(done.passing),
        topic=done.topic.title,
    )
    if done.held:
        reasons = "; ".join(f"“{h.text}”: {refusal_text(h.reason)}" for h in done.held[:HELD_SHOWN])
        more = len(done.held) - HELD_SHOWN
        message += " " + ngettext(
            "%(num)d stays a draft, not passing the checks (edit to accept): %(reasons)s",
            "%(num)d stay drafts, not passing the checks (edit to accept): %(reasons)s",
            len(done.held),
            reasons=reasons,
        )
        if more > 0:
            message += " " + _("and %(n)s more.", n=more)
    return message


@bp.post("/articles/<id:article_id>/share")
def share_article(article_id: int):
    article = library.owned_article(db.session, article_id, current_user)
    form = _share_form()
    if not form.validate_on_submit():
        abort(400, _("Choose among your own classes."))
    library.share_with_classes(db.session, article, current_user.id, form.classes.data or [])
    db.session.commit()
    flash(_("Sharing saved: students of the chosen classes see the accepted items."), "success")
    return _back(article)


@bp.post("/articles/<id:article_id>/language")
def set_article_language(article_id: int):
    article = library.owned_article(db.session, article_id, current_user)
    form = ArticleLanguageForm()
    if not form.validate_on_submit():
        abort(400, _(library.UNKNOWN_LANGUAGE))
    report = library.change_language(db.session, article, form.language.data)
    db.session.commit()
    if report is None:
        flash(_("The article is already read in that language."), "info")
    else:
        changed = sum(report.updated.values()) + sum(report.created.values())
        flash(_("Read again: %(n)s rows changed and waiting for review.", n=changed), "success")
    return _back(article)


@bp.post("/articles/<id:article_id>/publish")
def publish_article(article_id: int):
    if current_user.role != Role.ADMIN:
        abort(403, _("Only an admin publishes an article to everyone."))
    article = library.owned_article(db.session, article_id, current_user)
    article.published = request.form.get("published") == "1"
    db.session.commit()
    flash(_("Published to everyone.") if article.published else _("No longer public."), "success")
    return _back(article)


def _article_claims(article):
    return db.session.scalars(
        sa.select(Claim)
        .where(Claim.article_id == article.id)
        .options(selectinload(Claim.topic))
        .order_by(Claim.start_offset)
    ).all()


@bp.route(
    "/articles/<id:article_id>/<any(questions, flashcards):kind>/<id:item_id>/edit",
    methods=["GET", "POST"],
)
def edit_draft(article_id: int, kind: str, item_id: int):
    """Edit a draft with the bank's checks; saving accepts it (the teacher has looked at it)."""
    article = library.owned_article(db.session, article_id, current_user)
    item = review.article_item(db.session, article, kind, item_id)
    authored = AUTHORED[kind]
    form = item_form(authored, _article_claims(article), item)
    if isinstance(item, Question) and item.explanation == NO_EXPLANATION:
        form.leave_explanation_unwritten(NO_EXPLANATION)

    def save() -> None:
        save_with_media(authored, form, item)
        item.status = ItemStatus.PUBLISHED

    outcome = submit_form(form, save)
    if outcome.saved:
        flash(_("Saved and accepted."), "success")
        return _back_to_claim(article, item.claim_id)
    return render_template(
        "teach/article_item_form.html",
        form=form,
        article=article,
        item=item,
        kind=kind,
        max_options=MAX_OPTIONS,
    ), outcome.status
