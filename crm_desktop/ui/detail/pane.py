"""The base of the detail panes: header, badges, tabs, edit in place (F2, Enter, Esc)."""

from __future__ import annotations

import decimal
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, SystemClock, to_local
from crm_desktop.data.models import (
    CompanyStatus,
    Priority,
)
from crm_desktop.data.store import Store
from crm_desktop.errors import CrmError, NotFoundError
from crm_desktop.services import detail as pane_data
from crm_desktop.services import priority as priorities
from crm_desktop.services.changes import Changes
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.detail.sections import (
    _MUTED,
    PRIORITY_COLORS,
    REVIEW_COLOR,
    STATUS_COLORS,
    _esc,
    _muted,
)
from crm_desktop.ui.detail.widgets import InfoForm, RecordList
from crm_desktop.ui.dialogs import (
    TAB_ADDRESSES,
    TAB_BANK,
    TAB_COMMUNICATION,
    TAB_OVERVIEW,
    TAB_PROFILE,
    EntityForm,
)
from crm_desktop.ui.format import (
    format_date,
    format_money,
)
from crm_desktop.ui.forms import (
    Badge,
    LinkLabel,
    scrolled,
    shortcut,
)
from crm_desktop.ui.i18n import (
    company_status_label,
    enum_label,
    priority_short_label,
    translate_error,
)

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
        # F2 is what the pane's hints name ("Press F2 (Edit)"): it works wherever the focus
        # is in the window while this pane is shown (a hidden pane's shortcut is inactive)
        shortcut("F2", self, self.edit, Qt.ShortcutContext.WindowShortcut)
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

    # how many of the latest priority changes the overview shows
    PRIORITY_HISTORY_ROWS = 3

    def _priority_html(
        self, s: Session, entity: priorities.Entity, record_id: int, value: Priority | None
    ) -> str:
        """The priority, whether the user keeps it by hand, and its latest changes
        ("07.12.2026: B → A, automatic: 25.000,00 € in 12 months, 1 order")."""
        text = _esc(enum_label(value))
        if priorities.is_locked(s, entity, record_id):
            text += " " + _muted(self.tr("(kept by hand)"))
        lines = []
        for entry in priorities.history(s, entity, record_id)[: self.PRIORITY_HISTORY_ROWS]:
            change = "{old} → {new}".format(
                old=entry.old.value if entry.old else "–", new=entry.new.value if entry.new else "–"
            )
            if entry.source == "auto":
                why = self.tr("automatic")
                fig = entry.figures
                if "revenue" in fig and "months" in fig:
                    orders = int(fig.get("orders", "0"))
                    why += ": " + (
                        self.tr("1 order")
                        if orders == 1
                        else self.tr("{n} orders").format(n=orders)
                    )
                    why += ", "
                    why += self.tr("{revenue} in {months} months").format(
                        revenue=format_money(decimal.Decimal(fig["revenue"])), months=fig["months"]
                    )
            elif entry.source == "manual":
                why = self.tr("kept by hand") if entry.kept else self.tr("by hand")
            elif entry.source == "created":
                why = self.tr("when created")
            else:
                why = self.tr("imported") if entry.source == "import" else ""
            day = format_date(to_local(entry.changed_at).date())
            line = f"{day}: {change}" + (f", {why}" if why else "")
            lines.append(_muted(line))
        if lines:
            text += "<br>" + "<br>".join(lines)
        return text

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
