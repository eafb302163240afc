"""Global search in the toolbar: results appear as you type (debounced), Enter opens.

Searches people, companies, activity texts, tickets, orders and projects through
``services.search.search``; a ticket number (T-2026-00042) opens that ticket at once,
an order hit opens the order.
"""

from __future__ import annotations

import contextlib
import logging
import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.data.store import Store
from crm_desktop.services import lookups
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.icons import icon

log = logging.getLogger("crm_desktop.ui.search")

DEBOUNCE_MS = 150
RESULT_LIMIT = 50
HitRole = int(Qt.ItemDataRole.UserRole) + 1
TICKET_NUMBER = re.compile(r"\b[A-Z]{1,4}-\d{4}-\d{1,6}\b", re.IGNORECASE)
KIND_ICONS = {
    "person": "person",
    "company": "company",
    "activity": "note",
    "ticket": "ticket",
    "order": "pipeline",
    "project": "project",
}


@dataclass
class Hit:
    """One result (the shape of ``services.search.SearchHit``)."""

    kind: str
    ref_id: int
    title: str
    subtitle: str = ""
    score: float = 0.0
    matched: str = ""  # address, phone, notes, profile: why a person/company matched


def _tr(text: str) -> str:
    return QCoreApplication.translate("Search", text)


def _subtitle_enums() -> dict[str, type]:
    from crm_desktop.data.models import ActivityKind, CompanyStatus, ProjectStatus, TicketStatus

    return {
        "company": CompanyStatus,
        "activity": ActivityKind,
        "ticket": TicketStatus,
        "project": ProjectStatus,
    }


def subtitle_text(hit: Hit) -> str:
    """The service's subtitle ("2026-12-08 · call · Anna Berg", "Görlitz · prospect") in
    the window's language: dates in the user's format, kinds and states as labels. A
    subtitle that explains a match (address, phone, note) is user data and stays."""
    if not hit.subtitle or hit.matched:
        return hit.subtitle
    from crm_desktop.ui.format import format_param
    from crm_desktop.ui.i18n import enum_label
    from crm_desktop.ui.sales.order import ORDER_STATUS_LABELS

    enum_cls = _subtitle_enums().get(hit.kind)
    parts = []
    for part in hit.subtitle.split(" · "):
        shown: object = format_param(part)
        if shown == part and enum_cls is not None:
            with contextlib.suppress(ValueError):
                shown = enum_label(enum_cls(part))
        elif shown == part and hit.kind == "order" and part in ORDER_STATUS_LABELS:
            shown = QCoreApplication.translate("OrderDialog", ORDER_STATUS_LABELS[part])
        parts.append(str(shown))
    return " · ".join(parts)


def run_search(session: Session, text: str, limit: int = RESULT_LIMIT) -> list[Hit]:
    """Search through ``services.search`` when it exists, else a simple LIKE over the
    search documents (fallback until the search service is installed)."""
    from crm_desktop.services import search as search_service

    hits = search_service.search(session, text, limit=limit)
    return [
        Hit(
            str(h.kind),
            int(h.ref_id),
            str(h.title),
            str(h.subtitle or ""),
            float(h.score or 0),
            str(h.matched or ""),
        )
        for h in hits
    ]


def find_ticket_id(session: Session, text: str) -> int | None:
    """The id of the ticket whose number is in ``text`` (exactly as stored or typed)."""
    from crm_desktop.services.search import find_ticket_number

    number = find_ticket_number(text)
    if not number:
        return None
    from crm_desktop.services.tickets import find_ticket

    ticket = find_ticket(session, number)
    return int(ticket.id) if ticket is not None else None


def _hits_for(session: Session, text: str) -> list[Hit]:
    """The hits for ``text``; a ticket named by its number first even when stored in a
    form the search does not list."""
    hits = run_search(session, text)
    ticket_id = find_ticket_id(session, text)
    if ticket_id is not None and not any(
        h.kind == "ticket" and h.ref_id == ticket_id for h in hits
    ):
        label = lookups.ticket_label(session, ticket_id)
        if label is not None:
            hits.insert(0, Hit("ticket", ticket_id, label))
    return hits


