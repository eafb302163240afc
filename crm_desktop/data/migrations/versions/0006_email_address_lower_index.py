"""an index of lower(address) on emails, for the import's duplicate check

The import reads a file in chunks and looks up, for each chunk, the stored people
whose e-mail address equals one of the chunk's addresses regardless of case
(``lower(address) IN (...)``). Without an index of that very expression each chunk
would read the whole table.

Revision ID: 0006
Revises: 0005
Create Date: 2027-01-12
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_emails_address_lower", "emails", [sa.text("lower(address)")])


def downgrade() -> None:
    op.drop_index("ix_emails_address_lower", table_name="emails")
