"""The trash: deleted people and companies, restore them or empty the trash for good.

Restoring a company brings back what was deleted with it (its branches and
people, same moment); emptying the trash removes the records for good
(:func:`crm_desktop.services.contacts.purge_trash`; activities stay, unlinked).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.data.store import Store
from crm_desktop.errors import CrmError
from crm_desktop.services import bulk, contacts
from crm_desktop.services.changes import Changes
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.format import format_datetime
from crm_desktop.ui.i18n import translate_error

ENTITY_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class TrashDialog(QDialog):
    """Trashed people, companies and orders, newest first."""

    changed = Signal(object)  # the Changes of a restore or purge

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, clock: Clock | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.setWindowTitle(self.tr("Trash"))
        self.resize(680, 460)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Kind"), self.tr("Deleted")])
        self.view = QTableView(self)
        self.view.setObjectName("trashView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.restore_button.setObjectName("trashRestore")
        self.empty_button = QPushButton(self.tr("&Empty trash…"), self)
        self.empty_button.setObjectName("trashEmpty")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        for b in (self.restore_button, self.empty_button):
            b.setAutoDefault(False)  # Enter never empties the trash
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button.clicked.connect(self.empty_trash)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        lay = QVBoxLayout(self)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.info)
        lay.addWidget(buttons)
        self.reload()

    # ------------------------------------------------------------ data

    def reload(self) -> None:
        items = ops.read(self.store, bulk.trash)
        self.model.removeRows(0, self.model.rowCount())
        for item in items:
            name = QStandardItem(item.label or self.tr("(no name)"))
            name.setData(item.entity, ENTITY_ROLE)
            name.setData(item.id, ID_ROLE)
            kinds = {
                "person": self.tr("Person"),
                "company": self.tr("Company"),
                "order": self.tr("Order"),
            }
            kind = QStandardItem(kinds.get(item.entity, item.entity))
            when = QStandardItem(format_datetime(item.deleted_at))
            self.model.appendRow([name, kind, when])
        n = len(items)
        if n == 0:
            text = self.tr("The trash is empty.")
        elif n == 1:
            text = self.tr("1 record in the trash.")
        else:
            text = self.tr("%Ln records in the trash.", "", n)
        self.info.setText(text)
        self._update_buttons()

    def items(self) -> list[tuple[str, int, str]]:
        """(entity, id, label) of every row, in view order."""
        out = []
        for row in range(self.model.rowCount()):
            item = self.model.item(row, 0)
            out.append((str(item.data(ENTITY_ROLE)), int(item.data(ID_ROLE)), item.text()))
        return out

    def select_rows(self, rows: list[int]) -> None:
        self.view.clearSelection()
        sel = self.view.selectionModel()
        for r in rows:
            sel.select(
                self.model.index(r, 0),
                sel.SelectionFlag.Select | sel.SelectionFlag.Rows,
            )

    def _selected(self) -> list[tuple[str, int]]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        out = []
        for r in rows:
            item = self.model.item(r, 0)
            out.append((str(item.data(ENTITY_ROLE)), int(item.data(ID_ROLE))))
        return out

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(bool(self._selected()))
        self.empty_button.setEnabled(self.model.rowCount() > 0)

    # ------------------------------------------------------------ overridable

    def confirm(self, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes

    def show_error(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Not possible"), text)

    # ------------------------------------------------------------ actions

    def restore_selected(self) -> int:
        chosen = self._selected()
        if not chosen:
            return 0
        people = [i for e, i in chosen if e == "person"]
        companies = [i for e, i in chosen if e == "company"]
        orders = [i for e, i in chosen if e == "order"]
        try:

            def restore(s: Session) -> None:
                for cid in companies:
                    contacts.restore_company(s, cid)
                if people:
                    bulk.restore(s, "person", people)
                if orders:
                    bulk.restore(s, "order", orders)

            ops.write(
                self.store,
                restore,
                sender=self,
                changes=Changes.of("person", *people, structure=True)
                | Changes.of("company", *companies)
                | Changes.of("order", *orders),
            )
        except CrmError as exc:
            self.show_error(translate_error(exc))
            return 0
        self.reload()
        return len(chosen)

    def empty_trash(self) -> int:
        n = self.model.rowCount()
        if n == 0:
            return 0
        question = (
            self.tr("Delete 1 record for good? This cannot be undone.")
            if n == 1
            else self.tr("Delete %Ln records for good? This cannot be undone.", "", n)
        )
        if not self.confirm(self.tr("Empty trash"), question):
            return 0
        try:
            purged = ops.write(
                self.store,
                contacts.purge_trash,
                sender=self,
                changes=Changes(structure=True),  # only the trash showed them
            )
        except CrmError as exc:
            self.show_error(translate_error(exc))
            return 0
        self.reload()
        return purged
