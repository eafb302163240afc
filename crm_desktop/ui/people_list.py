"""The people list: a lazily paged table of everyone, filters and bulk changes.

:class:`PeopleModel` never loads the whole table: it counts the rows of the current
filter and fetches them page by page (``canFetchMore``/``fetchMore``) as the view
scrolls. :class:`PeopleListView` adds the filter line (text, tag, "last import"),
multi-selection and the bulk actions: tag, remove tag, set a field, add to a
campaign, export, merge two, delete. Ctrl+A selects the *whole filter*, rows not
fetched yet included: the view then keeps a "whole filter selected" state that is
resolved to ids through SQL when an action runs.

Every bulk change asks first, saying how many records it touches, runs as one
transaction through :mod:`crm_desktop.services.bulk` (off the GUI thread) and is
undoable: the toolbar's Undo (:meth:`PeopleListView.undo_last`) and the window's Ctrl+Z
are one undo history (the window hands its :class:`~crm_desktop.ui.undo.UndoManager`
over with :meth:`PeopleListView.use_undo`); the button's tooltip names what it takes
back.
"""

from __future__ import annotations

import dataclasses
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.data.models import (
    CompanyStatus,
    Priority,
)
from crm_desktop.data.store import Store
from crm_desktop.errors import CrmError
from crm_desktop.services import bulk, customfields, lookups
from crm_desktop.services.changes import Changes
from crm_desktop.services.peoplelist import (
    PeopleFilter,
    PersonRow,
    count_people,
    fetch_rows,
    matching_ids,
    owners,
    tag_names,
)
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.format import format_date, format_phone, ui_locale
from crm_desktop.ui.forms import EnumCombo
from crm_desktop.ui.i18n import translate_error
from crm_desktop.ui.tasks import runner as task_runner
from crm_desktop.ui.undo import UndoManager

log = logging.getLogger("crm_desktop.ui.people_list")

PAGE_SIZE = 200


# ---------------------------------------------------------------- model


