"""An encrypted store is checked with its passphrase, backed up encrypted, restored
from such a backup, and never called damaged; its calendar feed is not written."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm_desktop.config import resolve_paths
from crm_desktop.data.store import open_store
from crm_desktop.services import contacts as c
from crm_desktop.services import storecheck
from tests.store.test_damaged_store import cli

crypto = pytest.importorskip("crm_desktop.services.crypto")
PASS = "geheim 12345"


@pytest.fixture
def encrypted(tmp_path: Path) -> Path:
    if not crypto.sqlcipher_available():
        pytest.skip("sqlcipher3 is not installed")
    data = tmp_path / "data"
    store = open_store(data_dir=data)
    with store.session() as s:
        c.create_person(s, c.PersonInput(given_name="Jürgen", family_name="Müller"))
    store.dispose()
    paths = resolve_paths(data)
    paths.calendar_path.parent.mkdir(parents=True, exist_ok=True)
    paths.calendar_path.write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    out = cli(data, "backup")  # a plaintext backup from before the encryption
    assert out.returncode == 0, out.stderr
    out = cli(data, "encrypt", CRM_DESKTOP_PASSPHRASE=PASS)
    assert out.returncode == 0, out.stderr
    return data


def test_check_on_an_encrypted_store(encrypted: Path) -> None:
    out = cli(encrypted, "check", CRM_DESKTOP_PASSPHRASE=PASS)
    assert out.returncode == 0, out.stderr
    assert "encrypted, healthy" in out.stdout
    out = cli(encrypted, "check")
    assert out.returncode == 1
    assert "encrypted; give the passphrase" in out.stderr
    assert "damaged" not in out.stderr and "restore" not in out.stderr
    out = cli(encrypted, "check", CRM_DESKTOP_PASSPHRASE="falsch falsch")
    assert out.returncode == 1
    assert "wrong passphrase" in out.stderr
    assert "Traceback" not in out.stderr


def test_encrypting_removes_the_plaintext_calendar_feed(encrypted: Path) -> None:
    assert storecheck.has_marker(encrypted / "crm.sqlite3")
    assert not resolve_paths(encrypted).calendar_path.exists()


def test_encrypted_backup_and_restore_round_trip(encrypted: Path) -> None:
    out = cli(encrypted, "backup")
    assert out.returncode == 1
    assert "CRM_DESKTOP_PASSPHRASE" in out.stderr and "Settings" not in out.stderr
    out = cli(encrypted, "backup", CRM_DESKTOP_PASSPHRASE=PASS)
    assert out.returncode == 0, out.stderr
    backup = Path(out.stdout.strip().splitlines()[-1])
    assert not storecheck.has_sqlite_header(backup)  # encrypted, like the store
    crypto.connect(backup, PASS).close()
    # a change after the backup, then the restore brings the backup's state back
    out = cli(encrypted, "import", str(_card(encrypted)), CRM_DESKTOP_PASSPHRASE=PASS)
    assert out.returncode == 0, out.stderr
    out = cli(encrypted, "restore", str(backup), "--yes", CRM_DESKTOP_PASSPHRASE=PASS)
    assert out.returncode == 0, out.stderr
    db = encrypted / "crm.sqlite3"
    assert not storecheck.has_sqlite_header(db) and storecheck.has_marker(db)
    found = cli(encrypted, "search", "Neu", "--json", CRM_DESKTOP_PASSPHRASE=PASS)
    assert found.returncode == 0 and "Anna Neu" not in found.stdout
    found = cli(encrypted, "search", "Müller", "--json", CRM_DESKTOP_PASSPHRASE=PASS)
    assert "Jürgen Müller" in found.stdout
    assert cli(encrypted, "check", CRM_DESKTOP_PASSPHRASE=PASS).returncode == 0


def _card(data: Path) -> Path:
    card = data.parent / "card.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Neu\r\nN:Neu;Anna;;;\r\nEND:VCARD\r\n")
    return card


def test_damage_of_an_encrypted_store_never_picks_a_plain_backup_silently(
    encrypted: Path,
) -> None:
    db = encrypted / "crm.sqlite3"
    raw = bytearray(db.read_bytes())
    raw[:4096] = b"\0" * 4096
    db.write_bytes(bytes(raw))
    for cmd in (["search", "x"], ["check"]):
        out = cli(encrypted, *cmd, CRM_DESKTOP_PASSPHRASE=PASS)
        assert out.returncode == 1
        assert "NOT encrypted" in out.stderr, out.stderr  # the only good backup is plaintext
        assert "Traceback" not in out.stderr


def test_random_bytes_with_a_passphrase(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "crm.sqlite3").write_bytes(bytes(range(256)) * 64)
    out = cli(data, "search", "x", CRM_DESKTOP_PASSPHRASE=PASS)
    assert out.returncode == 1
    assert "damaged, or encrypted with another passphrase" in out.stderr
    assert "Traceback" not in out.stderr
