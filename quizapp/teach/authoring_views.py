"""Teachers: their own questions and flashcards; seeded ones are read-only but can be copied."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user
from flask_wtf.file import FileField
from sqlalchemy.orm import selectinload

from quizapp.core.question_kinds import describe_key
from quizapp.extensions import db
from quizapp.models import Claim, Flashcard, Question, Topic
from quizapp.quiz.answers import shown_text
from quizapp.services import authoring, tag_filter
from quizapp.services.authoring import FlashcardFields
from quizapp.services.media import (
    CARD_PLACES,
    QUESTION_PLACES,
    media_limits,
    media_store,
    places_shown,
    with_uploads,
)
from quizapp.services.practice import topic_and_descendants
from quizapp.services.visibility import usable_claims, usable_item
from quizapp.teach.authoring_forms import FlashcardForm, QuestionForm, claim_choices
from quizapp.teach.blueprint import bp
from quizapp.teach.forms import ItemFilterForm
from quizapp.teach.labels import TYPE_LABELS
from quizapp.teach.media_fields import fill_alts, read_choice_uploads, read_uploads
from quizapp.teach.set_views import teacher_topic_choices
from quizapp.web_forms import submit_form
from quizapp.web_ids import parse_id

BANK_PAGE_SIZE = 25


def _claims(item=None):
    """The claims the picker offers: those of the articles the teacher may use, and the edited
    ``item``'s own (its article may since have been unpublished: the teacher's item stays
    theirs to edit)."""
    offered = usable_claims(current_user.id)
    if item is not None:
        offered = sa.or_(offered, Claim.id == item.claim_id)
    return db.session.scalars(
        sa.select(Claim)
        .join(Topic, Claim.topic_id == Topic.id)
        .where(offered)
        .options(selectinload(Claim.topic))
        .order_by(Topic.article_id, Topic.position, Claim.start_offset)
    ).all()


@bp.get("/items")
def items():
    """The teacher's own items and the article's bank (filterable), with copy and edit."""
    filters = ItemFilterForm(formdata=request.args)
    filters.topic.choices = teacher_topic_choices(_("Any topic"))
    filters.validate()
    tags = _tag_filter(filters)
    topic = filters.topic.data if not filters.topic.errors else None
    qtype = filters.type.data if not filters.type.errors else None
    topics = topic_and_descendants(db.session, [topic]) if topic else None
    listing = {}
    for name, authored in AUTHORED.items():
        for mine in (True, False):
            listing[(name, mine)] = authoring.teacher_items(
                db.session,
                authored.model,
                current_user.id,
                mine=mine,
                topic_ids=topics,
                question_type=qtype,
                tags=tags.only,
            )
    # The bank runs to hundreds of items once teachers import articles: a page at a time keeps
    # the page small (every row carries its own copy form).
    page = max(parse_id(request.args.get("page")) or 1, 1)
    bank = {name: listing[(name, False)] for name in AUTHORED}
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
        describe_key=lambda question: shown_text(describe_key(question)),
    )


def _tag_filter(filters: ItemFilterForm) -> tag_filter.TagChoice:
    """The tag chosen (``?tag=``), and the tags the list's items hold offered with counts; a
    tag none of them holds is said so under the field (the lists then show nothing)."""
    scopes = [
        (authored.model, authoring.teacher_item_ids(authored.model, current_user.id))
        for authored in AUTHORED.values()
    ]
    tags = tag_filter.choose(db.session, request.args.get("tag"), *scopes)
    filters.tag.choices = [("", _("Any tag"))] + [
        (t.tag, ngettext("%(tag)s (%(num)d item)", "%(tag)s (%(num)d items)", t.count, tag=t.tag))
        for t in tags.offered
    ]
    filters.tag.data = next((t.tag for t in tags.offered if tags.chosen(t.tag)), tags.tag or "")
    if tags.unknown:
        filters.tag.errors = [
            _("No question or flashcard you can use has the tag “%(tag)s”.", tag=tags.tag)
        ]
    return tags


@dataclass(frozen=True)
class AuthoredKind:
    """What differs between writing a question and a flashcard; the views are the same."""

    model: type[Question] | type[Flashcard]
    form: type[QuestionForm] | type[FlashcardForm]
    template: str
    name: str  # what the template calls the item
    create: Callable[..., Any]
    update: Callable[..., None]
    copy: Callable[..., Any]
    form_view: Callable[[Any], Any]  # the stored item as the form's ``fill`` takes it
    edit_endpoint: str
    id_arg: str
    created: Any  # the flash message after a new one is saved (a lazy string)
    saved: Any
    places: tuple[str, ...]  # where the item may show a picture or sound


QUESTIONS = AuthoredKind(
    model=Question,
    form=QuestionForm,
    template="teach/question_form.html",
    name="question",
    create=authoring.create_question,
    update=authoring.update_question,
    copy=authoring.copy_question,
    form_view=authoring.fields_of,
    edit_endpoint="teach.edit_question",
    id_arg="question_id",
    created=_l("Question saved. It can now be added to your quiz sets."),
    saved=_l("Question saved."),
    places=QUESTION_PLACES,
)
FLASHCARDS = AuthoredKind(
    model=Flashcard,
    form=FlashcardForm,
    template="teach/flashcard_form.html",
    name="card",
    create=authoring.create_flashcard,
    update=authoring.update_flashcard,
    copy=authoring.copy_flashcard,
    form_view=lambda card: card,
    edit_endpoint="teach.edit_flashcard",
    id_arg="card_id",
    created=_l("Flashcard saved."),
    saved=_l("Flashcard saved."),
    places=CARD_PLACES,
)
AUTHORED = {"questions": QUESTIONS, "flashcards": FLASHCARDS}


def item_form(kind: AuthoredKind, claims, item=None) -> QuestionForm | FlashcardForm:
    """The form for ``kind``, offering ``claims``; filled from ``item`` when first shown."""
    form = kind.form()
    form.claim_id.choices = claim_choices(claims)
    if request.method == "GET" and item is not None:
        form.fill(kind.form_view(item))
        fill_alts(form, kind.places, item.media)
    return form


def save_with_media(kind: AuthoredKind, form, item=None):
    """Create or update the item from ``form``, then attach what it uploaded; a refused file
    raises before the commit, so nothing of the item is kept either."""
    config = current_app.config
    uploads = read_uploads(form, kind.places, config["MEDIA_MAX_BYTES"])
    current = item.media if item is not None else []
    fields = form.fields()
    if isinstance(fields, FlashcardFields):
        sides = frozenset(places_shown(current, uploads))
        fields = dataclasses.replace(fields, sides_with_media=sides)
    if item is None:
        item = kind.create(db.session, current_user.id, fields)
    else:
        kind.update(db.session, item, fields, current_user.id)
    if isinstance(item, Question):  # its choices have their ids now: a file is placed by one
        uploads += read_choice_uploads(form, item.choices, config["MEDIA_MAX_BYTES"])
    store = media_store(config, db.session)
    item.media = with_uploads(
        db.session, store, media_limits(config), current, uploads, current_user.id
    )
    return item


# Browsers never keep a chosen file when the page comes back with an error: say so beside it.
CHOOSE_AGAIN = _l("Choose the file again: a browser does not keep it when the form has an error.")


def _ask_for_files_again(form: QuestionForm | FlashcardForm) -> None:
    """Beside each file field that carried a file into a refused submit, ask for it again."""
    if request.method != "POST":
        return
    for field in form:
        if isinstance(field, FileField) and getattr(field.data, "filename", ""):
            field.errors = [*field.errors, CHOOSE_AGAIN]


def _new_item(kind: AuthoredKind, form: QuestionForm | FlashcardForm):
    outcome = submit_form(form, lambda: save_with_media(kind, form))
    if outcome.saved:
        flash(str(kind.created), "success")
        return redirect(url_for("teach.items"))
    _ask_for_files_again(form)
    return render_template(kind.template, form=form, **{kind.name: None}), outcome.status


def _edit_item(kind: AuthoredKind, item_id: int, **context: Callable[[Any], Any]):
    """Edit the teacher's own item; ``context`` adds template values computed from it."""
    item = authoring.editable_item(db.session, kind.model, item_id, current_user.id)
    form = item_form(kind, _claims(item), item)
    outcome = submit_form(form, lambda: save_with_media(kind, form, item))
    if outcome.saved:
        flash(str(kind.saved), "success")
        return redirect(url_for("teach.items"))
    _ask_for_files_again(form)
    values = {name: compute(item) for name, compute in context.items()}
    return render_template(kind.template, form=form, **{kind.name: item}, **values), outcome.status


