"""covering indexes on activities for the dashboard

The dashboard counts activities per month and kind over a period, and per order the
contacts with its company in the weeks before. Both read only ``occurred_at``,
``kind``, ``deleted_at`` (and ``owner``, ``company_id``): with these columns in the
index SQLite and PostgreSQL answer from the index alone instead of fetching a million
table rows. The new indexes start with the columns of the ones they replace, so every
query that used ``ix_activities_occurred_at`` or ``ix_activities_company_time`` can use
them the same way.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # index operations only: batch mode runs them directly, the table is not copied
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activities_occurred_at"))
        batch_op.drop_index("ix_activities_company_time")
        batch_op.create_index(
            "ix_activities_time_kind",
            ["occurred_at", "kind", "deleted_at", "owner"],
            unique=False,
        )
        batch_op.create_index(
            "ix_activities_company_time_kind",
            ["company_id", "occurred_at", "kind", "deleted_at"],
            unique=False,
        )
    _analyze(["ix_activities_time_kind", "ix_activities_company_time_kind"])


def _analyze(indexes: list[str]) -> None:
    """Statistics for new indexes on a SQLite store that has them for the others
    (crm_desktop.data.store runs the first ANALYZE once a store has grown; PRAGMA
    optimize does not look at indexes it has never seen). PostgreSQL's planner takes
    them from the table's column statistics."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    has_stats = bind.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"
    ).first()
    if has_stats is not None:
        for name in indexes:
            bind.exec_driver_sql(f'ANALYZE "{name}"')


def downgrade() -> None:
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.drop_index("ix_activities_company_time_kind")
        batch_op.drop_index("ix_activities_time_kind")
        batch_op.create_index(
            "ix_activities_company_time", ["company_id", "occurred_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_activities_occurred_at"), ["occurred_at"], unique=False
        )
    _analyze(["ix_activities_company_time", "ix_activities_occurred_at"])
