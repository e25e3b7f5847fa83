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
from quizapp.teach.labels import label


def register(app: Flask) -> None:
    """``/teach``, for teachers."""
    app.register_blueprint(bp)
    # The shown word of a stored value (a question type, a status, a flag) in every template.
    app.add_template_global(label, "word_for")
    exchange_views.register_limits(app)
    media_fields.register_limits(app)
