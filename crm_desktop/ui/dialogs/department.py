"""The department dialog."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.data.store import Store
from crm_desktop.errors import (
    ConflictError,
    ValidationError,
)
from crm_desktop.services import contacts
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.dialogs.base import _Dialog
from crm_desktop.ui.forms import (
    FORM_STYLE,
    Banner,
    ErrorRouter,
    FormPage,
    card_errors,
    save_with_errors,
)

# ---------------------------------------------------------------- department


class DepartmentDialog(_Dialog):
    def __init__(
        self,
        store: Store,
        company_id: int,
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.company_id = company_id
        self.clock: Clock = clock or SystemClock()
        self.setWindowTitle(self.tr("New department"))
        self.setStyleSheet(FORM_STYLE)
        lay = QVBoxLayout(self)
        self.banner = Banner(self)
        lay.addWidget(self.banner)
        self.page = FormPage(self)
        company_name = ops.read(store, lambda s: contacts.get_company(s, company_id).name)
        company_label = QLabel(company_name, self.page)
        self.page.add_row(self.tr("Company:"), company_label)
        self.name = QLineEdit(self.page)
        self.name.setPlaceholderText(self.tr("e.g. Einkauf, Buchhaltung, Werkstatt"))
        self.page.add_field("name", self.tr("&Name:"), self.name)
        lay.addWidget(self.page)
        lay.addStretch(1)
        lay.addWidget(self.buttons)
        self.router = ErrorRouter(self.banner)
        self.router.add(self.page)
        self.resize(420, 180)
        self.name.setFocus()

    def save(self) -> None:
        def work(session: Session, errors: list[ValidationError]) -> int:
            try:
                dept = contacts.create_department(
                    session, self.company_id, self.name.text(), self.clock
                )
            except ConflictError as exc:
                raise ValidationError(exc.message, field="name", **exc.params) from exc
            return dept.id

        rid = save_with_errors(
            self.store, self.router, work, card_errors({"name": self.name.text()})
        )
        if rid is not None:
            self.accept_with(rid)
