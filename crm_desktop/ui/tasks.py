"""Background work: the application's one runner.

:func:`runner` returns the runner of the running QApplication (made on first use, one
per application). It runs a function off the GUI thread and hands its result, its
error, its progress or its cancellation back on the GUI thread::

    tasks.runner().submit(lambda p: backup.create(paths, progress=p),
                          receiver=self, on_done=self.made, on_error=self.failed)

* ``receiver``: the widget the answer is for (by default the object of a bound
  ``on_done``). When it was deleted meanwhile — a page closed while it loaded — the
  answer is dropped: nothing is called on a dead widget.
* ``lane``: tasks of one lane run one after another (the store's writers, the steps of
  the start); tasks without a lane run side by side on the runner's worker threads.
* ``on_error``: how the caller shows a failure (a page's error state). Without it a
  failure goes the program's one error path, :func:`crm_desktop.ui.errors.show_error`
  (a CrmError in the user's language; a bug into the log and the crash dialog).
  A cancelled task goes to ``on_cancel`` (else to ``on_error``, else nowhere).

Database work of a widget goes through :class:`TaskRunner`, a store-bound client of
the runner (``runner().for_store(store, self)``): the function gets its own session —
a unit of work that commits (``write=True``) or a read-only one — and a
:class:`Progress`; one client's tasks run one after another::

    self.tasks.run(lambda s, p: importer.import_file(s, path, progress=p),
                   on_done=self.imported, on_error=self.show_error)
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # the start imports the data layer in a worker, not with the runner
    from sqlalchemy.orm import Session

    from crm_desktop.data.store import Store

log = logging.getLogger("crm_desktop.ui.tasks")

T = TypeVar("T")

MAX_THREADS = 6  # the lanes and a few loads side by side; Python holds the GIL anyway
IDLE_S = 20.0  # an idle worker thread ends after this long


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


def _alive(obj: object) -> bool:
    """Whether ``obj`` (a QObject) still exists on the C++ side."""
    return not isinstance(obj, QObject) or shiboken6.isValid(obj)


class Task(Generic[T]):
    """A handle on one piece of background work."""

    def __init__(
        self,
        runner: Runner,
        fn: Callable[[Progress], T],
        *,
        receiver: QObject | None,
        lane: str | None,
        name: str,
        on_done: Callable[[T], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_progress: Callable[[int, int, str], None] | None,
        on_cancel: Callable[[], None] | None,
        on_finish: Callable[[Task[T]], None] | None = None,
    ) -> None:
        self.runner = runner
        self.fn = fn
        self.receiver = receiver
        self.lane = lane
        self.name = name
        self.on_done = on_done
        self.on_error = on_error
        self.on_progress = on_progress
        self.on_cancel = on_cancel
        self._on_finish = on_finish
        self.progress = Progress(self._post_progress)
        self.finished = False  # the answer was handed over on the GUI thread
        self._worked = threading.Event()  # the function has returned (or raised)

    # -- the handle
    def cancel(self) -> None:
        """Ask the task to stop: its function checks :class:`Progress` (and raises
        :class:`Cancelled`, or returns what it has)."""
        self.progress._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self.progress.cancelled

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the function has returned (the answer still needs the event loop,
        or :meth:`Runner.wait`)."""
        return self._worked.wait(msecs / 1000)

    # -- on the worker thread
    def _work(self) -> None:
        try:
            result = self.fn(self.progress)
        except BaseException as exc:  # handed to the GUI thread, never swallowed
            if not isinstance(exc, Cancelled):
                log.info("task %s failed: %s", self.name, type(exc).__name__)
            self._worked.set()
            self.runner._post(functools.partial(self._failed, exc))
            return
        self._worked.set()
        self.runner._post(functools.partial(self._done, result))

    def _post_progress(self, done: int, total: int, text: str) -> None:
        self.runner._post(functools.partial(self._progressed, done, total, text))

    # -- on the GUI thread
    def _listening(self) -> bool:
        if _alive(self.receiver):
            return True
        log.debug("task %s: its receiver is gone, the answer is dropped", self.name)
        return False

    def _finish(self) -> bool:
        self.finished = True
        self.runner._forget(self)
        if self._on_finish is not None:
            self._on_finish(self)
        return self._listening()

    def _done(self, result: T) -> None:
        if self._finish() and self.on_done is not None:
            self.on_done(result)

    def _failed(self, exc: BaseException) -> None:
        if not self._finish():
            if not isinstance(exc, Cancelled):  # nobody to show it to: at least the log
                log.info("task %s failed after its receiver was gone", self.name, exc_info=exc)
            return
        if isinstance(exc, Cancelled) and self.on_cancel is not None:
            self.on_cancel()
        elif self.on_error is not None:
            self.on_error(exc)
        elif not isinstance(exc, Cancelled):
            from crm_desktop.ui.errors import show_error

            parent = self.receiver if isinstance(self.receiver, QWidget) else None
            show_error(parent, exc)

    def _progressed(self, done: int, total: int, text: str) -> None:
        if not self.finished and self.on_progress is not None and self._listening():
            self.on_progress(done, total, text)


