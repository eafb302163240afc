"""Launching the dialogs of other areas (trash, backups, privacy, duplicates, sales,
campaigns, rules, projects, settings) and help.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from crm_desktop import __version__
from crm_desktop.errors import CrmError
from crm_desktop.ui.main_window.base import WindowRoom
from crm_desktop.ui.settings_dialog import SettingsDialog

if TYPE_CHECKING:
    # The data layer and the panes are imported when a store is attached: the window's
    # frame (menus, toolbar, status bar) paints before SQLAlchemy and the models load.
    pass


class ToolsRoom(WindowRoom):
    """The dialogs of other areas, settings and help."""

    # ------------------------------------------------------------ dialogs of other areas

    def _run_tool(self, dialog: Any) -> None:
        """Run a dialog of another area: its navigation signals open records here and
        every change it makes is published as the record it names (no reload of
        everything when it closes)."""
        if isinstance(dialog, QWidget):
            self._connect_navigation(dialog)  # its ``changed`` records reach the hub
        dialog.exec()

    def open_import_wizard(self) -> None:
        from crm_desktop.ui.import_wizard import ImportWizard

        wizard = ImportWizard(self.store, self, clock=self.clock)
        wizard.showLastImport.connect(self._show_last_import)
        self._run_tool(wizard)

    def _show_last_import(self) -> None:
        self.show_view("people")
        page = self.pages.get("people")
        show = getattr(page, "show_last_import", None)
        if callable(show):
            show()

    def open_trash(self) -> None:
        from crm_desktop.ui.trash import TrashDialog

        self._run_tool(TrashDialog(self.store, self, clock=self.clock))

    def open_backups(self) -> None:
        from crm_desktop.config import resolve_paths
        from crm_desktop.ui.backup_dialog import BackupDialog

        if self.data_dir is None or not self.store.is_sqlite:
            self.show_message(
                self.tr("Backup"),
                self.tr("Backups of a server database are made on the server (pg_dump)."),
            )
            return

        def reopen() -> None:
            from crm_desktop.services.search import forget_vocabulary

            self.store.dispose()
            forget_vocabulary()
            self.reload_everything()

        dialog = BackupDialog(
            resolve_paths(self.data_dir),
            clock=self.clock,
            close_store=self.store.dispose,
            reopen_store=reopen,
            parent=self,
            passphrase=self.store_passphrase(),
        )
        dialog.exec()

    def open_privacy(self) -> None:
        from crm_desktop.config import resolve_paths
        from crm_desktop.ui.privacy_dialog import PrivacyDialog

        person_id = self.current.ref_id if self.current and self.current.kind == "person" else None
        dialog = PrivacyDialog(
            self.store,
            person_id,
            clock=self.clock,
            runner=self.tasks,
            paths=resolve_paths(self.data_dir),
            parent=self,
        )
        self._run_tool(dialog)

    def open_duplicates(self) -> None:
        from crm_desktop.ui.duplicates import DuplicateReviewDialog

        dialog = DuplicateReviewDialog(self.store, self, clock=self.clock)
        # "Find duplicates…" finds them: the search starts as the dialog opens
        QTimer.singleShot(0, dialog, dialog.start_search)
        self._run_tool(dialog)

    def open_signature(self) -> None:
        from crm_desktop.ui.signature_dialog import SignatureDialog

        self._run_tool(SignatureDialog(self.store, self, clock=self.clock))

    def _sales_context(self) -> tuple[int | None, int | None]:
        """The company and person the user is "in" (for a new opportunity or order)."""
        company_id, _dept = self._company_and_department()
        loc = self.current
        person_id = loc.ref_id if loc is not None and loc.kind == "person" else None
        return company_id, person_id

    def open_opportunity(self, opp_id: int | None = None) -> None:
        """Open an opportunity (or a new one for the current company or person)."""
        from crm_desktop.ui.sales import OpportunityDialog as cls

        company_id, person_id = (None, None) if opp_id is not None else self._sales_context()
        try:
            dialog = cls(
                self.store,
                opportunity_id=opp_id,
                company_id=company_id,
                person_id=person_id,
                clock=self.clock,
                parent=self,
            )
        except CrmError as exc:  # e.g. deleted meanwhile
            self.show_error(exc)
            return
        self._run_tool(dialog)

    def new_opportunity(self) -> None:
        self.open_opportunity(None)

    def new_order(self) -> None:
        from crm_desktop.ui.sales import OrderDialog as cls

        company_id, person_id = self._sales_context()
        dialog = cls(
            self.store, company_id=company_id, person_id=person_id, clock=self.clock, parent=self
        )
        self._run_tool(dialog)  # every view follows (the orders page, the customer's record)
        if dialog.result_number:
            self.statusBar().showMessage(
                self.tr("Order {number} saved.").format(number=dialog.result_number), 5000
            )

    def open_campaign(self) -> None:
        from crm_desktop.ui.campaign_dialog import CampaignDialog

        self._run_tool(CampaignDialog(self.store, self.clock, parent=self))

    # ------------------------------------------------------------ settings, help

    def open_rules(self) -> None:
        """Tools → Rules…: the rules of this address book; a save is one undo step."""
        from crm_desktop.ui.rules_dialog import RulesDialog

        dialog = RulesDialog(self.store, clock=self.clock, parent=self)
        dialog.saved.connect(self.hub.publish)
        dialog.saved.connect(lambda _c: self.undo.sync())
        dialog.exec()

    def new_project(self) -> None:
        """A new project; for the selected company when one is shown."""
        from crm_desktop.ui.project_dialog import ProjectDialog

        company_id = (
            self.current.ref_id if self.current and self.current.kind == "company" else None
        )
        dialog = ProjectDialog(self.store, company_id=company_id, clock=self.clock, parent=self)
        dialog.saved.connect(self.hub.publish)
        if dialog.exec() and dialog.result_id is not None:
            self.show_view("projects")

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self, self.property("encryption"))
        if dialog.exec() and getattr(dialog, "restart_needed", False):
            self.show_message(
                self.tr("Settings"),
                self.tr("The new language applies after the program is restarted."),
            )

    def show_shortcuts(self) -> None:
        rows = [
            ("Ctrl+F", self.tr("Search")),
            ("Ctrl+N", self.tr("New (person in the selected company, else a company)")),
            ("Ctrl+L", self.tr("Quick entry in the timeline")),
            ("Ctrl+Shift+A", self.tr("Log a call")),
            ("Ctrl+E", self.tr("Edit the selected record")),
            (self.tr("Del"), self.tr("Delete (asks first; Ctrl+Z brings it back)")),
            ("Ctrl+Z", self.tr("Undo")),
            ("F5", self.tr("Refresh")),
            ("Ctrl+1 / 2 / 3", self.tr("Go to tree / details / timeline")),
            ("Alt+← / Alt+→", self.tr("Back / forward through viewed records")),
        ]
        table = "".join(
            f"<tr><td><b>{native_keys(k)}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in rows
        )
        self.show_message(self.tr("Keyboard shortcuts"), f"<table>{table}</table>")

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About CRM Desktop"),
            self.tr("<b>CRM Desktop</b> {version}<br>An offline CRM for sole traders.").format(
                version=__version__
            ),
        )


def native_keys(keys: str) -> str:
    """Key names as the desktop spells them ("Strg+F" on a German system): each part of
    "Ctrl+1 / 2 / 3" or "Alt+← / Alt+→" goes through QKeySequence's native text."""
    parts = []
    for part in keys.split(" / "):
        seq = QKeySequence(part)
        text = seq.toString(QKeySequence.SequenceFormat.NativeText) if "+" in part else ""
        parts.append(text or part)
    return " / ".join(parts)
