"""Migration 0007: existing people and companies get the search ``fields`` (addresses,
notes, profile values, phone forms) and the full-text index covers them; documents of
other kinds stay as they were; the downgrade restores the two-column index."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from crm_desktop.data import migrate
from tests.migrations.test_migrations import engine as engine

AT = dt.datetime(2026, 11, 2, 9, 30)


def _find(conn: sa.Connection, word: str) -> list[tuple[str, int]]:
    if conn.dialect.name == "sqlite":
        sql = (
            "SELECT d.kind, d.ref_id FROM search_fts JOIN search_documents AS d "
            "ON d.id = search_fts.rowid WHERE search_fts MATCH :q ORDER BY d.id"
        )
        q = f'"{word}"*'
    else:
        cols = "coalesce(title, '') || ' ' || coalesce(body, '')"
        if "fields" in {c["name"] for c in sa.inspect(conn).get_columns("search_documents")}:
            cols += " || ' ' || coalesce(fields, '')"
        sql = (
            f"SELECT kind, ref_id FROM search_documents WHERE to_tsvector('simple', {cols}) "
            "@@ to_tsquery('simple', :q) ORDER BY id"
        )
        q = f"{word}:*"
    return [(str(k), int(r)) for k, r in conn.execute(sa.text(sql), {"q": q})]


def test_existing_records_get_their_fields(engine: sa.Engine) -> None:
    migrate.upgrade(engine, "0006")
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO companies (id, name, status, notes, needs_review, created_at, "
                "updated_at, version) VALUES (1, 'Lausitzer Glas GmbH', 'customer', "
                "'Bleiglas', false, :at, :at, 1)"
            ),
            {"at": AT},
        )
        conn.execute(
            sa.text(
                "INSERT INTO people (id, given_name, family_name, company_id, profile_fields, "
                "consent_marketing, notes, needs_review, created_at, updated_at, version) "
                "VALUES (1, 'Ines', 'Kowalski', 1, :profile, false, 'Oldtimer', false, :at, "
                ":at, 1)"
            ),
            {"at": AT, "profile": '{"Verein": "Dynamo"}'},
        )
        conn.execute(
            sa.text(
                "INSERT INTO addresses (person_id, kind, street, postcode, city, country) "
                "VALUES (1, 'main', 'Obermarkt 5', '02826', 'Görlitz', 'DE')"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO phones (person_id, kind, number) VALUES (1, 'mobile', '+491719876543')"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO search_documents (kind, ref_id, title, body) VALUES "
                "('company', 1, 'Lausitzer Glas GmbH', ''), "
                "('person', 1, 'Ines Kowalski', 'Lausitzer Glas GmbH +491719876543'), "
                "('activity', 7, 'Anruf', 'Görlitz besucht')"
            )
        )
    with engine.connect() as conn:
        assert _find(conn, "obermarkt") == []
    migrate.upgrade(engine)
    with engine.connect() as conn:
        fields = dict(
            conn.execute(sa.text("SELECT kind, fields FROM search_documents")).tuples().all()
        )
        assert fields["person"] == (
            "Obermarkt 5 02826 Görlitz\nDynamo\n01719876543 1719876543 9876543\nOldtimer"
        )
        assert fields["company"] == "Bleiglas"
        assert fields["activity"] is None
        assert _find(conn, "obermarkt") == [("person", 1)]
        assert _find(conn, "9876543") == [("person", 1)]
        assert _find(conn, "görlitz") == [("person", 1), ("activity", 7)]
        assert _find(conn, "bleiglas") == [("company", 1)]
        assert _find(conn, "kowalski") == [("person", 1)]
    migrate.downgrade(engine, "0006")
    with engine.connect() as conn:
        columns = {c["name"] for c in sa.inspect(conn).get_columns("search_documents")}
        assert "fields" not in columns
        assert _find(conn, "obermarkt") == []
        assert _find(conn, "kowalski") == [("person", 1)]
        assert _find(conn, "görlitz") == [("activity", 7)]
