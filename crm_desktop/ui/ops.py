"""The window's one channel for "something changed".

Every write the window runs (a dialog's save, the quick entry, the timeline's quick
bar, an undo, an import, demo data, a restore, F5) ends by publishing one
:class:`~crm_desktop.services.changes.Changes` record on the window's hub. Views do
not call each other's ``refresh``: each subscribes once and decides from the record
whether what it shows is affected (:class:`ChangeListener`).

The ui never opens a unit of work itself: a quick read on the GUI thread is
:func:`read`, a write is :func:`write` (one unit of work that commits, then its change
record goes out on the sender's ``changed`` signal), background work goes through the
runner (:mod:`crm_desktop.ui.tasks`). ``tests/ui/test_layers_ui.py`` bans
``store.session()``/``store.reader()`` everywhere else in ``ui/``::

    names = ops.read(self.store, lambda s: tag_names(s))
    ops.write(self.store, lambda s: svc.set_status(s, tid, status),
              sender=self, changes=Changes.of("ticket", tid))
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, runtime_checkable

from PySide6.QtCore import QObject, Signal

from crm_desktop.services.changes import Changes

if TYPE_CHECKING:
    from crm_desktop.data.store import Store
    from crm_desktop.services.unit import Session

T = TypeVar("T")

log = logging.getLogger(__name__)


@runtime_checkable
class ChangeListener(Protocol):
    """A view that brings itself up to date from a change record."""

    def apply_changes(self, changes: Changes) -> None: ...


@runtime_checkable
class Page(ChangeListener, Protocol):
    """A page of the window's centre area (Today, Agenda, Tickets, People, …).

    Every page is built as ``Page(store, clock=clock, parent=window)``, loads when it is
    shown (:meth:`refresh`) and follows the hub (:meth:`apply_changes`): a page that is
    not on screen only notes that it is stale, it loads when it is shown next."""

    def refresh(self) -> None: ...


class ChangeHub(QObject):
    """Publishes change records; ``changed`` carries a :class:`Changes`."""

    changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._listeners: list[ChangeListener] = []
        self.published: int = 0  # how many records went out (tests, diagnostics)

    def subscribe(self, listener: ChangeListener) -> None:
        if listener not in self._listeners:
            self._listeners.append(listener)

    def unsubscribe(self, listener: ChangeListener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def publish(self, changes: Changes) -> None:
        if changes.empty:
            return
        self.published += 1
        log.debug("changes: %s", changes.describe())
        for listener in list(self._listeners):
            listener.apply_changes(changes)
        self.changed.emit(changes)


def read(store: Store, fn: Callable[[Session], T]) -> T:
    """A quick read on the GUI thread, in a read-only unit of work of its own (never
    takes the write lock). Longer reads go through the runner
    (:meth:`crm_desktop.ui.tasks.TaskRunner.run` with ``write=False``)."""
    with store.reader() as session:
        return fn(session)


def write(
    store: Store,
    fn: Callable[[Session], T],
    *,
    sender: QObject | None = None,
    changes: Changes | Callable[[T], Changes] | None = None,
) -> T:
    """One write: ``fn`` runs in one unit of work that commits when it returns (and rolls
    back, raising, when it fails: nothing half-written stays). After the commit the
    change record — ``changes``, or ``changes(result)`` — goes out on ``sender.changed``
    (the window hands it to the hub). Errors are the caller's to show
    (:func:`crm_desktop.ui.errors.show_error`, or inline for a form)."""
    with store.session() as session:
        result = fn(session)
    if sender is not None and changes is not None:
        record = changes(result) if callable(changes) else changes
        signal: Any = getattr(sender, "changed", None)
        if signal is None:
            raise TypeError(f"{type(sender).__name__} has no changed signal")
        if not record.empty:
            signal.emit(record)
    return result


__all__ = ["ChangeHub", "ChangeListener", "Page", "read", "write"]
