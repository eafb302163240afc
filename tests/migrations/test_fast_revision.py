"""The start-up shortcut that recognises an up-to-date store without importing Alembic."""

from __future__ import annotations

from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from crm_desktop.data import migrate


def test_head_read_off_the_files_is_alembics_head() -> None:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate._head_from_files() == script.get_current_head()
    assert migrate.head_revision() == script.get_current_head()


def test_current_revision_of_new_and_migrated_files(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'crm.sqlite3'}")
    try:
        assert migrate.current_revision(engine) is None  # no schema yet
        assert migrate.needs_upgrade(engine)
        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.head_revision()
        assert not migrate.needs_upgrade(engine)
    finally:
        engine.dispose()
