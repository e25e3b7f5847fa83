"""The tags migration keeps every question and card of a database built by the migrations
before it, each with an empty tag list."""

from tests.web.test_migrations import _scratch_app

PREVIOUS = "c4d2f6b8e013"
TEXT = (
    "The Water Cycle\n\n## Evaporation\n\n"
    "The Sun heats the oceans and turns about 434,000 cubic kilometres of water into "
    "vapour every year.\n\n## Rain\n\nClouds drop the water as rain, snow or hail.\n"
)


def test_tags_migration_keeps_every_item_and_starts_without_tags(tmp_path):
    import sqlalchemy as sa
    from flask_migrate import downgrade, upgrade

    from quizapp.extensions import db
    from quizapp.models import Flashcard, Question
    from quizapp.services.seeding import ArticleSource, import_article

    app = _scratch_app(tmp_path)
    questions = "SELECT id, key, prompt, choices, media FROM question ORDER BY id"
    cards = "SELECT id, key, kind, front, back, status FROM flashcard ORDER BY id"
    with app.app_context():
        upgrade()
        import_article(db.session, ArticleSource(slug="cycle", text=TEXT))
        db.session.commit()
        downgrade(revision=PREVIOUS)
        columns = {c["name"] for c in sa.inspect(db.engine).get_columns("flashcard")}
        assert "tags" not in columns
        before = db.session.execute(sa.text(questions)).all()
        cards_before = db.session.execute(sa.text(cards)).all()
        assert before and cards_before

        upgrade()
        assert db.session.execute(sa.text(questions)).all() == before
        assert db.session.execute(sa.text(cards)).all() == cards_before
        db.session.expire_all()
        assert all(q.tags == [] for q in db.session.scalars(sa.select(Question)))
        assert all(c.tags == [] for c in db.session.scalars(sa.select(Flashcard)))
