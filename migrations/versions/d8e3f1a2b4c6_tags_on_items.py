"""tags on flashcards and questions, as Anki keeps them on notes

Revision ID: d8e3f1a2b4c6
Revises: c4d2f6b8e013
Create Date: 2026-12-07 21:40:00

A ``tags`` list on questions and flashcards, empty for every item there is: no id, item or
learner's history changes. The column is added in place (``op.add_column``, no table copy), so
SQLite keeps the triggers on the tables. Downgrading drops it.
"""

import sqlalchemy as sa
from alembic import op

revision = "d8e3f1a2b4c6"
down_revision = "c4d2f6b8e013"
branch_labels = None
depends_on = None

TABLES = ("question", "flashcard")


def upgrade():
    for table in TABLES:
        op.add_column(
            table, sa.Column("tags", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
        )


def downgrade():
    for table in reversed(TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("tags")
