"""Quiz sets through the services: which articles' questions a teacher may draw on."""

from __future__ import annotations

import sqlalchemy as sa

from quizapp.models import Question, Topic
from tests.builders import GARDEN


def test_quiz_sets_draw_on_articles_the_teacher_may_see(db, make_teacher):
    from quizapp.services.article_library import ArticleUpload, import_upload
    from quizapp.services.quiz_set_items import search_questions

    owner, other = make_teacher(), make_teacher()
    article, _ = import_upload(
        db.session, ArticleUpload("g.txt", GARDEN.encode(), "Garden"), owner.id, drafts=False
    )
    db.session.commit()
    ids = set(db.session.scalars(sa.select(Question.id).filter_by(article_id=article.id)))
    topic = db.session.scalar(sa.select(Topic.id).filter_by(article_id=article.id))

    def offered(teacher):
        return {q.id for q in search_questions(db.session, teacher.id, topic_id=topic)} & ids

    assert offered(owner) and not offered(other)
    article.published = True
    db.session.commit()
    assert offered(other)
