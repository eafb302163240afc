"""Detail panes for a company and a person, and the stack that holds them.

A pane shows a header (name, legal form or position, company link, status and
priority badges) and tabs: overview, communication (tel:/mailto: links),
addresses, bank & payment, profile (people), relations, tickets, projects,
opportunities and marketing consent (people).

"Edit" (F2) turns the pane into the same form the dialogs use; Enter saves
everything in one unit of work, Esc cancels. Validation errors appear under the
fields, and nothing is saved while anything is wrong.
"""

from __future__ import annotations

import datetime as dt
import html
import urllib.parse
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.data.models import (
    Address,
    BankAccount,
    CompanyStatus,
    Email,
    Person,
    Phone,
    Priority,
)
from crm_desktop.data.store import Store
from crm_desktop.errors import CrmError, NotFoundError
from crm_desktop.services import contacts
from crm_desktop.services import detail as pane_data
from crm_desktop.services.changes import Changes
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.dialogs import (
    TAB_ADDRESSES,
    TAB_BANK,
    TAB_COMMUNICATION,
    TAB_OVERVIEW,
    TAB_PROFILE,
    ActivityDialog,
    CompanyDialog,
    CompanyForm,
    DepartmentDialog,
    EntityForm,
    PersonDialog,
    PersonForm,
)
from crm_desktop.ui.format import (
    age_on,
    format_date,
    format_datetime,
    format_iban,
    format_money,
    format_phone,
)
from crm_desktop.ui.forms import (
    Badge,
    ErrorLabel,
    LinkLabel,
    card_errors,
    mailto_link,
    record_link,
    scrolled,
    shortcut,
    tel_link,
    web_link,
)
from crm_desktop.ui.i18n import (
    address_kind_label,
    company_status_label,
    email_kind_label,
    enum_label,
    import_reason_text,
    phone_kind_label,
    priority_short_label,
    translate_error,
)
from crm_desktop.ui.undo import LIST_KINDS, RowDelete

STATUS_COLORS = {
    CompanyStatus.PROSPECT: "#1a73e8",
    CompanyStatus.CUSTOMER: "#188038",
    CompanyStatus.FORMER: "#70757a",
}
PRIORITY_COLORS = {Priority.A: "#c5221f", Priority.B: "#e37400", Priority.C: "#70757a"}
REVIEW_COLOR = "#a15c00"

_MUTED = "color: #6b6b6b;"


def _esc(text: str | None) -> str:
    return html.escape(text or "")


def _muted(text: str) -> str:
    return f'<span style="{_MUTED}">{_esc(text)}</span>'


def _country_name(code: str) -> str:
    from PySide6.QtCore import QLocale

    if not code or code.upper() == "DE":
        return ""
    loc = QLocale(QLocale.Language.AnyLanguage, QLocale.codeToTerritory(code.upper()))
    territory = loc.territory()
    if territory == QLocale.Country.AnyCountry:
        return code.upper()
    return QLocale.territoryToString(territory)


def _map_href(addr: Address) -> str:
    query = ", ".join(
        p for p in (addr.street, f"{addr.postcode} {addr.city}".strip(), addr.country_text) if p
    )
    return "https://www.openstreetmap.org/search?query=" + urllib.parse.quote(query)


# ---------------------------------------------------------------- building blocks


class RecordList(QWidget):
    """A read-only table (or tree with groups) of records; Enter or double-click
    activates the record's id. Shows a sentence instead of an empty table."""

    recordActivated = Signal(str, int)  # kind, id
    deleteRequested = Signal(str, int)  # a ticket, project or opportunity row's "Delete…"

    def __init__(
        self,
        headers: Sequence[str],
        empty_text: str,
        parent: QWidget | None = None,
        *,
        compact: bool = False,
        max_rows: int = 8,
        stretch: int = 0,
    ) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.compact = compact
        self.max_rows = max_rows
        self.stretch = stretch
        self.model = QStandardItemModel(0, len(headers), self)
        self.model.setHorizontalHeaderLabels(self.headers)
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.header().setStretchLastSection(False)
        self.view.activated.connect(self._activated)
        self.row_delete = RowDelete(self.view, self._deletable_at)
        self.row_delete.requested.connect(self.deleteRequested)
        self.empty = QLabel(empty_text, self)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(_MUTED)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.stack)

    def _row(
        self, kind: str, rid: int, cells: Sequence[str], icon: QIcon | None = None
    ) -> list[QStandardItem]:
        items = [QStandardItem(c) for c in cells]
        items[0].setData((kind, rid), Qt.ItemDataRole.UserRole)
        if icon is not None:
            items[0].setIcon(icon)
        return items

    def set_rows(
        self,
        kind: str,
        rows: Sequence[tuple[int, Sequence[str]]],
        icons: Sequence[QIcon] | None = None,
    ) -> None:
        self.model.removeRows(0, self.model.rowCount())
        self.view.setRootIsDecorated(False)
        for i, (rid, cells) in enumerate(rows):
            self.model.appendRow(self._row(kind, rid, cells, icons[i] if icons else None))
        self._finish(bool(rows))

    def set_groups(
        self, groups: Sequence[tuple[str, str, int | None, Sequence[tuple[int, Sequence[str]]]]]
    ) -> None:
        """Groups of rows: (group text, group kind, group id, [(id, cells)]); rows are
        people (kind "person")."""
        self.model.removeRows(0, self.model.rowCount())
        self.view.setRootIsDecorated(True)
        any_rows = False
        for text, gkind, gid, rows in groups:
            head = QStandardItem(text)
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            if gid is not None:
                head.setData((gkind, gid), Qt.ItemDataRole.UserRole)
            fill = [QStandardItem("") for _ in self.headers[1:]]
            for rid, cells in rows:
                head.appendRow(self._row("person", rid, cells))
            self.model.appendRow([head, *fill])
            any_rows = any_rows or bool(rows) or gid is not None
        self.view.expandAll()
        self._finish(any_rows)

    def _finish(self, has_rows: bool) -> None:
        for col in range(len(self.headers)):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if col == self.stretch
                else QHeaderView.ResizeMode.ResizeToContents
            )
            self.view.header().setSectionResizeMode(col, mode)
        self.stack.setCurrentWidget(self.view if has_rows else self.empty)
        if not has_rows:
            height = self.empty.sizeHint().height() + 8
        elif self.compact:
            visible = self.model.rowCount() + sum(
                self.model.item(r, 0).rowCount() for r in range(self.model.rowCount())
            )
            row_h = self.view.sizeHintForRow(0)
            if row_h <= 0:
                row_h = self.fontMetrics().height() + 4
            height = (
                self.view.header().sizeHint().height()
                + row_h * min(max(visible, 1), self.max_rows)
                + 2 * self.view.frameWidth()
                + 2
            )
        else:
            height = 16777215
        self.stack.setMaximumHeight(height)
        self.setMaximumHeight(height)
        self.stack.setMinimumHeight(min(height, 400) if self.compact or not has_rows else 0)

    def row_count(self) -> int:
        return self.model.rowCount()

    def ids(self) -> list[int]:
        out = []
        for r in range(self.model.rowCount()):
            data = self.model.item(r, 0).data(Qt.ItemDataRole.UserRole)
            if data:
                out.append(int(data[1]))
        return out

    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        data = index.sibling(index.row(), 0).data(Qt.ItemDataRole.UserRole)
        if data:
            self.recordActivated.emit(str(data[0]), int(data[1]))

    def _deletable_at(self, index: QModelIndex | QPersistentModelIndex) -> tuple[str, int] | None:
        data = index.sibling(index.row(), 0).data(Qt.ItemDataRole.UserRole)
        return (str(data[0]), int(data[1])) if data and data[0] in LIST_KINDS else None


