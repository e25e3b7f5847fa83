"""Events a learner made offline and sent back: their idempotency keys, so a retry counts once."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from quizapp.core.clock import utcnow
from quizapp.extensions import db


class OfflineEvent(db.Model):
    """One queued event (a card's rating, a question's answer, a quiz's end) received by a sync.

    The key is the client's random idempotency key: a second sync of the same queue finds it
    here and changes nothing. An event that could not be applied (a conflict) is kept too, with
    what the learner was told, so a retry reports it again instead of trying it again.
    """

    __table_args__ = (sa.UniqueConstraint("user_id", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(sa.String(64))
    kind: Mapped[str] = mapped_column(sa.String(16))
    happened_at: Mapped[datetime]  # the learner's time of the event, naive UTC
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    applied: Mapped[bool] = mapped_column(default=True)
    note: Mapped[str] = mapped_column(sa.Text, default="")  # why it was not applied
