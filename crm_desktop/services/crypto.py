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
from crm_desktop.data import filecheck, fileguard
from crm_desktop.data.filecheck import kill_point
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
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
            QT_TRANSLATE_NOOP(
                "errors", "Encryption needs the package sqlcipher3-binary, which is not installed."
            )
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
        raise StoreError(QT_TRANSLATE_NOOP("errors", "The passphrase must not be empty."))
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
            QT_TRANSLATE_NOOP(
                "errors",
                "The store {path} cannot be opened: wrong passphrase, or not an encrypted store.",
            ),
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
            raise StoreError(
                QT_TRANSLATE_NOOP(
                    "errors", "The encrypted copy failed its integrity check; nothing was changed."
                )
            )
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: int(con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in tables}
    finally:
        con.close()


def _plain_counts(path: Path) -> dict[str, int]:
    con = filecheck.connect_ro(path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: int(con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in tables}
    finally:
        con.close()


def _checkpoint(db: Path) -> None:
    """Move what sits in the WAL of the plain file into the file itself."""
    con = sqlite3.connect(db)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "The store could not be encrypted: {detail}"),
            detail=str(exc),
        ) from exc
    finally:
        con.close()


def _remove_calendar_feed(paths: AppPaths) -> None:
    """The calendar subscription file is plaintext (names, companies, phones): an
    encrypted store has none."""
    with contextlib.suppress(OSError):
        paths.calendar_path.unlink(missing_ok=True)


def _swap_in(new_file: Path, db: Path) -> None:
    # only under fileguard.exclusive, after the WAL was checkpointed into the copy
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    if os.name == "posix":
        os.chmod(new_file, 0o600)
    kill_point("swap")
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
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "There is no store at {path} to encrypt."), path=str(db)
        )
    with fileguard.exclusive(db, "encrypt"):
        if not fileguard.checkpoint(db):
            raise StoreError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The store could not be encrypted: its WAL could not be written into the "
                    "file (damaged?). Nothing was changed; run “crm-desktop check”.",
                )
            )
        return _encrypt_store(paths, passphrase)


def _encrypt_store(paths: AppPaths, passphrase: str) -> Path:
    db = paths.db_path
    if not db.is_file():
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "There is no store at {path} to encrypt."), path=str(db)
        )
    if is_encrypted(db):
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "The store {path} is already encrypted."), path=str(db)
        )
    from crm_desktop.services import storecheck

    _checkpoint(db)  # nothing may stay in the WAL, which the swap removes
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
            kill_point("encrypt-export")
            con.execute("SELECT sqlcipher_export('encrypted')")
            con.execute("DETACH DATABASE encrypted")
        finally:
            con.close()
        kill_point("encrypt-exported")
        after = _verify(tmp, passphrase)
        if after != before:
            raise StoreError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The encrypted copy does not hold the same records; nothing was changed.",
                )
            )
        # the marker first: a kill after the swap leaves an encrypted file known as such;
        # a kill before it leaves the plain file, and the next start drops the marker
        storecheck.write_marker(db)
        kill_point("encrypt-marked")
        _swap_in(tmp, db)
        kill_point("encrypt-swapped")
        _remove_calendar_feed(paths)
    except (OSError, mod.Error) as exc:
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "The store could not be encrypted: {detail}"),
            detail=str(exc),
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    return db


def decrypt_store(paths: AppPaths, passphrase: str) -> Path:
    """Turn the encrypted store back into a plain SQLite file (close it first;
    refused while another program has it open)."""
    db = paths.db_path
    if not is_encrypted(db):
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "The store {path} is not encrypted."), path=str(db)
        )
    with fileguard.exclusive(db, "decrypt"):
        return _decrypt_store(paths, passphrase)


def _decrypt_store(paths: AppPaths, passphrase: str) -> Path:
    db = paths.db_path
    if not is_encrypted(db):
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "The store {path} is not encrypted."), path=str(db)
        )
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
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The decrypted copy does not hold the same records; nothing was changed.",
                )
            )
        kill_point("decrypt-checked")
        _swap_in(tmp, db)
        kill_point("decrypt-swapped")
        from crm_desktop.services import storecheck

        storecheck.remove_marker(db)
    except (OSError, mod.Error) as exc:
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "The store could not be decrypted: {detail}"),
            detail=str(exc),
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    return db


