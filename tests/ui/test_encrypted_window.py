"""The window on an encrypted store: its automatic backups are encrypted, a failed one
is shown in the status bar, and no plaintext calendar feed is written."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from crm_desktop.app import _auto_backup, _start_extras, show_backup_failure
from crm_desktop.cli.context import CliContext
from crm_desktop.config import resolve_paths
from crm_desktop.data.store import open_store
from crm_desktop.services import contacts as c
from crm_desktop.services import storecheck
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.settings_dialog import AppSettings

crypto = pytest.importorskip("crm_desktop.services.crypto")
PASS = "geheim 12345"


@pytest.fixture
def encrypted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if not crypto.sqlcipher_available():
        pytest.skip("sqlcipher3 is not installed")
    monkeypatch.delenv("CRM_DESKTOP_NO_BACKUP", raising=False)
    monkeypatch.delenv("CRM_DESKTOP_PASSPHRASE", raising=False)
    data = tmp_path / "data"
    store = open_store(data_dir=data)
    with store.session() as s:
        c.create_person(s, c.PersonInput(given_name="Jürgen", family_name="Müller"))
    store.dispose()
    crypto.encrypt_store(resolve_paths(data), PASS)
    return data


def _ctx(data: Path, passphrase: str | None) -> CliContext:
    ctx = CliContext(args=argparse.Namespace(data_dir=str(data), database_url=None))
    ctx.passphrase = passphrase
    return ctx


def test_the_automatic_backup_of_an_encrypted_store_is_encrypted(encrypted: Path) -> None:
    settings = AppSettings(encrypted / "settings.ini")
    assert _auto_backup(resolve_paths(encrypted), _ctx(encrypted, PASS), settings, "start") is None
    made = list((encrypted / "backups").glob("crm-*.sqlite3"))
    assert len(made) == 1
    assert not storecheck.has_sqlite_header(made[0])
    con = crypto.connect(made[0], PASS)
    assert con.execute("SELECT count(*) FROM people").fetchone()[0] == 1
    con.close()


@pytest.mark.logs_errors
def test_a_failed_backup_is_shown_in_the_status_bar(qtbot: QtBot, encrypted: Path) -> None:
    settings = AppSettings(encrypted / "settings.ini")
    problem = _auto_backup(resolve_paths(encrypted), _ctx(encrypted, None), settings, "start")
    assert problem is not None  # no passphrase: it cannot be made
    window = MainWindow(None, settings, data_dir=encrypted)
    qtbot.addWidget(window)
    show_backup_failure(window, problem)
    text = window.statusBar().currentMessage()
    assert text.startswith("The automatic backup failed")
    assert "encrypted" in text


def test_no_plaintext_calendar_feed_for_an_encrypted_store(qtbot: QtBot, encrypted: Path) -> None:
    paths = resolve_paths(encrypted)
    paths.calendar_path.parent.mkdir(parents=True, exist_ok=True)
    paths.calendar_path.write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")  # from before
    ctx = _ctx(encrypted, PASS)
    store = ctx.store()
    window = MainWindow(None, AppSettings(encrypted / "settings.ini"), data_dir=encrypted)
    qtbot.addWidget(window)
    _start_extras(store, window, paths, ctx)
    assert window.property("calendarWriter") is None
    assert not paths.calendar_path.exists()
    ctx.close()


def test_backups_dialog_backs_up_and_restores_an_encrypted_store(
    qtbot: QtBot, encrypted: Path
) -> None:
    from crm_desktop.ui.backup_dialog import BackupDialog

    paths = resolve_paths(encrypted)
    ctx = _ctx(encrypted, PASS)
    dialog = BackupDialog(paths, close_store=ctx.close, reopen_store=lambda: None, passphrase=PASS)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    dialog.back_up_now()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    made = list((encrypted / "backups").glob("crm-*-manual.sqlite3"))
    assert len(made) == 1 and not storecheck.has_sqlite_header(made[0])
    with ctx.store().session() as s:
        c.create_person(s, c.PersonInput(given_name="Anna", family_name="Neu"))
    dialog.restore(made[0])
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    db = paths.db_path
    assert not storecheck.has_sqlite_header(db) and storecheck.has_marker(db)
    con = crypto.connect(db, PASS)
    assert con.execute("SELECT count(*) FROM people").fetchone()[0] == 1  # Anna is gone
    con.close()
    ctx.close()
