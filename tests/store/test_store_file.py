"""The SQLite file itself: a foreign WAL, a zero-byte file, a read-only folder and
private permissions (#15, #22)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from crm_desktop.clock import FixedClock, SystemClock
from crm_desktop.config import AppPaths, resolve_paths
from crm_desktop.data.filecheck import quick_check
from crm_desktop.data.models import Company
from crm_desktop.data.store import Store, open_store
from crm_desktop.errors import StoreError
from crm_desktop.services import backup as bk
from crm_desktop.services.contacts import CompanyInput, create_company

ROOT = Path(__file__).resolve().parents[2]

# writes companies, then more in the WAL only (no checkpoint), and dies without closing
WRITER = """
import os, sqlite3, sys
sys.path.insert(0, {root!r})
from pathlib import Path
from crm_desktop.data.store import open_store
from crm_desktop.services.contacts import CompanyInput, create_company

data = Path(sys.argv[1])
store = open_store(data_dir=data)
with store.session() as s:
    for i in range(int(sys.argv[2])):
        create_company(s, CompanyInput(name=f"Neu {{i}} GmbH"))
con = sqlite3.connect(str(data / "crm.sqlite3"), isolation_level=None)
if sys.argv[3] == "checkpoint":
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
con.execute("PRAGMA wal_autocheckpoint=0")
con.execute("DELETE FROM companies WHERE name LIKE 'Alt 1%'")
con.execute("UPDATE companies SET name = name || ' neu'")
os._exit(0)
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["CRM_DESKTOP_NO_BACKUP"] = "1"
    return env


def _write_and_die(data_dir: Path, companies: int, mode: str) -> None:
    subprocess.run(
        [sys.executable, "-c", WRITER.format(root=str(ROOT)), str(data_dir), str(companies), mode],
        check=True,
        env=_env(),
        timeout=60,
    )


def _cli(data_dir: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "crm_desktop", "--data-dir", str(data_dir), *argv],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=60,
        check=False,
    )


def _count(store: Store) -> int:
    with store.reader() as s:
        return int(s.scalar(select(func.count()).select_from(Company)) or 0)


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    paths = resolve_paths(tmp_path / "data")
    store = open_store(data_dir=paths.data_dir)
    with store.session() as s:
        for i in range(200):
            create_company(s, CompanyInput(name=f"Alt {i} GmbH"))
    store.dispose()
    return paths


# ---------------------------------------------------------------- foreign WAL


def test_a_stale_wal_beside_a_copied_back_file_is_set_aside(
    paths: AppPaths, tmp_path: Path
) -> None:
    db = paths.db_path
    wal = Path(str(db) + "-wal")
    saved = tmp_path / "copy.sqlite3"
    shutil.copyfile(db, saved)  # the user's own copy of the closed store
    _write_and_die(paths.data_dir, 200, "checkpoint")  # later work, partly only in the WAL
    assert wal.stat().st_size > 0
    shutil.copyfile(saved, db)  # copied back; the WAL of the later state stays beside it
    store = open_store(data_dir=paths.data_dir)
    try:
        reasons = [n.params.get("reason") for n in store.notes]
        assert reasons == ["foreign-wal"]
        moved = Path(store.notes[0].params["path"])
        assert moved.is_file() and moved.name.startswith("crm.sqlite3-wal.foreign-")
        assert _count(store) == 200  # exactly the copied-back file, nothing mixed in
        with store.reader() as s:
            names = s.scalars(select(Company.name)).all()
        assert all(not n.endswith(" neu") for n in names)
    finally:
        store.dispose()
    assert quick_check(db) == "ok"


def test_a_wal_that_belongs_to_the_file_is_replayed(paths: AppPaths) -> None:
    db = paths.db_path
    _write_and_die(paths.data_dir, 50, "keep")  # a crash: committed work only in the WAL
    # even when the file is newer than its WAL (as after a checkpoint), a WAL that
    # replays soundly is the file's own
    later = Path(str(db) + "-wal").stat().st_mtime + 5
    os.utime(db, (later, later))
    store = open_store(data_dir=paths.data_dir)
    try:
        assert store.notes == []
        # 200 old + 50 new, minus the "Alt 1…" ones (1, 10-19, 100-199) deleted in the WAL
        assert _count(store) == 250 - 111
    finally:
        store.dispose()
    assert not list(paths.data_dir.glob("*.foreign-*"))


# ---------------------------------------------------------------- zero-byte file


