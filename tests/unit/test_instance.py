"""One instance per data folder: a real second process holds the lock."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from crm_desktop.cli.main import main
from crm_desktop.config import AppPaths, resolve_paths
from crm_desktop.errors import CrmError
from crm_desktop.services import instance

ROOT = Path(__file__).resolve().parents[2]

HOLDER = textwrap.dedent(
    """
    import sys
    from crm_desktop.config import resolve_paths
    from crm_desktop.services.instance import acquire
    lock = acquire(resolve_paths(sys.argv[1]))
    print("locked", flush=True)
    sys.stdin.readline()          # hold until told to go
    if sys.argv[2] == "release":
        lock.release()
        print("released", flush=True)
        sys.stdin.readline()
    """
)


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return resolve_paths(tmp_path / "data")


@pytest.fixture
def holder_factory(tmp_path: Path) -> Iterator[object]:
    procs: list[subprocess.Popen[str]] = []
    script = tmp_path / "holder.py"
    script.write_text(HOLDER)

    def start(paths: AppPaths, mode: str = "hold") -> subprocess.Popen[str]:
        proc = subprocess.Popen(
            [sys.executable, str(script), str(paths.data_dir), mode],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=dict(os.environ, PYTHONPATH=str(ROOT)),
        )
        procs.append(proc)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "locked"  # handshake, no sleeps
        return proc

    yield start
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)


def test_acquire_writes_pid_and_release_frees(paths: AppPaths) -> None:
    with instance.acquire(paths) as lock:
        assert lock.held
        assert instance.read_pid(paths.lock_path) == os.getpid()
        with pytest.raises(instance.AlreadyRunning):  # a second open in the same process
            instance.acquire(paths)
    assert not lock.held
    again = instance.acquire(paths)
    again.release()
    again.release()  # twice is harmless


def test_second_process_is_refused_while_the_first_lives(
    paths: AppPaths, holder_factory: object
) -> None:
    proc = holder_factory(paths)  # type: ignore[operator]
    with pytest.raises(instance.AlreadyRunning) as err:
        instance.acquire(paths)
    assert err.value.pid == proc.pid
    assert str(proc.pid) in err.value.text()
    assert isinstance(err.value, CrmError)
    assert instance.is_running(paths) == proc.pid


def test_lock_of_a_killed_process_is_taken_over(paths: AppPaths, holder_factory: object) -> None:
    proc = holder_factory(paths)  # type: ignore[operator]
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert instance.read_pid(paths.lock_path) == proc.pid  # stale pid left in the file
    assert not instance.pid_alive(proc.pid)
    with instance.acquire(paths) as lock:
        assert instance.read_pid(paths.lock_path) == os.getpid() == lock.pid


def test_released_lock_is_taken_over(paths: AppPaths, holder_factory: object) -> None:
    proc = holder_factory(paths, "release")  # type: ignore[operator]
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("go\n")
    proc.stdin.flush()
    assert proc.stdout.readline().strip() == "released"
    assert instance.is_running(paths) is None
    with instance.acquire(paths):
        pass


def test_cli_restore_refuses_while_running(
    paths: AppPaths, holder_factory: object, capsys: pytest.CaptureFixture[str]
) -> None:
    from crm_desktop.services import backup

    assert main(["--data-dir", str(paths.data_dir), "backup"]) == 0
    target = capsys.readouterr().out.strip().splitlines()[-1]
    holder_factory(paths)  # type: ignore[operator]
    assert main(["--data-dir", str(paths.data_dir), "restore", target, "--yes"]) == 1
    assert "already running" in capsys.readouterr().err
    assert [b.kind for b in backup.list_backups(paths)] == ["manual"]  # nothing kept aside


def test_server_name_is_stable_and_per_folder(tmp_path: Path) -> None:
    a = resolve_paths(tmp_path / "a")
    b = resolve_paths(tmp_path / "b")
    assert instance.server_name(a) == instance.server_name(resolve_paths(tmp_path / "a"))
    assert instance.server_name(a) != instance.server_name(b)
    assert len(instance.server_name(a)) < 40
