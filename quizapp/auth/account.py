"""The account page (name, email, time zone, password) and password reset by email."""

from __future__ import annotations

from functools import cache

import sqlalchemy as sa
from babel import Locale
from babel.dates import get_timezone, get_timezone_location
from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import get_locale, refresh
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required, login_user
from sqlalchemy.exc import IntegrityError

from quizapp.auth.forms import NewPasswordForm, ProfileForm, ResetRequestForm
from quizapp.auth.sessions import forget_remember_cookie
from quizapp.auth.throttling import note_mail_sent, throttled, throttled_mail
from quizapp.core.time_zones import DEFAULT_ZONE, canonical_zone, zone_groups, zone_label
from quizapp.core.translatable import N_
from quizapp.extensions import db
from quizapp.mail import in_language_of, send_mail
from quizapp.models import User
from quizapp.public_urls import public_url
from quizapp.services import accounts
from quizapp.services.errors import AccountError
from quizapp.web_forms import form_status, submit_form

bp = Blueprint("account", __name__, url_prefix="/account")

# The same answer whether or not the email has an account.
RESET_SENT = _l(
    "If an account uses this email, a link to choose a new password is on its way. "
    "It works once, for one hour."
)
RESET_BAD_LINK = _l("This link has expired or was used already. Ask for a new one.")
INVITATION_BAD_LINK = _l(
    "This invitation has expired or was used already. Ask for a link to choose your password "
    "here, with the email your teacher used."
)
# The same answer whether or not the new email belongs to another account (the address goes
# in as ``email``).
EMAIL_CHANGE_SENT = N_(
    "To use %(email)s from now on, open the link we mailed to it. Until then your email stays "
    "as it is."
)


# The zone list's areas as the page's language names them (the IANA names are English).
ZONE_AREAS = {
    "Africa": _l("Africa"),
    "America": _l("America"),
    "Antarctica": _l("Antarctica"),
    "Arctic": _l("Arctic"),
    "Asia": _l("Asia"),
    "Atlantic": _l("Atlantic"),
    "Australia": _l("Australia"),
    "Europe": _l("Europe"),
    "Indian": _l("Indian Ocean"),
    "Pacific": _l("Pacific"),
}


@cache
def _city(zone: str, language: str) -> str:
    """The zone's city as CLDR names it in ``language`` (looked up once per process)."""
    return get_timezone_location(get_timezone(zone), locale=language, return_city=True)


def _zone_label(zone: str, locale: Locale | None) -> str:
    """The zone as the list shows it: in English as ``core.time_zones.zone_label`` writes it;
    in another language, the city as CLDR names it there, then the area."""
    if locale is None or "/" not in zone:
        return zone_label(zone)
    area = zone.split("/", 1)[0]
    return f"{_city(zone, str(locale))} ({ZONE_AREAS.get(area, area)})"


def _zone_choices(saved: str) -> dict[str, list[tuple[str, str]]]:
    """The canonical zones grouped by area (``<optgroup>``s); a saved zone with no canonical
    equivalent (``Etc/GMT+5``) is offered as it is, so saving the page keeps it."""
    locale = get_locale()
    locale = None if locale is None or locale.language == "en" else locale
    groups = {
        (str(ZONE_AREAS[area]) if locale and area in ZONE_AREAS else area): [
            (zone, _zone_label(zone, locale)) for zone in zones
        ]
        for area, zones in zone_groups().items()
    }
    if canonical_zone(saved) is None:
        groups = {_("Your current zone"): [(saved, saved.replace("_", " "))], **groups}
    return groups


