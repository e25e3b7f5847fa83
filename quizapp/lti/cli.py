"""``flask lti register`` and ``flask lti urls``: an LMS registered from the command line."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from quizapp.extensions import db
from quizapp.services.errors import LtiError
from quizapp.services.lti_registry import PlatformFields, register_platform, tool_key

lti_cli = AppGroup("lti", help="Link quizapp to a school's LMS (LTI 1.3).")


def _echo_tool_urls() -> None:
    from quizapp.lti.admin_views import tool_urls

    for label, url in tool_urls().items():
        click.echo(f"{label}: {url}")


@lti_cli.command("urls")
def urls_command() -> None:
    """The tool's URLs to paste into the LMS."""
    _echo_tool_urls()


@lti_cli.command("register")
@click.option("--name", required=True, help="A name for the platform (for admins).")
@click.option("--issuer", required=True, help="The platform's issuer (platform id).")
@click.option("--client-id", required=True, help="The client id the LMS gave the tool.")
@click.option("--deployment-id", "deployment_ids", multiple=True, required=True)
@click.option("--login-url", required=True, help="The LMS's OIDC authentication URL.")
@click.option("--token-url", required=True, help="The LMS's access token URL.")
@click.option("--jwks-url", required=True, help="The LMS's public keyset URL.")
def register_command(
    name: str,
    issuer: str,
    client_id: str,
    deployment_ids: tuple[str, ...],
    login_url: str,
    token_url: str,
    jwks_url: str,
) -> None:
    """Register an LMS (again: update its URLs and add deployment ids)."""
    fields = PlatformFields(
        name=name,
        issuer=issuer,
        client_id=client_id,
        auth_login_url=login_url,
        auth_token_url=token_url,
        key_set_url=jwks_url,
        deployment_ids=deployment_ids,
    )
    try:
        platform, created = register_platform(db.session, fields)
        tool_key(db.session)
    except LtiError as error:
        db.session.rollback()
        raise click.ClickException(f"{error.message} Nothing was registered.") from error
    db.session.commit()
    click.echo(f"{platform.name} {'registered' if created else 'updated'}. Paste into the LMS:")
    _echo_tool_urls()


@lti_cli.command("send-grades")
@click.option("--limit", default=500, show_default=True, help="At most this many grades a run.")
def send_grades_command(limit: int) -> None:
    """Post the grade outbox to the LMSs; run it from cron every minute or so.

    Grades the LMS refuses or cannot take now (it is down) stay queued and are tried again
    later, each time after a longer wait; none is dropped, none is posted twice.
    """
    from quizapp.core.clock import utcnow
    from quizapp.lti.grade_sender import send_due_grades
    from quizapp.services.lti_grades import queue_missing_grades

    queued = queue_missing_grades(db.session)
    db.session.commit()
    report = send_due_grades(db.session, utcnow, limit)
    click.echo(f"{queued} grades queued, {report.sent} sent, {len(report.failed)} to retry.")
    for line in report.failed:
        click.echo(f"  {line}")


@lti_cli.command("sync-roster")
@click.option("--class-id", type=int, help="Only this class.")
@click.option("--all", "everyone", is_flag=True, help="Every class linked to an LMS course.")
def sync_roster_command(class_id: int | None, everyone: bool) -> None:
    """Enrol each LMS course's learners in its class (Names and Role Provisioning)."""
    from quizapp.lti.roster_sync import sync_roster
    from quizapp.services.lti_roster import linked_rosters

    if (class_id is None) != everyone:
        raise click.UsageError("Give --class-id ID or --all.")
    links = linked_rosters(db.session)
    if class_id is not None:
        links = [link for link in links if link.class_id == class_id]
        if not links:
            raise click.ClickException(f"Class {class_id} has no LMS roster.")
    failed = False
    for link in links:
        try:
            report = sync_roster(db.session, link)
        except LtiError as error:
            db.session.rollback()
            click.echo(f"Class {link.class_id}: {error.message}")
            failed = True
            continue
        db.session.commit()
        click.echo(f"Class {link.class_id}: {report.sentence()}")
    if failed:
        raise click.ClickException("Some rosters could not be fetched; nothing of theirs changed.")
