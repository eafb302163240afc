"""record versions and who changed a record last (optimistic concurrency)

Every record users edit gets ``version`` (SQLAlchemy's version counter: an update
that read an older version than the stored one fails instead of overwriting a
colleague's change) and ``updated_by`` (who saved last). Existing rows start at
version 1 with no known editor. Departments also get ``updated_at``.

SQLite adds the columns in batch mode without copying the tables (a plain
``ALTER TABLE ... ADD COLUMN`` with a constant default); PostgreSQL adds them in
place. The downgrade drops them again (SQLite >= 3.35 drops columns in place, so the
expression indexes of the German name order stay untouched).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TABLES = (
    "companies",
    "departments",
    "people",
    "activities",
    "tickets",
    "projects",
    "opportunities",
    "orders",
)


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
            batch.add_column(sa.Column("updated_by", sa.String(length=80), nullable=True))
            if table == "departments":
                batch.add_column(sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    for table in reversed(TABLES):
        if table == "departments":
            op.drop_column(table, "updated_at")
        op.drop_column(table, "updated_by")
        op.drop_column(table, "version")
