"""Background work: run a function off the GUI thread, results back on the GUI thread.

One worker thread serialises all database work (SQLite allows one writer anyway).
The function gets its own session — a unit of work that commits (``write=True``)
or a read-only one — and a :class:`Progress` to report on and to check for cancel::

    runner.run(lambda s, p: importer.import_file(s, path, progress=p),
               on_done=self.imported, on_error=self.show_error)

``on_done``/``on_error``/``on_progress`` are called on the GUI thread. Errors that
are :class:`~crm_desktop.errors.CrmError` go to ``on_error``; bugs go to
``on_error`` too when given, else to ``sys.excepthook`` (the crash dialog).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from sqlalchemy.orm import Session

from crm_desktop.data.store import Store

log = logging.getLogger("crm_desktop.ui.tasks")

T = TypeVar("T")


class Cancelled(Exception):
    """Raised inside a task by :meth:`Progress.check` after the user cancelled."""


@dataclass
class Progress:
    """Handed to the task function: report progress and honour a cancel request."""

    _emit: Callable[[int, int, str], None]
    _cancel: threading.Event = field(default_factory=threading.Event)

    def __call__(self, done: int, total: int = 0, text: str = "") -> None:
        self._emit(done, total, text)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the calls over here."""

    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)

    def __init__(self, task: Task[Any]) -> None:
        super().__init__()
        self._task = task
        self.done.connect(self._on_done)
        self.failed.connect(self._on_failed)
        self.progress.connect(self._on_progress)

    @Slot(object)
    def _on_done(self, result: object) -> None:
        self._task._finish()
        if self._task.on_done is not None:
            self._task.on_done(result)

    @Slot(object)
    def _on_failed(self, exc: object) -> None:
        self._task._finish()
        assert isinstance(exc, BaseException)
        if self._task.on_error is not None:
            self._task.on_error(exc)
        elif not isinstance(exc, Cancelled):
            sys.excepthook(type(exc), exc, exc.__traceback__)

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, text: str) -> None:
        if self._task.on_progress is not None:
            self._task.on_progress(done, total, text)


class Task(Generic[T]):
    """A handle on one piece of background work."""

    def __init__(
        self,
        runner: TaskRunner,
        fn: Callable[[Session, Progress], T] | None,
        *,
        write: bool,
        store_fn: Callable[[Store, Progress], T] | None = None,
        on_done: Callable[[T], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_progress: Callable[[int, int, str], None] | None,
    ) -> None:
        self.runner = runner
        self.fn = fn
        self.store_fn = store_fn
        self.write = write
        self.on_done = on_done
        self.on_error = on_error
        self.on_progress = on_progress
        self.relay = _Relay(self)
        self.progress = Progress(self.relay.progress.emit)
        self.finished = False

    def cancel(self) -> None:
        self.progress._cancel.set()

    def _finish(self) -> None:
        self.finished = True
        self.runner._forget(self)

    def _work(self) -> None:
        store = self.runner.store
        try:
            if self.store_fn is not None:
                result = self.store_fn(store, self.progress)
            elif self.fn is None:  # pragma: no cover - programming error
                raise ValueError("a task needs a function")
            elif self.write:
                with store.session() as session:
                    result = self.fn(session, self.progress)
            else:
                with store.reader() as session:
                    result = self.fn(session, self.progress)
        except BaseException as exc:  # handed to the GUI thread, never swallowed
            if not isinstance(exc, Cancelled):
                log.info("task failed: %s", type(exc).__name__)
            self.relay.failed.emit(exc)
            return
        self.relay.done.emit(result)


class _Runnable(QRunnable):
    def __init__(self, task: Task[Any]) -> None:
        super().__init__()
        self.task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        self.task._work()


class TaskRunner(QObject):
    """Runs tasks one after another on a single worker thread."""

    busyChanged = Signal(bool)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._running: list[Task[Any]] = []

    def run(
        self,
        fn: Callable[[Session, Progress], T],
        *,
        write: bool = True,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> Task[T]:
        task: Task[T] = Task(
            self, fn, write=write, on_done=on_done, on_error=on_error, on_progress=on_progress
        )
        return self._start(task)

    def run_with_store(
        self,
        fn: Callable[[Store, Progress], T],
        *,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> Task[T]:
        """Like :meth:`run` for services that manage their own transaction (bulk
        writers such as the demo generator): ``fn(store, progress)``."""
        task: Task[T] = Task(
            self,
            None,
            write=True,
            store_fn=fn,
            on_done=on_done,
            on_error=on_error,
            on_progress=on_progress,
        )
        return self._start(task)

    def _start(self, task: Task[T]) -> Task[T]:
        self._running.append(task)
        if len(self._running) == 1:
            self.busyChanged.emit(True)
        self._pool.start(_Runnable(task))
        return task

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def _forget(self, task: Task[Any]) -> None:
        if task in self._running:
            self._running.remove(task)
            if not self._running:
                self.busyChanged.emit(False)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the worker is idle (shutdown, tests). Queued results still need
        the event loop to arrive."""
        return bool(self._pool.waitForDone(msecs))

    def cancel_all(self) -> None:
        for task in list(self._running):
            task.cancel()
