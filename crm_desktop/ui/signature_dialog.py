"""New contact from an e-mail signature or a website imprint.

Paste the text on the left; :func:`crm_desktop.interop.signature.parse_signature`
reads it (as you type, debounced) into the editable form on the right: the company
(name, legal form, address, phones, e-mail, web, VAT id, register court and number,
managing directors) and the person (salutation, title, name, position, phones,
e-mail). Save creates the company and the person through
:mod:`crm_desktop.services.contacts` in one unit of work; every error is shown at
its field and nothing is saved while anything is wrong. When a company of that name
is already stored, the person can be added to it instead.

When the paste matches a stored person or company (the duplicate finder: e-mail,
phone, name, VAT id, website), "Update <name>…" shows the differences side by side
(field: stored → pasted, each with a checkbox); "Apply ticked changes" saves only the
ticked ones as one undoable edit (:mod:`crm_desktop.services.signature_update`).
"Save company and person" still creates new records.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.data.models import EmailKind, PhoneKind
from crm_desktop.data.store import Store
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import CrmError, MultipleErrors, ValidationError
from crm_desktop.interop.signature import SignatureProposal, parse_signature
from crm_desktop.services import contacts, lookups, signature_update
from crm_desktop.services import validation as v
from crm_desktop.services.changes import Changes
from crm_desktop.services.contacts import AddressInput, CompanyInput, EmailInput, PersonInput
from crm_desktop.services.contacts import PhoneInput as PhoneIn
from crm_desktop.services.editing import SaveResult
from crm_desktop.services.signature_update import Difference, Match, PastedContact
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.errors import error_label_text
from crm_desktop.ui.format import phone_region
from crm_desktop.ui.forms import (
    FORM_STYLE,
    Banner,
    EmailListEditor,
    ErrorRouter,
    FormPage,
    PhoneListEditor,
    collect,
    save_with_errors,
    scrolled,
    text_or_none,
)

SALUTATIONS = ["", "Herr", "Frau", "Mr", "Mrs", "Ms"]
_COMPANY_FIELD = {
    "name": "company",
    "addresses.0.street": "street",
    "addresses.0.postcode": "postcode",
    "addresses.0.city": "city",
    "addresses.0.country": "country",
    "addresses.0.extra": "street",
}


def _remap(errors: list[ValidationError], mapping: dict[str, str], list_prefix: str) -> None:
    """Point the service's field names at this form's fields."""
    for err in errors:
        key = err.field or ""
        if key in mapping:
            err.field = mapping[key]
        elif list_prefix and key.startswith(("phones.", "emails.")):
            err.field = f"{list_prefix}.{key}"


class SignatureDialog(QDialog):
    """Paste a signature, check the proposal, save company and person."""

    changed = Signal(object)  # the Changes of the records it created or updated
    personActivated = Signal(int)
    companyActivated = Signal(int)

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, clock: Clock | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.proposal = SignatureProposal()
        self.existing_company_id: int | None = None
        self.company_id: int | None = None
        self.person_id: int | None = None
        self.matches: list[Match] = []
        self.differences: list[Difference] = []
        self.update_target: Match | None = None
        self.updated: SaveResult | None = None
        self.setWindowTitle(self.tr("New contact from a signature"))
        self.setStyleSheet(FORM_STYLE)
        self.resize(1100, 760)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.read_text)
        # -- the pasted text
        self.paste = QPlainTextEdit(self)
        self.paste.setObjectName("signatureText")
        self.paste.setPlaceholderText(
            self.tr(
                "Paste an e-mail signature or a website imprint (Impressum) here.\n\n"
                "Name, position, company, address, phone numbers, e-mail, website, VAT id, "
                "register entry and managing directors are recognised."
            )
        )
        self.paste.textChanged.connect(lambda: self._timer.start())
        self.found = QLabel(self)
        self.found.setWordWrap(True)
        self.found.setObjectName("signatureFound")
        left = QWidget(self)
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        paste_label = QLabel(self.tr("Pasted &text:"), self)
        paste_label.setBuddy(self.paste)
        left_lay.addWidget(paste_label)
        left_lay.addWidget(self.paste, 1)
        left_lay.addWidget(self.found)

        # -- the form
        self.form = FormPage(self)
        f = self.form
        f.add_heading(self.tr("Company"))
        self.company = QLineEdit(self)
        self.company.setObjectName("sigCompany")
        f.add_field("company", self.tr("Company &name:"), self.company)
        self.use_existing = QCheckBox(self)
        self.use_existing.setObjectName("sigUseExisting")
        self.use_existing.hide()
        self.use_existing.toggled.connect(self._existing_toggled)
        f.add_wide(self.use_existing)
        self.legal_form = QLineEdit(self)
        f.add_field("legal_form", self.tr("&Legal form:"), self.legal_form)
        self.street = QLineEdit(self)
        f.add_field("street", self.tr("&Street:"), self.street)
        place = QWidget(self)
        place_lay = QHBoxLayout(place)
        place_lay.setContentsMargins(0, 0, 0, 0)
        self.postcode = QLineEdit(self)
        self.postcode.setMaximumWidth(110)
        self.postcode.setPlaceholderText(self.tr("Postcode"))
        self.city = QLineEdit(self)
        self.city.setPlaceholderText(self.tr("City"))
        self.country = QLineEdit(self)
        self.country.setMaximumWidth(60)
        self.country.setPlaceholderText("DE")
        place_lay.addWidget(self.postcode)
        place_lay.addWidget(self.city, 1)
        place_lay.addWidget(self.country)
        f.add_field("city", self.tr("&Postcode, city:"), place)
        self.company_phones = PhoneListEditor(self)
        self.company_phones.prefix = "company.phones"
        f.add_field("company.phones", self.tr("Company phones:"), self.company_phones)
        self.company_emails = EmailListEditor(self)
        self.company_emails.prefix = "company.emails"
        f.add_field("company.emails", self.tr("Company e-mail:"), self.company_emails)
        self.website = QLineEdit(self)
        f.add_field("website", self.tr("&Website:"), self.website)
        self.vat_id = QLineEdit(self)
        f.add_field("vat_id", self.tr("&VAT id:"), self.vat_id)
        self.register_court = QLineEdit(self)
        f.add_field("register_court", self.tr("Register &court:"), self.register_court)
        self.register_number = QLineEdit(self)
        f.add_field("register_number", self.tr("Register n&umber:"), self.register_number)
        self.directors = QLineEdit(self)
        f.add_field("managing_directors", self.tr("Managing &directors:"), self.directors)

        f.add_heading(self.tr("Person"))
        self.salutation = QComboBox(self)
        self.salutation.setEditable(True)
        self.salutation.addItems(SALUTATIONS)
        f.add_field("salutation", self.tr("Salu&tation:"), self.salutation)
        self.title = QLineEdit(self)
        f.add_field("title", self.tr("T&itle:"), self.title)
        self.given_name = QLineEdit(self)
        self.given_name.setObjectName("sigGiven")
        f.add_field("given_name", self.tr("&Given name:"), self.given_name)
        self.family_name = QLineEdit(self)
        self.family_name.setObjectName("sigFamily")
        f.add_field("family_name", self.tr("&Family name:"), self.family_name)
        self.position = QLineEdit(self)
        f.add_field("position", self.tr("P&osition:"), self.position)
        self.phones = PhoneListEditor(self)
        f.add_field("phones", self.tr("Phones:"), self.phones)
        self.emails = EmailListEditor(self)
        f.add_field("emails", self.tr("E-mail:"), self.emails)

        self.banner = Banner(self)
        self.router = ErrorRouter(self.banner)
        self.router.add(
            self.form, self.company_phones, self.company_emails, self.phones, self.emails
        )

        right = QWidget(self)
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        right_lay.addWidget(self._build_match_bar())
        right_lay.addWidget(self.banner)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(scrolled(self.form, self))
        self.pages.addWidget(self._build_differences_page())
        right_lay.addWidget(self.pages, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save company and person"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(splitter, 1)
        lay.addWidget(self.buttons)

        self.company.editingFinished.connect(self._check_existing)
        self.paste.setFocus()

    # ------------------------------------------------------------ reading

    def set_text(self, text: str) -> SignatureProposal:
        """Paste ``text`` and read it at once."""
        self.paste.setPlainText(text)
        return self.read_text()

    def read_text(self) -> SignatureProposal:
        self._timer.stop()
        p = parse_signature(self.paste.toPlainText())
        self.proposal = p
        self.apply(p)
        return p

    def apply(self, p: SignatureProposal) -> None:
        """Fill the form from a proposal (what it did not find is left empty)."""
        self.router.clear()
        name = p.company
        if p.legal_form and name.endswith(p.legal_form):
            name = name[: -len(p.legal_form)].strip(" ,")
        self.company.setText(name)
        self.legal_form.setText(p.legal_form)
        self.street.setText(p.street)
        self.postcode.setText(p.postcode)
        self.city.setText(p.city)
        self.country.setText(p.country or ("DE" if p.postcode else ""))
        self.website.setText(p.website)
        self.vat_id.setText(p.vat_id)
        self.register_court.setText(p.register_court)
        self.register_number.setText(p.register_number)
        self.directors.setText(", ".join(p.managing_directors))
        self.salutation.setCurrentText(p.salutation)
        self.title.setText(p.title)
        self.given_name.setText(p.given_name)
        self.family_name.setText(p.family_name)
        self.position.setText(p.position)
        has_person = bool(p.given_name or p.family_name)
        kinds = {"fax": PhoneKind.FAX, "mobile": PhoneKind.MOBILE, "phone": PhoneKind.WORK}
        person_phones: list[PhoneIn] = []
        company_phones: list[PhoneIn] = []
        for kind, number in p.phones:
            item = PhoneIn(number, kinds.get(kind, PhoneKind.WORK))
            if kind == "fax" or not has_person:
                company_phones.append(item)
            else:
                person_phones.append(item)
        self.phones.set_items(person_phones)
        self.company_phones.set_items(company_phones)
        emails = [EmailInput(e, EmailKind.WORK) for e in p.emails]
        person_emails = [e for e in emails if has_person and not _generic_mailbox(e.address)]
        self.emails.set_items(person_emails)
        self.company_emails.set_items([e for e in emails if e not in person_emails])
        for editor in (self.phones, self.company_phones, self.emails, self.company_emails):
            if not editor.rows:
                editor.add_row()
        self._check_existing()
        self._find_matches()
        found = []
        if p.company:
            found.append(self.tr("company"))
        if has_person:
            found.append(self.tr("person"))
        if p.street or p.city:
            found.append(self.tr("address"))
        if p.phones:
            found.append(
                self.tr("1 phone number")
                if len(p.phones) == 1
                else self.tr("%Ln phone numbers", "", len(p.phones))
            )
        if p.emails:
            found.append(self.tr("e-mail"))
        if p.vat_id or p.register_number:
            found.append(self.tr("register data"))
        if not self.paste.toPlainText().strip():
            self.found.setText("")
        elif found:
            self.found.setText(
                self.tr("Recognised: {what}. Check and correct on the right.").format(
                    what=", ".join(found)
                )
            )
        else:
            self.found.setText(self.tr("Nothing recognised – fill in the form by hand."))

    def _check_existing(self) -> None:
        name = self.company.text().strip()
        self.existing_company_id = None
        if name:
            hit = ops.read(self.store, lambda s: lookups.company_named(s, name))
            if hit is not None:
                self.existing_company_id = int(hit[0])
                self.use_existing.setText(
                    self.tr("Add the person to the stored company “{name}”").format(name=hit[1])
                )
        self.use_existing.setVisible(self.existing_company_id is not None)
        self.use_existing.setChecked(self.existing_company_id is not None)

    def _existing_toggled(self, on: bool) -> None:
        for w in (
            self.legal_form,
            self.street,
            self.postcode,
            self.city,
            self.country,
            self.company_phones,
            self.company_emails,
            self.website,
            self.vat_id,
            self.register_court,
            self.register_number,
            self.directors,
        ):
            w.setEnabled(not on)

    # ------------------------------------------------------------ updating a stored record

    def _build_match_bar(self) -> QWidget:
        self.match_bar = QWidget(self)
        self.match_bar.setObjectName("sigMatchBar")
        lay = QHBoxLayout(self.match_bar)
        lay.setContentsMargins(0, 0, 0, 4)
        self.match_label = QLabel(self.tr("Already stored?"), self)
        self.match_combo = QComboBox(self)
        self.match_combo.setObjectName("sigMatch")
        self.match_label.setBuddy(self.match_combo)
        self.match_combo.currentIndexChanged.connect(self._match_chosen)
        self.update_button = QPushButton(self)
        self.update_button.setObjectName("sigUpdate")
        self.update_button.clicked.connect(self.show_update)
        lay.addWidget(self.match_label)
        lay.addWidget(self.match_combo, 1)
        lay.addWidget(self.update_button)
        self.match_bar.hide()
        return self.match_bar

    def _build_differences_page(self) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        self.diff_heading = QLabel(self)
        self.diff_heading.setWordWrap(True)
        self.diff_heading.setObjectName("sigDiffHeading")
        self.diff_tree = QTreeWidget(self)
        self.diff_tree.setObjectName("sigDifferences")
        self.diff_tree.setRootIsDecorated(False)
        self.diff_tree.setAlternatingRowColors(True)
        self.diff_tree.setHeaderLabels([self.tr("Field"), self.tr("Stored"), self.tr("Pasted")])
        self.diff_tree.itemChanged.connect(lambda *_: self._count_ticked())
        self.diff_error = QLabel(self)
        self.diff_error.setObjectName("sigDiffError")
        self.diff_error.setWordWrap(True)
        self.diff_error.setStyleSheet("color: #b00020;")
        self.diff_error.hide()
        row = QHBoxLayout()
        self.back_button = QPushButton(self.tr("&Back to the new contact"), self)
        self.back_button.setObjectName("sigBack")
        self.back_button.clicked.connect(self.back_to_form)
        self.apply_button = QPushButton(self)
        self.apply_button.setObjectName("sigApply")
        self.apply_button.clicked.connect(self.apply_update)
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.apply_button)
        lay.addWidget(self.diff_heading)
        lay.addWidget(self.diff_tree, 1)
        lay.addWidget(self.diff_error)
        lay.addLayout(row)
        return page

    def pasted_contact(self) -> PastedContact:
        """The form as the update sees it (the user's corrections included)."""
        address = None
        found = self._address()
        if found:
            address = found[0]
            if not self.country.text().strip():
                address.country = ""
        return PastedContact(
            company={
                "name": self.company.text().strip(),
                "legal_form": self.legal_form.text().strip(),
                "website": self.website.text().strip(),
                "vat_id": self.vat_id.text().strip(),
                "register_court": self.register_court.text().strip(),
                "register_number": self.register_number.text().strip(),
                "managing_directors": self.directors.text().strip(),
            },
            company_phones=[p for p in self.company_phones.items() if p.number.strip()],
            company_emails=[e for e in self.company_emails.items() if e.address.strip()],
            address=address,
            person={
                "salutation": self.salutation.currentText().strip(),
                "title": self.title.text().strip(),
                "given_name": self.given_name.text().strip(),
                "family_name": self.family_name.text().strip(),
                "position": self.position.text().strip(),
            },
            phones=[p for p in self.phones.items() if p.number.strip()],
            emails=[e for e in self.emails.items() if e.address.strip()],
        )

    def _region(self) -> str:
        """Numbers without a country code belong to the pasted address's country (a US
        signature's "(415) 555-0123"), else to the phone region of the settings."""
        return signature_update.phone_region_for(self.country.text().strip(), phone_region())

    def _find_matches(self) -> None:
        pasted = self.pasted_contact()
        region = self._region()
        self.matches = ops.read(
            self.store, lambda s: signature_update.find_matches(s, pasted, region=region)
        )
        self.match_combo.blockSignals(True)
        self.match_combo.clear()
        for m in self.matches:
            text = (
                self.tr("Person: {name}") if m.kind == "person" else self.tr("Company: {name}")
            ).format(name=m.name)
            self.match_combo.addItem(text)
        self.match_combo.blockSignals(False)
        self.match_bar.setVisible(bool(self.matches))
        self._match_chosen()

    def _match_chosen(self, *_args: object) -> None:
        i = self.match_combo.currentIndex()
        if 0 <= i < len(self.matches):
            self.update_button.setText(self.tr("Upd&ate {name}…").format(name=self.matches[i].name))

    def _field_label(self, name: str) -> str:
        labels = {
            "salutation": self.tr("Salutation"),
            "title": self.tr("Title"),
            "given_name": self.tr("Given name"),
            "family_name": self.tr("Family name"),
            "position": self.tr("Position"),
            "name": self.tr("Company name"),
            "legal_form": self.tr("Legal form"),
            "website": self.tr("Website"),
            "vat_id": self.tr("VAT id"),
            "register_court": self.tr("Register court"),
            "register_number": self.tr("Register number"),
            "managing_directors": self.tr("Managing directors"),
            "phones": self.tr("Add phone number"),
            "emails": self.tr("Add e-mail address"),
            "address": self.tr("Address"),
        }
        return labels.get(name, name)

    def show_update(self) -> bool:
        """The differences between the chosen stored record and the form; False when
        no record is chosen."""
        i = self.match_combo.currentIndex()
        if not 0 <= i < len(self.matches):
            return False
        target = self.matches[i]
        self.update_target = target
        pasted = self.pasted_contact()
        region = self._region()
        self.differences = ops.read(
            self.store,
            lambda s: signature_update.differences(
                s, target.kind, target.id, pasted, region=region
            ),
        )
        self.diff_tree.blockSignals(True)
        self.diff_tree.clear()
        for diff in self.differences:
            item = QTreeWidgetItem(
                [self._field_label(diff.field), diff.stored or "—", f"→ {diff.pasted}"]
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            item.setToolTip(1, diff.stored)
            item.setToolTip(2, diff.pasted)
            self.diff_tree.addTopLevelItem(item)
        self.diff_tree.blockSignals(False)
        for col in range(3):
            self.diff_tree.resizeColumnToContents(col)
        if self.differences:
            self.diff_heading.setText(
                self.tr(
                    "Update {name}: tick the changes to apply. Nothing else in the stored "
                    "record changes."
                ).format(name=target.name)
            )
        else:
            self.diff_heading.setText(
                self.tr("{name} already holds everything that was pasted.").format(name=target.name)
            )
        self.diff_error.hide()
        self._count_ticked()
        self.pages.setCurrentIndex(1)
        self.save_button.setEnabled(False)
        return True

    def ticked(self) -> list[Difference]:
        return [
            diff
            for row, diff in enumerate(self.differences)
            if (item := self.diff_tree.topLevelItem(row)) is not None
            and item.checkState(0) == Qt.CheckState.Checked
        ]

    def _count_ticked(self) -> None:
        n = len(self.ticked())
        self.apply_button.setText(self.tr("Appl&y the ticked changes ({count})").format(count=n))
        self.apply_button.setEnabled(n > 0)

    def back_to_form(self) -> None:
        self.pages.setCurrentIndex(0)
        self.save_button.setEnabled(True)

    def _undo_label(self, names: list[str], name: str) -> str:
        return self.tr("Update {name} from a signature").format(name=name)

    def apply_update(self) -> bool:
        """Save the ticked differences as one undoable edit of the stored record."""
        target, chosen = self.update_target, self.ticked()
        if target is None or not chosen:
            return False
        region = self._region()
        try:
            result = ops.write(
                self.store,
                lambda s: signature_update.apply_update(
                    s,
                    target.kind,
                    target.id,
                    chosen,
                    clock=self.clock,
                    region=region,
                    edit_label=self._undo_label,
                ),
                sender=self,
                changes=lambda r: r.changes,
            )
        except CrmError as exc:
            errors = exc.errors if isinstance(exc, MultipleErrors) else [exc]
            self.diff_error.setText("\n".join(error_label_text(e) for e in errors))
            self.diff_error.show()
            return False
        self.updated = result
        if target.kind == "person":
            self.person_id = target.id
            self.personActivated.emit(target.id)
        else:
            self.company_id = target.id
            self.companyActivated.emit(target.id)
        self.accept()
        return True

    # ------------------------------------------------------------ saving

    def _address(self) -> list[AddressInput]:
        if not any(w.text().strip() for w in (self.street, self.postcode, self.city)):
            return []
        return [
            AddressInput(
                street=self.street.text().strip(),
                postcode=self.postcode.text().strip(),
                city=self.city.text().strip(),
                country=v.country_code(self.country.text().strip() or "DE"),
            )
        ]

    def save(self) -> bool:
        has_company = bool(self.company.text().strip())
        has_person = bool(self.given_name.text().strip() or self.family_name.text().strip())
        use_existing = self.use_existing.isChecked() and self.existing_company_id is not None
        pre: list[ValidationError] = []
        if not has_company and not has_person:
            pre.append(
                ValidationError(
                    QT_TRANSLATE_NOOP(
                        "errors", "Enter at least a company or the name of a person."
                    ),
                    field="company",
                )
            )

        def work(session: Session, errors: list[ValidationError]) -> tuple[int | None, int | None]:
            company_id: int | None = self.existing_company_id if use_existing else None
            address = self._address()
            if has_company and not use_existing:
                found: list[ValidationError] = []
                company = collect(
                    found,
                    contacts.create_company,
                    session,
                    CompanyInput(
                        name=self.company.text().strip(),
                        legal_form=text_or_none(self.legal_form),
                        website=text_or_none(self.website),
                        vat_id=text_or_none(self.vat_id),
                        register_court=text_or_none(self.register_court),
                        register_number=text_or_none(self.register_number),
                        managing_directors=text_or_none(self.directors),
                        phones=self.company_phones.items(),
                        emails=self.company_emails.items(),
                        addresses=address,
                    ),
                    region=self._region(),
                )
                _remap(found, _COMPANY_FIELD, "company")
                errors += found
                company_id = company.id if company is not None else None
            person_id: int | None = None
            if has_person:
                found = []
                person = collect(
                    found,
                    contacts.create_person,
                    session,
                    PersonInput(
                        salutation=self.salutation.currentText().strip() or None,
                        title=text_or_none(self.title),
                        given_name=self.given_name.text().strip(),
                        family_name=self.family_name.text().strip(),
                        position=text_or_none(self.position),
                        company_id=company_id,
                        phones=self.phones.items(),
                        emails=self.emails.items(),
                        addresses=[] if has_company else address,
                    ),
                    clock=self.clock,
                    region=self._region(),
                )
                _remap(found, _COMPANY_FIELD if not has_company else {}, "")
                errors += found
                person_id = person.id if person is not None else None
            return company_id, person_id

        result = save_with_errors(self.store, self.router, work, pre)
        if result is None:
            return False
        self.company_id, self.person_id = result
        self.changed.emit(
            Changes.of("company", self.company_id, structure=True)
            | Changes.of("person", self.person_id, structure=True)
        )
        if self.person_id is not None:
            self.personActivated.emit(self.person_id)
        elif self.company_id is not None:
            self.companyActivated.emit(self.company_id)
        self.accept()
        return True


def _generic_mailbox(address: str) -> bool:
    """info@, kontakt@, office@...: the company's mailbox, not the person's."""
    local = address.split("@", 1)[0].lower()
    return local in {
        "info",
        "kontakt",
        "contact",
        "office",
        "mail",
        "post",
        "hello",
        "hallo",
        "service",
        "vertrieb",
        "sales",
        "buero",
        "büro",
        "zentrale",
    }
