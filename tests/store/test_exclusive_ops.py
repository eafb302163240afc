"""#22: restore, encrypt and decrypt replace the file; no other program may have it open."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from crm_desktop.clock import SystemClock
from crm_desktop.config import AppPaths, resolve_paths
from crm_desktop.data import fileguard
from crm_desktop.data.models import Company
from crm_desktop.data.store import open_store
from crm_desktop.errors import StoreError
from crm_desktop.services import backup as bk
from crm_desktop.services import crypto
from crm_desktop.services.contacts import CompanyInput, create_company

ROOT = Path(__file__).resolve().parents[2]
_CLI = (sys.executable, "-m", "crm_desktop", "--data-dir")

HOLDER = """
import sys
sys.path.insert(0, {root!r})
from pathlib import Path
from crm_desktop.data.store import open_store
from crm_desktop.services.contacts import CompanyInput, create_company

store = open_store(data_dir=Path(sys.argv[1]))
if len(sys.argv) > 2:  # write N companies that stay in the WAL, then wait to be killed
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
        conn.commit()
    with store.session() as s:
        for n in range(int(sys.argv[2])):
            create_company(s, CompanyInput(name=f"Nur im WAL {{n}}"))
print("READY", flush=True)
sys.stdin.read()
store.dispose()
"""


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["CRM_DESKTOP_NO_BACKUP"] = "1"
    env.update(extra)
    return env


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    paths = resolve_paths(tmp_path / "data")
    store = open_store(data_dir=paths.data_dir)
    with store.session() as s:
        create_company(s, CompanyInput(name="Erste GmbH"))
    store.dispose()
    return paths


def _companies(paths: AppPaths) -> int:
    con = sqlite3.connect(f"file:{paths.db_path}?mode=ro", uri=True)
    try:
        return int(con.execute("SELECT count(*) FROM companies").fetchone()[0])
    finally:
        con.close()


@pytest.fixture
def holder(paths: AppPaths) -> Iterator[subprocess.Popen[str]]:
    proc = _start_holder(paths)
    yield proc
    _stop(proc)


def _start_holder(paths: AppPaths, *extra: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER.format(root=str(ROOT)), str(paths.data_dir), *extra],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "READY"
    return proc


def _stop(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait(20)


def test_restore_and_encrypt_refuse_while_another_program_has_the_store_open(
    paths: AppPaths, holder: subprocess.Popen[str]
) -> None:
    backup = bk.make_backup(paths, "manual", clock=SystemClock())
    with pytest.raises(StoreError, match="open in another program") as err:
        bk.restore(paths, backup)
    assert f"PID {holder.pid}" in str(err.value)
    assert not [b for b in bk.list_backups(paths, preview=False) if b.kind == "pre-restore"]
    with pytest.raises(StoreError, match="open in another program"):
        crypto.encrypt_store(paths, "geheim 12345")
    assert not crypto.is_encrypted(paths.db_path)
    # the CLI says the same, in one line, and changes nothing
    done = subprocess.run(
        [*_CLI, str(paths.data_dir), "restore", str(backup), "--yes"],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=60,
        check=False,
    )
    assert done.returncode == 1 and "open in another program" in done.stderr
    _stop(holder)
    assert bk.restore(paths, backup) is not None  # once it is closed, it works
    crypto.encrypt_store(paths, "geheim 12345")
    assert crypto.is_encrypted(paths.db_path)


def test_opening_during_a_restore_waits_then_says_so(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fileguard, "OPEN_WAIT_S", 0.1)
    with fileguard.exclusive(paths.db_path, "restore"):
        with pytest.raises(StoreError, match="being restored"):
            open_store(data_dir=paths.data_dir)
        done = subprocess.run(
            [*_CLI, str(paths.data_dir), "search", "Erste"],
            capture_output=True,
            text=True,
            env=_env(CRM_DESKTOP_LOCK_WAIT_S="0.2"),
            timeout=60,
            check=False,
        )
        assert done.returncode == 1 and "being restored" in done.stderr
        done = subprocess.run(  # a backup neither reads the file that is being replaced
            [*_CLI, str(paths.data_dir), "backup"],
            capture_output=True,
            text=True,
            env=_env(CRM_DESKTOP_LOCK_WAIT_S="0.2"),
            timeout=60,
            check=False,
        )
        assert done.returncode == 1 and "being restored" in done.stderr
        assert not paths.backup_dir.exists() or not list(paths.backup_dir.iterdir())
    store = open_store(data_dir=paths.data_dir)  # afterwards it opens again
    store.dispose()


def test_the_windows_own_restore_releases_and_takes_its_lock_again(paths: AppPaths) -> None:
    backup = bk.make_backup(paths, "manual", clock=SystemClock())
    store = open_store(data_dir=paths.data_dir)
    with store.session() as s:
        create_company(s, CompanyInput(name="Nach der Sicherung GmbH"))
    with pytest.raises(StoreError, match="still open in this program"):
        bk.restore(paths, backup)
    store.dispose()  # what the backup dialog does (close_store) ...
    assert store.file_lock is not None and not store.file_lock.held
    aside = bk.restore(paths, backup)
    with store.reader() as s:  # ... and the same store object is used again
        assert s.scalar(select(func.count()).select_from(Company)) == 1
    assert store.file_lock.held
    with pytest.raises(StoreError):  # open again: another restore must wait
        bk.restore(paths, backup)
    store.dispose()
    assert aside is not None
    info = bk.backup_info(aside)
    assert info.counts is not None and info.counts["companies"] == 2


def test_restore_keeps_what_only_the_wal_held_in_its_safety_copy(paths: AppPaths) -> None:
    backup = bk.make_backup(paths, "manual", clock=SystemClock())
    writer = _start_holder(paths, "5")  # five companies committed, only in the WAL
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(10)
    wal = Path(str(paths.db_path) + "-wal")
    assert wal.stat().st_size > 0
    aside = bk.restore(paths, backup)
    assert aside is not None
    info = bk.backup_info(aside)
    assert info.counts is not None and info.counts["companies"] == 6
    assert bk.integrity_check(aside) == "ok"
    assert not wal.exists() or wal.stat().st_size == 0
    assert _companies(paths) == 1
