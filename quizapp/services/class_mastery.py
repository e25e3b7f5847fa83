"""A class's mastery heatmap: each student's mastery of each topic of the class's articles,
grouped by article, with the figure each student sees on their own progress page.

The class's articles are those it has assignments on (a set's chosen questions, or its topics
drawn at random) or shared readings of, among those its teacher may use; of them, only topics
with a published item show (a topic whose items are all drafts has nothing to study yet).
Seven queries whatever the number of students, topics and answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.mastery import LEARNING, LIKELY, MASTERED, Confidence, Mastery
from quizapp.models import (
    Article,
    ArticleShare,
    Assignment,
    AssignmentClass,
    Claim,
    Flashcard,
    Question,
    QuizSetItem,
    SchoolClass,
    Topic,
    User,
)
from quizapp.services.classes import class_students
from quizapp.services.mastery_evidence import class_masteries
from quizapp.services.visibility import usable_articles, usable_items

# Cell colours by what a figure amounts to (``core.mastery.Confidence``), strongest first:
# (css class, word, lower bound of the figure where the word depends on it).
MASTERY_BANDS = (
    ("m4", Confidence.MASTERED, MASTERED),
    ("m3", Confidence.LIKELY, LIKELY),
    ("m2", Confidence.LEARNING, LEARNING),
    ("m1", Confidence.WEAK, 0.0),
    ("me", Confidence.EARLY, None),
)
_CSS = {word: css for css, word, _bound in MASTERY_BANDS}


def mastery_band(mastery: Mastery | None) -> str:
    """The cell's css class: by confidence, so one right answer is never coloured mastered."""
    return "m0" if mastery is None else _CSS[mastery.confidence]


def average_band(value: float | None) -> str:
    """A class average has no evidence of its own: coloured by the figure alone."""
    if value is None:
        return "m0"
    return next(css for css, _word, bound in MASTERY_BANDS if bound is not None and value >= bound)


@dataclass
class ClassMastery:
    articles: list[tuple[Article, list[Topic]]]
    students: list[User]
    cells: dict[tuple[int, int], Mastery] = field(default_factory=dict)  # (student, topic)

    def value(self, student_id: int, topic_id: int) -> Mastery | None:
        return self.cells.get((student_id, topic_id))

    def topic_average(self, topic_id: int) -> float | None:
        values = [m.value for (_s, t), m in self.cells.items() if t == topic_id]
        return sum(values) / len(values) if values else None

    def started(self, topic_id: int) -> int:
        return sum(1 for (_s, t) in self.cells if t == topic_id)

    def mastered(self, topic_id: int) -> int:
        return sum(1 for (_s, t), m in self.cells.items() if t == topic_id and m.mastered)


def class_article_ids(school_class: SchoolClass) -> sa.Select:
    """Ids of the articles the class works on: shared with it, or in its assignments' sets."""
    assigned_sets = (
        sa.select(Assignment.quiz_set_id)
        .join(AssignmentClass, AssignmentClass.assignment_id == Assignment.id)
        .where(AssignmentClass.class_id == school_class.id)
    )
    chosen = sa.select(Question.article_id).join(
        QuizSetItem, QuizSetItem.question_id == Question.id
    )
    drawn = sa.select(Topic.article_id).join(QuizSetItem, QuizSetItem.topic_id == Topic.id)
    in_sets = QuizSetItem.quiz_set_id.in_(assigned_sets)
    return sa.union(
        sa.select(ArticleShare.article_id).where(ArticleShare.class_id == school_class.id),
        chosen.where(in_sets),
        drawn.where(in_sets),
    )


def _topics_with_published_items(teacher_id: int) -> sa.ColumnElement[bool]:
    """Topics with an item students may meet: the bank's published items or the teacher's."""
    with_item = [
        sa.select(Claim.topic_id)
        .join(model, model.claim_id == Claim.id)
        .where(usable_items(model, teacher_id))
        for model in (Question, Flashcard)
    ]
    return Topic.id.in_(sa.union(*with_item))


def class_topics(session: Session, school_class: SchoolClass) -> list[tuple[Article, list[Topic]]]:
    """The class's articles by title, each with its topics in reading order (two queries)."""
    teacher = school_class.teacher_id
    articles = session.scalars(
        sa.select(Article)
        .where(
            Article.id.in_(class_article_ids(school_class)),
            Article.id.in_(usable_articles(teacher)),
        )
        .order_by(Article.title, Article.id)
    ).all()
    if not articles:
        return []
    article_ids = [a.id for a in articles]
    topics = session.scalars(
        sa.select(Topic)
        .where(Topic.article_id.in_(article_ids), _topics_with_published_items(teacher))
        .order_by(Topic.position, Topic.id)
    ).all()
    grouped = [(a, [t for t in topics if t.article_id == a.id]) for a in articles]
    return [(article, group) for article, group in grouped if group]


def class_mastery(session: Session, school_class: SchoolClass, now: datetime) -> ClassMastery:
    """Each student's mastery (``core.mastery.topic_mastery``, as on their progress page) of
    each topic of the class's articles."""
    students = class_students(session, school_class.id)
    articles = class_topics(session, school_class)
    result = ClassMastery(articles, students)
    topic_ids = [t.id for _a, topics in articles for t in topics]
    result.cells = class_masteries(session, students, topic_ids, now)
    return result
