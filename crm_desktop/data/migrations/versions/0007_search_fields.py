"""search documents get ``fields``: addresses, notes, profile values, phone forms

The global search found names, e-mails, E.164 phones and activity texts, but not a
city, a postcode, a street, a note, a profile field or a phone number typed the
national way ("0171 987", "9876543"). People's and companies' documents now carry
those in a new column ``fields`` (see :mod:`crm_desktop.data.search_sync`), which the
full-text index covers as its third column: SQLite's FTS5 table ``search_fts`` is
built again with (title, body, fields) and its triggers, PostgreSQL's GIN index
covers the three columns. The upgrade fills ``fields`` for every existing person and
company; a partial index keeps the documents still without them (bulk loads) quick
to find. The downgrade drops the column and restores the two-column index.

SQLite adds and drops the column in batch mode (a nullable ADD COLUMN needs no copy).

Revision ID: 0007
Revises: 0006
Create Date: 2027-01-20
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_NO_FIELDS = "fields IS NULL AND kind IN ('person', 'company')"
_TRIGGERS = ("search_documents_ai", "search_documents_ad", "search_documents_au")


def _triggers(columns: str) -> list[str]:
    new = ", ".join(f"new.{c}" for c in columns.split(", "))
    old = ", ".join(f"old.{c}" for c in columns.split(", "))
    return [
        f"""CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
          INSERT INTO search_fts(rowid, {columns}) VALUES (new.id, {new});
        END""",
        f"""CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
          INSERT INTO search_fts(search_fts, rowid, {columns})
          VALUES ('delete', old.id, {old});
        END""",
        f"""CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN
          INSERT INTO search_fts(search_fts, rowid, {columns})
          VALUES ('delete', old.id, {old});
          INSERT INTO search_fts(rowid, {columns}) VALUES (new.id, {new});
        END""",
    ]


def _drop_index() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in _TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS search_fts")
    elif bind.dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_search_documents_tsv")


def _index(columns: str) -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute(
            f"CREATE VIRTUAL TABLE search_fts USING fts5({columns}, "
            "content='search_documents', content_rowid='id', "
            "tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')"
        )
        for sql in _triggers(columns):
            op.execute(sql)
        op.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
    elif bind.dialect.name == "postgresql":
        vector = " || ' ' || ".join(f"coalesce({c}, '')" for c in columns.split(", "))
        op.execute(
            "CREATE INDEX ix_search_documents_tsv ON search_documents USING gin "
            f"(to_tsvector('simple', {vector}))"
        )


def upgrade() -> None:
    _drop_index()  # filled first, indexed once afterwards
    with op.batch_alter_table("search_documents") as batch:
        batch.add_column(sa.Column("fields", sa.Text(), nullable=True))
    op.create_index(
        "ix_search_documents_no_fields",
        "search_documents",
        ["id"],
        sqlite_where=sa.text(_NO_FIELDS),
        postgresql_where=sa.text(_NO_FIELDS),
    )
    from crm_desktop.data import search_sync

    search_sync.complete(op.get_bind())
    _index("title, body, fields")


def downgrade() -> None:
    op.drop_index("ix_search_documents_no_fields", table_name="search_documents")
    _drop_index()
    with op.batch_alter_table("search_documents") as batch:
        batch.drop_column("fields")
    _index("title, body")
