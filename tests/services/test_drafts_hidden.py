"""Draft and rejected items never reach students: practice, flashcards, the catalogue, the
quiz builder. Publishing one makes exactly that one appear."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa

from quizapp.models import Claim, Flashcard, ItemStatus, Question
from quizapp.services.catalog import items_by_claim
from quizapp.services.flashcards import study_queue
from quizapp.services.practice import question_candidates
from quizapp.services.quiz_set_items import search_questions
from quizapp.services.seeding import ArticleSource, import_article
from tests.builders.articles import GARDEN


def test_drafts_reach_no_student_until_published(db, make_student, make_teacher):
    student, teacher = make_student(), make_teacher()
    article, _ = import_article(
        db.session, ArticleSource(slug="drafty", text=GARDEN), drafts=True, publish=True
    )
    db.session.commit()
    questions = set(db.session.scalars(sa.select(Question.id).filter_by(article_id=article.id)))
    cards = set(db.session.scalars(sa.select(Flashcard.id).filter_by(article_id=article.id)))
    claims = list(db.session.scalars(sa.select(Claim.id).filter_by(article_id=article.id)))
    assert len(questions) >= 2 and cards  # one to publish, another to reject

    def offered() -> tuple[set[int], set[int]]:
        practice = {c.question_id for c in question_candidates(db.session, student.id, [])}
        built = {q.id for q in search_questions(db.session, teacher.id)}
        catalogue_cards, catalogue_questions = items_by_claim(db.session, claims)
        shown = {q.id for qs in catalogue_questions.values() for q in qs}
        shown_cards = {c.id for cs in catalogue_cards.values() for c in cs}
        return (practice | built | shown) & questions, shown_cards & cards

    assert offered() == (set(), set())
    queue = study_queue(db.session, student, [], datetime.now(UTC))
    assert queue.card is not None and queue.card.id not in cards  # a seeded card, not a draft

    chosen = db.session.get(Question, min(questions))
    chosen.status = ItemStatus.PUBLISHED
    rejected = db.session.get(Question, max(questions))
    rejected.status = ItemStatus.REJECTED
    db.session.commit()
    offered_questions, _ = offered()
    assert offered_questions == {chosen.id}
