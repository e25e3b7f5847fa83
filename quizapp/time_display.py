"""Times shown in the viewer's time zone, over naive-UTC stored times (the templates' ``local``
and ``when`` filters, registered by ``quizapp.template_helpers``)."""

from __future__ import annotations

from datetime import datetime

from flask_login import current_user

from quizapp.core.time_zones import DEFAULT_ZONE, to_local


def viewer_zone() -> str:
    """The signed-in user's zone; UTC for visitors."""
    return current_user.time_zone if current_user.is_authenticated else DEFAULT_ZONE


def local(moment: datetime | None, pattern: str = "%d %b %Y, %H:%M") -> str:
    """A stored time formatted in the viewer's zone ("" for none)."""
    return to_local(moment, viewer_zone()).strftime(pattern) if moment else ""


def when(moment: datetime | None) -> str:
    """A stored time as "31 Jan 2030, 18:00 CET" in the viewer's zone."""
    return local(moment, "%d %b %Y, %H:%M %Z") if moment else ""
