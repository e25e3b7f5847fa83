"""The admin's page of LMS platforms: the tool's URLs to paste into the LMS, the platforms
registered so far, and the form to register one (or update it, by issuer and client id)."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from quizapp.core.translatable import N_
from quizapp.extensions import db
from quizapp.lti.blueprint import bp
from quizapp.lti.forms import PlatformForm
from quizapp.models import Role
from quizapp.public_urls import public_url
from quizapp.services.errors import LtiError
from quizapp.services.lti_registry import delete_platform, platforms, register_platform


def _admins_only():
    if not current_user.is_authenticated:
        return current_app.login_manager.unauthorized()
    if current_user.role != Role.ADMIN:
        abort(403, N_("This page is for admins."))
    return None


def tool_urls() -> dict[str, str]:
    """What an admin pastes into the LMS, by the names LMSs give the fields."""
    return {
        _("Tool URL / target link URI / redirect URI"): public_url("lti.launch"),
        _("OpenID Connect login initiation URL"): public_url("lti.login"),
        _("Public keyset URL (JWKS)"): public_url("lti.jwks"),
        _("Deep linking URL"): public_url("lti.launch"),
    }


def _page(form: PlatformForm, status: int = 200):
    return render_template(
        "lti/platforms.html", form=form, platforms=platforms(db.session), tool_urls=tool_urls()
    ), status


@bp.get("/platforms")
def platforms_page():
    return _admins_only() or _page(PlatformForm())


@bp.post("/platforms")
def register():
    refused = _admins_only()
    if refused:
        return refused
    form = PlatformForm()
    if not form.validate():
        return _page(form, 400)
    try:
        platform, created = register_platform(db.session, form.fields())
    except LtiError as error:
        db.session.rollback()
        form.form_errors.append(_(error.message) if error.message else error.message)
        return _page(form, error.status)
    db.session.commit()
    if created:
        flash(_("%(name)s registered.", name=platform.name), "success")
    else:
        flash(_("%(name)s updated.", name=platform.name), "success")
    return redirect(url_for("lti.platforms_page"))


@bp.post("/platforms/<id:platform_id>/delete")
def delete(platform_id: int):
    refused = _admins_only()
    if refused:
        return refused
    platform = delete_platform(db.session, platform_id)
    db.session.commit()
    flash(
        _("%(name)s removed: its launches are refused from now on.", name=platform.name), "success"
    )
    return redirect(url_for("lti.platforms_page"))
