"""expression indexes for the German order of names

People are listed by family and given name, companies by name, in German order (umlauts
beside their base letter, any case; see crm_desktop.data.collation). The order is an
expression, so without an index of that very expression SQLite and PostgreSQL sort every
row for each page. The SQL is spelled out here (a migration must not change when the
application's code does); a test checks it against ``german_key``.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

FOLD = (("ä", "a"), ("ö", "o"), ("ü", "u"), ("ß", "ss"), ("Ä", "a"), ("Ö", "o"), ("Ü", "u"))


def key_sql(column: str) -> str:
    sql = f"lower({column})"
    for umlaut, plain in FOLD:
        sql = f"replace({sql}, '{umlaut}', '{plain}')"
    return sql


def upgrade() -> None:
    op.create_index(
        "ix_people_german_order",
        "people",
        [sa.text(key_sql("family_name")), sa.text(key_sql("given_name")), "id"],
    )
    op.create_index("ix_companies_german_order", "companies", [sa.text(key_sql("name")), "id"])
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        has_stats = bind.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"
        ).first()
        if has_stats is not None:  # statistics for the new indexes, like the others have
            for name in ("ix_people_german_order", "ix_companies_german_order"):
                bind.exec_driver_sql(f'ANALYZE "{name}"')


def downgrade() -> None:
    op.drop_index("ix_companies_german_order", table_name="companies")
    op.drop_index("ix_people_german_order", table_name="people")
