"""Migrations: empty → head, round trips, no drift from models.py, rows survive upgrades,
and an automatic backup before any upgrade of an existing store.

The row-keeping test is generic: for every revision it builds a store at that
revision, fills *every* table it has with rows derived from the reflected schema,
upgrades to head and compares counts and values. It covers future revisions
without changes.
"""

from __future__ import annotations

import datetime as dt
import decimal
import itertools
import shutil
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from crm_desktop.cli.main import main
from crm_desktop.config import resolve_paths
from crm_desktop.data import migrate
from crm_desktop.data.base import Base
from crm_desktop.data.engine import make_engine, sqlite_url
from crm_desktop.data.store import open_store
from crm_desktop.services import backup as bk
from crm_desktop.services.contacts import PersonInput, create_person


def revisions() -> list[str]:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]  # oldest first


def _skip_table(name: str) -> bool:
    return name.startswith("search_fts") or name == "alembic_version" or name.startswith("sqlite_")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[sa.Engine]:
    if request.param == "sqlite":
        eng = make_engine(sqlite_url(tmp_path / "mig.sqlite3"))
        yield eng
        eng.dispose()
        return
    server: str = request.getfixturevalue("pg_server_url")
    name = "mig_" + uuid.uuid4().hex[:12]
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    eng = make_engine(f"{server.rsplit('/', 1)[0]}/{name}")
    try:
        yield eng
    finally:
        eng.dispose()
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _tables(engine: sa.Engine) -> set[str]:
    return {t for t in sa.inspect(engine).get_table_names() if not _skip_table(t)}


def test_upgrade_from_empty_and_round_trip(engine: sa.Engine) -> None:
    assert migrate.current_revision(engine) is None
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    model_tables = set(Base.metadata.tables)
    assert _tables(engine) == model_tables
    migrate.downgrade(engine, "base")
    assert migrate.current_revision(engine) is None
    assert _tables(engine) == set()
    migrate.upgrade(engine)
    assert _tables(engine) == model_tables
    # every single step down and up again
    revs = revisions()
    for older in reversed(revs[:-1]):
        migrate.downgrade(engine, older)
        assert migrate.current_revision(engine) == older
    for newer in revs[1:]:
        migrate.upgrade(engine, newer)
        assert migrate.current_revision(engine) == newer
    assert migrate.current_revision(engine) == migrate.head_revision()


def _schema(engine: sa.Engine) -> dict[str, Any]:
    """Tables with their columns and indexes (name, columns, unique), as reflected."""
    insp = sa.inspect(engine)
    out: dict[str, Any] = {}
    for table in sorted(_tables(engine)):
        columns = [(c["name"], str(c["type"]), c["nullable"]) for c in insp.get_columns(table)]
        indexes = sorted(
            (str(i["name"]), tuple(str(c) for c in i["column_names"]), bool(i["unique"]))
            for i in insp.get_indexes(table)
        )
        out[table] = (columns, indexes)
    return out


def test_each_downgrade_restores_the_schema_before_it(engine: sa.Engine) -> None:
    """Step by step: upgrade, downgrade again, and the schema (indexes included) is the
    one of the older revision, so that a downgrade leaves no index behind or missing."""
    revs = revisions()
    for older, newer in itertools.pairwise(revs):
        migrate.upgrade(engine, older)
        before = _schema(engine)
        migrate.upgrade(engine, newer)
        migrate.downgrade(engine, older)
        assert _schema(engine) == before, f"downgrade {newer} -> {older} changed the schema"


def test_head_has_the_indexes_of_the_models(engine: sa.Engine) -> None:
    """Every index declared in models.py exists after the migrations, with its columns
    (the autogenerate comparison below covers SQLite only)."""
    migrate.upgrade(engine)
    insp = sa.inspect(engine)
    for table in Base.metadata.sorted_tables:
        found = {
            str(i["name"]): [str(c) for c in i["column_names"]]
            for i in insp.get_indexes(table.name)
        }
        for index in table.indexes:
            if any(not isinstance(e, sa.Column) for e in index.expressions):
                # an expression index (German name order); SQLite's reflection skips those
                assert _index_exists(engine, str(index.name)), (
                    f"{table.name}: expression index {index.name} missing"
                )
                continue
            assert found.get(str(index.name)) == [c.name for c in index.columns], (
                f"{table.name}: index {index.name} missing or different"
            )


def _index_exists(engine: sa.Engine, name: str) -> bool:
    query = (
        "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = :n"
        if engine.dialect.name == "sqlite"
        else "SELECT 1 FROM pg_indexes WHERE indexname = :n"
    )
    with engine.connect() as conn:
        return conn.execute(sa.text(query), {"n": name}).first() is not None


