"""The dialog shown when a save meets a colleague's newer save of the same record.

"Changed by Anna at 14:02": **Reload** discards the local edit and shows theirs,
**Overwrite** saves the local edit on top of theirs, **Compare** lists field by field
what they saved and what is in the form. Closing the dialog keeps editing; nothing
is ever lost silently.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import to_local
from crm_desktop.errors import ConcurrentEditError
from crm_desktop.ui.format import format_clock, format_date, format_datetime

RELOAD, OVERWRITE, KEEP_EDITING = "reload", "overwrite", "keep"


def show_value(value: Any) -> str:
    """A field value as the compare table shows it."""
    if value is None or value == "" or value == {}:
        return "—"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, dt.datetime):
        return format_datetime(value)
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


class ConflictDialog(QDialog):
    """Asks what to do with a save that a colleague's save overtook; ``choice`` is
    RELOAD, OVERWRITE or KEEP_EDITING (closed)."""

    def __init__(
        self,
        error: ConcurrentEditError,
        rows: Sequence[tuple[str, str, str]],
        parent: QWidget | None = None,
        *,
        now: dt.datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.choice = KEEP_EDITING
        self._now = now or dt.datetime.now(dt.UTC)
        lay = QVBoxLayout(self)
        self.message = QLabel(self.headline(error), self)
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        detail = QLabel(
            self.tr(
                "This record was saved by someone else after you opened it. Your changes "
                "are not saved yet."
            ),
            self,
        )
        detail.setWordWrap(True)
        lay.addWidget(detail)

        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Theirs"), self.tr("Yours")]
        )
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.verticalHeader().hide()
        self.table.setVisible(False)
        lay.addWidget(self.table)
        self.no_difference = QLabel(
            self.tr("The fields of this form show no difference (lists or tags may differ)."),
            self,
        )
        self.no_difference.setVisible(False)
        lay.addWidget(self.no_difference)
        self.has_rows = bool(rows)

        buttons = QHBoxLayout()
        self.reload_button = QPushButton(self.tr("&Reload"), self)
        self.reload_button.setToolTip(self.tr("Discard your changes and show theirs"))
        self.overwrite_button = QPushButton(self.tr("&Overwrite"), self)
        self.overwrite_button.setToolTip(self.tr("Save your changes over theirs"))
        self.compare_button = QPushButton(self.tr("&Compare"), self)
        self.compare_button.setToolTip(self.tr("Show their and your values field by field"))
        self.compare_button.setCheckable(True)
        for button in (self.reload_button, self.overwrite_button, self.compare_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        self.reload_button.clicked.connect(lambda: self._choose(RELOAD))
        self.overwrite_button.clicked.connect(lambda: self._choose(OVERWRITE))
        self.compare_button.toggled.connect(self.show_compare)

    def headline(self, error: ConcurrentEditError) -> str:
        when = error.changed_at
        moment = ""
        if isinstance(when, dt.datetime):
            local = to_local(when)
            today = to_local(self._now).date()
            moment = (
                format_clock(when)
                if local.date() == today
                else f"{format_date(local.date())} {format_clock(when)}"
            )
        who = error.changed_by or self.tr("another user")
        if not moment:
            return self.tr("Changed by {who}").format(who=who)
        return self.tr("Changed by {who} at {time}").format(who=who, time=moment)

    def show_compare(self, on: bool = True) -> None:
        self.table.setVisible(on and self.has_rows)
        self.no_difference.setVisible(on and not self.has_rows)
        if self.compare_button.isChecked() != on:
            self.compare_button.setChecked(on)
        self.adjustSize()

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def rows(self) -> list[tuple[str, str, str]]:
        found: list[tuple[str, str, str]] = []
        for r in range(self.table.rowCount()):
            cells = [self.table.item(r, c) for c in range(3)]
            field, theirs, yours = (cell.text() if cell is not None else "" for cell in cells)
            found.append((field, theirs, yours))
        return found
