"""The backups dialog: list with a preview of what each backup holds, back up now,
restore (with confirmation) and delete.

File work (copying, checking, reading previews) runs off the GUI thread, through the
application's runner, one job after another; the dialog stays responsive. Restoring replaces the store file, so the application
passes ``close_store`` (dispose its engine) and ``reopen_store`` callbacks.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.config import AppPaths
from crm_desktop.services import backup as bk
from crm_desktop.ui.tasks import Task, runner

_Index = QModelIndex | QPersistentModelIndex


def kind_label(kind: str) -> str:
    labels = {
        "daily": QCoreApplication.translate("BackupDialog", "Daily"),
        "weekly": QCoreApplication.translate("BackupDialog", "Weekly"),
        "monthly": QCoreApplication.translate("BackupDialog", "Monthly"),
        "manual": QCoreApplication.translate("BackupDialog", "Manual"),
        "pre-upgrade": QCoreApplication.translate("BackupDialog", "Before upgrade"),
        "pre-restore": QCoreApplication.translate("BackupDialog", "Before restore"),
    }
    return labels.get(kind, kind)


def human_size(size: int) -> str:
    from crm_desktop.ui.format import ui_locale

    return ui_locale().formattedDataSize(size)


class BackupListModel(QAbstractTableModel):
    """Backups (newest first) with their record counts."""

    COLUMNS = ("created", "kind", "size", "people", "companies", "activities")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[bk.BackupInfo] = []

    def set_backups(self, rows: list[bk.BackupInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def backup(self, row: int) -> bk.BackupInfo:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Created"),
            self.tr("Kind"),
            self.tr("Size"),
            self.tr("People"),
            self.tr("Companies"),
            self.tr("Activities"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        info = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "created":
                from crm_desktop.ui.format import format_datetime

                return format_datetime(info.created)
            if col == "kind":
                return kind_label(info.kind)
            if col == "size":
                return human_size(info.size)
            if info.counts is None:
                return "–"
            return str(info.counts.get(col, 0))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (
            "size",
            "people",
            "companies",
            "activities",
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path)
        return None


class BackupDialog(QDialog):
    """List, make, restore and delete backups of the store in ``paths``."""

    busyChanged = Signal(bool)
    restored = Signal(str)  # path of the restored backup

    def __init__(
        self,
        paths: AppPaths,
        *,
        clock: Clock | None = None,
        close_store: Callable[[], None] | None = None,
        reopen_store: Callable[[], None] | None = None,
        parent: QWidget | None = None,
        passphrase: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.passphrase = passphrase  # an encrypted store: backups encrypted with it
        self.clock = clock or SystemClock()
        self.close_store = close_store
        self.reopen_store = reopen_store
        self._jobs: list[Task[Any]] = []
        self._lane = f"backups-{id(self)}"  # one file job after another
        self.setWindowTitle(self.tr("Backups"))
        self.resize(760, 440)

        intro = QLabel(
            self.tr(
                "A backup is made automatically at the first start of each day and when you "
                "quit. Seven daily, four weekly and twelve monthly backups are kept."
            )
        )
        intro.setWordWrap(True)
        self.model = BackupListModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setAlternatingRowColors(True)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.backup_button = QPushButton(self.tr("Back up now"))
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self._restore_clicked)
        self.delete_button.clicked.connect(self._delete_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.preview)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._busy = False
        self._update_buttons()
        self.refresh()

    # ------------------------------------------------------------ background work

    def _run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        def finish(task: Task[Any]) -> None:
            if task in self._jobs:
                self._jobs.remove(task)
            if shiboken6.isValid(self):
                self._set_busy(bool(self._jobs))

        self._set_busy(True)
        task = runner().submit(
            lambda _progress: fn(),
            receiver=self,
            lane=self._lane,
            on_done=on_done,
            on_error=on_error or self._show_error,
            name="backups",
            on_finish=finish,
        )
        self._jobs.append(task)

    @property
    def busy(self) -> bool:
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self._update_buttons()
            self.busyChanged.emit(busy)

    def _show_error(self, exc: BaseException) -> None:
        from crm_desktop.ui.errors import error_label_text

        # a bug: logged with its traceback, a generic text here
        self.status.setText(error_label_text(exc))

    # ------------------------------------------------------------ actions

    def refresh(self) -> None:
        paths = self.paths
        self._run(lambda: bk.list_backups(paths), self._listed)

    def _listed(self, rows: object) -> None:
        assert isinstance(rows, list)
        self.model.set_backups(rows)
        if rows:
            self.view.selectRow(0)
        else:
            self.preview.setText(self.tr("No backups yet."))
        self._update_buttons()

    def back_up_now(self) -> None:
        paths, clock, passphrase = self.paths, self.clock, self.passphrase

        def work() -> Path:
            target = bk.make_backup(paths, "manual", clock=clock, passphrase=passphrase)
            bk.rotate(paths)
            return target

        self.status.setText(self.tr("Writing the backup…"))
        self._run(work, self._backed_up)

    def _backed_up(self, target: object) -> None:
        self.status.setText(self.tr("Backup written and checked: {0}").format(str(target)))
        self.refresh()

    def selected(self) -> bk.BackupInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.backup(rows[0].row()) if rows else None

    def _selection_changed(self, *_: object) -> None:
        info = self.selected()
        if info is None:
            self.preview.clear()
        elif info.counts is None:
            self.preview.setText(self.tr("This backup cannot be read (damaged or encrypted)."))
        else:
            self.preview.setText(
                self.tr(
                    "This backup holds {people} people, {companies} companies and "
                    "{activities} activities."
                ).format(**info.counts)
            )
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.backup_button.setEnabled(not self._busy)
        self.restore_button.setEnabled(has and not self._busy)
        self.delete_button.setEnabled(has and not self._busy)

    def confirm_restore(self, info: bk.BackupInfo) -> bool:
        """Ask before replacing the store (tests replace this method)."""
        from crm_desktop.ui.format import format_datetime

        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Restore backup"))
        box.setText(
            self.tr("Replace all current data with the backup of {0}?").format(
                format_datetime(info.created)
            )
        )
        box.setInformativeText(
            self.preview.text()
            + "\n\n"
            + self.tr(
                "Changes made since then are lost. The current data is kept as a "
                "“before restore” backup, so this can be undone."
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Ok)
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("Restore"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Ok

    def _restore_clicked(self) -> None:
        info = self.selected()
        if info is not None and self.confirm_restore(info):
            self.restore(info.path)

    def restore(self, path: Path) -> None:
        """Restore ``path`` now (no question asked): close, swap, reopen."""
        paths, clock = self.paths, self.clock
        if self.close_store is not None:
            self.close_store()

        def reopen() -> None:
            if self.reopen_store is not None:
                self.reopen_store()

        def done(aside: object) -> None:
            reopen()
            self.status.setText(
                self.tr("Restored. The previous data was kept as {0}").format(str(aside))
            )
            self.restored.emit(str(path))
            self.refresh()

        def failed(exc: BaseException) -> None:
            reopen()
            self._show_error(exc)

        self.status.setText(self.tr("Restoring…"))
        passphrase = self.passphrase

        def work() -> Path | None:
            from crm_desktop.services.storecheck import has_sqlite_header

            if passphrase and not has_sqlite_header(path):  # an encrypted backup
                from crm_desktop.services import crypto

                return crypto.restore_encrypted(paths, path, passphrase, clock=clock)
            return bk.restore(paths, path, clock=clock)

        self._run(work, done, failed)

    def _delete_clicked(self) -> None:
        info = self.selected()
        if info is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete backup"),
            self.tr("Delete this backup for good?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete(info.path)

    def delete(self, path: Path) -> None:
        paths = self.paths
        self._run(lambda: bk.delete_backup(paths, path), lambda _r: self.refresh())

    def done(self, result: int) -> None:
        for task in list(self._jobs):  # a copy under way finishes first
            task.wait(10000)
        super().done(result)
