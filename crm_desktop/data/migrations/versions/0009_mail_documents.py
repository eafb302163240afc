"""documents can keep their file in the store; the Message-ID of e-mails in the timeline

``documents`` referred to files outside the store (a quote's path). An e-mail read into
the timeline keeps its attachments in the store itself: a document gains the activity it
came with (deleted with it), the ticket it belongs to, the content type, size, SHA-256
and the bytes. ``activities.message_id`` remembers which e-mail an activity came from,
so reading the same mail (or a folder that holds it) again adds nothing.

New nullable columns. ``activities`` gets its column in place; ``documents`` is copied
in batch mode (SQLite adds no foreign key in place; the table is small). The downgrade
drops them again.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("activities", sa.Column("message_id", sa.String(length=300), nullable=True))
    op.create_index("ix_activities_message_id", "activities", ["message_id"])
    # SQLite cannot add a foreign key in place: batch mode copies the (small) table
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("activity_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("ticket_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("content_type", sa.String(length=120), nullable=True))
        batch.add_column(sa.Column("size", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("sha256", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("data", sa.LargeBinary(), nullable=True))
        batch.create_foreign_key(
            "fk_documents_activity_id_activities",
            "activities",
            ["activity_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch.create_foreign_key(
            "fk_documents_ticket_id_tickets", "tickets", ["ticket_id"], ["id"], ondelete="SET NULL"
        )
    for column in ("activity_id", "ticket_id", "sha256"):
        op.create_index(f"ix_documents_{column}", "documents", [column])


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        for column in ("activity_id", "ticket_id", "sha256"):
            batch.drop_index(f"ix_documents_{column}")
        batch.drop_constraint("fk_documents_activity_id_activities", type_="foreignkey")
        batch.drop_constraint("fk_documents_ticket_id_tickets", type_="foreignkey")
        for column in ("data", "sha256", "size", "content_type", "ticket_id", "activity_id"):
            batch.drop_column(column)
    op.drop_index("ix_activities_message_id", table_name="activities")
    op.drop_column("activities", "message_id")
