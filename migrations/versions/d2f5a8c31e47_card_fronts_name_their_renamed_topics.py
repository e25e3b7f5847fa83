"""card fronts name their renamed topics: mend the fronts a rename did not reach

Revision ID: d2f5a8c31e47
Revises: 7c41d9e2a6b0
Create Date: 2026-12-07 03:00:00

A generated card's front opens with its topic's name ("Evaporation: …"). Until now a teacher's
rename changed the topic but not its cards, so they kept the first name (the one the topic's
key was made from) in study, in the CSV export and in Anki. This gives those cards the topic's
present name. Only the front's text changes: every id, key, status and learner's history stays.
Nothing to undo on downgrade (the old text named a topic that no longer has that name).
"""

import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "d2f5a8c31e47"
down_revision = "7c41d9e2a6b0"
branch_labels = None
depends_on = None


def _slug(text: str) -> str:
    """The topic key a name gives (as quizapp.core.text.slugify did when this was written)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    folded = folded.replace("'", "").replace("\u2019", "")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-") or "topic"


def _mended(front: str, key: str, title: str) -> str | None:
    if front.startswith(f"{title}: "):
        return None
    at = front.find(": ")
    while at > 0:
        if _slug(front[:at]) == key:
            return f"{title}: {front[at + 2 :]}"
        at = front.find(": ", at + 1)
    return None


def upgrade():
    connection = op.get_bind()
    rows = connection.execute(
        sa.text(
            "SELECT flashcard.id, flashcard.front, topic.key, topic.title FROM flashcard "
            "JOIN claim ON flashcard.claim_id = claim.id JOIN topic ON claim.topic_id = topic.id "
            "WHERE flashcard.origin = 'generated'"
        )
    ).all()
    update = sa.text("UPDATE flashcard SET front = :front WHERE id = :id")
    for card_id, front, key, title in rows:
        mended = _mended(front, key, title)
        if mended is not None:
            connection.execute(update, {"front": mended, "id": card_id})


def downgrade():
    pass
