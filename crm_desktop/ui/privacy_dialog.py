"""The privacy (GDPR) dialog: export what is stored about a person (JSON or HTML),
withdraw marketing consent, anonymise with a strong confirmation, and the list of
people without activity for N years (retention).

Database work runs off the GUI thread through the application's runner
(:mod:`crm_desktop.ui.tasks`); the services do the real work (crm_desktop.services.privacy).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
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
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, SystemClock, to_local
from crm_desktop.config import AppPaths, resolve_paths
from crm_desktop.data.store import Store
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import CrmError
from crm_desktop.services import privacy
from crm_desktop.services.changes import Changes
from crm_desktop.services.unit import Session
from crm_desktop.ui.tasks import Progress, TaskRunner
from crm_desktop.ui.tasks import runner as task_runner

_Index = QModelIndex | QPersistentModelIndex


class RetentionModel(QAbstractTableModel):
    COLUMNS = ("id", "name", "last")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[privacy.RetentionCandidate] = []

    def set_rows(self, rows: list[privacy.RetentionCandidate]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def candidate(self, row: int) -> privacy.RetentionCandidate:
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
        return (self.tr("No."), self.tr("Name"), self.tr("Last activity"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if col == "id":
            return str(row.person_id)
        if col == "name":
            return row.name
        if row.last_activity is None:
            return self.tr("never")
        from crm_desktop.ui.format import format_date

        return format_date(row.last_activity.date())


class AnonymiseConfirmDialog(QDialog):
    """Strong confirmation: the user types a confirmation word before OK is enabled."""

    def __init__(self, person_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Anonymise person"))
        self.word = self.tr("ANONYMISE")
        text = QLabel(
            self.tr(
                "<b>Erase the personal data of {0}?</b><br><br>Names, birth date, phone "
                "numbers, e-mail addresses, addresses, bank accounts, notes, photo and "
                "profile are removed; texts of activities, follow-ups and tickets are "
                "blanked. Kinds and dates stay, so statistics remain right. Duplicates "
                "merged into this person, undo entries that could bring them back and "
                "mentions of their name, e-mail addresses and phone numbers in other "
                "records, the search index, the calendar file and the log files are "
                "erased too.<br><br>"
                "<b>This cannot be undone.</b> Backups made earlier still hold the data "
                "until they are rotated out."
            ).format(person_label.replace("&", "&amp;").replace("<", "&lt;"))
        )
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        prompt = QLabel(self.tr("Type {0} to confirm:").format(self.word))
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.word)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Anonymise"))
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.edit.textChanged.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(prompt)
        layout.addWidget(self.edit)
        layout.addWidget(self.buttons)
        self.resize(480, 260)

    def _check(self, value: str) -> None:
        self.ok.setEnabled(value.strip().casefold() == self.word.casefold())


class PrivacyDialog(QDialog):
    """GDPR tools for one person, and the retention list."""

    anonymised = Signal(int)
    changed = Signal(object)  # the Changes of an anonymisation or a consent withdrawal
    exported = Signal(str)
    busyChanged = Signal(bool)

    def __init__(
        self,
        store: Store,
        person_id: int | None = None,
        *,
        clock: Clock | None = None,
        runner: TaskRunner | None = None,
        paths: AppPaths | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock or SystemClock()
        # where the calendar file, invitations, logs and backups are (the window passes
        # them; else the store's folder)
        if paths is None and store.path is not None:
            paths = resolve_paths(store.path.parent)
        self.paths = paths
        self.last_report: privacy.ErasureReport | None = None
        self.runner = runner or task_runner().for_store(store, self)
        self.person_id: int | None = None
        self.person_label = ""
        self._pending = 0
        self.setWindowTitle(self.tr("Privacy (GDPR)"))
        self.resize(720, 460)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._person_tab(), self.tr("Person"))
        self.tabs.addTab(self._retention_tab(), self.tr("Retention"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.set_person(person_id)
        self.load_retention()

    # ------------------------------------------------------------ layout

    def _person_tab(self) -> QWidget:
        page = QWidget()
        self.person_name = QLabel()
        self.person_name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.consent_state = QLabel()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Person:"), self.person_name)
        form.addRow(self.tr("Marketing consent:"), self.consent_state)
        form.addRow(self.tr("Stored:"), self.summary)
        self.export_json_button = QPushButton(self.tr("Export as JSON…"))
        self.export_html_button = QPushButton(self.tr("Export as HTML…"))
        self.withdraw_button = QPushButton(self.tr("Withdraw marketing consent"))
        self.anonymise_button = QPushButton(self.tr("Anonymise…"))
        self.export_json_button.clicked.connect(lambda: self._ask_export("json"))
        self.export_html_button.clicked.connect(lambda: self._ask_export("html"))
        self.withdraw_button.clicked.connect(self.withdraw)
        self.anonymise_button.clicked.connect(self._anonymise_clicked)
        hint = QLabel(
            self.tr(
                "Export: right of access and data portability (Art. 15 and 20 GDPR). "
                "Anonymise: right to erasure (Art. 17 GDPR)."
            )
        )
        hint.setWordWrap(True)
        row = QHBoxLayout()
        for button in (
            self.export_json_button,
            self.export_html_button,
            self.withdraw_button,
            self.anonymise_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addStretch(1)
        return page

    def _retention_tab(self) -> QWidget:
        page = QWidget()
        self.years = QSpinBox()
        self.years.setRange(1, 30)
        self.years.setValue(3)
        self.years.setSuffix(self.tr(" years"))
        self.years.valueChanged.connect(lambda _v: self.load_retention())
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("People without any activity for at least")))
        top.addWidget(self.years)
        top.addStretch(1)
        self.retention_model = RetentionModel(self)
        self.retention_view = QTableView()
        self.retention_view.setModel(self.retention_model)
        self.retention_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.retention_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.retention_view.verticalHeader().hide()
        self.retention_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.retention_view.horizontalHeader().setStretchLastSection(True)
        self.retention_view.doubleClicked.connect(self._retention_picked)
        self.retention_count = QLabel()
        pick = QPushButton(self.tr("Open in the Person tab"))
        pick.clicked.connect(lambda: self._retention_picked(self.retention_view.currentIndex()))
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.retention_view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.retention_count, 1)
        bottom.addWidget(pick)
        layout.addLayout(bottom)
        return page

    # ------------------------------------------------------------ background work

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def _start(self) -> None:
        self._pending += 1
        if self._pending == 1:
            self.busyChanged.emit(True)
        self._update_buttons()

    def _end(self) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busyChanged.emit(False)
        self._update_buttons()

    def _run(self, fn: Any, on_done: Any, *, write: bool, with_store: bool = False) -> None:
        self._start()

        def done(result: Any) -> None:
            self._end()
            on_done(result)

        def failed(exc: BaseException) -> None:
            self._end()
            self._show_error(exc)

        if with_store:
            self.runner.run_with_store(fn, on_done=done, on_error=failed)
        else:
            self.runner.run(fn, write=write, on_done=done, on_error=failed)

    def _show_error(self, exc: BaseException) -> None:
        if isinstance(exc, CrmError):
            from crm_desktop.ui.i18n import translate_error

            self.status.setText(translate_error(exc))
        else:
            self.status.setText(self.tr("Unexpected error: {0}").format(type(exc).__name__))

    def _update_buttons(self) -> None:
        has = self.person_id is not None and not self.busy
        anonymised = self.person_label == privacy.ANONYMISED_NAME
        for button in (self.export_json_button, self.export_html_button):
            button.setEnabled(has)
        self.withdraw_button.setEnabled(has and not anonymised)
        self.anonymise_button.setEnabled(has and not anonymised)

    # ------------------------------------------------------------ person

    def set_person(self, person_id: int | None) -> None:
        self.person_id = person_id
        self.person_label = ""
        if person_id is None:
            self.person_name.setText(self.tr("(choose a person in the Retention tab)"))
            self.consent_state.clear()
            self.summary.clear()
            self._update_buttons()
            return
        clock = self.clock

        def load(s: Session, _p: Progress) -> dict[str, Any]:
            return privacy.export_person_data(s, person_id, clock=clock)

        self._run(load, self._show_person, write=False)

    def _show_person(self, data: dict[str, Any]) -> None:
        p = data["person"]
        name = " ".join(x for x in (p.get("title"), p.get("given_name"), p.get("family_name")) if x)
        self.person_label = name
        self.person_name.setText(f"{name} (#{p['id']})")
        consent = data["consent"]
        if consent["marketing"]:
            self.consent_state.setText(self.tr("given"))
        elif consent["withdrawn_at"]:
            self.consent_state.setText(self.tr("withdrawn"))
        else:
            self.consent_state.setText(self.tr("none"))
        self.summary.setText(
            self.tr(
                "{0} phone numbers, {1} e-mail addresses, {2} addresses, {3} bank accounts, "
                "{4} activities, {5} follow-ups, {6} tickets, {7} orders"
            ).format(
                len(data["phones"]),
                len(data["emails"]),
                len(data["addresses"]),
                len(data["bank_accounts"]),
                len(data["activities"]),
                len(data["followups"]),
                len(data["tickets"]),
                len(data["orders"]),
            )
        )
        self._update_buttons()

    def _ask_export(self, fmt: str) -> None:
        if self.person_id is None:
            return
        filters = self.tr("JSON files (*.json)") if fmt == "json" else self.tr("Web pages (*.html)")
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export personal data"), f"person-{self.person_id}.{fmt}", filters
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        """Write the export of the current person to ``path`` (.json or .html)."""
        if self.person_id is None:
            return
        pid, clock = self.person_id, self.clock
        as_html = path.suffix.lower() in (".html", ".htm")
        lang = "de" if self._german() else "en"

        def work(s: Session, _p: Progress) -> str:
            data = privacy.export_person_data(s, pid, clock=clock)
            content = (
                privacy.render_person_html(data, lang=lang)
                if as_html
                else json.dumps(data, ensure_ascii=False, indent=2)
            )
            tmp = path.with_name(f".{path.name}.part")
            try:
                tmp.write_text(content, encoding="utf-8")
                tmp.replace(path)
            except OSError as exc:
                tmp.unlink(missing_ok=True)
                raise CrmError(
                    QT_TRANSLATE_NOOP("errors", "The file {path} cannot be written: {detail}"),
                    path=str(path),
                    detail=exc.strerror or str(exc),
                ) from exc
            return str(path)

        def done(written: str) -> None:
            self.status.setText(self.tr("Exported to {0}").format(written))
            self.exported.emit(written)

        self._run(work, done, write=False)

    @staticmethod
    def _german() -> bool:
        from crm_desktop.ui.format import is_german

        return is_german()

    def withdraw(self) -> None:
        if self.person_id is None:
            return
        pid, clock = self.person_id, self.clock

        def work(s: Session, _p: Progress) -> int:
            privacy.withdraw_consent(s, pid, clock)
            return pid

        def done(_pid: int) -> None:
            self.status.setText(self.tr("Marketing consent withdrawn."))
            self.set_person(pid)
            self.changed.emit(Changes.of("person", pid))

        self._run(work, done, write=True)

    def confirm_anonymise(self) -> bool:
        """The strong confirmation (tests answer it through ``make_confirm_dialog``)."""
        dialog = self.make_confirm_dialog()
        return dialog.exec() == QDialog.DialogCode.Accepted

    def make_confirm_dialog(self) -> AnonymiseConfirmDialog:
        return AnonymiseConfirmDialog(f"{self.person_label} (#{self.person_id})", self)

    def _anonymise_clicked(self) -> None:
        if self.person_id is not None and self.confirm_anonymise():
            self.anonymise()

    def anonymise(self) -> None:
        """Anonymise the current person now (after the confirmation): the records, then
        the copies outside them (search index, file, calendar, logs)."""
        if self.person_id is None:
            return
        pid, clock, actor, paths = self.person_id, self.clock, self.store.owner, self.paths

        def work(store: Store, _p: Progress) -> privacy.ErasureReport:
            return privacy.erase_person(store, pid, clock, actor=actor, paths=paths)

        def done(report: privacy.ErasureReport) -> None:
            self.last_report = report
            self.status.setText(self.report_text(report))
            self.anonymised.emit(pid)
            self.changed.emit(Changes.of("person", pid, structure=True))
            self.set_person(pid)
            self.load_retention()

        self._run(work, done, write=True, with_store=True)

    def report_text(self, report: privacy.ErasureReport) -> str:
        """What the erasure reached and what it could not reach, for the status line."""
        r = report.result
        lines = [
            self.tr("The person's personal data has been erased."),
            self.tr(
                "Also erased: {0} merged duplicates, {1} attendee entries, {2} undo entries, "
                "{3} mentions in other records, {4} invitation files; log files cleaned: {5}."
            ).format(
                len(r.duplicates),
                r.attendees,
                r.undo_entries,
                r.mentions_scrubbed,
                report.invitations_removed,
                report.log_files_scrubbed,
            ),
        ]
        if report.database_compacted and report.search_index_optimized:
            lines.append(self.tr("The search index and the database file were rewritten."))
        elif self.store.is_sqlite:
            lines.append(
                self.tr(
                    "The database file could not be rewritten now (it is busy); deleted "
                    "pages were overwritten with zeros."
                )
            )
        if report.calendar_rewritten:
            lines.append(self.tr("The calendar file was rewritten."))
        missed: list[str] = []
        from crm_desktop.ui.format import format_date

        for item in report.not_reached:
            if item.kind == "backup":
                local = to_local(item.created) if item.created else None
                when = f"{format_date(local.date())} {local:%H:%M}" if local else "?"
                missed.append(self.tr("Backup of {0}: {1}").format(when, item.path))
            elif item.kind == "document-file":
                missed.append(self.tr("File of a document: {0}").format(item.path))
            elif item.kind == "exported-files":
                missed.append(
                    self.tr("Files exported earlier (the program does not keep track of them)")
                )
        if missed:
            lines.append(self.tr("Not reached (erase or rotate these yourself):"))
            lines += [f"• {m}" for m in missed]
        return "\n".join(lines)

    # ------------------------------------------------------------ retention

    def load_retention(self) -> None:
        years, clock = self.years.value(), self.clock

        def work(s: Session, _p: Progress) -> list[privacy.RetentionCandidate]:
            return privacy.retention_candidates(s, clock, years=years)

        def done(rows: list[privacy.RetentionCandidate]) -> None:
            self.retention_model.set_rows(rows)
            self.retention_count.setText(self.tr("{0} people").format(len(rows)))

        self._run(work, done, write=False)

    def _retention_picked(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if not index.isValid():
            return
        candidate = self.retention_model.candidate(index.row())
        self.tabs.setCurrentIndex(0)
        self.set_person(candidate.person_id)
