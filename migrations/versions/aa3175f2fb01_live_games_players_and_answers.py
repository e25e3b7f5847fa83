"""Live class games: games, their players and their answers (three new tables).

New tables only, so no existing row is touched.

Revision ID: aa3175f2fb01
Revises: c4e1a9f20b7d
Create Date: 2026-11-25 19:16:05.215968

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "aa3175f2fb01"
down_revision = "c4e1a9f20b7d"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "live_game",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("host_id", sa.Integer(), nullable=False),
        sa.Column("quiz_set_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("pin", sa.String(length=8), nullable=False),
        sa.Column("allow_guests", sa.Boolean(), nullable=False),
        sa.Column("seconds_per_question", sa.Integer(), nullable=False),
        sa.Column("question_ids", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("question_index", sa.Integer(), nullable=False),
        sa.Column("question_started_at", sa.DateTime(), nullable=True),
        sa.Column("deadline", sa.DateTime(), nullable=True),
        sa.Column("paused_remaining_ms", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "seconds_per_question BETWEEN 5 AND 240", name=op.f("ck_live_game_seconds_range")
        ),
        sa.ForeignKeyConstraint(
            ["host_id"], ["user.id"], name=op.f("fk_live_game_host_id_user"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["quiz_set_id"],
            ["quiz_set.id"],
            name=op.f("fk_live_game_quiz_set_id_quiz_set"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_live_game")),
    )
    with op.batch_alter_table("live_game", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_live_game_host_id"), ["host_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_live_game_quiz_set_id"), ["quiz_set_id"], unique=False)
        batch_op.create_index(
            "uq_live_game_open_pin",
            ["pin"],
            unique=True,
            sqlite_where=sa.text("status != 'finished'"),
            postgresql_where=sa.text("status != 'finished'"),
        )

    op.create_table(
        "live_player",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("game_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("nickname", sa.String(length=40), nullable=False),
        sa.Column("nickname_key", sa.String(length=40), nullable=False),
        sa.Column("attempt_id", sa.Integer(), nullable=True),
        sa.Column("joined_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attempt_id"],
            ["quiz_attempt.id"],
            name=op.f("fk_live_player_attempt_id_quiz_attempt"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["game_id"],
            ["live_game.id"],
            name=op.f("fk_live_player_game_id_live_game"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_live_player_user_id_user"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_live_player")),
        sa.UniqueConstraint(
            "game_id", "nickname_key", name=op.f("uq_live_player_game_id_nickname_key")
        ),
        sa.UniqueConstraint("game_id", "user_id", name=op.f("uq_live_player_game_id_user_id")),
    )
    with op.batch_alter_table("live_player", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_live_player_user_id"), ["user_id"], unique=False)

    op.create_table(
        "live_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("game_id", sa.Integer(), nullable=False),
        sa.Column("player_id", sa.Integer(), nullable=False),
        sa.Column("question_index", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("answer", sa.JSON(), nullable=False),
        sa.Column("score", sa.Double(), nullable=False),
        sa.Column("correct", sa.Boolean(), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("elapsed_ms", sa.Integer(), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["game_id"],
            ["live_game.id"],
            name=op.f("fk_live_answer_game_id_live_game"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["player_id"],
            ["live_player.id"],
            name=op.f("fk_live_answer_player_id_live_player"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["question.id"],
            name=op.f("fk_live_answer_question_id_question"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_live_answer")),
        sa.UniqueConstraint(
            "player_id", "question_index", name=op.f("uq_live_answer_player_id_question_index")
        ),
    )
    with op.batch_alter_table("live_answer", schema=None) as batch_op:
        batch_op.create_index(
            "ix_live_answer_game_question", ["game_id", "question_index"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_live_answer_question_id"), ["question_id"], unique=False
        )


def downgrade():
    with op.batch_alter_table("live_answer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_live_answer_question_id"))
        batch_op.drop_index("ix_live_answer_game_question")

    op.drop_table("live_answer")
    with op.batch_alter_table("live_player", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_live_player_user_id"))

    op.drop_table("live_player")
    with op.batch_alter_table("live_game", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_live_game_open_pin",
            sqlite_where=sa.text("status != 'finished'"),
            postgresql_where=sa.text("status != 'finished'"),
        )
        batch_op.drop_index(batch_op.f("ix_live_game_quiz_set_id"))
        batch_op.drop_index(batch_op.f("ix_live_game_host_id"))

    op.drop_table("live_game")
