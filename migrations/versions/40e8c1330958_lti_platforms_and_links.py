"""lti platforms and links: the LMSs an admin registered, the tool's key, LMS users, courses and
activities linked to quizapp accounts, classes (with their LMS roster address) and assignments,
and the grade outbox

Revision ID: 40e8c1330958
Revises: f1a6c0d9e5b3
Create Date: 2026-12-07 17:34:31.208182

New tables only: no existing row, id or history changes. Downgrading drops them (and with
them the links; the accounts and classes made by launches stay).
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "40e8c1330958"
down_revision = "f1a6c0d9e5b3"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "lti_launch_value",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lti_launch_value")),
        sa.UniqueConstraint("key", name=op.f("uq_lti_launch_value_key")),
    )
    with op.batch_alter_table("lti_launch_value", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_lti_launch_value_expires_at"), ["expires_at"], unique=False
        )

    op.create_table(
        "lti_platform",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("issuer", sa.String(length=255), nullable=False),
        sa.Column("client_id", sa.String(length=255), nullable=False),
        sa.Column("auth_login_url", sa.String(length=500), nullable=False),
        sa.Column("auth_token_url", sa.String(length=500), nullable=False),
        sa.Column("key_set_url", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lti_platform")),
        sa.UniqueConstraint("issuer", "client_id", name=op.f("uq_lti_platform_issuer_client_id")),
    )
    op.create_table(
        "lti_tool_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("private_key_pem", sa.Text(), nullable=False),
        sa.Column("public_key_pem", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lti_tool_key")),
    )
    op.create_table(
        "lti_deployment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("deployment_id", sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["lti_platform.id"],
            name=op.f("fk_lti_deployment_platform_id_lti_platform"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lti_deployment")),
        sa.UniqueConstraint(
            "platform_id", "deployment_id", name=op.f("uq_lti_deployment_platform_id_deployment_id")
        ),
    )
    op.create_table(
        "lti_user_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=255), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["lti_platform.id"],
            name=op.f("fk_lti_user_link_platform_id_lti_platform"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_lti_user_link_user_id_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lti_user_link")),
        sa.UniqueConstraint(
            "platform_id", "subject", name=op.f("uq_lti_user_link_platform_id_subject")
        ),
    )
    with op.batch_alter_table("lti_user_link", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lti_user_link_user_id"), ["user_id"], unique=False)

    op.create_table(
        "lti_context_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("context_id", sa.String(length=255), nullable=False),
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.Column("memberships_url", sa.String(length=500), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["class_id"],
            ["school_class.id"],
            name=op.f("fk_lti_context_link_class_id_school_class"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["lti_platform.id"],
            name=op.f("fk_lti_context_link_platform_id_lti_platform"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lti_context_link")),
        sa.UniqueConstraint(
            "platform_id", "context_id", name=op.f("uq_lti_context_link_platform_id_context_id")
        ),
    )
    with op.batch_alter_table("lti_context_link", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_lti_context_link_class_id"), ["class_id"], unique=False
        )
    op.create_table(
        "lti_resource_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("resource_link_id", sa.String(length=255), nullable=False),
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.Column("assignment_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("lineitem_url", sa.String(length=500), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["assignment.id"],
            name=op.f("fk_lti_resource_link_assignment_id_assignment"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["class_id"],
            ["school_class.id"],
            name=op.f("fk_lti_resource_link_class_id_school_class"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["lti_platform.id"],
            name=op.f("fk_lti_resource_link_platform_id_lti_platform"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lti_resource_link")),
        sa.UniqueConstraint(
            "platform_id",
            "resource_link_id",
            name=op.f("uq_lti_resource_link_platform_id_resource_link_id"),
        ),
    )
    with op.batch_alter_table("lti_resource_link", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_lti_resource_link_assignment_id"), ["assignment_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_lti_resource_link_class_id"), ["class_id"], unique=False
        )

    op.create_table(
        "lti_grade_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attempt_id", sa.Integer(), nullable=False),
        sa.Column("resource_link_id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=255), nullable=False),
        sa.Column("score_given", sa.Double(), nullable=False),
        sa.Column("score_maximum", sa.Double(), nullable=False),
        sa.Column("graded_at", sa.DateTime(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("tries", sa.Integer(), nullable=False),
        sa.Column("next_try_at", sa.DateTime(), nullable=False),
        sa.Column("last_error", sa.String(length=500), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["attempt_id"],
            ["quiz_attempt.id"],
            name=op.f("fk_lti_grade_outbox_attempt_id_quiz_attempt"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["resource_link_id"],
            ["lti_resource_link.id"],
            name=op.f("fk_lti_grade_outbox_resource_link_id_lti_resource_link"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lti_grade_outbox")),
        sa.UniqueConstraint("attempt_id", name=op.f("uq_lti_grade_outbox_attempt_id")),
    )
    with op.batch_alter_table("lti_grade_outbox", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_lti_grade_outbox_next_try_at"), ["next_try_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_lti_grade_outbox_resource_link_id"), ["resource_link_id"], unique=False
        )


def downgrade():
    with op.batch_alter_table("lti_grade_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lti_grade_outbox_resource_link_id"))
        batch_op.drop_index(batch_op.f("ix_lti_grade_outbox_next_try_at"))

    op.drop_table("lti_grade_outbox")
    with op.batch_alter_table("lti_resource_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lti_resource_link_class_id"))
        batch_op.drop_index(batch_op.f("ix_lti_resource_link_assignment_id"))

    op.drop_table("lti_resource_link")
    with op.batch_alter_table("lti_context_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lti_context_link_class_id"))

    op.drop_table("lti_context_link")
    with op.batch_alter_table("lti_user_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lti_user_link_user_id"))

    op.drop_table("lti_user_link")
    op.drop_table("lti_deployment")
    op.drop_table("lti_tool_key")
    op.drop_table("lti_platform")
    with op.batch_alter_table("lti_launch_value", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lti_launch_value_expires_at"))

    op.drop_table("lti_launch_value")