@bp.route("/questions/new", methods=["GET", "POST"])
def new_question():
    form = item_form(QUESTIONS, _claims())
    claim_id = parse_id(request.args.get("claim"))  # "write a question" from a claim's page
    if request.method == "GET" and claim_id is not None:
        form.claim_id.data = claim_id
    return _new_item(QUESTIONS, form)


@bp.route("/questions/<id:question_id>/edit", methods=["GET", "POST"])
def edit_question(question_id: int):
    return _edit_item(
        QUESTIONS, question_id, answered=lambda q: authoring.is_answered(db.session, q)
    )


@bp.route("/flashcards/new", methods=["GET", "POST"])
def new_flashcard():
    return _new_item(FLASHCARDS, item_form(FLASHCARDS, _claims()))


@bp.route("/flashcards/<id:card_id>/edit", methods=["GET", "POST"])
def edit_flashcard(card_id: int):
    return _edit_item(FLASHCARDS, card_id)


@bp.post("/<any(questions, flashcards):kind>/<id:item_id>/copy")
def copy_item(kind: str, item_id: int):
    authored = AUTHORED[kind]
    item = usable_item(db.session, authored.model, item_id, current_user.id)
    copy = authored.copy(db.session, item, current_user.id)
    db.session.commit()
    flash(_("Copied. This is your own version: edit it as you like."), "success")
    return redirect(url_for(authored.edit_endpoint, **{authored.id_arg: copy.id}))


@bp.post("/<any(questions, flashcards):kind>/<id:item_id>/delete")
def delete_item(kind: str, item_id: int):
    item = authoring.editable_item(db.session, AUTHORED[kind].model, item_id, current_user.id)
    outcome = authoring.retire_or_delete(db.session, item)
    db.session.commit()
    if outcome == "retired":
        flash(
            _("Retired: it has been used, so it is kept for the results but no longer offered."),
            "success",
        )
    else:
        flash(_("Deleted."), "success")
    return redirect(url_for("teach.items"))
