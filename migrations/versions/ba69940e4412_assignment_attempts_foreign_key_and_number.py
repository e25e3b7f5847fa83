"""assignment attempts: foreign key and attempt number

Revision ID: ba69940e4412
Revises: 737fd185e71f
Create Date: 2026-11-25 17:18:37.742732

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "ba69940e4412"
down_revision = "737fd185e71f"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("quiz_attempt", schema=None) as batch_op:
        batch_op.add_column(sa.Column("attempt_number", sa.Integer(), nullable=True))
        batch_op.create_unique_constraint(
            batch_op.f("uq_quiz_attempt_user_id_assignment_id_attempt_number"),
            ["user_id", "assignment_id", "attempt_number"],
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_quiz_attempt_assignment_id_assignment"),
            "assignment",
            ["assignment_id"],
            ["id"],
            ondelete="RESTRICT",
        )


def downgrade():
    with op.batch_alter_table("quiz_attempt", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_quiz_attempt_assignment_id_assignment"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("uq_quiz_attempt_user_id_assignment_id_attempt_number"), type_="unique"
        )
        batch_op.drop_column("attempt_number")
