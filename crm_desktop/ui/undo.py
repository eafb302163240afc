"""Undo for deletions: a delete moves a record to the trash, Ctrl+Z restores it.

Every delete goes through :class:`UndoManager`, which performs it in one unit of
work, writes an ``UndoEntry`` row (so an undo survives a restart) and pushes a
command onto a :class:`QUndoStack` (which gives the Edit menu its Undo/Redo actions
with the right labels). Undo restores from the trash; redo deletes again.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlalchemy import select

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.data.models import UndoEntry
from crm_desktop.data.store import Store
from crm_desktop.errors import CrmError

log = logging.getLogger("crm_desktop.ui.undo")

KINDS = ("person", "company", "activity")
KEEP_HOURS = 24  # deletions older than this are not offered for undo after a restart


def _delete(store: Store, clock: Clock, kind: str, ref_id: int) -> dt.datetime:
    from crm_desktop.services import contacts

    stamp = clock.now()
    with store.session() as s:
        if kind == "person":
            contacts.delete_person(s, ref_id, clock=clock)
        elif kind == "company":
            contacts.delete_company(s, ref_id, clock=clock)
        elif kind == "activity":
            from crm_desktop.services.activities import delete_activity

            delete_activity(s, ref_id, clock)
        else:  # pragma: no cover - programming error
            raise ValueError(kind)
    return stamp


def _restore(store: Store, kind: str, ref_id: int, stamp: dt.datetime | None) -> None:
    from crm_desktop.services import contacts

    with store.session() as s:
        if kind == "person":
            contacts.restore_person(s, ref_id)
        elif kind == "company":
            contacts.restore_company(s, ref_id, stamp)
        elif kind == "activity":
            from crm_desktop.services.activities import restore_activity

            restore_activity(s, ref_id)


class DeleteCommand(QUndoCommand):
    def __init__(
        self,
        manager: UndoManager,
        kind: str,
        ref_id: int,
        label: str,
        stamp: dt.datetime,
        entry_id: int | None,
    ) -> None:
        super().__init__(label)
        self.manager = manager
        self.kind = kind
        self.ref_id = ref_id
        self.stamp = stamp
        self.entry_id = entry_id
        self._first = True  # the delete already happened before the push

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        try:
            self.stamp = _delete(self.manager.store, self.manager.clock, self.kind, self.ref_id)
            self.manager._mark(self.entry_id, undone=False, stamp=self.stamp)
        except CrmError as exc:
            self.setObsolete(True)
            self.manager.failed.emit(exc)
            return
        self.manager.changed.emit(self.kind, self.ref_id)

    def undo(self) -> None:
        try:
            _restore(self.manager.store, self.kind, self.ref_id, self.stamp)
            self.manager._mark(self.entry_id, undone=True)
        except CrmError as exc:
            self.setObsolete(True)
            self.manager.failed.emit(exc)
            return
        log.info("undo: restored %s %s", self.kind, self.ref_id)
        self.manager.changed.emit(self.kind, self.ref_id)


class UndoManager(QObject):
    """Deletes records undoably; emits ``changed(kind, id)`` after each undo/redo."""

    changed = Signal(str, int)
    failed = Signal(object)  # a CrmError while undoing or redoing

    def __init__(self, store: Store, clock: Clock | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.clock = clock or SystemClock()
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(50)

    def delete(self, kind: str, ref_id: int, label: str) -> None:
        """Move a record to the trash (raises CrmError when that is not possible)."""
        if kind not in KINDS:
            raise ValueError(f"cannot delete {kind}")
        stamp = _delete(self.store, self.clock, kind, ref_id)
        entry_id = self._record(kind, ref_id, label, stamp)
        log.info("deleted %s %s", kind, ref_id)
        self.stack.push(DeleteCommand(self, kind, ref_id, label, stamp, entry_id))
        self.changed.emit(kind, ref_id)

    def undo(self) -> bool:
        if not self.stack.canUndo():
            return False
        self.stack.undo()
        return True

    def redo(self) -> bool:
        if not self.stack.canRedo():
            return False
        self.stack.redo()
        return True

    # ------------------------------------------------------------ persistence

    def _record(self, kind: str, ref_id: int, label: str, stamp: dt.datetime) -> int | None:
        if self.store.read_only:
            return None
        payload: dict[str, Any] = {"kind": kind, "id": ref_id, "deleted_at": stamp.isoformat()}
        with self.store.session() as s:
            entry = UndoEntry(at=stamp, label=label[:200], action="delete", payload=payload)
            s.add(entry)
            s.flush()
            return int(entry.id)

    def _mark(
        self, entry_id: int | None, *, undone: bool, stamp: dt.datetime | None = None
    ) -> None:
        if entry_id is None:
            return
        with self.store.session() as s:
            entry = s.get(UndoEntry, entry_id)
            if entry is None:
                return
            entry.undone_at = self.clock.now() if undone else None
            if stamp is not None:
                entry.payload = {**entry.payload, "deleted_at": stamp.isoformat()}

    def load_persisted(self, limit: int = 20) -> int:
        """Offer the recent deletions of an earlier session for undo again."""
        since = self.clock.now() - dt.timedelta(hours=KEEP_HOURS)
        with self.store.reader() as s:
            entries = list(
                s.execute(
                    select(UndoEntry)
                    .where(
                        UndoEntry.action == "delete",
                        UndoEntry.undone_at.is_(None),
                        UndoEntry.at >= since,
                    )
                    .order_by(UndoEntry.at.desc(), UndoEntry.id.desc())
                    .limit(limit)
                ).scalars()
            )
        for entry in reversed(entries):
            payload = entry.payload or {}
            kind, ref_id = payload.get("kind"), payload.get("id")
            if kind not in KINDS or not isinstance(ref_id, int):
                continue
            stamp = dt.datetime.fromisoformat(
                str(payload.get("deleted_at") or entry.at.isoformat())
            )
            self.stack.push(DeleteCommand(self, kind, ref_id, entry.label, stamp, entry.id))
        return len(entries)
