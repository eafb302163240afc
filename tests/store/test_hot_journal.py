"""A writer killed in rollback-journal mode leaves a hot journal: that is an
interrupted change, not a damaged store (issue #15, the one kill-test failure).

A read-only connection cannot play a hot journal back and SQLite answers "attempt to
write a readonly database" (SQLITE_READONLY_ROLLBACK). The checks before the window
opens used read-only connections, so the next start called the store damaged and
offered a restore. Now the checks let SQLite settle the file first, as any normal open
would, and see the committed state."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from crm_desktop.data import filecheck
from crm_desktop.data.store import open_store
from crm_desktop.services import backup, storecheck
from crm_desktop.services.contacts import CompanyInput, create_company

_KILLED_WRITER = r"""
import os, signal, sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA journal_mode=DELETE")
con.execute("PRAGMA cache_size=1")  # pages spill to the file before the commit
con.execute("BEGIN IMMEDIATE")
con.execute("UPDATE companies SET name = 'Halbfertig'")
con.execute("CREATE TABLE filler (x TEXT)")
for i in range(5000):
    con.execute("INSERT INTO filler VALUES (?)", ("x" * 200,))
os.kill(os.getpid(), signal.SIGKILL)
"""


def _store_with_hot_journal(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    store = open_store(data_dir=data)
    with store.session() as s:
        create_company(s, CompanyInput(name="Bäckerei Özdemir"))
    store.dispose()
    db = data / "crm.sqlite3"
    subprocess.run([sys.executable, "-c", _KILLED_WRITER, str(db)], check=False, timeout=60)
    journal = Path(str(db) + "-journal")
    assert journal.is_file() and journal.stat().st_size > 0, "no hot journal was left"
    return db


def _names(db: Path) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return [str(r[0]) for r in con.execute("SELECT name FROM companies ORDER BY id")]
    finally:
        con.close()


def test_a_read_only_connection_alone_fails_on_the_hot_journal(tmp_path: Path) -> None:
    """What SQLite does (the reason for the fix): the plain read-only open fails."""
    db = _store_with_hot_journal(tmp_path)
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.OperationalError) as info:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        con.close()
    assert filecheck.unsettled(info.value)


def test_the_start_checks_call_it_sound_and_see_the_committed_state(tmp_path: Path) -> None:
    db = _store_with_hot_journal(tmp_path)
    assert filecheck.quick_check(db) == "ok"
    health = storecheck.examine(db)
    assert health.state == "ok", health
    assert health.revision
    assert not Path(str(db) + "-journal").exists() or (
        Path(str(db) + "-journal").stat().st_size == 0
    )
    assert _names(db) == ["Bäckerei Özdemir"]  # the interrupted change is not there


def test_backup_integrity_check_settles_too(tmp_path: Path) -> None:
    db = _store_with_hot_journal(tmp_path)
    assert backup.integrity_check(db, immutable=False) == "ok"
    assert _names(db) == ["Bäckerei Özdemir"]


def test_the_store_opens_after_the_check(tmp_path: Path) -> None:
    db = _store_with_hot_journal(tmp_path)
    assert storecheck.examine(db).state == "ok"
    store = open_store(data_dir=db.parent)
    try:
        with store.session() as s:
            create_company(s, CompanyInput(name="Übel & Söhne"))
    finally:
        store.dispose()
    assert _names(db) == ["Bäckerei Özdemir", "Übel & Söhne"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write a read-only folder")
def test_a_read_only_folder_gets_a_clear_reason(tmp_path: Path) -> None:
    db = _store_with_hot_journal(tmp_path)
    db.parent.chmod(0o500)
    try:
        assert filecheck.quick_check(db) == filecheck.UNSETTLED_READ_ONLY
    finally:
        db.parent.chmod(0o700)