def _profile_form(posted: bool) -> ProfileForm:
    """The profile form: what was typed when it was sent, else the account as saved (also when
    the password form was sent, so a wrong password there blanks nothing here)."""
    user = current_user
    if posted:
        profile = ProfileForm(obj=user)
    else:
        profile = ProfileForm(formdata=None, obj=user)
        profile.time_zone.data = canonical_zone(user.time_zone) or user.time_zone
        profile.language.data = user.language or ""
    profile.time_zone.choices = _zone_choices(user.time_zone)
    # static/js/time-zone.js offers the browser's zone first, and picks it for an account
    # that never chose one (still on the default).
    unset = not posted and user.time_zone == DEFAULT_ZONE
    profile.time_zone.render_kw = {
        "data-device-zone": "choose" if unset else "offer",
        "data-device-label": _("This device"),
    }
    return profile


def _change(profile: ProfileForm) -> accounts.ProfileChange:
    return accounts.ProfileChange(
        profile.display_name.data,
        profile.email.data,
        profile.time_zone.data,
        profile.current_password.data or "",
        profile.language.data or "",
    )


def _mails_no_one() -> bool:
    """Whether this POST cannot send an email change's mail: the password form, or a profile
    whose email stays (saving a name is never held back by the limit on those mails)."""
    email = (request.form.get("email") or "").strip().lower()
    return request.form.get("form") != "profile" or email == current_user.email


@bp.route("/", methods=["GET", "POST"])
@login_required
@throttled_mail("EMAIL_CHANGE", exempt_when=_mails_no_one)
def settings():
    posted_profile = request.method == "POST" and request.form.get("form") == "profile"
    profile = _profile_form(posted_profile)
    password = NewPasswordForm(prefix="pw")
    if posted_profile:
        saving = submit_form(
            profile,
            lambda: accounts.update_profile(db.session, current_user, _change(profile)),
            field=profile.current_password,
            refusals=AccountError,
        )
        if saving.saved:
            # The page (and its messages) now speak the language just chosen.
            refresh()
            flash(_("Your account is saved."), "success")
            if saving.value:
                _mail_email_change(current_user, saving.value)
                flash(_(EMAIL_CHANGE_SENT, email=saving.value), "info")
            return redirect(url_for("account.settings"))
    elif request.method == "POST" and password.validate_on_submit():
        if not current_user.check_password(password.current_password.data or ""):
            password.current_password.errors.append(_("This is not your current password."))
        else:
            user = current_user._get_current_object()
            accounts.set_new_password(db.session, user, password.password.data)
            db.session.commit()
            login_user(user)  # this session carries on (new generation); every other one ends
            flash(_("Password changed. You were logged out everywhere else."), "success")
            response = redirect(url_for("account.settings"))
            forget_remember_cookie(response)
            return response
    status = 400 if request.method == "POST" else 200
    return render_template("auth/account.html", profile=profile, password=password), status


def _mail_email_change(user: User, new_email: str) -> None:
    """A link to confirm the change, mailed to the new address; or, when another account has
    that address, a note to its owner (the page said the same either way)."""
    note_mail_sent()
    if accounts.email_taken(db.session, new_email):
        send_mail(
            new_email,
            _("Someone tried to use your email on quizapp"),
            _(
                "Someone asked to move another quizapp account to this email, which already "
                "has an account. Nothing was changed; you need not do anything."
            )
            + "\n",
        )
        return
    token = accounts.email_change_token(current_app.config["SECRET_KEY"], user, new_email)
    link = public_url("account.confirm_email", token=token)
    with in_language_of(user.language):
        send_mail(
            new_email,
            _("Confirm your new quizapp email"),
            _(
                "Hello %(name)s,\n\nTo use this email for your quizapp account, open this link "
                "within one day:\n\n%(link)s\n\nIf you did not ask for it, ignore this mail; "
                "nothing changes.",
                name=user.display_name,
                link=link,
            )
            + "\n",
        )


