"""Teaching routes: importing the view modules registers their routes on the blueprints."""

from __future__ import annotations

from flask import Flask

from quizapp.teach import (  # noqa: F401  (imported for their routes)
    article_views,
    assignment_views,
    authoring_views,
    class_views,
    exchange_views,
    gradebook_views,
    media_fields,
    roster_views,
    set_views,
)
from quizapp.teach.blueprint import bp


def register(app: Flask) -> None:
    """``/teach``, for teachers."""
    app.register_blueprint(bp)
    exchange_views.register_limits(app)
    media_fields.register_limits(app)
