"""Encryption at rest with SQLCipher, and the keyring without a backend."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from crm_desktop.config import AppPaths, resolve_paths
from crm_desktop.data.models import Person
from crm_desktop.data.store import open_store
from crm_desktop.errors import StoreError
from crm_desktop.services import backup as bk
from crm_desktop.services import crypto
from crm_desktop.services.contacts import PersonInput, create_person

pytest.importorskip("sqlcipher3")

PASS = "Ümlaut 'quote' pass"


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    paths = resolve_paths(tmp_path / "data")
    store = open_store(data_dir=paths.data_dir)
    with store.session() as s:
        create_person(s, PersonInput(given_name="Geheim", family_name="Sache"))
    store.dispose()
    bk.make_backup(paths)
    return paths


def test_encrypt_reopen_wrong_passphrase_and_decrypt(paths: AppPaths) -> None:
    assert not crypto.is_encrypted(paths.db_path)
    crypto.encrypt_store(paths, PASS)
    assert crypto.is_encrypted(paths.db_path)
    assert b"Geheim" not in paths.db_path.read_bytes()
    assert b"SQLite format 3" not in paths.db_path.read_bytes()[:16]
    with pytest.raises(StoreError, match="wrong passphrase"):
        crypto.open_encrypted_engine(paths.db_path, "falsch")
    with pytest.raises(StoreError, match="already encrypted"):
        crypto.encrypt_store(paths, PASS)
    store = crypto.open_encrypted_store(paths, PASS)
    try:
        with store.session() as s:
            create_person(s, PersonInput(given_name="Zweite", family_name="Person"))
        with store.reader() as s:
            assert s.scalar(select(func.count()).select_from(Person)) == 2
            hits = s.execute(
                text("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'Zweite'")
            )
            assert hits.scalar_one() == 1  # FTS5 works inside SQLCipher
        # plain backups refuse an encrypted store; the encrypted backup works
        with pytest.raises(StoreError, match="encrypted"):
            bk.make_backup(paths)
        enc_backup = crypto.backup_encrypted(paths, PASS)
        assert crypto.is_encrypted(enc_backup)
        assert crypto.plaintext_backups(paths) != []  # the backup from before: plain
    finally:
        store.dispose()
    assert b"Zweite" not in paths.db_path.read_bytes()
    crypto.decrypt_store(paths, PASS)
    assert not crypto.is_encrypted(paths.db_path)
    plain = open_store(data_dir=paths.data_dir)
    try:
        with plain.reader() as s:
            assert s.scalar(select(func.count()).select_from(Person)) == 2
    finally:
        plain.dispose()


def test_empty_passphrase_is_refused(paths: AppPaths) -> None:
    with pytest.raises(StoreError, match="must not be empty"):
        crypto.encrypt_store(paths, "")
    assert not crypto.is_encrypted(paths.db_path)


def test_keyring_without_backend_says_so(paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from keyring.backends import fail

    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    assert not crypto.keyring_available()
    with pytest.raises(crypto.KeyringUnavailable, match="no system keyring"):
        crypto.save_passphrase(paths, PASS)
    with pytest.raises(StoreError):
        crypto.load_passphrase(paths)
