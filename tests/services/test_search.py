"""Search through the service: each user finds only what they may see."""

from __future__ import annotations

import sqlalchemy as sa

from quizapp.models import ItemStatus, Question
from quizapp.services.search import search
from quizapp.services.seeding import ArticleSource, import_article
from tests.services.test_article_namespaces import LOOKALIKE


def test_search_sees_only_what_the_user_may_see(db, make_student, make_teacher):
    teacher, student = make_teacher(), make_student()
    article, _ = import_article(
        db.session,
        ArticleSource(slug="private", text=LOOKALIKE, owner_id=teacher.id),
        drafts=True,
        publish=False,
    )
    db.session.commit()
    assert search(db.session, student, "Vladivostok") == []
    hits = search(db.session, teacher, "Vladivostok container")
    assert {h.kind for h in hits} == {"claim"}  # drafts are not searchable, claims are
    question = db.session.scalar(sa.select(Question).filter_by(article_id=article.id))
    question.status = ItemStatus.PUBLISHED
    db.session.commit()
    prompt_word = max(question.prompt.split(), key=len).strip("_.,?")
    assert any(h.kind == "question" for h in search(db.session, teacher, prompt_word))
