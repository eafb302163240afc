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

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QSize, Qt, QTime, Signal
from PySide6.QtGui import QPalette
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
    QScrollArea,
    QSizePolicy,
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
from crm_desktop.ui.forms.guards import select_section_on_click
from crm_desktop.ui.tray import TrayNotifier

log = logging.getLogger("crm_desktop.ui.notice")

#: the list the banner opens scrolls beyond this height
PANEL_MAX_HEIGHT = 320

__all__ = ["ReminderNotice", "TrayNotifier", "attach_notice", "desktop_text", "entry_text"]


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


def desktop_text(entry: fus.AgendaEntry, now: dt.datetime, zone: ZoneInfo | None = None) -> str:
    """The desktop message: "Max Müller (Müller GmbH) expects your call at 14:00" for a
    call with someone; otherwise the line the banner's list shows."""
    who = who_text(entry)
    if entry.type == "followup" and entry.kind == ActivityKind.CALL and who:
        return QCoreApplication.translate("Reminders", "{who} expects your call at {time}").format(
            who=who, time=local_time_text(entry.at, now, zone)
        )
    return entry_text(entry, now, zone)


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
        select_section_on_click(self.edit)
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
    """One line above the panes: "3 follow-ups due, 12 overdue — Show · Close".

    Show opens the list (a panel under the line, scrolling when long); an item leaves
    it only when acted on. Close puts the line away until something new comes due
    (:meth:`add_entries` with an item not shown yet brings it back).
    """

    doneRequested = Signal(object)  # AgendaEntry (already marked done): log the call
    personActivated = Signal(int)
    changed = Signal(object)  # the Changes of a follow-up done, snoozed, rescheduled
    emptied = Signal()
    closed = Signal()  # the user put the banner away
    reopened = Signal()  # something new came due after Close: the banner is back

    def __init__(
        self,
        store: Store,
        clock: Clock,
        parent: QWidget | None = None,
        *,
        zone: ZoneInfo | None = None,
        tray: TrayNotifier | None = None,
        window: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.zone = zone or local_zone()
        self.tray = tray
        #: the window whose being active keeps the desktop message back (None: always send)
        self.window_ref = window
        self.rows: dict[tuple[str, int], NoticeRow] = {}
        self.dismissed = False  # Close was pressed; back only for something new
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
            " #noticePanel, #noticeList { background: transparent; }"
        )
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.title = QLabel(self)
        self.title.setObjectName("noticeTitle")
        self.show_button = QToolButton(self)
        self.show_button.setObjectName("noticeShow")
        self.show_button.setCheckable(True)
        self.show_button.setAutoRaise(True)
        self.show_button.toggled.connect(self.set_expanded)
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("noticeClose")
        self.close_button.setAutoRaise(True)
        self.close_button.setText(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Hide the reminders until something new is due"))
        self.close_button.clicked.connect(self.close_banner)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.title, 1)
        header.addWidget(self.show_button)
        header.addWidget(QLabel("·", self))
        header.addWidget(self.close_button)

        self.list_widget = QWidget(self)
        self.list_widget.setObjectName("noticeList")
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(0)
        self.list_layout.addStretch(1)
        self.panel = QScrollArea(self)
        self.panel.setObjectName("noticePanel")
        self.panel.setWidget(self.list_widget)
        self.panel.setWidgetResizable(True)
        self.panel.setFrameShape(QFrame.Shape.NoFrame)
        self.panel.setMaximumHeight(PANEL_MAX_HEIGHT)
        self.panel.viewport().setAutoFillBackground(False)
        self.panel.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.panel)
        self.main_layout = layout
        self._update_title()
        self.setVisible(False)

    def sizeHint(self) -> QSize:
        """One line; with the list open, the list's height too (capped, it scrolls)."""
        hint = super().sizeHint()
        line = max(self.title.sizeHint().height(), self.close_button.sizeHint().height()) + 6
        if not self.expanded:
            return QSize(hint.width(), line)
        inner = self.list_widget.sizeHint().height()
        return QSize(hint.width(), line + min(inner, PANEL_MAX_HEIGHT) + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())

    # ------------------------------------------------------------ banner

    @property
    def expanded(self) -> bool:
        return self.show_button.isChecked()

    def set_expanded(self, expanded: bool) -> None:
        """Open (or close) the list under the line."""
        if self.show_button.isChecked() != expanded:
            self.show_button.setChecked(expanded)  # comes back here through toggled
            return
        self.panel.setVisible(expanded)
        self.show_button.setText(self.tr("Hide") if expanded else self.tr("Show"))
        self.updateGeometry()
        dock = self.parentWidget()
        if isinstance(dock, QDockWidget):
            dock.updateGeometry()

    def close_banner(self) -> None:
        """Close: the line goes away; the items stay, and something new brings it back."""
        self.dismissed = True
        self.set_expanded(False)
        self.setVisible(False)
        self.closed.emit()

    def counts(self) -> tuple[int, int]:
        """(due, overdue) among the items shown: overdue = due more than a minute ago
        on an earlier day or earlier today; an appointment counts as due."""
        now = self.clock.now()
        today = now.astimezone(self.zone).date()
        due = overdue = 0
        for row in self.rows.values():
            entry = row.entry
            late = entry.type == "followup" and entry.at.astimezone(self.zone).date() < today
            if late:
                overdue += 1
            else:
                due += 1
        return due, overdue

    def summary_text(self) -> str:
        """ "3 follow-ups due, 12 overdue" (only the parts that are not zero)."""
        due, overdue = self.counts()
        parts = []
        if due:
            parts.append(
                self.tr("1 follow-up due") if due == 1 else self.tr("%n follow-ups due", "", due)
            )
        if overdue:
            if not due:
                parts.append(
                    self.tr("1 follow-up overdue")
                    if overdue == 1
                    else self.tr("%n follow-ups overdue", "", overdue)
                )
            else:
                parts.append(self.tr("%n overdue", "", overdue))
        return ", ".join(parts) if parts else self.tr("No reminders")

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

    def _window_active(self) -> bool:
        window = self.window_ref
        return window is not None and window.isVisible() and window.isActiveWindow()

    def add_entries(self, entries: list[fus.AgendaEntry]) -> None:
        """Show new reminders (an item already shown is replaced, never doubled). The
        banner comes back after Close only for an item not shown before."""
        now = self.clock.now()
        new = False
        for entry in entries:
            old = self.rows.pop(entry.key, None)
            if old is not None:
                self.list_layout.removeWidget(old)
                old.deleteLater()
            else:
                new = True
            row = NoticeRow(self, entry)
            self.list_layout.insertWidget(self.list_layout.count() - 1, row)
            self.rows[entry.key] = row
            if self.tray is not None:
                self.tray.notify_unless_active(
                    self._window_active(), self.tr("Reminder"), desktop_text(entry, now, self.zone)
                )
        self._update_title()
        self.updateGeometry()
        if self.rows and (new or not self.dismissed):
            was_dismissed = self.dismissed
            self.dismissed = False
            self.setVisible(True)
            self.raise_()
            if was_dismissed:
                self.reopened.emit()

    def _update_title(self) -> None:
        self.title.setText("<b>" + self.summary_text() + "</b>")
        self.show_button.setText(self.tr("Hide") if self.expanded else self.tr("Show"))

    def _remove(self, key: tuple[str, int]) -> fus.AgendaEntry | None:
        row = self.rows.pop(key, None)
        if row is None:
            return None
        self.list_layout.removeWidget(row)
        row.hide()
        row.deleteLater()
        self._update_title()
        self.updateGeometry()
        if not self.rows:
            self.set_expanded(False)
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

    tray = getattr(window, "tray", None)
    if not isinstance(tray, TrayNotifier):
        tray = TrayNotifier(window, app_icon())
    notice = ReminderNotice(ticker.store, ticker.clock, window, tray=tray, window=window)
    dock = QDockWidget(QCoreApplication.translate("Reminders", "Reminders"), window)
    dock.setObjectName("reminderDock")
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
    dock.setWidget(notice)
    dock.setTitleBarWidget(QWidget(dock))  # the notice has its own title
    window.addDockWidget(Qt.DockWidgetArea.TopDockWidgetArea, dock)
    dock.hide()

    def show(entries: list[fus.AgendaEntry]) -> None:
        notice.add_entries(entries)
        if not notice.isHidden():  # after Close only something new brings it back
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
    notice.closed.connect(dock.hide)
    return notice
