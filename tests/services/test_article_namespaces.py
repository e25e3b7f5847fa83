"""Items are namespaced by article: a second article whose sections share names with the seed
article (and so generates the same keys) changes nothing of the first."""

from __future__ import annotations

import sqlalchemy as sa

from quizapp.models import Article, Claim, Flashcard, Question, Topic
from quizapp.services.seeding import ArticleSource, import_article
from tests.conftest import SEED_SLUG

LOOKALIKE = """Another Pivot East

The port of Vladivostok handles more container traffic every year. Its cranes were renewed
with loans from regional banks.

Strengthening Sino-Russian Relations

Trade between the two neighbours grew after new rail links opened in the north. Officials
signed agreements on grain exports and river crossings.

Conclusion

The region's economy depends on a small number of large customers.
"""


def _snapshot(db, article_id: int) -> dict[str, list[tuple]]:
    """Every row of the article's content, with the columns a learner would notice."""

    def rows(stmt) -> list[tuple]:
        return [tuple(r) for r in db.session.execute(stmt).all()]

    return {
        "topics": rows(
            sa.select(Topic.id, Topic.key, Topic.title, Topic.position)
            .where(Topic.article_id == article_id)
            .order_by(Topic.id)
        ),
        "claims": rows(
            sa.select(Claim.id, Claim.key, Claim.quote, Claim.topic_id)
            .where(Claim.article_id == article_id)
            .order_by(Claim.id)
        ),
        "questions": rows(
            sa.select(
                Question.id,
                Question.key,
                Question.claim_id,
                Question.prompt,
                Question.accepted,
                Question.retired,
                Question.status,
            )
            .join(Claim)
            .where(Claim.article_id == article_id)
            .order_by(Question.id)
        ),
        "flashcards": rows(
            sa.select(
                Flashcard.id,
                Flashcard.key,
                Flashcard.claim_id,
                Flashcard.front,
                Flashcard.back,
                Flashcard.retired,
                Flashcard.status,
            )
            .join(Claim)
            .where(Claim.article_id == article_id)
            .order_by(Flashcard.id)
        ),
    }


def test_second_article_with_the_same_section_names_leaves_the_first_alone(db):
    seed = db.session.scalar(sa.select(Article).where(Article.slug == SEED_SLUG))
    before = _snapshot(db, seed.id)
    article, report = import_article(
        db.session,
        ArticleSource(slug="another-pivot-east", text=LOOKALIKE),
        drafts=True,
        publish=False,
    )
    db.session.commit()

    assert _snapshot(db, seed.id) == before
    assert len(before["questions"]) > 60  # the seed article really has its items (curated too)
    # The second article got its own rows, with keys the seed article uses too.
    second = _snapshot(db, article.id)

    def keys(snapshot) -> set[str]:
        return {r[1] for r in snapshot["questions"] + snapshot["flashcards"]}

    assert keys(second) & keys(before), "the test article must collide with the seed's keys"
    assert {r[1] for r in second["topics"]} & {r[1] for r in before["topics"]}
    assert report.created["questions"] == len(second["questions"])
    assert all(r[-1] == "draft" for r in second["questions"] + second["flashcards"])
    # Every item points at a claim of its own article.
    mixed = db.session.scalar(
        sa.select(sa.func.count(Question.id))
        .join(Claim)
        .where(Question.article_id != Claim.article_id)
    )
    assert mixed == 0


def test_importing_twice_changes_nothing(db):
    source = ArticleSource(slug="another-pivot-east", text=LOOKALIKE)
    import_article(db.session, source, drafts=True, publish=False)
    db.session.commit()
    _article, report = import_article(db.session, source, drafts=True, publish=False)
    assert not report.changed
