"""Settings → Encryption: encrypt the open store with passphrase + confirmation, and
decrypt it again, through the real dialog on a real store."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from crm_desktop.app import WindowEncryption
from crm_desktop.cli.context import CliContext
from crm_desktop.config import resolve_paths
from crm_desktop.services import contacts as c
from crm_desktop.services import storecheck
from crm_desktop.ui.settings_dialog import AppSettings, PassphraseDialog, SettingsDialog

crypto = pytest.importorskip("crm_desktop.services.crypto")


def _answer(steps: list[Callable[[Any], None]], seen: list[str]) -> QTimer:
    """Each modal dialog that shows up is handled by the next step."""
    handled: set[int] = set()

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or id(widget) in handled or not widget.isVisible() or not steps:
            return
        if isinstance(widget, SettingsDialog):
            return
        handled.add(id(widget))
        seen.append(widget.text() if isinstance(widget, QMessageBox) else type(widget).__name__)
        steps.pop(0)(widget)

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(50)
    return timer


def _fill(*values: str) -> Callable[[Any], None]:
    def fill(dialog: Any) -> None:
        assert isinstance(dialog, PassphraseDialog)
        edits = [e for e in dialog.findChildren(QLineEdit) if e.isVisible()]
        for edit, value in zip(edits, values, strict=False):
            edit.setText(value)
        dialog.accept()
        if dialog.isVisible():  # refused (too short, differing): give up
            dialog.reject()

    return fill


def _ok(box: Any) -> None:
    box.accept()


def test_encrypt_and_decrypt_from_the_settings(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not crypto.sqlcipher_available():
        pytest.skip("sqlcipher3 is not installed")
    monkeypatch.delenv("CRM_DESKTOP_PASSPHRASE", raising=False)
    data = tmp_path / "data"
    ctx = CliContext(args=argparse.Namespace(data_dir=str(data), database_url=None))
    with ctx.store().session() as s:
        c.create_person(s, c.PersonInput(given_name="Anna", family_name="Schäfer"))
    paths = resolve_paths(data)
    paths.calendar_path.parent.mkdir(parents=True, exist_ok=True)
    paths.calendar_path.write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    quits: list[str] = []
    enc = WindowEncryption(paths, ctx)
    monkeypatch.setattr(enc, "done", lambda: quits.append("quit"))
    settings = AppSettings(data / "settings.ini")

    dialog = SettingsDialog(settings, None, enc)
    qtbot.addWidget(dialog)
    seen: list[str] = []
    # too short first (refused in the dialog), then a good one
    timer = _answer([_fill("kurz", "kurz"), _fill("lang genug 1", "lang genug 1"), _ok], seen)
    dialog.encrypt_store()  # refused: nothing happens
    assert storecheck.has_sqlite_header(paths.db_path)
    dialog.encrypt_store()
    timer.stop()
    db = paths.db_path
    assert not storecheck.has_sqlite_header(db) and storecheck.has_marker(db)
    assert not paths.calendar_path.exists()  # the plaintext feed went with it
    assert quits == ["quit"]
    assert any("is encrypted" in text for text in seen), seen
    con = crypto.connect(db, "lang genug 1")
    assert con.execute("SELECT count(*) FROM people").fetchone()[0] == 1
    con.close()

    dialog = SettingsDialog(settings, None, enc)
    qtbot.addWidget(dialog)
    assert dialog.findChild(type(dialog.decrypt_button), "decrypt") is not None
    seen.clear()
    timer = _answer([_fill("falsch falsch"), _ok, _fill("lang genug 1"), _ok], seen)
    dialog.decrypt_store()  # wrong passphrase: told, nothing changed
    assert not storecheck.has_sqlite_header(db)
    dialog.decrypt_store()
    timer.stop()
    assert storecheck.has_sqlite_header(db) and not storecheck.has_marker(db)
    assert "wrong passphrase" in seen[1]
    ctx.close()
    # exit(), not quit(): Qt 6's quit() is cancelled when any window refuses to close
    QTimer.singleShot(0, lambda: QCoreApplication.exit(0))
    QCoreApplication.exec()
