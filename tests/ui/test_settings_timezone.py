"""Settings → Time zone changes the running zone: the times shown follow at once,
the choice is saved for the next start, and the environment is never written."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from crm_desktop import clock
from crm_desktop.clock import ENV_TZ, LocalZone
from crm_desktop.ui.format import format_datetime, format_time
from crm_desktop.ui.settings_dialog import AppSettings, SettingsDialog

MOMENT = dt.datetime(2026, 7, 1, 12, 0, tzinfo=dt.UTC)
GERMAN = QLocale(QLocale.Language.German, QLocale.Country.Germany)


@pytest.fixture
def running_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalZone]:
    """The process's zone, Europe/Berlin, restored afterwards; no $CRM_DESKTOP_TZ."""
    monkeypatch.delenv(ENV_TZ, raising=False)
    before = clock.USER_ZONE.name
    clock.USER_ZONE.set("Europe/Berlin")
    yield clock.USER_ZONE
    clock.USER_ZONE.set(before)


def test_a_new_zone_changes_the_times_shown(
    qtbot: QtBot, tmp_path: Path, running_zone: LocalZone
) -> None:
    settings = AppSettings(tmp_path / "settings.ini")
    changes: list[str] = []
    stop = running_zone.on_change(lambda z: changes.append(z.key))
    assert format_time(MOMENT, locale=GERMAN) == "14:00"

    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.zone.currentText() == "Europe/Berlin"  # the running zone is shown
    dialog.zone.setCurrentText("America/New_York")
    dialog.accept()

    assert running_zone.name == "America/New_York" and changes == ["America/New_York"]
    assert format_time(MOMENT, locale=GERMAN) == "08:00"
    assert format_datetime(MOMENT, locale=GERMAN) == "01.07.2026 08:00"
    assert ENV_TZ not in os.environ  # passed on as an object, not through the environment
    settings.sync()
    assert AppSettings(tmp_path / "settings.ini").saved_time_zone == "America/New_York"
    stop()


def test_an_unknown_or_unchanged_zone_changes_nothing(
    qtbot: QtBot, tmp_path: Path, running_zone: LocalZone
) -> None:
    settings = AppSettings(tmp_path / "settings.ini")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.accept()  # nothing touched: nothing written
    assert settings.saved_time_zone is None and running_zone.name == "Europe/Berlin"

    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.zone.setCurrentText("Atlantis/Capital")
    dialog.accept()
    assert settings.saved_time_zone is None and running_zone.name == "Europe/Berlin"
    assert ENV_TZ not in os.environ


def test_the_dialog_works_on_the_zone_it_is_given(qtbot: QtBot, tmp_path: Path) -> None:
    own = LocalZone("Asia/Tokyo")
    before = clock.USER_ZONE.name
    dialog = SettingsDialog(AppSettings(tmp_path / "settings.ini"), zone=own)
    qtbot.addWidget(dialog)
    assert dialog.zone.currentText() == "Asia/Tokyo"
    dialog.zone.setCurrentText("Europe/Lisbon")
    dialog.accept()
    assert own.name == "Europe/Lisbon" and clock.USER_ZONE.name == before


def test_the_saved_zone_applies_at_start_unless_overridden(
    tmp_path: Path, running_zone: LocalZone
) -> None:
    settings = AppSettings(tmp_path / "settings.ini")
    settings.time_zone = "Europe/Vienna"
    zone = LocalZone()
    clock.start_zone(None, {}, zone=zone)
    settings.apply_time_zone(zone)
    assert zone.name == "Europe/Vienna"
    clock.start_zone(None, {ENV_TZ: "America/Chicago"}, zone=zone)  # the documented override
    settings.apply_time_zone(zone)
    assert zone.name == "America/Chicago"
    assert ENV_TZ not in os.environ
