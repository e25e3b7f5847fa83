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


# Plain ALTER TABLE, not batch mode: rebuilding "user" on SQLite would break the progress
# triggers that name it (migration e3b7c2d41f08); both databases add and drop a column in place.
def upgrade():
    op.add_column("user", sa.Column("language", sa.String(length=8), nullable=True))


def downgrade():
    op.drop_column("user", "language")
