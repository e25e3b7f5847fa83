"""questions keep combined feedback: what a correct, partly correct or incorrect answer is told

Revision ID: f1c8d3a9b254
Revises: d2f5a8c31e47
Create Date: 2026-12-07 15:00:00

Moodle questions carry feedback for a correct, a partly correct and an incorrect answer beside
their general feedback; imports dropped it. One JSON column holds the three texts. Every
existing question gets an empty mapping (it had none), so every id, answer and mark stays.
Per-choice fractions and feedback live in the choices' JSON and need no column.
"""

import sqlalchemy as sa
from alembic import op

revision = "f1c8d3a9b254"
down_revision = "d2f5a8c31e47"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("question") as batch_op:
        batch_op.add_column(
            sa.Column(
                "combined_feedback", sa.JSON(), server_default=sa.text("'{}'"), nullable=False
            )
        )


def downgrade():
    with op.batch_alter_table("question") as batch_op:
        batch_op.drop_column("combined_feedback")