class SearchPopup(QFrame):
    """The results list under the search field; it never takes the keyboard focus."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.ToolTip)
        self.setObjectName("searchPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list = QListWidget(self)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setUniformItemSizes(True)
        self.list.setObjectName("searchResults")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.list)

    def move_selection(self, step: int) -> None:
        count = self.list.count()
        if not count:
            return
        row = self.list.currentRow()
        for _ in range(count):
            row = (row + step) % count
            item = self.list.item(row)
            if item.flags() & Qt.ItemFlag.ItemIsSelectable:
                self.list.setCurrentRow(row)
                return


class SearchField(QLineEdit):
    """The toolbar search field. Emits ``openRequested(kind, id)`` for the chosen hit."""

    openRequested = Signal(str, int)
    searched = Signal(int)  # number of hits, after each search (tests, status)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("globalSearch")
        self.setPlaceholderText(self.tr("Search… (Ctrl+F)"))
        self.setClearButtonEnabled(True)
        self.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.setMinimumWidth(260)
        self.setAccessibleName(self.tr("Search people, companies, activities and tickets"))
        self.hits: list[Hit] = []
        self.popup = SearchPopup(self)
        self.popup.list.itemClicked.connect(self._item_clicked)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self.textEdited.connect(self._edited)
        self.returnPressed.connect(self.open_current)

    # ------------------------------------------------------------ searching

    def _edited(self, _text: str) -> None:
        if self.text().strip():
            self._timer.start()
        else:
            self._timer.stop()
            self.hits = []
            self.popup.hide()

    def search_now(self) -> list[Hit]:
        self._timer.stop()
        text = self.text().strip()
        if not text:
            self.hits = []
            self.popup.hide()
            return []
        try:
            hits = ops.read(self.store, lambda s: _hits_for(s, text))
        except Exception:  # a broken query must never break typing
            log.exception("search failed")
            hits = []
        self.hits = hits
        self._show(hits)
        self.searched.emit(len(hits))
        return hits

    def _kind_label(self, kind: str) -> str:
        return {
            "person": self.tr("Person"),
            "company": self.tr("Company"),
            "activity": self.tr("Activity"),
            "ticket": self.tr("Ticket"),
            "order": self.tr("Order"),
            "project": self.tr("Project"),
        }.get(kind, kind)

    def _why(self, hit: Hit) -> str:
        """The label before a subtitle that tells what matched (an address speaks for
        itself, a profile subtitle names its field)."""
        label = {"phone": self.tr("Phone"), "notes": self.tr("Note")}.get(hit.matched)
        return f"{label}: " if label else ""

    def _show(self, hits: list[Hit]) -> None:
        lst = self.popup.list
        lst.clear()
        if not hits:
            item = QListWidgetItem(self.tr("No matches. Try fewer letters or another word."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            lst.addItem(item)
        for hit in hits:
            text = hit.title or self._kind_label(hit.kind)
            if hit.subtitle:
                text = f"{text} — {self._why(hit)}{subtitle_text(hit)}"
            item = QListWidgetItem(icon(KIND_ICONS.get(hit.kind, "note")), text)
            item.setToolTip(f"{self._kind_label(hit.kind)}: {text}")
            item.setData(HitRole, hit)
            lst.addItem(item)
        if hits:
            lst.setCurrentRow(0)
        self._place_popup()
        self.popup.show()

    def _place_popup(self) -> None:
        width = max(self.width(), 420)
        rows = min(max(self.popup.list.count(), 1), 12)
        height = rows * (self.fontMetrics().height() + 8) + 6
        pos = self.mapToGlobal(QPoint(0, self.height()))
        self.popup.setGeometry(pos.x() + self.width() - width, pos.y(), width, height)

    # ------------------------------------------------------------ opening

    def current_hit(self) -> Hit | None:
        item = self.popup.list.currentItem()
        hit = item.data(HitRole) if item is not None else None
        if isinstance(hit, Hit):
            return hit
        return self.hits[0] if self.hits else None

    def open_current(self) -> None:
        if self._timer.isActive() or not self.popup.isVisible():
            self.search_now()
        hit = self.current_hit()
        if hit is not None:
            self.open_hit(hit)

    def open_hit(self, hit: Hit) -> None:
        self.popup.hide()
        log.info("search opens %s %s", hit.kind, hit.ref_id)
        self.openRequested.emit(hit.kind, hit.ref_id)
        # the focus follows the hit: the keys act on what was opened, not on the search
        QTimer.singleShot(0, self._focus_opened)

    def _focus_opened(self) -> None:
        """Give the focus to the record shown in the window's centre (its first field)."""
        from PySide6.QtWidgets import QStackedWidget

        window = self.window()
        if QApplication.activeModalWidget() is not None:
            return  # the hit opened a dialog (an order): it has the focus
        shown: QWidget | None = None
        center = getattr(window, "center", None)
        if isinstance(center, QStackedWidget):
            shown = center.currentWidget()
            inner = shown.currentWidget() if isinstance(shown, QStackedWidget) else None
            shown = inner or shown
        if shown is None or not shown.isVisible():
            return
        target = focus_target(shown)
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _item_clicked(self, item: QListWidgetItem) -> None:
        hit = item.data(HitRole)
        if isinstance(hit, Hit):
            self.open_hit(hit)

    # ------------------------------------------------------------ keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.popup.isVisible():
            if key == Qt.Key.Key_Down:
                self.popup.move_selection(1)
                return
            if key == Qt.Key.Key_Up:
                self.popup.move_selection(-1)
                return
            if key == Qt.Key.Key_Escape:
                self.popup.hide()
                return
        elif key == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        QTimer.singleShot(200, self._hide_if_unfocused)
        super().focusOutEvent(event)

    def _hide_if_unfocused(self) -> None:
        if not self.hasFocus():
            self.popup.hide()

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Move, QEvent.Type.Resize) and self.popup.isVisible():
            self._place_popup()
        return super().event(event)


def focus_target(widget: QWidget) -> QWidget:
    """The first widget inside ``widget`` that takes the focus by Tab (else ``widget``)."""
    candidate = widget.nextInFocusChain()
    while candidate is not None and candidate is not widget:
        if (
            widget.isAncestorOf(candidate)
            and candidate.isVisible()
            and candidate.isEnabled()
            and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            return candidate
        candidate = candidate.nextInFocusChain()
    return widget