def test_a_zero_byte_file_is_damaged_and_no_backup_of_it_is_written(paths: AppPaths) -> None:
    clock = FixedClock(dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC))
    good = bk.auto_backup(paths, clock, "start")
    assert good is not None and good.name.endswith("-monthly.sqlite3")
    paths.db_path.write_bytes(b"")
    for suffix in ("-wal", "-shm"):
        Path(str(paths.db_path) + suffix).unlink(missing_ok=True)
    with pytest.raises(StoreError, match="empty"):
        open_store(data_dir=paths.data_dir)
    assert paths.db_path.stat().st_size == 0  # not silently made a new store
    assert quick_check(paths.db_path) != "ok"
    assert bk.integrity_check(paths.db_path, immutable=False) != "ok"
    clock.advance(days=40)  # a new month: would be a "monthly" of the empty file
    assert bk.auto_backup(paths, clock, "start") is None
    with pytest.raises(StoreError, match="empty"):
        bk.make_backup(paths, "manual", clock=clock)
    assert [b.path for b in bk.list_backups(paths, preview=False)] == [good]
    done = _cli(paths.data_dir, "check")  # the CLI says damaged and names the good backup
    assert done.returncode == 1 and "damaged" in done.stderr and good.name in done.stderr
    done = _cli(paths.data_dir, "search", "Alt")
    assert done.returncode == 1 and "empty" in done.stderr
    assert bk.restore(paths, good) is not None  # the zero-byte file is kept aside
    store = open_store(data_dir=paths.data_dir)
    try:
        assert _count(store) == 200
    finally:
        store.dispose()


def test_an_empty_store_never_rotates_backups_with_data_away(paths: AppPaths) -> None:
    clock = FixedClock(dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC))
    good = bk.auto_backup(paths, clock, "start")
    assert good is not None
    for p in paths.data_dir.glob("crm.sqlite3*"):
        p.unlink()
    open_store(data_dir=paths.data_dir).dispose()  # a new, empty store in its place
    clock.advance(days=1)
    policy = bk.RetentionPolicy(daily=1, weekly=1, monthly=1)
    assert bk.auto_backup(paths, clock, "start", policy=policy) is None
    assert bk.auto_backup(paths, clock, "quit", policy=policy) is None
    assert good.is_file()


# ---------------------------------------------------------------- read-only folder


@pytest.fixture
def read_only(paths: AppPaths) -> Iterator[Path]:
    """The data folder made unwritable for everyone, root included (chattr +i)."""
    folder = paths.data_dir
    if os.geteuid() != 0:
        folder.chmod(0o500)
    elif shutil.which("chattr") is None or (
        subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0
    ):
        pytest.skip("cannot make a folder read-only for root here")
    try:
        yield folder
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(folder)], check=False)
        else:
            folder.chmod(0o700)


def test_a_read_only_folder_reads_and_says_writes_cannot_be_saved(
    paths: AppPaths, read_only: Path, tmp_path: Path
) -> None:
    assert not Path(str(paths.db_path) + "-shm").exists()
    store = open_store(data_dir=paths.data_dir)
    try:
        assert store.read_only
        assert [n.params.get("reason") for n in store.notes] == ["read-only"]
        assert _count(store) == 200
        with (
            pytest.raises(StoreError, match="read-only: changes cannot be saved"),
            store.session() as s,
        ):
            create_company(s, CompanyInput(name="Neu GmbH"))
    finally:
        store.dispose()
    done = _cli(paths.data_dir, "search", "Alt 7")
    assert done.returncode == 0 and "Alt 7 GmbH" in done.stdout
    assert "read-only" in done.stderr
    out = tmp_path / "out.json"
    assert _cli(paths.data_dir, "export", "--format", "json", "--out", str(out)).returncode == 0
    assert out.stat().st_size > 0
    done = _cli(paths.data_dir, "check")
    assert done.returncode == 0, done.stderr


def test_the_window_opens_a_read_only_folder(paths: AppPaths, read_only: Path) -> None:
    """The window's start (quick check, instance lock, store) works on a read-only
    folder and fills itself (it showed "damaged (unable to open database file)")."""
    env = _env() | {"CRM_DESKTOP_EXIT_AFTER_PAINT": "1", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "crm_desktop", "--data-dir", str(paths.data_dir), "--lang", "en"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "FILLED" in done.stdout


# ---------------------------------------------------------------- permissions


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_data_folder_and_its_files_are_private(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        data = tmp_path / "new"
        store = open_store(data_dir=data)
        with store.session() as s:
            create_company(s, CompanyInput(name="Privat GmbH"))
        paths = resolve_paths(data)
        assert _mode(data) == 0o700
        for suffix in ("", "-wal", "-shm", ".lock"):
            assert _mode(Path(str(paths.db_path) + suffix)) == 0o600, suffix
        backup = bk.make_backup(paths, "manual", clock=SystemClock())
        assert _mode(paths.backup_dir) == 0o700 and _mode(backup) == 0o600
        store.dispose()
        # files left by an older version are tightened at the next start
        data.chmod(0o755)
        paths.db_path.chmod(0o644)
        backup.chmod(0o644)
        open_store(data_dir=data).dispose()
        assert _mode(data) == 0o700
        assert _mode(paths.db_path) == 0o600 and _mode(backup) == 0o600
        from crm_desktop.logging_setup import setup_logging, shutdown_logging

        log_file = setup_logging(paths)
        try:
            import logging

            logging.getLogger("crm_desktop.backup").warning("a line")
        finally:
            shutdown_logging()
        assert _mode(log_file) == 0o600 and _mode(log_file.parent) == 0o700
    finally:
        os.umask(old)
