"""Teachers: quiz sets, their builder (choose, draw, order) and the preview."""

from __future__ import annotations

import random
from dataclasses import asdict
from types import SimpleNamespace

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from wtforms import SelectChoice

from quizapp.core.question_kinds import describe_key, slot_order
from quizapp.extensions import db
from quizapp.quiz.answers import shown_text
from quizapp.services import quiz_set_drawing, quiz_set_items, quiz_sets
from quizapp.services.visibility import usable_topics
from quizapp.teach.blueprint import bp
from quizapp.teach.forms import (
    AddQuestionsForm,
    DrawForm,
    QuestionFilterForm,
    SetSettingsForm,
)
from quizapp.teach.labels import DIFFICULTY_LABELS, TYPE_LABELS
from quizapp.web_forms import submit_form, topic_choices


def teacher_topic_choices(any_label: str | None = None) -> list[SelectChoice]:
    """Topics of the articles the teacher may use (published, or their own), in order."""
    return topic_choices(usable_topics(current_user.id), any_label)


def _owned(set_id: int, *, with_items: bool = False):
    return quiz_sets.owned_set(db.session, set_id, current_user.id, with_items=with_items)


@bp.route("/sets/new", methods=["GET", "POST"])
def new_set():
    form = SetSettingsForm()
    outcome = submit_form(
        form, lambda: quiz_sets.create_set(db.session, current_user.id, form.settings())
    )
    if outcome.saved:
        flash(_("Set created. Now add questions to it."), "success")
        return redirect(url_for("teach.builder", set_id=outcome.value.id))
    return render_template("teach/set_settings.html", form=form, quiz_set=None), outcome.status


@bp.route("/sets/<id:set_id>/settings", methods=["GET", "POST"])
def set_settings(set_id: int):
    quiz_set = _owned(set_id)
    form = SetSettingsForm(
        data=None if request.method == "POST" else asdict(quiz_sets.settings_of(quiz_set))
    )
    outcome = submit_form(
        form, lambda: quiz_sets.update_settings(db.session, quiz_set, form.settings())
    )
    if outcome.saved:
        flash(_("Settings saved. Attempts already started keep their own."), "success")
        return redirect(url_for("teach.builder", set_id=quiz_set.id))
    return render_template("teach/set_settings.html", form=form, quiz_set=quiz_set), outcome.status


def _render_builder(quiz_set, add_form=None, draw_form=None, status=200):
    filters = QuestionFilterForm(formdata=request.args)
    filters.topic.choices = teacher_topic_choices(_("Any topic"))
    filters.validate()
    found = []
    if request.args:
        found = quiz_set_items.search_questions(
            db.session,
            current_user.id,
            filters.topic.data if not filters.topic.errors else None,
            filters.type.data if not filters.type.errors else None,
            filters.difficulty.data if not filters.difficulty.errors else None,
        )
    draw_form = draw_form or DrawForm(prefix="draw")
    draw_form.topic.choices = teacher_topic_choices()
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
    outcome = submit_form(
        form,
        lambda: quiz_set_items.add_questions(db.session, quiz_set, form.question_ids.data or []),
        field=form.question_ids,
    )
    if outcome.saved:
        added = outcome.value
        flash(ngettext("%(num)d question added.", "%(num)d questions added.", added), "success")
        return _back_to_builder(set_id)
    return _render_builder(_owned(set_id, with_items=True), add_form=form, status=400)


@bp.post("/sets/<id:set_id>/draws")
def add_draw(set_id: int):
    quiz_set = _owned(set_id)
    form = DrawForm(prefix="draw")
    form.topic.choices = teacher_topic_choices()

    def draw() -> int:
        return quiz_set_items.add_draw(
            db.session,
            quiz_set,
            form.topic.data,
            form.count.data,
            form.question_type.data or None,
            form.difficulty.data,
        )

    outcome = submit_form(form, draw, field=form.count)
    if outcome.saved:
        flash(
            _(
                "Random draw added: %(count)s of %(matching)s matching questions, drawn afresh "
                "for every attempt.",
                count=form.count.data,
                matching=outcome.value,
            ),
            "success",
        )
        return _back_to_builder(set_id)
    return _render_builder(_owned(set_id, with_items=True), draw_form=form, status=400)


@bp.post("/sets/<id:set_id>/items/<id:item_id>/move")
def move_item(set_id: int, item_id: int):
    quiz_set = _owned(set_id)
    quiz_set_items.move_item(db.session, quiz_set, item_id, request.form.get("direction", ""))
    db.session.commit()
    return _back_to_builder(set_id)


@bp.post("/sets/<id:set_id>/items/<id:item_id>/remove")
def remove_item(set_id: int, item_id: int):
    quiz_set = _owned(set_id)
    quiz_set_items.remove_item(db.session, quiz_set, item_id)
    db.session.commit()
    flash(_("Removed from the set."), "success")
    return _back_to_builder(set_id)


@bp.post("/sets/<id:set_id>/delete")
def delete_set(set_id: int):
    quiz_set = _owned(set_id)
    title = quiz_set.title
    quiz_sets.delete_set(db.session, quiz_set)
    db.session.commit()
    flash(_("Set “%(title)s” deleted.", title=title), "success")
    return redirect(url_for("teach.home"))


@bp.get("/sets/<id:set_id>/preview")
def preview(set_id: int):
    """The set as a student sees it: one possible draw, shuffled as the settings say."""
    quiz_set = _owned(set_id)
    rng = random.Random()
    questions = quiz_set_drawing.resolve_questions(db.session, quiz_set, rng)
    slots = []
    for position, question in enumerate(questions, start=1):
        order = slot_order(question, rng, shuffle=quiz_set.shuffle_choices)
        # The same shape as an attempt's slot, so the quiz's own input macros render it.
        slots.append(
            SimpleNamespace(
                id=position,
                position=position,
                question=question,
                choice_order=order,
                key=shown_text(describe_key(question)),
            )
        )
    has_draws = any(item.is_draw for item in quiz_set.items)
    return render_template(
        "teach/preview.html", quiz_set=quiz_set, slots=slots, has_draws=has_draws
    )
