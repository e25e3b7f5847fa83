"""Deep Linking: the instructor who added a quizapp activity in the LMS picks a quiz set, and
it goes back to the LMS as an LTI resource link (with a grade column), signed by the tool."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import abort, make_response, render_template, session
from flask_login import current_user, login_required
from pylti1p3.contrib.flask import FlaskMessageLaunch, FlaskRequest
from pylti1p3.deep_link_resource import DeepLinkResource
from pylti1p3.exception import LtiException
from pylti1p3.lineitem import LineItem

from quizapp.core.translatable import N_
from quizapp.extensions import db
from quizapp.lti.blueprint import bp
from quizapp.lti.forms import PickSetForm
from quizapp.lti.routes import DEEP_LINK_KEY
from quizapp.lti.tool import DatabaseLaunchStorage, DatabaseToolConf, OneTimeNonces
from quizapp.public_urls import public_url
from quizapp.security_headers import allow_form_action
from quizapp.services.lti_grades import SCORE_MAXIMUM
from quizapp.services.lti_launches import SET_PARAM
from quizapp.services.quiz_sets import owned_set, teacher_sets

DEEP_LINKING_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"
GONE = N_("This choice has expired or was made already. Add the activity in the LMS again.")


def _launch() -> FlaskMessageLaunch:
    """The session's deep-linking launch, as the library kept it; 410 when it is gone."""
    launch_id = session.get(DEEP_LINK_KEY)
    if not isinstance(launch_id, str) or not current_user.is_teacher:
        abort(410, GONE)
    request = FlaskRequest()
    try:
        return FlaskMessageLaunch.from_cache(
            launch_id,
            request,
            DatabaseToolConf(db.session),
            session_service=OneTimeNonces(request),
            launch_data_storage=DatabaseLaunchStorage(db.session),
        )
    except LtiException:
        abort(410, GONE)


def _content_item(set_id: int, title: str) -> DeepLinkResource:
    column = LineItem().set_label(title).set_score_maximum(SCORE_MAXIMUM)
    return (
        DeepLinkResource()
        .set_url(public_url("lti.launch"))
        .set_title(title)
        .set_custom_params({SET_PARAM: str(set_id)})
        .set_lineitem(column)
    )


@bp.route("/deep-link", methods=["GET", "POST"])
@login_required
def deep_link_page():
    message = _launch()
    form = PickSetForm()
    form.quiz_set.choices = [
        (s.quiz_set.id, s.quiz_set.title) for s in teacher_sets(db.session, current_user.id)
    ]
    if not form.validate_on_submit():
        status = 400 if form.is_submitted() else 200
        return render_template("lti/deep_link.html", form=form), status
    quiz_set = owned_set(db.session, form.quiz_set.data, current_user.id)
    deep_link = message.get_deep_link()
    token = deep_link.get_response_jwt([_content_item(quiz_set.id, quiz_set.title)])
    settings = message.get_launch_data().get(DEEP_LINKING_SETTINGS) or {}
    return_url = settings.get("deep_link_return_url")
    if not isinstance(return_url, str) or urlsplit(return_url).scheme not in ("http", "https"):
        abort(400, N_("The LMS gave no address to return the choice to."))
    session.pop(DEEP_LINK_KEY, None)  # one answer per request
    response = render_template(
        "lti/deep_link_return.html", return_url=return_url, token=token, quiz_set=quiz_set
    )
    parts = urlsplit(return_url)
    return allow_form_action(make_response(response), f"{parts.scheme}://{parts.netloc}")
