"""Contact intervals, target against actual (Reports → Contact intervals…): for a period,
how often each person with a contact rhythm was due, how often they were contacted and
who is behind; filtered by owner, printable as PDF. Double-clicking a row opens the
person."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, SystemClock, to_local
from crm_desktop.data.store import Store
from crm_desktop.errors import CrmError
from crm_desktop.services import contact_report as cr
from crm_desktop.services.changes import Changes
from crm_desktop.ui import ops
from crm_desktop.ui.errors import show_error
from crm_desktop.ui.format import format_date, is_german
from crm_desktop.ui.forms import ERROR_COLOR, DateEdit
from crm_desktop.ui.i18n import activity_kind_label, translate_error

NAME, COMPANY, KIND, EVERY, PLANNED, DONE, BEHIND, LAST = range(8)
BEHIND_COLOR = QColor("#b71c1c")
ON_PLAN_COLOR = QColor("#1b5e20")


class ContactPlanModel(QAbstractTableModel):
    """One row per person with a contact rhythm: planned, done, behind."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[cr.ContactPlanRow] = []
        self._headers = [
            self.tr("Name"),
            self.tr("Company"),
            self.tr("Contact via"),
            self.tr("Every"),
            self.tr("Planned"),
            self.tr("Done"),
            self.tr("Behind"),
            self.tr("Last contact"),
        ]

    def set_rows(self, rows: list[cr.ContactPlanRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def text(self, row: cr.ContactPlanRow, col: int) -> str:
        if col == NAME:
            return row.name
        if col == COMPANY:
            return row.company or ""
        if col == KIND:
            return activity_kind_label(row.kind) if row.kind else self.tr("any")
        if col == EVERY:
            if row.interval_days == 1:
                return self.tr("1 day")
            return self.tr("%n days", "", row.interval_days)
        if col == PLANNED:
            return str(row.planned)
        if col == DONE:
            return str(row.done)
        if col == BEHIND:
            return str(row.behind) if row.behind else "—"
        if row.last_contact is None:
            return self.tr("never")
        return format_date(to_local(row.last_contact).date())

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (EVERY, PLANNED, DONE, BEHIND):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col in (DONE, BEHIND):
            return QBrush(BEHIND_COLOR if row.behind else ON_PLAN_COLOR)
        if role == Qt.ItemDataRole.FontRole and col == BEHIND and row.behind:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and row.behind:
            if row.behind == 1:
                return self.tr("1 contact missing in this period")
            return self.tr("%n contacts missing in this period", "", row.behind)
        if role == Qt.ItemDataRole.UserRole:
            return row.person_id
        return None


class ContactReportDialog(QDialog):
    """Planned against done contacts of a period; the most behind first."""

    changed = Signal(object)  # never emitted: the report only reads (kept for the hub)
    openPerson = Signal(int)

    def __init__(
        self, store: Store, clock: Clock | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.setWindowTitle(self.tr("Contact intervals: target and actual"))
        self.resize(980, 560)
        layout = QVBoxLayout(self)

        bar = QHBoxLayout()
        start, end = cr.default_period(self.clock)
        from_label = QLabel(self.tr("&From:"))
        self.start = DateEdit()
        self.start.set_date(start)
        from_label.setBuddy(self.start)
        to_label = QLabel(self.tr("&To:"))
        self.end = DateEdit()
        self.end.set_date(end)
        to_label.setBuddy(self.end)
        owner_label = QLabel(self.tr("O&wner:"))
        self.owner_box = QComboBox()
        self.owner_box.addItem(self.tr("Everyone"), None)
        for name in ops.read(store, cr.owners):
            self.owner_box.addItem(name, name)
        owner_label.setBuddy(self.owner_box)
        self.show_button = QPushButton(self.tr("&Show"))
        self.show_button.setDefault(True)
        for widget in (from_label, self.start, to_label, self.end, owner_label, self.owner_box):
            bar.addWidget(widget)
        bar.addWidget(self.show_button)
        bar.addStretch(1)
        layout.addLayout(bar)

        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary)

        self.model = ContactPlanModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Planned and done contacts per person"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COMPANY, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

        self.hint = self.tr(
            "Planned: the days of the period divided by the interval. Only contacts of "
            "the rhythm's kind count (set it in the person's form under Contact via)."
        )
        self.info = QLabel(self.hint)
        self.info.setWordWrap(True)
        self.info.setStyleSheet("color: #666666;")
        layout.addWidget(self.info)

        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton(
            self.tr("&Print…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.show_button.clicked.connect(self.refresh)
        self.owner_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.print_button.clicked.connect(lambda: self.print_pdf())
        self.table.doubleClicked.connect(self._open)
        self.refresh()

    # ------------------------------------------------------------ data

    def period(self) -> tuple[dt.date, dt.date]:
        """The typed period; a ValidationError for an unreadable or reversed one."""
        first, today = cr.default_period(self.clock)
        start = self.start.date_value("from") or first
        end = self.end.date_value("to") or today
        cr.check_period(start, end)
        return start, end

    def owner(self) -> str | None:
        data = self.owner_box.currentData()
        return str(data) if data else None

    def refresh(self) -> bool:
        try:
            start, end = self.period()
        except CrmError as exc:
            self.info.setStyleSheet(f"color: {ERROR_COLOR};")
            self.info.setText(translate_error(exc))
            return False
        owner = self.owner()
        rows = ops.read(self.store, lambda s: cr.contact_plan(s, start, end, owner))
        self.model.set_rows(rows)
        self.info.setStyleSheet("color: #666666;")
        self.info.setText(self.hint)
        behind = sum(1 for r in rows if r.behind)
        planned = sum(r.planned for r in rows)
        done = sum(min(r.done, r.planned) for r in rows)
        share = round(done * 100 / planned) if planned else 100
        color = (ON_PLAN_COLOR if not behind else BEHIND_COLOR).name()
        self.summary.setText(
            self.tr(
                "{people} people with a rhythm · {done} of {planned} planned contacts done "
                "({share}%) · <b style='color:{color}'>{behind} behind</b>"
            ).format(
                people=len(rows),
                done=done,
                planned=planned,
                share=share,
                color=color,
                behind=behind,
            )
        )
        return True

    def apply_changes(self, changes: Changes) -> None:
        """New contacts and changed rhythms change the figures."""
        if self.isVisible() and changes.touches("activities", "people"):
            self.refresh()

    def _open(self, index: QModelIndex) -> None:
        pid = self.model.index(index.row(), 0).data(Qt.ItemDataRole.UserRole)
        if isinstance(pid, int):
            self.openPerson.emit(pid)

    # ------------------------------------------------------------ printing

    def print_pdf(self, path: Path | None = None) -> Path | None:
        """Print the report as PDF (asks for the file unless ``path`` is given)."""
        from crm_desktop.ui.reports import print_contact_plan

        try:
            start, end = self.period()
        except CrmError as exc:
            show_error(self, exc)
            return None
        if path is None:
            name = "kontaktintervalle.pdf" if is_german() else "contact-intervals.pdf"
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Print contact intervals"), str(Path.home() / name), "PDF (*.pdf)"
            )
            if not chosen:
                return None
            path = Path(chosen)
        try:
            print_contact_plan(self.store, path, start, end, self.owner(), self.clock)
        except CrmError as exc:
            show_error(self, exc)
            return None
        return path
