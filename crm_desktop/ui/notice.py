"""The reminder notice: stays in the window until each item is acted on.

Each line reads like "14:00 call Max Müller (Müller GmbH): Angebot 2026-17" (local
time, the date too when it is not today) and offers Done, Snooze (10 minutes,
1 hour, tomorrow 9:00), Reschedule… and Open person. Done closes the follow-up and
asks the window, through :attr:`ReminderNotice.doneRequested`, to open a call entry
prefilled for that person. A tray message goes out as well where the desktop has a
system tray (:class:`TrayNotifier`); elsewhere that part does nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QObject, QSize, Qt, QTime, Signal
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, local_zone
from crm_desktop.data.models import ActivityKind
from crm_desktop.data.store import Store
from crm_desktop.errors import CrmError
from crm_desktop.services import followups as fus
from crm_desktop.services.changes import Changes
from crm_desktop.ui import ops
from crm_desktop.ui.format import datetime_format, format_date, format_time

log = logging.getLogger("crm_desktop.ui.notice")

MAX_VISIBLE = 6


def _tr(text: str) -> str:
    return QCoreApplication.translate("Reminders", text)


def kind_verb(kind: ActivityKind) -> str:
    """The kind as it reads inside a reminder sentence ("call", "visit")."""
    verbs = {
        ActivityKind.CALL: QCoreApplication.translate("Reminders", "call"),
        ActivityKind.MEETING: QCoreApplication.translate("Reminders", "meeting"),
        ActivityKind.EMAIL: QCoreApplication.translate("Reminders", "e-mail"),
        ActivityKind.LETTER: QCoreApplication.translate("Reminders", "letter"),
        ActivityKind.VISIT: QCoreApplication.translate("Reminders", "visit"),
        ActivityKind.COMPLAINT: QCoreApplication.translate("Reminders", "complaint"),
        ActivityKind.SERVICE_CALL: QCoreApplication.translate("Reminders", "service call"),
        ActivityKind.NOTE: QCoreApplication.translate("Reminders", "note"),
    }
    return verbs.get(kind, kind.value)


def local_time_text(moment: dt.datetime, now: dt.datetime, zone: ZoneInfo | None = None) -> str:
    """ "14:00" today; on another day with the date ("20.11.2026 15:00" in German)."""
    zone = zone or local_zone()
    local = moment.astimezone(zone)
    time_text = format_time(moment, zone)
    if local.date() == now.astimezone(zone).date():
        return time_text
    return f"{format_date(local.date())} {time_text}"


def who_text(entry: fus.AgendaEntry) -> str:
    if entry.person and entry.company:
        return f"{entry.person} ({entry.company})"
    return entry.person or entry.company


def note_text(entry: fus.AgendaEntry) -> str:
    if entry.note:
        return entry.note
    if entry.auto_reason == fus.INTERVAL_REASON:
        return QCoreApplication.translate("Reminders", "contact interval reached")
    return ""


def entry_text(entry: fus.AgendaEntry, now: dt.datetime, zone: ZoneInfo | None = None) -> str:
    """ "14:00 call Max Müller (Müller GmbH): Angebot 2026-17" """
    time_text = local_time_text(entry.at, now, zone)
    who = who_text(entry)
    note = note_text(entry)
    if entry.type == "appointment":
        text = QCoreApplication.translate("Reminders", "{time} {title}").format(
            time=time_text, title=entry.note or kind_verb(entry.kind)
        )
        return f"{text} – {who}" if who else text
    if who and note:
        return QCoreApplication.translate("Reminders", "{time} {kind} {who}: {note}").format(
            time=time_text, kind=kind_verb(entry.kind), who=who, note=note
        )
    if who:
        return QCoreApplication.translate("Reminders", "{time} {kind} {who}").format(
            time=time_text, kind=kind_verb(entry.kind), who=who
        )
    return QCoreApplication.translate("Reminders", "{time} {kind}: {note}").format(
        time=time_text, kind=kind_verb(entry.kind), note=note or "—"
    )


# ---------------------------------------------------------------- tray


class TrayNotifier(QObject):
    """A tray message for each reminder, where the desktop has a system tray."""

    def __init__(self, parent: QObject | None = None, icon: QIcon | None = None) -> None:
        super().__init__(parent)
        self.available = QSystemTrayIcon.isSystemTrayAvailable()
        self.tray: QSystemTrayIcon | None = None
        self.sent = 0
        if self.available:
            self.tray = QSystemTrayIcon(icon or QIcon(), self)
            self.tray.setToolTip(self.tr("CRM Desktop reminders"))
            self.tray.show()

    def notify(self, title: str, text: str) -> bool:
        """Show a tray message; False (and nothing happens) without a tray."""
        if self.tray is None:
            return False
        self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15_000)
        self.sent += 1
        return True


# ---------------------------------------------------------------- reschedule dialog


class RescheduleDialog(QDialog):
    def __init__(
        self, current: dt.datetime, zone: ZoneInfo | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.zone = zone or local_zone()
        self.setWindowTitle(self.tr("Reschedule follow-up"))
        local = current.astimezone(self.zone)
        self.edit = QDateTimeEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDateTime(
            QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        )
        self.edit.setDisplayFormat(datetime_format())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("New date and time:"), self))
        layout.addWidget(self.edit)
        layout.addWidget(buttons)

    def value(self) -> dt.datetime:
        """The chosen wall-clock time in the user's zone, as an aware datetime."""
        qdt = self.edit.dateTime()
        d, t = qdt.date(), qdt.time()
        return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=self.zone)


