"""accounts: session generation, remember tokens, time zone, teacher approval; opaque choice ids

Revision ID: c4e1a9f20b7d
Revises: 12619a453caa
Create Date: 2026-11-25 19:45:00

Every existing account keeps its id and rows; it gets generation 0, the UTC zone, and no
pending teacher status. Choice ids ("a", "b", ... by position in the bank, where the key was
often first) become random ids; every attempt's choice order and every stored answer are
rewritten with them, so each answer keeps meaning the same choice. Sessions from before this
revision carry a user id without a generation and are refused, so everyone logs in once more
(remember-me cookies of the old kind, valid 365 days, stop working too).
"""

import secrets

import sqlalchemy as sa
from alembic import op

QUESTION = sa.table("question", sa.column("id", sa.Integer), sa.column("choices", sa.JSON))
SLOT = sa.table(
    "attempt_question",
    sa.column("id", sa.Integer),
    sa.column("question_id", sa.Integer),
    sa.column("choice_order", sa.JSON),
)
RESPONSE = sa.table(
    "response",
    sa.column("id", sa.Integer),
    sa.column("question_id", sa.Integer),
    sa.column("answer", sa.JSON),
)


def _random_ids(choices):
    ids = set()
    while len(ids) < len(choices):
        ids.add(secrets.token_hex(4))
    return list(ids)


def _position_ids(choices):
    return [chr(ord("a") + position) for position in range(len(choices))]


def _rename_choice_ids(new_ids_for):
    """Give every choice a new id (``new_ids_for(choices)``, in order) and rewrite each slot's
    choice order and each answer that names the old ids."""
    bind = op.get_bind()
    for question_id, choices in bind.execute(sa.select(QUESTION.c.id, QUESTION.c.choices)).all():
        if not choices:
            continue
        renamed = dict(zip((c["id"] for c in choices), new_ids_for(choices), strict=True))
        bind.execute(
            QUESTION.update()
            .where(QUESTION.c.id == question_id)
            .values(choices=[{**c, "id": renamed[c["id"]]} for c in choices])
        )
        slots = bind.execute(
            sa.select(SLOT.c.id, SLOT.c.choice_order).where(SLOT.c.question_id == question_id)
        ).all()
        for slot_id, order in slots:
            bind.execute(
                SLOT.update()
                .where(SLOT.c.id == slot_id)
                .values(choice_order=[renamed.get(choice, choice) for choice in order or []])
            )
        answers = bind.execute(
            sa.select(RESPONSE.c.id, RESPONSE.c.answer).where(RESPONSE.c.question_id == question_id)
        ).all()
        for response_id, answer in answers:
            if isinstance(answer, str):
                answer = renamed.get(answer, answer)
            elif isinstance(answer, list):
                answer = [renamed.get(a, a) if isinstance(a, str) else a for a in answer]
            else:
                continue
            bind.execute(
                RESPONSE.update().where(RESPONSE.c.id == response_id).values(answer=answer)
            )


# revision identifiers, used by Alembic.
revision = "c4e1a9f20b7d"
down_revision = "12619a453caa"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "remember_token",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("selector", sa.String(length=32), nullable=False),
        sa.Column("validator_hash", sa.String(length=64), nullable=False),
        sa.Column("session_generation", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
            name=op.f("fk_remember_token_user_id_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_remember_token")),
        sa.UniqueConstraint("selector", name=op.f("uq_remember_token_selector")),
    )
    with op.batch_alter_table("remember_token", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_remember_token_user_id"), ["user_id"], unique=False)

    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("session_generation", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.add_column(
            sa.Column("time_zone", sa.String(length=64), server_default="UTC", nullable=False)
        )
        batch_op.add_column(sa.Column("teacher_status", sa.String(length=16), nullable=True))

    _rename_choice_ids(_random_ids)


def downgrade():
    _rename_choice_ids(_position_ids)

    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.drop_column("teacher_status")
        batch_op.drop_column("time_zone")
        batch_op.drop_column("session_generation")

    with op.batch_alter_table("remember_token", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_remember_token_user_id"))

    op.drop_table("remember_token")
