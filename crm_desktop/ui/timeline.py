"""The activity timeline pane: day headers, one row per activity, a detail area, filters
and the quick entry line at the bottom.

Rows come page by page from ``services.timeline.timeline_page`` (keyset paging) as
the list scrolls (``canFetchMore``/``fetchMore``); a timeline of 10,000 activities
opens with one query for the first page.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTime,
    QUrl,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, SystemClock, local_zone, to_local
from crm_desktop.data.models import ActivityKind
from crm_desktop.data.store import Store
from crm_desktop.errors import CrmError
from crm_desktop.interop.quickentry import parse as parse_quick_line
from crm_desktop.services import timeline as svc
from crm_desktop.services.timeline import Period, Scope, TimelineEntry, TimelineFilter
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.icons import icon, kind_icon

log = logging.getLogger("crm_desktop.ui.timeline")

EntryRole = int(Qt.ItemDataRole.UserRole) + 1
HeaderRole = int(Qt.ItemDataRole.UserRole) + 2

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT_INDEX = QModelIndex()


def _tr(text: str) -> str:
    return QCoreApplication.translate("Timeline", text)


def kind_label(kind: ActivityKind) -> str:
    from crm_desktop.ui.i18n import activity_kind_label

    return activity_kind_label(kind)


def _format_time(moment: dt.datetime) -> str:
    local = to_local(moment)
    return QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)


def _format_date(day: dt.date, long: bool = False) -> str:
    fmt = QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat
    return QLocale().toString(QDate(day.year, day.month, day.day), fmt)


def format_datetime(moment: dt.datetime) -> str:
    return f"{_format_date(to_local(moment).date())} {_format_time(moment)}"


def day_header(day: dt.date, today: dt.date) -> str:
    """ "Today", "Yesterday", else the long local date ("Donnerstag, 12. November 2026")."""
    delta = (today - day).days
    if delta == 0:
        return QCoreApplication.translate("Timeline", "Today")
    if delta == 1:
        return QCoreApplication.translate("Timeline", "Yesterday")
    return _format_date(day, long=True)


def followup_text(due: dt.datetime, today: dt.date) -> str:
    day = to_local(due).date()
    if day == today:
        when = QCoreApplication.translate("Timeline", "today {time}").format(time=_format_time(due))
    elif (day - today).days == 1:
        when = QCoreApplication.translate("Timeline", "tomorrow {time}").format(
            time=_format_time(due)
        )
    else:
        when = format_datetime(due)
    return QCoreApplication.translate("Timeline", "Follow-up {when}").format(when=when)


@dataclass
class _Row:
    day: dt.date
    entry: TimelineEntry | None  # None: the day header


class TimelineModel(QAbstractListModel):
    """Day headers and activities of one scope, newest first, loaded page by page."""

    def __init__(
        self,
        store: Store,
        parent: QObject | None = None,
        *,
        clock: Clock | None = None,
        page_size: int = svc.PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock or SystemClock()
        self.page_size = page_size
        self.scope: Scope | None = None
        self.filter = TimelineFilter()
        self._rows: list[_Row] = []
        self._last: TimelineEntry | None = None
        self._more = False
        self.pages_loaded = 0

    def set_scope(self, scope: Scope | None, flt: TimelineFilter | None = None) -> None:
        self.beginResetModel()
        self.scope = scope
        if flt is not None:
            self.filter = flt
        self._rows = []
        self._last = None
        self._more = scope is not None
        self.pages_loaded = 0
        self.endResetModel()
        if self._more:
            self.fetchMore(_ROOT_INDEX)

    def set_filter(self, flt: TimelineFilter) -> None:
        self.set_scope(self.scope, flt)

    def reload(self) -> None:
        self.set_scope(self.scope, self.filter)

    @property
    def today(self) -> dt.date:
        return to_local(self.clock.now(), local_zone()).date()

    def rowCount(self, parent: AnyIndex = _ROOT_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: AnyIndex) -> None:
        if parent.isValid() or not self._more or self.scope is None:
            return
        after = self._last.key if self._last is not None else None
        scope, flt, limit = self.scope, self.filter, self.page_size
        page = ops.read(
            self.store, lambda s: svc.timeline_page(s, scope, flt, after=after, limit=limit)
        )
        self.pages_loaded += 1
        self._more = len(page) == self.page_size
        if not page:
            return
        zone = local_zone()
        new_rows: list[_Row] = []
        last_day = self._rows[-1].day if self._rows else None
        for entry in page:
            day = to_local(entry.occurred_at, zone).date()
            if day != last_day:
                new_rows.append(_Row(day, None))
                last_day = day
            new_rows.append(_Row(day, entry))
        first = len(self._rows)
        self.beginInsertRows(_ROOT_INDEX, first, first + len(new_rows) - 1)
        self._rows.extend(new_rows)
        self.endInsertRows()
        self._last = page[-1]

    def entry_at(self, index: AnyIndex) -> TimelineEntry | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()].entry

    def entries(self) -> list[TimelineEntry]:
        return [r.entry for r in self._rows if r.entry is not None]

    def row_of(self, activity_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.entry is not None and r.entry.activity_id == activity_id:
                return i
        return -1

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if self.entry_at(index) is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == HeaderRole:
            return row.entry is None
        if role == EntryRole:
            return row.entry
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if row.entry is None:
                return day_header(row.day, self.today)
            e = row.entry
            who = e.person_name or e.company_name
            parts = [_format_time(e.occurred_at), kind_label(e.kind), who, e.ticket_number]
            return "  ".join(p for p in parts if p) + "\n" + e.summary
        if role == Qt.ItemDataRole.DecorationRole and row.entry is not None:
            return kind_icon(row.entry.kind.value)
        if role == Qt.ItemDataRole.ToolTipRole and row.entry is not None:
            return row.entry.summary
        return None


class TimelineDelegate(QStyledItemDelegate):
    """Paints a day header or a two- to three-line activity row with the palette's colours."""

    PAD = 6
    ICON = 20

    def __init__(self, model: TimelineModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        fm = QFontMetrics(option.font)  # type: ignore[attr-defined]
        line = fm.height()
        if index.data(HeaderRole):
            return QSize(200, line + 2 * self.PAD + 4)
        entry: TimelineEntry | None = index.data(EntryRole)
        lines = 2 + (1 if entry is not None and entry.open_followup is not None else 0)
        return QSize(200, lines * (line + 2) + 2 * self.PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        rect: QRect = opt.rect  # type: ignore[attr-defined]
        palette: QPalette = opt.palette  # type: ignore[attr-defined]
        font: QFont = opt.font  # type: ignore[attr-defined]
        widget = opt.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else None
        painter.save()
        try:
            if index.data(HeaderRole):
                self._paint_header(painter, rect, palette, font, index)
                return
            entry: TimelineEntry | None = index.data(EntryRole)
            if entry is None:
                return
            opt.text = ""  # type: ignore[attr-defined]
            opt.icon = icon("")  # type: ignore[attr-defined]
            if style is not None:
                style.drawPrimitive(
                    QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget
                )
            selected = bool(opt.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
            self._paint_entry(painter, rect, palette, font, entry, selected)
        finally:
            painter.restore()

    def _paint_header(
        self, painter: QPainter, rect: QRect, palette: QPalette, font: QFont, index: AnyIndex
    ) -> None:
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        text_rect = rect.adjusted(self.PAD, self.PAD, -self.PAD, -2)
        painter.drawText(
            text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), index.data()
        )
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(
            rect.left() + self.PAD, rect.bottom(), rect.right() - self.PAD, rect.bottom()
        )

    def _paint_entry(
        self,
        painter: QPainter,
        rect: QRect,
        palette: QPalette,
        font: QFont,
        entry: TimelineEntry,
        selected: bool,
    ) -> None:
        fm = QFontMetrics(font)
        line = fm.height() + 2
        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        soft = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        link = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Link
        )
        left = rect.left() + self.PAD
        top = rect.top() + self.PAD
        kind_icon(entry.kind.value).paint(painter, QRect(left, top, self.ICON, self.ICON))
        x = left + self.ICON + self.PAD
        right = rect.right() - self.PAD
        bold = QFont(font)
        bold.setBold(True)
        # line 1: time, kind, who ........ ticket number
        painter.setFont(bold)
        painter.setPen(text_color)
        time_text = _format_time(entry.occurred_at)
        painter.drawText(QRect(x, top, right - x, line), int(Qt.AlignmentFlag.AlignLeft), time_text)
        x1 = x + QFontMetrics(bold).horizontalAdvance(time_text) + self.PAD * 2
        ticket = entry.ticket_number
        ticket_w = fm.horizontalAdvance(ticket) + self.PAD if ticket else 0
        painter.setFont(font)
        if ticket:
            painter.setPen(link)
            painter.drawText(
                QRect(right - ticket_w, top, ticket_w, line),
                int(Qt.AlignmentFlag.AlignRight),
                ticket,
            )
        who = entry.person_name or entry.company_name
        head = "  ".join(p for p in (kind_label(entry.kind), who) if p)
        painter.setPen(soft)
        avail = max(0, right - ticket_w - x1)
        painter.drawText(
            QRect(x1, top, avail, line),
            int(Qt.AlignmentFlag.AlignLeft),
            fm.elidedText(head, Qt.TextElideMode.ElideRight, avail),
        )
        # line 2: what was said (first line)
        painter.setPen(text_color)
        summary = entry.summary or QCoreApplication.translate("Timeline", "(no text)")
        painter.drawText(
            QRect(x, top + line, right - x, line),
            int(Qt.AlignmentFlag.AlignLeft),
            fm.elidedText(summary, Qt.TextElideMode.ElideRight, right - x),
        )
        # line 3: the open follow-up
        follow = entry.open_followup
        if follow is not None:
            y = top + 2 * line
            icon("followup").paint(painter, QRect(x, y + 1, fm.height() - 2, fm.height() - 2))
            painter.setPen(link)
            painter.drawText(
                QRect(x + fm.height() + 2, y, right - x - fm.height(), line),
                int(Qt.AlignmentFlag.AlignLeft),
                followup_text(follow.due_at, self.model.today),
            )


# ---------------------------------------------------------------- the pane


class QuickEntry(QWidget):
    """ "New note / call…" line with kind, an optional follow-up and a save button."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None, *, clock: Clock | None = None) -> None:
        super().__init__(parent)
        self.clock = clock or SystemClock()
        self.kind = QComboBox(self)
        self.kind.setObjectName("quickKind")
        for k in svc.QUICK_KINDS:
            self.kind.addItem(kind_icon(k.value), kind_label(k), k.value)
        self.kind.setToolTip(self.tr("What to log"))
        self.text = QLineEdit(self)
        self.text.setObjectName("quickText")
        self.text.setPlaceholderText(self.tr("New note or call… (Ctrl+L)"))
        self.text.returnPressed.connect(self.submitted)
        self.text.textEdited.connect(self.understand)
        self._auto_follow = False  # the follow-up box was ticked by understand()
        self.follow = QCheckBox(self.tr("Follow-up"), self)
        self.follow.setObjectName("quickFollow")
        self.follow.setToolTip(self.tr("Plan a follow-up at this date and time"))
        self.due = QDateTimeEdit(self)
        self.due.setObjectName("quickDue")
        self.due.setCalendarPopup(True)
        self.due.setEnabled(False)
        self.follow.toggled.connect(self.due.setEnabled)
        self.save = QPushButton(self.tr("Save"), self)
        self.save.setObjectName("quickSave")
        self.save.setToolTip(self.tr("Save the entry (Enter)"))
        self.save.clicked.connect(self.submitted)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.hide()
        self.reset_due()

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.kind)
        top.addWidget(self.text, 1)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.follow)
        bottom.addWidget(self.due, 1)
        bottom.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(bottom)
        layout.addWidget(self.error)

    def understand(self, text: str) -> None:
        """A line naming a moment ahead ("morgen 14 Uhr zurückrufen") ticks the follow-up
        and sets its due time, as the quick entry dialog reads it; a manual tick stays."""
        now_local = to_local(self.clock.now(), local_zone())
        entry = parse_quick_line(text, now_local.replace(tzinfo=None))
        moment = entry.when(now_local)
        ahead = moment is not None and moment > now_local and entry.is_followup(now_local)
        if ahead and moment is not None and (self._auto_follow or not self.follow.isChecked()):
            self.follow.setChecked(True)
            self._auto_follow = True
            self.due.setDateTime(
                QDateTime(
                    QDate(moment.year, moment.month, moment.day),
                    QTime(moment.hour, moment.minute),
                )
            )
        elif not ahead and self._auto_follow:
            self._auto_follow = False
            self.follow.setChecked(False)
            self.reset_due()

    def reset_due(self) -> None:
        """Tomorrow 10:00 local time."""
        local = to_local(self.clock.now(), local_zone()) + dt.timedelta(days=1)
        self.due.setDateTime(QDateTime(QDate(local.year, local.month, local.day), QTime(10, 0)))

    def due_at(self) -> dt.datetime | None:
        if not self.follow.isChecked():
            return None
        qdt = self.due.dateTime()
        d, t = qdt.date(), qdt.time()
        naive = dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
        return naive.replace(tzinfo=local_zone()).astimezone(dt.UTC)

    def selected_kind(self) -> ActivityKind:
        return ActivityKind(self.kind.currentData())

    def set_kind(self, kind: ActivityKind) -> None:
        i = self.kind.findData(kind.value)
        if i >= 0:
            self.kind.setCurrentIndex(i)

    def clear(self) -> None:
        self.text.clear()
        self._auto_follow = False
        self.follow.setChecked(False)
        self.reset_due()
        self.show_error("")

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))


class TimelinePanel(QWidget):
    """The right-hand pane: the timeline of the selected record."""

    activityLogged = Signal(int)
    openRequested = Signal(str, int)  # kind ("person", "company", "ticket", "project"), id
    selectionChanged = Signal()

    PERIODS = (Period.ALL, Period.TODAY, Period.WEEK, Period.MONTH, Period.QUARTER, Period.YEAR)

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
        page_size: int = svc.PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("timelinePanel")
        self.store = store
        self.clock = clock or SystemClock()
        self.model = TimelineModel(store, self, clock=self.clock, page_size=page_size)
        self.kinds: set[ActivityKind] = set()

        self.title = QLabel(self.tr("Timeline"), self)
        title_font = QFont(self.title.font())
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setObjectName("timelineTitle")
        self.title.setMinimumWidth(40)

        self.kind_button = QToolButton(self)
        self.kind_button.setObjectName("kindFilter")
        self.kind_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.kind_menu = QMenu(self.kind_button)
        self.kind_all = QAction(self.tr("All kinds"), self.kind_menu)
        self.kind_all.triggered.connect(self._all_kinds)
        self.kind_menu.addAction(self.kind_all)
        self.kind_menu.addSeparator()
        self.kind_actions: dict[ActivityKind, QAction] = {}
        for k in ActivityKind:
            act = QAction(kind_icon(k.value), kind_label(k), self.kind_menu)
            act.setCheckable(True)
            act.toggled.connect(lambda on, kind=k: self._toggle_kind(kind, on))
            self.kind_menu.addAction(act)
            self.kind_actions[k] = act
        self.kind_button.setMenu(self.kind_menu)

        self.period = QComboBox(self)
        self.period.setObjectName("periodFilter")
        labels = {
            Period.ALL: self.tr("All time"),
            Period.TODAY: self.tr("Today"),
            Period.WEEK: self.tr("Last 7 days"),
            Period.MONTH: self.tr("Last 30 days"),
            Period.QUARTER: self.tr("Last 90 days"),
            Period.YEAR: self.tr("Last 12 months"),
        }
        for p in self.PERIODS:
            self.period.addItem(labels[p], p.value)
        self.period.currentIndexChanged.connect(self._filters_changed)

        self.ticket = QComboBox(self)
        self.ticket.setObjectName("ticketFilter")
        self.ticket.setMinimumContentsLength(8)
        self.ticket.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.ticket.currentIndexChanged.connect(self._filters_changed)
        self.project = QComboBox(self)
        self.project.setObjectName("projectFilter")
        self.project.setMinimumContentsLength(8)
        self.project.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.project.currentIndexChanged.connect(self._filters_changed)
        self._update_kind_button()

        self.view = QListView(self)
        self.view.setObjectName("timelineList")
        self.view.setModel(self.model)
        self.view.setItemDelegate(TimelineDelegate(self.model, self.view))
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setAccessibleName(self.tr("Timeline"))
        self.view.selectionModel().currentChanged.connect(self._current_changed)

        self.empty = QLabel(self)
        self.empty.setObjectName("timelineEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setContentsMargins(12, 12, 12, 12)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)

        self.detail = QTextBrowser(self)
        self.detail.setObjectName("timelineDetail")
        self.detail.setOpenLinks(False)
        self.detail.anchorClicked.connect(self._anchor)
        self.detail.setPlaceholderText(self.tr("Select an entry to read all of it."))

        self.split = QSplitter(Qt.Orientation.Vertical, self)
        self.split.setObjectName("timelineSplit")
        self.split.addWidget(self.stack)
        self.split.addWidget(self.detail)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([560, 170])
        self.split.setChildrenCollapsible(False)

        self.quick = QuickEntry(self, clock=self.clock)
        self.quick.setObjectName("quickEntry")
        self.quick.submitted.connect(self.submit_quick_entry)

        filters = QHBoxLayout()
        filters.setContentsMargins(6, 4, 6, 0)
        filters.addWidget(self.title, 1)
        filters.addWidget(self.kind_button)
        filters.addWidget(self.period)
        filters2 = QHBoxLayout()
        filters2.setContentsMargins(6, 0, 6, 0)
        filters2.addWidget(self.ticket, 1)
        filters2.addWidget(self.project, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(filters)
        layout.addLayout(filters2)
        layout.addWidget(self.split, 1)
        layout.addWidget(self.quick)
        self.model.modelReset.connect(self._update_empty)
        self.model.rowsInserted.connect(self._update_empty)
        self.set_scope(None)

    # ------------------------------------------------------------ scope and filters

    def set_scope(self, scope: Scope | None) -> None:
        self._fill_filter_lists(scope)
        title = self.tr("Timeline")
        if scope is not None:
            name = ops.read(self.store, lambda s: svc.scope_title(s, scope))
            if name:
                title = self.tr("Timeline: {name}").format(name=name)
        self.title.setText(title)
        self.title.setToolTip(title)
        self.model.set_scope(scope, self.current_filter())
        self.quick.setEnabled(scope is not None and not scope.is_all)
        self.detail.clear()
        self.detail.setVisible(scope is not None)

    @property
    def scope(self) -> Scope | None:
        return self.model.scope

    def reload(self) -> None:
        current = self.current_entry()
        self.model.reload()
        if current is not None:
            self.select_activity(current.activity_id)

    def _fill_filter_lists(self, scope: Scope | None) -> None:
        tickets: list[tuple[int, str]] = []
        projects: list[tuple[int, str]] = []
        if scope is not None:

            def lists(s: Session) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
                return (
                    svc.scope_tickets(s, scope) if scope.ticket_id is None else [],
                    svc.scope_projects(s, scope) if scope.project_id is None else [],
                )

            tickets, projects = ops.read(self.store, lists)
        for combo, items, all_text in (
            (self.ticket, tickets, self.tr("All tickets")),
            (self.project, projects, self.tr("All projects")),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(all_text, None)
            for ref_id, text in items:
                combo.addItem(text, ref_id)
            combo.setVisible(bool(items))
            combo.blockSignals(False)

    def current_filter(self) -> TimelineFilter:
        since, until = svc.period_bounds(
            Period(self.period.currentData() or Period.ALL.value), self.clock.now()
        )
        ticket = self.ticket.currentData() if self.ticket.count() else None
        project = self.project.currentData() if self.project.count() else None
        return TimelineFilter(
            kinds=frozenset(self.kinds),
            ticket_id=ticket if isinstance(ticket, int) else None,
            project_id=project if isinstance(project, int) else None,
            since=since,
            until=until,
        )

    def set_kinds(self, kinds: set[ActivityKind]) -> None:
        for k, act in self.kind_actions.items():
            act.blockSignals(True)
            act.setChecked(k in kinds)
            act.blockSignals(False)
        self.kinds = set(kinds)
        self._update_kind_button()
        self._filters_changed()

    def set_period(self, period: Period) -> None:
        self.period.setCurrentIndex(max(0, self.period.findData(period.value)))

    def _toggle_kind(self, kind: ActivityKind, on: bool) -> None:
        if on:
            self.kinds.add(kind)
        else:
            self.kinds.discard(kind)
        self._update_kind_button()
        self._filters_changed()

    def _all_kinds(self) -> None:
        self.set_kinds(set())

    def _update_kind_button(self) -> None:
        if not self.kinds:
            self.kind_button.setText(self.tr("All kinds"))
        elif len(self.kinds) == 1:
            self.kind_button.setText(kind_label(next(iter(self.kinds))))
        else:
            self.kind_button.setText(self.tr("%n kinds", "", len(self.kinds)))

    def _filters_changed(self, *_args: object) -> None:
        self.model.set_filter(self.current_filter())
        self.detail.clear()

    def _update_empty(self, *_args: object) -> None:
        if self.model.rowCount() > 0:
            self.stack.setCurrentWidget(self.view)
            return
        if self.model.scope is None:
            text = self.tr(
                "Select a company or a person on the left to see its calls, e-mails and notes here."
            )
        elif not self.current_filter().is_empty:
            text = self.tr("No activities match the filter.")
        else:
            text = self.tr("No activities yet. Log a call or a note below.")
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)

    # ------------------------------------------------------------ selection and detail

    def current_entry(self) -> TimelineEntry | None:
        return self.model.entry_at(self.view.currentIndex())

    def select_activity(self, activity_id: int) -> bool:
        row = self.model.row_of(activity_id)
        while row < 0 and self.model.canFetchMore(_ROOT_INDEX):
            self.model.fetchMore(_ROOT_INDEX)
            row = self.model.row_of(activity_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry = self.model.entry_at(current)
        self.detail.setHtml(self.detail_html(entry) if entry is not None else "")
        self.selectionChanged.emit()

    def detail_html(self, e: TimelineEntry) -> str:
        esc = html.escape
        rows: list[tuple[str, str]] = []
        when = format_datetime(e.occurred_at)
        if e.duration_minutes:
            when += " · " + self.tr("%n min", "", e.duration_minutes)
        rows.append((self.tr("When"), esc(when)))
        if e.person_id is not None and e.person_name:
            rows.append(
                (self.tr("Person"), f'<a href="person:{e.person_id}">{esc(e.person_name)}</a>')
            )
        if e.company_id is not None and e.company_name:
            rows.append(
                (self.tr("Company"), f'<a href="company:{e.company_id}">{esc(e.company_name)}</a>')
            )
        if e.ticket_id is not None:
            rows.append(
                (self.tr("Ticket"), f'<a href="ticket:{e.ticket_id}">{esc(e.ticket_number)}</a>')
            )
        if e.project_id is not None:
            rows.append(
                (self.tr("Project"), f'<a href="project:{e.project_id}">{esc(e.project_name)}</a>')
            )
        if e.location:
            rows.append((self.tr("Where"), esc(e.location)))
        for f in e.followups:
            state = ""
            if f.done:
                state = " " + self.tr("(done)")
            elif f.cancelled:
                state = " " + self.tr("(cancelled)")
            rows.append((self.tr("Follow-up"), esc(format_datetime(f.due_at) + state)))
        table = "".join(
            f'<tr><td style="padding-right:8px"><b>{label}</b></td><td>{value}</td></tr>'
            for label, value in rows
        )
        title = esc(kind_label(e.kind) + (f": {e.subject}" if e.subject else ""))
        body = esc(e.text).replace("\n", "<br>")
        return f"<h3>{title}</h3><table>{table}</table><p>{body}</p>"

    def _anchor(self, url: QUrl) -> None:
        kind, _, ref = url.toString().partition(":")
        if ref.isdigit():
            self.openRequested.emit(kind, int(ref))

    # ------------------------------------------------------------ quick entry

    def focus_quick_entry(self, kind: ActivityKind | None = None) -> None:
        if kind is not None:
            self.quick.set_kind(kind)
        self.quick.text.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def submit_quick_entry(self) -> int | None:
        scope = self.model.scope
        if scope is None or scope.is_all:
            self.quick.show_error(self.tr("Select a person or a company first."))
            return None
        try:
            kind, text, due_at = (
                self.quick.selected_kind(),
                self.quick.text.text(),
                self.quick.due_at(),
            )
            activity_id = ops.write(
                self.store,
                lambda s: svc.quick_log(
                    s, scope, kind, text, clock=self.clock, followup_due_at=due_at
                ),
            )
        except CrmError as exc:
            self.quick.show_error(_error_text(exc))
            return None
        log.info("quick entry logged activity %s", activity_id)
        self.quick.clear()
        self.model.reload()
        self.select_activity(activity_id)
        self.activityLogged.emit(activity_id)
        return activity_id


def _error_text(exc: CrmError) -> str:
    from crm_desktop.ui.i18n import translate_error

    return translate_error(exc)