def change_passphrase(paths: AppPaths, old: str, new: str) -> Path:
    """Encrypt the store again with ``new`` (a verified copy, swapped in atomically)."""
    db = paths.db_path
    if not is_encrypted(db):
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "The store {path} is not encrypted."), path=str(db)
        )
    before = _verify(db, old)
    tmp = db.with_name(f".crm-encrypting-{uuid.uuid4().hex}.sqlite3")
    mod = _module()
    try:
        con = connect(db, old)
        try:
            con.execute(f"ATTACH DATABASE {_sql_text(str(tmp))} AS rekeyed KEY {_quote(new)}")
            con.execute("SELECT sqlcipher_export('rekeyed')")
            con.execute("DETACH DATABASE rekeyed")
        finally:
            con.close()
        if _verify(tmp, new) != before:
            raise StoreError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The encrypted copy does not hold the same records; nothing was changed.",
                )
            )
        _swap_in(tmp, db)
    except (OSError, mod.Error) as exc:
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "The store could not be encrypted: {detail}"),
            detail=str(exc),
        ) from exc
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
        kill_point("backup-copied")
        _verify(partial, passphrase)
        os.replace(partial, target)
        bk._fsync_dir(paths.backup_dir)
    except (OSError, _module().Error) as exc:
        raise bk._store_error(exc, paths.backup_dir) from exc
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
            Path(str(partial) + "-journal").unlink(missing_ok=True)
    return target


def restore_encrypted(
    paths: AppPaths, backup_file: Path, passphrase: str, *, clock: Clock | None = None
) -> Path | None:
    """Replace the store with the encrypted backup ``backup_file`` (opened with
    ``passphrase``); the current store is kept aside first. Returns where."""
    import shutil

    from crm_desktop.services import backup as bk
    from crm_desktop.services import storecheck

    clock = clock or SystemClock()
    try:
        counts = _verify(backup_file, passphrase)
    except StoreError as exc:
        raise StoreError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The backup {path} cannot be opened with this passphrase, or it is damaged; "
                "it was not restored.",
            ),
            path=str(backup_file),
        ) from exc
    if "people" not in counts or "alembic_version" not in counts:
        raise StoreError(
            QT_TRANSLATE_NOOP(
                "errors", "{path} is not a backup of this program (no contacts tables in it)."
            ),
            path=str(backup_file),
        )
    db = paths.db_path
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    aside: Path | None = None
    if db.is_file():
        if storecheck.has_sqlite_header(db):
            aside = bk._keep_aside(paths, clock)
        else:  # encrypted (or unreadable): the raw bytes are kept
            paths.backup_dir.mkdir(parents=True, exist_ok=True)
            aside = bk._target_name(paths.backup_dir, clock.now(), "pre-restore", None)
            try:
                shutil.copy2(db, aside)
            except OSError as exc:
                with contextlib.suppress(OSError):
                    aside.unlink(missing_ok=True)
                raise bk._store_error(exc, paths.backup_dir) from exc
    incoming = paths.data_dir / f".crm-partial-restore-{uuid.uuid4().hex}.sqlite3"
    try:
        try:
            shutil.copyfile(backup_file, incoming)
            bk._fsync_file(incoming)
        except OSError as exc:
            raise bk._store_error(exc, paths.data_dir) from exc
        kill_point("restore-copied")
        if _verify(incoming, passphrase) != counts:
            raise StoreError(
                QT_TRANSLATE_NOOP(
                    "errors", "The copy of the backup is damaged; nothing was restored."
                )
            )
        storecheck.write_restore_intent(paths, incoming, encrypted=True)
        kill_point("restore-intent")
        storecheck.finish_restore_swap(paths, incoming, encrypted=True)
        bk._fsync_dir(paths.data_dir)
    finally:
        with contextlib.suppress(OSError):
            incoming.unlink(missing_ok=True)
    _remove_calendar_feed(paths)
    return aside


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
