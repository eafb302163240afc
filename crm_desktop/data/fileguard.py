"""Guards around the SQLite file: who has it open, what may touch it, and how.

Three promises are kept here (issues #15 and #22):

1. **This process never opens the live file outside SQLite.** POSIX drops *every*
   lock a process holds on a file as soon as it closes *any* descriptor of that
   file (SQLite's "How To Corrupt An SQLite Database", §2.2). A plain ``open()`` of
   ``crm.sqlite3`` (to read its header) while a connection is open therefore
   silently drops SQLite's own locks; the next process to close its connection
   believes it is the last one and deletes the ``-wal``/``-shm`` files under our
   feet. :func:`header` reads the 16 header bytes once, *before* the first
   connection of this process, and answers from that copy while the store is open.

2. **Every process that has the store open holds a shared lock** (``flock``
   ``LOCK_SH``) on the separate file ``crm.sqlite3.lock`` beside it, for as long as
   its :class:`~crm_desktop.data.store.Store` lives (:class:`SharedLock`). The
   operations that replace the file (restore, encrypt, decrypt) take the lock
   exclusively and without waiting (:func:`exclusive`): they refuse while another
   program has the store open, naming it. A process that wants to open the store
   while such an operation runs waits a moment and then gets a clear message.

3. **Files are private.** The data folder is 0700; the database, its ``-wal`` and
   ``-shm``, backups and logs are 0600 (:func:`private_files`,
   :func:`tighten_permissions`).

A stale or foreign ``-wal`` left beside a copied-back file is only looked at when
nobody else has the store open (:func:`set_aside_foreign_wal`).

On Windows there is no ``fcntl``: the locks degrade to nothing (the instance lock
still keeps two windows apart) and permissions are left to the system.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import shutil
import sqlite3
import struct
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import StoreError

log = logging.getLogger("crm_desktop.data.fileguard")

SQLITE_HEADER = b"SQLite format 3\x00"
LOCK_SUFFIX = ".lock"
# how long opening the store waits for a restore/encryption in another process to end
OPEN_WAIT_S = float(os.environ.get("CRM_DESKTOP_LOCK_WAIT_S", "5"))
_POLL_S = 0.05
_POSIX = os.name == "posix"


def lock_path(db: Path) -> Path:
    """The lock file of the store ``db`` (``crm.sqlite3.lock``, beside it)."""
    return db.with_name(db.name + LOCK_SUFFIX)


def sidecars(db: Path) -> list[Path]:
    return [Path(str(db) + suffix) for suffix in ("-wal", "-shm", "-journal")]


# ---------------------------------------------------------------- this process's view


@dataclass
class _Entry:
    users: int = 0  # shared locks (open stores) of this process on the file
    exclusive: bool = False  # this process runs a restore/encryption on it
    head: bytes | None = None  # the first 16 bytes, read before the first connection


_entries: dict[str, _Entry] = {}
_mutex = threading.RLock()
_umask_lock = threading.Lock()


def _key(db: Path) -> str:
    return os.path.abspath(db)


def _read_head(db: Path) -> bytes:
    try:
        with open(db, "rb") as fh:
            return fh.read(16)
    except OSError:
        return b""


def in_use(db: Path) -> bool:
    """Whether this process has the store open (or is replacing it)."""
    with _mutex:
        entry = _entries.get(_key(db))
        return entry is not None and (entry.users > 0 or entry.exclusive)


def header(db: Path) -> bytes:
    """The first 16 bytes of ``db`` (empty when missing or shorter).

    While this process has the store open the copy read before its first
    connection is returned: opening the file here would drop SQLite's locks."""
    with _mutex:
        entry = _entries.get(_key(db))
        if entry is not None and (entry.users > 0 or entry.exclusive):
            if entry.head is None:  # pragma: no cover - read at registration
                return SQLITE_HEADER
            return entry.head
        return _read_head(db)


def is_plain_sqlite(db: Path) -> bool:
    head = header(db)
    return len(head) == 16 and head == SQLITE_HEADER


def looks_encrypted(db: Path) -> bool:
    """True when ``db`` exists and is not a plain SQLite file (no SQLite header)."""
    head = header(db)
    return len(head) == 16 and head != SQLITE_HEADER


def _register(db: Path, head: bytes | None = None) -> bytes | None:
    """Count one more open store of this process; returns the header it uses."""
    with _mutex:
        entry = _entries.setdefault(_key(db), _Entry())
        if entry.users == 0 and not entry.exclusive:
            entry.head = head if head is not None else _read_head(db)
        entry.users += 1
        return entry.head


