"""User preferences (an ini file in the data folder) and the Settings dialog.

Preferences that belong to this computer and user — language, phone region, time
zone, backup retention, window layout — live in ``settings.ini`` beside the data
(QSettings in ini format, so a test or a portable install stays self-contained).
Rules that belong to the data (ticket scheme, pipeline stages) stay in the store.
"""

from __future__ import annotations

import zoneinfo
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import DEFAULT_TZ, USER_ZONE, LocalZone, valid_zone_name

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
        self.apply_phone_region()

    def apply_phone_region(self) -> None:
        """Make the saved region the one new phone numbers get (ui.format.phone_region)."""
        from crm_desktop.ui.format import set_phone_region

        set_phone_region(self.phone_region)

    @property
    def saved_time_zone(self) -> str | None:
        """The zone saved in the settings (None: none saved, or one zoneinfo does not know)."""
        return valid_zone_name(str(self._get("ui/time_zone", "") or ""))

    @property
    def time_zone(self) -> str:
        return self.saved_time_zone or DEFAULT_TZ

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

    def apply_time_zone(self, zone: LocalZone | None = None) -> None:
        """Give the running zone (``clock.USER_ZONE`` unless ``zone``) the saved setting,
        at start; ``--tz`` or $CRM_DESKTOP_TZ, read once at start, win over it."""
        (zone or USER_ZONE).apply_saved(self.saved_time_zone)

    def _bool(self, key: str, default: bool) -> bool:
        value = self._get(key, default)
        if isinstance(value, str):
            return value.strip().lower() in ("1", "true", "yes", "on")
        return bool(value)

    @property
    def keep_in_tray(self) -> bool:
        """Closing the window keeps the program in the tray, so reminders still ring."""
        return self._bool("reminders/keep_in_tray", False)

    @keep_in_tray.setter
    def keep_in_tray(self, value: bool) -> None:
        self.qsettings.setValue("reminders/keep_in_tray", bool(value))

    def sync(self) -> None:
        self.qsettings.sync()


class Encryption(Protocol):
    """What the Settings dialog's "Encryption" section works with (app.py gives it)."""

    def encrypted(self) -> bool | None:
        """True/False for a local data file, None for a server (no section then)."""

    def encrypt(self, passphrase: str) -> None: ...

    def decrypt(self, passphrase: str) -> None: ...

    def change(self, old: str, new: str) -> None: ...

    def done(self) -> None:
        """Called once the user was told (the program quits: the store was closed)."""


MIN_PASSPHRASE = 8


