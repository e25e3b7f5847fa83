"""articles know their language: where sentences end and which items are made follow it

Revision ID: f1a6c0d9e5b3
Revises: f1c8d3a9b254
Create Date: 2026-12-07 15:00:00

An article in Russian, Chinese or German splits into sentences by its own rules and gets only
the items that need no English grammar, so the language told at import is kept on the article.
Every article imported before was read as English, so each row gets "en": no id, topic, claim,
item or learner's history changes. Downgrading drops only the new column.
"""

import sqlalchemy as sa
from alembic import op

revision = "f1a6c0d9e5b3"
down_revision = "f1c8d3a9b254"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column(
        "article",
        sa.Column("language", sa.String(length=8), nullable=False, server_default="en"),
    )


def downgrade():
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.drop_column("language")
