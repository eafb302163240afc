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
    QDoubleSpinBox,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from crm_desktop.clock import Clock
from crm_desktop.data.models import ActivityKind, Person
from crm_desktop.data.store import Store
from crm_desktop.errors import (
    ConcurrentEditError,
    CrmError,
    ValidationError,
)
from crm_desktop.services import contacts, customfields, editing, lookups, pickers
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
    FormPage,
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

#: the kinds a contact rhythm can ask for (a note or a complaint is no planned contact)
RHYTHM_KINDS = (
    ActivityKind.CALL,
    ActivityKind.VISIT,
    ActivityKind.MEETING,
    ActivityKind.EMAIL,
    ActivityKind.LETTER,
)


class CustomFieldsBox(FormPage):
    """The custom fields defined for every person (Tools → Rules… → Fields), each with
    the editor of its type: a line edit, a spin box, a date, a check box, a pick-list.
    Values are the stored text forms of :mod:`crm_desktop.services.customfields`;
    an error ``profile.<name>`` is shown under its field."""

    EMPTY_NUMBER = -1_000_000_000_000.0  # the spin box's "no value" (shown blank)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.defs: list[customfields.FieldDef] = []
        self.editors: dict[str, QWidget] = {}
        self._loaded: dict[str, str] = {}
        self.setVisible(False)

    def set_fields(self, defs: list[customfields.FieldDef]) -> None:
        """Build one editor per definition (again when the definitions changed)."""
        if defs == self.defs:
            return
        while self.form.rowCount():
            self.form.removeRow(0)
        self._fields.clear()
        self._labels.clear()
        self.editors = {}
        self.defs = list(defs)
        for defn in self.defs:
            editor = self._editor_for(defn)
            editor.setObjectName(f"custom_{defn.name}")
            self.editors[defn.name] = editor
            self.add_field(f"profile.{defn.name}", defn.name.replace("&", "&&") + ":", editor)
        self.setVisible(bool(self.defs))

    def _editor_for(self, defn: customfields.FieldDef) -> QWidget:
        if defn.kind == "number":
            spin = QDoubleSpinBox(self)
            spin.setRange(self.EMPTY_NUMBER, 1_000_000_000_000.0)
            spin.setDecimals(2)
            spin.setGroupSeparatorShown(True)
            spin.setSpecialValueText(" ")  # the minimum: no value
            spin.setValue(self.EMPTY_NUMBER)
            return spin
        if defn.kind == "date":
            return DateEdit(self)
        if defn.kind == "yesno":
            return QCheckBox(self)
        if defn.kind == "choice":
            combo = QComboBox(self)
            combo.addItem("", "")
            for option in defn.options:
                combo.addItem(option, option)
            return combo
        return QLineEdit(self)

    def set_values(self, values: dict[str, str]) -> dict[str, str]:
        """Show the defined fields' values; returns the others (the free fields)."""
        self._loaded = {k: values[k] for k in self.editors if k in values}
        for defn in self.defs:
            self._show(defn, values.get(defn.name, ""))
        return {k: v for k, v in values.items() if k not in self.editors}

    def _show(self, defn: customfields.FieldDef, value: str) -> None:
        editor = self.editors[defn.name]
        if isinstance(editor, QDoubleSpinBox):
            try:
                editor.setValue(
                    float(customfields.normalise(defn, value)) if value else editor.minimum()
                )
            except (CrmError, ValueError):
                editor.setValue(editor.minimum())
        elif isinstance(editor, DateEdit):
            try:
                text = customfields.normalise(defn, value)
            except CrmError:
                editor.setText(value)
            else:
                editor.set_date(dt.date.fromisoformat(text) if text else None)
        elif isinstance(editor, QCheckBox):
            editor.setChecked(value == customfields.YES)
        elif isinstance(editor, QComboBox):
            idx = editor.findData(value)
            if idx < 0 and value:  # a value the pick-list no longer offers: shown, kept
                editor.addItem(value, value)
                idx = editor.count() - 1
            editor.setCurrentIndex(max(idx, 0))
        elif isinstance(editor, QLineEdit):
            editor.setText(value)

    def _raw(self, defn: customfields.FieldDef) -> str:
        editor = self.editors[defn.name]
        if isinstance(editor, QDoubleSpinBox):
            if editor.value() <= editor.minimum():
                return ""
            return customfields.normalise(defn, f"{editor.value():.2f}")
        if isinstance(editor, DateEdit):
            text = editor.text().strip()
            try:
                day = editor.date_value(f"profile.{defn.name}")
            except ValidationError:
                return text  # the save names it under the field
            return day.isoformat() if day is not None else ""
        if isinstance(editor, QCheckBox):
            if editor.isChecked():
                return customfields.YES
            return customfields.NO if defn.name in self._loaded else ""
        if isinstance(editor, QComboBox):
            return str(editor.currentData() or "")
        assert isinstance(editor, QLineEdit)
        return editor.text().strip()

    def values(self) -> dict[str, str]:
        """The defined fields that have a value (stored forms)."""
        out: dict[str, str] = {}
        for defn in self.defs:
            value = self._raw(defn)
            if value:
                out[defn.name] = value
        return out

    def card_fields(self) -> dict[str, str | None]:
        return {
            f"profile.{name}": editor.text()
            for name, editor in self.editors.items()
            if type(editor) is QLineEdit
        }


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
        self.priority, self.priority_keep = self._priority_fields(p)
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
        self.interval_kind = EnumCombo(
            ActivityKind,
            members=RHYTHM_KINDS,
            none_text=self.tr("any kind of contact"),
            parent=p,
        )
        p.add_field(
            "contact_interval_kind",
            self.tr("Contact v&ia:"),
            self.interval_kind,
            hint=self.tr("Only contacts of this kind count for the rhythm (e.g. a visit)."),
        )
        self.interval_kind.setEnabled(False)
        self.interval.valueChanged.connect(lambda days: self.interval_kind.setEnabled(days > 0))
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
        self.custom_heading = f.add_heading(self.tr("Custom fields"))
        self.custom = CustomFieldsBox(f)
        f.add_wide(self.custom)
        self.router.add(self.custom)
        self.custom_heading.setVisible(False)
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
            self.custom.set_fields(customfields.list_fields(s))
            self.custom_heading.setVisible(bool(self.custom.defs))
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
        self.interval_kind.set_value(person.contact_interval_kind)
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
        # defined fields get their editor, the rest stay free fields
        self.profile.set_values(self.custom.set_values(dict(person.profile_fields or {})))
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
        texts.update(self.custom.card_fields())
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
            "profile_fields": {**self.profile.values(), **self.custom.values()},
            "contact_interval_days": self.interval.value() or None,
            "contact_interval_kind": self.interval_kind.value() if self.interval.value() else None,
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
