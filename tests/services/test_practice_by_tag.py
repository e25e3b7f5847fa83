"""A practice quiz of the questions with a tag: drawn only from them (in any spelling of the tag),
told in the pool notice, named in the attempt's title, and refused (nothing written) where the
chosen topics have none."""

from __future__ import annotations

import random

import pytest
import sqlalchemy as sa

from quizapp.core.clock import utcnow
from quizapp.core.item_tags import MAX_TAG_LENGTH
from quizapp.core.translatable import N_
from quizapp.models import Claim, Question, QuizAttempt, Topic
from quizapp.services import tag_filter
from quizapp.services.errors import QuizError
from quizapp.services.practice import (
    MAX_ATTEMPT_TITLE,
    practice_question_ids,
    practice_title,
    start_practice,
)
from quizapp.services.practice_pool import pool_notice


def _choice(db, user_id: int, raw: str | None) -> tag_filter.TagChoice:
    every_topic = db.session.scalars(sa.select(Topic.id)).all()
    scope = (Question, practice_question_ids(user_id, every_topic, utcnow()))
    return tag_filter.choose(db.session, raw, scope)


def test_a_tagged_practice_draws_only_the_tags_questions_in_any_spelling(
    db, make_student, tag_seeded_questions
):
    tagged = tag_seeded_questions(4, "Verbs")
    tagged[0].tags = ["VERBS", "exam"]
    db.session.commit()
    student = make_student()
    tags = _choice(db, student.id, "verbs")
    assert tag_filter.TagCount("Verbs", 4) in tags.offered and tags.name == "Verbs"
    attempt = start_practice(db.session, student.id, [], 10, {}, random.Random(1), tags=tags)
    assert sorted(slot.question.id for slot in attempt.questions) == sorted(q.id for q in tagged)
    assert attempt.title == "Practice: all topics (tag: Verbs)"


def test_the_pool_notice_counts_the_tags_questions(db, make_student, tag_seeded_questions):
    tagged = tag_seeded_questions(3, "verbs")
    student = make_student()
    tags = _choice(db, student.id, "verbs")
    notice = pool_notice(db.session, student.id, [tagged[0].claim.topic_id, 0], 10, tags)
    assert notice.tag == "verbs" and not notice.one_topic
    in_topic = sum(q.claim.topic_id == tagged[0].claim.topic_id for q in tagged)
    assert notice.questions == in_topic and notice.short
    assert notice.message.startswith(f"In these topics, the tag “verbs” has {in_topic} question")
    untagged = pool_notice(db.session, student.id, [tagged[0].claim.topic_id], 10)
    assert untagged.tag is None and untagged.questions > notice.questions


def test_topics_without_the_tag_start_nothing(db, make_student, tag_seeded_questions):
    (question,) = tag_seeded_questions(1, "verbs")
    student = make_student()
    other = db.session.scalar(
        sa.select(Claim.topic_id).where(Claim.topic_id != question.claim.topic_id).limit(1)
    )
    tags = _choice(db, student.id, "verbs")
    with pytest.raises(QuizError) as refused:
        start_practice(db.session, student.id, [other], 10, {}, tags=tags)
    assert refused.value.template == N_(
        "No question in the topics you chose has the tag “%(tag)s”."
    )
    assert refused.value.params == {"tag": "verbs"}
    assert db.session.scalar(sa.select(QuizAttempt.id)) is None


def test_a_tag_no_question_holds_draws_nothing(db, make_student, tag_seeded_questions):
    tag_seeded_questions(2, "verbs")
    student = make_student()
    tags = _choice(db, student.id, "nouns")
    assert tags.unknown and tags.only == ()
    with pytest.raises(QuizError):
        start_practice(db.session, student.id, [], 10, {}, tags=tags)


def test_a_tagged_title_keeps_its_tag_whole_however_long_the_topics():
    tag = "x" * MAX_TAG_LENGTH
    title = practice_title(["word " * 100], tag)
    assert len(title) <= MAX_ATTEMPT_TITLE and title.endswith(f"… (tag: {tag})")
    assert practice_title(["Soil", "Water"], "b1") == "Practice: Soil, Water (tag: b1)"
    assert practice_title(["Soil"]) == "Practice: Soil"


def test_no_topic_offers_no_question(db, make_student, tag_seeded_questions):
    tag_seeded_questions(2, "verbs")
    student = make_student()
    nothing = (Question, practice_question_ids(student.id, [], utcnow()))
    assert tag_filter.choose(db.session, None, nothing).offered == []
