"""One running instance per data folder.

``acquire(paths)`` takes an OS file lock on ``AppPaths.lock_path``
(``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows) and writes the pid into
the file. The OS drops the lock when the process ends, however it ends, so a lock
file left behind by a crash (a dead pid, a released lock) is simply taken over.
While another live process holds the lock, :class:`AlreadyRunning` is raised; the
GUI then hands over to the first window through a ``QLocalServer`` whose name is
:func:`server_name` (same data folder and user → same name).
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import hashlib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from crm_desktop.config import AppPaths
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import CrmError, StoreError

# Windows: lock one byte far behind the pid so that the pid stays readable for others.
_WIN_LOCK_OFFSET = 4096


class AlreadyRunning(CrmError):
    """Another live process has this data folder open."""

    def __init__(self, pid: int | None, data_dir: Path) -> None:
        self.pid = pid
        self.data_dir = data_dir
        if pid:
            super().__init__(
                "CRM Desktop is already running with this data folder (process {pid}): {path}",
                pid=pid,
                path=str(data_dir),
            )
        else:
            super().__init__(
                "CRM Desktop is already running with this data folder: {path}",
                path=str(data_dir),
            )


def pid_alive(pid: int) -> bool:
    """Whether a process with this id exists (best effort on Windows)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - not run on the Linux CI
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_pid(lock_path: Path) -> int | None:
    """The pid written in a lock file (None when missing or unreadable)."""
    try:
        text = lock_path.read_text(encoding="ascii", errors="replace").split("\n", 1)[0].strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


@dataclass
class InstanceLock:
    """A held instance lock; release it (or leave the ``with`` block) on quit."""

    path: Path
    pid: int
    _fd: int | None = field(default=None, repr=False)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)  # fails harmlessly on a read-only lock file
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()

    def __del__(self) -> None:  # pragma: no cover - safety net only
        with contextlib.suppress(Exception):
            self.release()


def acquire(paths: AppPaths) -> InstanceLock:
    """Take the instance lock of ``paths.data_dir`` or raise :class:`AlreadyRunning`."""
    lock_path = paths.lock_path
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EROFS, errno.EPERM) and paths.data_dir.is_dir():
            # a read-only data folder: nobody can write here, the store opens read-only
            # (data.store); hold the lock file when it exists, else go on without
            try:
                fd = os.open(lock_path, os.O_RDONLY)
            except OSError:
                return InstanceLock(path=lock_path, pid=os.getpid())
            if not _try_lock(fd):
                os.close(fd)
                pid = read_pid(lock_path)
                raise AlreadyRunning(
                    pid if pid and pid_alive(pid) else None, paths.data_dir
                ) from None
            return InstanceLock(path=lock_path, pid=os.getpid(), _fd=fd)
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "The lock file {path} cannot be created: {detail}"),
            path=str(lock_path),
            detail=exc.strerror or str(exc),
        ) from exc
    if not _try_lock(fd):
        os.close(fd)
        pid = read_pid(lock_path)
        # flock is released by the OS when its holder dies, so a held lock means a live
        # holder even when the pid written in it is gone (a child inherited the handle).
        raise AlreadyRunning(pid if pid and pid_alive(pid) else None, paths.data_dir)
    pid = os.getpid()
    try:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{pid}\n".encode("ascii"))
        os.fsync(fd)
    except OSError:  # pragma: no cover - the lock itself is what counts
        pass
    return InstanceLock(path=lock_path, pid=pid, _fd=fd)


def is_running(paths: AppPaths) -> int | None:
    """The pid of a live process holding the lock, or None (does not keep the lock)."""
    try:
        lock = acquire(paths)
    except AlreadyRunning as exc:
        return exc.pid or -1
    lock.release()
    return None


def server_name(paths: AppPaths) -> str:
    """A ``QLocalServer`` name unique per user and data folder (short enough for
    every platform's socket path limits)."""
    try:
        user = getpass.getuser()
    except Exception:  # pragma: no cover
        user = "user"
    digest = hashlib.sha256(f"{user}\0{paths.data_dir.resolve()}".encode()).hexdigest()[:16]
    return f"crm-desktop-{digest}"
