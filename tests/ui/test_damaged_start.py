"""The window's real start path on a damaged or encrypted store: the message of
``check`` with a "Restore from backup…" offer, and a passphrase prompt that says
"Wrong passphrase" and asks again."""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from crm_desktop.app import run_gui
from crm_desktop.cli.context import CliContext
from crm_desktop.config import resolve_paths
from crm_desktop.data.store import open_store
from crm_desktop.services import backup as bk
from crm_desktop.services import contacts as c
from crm_desktop.services import storecheck

Handler = Callable[[Any, list[str]], None]


@pytest.fixture
def start_env(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("CRM_DESKTOP_NO_BACKUP", "1")
    monkeypatch.setenv("CRM_DESKTOP_EXIT_AFTER_PAINT", "1")  # the window quits once filled
    monkeypatch.delenv("CRM_DESKTOP_PASSPHRASE", raising=False)
    monkeypatch.delenv("CRM_DESKTOP_DATABASE_URL", raising=False)
    hook, handlers, locale = sys.excepthook, list(logging.getLogger().handlers), QLocale()
    yield
    sys.excepthook = hook
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    for translator in qapp.findChildren(QTranslator):
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(locale)


def start(data: Path, handle: Handler, lang: str | None = None) -> tuple[int, list[str]]:
    """run_gui as ``crm-desktop --data-dir DATA``; ``handle`` answers each dialog."""
    seen: list[str] = []
    handled: set[int] = set()

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if widget is not None and id(widget) not in handled and widget.isVisible():
            handled.add(id(widget))
            handle(widget, seen)

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(50)
    args = argparse.Namespace(data_dir=str(data), database_url=None, lang=lang, command=None)
    try:
        code = run_gui(CliContext(args=args))
    finally:
        timer.stop()
        # a quit the bench hook left pending must not end the next test's dialogs
        # exit(), not quit(): Qt 6's quit() is cancelled when any window refuses to close
        QTimer.singleShot(0, lambda: QCoreApplication.exit(0))
        QCoreApplication.exec()
    return code, seen


def _store(data: Path) -> None:
    store = open_store(data_dir=data)
    with store.session() as s:
        for i in range(200):
            c.create_person(s, c.PersonInput(given_name=f"Jürgen{i}", family_name="Müller"))
    store.dispose()
    bk.make_backup(resolve_paths(data), "manual")


def _buttons(box: QMessageBox) -> dict[str, Any]:
    return {b.text(): b for b in box.buttons()}


@pytest.mark.logs_errors
def test_damaged_store_offers_the_restore(tmp_path: Path, start_env: None) -> None:
    data = tmp_path / "data"
    _store(data)
    db = data / "crm.sqlite3"
    db.write_bytes(db.read_bytes()[: db.stat().st_size // 2])

    def close(widget: Any, seen: list[str]) -> None:
        assert isinstance(widget, QMessageBox)
        seen.append(widget.text())
        seen.extend(_buttons(widget))
        widget.button(QMessageBox.StandardButton.Close).click()

    code, seen = start(data, close)
    assert code == 1
    assert "The store is damaged" in seen[0] and "crm-desktop restore" in seen[0]
    assert "Restore from backup…" in seen


@pytest.mark.logs_errors
def test_the_restore_offer_restores_and_the_window_opens(tmp_path: Path, start_env: None) -> None:
    data = tmp_path / "data"
    _store(data)
    db = data / "crm.sqlite3"
    db.write_bytes(b"\0" * 4096 + db.read_bytes()[4096:])

    def restore(widget: Any, seen: list[str]) -> None:
        assert isinstance(widget, QMessageBox)
        seen.append(widget.text())
        buttons = _buttons(widget)
        if "Restore from backup…" in buttons:
            buttons["Restore from backup…"].click()
        else:
            widget.accept()

    code, seen = start(data, restore)
    assert code == 0, seen
    assert "header is destroyed" in seen[0]
    assert "The backup was restored" in seen[1]
    assert storecheck.examine(db).state == "ok"


@pytest.mark.logs_errors
def test_the_message_in_german(tmp_path: Path, start_env: None) -> None:
    data = tmp_path / "data"
    _store(data)
    db = data / "crm.sqlite3"
    db.write_bytes(db.read_bytes()[:4096])

    def close(widget: Any, seen: list[str]) -> None:
        seen.append(widget.text())
        seen.extend(_buttons(widget))
        widget.reject()

    code, seen = start(data, close, lang="de")
    assert code == 1
    assert "Die Datenbank ist beschädigt" in seen[0], seen
    assert "Aus Sicherung wiederherstellen…" in seen


def _encrypted(data: Path) -> None:
    crypto = pytest.importorskip("crm_desktop.services.crypto")
    if not crypto.sqlcipher_available():
        pytest.skip("sqlcipher3 is not installed")
    _store(data)
    crypto.encrypt_store(resolve_paths(data), "richtig 123")


def test_a_wrong_passphrase_is_asked_again(tmp_path: Path, start_env: None) -> None:
    data = tmp_path / "data"
    _encrypted(data)
    answers = iter(["falsch", "richtig 123"])

    def answer(widget: Any, seen: list[str]) -> None:
        assert isinstance(widget, QInputDialog), type(widget)
        seen.append(widget.labelText())
        widget.setTextValue(next(answers))
        widget.accept()

    code, seen = start(data, answer)
    assert code == 0
    assert len(seen) == 2
    assert "encrypted" in seen[0]
    assert "Wrong passphrase" in seen[1]


def test_cancel_at_the_passphrase_exits_cleanly(tmp_path: Path, start_env: None) -> None:
    data = tmp_path / "data"
    _encrypted(data)

    def cancel(widget: Any, seen: list[str]) -> None:
        seen.append(widget.labelText())
        widget.reject()

    code, seen = start(data, cancel)
    assert code == 0
    assert len(seen) == 1


def test_random_bytes_are_not_called_encrypted(tmp_path: Path, start_env: None) -> None:
    data = tmp_path / "data"
    _store(data)
    (data / "crm.sqlite3").write_bytes(bytes(range(256)) * 64)
    shutil.rmtree(data / "backups")

    def close(widget: Any, seen: list[str]) -> None:
        seen.append(widget.text())
        seen.extend(_buttons(widget))
        widget.reject()

    code, seen = start(data, close)
    assert code == 1
    assert "either encrypted" in seen[0] and "or damaged" in seen[0]
    assert "Enter passphrase…" in seen


def test_leftovers_of_an_interrupted_restore_are_told_and_removed(
    tmp_path: Path, start_env: None
) -> None:
    data = tmp_path / "data"
    _store(data)
    (data / ".crm-partial-restore-0123.sqlite3").write_bytes(b"half a copy")
    (data / "backups" / ".crm-partial-4567.sqlite3").write_bytes(b"half a backup")

    def ok(widget: Any, seen: list[str]) -> None:
        seen.append(widget.text())
        widget.accept()

    code, seen = start(data, ok)
    assert code == 0
    assert seen == ["An interrupted restore was rolled back; the store is unchanged."]
    assert not list(data.glob(".crm-*")) and not list((data / "backups").glob(".crm-*"))


@pytest.mark.logs_errors
def test_a_damaged_page_met_by_a_query_in_the_window(tmp_path: Path, start_env: None) -> None:
    """A query that reaches a damaged page after the window opened: the message of
    ``check``, not the crash dialog."""
    import sqlite3

    from crm_desktop.app import install_excepthook

    data = tmp_path / "data"
    _store(data)
    db = data / "crm.sqlite3"
    db.write_bytes(db.read_bytes()[: db.stat().st_size // 2])
    con = sqlite3.connect(db)
    with pytest.raises(sqlite3.DatabaseError) as caught:
        con.execute("SELECT * FROM people ORDER BY given_name").fetchall()
    con.close()
    install_excepthook(None, resolve_paths(data))
    seen: list[str] = []

    def close() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QMessageBox):
            seen.append(widget.text())
            widget.accept()
        else:
            QTimer.singleShot(50, close)

    QTimer.singleShot(50, close)
    sys.excepthook(type(caught.value), caught.value, None)
    assert seen and "The store is damaged" in seen[0] and "crm-desktop restore" in seen[0]
