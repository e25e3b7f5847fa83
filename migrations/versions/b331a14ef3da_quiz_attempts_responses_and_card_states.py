"""quiz attempts, responses, card states, review log, fitted FSRS parameters

Revision ID: b331a14ef3da
Revises: 85d1fd3b064d
Create Date: 2026-11-25 16:35:42.278255

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "b331a14ef3da"
down_revision = "85d1fd3b064d"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "fsrs_parameters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("parameters", sa.JSON(), nullable=True),
        sa.Column("kept", sa.Boolean(), nullable=False),
        sa.Column("fitted_at", sa.DateTime(), nullable=False),
        sa.Column("n_reviews", sa.Integer(), nullable=False),
        sa.Column("current_log_loss", sa.Double(), nullable=True),
        sa.Column("candidate_log_loss", sa.Double(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
            name=op.f("fk_fsrs_parameters_user_id_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fsrs_parameters")),
    )
    with op.batch_alter_table("fsrs_parameters", schema=None) as batch_op:
        batch_op.create_index(
            "ix_fsrs_parameters_user_fitted", ["user_id", "fitted_at"], unique=False
        )

    op.create_table(
        "quiz_attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("assignment_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("deadline", sa.DateTime(), nullable=True),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("score", sa.Double(), nullable=True),
        sa.Column("max_score", sa.Double(), nullable=False),
        sa.Column("late_after", sa.DateTime(), nullable=True),
        sa.Column("is_late", sa.Boolean(), nullable=False),
        sa.Column("feedback", sa.String(length=20), nullable=False),
        sa.Column("feedback_after", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_quiz_attempt_user_id_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quiz_attempt")),
    )
    with op.batch_alter_table("quiz_attempt", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_quiz_attempt_assignment_id"), ["assignment_id"], unique=False
        )
        batch_op.create_index(
            "ix_quiz_attempt_user_submitted", ["user_id", "submitted_at"], unique=False
        )

    op.create_table(
        "attempt_question",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attempt_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("choice_order", sa.JSON(), nullable=False),
        sa.Column("max_mark", sa.Double(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attempt_id"],
            ["quiz_attempt.id"],
            name=op.f("fk_attempt_question_attempt_id_quiz_attempt"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["question.id"],
            name=op.f("fk_attempt_question_question_id_question"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attempt_question")),
        sa.UniqueConstraint(
            "attempt_id", "position", name=op.f("uq_attempt_question_attempt_id_position")
        ),
        sa.UniqueConstraint(
            "attempt_id", "question_id", name=op.f("uq_attempt_question_attempt_id_question_id")
        ),
    )
    op.create_table(
        "card_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("flashcard_id", sa.Integer(), nullable=False),
        sa.Column("fsrs", sa.JSON(), nullable=False),
        sa.Column("due", sa.DateTime(), nullable=False),
        sa.Column("state", sa.Integer(), nullable=False),
        sa.Column("stability", sa.Double(), nullable=True),
        sa.Column("last_review", sa.DateTime(), nullable=True),
        sa.Column("introduced_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["flashcard_id"],
            ["flashcard.id"],
            name=op.f("fk_card_state_flashcard_id_flashcard"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_card_state_user_id_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_card_state")),
        sa.UniqueConstraint(
            "user_id", "flashcard_id", name=op.f("uq_card_state_user_id_flashcard_id")
        ),
    )
    with op.batch_alter_table("card_state", schema=None) as batch_op:
        batch_op.create_index("ix_card_state_user_due", ["user_id", "due"], unique=False)

    op.create_table(
        "review_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("flashcard_id", sa.Integer(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=True),
        sa.Column("state_before", sa.JSON(), nullable=True),
        sa.Column("state_after", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["flashcard_id"],
            ["flashcard.id"],
            name=op.f("fk_review_log_flashcard_id_flashcard"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_review_log_user_id_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_log")),
    )
    with op.batch_alter_table("review_log", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_review_log_flashcard_id"), ["flashcard_id"], unique=False
        )
        batch_op.create_index("ix_review_log_user_time", ["user_id", "reviewed_at"], unique=False)

    op.create_table(
        "response",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slot_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("answer", sa.JSON(), nullable=False),
        sa.Column("score", sa.Double(), nullable=False),
        sa.Column("correct", sa.Boolean(), nullable=False),
        sa.Column("checked", sa.Boolean(), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["question.id"],
            name=op.f("fk_response_question_id_question"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["slot_id"],
            ["attempt_question.id"],
            name=op.f("fk_response_slot_id_attempt_question"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_response_user_id_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_response")),
        sa.UniqueConstraint("slot_id", name=op.f("uq_response_slot_id")),
    )
    with op.batch_alter_table("response", schema=None) as batch_op:
        batch_op.create_index("ix_response_question", ["question_id"], unique=False)
        batch_op.create_index("ix_response_user_answered", ["user_id", "answered_at"], unique=False)


def downgrade():
    with op.batch_alter_table("response", schema=None) as batch_op:
        batch_op.drop_index("ix_response_user_answered")
        batch_op.drop_index("ix_response_question")

    op.drop_table("response")
    with op.batch_alter_table("review_log", schema=None) as batch_op:
        batch_op.drop_index("ix_review_log_user_time")
        batch_op.drop_index(batch_op.f("ix_review_log_flashcard_id"))

    op.drop_table("review_log")
    with op.batch_alter_table("card_state", schema=None) as batch_op:
        batch_op.drop_index("ix_card_state_user_due")

    op.drop_table("card_state")
    op.drop_table("attempt_question")
    with op.batch_alter_table("quiz_attempt", schema=None) as batch_op:
        batch_op.drop_index("ix_quiz_attempt_user_submitted")
        batch_op.drop_index(batch_op.f("ix_quiz_attempt_assignment_id"))

    op.drop_table("quiz_attempt")
    with op.batch_alter_table("fsrs_parameters", schema=None) as batch_op:
        batch_op.drop_index("ix_fsrs_parameters_user_fitted")

    op.drop_table("fsrs_parameters")
