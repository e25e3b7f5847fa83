"""articles by teachers: namespaced items, review status, sharing

Items get their article (filled from their claim; every id is kept) and keys become unique per
article. Existing items are published and existing articles stay open to everyone, so learners
see what they saw before.

Revision ID: 12619a453caa
Revises: ba69940e4412
Create Date: 2026-11-25 19:15:34.587930

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "12619a453caa"
down_revision = "ba69940e4412"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "article_share",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_article_share_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["class_id"],
            ["school_class.id"],
            name=op.f("fk_article_share_class_id_school_class"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_share")),
        sa.UniqueConstraint(
            "article_id", "class_id", name=op.f("uq_article_share_article_id_class_id")
        ),
    )
    with op.batch_alter_table("article_share", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_article_share_class_id"), ["class_id"], unique=False)

    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.add_column(sa.Column("owner_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("source_url", sa.String(length=2000), nullable=True))
        batch_op.add_column(sa.Column("source_author", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("licence_note", sa.String(length=500), nullable=True))
        batch_op.add_column(
            sa.Column("published", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.create_index(batch_op.f("ix_article_owner_id"), ["owner_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_article_owner_id_user"),
            "user",
            ["owner_id"],
            ["id"],
            ondelete="SET NULL",
        )
    # Articles that exist already were served to everyone; they stay so.
    op.execute(sa.text("UPDATE article SET published = :yes").bindparams(yes=True))

    with op.batch_alter_table("flashcard", schema=None) as batch_op:
        batch_op.add_column(sa.Column("article_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("status", sa.String(length=16), server_default="published", nullable=False)
        )
    op.execute(
        "UPDATE flashcard SET article_id = "
        "(SELECT claim.article_id FROM claim WHERE claim.id = flashcard.claim_id)"
    )
    with op.batch_alter_table("flashcard", schema=None) as batch_op:
        batch_op.alter_column("article_id", existing_type=sa.Integer(), nullable=False)
        batch_op.drop_constraint(batch_op.f("uq_flashcard_key"), type_="unique")
        batch_op.create_index(batch_op.f("ix_flashcard_article_id"), ["article_id"], unique=False)
        batch_op.create_unique_constraint(
            batch_op.f("uq_flashcard_article_id_key"), ["article_id", "key"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_flashcard_article_id_article"),
            "article",
            ["article_id"],
            ["id"],
            ondelete="CASCADE",
        )

    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.add_column(sa.Column("article_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("status", sa.String(length=16), server_default="published", nullable=False)
        )
    op.execute(
        "UPDATE question SET article_id = "
        "(SELECT claim.article_id FROM claim WHERE claim.id = question.claim_id)"
    )
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.alter_column("article_id", existing_type=sa.Integer(), nullable=False)
        batch_op.drop_constraint(batch_op.f("uq_question_key"), type_="unique")
        batch_op.create_index(batch_op.f("ix_question_article_id"), ["article_id"], unique=False)
        batch_op.create_unique_constraint(
            batch_op.f("uq_question_article_id_key"), ["article_id", "key"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_question_article_id_article"),
            "article",
            ["article_id"],
            ["id"],
            ondelete="CASCADE",
        )


def downgrade():
    # Keys are unique per article only; two articles' items may share one, which the old global
    # constraint cannot hold. Such a downgrade fails loudly rather than dropping rows.
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_question_article_id_article"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("uq_question_article_id_key"), type_="unique")
        batch_op.drop_index(batch_op.f("ix_question_article_id"))
        batch_op.create_unique_constraint(batch_op.f("uq_question_key"), ["key"])
        batch_op.drop_column("status")
        batch_op.drop_column("article_id")

    with op.batch_alter_table("flashcard", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_flashcard_article_id_article"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("uq_flashcard_article_id_key"), type_="unique")
        batch_op.drop_index(batch_op.f("ix_flashcard_article_id"))
        batch_op.create_unique_constraint(batch_op.f("uq_flashcard_key"), ["key"])
        batch_op.drop_column("status")
        batch_op.drop_column("article_id")

    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_article_owner_id_user"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_article_owner_id"))
        batch_op.drop_column("published")
        batch_op.drop_column("licence_note")
        batch_op.drop_column("source_author")
        batch_op.drop_column("source_url")
        batch_op.drop_column("owner_id")

    with op.batch_alter_table("article_share", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_share_class_id"))

    op.drop_table("article_share")
