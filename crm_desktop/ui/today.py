"""The Today view (home, shown on start): what is due, who has a birthday, what waits.

Every line opens its record (double-click or Enter); follow-ups can be marked done
or snoozed right there.
"""

from __future__ import annotations

import datetime as dt
import logging
from functools import partial

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, SystemClock, local_zone
from crm_desktop.data.store import Store
from crm_desktop.errors import CrmError
from crm_desktop.services import followups
from crm_desktop.services.changes import Changes
from crm_desktop.services.today import Today, today_overview
from crm_desktop.ui import format as fmt
from crm_desktop.ui import ops
from crm_desktop.ui.errors import error_label_text, show_error
from crm_desktop.ui.tasks import Progress, runner

log = logging.getLogger("crm_desktop.ui.today")


def kind_label(kind: object) -> str:
    label = optional_label(kind)
    return label if label else str(getattr(kind, "value", kind))


def phone_text(number: str | None) -> str:
    if not number:
        return ""
    from crm_desktop.services.validation import format_phone

    return format_phone(number)


CONTENTS_PRECISION = 100  # rows measured for the column widths

DueRow = tuple[list[str], tuple[str, int, int | None, int | None], bool]


def due_rows(data: Today, zone: dt.tzinfo, texts: dict[str, str]) -> list[DueRow]:
    """The follow-up list's rows: texts, the row's key, overdue. No widgets: runs in the
    loader thread."""
    rows: list[DueRow] = []
    for entry in data.followups:
        # the time today, day and month this year, else (overdue since an earlier
        # year) the full date
        when = fmt.format_moment_short(entry.at, data.day, zone)
        what = kind_label(entry.kind)
        if entry.note:
            what = f"{what}: {entry.note}"
        elif entry.auto_reason == "interval":
            what = texts["interval"].format(kind=what)
        rows.append(
            (
                [when, what, entry.person, entry.company, phone_text(entry.phone)],
                ("followup", entry.id, entry.person_id, entry.company_id),
                entry.overdue,
            )
        )
    return rows


def optional_label(kind: object) -> str | None:
    from crm_desktop.ui.i18n import enum_label

    return str(enum_label(kind))  # type: ignore[arg-type]


ROLE = Qt.ItemDataRole.UserRole


