"""The default phone region of the settings is used wherever a number without a country
code is stored: the person and company dialogs, the contact-from-signature dialog, the
import wizard, the window's import and the CLI import (``--phone-region``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from crm_desktop.cli.main import main
from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Person, Phone
from crm_desktop.data.store import Store, open_store
from crm_desktop.services import contacts
from crm_desktop.ui import format as ui_format
from crm_desktop.ui.dialogs import CompanyDialog, PersonDialog
from crm_desktop.ui.import_wizard import run_import
from crm_desktop.ui.settings_dialog import AppSettings
from crm_desktop.ui.signature_dialog import SignatureDialog
from tests.ui import test_detail_panes as panes
from tests.ui.test_detail_panes import activate, type_text

_template_db = panes._template_db
fast_store = panes.fast_store

TYPED = "0664 1234567"
STORED = {"AT": "+436641234567", "DE": "+496641234567"}

VCARD = """BEGIN:VCARD
VERSION:3.0
N:Berger;Maria;;;
FN:Maria Berger
TEL;TYPE=CELL:0664 1234567
END:VCARD
"""


@pytest.fixture(params=["AT", "DE"])
def region(request: pytest.FixtureRequest) -> Iterator[str]:
    ui_format.set_phone_region(request.param)
    yield str(request.param)
    ui_format.set_phone_region("DE")


def _numbers(store: Store) -> list[str]:
    with store.reader() as s:
        return list(s.scalars(select(Phone.number).order_by(Phone.id)))


def test_settings_region_is_applied(tmp_path: Path) -> None:
    settings = AppSettings(tmp_path / "settings.ini")
    try:
        settings.phone_region = "at"
        assert ui_format.phone_region() == "AT"
        assert AppSettings(tmp_path / "settings.ini").phone_region == "AT"
        settings.qsettings.setValue("contacts/phone_region", "CH")
        settings.apply_phone_region()  # what the app does at start
        assert ui_format.phone_region() == "CH"
        ui_format.set_phone_region("nonsense")
        assert ui_format.phone_region() == "DE"
    finally:
        ui_format.set_phone_region("DE")


def test_person_dialog(qtbot: QtBot, fast_store: Store, clock: FixedClock, region: str) -> None:
    dlg = PersonDialog(fast_store, clock=clock)
    qtbot.addWidget(dlg)
    activate(qtbot, dlg)
    f = dlg.form
    type_text(qtbot, f.given, "Maria")
    type_text(qtbot, f.family, "Berger")
    type_text(qtbot, f.phones.rows[0].number, TYPED)
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert _numbers(fast_store) == [STORED[region]]

    # editing shows the number nationally in its own region and keeps it when saved
    pid = dlg.result_id
    assert pid is not None
    edit = PersonDialog(fast_store, person_id=pid, clock=clock)
    qtbot.addWidget(edit)
    activate(qtbot, edit)
    shown = edit.form.phones.rows[0].number.text()
    assert shown == (TYPED if region == "AT" else "06641 234567")
    edit.form.phones.add_row()
    type_text(qtbot, edit.form.phones.rows[1].number, "0664 7654321")
    qtbot.mouseClick(edit.save_button, Qt.MouseButton.LeftButton)
    assert edit.result() == QDialog.DialogCode.Accepted
    second = "+436647654321" if region == "AT" else "+496647654321"
    assert sorted(_numbers(fast_store)) == sorted([STORED[region], second])


def test_company_dialog(qtbot: QtBot, fast_store: Store, clock: FixedClock, region: str) -> None:
    dlg = CompanyDialog(fast_store, clock=clock)
    qtbot.addWidget(dlg)
    activate(qtbot, dlg)
    type_text(qtbot, dlg.form.name, "Berger Bau")
    type_text(qtbot, dlg.form.phones.rows[0].number, TYPED)
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert _numbers(fast_store) == [STORED[region]]


def test_signature_dialog(qtbot: QtBot, fast_store: Store, clock: FixedClock, region: str) -> None:
    dlg = SignatureDialog(fast_store, clock=clock)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.set_text("Maria Berger\nVertrieb\nMobil: 0664 1234567\nmaria.berger@example.at\n")
    assert dlg.family_name.text() == "Berger"
    assert dlg.save()
    with fast_store.reader() as s:
        person = s.execute(select(Person)).scalar_one()
        assert [p.number for p in person.phones] == [STORED[region]]


def test_import_wizard(fast_store: Store, clock: FixedClock, tmp_path: Path, region: str) -> None:
    card = tmp_path / "berger.vcf"
    card.write_text(VCARD, encoding="utf-8")
    run_import(fast_store, card, csv_settings=None, dry_run=False, on_duplicate="skip", clock=clock)
    assert _numbers(fast_store) == [STORED[region]]


@pytest.mark.parametrize("option", [["--phone-region", "AT"], ["--phone-region", "at"], []])
def test_cli_import(tmp_path: Path, option: list[str]) -> None:
    card = tmp_path / "berger.vcf"
    card.write_text(VCARD, encoding="utf-8")
    data_dir = str(tmp_path / "data")
    assert main(["--data-dir", data_dir, *option, "import", str(card)]) == 0
    store = open_store(data_dir=Path(data_dir))
    try:
        assert _numbers(store) == [STORED["AT" if option else "DE"]]
    finally:
        store.dispose()


def test_cli_rejects_an_unknown_region(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--data-dir", str(tmp_path), "--phone-region", "XX", "import", "x.vcf"])
    assert "unknown phone region" in capsys.readouterr().err


def test_services_default_to_de(fast_store: Store) -> None:
    with fast_store.session() as s:
        contacts.create_company(
            s,
            contacts.CompanyInput(name="A", phones=[contacts.PhoneInput(number=TYPED)]),
        )
        contacts.create_company(
            s,
            contacts.CompanyInput(name="B", phones=[contacts.PhoneInput(number=TYPED)]),
            region="AT",
        )
    assert _numbers(fast_store) == [STORED["DE"], STORED["AT"]]
