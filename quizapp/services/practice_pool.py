"""What the practice page says before a quiz starts: how many questions the chosen topics have,
how many the quiz will have, and, for a tiny topic, the section and article around it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.quiz_selection import Candidate, quiz_length
from quizapp.models import Topic
from quizapp.services.practice import question_candidates, topic_and_descendants
from quizapp.services.tag_filter import TagChoice


@dataclass(frozen=True)
class LargerScope:
    """A scope around a tiny topic, as a link of the practice page: its section or article."""

    label: str
    quiz_length: int
    topic_id: int | None = None  # the section's topic; None for the whole article
    article_id: int | None = None
    # The section's title alone, for pages that word the link in the reader's language.
    section_title: str = ""


@dataclass(frozen=True)
class PoolNotice:
    """The questions of the chosen topics against the quiz length asked."""

    questions: int
    quiz_length: int
    asked: int
    one_topic: bool
    larger: tuple[LargerScope, ...] = ()
    tag: str | None = None  # the tag the questions were chosen by, if one

    @property
    def short(self) -> bool:
        """Whether the quiz will have fewer questions than asked."""
        return self.quiz_length < self.asked

    @property
    def message(self) -> str:
        """ "This topic has 3 questions; the quiz will have 3." (the page words it per
        language); with a tag, "In this topic, the tag “verbs” has 3 questions; …"."""
        noun = "question" if self.questions == 1 else "questions"
        if self.tag is None:
            has = "This topic has" if self.one_topic else "These topics have"
        else:
            where = "In this topic" if self.one_topic else "In these topics"
            has = f"{where}, the tag “{self.tag}” has"
        text = f"{has} {self.questions} {noun}; the quiz will have {self.quiz_length}."
        if self.quiz_length < min(self.questions, self.asked):
            text += (
                " The others are left out: in one quiz they would ask a sentence a third time"
                " or give another question's answer away."
            )
        return text


def pool_notice(
    session: Session,
    user_id: int,
    topic_ids: Sequence[int],
    asked: int,
    tags: TagChoice | None = None,
) -> PoolNotice:
    """How many questions the topics have for ``user_id`` (with a tag chosen, holding it) and
    how many a quiz of ``asked`` will have (``practice.start_practice`` keeps to it); for one
    tiny topic, its section and article as larger scopes, with the quiz length each would give."""
    tags = tags or TagChoice()
    if len(topic_ids) == 1:
        return _one_topic_notice(session, user_id, topic_ids[0], asked, tags)
    scope = topic_and_descendants(session, topic_ids)
    candidates = question_candidates(session, user_id, scope, tags=tags.only)
    length = quiz_length(candidates, asked)
    return PoolNotice(len(candidates), length, asked, one_topic=False, tag=tags.name)


def _one_topic_notice(
    session: Session, user_id: int, topic_id: int, asked: int, tags: TagChoice
) -> PoolNotice:
    """One query for the article's topics and one for its questions, whatever its size."""
    topic = session.get(Topic, topic_id)
    if topic is None:
        return PoolNotice(0, 0, asked, one_topic=True, tag=tags.name)
    rows = session.execute(
        sa.select(Topic.id, Topic.parent_id, Topic.title).where(
            Topic.article_id == topic.article_id
        )
    ).all()
    candidates = question_candidates(
        session, user_id, [row.id for row in rows] or [0], tags=tags.only
    )

    def within(ids: set[int]) -> list[Candidate]:
        return [c for c in candidates if c.topic_id in ids]

    def family(parent_id: int) -> set[int]:
        return {parent_id} | {row.id for row in rows if row.parent_id == parent_id}

    mine = within(family(topic_id))
    length = quiz_length(mine, asked)
    larger: list[LargerScope] = []
    if length < asked:
        if topic.parent_id is not None:
            section = within(family(topic.parent_id))
            title = next(row.title for row in rows if row.id == topic.parent_id)
            larger.append(
                LargerScope(
                    f"the section “{title}”",
                    quiz_length(section, asked),
                    topic_id=topic.parent_id,
                    section_title=title,
                )
            )
        larger.append(
            LargerScope(
                "the whole article",
                quiz_length(candidates, asked),
                article_id=topic.article_id,
            )
        )
    wider = tuple(scope for scope in larger if scope.quiz_length > length)
    return PoolNotice(len(mine), length, asked, one_topic=True, larger=wider, tag=tags.name)