class Section(QFrame):
    """A titled list with an explanation when it is empty."""

    def __init__(
        self, title: str, headers: list[str], empty_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        self._title_text = title
        layout.addWidget(self.title)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(headers)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setStretchLastSection(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # column widths from the first rows only: measuring thousands of overdue follow-ups
        # took a third of a second on the GUI thread
        self.tree.header().setResizeContentsPrecision(CONTENTS_PRECISION)
        self.tree.setMinimumHeight(140)
        layout.addWidget(self.tree, 1)
        self.empty = QLabel(empty_text)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(mid); padding: 12px;")
        layout.addWidget(self.empty)

    def set_loading(self) -> None:
        """Neither rows nor the "nothing here" text while the first load runs."""
        self.title.setText(self._title_text)
        self.tree.setVisible(False)
        self.empty.setVisible(False)

    def set_count(self, n: int) -> None:
        self.title.setText(f"{self._title_text} ({n})" if n else self._title_text)
        self.tree.setVisible(n > 0)
        self.empty.setVisible(n == 0)


class TodayView(QWidget):
    personActivated = Signal(int)
    companyActivated = Signal(int)
    ticketActivated = Signal(str)
    opportunityActivated = Signal(int)
    changed = Signal(object)  # the Changes of a done or snoozed follow-up

    def __init__(
        self, store: Store, clock: Clock | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock or SystemClock()
        self.data: Today | None = None
        outer = QVBoxLayout(self)
        head = QHBoxLayout()
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.heading.setFont(font)
        head.addWidget(self.heading)
        head.addStretch(1)
        # shown while the page shows a load error instead of its content
        self.retry_button = QPushButton(self.tr("Try again"))
        self.retry_button.setObjectName("todayRetry")
        self.retry_button.clicked.connect(self.refresh_async)
        self.retry_button.setVisible(False)
        head.addWidget(self.retry_button)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        head.addWidget(refresh)
        outer.addLayout(head)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        outer.addWidget(self.summary)
        self.failure: BaseException | None = None  # the last load's error, None when it worked
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setSpacing(10)
        scroll.setWidget(inner)
        outer.addWidget(scroll, 1)
        self.due = Section(
            self.tr("Follow-ups due today and overdue"),
            [
                self.tr("When"),
                self.tr("What"),
                self.tr("Person"),
                self.tr("Company"),
                self.tr("Phone"),
            ],
            self.tr("Nothing is due today. Follow-ups you schedule with an activity appear here."),
        )
        self.appointments = Section(
            self.tr("Appointments today"),
            [self.tr("Time"), self.tr("Title"), self.tr("With"), self.tr("Where")],
            self.tr("No appointments today."),
        )
        self.occasions = Section(
            self.tr("Birthdays and anniversaries this week"),
            [self.tr("Day"), self.tr("Occasion"), self.tr("Name"), self.tr("Company")],
            self.tr("No birthdays or customer anniversaries in the next seven days."),
        )
        self.contacts = Section(
            self.tr("Overdue for contact"),
            [self.tr("Person"), self.tr("Company"), self.tr("Every"), self.tr("Last contact")],
            self.tr("Everyone with a contact interval has been contacted in time."),
        )
        self.tickets = Section(
            self.tr("Open tickets by age"),
            [
                self.tr("Ticket"),
                self.tr("Title"),
                self.tr("Age"),
                self.tr("Status"),
                self.tr("Customer"),
            ],
            self.tr("No open tickets."),
        )
        self.closing = Section(
            self.tr("Opportunities closing this month"),
            [
                self.tr("Opportunity"),
                self.tr("Company"),
                self.tr("Value"),
                self.tr("Probability"),
                self.tr("Expected"),
            ],
            self.tr("No opportunity is expected to close this month."),
        )
        self.sections = (
            self.due,
            self.appointments,
            self.occasions,
            self.contacts,
            self.tickets,
            self.closing,
        )
        # one column: the centre pane is narrow beside the tree and the timeline
        for row, section in enumerate(self.sections):
            grid.addWidget(section, row, 0)
            section.tree.itemActivated.connect(self._activate)
        # long texts are elided, so that who and the phone number stay in view
        for section, column, width in ((self.due, 1, 290), (self.appointments, 1, 330)):
            section.tree.header().setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            section.tree.setColumnWidth(column, width)
        # Done / Snooze act on the selected follow-up (one bar, not a widget per row: the
        # list may hold hundreds of overdue items)
        bar = QHBoxLayout()
        done_button = QPushButton(self.tr("Done"))
        done_button.setToolTip(self.tr("Mark the selected follow-up as done (Ctrl+D)"))
        done_button.clicked.connect(self._done_current)
        snooze_button = QToolButton()
        snooze_button.setText(self.tr("Snooze"))
        snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        snooze_menu = QMenu(snooze_button)
        for label, preset in (
            (self.tr("10 minutes"), "10min"),
            (self.tr("1 hour"), "1h"),
            (self.tr("Tomorrow 9:00"), "tomorrow"),
        ):
            snooze_menu.addAction(label, partial(self._snooze_current, preset))
        snooze_button.setMenu(snooze_menu)
        bar.addWidget(done_button)
        bar.addWidget(snooze_button)
        self.followup_buttons = (done_button, snooze_button)  # hidden in the error state
        bar.addStretch(1)
        due_layout = self.due.layout()
        assert isinstance(due_layout, QVBoxLayout)
        due_layout.insertLayout(2, bar)
        self.due.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.due.tree.customContextMenuRequested.connect(self._due_menu)
        done_shortcut = QShortcut(QKeySequence("Ctrl+D"), self.due.tree)
        done_shortcut.activated.connect(self._done_current)

    # -- loading
    loaded = Signal(object)

    def refresh_async(self) -> None:
        """Load off the GUI thread (at start-up the window paints first, then fills)."""
        self.summary.setText(self.tr("Loading…"))
        if self.data is None:  # first load: no empty-state texts before the data is there
            for section in self.sections:
                section.set_loading()

        texts = self._due_texts()
        store, clock = self.store, self.clock

        def work(_progress: Progress) -> tuple[Today, list[DueRow]]:
            data = ops.read(store, lambda s: today_overview(s, clock, store.reminder_owner))
            # the rows' texts too (phone numbers formatted, dates): thousands of
            # overdue follow-ups took most of a second on the GUI thread
            return data, due_rows(data, local_zone(), texts)

        # a page closed while it loads gets no answer; a failure is the error state
        runner().submit(
            work, receiver=self, on_done=self._fill_loaded, on_error=self._load_failed, name="today"
        )

    def _due_texts(self) -> dict[str, str]:
        return {"interval": self.tr("{kind}: contact interval reached")}

    def _fill_loaded(self, loaded: tuple[Today, list[DueRow]]) -> None:
        self.data, rows = loaded
        self._fill(self.data, rows)
        self.loaded.emit(loaded)

    def _load_failed(self, exc: BaseException) -> None:
        self.show_failure(exc)
        self.loaded.emit(exc)

    def apply_changes(self, changes: Changes) -> None:
        """What is due, who waits: follow-ups, activities, the records they name.
        Hidden, it loads when it is shown next."""
        if self.isVisible() and changes.touches(
            "activities",
            "followups",
            "people",
            "companies",
            "tickets",
            "opportunities",
            "appointments",
        ):
            self.refresh_async()

    def refresh(self) -> None:
        try:
            data = ops.read(
                self.store, lambda s: today_overview(s, self.clock, self.store.reminder_owner)
            )
        except Exception as exc:  # the page says so (a bug is logged), not a blank page
            self.show_failure(exc)
            return
        self.data = data
        self._fill(self.data)

    def show_failure(self, exc: BaseException) -> None:
        """The error state: what went wrong in place of the sections, and a retry."""
        if isinstance(exc, CrmError):
            log.warning("today could not be loaded: %s (%s)", type(exc).__name__, exc.message)
        self.failure = exc
        self.summary.setText(
            self.tr("Today could not be loaded: {error}").format(error=error_label_text(exc))
        )
        self.summary.setProperty("error", True)
        self.summary.setStyleSheet("color: #b3261e;")
        for section in self.sections:
            section.set_loading()  # no stale rows, no "nothing due"
        for button in self.followup_buttons:  # nothing to mark done or snooze
            button.setVisible(False)
        self.retry_button.setVisible(True)

    def _days(self, n: int) -> str:
        return self.tr("1 day") if n == 1 else self.tr("%n days", "", n)

    def _fill(self, data: Today, rows: list[DueRow] | None = None) -> None:
        if self.failure is not None:  # loaded again: the error state ends
            self.failure = None
            self.summary.setProperty("error", False)
            self.summary.setStyleSheet("")
            self.retry_button.setVisible(False)
            for button in self.followup_buttons:
                button.setVisible(True)
        zone = local_zone()
        day = data.day
        self.heading.setText(
            self.tr("Today, {weekday} {date}").format(
                weekday=fmt.weekday_name(day),
                date=fmt.format_date(day),
            )
        )
        overdue = sum(1 for f in data.followups if f.overdue)
        self.summary.setText(
            self.tr(
                "Follow-ups: {due} (overdue: {overdue}) · Appointments: {appts} · Open tickets: {tickets}"
            ).format(
                due=len(data.followups),
                overdue=overdue,
                appts=len(data.appointments),
                tickets=len(data.open_tickets),
            )
        )
        # follow-ups
        tree = self.due.tree
        tree.setUpdatesEnabled(False)
        tree.clear()
        if rows is None:
            rows = due_rows(data, zone, self._due_texts())
        overdue_tip = self.tr("Overdue")
        items: list[QTreeWidgetItem] = []
        for texts, key, is_overdue in rows:
            item = QTreeWidgetItem(texts)
            item.setData(0, ROLE, key)
            if is_overdue:
                for col in range(5):
                    item.setForeground(col, Qt.GlobalColor.darkRed)
                item.setToolTip(0, overdue_tip)
            items.append(item)
        tree.addTopLevelItems(items)
        tree.setUpdatesEnabled(True)
        self.due.set_count(len(data.followups))
        # appointments
        tree = self.appointments.tree
        tree.clear()
        for entry in data.appointments:
            start = fmt.format_clock(entry.at, zone)
            item = QTreeWidgetItem([start, entry.note, entry.person, entry.location or ""])
            item.setData(0, ROLE, ("person", entry.person_id, entry.person_id, entry.company_id))
            tree.addTopLevelItem(item)
        self.appointments.set_count(len(data.appointments))
        # occasions
        tree = self.occasions.tree
        tree.clear()
        for occ in data.occasions:
            if occ.kind == "birthday":
                label = (
                    self.tr("{nth} birthday").format(nth=fmt.ordinal(occ.years))
                    if occ.years
                    else self.tr("Birthday")
                )
            else:
                label = self.tr("customer since {year}").format(year=occ.day.year - occ.years)
            when = self.tr("today") if occ.day == day else fmt.format_weekday_date(occ.day)
            item = QTreeWidgetItem([when, label, occ.name, occ.company])
            kind = "person" if occ.person_id else "company"
            item.setData(
                0, ROLE, (kind, occ.person_id or occ.company_id, occ.person_id, occ.company_id)
            )
            tree.addTopLevelItem(item)
        self.occasions.set_count(len(data.occasions))
        # overdue contacts
        tree = self.contacts.tree
        tree.clear()
        for c in data.overdue_contacts:
            if c.days_since is None:
                last = self.tr("never")
            elif c.days_since == 1:
                last = self.tr("1 day ago")
            else:
                last = self.tr("%n days ago", "", c.days_since)
            item = QTreeWidgetItem([c.name, c.company, self._days(c.interval_days), last])
            item.setData(0, ROLE, ("person", c.person_id, c.person_id, None))
            tree.addTopLevelItem(item)
        self.contacts.set_count(len(data.overdue_contacts))
        # tickets
        tree = self.tickets.tree
        tree.clear()
        for t in data.open_tickets:
            who = t.company or t.person
            item = QTreeWidgetItem(
                [
                    t.number,
                    t.title,
                    self._days(t.age_days),
                    kind_label(t.status),
                    who,
                ]
            )
            item.setData(0, ROLE, ("ticket", t.number, t.person_id, t.company_id))
            tree.addTopLevelItem(item)
        self.tickets.set_count(len(data.open_tickets))
        # closing opportunities
        tree = self.closing.tree
        tree.clear()
        for o in data.closing:
            value = fmt.format_money(o.value, digits=0)
            item = QTreeWidgetItem(
                [
                    o.title,
                    o.company,
                    value,
                    fmt.format_percent(o.probability),
                    fmt.format_date(o.expected_close),
                ]
            )
            item.setData(0, ROLE, ("opportunity", o.id, None, o.company_id))
            tree.addTopLevelItem(item)
        self.closing.set_count(len(data.closing))

    # -- actions
    def mark_done(self, followup_id: int) -> None:
        try:
            ops.write(
                self.store,
                lambda s: followups.complete(s, followup_id, self.clock),
                sender=self,
                changes=Changes.of("followup", followup_id, structure=True),
            )
        except CrmError as exc:
            show_error(self, exc, title=self.tr("Today"))
            return
        self.refresh()

    def snooze(self, followup_id: int, preset: str) -> None:
        until = followups.snooze_target(preset, self.clock.now())
        try:
            ops.write(
                self.store,
                lambda s: followups.postpone(s, followup_id, until, self.clock),
                sender=self,
                changes=Changes.of("followup", followup_id),
            )
        except CrmError as exc:
            show_error(self, exc, title=self.tr("Today"))
            return
        self.refresh()

    def _snooze_current(self, preset: str) -> None:
        item = self.due.tree.currentItem()
        if item is not None:
            self.snooze(item.data(0, ROLE)[1], preset)

    def _done_current(self) -> None:
        item = self.due.tree.currentItem()
        if item is not None:
            self.mark_done(item.data(0, ROLE)[1])

    def _due_menu(self, pos: QPoint) -> None:
        item = self.due.tree.currentItem()
        if item is None:
            return
        fid = item.data(0, ROLE)[1]
        menu = QMenu(self)
        menu.addAction(self.tr("Done"), lambda: self.mark_done(fid))
        menu.addAction(self.tr("Snooze 10 minutes"), lambda: self.snooze(fid, "10min"))
        menu.addAction(self.tr("Snooze 1 hour"), lambda: self.snooze(fid, "1h"))
        menu.addAction(self.tr("Snooze until tomorrow 9:00"), lambda: self.snooze(fid, "tomorrow"))
        menu.exec(self.due.tree.viewport().mapToGlobal(pos))

    def _activate(self, item: QTreeWidgetItem, _col: int) -> None:
        kind, ref, person_id, company_id = item.data(0, ROLE)
        if kind == "ticket":
            self.ticketActivated.emit(str(ref))
        elif kind == "opportunity":
            self.opportunityActivated.emit(int(ref))
        elif kind == "company" and ref is not None:
            self.companyActivated.emit(int(ref))
        elif person_id is not None:
            self.personActivated.emit(int(person_id))
        elif company_id is not None:
            self.companyActivated.emit(int(company_id))


def local_today(clock: Clock) -> dt.date:
    return clock.now().astimezone(local_zone()).date()
