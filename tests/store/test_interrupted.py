"""``kill -9`` in the middle of encrypt, decrypt, restore and backup: the next command
finishes or rolls back what was cut short, removes the leftovers, and the store opens
with the data it held (encrypted or not, as the marker beside it says)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from crm_desktop.config import resolve_paths
from crm_desktop.data.store import open_store
from crm_desktop.services import backup as bk
from crm_desktop.services import contacts as c
from crm_desktop.services import storecheck
from tests.store.test_damaged_store import cli, run

crypto = pytest.importorskip("crm_desktop.services.crypto")
PASS = "geheim 12345"


@pytest.fixture(autouse=True)
def _needs_sqlcipher() -> None:
    if not crypto.sqlcipher_available():
        pytest.skip("sqlcipher3 is not installed")


def _add_people(data: Path, start: int, count: int) -> None:
    store = open_store(data_dir=data)
    with store.session() as s:
        for i in range(start, start + count):
            c.create_person(s, c.PersonInput(given_name=f"Anna{i}", family_name="Kill"))
    store.dispose()


def people(data: Path) -> int:
    db = data / "crm.sqlite3"
    plain = storecheck.has_sqlite_header(db)
    con: Any = sqlite3.connect(db) if plain else crypto.connect(db, PASS)
    try:
        return int(con.execute("SELECT count(*) FROM people").fetchone()[0])
    finally:
        con.close()


def assert_consistent(data: Path) -> None:
    """The next command works; no leftovers; the marker says what the file is."""
    out = cli(data, "search", "Kill", "--json", CRM_DESKTOP_PASSPHRASE=PASS)
    assert out.returncode == 0, out.stderr
    check = cli(data, "check", CRM_DESKTOP_PASSPHRASE=PASS)
    assert check.returncode == 0, check.stderr
    db = data / "crm.sqlite3"
    left = [p.name for p in data.glob(".crm-*")] + [
        p.name for p in (data / "backups").glob(".crm-*")
    ]
    assert left == [], left
    assert storecheck.has_marker(db) == (not storecheck.has_sqlite_header(db))


@pytest.mark.parametrize(
    "step", ["encrypt-export", "encrypt-exported", "encrypt-marked", "swap", "encrypt-swapped"]
)
def test_encrypt_killed(tmp_path: Path, step: str) -> None:
    data = tmp_path / "data"
    _add_people(data, 0, 30)
    out = run(data, "encrypt", CRM_DESKTOP_PASSPHRASE=PASS, CRM_TEST_KILL_AT=step)
    assert out.returncode < 0, out.stderr  # killed at that step
    assert_consistent(data)
    assert people(data) == 30
    encrypted = not storecheck.has_sqlite_header(data / "crm.sqlite3")
    assert encrypted == (step == "encrypt-swapped")
    if step not in ("encrypt-marked", "encrypt-swapped"):
        return
    # and it can be done (or undone) properly afterwards
    again = cli(data, "decrypt" if encrypted else "encrypt", CRM_DESKTOP_PASSPHRASE=PASS)
    assert again.returncode == 0, again.stderr
    assert people(data) == 30


@pytest.mark.parametrize("step", ["decrypt-checked", "swap", "decrypt-swapped"])
def test_decrypt_killed(tmp_path: Path, step: str) -> None:
    data = tmp_path / "data"
    _add_people(data, 0, 20)
    assert cli(data, "encrypt", CRM_DESKTOP_PASSPHRASE=PASS).returncode == 0
    out = run(data, "decrypt", CRM_DESKTOP_PASSPHRASE=PASS, CRM_TEST_KILL_AT=step)
    assert out.returncode < 0, out.stderr
    assert_consistent(data)
    assert people(data) == 20


@pytest.mark.parametrize(
    ("step", "restored"),
    [("backup-copied", False), ("restore-copied", False), ("restore-intent", True)],
)
def test_restore_killed(tmp_path: Path, step: str, restored: bool) -> None:
    data = tmp_path / "data"
    _add_people(data, 0, 10)
    backup = bk.make_backup(resolve_paths(data), "manual")
    _add_people(data, 10, 5)
    out = run(data, "restore", str(backup), "--yes", CRM_TEST_KILL_AT=step)
    assert out.returncode < 0, out.stderr
    assert_consistent(data)
    assert people(data) == (10 if restored else 15)


def test_encrypted_restore_killed_after_the_copy_is_finished(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _add_people(data, 0, 10)
    assert cli(data, "encrypt", CRM_DESKTOP_PASSPHRASE=PASS).returncode == 0
    made = cli(data, "backup", CRM_DESKTOP_PASSPHRASE=PASS)
    assert made.returncode == 0, made.stderr
    backup = Path(made.stdout.strip().splitlines()[-1])
    assert not storecheck.has_sqlite_header(backup)  # the backup is encrypted too
    out = run(
        data,
        "restore",
        str(backup),
        "--yes",
        CRM_DESKTOP_PASSPHRASE=PASS,
        CRM_TEST_KILL_AT="restore-intent",
    )
    assert out.returncode < 0, out.stderr
    assert_consistent(data)
    assert not storecheck.has_sqlite_header(data / "crm.sqlite3")
    assert people(data) == 10


@pytest.mark.parametrize("encrypted", [False, True])
def test_backup_killed(tmp_path: Path, encrypted: bool) -> None:
    data = tmp_path / "data"
    _add_people(data, 0, 10)
    if encrypted:
        assert cli(data, "encrypt", CRM_DESKTOP_PASSPHRASE=PASS).returncode == 0
    before = sorted(p.name for p in (data / "backups").glob("crm-*"))
    out = run(data, "backup", CRM_DESKTOP_PASSPHRASE=PASS, CRM_TEST_KILL_AT="backup-copied")
    assert out.returncode < 0, out.stderr
    assert list((data / "backups").glob(".crm-partial-*"))  # what the kill left
    assert_consistent(data)
    assert sorted(p.name for p in (data / "backups").glob("crm-*")) == before
    assert people(data) == 10
