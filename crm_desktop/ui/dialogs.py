"""Edit dialogs for companies, people, departments and activities.

Each dialog is a :class:`QDialog`: ``exec()``, then ``result_id`` holds the id of
the new or edited record (None when cancelled). The person and company editors
(:class:`PersonForm`, :class:`CompanyForm`) are widgets of their own, so the
detail panes can edit in place with exactly the same fields and checks.

Saving runs one unit of work (``with store.session()``); every validation error
is shown inline under its field, and nothing is saved when anything fails.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import inspect
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QTime, QTimer, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, SystemClock, local_to_utc, local_zone, to_local
from crm_desktop.data.models import (
    ActivityKind,
    CompanyStatus,
    Direction,
    Person,
    Priority,
)
from crm_desktop.data.store import Store
from crm_desktop.errors import (
    ConcurrentEditError,
    ConflictError,
    CrmError,
    NotFoundError,
    ValidationError,
)
from crm_desktop.services import contacts, editing, lookups, pickers
from crm_desktop.services import projects as projects_svc
from crm_desktop.services import validation as v
from crm_desktop.services.unit import Session
from crm_desktop.ui.format import datetime_format, format_date, phone_region
from crm_desktop.ui.forms import (
    FORM_STYLE,
    AddressListEditor,
    BankListEditor,
    Banner,
    DateEdit,
    EmailListEditor,
    EnumCombo,
    ErrorRouter,
    FormPage,
    ListEditor,
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
    scrolled,
    shortcut,
    text_or_none,
)
from crm_desktop.ui.i18n import QT_TRANSLATE_NOOP, enum_label, translate_error

SHORT_FIELD = 260  # pixels: fields for short values (dates, codes, choices)

# tab indices shared by the forms and the detail panes
TAB_OVERVIEW, TAB_COMMUNICATION, TAB_ADDRESSES, TAB_BANK, TAB_PROFILE = range(5)

LEGAL_FORMS = (
    "GmbH",
    "GmbH & Co. KG",
    "UG (haftungsbeschränkt)",
    "AG",
    "KG",
    "OHG",
    "GbR",
    "e.K.",
    "e.V.",
    "PartG",
    "SE",
    "Einzelunternehmen",
    "Ltd.",
)


_LINKS = {"company_id", "parent_id", "department_id", "reports_to_id"}


def _tags_text(names: Iterable[str]) -> str:
    return ", ".join(names)


def _tags(edit: QLineEdit) -> list[str]:
    return [t.strip() for t in edit.text().split(",") if t.strip()]


# ---------------------------------------------------------------- entity forms


class EntityForm(QWidget):
    """A banner and tabs of form pages; the router puts errors under their fields."""

    submitted = Signal()

    def __init__(self, store: Store, clock: Clock | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.setStyleSheet(FORM_STYLE)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.banner = Banner(self)
        lay.addWidget(self.banner)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        lay.addWidget(self.tabs, 1)
        self.router = ErrorRouter(self.banner, self.tabs)
        self.pages: list[FormPage] = []
        self.loaded_version: int | None = None  # of the record being edited
        self.conflict: ConcurrentEditError | None = None  # the last save met a newer one
        self.conflict_dialog: QDialog | None = None

    def field_error(self, key: str) -> str:
        """The message shown under the field ``key`` ("" when none)."""
        for page in self.pages:
            if page.has_field(key):
                return page.error_label(key).text()
        return ""

    def _page(self, title: str) -> FormPage:
        page = FormPage()
        self.pages.append(page)
        page.submitted.connect(self.submitted)
        self.tabs.addTab(scrolled(page), title)
        self.router.add(page)
        return page

    def _editor(self, page: FormPage, editor: ListEditor, heading: str) -> None:
        page.add_heading(heading)
        page.add_wide(editor)
        editor.submitted.connect(self.submitted)
        self.router.add(editor)

    def show_error(self, exc: CrmError) -> None:
        self.router.show(exc)

    # -- saves that meet a colleague's newer save (optimistic concurrency)

    def field_label(self, key: str) -> str:
        for page in self.pages:
            label = page._labels.get(key)
            if label is not None:
                text = label.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
                return text.rstrip(":")
        return key

    def stored_values(self, session: Session) -> dict[str, Any]:
        """The record's fields as stored now (for Compare); keys of ``scalar_values``."""
        raise NotImplementedError

    def compare_rows(self) -> list[tuple[str, str, str]]:
        """Field, theirs (stored now), yours (in the form): only the fields that differ."""
        from crm_desktop.ui.conflict import show_value

        yours = self.scalar_values([])
        rows: list[tuple[str, str, str]] = []
        with self.store.reader() as s:
            theirs = self.stored_values(s)
            for key, mine in yours.items():
                other = theirs.get(key)
                if (other or None) == (mine or None):
                    continue
                shown = [
                    lookups.record_name(s, key, v)
                    if key in _LINKS and v is not None
                    else show_value(v)
                    for v in (other, mine)
                ]
                rows.append((self.field_label(key), shown[0], shown[1]))
        return rows

    def ask_conflict(self, error: ConcurrentEditError) -> str:
        """Reload, overwrite or keep editing (the real dialog; tests may replace it)."""
        from crm_desktop.ui.conflict import ConflictDialog

        try:
            rows = self.compare_rows()
        except CrmError:  # the record went away meanwhile: nothing to compare
            rows = []
        dialog = ConflictDialog(error, rows, self, now=self.clock.now())
        self.conflict_dialog = dialog
        dialog.exec()
        choice = dialog.choice
        self.conflict_dialog = None
        dialog.deleteLater()
        return choice

    def scalar_values(self, errors: list[ValidationError]) -> dict[str, Any]:
        raise NotImplementedError

    def edit_label(self, names: list[str], name: str) -> str:
        """ "Change phone number of Anna Schäfer" (one field) or "Edit Anna Schäfer"."""
        from PySide6.QtCore import QCoreApplication

        lists = {
            "phones": QT_TRANSLATE_NOOP("undo", "phone number"),
            "emails": QT_TRANSLATE_NOOP("undo", "e-mail address"),
            "addresses": QT_TRANSLATE_NOOP("undo", "address"),
            "bank_accounts": QT_TRANSLATE_NOOP("undo", "bank account"),
            "tags": QT_TRANSLATE_NOOP("undo", "tags"),
            "consent_marketing": QT_TRANSLATE_NOOP("undo", "consent"),
        }
        shown = [n for n in names if n not in ("consent_at", "consent_withdrawn_at")] or names
        if len(shown) == 1:
            key = shown[0]
            what = (
                QCoreApplication.translate("undo", lists[key])
                if key in lists
                else self.field_label(key)
            )
            return QCoreApplication.translate("undo", "Change {field} of {name}").format(
                field=what, name=name
            )
        return QCoreApplication.translate("undo", "Edit {name}").format(name=name)

    def _save_checked(self, attempt: Callable[[], int | None]) -> int | None:
        """Run one save; when a colleague saved meanwhile, ask and reload, overwrite
        (save again on their version) or keep the edit in the form."""
        from crm_desktop.ui.conflict import OVERWRITE, RELOAD

        while True:
            self.conflict = None
            result = attempt()
            error = self.conflict
            if result is not None or error is None:
                return result
            choice = self.ask_conflict(error)
            if choice == OVERWRITE:
                self.loaded_version = error.version
                continue
            if choice == RELOAD:
                self.router.clear()
                self.reload()
            return None

    def reload(self) -> None:
        raise NotImplementedError

    def _note_saved_version(self, kind: str, rid: int) -> None:
        """The version just saved is the one a next save of this form builds on."""
        with self.store.reader() as s:
            self.loaded_version = lookups.stored_version(s, kind, rid)

    def load(self, record_id: int | None = None) -> None:
        raise NotImplementedError

    def save(self) -> int | None:
        raise NotImplementedError


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
        with self.store.reader() as s:
            person = contacts.get_person(s, person_id) if person_id is not None else None
            if person is not None:
                company_id = person.company_id
            self.company.set_source(company_source(self.store), company_choice(s, company_id))
            boss = (
                person_choice(s, person.reports_to_id, with_company=company_id is None)
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
            with self.store.reader() as s:
                departments = lookups.departments(s, cid)
        self.department.blockSignals(True)
        self.department.clear()
        self.department.addItem(self.tr("No department"), None)
        for did, name in departments:
            self.department.addItem(name, did)
        self.department.blockSignals(False)
        self._set_department(current_dept)
        self.department.setEnabled(cid is not None)
        boss = self.reports_to.current_id()
        self.reports_to.set_source(
            people_source(
                self.store, company_id=cid, exclude_id=self.person_id, with_company=cid is None
            )
        )
        if boss is not None:  # keep the boss when they work for the chosen company
            with self.store.reader() as s:
                found = pickers.person(s, boss)
            if found is not None and (cid is None or found.company_id == cid):
                self.reports_to.select_record(found.id, found.label if cid is None else found.name)

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
        self.priority = EnumCombo(Priority, none_text=self.tr("No priority"), parent=p)
        p.add_field("priority", self.tr("Priorit&y:"), self.priority)
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
        with self.store.reader() as s:
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


# ---------------------------------------------------------------- dialog base


class _Dialog(QDialog):
    """Save/Cancel buttons; Enter (or Ctrl+Enter in a text box) saves, Esc cancels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result_id: int | None = None
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("&Save"))
        save.setDefault(True)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut(seq, self, self.save)

    @property
    def save_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def save(self) -> None:
        raise NotImplementedError

    def accept_with(self, rid: int) -> None:
        self.result_id = rid
        self.accept()


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


# ---------------------------------------------------------------- person and duplicates


class DuplicateBar(QFrame):
    """ "Max Müller, born 01.03.1970, already exists — Open / Merge / Create anyway"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateBar")
        self.setStyleSheet(
            "QFrame#duplicateBar { background: #fff4e5; border: 1px solid #f0c36d;"
            " border-radius: 4px; }"
        )
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        icon = QLabel(self)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(20, 20)
        )
        lay.addWidget(icon)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        lay.addWidget(self.label, 1)
        self.open_button = QPushButton(self.tr("Open e&xisting"), self)
        self.merge_button = QPushButton(self.tr("M&erge"), self)
        self.merge_button.setToolTip(
            self.tr("Save the new data into the existing person (one record instead of two)")
        )
        self.create_button = QPushButton(self.tr("&Create anyway"), self)
        for b in (self.open_button, self.merge_button, self.create_button):
            b.setAutoDefault(False)
            lay.addWidget(b)
        self.hide()


