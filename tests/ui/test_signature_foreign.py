"""Austrian, Swiss, British and US signatures save through the signature dialog: a
valid non-EU VAT id does not block saving, an invalid one is shown at its field, and a
number without country code belongs to the pasted address's country."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Company, Person
from crm_desktop.data.store import Store
from crm_desktop.ui.signature_dialog import SignatureDialog
from tests.unit.signature_table import CASES

TEXT = {name: text for name, text, _e in CASES}
# 07700 900xxx is the range reserved for drama: the parser reads it, saving refuses it
TEXT["uk-1"] = TEXT["uk-1"].replace("+44 7700 900123", "+44 7911 123456")


@pytest.mark.parametrize(
    ("case", "vat", "country", "person_phones"),
    [
        ("ch-1", "CHE-116.281.710 MWST", "CH", ["+41441234567"]),
        ("ch-3", "CHE-116.281.710 TVA", "CH", ["+41227001122"]),
        ("uk-1", "GB980780684", "GB", ["+442079460958", "+447911123456"]),
        ("at-1", "ATU13585627", "AT", ["+4315234567"]),
        ("us-1", None, "US", ["+14155550123", "+14155550199"]),
    ],
)
def test_foreign_signature_saves(
    qtbot: QtBot,
    sqlite_store: Store,
    clock: FixedClock,
    case: str,
    vat: str | None,
    country: str,
    person_phones: list[str],
) -> None:
    dlg = SignatureDialog(sqlite_store, clock=clock)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.set_text(TEXT[case])
    assert dlg.save()
    with sqlite_store.reader() as s:
        company = s.execute(select(Company)).scalar_one()
        person = s.execute(select(Person)).scalar_one()
        assert company.vat_id == vat
        assert company.addresses[0].country == country
        assert sorted(p.number for p in person.phones) == sorted(person_phones)


def test_invalid_non_eu_vat_id_is_shown_at_its_field(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    dlg = SignatureDialog(sqlite_store, clock=clock)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.set_text(TEXT["uk-1"])
    dlg.vat_id.setText("GB 123 4567 89")  # the check digits do not match
    assert not dlg.save()
    label = dlg.form.error_label("vat_id")
    assert label.isVisible()
    assert "“GB 123 4567 89” is not a valid VAT id" in label.text()
    with sqlite_store.reader() as s:
        assert s.execute(select(Company)).first() is None