def _unregister(db: Path) -> None:
    with _mutex:
        entry = _entries.get(_key(db))
        if entry is None:
            return
        entry.users = max(0, entry.users - 1)
        if entry.users == 0 and not entry.exclusive:
            del _entries[_key(db)]


def forget_header(db: Path) -> None:
    """The file was replaced by this process: read the header afresh next time."""
    with _mutex:
        entry = _entries.get(_key(db))
        if entry is not None:
            entry.head = _read_head(db)


# ---------------------------------------------------------------- flock primitives


def _open_lock_file(db: Path, *, create: bool = True) -> int | None:
    path = lock_path(db)
    try:
        return os.open(path, os.O_RDWR | (os.O_CREAT if create else 0), 0o600)
    except FileNotFoundError:
        return None
    except PermissionError:
        # a read-only folder: a lock file that exists is still good for a shared lock
        with contextlib.suppress(OSError):
            return os.open(path, os.O_RDONLY)
        return None
    except OSError:
        return None


def _flock(fd: int, *, exclusive: bool) -> bool:
    if not _POSIX:  # pragma: no cover - Windows: no shared locks, the instance lock rules
        return True
    import fcntl

    try:
        fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:  # a file system without locks: behave as before
        return True
    return True


def _funlock(fd: int) -> None:
    if not _POSIX:  # pragma: no cover
        return
    import fcntl

    with contextlib.suppress(OSError):
        fcntl.flock(fd, fcntl.LOCK_UN)


def _operation_in(db: Path) -> str:
    """What an exclusive holder wrote into the lock file ("restore", "encrypt", ...)."""
    try:
        lines = lock_path(db).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    return lines[1].strip() if len(lines) > 1 else ""


def busy_error(db: Path) -> StoreError:
    operation = _operation_in(db)
    if operation == "restore":
        return StoreError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The store is being restored from a backup by another program; try again in a moment.",
            )
        )
    if operation in ("encrypt", "decrypt"):
        return StoreError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The store is being encrypted or decrypted by another program; try again in a moment.",
            )
        )
    return StoreError(
        QT_TRANSLATE_NOOP(
            "errors", "The store is busy (locked by another program). Try again in a moment."
        )
    )


# ---------------------------------------------------------------- who holds it


@dataclass(frozen=True)
class Holder:
    pid: int
    name: str

    def describe(self) -> str:
        return f"PID {self.pid}: {self.name}" if self.name else f"PID {self.pid}"


def _program_name(pid: int) -> str:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return ""
    parts = [p.decode("utf-8", "replace") for p in raw.split(b"\0") if p]
    if not parts:
        return ""
    joined = " ".join(parts)
    if "crm_desktop" in joined or "crm-desktop" in joined:
        # "python -m crm_desktop --data-dir X search x" -> "crm-desktop search"
        words = []
        skip = False
        seen = False
        for part in parts:
            if not seen:
                seen = "crm_desktop" in part or "crm-desktop" in part
                continue
            if skip:
                skip = False
            elif part in ("--data-dir", "--database-url", "--lang"):
                skip = True
            elif not part.startswith("-"):
                words.append(part)
                break
        return " ".join(["crm-desktop", *words]) if words else "CRM Desktop (window)"
    return os.path.basename(parts[0])


def _proc_lock_pids(paths: list[Path]) -> set[int]:
    """Processes holding any lock on one of ``paths`` (Linux ``/proc/locks``)."""
    wanted: set[tuple[int, int, int]] = set()
    for p in paths:
        try:
            st = p.stat()
        except OSError:
            continue
        wanted.add((os.major(st.st_dev), os.minor(st.st_dev), st.st_ino))
    if not wanted:
        return set()
    try:
        rows = Path("/proc/locks").read_text(encoding="ascii", errors="replace").splitlines()
    except OSError:
        return set()
    pids: set[int] = set()
    for row in rows:
        cols = row.split()
        if len(cols) < 6 or cols[1] == "->":
            continue
        try:
            pid = int(cols[4])
            major, minor, inode = cols[5].split(":")
            ident = (int(major, 16), int(minor, 16), int(inode))
        except ValueError:
            continue
        if ident in wanted and pid > 0:
            pids.add(pid)
    return pids


def other_holders(db: Path) -> list[Holder]:
    """Other processes that have the store open, as far as this system tells
    (the shared lock file, and SQLite's own locks on the file and its ``-shm``)."""
    if not sys.platform.startswith("linux"):  # pragma: no cover
        return []
    pids = _proc_lock_pids([lock_path(db), db, Path(str(db) + "-shm")])
    pids.discard(os.getpid())
    return [Holder(pid, _program_name(pid)) for pid in sorted(pids)]