class InfoForm(QWidget):
    """Label/value rows of read-only values (rich text, links allowed)."""

    linkActivated = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setHorizontalSpacing(16)
        self.form.setVerticalSpacing(8)
        self.values: dict[str, LinkLabel] = {}

    def add(self, key: str, label: str) -> LinkLabel:
        value = LinkLabel("", self)
        value.internalLink.connect(self.linkActivated)
        name = QLabel(label, self)
        name.setStyleSheet(_MUTED)
        self.form.addRow(name, value)
        self.values[key] = value
        return value

    def set(self, key: str, html_text: str, *, hide_empty: bool = False) -> None:
        value = self.values[key]
        if not html_text:
            value.setText(_muted("—"))
            self.form.setRowVisible(value, not hide_empty)
            return
        value.setText(html_text)
        self.form.setRowVisible(value, True)

    def text(self, key: str) -> str:
        return self.values[key].text()


def _section(title: str, first: bool = False) -> str:
    space = "" if first else '<p style="font-size:4pt;">&nbsp;</p>'
    return f"{space}<p><b>{_esc(title)}</b></p>"


def _table(rows: list[tuple[str, str, str]]) -> str:
    cells = "".join(
        f'<tr><td style="{_MUTED} padding-right:14px;">{_esc(a)}</td>'
        f'<td style="padding-right:14px;">{b}</td><td style="{_MUTED}">{c}</td></tr>'
        for a, b, c in rows
    )
    return f'<table cellspacing="0" cellpadding="3">{cells}</table>'


def communication_html(
    phones: Sequence[Phone], emails: Sequence[Email], website: str | None = None
) -> str:
    out = [_section(QCoreApplication.translate("DetailPane", "Phone numbers"), first=True)]
    if phones:
        out.append(
            _table([(phone_kind_label(p.kind), tel_link(p.number), _esc(p.label)) for p in phones])
        )
    else:
        out.append(
            _muted(
                QCoreApplication.translate(
                    "DetailPane", "No phone number yet. Press F2 (Edit) to add one."
                )
            )
        )
    out.append(_section(QCoreApplication.translate("DetailPane", "E-mail addresses")))
    if emails:
        out.append(_table([(email_kind_label(e.kind), mailto_link(e.address), "") for e in emails]))
    else:
        out.append(
            _muted(
                QCoreApplication.translate(
                    "DetailPane", "No e-mail address yet. Press F2 (Edit) to add one."
                )
            )
        )
    if website is not None:
        out.append(_section(QCoreApplication.translate("DetailPane", "Website")))
        out.append(web_link(website) if website else _muted("—"))
    return "".join(out)


def reach_html(
    phones: Sequence[Phone],
    emails: Sequence[Email],
    address: Address | None,
    website: str | None,
) -> str:
    """Every way to reach someone, compact, for the overview."""
    rows = [(phone_kind_label(p.kind), tel_link(p.number), _esc(p.label)) for p in phones]
    rows += [(email_kind_label(e.kind), mailto_link(e.address), "") for e in emails]
    if website:
        rows.append((QCoreApplication.translate("DetailPane", "Web"), web_link(website), ""))
    if address is not None:
        rows.append((address_kind_label(address.kind), _esc(address.one_line()), ""))
    if not rows:
        return _muted(
            QCoreApplication.translate(
                "DetailPane", "No phone, e-mail or address yet. Press F2 (Edit)."
            )
        )
    return _table(rows)


def addresses_html(addresses: Sequence[Address]) -> str:
    if not addresses:
        return _muted(
            QCoreApplication.translate("DetailPane", "No address yet. Press F2 (Edit) to add one.")
        )
    blocks = []
    for a in addresses:
        lines = [_esc(a.street)]
        if a.extra:
            lines.append(_esc(a.extra))
        lines.append(_esc(f"{a.postcode} {a.city}".strip()))
        # a country no table knew stays as it was typed ("Südtirol")
        country = _country_name(a.country) if a.country else (a.country_as_typed or "")
        if country:
            lines.append(_esc(country))
        show_on_map = QCoreApplication.translate("DetailPane", "Show on map")
        map_link = f'<a href="{_esc(_map_href(a))}">{_esc(show_on_map)}</a>'
        blocks.append(
            f'<td valign="top" width="260"><b>{_esc(address_kind_label(a.kind))}</b><br>'
            f"{'<br>'.join(lines)}<br><small>{map_link}</small></td>"
        )
    per_row = 3
    rows = [
        "<tr>" + "".join(blocks[i : i + per_row]) + "</tr>" for i in range(0, len(blocks), per_row)
    ]
    return f'<table cellspacing="0" cellpadding="6">{"".join(rows)}</table>'