class PersonDialog(_Dialog):
    """Create or edit a person. While a new person is typed, a duplicate check runs
    (when the duplicate service is installed) and offers to open or merge."""

    openExisting = Signal(int)

    DEDUP_DELAY_MS = 300

    def __init__(
        self,
        store: Store,
        person_id: int | None = None,
        company_id: int | None = None,
        department_id: int | None = None,
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.opened_existing = False
        self.merged = False
        self.duplicate_ids: list[int] = []
        self._acknowledged: set[int] = set()
        self.setWindowTitle(self.tr("New person") if person_id is None else self.tr("Edit person"))
        lay = QVBoxLayout(self)
        self.duplicate_bar = DuplicateBar(self)
        lay.addWidget(self.duplicate_bar)
        self.form = PersonForm(store, self.clock, self)
        self.form.load(person_id, company_id=company_id, department_id=department_id)
        lay.addWidget(self.form, 1)
        lay.addWidget(self.buttons)
        self.resize(800, 640)

        self._dedup_timer = QTimer(self)
        self._dedup_timer.setSingleShot(True)
        self._dedup_timer.setInterval(self.DEDUP_DELAY_MS)
        self._dedup_timer.timeout.connect(self.check_duplicates)
        self.duplicate_bar.open_button.clicked.connect(self._open_existing)
        self.duplicate_bar.merge_button.clicked.connect(self._merge)
        self.duplicate_bar.create_button.clicked.connect(self._create_anyway)
        if person_id is None and self._check_function() is not None:
            self.form.identityChanged.connect(self._dedup_timer.start)
        self.form.given.setFocus()

    # -- duplicate check

    @staticmethod
    def _check_function() -> Callable[..., Any] | None:
        from crm_desktop.services.dedup import check_new_person

        return check_new_person

    @staticmethod
    def _merge_function() -> Callable[..., Any] | None:
        from crm_desktop.services.merge import merge_people

        return merge_people

    def check_duplicates(self) -> list[int]:
        """Run the duplicate check now; shows or hides the warning bar."""
        self._dedup_timer.stop()
        check = self._check_function()
        if check is None or self.form.person_id is not None:
            return []
        given, family, birth, emails, phones = self.form.identity()
        if not (given or family or emails or phones):
            self._show_duplicates([])
            return []
        with self.store.reader() as s:
            live = editing.possible_duplicates(
                s, given, family, birth_date=birth, emails=emails, phones=phones, check=check
            )
        self._show_duplicates(live)
        return self.duplicate_ids

    def _show_duplicates(self, people: list[lookups.PersonCard]) -> None:
        self.duplicate_ids = [p.id for p in people]
        fresh = [p for p in people if p.id not in self._acknowledged]
        bar = self.duplicate_bar
        if not fresh:
            bar.hide()
            return
        first = fresh[0]
        name = first.full_name
        if first.birth_date is not None:
            text = self.tr("{name}, born {date}, already exists.").format(
                name=name, date=format_date(first.birth_date)
            )
        else:
            text = self.tr("{name} already exists.").format(name=name)
        details = []
        if first.company_name is not None:
            details.append(first.company_name)
        if first.email:
            details.append(first.email)
        if details:
            text += " (" + ", ".join(details) + ")"
        if len(fresh) > 1:
            text += " " + self.tr("{count} more similar people.").format(count=len(fresh) - 1)
        bar.label.setText(text)
        bar.merge_button.setVisible(self._merge_function() is not None)
        bar.show()

    def _first_duplicate(self) -> int | None:
        fresh = [pid for pid in self.duplicate_ids if pid not in self._acknowledged]
        return fresh[0] if fresh else None

    def _open_existing(self) -> None:
        pid = self._first_duplicate()
        if pid is None:
            return
        self.opened_existing = True
        self.openExisting.emit(pid)
        self.accept_with(pid)

    def _create_anyway(self) -> None:
        self._acknowledged.update(self.duplicate_ids)
        self.duplicate_bar.hide()
        self.save()

    def _merge(self) -> None:
        keep = self._first_duplicate()
        merge = self._merge_function()
        if keep is None or merge is None:
            return

        def after(session: Session, new_id: int) -> None:
            params = inspect.signature(merge).parameters
            kwargs: dict[str, Any] = {}
            if "clock" in params:
                kwargs["clock"] = self.clock
            merge(session, keep, new_id, **kwargs)

        self._acknowledged.update(self.duplicate_ids)
        if self._save_person(after) is not None:
            self.merged = True
            self.result_id = keep
            self.accept()

    # -- saving

    def _save_person(self, after: Callable[[Session, int], None] | None = None) -> int | None:
        try:
            return self.form.save(after)
        except CrmError as exc:  # the merge refused: nothing was saved
            self.form.banner.set_message(translate_error(exc))
            return None

    def save(self) -> None:
        if self.form.person_id is None and self._dedup_timer.isActive():
            self.check_duplicates()
        if self.form.person_id is None and self._first_duplicate() is not None:
            # a possible duplicate must be answered first (open, merge or create anyway)
            self.duplicate_bar.create_button.setFocus()
            return
        rid = self._save_person()
        if rid is not None:
            self.accept_with(rid)


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
        with store.reader() as s:
            comp = contacts.get_company(s, company_id)
            company_label = QLabel(comp.name, self.page)
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


# ---------------------------------------------------------------- activity


def _qdatetime(local: dt.datetime) -> QDateTime:
    """A wall-clock time for a QDateTimeEdit (kept in a neutral zone: no DST jumps of the
    machine's own zone interfere)."""
    return QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute), QTimeZone.utc()
    )


