"""An LMS activity (resource link) tied to an assignment of its class, chosen by the class's
teacher: its learners' grades on that assignment go to the activity's grade column."""

from __future__ import annotations

from sqlalchemy.orm import Session

from quizapp.models import LtiResourceLink, SchoolClass
from quizapp.services.assignments import class_assignments
from quizapp.services.errors import NotFound, TeachingError


def owned_resource_link(session: Session, link_id: int, teacher_id: int) -> LtiResourceLink:
    """The activity, for the teacher of its class only (404 for anyone else)."""
    link = session.get(LtiResourceLink, link_id)
    school_class = session.get(SchoolClass, link.class_id) if link else None
    if link is None or school_class is None or school_class.teacher_id != teacher_id:
        raise NotFound("No such LMS activity.")
    return link


def link_assignment(session: Session, link: LtiResourceLink, assignment_id: int) -> None:
    """Tie the activity to one of its class's assignments (another choice replaces it)."""
    if assignment_id not in {a.id for a in class_assignments(session, link.class_id)}:
        raise TeachingError("Choose one of this class's assignments.")
    link.assignment_id = assignment_id