def bank_html(accounts: Sequence[BankAccount], payment_terms: str | None) -> str:
    out = [_section(QCoreApplication.translate("DetailPane", "Bank accounts"), first=True)]
    if not accounts:
        out.append(
            _muted(
                QCoreApplication.translate(
                    "DetailPane", "No bank account yet. Press F2 (Edit) to add one."
                )
            )
        )
    for acc in accounts:
        rows = [
            (
                QCoreApplication.translate("DetailPane", "IBAN"),
                f"<tt>{_esc(format_iban(acc.iban))}</tt>",
                "",
            ),
            (QCoreApplication.translate("DetailPane", "BIC"), _esc(acc.bic) or _muted("—"), ""),
            (
                QCoreApplication.translate("DetailPane", "Account holder"),
                _esc(acc.holder) or _muted("—"),
                "",
            ),
        ]
        if acc.bank_name:
            rows.append((QCoreApplication.translate("DetailPane", "Bank"), _esc(acc.bank_name), ""))
        out.append(_table(rows))
    out.append(_section(QCoreApplication.translate("DetailPane", "Payment terms")))
    out.append(
        _esc(payment_terms)
        if payment_terms
        else _muted(QCoreApplication.translate("DetailPane", "Not agreed yet."))
    )
    return "".join(out)


# ---------------------------------------------------------------- the pane base


