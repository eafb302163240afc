"""The person editor (a widget: the person dialog and the detail pane use it)."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from crm_desktop.clock import Clock
from crm_desktop.data.models import Person, Priority
from crm_desktop.data.store import Store
from crm_desktop.errors import (
    ConcurrentEditError,
    ValidationError,
)
from crm_desktop.services import contacts, editing, lookups, pickers
from crm_desktop.services import departments as org
from crm_desktop.services import validation as v
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.dialogs.entity_form import EntityForm
from crm_desktop.ui.dialogs.fields import SHORT_FIELD, _tags, _tags_text
from crm_desktop.ui.format import phone_region
from crm_desktop.ui.forms import (
    AddressListEditor,
    BankListEditor,
    DateEdit,
    EmailListEditor,
    EnumCombo,
    PhoneListEditor,
    ProfileFieldsEditor,
    RecordCombo,
    card_errors,
    collect,
    company_choice,
    company_source,
    people_source,
    person_choice,
    plain_text,
    save_with_errors,
    text_or_none,
)
from crm_desktop.ui.i18n import QT_TRANSLATE_NOOP


class PersonForm(EntityForm):
    """Every editable field of a person, on tabs like the detail pane's."""

    identityChanged = Signal()  # name, birth date, e-mail or phone typed: duplicate check

    def __init__(self, store: Store, clock: Clock | None = None, parent: QWidget | None = None):
        super().__init__(store, clock, parent)
        self.person_id: int | None = None
        self._loaded_consent = False
        self._departments_of: int | None = None

        # -- overview
        p = self._page(self.tr("Overview"))
        self.salutation = QComboBox(p)
        self.salutation.setEditable(True)
        self.salutation.addItems(["", self.tr("Ms"), self.tr("Mr")])
        p.add_field("salutation", self.tr("Sa&lutation:"), self.salutation)
        self.title = QLineEdit(p)
        self.title.setPlaceholderText(self.tr("e.g. Dr."))
        p.add_field("title", self.tr("&Title:"), self.title)
        self.given = QLineEdit(p)
        p.add_field("given_name", self.tr("&Given name:"), self.given)
        self.family = QLineEdit(p)
        p.add_field("family_name", self.tr("&Family name:"), self.family)
        self.nickname = QLineEdit(p)
        p.add_field("nickname", self.tr("Nic&kname:"), self.nickname)
        self.birth = DateEdit(p)
        p.add_field("birth_date", self.tr("&Birth date:"), self.birth)
        self.company = RecordCombo(self.tr("No company (private person)"), p)
        p.add_field("company_id", self.tr("Co&mpany:"), self.company)
        self.department = QComboBox(p)
        p.add_field("department_id", self.tr("&Department:"), self.department)
        self.position = QLineEdit(p)
        p.add_field("position", self.tr("P&osition:"), self.position)
        self.reports_to = RecordCombo(self.tr("Nobody"), p)
        p.add_field("reports_to_id", self.tr("&Reports to:"), self.reports_to)
        self.priority = EnumCombo(Priority, none_text=self.tr("No priority"), parent=p)
        p.add_field("priority", self.tr("Priorit&y:"), self.priority)
        self.priority_keep = QCheckBox(self.tr("&Keep it (the automatic A/B/C run leaves it)"), p)
        self.priority_keep.setToolTip(
            self.tr(
                "Without this, the nightly run sets the priority from revenue, orders and "
                "the last contact (Tools → Rules)."
            )
        )
        p.add_field("priority_locked", "", self.priority_keep)
        # a priority picked by hand is meant to stay: keep it unless the user unticks it
        self.priority.activated.connect(lambda _i: self.priority_keep.setChecked(True))
        self.interval = QSpinBox(p)
        self.interval.setRange(0, 3650)
        self.interval.setSpecialValueText(self.tr("no fixed rhythm"))
        self.interval.setSuffix(self.tr(" days"))
        p.add_field(
            "contact_interval_days",
            self.tr("Contact e&very:"),
            self.interval,
            hint=self.tr("A follow-up is planned when this time passes without contact."),
        )
        self.owner = QLineEdit(p)
        p.add_field("owner", self.tr("O&wner:"), self.owner)
        self.tags = QLineEdit(p)
        self.tags.setPlaceholderText(self.tr("comma-separated, e.g. Messe 2026, Newsletter"))
        p.add_field("tags", self.tr("T&ags:"), self.tags)
        self.notes = plain_text(p)
        p.add_field("notes", self.tr("&Notes:"), self.notes)
        for short in (self.salutation, self.title, self.birth, self.priority, self.interval):
            short.setMaximumWidth(SHORT_FIELD)

        # -- communication
        c = self._page(self.tr("Communication"))
        self.phones = PhoneListEditor(c)
        self._editor(c, self.phones, self.tr("Phone numbers"))
        self.emails = EmailListEditor(c)
        self._editor(c, self.emails, self.tr("E-mail addresses"))

        # -- addresses
        a = self._page(self.tr("Addresses"))
        self.addresses = AddressListEditor(a)
        self._editor(a, self.addresses, self.tr("Addresses"))

        # -- bank & payment
        b = self._page(self.tr("Bank && payment"))
        self.banks = BankListEditor(b)
        self._editor(b, self.banks, self.tr("Bank accounts"))
        self.payment_terms = QLineEdit(b)
        self.payment_terms.setPlaceholderText(
            self.tr("e.g. 14 days net, 2 % discount within 7 days")
        )
        b.add_heading(self.tr("Payment"))
        b.add_field("payment_terms", self.tr("Payment &terms:"), self.payment_terms)

        # -- profile
        f = self._page(self.tr("Profile"))
        self.occupation = QLineEdit(f)
        f.add_field("occupation", self.tr("O&ccupation:"), self.occupation)
        self.marital = QComboBox(f)
        self.marital.setEditable(True)
        self.marital.addItems(
            [
                "",
                self.tr("single"),
                self.tr("married"),
                self.tr("in a partnership"),
                self.tr("divorced"),
                self.tr("widowed"),
            ]
        )
        f.add_field("marital_status", self.tr("&Marital status:"), self.marital)
        self.hobbies = QLineEdit(f)
        f.add_field("hobbies", self.tr("&Hobbies:"), self.hobbies)
        self.profile = ProfileFieldsEditor(f)
        self._editor(f, self.profile, self.tr("More profile fields"))
        f.add_heading(self.tr("Marketing consent"))
        self.consent = QCheckBox(self.tr("&Agrees to receive marketing (newsletter, offers)"), f)
        f.add_wide(self.consent)
        self.consent_source = QLineEdit(f)
        self.consent_source.setPlaceholderText(self.tr("e.g. signed form at the trade fair"))
        f.add_field("consent_source", self.tr("Consent so&urce:"), self.consent_source)

        self.company.currentIndexChanged.connect(self._company_changed)
        self.company.editTextChanged.connect(self._company_changed)
        for edit in (self.given, self.family, self.birth):
            edit.textChanged.connect(self.identityChanged)
        self.phones.changed.connect(self.identityChanged)
        self.emails.changed.connect(self.identityChanged)

    # -- loading

    def load(
        self,
        person_id: int | None = None,
        *,
        company_id: int | None = None,
        department_id: int | None = None,
    ) -> None:
        """Fill the choices and, with ``person_id``, the person's current values."""
        self.person_id = person_id

        def fill(s: Session) -> None:
            nonlocal company_id
            person = contacts.get_person(s, person_id) if person_id is not None else None
            if person is not None:
                company_id = person.company_id
            self.company.set_source(company_source(self.store), company_choice(s, company_id))
            boss = (
                person_choice(s, person.reports_to_id, with_company=True)
                if person is not None
                else None
            )
            self._company_changed()
            if boss is not None:
                self.reports_to.select_record(*boss)
            if person is None:
                self._set_department(department_id)
                self.phones.add_row()
                self.emails.add_row()
                return
            self._fill(person)

        ops.read(self.store, fill)

    def reload(self) -> None:
        if self.person_id is not None:
            self.load(self.person_id)

    def stored_values(self, session: Session) -> dict[str, Any]:
        person = contacts.get_person(session, self.person_id or 0)
        return {key: getattr(person, key) for key in contacts.PERSON_FIELDS}

    def _fill(self, person: Person) -> None:
        self.loaded_version = person.version
        self.salutation.setEditText(person.salutation or "")
        self.title.setText(person.title or "")
        self.given.setText(person.given_name)
        self.family.setText(person.family_name)
        self.nickname.setText(person.nickname or "")
        self.birth.set_date(person.birth_date)
        self._set_department(person.department_id)
        self.position.setText(person.position or "")
        self.priority.set_value(person.priority)
        self.priority_keep.setChecked(bool(person.priority_locked))
        self.interval.setValue(person.contact_interval_days or 0)
        self.owner.setText(person.owner or "")
        self.tags.setText(_tags_text(t.name for t in person.tags))
        self.notes.setPlainText(person.notes or "")
        self.phones.set_items(person.phones)
        self.emails.set_items(person.emails)
        self.addresses.set_items(person.addresses)
        self.banks.set_items(person.bank_accounts)
        self.payment_terms.setText(person.payment_terms or "")
        self.occupation.setText(person.occupation or "")
        self.marital.setEditText(person.marital_status or "")
        self.hobbies.setText(person.hobbies or "")
        self.profile.set_values(dict(person.profile_fields or {}))
        self._loaded_consent = person.consent_marketing
        self.consent.setChecked(person.consent_marketing)
        self.consent_source.setText(person.consent_source or "")
        for editor in (self.phones, self.emails):
            if not editor.rows:
                editor.add_row()

    def _company_changed(self, *_args: Any) -> None:
        cid = self.company.current_id()
        if cid == self._departments_of and self.department.count():
            return
        self._departments_of = cid
        current_dept = self.department.currentData()
        departments: list[tuple[int, str]] = []
        if cid is not None:
            departments = ops.read(self.store, lambda s: lookups.departments(s, cid))
        self.department.blockSignals(True)
        self.department.clear()
        self.department.addItem(self.tr("No department"), None)
        for did, name in departments:
            self.department.addItem(name, did)
        self.department.blockSignals(False)
        self._set_department(current_dept)
        self.department.setEnabled(cid is not None)
        boss = self.reports_to.current_id()
        if cid is None:
            self.reports_to.set_source(people_source(self.store, exclude_id=self.person_id))
        else:
            self.reports_to.set_source(self._group_bosses(cid))
        if boss is not None:  # keep the boss when they work for the chosen company group
            found = ops.read(self.store, lambda s: pickers.person(s, boss))
            group = (
                ops.read(self.store, lambda s: org.group_company_ids(s, cid))
                if cid is not None
                else []
            )
            if found is not None and (cid is None or found.company_id in group):
                self.reports_to.select_record(found.id, found.label)

    def _group_bosses(self, company_id: int) -> Callable[[str], list[tuple[int, str]]]:
        """The boss picker: people of the whole company group (the parent company and
        its branches), the company beside the name."""
        exclude = self.person_id

        def fetch(text: str) -> list[tuple[int, str]]:
            words = text.casefold().split()
            found = ops.read(self.store, lambda s: org.group_people(s, company_id))
            out = []
            for p in found:
                label = f"{p.name} – {p.company}"
                if p.id != exclude and all(w in label.casefold() for w in words):
                    out.append((p.id, label))
            return out[: pickers.LIMIT]

        return fetch

    def _set_department(self, department_id: int | None) -> None:
        idx = self.department.findData(department_id) if department_id is not None else 0
        self.department.setCurrentIndex(max(idx, 0))

    # -- reading the fields

    def typed_texts(self) -> dict[str, str | None]:
        """Every free text the user typed, keyed by field name (for the card guard)."""
        texts: dict[str, str | None] = {
            "salutation": self.salutation.currentText(),
            "title": self.title.text(),
            "given_name": self.given.text(),
            "family_name": self.family.text(),
            "nickname": self.nickname.text(),
            "position": self.position.text(),
            "owner": self.owner.text(),
            "tags": self.tags.text(),
            "notes": self.notes.toPlainText(),
            "payment_terms": self.payment_terms.text(),
            "occupation": self.occupation.text(),
            "marital_status": self.marital.currentText(),
            "hobbies": self.hobbies.text(),
            "consent_source": self.consent_source.text(),
        }
        for editor in (self.phones, self.emails, self.addresses, self.banks, self.profile):
            texts.update(editor.card_fields())
        return texts

    def _links(self, errors: list[ValidationError]) -> tuple[int | None, int | None, int | None]:
        if self.company.is_unmatched():
            errors.append(
                ValidationError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "There is no company “{name}”. Pick one from the list or create it first.",
                    ),
                    field="company_id",
                    name=self.company.currentText().strip(),
                )
            )
        if self.reports_to.is_unmatched():
            errors.append(
                ValidationError(
                    QT_TRANSLATE_NOOP("errors", "There is no person “{name}” to report to."),
                    field="reports_to_id",
                    name=self.reports_to.currentText().strip(),
                )
            )
        dept = self.department.currentData()
        return (
            self.company.current_id(),
            int(dept) if dept is not None and self.department.isEnabled() else None,
            self.reports_to.current_id(),
        )

    def scalar_values(self, errors: list[ValidationError]) -> dict[str, Any]:
        """The person's own fields as ``update_person`` takes them; parse problems go to
        ``errors``."""
        birth = collect(errors, self.birth.date_value, "birth_date")
        company_id, department_id, reports_to_id = self._links(errors)
        return {
            "salutation": self.salutation.currentText().strip() or None,
            "title": text_or_none(self.title),
            "given_name": self.given.text().strip(),
            "family_name": self.family.text().strip(),
            "nickname": text_or_none(self.nickname),
            "birth_date": birth,
            "position": text_or_none(self.position),
            "company_id": company_id,
            "department_id": department_id,
            "reports_to_id": reports_to_id,
            "occupation": text_or_none(self.occupation),
            "marital_status": self.marital.currentText().strip() or None,
            "hobbies": text_or_none(self.hobbies),
            "profile_fields": self.profile.values(),
            "contact_interval_days": self.interval.value() or None,
            "priority": self.priority.value(),
            "priority_locked": self.priority_keep.isChecked(),
            "payment_terms": text_or_none(self.payment_terms),
            "owner": text_or_none(self.owner),
            "notes": self.notes.toPlainText().strip(),
        }

    def person_edit(self, errors: list[ValidationError]) -> editing.PersonEdit:
        """Everything typed, for :func:`editing.save_person`; parse problems go to
        ``errors``."""
        return editing.PersonEdit(
            values=self.scalar_values(errors),
            phones=self.phones.items(),
            emails=self.emails.items(),
            addresses=self.addresses.items(),
            bank_accounts=self.banks.items(),
            tags=_tags(self.tags),
            consent_marketing=self.consent.isChecked(),
            consent_source=text_or_none(self.consent_source),
        )

    # -- saving

    def save(self, after: Callable[[Session, int], None] | None = None) -> int | None:
        """Create or update the person in one unit of work; the id, or None after
        showing the errors (nothing saved). ``after`` runs in the same unit of work."""
        pre = card_errors(self.typed_texts())

        def work(session: Session, errors: list[ValidationError]) -> int:
            edit = self.person_edit(errors)
            try:
                saved = editing.save_person(
                    session,
                    self.person_id,
                    edit,
                    expected_version=self.loaded_version,
                    previous_consent=self._loaded_consent,
                    region=phone_region(),
                    clock=self.clock,
                    edit_label=self.edit_label,
                )
            except ConcurrentEditError as exc:
                self.conflict = exc
                raise
            if after is not None and not errors:
                after(session, saved.record_id)
            return saved.record_id

        def attempt() -> int | None:
            return save_with_errors(self.store, self.router, work, pre)

        result = self._save_checked(attempt)
        if result is not None and self.person_id is not None:
            self._loaded_consent = self.consent.isChecked()
            self._note_saved_version("person", result)
        return result

    # -- identity for the duplicate check

    def identity(self) -> tuple[str, str, dt.date | None, tuple[str, ...], tuple[str, ...]]:
        try:
            birth = self.birth.date_value("birth_date")
        except ValidationError:
            birth = None
        emails: list[str] = []
        for item in self.emails.items():
            with contextlib.suppress(ValidationError):
                emails.append(v.normalize_email(item.address))
        phones: list[str] = []
        for ph in self.phones.items():
            with contextlib.suppress(ValidationError):
                phones.append(v.normalize_phone(ph.number, phone_region()))
        return (
            self.given.text().strip(),
            self.family.text().strip(),
            birth,
            tuple(emails),
            tuple(phones),
        )
