"""Optional encryption at rest with SQLCipher, and the passphrase in the OS keyring.

What works (tested in tests/store/test_backup_crypto.py):

- :func:`encrypt_store` turns the plain SQLite store into a SQLCipher file
  (``sqlcipher_export``), verifies it with the passphrase and swaps it in
  atomically. Backups made *before* stay plain files: :func:`plaintext_backups`
  lists them so the user can delete them.
- :func:`open_encrypted_engine` gives a SQLAlchemy engine on an encrypted file
  (``creator=`` with ``sqlcipher3.connect`` + ``PRAGMA key``), with the same
  pragmas and ``BEGIN IMMEDIATE`` as the plain engine; :func:`open_encrypted_store`
  wraps it in a :class:`Store` and runs the migrations (FTS5 works in SQLCipher).
  A wrong passphrase gives a clear :class:`StoreError`.
- :func:`decrypt_store` is the way back; :func:`backup_encrypted` writes a verified,
  encrypted backup (same key) with the normal backup names.
- :func:`save_passphrase` / :func:`load_passphrase` / :func:`forget_passphrase` keep
  the passphrase in the OS keyring on request; without a keyring backend they raise
  :class:`KeyringUnavailable` (a StoreError) with a plain explanation.

Needs the optional packages ``sqlcipher3-binary`` and ``keyring`` (extra "crypto").
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.config import AppPaths
from crm_desktop.data import fileguard
from crm_desktop.errors import StoreError

if TYPE_CHECKING:
    from sqlalchemy import Engine

KEYRING_SERVICE = "crm-desktop"
SQLITE_HEADER = b"SQLite format 3\x00"


class KeyringUnavailable(StoreError):
    """No usable OS keyring (no Secret Service / KWallet / Keychain / Credential Locker)."""


def _module() -> Any:
    try:
        import sqlcipher3
    except ImportError as exc:  # pragma: no cover - the package is installed here
        raise StoreError(
            "Encryption needs the package sqlcipher3-binary, which is not installed."
        ) from exc
    return sqlcipher3


def sqlcipher_available() -> bool:
    try:
        _module()
    except StoreError:  # pragma: no cover
        return False
    return True


def is_encrypted(path: Path) -> bool:
    """True when ``path`` exists and is not a plain SQLite file (no SQLite header).

    While this process has the store open the header read before its first
    connection is used: opening the live file here would drop SQLite's locks
    (see :mod:`crm_desktop.data.fileguard`)."""
    head = fileguard.header(path)
    return len(head) == 16 and head != SQLITE_HEADER


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _quote(passphrase: str) -> str:
    if not passphrase:
        raise StoreError("The passphrase must not be empty.")
    return _sql_text(passphrase)


def connect(path: Path, passphrase: str, *, check: bool = True) -> Any:
    """A ``sqlcipher3`` connection with the key set (and verified when ``check``)."""
    mod = _module()
    con = mod.connect(str(path), timeout=30, check_same_thread=False)
    try:
        con.execute("PRAGMA cipher_log_level = NONE")
        con.execute(f"PRAGMA key = {_quote(passphrase)}")
        if check:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except mod.DatabaseError as exc:
        con.close()
        raise StoreError(
            "The store {path} cannot be opened: wrong passphrase, or not an encrypted store.",
            path=str(path),
        ) from exc
    return con


def open_encrypted_engine(path: Path, passphrase: str) -> Engine:
    """A SQLAlchemy engine on the encrypted SQLite file ``path``."""
    from crm_desktop.data.engine import _sqlite_on_begin, _sqlite_on_connect

    connect(path, passphrase).close()  # fail early and clearly on a wrong passphrase

    def creator() -> Any:
        return connect(path, passphrase, check=False)

    from sqlalchemy import create_engine, event

    engine = create_engine("sqlite://", creator=creator)
    event.listen(engine, "connect", _sqlite_on_connect)
    event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def open_encrypted_store(paths: AppPaths, passphrase: str, *, migrate_schema: bool = True) -> Any:
    """A :class:`crm_desktop.data.store.Store` on the encrypted store of ``paths``."""
    from crm_desktop.data import migrate
    from crm_desktop.data.engine import make_session_factory
    from crm_desktop.data.store import Store

    path = paths.db_path
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    fileguard.tighten_permissions(paths.data_dir, path)
    lock = fileguard.SharedLock(path)
    lock.ensure()  # before the first connection, like open_store
    try:
        with fileguard.private_files():
            engine = open_encrypted_engine(path, passphrase)
        if migrate_schema:
            migrate.upgrade(engine)
    except BaseException:
        lock.release()
        raise
    return Store(
        url=f"sqlcipher:///{path}",
        engine=engine,
        factory=make_session_factory(engine),
        path=path,
        file_lock=lock,
    )


def _verify(path: Path, passphrase: str) -> dict[str, int]:
    con = connect(path, passphrase)
    try:
        rows = con.execute("PRAGMA integrity_check").fetchall()
        if [r[0] for r in rows] != ["ok"]:
            raise StoreError("The encrypted copy failed its integrity check; nothing was changed.")
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: int(con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in tables}
    finally:
        con.close()


def _plain_counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: int(con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in tables}
    finally:
        con.close()


def _swap_in(new_file: Path, db: Path) -> None:
    # only under fileguard.exclusive, after the WAL was checkpointed into the copy
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    if os.name == "posix":
        os.chmod(new_file, 0o600)
    os.replace(new_file, db)
    fileguard.forget_header(db)
    if os.name == "posix":
        fd = os.open(db.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def encrypt_store(paths: AppPaths, passphrase: str) -> Path:
    """Encrypt the plain store in place (close it first); returns the store path.

    Refuses while another program (or a store of this one) has it open; other
    programs cannot open it while this runs (:func:`fileguard.exclusive`)."""
    db = paths.db_path
    if not db.is_file():
        raise StoreError("There is no store at {path} to encrypt.", path=str(db))
    with fileguard.exclusive(db, "encrypt"):
        if not fileguard.checkpoint(db):
            raise StoreError(
                "The store could not be encrypted: its WAL could not be written into the "
                "file (damaged?). Nothing was changed; run “crm-desktop check”."
            )
        return _encrypt_store(paths, passphrase)


def _encrypt_store(paths: AppPaths, passphrase: str) -> Path:
    db = paths.db_path
    if not db.is_file():
        raise StoreError("There is no store at {path} to encrypt.", path=str(db))
    if is_encrypted(db):
        raise StoreError("The store {path} is already encrypted.", path=str(db))
    before = _plain_counts(db)
    tmp = db.with_name(f".crm-encrypting-{uuid.uuid4().hex}.sqlite3")
    mod = _module()
    try:
        con = mod.connect(str(db))
        try:
            con.execute("PRAGMA cipher_log_level = NONE")
            con.execute(
                f"ATTACH DATABASE {_sql_text(str(tmp))} AS encrypted KEY {_quote(passphrase)}"
            )
            con.execute("SELECT sqlcipher_export('encrypted')")
            con.execute("DETACH DATABASE encrypted")
        finally:
            con.close()
        after = _verify(tmp, passphrase)
        if after != before:
            raise StoreError(
                "The encrypted copy does not hold the same records; nothing was changed."
            )
        _swap_in(tmp, db)
    except (OSError, mod.Error) as exc:
        raise StoreError("The store could not be encrypted: {detail}", detail=str(exc)) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    return db


def decrypt_store(paths: AppPaths, passphrase: str) -> Path:
    """Turn the encrypted store back into a plain SQLite file (close it first;
    refused while another program has it open)."""
    db = paths.db_path
    if not is_encrypted(db):
        raise StoreError("The store {path} is not encrypted.", path=str(db))
    with fileguard.exclusive(db, "decrypt"):
        return _decrypt_store(paths, passphrase)


def _decrypt_store(paths: AppPaths, passphrase: str) -> Path:
    db = paths.db_path
    if not is_encrypted(db):
        raise StoreError("The store {path} is not encrypted.", path=str(db))
    before = _verify(db, passphrase)
    tmp = db.with_name(f".crm-decrypting-{uuid.uuid4().hex}.sqlite3")
    mod = _module()
    try:
        con = connect(db, passphrase)
        try:
            con.execute(f"ATTACH DATABASE {_sql_text(str(tmp))} AS plaintext KEY ''")
            con.execute("SELECT sqlcipher_export('plaintext')")
            con.execute("DETACH DATABASE plaintext")
        finally:
            con.close()
        if _plain_counts(tmp) != before:
            raise StoreError(
                "The decrypted copy does not hold the same records; nothing was changed."
            )
        _swap_in(tmp, db)
    except (OSError, mod.Error) as exc:
        raise StoreError("The store could not be decrypted: {detail}", detail=str(exc)) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    return db


def backup_encrypted(
    paths: AppPaths, passphrase: str, kind: str = "manual", *, clock: Clock | None = None
) -> Path:
    """A verified backup of the encrypted store, encrypted with the same passphrase."""
    from crm_desktop.services import backup as bk

    if kind not in bk.KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    db = paths.db_path
    paths.backup_dir.mkdir(parents=True, exist_ok=True)
    target = bk._target_name(paths.backup_dir, (clock or SystemClock()).now(), kind, None)  # type: ignore[arg-type]
    partial = paths.backup_dir / f".crm-partial-{uuid.uuid4().hex}.sqlite3"
    try:
        fileguard.create_private(partial)
        src = connect(db, passphrase)
        try:
            dst = connect(partial, passphrase, check=False)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        _verify(partial, passphrase)
        os.replace(partial, target)
    except OSError as exc:
        raise bk._store_error(exc, paths.backup_dir) from exc
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    return target


def plaintext_backups(paths: AppPaths) -> list[Path]:
    """Backups that are plain (unencrypted) SQLite files."""
    from crm_desktop.services import backup as bk

    return [b.path for b in bk.list_backups(paths, preview=False) if not is_encrypted(b.path)]


# ---------------------------------------------------------------- keyring


def _keyring() -> Any:
    try:
        import keyring
        from keyring.backends import fail
    except ImportError as exc:  # pragma: no cover
        raise KeyringUnavailable(
            "The passphrase cannot be kept in the system keyring: the package keyring "
            "is not installed. Type the passphrase at each start instead."
        ) from exc
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        raise KeyringUnavailable(
            "This computer has no system keyring (such as GNOME Keyring, KWallet, the macOS "
            "Keychain or the Windows Credential Locker), so the passphrase cannot be kept; "
            "type it at each start instead."
        )
    return keyring


def keyring_available() -> bool:
    try:
        _keyring()
    except KeyringUnavailable:
        return False
    return True


def _account(paths: AppPaths) -> str:
    return str(paths.data_dir.resolve())


def save_passphrase(paths: AppPaths, passphrase: str) -> None:
    kr = _keyring()
    try:
        kr.set_password(KEYRING_SERVICE, _account(paths), passphrase)
    except Exception as exc:
        raise KeyringUnavailable(
            "The system keyring refused to keep the passphrase: {detail}", detail=str(exc)
        ) from exc


def load_passphrase(paths: AppPaths) -> str | None:
    kr = _keyring()
    try:
        value = kr.get_password(KEYRING_SERVICE, _account(paths))
    except Exception as exc:
        raise KeyringUnavailable(
            "The system keyring could not be read: {detail}", detail=str(exc)
        ) from exc
    return str(value) if value is not None else None


def forget_passphrase(paths: AppPaths) -> None:
    kr = _keyring()
    with contextlib.suppress(Exception):
        kr.delete_password(KEYRING_SERVICE, _account(paths))
