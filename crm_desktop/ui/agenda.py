"""The agenda: overdue and upcoming follow-ups and appointments, today or this week.

:class:`AgendaWidget` lives in the main window ("Today") and inside
:class:`AgendaDialog`, the agenda shown at start. Each line shows time, person,
company, phone (a ``tel:`` link: click to dial with the system's phone program),
note and the last activity with that person; follow-ups have Done and Snooze.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import SIGNAL, QModelIndex, QObject, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDesktopServices,
    QFont,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, local_zone
from crm_desktop.data.store import Store
from crm_desktop.errors import CrmError
from crm_desktop.services import followups as fus
from crm_desktop.services.changes import Changes
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.errors import error_label_text, show_error
from crm_desktop.ui.format import format_date, format_phone, format_time, relative_day
from crm_desktop.ui.icons import kind_icon
from crm_desktop.ui.notice import kind_verb, note_text
from crm_desktop.ui.reminders import as_clock

log = logging.getLogger("crm_desktop.ui.agenda")

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
TEL_ROLE = Qt.ItemDataRole.UserRole + 2

COL_TIME, COL_PERSON, COL_COMPANY, COL_PHONE, COL_NOTE, COL_LAST, COL_ACTIONS = range(7)
OVERDUE_COLOR = QColor("#b3261e")


class AgendaWidget(QWidget):
    """Today's (or this week's) follow-ups and appointments, overdue ones first."""

    personActivated = Signal(int)
    companyActivated = Signal(int)
    phoneActivated = Signal(str)  # the tel: URL opened
    doneRequested = Signal(object)  # AgendaEntry marked done: the window may log the call
    appointmentActivated = Signal(int)  # an appointment double-clicked (or Enter): edit it
    changed = Signal(object)  # the Changes of a done/snoozed follow-up

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
        owner: str | None = None,
        zone: ZoneInfo | None = None,
        week: bool = False,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = as_clock(clock)
        self.owner = owner if owner is not None else store.reminder_owner
        self.zone = zone or local_zone()
        self.entries: dict[tuple[str, int], fus.AgendaEntry] = {}
        self._pending_appointment: int | None = None
        self.setObjectName("agenda")

        self.heading = QLabel(self)
        self.heading.setObjectName("agendaHeading")
        self.today_button = QToolButton(self)
        self.today_button.setText(self.tr("Today"))
        self.week_button = QToolButton(self)
        self.week_button.setText(self.tr("This week"))
        self.mode = QButtonGroup(self)
        for i, button in enumerate((self.today_button, self.week_button)):
            button.setCheckable(True)
            button.setAutoRaise(False)
            self.mode.addButton(button, i)
        (self.week_button if week else self.today_button).setChecked(True)
        self.mode.idClicked.connect(lambda _id: self.refresh())
        reload_button = QToolButton(self)
        reload_button.setText(self.tr("Refresh"))
        reload_button.clicked.connect(self.refresh)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.today_button)
        top.addWidget(self.week_button)
        top.addSpacing(12)
        top.addWidget(reload_button)

        self.model = QStandardItemModel(0, 7, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Person"),
                self.tr("Company"),
                self.tr("Phone"),
                self.tr("Note"),
                self.tr("Last activity"),
                "",
            ]
        )
        self.view = QTreeView(self)
        self.view.setObjectName("agendaView")
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setItemsExpandable(False)
        self.view.setMouseTracking(True)
        header = self.view.header()
        header.setStretchLastSection(False)
        for col, mode in (
            (COL_TIME, QHeaderView.ResizeMode.ResizeToContents),
            (COL_PERSON, QHeaderView.ResizeMode.ResizeToContents),
            (COL_COMPANY, QHeaderView.ResizeMode.ResizeToContents),
            (COL_PHONE, QHeaderView.ResizeMode.ResizeToContents),
            (COL_NOTE, QHeaderView.ResizeMode.Stretch),
            (COL_LAST, QHeaderView.ResizeMode.Stretch),
            (COL_ACTIONS, QHeaderView.ResizeMode.ResizeToContents),
        ):
            header.setSectionResizeMode(col, mode)
        self.view.activated.connect(self._activated)
        self.view.doubleClicked.connect(self._activated)
        self.view.clicked.connect(self._clicked)

        self.empty = QLabel(self)
        self.empty.setObjectName("agendaEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setContentsMargins(24, 24, 24, 24)
        # a load error: said as such, not as "nothing due"
        self.error = QLabel(self)
        self.error.setObjectName("agendaError")
        self.error.setWordWrap(True)
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error.setContentsMargins(24, 24, 24, 24)
        self.error.setStyleSheet("color: #b3261e;")
        self.failure: BaseException | None = None  # the last load's error
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.error)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self.refresh()

    # ------------------------------------------------------------ data

    @property
    def week(self) -> bool:
        return self.week_button.isChecked()

    def set_week(self, week: bool) -> None:
        (self.week_button if week else self.today_button).setChecked(True)
        self.refresh()

    def load(self) -> list[fus.AgendaEntry]:
        now = self.clock.now()
        today = now.astimezone(self.zone).date()
        last = today + dt.timedelta(days=6 if self.week else 0)
        return ops.read(
            self.store, lambda s: fus.agenda(s, today, last, self.owner, zone=self.zone, now=now)
        )

    def apply_changes(self, changes: Changes) -> None:
        """Follow-ups and appointments, and the names they show.
        Hidden, it loads when it is shown next."""
        if self.isVisible() and changes.touches(
            "followups", "activities", "appointments", "people", "companies"
        ):
            self.refresh()

    def refresh(self) -> None:
        try:
            entries = self.load()
        except Exception as exc:  # shown in place of the list (a bug is logged)
            self.show_failure(exc)
            return
        self.failure = None
        self._fill(entries)

    def show_failure(self, exc: BaseException) -> None:
        if isinstance(exc, CrmError):
            log.warning("agenda could not be loaded: %s (%s)", type(exc).__name__, exc.message)
        self.failure = exc
        self.model.removeRows(0, self.model.rowCount())
        self.entries = {}
        agenda = self.tr("Agenda")
        self.heading.setText(f"<h2 style='margin:0'>{agenda}</h2>")
        self.error.setText(
            self.tr("The agenda could not be loaded: {error}").format(error=error_label_text(exc))
        )
        self.stack.setCurrentWidget(self.error)

    reload = refresh

    def _fill(self, entries: list[fus.AgendaEntry]) -> None:
        now = self.clock.now()
        today = now.astimezone(self.zone).date()
        self.model.removeRows(0, self.model.rowCount())
        self.entries = {e.key: e for e in entries}
        overdue = [e for e in entries if e.overdue]
        groups: list[tuple[str, list[fus.AgendaEntry], bool]] = []
        if overdue:
            groups.append((self.tr("Overdue"), overdue, True))
        by_day: dict[dt.date, list[fus.AgendaEntry]] = {}
        for e in entries:
            if not e.overdue:
                by_day.setdefault(e.at.astimezone(self.zone).date(), []).append(e)
        for day in sorted(by_day):
            label = relative_day(day, today)
            if label != format_date(day):
                label = f"{label}, {format_date(day)}"
            groups.append((label, by_day[day], False))
        for title, items, is_overdue in groups:
            self._add_group(title, items, is_overdue, today)
        self.view.expandAll()
        n_over = len(overdue)
        n_all = len(entries)
        today_text = self.tr("Today")
        head = self.tr("This week") if self.week else f"{today_text} – {format_date(today)}"
        summary = self.tr("%n item(s)", "", n_all)
        if n_over:
            summary += " · " + self.tr("%n overdue", "", n_over)
        self.heading.setText(f"<h2 style='margin:0'>{head}</h2>{summary}")
        if entries:
            self.stack.setCurrentWidget(self.view)
        else:
            self.empty.setText(
                self.tr(
                    "Nothing is due this week. Follow-ups and appointments appear here when "
                    "they come up; plan one from the quick entry line of a contact."
                )
                if self.week
                else self.tr(
                    "Nothing is due today. Follow-ups and appointments appear here when they "
                    "come up; plan one from the quick entry line of a contact."
                )
            )
            self.stack.setCurrentWidget(self.empty)

    def _add_group(
        self, title: str, items: list[fus.AgendaEntry], overdue: bool, today: dt.date
    ) -> None:
        head = QStandardItem(title)
        font = QFont(head.font())
        font.setBold(True)
        head.setFont(font)
        if overdue:
            head.setForeground(QBrush(OVERDUE_COLOR))
        head.setSelectable(False)
        row = [head] + [QStandardItem() for _ in range(6)]
        for item in row[1:]:
            item.setSelectable(False)
        self.model.appendRow(row)
        self.view.setFirstColumnSpanned(self.model.rowCount() - 1, QModelIndex(), True)
        for entry in items:
            cells = self._cells(entry, today)
            head.appendRow(cells)
            index = self.model.indexFromItem(cells[COL_ACTIONS])
            self.view.setIndexWidget(index, self._actions(entry))

    def _cells(self, e: fus.AgendaEntry, today: dt.date) -> list[QStandardItem]:
        local_day = e.at.astimezone(self.zone).date()
        when = format_time(e.at, self.zone)
        if e.type == "appointment" and e.end_at is not None and not e.all_day:
            when = f"{when}–{format_time(e.end_at, self.zone)}"
        if e.all_day:
            when = self.tr("all day")
        if local_day != today and e.overdue:
            when = f"{format_date(local_day)} {when}"
        time_item = QStandardItem(kind_icon(e.kind.value), when)
        time_item.setData(e.key, KEY_ROLE)
        time_item.setToolTip(kind_verb(e.kind))
        person = QStandardItem(e.person)
        company = QStandardItem(e.company)
        phone = QStandardItem(format_phone(e.phone) if e.phone else "")
        if e.phone:
            url = f"tel:{e.phone}"
            phone.setData(url, TEL_ROLE)
            phone.setToolTip(self.tr("Call {number}").format(number=format_phone(e.phone)))
            phone.setForeground(QBrush(self.palette().color(QPalette.ColorRole.Link)))
            link_font = QFont(phone.font())
            link_font.setUnderline(True)
            phone.setFont(link_font)
        note = note_text(e)
        if e.type == "appointment" and e.location:
            note = f"{note} · {e.location}" if note else e.location
        note_item = QStandardItem(note)
        note_item.setToolTip(note)
        last = QStandardItem(e.last_activity)
        last.setToolTip(e.last_activity)
        cells = [time_item, person, company, phone, note_item, last, QStandardItem()]
        for cell in cells:
            cell.setData(e.key, KEY_ROLE)
        if e.overdue:
            for cell in (time_item, note_item):
                cell.setForeground(QBrush(OVERDUE_COLOR))
        return cells

    def _actions(self, entry: fus.AgendaEntry) -> QWidget:
        box = QWidget(self.view)
        layout = QHBoxLayout(box)
        layout.setContentsMargins(2, 0, 2, 0)
        layout.setSpacing(4)
        if entry.type == "followup":
            done = QToolButton(box)
            done.setText(self.tr("Done"))
            done.setObjectName("agendaDone")
            done.clicked.connect(lambda: self.act_done(entry.key))
            snooze = QToolButton(box)
            snooze.setText(self.tr("Snooze"))
            snooze.setObjectName("agendaSnooze")
            snooze.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            menu = QMenu(snooze)
            for preset, label in (
                ("10min", self.tr("10 minutes")),
                ("1h", self.tr("1 hour")),
                ("tomorrow", self.tr("Tomorrow 9:00")),
            ):
                action = menu.addAction(label)
                action.triggered.connect(
                    lambda _checked=False, p=preset: self.act_snooze(entry.key, p)
                )
            snooze.setMenu(menu)
            layout.addWidget(done)
            layout.addWidget(snooze)
        layout.addStretch(1)
        return box

    # ------------------------------------------------------------ rows

    def row_keys(self) -> list[tuple[str, int]]:
        """The entries in display order (for tests and keyboard handling)."""
        keys = []
        for g in range(self.model.rowCount()):
            group = self.model.item(g, 0)
            for r in range(group.rowCount()):
                keys.append(group.child(r, 0).data(KEY_ROLE))
        return keys

    def group_titles(self) -> list[str]:
        return [self.model.item(g, 0).text() for g in range(self.model.rowCount())]

    def index_of(self, key: tuple[str, int], column: int = 0) -> QModelIndex:
        for g in range(self.model.rowCount()):
            group = self.model.item(g, 0)
            for r in range(group.rowCount()):
                if group.child(r, 0).data(KEY_ROLE) == key:
                    return self.model.indexFromItem(group.child(r, column))
        return QModelIndex()

    def _entry_at(self, index: QModelIndex) -> fus.AgendaEntry | None:
        key = index.data(KEY_ROLE)
        if key is None:
            return None
        return self.entries.get(tuple(key))  # type: ignore[arg-type]

    def _activated(self, index: QModelIndex) -> None:
        entry = self._entry_at(index)
        if entry is None:
            return
        if entry.type == "appointment" and self.receivers(SIGNAL("appointmentActivated(int)")):
            # a double-click sends doubleClicked and activated: open the appointment once
            if self._pending_appointment is None:
                self._pending_appointment = entry.id
                QTimer.singleShot(0, self._emit_appointment)
            return
        if entry.person_id is not None:
            self.personActivated.emit(entry.person_id)
        elif entry.company_id is not None:
            self.companyActivated.emit(entry.company_id)

    def _emit_appointment(self) -> None:
        appointment_id, self._pending_appointment = self._pending_appointment, None
        if appointment_id is not None:
            self.appointmentActivated.emit(appointment_id)

    def _clicked(self, index: QModelIndex) -> None:
        url = index.data(TEL_ROLE)
        if index.column() == COL_PHONE and url:
            self.dial(str(url))

    def dial(self, url: str) -> None:
        self.phoneActivated.emit(url)
        QDesktopServices.openUrl(QUrl(url))

    # ------------------------------------------------------------ actions

    def _run(self, work: Callable[[Session], object], changes: Changes) -> bool:
        """One write; after the commit ``changes`` goes out on :attr:`changed`."""
        try:
            ops.write(self.store, work, sender=self, changes=changes)
        except CrmError as exc:
            show_error(self, exc, title=self.tr("Agenda"))
            return False
        return True

    def act_done(self, key: tuple[str, int]) -> bool:
        entry = self.entries.get(key)
        if entry is None or entry.type != "followup":
            return False
        if not self._run(
            lambda s: fus.complete(s, entry.id, self.clock),
            Changes.of("followup", entry.id, structure=True),
        ):
            return False
        self.refresh()
        self.doneRequested.emit(entry)
        return True

    def act_snooze(self, key: tuple[str, int], preset: str) -> bool:
        entry = self.entries.get(key)
        if entry is None or entry.type != "followup":
            return False
        until = fus.snooze_target(preset, self.clock.now(), self.zone)
        if not self._run(
            lambda s: fus.postpone(s, entry.id, until, self.clock), Changes.of("followup", entry.id)
        ):
            return False
        self.refresh()
        return True

    def sizeHint(self) -> QSize:
        return QSize(1000, 480)


class AgendaDialog(QDialog):
    """The agenda as a dialog, e.g. at program start."""

    personActivated = Signal(int)
    companyActivated = Signal(int)
    changed = Signal(object)  # the Changes of a done/snoozed follow-up

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
        owner: str | None = None,
        zone: ZoneInfo | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your agenda"))
        self.agenda = AgendaWidget(store, self, clock=clock, owner=owner, zone=zone)
        self.agenda.personActivated.connect(self._open_person)
        self.agenda.companyActivated.connect(self._open_company)
        self.agenda.changed.connect(self.changed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        if isinstance(close, QPushButton):
            close.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.agenda, 1)
        layout.addWidget(buttons)
        self.resize(1000, 520)

    def has_entries(self) -> bool:
        return bool(self.agenda.entries)

    def _open_person(self, person_id: int) -> None:
        self.personActivated.emit(person_id)
        self.accept()

    def _open_company(self, company_id: int) -> None:
        self.companyActivated.emit(company_id)
        self.accept()


def show_startup_agenda(
    store: Store, parent: QObject | None = None, *, clock: Clock | None = None
) -> AgendaDialog | None:
    """Open the agenda dialog when something is due today; None when nothing is."""
    dialog = AgendaDialog(store, parent if isinstance(parent, QWidget) else None, clock=clock)
    if not dialog.has_entries():
        dialog.deleteLater()
        return None
    opener = getattr(parent, "open_record", None)
    if callable(opener):
        dialog.personActivated.connect(lambda pid: opener("person", pid))
        dialog.companyActivated.connect(lambda cid: opener("company", cid))
    dialog.show()
    return dialog
