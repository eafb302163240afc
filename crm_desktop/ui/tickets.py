"""Tickets: look a case up by its number and see everything about it.

:class:`TicketView` – a number box (typing ``T-2026-00042`` shows that ticket), a
header (number, title, status, customer), buttons for the allowed status changes
with a note, the status history and the timeline of every conversation log of the
case, across all people involved.

:class:`OpenTicketsWidget` – the open tickets with their age; double-click opens one,
"Delete…" (context menu, Delete key) asks the window to delete it undoably.
:class:`TicketsPage` – both side by side.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.data.models import ActivityKind, Direction, TicketStatus
from crm_desktop.data.store import Store
from crm_desktop.errors import CrmError
from crm_desktop.services import tickets as svc
from crm_desktop.services.changes import Changes
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.format import format_datetime
from crm_desktop.ui.i18n import enum_label, translate_error
from crm_desktop.ui.undo import RowDelete

STATUS_COLORS: dict[TicketStatus, str] = {
    TicketStatus.OPEN: "#c62828",
    TicketStatus.WAITING: "#ef6c00",
    TicketStatus.SOLVED: "#2e7d32",
    TicketStatus.CLOSED: "#616161",
    TicketStatus.REOPENED: "#ad1457",
}


# ---------------------------------------------------------------- plain data for the view


@dataclass(frozen=True)
class HistoryRow:
    at: dt.datetime
    old: TicketStatus | None
    new: TicketStatus
    by: str
    note: str


@dataclass(frozen=True)
class ActivityRow:
    id: int
    at: dt.datetime
    kind: ActivityKind
    direction: Direction
    person: str
    subject: str
    text: str
    owner: str


@dataclass(frozen=True)
class TicketData:
    id: int
    number: str
    title: str
    status: TicketStatus
    kind: ActivityKind
    opened_at: dt.datetime
    closed_at: dt.datetime | None
    person: str
    company: str
    description: str
    allowed: tuple[TicketStatus, ...]
    history: list[HistoryRow] = field(default_factory=list)
    activities: list[ActivityRow] = field(default_factory=list)
    person_id: int | None = None  # who a conversation logged from the ticket is with
    company_id: int | None = None


def load_ticket(store: Store, number: str) -> TicketData | None:
    def load(s: Session) -> TicketData | None:
        ticket = svc.find_ticket(s, number)
        if ticket is None:
            return None
        acts = svc.ticket_activities(s, ticket.id)
        return TicketData(
            id=ticket.id,
            number=ticket.number,
            title=ticket.title,
            status=ticket.status,
            kind=ticket.kind,
            opened_at=ticket.opened_at,
            closed_at=ticket.closed_at,
            person=ticket.person.full_name if ticket.person is not None else "",
            company=ticket.company.name if ticket.company is not None else "",
            description=ticket.description or "",
            person_id=ticket.person_id,
            company_id=ticket.company_id,
            allowed=svc.allowed_transitions(ticket.status),
            history=[
                HistoryRow(c.changed_at, c.old_status, c.new_status, c.changed_by, c.note)
                for c in ticket.status_changes
            ],
            activities=[
                ActivityRow(
                    a.id,
                    a.occurred_at,
                    a.kind,
                    a.direction,
                    a.person.full_name if a.person is not None else "",
                    a.subject,
                    a.text,
                    a.owner or "",
                )
                for a in acts
            ],
        )

    return ops.read(store, load)


def _item(text: str, *, data: object = None, tooltip: str | None = None) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    if data is not None:
        item.setData(data, Qt.ItemDataRole.UserRole)
    if tooltip:
        item.setToolTip(tooltip)
    return item


class WrapDelegate(QStyledItemDelegate):
    """Row heights for wrapped text in a QTreeView (which measures without a width): the
    last column is measured at its width, a spanned row at the view's width."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        if index.parent().isValid() and self.view.isFirstColumnSpanned(index.row(), index.parent()):
            width = self.view.viewport().width() - self.view.indentation()
        else:
            width = self.view.header().sectionSize(index.column())
        opt.rect = QRect(0, 0, max(width, 40), 10_000)
        opt.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        style = self.view.style()
        size = style.sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, opt, QSize(), self.view)
        return QSize(size.width(), size.height() + 4)


