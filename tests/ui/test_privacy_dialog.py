"""The privacy dialog, offscreen with pytest-qt, on a real SQLite store."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import ActivityKind, Person
from crm_desktop.data.store import Store
from crm_desktop.services.activities import ActivityInput, log_activity
from crm_desktop.services.contacts import EmailInput, PersonInput, PhoneInput, create_person
from crm_desktop.ui.privacy_dialog import AnonymiseConfirmDialog, PrivacyDialog

SHOTS = Path("/tmp/shots")


def _people(store: Store, clock: FixedClock) -> tuple[int, int]:
    with store.session() as s:
        anna = create_person(
            s,
            PersonInput(
                given_name="Anna",
                family_name="Kühn",
                emails=[EmailInput(address="anna@kuehn.de")],
                phones=[PhoneInput(number="030 1234567")],
                consent_marketing=True,
            ),
            clock=clock,
        )
        old = create_person(s, PersonInput(given_name="Otto", family_name="Alt"), clock=clock)
        old.created_at = clock.now() - dt.timedelta(days=365 * 8)
        log_activity(
            s,
            ActivityInput(
                kind=ActivityKind.VISIT,
                person_id=old.id,
                subject="Besuch",
                occurred_at=clock.now() - dt.timedelta(days=365 * 5),
            ),
            clock=clock,
        )
        log_activity(
            s,
            ActivityInput(kind=ActivityKind.CALL, person_id=anna.id, subject="Rückruf"),
            clock=clock,
        )
        return anna.id, old.id


def _idle(qtbot: QtBot, dialog: PrivacyDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)


def test_export_withdraw_and_retention(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    anna, old = _people(sqlite_store, clock)
    dialog = PrivacyDialog(sqlite_store, anna, clock=clock)
    qtbot.addWidget(dialog)
    dialog.show()
    _idle(qtbot, dialog)
    assert dialog.person_name.text() == f"Anna Kühn (#{anna})"
    assert "1 phone numbers" in dialog.summary.text() and "1 activities" in dialog.summary.text()
    assert dialog.consent_state.text() == "given"
    # retention list: Otto, last seen five years ago
    assert dialog.retention_model.rowCount() == 1
    assert dialog.retention_model.candidate(0).person_id == old
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "privacy.png"))
    out = tmp_path / "anna.json"
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        dialog.export_to(out)
    assert json.loads(out.read_text(encoding="utf-8"))["emails"][0]["address"] == "anna@kuehn.de"
    page = tmp_path / "anna.html"
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        dialog.export_to(page)
    assert "Anna" in page.read_text(encoding="utf-8")
    dialog.withdraw_button.click()
    _idle(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.consent_state.text() == "withdrawn", timeout=10_000)
    dialog.years.setValue(6)
    _idle(qtbot, dialog)
    assert dialog.retention_model.rowCount() == 0
    dialog.years.setValue(2)
    _idle(qtbot, dialog)
    dialog.retention_view.selectRow(0)
    dialog._retention_picked(dialog.retention_model.index(0, 0))
    _idle(qtbot, dialog)
    assert dialog.person_id == old and dialog.tabs.currentIndex() == 0


def test_anonymise_needs_the_typed_word(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    anna, _old = _people(sqlite_store, clock)
    dialog = PrivacyDialog(sqlite_store, anna, clock=clock)
    qtbot.addWidget(dialog)
    _idle(qtbot, dialog)
    confirm = dialog.make_confirm_dialog()
    qtbot.addWidget(confirm)
    assert isinstance(confirm, AnonymiseConfirmDialog)
    assert "Anna Kühn" in confirm.findChildren(type(dialog.status))[0].text()
    assert not confirm.ok.isEnabled()
    qtbot.keyClicks(confirm.edit, "anonym")
    assert not confirm.ok.isEnabled()
    confirm.edit.setText("")
    qtbot.keyClicks(confirm.edit, "ANONYMISE")
    assert confirm.ok.isEnabled()
    confirm.edit.setFocus()
    confirm.ok.click()
    assert confirm.result() == confirm.DialogCode.Accepted
    SHOTS.mkdir(exist_ok=True)
    # the real button path, confirmation answered
    dialog.confirm_anonymise = lambda: True  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.anonymised, timeout=10_000):
        dialog.anonymise_button.click()
    _idle(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.person_name.text().startswith("Anonymisiert"), timeout=10_000)
    assert not dialog.anonymise_button.isEnabled()
    with sqlite_store.reader() as s:
        person = s.get(Person, anna)
        assert person is not None and person.anonymized_at is not None
        assert person.emails == [] and person.phones == []


def test_confirm_dialog_screenshot(qtbot: QtBot) -> None:
    confirm = AnonymiseConfirmDialog("Anna <Kühn> (#1)")
    qtbot.addWidget(confirm)
    confirm.show()
    qtbot.keyClicks(confirm.edit, "ANONYMISE")
    SHOTS.mkdir(exist_ok=True)
    confirm.grab().save(str(SHOTS / "privacy-confirm.png"))
    assert confirm.ok.isEnabled()


def test_anonymise_reports_what_it_could_not_reach(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock
) -> None:
    """Issue #22: the dialog erases the merged-away duplicate and the calendar file too,
    and names the backups (with their dates) it cannot reach."""
    from crm_desktop.clock import to_local
    from crm_desktop.config import resolve_paths
    from crm_desktop.errors import NotFoundError
    from crm_desktop.services import merge
    from crm_desktop.services.backup import make_backup
    from crm_desktop.services.calendar import create_appointment, write_subscription
    from crm_desktop.ui.format import format_date

    anna, _old = _people(sqlite_store, clock)
    with sqlite_store.session() as s:
        dup = create_person(
            s,
            PersonInput(given_name="Anna", family_name="Kühn", notes="Zweitakte Geheimnis"),
            clock=clock,
        )
        start = clock.now() + dt.timedelta(days=1)
        create_appointment(
            s,
            title="Kaffee mit Anna Kühn",
            start_at=start,
            end_at=start + dt.timedelta(hours=1),
            person_id=anna,
        )
    with sqlite_store.session() as s:
        undo_id = merge.merge_people(s, anna, dup.id, clock=clock).undo_id
    assert sqlite_store.path is not None
    paths = resolve_paths(sqlite_store.path.parent)
    write_subscription(sqlite_store, paths.calendar_path, clock=clock)
    assert "Kühn" in paths.calendar_path.read_text(encoding="utf-8")
    backup = make_backup(paths, clock=clock)
    dialog = PrivacyDialog(sqlite_store, anna, clock=clock, paths=paths)
    qtbot.addWidget(dialog)
    _idle(qtbot, dialog)
    with qtbot.waitSignal(dialog.anonymised, timeout=10_000):
        dialog.anonymise()
    _idle(qtbot, dialog)
    report = dialog.last_report
    assert report is not None and report.result.duplicates == (dup.id,)
    text = dialog.status.text()
    assert "1 merged duplicates" in text
    assert "The calendar file was rewritten." in text
    local = to_local(clock.now())  # the backup's moment, from its name
    assert f"Backup of {format_date(local.date())} {local:%H:%M}: {backup}" in text
    assert "Not reached" in text
    assert "Kühn" not in paths.calendar_path.read_text(encoding="utf-8")
    with sqlite_store.reader() as s:
        restored = s.get(Person, dup.id)
        assert restored is not None and restored.notes == "" and restored.deleted_at
        assert merge.last_merge(s) is None
    with sqlite_store.session() as s, pytest.raises(NotFoundError):
        merge.undo_merge(s, undo_id, clock)  # the entry is gone: "Undo merge" finds nothing


def test_erasure_report_and_merge_refusal_in_german(
    qtbot: QtBot, qapp: QApplication, sqlite_store: Store, clock: FixedClock
) -> None:
    from crm_desktop.app import install_translators
    from crm_desktop.errors import ConflictError
    from crm_desktop.services import privacy
    from crm_desktop.ui.i18n import translate_error

    before = QLocale()
    installed = install_translators(qapp, "de")
    try:
        dialog = PrivacyDialog(sqlite_store, None, clock=clock)
        qtbot.addWidget(dialog)
        _idle(qtbot, dialog)
        report = privacy.ErasureReport(
            result=privacy.AnonymiseResult(1, 0, 0, 0, 0, 2, duplicates=(7,)),
            search_index_optimized=True,
            database_compacted=True,
            calendar_rewritten=True,
            not_reached=(
                privacy.Unreached("backup", "/b/crm.sqlite3", clock.now()),
                privacy.Unreached("exported-files"),
            ),
        )
        text = dialog.report_text(report)
        assert "Ebenfalls gelöscht: 1 zusammengeführte Dubletten" in text
        assert "Die Kalenderdatei wurde neu geschrieben." in text
        assert "Sicherung vom 23.11.2026 10:00: /b/crm.sqlite3" in text
        assert "Nicht erreicht" in text and "Früher exportierte Dateien" in text
        confirm = AnonymiseConfirmDialog("Anna Kühn (#1)")
        qtbot.addWidget(confirm)
        warning = confirm.findChildren(type(dialog.status))[0].text()
        assert "zusammengeführte Dubletten" in warning and "Protokolldateien" in warning
        refusal = ConflictError("The person was anonymised; the merge cannot be undone.")
        assert translate_error(refusal).startswith("Die Person wurde anonymisiert")
    finally:
        for translator in installed:
            QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(before)
