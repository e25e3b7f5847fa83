"""questions keep their hints: what a learner may reveal, one by one, before answering

Revision ID: e5a1c7d3f920
Revises: d8e3f1a2b4c6
Create Date: 2026-12-08 01:20:00

Moodle questions may carry ``<hint>`` elements; imports reported them as left out. A ``hints``
list on questions holds them, empty for every question there is: no id, item or learner's
history changes. The column is added in place (``op.add_column``, no table copy), so SQLite
keeps the triggers on the table. Downgrading drops it.
"""

import sqlalchemy as sa
from alembic import op

revision = "e5a1c7d3f920"
down_revision = "d8e3f1a2b4c6"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column(
        "question", sa.Column("hints", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
    )


def downgrade():
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.drop_column("hints")
