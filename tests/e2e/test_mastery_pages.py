"""The class heatmap and a learner's progress page with real figures in every state (mastered,
likely, learning, weak, too early, not started), in a real browser at phone and laptop width in
both themes: no sideways scroll, no script error, nothing serious from axe."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from fsrs import Card, Rating, Scheduler

from quizapp.core.vocabulary import AttemptKind
from quizapp.models import (
    ArticleShare,
    AttemptQuestion,
    CardState,
    Claim,
    Flashcard,
    Question,
    QuizAttempt,
    Response,
    live,
)
from quizapp.services.article_library import ArticleUpload, import_upload
from tests.builders import (
    GARDEN,
    bulk_history,
    enrol,
    make_assignment,
    make_class,
    make_set,
    seeded_questions,
    take,
)
from tests.e2e.test_crawl import VIEWPORTS, _check, _log_in


def _answers(db, student, questions, moment: datetime, right: bool = True) -> None:
    """A submitted practice quiz at ``moment`` answering each question right (or wrong)."""
    attempt = QuizAttempt(
        user_id=student.id,
        kind=AttemptKind.PRACTICE,
        started_at=moment,
        submitted_at=moment,
        max_score=len(questions),
    )
    db.session.add(attempt)
    db.session.flush()
    for position, question in enumerate(questions, start=1):
        slot = AttemptQuestion(attempt_id=attempt.id, question_id=question.id, position=position)
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
                answered_at=moment + timedelta(seconds=position),
            )
        )


def _cards_learned(db, student, topic_id: int, now: datetime) -> None:
    """Every card of the topic reviewed Good four times over three weeks, the last yesterday."""
    scheduler = Scheduler(enable_fuzzing=False)
    cards = db.session.scalars(
        sa.select(Flashcard.id).join(Claim).where(Claim.topic_id == topic_id, live(Flashcard))
    ).all()
    for card_id in cards:
        card = Card(card_id=card_id)
        for days_ago in (21, 14, 6, 1):
            moment = (now - timedelta(days=days_ago)).replace(tzinfo=UTC)
            card, _ = scheduler.review_card(card, Rating.Good, moment)
        db.session.add(
            CardState(
                user_id=student.id,
                flashcard_id=card_id,
                fsrs=card.to_dict(),
                due=card.due.replace(tzinfo=None),
                state=int(card.state),
                stability=card.stability,
                last_review=card.last_review.replace(tzinfo=None),
            )
        )


def _topic_questions(db, count: int = 6):
    """The live questions of the seed topic with the most of them (at least ``count``)."""
    topic_id, _n = db.session.execute(
        sa.select(Claim.topic_id, sa.func.count(Question.id))
        .join(Question, Question.claim_id == Claim.id)
        .where(live(Question), Question.origin != "teacher")
        .group_by(Claim.topic_id)
        .order_by(sa.func.count(Question.id).desc())
        .limit(1)
    ).one()
    questions = db.session.scalars(
        sa.select(Question).join(Claim).where(Claim.topic_id == topic_id, live(Question))
    ).all()
    return topic_id, list(questions)[:count]


def _close_ups(browser, live_server, email: str, url: str, selector: str, name: str) -> None:
    """With CRAWL_SCREENSHOT_DIR set, a shot of just ``selector`` at each width, to read."""
    shots = os.environ.get("CRAWL_SCREENSHOT_DIR")
    if not shots:
        return
    for size, viewport in VIEWPORTS.items():
        context = browser.new_context(base_url=live_server, viewport=viewport)
        page = context.new_page()
        _log_in(page, email)
        page.goto(url)
        page.locator(selector).first.screenshot(path=os.path.join(shots, f"{name}-{size}.png"))
        context.close()


def test_heatmap_and_progress_fit_and_pass_axe(
    browser, live_server, db, make_teacher, make_student
):
    now = datetime.now(UTC).replace(tzinfo=None)
    teacher = make_teacher(email="heat-teacher@example.org", name="Heat teacher")
    # Roles, not people; an accent and a hyphen as real rosters have them.
    names = [
        "Steady student",
        "New student",
        "Élève très active",
        "Struggling student",
        "Idle co-student",
    ]
    students = [make_student(email=f"s{i}@example.org", name=n) for i, n in enumerate(names)]
    steady, new, active, struggling, _idle = students
    school_class = make_class(db, teacher)
    enrol(db, school_class, *students)
    assignment = make_assignment(db, make_set(db, teacher, seeded_questions(db, 4)), [school_class])
    upload = ArticleUpload("garden.txt", GARDEN.encode(), "Our school garden")
    garden, _ = import_upload(db.session, upload, teacher.id, drafts=False, publish=False)
    db.session.add(ArticleShare(article_id=garden.id, class_id=school_class.id))
    topic_id, questions = _topic_questions(db)
    for days_ago in (3, 2, 0):  # the same topic right on three days, its cards learned
        _answers(db, steady, questions, now - timedelta(days=days_ago, hours=1))
    _cards_learned(db, steady, topic_id, now)
    _answers(db, new, questions[:1], now - timedelta(hours=2))  # one right answer: too early
    _answers(db, struggling, questions, now - timedelta(hours=3), right=False)
    db.session.commit()
    bulk_history(db.session, active.id, responses=300, reviews=300)
    take(db, assignment, new, right=[True, False, True, None])

    heatmap = f"/teach/classes/{school_class.id}/mastery"
    problems = _check(browser, live_server, teacher.email, [heatmap], "heat")
    learner_pages = ["/progress", "/study", "/library"]
    problems += _check(browser, live_server, steady.email, learner_pages, "steady")
    assert problems == [], "\n".join(problems)
    _close_ups(browser, live_server, teacher.email, heatmap, ".heatmap-article", "close-heatmap")
    _close_ups(browser, live_server, steady.email, "/progress", "#topic-table", "close-progress")
