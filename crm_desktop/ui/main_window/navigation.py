"""Navigation: open_record, back/forward history, the centre's pages, focus."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from crm_desktop.errors import CrmError
from crm_desktop.ui import ops
from crm_desktop.ui.main_window.base import HISTORY_LIMIT, Location, WindowRoom
from crm_desktop.ui.ops import Page

if TYPE_CHECKING:
    # The data layer and the panes are imported when a store is attached: the window's
    # frame (menus, toolbar, status bar) paints before SQLAlchemy and the models load.
    from crm_desktop.services.tree import NodeRef
    from crm_desktop.services.unit import Session


class NavigationRoom(WindowRoom):
    """Which record or page the window shows, and the way back to it."""

    # ------------------------------------------------------------ navigation

    def _exists(self, kind: str, ref_id: int) -> bool:
        from crm_desktop.services import lookups

        return ops.read(self.store, lambda s: lookups.record_exists(s, kind, ref_id))

    def open_record(self, kind: str, ref_id: int, *, push: bool = True) -> bool:
        """Show a record: detail, tree selection and timeline follow."""
        if kind == "activity":
            return self._open_activity(ref_id)
        if kind == "order":
            return self._open_order(ref_id)
        if kind not in ("company", "person", "department", "ticket", "project"):
            return False
        if not self._exists(kind, ref_id):
            self.statusBar().showMessage(self.tr("This record no longer exists."), 5000)
            return False
        location = Location(kind, ref_id)
        self._show_location(location)
        if push:
            self._push(location)
        self.recordShown.emit(kind, ref_id)
        return True

    def _open_order(self, order_id: int) -> bool:
        """An order (a search hit): the orders page with it selected, its dialog open."""
        from crm_desktop.ui.orders_view import OrdersView

        self.show_view("orders")
        page = self.center.currentWidget()
        if not isinstance(page, OrdersView):
            return False
        page.select_order(order_id)  # not listed when filtered out: the dialog opens anyway
        page.open_order(order_id)  # one deleted meanwhile is reported there
        return True

    def _show_location(self, loc: Location) -> None:
        from crm_desktop.services import lookups
        from crm_desktop.services.timeline import Scope
        from crm_desktop.services.tree import NodeRef

        self.current = loc
        kind, ref_id = loc.kind, loc.ref_id
        if kind == "no_company":
            self.timeline.set_scope(None)
            self.center.setCurrentWidget(self.detail)
            return
        assert ref_id is not None
        if kind in ("company", "person", "department"):
            ref = {
                "company": NodeRef.company,
                "person": NodeRef.person,
                "department": NodeRef.department,
            }[kind](ref_id)
            self.tree_panel.select(ref)
        if kind == "company":
            self._detail_call(self.detail.show_company, ref_id)
            self.timeline.set_scope(Scope(company_id=ref_id))
        elif kind == "person":
            self._detail_call(self.detail.show_person, ref_id)
            self.timeline.set_scope(Scope(person_id=ref_id))
        elif kind == "department":
            company_id = ops.read(self.store, lambda s: lookups.department_company(s, ref_id))
            if company_id is not None:
                self._detail_call(self.detail.show_company, company_id)
            self.timeline.set_scope(Scope(department_id=ref_id))
        elif kind == "ticket":
            self._show_ticket(ref_id)
        elif kind == "project":
            self._show_project(ref_id)

    def _detail_call(self, show: Callable[[int], object], ref_id: int) -> None:
        try:
            show(ref_id)
        except CrmError as exc:
            self.show_error(exc)
        self.center.setCurrentWidget(self.detail)

    def _show_ticket(self, ticket_id: int) -> None:
        from crm_desktop.services import lookups
        from crm_desktop.services.timeline import Scope
        from crm_desktop.ui.tickets import TicketView

        self.timeline.set_scope(Scope(ticket_id=ticket_id))

        def make() -> TicketView:
            view = TicketView(self.store, clock=self.clock, parent=self)
            self._connect_navigation(view)  # its status changes reach the hub, Edit → Undo
            return view

        page = self._page("ticket", make)
        assert isinstance(page, TicketView)
        number = ops.read(self.store, lambda s: lookups.ticket_number(s, ticket_id))
        if number is not None and page.show_number(number):
            self.center.setCurrentWidget(page)
        else:
            self.statusBar().showMessage(self.tr("This record no longer exists."), 5000)

    def _show_project(self, project_id: int) -> None:
        from crm_desktop.services import lookups
        from crm_desktop.services.timeline import Scope

        self.timeline.set_scope(Scope(project_id=project_id))
        from crm_desktop.ui.format import format_date
        from crm_desktop.ui.i18n import enum_label

        project = ops.read(self.store, lambda s: lookups.project_facts(s, project_id))
        if project is None:
            return
        name, description = project.name, project.description
        status = enum_label(project.status)

        def day(value: dt.date | None) -> str:
            return format_date(value) or "—"

        facts = [
            self.tr("Status: {status}").format(status=status),
            self.tr("Company: {name}").format(name=project.company_name or "—"),
            self.tr("From {start} to {end}").format(
                start=day(project.start_date), end=day(project.end_date)
            ),
            self.tr("Members: {names}").format(names=", ".join(project.members) or "—"),
        ]
        self.record_page.set_content(
            self.tr("Project: {name}").format(name=name),
            "\n".join(facts)
            + "\n\n"
            + (description + "\n\n" if description else "")
            + self.tr("All conversations of this project, across all people, are in the timeline."),
        )
        self.center.setCurrentWidget(self.record_page)

    def _open_activity(self, activity_id: int) -> bool:
        from crm_desktop.services.timeline import entry

        try:
            e = ops.read(self.store, lambda s: entry(s, activity_id))
        except CrmError:
            return False
        if (e.person_id is not None and self.open_record("person", e.person_id)) or (
            e.company_id is not None and self.open_record("company", e.company_id)
        ):
            pass
        else:
            return False
        self.timeline.select_activity(activity_id)
        return True

    def _push(self, loc: Location) -> None:
        if self.history_pos >= 0 and self.history[self.history_pos] == loc:
            return
        del self.history[self.history_pos + 1 :]
        self.history.append(loc)
        if len(self.history) > HISTORY_LIMIT:
            del self.history[0]
        self.history_pos = len(self.history) - 1
        self._update_history_actions()

    def _update_history_actions(self) -> None:
        self.actions_by_name["back"].setEnabled(self.history_pos > 0)
        self.actions_by_name["forward"].setEnabled(self.history_pos < len(self.history) - 1)

    def go_back(self) -> None:
        self._go(-1)

    def go_forward(self) -> None:
        self._go(1)

    def _go(self, step: int) -> None:
        pos = self.history_pos + step
        while 0 <= pos < len(self.history):
            loc = self.history[pos]
            if loc.ref_id is None or self._exists(loc.kind, loc.ref_id):
                self.history_pos = pos
                self._show_location(loc)
                break
            del self.history[pos]
            if step < 0:
                pos -= 1
                self.history_pos -= 1
        self._update_history_actions()

    def _tree_selected(self, ref: NodeRef) -> None:
        from crm_desktop.services.tree import NodeKind

        if ref.kind is NodeKind.NO_COMPANY:
            loc = Location("no_company", None)
            self._show_location(loc)
            self._push(loc)
            return
        assert ref.ref_id is not None
        self.open_record(ref.kind.value, ref.ref_id)

    def show_view(self, name: str, *, load: bool = True) -> None:
        """Today, agenda, pipeline, tickets, people, reports, orders or targets in the centre.

        Every page is built the same way, ``Page(store, clock=..., parent=...)``, on first
        use; it subscribes to the window's change hub and loads again when shown."""
        page = self._page(name, lambda: self._make_page(name))
        if load and isinstance(page, Page):
            page.refresh()
        self.center.setCurrentWidget(page)
        self.current = None

    def _make_page(self, name: str) -> QWidget:
        cls: Callable[..., QWidget]
        if name == "today":
            from crm_desktop.ui.today import TodayView as cls
        elif name == "agenda":
            from crm_desktop.ui.agenda import AgendaWidget as cls
        elif name == "pipeline":
            from crm_desktop.ui.pipeline import PipelineBoard as cls
        elif name == "tickets":
            from crm_desktop.ui.tickets import TicketsPage as cls
        elif name == "people":
            from crm_desktop.ui.people_list import PeopleListView as cls
        elif name == "reports":
            from crm_desktop.ui.dashboard import DashboardWidget as cls
        elif name == "orders":
            from crm_desktop.ui.orders_view import OrdersView as cls
        elif name == "targets":
            from crm_desktop.ui.targets_view import TargetsView as cls
        elif name == "projects":
            from crm_desktop.ui.projects_view import ProjectsView as cls
        else:
            raise ValueError(f"no page named {name!r}")
        page = cls(self.store, clock=self.clock, parent=self)
        self._connect_navigation(page)
        return page

    def _connect_navigation(self, widget: QWidget) -> None:
        for signal, kind in (
            ("personActivated", "person"),
            ("companyActivated", "company"),
            ("ticketActivated", "ticket"),
            ("projectActivated", "project"),
            ("activityActivated", "activity"),
        ):
            sig = getattr(widget, signal, None)
            if sig is not None:
                sig.connect(lambda ref, k=kind: self._open_ref(k, ref))
        opportunity = getattr(widget, "opportunityActivated", None)
        if opportunity is not None:
            opportunity.connect(lambda opp_id: self.open_opportunity(int(opp_id)))
        open_requested = getattr(widget, "openRequested", None)
        if open_requested is not None:
            open_requested.connect(lambda k, ref_id: self.open_record(str(k), int(ref_id)))
        changed = getattr(widget, "changed", None)
        if changed is not None:
            changed.connect(self._widget_changed)
        made = getattr(widget, "changesMade", None)
        if made is not None:  # a page that names what it changed
            made.connect(self.hub.publish)
        appointment = getattr(widget, "appointmentActivated", None)
        if appointment is not None:
            appointment.connect(lambda aid: self.edit_appointment(int(aid)))
        delete = getattr(widget, "deleteRequested", None)  # a list's "Delete…" (RowDelete)
        if delete is not None:
            delete.connect(lambda k, ref_id: self.delete_listed(str(k), int(ref_id)))
        use_undo = getattr(widget, "use_undo", None)  # one undo history for the window
        if use_undo is not None:
            use_undo(self.undo)

    def _open_ref(self, kind: str, ref: object) -> None:
        """Open a record named by id, or a ticket named by its number."""
        if kind == "ticket" and isinstance(ref, str) and not ref.isdigit():
            from crm_desktop.services.tickets import find_ticket

            def ticket_id_of(s: Session) -> int | None:
                ticket = find_ticket(s, ref)
                return ticket.id if ticket is not None else None

            ticket_id = ops.read(self.store, ticket_id_of)
            if ticket_id is None:
                self.statusBar().showMessage(self.tr("This record no longer exists."), 5000)
                return
            self.open_record("ticket", ticket_id)
            return
        self.open_record(kind, int(str(ref)))

    def _page(self, name: str, make: Callable[[], QWidget]) -> QWidget:
        """The centre page ``name``, built by ``make`` on first use and subscribed to the
        change hub (a page that cannot follow changes is a programming error)."""
        page = self.pages.get(name)
        if page is None:
            page = make()
            if not isinstance(page, Page):
                raise TypeError(f"{type(page).__name__} is no page (refresh, apply_changes)")
            self.pages[name] = page
            self.center.addWidget(page)
            self.hub.subscribe(page)
        return page

    def _focus_detail(self) -> None:
        widget = self.center.currentWidget()
        if widget is not None:
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
            nxt = widget.nextInFocusChain()
            if nxt is not None and widget.isAncestorOf(nxt):
                nxt.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _focus_timeline(self) -> None:
        self.timeline.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def focus_quick_entry(self) -> None:
        self.timeline.focus_quick_entry()