# ---------------------------------------------------------------- the ticket view


class TicketView(QWidget):
    """One ticket: lookup box, header, status actions, history and timeline."""

    ticketShown = Signal(str)  # number
    statusChanged = Signal(str, str)  # number, new status
    changed = Signal(object)  # the Changes of a status change (the window publishes it)

    def __init__(
        self,
        store: Store,
        clock: Clock | None = None,
        user: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock or SystemClock()
        self.user = user if user is not None else store.owner
        self.ticket: TicketData | None = None
        self.gone: str | None = None  # the number of the shown ticket, deleted meanwhile

        layout = QVBoxLayout(self)
        search = QHBoxLayout()
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText(self.tr("Ticket number, e.g. T-2026-00042"))
        self.number_edit.setClearButtonEnabled(True)
        self.number_edit.setAccessibleName(self.tr("Ticket number"))
        self.number_edit.textEdited.connect(self._typed)
        self.number_edit.returnPressed.connect(self._enter)
        search.addWidget(QLabel(self.tr("Ticket:")))
        search.addWidget(self.number_edit, 1)
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.clicked.connect(self._enter)
        search.addWidget(self.show_button)
        layout.addLayout(search)

        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: palette(mid); font-size: 13pt;")
        self.stack.addWidget(self.message)

        page = QWidget()
        body = QVBoxLayout(page)
        body.setContentsMargins(0, 0, 0, 0)
        head = QFrame()
        head.setFrameShape(QFrame.Shape.StyledPanel)
        head_layout = QVBoxLayout(head)
        top = QHBoxLayout()
        self.number_label = QLabel()
        font = QFont(self.number_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.number_label.setFont(font)
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.number_label)
        self.status_label = QLabel()
        self.status_label.setAccessibleName(self.tr("Status"))
        top.addWidget(self.status_label)
        top.addStretch(1)
        head_layout.addLayout(top)
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        tfont = QFont(self.title_label.font())
        tfont.setPointSizeF(tfont.pointSizeF() * 1.15)
        self.title_label.setFont(tfont)
        head_layout.addWidget(self.title_label)
        self.meta_label = QLabel()
        self.meta_label.setWordWrap(True)
        self.meta_label.setStyleSheet("color: palette(dark);")
        head_layout.addWidget(self.meta_label)
        self.description_label = QLabel()
        self.description_label.setWordWrap(True)
        head_layout.addWidget(self.description_label)

        actions = QHBoxLayout()
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Note for the status change (optional)"))
        self.note_edit.setAccessibleName(self.tr("Note"))
        actions.addWidget(self.note_edit, 1)
        self.action_box = QHBoxLayout()
        actions.addLayout(self.action_box)
        head_layout.addLayout(actions)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        head_layout.addWidget(self.error_label)
        body.addWidget(head)
        self.status_buttons: dict[TicketStatus, QPushButton] = {}

        hist_box = QWidget()
        hist_layout = QVBoxLayout(hist_box)
        hist_layout.setContentsMargins(0, 4, 0, 0)
        hist_layout.addWidget(QLabel("<b>" + self.tr("Status history") + "</b>"))
        self.history_model = QStandardItemModel(0, 5, self)
        self.history_model.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("From"), self.tr("To"), self.tr("By"), self.tr("Note")]
        )
        self.history_view = QTableView()
        self.history_view.setModel(self.history_model)
        self.history_view.verticalHeader().hide()
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_view.horizontalHeader().setStretchLastSection(True)
        self.history_view.setAlternatingRowColors(True)
        self.history_view.setWordWrap(False)
        row_height = self.history_view.fontMetrics().height() + 8
        self.history_view.verticalHeader().setDefaultSectionSize(row_height)
        self.history_view.verticalHeader().setMinimumSectionSize(row_height)
        hist_layout.addWidget(self.history_view)
        body.addWidget(hist_box)

        time_box = QWidget()
        time_layout = QVBoxLayout(time_box)
        time_layout.setContentsMargins(0, 4, 0, 0)
        self.timeline_title = QLabel()
        time_layout.addWidget(self.timeline_title)
        self.timeline_model = QStandardItemModel(0, 4, self)
        self.timeline_model.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Kind"), self.tr("Person"), self.tr("Subject")]
        )
        self.timeline_view = QTreeView()
        self.timeline_view.setModel(self.timeline_model)
        self.timeline_view.setItemDelegate(WrapDelegate(self.timeline_view))
        self.timeline_view.setRootIsDecorated(False)
        self.timeline_view.setWordWrap(True)
        self.timeline_view.setUniformRowHeights(False)
        self.timeline_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline_view.setAlternatingRowColors(False)
        self.timeline_view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.timeline_view.header().sectionResized.connect(
            lambda *_: self.timeline_view.scheduleDelayedItemsLayout()
        )
        self.timeline_view.header().setStretchLastSection(True)
        self.timeline_empty = QLabel(self.tr("No conversation has been logged for this case yet."))
        self.timeline_empty.setStyleSheet("color: palette(mid);")
        time_layout.addWidget(self.timeline_view, 1)
        time_layout.addWidget(self.timeline_empty)
        body.addWidget(time_box, 1)
        self.stack.addWidget(page)
        self._page = page
        self._show_message(
            self.tr("Type a ticket number (for example T-2026-00042) to see the whole case.")
        )

    # ------------------------------------------------------------ lookup

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def _typed(self, text: str) -> None:
        data = load_ticket(self.store, text) if len(text.strip()) >= 4 else None
        if data is not None:
            self._display(data)

    def _enter(self) -> None:
        text = self.number_edit.text().strip()
        if not text:
            return
        if not self.show_number(text):
            self._show_message(self.tr("There is no ticket “{number}”.").format(number=text))

    def show_number(self, number: str) -> bool:
        """Show the ticket with this number; False when there is none."""
        data = load_ticket(self.store, number)
        if data is None:
            return False
        if self.number_edit.text().strip() != data.number:
            self.number_edit.setText(data.number)
        self._display(data)
        return True

    def reload(self) -> None:
        """The shown ticket again; a ticket deleted meanwhile says so (and shows again
        when its delete is undone)."""
        number = self.ticket.number if self.ticket is not None else self.gone
        if number is None:
            return
        if self.show_number(number):
            self.gone = None
            return
        self.ticket, self.gone = None, number
        self._show_message(
            self.tr("Ticket {number} was deleted. Ctrl+Z brings it back.").format(number=number)
        )

    def refresh(self) -> None:
        self.reload()

    def apply_changes(self, changes: Changes) -> None:
        """The shown ticket's header, history and conversations."""
        if (self.ticket is not None or self.gone is not None) and changes.touches(
            "tickets", "activities", "people", "companies"
        ):
            self.reload()

    # ------------------------------------------------------------ display

    def _display(self, data: TicketData) -> None:
        self.ticket, self.gone = data, None
        self.error_label.hide()
        self.number_label.setText(data.number)
        color = STATUS_COLORS.get(data.status, "#616161")
        self.status_label.setText(enum_label(data.status))
        self.status_label.setStyleSheet(
            f"background: {color}; color: white; border-radius: 8px; padding: 2px 10px;"
            " font-weight: bold;"
        )
        self.title_label.setText(data.title)
        parts = [enum_label(data.kind)]
        customer = ", ".join(x for x in (data.person, data.company) if x)
        if customer:
            parts.append(customer)
        parts.append(self.tr("opened {when}").format(when=format_datetime(data.opened_at)))
        if data.closed_at is not None:
            parts.append(self.tr("closed {when}").format(when=format_datetime(data.closed_at)))
        self.meta_label.setText(" · ".join(parts))
        self.description_label.setText(data.description)
        self.description_label.setVisible(bool(data.description))
        self._build_actions(data)
        self._fill_history(data)
        self._fill_timeline(data)
        self.stack.setCurrentWidget(self._page)
        self.ticketShown.emit(data.number)

    def _action_text(self, status: TicketStatus) -> str:
        return {
            TicketStatus.OPEN: self.tr("Back to open"),
            TicketStatus.WAITING: self.tr("Waiting for customer"),
            TicketStatus.SOLVED: self.tr("Mark solved"),
            TicketStatus.CLOSED: self.tr("Close"),
            TicketStatus.REOPENED: self.tr("Reopen"),
        }[status]

    def _build_actions(self, data: TicketData) -> None:
        while self.action_box.count():
            item = self.action_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.status_buttons = {}
        for status in data.allowed:
            button = QPushButton(self._action_text(status))
            button.setObjectName(f"status_{status.value}")
            button.clicked.connect(lambda _=False, st=status: self.change_status(st))
            self.action_box.addWidget(button)
            self.status_buttons[status] = button

    def _fill_history(self, data: TicketData) -> None:
        m = self.history_model
        m.removeRows(0, m.rowCount())
        for h in data.history:
            m.appendRow(
                [
                    _item(format_datetime(h.at)),
                    _item(enum_label(h.old) if h.old else "–"),
                    _item(enum_label(h.new)),
                    _item(h.by),
                    _item(h.note, tooltip=h.note or None),
                ]
            )
        self.history_view.resizeColumnsToContents()
        self.history_view.horizontalHeader().setStretchLastSection(True)
        # the whole history without scrolling when it is short, the rest for the timeline
        header = self.history_view.horizontalHeader().sizeHint().height()
        rows = min(max(m.rowCount(), 2), 8)
        step = self.history_view.verticalHeader().defaultSectionSize()
        self.history_view.setFixedHeight(header + rows * step + 2 * self.history_view.frameWidth())

    def _fill_timeline(self, data: TicketData) -> None:
        m = self.timeline_model
        m.removeRows(0, m.rowCount())
        people = sorted({a.person for a in data.activities if a.person})
        title = self.tr("Conversation ({count} entries, {people} people)").format(
            count=len(data.activities), people=len(people)
        )
        self.timeline_title.setText(f"<b>{title}</b>")
        bold = QFont(self.timeline_view.font())
        bold.setBold(True)
        muted = QBrush(QColor("#455a64"))
        for a in data.activities:
            arrow = {"inbound": "← ", "outbound": "→ "}.get(a.direction.value, "")
            row = [
                _item(format_datetime(a.at), data=a.id),
                _item(arrow + enum_label(a.kind), tooltip=enum_label(a.direction)),
                _item(a.person or "–"),
                _item(a.subject or self.tr("(no subject)")),
            ]
            row[3].setFont(bold)
            m.appendRow(row)
            text = a.text.strip()
            if text:
                parent = row[0]
                child = _item(text)
                child.setForeground(muted)
                parent.appendRow([child])
                self.timeline_view.setFirstColumnSpanned(0, parent.index(), True)
        self.timeline_view.expandAll()
        # size the short columns to their longest text (measured: wrapped views misjudge it)
        fm = self.timeline_view.fontMetrics()
        for col in range(3):
            texts = [m.headerData(col, Qt.Orientation.Horizontal)] + [
                m.item(r, col).text() for r in range(m.rowCount())
            ]
            self.timeline_view.setColumnWidth(
                col, max(fm.horizontalAdvance(str(t)) for t in texts) + 24
            )
        self.timeline_view.scheduleDelayedItemsLayout()
        has = bool(data.activities)
        self.timeline_view.setVisible(has)
        self.timeline_empty.setVisible(not has)

    # ------------------------------------------------------------ actions

    def change_status(self, status: TicketStatus) -> bool:
        if self.ticket is None:
            return False
        note = self.note_edit.text().strip()
        number, ticket_id = self.ticket.number, self.ticket.id
        try:
            ops.write(
                self.store,
                lambda s: svc.set_status(
                    s, ticket_id, status, clock=self.clock, by=self.user, note=note
                ),
                sender=self,
                changes=Changes.of("ticket", ticket_id, structure=True),
            )
        except CrmError as exc:
            self.error_label.setText(translate_error(exc))
            self.error_label.show()
            return False
        self.note_edit.clear()
        self.show_number(number)
        self.statusChanged.emit(number, status.value)
        return True


