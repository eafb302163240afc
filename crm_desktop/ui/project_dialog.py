"""The project editor: name, customer, status, dates, description and the members
(people of any company: a project may run across a company group or with partners).

One save runs :func:`crm_desktop.services.projects.save_project` in one unit of work
(an edit is one undo step); ``saved`` carries the change record. A refused value is
shown in the dialog; a save by someone else since the dialog opened is refused with
the name of who changed it (optimistic versions), nothing is overwritten.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.data.models import ProjectStatus
from crm_desktop.data.store import Store
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import CrmError, MultipleErrors, ValidationError
from crm_desktop.services import projects as pj
from crm_desktop.services.changes import Changes
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.errors import error_label_text, show_error
from crm_desktop.ui.forms import (
    DateEdit,
    RecordCombo,
    company_choice,
    company_source,
    people_source,
)
from crm_desktop.ui.i18n import project_status_label

MEMBER_ID = Qt.ItemDataRole.UserRole


class ProjectDialog(QDialog):
    """New project (``project_id`` None) or edit one; ``saved(Changes)`` after a save."""

    saved = Signal(object)

    def __init__(
        self,
        store: Store,
        project_id: int | None = None,
        *,
        company_id: int | None = None,
        clock: Clock | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock or SystemClock()
        self.setObjectName("projectDialog")
        self.result_id: int | None = None
        self.changes = Changes()

        def load(s: Session) -> tuple[pj.ProjectForm, tuple[int, str] | None]:
            form = (
                pj.load_form(s, project_id)
                if project_id is not None
                else pj.ProjectForm(company_id=company_id)
            )
            return form, company_choice(s, form.company_id)

        self.form, company = ops.read(store, load)
        self.setWindowTitle(
            self.tr("New project")
            if project_id is None
            else self.tr("Project {name}").format(name=self.form.name)
        )
        self.resize(620, 560)

        self.name = QLineEdit(self.form.name, self)
        self.name.setObjectName("projectName")
        self.name.setMaxLength(200)
        self.company = RecordCombo(self.tr("(no company)"), self)
        self.company.set_source(company_source(store), company)
        self.status = QComboBox(self)
        for status in ProjectStatus:
            self.status.addItem(project_status_label(status), status)
        self.status.setCurrentIndex(self.status.findData(self.form.status))
        self.start = DateEdit(self)
        self.start.set_date(self.form.start_date)
        self.end = DateEdit(self)
        self.end.set_date(self.form.end_date)
        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(QLabel(self.tr("to"), self))
        dates.addWidget(self.end)
        self.description = QPlainTextEdit(self.form.description, self)
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(self.tr("What the project is about, agreements"))

        self.members = QListWidget(self)
        self.members.setObjectName("projectMembers")
        for pid, label in self.form.members:
            self._add_member_item(pid, label)
        self.member_pick = RecordCombo(None, self)
        self.member_pick.set_source(people_source(store), None)
        self.member_pick.lineEdit().setPlaceholderText(  # type: ignore[union-attr]
            self.tr("Type a name to add a member")
        )
        add = QPushButton(self.tr("&Add"), self)
        add.setAutoDefault(False)
        add.clicked.connect(self.add_member)
        remove = QPushButton(self.tr("&Remove"), self)
        remove.setAutoDefault(False)
        remove.clicked.connect(self.remove_member)
        pick_row = QHBoxLayout()
        pick_row.addWidget(self.member_pick, 1)
        pick_row.addWidget(add)
        pick_row.addWidget(remove)

        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Customer"), self.company)
        form.addRow(self.tr("&Status"), self.status)
        form.addRow(self.tr("Period"), dates)
        form.addRow(self.tr("&Description"), self.description)
        form.addRow(self.tr("Members"), self.members)
        form.addRow("", pick_row)
        self.error = QLabel(self)
        self.error.setObjectName("projectError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.name.setFocus()

    # ------------------------------------------------------------ members

    def member_ids(self) -> list[int]:
        return [int(self.members.item(i).data(MEMBER_ID)) for i in range(self.members.count())]

    def _add_member_item(self, pid: int, label: str) -> None:
        if pid in self.member_ids():
            return
        item = QListWidgetItem(label, self.members)
        item.setData(MEMBER_ID, pid)

    def add_member(self) -> None:
        pid = self.member_pick.chosen_id()
        if pid is None:
            return
        self._add_member_item(pid, self.member_pick.currentText())
        self.member_pick.set_current_id(None)

    def remove_member(self) -> None:
        row = self.members.currentRow()
        if row >= 0:
            self.members.takeItem(row)

    # ------------------------------------------------------------ saving

    def save(self) -> None:
        try:
            self.form.start_date = self.start.date_value("start_date")
            self.form.end_date = self.end.date_value("end_date")
        except ValidationError as exc:
            self._refused(exc)
            return
        company_id = self.company.chosen_id()
        if company_id is None and self.company.is_unmatched():
            self._refused(
                ValidationError(
                    QT_TRANSLATE_NOOP("errors", "No company matches “{text}”."),
                    text=self.company.currentText(),
                )
            )
            return
        self.form.name = self.name.text()
        self.form.company_id = company_id
        self.form.status = ProjectStatus(self.status.currentData())
        self.form.description = self.description.toPlainText()
        self.form.member_ids = self.member_ids()
        try:
            result = ops.write(self.store, lambda s: pj.save_project(s, self.form, self.clock))
        except MultipleErrors as exc:
            self._refused(exc.errors[0] if exc.errors else exc)
            return
        except CrmError as exc:
            self._refused(exc)
            return
        except Exception as exc:  # a bug: the crash dialog and the log
            show_error(self, exc)
            return
        self.result_id = result.project_id
        self.changes = result.changes
        self.saved.emit(result.changes)
        self.accept()

    def _refused(self, exc: CrmError) -> None:
        self.error.setText(error_label_text(exc))
        self.error.show()
        target = {
            "name": self.name,
            "start_date": self.start,
            "end_date": self.end,
            "description": self.description,
        }.get(str(getattr(exc, "field", "") or ""))
        if target is not None:
            target.setFocus()


__all__ = ["ProjectDialog"]
