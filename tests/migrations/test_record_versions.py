"""Migration 0004: records that existed before get version 1 and no known editor, their
data stays; the downgrade takes the columns away again."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from crm_desktop.data import migrate
from tests.migrations.test_migrations import engine as engine

AT = dt.datetime(2026, 11, 2, 9, 30)
TABLES = ("companies", "departments", "people", "activities", "tickets", "projects")


def test_existing_rows_start_at_version_one(engine: sa.Engine) -> None:
    migrate.upgrade(engine, "0003")
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO companies (id, name, status, notes, needs_review, created_at, "
                "updated_at) VALUES (1, 'Bäckerei Müller', 'customer', '', false, :at, :at)"
            ),
            {"at": AT},
        )
        conn.execute(
            sa.text("INSERT INTO departments (id, company_id, name) VALUES (1, 1, 'Backstube')")
        )
        conn.execute(
            sa.text(
                "INSERT INTO people (id, given_name, family_name, company_id, department_id, "
                "profile_fields, consent_marketing, notes, needs_review, created_at, updated_at) "
                "VALUES (1, 'Jürgen', 'Weiß', 1, 1, '{}', false, 'alt', false, :at, :at)"
            ),
            {"at": AT},
        )
    migrate.upgrade(engine)
    with engine.connect() as conn:
        for table in ("companies", "departments", "people"):
            row = conn.execute(sa.text(f"SELECT version, updated_by FROM {table}")).one()
            assert tuple(row) == (1, None), table
        assert conn.execute(sa.text("SELECT notes FROM people")).scalar_one() == "alt"
    with engine.begin() as conn:  # a row written without the column gets version 1 too
        conn.execute(
            sa.text("INSERT INTO departments (id, company_id, name) VALUES (2, 1, 'Laden')")
        )
        assert (
            conn.execute(sa.text("SELECT version FROM departments WHERE id = 2")).scalar_one() == 1
        )
    migrate.downgrade(engine, "0003")
    insp = sa.inspect(engine)
    for table in TABLES:
        names = {c["name"] for c in insp.get_columns(table)}
        assert "version" not in names and "updated_by" not in names, table
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT family_name FROM people")).scalar_one() == "Weiß"
