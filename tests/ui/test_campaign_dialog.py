"""The campaign dialog: live counts that leave out withdrawn consent, criteria, the
selection from the people list, mail-merge export and logging on each person."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import (
    Activity,
    ActivityKind,
    Campaign,
    CompanyStatus,
    Priority,
)
from crm_desktop.data.store import Store, open_store
from crm_desktop.services import contacts
from crm_desktop.services.contacts import AddressInput, CompanyInput, EmailInput, PersonInput
from crm_desktop.ui.campaign_dialog import CampaignDialog


@pytest.fixture(scope="session")
def campaign_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("campaign_template")
    store = open_store(data_dir=folder)
    store.dispose()
    return folder / "crm.sqlite3"


@pytest.fixture
def fast_store(campaign_template: Path, tmp_path: Path) -> Iterator[Store]:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(campaign_template, folder / "crm.sqlite3")
    store = open_store(data_dir=folder)
    yield store
    store.dispose()


@pytest.fixture(autouse=True)
def german_locale() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(before)


def build(store: Store, clock: FixedClock) -> dict[str, int]:
    """Ten people: Messe tag on six (one withdrew consent), opt-in on some."""
    ids: dict[str, int] = {}
    with store.session() as s:
        stuttgart = contacts.create_company(
            s,
            CompanyInput(
                name="Müller Maschinenbau GmbH",
                status=CompanyStatus.CUSTOMER,
                priority=Priority.A,
                addresses=[AddressInput("Industriestraße 5", "70565", "Stuttgart")],
            ),
        )
        berlin = contacts.create_company(
            s,
            CompanyInput(
                name="Köhler & Partner",
                addresses=[AddressInput("Unter den Linden 1", "10117", "Berlin")],
            ),
        )
        rows = [
            ("Jürgen", "Müller", stuttgart.id, ["Messe 2026"], True),
            ("Anna", "Schäfer", stuttgart.id, ["Messe 2026"], True),
            ("Özlem", "Yılmaz", stuttgart.id, ["Messe 2026"], False),
            ("Birgit", "Weiß-Köhler", berlin.id, ["Messe 2026"], True),
            ("Petra", "Hoffmann", berlin.id, ["Messe 2026"], False),
            ("Klaus", "Wagner", berlin.id, ["Messe 2026"], True),  # withdraws below
            ("Hans", "Becker", None, [], True),
            ("Ute", "Groß", None, ["Newsletter"], False),
            ("Lars", "Becker", stuttgart.id, [], False),
            ("Sabine", "Lang", berlin.id, [], True),
        ]
        for given, family, company, tags, opt_in in rows:
            p = contacts.create_person(
                s,
                PersonInput(
                    given_name=given,
                    family_name=family,
                    salutation="Frau" if given in {"Anna", "Birgit", "Petra", "Ute"} else "Herr",
                    company_id=company,
                    tags=tags,
                    consent_marketing=opt_in,
                    emails=[EmailInput(f"{given.lower()}@beispiel.example")],
                ),
                clock=clock,
            )
            ids[f"{given} {family}"] = p.id
        s.flush()
        contacts.set_consent(s, ids["Klaus Wagner"], False, clock=clock)
    return ids


def test_counts_leave_out_withdrawn_consent(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    build(fast_store, clock)
    dlg = CampaignDialog(fast_store, clock)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.opt_in.isChecked()  # opt-in is required unless the user says otherwise
    dlg.opt_in.setChecked(False)
    dlg.update_count()
    assert dlg.count_label.text() == "9 people; 1 left out because they withdrew consent"
    dlg.set_tags(["Messe 2026"])
    qtbot.waitUntil(
        lambda: dlg.count_label.text() == "5 people; 1 left out because they withdrew consent"
    )
    # opt-in required: two of the five have none
    dlg.opt_in.setChecked(True)
    dlg.update_count()
    assert dlg.count_label.text() == (
        "3 people; 1 left out because they withdrew consent; 2 left out without opt-in"
    )
    dlg.opt_in.setChecked(False)
    # company status and postcode range narrow further (Stuttgart customers)
    dlg.status_boxes[CompanyStatus.CUSTOMER].setChecked(True)
    dlg.update_count()
    assert dlg.count_label.text() == "3 people"
    dlg.status_boxes[CompanyStatus.CUSTOMER].setChecked(False)
    dlg.postcode_from.setText("10000")
    dlg.postcode_to.setText("19999")
    dlg.update_count()
    assert dlg.count_label.text() == "2 people; 1 left out because they withdrew consent"
    # nobody contacted yet: "not contacted since" keeps everyone
    dlg.postcode_from.clear()
    dlg.postcode_to.clear()
    dlg.not_since_box.setChecked(True)
    dlg.update_count()
    assert len(dlg.result_count.ids) == 5


def test_selection_from_the_list_export_and_log(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    ids = build(fast_store, clock)
    preset = [ids["Jürgen Müller"], ids["Anna Schäfer"], ids["Klaus Wagner"]]
    dlg = CampaignDialog(fast_store, clock, preset_ids=preset)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.opt_in.setChecked(False)  # a letter: customers without opt-in get it too
    dlg.update_count()
    assert dlg.preset_box.isChecked()
    assert dlg.preset_box.text() == "Only the 3 selected people"
    assert dlg.count_label.text() == "2 people; 1 left out because they withdrew consent"
    # export for a mail merge: Klaus Wagner is not in it
    out = tmp_path / "serienbrief.csv"
    dlg.ask_save_path = lambda kind: out  # type: ignore[method-assign]
    dlg.export("csv")
    dlg.wait()
    qtbot.waitUntil(lambda: "exported" in dlg.message.text())
    text = out.read_text(encoding="utf-8-sig")
    assert "Sehr geehrter Herr Müller," in text and "Sehr geehrte Frau Schäfer," in text
    assert "Wagner" not in text
    assert dlg.message.text() == "2 people exported to serienbrief.csv."
    # logging needs a name, then asks and writes a letter activity on each person
    asked: list[str] = []
    dlg.confirm = lambda _t, q: asked.append(q) or True  # type: ignore[method-assign]
    dlg.log_campaign()
    assert dlg.message.text() == "Give the campaign a name first."
    dlg.name.setText("Einladung Hausmesse 2026")
    with qtbot.waitSignal(dlg.changed, timeout=10_000):
        dlg.log_button.click()
    assert asked == ["Log “Einladung Hausmesse 2026” as a letter on 2 people?"]
    assert dlg.logged
    with fast_store.reader() as s:
        campaign = s.execute(select(Campaign)).scalar_one()
        assert campaign.name == "Einladung Hausmesse 2026"
        assert campaign.criteria["selected_people"] == 3
        acts = s.execute(select(Activity).where(Activity.campaign_id == campaign.id)).scalars()
        people = sorted((a.person_id, a.kind) for a in acts)
    assert people == sorted(
        [(ids["Jürgen Müller"], ActivityKind.LETTER), (ids["Anna Schäfer"], ActivityKind.LETTER)]
    )
    # without the list's selection the whole store counts again
    dlg.preset_box.setChecked(False)
    dlg.update_count()
    assert len(dlg.result_count.ids) == 9


def test_large_selection_is_counted_in_chunks(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    ids = build(fast_store, clock)
    # ids beyond one chunk (most of them do not exist): the real ones still count
    preset = list(range(100_000, 102_500)) + list(ids.values())
    dlg = CampaignDialog(fast_store, clock, preset_ids=preset)
    qtbot.addWidget(dlg)
    dlg.opt_in.setChecked(False)
    dlg.update_count()
    assert sorted(dlg.result_count.ids) == sorted(
        i for name, i in ids.items() if name != "Klaus Wagner"
    )
    assert dlg.result_count.withdrawn == 1


def test_saved_selection_fills_the_criteria_again(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    build(fast_store, clock)
    dlg = CampaignDialog(fast_store, clock)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.segment_combo.currentText() == "None saved yet"
    dlg.set_tags(["Messe 2026"])
    dlg.status_boxes[CompanyStatus.CUSTOMER].setChecked(True)
    dlg.update_count()
    dlg.ask_segment_name = lambda _current: "Messe-Kunden"  # type: ignore[method-assign]
    dlg.save_segment()
    assert dlg.message.text() == "Selection “Messe-Kunden” saved."
    assert dlg.segment_combo.currentText() == "Messe-Kunden"
    expected = dlg.count_label.text()

    again = CampaignDialog(fast_store, clock)
    qtbot.addWidget(again)
    again.show()
    assert [again.segment_combo.itemText(i) for i in range(again.segment_combo.count())] == [
        "None (choose below)",
        "Messe-Kunden",
    ]
    again.segment_combo.setCurrentIndex(1)
    again.segment_combo.activated.emit(1)
    assert again.status_boxes[CompanyStatus.CUSTOMER].isChecked()
    assert again.opt_in.isChecked()
    assert again.count_label.text() == expected


def test_custom_field_row_selects_by_value(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    from crm_desktop.services import customfields

    ids = build(fast_store, clock)
    with fast_store.session() as s:
        customfields.define_field(s, "Messebesuch", "yesno", clock=clock)
        for name in list(ids)[:3]:
            person = contacts.get_person(s, ids[name])
            person.profile_fields = {"Messebesuch": "yes"}
    dlg = CampaignDialog(fast_store, clock)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.field_label.isVisible() and not dlg.field_value.isEnabled()
    dlg.opt_in.setChecked(False)
    dlg.field_combo.setCurrentIndex(dlg.field_combo.findData("Messebesuch"))
    dlg.field_value.setText("ja")  # typed in German, stored "yes"
    assert dlg.selection().fields == {"Messebesuch": "yes"}
    dlg.update_count()
    assert dlg.count_label.text().startswith("3 people")
    dlg.grab().save(str(tmp_path / "campaign-field.png"))
    dlg.ask_segment_name = lambda _current: "Messebesucher"  # type: ignore[method-assign]
    dlg.save_segment()
    again = CampaignDialog(fast_store, clock)
    qtbot.addWidget(again)
    again.segment_combo.setCurrentIndex(again.segment_combo.findData("Messebesucher"))
    again.segment_combo.activated.emit(again.segment_combo.currentIndex())
    assert again.field_combo.currentData() == "Messebesuch"
    assert again.field_value.text() == "yes" and again.criteria()["fields"] == {
        "Messebesuch": "yes"
    }


def test_no_custom_fields_no_row(qtbot: QtBot, fast_store: Store, clock: FixedClock) -> None:
    dlg = CampaignDialog(fast_store, clock)
    qtbot.addWidget(dlg)
    dlg.show()
    assert not dlg.field_label.isVisible()
    assert dlg.selection().fields == {}
