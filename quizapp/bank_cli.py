"""``flask bank export`` and ``flask bank import``: an article's questions as a file, and back."""

from __future__ import annotations

from pathlib import Path

import click
import sqlalchemy as sa
from flask import current_app
from flask.cli import AppGroup

from quizapp.core.interchange.formats import BY_NAME
from quizapp.core.interchange.records import InterchangeError
from quizapp.extensions import db
from quizapp.models import User
from quizapp.services.errors import TeachingError
from quizapp.services.interchange import export_file, import_file
from quizapp.services.media import media_sink, media_store

bank_cli = AppGroup(
    "bank", help="Export and import questions (Moodle XML, GIFT) and decks (CSV, Anki)."
)


@bank_cli.command("export")
@click.option("--article", "slug", required=True, help="The article's slug.")
@click.option("--format", "fmt", type=click.Choice(list(BY_NAME)), required=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    required=True,
    help="The file to write.",
)
def export_command(slug: str, fmt: str, output: Path) -> None:
    """Write the article's live questions (moodle-xml, gift: a Moodle category per topic) or
    flashcards (csv, apkg)."""
    try:
        data = export_file(db.session, slug, fmt, store=media_store(current_app.config, db.session))
    except TeachingError as error:
        raise click.ClickException(error.message) from error
    output.write_bytes(data)
    click.echo(f"Wrote {output} ({len(data)} bytes).")
    for note in BY_NAME[fmt].not_carried(data):
        click.echo(f"Not carried: {note}")


@bank_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--article",
    "slug",
    help="Import into this article (made if missing); "
    "without it, into a new article named after the file.",
)
@click.option(
    "--author",
    "email",
    help="A teacher whose own questions these become; without "
    "it they join the shared bank, read-only for every teacher.",
)
@click.option(
    "--with-progress",
    is_flag=True,
    help="An Anki deck's review history becomes the --author's own (their FSRS memory "
    "continues where Anki left it).",
)
def import_command(file: Path, slug: str | None, email: str | None, with_progress: bool) -> None:
    """Import a question bank (Moodle XML .xml, GIFT .gift or .txt) or a deck (CSV .csv or
    .tsv, Anki .apkg): every item it can, with the reason for each one skipped; nothing at all
    when the file cannot be read."""
    limit = current_app.config["MAX_IMPORT_BYTES"]
    if file.stat().st_size > limit:
        raise click.ClickException(f"{file.name} is larger than {limit // (1024 * 1024)} MB.")
    author = None
    if email:
        author = db.session.scalar(sa.select(User).where(User.email == email.lower()))
        if author is None:
            raise click.ClickException(f"No account with the email {email}.")
    if with_progress and author is None:
        raise click.ClickException("--with-progress needs --author: whose progress is it?")
    try:
        report = import_file(
            db.session,
            file.name,
            file.read_bytes(),
            importer_id=author.id if author else None,
            article_slug=slug,
            learner=author if with_progress else None,
            media=media_sink(current_app.config, db.session),
        )
    except InterchangeError as error:
        db.session.rollback()
        raise click.ClickException(f"Nothing was imported. {error}") from error
    db.session.commit()
    kinds = ", ".join(f"{n} {t.replace('_', ' ')}" for t, n in sorted(report.imported.items()))
    click.echo(
        f"Imported {report.counted} into “{report.article_title}” ({report.article_slug}): {kinds}."
    )
    # Into the article a file came from, items it already had are updated or left alone.
    click.echo(f"By kind: {report.by_kind}.")
    for skipped in report.skipped:
        click.echo(f"Skipped {skipped.name}: {skipped.reason}")
    for changed in report.changed:
        click.echo(f"Changed {changed.name}: {changed.change}")
    if report.drafts:
        # Nothing silent: what lost a part is not published until a person has looked at it.
        click.echo(
            f"{report.drafts} of them lost or changed a part (listed above) and wait as drafts "
            f"on the article's review page."
        )
