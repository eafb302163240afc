"""#15: a second process must never delete the WAL of a store that is open.

POSIX drops every lock a process holds on a file when it closes *any* descriptor
of that file. The window read the header of the live file with ``open()`` (to see
whether it is encrypted) while its connection was open; the next CLI command then
found no lock, took itself for the last connection and deleted ``-wal``/``-shm``.
Every later write of the window went into a deleted file and was lost when the
window was killed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from crm_desktop.clock import SystemClock
from crm_desktop.config import resolve_paths
from crm_desktop.data.filecheck import quick_check
from crm_desktop.data.models import Company
from crm_desktop.data.store import open_store
from crm_desktop.services import backup as bk
from crm_desktop.services import crypto
from crm_desktop.services.contacts import CompanyInput, create_company

ROOT = Path(__file__).resolve().parents[2]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["CRM_DESKTOP_NO_BACKUP"] = "1"
    env.pop("CRM_DESKTOP_DATA_DIR", None)
    return env


def _cli(data_dir: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "crm_desktop", "--data-dir", str(data_dir), *argv],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=60,
        check=False,
    )


def _store_fds(pid: int | str = "self") -> dict[str, str]:
    """The store files a process holds open: link target by file name."""
    out: dict[str, str] = {}
    base = Path(f"/proc/{pid}/fd")
    for fd in base.iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if "crm.sqlite3" in target:
            out[Path(target.replace(" (deleted)", "")).name] = target
    return out


def _start_checks(data_dir: Path) -> None:
    """What the window runs once its store is open (app._background_start_checks and
    the backup on start), without Qt."""
    paths = resolve_paths(data_dir)
    assert not crypto.is_encrypted(paths.db_path)
    assert quick_check(paths.db_path) == "ok"
    bk.make_backup(paths, "daily", clock=SystemClock())
    assert not crypto.is_encrypted(paths.db_path)


def _several_cli_commands(data_dir: Path, tmp_path: Path) -> None:
    for argv in (
        ("search", "x"),
        ("export", "--format", "json", "--out", str(tmp_path / "out.json")),
        ("check",),
        ("backup",),
    ):
        done = _cli(data_dir, *argv)
        assert done.returncode == 0, (argv, done.stderr)


def _companies(data_dir: Path) -> int:
    store = open_store(data_dir=data_dir)
    try:
        with store.reader() as s:
            return int(s.scalar(select(func.count()).select_from(Company)) or 0)
    finally:
        store.dispose()


def test_cli_commands_leave_the_wal_of_an_open_store_alone(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    store = open_store(data_dir=data_dir)
    try:
        with store.session() as s:
            create_company(s, CompanyInput(name="Vorher GmbH"))
        _start_checks(data_dir)
        wal = data_dir / "crm.sqlite3-wal"
        held = _store_fds()
        assert "crm.sqlite3-wal" in held
        for argv in (("search", "x"), ("check",)):
            assert _cli(data_dir, *argv).returncode == 0
        with store.session() as s:
            create_company(s, CompanyInput(name="Nachher GmbH"))
        held = _store_fds()
        assert not any(t.endswith("(deleted)") for t in held.values()), held
        # the WAL this process writes to is the one on disk
        wal_fd = next(
            int(fd.name)
            for fd in Path("/proc/self/fd").iterdir()
            if os.path.realpath(fd).endswith("crm.sqlite3-wal")
        )
        assert os.fstat(wal_fd).st_ino == wal.stat().st_ino
        # another process sees both companies while this one still has them in its WAL
        assert _cli(data_dir, "search", "Nachher").stdout.count("Nachher") >= 1
    finally:
        store.dispose()
    assert _companies(data_dir) == 2


HOLDER = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
from crm_desktop.data.store import open_store
from crm_desktop.services.contacts import CompanyInput, create_company
sys.path.insert(0, {tests!r})
from test_wal_locks import _start_checks, _store_fds

data = Path(sys.argv[1])
store = open_store(data_dir=data)
with store.session() as s:
    create_company(s, CompanyInput(name="Start GmbH"))
_start_checks(data)
print("READY", flush=True)
for n, line in enumerate(sys.stdin):
    with store.session() as s:
        create_company(s, CompanyInput(name=f"Firma {{n}} GmbH"))
    deleted = any(t.endswith("(deleted)") for t in _store_fds().values())
    print("WROTE", "deleted" if deleted else "ok", flush=True)
"""


def test_a_killed_window_process_loses_no_write_after_cli_commands(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    script = HOLDER.format(root=str(ROOT), tests=str(Path(__file__).parent))
    holder = subprocess.Popen(
        [sys.executable, "-c", script, str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    try:
        assert holder.stdout is not None and holder.stdin is not None
        assert holder.stdout.readline().strip() == "READY", holder.stderr.read()  # type: ignore[union-attr]
        _several_cli_commands(data_dir, tmp_path)
        for _ in range(3):
            holder.stdin.write("write\n")
            holder.stdin.flush()
            assert holder.stdout.readline().split() == ["WROTE", "ok"]
        assert not any(t.endswith("(deleted)") for t in _store_fds(holder.pid).values())
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(10)
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait(10)
    assert _companies(data_dir) == 4  # Start GmbH and the three written after the CLI ran


def test_a_store_used_again_after_dispose_keeps_its_wal_too(tmp_path: Path) -> None:
    """The window's restore disposes the store and goes on using it: taking the
    shared lock again must not touch the file while a connection opens."""
    data_dir = tmp_path / "data"
    store = open_store(data_dir=data_dir)
    try:
        with store.session() as s:
            create_company(s, CompanyInput(name="Vorher GmbH"))
        store.dispose()
        with store.session() as s:  # new connection, lock taken again
            create_company(s, CompanyInput(name="Wieder GmbH"))
        assert _cli(data_dir, "search", "x").returncode == 0
        with store.session() as s:
            create_company(s, CompanyInput(name="Nachher GmbH"))
        held = _store_fds()
        assert "crm.sqlite3-wal" in held
        assert not any(t.endswith("(deleted)") for t in held.values()), held
    finally:
        store.dispose()
    assert _companies(data_dir) == 3
