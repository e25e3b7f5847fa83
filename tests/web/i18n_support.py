"""Part C's translations (``i18n-parts/i18n-c.*.po``) as the app's catalogues for one test,
before the lead merges them into ``quizapp/translations``."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from quizapp.extensions import babel

PARTS = Path(__file__).resolve().parents[2] / "i18n-parts"


@pytest.fixture
def part_catalogues(app, tmp_path, monkeypatch):
    """Flask-Babel reads this part's catalogues (ru, zh, ar) alone while the test runs."""
    for language in ("ru", "zh", "ar"):
        folder = tmp_path / language / "LC_MESSAGES"
        folder.mkdir(parents=True)
        po = PARTS / f"i18n-c.{language}.po"
        with po.open("rb") as source, (folder / "messages.mo").open("wb") as target:
            write_mo(target, read_po(source, locale=language))
    monkeypatch.setattr(app.extensions["babel"], "translation_directories", [str(tmp_path)])
    # Loaded catalogues are cached per language for the app's life: forget them both ways.
    with app.app_context():
        cache = babel.domain_instance.cache
    cache.clear()
    yield
    cache.clear()