class PeopleModel(QAbstractTableModel):
    """People of a filter, fetched :data:`PAGE_SIZE` rows at a time."""

    COLUMNS = (
        "name",
        "company",
        "position",
        "email",
        "phone",
        "city",
        "tags",
        "priority",
        "consent",
    )

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.filter = PeopleFilter()
        self.total = 0
        self.rows: list[PersonRow] = []
        self.fetches = 0  # pages fetched since the last reset (tests, diagnostics)

    # -- loading

    def set_filter(self, f: PeopleFilter) -> None:
        self.beginResetModel()
        self.filter = f
        self.total, self.rows = ops.read(
            self.store, lambda s: (count_people(s, f), fetch_rows(s, f, 0, PAGE_SIZE))
        )
        self.fetches = 1
        self.endResetModel()

    def reload(self) -> None:
        """Fetch the filter again, as many rows as were loaded (the scroll stays)."""
        loaded = max(len(self.rows), PAGE_SIZE)
        self.beginResetModel()
        flt = self.filter

        def load(s: Session) -> tuple[int, list[PersonRow]]:
            total = count_people(s, flt)
            rows: list[PersonRow] = []
            while len(rows) < min(loaded, total):
                page = fetch_rows(s, flt, len(rows), PAGE_SIZE)
                if not page:
                    break
                rows += page
            return total, rows

        self.total, self.rows = ops.read(self.store, load)
        self.endResetModel()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or len(self.rows) >= self.total:
            return
        flt, offset = self.filter, len(self.rows)
        page = ops.read(self.store, lambda s: fetch_rows(s, flt, offset, PAGE_SIZE))
        if not page:
            self.total = len(self.rows)
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self.rows += page
        self.fetches += 1
        self.endInsertRows()

    # -- Qt model

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Name"),
            self.tr("Company"),
            self.tr("Position"),
            self.tr("E-mail"),
            self.tr("Phone"),
            self.tr("City"),
            self.tr("Tags"),
            self.tr("Priority"),
            self.tr("Consent"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "phone":
                return format_phone(row.phone)
            if column == "tags":
                return ", ".join(row.tags)
            if column == "priority":
                return row.priority.value if row.priority else ""
            if column == "consent":
                if row.withdrawn_at is not None:
                    return self.tr("withdrawn")
                return self.tr("yes") if row.consent else ""
            return str(getattr(row, column))
        if role == Qt.ItemDataRole.ToolTipRole and column == "consent" and row.withdrawn_at:
            return self.tr("Consent withdrawn on {date}").format(
                date=format_date(row.withdrawn_at.date())
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "priority":
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def person_id(self, row: int) -> int:
        return self.rows[row].id


# ---------------------------------------------------------------- table


class PeopleTable(QTableView):
    """The table; Ctrl+A selects the whole filter (see :attr:`whole_filter`)."""

    wholeFilterChanged = Signal(bool)
    deleteRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.whole_filter = False
        self._internal = False
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setSortingEnabled(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setStretchLastSection(False)
        self.horizontalHeader().setHighlightSections(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def setModel(self, model: Any) -> None:
        super().setModel(model)
        model.rowsInserted.connect(self._rows_inserted)
        model.modelReset.connect(lambda: self._set_whole(False))
        sel = self.selectionModel()
        sel.selectionChanged.connect(self._selection_changed)

    def selectAll(self) -> None:
        self._internal = True
        try:
            super().selectAll()
        finally:
            self._internal = False
        self._set_whole(self.model() is not None and self.model().rowCount() > 0)

    def _set_whole(self, value: bool) -> None:
        if value != self.whole_filter:
            self.whole_filter = value
            self.wholeFilterChanged.emit(value)

    def _rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if not self.whole_filter:
            return
        model = self.model()
        sel = QItemSelection(model.index(first, 0), model.index(last, model.columnCount() - 1))
        self._internal = True
        try:
            self.selectionModel().select(
                sel,
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            self._internal = False

    def _selection_changed(self, *_args: object) -> None:
        if self._internal or not self.whole_filter:
            return
        if len(self.selectionModel().selectedRows()) < self.model().rowCount():
            self._set_whole(False)

    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.selectionModel().selectedRows()})

    # Delete is asked for here, before the window's own Delete shortcut sees it
    def event(self, e: QEvent) -> bool:
        if (
            e.type() == QEvent.Type.ShortcutOverride
            and isinstance(e, QKeyEvent)
            and e.matches(QKeySequence.StandardKey.Delete)
        ):
            e.accept()
            return True
        return super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.matches(QKeySequence.StandardKey.Delete):
            self.deleteRequested.emit()
            e.accept()
            return
        super().keyPressEvent(e)


# ---------------------------------------------------------------- set-field dialog


class SetFieldDialog(QDialog):
    """Choose one field and its new value for the selected people."""

    FIELDS = ("status", "priority", "owner", "consent_marketing", "contact_interval_days")

    def __init__(self, count: int, owners_list: Sequence[str] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set a field"))
        self.setMinimumWidth(380)
        self.field = QComboBox(self)
        labels = {
            "status": self.tr("Company status"),
            "priority": self.tr("Priority"),
            "owner": self.tr("Owner"),
            "consent_marketing": self.tr("Marketing consent"),
            "contact_interval_days": self.tr("Contact interval"),
        }
        for key in self.FIELDS:
            self.field.addItem(labels[key], key)
        self.stack = QStackedWidget(self)
        self.status = EnumCombo(CompanyStatus, parent=self)
        self.priority = EnumCombo(Priority, none_text=self.tr("(none)"), parent=self)
        self.owner = QComboBox(self)
        self.owner.setEditable(True)
        self.owner.addItems(["", *owners_list])
        line = self.owner.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Empty: no owner"))
        self.consent = QComboBox(self)
        self.consent.addItem(self.tr("Opt-in given"), True)
        self.consent.addItem(self.tr("Consent withdrawn / none"), False)
        self.interval = QSpinBox(self)
        self.interval.setRange(0, 3650)
        self.interval.setSpecialValueText(self.tr("no interval"))
        self.interval.setSuffix(self.tr(" days"))
        self.interval.setValue(90)
        for w in (self.status, self.priority, self.owner, self.consent, self.interval):
            self.stack.addWidget(w)
        self.field.currentIndexChanged.connect(self.stack.setCurrentIndex)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.field.currentIndexChanged.connect(self._update_note)
        form = QFormLayout()
        form.addRow(self.tr("&Field:"), self.field)
        form.addRow(self.tr("&New value:"), self.stack)
        self.head = QLabel(
            self.tr("Change one field of the selected person.")
            if count == 1
            else self.tr("Change one field of %Ln selected people.", "", count),
            self,
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Continue…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.head)
        lay.addLayout(form)
        lay.addWidget(self.note)
        lay.addWidget(buttons)
        self._update_note()

    def _update_note(self) -> None:
        if self.field.currentData() == "status":
            self.note.setText(
                self.tr(
                    "The status belongs to the company: it changes the companies of the selected people."
                )
            )
        else:
            self.note.setText("")

    def set_field(self, key: str) -> None:
        self.field.setCurrentIndex(max(self.field.findData(key), 0))

    def value(self) -> tuple[str, Any]:
        key = str(self.field.currentData())
        if key == "status":
            return key, self.status.value()
        if key == "priority":
            member = self.priority.value()
            return key, member.value if member else None
        if key == "owner":
            return key, self.owner.currentText().strip() or None
        if key == "consent_marketing":
            return key, bool(self.consent.currentData())
        return key, self.interval.value() or None

    def value_text(self) -> str:
        key, val = self.value()
        if key in ("status", "priority"):
            widget = self.status if key == "status" else self.priority
            return widget.currentText()
        if key == "consent_marketing":
            return self.consent.currentText()
        if key == "contact_interval_days":
            return self.interval.text()
        return val or self.tr("(none)")


# ---------------------------------------------------------------- the view


class PeopleListView(QWidget):
    """The people list with filters and bulk actions (see the module docstring)."""

    personActivated = Signal(int)
    changed = Signal(object)  # the Changes of a bulk change, merge or campaign
    campaignRequested = Signal(list)

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, clock: Clock | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.tasks = task_runner().for_store(store, self)
        self.busy = False
        # its own view of the undo history until the window hands over the window's
        self.undo_manager = UndoManager(store, self.clock, self)
        self._own_undo = True
        self.model = PeopleModel(store, self)
        self.table = PeopleTable(self)
        self.table.setModel(self.model)
        self.table.setObjectName("peopleTable")
        self._build_filter_bar()
        self._build_actions()
        self.status = QLabel(self)
        self.status.setObjectName("peopleStatus")
        self.selection_label = QLabel(self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.selection_label)
        bottom.addStretch(1)
        bottom.addWidget(self.status)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addLayout(self.filter_bar)
        lay.addWidget(self.toolbar)
        lay.addWidget(self.table, 1)
        lay.addLayout(bottom)
        self.table.activated.connect(self._activated)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.deleteRequested.connect(self.delete_selected)
        self.table.wholeFilterChanged.connect(lambda _w: self._update_actions())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.model.modelReset.connect(self._update_actions)
        self.model.rowsInserted.connect(lambda *_: self._update_actions())
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.apply_filter)
        self.reload_tags()
        self.apply_filter()
        self._size_columns()
        self._connect_undo(self.undo_manager)
        self.undo_manager.failed.connect(self._undo_failed)
        self.undo_manager.load_persisted()

    # ------------------------------------------------------------ building

    def _build_filter_bar(self) -> None:
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("peopleFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(
            self.tr("Filter by name, company, position, e-mail or city…")
        )
        self.filter_edit.setToolTip(
            self.tr(
                "Words match name, company, position, e-mail or city; "
                "“Field = value” matches a custom field (several: separate with ;)"
            )
        )
        self.filter_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.filter_edit.returnPressed.connect(self.apply_filter)
        self.tag_combo = QComboBox(self)
        self.tag_combo.setObjectName("tagFilter")
        self.tag_combo.setMinimumContentsLength(14)
        self.tag_combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.last_import_box = QCheckBox(self.tr("&Last import"), self)
        self.last_import_box.setToolTip(self.tr("Show only the people of the most recent import"))
        self.last_import_box.toggled.connect(lambda _on: self.apply_filter())
        self.count_label = QLabel(self)
        self.count_label.setObjectName("peopleCount")
        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 3)
        label = QLabel(self.tr("&Tag:"), self)
        label.setBuddy(self.tag_combo)
        bar.addWidget(label)
        bar.addWidget(self.tag_combo, 1)
        bar.addWidget(self.last_import_box)
        bar.addWidget(self.count_label)
        self.filter_bar: QHBoxLayout = bar

    def _build_actions(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        def make(name: str, text: str, slot: Callable[[], object], tip: str) -> QAction:
            act = QAction(text, self)
            act.setIconText(text)  # keep the "…" of dialogs on the tool buttons
            act.setObjectName(f"people_{name}")
            act.setToolTip(tip)
            act.triggered.connect(lambda _checked=False: slot())
            self.toolbar.addAction(act)
            return act

        self.act_tag = make(
            "tag", self.tr("Tag…"), self.tag_selected, self.tr("Add a tag to the selection")
        )
        self.act_untag = make(
            "untag",
            self.tr("Remove tag…"),
            self.untag_selected,
            self.tr("Remove a tag from the selection"),
        )
        self.act_set = make(
            "set",
            self.tr("Set field…"),
            self.set_field_selected,
            self.tr("Status, priority, owner, consent or contact interval"),
        )
        self.toolbar.addSeparator()
        self.act_campaign = make(
            "campaign",
            self.tr("Add to campaign…"),
            self.campaign_selected,
            self.tr("Open the campaign dialog with the selection"),
        )
        self.act_export = make(
            "export",
            self.tr("Export…"),
            self.export_selected,
            self.tr("Save the selection as CSV or vCard"),
        )
        self.act_merge = make(
            "merge",
            self.tr("Merge two"),
            self.merge_selected,
            self.tr("Merge the two selected people into one"),
        )
        self.toolbar.addSeparator()
        self.act_delete = make(
            "delete",
            self.tr("Delete…"),
            self.delete_selected,
            self.tr("Move the selection to the trash (asks first)"),
        )
        self.act_undo = make("undo", self.tr("Undo"), self.undo_last, self.tr("Undo"))
        self.selection_actions = [
            self.act_tag,
            self.act_untag,
            self.act_set,
            self.act_campaign,
            self.act_export,
            self.act_delete,
        ]

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        widths = (200, 190, 140, 210, 120, 110, 140, 60, 80)
        for col, width in enumerate(widths):
            header.resizeSection(col, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    # ------------------------------------------------------------ filter

    def reload_tags(self) -> None:
        current = self.tag_combo.currentData()
        names = ops.read(self.store, tag_names)
        self.tag_combo.blockSignals(True)
        self.tag_combo.clear()
        self.tag_combo.addItem(self.tr("All tags"), None)
        for name in names:
            self.tag_combo.addItem(name, name)
        idx = self.tag_combo.findData(current) if current else 0
        self.tag_combo.setCurrentIndex(max(idx, 0))
        self.tag_combo.blockSignals(False)

    def current_filter(self) -> PeopleFilter:
        batch_id: int | None = None
        if self.last_import_box.isChecked():

            def last_batch(s: Session) -> int:
                batch, _ids = bulk.last_import(s)
                return int(batch.id) if batch is not None else -1

            batch_id = ops.read(self.store, last_batch)
        tag = self.tag_combo.currentData()
        # "Branche = Bau; Müller": a custom field's value and the words
        f = PeopleFilter.typed(
            self.filter_edit.text().strip(), tag=str(tag) if tag else None, batch_id=batch_id
        )
        if f.fields:
            defs = ops.read(self.store, customfields.list_fields)
            f = dataclasses.replace(f, fields=customfields.normalise_terms(defs, f.fields))
        return f

    def apply_filter(self) -> None:
        self._debounce.stop()
        self.model.set_filter(self.current_filter())
        self._update_count()

    def set_tag_filter(self, name: str | None) -> None:
        idx = self.tag_combo.findData(name) if name else 0
        self.tag_combo.setCurrentIndex(max(idx, 0))

    def show_last_import(self) -> None:
        """Show the people of the most recent import (the wizard's "Show imported")."""
        self.filter_edit.blockSignals(True)
        self.filter_edit.clear()
        self.filter_edit.blockSignals(False)
        self.tag_combo.blockSignals(True)
        self.tag_combo.setCurrentIndex(0)
        self.tag_combo.blockSignals(False)
        if self.last_import_box.isChecked():
            self.apply_filter()
        else:
            self.last_import_box.setChecked(True)

    def apply_changes(self, changes: Changes) -> None:
        """Names, companies, e-mails, phones, cities, tags and priorities.
        Hidden, it loads when it is shown next."""
        if self.isVisible() and changes.touches("people", "companies"):
            self.refresh()

    def refresh(self) -> None:
        """Reload tags and rows (the main window calls this after changes elsewhere)."""
        self.reload_tags()
        self.model.reload()
        self._update_count()

    def _update_count(self) -> None:
        total = self.model.total
        loc = ui_locale()
        if self.model.filter.is_empty:
            text = self.tr("1 person") if total == 1 else self.tr("%Ln people", "", total)
        else:
            text = self.tr("1 match") if total == 1 else self.tr("%Ln matches", "", total)
        self.count_label.setText(text)
        self.count_label.setToolTip(loc.toString(total))
        self._update_actions()

    # ------------------------------------------------------------ selection

    def selection_count(self) -> int:
        if self.table.whole_filter:
            return self.model.total
        return len(self.table.selected_rows())

    def selected_ids(self) -> list[int]:
        """The selected ids; with the whole filter selected, every matching id (SQL)."""
        if self.table.whole_filter:
            flt = self.model.filter
            return ops.read(self.store, lambda s: matching_ids(s, flt))
        return [self.model.person_id(r) for r in self.table.selected_rows()]

    def select_rows(self, rows: Sequence[int]) -> None:
        sel = QItemSelection()
        last = self.model.columnCount() - 1
        for r in rows:
            sel.select(self.model.index(r, 0), self.model.index(r, last))
        self.table.selectionModel().select(sel, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def select_all(self) -> None:
        """Ctrl+A: the whole filter, rows not fetched yet included."""
        self.table.selectAll()

    def _update_actions(self) -> None:
        n = self.selection_count()
        for act in self.selection_actions:
            act.setEnabled(n > 0 and not self.busy)
        self.act_merge.setEnabled(n == 2 and not self.busy)
        self.act_undo.setEnabled(not self.busy and self.undo_manager.stack.canUndo())
        if n == 0:
            self.selection_label.setText("")
        elif self.table.whole_filter:
            self.selection_label.setText(self.tr("All %Ln people of the filter selected", "", n))
        else:
            self.selection_label.setText(
                self.tr("1 selected") if n == 1 else self.tr("%Ln selected", "", n)
            )

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.personActivated.emit(self.model.person_id(index.row()))

    def _context_menu(self, pos: Any) -> None:
        menu = QMenu(self)
        for act in (self.act_tag, self.act_untag, self.act_set):
            menu.addAction(act)
        menu.addSeparator()
        for act in (self.act_campaign, self.act_export, self.act_merge):
            menu.addAction(act)
        menu.addSeparator()
        menu.addAction(self.act_delete)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    # ------------------------------------------------------------ asking (overridable)

    def confirm(self, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes

    def ask_tag(self, title: str, label: str, names: Sequence[str]) -> str | None:
        name, ok = QInputDialog.getItem(self, title, label, list(names), 0, True)
        return name.strip() if ok and name.strip() else None

    def ask_field(self, count: int) -> tuple[str, Any, str] | None:
        known = ops.read(self.store, owners)
        dialog = SetFieldDialog(count, known, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        key, value = dialog.value()
        return key, value, dialog.value_text()

    def ask_export_path(self) -> Path | None:
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the selection"),
            str(Path.home() / "kontakte.csv"),
            self.tr("CSV for a mail merge (*.csv);;vCard (*.vcf)"),
        )
        if not path:
            return None
        p = Path(path)
        if not p.suffix:
            p = p.with_suffix(".vcf" if "vcf" in chosen else ".csv")
        return p

    def ask_merge_keep(self, first: str, second: str) -> int | None:
        """0 keeps the first, 1 the second, None cancels."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Merge two people"), "", parent=self)
        box.setText(
            self.tr(
                "Merge “{a}” and “{b}” into one person? Activities, tickets and tags of "
                "both are kept; the other record goes to the trash. Ctrl+Z undoes it."
            ).format(a=first, b=second)
        )
        keep_a = box.addButton(
            self.tr("Keep “{name}”").format(name=first), QMessageBox.ButtonRole.AcceptRole
        )
        keep_b = box.addButton(
            self.tr("Keep “{name}”").format(name=second), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is keep_a:
            return 0
        if clicked is keep_b:
            return 1
        return None

    def open_campaign(self, ids: list[int]) -> None:
        from crm_desktop.ui.campaign_dialog import CampaignDialog

        dialog = CampaignDialog(self.store, self.clock, preset_ids=ids, parent=self)
        dialog.exec()
        if dialog.logged:
            self.changed.emit(Changes.all())  # an activity on each of many people

    def show_error(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Not possible"), text)

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    # ------------------------------------------------------------ bulk actions

    def _number(self, n: int) -> str:
        return ui_locale().toString(n)

    def _people_text(self, n: int) -> str:
        return self.tr("1 person") if n == 1 else self.tr("%Ln people", "", n)

    def tag_selected(self) -> None:
        n = self.selection_count()
        if n == 0:
            return
        names = ops.read(self.store, tag_names)
        name = self.ask_tag(self.tr("Tag"), self.tr("Tag to add:"), names)
        if not name:
            return
        question = (
            self.tr("Tag 1 person with “{tag}”?")
            if n == 1
            else self.tr("Tag %Ln people with “{tag}”?", "", n)
        ).format(tag=name)
        self._run_bulk(
            self.tr("Tag"),
            question,
            lambda s, ids: bulk.tag(s, "person", ids, name, self.clock),
            lambda r: self.tr("Tag “{tag}” added to {n}.").format(
                tag=name, n=self._people_text(r.changed)
            ),
        )

    def untag_selected(self) -> None:
        n = self.selection_count()
        if n == 0:
            return
        names = ops.read(self.store, tag_names)
        if not names:
            self.show_error(self.tr("There are no tags yet."))
            return
        name = self.ask_tag(self.tr("Remove tag"), self.tr("Tag to remove:"), names)
        if not name:
            return
        question = (
            self.tr("Remove the tag “{tag}” from 1 person?")
            if n == 1
            else self.tr("Remove the tag “{tag}” from %Ln people?", "", n)
        ).format(tag=name)
        self._run_bulk(
            self.tr("Remove tag"),
            question,
            lambda s, ids: bulk.untag(s, "person", ids, name, self.clock),
            lambda r: self.tr("Tag “{tag}” removed from {n}.").format(
                tag=name, n=self._people_text(r.changed)
            ),
        )

    def set_field_selected(self) -> None:
        n = self.selection_count()
        if n == 0:
            return
        answer = self.ask_field(n)
        if answer is None:
            return
        key, value, value_text = answer
        if key == "status":
            question = (
                self.tr("Set the company status of 1 person's company to “{value}”?")
                if n == 1
                else self.tr(
                    "Set the company status of the companies of %Ln people to “{value}”?", "", n
                )
            ).format(value=value_text)

            def work(s: Session, ids: list[int]) -> bulk.BulkResult:
                company_ids = _company_ids(s, ids)
                if not company_ids:
                    return bulk.BulkResult(0, None, "")
                return bulk.set_field(s, "company", company_ids, "status", value, self.clock)

            def done(r: Any) -> str:
                return self.tr("Status changed on %Ln companies.", "", r.changed)
        else:
            question = (
                self.tr("Set “{field}” to “{value}” for 1 person?")
                if n == 1
                else self.tr("Set “{field}” to “{value}” for %Ln people?", "", n)
            ).format(field=self._field_label(key), value=value_text)

            def work(s: Session, ids: list[int]) -> bulk.BulkResult:
                return bulk.set_field(s, "person", ids, key, value, self.clock)

            def done(r: Any) -> str:
                return self.tr("“{field}” changed on {n}.").format(
                    field=self._field_label(key), n=self._people_text(r.changed)
                )

        self._run_bulk(self.tr("Set field"), question, work, done)

    def _field_label(self, key: str) -> str:
        return {
            "priority": self.tr("Priority"),
            "owner": self.tr("Owner"),
            "consent_marketing": self.tr("Marketing consent"),
            "contact_interval_days": self.tr("Contact interval"),
            "status": self.tr("Company status"),
        }.get(key, key)

    def delete_selected(self) -> None:
        n = self.selection_count()
        if n == 0 or self.busy:
            return
        question = (
            (
                self.tr("Move 1 person to the trash?")
                if n == 1
                else self.tr("Move %Ln people to the trash?", "", n)
            )
            + " "
            + self.tr("The trash can be restored; Undo takes it back at once.")
        )
        self._run_bulk(
            self.tr("Delete"),
            question,
            lambda s, ids: bulk.delete_many(s, "person", ids, self.clock),
            lambda r: self.tr("{n} moved to the trash.").format(n=self._people_text(r.changed)),
        )

    def campaign_selected(self) -> None:
        if self.selection_count() == 0:
            return
        ids = self.selected_ids()
        self.campaignRequested.emit(ids)
        self.open_campaign(ids)

    def export_selected(self) -> None:
        n = self.selection_count()
        if n == 0:
            return
        path = self.ask_export_path()
        if path is None:
            return
        ids = self.selected_ids()
        from crm_desktop.services import campaigns

        try:
            if path.suffix.lower() in (".vcf", ".vcard"):
                written = ops.read(self.store, lambda s: campaigns.export_vcards(s, ids, path))
            else:
                written = ops.read(self.store, lambda s: campaigns.export_mail_merge(s, ids, path))
        except OSError as exc:
            self.show_error(
                self.tr("The file {path} cannot be written: {detail}").format(
                    path=str(path), detail=exc.strerror or str(exc)
                )
            )
            return
        self.show_status(
            self.tr("{n} exported to {file}.").format(n=self._people_text(written), file=path.name)
        )

    def merge_selected(self) -> None:
        if self.selection_count() != 2 or self.busy:
            return
        rows = self.table.selected_rows()
        a, b = self.model.rows[rows[0]], self.model.rows[rows[1]]
        keep = self.ask_merge_keep(a.name, b.name)
        if keep is None:
            return
        keep_id, drop_id = (a.id, b.id) if keep == 0 else (b.id, a.id)
        from crm_desktop.services.merge import merge_people

        try:
            ops.write(self.store, lambda s: merge_people(s, keep_id, drop_id, clock=self.clock))
        except CrmError as exc:
            self.show_error(translate_error(exc))
            return
        self.model.reload()
        self._update_count()
        self.show_status(self.tr("Merged. Undo takes it back."))
        self._changed_here(Changes.of("person", keep_id, drop_id, structure=True))

    # ------------------------------------------------------------ undo (the window's history)

    def use_undo(self, manager: UndoManager) -> None:
        """Undo through ``manager``, the window's: the toolbar's Undo and Edit → Undo
        are one history (the window follows the undo's change record)."""
        if manager is self.undo_manager:
            return
        old = self.undo_manager
        old.stack.undoTextChanged.disconnect(self._undo_tip)
        old.stack.canUndoChanged.disconnect(self._can_undo_changed)
        old.failed.disconnect(self._undo_failed)
        if self._own_undo:
            old.deleteLater()
        self.undo_manager, self._own_undo = manager, False
        self._connect_undo(manager)

    def _connect_undo(self, manager: UndoManager) -> None:
        manager.stack.undoTextChanged.connect(self._undo_tip)
        manager.stack.canUndoChanged.connect(self._can_undo_changed)
        self._undo_tip(manager.undo_text())
        self._update_actions()

    def _undo_tip(self, what: str) -> None:
        self.act_undo.setToolTip(
            self.tr("Undo: {what}").format(what=what)
            if what
            else self.tr("There is nothing to undo.")
        )

    def _can_undo_changed(self, _can: bool) -> None:
        self._update_actions()

    def _undo_failed(self, exc: object) -> None:  # the window shows its own manager's errors
        if isinstance(exc, CrmError):
            self.show_error(translate_error(exc))

    def _changed_here(self, changes: Changes) -> None:
        """A change of this list wrote an undo entry: the tooltip names it."""
        self.undo_manager.sync()
        self.changed.emit(changes)

    def undo_last(self) -> str | None:
        """Take back the newest change of the one undo history (a bulk change, a merge,
        a delete, a dialog's edit): what the tooltip and Edit → Undo name."""
        if self.busy:
            return None
        manager = self.undo_manager
        manager.sync()  # entries written elsewhere (the window, a dialog) too
        what = manager.undo_text()
        if not manager.stack.canUndo():
            self.show_status(self.tr("There is nothing to undo."))
            return None
        if not manager.undo():  # refused: the error was shown
            return None
        if self._own_undo:  # in the window the undo's change record brings every view along
            self.refresh()
        self.show_status(self.tr("Undone: {what}").format(what=what))
        return what

    def _run_bulk(
        self,
        title: str,
        question: str,
        work: Callable[[Session, list[int]], Any],
        done_text: Callable[[Any], str],
    ) -> None:
        if self.busy or not self.confirm(title, question):
            return
        f = self.model.filter
        ids = None if self.table.whole_filter else self.selected_ids()

        def task(session: Session, _progress: Any) -> Any:
            target = ids if ids is not None else matching_ids(session, f)
            return list(target), work(session, target)

        self._set_busy(True)
        self.show_status(self.tr("Working…"))
        self.tasks.run(
            task,
            on_done=lambda result: self._bulk_done(result, done_text),
            on_error=self._bulk_failed,
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_actions()

    def _bulk_done(self, done: tuple[list[int], Any], done_text: Callable[[Any], str]) -> None:
        target, result = done
        self._set_busy(False)
        self.reload_tags()
        self.model.reload()
        self._update_count()
        self.show_status(done_text(result) + " " + self.tr("Undo takes it back."))
        # tags, fields or the trash of these people: lists and the tree change shape
        self._changed_here(Changes.of("person", *target, structure=True))

    def _bulk_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.show_status("")
        if isinstance(exc, CrmError):
            self.show_error(translate_error(exc))
            return
        sys.excepthook(type(exc), exc, exc.__traceback__)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until background work is done (tests, shutdown)."""
        return self.tasks.wait(msecs)


def _company_ids(session: Session, person_ids: list[int]) -> list[int]:
    return lookups.companies_of_people(session, person_ids)
