"""custom field definitions

``custom_field_defs`` defines a field once for everyone (name, type, the values of a
pick-list); a person's values stay in ``people.profile_fields`` under the field's name.
A new table: nothing is copied; the downgrade drops it (the values stay as free
profile fields).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import crm_desktop.data.base

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "custom_field_defs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", crm_desktop.data.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", crm_desktop.data.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custom_field_defs")),
        sa.UniqueConstraint("entity", "name", name=op.f("uq_custom_field_defs_entity")),
    )


def downgrade() -> None:
    op.drop_table("custom_field_defs")
