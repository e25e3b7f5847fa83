"""interface language per account

Revision ID: b3c1e5a7d902
Revises: a7e2c5d90b14
Create Date: 2026-12-07 21:30:00

One nullable column, ``user.language``: None (every existing account) follows the browser's
language, as before. No id or history changes; downgrading drops the column.
"""

import sqlalchemy as sa
from alembic import op

revision = "b3c1e5a7d902"
down_revision = "a7e2c5d90b14"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("user") as batch_op:
        batch_op.add_column(sa.Column("language", sa.String(length=8), nullable=True))


def downgrade():
    with op.batch_alter_table("user") as batch_op:
        batch_op.drop_column("language")
