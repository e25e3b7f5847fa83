"""accounts: session generation, remember tokens, time zone, teacher approval

Revision ID: c4e1a9f20b7d
Revises: ba69940e4412
Create Date: 2026-11-25 19:45:00

Every existing account keeps its id and rows; it gets generation 0, the UTC zone, and no
pending teacher status. Sessions from before this revision carry a user id without a
generation and are refused, so everyone logs in once more (remember-me cookies of the old
kind, valid 365 days, stop working too).
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c4e1a9f20b7d'
down_revision = 'ba69940e4412'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'remember_token',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('selector', sa.String(length=32), nullable=False),
        sa.Column('validator_hash', sa.String(length=64), nullable=False),
        sa.Column('session_generation', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('expires_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_remember_token_user_id_user'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_remember_token')),
        sa.UniqueConstraint('selector', name=op.f('uq_remember_token_selector')),
    )
    with op.batch_alter_table('remember_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_remember_token_user_id'), ['user_id'], unique=False)

    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_generation', sa.Integer(), server_default='0',
                                      nullable=False))
        batch_op.add_column(sa.Column('time_zone', sa.String(length=64), server_default='UTC',
                                      nullable=False))
        batch_op.add_column(sa.Column('teacher_status', sa.String(length=16), nullable=True))


def downgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('teacher_status')
        batch_op.drop_column('time_zone')
        batch_op.drop_column('session_generation')

    with op.batch_alter_table('remember_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_remember_token_user_id'))

    op.drop_table('remember_token')
