"""The account's personal access tokens for the JSON API: made (the secret shown once, on the
answer to the POST, never again), listed and revoked."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from quizapp.auth.forms import ApiTokenForm, RevokeTokenForm
from quizapp.extensions import db
from quizapp.services import api_tokens
from quizapp.services.errors import AccountError
from quizapp.web_forms import submit_form

bp = Blueprint("api_tokens", __name__, url_prefix="/account/tokens")


def _page(form: ApiTokenForm, status: int, secret: str | None = None):
    tokens = api_tokens.user_tokens(db.session, current_user.id)
    return (
        render_template(
            "auth/api_tokens.html",
            form=form,
            revoke=RevokeTokenForm(),
            tokens=tokens,
            secret=secret,
        ),
        status,
    )


@bp.route("/", methods=["GET", "POST"])
@login_required
def tokens():
    form = ApiTokenForm()
    saving = submit_form(
        form,
        lambda: api_tokens.create_token(db.session, current_user, form.name.data, form.scope.data),
        field=form.name,
        refusals=AccountError,
    )
    if saving.saved:
        # Shown in this answer only (no redirect: a flash would keep it in the session
        # cookie); the page is personal, so it is never cached (security_headers).
        return _page(ApiTokenForm(formdata=None), 200, saving.value.secret)
    return _page(form, saving.status)


@bp.post("/<id:token_id>/revoke")
@login_required
def revoke(token_id: int):
    # The CSRF token is checked by CSRFProtect before this runs; the form has nothing else.
    token = api_tokens.revoke_token(db.session, current_user.id, token_id)
    db.session.commit()
    flash(_("The token “%(name)s” is revoked; it no longer works.", name=token.name), "success")
    return redirect(url_for("api_tokens.tokens"))
