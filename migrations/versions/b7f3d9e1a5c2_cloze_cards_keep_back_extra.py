"""cloze cards keep their Back Extra: what Anki shows below the answer on every card of a note

Revision ID: b7f3d9e1a5c2
Revises: e5a1c7d3f920
Create Date: 2026-12-08 01:40:00

Anki's Cloze notes have a second field, "Back Extra", shown on the back of each of their cards;
imports reported it as not kept. A ``back_extra`` text on flashcards holds it, empty for every
card there is: no id, card or learner's review history changes. The column is added in place
(``op.add_column``, no table copy), so SQLite keeps the triggers on the table. Downgrading
drops it.
"""

import sqlalchemy as sa
from alembic import op

revision = "b7f3d9e1a5c2"
down_revision = "e5a1c7d3f920"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column(
        "flashcard", sa.Column("back_extra", sa.Text(), nullable=False, server_default="")
    )


def downgrade():
    with op.batch_alter_table("flashcard", schema=None) as batch_op:
        batch_op.drop_column("back_extra")
