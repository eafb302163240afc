"""The Edit menu's Undo/Redo: a thin Qt shell over :mod:`crm_desktop.services.undo`.

Every undoable change (a delete from the window, a dialog's edit, a bulk change, a
merge) is one ``UndoEntry`` row; the :class:`QUndoStack` here is only a view of
those rows (rebuilt from the table with :meth:`UndoManager.sync`, at the start with
:meth:`UndoManager.load_persisted`), so it gives the Edit menu its labels, and undo
and redo go through the registry for every entry, newest first, across restarts.

Deleting a ticket, project or opportunity from a list: :class:`RowDelete` gives a list
view its "Delete…" context-menu entry and the Delete key and emits ``requested(kind,
id)``; the window answers with :func:`delete_asking` (a question naming the record,
then :meth:`UndoManager.delete`), so Edit → Undo names it and brings it back.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QMenu

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.data.store import Store
from crm_desktop.errors import CrmError
from crm_desktop.services import undo as registry
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger("crm_desktop.ui.undo")

KINDS = registry.DELETE_KINDS
LIST_KINDS = ("ticket", "project", "opportunity")  # deleted from a page's list (RowDelete)
KEEP_HOURS = 24  # changes older than this are not offered for undo after a restart
LIMIT = 50


# labels the services write for the changes undoable since the audit of issue #16 (order
# lines, attendees, cancelling, reopening, new records); shown in the window's language
_LABELS = (
    QT_TRANSLATE_NOOP("undo", "Remove line from order {number}"),
    QT_TRANSLATE_NOOP("undo", "Add line to order {number}"),
    QT_TRANSLATE_NOOP("undo", "Edit lines of order {number}"),
    QT_TRANSLATE_NOOP("undo", "New order {number}"),
    QT_TRANSLATE_NOOP("undo", "Change attendees of “{name}”"),
    QT_TRANSLATE_NOOP("undo", "Cancel appointment “{name}”"),
    QT_TRANSLATE_NOOP("undo", "Cancel follow-up"),
    QT_TRANSLATE_NOOP("undo", "Reopen “{name}”"),
    QT_TRANSLATE_NOOP("undo", "New opportunity “{name}”"),
    QT_TRANSLATE_NOOP("undo", "Plan follow-up"),
    QT_TRANSLATE_NOOP("undo", "New appointment “{name}”"),
    QT_TRANSLATE_NOOP("undo", "New activity “{name}”"),
    QT_TRANSLATE_NOOP("undo", "New activity"),
    QT_TRANSLATE_NOOP("undo", "Move “{name}”"),
)
_patterns: list[tuple[str, re.Pattern[str]]] = []


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    regex = "".join(
        f"(?P<{part}>.+?)" if i % 2 else re.escape(part) for i, part in enumerate(parts)
    )
    return re.compile(f"^{regex}$", re.DOTALL)


def label_text(label: str) -> str | None:
    """A label of :data:`_LABELS` in the window's language (None: another label)."""
    if not _patterns:
        _patterns.extend((t, _pattern(t)) for t in _LABELS)
    for template, pattern in _patterns:
        found = pattern.match(label)
        if found is not None:
            return QCoreApplication.translate("undo", template).format(**found.groupdict())
    return None


def entry_text(item: registry.StackItem) -> str:
    from crm_desktop.ui.i18n import undo_text

    if item.action in ("row-edit", "create", "edit"):
        text = label_text(item.label)
        if text is not None:
            return text
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
        _entry_id, changes = ops.write(
            self.store, lambda s: registry.delete_record(s, kind, ref_id, label, self.clock)
        )
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
            step = registry.redo if redo else registry.undo
            result = ops.write(self.store, lambda s: step(s, command.entry_id, self.clock))
        except CrmError as exc:
            command.setObsolete(True)
            if exc.message in registry.FINAL_REFUSALS:
                # a later save overtook the edit (or the like): it can never be applied
                # safely again,
                # so the next Undo goes on with the older changes
                self._drop([command.entry_id])
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

            def stacks(s: Session) -> tuple[list[registry.StackItem], list[registry.StackItem]]:
                undoable = registry.stack(s, LIMIT, since=since, drop=dropped)
                redoable = [
                    item for item in registry.redo_stack(s, LIMIT) if item.id in self._undone_here
                ]
                return undoable, redoable

            undoable, redoable = ops.read(self.store, stacks)
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
            ops.write(self.store, lambda s: registry.drop(s, entry_ids))
        except CrmError as exc:  # a busy store: they are skipped again next time
            log.warning("undo: stale entries not removed: %s", exc)

    # ------------------------------------------------------------ what the menu says

    def undo_text(self) -> str:
        return self.stack.undoText()

    def redo_text(self) -> str:
        return self.stack.redoText()


