"""The sales pipeline: a board, a grouped list and a Gantt-style timeline.

:class:`PipelineBoard` has three tabs:

- *Board*: one column per stage with a card per open opportunity (title, company,
  value in €, probability, expected month). Drag a card to another column, or use
  the buttons, to move it; *Won* turns it into a project, *Lost…* asks for a reason
  from the list (refused without one) and an optional note.
- *List*: the opportunities grouped by owner, expected month or status with sums.
- *Timeline*: one bar per open opportunity from its creation to the expected close,
  coloured by stage, on a month grid with a line for today.

A card or list row's "Delete…" (context menu, Delete key) asks the window to delete
the opportunity undoably (``deleteRequested``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import decimal
from dataclasses import dataclass

from PySide6.QtCore import (
    QByteArray,
    QDataStream,
    QEvent,
    QIODevice,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QToolTip,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, SystemClock, to_local
from crm_desktop.data.models import Opportunity, OpportunityStatus
from crm_desktop.data.store import Store
from crm_desktop.errors import CrmError
from crm_desktop.services import pipeline as svc
from crm_desktop.services.changes import Changes
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.format import format_date, format_money, ui_locale
from crm_desktop.ui.i18n import enum_label, translate_error
from crm_desktop.ui.undo import RowDelete

MIME = "application/x-crm-opportunity"
OPP_ID = Qt.ItemDataRole.UserRole + 1
CARD = Qt.ItemDataRole.UserRole + 2
STAGE_COLORS = ["#5c6bc0", "#26a69a", "#ffa726", "#ef5350", "#ab47bc", "#8d6e63", "#29b6f6"]


def stage_color(position: int) -> QColor:
    return QColor(STAGE_COLORS[position % len(STAGE_COLORS)])


def month_name(day: dt.date) -> str:
    """ "Feb 2027" in the UI language."""
    loc = ui_locale()
    return f"{loc.monthName(day.month, loc.FormatType.ShortFormat)} {day.year}"


# ---------------------------------------------------------------- plain data


@dataclass(frozen=True)
class Card:
    id: int
    title: str
    company: str
    person: str
    value: decimal.Decimal
    currency: str
    probability: int
    expected_close: dt.date | None
    owner: str
    stage_id: int | None
    stage_pos: int
    created: dt.date
    status: OpportunityStatus


@dataclass(frozen=True)
class Column:
    stage_id: int
    name: str
    probability: int
    position: int
    cards: list[Card]

    @property
    def total(self) -> decimal.Decimal:
        return sum((c.value for c in self.cards), decimal.Decimal(0))


@dataclass(frozen=True)
class Group:
    key: str
    cards: list[Card]
    total: decimal.Decimal
    weighted: decimal.Decimal


def _card(opp: Opportunity, positions: dict[int, int]) -> Card:
    return Card(
        id=opp.id,
        title=opp.title,
        company=opp.company.name if opp.company is not None else "",
        person=opp.person.full_name if opp.person is not None else "",
        value=decimal.Decimal(opp.value),
        currency=opp.currency,
        probability=opp.probability,
        expected_close=opp.expected_close,
        owner=opp.owner or "",
        stage_id=opp.stage_id,
        stage_pos=positions.get(opp.stage_id or -1, 0),
        created=to_local(opp.created_at).date(),
        status=opp.status,
    )


def load_board(store: Store) -> list[Column]:
    seeded = ops.read(store, lambda s: bool(svc.stages(s)) and bool(svc.loss_reasons(s)))
    if not seeded and not store.read_only:

        def seed(s: Session) -> None:  # the default stages and reasons on first use
            svc.ensure_stages(s)
            svc.ensure_loss_reasons(s)

        ops.write(store, seed)

    def columns(s: Session) -> list[Column]:
        cols = svc.board(s)
        positions = {c.stage.id: i for i, c in enumerate(cols)}
        return [
            Column(
                stage_id=c.stage.id,
                name=c.stage.name,
                probability=c.stage.probability,
                position=i,
                cards=[_card(o, positions) for o in c.opportunities],
            )
            for i, c in enumerate(cols)
        ]

    return ops.read(store, columns)


def load_groups(store: Store, by: svc.GroupBy) -> list[Group]:

    def groups(s: Session) -> list[Group]:
        positions = {st.id: i for i, st in enumerate(svc.stages(s))}
        return [
            Group(g.key, [_card(o, positions) for o in g.opportunities], g.total, g.weighted)
            for g in svc.grouped(s, by)
        ]

    return ops.read(store, groups)


# ---------------------------------------------------------------- board column


class CardDelegate(QStyledItemDelegate):
    """Paints an opportunity as a card: title (two lines at most), company, value and
    probability, expected month; a coloured strip for the stage."""

    PAD = 8

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        fm = QFontMetrics(option.font)
        view = self.parent()
        width = option.rect.width()
        if isinstance(view, QListView):  # the card fills the column
            width = view.viewport().width() - 2 * view.spacing()
        width = max(width, 180)
        title_h = self._title_rect(fm, width, index).height()
        return QSize(width, title_h + 3 * (fm.height() + 2) + 2 * self.PAD + 6)

    def _title_rect(
        self, fm: QFontMetrics, width: int, index: QModelIndex | QPersistentModelIndex
    ) -> QRect:
        bold = QFont()
        bold.setBold(True)
        bfm = QFontMetrics(bold)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        rect = bfm.boundingRect(
            QRect(0, 0, width - 2 * self.PAD - 6, 10_000),
            int(Qt.TextFlag.TextWordWrap),
            text,
        )
        return QRect(0, 0, rect.width(), min(rect.height(), 2 * bfm.lineSpacing()))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        card = index.data(CARD)
        if not isinstance(card, Card):
            super().paint(painter, option, index)
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(option.rect).adjusted(3, 3, -3, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[operator]
        pal = option.palette
        painter.setPen(
            QPen(
                pal.color(QPalette.ColorRole.Highlight) if selected else QColor("#c8c8c8"),
                1.5 if selected else 1,
            )
        )
        painter.setBrush(pal.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(r, 6, 6)
        strip = QRectF(r.left(), r.top(), 5, r.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(stage_color(card.stage_pos))
        painter.drawRoundedRect(strip, 2, 2)

        x = int(r.left()) + self.PAD + 4
        w = int(r.width()) - 2 * self.PAD - 6
        y = int(r.top()) + self.PAD
        fm = QFontMetrics(option.font)
        bold = QFont(option.font)
        bold.setBold(True)
        bfm = QFontMetrics(bold)
        painter.setPen(pal.color(QPalette.ColorRole.Text))
        painter.setFont(bold)
        title_h = self._title_rect(fm, int(r.width()) + 6, index).height()
        lines = self._two_lines(bfm, card.title, w)
        painter.drawText(QRect(x, y, w, title_h), int(Qt.AlignmentFlag.AlignLeft), lines)
        y += title_h + 2
        painter.setFont(option.font)
        painter.setPen(QColor("#555555"))
        who = card.company or card.person or "–"
        painter.drawText(
            QRect(x, y, w, fm.height()),
            int(Qt.AlignmentFlag.AlignLeft),
            fm.elidedText(who, Qt.TextElideMode.ElideRight, w),
        )
        y += fm.height() + 2
        painter.setPen(pal.color(QPalette.ColorRole.Text))
        painter.setFont(bold)
        painter.drawText(
            QRect(x, y, w, fm.height()),
            int(Qt.AlignmentFlag.AlignLeft),
            format_money(card.value, card.currency),
        )
        painter.setFont(option.font)
        painter.drawText(
            QRect(x, y, w, fm.height()), int(Qt.AlignmentFlag.AlignRight), f"{card.probability} %"
        )
        y += fm.height() + 2
        painter.setPen(QColor("#555555"))
        month = (
            month_name(card.expected_close) if card.expected_close else self.tr("no expected close")
        )
        bottom = card.owner
        painter.drawText(QRect(x, y, w, fm.height()), int(Qt.AlignmentFlag.AlignLeft), month)
        if bottom:
            painter.drawText(
                QRect(x, y, w, fm.height()),
                int(Qt.AlignmentFlag.AlignRight),
                fm.elidedText(bottom, Qt.TextElideMode.ElideRight, w // 2),
            )
        painter.restore()

    @staticmethod
    def _two_lines(fm: QFontMetrics, text: str, width: int) -> str:
        """Word-wrap to at most two lines, the second elided."""
        words = text.split()
        first = ""
        while words and fm.horizontalAdvance((first + " " + words[0]).strip()) <= width:
            first = (first + " " + words.pop(0)).strip()
        if not first and words:  # one very long word
            return fm.elidedText(text, Qt.TextElideMode.ElideRight, width)
        rest = " ".join(words)
        if not rest:
            return first
        return first + "\n" + fm.elidedText(rest, Qt.TextElideMode.ElideRight, width)


class StageModel(QStandardItemModel):
    """The cards of one stage; drags carry the opportunity id."""

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        payload = QByteArray()
        stream = QDataStream(payload, QIODevice.OpenModeFlag.WriteOnly)
        for index in indexes:
            stream.writeInt64(int(index.data(OPP_ID)))
        data.setData(MIME, payload)
        return data

    def supportedDragActions(self) -> Qt.DropAction:
        # the drop answers "copy": the board reloads from the store, the view must not
        # remove the dragged row itself
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction


def opportunity_ids(mime: QMimeData) -> list[int]:
    if not mime.hasFormat(MIME):
        return []
    payload = mime.data(MIME)
    stream = QDataStream(payload, QIODevice.OpenModeFlag.ReadOnly)
    ids = []
    while not stream.atEnd():
        ids.append(int(stream.readInt64()))
    return ids


class StageList(QListView):
    """A board column's card list; accepts cards dropped from other columns."""

    dropped = Signal(int, int)  # opportunity id, stage id

    def __init__(self, stage_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage_id = stage_id
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(2)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setItemDelegate(CardDelegate(self))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        ids = opportunity_ids(event.mimeData())
        if not ids:
            event.ignore()
            return
        # the board reloads from the store, so Qt must not remove the source row itself
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        for opp_id in ids:
            self.dropped.emit(opp_id, self.stage_id)


# ---------------------------------------------------------------- lost dialog


class LostDialog(QDialog):
    """Asks why an opportunity was lost: a reason from the list (required) and a note."""

    def __init__(
        self, title: str, reasons: list[tuple[int, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Opportunity lost"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Why was “{title}” lost?").format(title=title))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.reason = QComboBox()
        self.reason.setPlaceholderText(self.tr("Choose a reason…"))
        for rid, name in reasons:
            self.reason.addItem(name, rid)
        self.reason.setCurrentIndex(-1)
        form.addRow(self.tr("Reason:"), self.reason)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("What happened? (optional)"))
        self.note.setFixedHeight(80)
        form.addRow(self.tr("Note:"), self.note)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Mark as lost"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons
        self.reason.currentIndexChanged.connect(lambda _i: self.error.hide())

    @property
    def reason_id(self) -> int | None:
        data = self.reason.currentData()
        return int(data) if data is not None else None

    @property
    def note_text(self) -> str:
        return self.note.toPlainText().strip()

    def accept(self) -> None:
        if self.reason_id is None:
            self.error.setText(self.tr("Please choose a reason; it is needed for the statistics."))
            self.error.show()
            self.reason.setFocus()
            return
        super().accept()


# ---------------------------------------------------------------- Gantt chart


class GanttChart(QWidget):
    """One bar per open opportunity from creation to expected close, coloured by stage,
    on a month grid with today marked."""

    ROW = 30
    HEAD = 48
    LABEL_W = 300

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.columns: list[Column] = []
        self.cards: list[Card] = []
        self.start = today.replace(day=1)
        self.months = 6
        self.setMinimumHeight(200)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)

    def set_data(self, columns: list[Column], today: dt.date) -> None:
        self.today = today
        self.columns = columns
        self.cards = sorted(
            (c for col in columns for c in col.cards),
            key=lambda c: (c.expected_close or dt.date.max, c.created, c.id),
        )
        first = min([c.created for c in self.cards] + [today]).replace(day=1)
        ends = [self._end(c) for c in self.cards] + [today]
        last = max(ends)
        self.start = first
        self.months = max(6, (last.year - first.year) * 12 + last.month - first.month + 1)
        self.setMinimumSize(
            self.LABEL_W + self.months * 90 + 20,
            self.HEAD + max(len(self.cards), 3) * self.ROW + 80,
        )
        self.updateGeometry()
        self.update()

    def _end(self, card: Card) -> dt.date:
        if card.expected_close is None:
            return self.today
        d = card.expected_close
        return d.replace(day=calendar.monthrange(d.year, d.month)[1])

    def _x(self, day: dt.date, left: int, month_w: float) -> float:
        months = (day.year - self.start.year) * 12 + day.month - self.start.month
        frac = (day.day - 1) / calendar.monthrange(day.year, day.month)[1]
        return left + (months + frac) * month_w

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def bar_rect(self, row: int) -> QRectF:
        """Where the bar of row ``row`` is drawn (for tests and tooltips)."""
        card = self.cards[row]
        left = self.LABEL_W
        month_w = (self.width() - left - 10) / self.months
        x1 = self._x(card.created, left, month_w)
        x2 = self._x(self._end(card), left, month_w) + month_w / 31
        y = self.HEAD + row * self.ROW + 6
        return QRectF(x1, y, max(x2 - x1, 4), self.ROW - 12)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        fm = QFontMetrics(self.font())
        left = self.LABEL_W
        month_w = (self.width() - left - 10) / self.months
        height = self.HEAD + max(len(self.cards), 1) * self.ROW
        # legend
        x = 8
        for col in self.columns:
            p.setBrush(stage_color(col.position))
            p.setPen(Qt.PenStyle.NoPen)
            p.drawRoundedRect(QRectF(x, 6, 12, 12), 2, 2)
            p.setPen(pal.color(QPalette.ColorRole.Text))
            label = f"{col.name} ({col.probability} %)"
            p.drawText(QPoint(x + 16, 17), label)
            x += 16 + fm.horizontalAdvance(label) + 16
        # month grid
        grid = QColor("#dddddd")
        for i in range(self.months + 1):
            mx = left + i * month_w
            p.setPen(QPen(grid, 1))
            p.drawLine(int(mx), self.HEAD - 18, int(mx), height)
            if i < self.months:
                total = self.start.month - 1 + i
                day = dt.date(self.start.year + total // 12, total % 12 + 1, 1)
                p.setPen(pal.color(QPalette.ColorRole.Text))
                text = fm.elidedText(month_name(day), Qt.TextElideMode.ElideRight, int(month_w) - 6)
                p.drawText(
                    QRectF(mx + 3, self.HEAD - 20, month_w - 6, 18),
                    int(Qt.AlignmentFlag.AlignLeft),
                    text,
                )
        p.setPen(QPen(QColor("#bbbbbb"), 1))
        p.drawLine(0, self.HEAD - 2, self.width(), self.HEAD - 2)
        if not self.cards:
            p.setPen(QColor("#777777"))
            p.drawText(
                QRectF(0, self.HEAD, self.width(), self.ROW * 3),
                int(Qt.AlignmentFlag.AlignCenter),
                self.tr(
                    "No open opportunities. New ones appear here as bars from their start to the expected close."
                ),
            )
        for row, card in enumerate(self.cards):
            y = self.HEAD + row * self.ROW
            if row % 2:
                p.fillRect(QRectF(0, y, self.width(), self.ROW), QColor(0, 0, 0, 10))
            p.setPen(pal.color(QPalette.ColorRole.Text))
            label = card.title + (f" – {card.company}" if card.company else "")
            p.drawText(
                QRectF(8, y, left - 16, self.ROW),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                fm.elidedText(label, Qt.TextElideMode.ElideRight, left - 16),
            )
            rect = self.bar_rect(row)
            color = stage_color(card.stage_pos)
            if card.expected_close is None:
                color.setAlpha(110)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(color)
            p.drawRoundedRect(rect, 4, 4)
            text = format_money(card.value, card.currency)
            if card.expected_close is None:
                text += " · " + self.tr("no expected close")
            elif card.expected_close < self.today.replace(day=1):
                text += " · " + self.tr("overdue")
            tw = fm.horizontalAdvance(text)
            if tw + 10 < rect.width():
                p.setPen(QColor("white"))
                p.drawText(rect.adjusted(6, 0, -4, 0), int(Qt.AlignmentFlag.AlignVCenter), text)
            else:
                p.setPen(pal.color(QPalette.ColorRole.Text))
                p.drawText(
                    QRectF(rect.right() + 6, rect.top(), tw + 10, rect.height()),
                    int(Qt.AlignmentFlag.AlignVCenter),
                    text,
                )
        # today
        tx = self._x(self.today, left, month_w)
        p.setPen(QPen(QColor("#d32f2f"), 2, Qt.PenStyle.DashLine))
        p.drawLine(int(tx), self.HEAD - 4, int(tx), height)
        p.setPen(QColor("#d32f2f"))
        p.drawText(QPoint(int(tx) + 4, height + 16), self.tr("today"))
        p.setPen(QColor("#666666"))
        p.drawText(
            QRectF(8, height + 26, self.width() - 16, 40),
            int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap),
            self.tr(
                "Each bar runs from the day the opportunity was opened to the end of its "
                "expected month; pale bars have no expected close yet. Hover a row for details."
            ),
        )
        p.end()

    def row_at(self, y: float) -> int | None:
        row = int((y - self.HEAD) // self.ROW)
        return row if y >= self.HEAD and 0 <= row < len(self.cards) else None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            row = self.row_at(event.y())
            if row is None:
                QToolTip.hideText()
            else:
                c = self.cards[row]
                lines = [c.title, c.company or c.person, format_money(c.value, c.currency)]
                lines.append(
                    self.tr("Opened {start}, expected close {end}").format(
                        start=format_date(c.created),
                        end=month_name(c.expected_close) if c.expected_close else "–",
                    )
                )
                QToolTip.showText(event.globalPos(), "\n".join(x for x in lines if x), self)
            return True
        return super().event(event)


# ---------------------------------------------------------------- the board


def _opportunity_at(index: QModelIndex | QPersistentModelIndex) -> tuple[str, int] | None:
    """The opportunity of a card or list row (a group head is none)."""
    opp_id = index.sibling(index.row(), 0).data(OPP_ID)
    return ("opportunity", int(opp_id)) if opp_id is not None else None


class PipelineBoard(QWidget):
    """Board, grouped list and timeline of the sales pipeline."""

    changed = Signal(object)  # the Changes of a move, win or loss
    projectCreated = Signal(int)  # project id after a win
    opportunityActivated = Signal(int)  # a card or list row double-clicked: open it
    deleteRequested = Signal(str, int)  # "opportunity", id: the window asks and deletes

    def __init__(
        self,
        store: Store,
        clock: Clock | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock or SystemClock()
        self.columns: list[Column] = []
        self.lists: dict[int, StageList] = {}
        self.column_models: dict[int, StageModel] = {}
        self.headers: dict[int, QLabel] = {}
        self.empties: dict[int, QLabel] = {}

        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.info = QLabel()
        self.info.setWordWrap(True)
        layout.addWidget(self.info)

        # board tab
        board_page = QWidget()
        bl = QVBoxLayout(board_page)
        bl.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel()
        bl.addWidget(self.summary)
        self.columns_box = QHBoxLayout()
        self.columns_box.setSpacing(8)
        cols_widget = QWidget()
        cols_widget.setLayout(self.columns_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(cols_widget)
        bl.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.left_button = QPushButton(self.tr("◀ Previous stage"))
        self.right_button = QPushButton(self.tr("Next stage ▶"))
        self.won_button = QPushButton(self.tr("Won"))
        self.lost_button = QPushButton(self.tr("Lost…"))
        self.won_button.setStyleSheet("QPushButton { color: #1b5e20; font-weight: bold; }")
        self.lost_button.setStyleSheet("QPushButton { color: #b71c1c; font-weight: bold; }")
        self.left_button.clicked.connect(lambda: self.step(-1))
        self.right_button.clicked.connect(lambda: self.step(1))
        self.won_button.clicked.connect(lambda: self.mark_won())
        self.lost_button.clicked.connect(lambda: self.mark_lost())
        self.hint = QLabel(
            self.tr("Drag a card to another stage, or select it and use the buttons.")
        )
        self.hint.setStyleSheet("color: #666666;")
        buttons.addWidget(self.hint, 1)
        for b in (self.left_button, self.right_button, self.won_button, self.lost_button):
            buttons.addWidget(b)
        bl.addLayout(buttons)
        self.tabs.addTab(board_page, self.tr("Board"))

        # list tab
        list_page = QWidget()
        ll = QVBoxLayout(list_page)
        ll.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Group by:")))
        self.group_combo = QComboBox()
        self.group_combo.addItem(self.tr("Owner"), "owner")
        self.group_combo.addItem(self.tr("Expected month"), "month")
        self.group_combo.addItem(self.tr("Status"), "status")
        self.group_combo.currentIndexChanged.connect(lambda _i: self.refresh_list())
        top.addWidget(self.group_combo)
        top.addStretch(1)
        ll.addLayout(top)
        self.list_model = QStandardItemModel(0, 6, self)
        self.list_view = QTreeView()
        self.list_view.setModel(self.list_model)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setAlternatingRowColors(True)
        self.list_view.setUniformRowHeights(True)
        self.list_view.doubleClicked.connect(self._activated)
        self.list_delete = RowDelete(self.list_view, _opportunity_at)
        self.list_delete.requested.connect(self.deleteRequested)
        ll.addWidget(self.list_view, 1)
        self.tabs.addTab(list_page, self.tr("List"))

        # timeline tab
        self.gantt = GanttChart(to_local(self.clock.now()).date())
        gscroll = QScrollArea()
        gscroll.setWidgetResizable(True)
        gscroll.setWidget(self.gantt)
        self.tabs.addTab(gscroll, self.tr("Timeline"))

        self.refresh()

    # ------------------------------------------------------------ loading

    def apply_changes(self, changes: Changes) -> None:
        """Deals, their customers and the stages they sit in.
        Hidden, it loads when it is shown next."""
        if self.isVisible() and changes.touches(
            "opportunities", "companies", "people", "projects", "orders", "settings"
        ):
            self.refresh()

    def refresh(self) -> None:
        self.columns = load_board(self.store)
        self._build_columns()
        today = to_local(self.clock.now()).date()
        self.gantt.set_data(self.columns, today)
        self.refresh_list()
        cards = [c for col in self.columns for c in col.cards]
        total = sum((c.value for c in cards), decimal.Decimal(0))
        weighted = sum((c.value * c.probability / 100 for c in cards), decimal.Decimal(0))
        self.summary.setText(
            self.tr("{count} open opportunities · total {total} · weighted {weighted}").format(
                count=len(cards), total=format_money(total), weighted=format_money(weighted)
            )
        )
        self._update_buttons()

    def _build_columns(self) -> None:
        """Fill the columns; the column widgets are kept while the stages stay the same
        (a drop handler must not delete the view it runs in)."""
        selected = self.selected_id()
        if [c.stage_id for c in self.columns] != list(self.lists):
            self._make_columns()
        for col in self.columns:
            color = stage_color(col.position).name()
            self.headers[col.stage_id].setText(
                f"<span style='color:{color}; font-size:large'>■</span> <b>{col.name}</b> "
                f"<span style='color:#666'>{col.probability} %</span><br>"
                + self.tr("{count} · {total}").format(
                    count=len(col.cards), total=format_money(col.total)
                )
            )
            model = self.column_models[col.stage_id]
            model.removeRows(0, model.rowCount())
            for card in col.cards:
                item = QStandardItem(card.title)
                item.setData(card.id, OPP_ID)
                item.setData(card, CARD)
                item.setToolTip(self._tooltip(card))
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsDragEnabled
                )
                model.appendRow(item)
            self.empties[col.stage_id].setVisible(not col.cards)
        if selected is not None:
            self.select(selected)

    def _make_columns(self) -> None:
        while self.columns_box.count():
            old = self.columns_box.takeAt(0)
            w = old.widget() if old is not None else None
            if w is not None:
                w.deleteLater()
        self.lists, self.column_models, self.headers, self.empties = {}, {}, {}, {}
        for col in self.columns:
            frame = QFrame()
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            frame.setMinimumWidth(230)
            fl = QVBoxLayout(frame)
            fl.setContentsMargins(6, 6, 6, 6)
            head = QLabel()
            head.setWordWrap(True)
            fl.addWidget(head)
            model = StageModel(self)
            view = StageList(col.stage_id)
            view.setModel(model)
            view.dropped.connect(self.move_to)
            view.doubleClicked.connect(self._activated)
            RowDelete(view, _opportunity_at).requested.connect(self.deleteRequested)
            view.selectionModel().currentChanged.connect(
                lambda cur, _prev, sid=col.stage_id: self._selected_in(sid, cur)
            )
            fl.addWidget(view, 1)
            empty = QLabel(self.tr("No opportunities here.\nDrop a card to move it."))
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            empty.setStyleSheet("color: #888888;")
            fl.addWidget(empty)
            self.columns_box.addWidget(frame, 1)
            self.lists[col.stage_id] = view
            self.column_models[col.stage_id] = model
            self.headers[col.stage_id] = head
            self.empties[col.stage_id] = empty

    def _tooltip(self, card: Card) -> str:
        lines = [card.title]
        if card.company or card.person:
            lines.append(", ".join(x for x in (card.person, card.company) if x))
        lines.append(f"{format_money(card.value, card.currency)} · {card.probability} %")
        if card.expected_close:
            lines.append(
                self.tr("Expected close: {date}").format(date=format_date(card.expected_close))
            )
        if card.owner:
            lines.append(self.tr("Owner: {owner}").format(owner=card.owner))
        return "\n".join(lines)

    def refresh_list(self) -> None:
        by = str(self.group_combo.currentData() or "owner")
        groups = load_groups(self.store, by)  # type: ignore[arg-type]
        m = self.list_model
        m.clear()
        m.setHorizontalHeaderLabels(
            [
                self.tr("Opportunity"),
                self.tr("Customer"),
                self.tr("Value"),
                self.tr("Probability"),
                self.tr("Expected close"),
                self.tr("Stage / status"),
            ]
        )
        stage_names = {c.stage_id: c.name for c in self.columns}
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for g in groups:
            if by == "owner":
                label = g.key or self.tr("(no owner)")
            elif by == "month":
                label = (
                    month_name(dt.date.fromisoformat(g.key + "-01"))
                    if g.key
                    else self.tr("(no expected close)")
                )
            else:
                label = enum_label(OpportunityStatus(g.key))
            head = QStandardItem(f"{label} ({len(g.cards)})")
            bold = QFont(head.font())
            bold.setBold(True)
            head.setFont(bold)
            total = QStandardItem(format_money(g.total))
            total.setFont(bold)
            total.setTextAlignment(right)
            weighted = QStandardItem(
                self.tr("weighted {value}").format(value=format_money(g.weighted))
            )
            row = [head, QStandardItem(""), total, weighted, QStandardItem(""), QStandardItem("")]
            for card in g.cards:
                status = (
                    stage_names.get(card.stage_id or -1, "")
                    if card.status == OpportunityStatus.OPEN
                    else enum_label(card.status)
                )
                value = QStandardItem(format_money(card.value, card.currency))
                value.setTextAlignment(right)
                prob = QStandardItem(f"{card.probability} %")
                prob.setTextAlignment(right)
                child = [
                    QStandardItem(card.title),
                    QStandardItem(card.company or card.person),
                    value,
                    prob,
                    QStandardItem(month_name(card.expected_close) if card.expected_close else "–"),
                    QStandardItem(status),
                ]
                child[0].setData(card.id, OPP_ID)
                child[0].setToolTip(card.title)
                head.appendRow(child)
            m.appendRow(row)
        self.list_view.expandAll()
        for col in range(6):
            self.list_view.resizeColumnToContents(col)
        self.list_view.setColumnWidth(0, min(max(self.list_view.columnWidth(0), 200), 380))

    # ------------------------------------------------------------ selection

    def _selected_in(self, stage_id: int, current: QModelIndex) -> None:
        if current.isValid():
            for sid, view in self.lists.items():
                if sid != stage_id:
                    view.clearSelection()
                    view.setCurrentIndex(QModelIndex())
        self._update_buttons()

    def selected_id(self) -> int | None:
        for view in self.lists.values():
            idx = view.currentIndex()
            if idx.isValid() and view.selectionModel().isSelected(idx):
                return int(idx.data(OPP_ID))
        return None

    def select(self, opp_id: int) -> bool:
        for view in self.lists.values():
            model = view.model()
            for row in range(model.rowCount()):
                idx = model.index(row, 0)
                if idx.data(OPP_ID) == opp_id:
                    view.setCurrentIndex(idx)
                    view.selectionModel().select(
                        idx, view.selectionModel().SelectionFlag.ClearAndSelect
                    )
                    self._update_buttons()
                    return True
        return False

    def _activated(self, index: QModelIndex) -> None:
        opp_id = index.sibling(index.row(), 0).data(OPP_ID)
        if opp_id is not None:
            self.opportunityActivated.emit(int(opp_id))

    def row_delete(self, view: QAbstractItemView) -> RowDelete:
        """The "Delete…" of a board column or of the list."""
        found = view.findChild(RowDelete)
        assert isinstance(found, RowDelete)
        return found

    def card_index(self, opp_id: int) -> tuple[StageList, QModelIndex] | None:
        """The board column and the index of an opportunity's card."""
        for view in self.lists.values():
            model = view.model()
            for row in range(model.rowCount()):
                index = model.index(row, 0)
                if index.data(OPP_ID) == opp_id:
                    return view, index
        return None

    def card(self, opp_id: int) -> Card | None:
        for col in self.columns:
            for c in col.cards:
                if c.id == opp_id:
                    return c
        return None

    def stage_of(self, opp_id: int) -> int | None:
        for col in self.columns:
            if any(c.id == opp_id for c in col.cards):
                return col.stage_id
        return None

    def _update_buttons(self) -> None:
        opp = self.selected_id()
        has = opp is not None
        pos = next(
            (
                i
                for i, col in enumerate(self.columns)
                if opp is not None and any(c.id == opp for c in col.cards)
            ),
            -1,
        )
        self.left_button.setEnabled(has and pos > 0)
        self.right_button.setEnabled(has and 0 <= pos < len(self.columns) - 1)
        self.won_button.setEnabled(has)
        self.lost_button.setEnabled(has)

    # ------------------------------------------------------------ actions

    def _fail(self, exc: CrmError) -> None:
        self.info.setStyleSheet("color: #b3261e;")
        self.info.setText(translate_error(exc))

    def _ok(self, text: str) -> None:
        self.info.setStyleSheet("color: #1b5e20;")
        self.info.setText(text)

    def move_to(self, opp_id: int, stage_id: int) -> bool:
        if self.stage_of(opp_id) == stage_id:
            return False
        try:

            def move(s: Session) -> tuple[str, str]:
                opp = svc.change_stage(s, opp_id, stage_id, self.clock)
                return opp.title, opp.stage.name if opp.stage else ""

            title, stage = ops.write(
                self.store, move, sender=self, changes=Changes.of("opportunity", opp_id)
            )
        except CrmError as exc:
            self._fail(exc)
            return False
        self.refresh()
        self.select(opp_id)
        self._ok(self.tr("“{title}” moved to {stage}.").format(title=title, stage=stage))
        return True

    def step(self, delta: int) -> bool:
        opp = self.selected_id()
        if opp is None:
            return False
        ids = [c.stage_id for c in self.columns]
        current = self.stage_of(opp)
        if current is None:
            return False
        pos = ids.index(current) + delta
        if not 0 <= pos < len(ids):
            return False
        return self.move_to(opp, ids[pos])

    def mark_won(self, opp_id: int | None = None) -> int | None:
        """Close as won; returns the new project's id."""
        opp_id = opp_id if opp_id is not None else self.selected_id()
        if opp_id is None:
            return None
        try:

            def win(s: Session) -> tuple[int, str]:
                project = svc.mark_won(s, opp_id, self.clock)
                return project.id, project.name

            pid, name = ops.write(
                self.store,
                win,
                sender=self,
                changes=lambda won: (
                    Changes.of("opportunity", opp_id, structure=True)
                    | Changes.of("project", won[0], structure=True)
                ),
            )
        except CrmError as exc:
            self._fail(exc)
            return None
        self.refresh()
        self._ok(
            self.tr("Won! The project “{name}” now carries the whole sales history.").format(
                name=name
            )
        )
        self.projectCreated.emit(pid)
        return pid

    def lost_dialog(self, opp_id: int) -> LostDialog:
        reasons = ops.read(self.store, lambda s: [(r.id, r.name) for r in svc.loss_reasons(s)])
        card = self.card(opp_id)
        return LostDialog(card.title if card else "", reasons, self)

    def mark_lost(self, opp_id: int | None = None, dialog: LostDialog | None = None) -> bool:
        """Ask for a reason (dialog) and close as lost; False when cancelled or refused."""
        opp_id = opp_id if opp_id is not None else self.selected_id()
        if opp_id is None:
            return False
        dlg = dialog or self.lost_dialog(opp_id)
        if dialog is None and dlg.exec() != QDialog.DialogCode.Accepted:
            return False
        if dialog is not None and dlg.result() != QDialog.DialogCode.Accepted:
            return False
        try:
            title = ops.write(
                self.store,
                lambda s: svc.mark_lost(s, opp_id, dlg.reason_id, dlg.note_text, self.clock).title,
                sender=self,
                changes=Changes.of("opportunity", opp_id, structure=True),
            )
        except CrmError as exc:
            self._fail(exc)
            return False
        self.refresh()
        self._ok(self.tr("“{title}” marked as lost.").format(title=title))
        return True
