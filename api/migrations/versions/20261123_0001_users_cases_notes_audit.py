"""users cases notes audit

Revision ID: 0001
Revises: 
Create Date: 2026-11-23

The audit log (case_events) is append-only: triggers refuse UPDATE and DELETE on both databases.
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa
import api.db
from sqlalchemy.dialects import postgresql

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('erased_conversations',
    sa.Column('conversation_id', sa.String(length=64), nullable=False),
    sa.Column('at', api.db.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('conversation_id', name=op.f('pk_erased_conversations'))
    )
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', api.db.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('email', name=op.f('uq_users_email'))
    )
    op.create_table('cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=20), nullable=True),
    sa.Column('conversation_id', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('assigned_to_id', sa.Integer(), nullable=True),
    sa.Column('created_at', api.db.UTCDateTime(), nullable=False),
    sa.Column('updated_at', api.db.UTCDateTime(), nullable=False),
    sa.Column('contact_deadline', api.db.UTCDateTime(), nullable=False),
    sa.Column('assigned_at', api.db.UTCDateTime(), nullable=True),
    sa.Column('contacted_at', api.db.UTCDateTime(), nullable=True),
    sa.Column('closed_at', api.db.UTCDateTime(), nullable=True),
    sa.Column('withdrawn_at', api.db.UTCDateTime(), nullable=True),
    sa.Column('purged_at', api.db.UTCDateTime(), nullable=True),
    sa.Column('complete', sa.Boolean(), nullable=False),
    sa.Column('recommended_service', sa.String(length=32), nullable=False),
    sa.Column('person', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('situation', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('employer', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('employments', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('skippable_periods', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('previous_support', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('eligibility', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('career', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('summary_sv', sa.Text(), nullable=True),
    sa.Column('action_plan_draft', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('transcript', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.CheckConstraint("recommended_service IN ('radgivning', 'forstarkt_stod', 'vagledning', 'yttrande_csn', 'other_organisation', 'unclear')", name=op.f('ck_cases_recommended_service')),
    sa.CheckConstraint("status IN ('new', 'assigned', 'contacted', 'closed', 'withdrawn')", name=op.f('ck_cases_status')),
    sa.ForeignKeyConstraint(['assigned_to_id'], ['users.id'], name=op.f('fk_cases_assigned_to_id')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cases')),
    sa.UniqueConstraint('conversation_id', name=op.f('uq_cases_conversation_id')),
    sa.UniqueConstraint('reference', name=op.f('uq_cases_reference'))
    )
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cases_assigned_to_id'), ['assigned_to_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_closed_at'), ['closed_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_contact_deadline'), ['contact_deadline'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_recommended_service'), ['recommended_service'], unique=False)
        batch_op.create_index('ix_cases_status_deadline', ['status', 'contact_deadline'], unique=False)

    op.create_table('case_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('at', api.db.UTCDateTime(), nullable=False),
    sa.Column('actor', sa.String(length=16), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('detail', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_events_case_id')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_case_events_user_id')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_events'))
    )
    with op.batch_alter_table('case_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_events_case_id'), ['case_id'], unique=False)

    op.create_table('case_notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('created_at', api.db.UTCDateTime(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_case_notes_author_id')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_notes_case_id')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_notes'))
    )
    with op.batch_alter_table('case_notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_notes_case_id'), ['case_id'], unique=False)

    _append_only("case_events")


def _append_only(table: str) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("""
            CREATE FUNCTION vv_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$""")
        op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                   "FOR EACH ROW EXECUTE FUNCTION vv_append_only()")
    else:
        for verb in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                       "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER case_events_append_only ON case_events")
        op.execute("DROP FUNCTION vv_append_only()")
    else:
        op.execute("DROP TRIGGER case_events_no_update")
        op.execute("DROP TRIGGER case_events_no_delete")
    with op.batch_alter_table('case_notes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_notes_case_id'))

    op.drop_table('case_notes')
    with op.batch_alter_table('case_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_events_case_id'))

    op.drop_table('case_events')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index('ix_cases_status_deadline')
        batch_op.drop_index(batch_op.f('ix_cases_recommended_service'))
        batch_op.drop_index(batch_op.f('ix_cases_contact_deadline'))
        batch_op.drop_index(batch_op.f('ix_cases_closed_at'))
        batch_op.drop_index(batch_op.f('ix_cases_assigned_to_id'))

    op.drop_table('cases')
    op.drop_table('users')
    op.drop_table('erased_conversations')