# ---------------------------------------------------------------- open tickets


class OpenTicketsWidget(QWidget):
    """Open tickets (open, waiting, reopened) with their age; double-click opens one."""

    ticketActivated = Signal(str)  # number
    deleteRequested = Signal(str, int)  # "ticket", id: the window asks and deletes

    COLUMNS = ("number", "age", "status", "title", "customer", "last")
    TICKET_ID = Qt.ItemDataRole.UserRole + 2

    def __init__(
        self, store: Store, clock: Clock | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock or SystemClock()
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        self.title = QLabel()
        head.addWidget(self.title)
        head.addStretch(1)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        head.addWidget(refresh)
        layout.addLayout(head)
        self.model = QStandardItemModel(0, len(self.COLUMNS), self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Number"),
                self.tr("Age (days)"),
                self.tr("Status"),
                self.tr("Title"),
                self.tr("Customer"),
                self.tr("Last contact"),
            ]
        )
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole + 1)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        # one click (or Enter, or the arrow keys) opens the ticket on the right
        self.view.clicked.connect(self._activated)
        self.view.activated.connect(self._activated)
        self.view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._activated(current) if current.isValid() else None
        )
        self.row_delete = RowDelete(self.view, self._record_at)
        self.row_delete.requested.connect(self.deleteRequested)
        layout.addWidget(self.view, 1)
        self.empty = QLabel(self.tr("No open tickets – every case is solved."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(mid);")
        layout.addWidget(self.empty)
        self.refresh()

    def refresh(self) -> None:
        rows = ops.read(self.store, lambda s: svc.open_tickets(s, self.clock))
        m = self.model
        m.removeRows(0, m.rowCount())
        sort = Qt.ItemDataRole.UserRole + 1
        for r in rows:
            customer = ", ".join(x for x in (r.person, r.company) if x)
            items = [
                _item(r.number, data=r.number),
                _item(str(r.age_days)),
                _item(enum_label(r.status)),
                _item(r.title, tooltip=r.title),
                _item(customer, tooltip=customer or None),
                _item(format_datetime(r.last_activity_at) if r.last_activity_at else "–"),
            ]
            items[0].setData(r.number, sort)
            items[0].setData(r.id, self.TICKET_ID)
            items[1].setData(r.age_days, sort)
            items[1].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            items[2].setData(r.status.value, sort)
            items[3].setData(r.title.lower(), sort)
            items[4].setData(customer.lower(), sort)
            items[5].setData(r.last_activity_at.timestamp() if r.last_activity_at else 0.0, sort)
            color = STATUS_COLORS.get(r.status)
            if color:
                items[2].setForeground(QBrush(QColor(color)))
            m.appendRow(items)
        self.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.view.resizeColumnsToContents()
        self.view.setColumnWidth(3, min(max(self.view.columnWidth(3), 220), 320))
        self.title.setText(
            "<b>" + self.tr("Open tickets: {count}").format(count=len(rows)) + "</b>"
        )
        self.view.setVisible(bool(rows))
        self.empty.setVisible(not rows)

    def numbers(self) -> list[str]:
        """The numbers in display order."""
        return [
            str(self.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole))
            for r in range(self.proxy.rowCount())
        ]

    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        number = self.proxy.index(index.row(), 0).data(Qt.ItemDataRole.UserRole)
        if number:
            self.ticketActivated.emit(str(number))

    def _record_at(self, index: QModelIndex | QPersistentModelIndex) -> tuple[str, int] | None:
        ticket_id = self.proxy.index(index.row(), 0).data(self.TICKET_ID)
        return ("ticket", int(ticket_id)) if ticket_id is not None else None

    def row_of(self, number: str) -> QModelIndex:
        """The row showing the ticket with this number (invalid when none does)."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(Qt.ItemDataRole.UserRole) == number:
                return index
        return QModelIndex()


def ticket_number_of_activity(session: Session, activity_id: int) -> str | None:
    """The number of the ticket an activity belongs to (None: none)."""
    from crm_desktop.services.activities import get_activity

    activity = get_activity(session, activity_id)
    if activity.ticket_id is None:
        return None
    return svc.get_ticket(session, activity.ticket_id).number


class TicketsPage(QWidget):
    """Open tickets on the left, the chosen ticket on the right; New ticket and Log a
    conversation on the ticket above them."""

    deleteRequested = Signal(str, int)  # a list row's "Delete…" (the window deletes)
    changed = Signal(object)  # the Changes of the shown ticket's status change, a new ticket

    def __init__(
        self, store: Store, clock: Clock | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock or SystemClock()
        #: runs an activity dialog, answers the saved activity's id (replaceable in tests)
        self.run_dialog: Callable[[QDialog], int | None] = _exec_dialog
        outer = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New ticket…"))
        self.new_button.setObjectName("newTicket")
        self.new_button.setToolTip(self.tr("Log a complaint or service call: it opens a ticket"))
        self.new_button.clicked.connect(self.new_ticket)
        self.log_button = QPushButton(self.tr("&Log a conversation on the ticket…"))
        self.log_button.setObjectName("logOnTicket")
        self.log_button.setToolTip(self.tr("A call, e-mail or visit about the ticket shown"))
        self.log_button.clicked.connect(self.log_on_ticket)
        self.log_button.setEnabled(False)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("ticketSaved")
        bar.addWidget(self.new_button)
        bar.addWidget(self.log_button)
        bar.addWidget(self.saved_label, 1)
        outer.addLayout(bar)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.list = OpenTicketsWidget(store, clock)
        self.view = TicketView(store, clock)
        split.addWidget(self.list)
        split.addWidget(self.view)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([620, 880])
        outer.addWidget(split, 1)
        self.list.ticketActivated.connect(self.view.show_number)
        self.list.deleteRequested.connect(self.deleteRequested)
        self.view.statusChanged.connect(lambda *_: self.list.refresh())
        self.view.changed.connect(self.changed)
        self.view.ticketShown.connect(lambda _number: self.log_button.setEnabled(True))

    # ------------------------------------------------------------ new ticket, log on it

    def new_ticket(self) -> str | None:
        """A complaint (kind changeable to a service call): saving it opens the ticket."""
        from crm_desktop.ui.dialogs import ActivityDialog

        dialog = ActivityDialog(
            self.store, kind=ActivityKind.COMPLAINT, parent=self.window(), clock=self.clock
        )
        return self._after_save(self.run_dialog(dialog), new=True)

    def log_on_ticket(self) -> str | None:
        """A conversation about the ticket shown: the ticket, its person and company filled in."""
        from crm_desktop.ui.dialogs import ActivityDialog

        ticket = self.view.ticket
        if ticket is None:
            return None
        dialog = ActivityDialog(
            self.store,
            person_id=ticket.person_id,
            company_id=ticket.company_id,
            kind=ActivityKind.CALL,
            ticket_number=ticket.number,
            parent=self.window(),
            clock=self.clock,
        )
        return self._after_save(self.run_dialog(dialog), new=False)

    def _after_save(self, activity_id: int | None, *, new: bool) -> str | None:
        """Show the ticket the saved activity belongs to, and say its number (here and in
        the window's status bar)."""
        if activity_id is None:
            return None
        number = ops.read(self.store, lambda s: ticket_number_of_activity(s, activity_id))
        changes = Changes.of("activity", activity_id, structure=new)
        if number is not None:
            if self.view.show_number(number) and self.view.ticket is not None:
                changes = changes | Changes.of("ticket", self.view.ticket.id)
            text = (
                self.tr("Ticket {number} opened.").format(number=number)
                if new
                else self.tr("Conversation logged on ticket {number}.").format(number=number)
            )
        else:
            text = self.tr("Activity saved (no ticket: it is not a complaint or service call).")
        self.saved_label.setText(text)
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 10_000)
        self.changed.emit(changes)
        self.list.refresh()
        return number

    def refresh(self) -> None:
        self.list.refresh()
        self.view.reload()

    def apply_changes(self, changes: Changes) -> None:
        """A logged complaint opens a ticket; an activity changes a ticket's history."""
        if changes.touches("tickets", "activities"):
            self.list.refresh()
        self.view.apply_changes(changes)


def _exec_dialog(dialog: QDialog) -> int | None:
    if dialog.exec():
        rid = getattr(dialog, "result_id", None)
        return int(rid) if isinstance(rid, int) else None
    return None