def _wall_clock(edit: QDateTimeEdit) -> dt.datetime:
    d, t = edit.date(), edit.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


class ActivityDialog(_Dialog):
    """Log a call, meeting, e-mail, letter, visit, complaint, service call or note."""

    TICKET_KINDS = (ActivityKind.COMPLAINT, ActivityKind.SERVICE_CALL)

    def __init__(
        self,
        store: Store,
        person_id: int | None = None,
        company_id: int | None = None,
        kind: ActivityKind = ActivityKind.CALL,
        ticket_number: str | None = None,
        project_id: int | None = None,
        opportunity_id: int | None = None,
        prefill_text: str = "",
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.zone = local_zone()
        self.linked_ticket_id: int | None = None
        self.setWindowTitle(self.tr("Log activity"))
        self.setStyleSheet(FORM_STYLE)
        lay = QVBoxLayout(self)
        self.banner = Banner(self)
        lay.addWidget(self.banner)
        p = self.page = FormPage(self)

        self.kind = EnumCombo(ActivityKind, parent=p)
        self.kind.set_value(kind)
        p.add_field("kind", self.tr("&Kind:"), self.kind)
        self.direction = EnumCombo(Direction, parent=p)
        self.direction.set_value(
            Direction.INBOUND if kind in self.TICKET_KINDS else Direction.OUTBOUND
        )
        p.add_field("direction", self.tr("Di&rection:"), self.direction)
        now_local = to_local(self.clock.now(), self.zone)
        self.when = QDateTimeEdit(p)
        self.when.setTimeZone(QTimeZone.utc())
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(datetime_format())
        self.when.setDateTime(_qdatetime(now_local))
        p.add_field("occurred_at", self.tr("&When:"), self.when)
        self.duration = QSpinBox(p)
        self.duration.setRange(0, 24 * 60)
        self.duration.setSingleStep(5)
        self.duration.setSpecialValueText(self.tr("not recorded"))
        self.duration.setSuffix(self.tr(" min"))
        p.add_field("duration_minutes", self.tr("D&uration:"), self.duration)
        self.person = RecordCombo(self.tr("Type a name…"), p)
        p.add_field("person_id", self.tr("&Person:"), self.person)
        self.company = RecordCombo(self.tr("The person's company"), p)
        p.add_field("company_id", self.tr("Co&mpany:"), self.company)
        self.subject = QLineEdit(p)
        p.add_field("subject", self.tr("Su&bject:"), self.subject)
        self.text = plain_text(p, rows=5)
        self.text.setPlainText(prefill_text)
        p.add_field("text", self.tr("&Text:"), self.text)
        self.location = QLineEdit(p)
        p.add_field("location", self.tr("&Location:"), self.location)
        self.ticket = QLineEdit(p)
        self.ticket.setPlaceholderText(self.tr("e.g. T-2026-0042"))
        self.ticket.setText(ticket_number or "")
        p.add_field("ticket_number", self.tr("T&icket number:"), self.ticket)
        self.ticket_info = QLabel(p)
        self.ticket_info.setWordWrap(True)
        self.ticket_info.setStyleSheet("color: palette(mid);")
        p.add_row("", self.ticket_info)
        self.project = RecordCombo(self.tr("No project"), p)
        p.add_field("project_id", self.tr("Pro&ject:"), self.project)
        self.opportunity = RecordCombo(self.tr("No opportunity"), p)
        p.add_field("opportunity_id", self.tr("&Opportunity:"), self.opportunity)
        lay.addWidget(p)

        self.followup = QGroupBox(self.tr("Plan a &follow-up"), self)
        self.followup.setCheckable(True)
        self.followup.setChecked(False)
        self.followup_page = FormPage(self.followup)
        fl = QVBoxLayout(self.followup)
        fl.setContentsMargins(6, 6, 6, 6)
        fl.addWidget(self.followup_page)
        self.followup_when = QDateTimeEdit(self.followup_page)
        self.followup_when.setTimeZone(QTimeZone.utc())
        self.followup_when.setCalendarPopup(True)
        self.followup_when.setDisplayFormat(datetime_format())
        due = (now_local + dt.timedelta(days=3)).replace(hour=9, minute=0)
        self.followup_when.setDateTime(_qdatetime(due))
        self.followup_page.add_field("followup_due_at", self.tr("&Due:"), self.followup_when)
        self.followup_kind = EnumCombo(ActivityKind, parent=self.followup_page)
        self.followup_page.add_field("followup_kind", self.tr("&As:"), self.followup_kind)
        self.followup_note = QLineEdit(self.followup_page)
        self.followup_page.add_field("followup_note", self.tr("Not&e:"), self.followup_note)
        lay.addWidget(self.followup)
        lay.addStretch(1)
        lay.addWidget(self.buttons)

        self.router = ErrorRouter(self.banner)
        self.router.add(self.page, self.followup_page)

        self._projects: list[tuple[int, str, int | None]] = []
        self._opportunities: list[tuple[int, str, int | None]] = []
        self._load_choices(person_id, company_id, project_id, opportunity_id)
        self.person.currentIndexChanged.connect(self._person_changed)
        self.company.currentIndexChanged.connect(self._filter_links)
        self.ticket.textChanged.connect(self._ticket_changed)
        self.kind.currentIndexChanged.connect(self._ticket_changed)
        self._ticket_changed()
        self.resize(660, self.sizeHint().height())
        (self.subject if person_id or company_id else self.person).setFocus()

    def _load_choices(
        self,
        person_id: int | None,
        company_id: int | None,
        project_id: int | None,
        opportunity_id: int | None,
    ) -> None:
        with self.store.reader() as s:
            chosen = pickers.person(s, person_id)
            self.person.set_source(
                people_source(self.store), (chosen.id, chosen.label) if chosen else None
            )
            if company_id is None and chosen is not None:
                company_id = chosen.company_id
            self.company.set_source(company_source(self.store), company_choice(s, company_id))
            projects = lookups.open_projects(s, project_id)
            self._projects = [(r.id, r.name, r.company_id) for r in projects]
            opps = lookups.open_opportunities(s, opportunity_id)
            self._opportunities = [(r.id, r.name, r.company_id) for r in opps]
        self._filter_links()
        self.project.set_current_id(project_id)
        self.opportunity.set_current_id(opportunity_id)

    def _person_changed(self, *_args: Any) -> None:
        pid = self.person.current_id()
        if pid is not None:
            with self.store.reader() as s:
                found = pickers.person(s, pid)
                company = company_choice(s, found.company_id if found else None)
            if company is not None:
                self.company.select_record(*company)
        self._filter_links()

    def _filter_links(self, *_args: Any) -> None:
        cid = self.company.current_id()
        group: set[int] = set()
        if cid is not None:  # a project of any company of the group (parent, branches)
            with self.store.reader() as s:
                group = set(projects_svc.group_company_ids(s, cid))

        def fits(rec_cid: int | None) -> bool:
            return cid is None or rec_cid is None or rec_cid == cid

        def fits_group(rec_cid: int | None) -> bool:
            return cid is None or rec_cid is None or rec_cid in group

        self.project.set_records([(i, n) for i, n, c in self._projects if fits_group(c)])
        self.opportunity.set_records([(i, n) for i, n, c in self._opportunities if fits(c)])

    def _ticket_changed(self, *_args: Any) -> None:
        number = self.ticket.text().strip()
        self.linked_ticket_id = None
        if not number:
            if self.kind.value() in self.TICKET_KINDS:
                self.ticket_info.setText(self.tr("A new ticket is opened when you save."))
            else:
                self.ticket_info.setText(self.tr("Optional: links this activity to a ticket."))
            return
        from crm_desktop.services import tickets

        with self.store.reader() as s:
            found = tickets.find_ticket(s, number)
            if found is None:
                self.ticket_info.setText(self.tr("There is no ticket with this number yet."))
                return
            self.linked_ticket_id = int(found.id)
            self.ticket_info.setText(
                self.tr("Linked to ticket {number} “{title}” ({status}).").format(
                    number=found.number, title=found.title, status=enum_label(found.status)
                )
            )

    def typed_texts(self) -> dict[str, str | None]:
        return {
            "subject": self.subject.text(),
            "text": self.text.toPlainText(),
            "location": self.location.text(),
            "ticket_number": self.ticket.text(),
            "followup_note": self.followup_note.text(),
        }

    def save(self) -> None:
        from crm_desktop.services import activities

        pre = card_errors(self.typed_texts())
        if self.person.is_unmatched():
            pre.append(
                ValidationError(
                    QT_TRANSLATE_NOOP(
                        "errors", "There is no person “{name}”. Pick one from the list."
                    ),
                    field="person_id",
                    name=self.person.currentText().strip(),
                )
            )
        if self.company.is_unmatched():
            pre.append(
                ValidationError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "There is no company “{name}”. Pick one from the list or create it first.",
                    ),
                    field="company_id",
                    name=self.company.currentText().strip(),
                )
            )
        occurred = local_to_utc(_wall_clock(self.when), self.zone)
        followup_due = (
            local_to_utc(_wall_clock(self.followup_when), self.zone)
            if self.followup.isChecked()
            else None
        )
        number = self.ticket.text().strip() or None
        values: dict[str, Any] = {
            "kind": self.kind.value() or ActivityKind.NOTE,
            "subject": self.subject.text().strip(),
            "text": self.text.toPlainText().strip(),
            "occurred_at": occurred,
            "person_id": self.person.current_id(),
            "company_id": self.company.current_id(),
            "ticket_id": self.linked_ticket_id,
            "ticket_number": number,
            "project_id": self.project.current_id(),
            "opportunity_id": self.opportunity.current_id(),
            "direction": self.direction.value() or Direction.OUTBOUND,
            "duration_minutes": self.duration.value() or None,
            "location": text_or_none(self.location),
            "owner": self.store.owner or None,
            "followup_due_at": followup_due,
            "followup_kind": self.followup_kind.value() or ActivityKind.CALL,
            "followup_note": self.followup_note.text().strip(),
        }
        if followup_due is not None and followup_due <= occurred:
            pre.append(
                ValidationError(
                    QT_TRANSLATE_NOOP("errors", "The follow-up must be later than the activity."),
                    field="followup_due_at",
                )
            )
        names = {f.name for f in dataclasses.fields(activities.ActivityInput)}
        data = activities.ActivityInput(**{k: val for k, val in values.items() if k in names})

        def work(session: Session, errors: list[ValidationError]) -> int:
            if errors:
                return -1
            try:
                activity = activities.log_activity(session, data, clock=self.clock)
            except NotFoundError as exc:
                if "number" in exc.params:
                    raise ValidationError(exc.message, field="ticket_number", **exc.params) from exc
                raise
            return int(activity.id)

        rid = save_with_errors(self.store, self.router, work, pre)
        if rid is not None:
            self.accept_with(rid)


__all__ = [
    "TAB_ADDRESSES",
    "TAB_BANK",
    "TAB_COMMUNICATION",
    "TAB_OVERVIEW",
    "TAB_PROFILE",
    "ActivityDialog",
    "CompanyDialog",
    "CompanyForm",
    "DepartmentDialog",
    "DuplicateBar",
    "PersonDialog",
    "PersonForm",
]
