"""addresses keep a country name no table knows as it was typed

Until now an unknown country name ("Südtirol", "Perú" before the country table) was
silently stored as "DE". Now such an address keeps ``country`` empty and the name as
typed in ``country_as_typed`` (and the record is flagged for review). Existing rows
get NULL: what they were typed as is not known any more.

SQLite adds the nullable column in batch mode without copying the table (a plain
``ALTER TABLE ... ADD COLUMN``); PostgreSQL adds it in place. The downgrade drops it.

Revision ID: 0005
Revises: 0004
Create Date: 2027-01-12
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("addresses") as batch:
        batch.add_column(sa.Column("country_as_typed", sa.String(length=120), nullable=True))


def downgrade() -> None:
    op.drop_column("addresses", "country_as_typed")
