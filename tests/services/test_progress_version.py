"""The database raises a learner's progress version at every change to their answers, quiz
attempts, reviews, card states, fitted parameters and classes (the dashboard's kept plan depends
on it), whichever way the change is made, and only when it is committed."""

from __future__ import annotations

import sqlalchemy as sa

from quizapp.models import (
    CardState,
    FsrsParameters,
    QuizAttempt,
    Response,
    ReviewLog,
    SchoolClass,
    User,
)
from quizapp.models.base import utcnow
from tests.builders import bulk_history, enrol, make_class


def _version(db, user: User) -> int:
    return db.session.scalar(sa.select(User.progress_version).where(User.id == user.id))


def test_every_kind_of_write_raises_the_version(db, make_student, make_teacher):
    learner, other = make_student(), make_student()
    assert _version(db, learner) == 0
    seen = [0]

    def raised() -> bool:
        db.session.commit()
        now = _version(db, learner)
        bigger = now > seen[-1]
        seen.append(now)
        return bigger

    bulk_history(db.session, learner.id, responses=3, reviews=2)  # bulk Core inserts
    assert raised()
    response = db.session.scalars(sa.select(Response).filter_by(user_id=learner.id)).first()
    response.answer = "changed"
    assert raised()
    db.session.delete(response)
    assert raised()
    state = db.session.scalars(sa.select(CardState).filter_by(user_id=learner.id)).first()
    state.state = 2 if state.state != 2 else 3
    assert raised()
    db.session.execute(sa.delete(ReviewLog).where(ReviewLog.user_id == learner.id))
    assert raised()
    db.session.add(FsrsParameters(user_id=learner.id, parameters=[0.4] * 19, n_reviews=2))
    assert raised()
    # A quiz started, submitted (its saved answers now count), discarded.
    attempt = QuizAttempt(user_id=learner.id)
    db.session.add(attempt)
    assert raised()
    attempt.submitted_at = utcnow()
    assert raised()
    db.session.delete(attempt)
    assert raised()
    school_class = make_class(db, make_teacher())
    enrol(db, school_class, learner)
    assert raised()
    # Deleting the class removes the membership by cascade: that counts too.
    db.session.execute(sa.delete(SchoolClass).where(SchoolClass.id == school_class.id))
    assert raised()
    assert _version(db, other) == 0, "another learner's writes never touch this one's"


def test_a_write_rolled_back_leaves_the_version_as_it_was(db, make_student):
    learner = make_student()
    bulk_history(db.session, learner.id, responses=2, reviews=0)
    db.session.commit()
    before = _version(db, learner)
    db.session.execute(sa.delete(Response).where(Response.user_id == learner.id))
    db.session.rollback()
    assert _version(db, learner) == before