class _DetailPane(QWidget):
    personActivated = Signal(int)
    companyActivated = Signal(int)
    ticketActivated = Signal(int)
    projectActivated = Signal(int)
    opportunityActivated = Signal(int)
    activityActivated = Signal(int)
    deleteRequested = Signal(str, int)  # from a list tab (the window asks and deletes)
    changed = Signal(object)  # the Changes of an edit made in the pane

    ICON = "company"
    # the list tabs every pane builds (see _fill_related)
    tickets: RecordList
    projects: RecordList
    opportunities: RecordList

    def __init__(self, store: Store, parent: QWidget | None = None, *, clock: Clock | None = None):
        super().__init__(parent)
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.record_id: int | None = None
        self.form: EntityForm | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 8)
        outer.setSpacing(8)

        # header
        header = QHBoxLayout()
        header.setSpacing(12)
        self.icon = QLabel(self)
        self.icon.setFixedSize(40, 40)
        self._set_icon(self.ICON)
        header.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        titles.addWidget(self.title)
        self.subtitle = LinkLabel("", self)
        self.subtitle.internalLink.connect(self._internal_link)
        titles.addWidget(self.subtitle)
        badges = QHBoxLayout()
        badges.setSpacing(6)
        self.status_badge = Badge(parent=self)
        self.priority_badge = Badge(parent=self)
        self.review_badge = Badge(parent=self)
        for b in (self.status_badge, self.priority_badge, self.review_badge):
            b.hide()
            badges.addWidget(b)
        badges.addStretch(1)
        titles.addLayout(badges)
        header.addLayout(titles, 1)
        buttons = QVBoxLayout()
        self.edit_button = QPushButton(self.tr("Edit"), self)
        self.edit_button.setToolTip(self.tr("Edit all fields (F2)"))
        self.edit_button.clicked.connect(self.edit)
        self.activity_button = QPushButton(self.tr("Log activity…"), self)
        self.activity_button.setToolTip(self.tr("Record a call, meeting, letter or note"))
        self.activity_button.clicked.connect(self.log_activity)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.activity_button)
        buttons.addStretch(1)
        header.addLayout(buttons)
        outer.addLayout(header)

        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        outer.addWidget(line)

        # view / edit
        self.stack = QStackedWidget(self)
        outer.addWidget(self.stack, 1)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        self.stack.addWidget(self.tabs)
        self.edit_page = QWidget(self)
        ep = QVBoxLayout(self.edit_page)
        ep.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        hint = QLabel(self.tr("Editing – Enter saves all tabs together, Esc cancels."), self)
        hint.setStyleSheet(_MUTED)
        bar.addWidget(hint, 1)
        self.cancel_button = QPushButton(self.tr("Cancel"), self.edit_page)
        self.cancel_button.clicked.connect(self.cancel_edit)
        self.save_button = QPushButton(self.tr("&Save"), self.edit_page)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_edit)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.save_button)
        ep.addLayout(bar)
        self._edit_box = QVBoxLayout()
        ep.addLayout(self._edit_box, 1)
        self.stack.addWidget(self.edit_page)

        wc = Qt.ShortcutContext.WidgetWithChildrenShortcut
        shortcut("F2", self, self.edit, wc)
        shortcut(QKeySequence(Qt.Key.Key_Escape), self.edit_page, self.cancel_edit, wc)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut(seq, self.edit_page, self.save_edit, wc)

        # overview tab: the facts on the left; how to reach, notes, recent activities right
        page = QWidget(self)
        grid = QHBoxLayout(page)
        grid.setContentsMargins(4, 8, 4, 4)
        grid.setSpacing(24)
        self.overview = InfoForm(page)
        self.overview.linkActivated.connect(self._internal_link)
        grid.addWidget(self.overview, 1, Qt.AlignmentFlag.AlignTop)
        right = QVBoxLayout()
        right.setSpacing(4)
        right.addWidget(self._heading(self.tr("Reach"), page))
        self.reach = LinkLabel("", page)
        self.reach.internalLink.connect(self._internal_link)
        right.addWidget(self.reach)
        right.addWidget(self._heading(self.tr("Notes"), page))
        self.notes = QLabel(page)
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right.addWidget(self.notes)
        right.addWidget(self._heading(self.tr("Recent activities"), page))
        self.recent = RecordList(
            [self.tr("Activity"), self.tr("When")],
            self.tr("Nothing logged yet. Use “Log activity…” after a call or meeting."),
            page,
            compact=True,
            max_rows=6,
        )
        self.recent.recordActivated.connect(self._internal_link)
        right.addWidget(self.recent)
        right.addStretch(1)
        self.overview_right = right
        self.overview_page = page
        grid.addLayout(right, 1)
        self.tabs.addTab(scrolled(page), self.tr("Overview"))
        self.communication = self._html_tab(self.tr("Communication"))
        self.addresses = self._html_tab(self.tr("Addresses"))
        self.bank = self._html_tab(self.tr("Bank && payment"))
        self._set_enabled(False)

    # -- helpers

    @staticmethod
    def _heading(text: str, parent: QWidget) -> QLabel:
        label = QLabel(f"<b>{_esc(text)}</b>", parent)
        label.setContentsMargins(0, 8, 0, 2)
        return label

    def _fill_activity(
        self, s: Session, *, person_id: int | None = None, company_id: int | None = None
    ) -> tuple[str, str]:
        """Recent activities into the overview list; returns (last contact, next follow-up)
        as display texts. The scope is the timeline's: a company with its branches."""
        from crm_desktop.services import timeline as tl
        from crm_desktop.ui.format import format_relative
        from crm_desktop.ui.icons import kind_icon

        now = self.clock.now()
        scope = (
            tl.Scope(person_id=person_id)
            if person_id is not None
            else tl.Scope(company_id=company_id)
        )
        view = tl.overview(s, scope, now)
        rows = []
        for e in view.recent:
            label = enum_label(e.kind)
            if e.subject:
                label += f": {e.subject}"
            if person_id is None and e.person_name:
                label += f" ({e.person_name})"
            rows.append((e.activity_id, [label, format_relative(e.occurred_at, now)]))
        self.recent.set_rows("activity", rows, [kind_icon(e.kind.value) for e in view.recent])
        last = ""
        if view.last_contact is not None:
            a = view.last_contact
            last = _esc(f"{format_relative(a.occurred_at, now)} · {enum_label(a.kind)}")
        nxt = ""
        f = view.next_followup
        if f is not None:
            text = f"{format_relative(f.due_at, now)} · {enum_label(f.kind)}"
            if f.note:
                text += f": {f.note}"
            nxt = _esc(text)
            if f.due_at < now:
                overdue = self.tr("overdue")
                nxt = f'<span style="color:#c5221f;">{nxt} ({_esc(overdue)})</span>'
        return last, nxt

    def _set_notes(self, notes: str | None) -> None:
        if notes and notes.strip():
            self.notes.setStyleSheet("")
            self.notes.setText(notes.strip())
        else:
            self.notes.setStyleSheet(_MUTED)
            self.notes.setText(self.tr("No notes."))

    def _set_icon(self, name: str) -> None:
        from crm_desktop.ui.icons import icon

        pix = icon(name).pixmap(40, 40)
        self.icon.setPixmap(pix)

    def _html_tab(self, title: str) -> LinkLabel:
        label = LinkLabel("", self)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setContentsMargins(8, 4, 8, 8)
        label.internalLink.connect(self._internal_link)
        self.tabs.addTab(scrolled(label), title)
        return label

    def _list_tab(self, title: str, headers: Sequence[str], empty: str) -> RecordList:
        lst = RecordList(headers, empty, self)
        lst.recordActivated.connect(self._internal_link)
        lst.deleteRequested.connect(self.deleteRequested)
        box = QWidget(self)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(4, 8, 4, 4)
        lay.addWidget(lst)
        lay.addStretch(0)
        self.tabs.addTab(box, title)
        return lst

    def _set_tab_count(self, widget: QWidget, title: str, count: int) -> None:
        for i in range(self.tabs.count()):
            page = self.tabs.widget(i)
            if page is not None and (page is widget or page.isAncestorOf(widget)):
                self.tabs.setTabText(i, f"{title} ({count})" if count else title)

    def _fill_related(self, related: pane_data.Related) -> None:
        """The tickets, projects and opportunities tabs with their counts."""
        self.tickets.set_rows("ticket", [_ticket_row(x) for x in related.tickets])
        self._set_tab_count(self.tickets, self.tr("Tickets"), len(related.tickets))
        self.projects.set_rows("project", [_project_row(x) for x in related.projects])
        self._set_tab_count(self.projects, self.tr("Projects"), len(related.projects))
        self.opportunities.set_rows(
            "opportunity", [_opportunity_row(x) for x in related.opportunities]
        )
        self._set_tab_count(
            self.opportunities, self.tr("Opportunities"), len(related.opportunities)
        )

    def _internal_link(self, kind: str, rid: int) -> None:
        signal = {
            "person": self.personActivated,
            "company": self.companyActivated,
            "ticket": self.ticketActivated,
            "project": self.projectActivated,
            "opportunity": self.opportunityActivated,
            "activity": self.activityActivated,
        }.get(kind)
        if signal is not None:
            signal.emit(rid)

    def _set_enabled(self, on: bool) -> None:
        self.edit_button.setEnabled(on)
        self.activity_button.setEnabled(on)
        self.tabs.setEnabled(on)

    def _badges(
        self, status: CompanyStatus | None, priority: Priority | None, review: str | None
    ) -> None:
        if status is not None:
            self.status_badge.set_badge(company_status_label(status), STATUS_COLORS[status])
        else:
            self.status_badge.hide()
        if priority is not None:
            self.priority_badge.set_badge(priority_short_label(priority), PRIORITY_COLORS[priority])
        else:
            self.priority_badge.hide()
        if review is not None:
            self.review_badge.set_badge(self.tr("Needs review"), REVIEW_COLOR)
            self.review_badge.setToolTip(review)
        else:
            self.review_badge.hide()

    # -- life cycle

    @property
    def editing(self) -> bool:
        return self.stack.currentWidget() is self.edit_page

    def clear(self) -> None:
        self.cancel_edit()
        self.record_id = None
        self.title.setText("")
        self.subtitle.setText("")
        self._badges(None, None, None)
        self._set_enabled(False)

    def refresh(self) -> None:
        if self.record_id is not None:
            self._show(self.record_id)

    def _show(self, rid: int) -> None:
        if self.editing and rid == self.record_id:
            return  # a refresh of the record being edited must not throw the edits away
        self.cancel_edit()
        try:
            ops.read(self.store, lambda s: self._fill(s, rid))
        except NotFoundError as exc:
            self.clear()
            self.title.setText(translate_error(exc))
            return
        self.record_id = rid
        self._set_enabled(True)

    def _fill(self, session: Session, rid: int) -> None:
        raise NotImplementedError

    def _new_form(self) -> EntityForm:
        raise NotImplementedError

    # -- editing in place

    def edit(self) -> None:
        """Switch to the editor (the tab that was open stays open where it exists)."""
        if self.record_id is None or self.editing:
            return
        form = self._new_form()
        try:
            form.load(self.record_id)
        except CrmError as exc:
            form.deleteLater()
            self.title.setText(translate_error(exc))
            return
        tab = {
            0: TAB_OVERVIEW,
            1: TAB_COMMUNICATION,
            2: TAB_ADDRESSES,
            3: TAB_BANK,
            4: TAB_PROFILE,
        }.get(self.tabs.currentIndex(), TAB_OVERVIEW)
        form.tabs.setCurrentIndex(min(tab, form.tabs.count() - 1))
        form.submitted.connect(self.save_edit)
        self.form = form
        self._edit_box.addWidget(form)
        self.stack.setCurrentWidget(self.edit_page)
        self.edit_button.setEnabled(False)
        self._focus_first_field(form)

    def _focus_first_field(self, form: EntityForm) -> None:
        page = form.tabs.currentWidget()
        if page is None:
            return
        for edit in page.findChildren(QLineEdit):
            if edit.isVisibleTo(page) and edit.isEnabled():
                edit.setFocus()
                return

    def save_edit(self) -> bool:
        """Save the editor; True when saved (the pane returns to the view)."""
        if self.form is None or self.record_id is None:
            return False
        rid = self.form.save()
        if rid is None:
            return False
        self._close_form()
        self._show(self.record_id)
        self.changed.emit(Changes.of(self.ICON, self.record_id))
        return True

    def cancel_edit(self) -> None:
        self._close_form()

    def _close_form(self) -> None:
        if self.form is not None:
            self.form.hide()
            self.form.setParent(None)
            self.form.deleteLater()
            self.form = None
        self.stack.setCurrentWidget(self.tabs)
        self.edit_button.setEnabled(self.record_id is not None)

    def _run(self, dialog: QDialog) -> int | None:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            # a person, department, ticket or deal added to the record (or changed in it)
            self.changed.emit(Changes.of(self.ICON, self.record_id, structure=True))
            rid = getattr(dialog, "result_id", None)
            return int(rid) if rid is not None else None
        return None

    def log_activity(self) -> None:
        raise NotImplementedError


