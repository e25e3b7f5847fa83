"""pictures and sound on items: stored files by content hash, and each item's list of them

Revision ID: a7e2c5d90b14
Revises: a7d4e2b9c3f1
Create Date: 2026-12-07 17:50:00

New tables only (``media_file``, one row per distinct file; ``media_blob``, its bytes when
MEDIA_STORE=database) and a ``media`` list on questions and flashcards, empty for every item
there is: no id, item or learner's history changes. Downgrading drops them.
"""

import sqlalchemy as sa
from alembic import op

revision = "a7e2c5d90b14"
down_revision = "a7d4e2b9c3f1"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "media_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("mime_type", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("original_name", sa.String(length=255), nullable=False),
        sa.Column("uploader_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["uploader_id"],
            ["user.id"],
            name=op.f("fk_media_file_uploader_id_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_media_file")),
        sa.UniqueConstraint("sha256", name=op.f("uq_media_file_sha256")),
    )
    with op.batch_alter_table("media_file", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_media_file_uploader_id"), ["uploader_id"], unique=False
        )
    op.create_table(
        "media_blob",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_media_blob")),
    )
    for table in ("question", "flashcard"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("media", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
            )


def downgrade():
    for table in ("flashcard", "question"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("media")
    op.drop_table("media_blob")
    with op.batch_alter_table("media_file", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_media_file_uploader_id"))
    op.drop_table("media_file")