def _open_elsewhere_error(holders: list[Holder]) -> StoreError:
    if holders:
        return StoreError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The store is open in another program ({who}). Close it there and try again; "
                "nothing was changed.",
            ),
            who=", ".join(h.describe() for h in holders),
        )
    return StoreError(
        QT_TRANSLATE_NOOP(
            "errors",
            "The store is open in another program. Close it there and try again; nothing was changed.",
        )
    )


# ---------------------------------------------------------------- shared lock


@dataclass
class SharedLock:
    """The shared lock of one open store; :meth:`ensure` takes it (again)."""

    db: Path
    _fd: int | None = field(default=None, repr=False)
    _registered: bool = field(default=False, repr=False)
    # the header read before the first connection: taking the lock again (a store used
    # after dispose) happens while a connection opens, when open() would drop its locks
    _head: bytes | None = field(default=None, repr=False)
    _guard: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def held(self) -> bool:
        return self._registered

    def ensure(self, wait_s: float | None = None) -> None:
        """Hold the shared lock; waits up to ``wait_s`` for an exclusive operation."""
        with self._guard:
            if self._registered:
                return
            fd = _open_lock_file(self.db)
            if fd is not None:
                deadline = time.monotonic() + (OPEN_WAIT_S if wait_s is None else wait_s)
                while not _flock(fd, exclusive=False):
                    if time.monotonic() >= deadline:
                        os.close(fd)
                        raise busy_error(self.db)
                    time.sleep(_POLL_S)
            self._fd = fd
            self._head = _register(self.db, self._head)
            self._registered = True

    def release(self) -> None:
        with self._guard:
            fd, self._fd = self._fd, None
            if fd is not None:
                _funlock(fd)
                os.close(fd)
            if self._registered:
                self._registered = False
                _unregister(self.db)

    def __del__(self) -> None:  # pragma: no cover - safety net only
        with contextlib.suppress(Exception):
            self.release()


@contextlib.contextmanager
def alone(db: Path) -> Iterator[bool]:
    """True inside the block when no other process has the store open; while it is
    true the lock file is held exclusively, so nobody can open the store meanwhile
    (keep the block short: others wait for it)."""
    if not _POSIX or in_use(db):
        yield False
        return
    fd = _open_lock_file(db)
    if fd is None:
        yield False
        return
    try:
        if not _flock(fd, exclusive=True):
            yield False
            return
        try:
            yield not other_holders(db)
        finally:
            _funlock(fd)
    finally:
        os.close(fd)


# ---------------------------------------------------------------- exclusive operations


@contextlib.contextmanager
def exclusive(db: Path, operation: str) -> Iterator[None]:
    """Hold the store for ``operation`` ("restore", "encrypt", "decrypt") alone.

    Raises :class:`StoreError` at once when another program (or a store still open
    in this one) has it open. While held, other processes cannot open the store."""
    with _mutex:
        entry = _entries.get(_key(db))
        nested = entry is not None and entry.exclusive
        if not nested and entry is not None and entry.users > 0:
            raise StoreError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The store is still open in this program; close it first. Nothing was changed.",
                )
            )
    if nested:  # e.g. a restore offered by a check that runs inside an operation
        yield
        return
    db.parent.mkdir(parents=True, exist_ok=True)
    fd = _open_lock_file(db)
    if fd is None:
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "The lock file {path} cannot be created: {detail}"),
            path=str(lock_path(db)),
            detail="read-only or no permission",
        )
    try:
        if not _flock(fd, exclusive=True):
            holders = other_holders(db)
            if not holders and in_use(db):  # a thread of this program opened it again
                raise StoreError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "The store is still open in this program; close it first. Nothing was changed.",
                    )
                )
            raise _open_elsewhere_error(holders)
        try:
            holders = other_holders(db)  # SQLite locks of a program without our lock
            if holders:
                raise _open_elsewhere_error(holders)
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
                os.lseek(fd, 0, os.SEEK_SET)
                os.write(fd, f"{os.getpid()}\n{operation}\n".encode())
            with _mutex:
                entry = _entries.setdefault(_key(db), _Entry())
                entry.exclusive = True
                entry.head = _read_head(db)
            try:
                yield
            finally:
                with _mutex:
                    entry = _entries.get(_key(db))
                    if entry is not None:
                        entry.exclusive = False
                        if entry.users == 0:
                            del _entries[_key(db)]
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, 0)
        finally:
            _funlock(fd)
    finally:
        os.close(fd)


