"""progress version: a counter on each account that the database raises at each progress change

Revision ID: e3b7c2d41f08
Revises: aa3175f2fb01
Create Date: 2026-11-26 02:10:00

The counter rises whenever the learner's answers, reviews, card states, fitted parameters or
classes change; the dashboard keeps a learner's plan while it stays the same. Triggers raise it, so
every write counts, whichever code (or a cascade, or a script) made it, in the same transaction
and with no extra round trip. Every account keeps its id and rows and starts at 0.
"""

import sqlalchemy as sa
from alembic import op

revision = "e3b7c2d41f08"
down_revision = "aa3175f2fb01"
branch_labels = None
depends_on = None

# Each table whose rows belong to one learner, and the column naming them.
OWNED = {
    "response": "user_id",
    "review_log": "user_id",
    "card_state": "user_id",
    "fsrs_parameters": "user_id",
    "enrollment": "student_id",
}
EVENTS = ("INSERT", "UPDATE", "DELETE")


def _postgres_function(column: str) -> str:
    return f"""
        CREATE FUNCTION bump_progress_version_{column}() RETURNS trigger AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                UPDATE "user" SET progress_version = progress_version + 1
                WHERE id = OLD.{column};
            ELSE
                UPDATE "user" SET progress_version = progress_version + 1
                WHERE id = NEW.{column};
            END IF;
            RETURN NULL;
        END
        $$ LANGUAGE plpgsql
    """


def upgrade():
    with op.batch_alter_table("user") as batch:
        batch.add_column(
            sa.Column("progress_version", sa.Integer(), server_default="0", nullable=False)
        )
    if op.get_bind().dialect.name == "postgresql":
        for column in sorted(set(OWNED.values())):
            op.execute(_postgres_function(column))
        for table, column in OWNED.items():
            op.execute(
                f"CREATE TRIGGER {table}_progress AFTER INSERT OR UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION bump_progress_version_{column}()"
            )
        return
    for table, column in OWNED.items():
        for event in EVENTS:
            row = "OLD" if event == "DELETE" else "NEW"
            op.execute(
                f"CREATE TRIGGER {table}_progress_{event.lower()} AFTER {event} ON {table} "
                f'BEGIN UPDATE "user" SET progress_version = progress_version + 1 '
                f"WHERE id = {row}.{column}; END"
            )


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        for table in OWNED:
            op.execute(f"DROP TRIGGER {table}_progress ON {table}")
        for column in sorted(set(OWNED.values())):
            op.execute(f"DROP FUNCTION bump_progress_version_{column}()")
    else:
        for table in OWNED:
            for event in EVENTS:
                op.execute(f"DROP TRIGGER {table}_progress_{event.lower()}")
    with op.batch_alter_table("user") as batch:
        batch.drop_column("progress_version")