# ---------------------------------------------------------------- company


class CompanyDetailPane(_DetailPane):
    ICON = "company"

    def __init__(self, store: Store, parent: QWidget | None = None, *, clock: Clock | None = None):
        super().__init__(store, parent, clock=clock)
        o = self.overview
        o.add("name", self.tr("Name"))
        o.add("legal_form", self.tr("Legal form"))
        o.add("parent", self.tr("Branch of"))
        o.add("status", self.tr("Status"))
        o.add("customer_since", self.tr("Customer since"))
        o.add("priority", self.tr("Priority"))
        o.add("last_contact", self.tr("Last contact"))
        o.add("next_followup", self.tr("Next follow-up"))
        o.add("vat_id", self.tr("VAT id"))
        o.add("register", self.tr("Commercial register"))
        o.add("directors", self.tr("Managing directors"))
        o.add("owner", self.tr("Owner"))
        o.add("tags", self.tr("Tags"))
        o.add("changed", self.tr("Last change"))
        page = self.overview_page
        self.contacts = RecordList(
            [self.tr("Name"), self.tr("Position"), self.tr("Phone")],
            self.tr("No contact people yet – add one on the Relations tab."),
            page,
            compact=True,
            max_rows=8,
            stretch=1,
        )
        self.contacts.recordActivated.connect(self._internal_link)
        at = self.overview_right.count() - 1
        self.overview_right.insertWidget(at, self._heading(self.tr("Contact people"), page))
        self.overview_right.insertWidget(at + 1, self.contacts)

        # relations
        rel = QWidget(self)
        rl = QVBoxLayout(rel)
        rl.setContentsMargins(4, 8, 4, 4)
        self.parent_label = LinkLabel("", rel)
        self.parent_label.internalLink.connect(self._internal_link)
        rl.addWidget(self.parent_label)
        rl.addWidget(self._heading(self.tr("Branches"), rel))
        self.branches = RecordList(
            [self.tr("Branch"), self.tr("City"), self.tr("Status")],
            self.tr("No branches."),
            rel,
            compact=True,
            max_rows=5,
        )
        self.branches.recordActivated.connect(self._internal_link)
        rl.addWidget(self.branches)
        rl.addWidget(self._heading(self.tr("Departments and people"), rel))
        self.people = RecordList(
            [self.tr("Name"), self.tr("Position"), self.tr("Phone")],
            self.tr("Nobody works here yet – add a person with “New person…”."),
            rel,
        )
        self.people.recordActivated.connect(self._internal_link)
        rl.addWidget(self.people, 1)
        row = QHBoxLayout()
        self.new_person_button = QPushButton(self.tr("New person…"), rel)
        self.new_person_button.clicked.connect(self.new_person)
        self.new_department_button = QPushButton(self.tr("New department…"), rel)
        self.new_department_button.clicked.connect(self.new_department)
        self.new_branch_button = QPushButton(self.tr("New branch…"), rel)
        self.new_branch_button.clicked.connect(self.new_branch)
        for b in (self.new_person_button, self.new_department_button, self.new_branch_button):
            row.addWidget(b)
        row.addStretch(1)
        rl.addLayout(row)
        self.relations_page = rel
        self.tabs.addTab(rel, self.tr("Relations"))

        self.tickets = self._list_tab(
            self.tr("Tickets"),
            [self.tr("Title"), self.tr("Number"), self.tr("Status"), self.tr("Opened")],
            self.tr("No tickets for this company."),
        )
        self.projects = self._list_tab(
            self.tr("Projects"),
            [self.tr("Project"), self.tr("Status"), self.tr("Start"), self.tr("End")],
            self.tr("No projects for this company."),
        )
        self.opportunities = self._list_tab(
            self.tr("Opportunities"),
            [
                self.tr("Opportunity"),
                self.tr("Stage"),
                self.tr("Status"),
                self.tr("Value"),
                self.tr("Expected close"),
            ],
            self.tr("No opportunities for this company."),
        )

    def show_company(self, company_id: int) -> None:
        self._show(company_id)

    def _new_form(self) -> EntityForm:
        return CompanyForm(self.store, self.clock, self.edit_page)

    def _fill(self, s: Session, cid: int) -> None:
        c = contacts.get_company(s, cid)
        self.title.setText(c.name)
        sub = []
        if c.legal_form:
            sub.append(_esc(c.legal_form))
        if c.parent is not None and c.parent.deleted_at is None:
            sub.append(
                self.tr("Branch of {company}").format(
                    company=record_link("company", c.parent.id, c.parent.name)
                )
            )
        main = next(
            (a for a in c.addresses if a.kind == "main"), c.addresses[0] if c.addresses else None
        )
        if main is not None and main.city:
            sub.append(_esc(main.city))
        self.subtitle.setText(" · ".join(sub))
        self._set_icon("branch" if c.parent_id else "company")
        self._badges(c.status, c.priority, "" if c.needs_review else None)

        o = self.overview
        o.set("name", _esc(c.name))
        o.set("legal_form", _esc(c.legal_form), hide_empty=True)
        o.set(
            "parent",
            record_link("company", c.parent.id, c.parent.name) if c.parent is not None else "",
            hide_empty=True,
        )
        status = _esc(company_status_label(c.status))
        if c.status_reason:
            status += " " + _muted(f"({c.status_reason})")
        o.set("status", status)
        o.set("customer_since", _esc(format_date(c.customer_since)), hide_empty=True)
        o.set("priority", _esc(enum_label(c.priority)))
        last, nxt = self._fill_activity(s, company_id=cid)
        o.set("last_contact", last)
        o.set("next_followup", nxt)
        o.set("vat_id", _esc(c.vat_id), hide_empty=True)
        register = " ".join(x for x in (c.register_court or "", c.register_number or "") if x)
        o.set("register", _esc(register), hide_empty=True)
        o.set("directors", _esc(c.managing_directors), hide_empty=True)
        o.set("owner", _esc(c.owner), hide_empty=True)
        o.set("tags", _esc(", ".join(t.name for t in c.tags)), hide_empty=True)
        o.set("changed", _esc(format_datetime(c.updated_at)))
        self.reach.setText(reach_html(c.phones, c.emails, main, c.website))
        self._set_notes(c.notes)

        self.communication.setText(communication_html(c.phones, c.emails, c.website or ""))
        self.addresses.setText(addresses_html(c.addresses))
        self.bank.setText(bank_html(c.bank_accounts, c.payment_terms))

        # relations
        if c.parent is not None and c.parent.deleted_at is None:
            self.parent_label.setText(
                self.tr("Branch of {company}").format(
                    company=record_link("company", c.parent.id, c.parent.name)
                )
            )
        else:
            self.parent_label.setText(
                _muted(self.tr("Head office (not a branch of another company)."))
            )
        branches = pane_data.company_branches(s, cid)
        self.branches.set_rows(
            "company",
            [(b.id, [b.name, b.city, company_status_label(b.status)]) for b in branches],
        )
        staff = pane_data.company_people(s, cid)

        def person_row(p: pane_data.PersonRow) -> tuple[int, list[str]]:
            return (p.id, [p.full_name, p.position, format_phone(p.phone) if p.phone else ""])

        self.contacts.set_rows("person", [person_row(p) for p in staff.people])
        groups: list[tuple[str, str, int | None, list[tuple[int, list[str]]]]] = [
            (dept.name, "department", dept.id, [person_row(p) for p in dept.people])
            for dept in staff.groups
        ]
        loose = [person_row(p) for p in staff.loose]
        if groups:
            if loose:
                groups.append((self.tr("Without department"), "", None, loose))
            self.people.set_groups(groups)
        else:
            self.people.set_rows("person", loose)
        self._set_tab_count(self.relations_page, self.tr("Relations"), staff.total + len(branches))

        self._fill_related(pane_data.company_related(s, cid))

    # -- actions

    def log_activity(self) -> None:
        if self.record_id is not None:
            self._run(
                ActivityDialog(self.store, company_id=self.record_id, parent=self, clock=self.clock)
            )

    def new_person(self) -> None:
        if self.record_id is not None:
            self._run(
                PersonDialog(self.store, company_id=self.record_id, parent=self, clock=self.clock)
            )

    def new_department(self) -> None:
        if self.record_id is not None:
            self._run(DepartmentDialog(self.store, self.record_id, parent=self))

    def new_branch(self) -> None:
        if self.record_id is not None:
            self._run(
                CompanyDialog(self.store, parent_id=self.record_id, parent=self, clock=self.clock)
            )


