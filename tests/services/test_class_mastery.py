"""The class heatmap: the class's articles only, grouped, topics with published items only, and
each student's figure the one their own progress page shows (live-game answers included)."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from quizapp.core.mastery import Confidence
from quizapp.core.vocabulary import AttemptKind
from quizapp.models import (
    Article,
    ArticleShare,
    AttemptQuestion,
    ItemStatus,
    Question,
    QuizAttempt,
    Response,
    Topic,
)
from quizapp.models.base import utcnow
from quizapp.services.class_mastery import class_mastery
from quizapp.services.learner_scheduler import learner_scheduler
from quizapp.services.progress import topic_progress
from quizapp.services.quizzes import create_attempt, save_answer, submit_attempt
from quizapp.services.seeding import ArticleSource, import_article
from tests.builders import (
    GARDEN,
    bulk_history,
    correct_answer,
    enrol,
    make_assignment,
    make_class,
    make_set,
    seeded_questions,
    take,
)
from tests.services.test_article_namespaces import LOOKALIKE


def _share(db, article: Article, school_class) -> None:
    db.session.add(ArticleShare(article_id=article.id, class_id=school_class.id))
    db.session.commit()


def _article(db, teacher, slug: str, text: str, *, drafts: bool = False) -> Article:
    source = ArticleSource(slug=slug, text=text, owner_id=teacher.id)
    article, _ = import_article(db.session, source, drafts=drafts, publish=False)
    db.session.commit()
    return article


def _titles(mastery) -> list[tuple[str, int]]:
    return [(article.title, len(topics)) for article, topics in mastery.articles]


def test_only_the_class_articles_show_grouped_and_without_draft_only_topics(
    db, make_teacher, make_student
):
    teacher = make_teacher()
    school_class = make_class(db, teacher)
    enrol(db, school_class, make_student())
    garden = _article(db, teacher, "garden", GARDEN)
    drafty = _article(db, teacher, "drafty", LOOKALIKE, drafts=True)
    _article(db, teacher, "unused", GARDEN.replace("garden", "orchard"))
    # A published article no one assigned or shared (the seed's) is not the class's either.
    assert class_mastery(db.session, school_class, utcnow()).articles == []

    _share(db, garden, school_class)
    _share(db, drafty, school_class)
    mastery = class_mastery(db.session, school_class, utcnow())
    # Every item of the drafty article waits for review: it has no topic to show yet.
    assert [a.id for a, _topics in mastery.articles] == [garden.id]
    garden_topics = mastery.articles[0][1]
    assert {t.article_id for t in garden_topics} == {garden.id}

    first_draft = db.session.scalars(
        sa.select(Question).filter_by(article_id=drafty.id).order_by(Question.id)
    ).first()
    first_draft.status = ItemStatus.PUBLISHED
    seeded = seeded_questions(db, 1)[0]
    make_assignment(db, make_set(db, teacher, [seeded]), [school_class])
    mastery = class_mastery(db.session, school_class, utcnow())
    by_article = {a.id: topics for a, topics in mastery.articles}
    assert set(by_article) == {garden.id, drafty.id, seeded.article_id}
    assert [t.id for t in by_article[drafty.id]] == [first_draft.claim.topic_id]
    titles = [a.title for a, _topics in mastery.articles]
    assert titles == sorted(titles)


def test_a_set_drawing_from_a_topic_brings_its_article(db, make_teacher, make_student):
    from quizapp.models import QuizSetItem

    teacher = make_teacher()
    school_class = make_class(db, teacher)
    enrol(db, school_class, make_student())
    garden = _article(db, teacher, "garden", GARDEN)
    topic = db.session.scalars(sa.select(Topic).filter_by(article_id=garden.id)).first()
    quiz_set = make_set(db, teacher, [])
    quiz_set.items.append(QuizSetItem(position=1, topic_id=topic.id, draw_count=1))
    db.session.commit()
    make_assignment(db, quiz_set, [school_class])
    assert _titles(class_mastery(db.session, school_class, utcnow()))[0][0] == garden.title


def _live_answer(db, student, question: Question, right: bool) -> None:
    """A live game's answer as the game records it: a checked response of a live attempt."""
    now = utcnow()
    attempt = QuizAttempt(
        user_id=student.id, kind=AttemptKind.LIVE, title="Live", submitted_at=now, max_score=1
    )
    db.session.add(attempt)
    db.session.flush()
    slot = AttemptQuestion(attempt_id=attempt.id, question_id=question.id, position=1)
    db.session.add(slot)
    db.session.flush()
    score = 1.0 if right else 0.0
    db.session.add(
        Response(
            slot_id=slot.id,
            user_id=student.id,
            question_id=question.id,
            answer=None,
            score=score,
            correct=right,
            checked=True,
            answered_at=now,
        )
    )
    db.session.commit()


def test_each_cell_is_the_figure_of_the_student_s_own_progress_page(db, make_teacher, make_student):
    teacher = make_teacher()
    school_class = make_class(db, teacher)
    studied, live_only, idle = make_student(), make_student(), make_student()
    enrol(db, school_class, studied, live_only, idle)
    questions = seeded_questions(db, 2)
    make_assignment(db, make_set(db, teacher, questions), [school_class])
    bulk_history(db.session, studied.id, responses=300, reviews=400)
    _live_answer(db, live_only, questions[0], right=True)

    now = utcnow()
    mastery = class_mastery(db.session, school_class, now)
    shown = [t.id for _a, topics in mastery.articles for t in topics]
    assert shown
    for student in (studied, live_only, idle):
        scheduler = learner_scheduler(db.session, student)
        own = {
            p.topic.id: p.standing for p in topic_progress(db.session, student.id, scheduler, now)
        }
        assert {t: mastery.value(student.id, t) for t in shown} == {t: own[t] for t in shown}
    # The live game's one right answer counts, as on the student's own page: early evidence.
    live_cell = mastery.value(live_only.id, questions[0].claim.topic_id)
    assert live_cell is not None and live_cell.answers == 1
    assert live_cell.confidence == Confidence.EARLY
    assert not any(mastery.value(idle.id, t) for t in shown)


def test_unfinished_work_and_unreleased_feedback_do_not_count(db, make_teacher, make_student):
    mine, theirs = make_teacher(), make_teacher()
    student = make_student()
    my_class, their_class = make_class(db, mine, "Mine"), make_class(db, theirs, "Theirs")
    enrol(db, my_class, student)
    enrol(db, their_class, student)
    questions = seeded_questions(db, 4, "true_false")
    their_set = make_set(db, theirs, questions[:2], feedback="never")
    take(db, make_assignment(db, their_set, [their_class]), student, [False, False])
    my_hw = make_assignment(db, make_set(db, mine, questions[2:3]), [my_class])
    take(db, my_hw, student, [True], submit=False)  # unfinished: not counted yet
    now = utcnow()
    assert class_mastery(db.session, my_class, now).cells == {}
    practice = create_attempt(db.session, student.id, questions[3:])
    db.session.flush()
    save_answer(db.session, practice, practice.questions[0], correct_answer(questions[3]))
    db.session.commit()
    # Saved but neither checked nor submitted: the learner has not seen it right, so neither
    # their page nor the heatmap counts it yet.
    assert class_mastery(db.session, my_class, now + timedelta(seconds=1)).cells == {}
    submit_attempt(db.session, practice)
    db.session.commit()
    cells = class_mastery(db.session, my_class, now + timedelta(seconds=1)).cells
    assert [(m.answers, m.confidence) for m in cells.values()] == [(1, Confidence.EARLY)]
