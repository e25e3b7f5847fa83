"""quiz attempts raise the progress version: submitting a quiz changes what a learner is shown

Revision ID: 7c41d9e2a6b0
Revises: e3b7c2d41f08
Create Date: 2026-11-26 07:50:00

A learner's figures count an answer once they have been shown whether it was right: checked,
or its quiz submitted with its feedback released (services.progress.outcome_shown). Submitting
a quiz changes only its attempt row, so the attempt's writes now raise the version too, or the
dashboard's kept plan would go on without the submitted answers until it expired. Ids and rows
are untouched; the PostgreSQL function of the previous revision is reused.
"""

from alembic import op

revision = "7c41d9e2a6b0"
down_revision = "e3b7c2d41f08"
branch_labels = None
depends_on = None

EVENTS = ("INSERT", "UPDATE", "DELETE")


def upgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE TRIGGER quiz_attempt_progress AFTER INSERT OR UPDATE OR DELETE ON quiz_attempt "
            "FOR EACH ROW EXECUTE FUNCTION bump_progress_version_user_id()"
        )
        return
    for event in EVENTS:
        row = "OLD" if event == "DELETE" else "NEW"
        op.execute(
            f"CREATE TRIGGER quiz_attempt_progress_{event.lower()} AFTER {event} ON quiz_attempt "
            f'BEGIN UPDATE "user" SET progress_version = progress_version + 1 '
            f"WHERE id = {row}.user_id; END"
        )


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER quiz_attempt_progress ON quiz_attempt")
        return
    for event in EVENTS:
        op.execute(f"DROP TRIGGER quiz_attempt_progress_{event.lower()}")
