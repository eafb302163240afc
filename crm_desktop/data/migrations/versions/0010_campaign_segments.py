"""saved campaign selections (segments)

``campaign_segments`` keeps a campaign selection under a name (its criteria as JSON),
so the user can run "Newsletter Bayern, A-Kunden" again next quarter. A new table:
nothing is copied; the downgrade drops it.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import crm_desktop.data.base

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "campaign_segments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("selection", sa.JSON(), nullable=False),
        sa.Column("created_at", crm_desktop.data.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", crm_desktop.data.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign_segments")),
        sa.UniqueConstraint("name", name=op.f("uq_campaign_segments_name")),
    )


def downgrade() -> None:
    op.drop_table("campaign_segments")
