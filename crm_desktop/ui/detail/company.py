"""The company detail pane."""

from __future__ import annotations

import decimal
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, to_local
from crm_desktop.data.store import Store
from crm_desktop.errors import CrmError
from crm_desktop.services import contacts
from crm_desktop.services import departments as org
from crm_desktop.services import detail as pane_data
from crm_desktop.services import targets as revenue
from crm_desktop.services.changes import Changes
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.detail.pane import _DetailPane
from crm_desktop.ui.detail.sections import (
    _esc,
    _muted,
    addresses_html,
    bank_html,
    communication_html,
    reach_html,
)
from crm_desktop.ui.detail.widgets import RecordList
from crm_desktop.ui.dialogs import (
    ActivityDialog,
    CompanyDialog,
    CompanyForm,
    DepartmentDialog,
    EntityForm,
    PersonDialog,
)
from crm_desktop.ui.errors import show_error
from crm_desktop.ui.format import (
    format_date,
    format_datetime,
    format_money,
    format_phone,
    is_german,
    ui_locale,
)
from crm_desktop.ui.forms import (
    LinkLabel,
    record_link,
)
from crm_desktop.ui.i18n import (
    company_status_label,
)

# ---------------------------------------------------------------- revenue per year

BAR_COLOR = QColor("#1f77b4")
LAST_BAR_COLOR = QColor("#5fa2d6")  # the running year (not over yet)