def _ticket_row(t: pane_data.TicketRow) -> tuple[int, list[str]]:
    return (t.id, [t.title, t.number, enum_label(t.status), format_date(t.opened_at.date())])


def _project_row(p: pane_data.ProjectRow) -> tuple[int, list[str]]:
    return (
        p.id,
        [p.name, enum_label(p.status), format_date(p.start_date), format_date(p.end_date)],
    )


def _opportunity_row(o: pane_data.OpportunityRow) -> tuple[int, list[str]]:
    return (
        o.id,
        [
            o.title,
            o.stage_name,
            enum_label(o.status),
            format_money(o.value, o.currency),
            format_date(o.expected_close),
        ],
    )


# ---------------------------------------------------------------- person


class PersonDetailPane(_DetailPane):
    ICON = "person"

    def __init__(self, store: Store, parent: QWidget | None = None, *, clock: Clock | None = None):
        super().__init__(store, parent, clock=clock)
        o = self.overview
        o.add("name", self.tr("Name"))
        o.add("nickname", self.tr("Nickname"))
        o.add("birth_date", self.tr("Birth date"))
        o.add("company", self.tr("Company"))
        o.add("department", self.tr("Department"))
        o.add("position", self.tr("Position"))
        o.add("reports_to", self.tr("Reports to"))
        o.add("priority", self.tr("Priority"))
        o.add("interval", self.tr("Contact rhythm"))
        o.add("last_contact", self.tr("Last contact"))
        o.add("next_followup", self.tr("Next follow-up"))
        o.add("owner", self.tr("Owner"))
        o.add("tags", self.tr("Tags"))
        o.add("changed", self.tr("Last change"))

        self.profile = self._html_tab(self.tr("Profile"))

        rel = QWidget(self)
        rl = QVBoxLayout(rel)
        rl.setContentsMargins(4, 8, 4, 4)
        self.boss_label = LinkLabel("", rel)
        self.boss_label.internalLink.connect(self._internal_link)
        rl.addWidget(self.boss_label)
        rl.addWidget(self._heading(self.tr("Reports to this person"), rel))
        self.subordinates = RecordList(
            [self.tr("Name"), self.tr("Position")],
            self.tr("Nobody reports to this person."),
            rel,
            compact=True,
            max_rows=5,
        )
        self.subordinates.recordActivated.connect(self._internal_link)
        rl.addWidget(self.subordinates)
        rl.addWidget(self._heading(self.tr("Colleagues"), rel))
        self.colleagues = RecordList(
            [self.tr("Name"), self.tr("Position"), self.tr("Department")],
            self.tr("No colleagues in the same company."),
            rel,
        )
        self.colleagues.recordActivated.connect(self._internal_link)
        rl.addWidget(self.colleagues, 1)
        self.relations_page = rel
        self.tabs.addTab(rel, self.tr("Relations"))

        self.tickets = self._list_tab(
            self.tr("Tickets"),
            [self.tr("Title"), self.tr("Number"), self.tr("Status"), self.tr("Opened")],
            self.tr("No tickets for this person."),
        )
        self.projects = self._list_tab(
            self.tr("Projects"),
            [self.tr("Project"), self.tr("Status"), self.tr("Start"), self.tr("End")],
            self.tr("Not a member of any project."),
        )
        self.opportunities = self._list_tab(
            self.tr("Opportunities"),
            [
                self.tr("Opportunity"),
                self.tr("Stage"),
                self.tr("Status"),
                self.tr("Value"),
                self.tr("Expected close"),
            ],
            self.tr("No opportunities with this person."),
        )

        # consent
        cons = QWidget(self)
        cl = QVBoxLayout(cons)
        cl.setContentsMargins(8, 10, 8, 8)
        self.consent_status = QLabel(cons)
        self.consent_status.setWordWrap(True)
        self.consent_status.setTextFormat(Qt.TextFormat.RichText)
        cl.addWidget(self.consent_status)
        form = QFormLayout()
        self.consent_source = QLineEdit(cons)
        self.consent_source.setPlaceholderText(self.tr("e.g. signed form at the trade fair"))
        src_box = QVBoxLayout()
        src_box.setSpacing(2)
        src_box.addWidget(self.consent_source)
        self.consent_error = ErrorLabel(cons)
        src_box.addWidget(self.consent_error)
        source_label = QLabel(self.tr("&Source of the consent:"), cons)
        source_label.setBuddy(self.consent_source)
        form.addRow(source_label, src_box)
        cl.addLayout(form)
        buttons = QHBoxLayout()
        self.give_consent_button = QPushButton(self.tr("Record consent"), cons)
        self.give_consent_button.clicked.connect(lambda: self.set_consent(True))
        self.withdraw_consent_button = QPushButton(self.tr("Withdraw consent"), cons)
        self.withdraw_consent_button.clicked.connect(lambda: self.set_consent(False))
        buttons.addWidget(self.give_consent_button)
        buttons.addWidget(self.withdraw_consent_button)
        buttons.addStretch(1)
        cl.addLayout(buttons)
        note = QLabel(
            self.tr(
                "Marketing (newsletters, offers) needs the person's consent. Its date and "
                "source are kept as proof; a withdrawal is recorded with its date."
            ),
            cons,
        )
        note.setWordWrap(True)
        note.setStyleSheet(_MUTED)
        cl.addWidget(note)
        cl.addStretch(1)
        self.consent_page = cons
        self.tabs.addTab(cons, self.tr("Consent"))

    def show_person(self, person_id: int) -> None:
        self._show(person_id)

    def _new_form(self) -> EntityForm:
        return PersonForm(self.store, self.clock, self.edit_page)

    def _fill(self, s: Session, pid: int) -> None:
        p = contacts.get_person(s, pid)
        name = " ".join(x for x in (p.salutation or "", p.full_name) if x)
        self.title.setText(name or self.tr("(no name)"))
        sub = []
        if p.position:
            sub.append(_esc(p.position))
        company = p.company if p.company is not None and p.company.deleted_at is None else None
        if company is not None:
            sub.append(record_link("company", company.id, company.name))
        if p.department is not None:
            sub.append(_esc(p.department.name))
        self.subtitle.setText(" · ".join(sub))
        self._badges(
            None,
            p.priority,
            import_reason_text(p.review_reason or "") if p.needs_review else None,
        )

        o = self.overview
        o.set("name", _esc(name))
        o.set("nickname", _esc(p.nickname), hide_empty=True)
        if p.birth_date is not None:
            today = self.clock.now().date()
            o.set(
                "birth_date",
                _esc(format_date(p.birth_date))
                + " "
                + _muted(self.tr("({age} years)").format(age=age_on(p.birth_date, today))),
            )
        else:
            o.set("birth_date", "")
        o.set("company", record_link("company", company.id, company.name) if company else "")
        o.set("department", _esc(p.department.name) if p.department else "", hide_empty=True)
        o.set("position", _esc(p.position))
        boss = (
            p.reports_to if p.reports_to is not None and p.reports_to.deleted_at is None else None
        )
        o.set(
            "reports_to",
            record_link("person", boss.id, boss.full_name) if boss else "",
            hide_empty=True,
        )
        o.set("priority", _esc(enum_label(p.priority)))
        o.set(
            "interval",
            _esc(
                self.tr("every day")
                if p.contact_interval_days == 1
                else self.tr("every %n days", "", p.contact_interval_days)
            )
            if p.contact_interval_days
            else "",
            hide_empty=True,
        )
        last, nxt = self._fill_activity(s, person_id=pid)
        o.set("last_contact", last)
        o.set("next_followup", nxt)
        o.set("owner", _esc(p.owner), hide_empty=True)
        o.set("tags", _esc(", ".join(t.name for t in p.tags)), hide_empty=True)
        o.set("changed", _esc(format_datetime(p.updated_at)))
        self.reach.setText(
            reach_html(p.phones, p.emails, p.addresses[0] if p.addresses else None, None)
        )
        self._set_notes(p.notes)

        self.communication.setText(communication_html(p.phones, p.emails))
        self.addresses.setText(addresses_html(p.addresses))
        self.bank.setText(bank_html(p.bank_accounts, p.payment_terms))
        self.profile.setText(self._profile_html(p))

        # relations
        rel = pane_data.person_relations(s, pid)
        if rel.boss is not None:
            self.boss_label.setText(
                self.tr("Reports to {person}").format(person=record_link("person", *rel.boss))
            )
        else:
            self.boss_label.setText(_muted(self.tr("Reports to nobody recorded.")))
        subs = rel.subordinates
        self.subordinates.set_rows("person", [(x.id, [x.full_name, x.position]) for x in subs])
        colleagues = rel.colleagues
        self.colleagues.set_rows(
            "person", [(x.id, [x.full_name, x.position, x.department]) for x in colleagues]
        )
        self._set_tab_count(self.relations_page, self.tr("Relations"), len(subs) + len(colleagues))

        self._fill_related(pane_data.person_related(s, pid))

        self._fill_consent(p)

    def _profile_html(self, p: Person) -> str:
        rows = [
            (self.tr("Occupation"), _esc(p.occupation) or _muted("—"), ""),
            (self.tr("Marital status"), _esc(p.marital_status) or _muted("—"), ""),
            (self.tr("Hobbies"), _esc(p.hobbies) or _muted("—"), ""),
        ]
        for key, value in (p.profile_fields or {}).items():
            rows.append((key, _esc(value), ""))
        out = _section(self.tr("Profile")) + _table(rows)
        if not p.profile_fields:
            out += (
                "<p>"
                + _muted(
                    self.tr(
                        "Free fields (favourite wine, children's names …) can be added with F2 (Edit)."
                    )
                )
                + "</p>"
            )
        return out

    def _fill_consent(self, p: Person) -> None:
        if p.consent_marketing and p.consent_at is not None:
            text = self.tr("Marketing consent given on {date}.").format(
                date=format_datetime(p.consent_at)
            )
            if p.consent_source:
                text += " " + self.tr("Source: {source}.").format(source=p.consent_source)
            color = "#188038"
        elif p.consent_withdrawn_at is not None:
            text = self.tr("Marketing consent withdrawn on {date}.").format(
                date=format_datetime(p.consent_withdrawn_at)
            )
            color = "#c5221f"
        else:
            text = self.tr("No marketing consent recorded. Do not send newsletters or offers.")
            color = "#6b6b6b"
        self.consent_status.setText(f'<b style="color:{color}">{_esc(text)}</b>')
        self.consent_source.setText(p.consent_source or "" if p.consent_marketing else "")
        self.consent_error.set_error(None)
        self.give_consent_button.setEnabled(not p.consent_marketing)
        self.withdraw_consent_button.setEnabled(p.consent_marketing)
        self.consent_given = p.consent_marketing
        self.consent_at: dt.datetime | None = p.consent_at

    def set_consent(self, given: bool) -> bool:
        """Record an opt-in (with date and the source typed) or its withdrawal."""
        if self.record_id is None:
            return False
        source = self.consent_source.text().strip() or None
        problems = card_errors({"consent_source": source})
        if problems:
            self.consent_error.set_error(translate_error(problems[0]))
            return False
        try:
            record_id = self.record_id
            ops.write(
                self.store,
                lambda s: contacts.set_consent(
                    s, record_id, given, source=source, clock=self.clock
                ),
            )
        except CrmError as exc:
            self.consent_error.set_error(translate_error(exc))
            return False
        self._show(self.record_id)
        self.tabs.setCurrentWidget(self.consent_page)
        self.changed.emit(Changes.of("person", self.record_id))
        return True

    def log_activity(self) -> None:
        if self.record_id is not None:
            self._run(
                ActivityDialog(self.store, person_id=self.record_id, parent=self, clock=self.clock)
            )


