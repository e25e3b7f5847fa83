"""The one visibility rule, case by case: which items a teacher may use, which cards a learner
may rate."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from quizapp.models import ArticleShare, Flashcard, Question
from quizapp.services.article_library import ArticleUpload, import_upload
from quizapp.services.errors import CardNotFound, NotFound
from quizapp.services.flashcards import rate_card
from quizapp.services.visibility import usable_by, usable_item
from tests.builders import GARDEN, enrol, make_class


def _article(db, owner, *, published: bool = False):
    upload = ArticleUpload("g.txt", GARDEN.encode(), "Garden")
    article, _ = import_upload(db.session, upload, owner.id, drafts=False, publish=published)
    db.session.commit()
    return article


def _first(db, model, article, nth: int = 0):
    return db.session.scalars(
        sa.select(model).filter_by(article_id=article.id).order_by(model.id)
    ).all()[nth]


def _own_question(db, author, claim_id: int, key: str) -> Question:
    question = Question(
        key=key,
        claim_id=claim_id,
        type="true_false",
        prompt="P",
        explanation="E",
        answer_bool=True,
        origin="teacher",
        author_id=author.id,
    )
    db.session.add(question)
    db.session.commit()
    return question


def test_a_teacher_uses_published_and_own_articles_and_only_their_own_items(db, make_teacher):
    me, other = make_teacher(), make_teacher()
    mine, theirs = _article(db, me), _article(db, other)
    public = _article(db, other, published=True)
    claim = _first(db, Question, public).claim_id
    cases = {
        "a bank item of my article": (_first(db, Question, mine), True),
        "a bank item of a published article": (_first(db, Question, public), True),
        "a bank item of another's private article": (_first(db, Question, theirs), False),
        "my own item": (_own_question(db, me, claim, "t-me"), True),
        "another teacher's own item": (_own_question(db, other, claim, "t-other"), False),
    }
    draft = _first(db, Question, mine, 1)
    draft.status = "draft"
    retired = _first(db, Question, public, 1)
    retired.retired = True
    db.session.commit()
    cases["a draft of my article"] = (draft, False)
    cases["a retired item"] = (retired, False)
    usable = set(db.session.scalars(sa.select(Question.id).where(usable_by(me.id))))
    wrong = {name for name, (q, expected) in cases.items() if (q.id in usable) != expected}
    assert wrong == set()
    for question, expected in cases.values():
        if not expected:
            with pytest.raises(NotFound):
                usable_item(db.session, Question, question.id, me.id)


def test_a_learner_rates_only_cards_of_articles_open_to_them(db, make_teacher, make_student):
    teacher, member, outsider = make_teacher(), make_student(), make_student()
    article = _article(db, teacher)
    school_class = make_class(db, teacher)
    enrol(db, school_class, member)
    db.session.add(ArticleShare(article_id=article.id, class_id=school_class.id))
    db.session.commit()
    card = _first(db, Flashcard, article)
    assert rate_card(db.session, member, card.id, 3, None)
    with pytest.raises(CardNotFound):
        rate_card(db.session, outsider, card.id, 3, None)
