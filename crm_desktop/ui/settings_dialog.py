"""User preferences (an ini file in the data folder) and the Settings dialog.

Preferences that belong to this computer and user — language, phone region, time
zone, backup retention, window layout — live in ``settings.ini`` beside the data
(QSettings in ini format, so a test or a portable install stays self-contained).
Rules that belong to the data (ticket scheme, pipeline stages) stay in the store.
"""

from __future__ import annotations

import os
import zoneinfo
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import DEFAULT_TZ

LANGUAGES = ("", "de", "en")  # "" = the system's language
REGIONS = ("DE", "AT", "CH", "LI", "LU", "NL", "BE", "FR", "IT", "PL", "CZ", "DK", "GB", "US")


class AppSettings:
    """Typed access to the preferences in ``settings.ini``."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def _get(self, key: str, default: Any) -> Any:
        value = self.qsettings.value(key, default)
        return default if value is None else value

    def _int(self, key: str, default: int) -> int:
        try:
            return int(self._get(key, default))
        except (TypeError, ValueError):
            return default

    @property
    def language(self) -> str:
        value = str(self._get("ui/language", ""))
        return value if value in LANGUAGES else ""

    @language.setter
    def language(self, value: str) -> None:
        self.qsettings.setValue("ui/language", value if value in LANGUAGES else "")

    @property
    def phone_region(self) -> str:
        value = str(self._get("contacts/phone_region", "DE")).upper()
        return value if len(value) == 2 and value.isalpha() else "DE"

    @phone_region.setter
    def phone_region(self, value: str) -> None:
        self.qsettings.setValue("contacts/phone_region", value.upper())

    @property
    def time_zone(self) -> str:
        value = str(self._get("ui/time_zone", "")) or os.environ.get("CRM_DESKTOP_TZ") or DEFAULT_TZ
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return DEFAULT_TZ
        return value

    @time_zone.setter
    def time_zone(self, value: str) -> None:
        self.qsettings.setValue("ui/time_zone", value)

    def backup_counts(self) -> tuple[int, int, int]:
        """(daily, weekly, monthly) automatic backups to keep."""
        return (
            self._int("backup/daily", 7),
            self._int("backup/weekly", 4),
            self._int("backup/monthly", 12),
        )

    def set_backup_counts(self, daily: int, weekly: int, monthly: int) -> None:
        self.qsettings.setValue("backup/daily", daily)
        self.qsettings.setValue("backup/weekly", weekly)
        self.qsettings.setValue("backup/monthly", monthly)

    def retention_policy(self) -> Any:
        from crm_desktop.services.backup import RetentionPolicy

        daily, weekly, monthly = self.backup_counts()
        return RetentionPolicy(daily=daily, weekly=weekly, monthly=monthly)

    def apply_time_zone(self) -> None:
        """Make the chosen zone the one ``clock.local_zone()`` uses in this process."""
        if self.qsettings.contains("ui/time_zone"):
            os.environ["CRM_DESKTOP_TZ"] = self.time_zone

    def sync(self) -> None:
        self.qsettings.sync()


class SettingsDialog(QDialog):
    """Language, default phone region, time zone and backup retention."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.setObjectName("settingsDialog")

        self.language = QComboBox(self)
        self.language.setObjectName("language")
        for code, label in (
            ("", self.tr("Like the system")),
            ("de", "Deutsch"),
            ("en", "English"),
        ):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))

        self.region = QComboBox(self)
        self.region.setObjectName("phoneRegion")
        self.region.setEditable(True)
        self.region.addItems(list(REGIONS))
        self.region.setCurrentText(settings.phone_region)
        self.region.setToolTip(
            self.tr("Phone numbers typed without +country code are read for this country.")
        )

        self.zone = QComboBox(self)
        self.zone.setObjectName("timeZone")
        self.zone.setEditable(True)
        zones = sorted(z for z in zoneinfo.available_timezones() if "/" in z)
        self.zone.addItems(zones)
        self.zone.setCurrentText(settings.time_zone)
        self.zone.setMaxVisibleItems(20)

        daily, weekly, monthly = settings.backup_counts()
        self.daily = self._spin(daily, "keepDaily")
        self.weekly = self._spin(weekly, "keepWeekly")
        self.monthly = self._spin(monthly, "keepMonthly")

        general = QGroupBox(self.tr("General"), self)
        form = QFormLayout(general)
        form.addRow(self.tr("&Language:"), self.language)
        note = QLabel(self.tr("A new language applies after a restart of the program."), self)
        note.setWordWrap(True)
        form.addRow("", note)
        form.addRow(self.tr("Default &phone region:"), self.region)
        form.addRow(self.tr("&Time zone:"), self.zone)

        backups = QGroupBox(self.tr("Automatic backups"), self)
        bform = QFormLayout(backups)
        bform.addRow(self.tr("Keep &daily backups:"), self.daily)
        bform.addRow(self.tr("Keep &weekly backups:"), self.weekly)
        bform.addRow(self.tr("Keep &monthly backups:"), self.monthly)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(general)
        layout.addWidget(backups)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(480, 420)

    def _spin(self, value: int, name: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(0, 365)
        spin.setValue(value)
        return spin

    @property
    def language_changed(self) -> bool:
        return str(self.language.currentData() or "") != self.settings.language

    def apply(self) -> bool:
        """Write the choices; True when the language changed (needs a restart)."""
        changed = self.language_changed
        self.settings.language = str(self.language.currentData() or "")
        region = self.region.currentText().strip().upper()
        if len(region) == 2 and region.isalpha():
            self.settings.phone_region = region
        zone = self.zone.currentText().strip()
        try:
            zoneinfo.ZoneInfo(zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            zone = self.settings.time_zone
        self.settings.time_zone = zone
        self.settings.apply_time_zone()
        self.settings.set_backup_counts(
            self.daily.value(), self.weekly.value(), self.monthly.value()
        )
        self.settings.sync()
        return changed

    def accept(self) -> None:
        self.restart_needed = self.apply()
        super().accept()
