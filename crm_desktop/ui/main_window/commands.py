"""Delete and undo commands of the window."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication

from crm_desktop.errors import CrmError
from crm_desktop.ui import ops
from crm_desktop.ui.main_window.base import Location, WindowRoom

if TYPE_CHECKING:
    # The data layer and the panes are imported when a store is attached: the window's
    # frame (menus, toolbar, status bar) paints before SQLAlchemy and the models load.
    from crm_desktop.data.models import ActivityKind
    from crm_desktop.services.tree import NodeRef


class CommandsRoom(WindowRoom):
    """Delete (with undo) and the undo of the newest change."""

    def delete_current(self) -> None:
        """Del: the selected activity when the timeline has the focus, else the record."""
        focus = QApplication.focusWidget()
        entry = self.timeline.current_entry()
        if entry is not None and focus is not None and self.timeline.isAncestorOf(focus):
            label = self.tr("the {kind} of {when}").format(
                kind=self.timeline_kind_label(entry.kind),
                when=self.timeline_when(entry.occurred_at),
            )
            if self.confirm(
                self.tr("Delete activity?"),
                self.tr("Delete {what}? It goes to the trash; Ctrl+Z brings it back.").format(
                    what=label
                ),
            ):
                self._delete("activity", entry.activity_id, self.tr("Delete activity"))
            return
        loc = self.current
        if loc is not None and loc.ref_id is not None and loc.kind == "project":
            self.delete_listed("project", loc.ref_id)
            return
        if loc is None or loc.ref_id is None or loc.kind not in ("company", "person"):
            self.statusBar().showMessage(self.tr("Select a company or a person to delete."), 5000)
            return
        self.delete_record(loc.kind, loc.ref_id)

    def delete_listed(self, kind: str, ref_id: int) -> bool:
        """A list's "Delete…" of a ticket, project or opportunity (or Del on the project
        shown): asks naming it, moves it to the trash undoably; the pages follow the hub."""
        from crm_desktop.ui.undo import delete_asking

        try:
            if not delete_asking(self.undo, kind, ref_id, self.confirm):
                return False
        except CrmError as exc:
            self.show_error(exc)
            return False
        self.statusBar().showMessage(self.tr("Deleted. Ctrl+Z brings it back."), 8000)
        if self.current == Location(kind, ref_id):  # it was shown in the centre
            self.go_back()
            if self.current == Location(kind, ref_id):  # nothing to go back to
                self.current = None
                self.timeline.set_scope(None)
                self.center.setCurrentWidget(self.detail)
                self.detail.clear()
        return True

    @staticmethod
    def timeline_kind_label(kind: ActivityKind) -> str:
        from crm_desktop.ui.timeline import kind_label

        return kind_label(kind)

    @staticmethod
    def timeline_when(moment: Any) -> str:
        from crm_desktop.ui.timeline import format_datetime

        return format_datetime(moment)

    def delete_record(self, kind: str, ref_id: int) -> bool:
        from crm_desktop.services import tree
        from crm_desktop.services.tree import NodeRef

        node = ops.read(
            self.store,
            lambda s: tree.node_for(
                s, NodeRef.person(ref_id) if kind == "person" else NodeRef.company(ref_id)
            ),
        )
        if kind == "person":
            question = self.tr(
                "Delete {name}? The person goes to the trash; activities stay. "
                "Ctrl+Z brings them back."
            ).format(name=node.label)
            title = self.tr("Delete person?")
            label = self.tr("Delete {name}").format(name=node.label)
        else:
            question = self.tr(
                "Delete {name} with its branches and their {count} people? Everything goes "
                "to the trash; Ctrl+Z brings it back."
            ).format(name=node.label, count=node.count or 0)
            title = self.tr("Delete company?")
            label = self.tr("Delete {name}").format(name=node.label)
        if not self.confirm(title, question):
            return False
        return self._delete(kind, ref_id, label)

    def _delete(self, kind: str, ref_id: int, label: str) -> bool:
        from crm_desktop.services import tree
        from crm_desktop.services.tree import NodeKind, NodeRef

        parent_ref: NodeRef | None = None
        if kind in ("person", "company"):
            path = ops.read(self.store, lambda s: tree.path_to(s, NodeRef(NodeKind(kind), ref_id)))
            parent_ref = path[-2] if len(path) > 1 else None
        try:
            self.undo.delete(kind, ref_id, label)
        except CrmError as exc:
            self.show_error(exc)
            return False
        self.statusBar().showMessage(self.tr("Deleted. Ctrl+Z brings it back."), 8000)
        if kind == "activity":
            return True
        self.current = None
        if parent_ref is not None and parent_ref.kind is not NodeKind.NO_COMPANY:
            assert parent_ref.ref_id is not None
            self.open_record(parent_ref.kind.value, parent_ref.ref_id)
        else:
            self.timeline.set_scope(None)
            self.detail.clear()
        return True

    def _tree_action(self, action: str, ref: NodeRef | None) -> None:
        from crm_desktop.services.tree import NodeKind

        if ref is not None and ref.ref_id is not None and ref.kind is not NodeKind.NO_COMPANY:
            if self.current is None or self.current != Location(ref.kind.value, ref.ref_id):
                self.open_record(ref.kind.value, ref.ref_id)
        elif ref is not None and ref.kind is NodeKind.NO_COMPANY:
            self.current = Location("no_company", None)
        if action == "new_company":
            self.new_company()
        elif action == "new_branch" and ref is not None:
            self.new_company(parent_id=ref.ref_id)
        elif action == "new_department" and ref is not None and ref.ref_id is not None:
            self.new_department(ref.ref_id)
        elif action == "new_person":
            if ref is not None and ref.kind is NodeKind.NO_COMPANY:
                self.new_person(None, None)
            else:
                self._new_person_current()
        elif action == "new_activity":
            self.log_activity(None)
        elif action == "edit":
            if ref is not None and ref.kind is NodeKind.DEPARTMENT:
                self.statusBar().showMessage(
                    self.tr("Departments are renamed in the company's details."), 5000
                )
            else:
                self.edit_current()
        elif action == "delete" and ref is not None and ref.ref_id is not None:
            self.delete_record(ref.kind.value, ref.ref_id)

    def undo_last_change(self) -> None:
        """Undo the newest change, whichever part of the program made it (every
        entry goes through the undo registry)."""
        self.undo.sync()  # entries written elsewhere (bulk, merge, a dialog) too
        what = self.undo.stack.undoText()
        if not self.undo.stack.canUndo():
            self.statusBar().showMessage(self.tr("There is nothing to undo."), 5000)
            return
        if self.undo.undo():
            self.statusBar().showMessage(self.tr("Undone: {what}").format(what=what), 8000)
