"""The company dialog."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock
from crm_desktop.data.store import Store
from crm_desktop.ui.dialogs.base import _Dialog
from crm_desktop.ui.dialogs.company_form import CompanyForm

# ---------------------------------------------------------------- company


class CompanyDialog(_Dialog):
    def __init__(
        self,
        store: Store,
        company_id: int | None = None,
        parent_id: int | None = None,
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(
            self.tr("New company") if company_id is None else self.tr("Edit company")
        )
        self.form = CompanyForm(store, clock, self)
        self.form.load(company_id, parent_id=parent_id)
        lay = QVBoxLayout(self)
        lay.addWidget(self.form, 1)
        lay.addWidget(self.buttons)
        self.resize(800, 660)
        self.form.name.setFocus()

    def save(self) -> None:
        rid = self.form.save()
        if rid is not None:
            self.accept_with(rid)
