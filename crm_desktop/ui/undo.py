"""The Edit menu's Undo/Redo: a thin Qt shell over :mod:`crm_desktop.services.undo`.

Every undoable change (a delete from the window, a dialog's edit, a bulk change, a
merge) is one ``UndoEntry`` row; the :class:`QUndoStack` here is only a view of
those rows (rebuilt from the table with :meth:`UndoManager.sync`, at the start with
:meth:`UndoManager.load_persisted`), so it gives the Edit menu its labels, and undo
and redo go through the registry for every entry, newest first, across restarts.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.data.store import Store
from crm_desktop.errors import CrmError
from crm_desktop.services import undo as registry

log = logging.getLogger("crm_desktop.ui.undo")

KINDS = registry.DELETE_KINDS
KEEP_HOURS = 24  # changes older than this are not offered for undo after a restart
LIMIT = 50


def entry_text(item: registry.StackItem) -> str:
    from crm_desktop.ui.i18n import undo_text

    return undo_text(item.action, item.payload, item.label)


class EntryCommand(QUndoCommand):
    """One undo entry on the stack; undo/redo run the registry's handlers."""

    def __init__(self, manager: UndoManager, entry_id: int, text: str) -> None:
        super().__init__(text)
        self.manager = manager
        self.entry_id = entry_id

    def redo(self) -> None:
        if self.manager._quiet:
            return
        self.manager._apply(self, redo=True)

    def undo(self) -> None:
        if self.manager._quiet:
            return
        self.manager._apply(self, redo=False)


class UndoManager(QObject):
    """Deletes records undoably and undoes/redoes every entry; emits ``changed(kind,
    id)`` and ``applied(Changes)`` after each undo/redo."""

    changed = Signal(str, int)
    applied = Signal(object)  # the Changes record of an undo or redo
    failed = Signal(object)  # a CrmError while undoing or redoing

    def __init__(self, store: Store, clock: Clock | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.clock = clock or SystemClock()
        self.stack = QUndoStack(self)
        self._quiet = False
        self._undone_here: set[int] = set()  # redo offers only this session's undos
        self._done: list[registry.UndoResult] = []

    # ------------------------------------------------------------ doing

    def delete(self, kind: str, ref_id: int, label: str) -> None:
        """Move a record to the trash (raises CrmError when that is not possible)."""
        if kind not in KINDS:
            raise ValueError(f"cannot delete {kind}")
        with self.store.session() as s:
            _entry_id, changes = registry.delete_record(s, kind, ref_id, label, self.clock)
        log.info("deleted %s %s", kind, ref_id)
        self.sync()
        self.changed.emit(kind, ref_id)
        self.applied.emit(changes)

    def undo(self) -> bool:
        if not self.stack.canUndo():
            return False
        return self._run(self.stack.undo)

    def redo(self) -> bool:
        if not self.stack.canRedo():
            return False
        return self._run(self.stack.redo)

    def _run(self, step: Callable[[], None]) -> bool:
        self._done = []
        step()
        done, self._done = self._done, []
        if not done:  # it failed: the stack shows the table again
            self.sync()
        for result in done:
            self.changed.emit(result.kind, result.ref_id)
            self.applied.emit(result.changes)
        return bool(done)

    def _apply(self, command: EntryCommand, *, redo: bool) -> None:
        try:
            with self.store.session() as s:
                if redo:
                    result = registry.redo(s, command.entry_id, self.clock)
                else:
                    result = registry.undo(s, command.entry_id, self.clock)
        except CrmError as exc:
            command.setObsolete(True)
            self.failed.emit(exc)
            return
        if redo:
            self._undone_here.discard(command.entry_id)
        else:
            self._undone_here.add(command.entry_id)
        self._done.append(result)

    # ------------------------------------------------------------ the stack from the table

    def sync(self) -> int:
        """Rebuild the stack from the undo entries: what can be undone (newest on
        top) and what was undone in this session and can be redone. Returns how many
        entries can be undone."""
        since = self.clock.now() - dt.timedelta(hours=KEEP_HOURS)
        dropped: list[int] = []
        try:
            with self.store.reader() as s:
                undoable = registry.stack(s, LIMIT, since=since, drop=dropped)
                redoable = [
                    item for item in registry.redo_stack(s, LIMIT) if item.id in self._undone_here
                ]
        except CrmError as exc:  # a busy store: the stack stays as it is
            log.warning("undo: stack not read: %s", exc)
            return self.stack.index()
        self._drop(dropped)
        self._quiet = True
        try:
            self.stack.clear()
            for item in reversed(undoable):
                self.stack.push(EntryCommand(self, item.id, entry_text(item)))
            for item in redoable:  # the next one to redo first
                self.stack.push(EntryCommand(self, item.id, entry_text(item)))
            # the redo part lies above the index (quiet: nothing is applied)
            self.stack.setIndex(len(undoable))
        finally:
            self._quiet = False
        return len(undoable)

    def load_persisted(self, limit: int = 20) -> int:
        """Offer the recent changes of an earlier session for undo again. An entry
        that can no longer be applied (its record is gone or no longer in the trash,
        its payload unreadable) is dropped with a log line; it never stops the start."""
        self._undone_here.clear()
        return self.sync()

    def _drop(self, entry_ids: list[int]) -> None:
        if not entry_ids or self.store.read_only:
            return
        for entry_id in entry_ids:
            log.warning("undo: entry %s dropped", entry_id)
        try:
            with self.store.session() as s:
                registry.drop(s, entry_ids)
        except CrmError as exc:  # a busy store: they are skipped again next time
            log.warning("undo: stale entries not removed: %s", exc)

    # ------------------------------------------------------------ what the menu says

    def undo_text(self) -> str:
        return self.stack.undoText()

    def redo_text(self) -> str:
        return self.stack.redoText()


__all__ = ["KINDS", "EntryCommand", "UndoManager", "entry_text"]
