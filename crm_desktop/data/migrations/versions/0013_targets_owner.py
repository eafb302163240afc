"""revenue targets per owner (Betreuer)

``revenue_targets`` gets an ``owner`` column: "" (the default, every existing row) is the
whole team's target, a name is that owner's target. The unique key becomes
(year, month, owner). The column is a plain ``ADD COLUMN`` with its default; the unique key
can only be changed on SQLite by copying the table, which is safe here: revenue_targets
has no expression indexes (unlike companies and people). The downgrade keeps the team's
targets and drops the owners' ones.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "revenue_targets",
        sa.Column("owner", sa.String(length=80), nullable=False, server_default=""),
    )
    with op.batch_alter_table("revenue_targets") as batch:
        batch.drop_constraint("uq_revenue_targets_year", type_="unique")
        batch.create_unique_constraint("uq_revenue_targets_year", ["year", "month", "owner"])


def downgrade() -> None:
    op.execute("DELETE FROM revenue_targets WHERE owner <> ''")
    with op.batch_alter_table("revenue_targets") as batch:
        batch.drop_constraint("uq_revenue_targets_year", type_="unique")
        batch.create_unique_constraint("uq_revenue_targets_year", ["year", "month"])
        batch.drop_column("owner")
