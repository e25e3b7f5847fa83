"""Teachers: quiz sets, their builder (choose, draw, order) and the preview."""

from __future__ import annotations

import random
from dataclasses import asdict
from types import SimpleNamespace

import sqlalchemy as sa
from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import SelectChoice

from quizapp.core.question_kinds import describe_key, kind_of
from quizapp.extensions import db
from quizapp.models import Article, Topic
from quizapp.services import quiz_sets
from quizapp.services.article_library import visible_articles
from quizapp.services.errors import TeachingError
from quizapp.teach.blueprint import bp
from quizapp.teach.forms import (
    DIFFICULTY_LABELS,
    TYPE_LABELS,
    AddQuestionsForm,
    DrawForm,
    QuestionFilterForm,
    SetSettingsForm,
)


def topic_choices(any_label: str | None = None) -> list[SelectChoice]:
    """Topics of the articles the teacher may see (published, or their own), in order."""
    visible = visible_articles(current_user).with_only_columns(Article.id)
    topics = db.session.scalars(
        sa.select(Topic)
        .where(Topic.article_id.in_(visible))
        .order_by(Topic.article_id, Topic.position)
    )
    first = [SelectChoice("", any_label)] if any_label else []
    return first + [
        SelectChoice(str(t.id), ("— " if t.parent_id else "") + t.title) for t in topics
    ]


def _owned(set_id: int, *, with_items: bool = False):
    return quiz_sets.owned_set(db.session, set_id, current_user.id, with_items=with_items)


@bp.route("/sets/new", methods=["GET", "POST"])
def new_set():
    form = SetSettingsForm()
    if form.validate_on_submit():
        try:
            quiz_set = quiz_sets.create_set(db.session, current_user.id, form.settings())
        except TeachingError as error:
            form.form_errors.append(error.message)
        else:
            db.session.commit()
            flash("Set created. Now add questions to it.", "success")
            return redirect(url_for("teach.builder", set_id=quiz_set.id))
    status = 400 if form.is_submitted() else 200
    return render_template("teach/set_settings.html", form=form, quiz_set=None), status


@bp.route("/sets/<id:set_id>/settings", methods=["GET", "POST"])
def set_settings(set_id: int):
    quiz_set = _owned(set_id)
    form = SetSettingsForm(
        data=None if request.method == "POST" else asdict(quiz_sets.settings_of(quiz_set))
    )
    if form.validate_on_submit():
        try:
            quiz_sets.update_settings(db.session, quiz_set, form.settings())
        except TeachingError as error:
            db.session.rollback()
            form.form_errors.append(error.message)
        else:
            db.session.commit()
            flash("Settings saved. Attempts already started keep their own.", "success")
            return redirect(url_for("teach.builder", set_id=quiz_set.id))
    status = 400 if form.is_submitted() else 200
    return render_template("teach/set_settings.html", form=form, quiz_set=quiz_set), status


def _render_builder(quiz_set, add_form=None, draw_form=None, status=200):
    filters = QuestionFilterForm(formdata=request.args)
    filters.topic.choices = topic_choices("Any topic")
    filters.validate()
    found = []
    if request.args:
        found = quiz_sets.search_questions(
            db.session,
            current_user.id,
            filters.topic.data if not filters.topic.errors else None,
            filters.type.data if not filters.type.errors else None,
            filters.difficulty.data if not filters.difficulty.errors else None,
        )
    draw_form = draw_form or DrawForm(prefix="draw")
    draw_form.topic.choices = topic_choices()
    in_set = {item.question_id for item in quiz_set.items}
    return render_template(
        "teach/builder.html",
        quiz_set=quiz_set,
        filters=filters,
        found=found,
        in_set=in_set,
        add_form=add_form or AddQuestionsForm(),
        draw_form=draw_form,
        question_count=quiz_sets.set_question_count(quiz_set.items),
        type_labels=TYPE_LABELS,
        difficulty_labels=DIFFICULTY_LABELS,
    ), status


@bp.get("/sets/<id:set_id>")
def builder(set_id: int):
    return _render_builder(_owned(set_id, with_items=True))


def _back_to_builder(set_id: int):
    # Keep the teacher's search filters across adding, so they can keep picking.
    args = {k: v for k, v in request.args.items() if k in ("topic", "type", "difficulty")}
    return redirect(url_for("teach.builder", set_id=set_id, **args))


@bp.post("/sets/<id:set_id>/items")
def add_items(set_id: int):
    quiz_set = _owned(set_id)
    form = AddQuestionsForm()
    if form.validate_on_submit():
        try:
            added = quiz_sets.add_questions(db.session, quiz_set, form.question_ids.data or [])
        except TeachingError as error:
            form.question_ids.errors.append(error.message)
        else:
            db.session.commit()
            flash(f"{added} question{'s' if added != 1 else ''} added.", "success")
            return _back_to_builder(set_id)
    db.session.rollback()
    return _render_builder(_owned(set_id, with_items=True), add_form=form, status=400)


@bp.post("/sets/<id:set_id>/draws")
def add_draw(set_id: int):
    quiz_set = _owned(set_id)
    form = DrawForm(prefix="draw")
    form.topic.choices = topic_choices()
    if form.validate_on_submit():
        try:
            pool = quiz_sets.add_draw(
                db.session,
                quiz_set,
                form.topic.data,
                form.count.data,
                form.question_type.data or None,
                form.difficulty.data,
            )
        except TeachingError as error:
            form.count.errors.append(error.message)
        else:
            db.session.commit()
            flash(
                f"Random draw added: {form.count.data} of {pool} matching questions, drawn "
                "afresh for every attempt.",
                "success",
            )
            return _back_to_builder(set_id)
    db.session.rollback()
    return _render_builder(_owned(set_id, with_items=True), draw_form=form, status=400)


@bp.post("/sets/<id:set_id>/items/<id:item_id>/move")
def move_item(set_id: int, item_id: int):
    quiz_set = _owned(set_id)
    quiz_sets.move_item(db.session, quiz_set, item_id, request.form.get("direction", ""))
    db.session.commit()
    return _back_to_builder(set_id)


@bp.post("/sets/<id:set_id>/items/<id:item_id>/remove")
def remove_item(set_id: int, item_id: int):
    quiz_set = _owned(set_id)
    quiz_sets.remove_item(db.session, quiz_set, item_id)
    db.session.commit()
    flash("Removed from the set.", "success")
    return _back_to_builder(set_id)


@bp.post("/sets/<id:set_id>/delete")
def delete_set(set_id: int):
    quiz_set = _owned(set_id)
    title = quiz_set.title
    quiz_sets.delete_set(db.session, quiz_set)
    db.session.commit()
    flash(f"Set “{title}” deleted.", "success")
    return redirect(url_for("teach.home"))


@bp.get("/sets/<id:set_id>/preview")
def preview(set_id: int):
    """The set as a student sees it: one possible draw, shuffled as the settings say."""
    quiz_set = _owned(set_id)
    rng = random.Random()
    questions = quiz_sets.resolve_questions(db.session, quiz_set, rng)
    slots = []
    for position, question in enumerate(questions, start=1):
        order = kind_of(question.type).choice_order(question)
        if quiz_set.shuffle_choices:
            rng.shuffle(order)
        # The same shape as an attempt's slot, so the quiz's own input macros render it.
        slots.append(
            SimpleNamespace(
                id=position,
                position=position,
                question=question,
                choice_order=order,
                key=describe_key(question),
            )
        )
    has_draws = any(item.is_draw for item in quiz_set.items)
    return render_template(
        "teach/preview.html", quiz_set=quiz_set, slots=slots, has_draws=has_draws
    )