# ---------------------------------------------------------------- the notice


class NoticeRow(QFrame):
    def __init__(self, notice: ReminderNotice, entry: fus.AgendaEntry) -> None:
        super().__init__(notice)
        self.entry = entry
        self.setObjectName("noticeRow")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.label, 1)
        self.buttons: dict[str, QPushButton | QToolButton] = {}
        if entry.type == "followup":
            done = QPushButton(self.tr("Done"), self)
            done.setToolTip(self.tr("Mark as done and log the call"))
            done.clicked.connect(lambda: notice.act_done(entry.key))
            snooze = QToolButton(self)
            snooze.setText(self.tr("Snooze"))
            snooze.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            menu = QMenu(snooze)
            for preset, label in notice.snooze_labels().items():
                action = menu.addAction(label)
                action.setData(preset)
                action.triggered.connect(
                    lambda _checked=False, p=preset: notice.act_snooze(entry.key, p)
                )
            menu.addSeparator()
            cancel = menu.addAction(self.tr("Cancel follow-up"))
            cancel.setData("cancel")
            cancel.triggered.connect(lambda _checked=False: notice.act_cancel(entry.key))
            snooze.setMenu(menu)
            later = QPushButton(self.tr("Reschedule…"), self)
            later.clicked.connect(lambda: notice.ask_reschedule(entry.key))
            self.buttons.update(done=done, snooze=snooze, reschedule=later)
        else:
            ok = QPushButton(self.tr("OK"), self)
            ok.setToolTip(self.tr("Dismiss this reminder"))
            ok.clicked.connect(lambda: notice.dismiss(entry.key))
            self.buttons["dismiss"] = ok
        if entry.person_id is not None:
            person = QPushButton(self.tr("Open person"), self)
            person.clicked.connect(lambda: notice.act_open(entry.key))
            self.buttons["person"] = person
        for button in self.buttons.values():
            layout.addWidget(button)
        self.update_text(notice.clock.now(), notice.zone)

    def update_text(self, now: dt.datetime, zone: ZoneInfo) -> None:
        text = entry_text(self.entry, now, zone)
        self.label.setText(text)
        overdue = self.entry.at < now - dt.timedelta(minutes=1) and self.entry.type == "followup"
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        self.label.setStyleSheet(
            ("color: #ff8a80;" if dark else "color: #b3261e;") if overdue else ""
        )


