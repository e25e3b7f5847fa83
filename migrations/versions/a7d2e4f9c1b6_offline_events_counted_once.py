"""offline events counted once: the idempotency keys of events a learner synced

Revision ID: a7d2e4f9c1b6
Revises: 40e8c1330958
Create Date: 2026-12-07 17:40:00

Offline study queues ratings and answers on the learner's device and sends them when the
network returns; a retry of the same queue must count once, so each event's key is kept with a
unique constraint per learner. A new table only: no existing id or history changes.
"""

import sqlalchemy as sa
from alembic import op

revision = "a7d2e4f9c1b6"
down_revision = "40e8c1330958"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "offline_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("happened_at", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("applied", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_offline_event_user_id_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offline_event")),
        sa.UniqueConstraint("user_id", "key", name=op.f("uq_offline_event_user_id_key")),
    )


def downgrade():
    op.drop_table("offline_event")
