"""Operator commands: ``flask seed``, ``flask users create``, ``flask fsrs fit`` and (from
``bank_cli``) ``flask bank export|import``."""

from __future__ import annotations

from pathlib import Path

import click
import sqlalchemy as sa
from flask import Flask
from flask.cli import AppGroup

from quizapp import ROOT
from quizapp.bank_cli import bank_cli
from quizapp.core.bank import BankError
from quizapp.core.passwords import password_problem
from quizapp.extensions import db
from quizapp.models import Role, TeacherStatus, User
from quizapp.services.accounts import AccountError, create_account
from quizapp.services.seeding import seed_article

DEFAULT_ARTICLE = ROOT / "seed" / "article-russia-pivot-east.txt"
DEFAULT_BANK = ROOT / "seed" / "question_bank.yaml"

users_cli = AppGroup("users", help="Manage accounts.")
fsrs_cli = AppGroup("fsrs", help="Fit learners' FSRS parameters to their review logs.")
articles_cli = AppGroup("articles", help="Import articles into the library.")


@click.command("seed")
@click.option(
    "--article",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=DEFAULT_ARTICLE,
    show_default=True,
)
@click.option(
    "--bank",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Question bank (YAML); the seed article's bank by default.",
)
def seed_command(article: Path, bank: Path | None) -> None:
    """Import the article, its topics, claims, flashcards and questions (idempotent).

    Another article without a bank gets the generated items only.
    """
    bank_path = bank
    if bank_path is None and article.resolve() == DEFAULT_ARTICLE.resolve():
        bank_path = DEFAULT_BANK
    try:
        with click.progressbar(length=1, label="Importing") as bar:

            def progress(chunks):
                bar.length = len(chunks)
                for chunk in chunks:
                    yield chunk
                    bar.update(1)

            report = seed_article(db.session, article, bank_path, progress)
        db.session.commit()
    except BankError as error:
        db.session.rollback()
        raise click.ClickException(
            f"The question bank is not valid; nothing was imported.\n{error}"
        ) from error
    click.echo(f"Article: {article.name}" + (f", bank: {bank_path.name}" if bank_path else ""))
    types = sorted({t for counts in report.by_topic.values() for t in counts})
    click.echo(f"{'topic':40} " + " ".join(f"{t[:13]:>13}" for t in types))
    for topic, counts in report.by_topic.items():
        click.echo(f"{topic[:40]:40} " + " ".join(f"{counts.get(t, 0):>13}" for t in types))
    total = {t: sum(c.get(t, 0) for c in report.by_topic.values()) for t in types}
    click.echo(f"{'total':40} " + " ".join(f"{total[t]:>13}" for t in types))
    if report.changed:
        parts = [f"{n} {kind} created" for kind, n in report.created.items()]
        parts += [f"{n} {kind} updated" for kind, n in report.updated.items()]
        parts += [f"{n} {kind} retired" for kind, n in report.retired.items()]
        click.echo("Changes: " + ", ".join(parts) + ".")
    else:
        click.echo("Nothing changed: the database already matches the seed.")


@users_cli.command("create")
@click.option("--email", prompt=True)
@click.option("--name", "display_name", prompt="Display name")
@click.option("--role", type=click.Choice([r.value for r in Role]), default=Role.STUDENT.value)
@click.password_option()
def create_user(email: str, display_name: str, role: str, password: str) -> None:
    """Create an account (student, teacher or admin)."""
    email = email.strip().lower()
    problem = password_problem(password, email=email, name=display_name)
    if problem:
        raise click.ClickException(problem)
    try:
        create_account(db.session, email, display_name, password, role)
    except AccountError as error:
        raise click.ClickException(error.message) from error
    db.session.commit()
    click.echo(f"Created {role} {email}.")


@users_cli.command("pending")
def list_pending_teachers() -> None:
    """Teacher accounts waiting for an admin's approval."""
    pending = db.session.scalars(
        sa.select(User)
        .where(User.teacher_status == TeacherStatus.PENDING)
        .order_by(User.created_at)
    ).all()
    for user in pending:
        click.echo(f"{user.email}\t{user.display_name}\t{user.created_at:%Y-%m-%d %H:%M} UTC")
    if not pending:
        click.echo("No teacher account is waiting for approval.")


