"""List editors for phones, e-mails, addresses, bank accounts and free profile fields:
one row per entry, an inline error under each row, keyboard friendly.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.data.models import (
    Address,
    AddressKind,
    BankAccount,
    Email,
    EmailKind,
    Phone,
    PhoneKind,
)
from crm_desktop.services import cardguard
from crm_desktop.services.contacts import AddressInput, BankInput, EmailInput, PhoneInput
from crm_desktop.ui.format import format_phone
from crm_desktop.ui.forms.guards import clear_error_on_edit
from crm_desktop.ui.forms.style import set_invalid
from crm_desktop.ui.forms.widgets import EnumCombo, ErrorLabel

# ---------------------------------------------------------------- list editors


def _line(placeholder: str, accessible: str, parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setPlaceholderText(placeholder)
    edit.setAccessibleName(accessible)
    return edit


class _Row(QWidget):
    """One entry of a list editor: its inputs, a remove button and an error label."""

    def __init__(self, editor: ListEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(4)
        outer.addLayout(self.grid)
        self.error = ErrorLabel(self)
        outer.addWidget(self.error)
        self.remove_button = QToolButton(self)
        self.remove_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogDiscardButton)
        )
        self.remove_button.setIconSize(QSize(14, 14))
        self.remove_button.setToolTip(QCoreApplication.translate("forms", "Remove this entry"))
        self.remove_button.setAccessibleName(QCoreApplication.translate("forms", "Remove"))
        self.remove_button.setAutoRaise(True)
        self.remove_button.clicked.connect(lambda: editor.remove_row(self))

    def inputs(self) -> list[QWidget]:
        raise NotImplementedError

    def is_empty(self) -> bool:
        raise NotImplementedError

    def texts(self) -> dict[str, str]:
        """Texts to run the card guard over: sub-key ("" = the row itself) → text."""
        raise NotImplementedError

    def widget_for(self, sub: str) -> QWidget:
        return self.inputs()[0]

    def show_error(self, sub: str, text: str) -> QWidget:
        self.error.add_error(text)
        widget = self.widget_for(sub)
        set_invalid(widget, True)
        return widget

    def clear_errors(self) -> None:
        self.error.set_error(None)
        for w in self.inputs():
            set_invalid(w, False)


class ListEditor(QWidget):
    """A growing list of rows with an "Add" button; rows that stay empty are ignored."""

    changed = Signal()
    submitted = Signal()

    def __init__(self, prefix: str, add_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self.rows: list[_Row] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)
        self._rows_box = QVBoxLayout()
        self._rows_box.setSpacing(6)
        outer.addLayout(self._rows_box)
        self.add_button = QPushButton(add_text, self)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._add_and_focus)
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        outer.addLayout(bar)

    # -- rows

    def _new_row(self) -> _Row:
        raise NotImplementedError

    def add_row(self) -> _Row:
        pred: QWidget | None
        pred = self.rows[-1].remove_button if self.rows else self.add_button.previousInFocusChain()
        row = self._new_row()
        self.rows.append(row)
        self._rows_box.addWidget(row)
        chain = [*row.inputs(), row.remove_button]
        if pred is not None and pred is not self.add_button:
            QWidget.setTabOrder(pred, chain[0])
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)
        QWidget.setTabOrder(chain[-1], self.add_button)
        for w in row.inputs():
            clear_error_on_edit(w, row.clear_errors)  # the message goes with the fix
            if isinstance(w, QLineEdit):
                w.textChanged.connect(self.changed)
                w.returnPressed.connect(self.submitted)
        return row

    def _add_and_focus(self) -> None:
        row = self.add_row()
        first = row.inputs()
        # focus the main text input (after the kind combo, if any)
        target = next((w for w in first if isinstance(w, QLineEdit)), first[0])
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def remove_row(self, row: _Row) -> None:
        if row in self.rows:
            self.rows.remove(row)
            row.hide()
            row.setParent(None)
            row.deleteLater()
            self.changed.emit()

    def clear_rows(self) -> None:
        for row in list(self.rows):
            self.remove_row(row)

    def filled_rows(self) -> list[_Row]:
        """The rows that count, in the order their items are passed to the services."""
        return [r for r in self.rows if not r.is_empty()]

    # -- errors

    def show_field_error(self, key: str, text: str) -> QWidget | None:
        if key == self.prefix:  # the list as a whole (a required e-mail, phone, address)
            rows = self.filled_rows() or self.rows
            return rows[0].show_error("", text) if rows else None
        if not key.startswith(self.prefix + "."):
            return None
        rest = key[len(self.prefix) + 1 :]
        index, _, sub = rest.partition(".")
        if not index.isdigit():
            return None
        rows = self.filled_rows()
        if int(index) >= len(rows):
            return None
        return rows[int(index)].show_error(sub, text)

    def clear_errors(self) -> None:
        for row in self.rows:
            row.clear_errors()

    def card_fields(self) -> dict[str, str | None]:
        out: dict[str, str | None] = {}
        for i, row in enumerate(self.filled_rows()):
            for sub, text in row.texts().items():
                out[f"{self.prefix}.{i}" + (f".{sub}" if sub else "")] = text
        return out


KIND_WIDTH = 150  # kind combos of all list editors line up


class _PhoneRow(_Row):
    def __init__(self, editor: ListEditor) -> None:
        super().__init__(editor)
        self.kind = EnumCombo(PhoneKind, parent=self)
        self.kind.setFixedWidth(KIND_WIDTH)
        self.kind.setAccessibleName(QCoreApplication.translate("forms", "Kind of phone number"))
        self.number = _line(
            QCoreApplication.translate("forms", "e.g. 0711 1234567 or +43 1 234567"),
            QCoreApplication.translate("forms", "Phone number"),
            self,
        )
        self.label = _line(
            QCoreApplication.translate("forms", "Label (optional)"),
            QCoreApplication.translate("forms", "Label"),
            self,
        )
        self.label.setMaximumWidth(160)
        self.grid.addWidget(self.kind, 0, 0)
        self.grid.addWidget(self.number, 0, 1)
        self.grid.addWidget(self.label, 0, 2)
        self.grid.addWidget(self.remove_button, 0, 3)
        self.grid.setColumnStretch(1, 1)

    def inputs(self) -> list[QWidget]:
        return [self.kind, self.number, self.label]

    def widget_for(self, sub: str) -> QWidget:
        return self.label if sub == "label" else self.number

    def is_empty(self) -> bool:
        return not self.number.text().strip()

    def texts(self) -> dict[str, str]:
        return {"": self.number.text(), "label": self.label.text()}


class PhoneListEditor(ListEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("phones", QCoreApplication.translate("forms", "Add &phone number"), parent)

    def _new_row(self) -> _Row:
        return _PhoneRow(self)

    def items(self) -> list[PhoneInput]:
        out = []
        for row in self.filled_rows():
            assert isinstance(row, _PhoneRow)
            out.append(
                PhoneInput(
                    number=row.number.text().strip(),
                    kind=row.kind.value() or PhoneKind.WORK,
                    label=row.label.text().strip() or None,
                )
            )
        return out

    def set_items(self, phones: Iterable[Phone | PhoneInput]) -> None:
        self.clear_rows()
        for phone in phones:
            row = self.add_row()
            assert isinstance(row, _PhoneRow)
            row.kind.set_value(phone.kind)
            number = phone.number
            row.number.setText(format_phone(number) if number.startswith("+") else number)
            row.label.setText(phone.label or "")


class _EmailRow(_Row):
    def __init__(self, editor: ListEditor) -> None:
        super().__init__(editor)
        self.kind = EnumCombo(EmailKind, parent=self)
        self.kind.setFixedWidth(KIND_WIDTH)
        self.kind.setAccessibleName(QCoreApplication.translate("forms", "Kind of e-mail address"))
        self.address = _line(
            QCoreApplication.translate("forms", "name@example.de"),
            QCoreApplication.translate("forms", "E-mail address"),
            self,
        )
        self.grid.addWidget(self.kind, 0, 0)
        self.grid.addWidget(self.address, 0, 1)
        self.grid.addWidget(self.remove_button, 0, 2)
        self.grid.setColumnStretch(1, 1)

    def inputs(self) -> list[QWidget]:
        return [self.kind, self.address]

    def widget_for(self, sub: str) -> QWidget:
        return self.address

    def is_empty(self) -> bool:
        return not self.address.text().strip()

    def texts(self) -> dict[str, str]:
        return {"": self.address.text()}


class EmailListEditor(ListEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "emails", QCoreApplication.translate("forms", "Add e-&mail address"), parent
        )

    def _new_row(self) -> _Row:
        return _EmailRow(self)

    def items(self) -> list[EmailInput]:
        out = []
        for row in self.filled_rows():
            assert isinstance(row, _EmailRow)
            out.append(
                EmailInput(
                    address=row.address.text().strip(), kind=row.kind.value() or EmailKind.WORK
                )
            )
        return out

    def set_items(self, emails: Iterable[Email | EmailInput]) -> None:
        self.clear_rows()
        for email in emails:
            row = self.add_row()
            assert isinstance(row, _EmailRow)
            row.kind.set_value(email.kind)
            row.address.setText(email.address)


class _AddressRow(_Row):
    def __init__(self, editor: ListEditor) -> None:
        super().__init__(editor)
        self.kind = EnumCombo(AddressKind, parent=self)
        self.kind.setFixedWidth(KIND_WIDTH)
        self.kind.setAccessibleName(QCoreApplication.translate("forms", "Kind of address"))
        self.street = _line(
            QCoreApplication.translate("forms", "Street and number"),
            QCoreApplication.translate("forms", "Street"),
            self,
        )
        self.extra = _line(
            QCoreApplication.translate("forms", "Address line 2 (optional)"),
            QCoreApplication.translate("forms", "Address line 2"),
            self,
        )
        self.postcode = _line(
            QCoreApplication.translate("forms", "Postcode"),
            QCoreApplication.translate("forms", "Postcode"),
            self,
        )
        self.postcode.setFixedWidth(KIND_WIDTH)
        self.city = _line(
            QCoreApplication.translate("forms", "City"),
            QCoreApplication.translate("forms", "City"),
            self,
        )
        self.country = _line(
            QCoreApplication.translate("forms", "Country (DE)"),
            QCoreApplication.translate("forms", "Country"),
            self,
        )
        self.country.setText("DE")
        self.grid.addWidget(self.kind, 0, 0)
        self.grid.addWidget(self.street, 0, 1)
        self.grid.addWidget(self.extra, 0, 2)
        self.grid.addWidget(self.remove_button, 0, 3)
        self.grid.addWidget(self.postcode, 1, 0)
        self.grid.addWidget(self.city, 1, 1)
        self.grid.addWidget(self.country, 1, 2)
        self.grid.setColumnStretch(1, 3)
        self.grid.setColumnStretch(2, 2)

    def inputs(self) -> list[QWidget]:
        return [self.kind, self.street, self.extra, self.postcode, self.city, self.country]

    def widget_for(self, sub: str) -> QWidget:
        return {
            "street": self.street,
            "extra": self.extra,
            "postcode": self.postcode,
            "city": self.city,
            "country": self.country,
        }.get(sub, self.street)

    def is_empty(self) -> bool:
        return not any(
            w.text().strip() for w in (self.street, self.extra, self.postcode, self.city)
        )

    def texts(self) -> dict[str, str]:
        return {"street": self.street.text(), "extra": self.extra.text(), "city": self.city.text()}


class AddressListEditor(ListEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("addresses", QCoreApplication.translate("forms", "Add &address"), parent)
        self._rows_box.setSpacing(14)  # two lines per address: keep the entries apart

    def _new_row(self) -> _Row:
        return _AddressRow(self)

    def add_row(self) -> _Row:
        row = super().add_row()
        assert isinstance(row, _AddressRow)
        used = {r.kind.value() for r in self.rows if r is not row and isinstance(r, _AddressRow)}
        for kind in (AddressKind.MAIN, AddressKind.DELIVERY, AddressKind.BILLING):
            if kind not in used:
                row.kind.set_value(kind)
                break
        else:
            row.kind.set_value(AddressKind.OTHER)
        return row

    def items(self) -> list[AddressInput]:
        out = []
        for row in self.filled_rows():
            assert isinstance(row, _AddressRow)
            out.append(
                AddressInput(
                    street=row.street.text().strip(),
                    extra=row.extra.text().strip() or None,
                    postcode=row.postcode.text().strip(),
                    city=row.city.text().strip(),
                    country=row.country.text().strip(),
                    kind=row.kind.value() or AddressKind.MAIN,
                )
            )
        return out

    def set_items(self, addresses: Iterable[Address | AddressInput]) -> None:
        self.clear_rows()
        for addr in addresses:
            row = self.add_row()
            assert isinstance(row, _AddressRow)
            row.kind.set_value(addr.kind)
            row.street.setText(addr.street)
            row.extra.setText(addr.extra or "")
            row.postcode.setText(addr.postcode)
            row.city.setText(addr.city)
            row.country.setText(addr.country_text if isinstance(addr, Address) else addr.country)

    def show_field_error(self, key: str, text: str) -> QWidget | None:
        placed = super().show_field_error(key, text)
        if placed is None and key in ("street", "extra", "city"):
            # the service's card guard names the sub-field only: find the row
            for row in self.filled_rows():
                assert isinstance(row, _AddressRow)
                edit = {"street": row.street, "extra": row.extra, "city": row.city}[key]
                if cardguard.find_card_number(edit.text()):
                    return row.show_error(key, text)
        return placed


class _BankRow(_Row):
    def __init__(self, editor: ListEditor) -> None:
        super().__init__(editor)
        self.iban = _line(
            QCoreApplication.translate("forms", "IBAN, e.g. DE89 3704 0044 0532 0130 00"),
            QCoreApplication.translate("forms", "IBAN"),
            self,
        )
        self.bic = _line(
            QCoreApplication.translate("forms", "BIC (optional)"),
            QCoreApplication.translate("forms", "BIC"),
            self,
        )
        self.bic.setMaximumWidth(170)
        self.holder = _line(
            QCoreApplication.translate("forms", "Account holder"),
            QCoreApplication.translate("forms", "Account holder"),
            self,
        )
        self.bank_name = _line(
            QCoreApplication.translate("forms", "Bank (optional)"),
            QCoreApplication.translate("forms", "Bank"),
            self,
        )
        self.grid.addWidget(self.iban, 0, 0)
        self.grid.addWidget(self.bic, 0, 1)
        self.grid.addWidget(self.remove_button, 0, 2)
        self.grid.addWidget(self.holder, 1, 0)
        self.grid.addWidget(self.bank_name, 1, 1)
        self.grid.setColumnStretch(0, 1)

    def inputs(self) -> list[QWidget]:
        return [self.iban, self.bic, self.holder, self.bank_name]

    def widget_for(self, sub: str) -> QWidget:
        return {"bic": self.bic, "holder": self.holder, "bank_name": self.bank_name}.get(
            sub, self.iban
        )

    def is_empty(self) -> bool:
        return not any(w.text().strip() for w in (self.iban, self.bic, self.holder))

    def texts(self) -> dict[str, str]:
        return {
            "iban": self.iban.text(),
            "holder": self.holder.text(),
            "bank_name": self.bank_name.text(),
        }


class BankListEditor(ListEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "bank_accounts", QCoreApplication.translate("forms", "Add &bank account"), parent
        )

    def _new_row(self) -> _Row:
        return _BankRow(self)

    def items(self) -> list[BankInput]:
        out = []
        for row in self.filled_rows():
            assert isinstance(row, _BankRow)
            out.append(
                BankInput(
                    iban=row.iban.text().strip(),
                    bic=row.bic.text().strip() or None,
                    holder=row.holder.text().strip(),
                    bank_name=row.bank_name.text().strip() or None,
                )
            )
        return out

    def set_items(self, accounts: Iterable[BankAccount | BankInput]) -> None:
        from crm_desktop.ui.format import format_iban

        self.clear_rows()
        for acc in accounts:
            row = self.add_row()
            assert isinstance(row, _BankRow)
            row.iban.setText(format_iban(acc.iban))
            row.bic.setText(acc.bic or "")
            row.holder.setText(acc.holder)
            row.bank_name.setText(acc.bank_name or "")


class _ProfileRow(_Row):
    def __init__(self, editor: ListEditor) -> None:
        super().__init__(editor)
        self.key = _line(
            QCoreApplication.translate("forms", "Field, e.g. Lieblingswein"),
            QCoreApplication.translate("forms", "Field name"),
            self,
        )
        self.key.setMaximumWidth(220)
        self.value = _line(
            QCoreApplication.translate("forms", "Value"),
            QCoreApplication.translate("forms", "Value"),
            self,
        )
        self.grid.addWidget(self.key, 0, 0)
        self.grid.addWidget(self.value, 0, 1)
        self.grid.addWidget(self.remove_button, 0, 2)
        self.grid.setColumnStretch(1, 1)

    def inputs(self) -> list[QWidget]:
        return [self.key, self.value]

    def widget_for(self, sub: str) -> QWidget:
        return self.value

    def is_empty(self) -> bool:
        return not (self.key.text().strip() or self.value.text().strip())

    def texts(self) -> dict[str, str]:
        return {"": self.value.text()}


class ProfileFieldsEditor(ListEditor):
    """Free profile fields (name → value); errors are keyed "profile.<name>"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "profile", QCoreApplication.translate("forms", "Add profile &field"), parent
        )

    def _new_row(self) -> _Row:
        return _ProfileRow(self)

    def values(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for row in self.filled_rows():
            assert isinstance(row, _ProfileRow)
            key = row.key.text().strip() or QCoreApplication.translate("forms", "Note")
            out[key] = row.value.text().strip()
        return out

    def set_values(self, values: dict[str, str]) -> None:
        self.clear_rows()
        for key, value in values.items():
            row = self.add_row()
            assert isinstance(row, _ProfileRow)
            row.key.setText(key)
            row.value.setText(value)

    def show_field_error(self, key: str, text: str) -> QWidget | None:
        if not key.startswith("profile."):
            return None
        name = key.split(".", 1)[1]
        for row in self.filled_rows():
            assert isinstance(row, _ProfileRow)
            if (row.key.text().strip() or QCoreApplication.translate("forms", "Note")) == name:
                return row.show_error("", text)
        return None

    def card_fields(self) -> dict[str, str | None]:
        out: dict[str, str | None] = {}
        for row in self.filled_rows():
            assert isinstance(row, _ProfileRow)
            out[
                "profile." + (row.key.text().strip() or QCoreApplication.translate("forms", "Note"))
            ] = row.value.text()
        return out
