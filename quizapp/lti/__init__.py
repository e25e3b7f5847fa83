"""LTI 1.3: quizapp as a tool inside the school's LMS (``/lti``)."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    from quizapp.lti import admin_views, cli, deep_link_views, link_views, routes  # noqa: F401  (their routes, commands)
    from quizapp.lti.blueprint import bp

    app.register_blueprint(bp)
    app.cli.add_command(cli.lti_cli)