@bp.get("/email/<token>")
def confirm_email(token: str):
    """The link mailed to a new address: the account takes that email."""
    config = current_app.config
    try:
        user, old_email = accounts.apply_email_change(
            db.session, config["SECRET_KEY"], token[:500], config["EMAIL_CHANGE_SECONDS"]
        )
    except AccountError as refusal:
        flash(_(refusal.message), "error")
        return redirect(url_for("account.settings"))
    try:
        db.session.commit()
    except IntegrityError:
        # Another account took the address between the check and the commit (a sign-up, or a
        # second link to it opened at the same moment): the unique email refused this one.
        db.session.rollback()
        flash(_(accounts.EMAIL_TAKEN_MEANWHILE), "error")
        return redirect(url_for("account.settings"))
    _mail_old_address(user, old_email)
    flash(_("Your email is now %(email)s.", email=user.email), "success")
    return redirect(url_for("account.settings"))


def _mail_old_address(user: User, old_email: str) -> None:
    """Tell the address the account had: if someone else moved it, its owner learns of it."""
    with in_language_of(user.language):
        send_mail(
            old_email,
            _("Your quizapp email was changed"),
            _(
                "Hello %(name)s,\n\nThe email of your quizapp account was changed to %(email)s. "
                "This address no longer receives its mail.\n\nIf this was not you, someone may "
                "be using your account: write to your school's quizapp administrator, and do "
                "not open password reset links you did not ask for.",
                name=user.display_name,
                email=user.email,
            )
            + "\n",
        )


@bp.route("/reset", methods=["GET", "POST"])
@throttled("RESET")
def reset_request():
    form = ResetRequestForm()
    if form.validate_on_submit():
        email = form.email.data.strip().lower()
        user = db.session.scalar(sa.select(User).where(User.email == email))
        if user is not None:
            token = accounts.reset_token(current_app.config["SECRET_KEY"], user)
            link = public_url("account.reset_password", token=token)
            with in_language_of(user.language):
                send_mail(
                    user.email,
                    _("Choose a new quizapp password"),
                    _(
                        "Hello %(name)s,\n\nTo choose a new password, open this link within "
                        "one hour:\n\n%(link)s\n\nIf you did not ask for it, ignore this mail; "
                        "your password stays as it is.",
                        name=user.display_name,
                        link=link,
                    )
                    + "\n",
                )
        flash(str(RESET_SENT), "info")
        return redirect(url_for("auth.login"))
    return render_template("auth/reset_request.html", form=form), form_status(form)


@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    config = current_app.config
    user = accounts.user_for_reset_token(
        db.session, config["SECRET_KEY"], token[:500], config["PASSWORD_RESET_SECONDS"]
    )
    if user is None:
        flash(str(RESET_BAD_LINK), "error")
        return redirect(url_for("account.reset_request"))
    form = NewPasswordForm()
    if form.validate_on_submit():
        accounts.set_new_password(db.session, user, form.password.data)
        db.session.commit()
        flash(_("Your password is changed. Log in with it."), "success")
        return redirect(url_for("auth.login"))
    return render_template("auth/reset_password.html", form=form), form_status(form)


@bp.route("/welcome/<token>", methods=["GET", "POST"])
def welcome(token: str):
    """The link a roster import mails to a new student: they choose their password and are
    logged in (the link proved the address is theirs), landing on their classes' work."""
    config = current_app.config
    user = accounts.user_for_reset_token(
        db.session,
        config["SECRET_KEY"],
        token[:500],
        config["INVITATION_SECONDS"],
        salt=accounts.INVITATION_SALT,
    )
    if user is None:
        flash(str(INVITATION_BAD_LINK), "error")
        return redirect(url_for("account.reset_request"))
    form = NewPasswordForm()
    form.submit.label.text = _("Save my password")
    if form.validate_on_submit():
        accounts.set_new_password(db.session, user, form.password.data)
        db.session.commit()
        login_user(user)
        flash(_("Your password is saved. Welcome to quizapp!"), "success")
        return redirect(url_for("classroom.assignments"))
    page = render_template(
        "auth/reset_password.html",
        form=form,
        heading=_("Welcome, %(name)s", name=user.display_name),
        intro=_(
            "Your teacher made you a quizapp account for %(email)s. Choose its password.",
            email=user.email,
        ),
    )
    return page, form_status(form)
