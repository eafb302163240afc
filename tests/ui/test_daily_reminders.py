"""Issue #20, the daily flow: the reminder banner is one line, the list opens on demand,
Close puts it away until something new is due; desktop messages only while the window
is not in front; the tray-resident mode and the autostart entry."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QDialog, QDockWidget, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from crm_desktop.clock import FixedClock
from crm_desktop.data.store import Store
from crm_desktop.services import contacts as c
from crm_desktop.services import followups as fus
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.notice import ReminderNotice, desktop_text
from crm_desktop.ui.reminders import ReminderTicker
from crm_desktop.ui.settings_dialog import AppSettings, SettingsDialog
from crm_desktop.ui.tray import Autostart, TrayNotifier, keep_in_tray, should_notify_desktop

BERLIN = ZoneInfo("Europe/Berlin")
SHOTS = Path(os.environ.get("CRM_SHOTS", "/tmp/shots"))
ROOT = Path(__file__).resolve().parents[2]


def berlin(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BERLIN)  # type: ignore[misc]


def _followup(store: Store, due: dt.datetime, note: str = "", **kw: object) -> int:
    with store.session() as s:
        return fus.create_followup(s, due_at=due, kind="call", note=note, **kw).id  # type: ignore[arg-type]


def _person(store: Store) -> int:
    with store.session() as s:
        comp = c.create_company(s, c.CompanyInput(name="Müller GmbH"))
        return c.create_person(
            s, c.PersonInput(given_name="Max", family_name="Müller", company_id=comp.id)
        ).id


class _NoTray(TrayNotifier):
    """A tray that records what it would show (the offscreen platform has none)."""

    def __init__(self, active: bool = True) -> None:
        super().__init__(available=False)
        self.has_tray = active
        self.would: list[tuple[bool, str]] = []

    def notify_unless_active(self, window_active: bool, title: str, text: str) -> bool:
        sent = should_notify_desktop(window_active, self.has_tray)
        self.would.append((sent, text))
        return False


def test_banner_is_one_line_and_opens_the_list_on_demand(qtbot: QtBot, sqlite_store: Store) -> None:
    clock = FixedClock(berlin(2026, 11, 23, 14))
    pid = _person(sqlite_store)
    for day in range(1, 13):  # twelve overdue from earlier days
        _followup(sqlite_store, berlin(2026, 11, 10 + day % 12, 9), f"Alt {day}")
    for hour in (8, 10, 13):  # three due today
        _followup(sqlite_store, berlin(2026, 11, 23, hour), "Heute", person_id=pid)
    ticker = ReminderTicker(sqlite_store, clock, None, poll_ms=3_600_000)
    tray = _NoTray()
    notice = ReminderNotice(sqlite_store, clock, zone=BERLIN, tray=tray)
    qtbot.addWidget(notice)
    notice.resize(1400, 400)
    ticker.due.connect(notice.add_entries)
    ticker.start()
    notice.show()
    assert len(notice.rows) == 15
    assert notice.counts() == (3, 12)
    assert notice.summary_text() == "3 follow-ups due, 12 overdue"
    assert not notice.expanded and notice.panel.isHidden()
    one_line = notice.sizeHint().height()
    assert one_line < 50  # one line, whatever the number of items
    # Show opens the list (scrolling, capped), Hide folds it again
    notice.show_button.click()
    assert notice.expanded and not notice.panel.isHidden()
    assert one_line < notice.sizeHint().height() <= one_line + 330
    notice.show_button.click()
    assert not notice.expanded and notice.sizeHint().height() == one_line
    # Close: gone; the same items again do not bring it back, a new one does
    notice.close_button.click()
    assert notice.isHidden() and notice.dismissed
    notice.add_entries(notice.entries()[:1])
    assert notice.isHidden()
    new = _followup(sqlite_store, berlin(2026, 11, 23, 14, 5), "Neu", person_id=pid)
    clock.set(berlin(2026, 11, 23, 14, 6))
    with qtbot.waitSignal(notice.reopened):
        ticker.check()
    assert not notice.isHidden() and ("followup", new) in notice.rows
    ticker.stop()


def test_desktop_message_only_when_the_window_is_not_in_front(
    qtbot: QtBot, sqlite_store: Store
) -> None:
    assert should_notify_desktop(window_active=False, tray_available=True)
    assert not should_notify_desktop(window_active=True, tray_available=True)
    assert not should_notify_desktop(window_active=False, tray_available=False)
    assert keep_in_tray(True, True) and not keep_in_tray(True, False)
    assert not keep_in_tray(False, True)
    # without a tray nothing is sent and nothing fails
    bare = TrayNotifier(available=False)
    assert bare.tray is None and not bare.notify_unless_active(False, "Reminder", "x")
    real = TrayNotifier()
    assert real.available == QSystemTrayIcon.isSystemTrayAvailable()

    clock = FixedClock(berlin(2026, 11, 23, 14))
    pid = _person(sqlite_store)
    _followup(sqlite_store, berlin(2026, 11, 23, 14), "", person_id=pid)
    tray = _NoTray()
    notice = ReminderNotice(sqlite_store, clock, zone=BERLIN, tray=tray)
    qtbot.addWidget(notice)
    ticker = ReminderTicker(sqlite_store, clock, None, poll_ms=3_600_000)
    ticker.due.connect(notice.add_entries)
    ticker.start()
    (entry,) = notice.entries()
    text = desktop_text(entry, clock.now(), BERLIN)
    from crm_desktop.ui.format import format_time

    assert text == f"Max Müller (Müller GmbH) expects your call at {format_time(entry.at, BERLIN)}"
    # no window given: it is not in front, so the message would go out
    assert tray.would == [(True, text)]
    ticker.stop()


@pytest.mark.parametrize("platform", ["linux", "darwin", "win32"])
def test_autostart_written_only_when_ticked(qtbot: QtBot, tmp_path: Path, platform: str) -> None:
    auto = Autostart(home=tmp_path, platform=platform, command=["/opt/crm/crm-desktop"])
    settings = AppSettings(tmp_path / "settings.ini")
    dialog = SettingsDialog(settings, autostart=auto)
    qtbot.addWidget(dialog)
    assert not dialog.start_with_system.isChecked() and not dialog.keep_in_tray.isChecked()
    dialog.apply()
    assert not auto.path.exists()  # nothing written while unticked
    dialog.start_with_system.setChecked(True)
    dialog.keep_in_tray.setChecked(True)
    dialog.apply()
    assert auto.path.is_file() and settings.keep_in_tray
    text = auto.path.read_text(encoding="utf-8")
    assert "/opt/crm/crm-desktop" in text
    if platform == "linux":
        assert auto.path == tmp_path / ".config/autostart/crm-desktop.desktop"
        assert "[Desktop Entry]" in text and "Exec=/opt/crm/crm-desktop" in text
    elif platform == "darwin":
        assert auto.path.parent == tmp_path / "Library/LaunchAgents"
        assert "<key>RunAtLoad</key>" in text
    else:
        assert auto.path.parent.name == "Startup" and auto.path.suffix == ".cmd"
    again = SettingsDialog(AppSettings(tmp_path / "settings.ini"), autostart=auto)
    qtbot.addWidget(again)
    assert again.start_with_system.isChecked() and again.keep_in_tray.isChecked()
    again.start_with_system.setChecked(False)
    again.apply()
    assert not auto.path.exists()  # unticked: removed


def test_window_no_agenda_dialog_at_start_and_close_without_tray_quits(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    clock = FixedClock(berlin(2026, 11, 23, 14))
    pid = _person(sqlite_store)
    for hour in (8, 9, 10):
        _followup(sqlite_store, berlin(2026, 11, 23, hour), "Rückruf", person_id=pid)
    for day in range(12):
        _followup(sqlite_store, berlin(2026, 11, 5 + day, 9), "Angebot nachfassen")
    settings = AppSettings(tmp_path / "settings.ini")
    settings.keep_in_tray = True

    def dialogs() -> set[int]:
        return {
            id(w)
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QDialog) and w.isVisible()
        }

    before = dialogs()  # what earlier tests may have left open is not this window's
    win = MainWindow(sqlite_store, settings, clock=clock, data_dir=tmp_path)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    win.reminders.start()
    notice = win.reminders.notice
    qtbot.waitUntil(lambda: not notice.isHidden(), timeout=3000)
    assert dialogs() - before == set()
    dock = win.findChild(QDockWidget, "reminderDock")
    assert dock is not None and dock.isVisible()
    qtbot.waitUntil(lambda: dock.height() < 80, timeout=2000)
    assert dock.height() < 900 / 6  # far from a third of the window
    assert notice.summary_text() == "3 follow-ups due, 12 overdue"
    _shot(win, "daily_banner_en.png")
    notice.show_button.click()
    qtbot.wait(50)
    _shot(win, "daily_banner_open_en.png")
    notice.show_button.click()
    notice.close_button.click()
    assert not dock.isVisible()
    # offscreen there is no tray: the setting falls back silently, Close closes
    assert win.tray is not None and win.tray.tray is None
    assert not win.keeps_running_in_tray()
    event = QCloseEvent()
    win.closeEvent(event)
    assert event.isAccepted()
    win.tasks.wait(5000)


def _shot(widget: object, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))  # type: ignore[attr-defined]


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load(str(ROOT / "resources/translations/crm_desktop_de.qm"))
    QCoreApplication.installTranslator(translator)
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(before)


def test_banner_in_german(qtbot: QtBot, sqlite_store: Store, tmp_path: Path, german: None) -> None:
    clock = FixedClock(berlin(2026, 11, 23, 14))
    pid = _person(sqlite_store)
    for hour in (8, 9, 10):
        _followup(sqlite_store, berlin(2026, 11, 23, hour), "Rückruf", person_id=pid)
    for day in range(12):
        _followup(sqlite_store, berlin(2026, 11, 5 + day, 9), "Angebot nachfassen")
    win = MainWindow(sqlite_store, AppSettings(tmp_path / "s.ini"), clock=clock, data_dir=tmp_path)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    win.reminders.start()
    notice = win.reminders.notice
    qtbot.waitUntil(lambda: not notice.isHidden(), timeout=3000)
    assert notice.summary_text() == "3 Wiedervorlagen fällig, 12 überfällig"
    assert notice.show_button.text() == "Anzeigen" and notice.close_button.text() == "Schließen"
    qtbot.wait(50)
    _shot(win, "daily_banner_de.png")
    win.tasks.wait(5000)
