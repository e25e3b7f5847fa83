"""Scratch databases for the benchmarks: migrated and seeded with the first article."""

from __future__ import annotations

from flask import Flask
from flask_migrate import upgrade

from quizapp import ROOT, create_app
from quizapp.extensions import db
from quizapp.services.seeding import seed_article

ARTICLE = ROOT / "seed" / "article-russia-pivot-east.txt"
BANK = ROOT / "seed" / "question_bank.yaml"


def seeded_app(url: str, **config) -> Flask:
    """An app on the empty database at ``url``, now migrated and seeded (article and bank);
    ``config`` adds to or overrides the app's settings."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench", **config})
    with app.app_context():
        upgrade()
        seed_article(db.session, ARTICLE, BANK)
        db.session.commit()
    return app