def _include(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    return not (type_ == "table" and name is not None and name.startswith("search_fts"))


def test_autogenerate_finds_no_difference_to_the_models(tmp_path: Path) -> None:
    eng = make_engine(sqlite_url(tmp_path / "diff.sqlite3"))
    try:
        migrate.upgrade(eng)
        with eng.connect() as conn:
            ctx = MigrationContext.configure(
                conn, opts={"compare_type": True, "include_object": _include}
            )
            diff = compare_metadata(ctx, Base.metadata)
    finally:
        eng.dispose()
    assert diff == [], f"models.py and the migrations differ: {diff}"


# ---------------------------------------------------------------- rows survive upgrades

ROWS = 3


def _value(column: sa.Column[Any], i: int, table: str) -> Any:
    t = column.type
    if isinstance(t, sa.Boolean):
        return i % 2 == 0
    if isinstance(t, sa.Integer):
        return i + 1
    if isinstance(t, sa.Numeric):
        return decimal.Decimal(f"{i + 1}.25")
    if isinstance(t, sa.DateTime):
        return dt.datetime(2024, 1, 1 + i, 10, 30)
    if isinstance(t, sa.Date):
        return dt.date(2024, 2, 1 + i)
    if isinstance(t, sa.JSON):
        return {"k": f"{table}-{i}"}
    if isinstance(t, sa.LargeBinary):
        return bytes([i, 1, 2])
    if isinstance(t, sa.String):
        text = f"{column.name}-{i}"
        # short codes (country, currency, enum values): keep them unique and short
        return text[-t.length :] if t.length else text
    return f"{column.name}-{i}"


def _sorted_tables(engine: sa.Engine) -> list[sa.Table]:
    meta = sa.MetaData()
    meta.reflect(engine)
    with warnings.catch_warnings():  # opportunities <-> projects is a (nullable) FK cycle
        warnings.simplefilter("ignore", sa.exc.SAWarning)
        # departments.head_id -> people -> departments is a cycle too: people come after
        # the departments they work in (a head is filled as NULL)
        ordered = sa.schema.sort_tables(
            meta.tables.values(),
            skip_fn=lambda fk: (fk.parent.table.name, fk.parent.name) == ("departments", "head_id"),
        )
        return [t for t in ordered if not _skip_table(t.name)]


def _fill(engine: sa.Engine) -> dict[str, list[dict[str, Any]]]:
    """Rows in every table (FKs point at rows inserted before; unfillable ones stay NULL)."""
    filled: dict[str, list[dict[str, Any]]] = {}
    tables = _sorted_tables(engine)
    with engine.begin() as conn:
        for table in tables:
            rows = []
            for i in range(ROWS):
                row: dict[str, Any] = {}
                for col in table.columns:
                    fks = list(col.foreign_keys)
                    if fks:
                        target = fks[0].column.table.name
                        if target in filled:
                            row[col.name] = filled[target][i][fks[0].column.name]
                        elif col.nullable:
                            row[col.name] = None
                        else:  # pragma: no cover - a NOT NULL FK to a later table
                            raise AssertionError(f"cannot fill {table.name}.{col.name}")
                    else:
                        row[col.name] = _value(col, i, table.name)
                rows.append(row)
            conn.execute(table.insert(), rows)
            filled[table.name] = rows
    return filled


def _read(engine: sa.Engine) -> dict[str, dict[str, list[Any]]]:
    out: dict[str, dict[str, list[Any]]] = {}
    with engine.connect() as conn:
        for table in _sorted_tables(engine):
            order = list(table.primary_key.columns) or list(table.columns)
            rows = conn.execute(sa.select(table).order_by(*order)).mappings().all()
            out[table.name] = {c.name: [r[c.name] for r in rows] for c in table.columns}
    return out


@pytest.mark.parametrize("start", revisions())
def test_upgrades_keep_every_row(engine: sa.Engine, start: str) -> None:
    migrate.upgrade(engine, start)
    _fill(engine)
    before = _read(engine)
    assert all(len(next(iter(cols.values()))) == ROWS for cols in before.values())
    migrate.upgrade(engine)
    after = _read(engine)
    for table, columns in before.items():
        assert table in after, f"table {table} vanished in an upgrade"
        for name, values in columns.items():
            if name in after[table]:  # a column may be dropped on purpose
                assert after[table][name] == values, f"{table}.{name} changed"


# ---------------------------------------------------------------- backup before upgrades


def _migrations_with_extra_revision(tmp_path: Path) -> Path:
    """A copy of the migrations with one more (harmless) revision on top of head."""
    copy = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    head = migrate.head_revision()
    (copy / "versions" / "9999_test_extra.py").write_text(
        f'''"""test only: one revision after head"""
import sqlalchemy as sa
from alembic import op

revision = "9999test"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("zz_test_extra", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table("zz_test_extra")
'''
    )
    return copy


def test_backup_is_taken_before_upgrading_an_existing_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "data"
    paths = resolve_paths(data_dir)
    store = open_store(data_dir=data_dir)  # a store at today's head, with data
    with store.session() as s:
        for i in range(4):
            create_person(s, PersonInput(given_name=f"Alt{i}", family_name="Bestand"))
    store.dispose()
    old_head = migrate.head_revision()
    assert bk.list_backups(paths) == []
    # the next program version brings one more revision; the CLI opens the store
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", _migrations_with_extra_revision(tmp_path))
    assert migrate.head_revision() == "9999test"
    assert main(["--data-dir", str(data_dir), "privacy", "retention", "--json"]) == 0
    capsys.readouterr()
    (pre,) = bk.list_backups(paths)
    assert pre.kind == "pre-upgrade"
    assert f"-rev{old_head}" in pre.path.name
    assert pre.revision == old_head  # the backup holds the store as it was
    assert pre.counts is not None and pre.counts["people"] == 4
    eng = make_engine(sqlite_url(paths.db_path))
    try:
        assert migrate.current_revision(eng) == "9999test"
        assert "zz_test_extra" in sa.inspect(eng).get_table_names()
    finally:
        eng.dispose()
    # opening again: nothing to upgrade, no new backup
    assert main(["--data-dir", str(data_dir), "check"]) == 0
    assert len(bk.list_backups(paths)) == 1


def test_new_store_gets_no_pre_upgrade_backup(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert main(["--data-dir", str(data_dir), "privacy", "retention"]) == 0
    assert bk.list_backups(resolve_paths(data_dir)) == []