class ReminderNotice(QFrame):
    """In-app notice listing reminders; an item leaves only when acted on."""

    doneRequested = Signal(object)  # AgendaEntry (already marked done): log the call
    personActivated = Signal(int)
    changed = Signal(object)  # the Changes of a follow-up done, snoozed, rescheduled
    emptied = Signal()

    def __init__(
        self,
        store: Store,
        clock: Clock,
        parent: QWidget | None = None,
        *,
        zone: ZoneInfo | None = None,
        tray: TrayNotifier | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.zone = zone or local_zone()
        self.tray = tray
        self.rows: dict[tuple[str, int], NoticeRow] = {}
        self.setObjectName("reminderNotice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # amber on light systems, a dark amber on dark ones (the text keeps the palette's colour)
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        background, border, line = (
            ("#4a3b12", "#8a6d1f", "#6b5518") if dark else ("#fff8e1", "#f0c36d", "#f3dca2")
        )
        self.setStyleSheet(
            f"#reminderNotice {{ background: {background}; border: 1px solid {border};"
            f" border-radius: 6px; }} #noticeRow {{ border-bottom: 1px solid {line}; }}"
        )
        self.title = QLabel(self)
        self.title.setObjectName("noticeTitle")
        self.list_layout = QVBoxLayout()
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(0)
        self.more = QLabel(self)
        self.more.setObjectName("noticeMore")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title)
        layout.addLayout(self.list_layout)
        layout.addWidget(self.more)
        layout.addStretch(1)
        self.main_layout = layout
        self._update_title()
        self.setVisible(False)

    def sizeHint(self) -> QSize:
        """As tall as the wrapped lines need at the current width (docks ask for this)."""
        hint = super().sizeHint()
        width = self.width() if self.width() > 200 else max(hint.width(), 900)
        height = self.heightForWidth(width)
        return QSize(hint.width(), height) if height > 0 else hint

    # ------------------------------------------------------------ content

    def snooze_labels(self) -> dict[str, str]:
        return {
            "10min": self.tr("10 minutes"),
            "1h": self.tr("1 hour"),
            "tomorrow": self.tr("Tomorrow 9:00"),
        }

    def entries(self) -> list[fus.AgendaEntry]:
        return [row.entry for row in self.rows.values()]

    def row_texts(self) -> list[str]:
        return [row.label.text() for row in self.rows.values()]

    def add_entries(self, entries: list[fus.AgendaEntry]) -> None:
        """Show new reminders (an item already shown is replaced, never doubled)."""
        now = self.clock.now()
        for entry in entries:
            old = self.rows.pop(entry.key, None)
            if old is not None:
                self.list_layout.removeWidget(old)
                old.deleteLater()
            row = NoticeRow(self, entry)
            self.list_layout.addWidget(row)
            self.rows[entry.key] = row
            if self.tray is not None:
                self.tray.notify(self.tr("Reminder"), entry_text(entry, now, self.zone))
        self._update_title()
        self.updateGeometry()
        if self.rows:
            self.setVisible(True)
            self.raise_()

    def _update_title(self) -> None:
        n = len(self.rows)
        self.title.setText("<b>" + self.tr("Reminders (%n)", "", n) + "</b>")
        # the first few stay in view; the rest wait their turn (and are in the agenda)
        for i, row in enumerate(self.rows.values()):
            row.setVisible(i < MAX_VISIBLE)
        hidden = max(0, n - MAX_VISIBLE)
        self.more.setText(self.tr("%n more – see the agenda", "", hidden))
        self.more.setVisible(hidden > 0)

    def _remove(self, key: tuple[str, int]) -> fus.AgendaEntry | None:
        row = self.rows.pop(key, None)
        if row is None:
            return None
        self.list_layout.removeWidget(row)
        row.hide()
        row.deleteLater()
        self._update_title()
        if not self.rows:
            self.setVisible(False)
            self.emptied.emit()
        return row.entry

    def _run(self, work: Any, changes: Changes) -> bool:
        """One write; after the commit ``changes`` goes out on :attr:`changed`."""
        try:
            ops.write(self.store, work, sender=self, changes=changes)
        except CrmError as exc:
            from crm_desktop.ui.errors import show_error

            show_error(self, exc, title=self.tr("Reminder"))
            return False
        return True

    # ------------------------------------------------------------ actions

    def act_done(self, key: tuple[str, int]) -> bool:
        row = self.rows.get(key)
        if row is None or row.entry.type != "followup":
            return False
        if not self._run(
            lambda s: fus.complete(s, row.entry.id, self.clock),
            Changes.of("followup", row.entry.id, structure=True),
        ):
            return False
        entry = self._remove(key)
        self.doneRequested.emit(entry)
        return True

    def act_snooze(self, key: tuple[str, int], preset: str) -> bool:
        row = self.rows.get(key)
        if row is None or row.entry.type != "followup":
            return False
        until = fus.snooze_target(preset, self.clock.now(), self.zone)
        if not self._run(
            lambda s: fus.postpone(s, row.entry.id, until, self.clock),
            Changes.of("followup", row.entry.id),
        ):
            return False
        self._remove(key)
        return True

    def act_cancel(self, key: tuple[str, int]) -> bool:
        """The follow-up is not needed any more (Edit → Undo brings it back)."""
        row = self.rows.get(key)
        if row is None or row.entry.type != "followup":
            return False
        if not self._run(
            lambda s: fus.call_off(s, row.entry.id, self.clock),
            Changes.of("followup", row.entry.id, structure=True),
        ):
            return False
        self._remove(key)
        return True

    def act_reschedule(self, key: tuple[str, int], when: dt.datetime) -> bool:
        row = self.rows.get(key)
        if row is None or row.entry.type != "followup":
            return False
        if not self._run(
            lambda s: fus.move_due(s, row.entry.id, when, self.clock),
            Changes.of("followup", row.entry.id),
        ):
            return False
        self._remove(key)
        return True

    def ask_reschedule(self, key: tuple[str, int]) -> None:
        row = self.rows.get(key)
        if row is None:
            return
        start = max(row.entry.at, self.clock.now()) + dt.timedelta(days=1)
        dialog = RescheduleDialog(start, self.zone, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.act_reschedule(key, dialog.value())

    def act_open(self, key: tuple[str, int]) -> bool:
        row = self.rows.get(key)
        if row is None or row.entry.person_id is None:
            return False
        self.personActivated.emit(row.entry.person_id)
        return True

    def dismiss(self, key: tuple[str, int]) -> bool:
        return self._remove(key) is not None

    def refresh_texts(self) -> None:
        now = self.clock.now()
        for row in self.rows.values():
            row.update_text(now, self.zone)


# ---------------------------------------------------------------- wiring into a window


def attach_notice(window: QMainWindow, ticker: Any) -> ReminderNotice:
    """Put a notice into ``window`` (a dock at the top) and wire it to ``ticker``.

    Done opens the person and the window's call entry (``log_activity``) when the
    window has them; Open person uses ``open_record``; every change re-arms the
    ticker.
    """
    from crm_desktop.ui.icons import app_icon

    tray = TrayNotifier(window, app_icon())
    notice = ReminderNotice(ticker.store, ticker.clock, window, tray=tray)
    dock = QDockWidget(QCoreApplication.translate("Reminders", "Reminders"), window)
    dock.setObjectName("reminderDock")
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
    dock.setWidget(notice)
    dock.setTitleBarWidget(QWidget(dock))  # the notice has its own title
    window.addDockWidget(Qt.DockWidgetArea.TopDockWidgetArea, dock)
    dock.hide()

    def show(entries: list[fus.AgendaEntry]) -> None:
        notice.add_entries(entries)
        dock.show()
        dock.raise_()

    def open_person(person_id: int) -> None:
        opener = getattr(window, "open_record", None)
        if callable(opener):
            opener("person", person_id)

    def done(entry: fus.AgendaEntry) -> None:
        if entry.person_id is not None:
            open_person(entry.person_id)
        log_activity = getattr(window, "log_activity", None)
        if callable(log_activity):
            try:
                log_activity(entry.kind)
            except Exception:  # the window's dialog is not ours to crash
                log.exception("could not open the call entry")

    def changed(changes: Changes) -> None:
        from crm_desktop.ui.ops import ChangeHub

        ticker.refresh()
        hub = getattr(window, "hub", None)  # a window without a store has none yet
        if isinstance(hub, ChangeHub):
            # done, snoozed or moved: Today, the agenda, the timeline follow the record
            hub.publish(changes)

    ticker.due.connect(show)
    notice.personActivated.connect(open_person)
    notice.doneRequested.connect(done)
    notice.changed.connect(changed)
    notice.emptied.connect(dock.hide)
    return notice