class _Workers:
    """Daemon worker threads, made when needed (up to ``limit``), ending when idle: a
    job still running when the program quits does not keep it from quitting."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._lock = threading.Lock()
        self._work = threading.Condition(self._lock)
        self._idle_cond = threading.Condition(self._lock)
        self._queue: deque[Callable[[], None]] = deque()
        self._threads = 0
        self._waiting = 0
        self._pending = 0
        self._names = itertools.count(1)

    def start(self, job: Callable[[], None]) -> None:
        with self._lock:
            self._queue.append(job)
            self._pending += 1
            if len(self._queue) > self._waiting and self._threads < self._limit:
                self._threads += 1
                name = f"crm-worker-{next(self._names)}"
                threading.Thread(target=self._loop, name=name, daemon=True).start()
            else:
                self._work.notify()

    def _loop(self) -> None:
        while True:
            with self._lock:
                while not self._queue:
                    self._waiting += 1
                    woken = self._work.wait(IDLE_S)
                    self._waiting -= 1
                    if not woken and not self._queue:
                        self._threads -= 1
                        return
                job = self._queue.popleft()
            try:
                job()
            except BaseException:  # pragma: no cover - Task._work hands everything on
                log.exception("a background job failed")
            finally:
                with self._lock:
                    self._pending -= 1
                    if self._pending == 0:
                        self._idle_cond.notify_all()

    @property
    def idle(self) -> bool:
        with self._lock:
            return self._pending == 0

    def wait(self, msecs: int) -> bool:
        deadline = time.monotonic() + msecs / 1000
        with self._lock:
            while self._pending:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._idle_cond.wait(left)
        return True


class Runner(QObject):
    """The application's runner (made by :func:`runner`, once per QApplication)."""

    busyChanged = Signal(bool)
    _posted = Signal(object)  # a closure to run on the GUI thread

    def __init__(self, parent: QObject | None = None, *, threads: int = MAX_THREADS) -> None:
        super().__init__(parent)
        self._workers = _Workers(threads)
        self._lock = threading.Lock()
        self._lanes: dict[str, deque[Task[Any]]] = {}
        self._running: list[Task[Any]] = []
        self._posted.connect(self._deliver)

    def submit(
        self,
        fn: Callable[[Progress], T],
        *,
        receiver: QObject | None = None,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        lane: str | None = None,
        name: str = "",
        on_finish: Callable[[Task[T]], None] | None = None,
    ) -> Task[T]:
        """Run ``fn(progress)`` off the GUI thread; see the module's description.
        ``on_finish(task)`` is called on the GUI thread when the task has ended, also
        when its receiver is gone (for the caller's bookkeeping)."""
        if QThread.currentThread() is not self.thread():
            raise RuntimeError("tasks are submitted on the GUI thread")
        if receiver is None:
            owner = getattr(on_done, "__self__", None)
            receiver = owner if isinstance(owner, QObject) else None
        task: Task[T] = Task(
            self,
            fn,
            receiver=receiver,
            lane=lane,
            name=name or getattr(fn, "__name__", "task"),
            on_done=on_done,
            on_error=on_error,
            on_progress=on_progress,
            on_cancel=on_cancel,
            on_finish=on_finish,
        )
        self._running.append(task)
        if len(self._running) == 1:
            self.busyChanged.emit(True)
        if lane is None:
            self._workers.start(task._work)
            return task
        with self._lock:
            queue = self._lanes.get(lane)
            first = queue is None
            if queue is None:
                queue = self._lanes[lane] = deque()
            queue.append(task)
        if first:
            self._workers.start(lambda: self._drain(lane))
        return task

    def for_store(self, store: Store, parent: QObject | None = None) -> TaskRunner:
        """A client for the database work of ``parent`` (its tasks one after another)."""
        return TaskRunner(store, parent, runner=self)

    def _drain(self, lane: str) -> None:
        """On a worker: the tasks of ``lane``, in order, until it is empty."""
        while True:
            with self._lock:
                task = self._lanes[lane][0]
            task._work()
            with self._lock:
                queue = self._lanes[lane]
                queue.popleft()
                if not queue:
                    del self._lanes[lane]
                    return

    def _post(self, call: Callable[[], None]) -> None:
        with contextlib.suppress(RuntimeError):  # the application is gone
            self._posted.emit(call)

    @Slot(object)
    def _deliver(self, call: object) -> None:
        assert callable(call)
        call()

    def _forget(self, task: Task[Any]) -> None:
        if task in self._running:
            self._running.remove(task)
            if not self._running:
                self.busyChanged.emit(False)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30_000, *, deliver: bool = True) -> bool:
        """Block until every task's function has returned; then (on the GUI thread) hand
        over their answers, unless ``deliver`` is false. For tests and shutdown."""
        idle = self._workers.wait(msecs)
        if deliver and QThread.currentThread() is self.thread():
            QCoreApplication.sendPostedEvents(self)
        return idle

    def cancel_all(self) -> None:
        for task in list(self._running):
            task.cancel()


