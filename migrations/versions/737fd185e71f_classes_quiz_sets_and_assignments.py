"""classes, quiz sets and assignments

Revision ID: 737fd185e71f
Revises: b331a14ef3da
Create Date: 2026-11-25 17:00:38.932450

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "737fd185e71f"
down_revision = "b331a14ef3da"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "quiz_set",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("teacher_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("time_limit_minutes", sa.Integer(), nullable=True),
        sa.Column("attempts_allowed", sa.Integer(), nullable=False),
        sa.Column("grading_method", sa.String(length=16), nullable=False),
        sa.Column("shuffle_questions", sa.Boolean(), nullable=False),
        sa.Column("shuffle_choices", sa.Boolean(), nullable=False),
        sa.Column("feedback", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("attempts_allowed >= 0", name=op.f("ck_quiz_set_attempts_not_negative")),
        sa.CheckConstraint(
            "time_limit_minutes IS NULL OR time_limit_minutes > 0",
            name=op.f("ck_quiz_set_time_limit_positive"),
        ),
        sa.ForeignKeyConstraint(
            ["teacher_id"],
            ["user.id"],
            name=op.f("fk_quiz_set_teacher_id_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quiz_set")),
    )
    with op.batch_alter_table("quiz_set", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quiz_set_teacher_id"), ["teacher_id"], unique=False)

    op.create_table(
        "school_class",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("teacher_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("join_code", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["teacher_id"],
            ["user.id"],
            name=op.f("fk_school_class_teacher_id_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_school_class")),
        sa.UniqueConstraint("join_code", name=op.f("uq_school_class_join_code")),
    )
    with op.batch_alter_table("school_class", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_school_class_teacher_id"), ["teacher_id"], unique=False
        )

    op.create_table(
        "assignment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("quiz_set_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("open_at", sa.DateTime(), nullable=True),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("accept_late", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("open_at IS NULL OR open_at < due_at", name=op.f("ck_assignment_dates")),
        sa.ForeignKeyConstraint(
            ["quiz_set_id"],
            ["quiz_set.id"],
            name=op.f("fk_assignment_quiz_set_id_quiz_set"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignment")),
    )
    with op.batch_alter_table("assignment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_assignment_quiz_set_id"), ["quiz_set_id"], unique=False
        )

    op.create_table(
        "enrollment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("joined_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["class_id"],
            ["school_class.id"],
            name=op.f("fk_enrollment_class_id_school_class"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["user.id"],
            name=op.f("fk_enrollment_student_id_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enrollment")),
        sa.UniqueConstraint(
            "class_id", "student_id", name=op.f("uq_enrollment_class_id_student_id")
        ),
    )
    with op.batch_alter_table("enrollment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_enrollment_student_id"), ["student_id"], unique=False)

    op.create_table(
        "assignment_class",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assignment_id", sa.Integer(), nullable=False),
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["assignment.id"],
            name=op.f("fk_assignment_class_assignment_id_assignment"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["class_id"],
            ["school_class.id"],
            name=op.f("fk_assignment_class_class_id_school_class"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignment_class")),
        sa.UniqueConstraint(
            "assignment_id", "class_id", name=op.f("uq_assignment_class_assignment_id_class_id")
        ),
    )
    with op.batch_alter_table("assignment_class", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_assignment_class_class_id"), ["class_id"], unique=False
        )

    op.create_table(
        "quiz_set_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("quiz_set_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=True),
        sa.Column("topic_id", sa.Integer(), nullable=True),
        sa.Column("draw_count", sa.Integer(), nullable=True),
        sa.Column("question_type", sa.String(length=24), nullable=True),
        sa.Column("difficulty", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "(question_id IS NOT NULL AND topic_id IS NULL) OR "
            "(question_id IS NULL AND topic_id IS NOT NULL AND draw_count > 0)",
            name=op.f("ck_quiz_set_item_question_or_draw"),
        ),
        sa.CheckConstraint(
            "difficulty IS NULL OR difficulty BETWEEN 1 AND 3",
            name=op.f("ck_quiz_set_item_difficulty_range"),
        ),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["question.id"],
            name=op.f("fk_quiz_set_item_question_id_question"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["quiz_set_id"],
            ["quiz_set.id"],
            name=op.f("fk_quiz_set_item_quiz_set_id_quiz_set"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["topic.id"],
            name=op.f("fk_quiz_set_item_topic_id_topic"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quiz_set_item")),
        sa.UniqueConstraint(
            "quiz_set_id", "position", name=op.f("uq_quiz_set_item_quiz_set_id_position")
        ),
    )
    with op.batch_alter_table("quiz_set_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_quiz_set_item_question_id"), ["question_id"], unique=False
        )


def downgrade():
    with op.batch_alter_table("quiz_set_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quiz_set_item_question_id"))

    op.drop_table("quiz_set_item")
    with op.batch_alter_table("assignment_class", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assignment_class_class_id"))

    op.drop_table("assignment_class")
    with op.batch_alter_table("enrollment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enrollment_student_id"))

    op.drop_table("enrollment")
    with op.batch_alter_table("assignment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assignment_quiz_set_id"))

    op.drop_table("assignment")
    with op.batch_alter_table("school_class", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_school_class_teacher_id"))

    op.drop_table("school_class")
    with op.batch_alter_table("quiz_set", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quiz_set_teacher_id"))

    op.drop_table("quiz_set")
