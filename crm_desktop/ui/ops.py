"""The window's one channel for "something changed".

Every write the window runs (a dialog's save, the quick entry, the timeline's quick
bar, an undo, an import, demo data, a restore, F5) ends by publishing one
:class:`~crm_desktop.services.changes.Changes` record on the window's hub. Views do
not call each other's ``refresh``: each subscribes once and decides from the record
whether what it shows is affected (:class:`ChangeListener`).
"""

from __future__ import annotations

import logging
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QObject, Signal

from crm_desktop.services.changes import Changes

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


__all__ = ["ChangeHub", "ChangeListener", "Page"]