def checkpoint(db: Path) -> bool:
    """Move everything in the ``-wal`` into the file and empty the WAL (call only
    while holding :func:`exclusive`). False when SQLite could not (damaged file)."""
    wal = Path(str(db) + "-wal")
    if not wal.exists():
        return True
    try:
        con = sqlite3.connect(str(db), timeout=5)
        try:
            busy, _log, _done = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            con.close()  # the last connection: SQLite removes the WAL itself
    except sqlite3.Error:
        return False
    return int(busy) == 0


# ---------------------------------------------------------------- permissions


@contextlib.contextmanager
def private_files() -> Iterator[None]:
    """Files created inside the block are readable by their owner only (umask 077)."""
    if not _POSIX:  # pragma: no cover
        yield
        return
    with _umask_lock:
        old = os.umask(0o077)
        try:
            yield
        finally:
            os.umask(old)


def create_private(path: Path) -> None:
    """Create the empty file ``path`` readable by its owner only (SQLite then keeps
    these permissions for it and gives them to its journal)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))


def _chmod(path: Path, mode: int) -> None:
    with contextlib.suppress(OSError):
        st = path.lstat()
        if st.st_uid == os.getuid() and (st.st_mode & 0o777) != mode and not path.is_symlink():
            path.chmod(mode)


def tighten_permissions(data_dir: Path, db: Path | None = None) -> None:
    """The data folder and its folders 0700; database, WAL, SHM, lock, backups and
    the calendar file 0600 (only what this user owns; nothing on Windows)."""
    if not _POSIX:  # pragma: no cover
        return
    db = db or data_dir / "crm.sqlite3"
    _chmod(data_dir, 0o700)
    extra = (data_dir / "crm.lock", data_dir / "settings.ini")  # instance lock, settings
    for path in (db, *sidecars(db), lock_path(db), *extra):
        _chmod(path, 0o600)
    for folder_name in ("backups", "calendar", "logs"):
        folder = data_dir / folder_name
        if not folder.is_dir():
            continue
        _chmod(folder, 0o700)
        with contextlib.suppress(OSError):
            for child in folder.iterdir():
                if child.is_file():
                    _chmod(child, 0o600)


# ---------------------------------------------------------------- damaged files


def empty_file_error(db: Path) -> StoreError:
    return StoreError(
        QT_TRANSLATE_NOOP(
            "errors",
            "The data file {path} is empty (0 bytes): it is damaged. Restore the newest "
            "good backup (crm-desktop backup --list, then crm-desktop restore FILE --yes).",
        ),
        path=str(db),
        reason="damaged",
    )


def is_empty_file(db: Path) -> bool:
    try:
        return db.is_file() and db.stat().st_size == 0
    except OSError:
        return False


# ---------------------------------------------------------------- foreign WAL

_WAL_MAGIC = (0x377F0682, 0x377F0683)
REPLAY_CHECK_MAX_BYTES = 512 * 2**20


def _wal_checksum(data: bytes, big_endian: bool, s0: int = 0, s1: int = 0) -> tuple[int, int]:
    fmt = (">" if big_endian else "<") + f"{len(data) // 4}I"
    words = struct.unpack(fmt, data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


@dataclass(frozen=True)
class WalSummary:
    page_size: int
    frames: int  # valid frames (SQLite would read them)
    commit_sizes: tuple[int, ...]  # database size in pages after each valid commit


def read_wal(wal: Path, *, first_commit_only: bool = False) -> WalSummary | None:
    """What SQLite would replay from ``wal``: None when the header is not valid
    (SQLite ignores such a WAL anyway). ``first_commit_only`` stops at the first
    valid commit (enough to know that SQLite would replay something)."""
    try:
        with open(wal, "rb") as fh:
            head = fh.read(32)
            if len(head) < 32:
                return None
            magic, _version, page_size, _seq, salt1, salt2, c1, c2 = struct.unpack(">8I", head)
            if magic not in _WAL_MAGIC:
                return None
            big = magic & 1 == 1
            s0, s1 = _wal_checksum(head[:24], big)
            if (s0, s1) != (c1, c2):
                return None
            frames = 0
            commits: list[int] = []
            valid_upto = 0
            while True:
                frame_head = fh.read(24)
                if len(frame_head) < 24:
                    break
                page_no, db_size, f_salt1, f_salt2, f_c1, f_c2 = struct.unpack(">6I", frame_head)
                page = fh.read(page_size)
                if len(page) < page_size or (f_salt1, f_salt2) != (salt1, salt2):
                    break
                s0, s1 = _wal_checksum(frame_head[:8], big, s0, s1)
                s0, s1 = _wal_checksum(page, big, s0, s1)
                if (s0, s1) != (f_c1, f_c2) or page_no == 0:
                    break
                frames += 1
                if db_size:
                    commits.append(db_size)
                    valid_upto = frames
                    if first_commit_only:
                        break
    except OSError:
        return None
    return WalSummary(page_size=page_size, frames=valid_upto, commit_sizes=tuple(commits))


def _db_page_size(db: Path) -> int | None:
    try:
        with open(db, "rb") as fh:
            head = fh.read(100)
    except OSError:
        return None
    if len(head) < 100 or head[:16] != SQLITE_HEADER:
        return None
    size = struct.unpack(">H", head[16:18])[0]
    return 65536 if size == 1 else size


def _sound_with(db: Path, wal: Path | None) -> bool:
    """``PRAGMA quick_check`` on a private copy of ``db`` (and ``wal`` replayed)."""
    with tempfile.TemporaryDirectory(prefix="crm-walcheck-", dir=db.parent) as tmp:
        copy = Path(tmp) / "check.sqlite3"
        shutil.copyfile(db, copy)
        if wal is not None:
            shutil.copyfile(wal, Path(str(copy) + "-wal"))
        try:
            con = sqlite3.connect(str(copy))
            try:
                rows = con.execute("PRAGMA quick_check").fetchall()
            finally:
                con.close()
        except sqlite3.Error:
            return False
        return [r[0] for r in rows] == ["ok"]


def set_aside_foreign_wal(db: Path, now: dt.datetime | None = None) -> Path | None:
    """Move a ``-wal`` that does not belong to ``db`` aside; returns where it went.

    Only call this when :func:`alone` is true and before this process connects:
    a live WAL is never touched. The heuristic, cheapest test first:

    - a WAL whose header or first frame is not valid is ignored by SQLite itself:
      left alone;
    - a WAL whose page size differs from the database's cannot belong to it;
    - a WAL that is *older* than the database file (the file was copied back, or
      replaced, after the WAL was last written) is suspicious, but a WAL that was
      merely checkpointed is older too, and after a crash in the middle of a
      checkpoint the file even *needs* its WAL. So a suspicious WAL is judged by
      what it does: a private copy of the file alone and one with the WAL replayed
      are checked (``quick_check``). Only when the file alone is sound and the
      replayed one is not is the WAL foreign. (A WAL that replays soundly is kept
      even if it came from elsewhere: it cannot be told from the file's own.) Files
      larger than :data:`REPLAY_CHECK_MAX_BYTES` are not copied for this: such a
      WAL is left to SQLite, and a warning is logged.

    A foreign WAL is renamed to ``<db>-wal.foreign-<UTC timestamp>`` (kept, never
    deleted) and the ``-shm`` index of it is removed, so SQLite starts afresh.
    """
    wal = Path(str(db) + "-wal")
    try:
        wal_stat = wal.stat()
        db_stat = db.stat()
    except OSError:
        return None
    if wal_stat.st_size == 0 or db_stat.st_size == 0:
        return None
    summary = read_wal(wal, first_commit_only=True)
    if summary is None or summary.frames == 0:
        return None
    page_size = _db_page_size(db)
    if page_size is None:
        return None  # not a plain SQLite file (encrypted): SQLite decides
    foreign = summary.page_size != page_size
    if not foreign and db_stat.st_mtime_ns > wal_stat.st_mtime_ns:
        if db_stat.st_size > REPLAY_CHECK_MAX_BYTES:
            log.warning("a WAL older than the data file was left for SQLite (file too large)")
            return None
        try:
            foreign = _sound_with(db, None) and not _sound_with(db, wal)
        except OSError:
            foreign = False
    if not foreign:
        return None
    moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    target = wal.with_name(f"{wal.name}.foreign-{moment.strftime('%Y%m%dT%H%M%SZ')}")
    n = 2
    while target.exists():
        target = target.with_name(f"{wal.name}.foreign-{moment.strftime('%Y%m%dT%H%M%SZ')}-{n}")
        n += 1
    os.replace(wal, target)
    Path(str(db) + "-shm").unlink(missing_ok=True)
    log.warning("a foreign WAL beside the data file was set aside as %s", target.name)
    return target


# ---------------------------------------------------------------- read-only folders


def writable(data_dir: Path, db: Path) -> bool:
    """Whether this process can write the data folder and the file in it."""
    if not os.access(data_dir, os.W_OK | os.X_OK):
        return False
    return not db.exists() or os.access(db, os.W_OK)
