"""The stack that shows the company or the person pane (and what is on neither)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock
from crm_desktop.data.store import Store
from crm_desktop.services import contacts
from crm_desktop.services.changes import Changes
from crm_desktop.ui import ops
from crm_desktop.ui.detail.company import CompanyDetailPane
from crm_desktop.ui.detail.person import PersonDetailPane
from crm_desktop.ui.detail.sections import _esc

# ---------------------------------------------------------------- the stack


class DetailStack(QStackedWidget):
    """Both panes plus an empty state; forwards the panes' signals."""

    personActivated = Signal(int)
    companyActivated = Signal(int)
    ticketActivated = Signal(int)
    projectActivated = Signal(int)
    opportunityActivated = Signal(int)
    deleteRequested = Signal(str, int)
    changed = Signal(object)  # the Changes of an edit made in the pane

    def __init__(self, store: Store, parent: QWidget | None = None, *, clock: Clock | None = None):
        super().__init__(parent)
        self.store = store
        self.empty_page = QWidget(self)
        box = QVBoxLayout(self.empty_page)
        box.setContentsMargins(40, 40, 40, 40)
        self.empty = QLabel(self.empty_page)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setTextFormat(Qt.TextFormat.RichText)
        self.empty.setMaximumWidth(560)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.empty, 6)
        row.addStretch(1)
        box.addStretch(1)
        box.addLayout(row)
        box.addStretch(2)
        self.company_pane = CompanyDetailPane(store, self, clock=clock)
        self.person_pane = PersonDetailPane(store, self, clock=clock)
        self.addWidget(self.empty_page)
        self.addWidget(self.company_pane)
        self.addWidget(self.person_pane)
        for pane in (self.company_pane, self.person_pane):
            pane.personActivated.connect(self.personActivated)
            pane.companyActivated.connect(self.companyActivated)
            pane.ticketActivated.connect(self.ticketActivated)
            pane.projectActivated.connect(self.projectActivated)
            pane.opportunityActivated.connect(self.opportunityActivated)
            pane.deleteRequested.connect(self.deleteRequested)
            pane.changed.connect(self.changed)
        self.clear()

    def show_company(self, company_id: int) -> None:
        self.person_pane.cancel_edit()
        self.company_pane.show_company(company_id)
        self.setCurrentWidget(self.company_pane)

    def show_person(self, person_id: int) -> None:
        self.company_pane.cancel_edit()
        self.person_pane.show_person(person_id)
        self.setCurrentWidget(self.person_pane)

    def clear(self) -> None:
        self.company_pane.clear()
        self.person_pane.clear()
        self.empty.setText(self._empty_text())
        self.setCurrentWidget(self.empty_page)

    def refresh(self) -> None:
        """Load the shown record again (its overview, tabs and counts)."""
        pane = self.currentWidget()
        if pane is self.company_pane:
            self.company_pane.refresh()
        elif pane is self.person_pane:
            self.person_pane.refresh()
        else:
            self.empty.setText(self._empty_text())

    def apply_changes(self, changes: Changes) -> None:
        """A record shows its history, follow-ups, tickets, deals and related people and
        companies: it loads again unless the change only touched other records of its
        own kind (another person's name, another company's address)."""
        pane = self.currentWidget()
        if pane is self.company_pane:
            kind, rid = "companies", self.company_pane.record_id
        elif pane is self.person_pane:
            kind, rid = "people", self.person_pane.record_id
        else:
            if changes.touches("people", "companies"):
                self.empty.setText(self._empty_text())
            return
        only_others = (
            not changes.everything
            and not changes.structure
            and bool(getattr(changes, kind))
            and rid not in getattr(changes, kind)
            and Changes(**{kind: getattr(changes, kind)}) == changes  # type: ignore[arg-type]
        )
        if not only_others:
            self.refresh()

    def _empty_text(self) -> str:
        try:
            n = ops.read(self.store, lambda s: contacts.counts(s))
        except Exception:  # the store may be unreachable; the hint stays useful
            n = {"people": 1, "companies": 1}
        muted = "color: #6b6b6b;"
        if n["people"] or n["companies"]:
            hint = self.tr("Select a company or person on the left.")
            return f'<p style="{muted} font-size: large;">{_esc(hint)}</p>'
        empty = self.tr("Your CRM is still empty.")
        return (
            f'<p style="font-size: large;"><b>{_esc(empty)}</b></p>'
            f'<p style="{muted}">'
            + _esc(
                self.tr(
                    "Create your first company or person in the Contacts menu (“New company…”, "
                    "“New person…”), or import your contacts from vCard (.vcf) or CSV files "
                    "with File ▸ Import… (Ctrl+I)."
                )
            )
            + "</p>"
            + f'<p style="{muted}">'
            + _esc(
                self.tr(
                    "To try the program first, fill it with demo data: Tools ▸ Create demo "
                    "data… (or “crm-desktop demo-data” on the command line)."
                )
            )
            + "</p>"
        )
