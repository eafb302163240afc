"""The card guard in the edit dialogs: real data is never taken for a card (issue #15).

A company holding an IBAN in groups of four and German mobile numbers in international
form can be edited and saved; a mistyped IBAN gets the IBAN message, a card number in
the IBAN field the card message.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from crm_desktop.clock import FixedClock
from crm_desktop.data.store import Store
from crm_desktop.services import contacts
from crm_desktop.services.contacts import BankInput, CompanyInput, PhoneInput
from crm_desktop.ui.dialogs import CompanyDialog
from tests.ui import test_detail_panes as panes
from tests.ui.test_detail_panes import activate, type_text

_template_db = panes._template_db
fast_store = panes.fast_store

IBAN = "DE73 2803 4063 4566 0090 41"
PHONES = ["+49 151 98400017", "+49 160 60189555", "+4973117546691"]


def _company(store: Store) -> int:
    with store.session() as s:
        company = contacts.create_company(
            s,
            CompanyInput(
                name="Weber AG",
                notes=f"Überweisung auf {IBAN}",
                phones=[PhoneInput(number=n) for n in PHONES],
                bank_accounts=[BankInput(iban=IBAN, holder="Weber AG")],
            ),
        )
        return company.id


def test_company_with_grouped_iban_and_mobiles_can_be_edited(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    cid = _company(fast_store)
    dlg = CompanyDialog(fast_store, company_id=cid, clock=clock)
    qtbot.addWidget(dlg)
    activate(qtbot, dlg)
    assert dlg.form.banks.rows[0].iban.text() == IBAN
    dlg.form.website.setFocus()
    type_text(qtbot, dlg.form.website, "www.weber.example")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Accepted
    with fast_store.reader() as s:
        company = contacts.get_company(s, cid)
        assert company.website == "www.weber.example"
        assert company.bank_accounts[0].iban == IBAN.replace(" ", "")
        assert [p.number for p in company.phones] == [
            "+4915198400017",
            "+4916060189555",
            "+4973117546691",
        ]


def test_mistyped_iban_gets_the_iban_message_a_card_the_card_message(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    cid = _company(fast_store)
    for typed, expected in (
        ("DE73 2803 4063 4566 0090 42", "is not a valid IBAN"),
        ("4111 1111 1111 1111", "payment card number"),
    ):
        dlg = CompanyDialog(fast_store, company_id=cid, clock=clock)
        qtbot.addWidget(dlg)
        activate(qtbot, dlg)
        row = dlg.form.banks.rows[0]
        row.iban.clear()
        type_text(qtbot, row.iban, typed)
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
        assert dlg.result() != QDialog.DialogCode.Accepted
        assert expected in row.error.text(), row.error.text()
        assert "4111 1111" not in row.error.text()
        dlg.reject()
    with fast_store.reader() as s:
        assert contacts.get_company(s, cid).bank_accounts[0].iban == IBAN.replace(" ", "")