# ---------------------------------------------------------------- the stack


class DetailStack(QStackedWidget):
    """Both panes plus an empty state; forwards the panes' signals."""

    personActivated = Signal(int)
    companyActivated = Signal(int)
    ticketActivated = Signal(int)
    projectActivated = Signal(int)
    opportunityActivated = Signal(int)
    deleteRequested = Signal(str, int)
    changed = Signal(object)  # the Changes of an edit made in the pane

    def __init__(self, store: Store, parent: QWidget | None = None, *, clock: Clock | None = None):
        super().__init__(parent)
        self.store = store
        self.empty_page = QWidget(self)
        box = QVBoxLayout(self.empty_page)
        box.setContentsMargins(40, 40, 40, 40)
        self.empty = QLabel(self.empty_page)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setTextFormat(Qt.TextFormat.RichText)
        self.empty.setMaximumWidth(560)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.empty, 6)
        row.addStretch(1)
        box.addStretch(1)
        box.addLayout(row)
        box.addStretch(2)
        self.company_pane = CompanyDetailPane(store, self, clock=clock)
        self.person_pane = PersonDetailPane(store, self, clock=clock)
        self.addWidget(self.empty_page)
        self.addWidget(self.company_pane)
        self.addWidget(self.person_pane)
        for pane in (self.company_pane, self.person_pane):
            pane.personActivated.connect(self.personActivated)
            pane.companyActivated.connect(self.companyActivated)
            pane.ticketActivated.connect(self.ticketActivated)
            pane.projectActivated.connect(self.projectActivated)
            pane.opportunityActivated.connect(self.opportunityActivated)
            pane.deleteRequested.connect(self.deleteRequested)
            pane.changed.connect(self.changed)
        self.clear()

    def show_company(self, company_id: int) -> None:
        self.person_pane.cancel_edit()
        self.company_pane.show_company(company_id)
        self.setCurrentWidget(self.company_pane)

    def show_person(self, person_id: int) -> None:
        self.company_pane.cancel_edit()
        self.person_pane.show_person(person_id)
        self.setCurrentWidget(self.person_pane)

    def clear(self) -> None:
        self.company_pane.clear()
        self.person_pane.clear()
        self.empty.setText(self._empty_text())
        self.setCurrentWidget(self.empty_page)

    def refresh(self) -> None:
        """Load the shown record again (its overview, tabs and counts)."""
        pane = self.currentWidget()
        if pane is self.company_pane:
            self.company_pane.refresh()
        elif pane is self.person_pane:
            self.person_pane.refresh()
        else:
            self.empty.setText(self._empty_text())

    def apply_changes(self, changes: Changes) -> None:
        """A record shows its history, follow-ups, tickets, deals and related people and
        companies: it loads again unless the change only touched other records of its
        own kind (another person's name, another company's address)."""
        pane = self.currentWidget()
        if pane is self.company_pane:
            kind, rid = "companies", self.company_pane.record_id
        elif pane is self.person_pane:
            kind, rid = "people", self.person_pane.record_id
        else:
            if changes.touches("people", "companies"):
                self.empty.setText(self._empty_text())
            return
        only_others = (
            not changes.everything
            and not changes.structure
            and bool(getattr(changes, kind))
            and rid not in getattr(changes, kind)
            and Changes(**{kind: getattr(changes, kind)}) == changes  # type: ignore[arg-type]
        )
        if not only_others:
            self.refresh()

    def _empty_text(self) -> str:
        try:
            n = ops.read(self.store, contacts.counts)
        except Exception:  # the store may be unreachable; the hint stays useful
            n = {"people": 1, "companies": 1}
        muted = "color: #6b6b6b;"
        if n["people"] or n["companies"]:
            hint = self.tr("Select a company or person on the left.")
            return f'<p style="{muted} font-size: large;">{_esc(hint)}</p>'
        empty = self.tr("Your CRM is still empty.")
        return (
            f'<p style="font-size: large;"><b>{_esc(empty)}</b></p>'
            f'<p style="{muted}">'
            + _esc(
                self.tr(
                    "Create your first company or person in the Contacts menu (“New company…”, "
                    "“New person…”), or import your contacts from vCard (.vcf) or CSV files "
                    "with File ▸ Import… (Ctrl+I)."
                )
            )
            + "</p>"
            + f'<p style="{muted}">'
            + _esc(
                self.tr(
                    "To try the program first, fill it with demo data: Tools ▸ Create demo "
                    "data… (or “crm-desktop demo-data” on the command line)."
                )
            )
            + "</p>"
        )


__all__ = ["CompanyDetailPane", "DetailStack", "PersonDetailPane", "RecordList"]
