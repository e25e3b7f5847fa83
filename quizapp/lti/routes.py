"""The tool's endpoints a platform calls: OIDC login initiation, the launch, and the JWKS.

PyLTI1p3 checks the launch (state, the nonce once, the signature against the platform's JWKS,
``exp``, ``aud`` as a registered client id, the deployment); this module adds ``azp``, turns
every refusal into a clear 4xx page that is logged, and hands the claims to the services.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app, flash, jsonify, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import login_user
from pylti1p3.contrib.flask import FlaskMessageLaunch, FlaskOIDCLogin, FlaskRequest
from pylti1p3.exception import LtiException, OIDCException

from quizapp.core.lti_roles import quizapp_role
from quizapp.core.translatable import N_
from quizapp.extensions import csrf, db
from quizapp.lti.blueprint import bp
from quizapp.lti.tool import (
    LAUNCH_SECONDS,
    DatabaseLaunchStorage,
    DatabaseToolConf,
    OneTimeNonces,
)
from quizapp.models import LtiPlatform, Role
from quizapp.public_urls import public_url
from quizapp.security_headers import FRAME_ORIGINS_KEY
from quizapp.services.errors import LtiError, LtiForbidden
from quizapp.services.lti_launches import Landing, LaunchFacts, apply_launch
from quizapp.services.lti_registry import tool_key

# N_: the refusal page shows them in its language (gettext at display).
NO_LOGIN = N_(
    "This launch did not start from a login here, or it is too old. "
    "Open quizapp from the course again."
)
USED = N_("This launch was used already, or it has expired. Open quizapp from the course again.")
EXPIRED = N_("This launch has expired. Open quizapp from the course again.")
UNREGISTERED = N_(
    "No LMS is registered with this issuer and client id (aud). "
    "An admin registers it under LMS platforms."
)
BAD_SIGNATURE = N_("The launch's signature does not match the LMS's keys.")
NO_KEYS = N_("The LMS's public keys (JWKS URL) could not be fetched or read. Try again later.")
NO_DEPLOYMENT = N_(
    "This deployment of quizapp is not registered for the LMS. "
    "An admin adds its deployment id under LMS platforms."
)
# The library's refusals (its exception texts), in words an admin or a teacher can act on;
# the first match wins.
REFUSALS = (
    ("State not found", NO_LOGIN),
    ("Missing state", NO_LOGIN),
    ("Nonce", USED),
    ("nonce", USED),
    ("Registration not found", UNREGISTERED),
    ("Client id not registered", UNREGISTERED),
    ("Could not find registration", UNREGISTERED),
    ("Signature has expired", EXPIRED),
    ("Can't decode id_token", BAD_SIGNATURE),
    ("public key", BAD_SIGNATURE),
    ("KID not found", BAD_SIGNATURE),
    ("Error during fetch URL", NO_KEYS),
    ("Invalid response from", NO_KEYS),
    ("deployment", NO_DEPLOYMENT),
)
MALFORMED = N_("The launch message is malformed.")
# The session's deep-linking launch (its id in the launch store): only the browser that was
# launched may answer it.
DEEP_LINK_KEY = "lti_deep_link"


def _storage() -> DatabaseLaunchStorage:
    return DatabaseLaunchStorage(db.session)


def _refusal(reason: str, status: int, detail: str = ""):
    """A refused login or launch: logged with what the library said, shown in plain words."""
    current_app.logger.warning(
        "LTI %s refused (%s): %s %s", request.endpoint, status, reason, detail or ""
    )
    db.session.rollback()
    page = render_template(
        "error.html",
        code=status,
        title=_("The LMS link was refused"),
        message=_(reason) if reason else reason,
    )
    return page, status


def _library_refusal(error: Exception, status: int = 403):
    text = str(error)
    for needle, reason in REFUSALS:
        if needle in text:
            return _refusal(reason, status, text)
    return _refusal(MALFORMED, 400, text)


@bp.route("/login", methods=["GET", "POST"])
@csrf.exempt  # the LMS posts it from its own pages; nothing is changed but a nonce
def login():
    """OIDC login initiation: the LMS names itself and its user; we answer with a redirect to
    its authentication URL carrying a new state (a cookie) and a new nonce (in the database)."""
    tool = DatabaseToolConf(db.session)
    flask_request = FlaskRequest()
    storage = _storage()
    storage.forget_expired()
    oidc = FlaskOIDCLogin(
        flask_request,
        tool,
        session_service=OneTimeNonces(flask_request),
        launch_data_storage=storage,
    )
    try:
        response = oidc.redirect(public_url("lti.launch"))
    except (LtiException, OIDCException, ValueError, TypeError) as error:
        return _library_refusal(error, 400)
    db.session.commit()
    return response


def _check_authorized_party(claims: dict) -> None:
    """OIDC Core: with several audiences the token must name its client (azp), and any azp
    must be the registered client id. The library checks only the first audience."""
    aud = claims.get("aud")
    azp = claims.get("azp")
    audiences = aud if isinstance(aud, list) else [aud]
    if azp is None and len(audiences) > 1:
        raise LtiException("Client id not registered: several audiences and no azp")
    if azp is not None and azp != audiences[0]:
        raise LtiException("Client id not registered: azp is not the audience")


def _checked_launch() -> tuple[FlaskMessageLaunch, dict]:
    flask_request = FlaskRequest()
    storage = _storage()
    message = FlaskMessageLaunch(
        flask_request,
        DatabaseToolConf(db.session),
        session_service=OneTimeNonces(flask_request),
        launch_data_storage=storage,
    )
    message.set_launch_data_lifetime(LAUNCH_SECONDS)
    message.set_public_key_caching(storage, cache_lifetime=600)
    claims = message.get_launch_data()
    if not isinstance(claims, dict):
        raise LtiException("Invalid JWT format")
    _check_authorized_party(claims)
    return message, claims


def _platform_origins(platform: LtiPlatform) -> list[str]:
    origins = []
    for url in (platform.issuer, platform.auth_login_url):
        parts = urlsplit(url)
        origins.append(f"{parts.scheme}://{parts.netloc}")
    return sorted(set(origins))


@bp.post("/launch")
@csrf.exempt  # the LMS's auto-submitted form; the signed id_token and the nonce stand for it
def launch():
    """A launch, checked: a resource link logs the LMS user in on their class (a teacher of a
    new activity on the page that ties it to an assignment); a deep-linking request takes the
    instructor to pick a quiz set."""
    try:
        message, claims = _checked_launch()
    except (LtiException, ValueError, TypeError, AttributeError, KeyError) as error:
        return _library_refusal(error)
    tool = DatabaseToolConf(db.session)
    platform = tool.platform(message.get_iss(), message.get_client_id())
    if platform is None:  # registered a moment ago, gone now
        return _refusal(N_("No LMS is registered with this issuer and client id."), 403)
    if message.is_deep_link_launch():
        return _deep_linking(message, platform, claims)
    if not message.is_resource_launch():
        return _refusal(N_("quizapp takes resource-link and deep-linking launches here."), 400)
    try:
        landing = apply_launch(db.session, platform, LaunchFacts.from_claims(claims))
    except LtiError as error:
        return _refusal(error.message, error.status)
    _log_in(landing, platform)
    link = landing.resource_link
    if landing.teaches and link is not None and link.assignment_id is None:
        return redirect(url_for("lti.link_page", link_id=link.id))
    if landing.teaches:
        return redirect(url_for("teach.class_page", class_id=landing.school_class.id))
    if landing.user.is_teacher:
        flash(_("This course's class belongs to another teacher in quizapp."), "info")
        return redirect(url_for("teach.home"))
    if landing.school_class is None:
        return redirect(url_for("main.home"))
    return redirect(url_for("classroom.assignments"))


def _log_in(landing: Landing, platform: LtiPlatform) -> None:
    """Commit what the launch made, and log its user in for pages framed by this LMS."""
    db.session.commit()
    login_user(landing.user)
    session[FRAME_ORIGINS_KEY] = _platform_origins(platform)
    current_app.logger.info(
        "LTI launch: %s user %s from %s", platform.name, landing.user.id, platform.issuer
    )


def _deep_linking(message: FlaskMessageLaunch, platform: LtiPlatform, claims: dict):
    """An instructor adds a quizapp activity in the LMS: logged in, on to pick the quiz set."""
    try:
        facts = LaunchFacts.from_claims(claims)
        if quizapp_role(facts.roles) != Role.TEACHER:
            raise LtiForbidden(N_("Only the course's instructors add quizapp activities."))
        landing = apply_launch(db.session, platform, facts)
    except LtiError as error:
        return _refusal(error.message, error.status)
    _log_in(landing, platform)
    session[DEEP_LINK_KEY] = message.get_launch_id()
    return redirect(url_for("lti.deep_link_page"))


@bp.get("/jwks")
def jwks():
    """The tool's public keys, for platforms to check what the tool signs."""
    tool_key(db.session)  # the first call makes the key pair
    keys = DatabaseToolConf(db.session).get_jwks()
    db.session.commit()
    return jsonify(keys)
