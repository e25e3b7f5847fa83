"""The shipped catalogues (``quizapp/translations``) freshly loaded for one test."""

from __future__ import annotations

import pytest

from quizapp.extensions import babel


@pytest.fixture
def part_catalogues(app):
    """Flask-Babel reads the shipped catalogues afresh (they are cached per language for the
    app's life, and another test may have swapped them)."""
    with app.app_context():
        cache = babel.domain_instance.cache
    cache.clear()
    yield
    cache.clear()