# ---------------------------------------------------------------- deleting from a list


def _tr(text: str) -> str:
    return QCoreApplication.translate("RowDelete", text)


@dataclass(frozen=True)
class DeleteQuestion:
    """The confirmation of a delete and the undo entry's label, naming the record."""

    title: str
    question: str
    label: str  # what Edit → Undo shows ("Delete ticket T-2026-0004 “Heizung defekt”")


def delete_question(store: Store, kind: str, ref_id: int) -> DeleteQuestion | None:
    """The question for deleting a ticket, project or opportunity; None when the
    record is gone or in the trash already."""
    named = ops.read(store, lambda s: registry.describe(s, kind, ref_id))
    if named is None:
        return None
    if kind == "ticket":
        return DeleteQuestion(
            QCoreApplication.translate("RowDelete", "Delete ticket?"),
            QCoreApplication.translate(
                "RowDelete",
                "Delete ticket {number} “{title}”? It goes to the trash; its conversations "
                "stay. Ctrl+Z brings it back.",
            ).format(number=named.number, title=named.name),
            QCoreApplication.translate("RowDelete", "Delete ticket {number} “{title}”").format(
                number=named.number, title=named.name
            ),
        )
    if kind == "project":
        return DeleteQuestion(
            QCoreApplication.translate("RowDelete", "Delete project?"),
            QCoreApplication.translate(
                "RowDelete",
                "Delete project “{name}”? It goes to the trash; its activities stay. "
                "Ctrl+Z brings it back.",
            ).format(name=named.name),
            QCoreApplication.translate("RowDelete", "Delete project “{name}”").format(
                name=named.name
            ),
        )
    return DeleteQuestion(
        QCoreApplication.translate("RowDelete", "Delete opportunity?"),
        QCoreApplication.translate(
            "RowDelete",
            "Delete opportunity “{name}”? It goes to the trash; its activities stay. "
            "Ctrl+Z brings it back.",
        ).format(name=named.name),
        QCoreApplication.translate("RowDelete", "Delete opportunity “{name}”").format(
            name=named.name
        ),
    )


def delete_asking(
    manager: UndoManager, kind: str, ref_id: int, confirm: Callable[[str, str], bool]
) -> bool:
    """Ask (``confirm(title, question)``) and move the record to the trash undoably;
    False when it is gone already or the user said no. Raises CrmError when the delete
    is not possible."""
    if kind not in LIST_KINDS:
        raise ValueError(f"no list delete of {kind}")
    asked = delete_question(manager.store, kind, ref_id)
    if asked is None or not confirm(asked.title, asked.question):
        return False
    manager.delete(kind, ref_id, asked.label)
    return True


RecordAt = Callable[[QModelIndex | QPersistentModelIndex], "tuple[str, int] | None"]


class RowDelete(QObject):
    """A list view's "Delete…": the context-menu entry on a row and the Delete key on
    the current row (taken before the window's own Delete shortcut). ``record_at``
    names a row's record as ``(kind, id)``, None for rows that are no record (group
    heads). Emits ``requested(kind, id)``; the one who owns the undo asks and deletes."""

    requested = Signal(str, int)

    def __init__(self, view: QAbstractItemView, record_at: RecordAt) -> None:
        super().__init__(view)
        self.view = view
        self.record_at = record_at
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._menu_at)
        view.installEventFilter(self)

    def current(self) -> tuple[str, int] | None:
        index = self.view.currentIndex()
        return self.record_at(index) if index.isValid() else None

    def menu(self, index: QModelIndex | QPersistentModelIndex) -> QMenu | None:
        """The context menu of a row (None on a row that is no record)."""
        record = self.record_at(index) if index.isValid() else None
        if record is None:
            return None
        menu = QMenu(self.view)
        action = QAction(QCoreApplication.translate("RowDelete", "Delete…"), menu)
        action.setObjectName("action_delete_row")
        action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        # shown in the menu; bound only while the menu has the focus (the view has its key)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        kind, ref_id = record
        action.triggered.connect(lambda: self.requested.emit(kind, ref_id))
        menu.addAction(action)
        return menu

    def _menu_at(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.setCurrentIndex(index)
        menu = self.menu(index)
        if menu is None:
            return
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.view
            and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Delete)
        ):
            record = self.current()
            if record is None:
                return False
            event.accept()
            if event.type() == QEvent.Type.KeyPress:
                self.requested.emit(*record)
            return True
        return False


__all__ = [
    "KINDS",
    "LIST_KINDS",
    "DeleteQuestion",
    "EntryCommand",
    "RowDelete",
    "UndoManager",
    "delete_asking",
    "delete_question",
    "entry_text",
]
