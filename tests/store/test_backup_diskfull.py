"""A full disk and a read-only backup folder: clear messages, nothing lost.

Tests run as root, for whom ``chmod`` does not make a folder read-only, so the
backup folder is replaced by a real tiny (64 KB) or read-only tmpfs mounted in a
private mount namespace (``unshare --mount``) of a child process. Where that is
not permitted the tests are skipped (and say why).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from crm_desktop.clock import FixedClock
from crm_desktop.config import resolve_paths
from crm_desktop.data.store import open_store
from crm_desktop.services import backup as bk
from crm_desktop.services.contacts import PersonInput, create_person

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from crm_desktop.config import resolve_paths
    from crm_desktop.errors import StoreError
    from crm_desktop.services import backup as bk
    paths = resolve_paths(sys.argv[1])
    out = {}
    try:
        bk.make_backup(paths)
        out["error"] = None
    except StoreError as exc:
        out["error"] = exc.text()
        out["reason"] = exc.params.get("reason")
    out["left"] = sorted(p.name for p in paths.backup_dir.iterdir())
    print(json.dumps(out))
    """
)


def _can_unshare() -> str | None:
    if sys.platform != "linux" or shutil.which("unshare") is None:
        return "needs Linux with unshare"
    probe = subprocess.run(
        ["unshare", "--mount", "sh", "-c", "mount -t tmpfs -o size=16k tmpfs /mnt"],
        capture_output=True,
        check=False,
    )
    if probe.returncode != 0:
        return "mount namespaces are not permitted here: " + probe.stderr.decode()[:200]
    return None


SKIP = _can_unshare()


def _run_with_backup_dir_mounted(data_dir: Path, options: str) -> dict[str, object]:
    backups = data_dir / "backups"
    backups.mkdir(exist_ok=True)
    script = data_dir.parent / "child.py"
    script.write_text(CHILD)
    shell = (
        f"mount -t tmpfs -o {options} tmpfs '{backups}' && "
        f"exec '{sys.executable}' '{script}' '{data_dir}'"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c", shell],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


@pytest.fixture
def filled(tmp_path: Path, clock: FixedClock) -> Path:
    data_dir = tmp_path / "data"
    store = open_store(data_dir=data_dir)
    with store.session() as s:
        for i in range(50):
            create_person(s, PersonInput(given_name=f"P{i}", family_name="Voll"), clock=clock)
    store.dispose()
    bk.make_backup(resolve_paths(data_dir), clock=clock)  # an earlier backup on the real disk
    return data_dir


def _nothing_lost(data_dir: Path) -> None:
    paths = resolve_paths(data_dir)
    assert bk.integrity_check(paths.db_path, immutable=False) == "ok"
    (earlier,) = bk.list_backups(paths)
    assert earlier.counts is not None and earlier.counts["people"] == 50
    store = open_store(data_dir=data_dir)
    try:
        with store.session() as s:  # the store still takes writes
            create_person(s, PersonInput(given_name="Nach", family_name="Her"))
    finally:
        store.dispose()


@pytest.mark.skipif(SKIP is not None, reason=SKIP or "")
def test_disk_full_gives_a_clear_error_and_loses_nothing(filled: Path) -> None:
    result = _run_with_backup_dir_mounted(filled, "size=64k")
    assert result["reason"] == "full"
    assert "full" in str(result["error"])
    assert "unchanged" in str(result["error"])
    assert result["left"] == []  # no half-written file stays behind
    _nothing_lost(filled)


@pytest.mark.skipif(SKIP is not None, reason=SKIP or "")
def test_read_only_backup_folder_gives_a_clear_error(filled: Path) -> None:
    result = _run_with_backup_dir_mounted(filled, "ro,size=1m")
    assert result["reason"] == "read-only"
    assert "cannot be written" in str(result["error"])
    assert result["left"] == []
    _nothing_lost(filled)
