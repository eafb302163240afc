"""The customer of a sales record: a company and a contact person whose list follows
the company (:class:`CustomerPicker`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    Qt,
)
from PySide6.QtWidgets import (
    QCompleter,
    QLineEdit,
    QWidget,
)

from crm_desktop.data.store import Store
from crm_desktop.errors import ValidationError
from crm_desktop.services import pickers
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.forms import (
    FormPage,
    RecordCombo,
    company_choice,
    company_source,
    people_source,
)
from crm_desktop.ui.i18n import (
    QT_TRANSLATE_NOOP,
)

# ---------------------------------------------------------------- record lists


def _completer(edit: QLineEdit, words: list[str]) -> None:
    completer = QCompleter(words, edit)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    edit.setCompleter(completer)


class CustomerPicker(QWidget):
    """A company and a contact person; the person list follows the company."""

    def __init__(self, page: FormPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.company = RecordCombo(self.tr("(no company)"), self)
        self.person = RecordCombo(self.tr("(no contact person)"), self)
        self.company.setAccessibleName(self.tr("Company"))
        self.person.setAccessibleName(self.tr("Contact person"))
        self.store: Store | None = None
        self._company_for_people: int | None = -1
        self.company.currentIndexChanged.connect(lambda _i: self.refill_people())
        line = self.company.lineEdit()
        if line is not None:
            line.editingFinished.connect(self.refill_people)

    def load(self, store: Store, company_id: int | None, person_id: int | None) -> None:
        self.store = store

        def choice(s: Session) -> Any:
            cid = company_id
            if cid is None and person_id is not None:
                found = pickers.person(s, person_id)
                cid = found.company_id if found is not None else None
            return company_choice(s, cid)

        self.company.set_source(company_source(store), ops.read(store, choice))
        self.refill_people(person_id)

    def refill_people(self, keep: int | None = None) -> None:
        """The people of the chosen company (everyone without one), searched as typed."""
        if self.store is None:
            return
        cid = self.company.current_id()
        if cid == self._company_for_people and keep is None:
            return
        current = keep if keep is not None else self.person.current_id()
        self._company_for_people = cid
        found = ops.read(self.store, lambda s: pickers.person(s, current))
        if found is not None and cid is not None and found.company_id != cid:
            found = None
        self.person.set_source(
            people_source(self.store, company_id=cid, with_company=cid is None),
            (found.id, found.label if cid is None else found.name) if found else None,
        )

    def ids(self, errors: list[ValidationError]) -> tuple[int | None, int | None]:
        """The chosen ids; a typed text that matches no record is an error."""
        if self.company.is_unmatched():
            errors.append(
                ValidationError(
                    QT_TRANSLATE_NOOP("errors", "Choose a company from the list."),
                    field="company_id",
                )
            )
        if self.person.is_unmatched():
            errors.append(
                ValidationError(
                    QT_TRANSLATE_NOOP("errors", "Choose a person from the list."), field="person_id"
                )
            )
        return self.company.current_id(), self.person.current_id()


_MARKED = (
    QT_TRANSLATE_NOOP("errors", "Choose a company from the list."),
    QT_TRANSLATE_NOOP("errors", "Choose a person from the list."),
    QT_TRANSLATE_NOOP("errors", "Line {pos}: “{value}” is not a number."),
    QT_TRANSLATE_NOOP("errors", "“{value}” is not a number."),
)