_current: dict[str, Runner] = {}


def runner() -> Runner:
    """The runner of the running QApplication (made on first use, on the GUI thread)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("background work needs a QApplication")
    found = _current.get("runner")
    if found is not None and shiboken6.isValid(found) and found.parent() is app:
        return found
    if QThread.currentThread() is not app.thread():
        raise RuntimeError("the runner is made on the GUI thread")
    made = Runner(app)
    _current["runner"] = made
    return made


class TaskRunner(QObject):
    """The database work of one widget, run by the application's runner: the function
    gets a session of ``store``; this client's tasks run one after another."""

    busyChanged = Signal(bool)

    def __init__(
        self, store: Store, parent: QObject | None = None, *, runner: Runner | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._runner = runner
        self._lane = f"store-client-{id(self)}"
        self._running: list[Task[Any]] = []

    @property
    def runner(self) -> Runner:
        return self._runner if self._runner is not None else runner()

    def run(
        self,
        fn: Callable[[Session, Progress], T],
        *,
        write: bool = True,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> Task[T]:
        store = self.store

        def work(progress: Progress) -> T:
            with store.session() if write else store.reader() as session:
                return fn(session, progress)

        return self._submit(work, fn, on_done, on_error, on_progress)

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
        store = self.store
        return self._submit(lambda p: fn(store, p), fn, on_done, on_error, on_progress)

    def _submit(
        self,
        work: Callable[[Progress], T],
        fn: Callable[..., Any],
        on_done: Callable[[T], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_progress: Callable[[int, int, str], None] | None,
    ) -> Task[T]:
        task = self.runner.submit(
            work,
            receiver=self,
            lane=self._lane,
            name=getattr(fn, "__name__", "task"),
            on_done=on_done,
            on_error=on_error,
            on_progress=on_progress,
            on_finish=self._forget,
        )
        self._running.append(task)
        if len(self._running) == 1:
            self.busyChanged.emit(True)
        return task

    def _forget(self, task: Task[Any]) -> None:
        if not shiboken6.isValid(self):
            return
        if task in self._running:
            self._running.remove(task)
            if not self._running:
                self.busyChanged.emit(False)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until this client's tasks have returned (shutdown, tests). Their
        answers still need the event loop to arrive."""
        deadline = time.monotonic() + msecs / 1000
        for task in list(self._running):
            if not task.wait(max(0, int((deadline - time.monotonic()) * 1000))):
                return False
        return True

    def cancel_all(self) -> None:
        for task in list(self._running):
            task.cancel()
