"""Teachers: their own questions and flashcards; seeded ones are read-only but can be copied."""

from __future__ import annotations

import sqlalchemy as sa
from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy.orm import selectinload

from quizapp.core.question_kinds import describe_key
from quizapp.extensions import db
from quizapp.models import Claim, Flashcard, Question, Topic
from quizapp.services import authoring
from quizapp.services.errors import TeachingError
from quizapp.services.practice import topic_and_descendants
from quizapp.teach.authoring_forms import FlashcardForm, QuestionForm, claim_choices
from quizapp.teach.blueprint import bp
from quizapp.teach.forms import TYPE_LABELS, QuestionFilterForm
from quizapp.teach.set_views import topic_choices
from quizapp.web_ids import parse_id

KINDS = {"questions": Question, "flashcards": Flashcard}


BANK_PAGE_SIZE = 25


def _claims():
    return db.session.scalars(
        sa.select(Claim)
        .join(Topic, Claim.topic_id == Topic.id)
        .options(selectinload(Claim.topic))
        .order_by(Topic.article_id, Topic.position, Claim.start_offset)
    ).all()


@bp.get("/items")
def items():
    """The teacher's own items and the article's bank (filterable), with copy and edit."""
    filters = QuestionFilterForm(formdata=request.args)
    filters.topic.choices = topic_choices("Any topic")
    filters.validate()
    topic = filters.topic.data if not filters.topic.errors else None
    qtype = filters.type.data if not filters.type.errors else None
    topics = topic_and_descendants(db.session, [topic]) if topic else None
    listing = {}
    for name, model in KINDS.items():
        for mine in (True, False):
            listing[(name, mine)] = authoring.teacher_items(
                db.session,
                model,
                current_user.id,
                mine=mine,
                topic_ids=topics,
                question_type=qtype,
            )
    # The bank runs to hundreds of items once teachers import articles: a page at a time keeps
    # the page small (every row carries its own copy form).
    page = max(parse_id(request.args.get("page")) or 1, 1)
    bank = {name: listing[(name, False)] for name in KINDS}
    pages = max(-(-len(items) // BANK_PAGE_SIZE) for items in bank.values()) or 1
    page = min(page, pages)
    start = (page - 1) * BANK_PAGE_SIZE
    shown = {name: items[start : start + BANK_PAGE_SIZE] for name, items in bank.items()}
    return render_template(
        "teach/items.html",
        listing=listing,
        filters=filters,
        bank=bank,
        shown=shown,
        page=page,
        pages=pages,
        type_labels=TYPE_LABELS,
        describe_key=describe_key,
    )


def _question_form(question=None):
    form = QuestionForm()
    form.claim_id.choices = claim_choices(_claims())
    if request.method == "GET" and question is not None:
        form.fill(authoring.fields_of(question))
    return form


def _save_item(form, save) -> bool:
    """Run ``save(fields)`` if the form is valid; put a service's complaint on the form, and
    its status (400, or 409 for an answered question's key) in ``form.status``."""
    form.status = 400
    if not form.validate_on_submit():
        return False
    try:
        save(form.fields())
    except TeachingError as error:
        db.session.rollback()
        form.form_errors.append(error.message)
        form.status = error.status
        return False
    db.session.commit()
    return True


@bp.route("/questions/new", methods=["GET", "POST"])
def new_question():
    form = _question_form()
    claim_id = parse_id(request.args.get("claim"))
    if request.method == "GET" and claim_id is not None:
        form.claim_id.data = claim_id
    made = []
    if _save_item(
        form, lambda f: made.append(authoring.create_question(db.session, current_user.id, f))
    ):
        flash("Question saved. It can now be added to your quiz sets.", "success")
        return redirect(url_for("teach.items"))
    status = 400 if form.is_submitted() else 200
    return render_template("teach/question_form.html", form=form, question=None), status


@bp.route("/questions/<id:question_id>/edit", methods=["GET", "POST"])
def edit_question(question_id: int):
    question = authoring.editable_item(db.session, Question, question_id, current_user.id)
    form = _question_form(question)
    if _save_item(form, lambda f: authoring.update_question(db.session, question, f)):
        flash("Question saved.", "success")
        return redirect(url_for("teach.items"))
    status = form.status if form.is_submitted() else 200
    answered = authoring.is_answered(db.session, question)
    return render_template(
        "teach/question_form.html", form=form, question=question, answered=answered
    ), status


def _flashcard_form(card=None):
    form = FlashcardForm()
    form.claim_id.choices = claim_choices(_claims())
    if request.method == "GET" and card is not None:
        form.fill(card)
    return form


@bp.route("/flashcards/new", methods=["GET", "POST"])
def new_flashcard():
    form = _flashcard_form()
    if _save_item(form, lambda f: authoring.create_flashcard(db.session, current_user.id, f)):
        flash("Flashcard saved.", "success")
        return redirect(url_for("teach.items"))
    status = 400 if form.is_submitted() else 200
    return render_template("teach/flashcard_form.html", form=form, card=None), status


@bp.route("/flashcards/<id:card_id>/edit", methods=["GET", "POST"])
def edit_flashcard(card_id: int):
    card = authoring.editable_item(db.session, Flashcard, card_id, current_user.id)
    form = _flashcard_form(card)
    if _save_item(form, lambda f: authoring.update_flashcard(db.session, card, f)):
        flash("Flashcard saved.", "success")
        return redirect(url_for("teach.items"))
    status = form.status if form.is_submitted() else 200
    return render_template("teach/flashcard_form.html", form=form, card=card), status


@bp.post("/<any(questions, flashcards):kind>/<id:item_id>/copy")
def copy_item(kind: str, item_id: int):
    model = KINDS[kind]
    item = authoring.visible_item(db.session, model, item_id, current_user.id)
    if model is Question:
        copy = authoring.copy_question(db.session, item, current_user.id)
    else:
        copy = authoring.copy_flashcard(db.session, item, current_user.id)
    db.session.commit()
    flash("Copied. This is your own version: edit it as you like.", "success")
    endpoint = "teach.edit_question" if model is Question else "teach.edit_flashcard"
    key = "question_id" if model is Question else "card_id"
    return redirect(url_for(endpoint, **{key: copy.id}))


@bp.post("/<any(questions, flashcards):kind>/<id:item_id>/delete")
def delete_item(kind: str, item_id: int):
    item = authoring.editable_item(db.session, KINDS[kind], item_id, current_user.id)
    outcome = authoring.retire_or_delete(db.session, item)
    db.session.commit()
    if outcome == "retired":
        flash(
            "Retired: it has been used, so it is kept for the results but no longer offered.",
            "success",
        )
    else:
        flash("Deleted.", "success")
    return redirect(url_for("teach.items"))
