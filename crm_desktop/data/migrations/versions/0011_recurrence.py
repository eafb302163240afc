"""recurring appointments: the series' rule, overrides of single instances, DTSTAMP

``appointments.recurrence`` keeps a series as iCalendar text (DTSTART with its TZID,
RRULE/RDATE/EXDATE lines); a moved or cancelled instance is its own row with
``series_id`` (the series' row) and ``recurrence_id`` (the original start, UTC);
``dtstamp`` remembers the DTSTAMP of an imported version.

Plain nullable ADD COLUMNs (no batch copy: that would lose the German sort expression
indexes, see 0008/0009); ``series_id`` is an indexed integer without a foreign key
(SQLite adds none in place). The downgrade drops them again.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import crm_desktop.data.base

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("appointments", sa.Column("recurrence", sa.Text(), nullable=True))
    op.add_column("appointments", sa.Column("series_id", sa.Integer(), nullable=True))
    op.add_column(
        "appointments",
        sa.Column("recurrence_id", crm_desktop.data.base.UTCDateTime(timezone=True), nullable=True),
    )
    op.add_column(
        "appointments",
        sa.Column("dtstamp", crm_desktop.data.base.UTCDateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_appointments_series_id", "appointments", ["series_id"])


def downgrade() -> None:
    op.drop_index("ix_appointments_series_id", table_name="appointments")
    for column in ("dtstamp", "recurrence_id", "series_id", "recurrence"):
        op.drop_column("appointments", column)
