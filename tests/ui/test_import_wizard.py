"""The import wizard driven through its pages: a real Outlook (German) export with the
detected preset, the mapping table and preview, dry run, import, report, cancel."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Company, ImportBatch, Person
from crm_desktop.data.store import Store, open_store
from crm_desktop.ui.import_wizard import (
    PAGE_MAPPING,
    PAGE_REPORT,
    PAGE_RUN,
    ImportWizard,
    target_label,
)
from tests.conftest import SAMPLES, needs_samples

OUTLOOK_DE = SAMPLES / "csv" / "outlook-de.csv"


@pytest.fixture(scope="session")
def import_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("import_template")
    store = open_store(data_dir=folder)
    store.dispose()
    return folder / "crm.sqlite3"


@pytest.fixture
def fast_store(import_template: Path, tmp_path: Path) -> Iterator[Store]:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(import_template, folder / "crm.sqlite3")
    store = open_store(data_dir=folder)
    yield store
    store.dispose()


@pytest.fixture(autouse=True)
def german_locale() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(before)


def count(store: Store, model: type) -> int:
    with store.reader() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def start(qtbot: QtBot, store: Store, clock: FixedClock) -> ImportWizard:
    wizard = ImportWizard(store, clock=clock)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


@needs_samples
def test_outlook_de_mapping_dry_run_import_and_report(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    wizard = start(qtbot, fast_store, clock)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.file_page.path_edit.setText(str(OUTLOOK_DE))
    assert wizard.file_format == "csv"
    assert "Outlook (German)" in wizard.file_page.info.text()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    assert wizard.currentId() == PAGE_MAPPING
    page = wizard.mapping_page
    # detected: Windows-1252, semicolons, the German Outlook preset
    assert page.encoding.currentText() == "cp1252"
    assert page.delimiter.currentData() == ";"
    assert page.preset.currentData() == "outlook-de"
    assert "Outlook (German)" in page.detected.text()
    # one combo per source column, preset targets chosen
    headers = [page.map_model.item(r, 0).text() for r in range(page.map_model.rowCount())]
    assert headers[:4] == ["Anrede", "Vorname", "Weitere Vornamen", "Nachname"]
    assert len(page.combos) == len(headers)
    assert page.combo_for("Vorname").currentData() == "given_name"
    assert page.combo_for("Straße geschäftlich").currentData() == "address.main.street"
    assert page.combo_for("Straße geschäftlich").currentText() == "Business address: street"
    assert page.map_model.item(headers.index("Vorname"), 1).text() == "Jürgen"
    # the preview shows the rows as they will be imported (German dates, umlauts)
    prev = page.preview_model
    assert prev.rowCount() == 3
    assert prev.item(0, 0).text() == "Herr Jürgen Müller"
    assert prev.item(0, 1).text() == "Müller Maschinenbau GmbH"
    assert prev.item(0, 5).text() == "Industriestraße 5, 70565 Stuttgart, Deutschland"
    assert prev.item(0, 6).text() == "01.03.1968"
    # changing a combo changes the preview: the position column not imported
    combo = page.combo_for("Position")
    combo.setCurrentIndex(combo.findData(""))
    assert "Position" not in wizard.mapping()
    assert prev.item(0, 2).text() == ""
    combo.setCurrentIndex(combo.findData("position"))
    assert prev.item(0, 2).text() == "Vertriebsleiter"

    wizard.next()
    assert wizard.currentId() == PAGE_RUN
    run = wizard.run_page
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    # dry run: the would-be report, nothing stored
    with qtbot.waitSignal(wizard.finishedImport, timeout=20_000) as sig:
        run.dry_button.click()
    dry = sig.args[0]
    assert dry.dry_run and dry.imported == 3
    assert "3 would be imported as new contacts" in run.summary.toPlainText()
    assert count(fast_store, Person) == 0
    assert count(fast_store, ImportBatch) == 0
    assert wizard.currentId() == PAGE_RUN
    # the import itself, then the report page
    with qtbot.waitSignal(wizard.finishedImport, timeout=20_000):
        run.import_button.click()
    assert wizard.currentId() == PAGE_REPORT
    report = wizard.report_page
    assert report.counts["imported"].text() == "3"
    assert report.counts["rejected"].text() == "0"
    assert count(fast_store, Person) == 3
    with fast_store.reader() as s:
        names = set(s.execute(select(Person.family_name)).scalars())
        companies = set(s.execute(select(Company.name)).scalars())
    assert "Müller" in names and "Weiß-Köhler" in names
    assert "Müller Maschinenbau GmbH" in companies
    # review flags and rejections are listed with their reasons
    issues = [
        [report.issue_model.item(r, c).text() for c in range(3)]
        for r in range(report.issue_model.rowCount())
    ]
    assert wizard.report is not None
    assert len(issues) == int(report.counts["flagged"].text()) + int(
        report.counts["rejected"].text()
    ) + len(wizard.report.changes) + len(wizard.report.unused_columns) + len(wizard.report.dropped)
    with qtbot.waitSignal(wizard.showLastImport):
        report.show_button.click()


def test_cancel_leaves_nothing_behind(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    big = tmp_path / "viele.csv"
    lines = ["Vorname;Nachname;Firma;E-Mail-Adresse;Ort geschäftlich"]
    lines += [
        f"Anna{i};Schäfer{i};Firma {i % 50} GmbH;anna{i}@beispiel.example;Stuttgart"
        for i in range(3000)
    ]
    big.write_text("\n".join(lines), encoding="utf-8")
    wizard = start(qtbot, fast_store, clock)
    wizard.set_file(big)
    wizard.next()
    wizard.next()
    assert wizard.currentId() == PAGE_RUN
    with qtbot.waitSignal(wizard.finishedImport, timeout=30_000) as sig:
        wizard.run_page.import_button.click()
        assert wizard.running
        assert wizard.run_page.cancel_button.isEnabled()
        wizard.run_page.cancel_button.click()
    report = sig.args[0]
    assert report.cancelled
    assert wizard.run_page.status.text() == "The import was cancelled; nothing was changed."
    assert wizard.currentId() == PAGE_RUN
    assert count(fast_store, Person) == 0
    assert count(fast_store, Company) == 0
    assert count(fast_store, ImportBatch) == 0
    assert wizard.run_page.import_button.isEnabled()


@needs_samples
def test_encoding_delimiter_and_preset_can_be_changed(
    qtbot: QtBot, fast_store: Store, clock: FixedClock
) -> None:
    wizard = start(qtbot, fast_store, clock)
    wizard.set_file(OUTLOOK_DE)
    wizard.next()
    page = wizard.mapping_page
    # the wrong encoding: a clear message, the settings stay usable
    page.encoding.setCurrentText("utf-8")
    page._settings_changed()
    assert page.preview_message.isVisible()
    assert "cannot be decoded as utf-8" in page.preview_message.text()
    page.encoding.setCurrentText("cp1252")
    page._settings_changed()
    # a comma as delimiter makes one long column that matches nothing
    page.delimiter.setCurrentIndex(page.delimiter.findData(","))
    assert page.map_model.rowCount() < 5
    assert page.preset.currentData() == "generic"
    assert not page.isComplete()
    page.delimiter.setCurrentIndex(page.delimiter.findData(";"))
    assert page.preset.currentData() == "outlook-de"
    # the generic preset guesses from the header words
    page.preset.setCurrentIndex(page.preset.findData("generic"))
    assert page.combo_for("Vorname").currentData() == "given_name"
    assert page.isComplete()


def test_report_lists_unused_columns_and_dropped_values(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    path = tmp_path / "thunderbird.csv"
    path.write_text(
        "First Name,Last Name,Primary Email,Screen Name,Work Phone,Web Page 1,Web Page 2\r\n"
        "Anna,Schäfer,anna@example.org,annas,-,https://a.example,https://b.example\r\n",
        encoding="utf-8",
    )
    wizard = start(qtbot, fast_store, clock)
    wizard.file_page.path_edit.setText(str(path))
    wizard.next()
    assert wizard.mapping_page.preset.currentData() == "thunderbird"
    wizard.next()
    run = wizard.run_page
    with qtbot.waitSignal(wizard.finishedImport, timeout=20_000):
        run.dry_button.click()
    text = run.summary.toPlainText()
    assert "Column not imported: Screen Name (1 values)" in text
    assert "Dropped from Anna Schäfer (line 2)" in text
    with qtbot.waitSignal(wizard.finishedImport, timeout=20_000):
        run.import_button.click()
    report = wizard.report_page
    issues = [
        [report.issue_model.item(r, c).text() for c in range(3)]
        for r in range(report.issue_model.rowCount())
    ]
    assert ["Column not imported", "Screen Name", "1 values"] in issues
    assert sum(row[0] == "Dropped" for row in issues) == 2


@needs_samples
def test_vcard_skips_the_mapping_page(qtbot: QtBot, fast_store: Store, clock: FixedClock) -> None:
    wizard = start(qtbot, fast_store, clock)
    wizard.set_file(SAMPLES / "vcard" / "outlook-2007.vcf")
    assert wizard.file_format == "vcard"
    wizard.next()
    assert wizard.currentId() == PAGE_RUN
    with qtbot.waitSignal(wizard.finishedImport, timeout=20_000):
        wizard.run_page.import_button.click()
    assert wizard.currentId() == PAGE_REPORT
    assert count(fast_store, Person) >= 1


def test_missing_file_and_labels(qtbot: QtBot, fast_store: Store, clock: FixedClock) -> None:
    wizard = start(qtbot, fast_store, clock)
    wizard.set_file("/nonexistent/kontakte.csv")
    assert wizard.file_page.info.text() == "There is no such file."
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert target_label("email.2.value") == "E-mail 2: value"
    assert target_label("address.1.city") == "Address 1: city"
    assert target_label("") == "— not imported —"
