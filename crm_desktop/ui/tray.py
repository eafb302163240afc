"""Reminders outside the window: a desktop message, the tray-resident mode, autostart.

- :class:`TrayNotifier` shows a desktop notification (``QSystemTrayIcon.showMessage``)
  for a reminder while the window is not the active one; an active window has the
  banner, which is enough. Without a system tray (offscreen, some desktops) nothing
  happens and nothing fails.
- :func:`keep_in_tray` decides whether closing the window only hides it (the setting
  "Keep running in the tray for reminders" is on and there is a tray to come back from).
- :class:`Autostart` writes the "Start with the system" entry when the user ticks it and
  removes it when unticked: an XDG ``.desktop`` file in ``~/.config/autostart`` on Linux,
  a LaunchAgent plist in ``~/Library/LaunchAgents`` on macOS, and a ``.cmd`` in the
  Startup folder of the Start menu on Windows.
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path
from xml.sax.saxutils import escape

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon

from crm_desktop import APP_NAME

AUTOSTART_ID = "crm-desktop"


def should_notify_desktop(window_active: bool, tray_available: bool) -> bool:
    """A desktop message goes out only when the window is not in front and there is a tray."""
    return tray_available and not window_active


def keep_in_tray(setting: bool, tray_available: bool) -> bool:
    """Closing the window hides it (reminders keep ringing) only with a tray to return from."""
    return setting and tray_available


class TrayNotifier(QObject):
    """The tray icon and its desktop messages, where the desktop has a system tray."""

    def __init__(
        self,
        parent: QObject | None = None,
        icon: QIcon | None = None,
        *,
        available: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self.available = QSystemTrayIcon.isSystemTrayAvailable() if available is None else available
        self.tray: QSystemTrayIcon | None = None
        self.sent = 0
        #: (title, text) of every message shown (or that would have been, see notify)
        self.messages: list[tuple[str, str]] = []
        if self.available:
            self.tray = QSystemTrayIcon(icon or QIcon(), self)
            self.tray.setToolTip(self.tr("CRM Desktop reminders"))
            self.tray.show()

    def notify(self, title: str, text: str) -> bool:
        """Show a desktop message; False (and nothing happens) without a tray."""
        if self.tray is None:
            return False
        self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15_000)
        self.sent += 1
        self.messages.append((title, text))
        return True

    def notify_unless_active(self, window_active: bool, title: str, text: str) -> bool:
        """The message only when the window is not the active one (the banner shows it)."""
        if not should_notify_desktop(window_active, self.tray is not None):
            return False
        return self.notify(title, text)


# ---------------------------------------------------------------- autostart


def launch_command() -> list[str]:
    """The command that starts this program again (the frozen executable, or python -m)."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "crm_desktop"]


class Autostart:
    """The "Start with the system" entry for ``platform`` under ``home``."""

    def __init__(
        self,
        home: Path | None = None,
        platform: str | None = None,
        command: list[str] | None = None,
    ) -> None:
        self.home = home or Path.home()
        self.platform = platform or sys.platform
        self.command = command or launch_command()

    @property
    def path(self) -> Path:
        if self.platform.startswith("win"):
            appdata = Path(os.environ.get("APPDATA", "")) if home_is_real(self.home) else None
            base = appdata or self.home / "AppData" / "Roaming"
            return (
                base
                / "Microsoft"
                / "Windows"
                / "Start Menu"
                / "Programs"
                / "Startup"
                / f"{APP_NAME}.cmd"
            )
        if self.platform == "darwin":
            return self.home / "Library" / "LaunchAgents" / f"de.{AUTOSTART_ID}.plist"
        return self.home / ".config" / "autostart" / f"{AUTOSTART_ID}.desktop"

    def enabled(self) -> bool:
        return self.path.is_file()

    def content(self) -> str:
        if self.platform.startswith("win"):
            quoted = " ".join(f'"{part}"' for part in self.command)
            return f'@echo off\r\nstart "" {quoted}\r\n'
        if self.platform == "darwin":
            args = "".join(f"    <string>{escape(part)}</string>\n" for part in self.command)
            return (
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN"'
                ' "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
                '<plist version="1.0">\n<dict>\n'
                f"  <key>Label</key>\n  <string>de.{AUTOSTART_ID}</string>\n"
                f"  <key>ProgramArguments</key>\n  <array>\n{args}  </array>\n"
                "  <key>RunAtLoad</key>\n  <true/>\n</dict>\n</plist>\n"
            )
        return (
            "[Desktop Entry]\n"
            "Type=Application\n"
            f"Name={APP_NAME}\n"
            f"Exec={shlex.join(self.command)}\n"
            "X-GNOME-Autostart-enabled=true\n"
            "Terminal=false\n"
        )

    def set(self, enabled: bool) -> None:
        """Write the entry (ticked) or remove it (unticked); an OSError goes to the caller."""
        path = self.path
        if enabled:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(self.content(), encoding="utf-8", newline="")
        elif path.exists():
            path.unlink()


def home_is_real(home: Path) -> bool:
    """True when ``home`` is the user's real home (then %APPDATA% is where Windows looks)."""
    try:
        return home.resolve() == Path.home().resolve() and bool(os.environ.get("APPDATA"))
    except OSError:
        return False
