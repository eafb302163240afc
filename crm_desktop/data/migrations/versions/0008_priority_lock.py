"""companies and people can keep the priority the user gave them

``priority_locked`` marks a priority the user set by hand and wants kept: the
automatic A/B/C run (nightly, ``priorities recompute``) leaves such records alone.
Existing rows are not locked (the run has always been allowed to change them).

Both SQLite and PostgreSQL add the NOT NULL column with its default in place (a plain
``ALTER TABLE ... ADD COLUMN``, no batch copy: a copy would lose the expression indexes
of the German sort order, which SQLite cannot reflect). The downgrade drops it again.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TABLES = ("companies", "people")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(
            table,
            sa.Column("priority_locked", sa.Boolean(), nullable=False, server_default=sa.false()),
        )


def downgrade() -> None:
    for table in TABLES:
        op.drop_column(table, "priority_locked")