class RevenueBars(QWidget):
    """A small bar chart of net revenue per year (painted, no chart module)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.years: list[revenue.YearRevenue] = []
        self.running_year: int | None = None
        self.setMinimumHeight(150)

    def sizeHint(self) -> QSize:
        return QSize(420, 170)

    def set_years(self, years: list[revenue.YearRevenue], running_year: int | None) -> None:
        self.years = years[-10:]  # the last ten years fit
        self.running_year = running_year
        self.setAccessibleDescription(
            "; ".join(f"{y.year}: {format_money(y.net)}" for y in self.years)
        )
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.years:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = p.fontMetrics()
        label_h = metrics.height() + 4
        top, bottom = label_h, self.height() - label_h
        width = self.width()
        slot = width / len(self.years)
        bar_w = min(56.0, slot * 0.6)
        peak = max((y.net for y in self.years), default=0) or 1
        p.setPen(self.palette().mid().color())
        p.drawLine(0, int(bottom), width, int(bottom))
        for i, y in enumerate(self.years):
            h = float(y.net / peak) * (bottom - top)
            x = i * slot + (slot - bar_w) / 2
            color = LAST_BAR_COLOR if y.year == self.running_year else BAR_COLOR
            p.fillRect(QRectF(x, bottom - h, bar_w, h), color)
            p.setPen(self.palette().text().color())
            p.drawText(
                QRectF(i * slot, bottom + 2, slot, label_h),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                str(y.year),
            )
            if y.net:
                p.drawText(
                    QRectF(i * slot, bottom - h - label_h, slot, label_h),
                    int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                    _short_money(y.net),
                )
        p.end()


def _short_money(value: object) -> str:
    """1,2 Tsd. € / 34k € for the bar labels; the table has the exact figures."""
    amount = float(str(value))

    def num(x: float) -> str:
        return ui_locale().toString(round(x, 1), "g", 6)

    if amount >= 1_000_000:
        return QCoreApplication.translate("CompanyDetailPane", "{n} M €").format(
            n=num(amount / 1_000_000)
        )
    if amount >= 1000:
        return QCoreApplication.translate("CompanyDetailPane", "{n}k €").format(
            n=num(amount / 1000)
        )
    return QCoreApplication.translate("CompanyDetailPane", "{n} €").format(n=num(amount))


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
        self.department_menu = QMenu(rel)
        self.rename_department_action = self.department_menu.addAction(
            self.tr("&Rename department…"), self.ask_rename_department
        )
        self.parent_department_action = self.department_menu.addAction(
            self.tr("&Place inside department…"), self.ask_department_parent
        )
        self.head_action = self.department_menu.addAction(
            self.tr("Set &head of department…"), self.ask_department_head
        )
        self.move_people_action = self.department_menu.addAction(
            self.tr("&Move selected people to department…"), self.ask_move_people
        )
        self.department_menu.addSeparator()
        self.delete_department_action = self.department_menu.addAction(
            self.tr("&Delete department…"), self.ask_delete_department
        )
        self.department_button = QPushButton(self.tr("Department"), rel)
        self.department_button.setMenu(self.department_menu)
        self.department_menu.aboutToShow.connect(self._enable_department_actions)
        self.org_chart_button = QPushButton(self.tr("Org chart…"), rel)
        self.org_chart_button.clicked.connect(self.show_org_chart)
        self.people.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.people.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.people.view.customContextMenuRequested.connect(self._people_menu)
        for b in (
            self.new_person_button,
            self.new_department_button,
            self.new_branch_button,
            self.department_button,
            self.org_chart_button,
        ):
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

        # revenue per year, from the company's orders
        box = QWidget(self)
        bl = QVBoxLayout(box)
        bl.setContentsMargins(4, 8, 4, 4)
        bl.addWidget(self._heading(self.tr("Net revenue per year"), box))
        self.revenue_bars = RevenueBars(box)
        bl.addWidget(self.revenue_bars)
        self.revenue_table = QLabel(box)
        self.revenue_table.setTextFormat(Qt.TextFormat.RichText)
        self.revenue_table.setAccessibleName(self.tr("Net revenue per year"))
        bl.addWidget(self.revenue_table)
        bl.addStretch(1)
        self.revenue_page = box
        self.tabs.addTab(box, self.tr("Revenue"))

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
        o.set("priority", self._priority_html(s, "company", cid, c.priority))
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
        self._fill_revenue(revenue.company_revenue_by_year(s, cid))

    def _fill_revenue(self, years: list[revenue.YearRevenue]) -> None:
        """The Revenue tab: bars and a table of the net order revenue per year, with the
        change against the year before."""
        running = to_local(self.clock.now()).year
        self.revenue_bars.set_years(years, running)
        self.revenue_bars.setVisible(bool(years))
        if not years:
            self.revenue_table.setText(_muted(self.tr("No orders from this company yet.")))
            return
        head = "".join(
            f"<th align='{a}' style='padding: 2px 10px'>{_esc(t)}</th>"
            for t, a in (
                (self.tr("Year"), "left"),
                (self.tr("Orders"), "right"),
                (self.tr("Net revenue"), "right"),
                (self.tr("Change"), "right"),
            )
        )
        by_year = {y.year: y.net for y in years}
        lines = []
        for y in reversed(years):  # the newest first
            last = by_year.get(y.year - 1)
            change = ""
            if last and y.year != running:  # a year not over yet is no comparison
                pct = round(float((y.net - last) * 100 / last))
                color = "#1b5e20" if pct >= 0 else "#b71c1c"
                sign = f"{pct:+d} %" if is_german() else f"{pct:+d}%"
                change = f"<span style='color:{color}'>{sign}</span>"
            year = str(y.year)
            if y.year == running:
                year += " " + _muted(self.tr("(so far)"))
            lines.append(
                "<tr>"
                f"<td style='padding: 2px 10px'>{year}</td>"
                f"<td align='right' style='padding: 2px 10px'>{y.orders}</td>"
                f"<td align='right' style='padding: 2px 10px'>{_esc(format_money(y.net))}</td>"
                f"<td align='right' style='padding: 2px 10px'>{change}</td>"
                "</tr>"
            )
        total = sum((y.net for y in years), decimal.Decimal(0))
        total_label = _esc(self.tr("Total"))
        lines.append(
            "<tr>"
            f"<td style='padding: 2px 10px'><b>{total_label}</b></td>"
            f"<td align='right' style='padding: 2px 10px'><b>{sum(y.orders for y in years)}</b></td>"
            f"<td align='right' style='padding: 2px 10px'><b>{_esc(format_money(total))}</b></td>"
            "<td></td></tr>"
        )
        self.revenue_table.setText(
            f"<table cellspacing='0'><tr>{head}</tr>{''.join(lines)}</table>"
        )

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

    # -- departments (issue #17)

    def show_org_chart(self) -> None:
        from crm_desktop.ui.org_chart import OrgChartDialog

        if self.record_id is not None:
            OrgChartDialog(self.store, self.record_id, self).exec()

    def selected_department(self) -> int | None:
        """The department row selected in the people list (or the department of the
        selected person)."""
        view = self.people.view
        for index in view.selectionModel().selectedRows(0):
            data = index.data(Qt.ItemDataRole.UserRole)
            if data and data[0] == "department":
                return int(data[1])
            parent = (
                index.parent().data(Qt.ItemDataRole.UserRole) if index.parent().isValid() else None
            )
            if parent and parent[0] == "department":
                return int(parent[1])
        return None

    def selected_people(self) -> list[int]:
        out = []
        for index in self.people.view.selectionModel().selectedRows(0):
            data = index.data(Qt.ItemDataRole.UserRole)
            if data and data[0] == "person":
                out.append(int(data[1]))
        return out

    def _department_list(self) -> list[org.DepartmentInfo]:
        cid = self.record_id
        if cid is None:
            return []
        return ops.read(self.store, lambda s: org.list_departments(s, cid))

    def _enable_department_actions(self) -> None:
        has_dept = self.selected_department() is not None
        for action in (
            self.rename_department_action,
            self.parent_department_action,
            self.head_action,
            self.delete_department_action,
        ):
            action.setEnabled(has_dept)
        self.move_people_action.setEnabled(bool(self.selected_people()))

    def _people_menu(self, pos: QPoint) -> None:
        self._enable_department_actions()
        self.department_menu.exec(self.people.view.viewport().mapToGlobal(pos))

    def _department_write(self, work: Callable[[Session], Changes]) -> bool:
        """One undoable department change through the services; True when done."""
        try:
            ops.write(
                self.store,
                work,
                sender=self,
                changes=lambda changes: (
                    changes | Changes.of("company", self.record_id, structure=True)
                ),
            )
        except CrmError as exc:
            show_error(self, exc)
            return False
        self.refresh()
        return True

    def rename_department(self, dept_id: int, name: str) -> bool:
        return self._department_write(lambda s: org.rename_department(s, dept_id, name, self.clock))

    def delete_department(self, dept_id: int) -> bool:
        return self._department_write(lambda s: org.delete_department(s, dept_id, self.clock))

    def move_people(self, person_ids: list[int], dept_id: int | None) -> bool:
        return self._department_write(lambda s: org.move_people(s, person_ids, dept_id, self.clock))

    def set_department_parent(self, dept_id: int, parent_id: int | None) -> bool:
        return self._department_write(lambda s: org.set_parent(s, dept_id, parent_id, self.clock))

    def set_department_head(self, dept_id: int, person_id: int | None) -> bool:
        return self._department_write(lambda s: org.set_head(s, dept_id, person_id, self.clock))

    def _choose(
        self, title: str, label: str, items: list[tuple[str, int | None]]
    ) -> tuple[bool, int | None]:
        texts = [t for t, _v in items]
        text, ok = QInputDialog.getItem(self, title, label, texts, 0, False)
        if not ok or text not in texts:
            return False, None
        return True, items[texts.index(text)][1]

    def ask_rename_department(self) -> None:
        dept_id = self.selected_department()
        dept = next((d for d in self._department_list() if d.id == dept_id), None)
        if dept is None:
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Rename department"), self.tr("New name:"), text=dept.name
        )
        if ok and name.strip() and name.strip() != dept.name:
            self.rename_department(dept.id, name)

    def ask_delete_department(self) -> None:
        dept_id = self.selected_department()
        dept = next((d for d in self._department_list() if d.id == dept_id), None)
        if dept is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete department"),
            self.tr(
                "Delete the department “{name}”? Its {count} people stay in the company, "
                "without a department; Edit → Undo brings it back."
            ).format(name=dept.name, count=dept.people),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_department(dept.id)

    def ask_department_parent(self) -> None:
        dept_id = self.selected_department()
        if dept_id is None:
            return
        items: list[tuple[str, int | None]] = [(self.tr("(top level)"), None)]
        items += [(d.name, d.id) for d in self._department_list() if d.id != dept_id]
        ok, parent = self._choose(
            self.tr("Place inside department"), self.tr("Sub-department of:"), items
        )
        if ok:
            self.set_department_parent(dept_id, parent)

    def ask_department_head(self) -> None:
        dept_id = self.selected_department()
        cid = self.record_id
        if dept_id is None or cid is None:
            return
        staff = ops.read(self.store, lambda s: pane_data.company_people(s, cid))
        people = [p for g in staff.groups for p in g.people] + list(staff.loose)
        items: list[tuple[str, int | None]] = [(self.tr("(nobody)"), None)]
        items += [(p.full_name, p.id) for p in people]
        ok, head = self._choose(
            self.tr("Head of department"), self.tr("Head of department:"), items
        )
        if ok:
            self.set_department_head(dept_id, head)

    def ask_move_people(self) -> None:
        people = self.selected_people()
        if not people:
            return
        items: list[tuple[str, int | None]] = [(self.tr("(no department)"), None)]
        items += [(d.name, d.id) for d in self._department_list()]
        ok, target = self._choose(self.tr("Move to department"), self.tr("Department:"), items)
        if ok:
            self.move_people(people, target)
