"""The company editor (a widget: the company dialog and the detail pane use it)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QWidget,
)

from crm_desktop.clock import Clock
from crm_desktop.data.models import CompanyStatus
from crm_desktop.data.store import Store
from crm_desktop.errors import (
    ConcurrentEditError,
    ValidationError,
)
from crm_desktop.services import contacts, editing, lookups
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.dialogs.entity_form import EntityForm
from crm_desktop.ui.dialogs.fields import LEGAL_FORMS, SHORT_FIELD, _tags, _tags_text
from crm_desktop.ui.format import phone_region
from crm_desktop.ui.forms import (
    AddressListEditor,
    BankListEditor,
    DateEdit,
    EmailListEditor,
    EnumCombo,
    PhoneListEditor,
    RecordCombo,
    card_errors,
    collect,
    company_choice,
    company_source,
    plain_text,
    save_with_errors,
    text_or_none,
)
from crm_desktop.ui.i18n import QT_TRANSLATE_NOOP


class CompanyForm(EntityForm):
    """Every editable field of a company."""

    def __init__(self, store: Store, clock: Clock | None = None, parent: QWidget | None = None):
        super().__init__(store, clock, parent)
        self.company_id: int | None = None

        p = self._page(self.tr("Overview"))
        self.name = QLineEdit(p)
        p.add_field("name", self.tr("&Name:"), self.name)
        self.legal_form = QComboBox(p)
        self.legal_form.setEditable(True)
        self.legal_form.addItems(["", *LEGAL_FORMS])
        p.add_field("legal_form", self.tr("&Legal form:"), self.legal_form)
        self.parent_company = RecordCombo(self.tr("None (not a branch)"), p)
        p.add_field("parent_id", self.tr("&Branch of:"), self.parent_company)
        self.status = EnumCombo(CompanyStatus, parent=p)
        p.add_field("status", self.tr("S&tatus:"), self.status)
        self.status_reason = QLineEdit(p)
        self.status_reason.setPlaceholderText(self.tr("e.g. moved to a competitor"))
        p.add_field("status_reason", self.tr("Status &reason:"), self.status_reason)
        self.customer_since = DateEdit(p)
        p.add_field("customer_since", self.tr("Customer s&ince:"), self.customer_since)
        self.priority, self.priority_keep = self._priority_fields(p)
        self.website = QLineEdit(p)
        self.website.setPlaceholderText("www.example.de")
        p.add_field("website", self.tr("&Website:"), self.website)
        self.vat_id = QLineEdit(p)
        self.vat_id.setPlaceholderText(self.tr("e.g. DE123456789"))
        p.add_field("vat_id", self.tr("&VAT id:"), self.vat_id)
        self.register_court = QLineEdit(p)
        self.register_court.setPlaceholderText(self.tr("e.g. Amtsgericht Stuttgart"))
        p.add_field("register_court", self.tr("Register &court:"), self.register_court)
        self.register_number = QLineEdit(p)
        self.register_number.setPlaceholderText(self.tr("e.g. HRB 123456"))
        p.add_field("register_number", self.tr("Register n&umber:"), self.register_number)
        self.directors = QLineEdit(p)
        p.add_field("managing_directors", self.tr("Managing &directors:"), self.directors)
        self.owner = QLineEdit(p)
        p.add_field("owner", self.tr("Own&er:"), self.owner)
        self.tags = QLineEdit(p)
        self.tags.setPlaceholderText(self.tr("comma-separated, e.g. Messe 2026, Newsletter"))
        p.add_field("tags", self.tr("T&ags:"), self.tags)
        self.notes = plain_text(p)
        p.add_field("notes", self.tr("Notes:"), self.notes)
        for short in (
            self.legal_form,
            self.status,
            self.customer_since,
            self.priority,
            self.vat_id,
            self.register_number,
        ):
            short.setMaximumWidth(SHORT_FIELD)

        c = self._page(self.tr("Communication"))
        self.phones = PhoneListEditor(c)
        self._editor(c, self.phones, self.tr("Phone numbers"))
        self.emails = EmailListEditor(c)
        self._editor(c, self.emails, self.tr("E-mail addresses"))

        a = self._page(self.tr("Addresses"))
        self.addresses = AddressListEditor(a)
        self._editor(a, self.addresses, self.tr("Addresses"))

        b = self._page(self.tr("Bank && payment"))
        self.banks = BankListEditor(b)
        self._editor(b, self.banks, self.tr("Bank accounts"))
        b.add_heading(self.tr("Payment"))
        self.payment_terms = QLineEdit(b)
        self.payment_terms.setPlaceholderText(
            self.tr("e.g. 14 days net, 2 % discount within 7 days")
        )
        b.add_field("payment_terms", self.tr("Payment &terms:"), self.payment_terms)

    def load(self, company_id: int | None = None, *, parent_id: int | None = None) -> None:
        def fill(s: Session) -> None:
            nonlocal parent_id
            self.company_id = company_id
            if company_id is not None:
                parent_id = lookups.company_parent(s, company_id)
            self.parent_company.set_source(
                company_source(self.store, exclude_id=company_id), company_choice(s, parent_id)
            )
            if company_id is None:
                self.phones.add_row()
                self.emails.add_row()
                self.addresses.add_row()
                return
            comp = contacts.get_company(s, company_id)
            self.loaded_version = comp.version
            self.name.setText(comp.name)
            self.legal_form.setEditText(comp.legal_form or "")
            self.parent_company.set_current_id(comp.parent_id)
            self.status.set_value(comp.status)
            self.status_reason.setText(comp.status_reason or "")
            self.customer_since.set_date(comp.customer_since)
            self.priority.set_value(comp.priority)
            self.priority_keep.setChecked(bool(comp.priority_locked))
            self.website.setText(comp.website or "")
            self.vat_id.setText(comp.vat_id or "")
            self.register_court.setText(comp.register_court or "")
            self.register_number.setText(comp.register_number or "")
            self.directors.setText(comp.managing_directors or "")
            self.owner.setText(comp.owner or "")
            self.tags.setText(_tags_text(t.name for t in comp.tags))
            self.notes.setPlainText(comp.notes or "")
            self.phones.set_items(comp.phones)
            self.emails.set_items(comp.emails)
            self.addresses.set_items(comp.addresses)
            self.banks.set_items(comp.bank_accounts)
            self.payment_terms.setText(comp.payment_terms or "")
            for editor in (self.phones, self.emails, self.addresses):
                if not editor.rows:
                    editor.add_row()

        ops.read(self.store, fill)

    def typed_texts(self) -> dict[str, str | None]:
        texts: dict[str, str | None] = {
            "name": self.name.text(),
            "legal_form": self.legal_form.currentText(),
            "status_reason": self.status_reason.text(),
            "website": self.website.text(),
            "vat_id": self.vat_id.text(),
            "register_court": self.register_court.text(),
            "register_number": self.register_number.text(),
            "managing_directors": self.directors.text(),
            "owner": self.owner.text(),
            "tags": self.tags.text(),
            "notes": self.notes.toPlainText(),
            "payment_terms": self.payment_terms.text(),
        }
        for editor in (self.phones, self.emails, self.addresses, self.banks):
            texts.update(editor.card_fields())
        return texts

    def scalar_values(self, errors: list[ValidationError]) -> dict[str, Any]:
        since = collect(errors, self.customer_since.date_value, "customer_since")
        if self.parent_company.is_unmatched():
            errors.append(
                ValidationError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "There is no company “{name}”. Pick one from the list or create it first.",
                    ),
                    field="parent_id",
                    name=self.parent_company.currentText().strip(),
                )
            )
        return {
            "name": self.name.text().strip(),
            "legal_form": self.legal_form.currentText().strip() or None,
            "parent_id": self.parent_company.current_id(),
            "status": self.status.value() or CompanyStatus.PROSPECT,
            "status_reason": text_or_none(self.status_reason),
            "customer_since": since,
            "priority": self.priority.value(),
            "priority_locked": self.priority_keep.isChecked(),
            "website": text_or_none(self.website),
            "vat_id": text_or_none(self.vat_id),
            "register_court": text_or_none(self.register_court),
            "register_number": text_or_none(self.register_number),
            "managing_directors": text_or_none(self.directors),
            "payment_terms": text_or_none(self.payment_terms),
            "owner": text_or_none(self.owner),
            "notes": self.notes.toPlainText().strip(),
        }

    def save(self) -> int | None:
        pre = card_errors(self.typed_texts())

        def work(session: Session, errors: list[ValidationError]) -> int:
            edit = editing.CompanyEdit(
                values=self.scalar_values(errors),
                phones=self.phones.items(),
                emails=self.emails.items(),
                addresses=self.addresses.items(),
                bank_accounts=self.banks.items(),
                tags=_tags(self.tags),
            )
            try:
                saved = editing.save_company(
                    session,
                    self.company_id,
                    edit,
                    expected_version=self.loaded_version,
                    region=phone_region(),
                    clock=self.clock,
                    edit_label=self.edit_label,
                )
            except ConcurrentEditError as exc:
                self.conflict = exc
                raise
            return saved.record_id

        def attempt() -> int | None:
            return save_with_errors(self.store, self.router, work, pre)

        result = self._save_checked(attempt)
        if result is not None and self.company_id is not None:
            self._note_saved_version("company", result)
        return result

    def reload(self) -> None:
        if self.company_id is not None:
            self.load(self.company_id)

    def stored_values(self, session: Session) -> dict[str, Any]:
        comp = contacts.get_company(session, self.company_id or 0)
        return {key: getattr(comp, key) for key in contacts.COMPANY_FIELDS}
