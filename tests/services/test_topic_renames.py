"""A topic rename or merge rewrites the questions that name topics as headings, and no other."""

from __future__ import annotations

from types import SimpleNamespace

import sqlalchemy as sa

from quizapp.core.claims import ClaimDraft, TopicDraft
from quizapp.core.item_drafts import QuestionDraft
from quizapp.models import Question, Topic
from quizapp.services.article_library import ArticleUpload, import_upload
from quizapp.services.article_review import merge_topic, rename_topic
from quizapp.services.seeding import _with_kept_names

JOBS = (
    "Garden Jobs\n\n## Care\n\nThe garden needs care all year round.\n\n"
    "- Watering: Water deeply once a week so that the roots grow down.\n"
    "- Mulching: A layer of straw keeps the soil moist in summer.\n"
    "- Pests: Slugs eat young lettuce leaves at night after rain.\n"
    "- Pruning: Cut the tomato side shoots every week in July.\n"
)


def _jobs(db, teacher_id: int):
    article, _ = import_upload(db.session, ArticleUpload("jobs.txt", JOBS.encode()), teacher_id)
    db.session.flush()
    return article


def _topic(db, article, title: str) -> Topic:
    return db.session.scalar(sa.select(Topic).filter_by(article_id=article.id, title=title))


def _other_question(db, article) -> Question:
    """A generated question not about headings, made to name "Mulching" as a word would."""
    question = db.session.scalar(
        sa.select(Question).where(
            Question.article_id == article.id,
            Question.key.not_like("gen-heading-%"),
            Question.key.not_like("gen-match-%"),
        )
    )
    question.choices = [
        {"id": "a", "text": "Mulching", "correct": True},
        {"id": "b", "text": "Watering", "correct": False},
    ]
    question.prompt = "Which job does the article call “Mulching”?"
    db.session.flush()
    return question


def test_a_rename_leaves_other_generated_questions_naming_the_old_title(db, make_teacher):
    article = _jobs(db, make_teacher().id)
    other = _other_question(db, article)
    rename_topic(db.session, _topic(db, article, "Mulching"), "Straw mulch")
    db.session.flush()
    db.session.expire_all()
    other = db.session.get(Question, other.id)
    assert [c["text"] for c in other.choices] == ["Mulching", "Watering"]
    assert other.prompt == "Which job does the article call “Mulching”?"


def test_a_merge_renames_the_heading_questions_listing_each_heading_once(db, make_teacher):
    article = _jobs(db, make_teacher().id)
    other = _other_question(db, article)
    merged, into = _topic(db, article, "Mulching"), _topic(db, article, "Watering")
    headings = sa.select(Question).where(
        Question.article_id == article.id, Question.key.like("gen-heading-%")
    )
    assert any(c["text"] == "Mulching" for q in db.session.scalars(headings) for c in q.choices)
    merge_topic(db.session, article, merged, into)
    db.session.flush()
    db.session.expire_all()
    asked = db.session.scalars(headings).all()
    assert asked and not any(c["text"] == "Mulching" for q in asked for c in q.choices)
    for question in asked:
        texts = [c["text"] for c in question.choices]
        assert len(texts) == len(set(texts)), texts
        assert sum(c["correct"] for c in question.choices) == 1, question.choices
    assert "Mulching" in [c["text"] for c in db.session.get(Question, other.id).choices]


def test_a_reimport_keeps_a_renamed_heading_only_in_heading_questions():
    quote = "A layer of straw."
    claim = ClaimDraft("c1", "mulching", quote, 0, len(quote), 0, len(quote), ("straw",))
    topics = [TopicDraft("mulching", "Mulching", None, 0, "section", [claim])]
    claims = {"c1": SimpleNamespace(topic=SimpleNamespace(title="Straw mulch"))}
    options = [{"id": "a", "text": "Mulching", "correct": True}]
    heading = QuestionDraft("gen-heading-c1", "c1", "single_choice", "“Mulching”?", "", 2, options)
    other = QuestionDraft("gen-define-c1", "c1", "single_choice", "“Mulching”?", "", 2, options)
    _, (heading, other) = _with_kept_names(topics, claims, [], [heading, other])
    assert heading.choices[0]["text"] == "Straw mulch" and heading.prompt == "“Straw mulch”?"
    assert other.choices[0]["text"] == "Mulching" and other.prompt == "“Mulching”?"
