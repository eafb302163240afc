"""Creating and editing records: new company/person/department, edit, log an
activity, quick entry, appointments and follow-ups.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer

from crm_desktop.services.changes import Changes
from crm_desktop.ui import ops
from crm_desktop.ui.main_window.base import WindowRoom

if TYPE_CHECKING:
    # The data layer and the panes are imported when a store is attached: the window's
    # frame (menus, toolbar, status bar) paints before SQLAlchemy and the models load.
    from crm_desktop.data.models import ActivityKind


class RecordsRoom(WindowRoom):
    """New and edited records, activities, appointments, follow-ups."""

    def open_quick_entry(self) -> None:
        """Ctrl+L: one line in German or English becomes an activity or a follow-up."""
        from crm_desktop.ui.quick_entry import QuickEntryDialog

        dialog = QuickEntryDialog(self.store, self.clock, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # an activity or a follow-up (and the person created for it, if any)
        dialog.changed.connect(self.hub.publish)
        self.quick_entry_dialog = dialog
        dialog.show()

    def new_appointment(self) -> int | None:
        """A new appointment (for the person shown, if any), invitations included."""
        loc = self.current
        person_id = loc.ref_id if loc is not None and loc.kind == "person" else None
        return self.edit_appointment(None, person_id=person_id)

    def edit_appointment(
        self, appointment_id: int | None, *, person_id: int | None = None
    ) -> int | None:
        from crm_desktop.ui.appointment_dialog import AppointmentDialog

        dialog = AppointmentDialog(
            self.store,
            appointment_id=appointment_id,
            person_id=person_id,
            clock=self.clock,
            parent=self,
        )
        saved = self._run_dialog(dialog)
        if saved is not None:
            self.hub.publish(Changes.of("appointment", saved, structure=appointment_id is None))
        return saved

    def plan_followup(self) -> None:
        """Plan a follow-up for the person shown (or one chosen in the dialog): only
        the follow-up is written, no activity is logged."""
        from crm_desktop.ui.followup_dialog import FollowupDialog

        person_id = self.current.ref_id if self.current and self.current.kind == "person" else None
        dialog = FollowupDialog(self.store, person_id, clock=self.clock, parent=self)
        dialog.saved.connect(self.hub.publish)
        if dialog.exec() and dialog.result_id is not None:
            self.statusBar().showMessage(self.tr("Follow-up planned."), 5000)

    # ------------------------------------------------------------ records: new, edit, delete

    def _company_and_department(self) -> tuple[int | None, int | None]:
        """The company and department the user is "in" right now."""
        from crm_desktop.services import lookups

        loc = self.current
        if loc is None or loc.ref_id is None:
            return None, None
        kind, ref_id = loc.kind, loc.ref_id
        return ops.read(self.store, lambda s: lookups.company_and_department(s, kind, ref_id))

    def new_contextual(self) -> None:
        """Ctrl+N: a person where a company or person is selected, else a company."""
        company_id, department_id = self._company_and_department()
        if company_id is not None:
            self.new_person(company_id, department_id)
        else:
            self.new_company()

    def _run_dialog(self, dialog: Any) -> int | None:
        if dialog.exec():
            rid = getattr(dialog, "result_id", None)
            return int(rid) if isinstance(rid, int) else None
        return None

    def new_company(self, parent_id: int | None = None) -> int | None:
        from crm_desktop.ui.dialogs import CompanyDialog

        new_id = self._run_dialog(
            CompanyDialog(self.store, parent_id=parent_id, parent=self, clock=self.clock)
        )
        if new_id is not None:
            self._created("company", new_id)
        return new_id

    def new_person(self, company_id: int | None, department_id: int | None = None) -> int | None:
        from crm_desktop.ui.dialogs import PersonDialog

        dialog = PersonDialog(
            self.store,
            company_id=company_id,
            department_id=department_id,
            parent=self,
            clock=self.clock,
        )
        dialog.openExisting.connect(
            lambda pid: QTimer.singleShot(0, lambda: self.open_record("person", int(pid)))
        )
        new_id = self._run_dialog(dialog)
        if new_id is not None:
            self._created("person", new_id)
        return new_id

    def new_department(self, company_id: int) -> int | None:
        from crm_desktop.services.tree import NodeRef
        from crm_desktop.ui.dialogs import DepartmentDialog

        new_id = self._run_dialog(DepartmentDialog(self.store, company_id, parent=self))
        if new_id is not None:
            self.hub.publish(Changes.of("department", new_id) | Changes.of("company", company_id))
            self.tree_panel.select(NodeRef.department(new_id))
        return new_id

    def _created(self, kind: str, ref_id: int) -> None:
        self.hub.publish(Changes.of(kind, ref_id, structure=True))
        self.open_record(kind, ref_id)

    def _new_branch_current(self) -> None:
        company_id, _ = self._company_and_department()
        self.new_company(parent_id=company_id)

    def _new_department_current(self) -> None:
        company_id, _ = self._company_and_department()
        if company_id is None:
            self.statusBar().showMessage(self.tr("Select a company first."), 5000)
            return
        self.new_department(company_id)

    def _new_person_current(self) -> None:
        company_id, department_id = self._company_and_department()
        self.new_person(company_id, department_id)

    def log_call(self) -> None:
        from crm_desktop.data.models import ActivityKind

        self.log_activity(ActivityKind.CALL)

    def log_activity(self, kind: ActivityKind | None) -> None:
        loc = self.current
        person_id = loc.ref_id if loc is not None and loc.kind == "person" else None
        company_id, _ = self._company_and_department()
        from crm_desktop.ui.dialogs import ActivityDialog

        kwargs: dict[str, Any] = {"person_id": person_id, "company_id": company_id}
        if kind is not None:
            kwargs["kind"] = kind
        if loc is not None and loc.kind == "project":
            kwargs["project_id"] = loc.ref_id
        dialog = ActivityDialog(self.store, parent=self, clock=self.clock, **kwargs)
        activity_id = self._run_dialog(dialog)
        if activity_id is not None:
            self._activity_logged(activity_id)

    def edit_current(self) -> None:
        loc = self.current
        if loc is None or loc.ref_id is None:
            self.statusBar().showMessage(self.tr("Select a company or a person first."), 5000)
            return
        if loc.kind == "company":
            from crm_desktop.ui.dialogs import CompanyDialog

            if self._run_dialog(
                CompanyDialog(self.store, company_id=loc.ref_id, parent=self, clock=self.clock)
            ):
                self._edited()
        elif loc.kind == "person":
            from crm_desktop.ui.dialogs import PersonDialog

            if self._run_dialog(
                PersonDialog(self.store, person_id=loc.ref_id, parent=self, clock=self.clock)
            ):
                self._edited()

    def _edited(self) -> None:
        self.undo.sync()  # the save wrote an edit entry: the Edit menu names it
        loc = self.current
        if loc is not None and loc.ref_id is not None:
            # a company's name and a person's company move them in the tree
            self.hub.publish(Changes.of(loc.kind, loc.ref_id, structure=True))
