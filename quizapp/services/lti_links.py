"""An LMS activity (resource link) tied to an assignment of its class, chosen by the class's
teacher: its learners' grades on that assignment go to the activity's grade column."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.clock import utcnow
from quizapp.core.translatable import N_
from quizapp.models import Assignment, AssignmentClass, LtiResourceLink, QuizSet, SchoolClass
from quizapp.services.assignments import Schedule, class_assignments, create_assignment
from quizapp.services.errors import NotFound, TeachingError

# An activity added by deep linking becomes an assignment due this long after its first
# launch; the teacher moves the date on the assignment's page (the LMS sends none).
DEEP_LINK_DUE = timedelta(days=14)


def owned_resource_link(session: Session, link_id: int, teacher_id: int) -> LtiResourceLink:
    """The activity, for the teacher of its class only (404 for anyone else)."""
    link = session.get(LtiResourceLink, link_id)
    school_class = session.get(SchoolClass, link.class_id) if link else None
    if link is None or school_class is None or school_class.teacher_id != teacher_id:
        raise NotFound(N_("No such LMS activity."))
    return link


def link_assignment(session: Session, link: LtiResourceLink, assignment_id: int) -> None:
    """Tie the activity to one of its class's assignments (another choice replaces it)."""
    if assignment_id not in {a.id for a in class_assignments(session, link.class_id)}:
        raise TeachingError(N_("Choose one of this class's assignments."))
    link.assignment_id = assignment_id


def assign_picked_set(
    session: Session, link: LtiResourceLink, school_class: SchoolClass, set_id: int
) -> None:
    """Tie a deep-linked activity to the class's assignment of the set the teacher picked,
    assigning it now if the class has none. Only a set of the class's own teacher counts; a
    set that cannot be assigned (no questions) leaves the activity for the link page."""
    quiz_set = session.get(QuizSet, set_id)
    if quiz_set is None or quiz_set.teacher_id != school_class.teacher_id:
        return
    existing = session.scalar(
        sa.select(Assignment.id)
        .join(AssignmentClass, AssignmentClass.assignment_id == Assignment.id)
        .where(Assignment.quiz_set_id == set_id, AssignmentClass.class_id == school_class.id)
        .order_by(Assignment.id)
        .limit(1)
    )
    if existing is None:
        schedule = Schedule(title=quiz_set.title, due_at=utcnow() + DEEP_LINK_DUE)
        try:
            assignment = create_assignment(session, quiz_set, [school_class.id], schedule)
        except TeachingError:
            return
        session.flush()
        existing = assignment.id
    link.assignment_id = existing
