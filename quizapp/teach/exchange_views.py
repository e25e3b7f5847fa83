"""Teachers: import question banks and decks, and export an article's questions or cards."""

from __future__ import annotations

import io
from collections import Counter

import sqlalchemy as sa
from flask import (
    Flask,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from wtforms import SelectChoice

from quizapp.core.interchange.flashcard_csv import read_cards
from quizapp.core.interchange.formats import BY_NAME
from quizapp.core.interchange.records import InterchangeError, decode_text
from quizapp.extensions import db
from quizapp.i18n import refusal_text, report_sentence, worded
from quizapp.models import Article
from quizapp.services.deck_exchange import import_cards
from quizapp.services.errors import TeachingError
from quizapp.services.interchange import export_file, import_file
from quizapp.services.media import media_sink, media_store
from quizapp.services.question_exchange import ImportReport
from quizapp.services.visibility import usable_articles
from quizapp.teach.anki_report import flash_anki_report
from quizapp.teach.blueprint import bp
from quizapp.teach.exchange_forms import (
    BankExportForm,
    BankImportForm,
    CardsPasteForm,
    CardsSaveForm,
)
from quizapp.template_helpers import kind_name
from quizapp.web_forms import submit_form

IMPORT_ENDPOINTS = {"teach.import_bank", "teach.preview_cards"}
MAX_SKIPPED_SHOWN = 20
# The pasted-deck preview words its rows' names, changes and reasons in the teacher's language.
bp.add_app_template_global(report_sentence, "report_sentence")
PREVIEW_ROWS = 50


def allow_large_imports() -> None:
    """Raise this request's body limit to MAX_IMPORT_BYTES on the upload routes only.

    It must run before any other before-request function reads the form (CSRF protection
    does), so ``register_limits`` puts it first; a larger body is refused with 413 from its
    Content-Length before it is read.
    """
    if request.endpoint in IMPORT_ENDPOINTS:
        request.max_content_length = current_app.config["MAX_IMPORT_BYTES"]


def register_limits(app: Flask) -> None:
    app.before_request_funcs.setdefault(None, []).insert(0, allow_large_imports)


def _export_form() -> BankExportForm:
    form = BankExportForm(formdata=request.args or None)
    # Only the articles this teacher may use: another teacher's private reading stays private.
    usable = sa.select(Article.slug, Article.title).where(
        Article.id.in_(usable_articles(current_user.id))
    )
    rows = db.session.execute(usable.order_by(Article.title, Article.slug)).all()
    form.article.choices = [SelectChoice(slug, label) for slug, label in _told_apart(rows)]
    return form


def _told_apart(rows: list[sa.Row]) -> list[tuple[str, str]]:
    """(slug, label) per article: its title, with its address when another has that title (two
    imports of one file make two articles of one name)."""
    titles = Counter(row.title for row in rows)
    return [
        (row.slug, f"{row.title} ({row.slug})" if titles[row.title] > 1 else row.title)
        for row in rows
    ]


def _import_form() -> BankImportForm:
    """The upload form, offering a new article or one of the teacher's own: only an article
    they own is theirs to update (the bank's and other teachers' stay as they are)."""
    form = BankImportForm()
    own = sa.select(Article.id, Article.title, Article.slug).where(
        Article.owner_id == current_user.id
    )
    rows = db.session.execute(own.order_by(Article.title, Article.id)).all()
    labels = dict(_told_apart(rows))
    form.into.choices = [SelectChoice("", _("A new article named after the file"))] + [
        SelectChoice(str(row.id), labels[row.slug]) for row in rows
    ]
    return form


def _page(
    cards_form: CardsPasteForm | None = None,
    status: int = 200,
    import_form: BankImportForm | None = None,
):
    limit = current_app.config["MAX_IMPORT_BYTES"] // (1024 * 1024)
    return render_template(
        "teach/exchange.html",
        import_form=import_form or _import_form(),
        cards_form=cards_form or CardsPasteForm(),
        export_form=_export_form(),
        limit_mb=limit,
    ), status


def _imported_message(report: ImportReport) -> str:
    """What was imported and where it went, as one sentence in the teacher's language."""
    questions = report.noun == "question"
    # An Anki deck imported again goes back into the article it went into, and a teacher may
    # import a file into an article of theirs.
    new_article = report.new_article
    counted = (
        ngettext("%(num)d question", "%(num)d questions", report.total)
        if questions
        else ngettext("%(num)d flashcard", "%(num)d flashcards", report.total)
    )
    if questions and not new_article and not report.total:
        # A file imported back into its article may bring nothing new: its updates and
        # unchanged questions are counted on the line that follows.
        return _("No new question for the article “%(title)s”.", title=report.article_title)
    if questions and new_article:
        return _(
            "Imported %(items)s into the new article “%(title)s”, as drafts: accept, edit or "
            "reject them below before students see them.",
            items=counted,
            title=report.article_title,
        )
    if questions:
        return _(
            "Imported %(items)s into the article “%(title)s”, as drafts: accept, edit or "
            "reject them below before students see them.",
            items=counted,
            title=report.article_title,
        )
    if new_article:
        return _(
            "Imported %(items)s into the new article “%(title)s”, in My questions and flashcards.",
            items=counted,
            title=report.article_title,
        )
    return _(
        "Imported %(items)s into the article “%(title)s”, in My questions and flashcards.",
        items=counted,
        title=report.article_title,
    )


def _by_kind(report: ImportReport) -> str:
    """Items already in the article by key, kind by kind, in the teacher's language."""
    kinds = sorted(set(report.imported) | set(report.updated) | set(report.unchanged))
    return "; ".join(
        _(
            "%(kind)s: %(updated)s updated, %(unchanged)s unchanged, %(new)s new",
            kind=kind_name(kind),
            updated=report.updated[kind],
            unchanged=report.unchanged[kind],
            new=report.imported[kind],
        )
        for kind in kinds
    )


def _flash_report(report: ImportReport) -> None:
    flash(_imported_message(report), "success")
    if report.drafts:
        flash(
            _(
                "%(n)s of them lost or changed something on the way (listed below) and wait "
                "as drafts for you to review.",
                n=report.drafts,
            ),
            "warning",
        )
    if report.updated or report.unchanged:
        flash(_("Already in the article, by key: %(kinds)s.", kinds=_by_kind(report)), "info")
    for skipped in report.skipped[:MAX_SKIPPED_SHOWN]:
        flash(
            _(
                "Skipped %(name)s: %(reason)s.",
                name=worded(skipped.name),
                reason=report_sentence(skipped.reason),
            ),
            "warning",
        )
    if len(report.skipped) > MAX_SKIPPED_SHOWN:
        more = len(report.skipped) - MAX_SKIPPED_SHOWN
        flash(_("… and %(n)s more skipped.", n=more), "warning")
    for changed in report.changed[:MAX_SKIPPED_SHOWN]:
        flash(
            _(
                "Changed %(name)s: %(change)s.",
                name=worded(changed.name),
                change=report_sentence(changed.change),
            ),
            "warning",
        )
    if len(report.changed) > MAX_SKIPPED_SHOWN:
        more = len(report.changed) - MAX_SKIPPED_SHOWN
        flash(_("… and %(n)s more changed.", n=more), "warning")
    flash_anki_report(report)


def _import_upload(form: BankImportForm) -> ImportReport:
    upload = form.file.data
    # The form only offers (and accepts) the teacher's own articles' ids.
    into = db.session.get(Article, int(form.into.data)) if form.into.data else None
    try:
        return import_file(
            db.session,
            upload.filename or "import",
            upload.read(),
            importer_id=current_user.id,
            article_slug=into.slug if into else None,
            learner=current_user if form.with_progress.data else None,
            media=media_sink(current_app.config, db.session),
        )
    except InterchangeError as error:
        raise TeachingError(
            _("Nothing was imported. %(error)s", error=refusal_text(error))
        ) from error


def _read_pasted_cards(form: CardsPasteForm):
    """The pasted (or uploaded) text and the cards read from it; nothing is saved yet."""
    text = form.text.data or ""
    if form.csv_file.data:
        text = decode_text(form.csv_file.data.read())
    if not text.strip():
        raise InterchangeError(_("Paste some cards or choose a CSV file."))
    return text, read_cards(text)  # an InterchangeError goes on the form (submit_form)


@bp.get("/exchange")
def exchange():
    """The upload form, the paste form for flashcards and the export form."""
    return _page()


@bp.post("/exchange/import")
def import_bank():
    """Import an uploaded file into a new article named after it, or into one of the
    teacher's own, with a report."""
    form = _import_form()
    outcome = submit_form(form, lambda: _import_upload(form))
    if not outcome.saved:
        # The upload form sits on the exchange page among two others: its mistakes are
        # flashed at the top of that page, answered as a 400 since nothing was imported.
        for errors in form.errors.values():
            for message in errors:
                flash(message, "error")
        return _page(import_form=form, status=400)
    report = outcome.value
    _flash_report(report)
    if report.noun == "question" and (report.total or report.updated or report.unchanged):
        # Imported questions are drafts, updated ones the article's: its review page is where
        # the teacher goes next.
        article_id = db.session.scalar(
            sa.select(Article.id).where(Article.slug == report.article_slug)
        )
        return redirect(url_for("teach.review_article", article_id=article_id))
    return redirect(url_for("teach.exchange"))


@bp.post("/exchange/cards/preview")
def preview_cards():
    """The cards a paste or CSV makes, with the separator found; nothing is saved yet."""
    form = CardsPasteForm()
    outcome = submit_form(form, lambda: _read_pasted_cards(form), field=form.text)
    if not outcome.saved:
        return _page(form, outcome.status)
    text, parsed = outcome.value
    save = CardsSaveForm(formdata=None, name=form.name.data, text=text)
    return render_template(
        "teach/cards_preview.html", parsed=parsed, save_form=save, shown=parsed.cards[:PREVIEW_ROWS]
    )


@bp.post("/exchange/cards/import")
def import_pasted_cards():
    """Save the previewed cards into a new article named after the deck."""
    form = CardsSaveForm()
    if not form.validate_on_submit():
        raise TeachingError(_("The cards to save were missing or too long; paste them again."))
    parsed = read_cards(form.text.data)  # an InterchangeError is a 400 (quizapp.errors)
    report = import_cards(
        db.session,
        parsed,
        "paste",
        importer_id=current_user.id,
        title=(form.name.data or "").strip() or _("Pasted flashcards"),
    )
    db.session.commit()
    _flash_report(report)
    return redirect(url_for("teach.exchange"))


@bp.get("/exchange/export")
def export_bank():
    """The chosen article's questions or flashcards (seeded and the teacher's own) as a file."""
    form = _export_form()
    if not form.validate():
        raise TeachingError(_("Choose an article and a format."))
    fmt = BY_NAME[form.format.data]  # the form's choices are the table's names
    store = media_store(current_app.config, db.session)
    data = export_file(db.session, form.article.data, fmt.name, current_user.id, store)
    return send_file(
        io.BytesIO(data),
        mimetype=fmt.mime_type,
        as_attachment=True,
        download_name=f"{form.article.data}{fmt.extension}",
    )
