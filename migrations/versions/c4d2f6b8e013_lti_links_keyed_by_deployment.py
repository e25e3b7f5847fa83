"""LTI course and activity links keyed by deployment, not only by platform

Revision ID: c4d2f6b8e013
Revises: b3c1e5a7d902
Create Date: 2026-12-07 21:20:00

LTI 1.3 makes context and resource link ids unique only within a deployment, so two
deployments of one platform could name two courses alike and land in one class. A
``deployment_id`` column joins each link's unique key. Existing links were all made through a
registered deployment; each takes its platform's first registered one (by id), which is the
only one wherever a platform has one. Every row and id is kept; downgrading drops the column
(and refuses if two links then collide).
"""

import sqlalchemy as sa
from alembic import op

revision = "c4d2f6b8e013"
down_revision = "b3c1e5a7d902"
branch_labels = None
depends_on = None

FIRST_DEPLOYMENT = (
    "(SELECT d.deployment_id FROM lti_deployment d WHERE d.platform_id = {table}.platform_id "
    "ORDER BY d.id LIMIT 1)"
)
LINKS = (("lti_context_link", "context_id"), ("lti_resource_link", "resource_link_id"))


def upgrade():
    for table, id_column in LINKS:
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(
                sa.Column("deployment_id", sa.String(length=255), nullable=False, server_default="")
            )
        op.execute(
            f"UPDATE {table} SET deployment_id = "
            f"COALESCE({FIRST_DEPLOYMENT.format(table=table)}, '')"
        )
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_constraint(f"uq_{table}_platform_id_{id_column}", type_="unique")
            batch_op.create_unique_constraint(
                f"uq_{table}_platform_id_deployment_id_{id_column}",
                ["platform_id", "deployment_id", id_column],
            )


def downgrade():
    for table, id_column in LINKS:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_constraint(
                f"uq_{table}_platform_id_deployment_id_{id_column}", type_="unique"
            )
            batch_op.drop_column("deployment_id")
            batch_op.create_unique_constraint(
                f"uq_{table}_platform_id_{id_column}", ["platform_id", id_column]
            )
