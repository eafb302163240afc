"""An encrypted store opens from the command line with its passphrase, and only with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm_desktop.cli.main import main
from crm_desktop.config import resolve_paths
from crm_desktop.data.store import open_store
from crm_desktop.services import contacts as c

crypto = pytest.importorskip("crm_desktop.services.crypto")


def test_encrypted_store_via_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if not crypto.sqlcipher_available():
        pytest.skip("sqlcipher3 is not installed")
    data = tmp_path / "d"
    store = open_store(data_dir=data)
    with store.session() as s:
        c.create_person(s, c.PersonInput(given_name="Jürgen", family_name="Müller"))
    store.dispose()
    crypto.encrypt_store(resolve_paths(data), "geheim 123")
    assert crypto.is_encrypted(data / "crm.sqlite3")
    monkeypatch.delenv("CRM_DESKTOP_PASSPHRASE", raising=False)
    assert main(["--data-dir", str(data), "search", "Müller", "--json"]) == 1
    assert "encrypted" in capsys.readouterr().err
    monkeypatch.setenv("CRM_DESKTOP_PASSPHRASE", "falsch")
    assert main(["--data-dir", str(data), "search", "Müller", "--json"]) == 1
    capsys.readouterr()
    monkeypatch.setenv("CRM_DESKTOP_PASSPHRASE", "geheim 123")
    assert main(["--data-dir", str(data), "search", "Müller", "--json"]) == 0
    assert "Jürgen Müller" in capsys.readouterr().out


def test_encrypt_and_decrypt_commands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if not crypto.sqlcipher_available():
        pytest.skip("sqlcipher3 is not installed")
    data = tmp_path / "d"
    store = open_store(data_dir=data)
    with store.session() as s:
        c.create_person(s, c.PersonInput(given_name="Anna", family_name="Schäfer"))
    store.dispose()
    monkeypatch.setenv("CRM_DESKTOP_PASSPHRASE", "kurz")
    assert main(["--data-dir", str(data), "encrypt"]) == 1  # too short
    monkeypatch.setenv("CRM_DESKTOP_PASSPHRASE", "lang genug 42")
    assert main(["--data-dir", str(data), "encrypt"]) == 0
    assert crypto.is_encrypted(data / "crm.sqlite3")
    assert main(["--data-dir", str(data), "search", "Schäfer", "--json"]) == 0
    assert "Anna Schäfer" in capsys.readouterr().out
    assert main(["--data-dir", str(data), "decrypt"]) == 0
    assert not crypto.is_encrypted(data / "crm.sqlite3")
