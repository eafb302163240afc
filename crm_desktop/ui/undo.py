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
from sqlalchemy import delete, select

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.data.models import UndoEntry
from crm_desktop.data.store import Store
from crm_desktop.errors import CrmError

log = logging.getLogger("crm_desktop.ui.undo")

KINDS = ("person", "company", "activity")
KEEP_HOURS = 24  # deletions older than this are not offered for undo after a restart


def _model(kind: str) -> Any:
    from crm_desktop.data.models import Activity, Company, Person

    return {"person": Person, "company": Company, "activity": Activity}[kind]


def _delete(store: Store, clock: Clock, kind: str, ref_id: int) -> dt.datetime:
    """Delete, and return the ``deleted_at`` exactly as the store keeps it.

    The delete reads the clock once (a frozen copy of ``clock``), so the company
    and the people trashed with it share one moment; the value read back after the
    flush is what a later restore matches them by, whatever the backend rounds."""
    from crm_desktop.clock import FixedClock
    from crm_desktop.services import contacts

    once = FixedClock(clock.now())
    with store.session() as s:
        if kind == "person":
            contacts.delete_person(s, ref_id, clock=once)
        elif kind == "company":
            contacts.delete_company(s, ref_id, clock=once)
        elif kind == "activity":
            from crm_desktop.services.activities import delete_activity

            delete_activity(s, ref_id, once)
        else:  # pragma: no cover - programming error
            raise ValueError(kind)
        model = _model(kind)
        stored = s.execute(select(model.deleted_at).where(model.id == ref_id)).scalar_one()
    return stored if isinstance(stored, dt.datetime) else once.now()


def _restore(store: Store, kind: str, ref_id: int, stamp: dt.datetime | None) -> None:
    from crm_desktop.data.models import Company
    from crm_desktop.services import contacts

    with store.session() as s:
        if kind == "person":
            contacts.restore_person(s, ref_id)
        elif kind == "company":
            current = s.execute(select(Company.deleted_at).where(Company.id == ref_id)).first()
            if (
                current is not None
                and current[0] is not None
                and stamp is not None
                and current[0] != stamp
                and abs(current[0] - stamp) < dt.timedelta(seconds=1)
            ):
                # an entry written before the stamp was read back from the store (its
                # moment a little off): the company's own stamp names its delete batch
                log.info("undo: company %s restored by its stored deletion moment", ref_id)
                stamp = current[0]
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
        """Offer the recent deletions of an earlier session for undo again.

        Only plain values leave the reading session (an ORM object would be expired
        and detached once it closes). An entry that can no longer be applied (its
        record is gone or no longer in the trash, or its payload is unreadable) is
        dropped with a log line; it never stops the start."""
        since = self.clock.now() - dt.timedelta(hours=KEEP_HOURS)
        offered: list[tuple[str, int, str, dt.datetime, int]] = []
        dropped: list[int] = []
        with self.store.reader() as s:
            rows = s.execute(
                select(UndoEntry.id, UndoEntry.at, UndoEntry.label, UndoEntry.payload)
                .where(
                    UndoEntry.action == "delete",
                    UndoEntry.undone_at.is_(None),
                    UndoEntry.at >= since,
                )
                .order_by(UndoEntry.at.desc(), UndoEntry.id.desc())
                .limit(limit)
            ).all()
            for entry_id, at, label, payload in rows:
                try:
                    kind, ref_id, stamp = _parse(payload, at)
                except (TypeError, ValueError) as exc:
                    log.warning("undo: entry %s dropped, unreadable: %s", entry_id, exc)
                    dropped.append(int(entry_id))
                    continue
                model = _model(kind)
                current = s.execute(select(model.deleted_at).where(model.id == ref_id)).first()
                if current is None or current[0] is None:
                    log.warning(
                        "undo: entry %s dropped, %s %s is %s",
                        entry_id,
                        kind,
                        ref_id,
                        "gone" if current is None else "no longer in the trash",
                    )
                    dropped.append(int(entry_id))
                    continue
                offered.append((kind, ref_id, str(label), stamp, int(entry_id)))
        self._drop(dropped)
        for kind, ref_id, label, stamp, entry_id in reversed(offered):
            self.stack.push(DeleteCommand(self, kind, ref_id, label, stamp, entry_id))
        return len(offered)

    def _drop(self, entry_ids: list[int]) -> None:
        if not entry_ids or self.store.read_only:
            return
        try:
            with self.store.session() as s:
                s.execute(delete(UndoEntry).where(UndoEntry.id.in_(entry_ids)))
        except CrmError as exc:  # a busy store: they are skipped again next time
            log.warning("undo: stale entries not removed: %s", exc)


def _parse(payload: Any, at: dt.datetime) -> tuple[str, int, dt.datetime]:
    """kind, record id and deletion moment of a persisted delete (ValueError if bad)."""
    if not isinstance(payload, dict):
        raise ValueError("payload is not an object")
    kind, ref_id = payload.get("kind"), payload.get("id")
    if kind not in KINDS or not isinstance(ref_id, int) or isinstance(ref_id, bool):
        raise ValueError(f"no record named ({kind!r}, {ref_id!r})")
    raw = payload.get("deleted_at")
    stamp = dt.datetime.fromisoformat(str(raw)) if raw else at
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.UTC)
    return str(kind), ref_id, stamp
