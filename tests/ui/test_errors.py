"""Errors never vanish: pages show their load errors, show_error translates expected
errors and sends bugs to the log and the crash dialog."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from crm_desktop.app import install_translators
from crm_desktop.clock import FixedClock
from crm_desktop.data.store import Store
from crm_desktop.errors import NotFoundError, StoreError
from crm_desktop.ui import errors as ui_errors
from crm_desktop.ui.agenda import AgendaWidget
from crm_desktop.ui.dashboard import DashboardWidget
from crm_desktop.ui.today import TodayView

CLOCK = FixedClock(dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC))
SECRET = "Anna Schäfer 0711 123456"  # a bug's text may hold personal data: never shown


@pytest.fixture
def german_app(qapp: QApplication) -> Iterator[list[QTranslator]]:
    before = QLocale()
    installed = install_translators(qapp, "de")
    yield installed
    for translator in installed:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(before)


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox]:
    """Message boxes that would have been shown (exec does not block)."""
    shown: list[QMessageBox] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def _bug(*_args: Any, **_kw: Any) -> Any:
    raise RuntimeError(SECRET)


def _busy(*_args: Any, **_kw: Any) -> Any:
    raise StoreError("The store is busy (locked by another program). Try again in a moment.")


@pytest.mark.logs_errors
def test_today_shows_the_error_state_when_its_loader_raises(
    qtbot: QtBot,
    sqlite_store: Store,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    german_app: list[QTranslator],
) -> None:
    monkeypatch.setattr("crm_desktop.ui.today.today_overview", _bug)
    view = TodayView(sqlite_store, CLOCK)
    qtbot.addWidget(view)
    view.refresh_async()
    qtbot.waitUntil(lambda: view.failure is not None, timeout=5000)
    text = view.summary.text()
    assert text.startswith("Heute konnte nicht geladen werden: ")
    assert "Ein unerwarteter Fehler" in text
    assert SECRET not in text
    assert not view.retry_button.isHidden()
    assert all(s.empty.isHidden() for s in view.sections)  # not "nothing due"
    assert all(b.isHidden() for b in view.followup_buttons)  # nothing to mark done
    bugs = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert bugs and bugs[0].exc_info is not None
    # the retry loads again; once the store answers, the page is back
    monkeypatch.undo()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    view.retry_button.click()
    qtbot.waitUntil(lambda: view.failure is None, timeout=5000)
    assert view.retry_button.isHidden()
    assert not any(b.isHidden() for b in view.followup_buttons)
    assert "Heute konnte nicht" not in view.summary.text()


def test_today_shows_an_expected_error_translated(
    qtbot: QtBot, sqlite_store: Store, monkeypatch: pytest.MonkeyPatch, german_app: Any
) -> None:
    monkeypatch.setattr("crm_desktop.ui.today.today_overview", _busy)
    view = TodayView(sqlite_store, CLOCK)
    qtbot.addWidget(view)
    view.refresh()
    assert view.summary.text() == (
        "Heute konnte nicht geladen werden: Die Datenbank ist belegt "
        "(von einem anderen Programm gesperrt). Versuchen Sie es gleich noch einmal."
    )


def test_the_agenda_shows_an_error_not_nothing_due(
    qtbot: QtBot, sqlite_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    widget = AgendaWidget(sqlite_store, clock=CLOCK)
    qtbot.addWidget(widget)
    assert widget.stack.currentWidget() is widget.empty  # an empty store: nothing due
    monkeypatch.setattr("crm_desktop.ui.agenda.fus.agenda", _busy)
    widget.refresh()
    assert widget.stack.currentWidget() is widget.error
    assert widget.error.text().startswith("The agenda could not be loaded: The store is busy")
    monkeypatch.undo()
    widget.refresh()
    assert widget.stack.currentWidget() is widget.empty


@pytest.mark.logs_errors
def test_the_dashboard_never_shows_a_bugs_text(
    qtbot: QtBot,
    sqlite_store: Store,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    widget = DashboardWidget(sqlite_store, CLOCK)
    qtbot.addWidget(widget)
    monkeypatch.setattr("crm_desktop.ui.dashboard.an.dashboard", _bug)
    widget.refresh()
    qtbot.waitUntil(lambda: "Could not load" in widget.status.text(), timeout=5000)
    assert SECRET not in widget.status.text()
    assert "An unexpected error occurred" in widget.status.text()
    assert any(r.levelno >= logging.ERROR and r.exc_info for r in caplog.records)


def test_the_dashboard_translates_an_expected_error(
    qtbot: QtBot, sqlite_store: Store, monkeypatch: pytest.MonkeyPatch, german_app: Any
) -> None:
    widget = DashboardWidget(sqlite_store, CLOCK)
    qtbot.addWidget(widget)
    monkeypatch.setattr("crm_desktop.ui.dashboard.an.dashboard", _busy)
    widget.refresh()
    qtbot.waitUntil(lambda: "belegt" in widget.status.text(), timeout=5000)
    assert "Die Datenbank ist belegt" in widget.status.text()


def test_show_error_shows_a_crm_error_in_german(
    qtbot: QtBot, boxes: list[QMessageBox], german_app: Any
) -> None:
    error = NotFoundError(
        "There is no company “{name}”. Pick one from the list or create it first.",
        name="Vogt",
    )
    ui_errors.show_error(None, error, title="Firma")
    assert len(boxes) == 1
    assert boxes[0].text() == (
        "Es gibt keine Firma „Vogt“. Wählen Sie eine aus der Liste oder legen Sie sie zuerst an."
    )
    assert boxes[0].windowTitle() == "Firma"
    assert boxes[0].icon() == QMessageBox.Icon.Warning


@pytest.mark.logs_errors
def test_show_error_sends_a_bug_to_the_log_and_the_crash_dialog(
    qtbot: QtBot, boxes: list[QMessageBox], caplog: pytest.LogCaptureFixture
) -> None:
    try:
        _bug()
    except RuntimeError as exc:
        ui_errors.show_error(None, exc)
    assert len(boxes) == 1
    box = boxes[0]
    assert box.objectName() == "crashDialog"
    assert box.icon() == QMessageBox.Icon.Critical
    assert "Your data is safe" in box.text()
    assert SECRET not in box.text()
    assert "RuntimeError" in box.detailedText()  # the traceback, for the curious
    records = [r for r in caplog.records if r.name == "crm_desktop.ui.errors"]
    assert records and records[0].levelno == logging.ERROR and records[0].exc_info