@users_cli.command("approve")
@click.argument("email")
def approve_teacher(email: str) -> None:
    """Make a pending teacher account a teacher."""
    user = db.session.scalar(sa.select(User).where(User.email == email.strip().lower()))
    if user is None or user.teacher_status != TeacherStatus.PENDING:
        raise click.ClickException(f"No teacher account waits for approval under {email}.")
    user.role, user.teacher_status = Role.TEACHER, None
    db.session.commit()
    click.echo(f"{user.email} is a teacher now.")


@fsrs_cli.command("fit")
@click.option("--email", help="Fit this learner only.")
@click.option("--all", "everyone", is_flag=True, help="Fit every learner with reviews.")
def fit_command(email: str | None, everyone: bool) -> None:
    """Fit FSRS parameters; keep them only where they predict later reviews better.

    Run it from cron (nightly, say): fitting takes seconds per learner, so it never runs inside
    a web request. Each learner is committed on its own, so one failure loses no other fit.
    """
    from quizapp.models import ReviewLog
    from quizapp.services.learner_scheduler import fit_learner

    if bool(email) == everyone:
        raise click.UsageError("Give --email EMAIL or --all.")
    if email:
        user = db.session.scalar(sa.select(User).where(User.email == email.strip().lower()))
        if user is None:
            raise click.ClickException(f"No account with the email {email}.")
        users = [user]
    else:
        ids = sa.select(ReviewLog.user_id).distinct()
        users = list(db.session.scalars(sa.select(User).where(User.id.in_(ids)).order_by(User.id)))
    results = []
    with click.progressbar(users, label="Fitting", show_pos=True) as bar:
        for user in bar:
            outcome = fit_learner(db.session, user)
            db.session.commit()
            results.append((user.email, outcome))
    for address, outcome in results:
        verdict = "new parameters kept" if outcome.kept else "kept current parameters"
        click.echo(f"{address}: {verdict}; {outcome.message}")


@articles_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--publish",
    is_flag=True,
    help="Open the article to everyone with its items published (no review).",
)
@click.option("--title", default="", help="The article's title (else the file's own).")
@click.option("--owner", "owner_email", help="The teacher who owns and reviews it.")
def import_articles_command(file: Path, publish: bool, title: str, owner_email: str | None):
    """Import FILE (.txt, .md, .html, .docx, .pdf); importing it again updates it.

    Without --publish the items are drafts for the owner's review page.
    """
    from quizapp.core.text import slugify
    from quizapp.services.article_library import ArticleUpload, import_upload
    from quizapp.services.errors import TeachingError

    owner = None
    if owner_email:
        owner = db.session.scalar(sa.select(User).where(User.email == owner_email.strip().lower()))
        if owner is None or not owner.is_teacher:
            raise click.ClickException(f"No teacher account with the email {owner_email}.")
    upload = ArticleUpload(filename=file.name, data=file.read_bytes(), title=title)
    try:
        article, report = import_upload(
            db.session,
            upload,
            owner.id if owner else None,
            slug=slugify(file.stem),
            publish=publish,
            drafts=not publish,
        )
        db.session.commit()
    except TeachingError as error:
        db.session.rollback()
        raise click.ClickException(f"{error.message} Nothing was imported.") from error
    status = "published to everyone" if publish else "items are drafts awaiting review"
    click.echo(
        f"Imported “{article.title}” ({article.slug}): {len(article.topics)} topics; {status}."
    )
    parts = [f"{n} {kind} created" for kind, n in report.created.items()]
    parts += [f"{n} {kind} updated" for kind, n in report.updated.items()]
    parts += [f"{n} {kind} kept as reviewed" for kind, n in report.kept.items()]
    click.echo(("Changes: " + ", ".join(parts) + ".") if parts else "Nothing changed.")


def init_app(app: Flask) -> None:
    app.cli.add_command(bank_cli)
    app.cli.add_command(articles_cli)
    app.cli.add_command(seed_command)
    app.cli.add_command(users_cli)
    app.cli.add_command(fsrs_cli)
