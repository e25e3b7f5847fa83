"""Teachers: import a question bank (Moodle XML, GIFT) and export an article's questions."""

from __future__ import annotations

import io

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
from flask_login import current_user
from wtforms import SelectChoice

from quizapp.core.interchange.records import InterchangeError
from quizapp.extensions import db
from quizapp.models import Article
from quizapp.services.question_exchange import (
    QUESTION_FORMATS,
    export_questions,
    import_question_file,
)
from quizapp.services.teaching_errors import TeachingError
from quizapp.teach.blueprint import bp
from quizapp.teach.exchange_forms import BankExportForm, BankImportForm

IMPORT_ENDPOINTS = {"teach.import_bank"}
MAX_SKIPPED_SHOWN = 20


def allow_large_imports() -> None:
    """Raise this request's body limit to MAX_IMPORT_BYTES on the import route only.

    It must run before any other before-request function reads the form (CSRF protection
    does), so ``register`` puts it first; a larger body is refused with 413 from its
    Content-Length before it is read.
    """
    if request.endpoint in IMPORT_ENDPOINTS:
        request.max_content_length = current_app.config["MAX_IMPORT_BYTES"]


def register_limits(app: Flask) -> None:
    app.before_request_funcs.setdefault(None, []).insert(0, allow_large_imports)


def _export_form() -> BankExportForm:
    form = BankExportForm(formdata=request.args or None)
    form.article.choices = [SelectChoice(slug, title) for slug, title in db.session.execute(
        sa.select(Article.slug, Article.title).order_by(Article.title))]  # fmt: skip
    return form


@bp.get("/exchange")
def exchange():
    """The import form and the export form."""
    limit = current_app.config["MAX_IMPORT_BYTES"] // (1024 * 1024)
    return render_template("teach/exchange.html", import_form=BankImportForm(),
                           export_form=_export_form(), limit_mb=limit)  # fmt: skip


@bp.post("/exchange/import")
def import_bank():
    """Import a file into a new article named after it; report what was skipped and why."""
    form = BankImportForm()
    if not form.validate_on_submit():
        for errors in form.errors.values():
            for message in errors:
                flash(message, "error")
        return redirect(url_for("teach.exchange"))
    upload = form.file.data
    try:
        report = import_question_file(db.session, upload.filename or "import.xml",
                                      upload.read(), importer_id=current_user.id)  # fmt: skip
    except InterchangeError as error:
        db.session.rollback()
        flash(f"Nothing was imported. {error}", "error")
        return redirect(url_for("teach.exchange"))
    db.session.commit()
    flash(f"Imported {report.total} question{'s' if report.total != 1 else ''} into the new "
          f"article “{report.article_title}”; they are in My questions.", "success")  # fmt: skip
    for skipped in report.skipped[:MAX_SKIPPED_SHOWN]:
        flash(f"Skipped {skipped.name}: {skipped.reason}.", "warning")
    if len(report.skipped) > MAX_SKIPPED_SHOWN:
        flash(f"… and {len(report.skipped) - MAX_SKIPPED_SHOWN} more skipped.", "warning")
    return redirect(url_for("teach.exchange"))


@bp.get("/exchange/export")
def export_bank():
    """The chosen article's questions (seeded and the teacher's own) as a file."""
    form = _export_form()
    if not form.validate():
        raise TeachingError("Choose an article and a format.")
    data = export_questions(db.session, form.article.data, form.format.data,
                            teacher_id=current_user.id)  # fmt: skip
    name = f"{form.article.data}{QUESTION_FORMATS[form.format.data]}"
    mimetype = "application/xml" if form.format.data == "moodle-xml" else "text/plain"
    return send_file(io.BytesIO(data), mimetype=mimetype, as_attachment=True,
                     download_name=name)  # fmt: skip