class PassphraseDialog(QDialog):
    """A passphrase (with confirmation for a new one); ``old`` asks the current one too."""

    def __init__(
        self, parent: QWidget | None, title: str, *, new: bool = True, old: bool = False
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("encryptionPassphrase")
        self.new = new
        form = QFormLayout(self)
        self.old = self._field("oldPassphrase") if old else None
        if self.old is not None:
            form.addRow(self.tr("&Current passphrase:"), self.old)
        self.first = self._field("passphrase")
        form.addRow(self.tr("&New passphrase:") if new else self.tr("&Passphrase:"), self.first)
        self.second = self._field("confirm") if new else None
        if self.second is not None:
            form.addRow(self.tr("&Repeat it:"), self.second)
        self.problem = QLabel("", self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _field(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def accept(self) -> None:
        text = self.first.text()
        if self.new and len(text) < MIN_PASSPHRASE:
            self.problem.setText(self.tr("Choose a passphrase of at least 8 characters."))
            return
        if self.second is not None and self.second.text() != text:
            self.problem.setText(self.tr("The two passphrases differ."))
            return
        if not text:
            return
        super().accept()


class SettingsDialog(QDialog):
    """Language, default phone region, time zone, backup retention and encryption."""

    def __init__(
        self,
        settings: AppSettings,
        parent: QWidget | None = None,
        encryption: Encryption | None = None,
        zone: LocalZone | None = None,
        autostart: Any = None,
    ) -> None:
        from crm_desktop.ui.tray import Autostart

        super().__init__(parent)
        self.settings = settings
        #: the "Start with the system" entry (an :class:`~crm_desktop.ui.tray.Autostart`)
        self.autostart: Autostart = autostart or Autostart()
        self.encryption = encryption
        #: the running zone: the one shown here, and the one a new choice is set on
        self.local_zone = zone or USER_ZONE
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
        self.zone.setCurrentText(self.local_zone.name)
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

        reminders = QGroupBox(self.tr("Reminders"), self)
        rbox = QVBoxLayout(reminders)
        self.keep_in_tray = QCheckBox(self.tr("&Keep running in the tray for reminders"), self)
        self.keep_in_tray.setObjectName("keepInTray")
        self.keep_in_tray.setChecked(settings.keep_in_tray)
        self.keep_in_tray.setToolTip(
            self.tr("Closing the window keeps the program in the system tray, so reminders ring.")
        )
        self.start_with_system = QCheckBox(self.tr("&Start with the system"), self)
        self.start_with_system.setObjectName("startWithSystem")
        self.start_with_system.setChecked(self.autostart.enabled())
        self.start_with_system.setToolTip(
            self.tr("Start the program when you log in (an autostart entry for this user).")
        )
        rbox.addWidget(self.keep_in_tray)
        rbox.addWidget(self.start_with_system)

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
        layout.addWidget(reminders)
        layout.addWidget(backups)
        state = encryption.encrypted() if encryption is not None else None
        if state is not None:
            layout.addWidget(self._encryption_box(state))
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(480, 420)
        from crm_desktop.ui.forms.guards import guard_form

        guard_form(self)  # Enter in the region or zone box does not close the dialog

    def _encryption_box(self, encrypted: bool) -> QGroupBox:
        box = QGroupBox(self.tr("Encryption"), self)
        box.setObjectName("encryption")
        column = QVBoxLayout(box)
        self.encryption_state = QLabel(
            self.tr("This data file is encrypted with a passphrase.")
            if encrypted
            else self.tr(
                "This data file is not encrypted. Encrypted, it opens only with its "
                "passphrase; its backups are encrypted too."
            ),
            box,
        )
        self.encryption_state.setWordWrap(True)
        column.addWidget(self.encryption_state)
        row = QHBoxLayout()
        if encrypted:
            self.decrypt_button = QPushButton(self.tr("&Decrypt…"), box)
            self.decrypt_button.setObjectName("decrypt")
            self.decrypt_button.clicked.connect(self.decrypt_store)
            row.addWidget(self.decrypt_button)
            self.change_button = QPushButton(self.tr("Change &passphrase…"), box)
            self.change_button.setObjectName("changePassphrase")
            self.change_button.clicked.connect(self.change_passphrase)
            row.addWidget(self.change_button)
        else:
            self.encrypt_button = QPushButton(self.tr("&Encrypt this store…"), box)
            self.encrypt_button.setObjectName("encrypt")
            self.encrypt_button.clicked.connect(self.encrypt_store)
            row.addWidget(self.encrypt_button)
        row.addStretch(1)
        column.addLayout(row)
        return box

    def _run(self, action: Any, done: str) -> None:
        from crm_desktop.errors import CrmError

        try:
            action()
        except CrmError as exc:
            from crm_desktop.ui.errors import show_error

            show_error(self, exc, title=self.tr("Encryption"))
            return
        QMessageBox.information(self, self.tr("Encryption"), done)
        self.encryption_done = True
        self.reject()  # the other choices stay as they were
        if self.encryption is not None:
            self.encryption.done()

    def encrypt_store(self) -> None:
        assert self.encryption is not None
        dialog = PassphraseDialog(self, self.tr("Encrypt this store"))
        if not dialog.exec():
            return
        passphrase = dialog.first.text()
        enc = self.encryption
        self._run(
            lambda: enc.encrypt(passphrase),
            self.tr(
                "The data file is encrypted. Keep the passphrase safe: without it the data "
                "cannot be opened. Older backups are not encrypted; delete them if they must "
                "not be read. CRM Desktop closes now; start it again and give the passphrase."
            ),
        )

    def decrypt_store(self) -> None:
        assert self.encryption is not None
        dialog = PassphraseDialog(self, self.tr("Decrypt"), new=False)
        if not dialog.exec():
            return
        passphrase = dialog.first.text()
        enc = self.encryption
        self._run(
            lambda: enc.decrypt(passphrase),
            self.tr("The data file is no longer encrypted. CRM Desktop closes now."),
        )

    def change_passphrase(self) -> None:
        assert self.encryption is not None
        dialog = PassphraseDialog(self, self.tr("Change passphrase"), old=True)
        if not dialog.exec():
            return
        assert dialog.old is not None
        old, new = dialog.old.text(), dialog.first.text()
        enc = self.encryption
        self._run(
            lambda: enc.change(old, new),
            self.tr("The passphrase is changed. CRM Desktop closes now; start it again."),
        )

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
        zone = valid_zone_name(self.zone.currentText().strip())
        if zone is not None and zone != self.local_zone.name:  # unknown names change nothing
            self.settings.time_zone = zone
            self.local_zone.set(zone)  # the times shown follow at once
        self.settings.set_backup_counts(
            self.daily.value(), self.weekly.value(), self.monthly.value()
        )
        self.settings.keep_in_tray = self.keep_in_tray.isChecked()
        wanted = self.start_with_system.isChecked()
        if wanted != self.autostart.enabled():  # the file only when the choice changed
            try:
                self.autostart.set(wanted)
            except OSError as exc:
                from crm_desktop.ui.errors import show_error

                show_error(self, exc, title=self.tr("Start with the system"))
        self.settings.sync()
        return changed

    def accept(self) -> None:
        self.restart_needed = self.apply()
        super().accept()
