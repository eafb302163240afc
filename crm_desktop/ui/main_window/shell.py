"""The main window: the frame, attaching a store, layout memory, the status bar,
reminders, the start page, refresh from change records, messages. The other rooms
(:mod:`~crm_desktop.ui.main_window.actions`, ``navigation``, ``records``, ``commands``,
``files``, ``tools``) are its bases.
"""

from __future__ import annotations

import contextlib
import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop import APP_NAME
from crm_desktop.clock import Clock, SystemClock
from crm_desktop.errors import CrmError
from crm_desktop.services.changes import Changes
from crm_desktop.ui import ops
from crm_desktop.ui.errors import show_error as _show_error
from crm_desktop.ui.icons import app_icon
from crm_desktop.ui.main_window.actions import ActionsRoom
from crm_desktop.ui.main_window.base import (
    DETAIL_AFTER_MS,
    FRAME_ACTIONS,
    REMINDERS_AFTER_MS,
    STATUS_REFRESH_MS,
    Location,
    log,
)
from crm_desktop.ui.main_window.commands import CommandsRoom
from crm_desktop.ui.main_window.files import FilesRoom
from crm_desktop.ui.main_window.mail import MailRoom
from crm_desktop.ui.main_window.navigation import NavigationRoom
from crm_desktop.ui.main_window.records import RecordsRoom
from crm_desktop.ui.main_window.tools import ToolsRoom
from crm_desktop.ui.ops import ChangeHub
from crm_desktop.ui.settings_dialog import AppSettings

if TYPE_CHECKING:
    # The data layer and the panes are imported when a store is attached: the window's
    # frame (menus, toolbar, status bar) paints before SQLAlchemy and the models load.
    from crm_desktop.data.store import Store
    from crm_desktop.services.tree import NodeRef
    from crm_desktop.ui.detail import DetailStack


class MessagePage(QWidget):
    """A heading and a text in the centre: "Opening your data…", a project's facts."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        for label in (self.title, self.text):
            label.setWordWrap(True)
            # long names wrap instead of widening the centre pane
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.setContentsMargins(24, 0, 24, 0)
        self.set_content(title, text)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addStretch(2)

    def set_content(self, title: str, text: str) -> None:
        self.title.setText(f"<h2>{html.escape(title)}</h2>" if title else "")
        self.text.setText(text)


class MainWindow(
    NavigationRoom, RecordsRoom, CommandsRoom, FilesRoom, MailRoom, ToolsRoom, ActionsRoom
):
    """The window the user lives in."""

    recordShown = Signal(str, int)  # kind, id

    def __init__(
        self,
        store: Store | None,
        settings: AppSettings,
        *,
        clock: Clock | None = None,
        data_dir: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """With ``store=None`` only the frame is built (menus, toolbar, status bar, the
        panes' places with "Opening your data…"): it paints before the data layer is
        imported; :meth:`attach` fills it once the store is open."""
        super().__init__(parent)
        self.settings = settings
        self.clock: Clock = clock or SystemClock()
        self.data_dir = data_dir
        self.attached = False
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)  # e-mail files dropped anywhere (MailRoom)
        self.actions_by_name: dict[str, QAction] = {}
        self.history: list[Location] = []
        self.history_pos = -1
        self.current: Location | None = None
        self.reminders: Any = None
        self._reminders_armed = False
        self._reminders_held = False
        self._quitting = False  # Quit from the tray menu: close for real
        self.tray: Any = None
        # asks a yes/no question; replaceable (tests, scripted use)
        self.confirm: Callable[[str, str], bool] = self._confirm_dialog

        # the panes' places; attach() puts the tree, the centre and the timeline in them
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.opening_page = MessagePage("", self.tr("Opening your data…"), self)
        for widget in (QWidget(self), self.opening_page, QWidget(self)):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([300, 640, 460])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self.restore_layout()
        if store is not None:
            self.attach(store)
        else:
            for name, action in self.actions_by_name.items():
                action.setEnabled(name in FRAME_ACTIONS)
            self.status_label.setText(self.tr("Opening your data…"))

    def attach(self, store: Store) -> None:
        """Open the window on ``store``: panes, search, undo, reminders, start page."""
        from crm_desktop.ui.search import SearchField
        from crm_desktop.ui.tasks import runner as task_runner
        from crm_desktop.ui.timeline import TimelinePanel
        from crm_desktop.ui.tree_model import CompanyTreePanel
        from crm_desktop.ui.undo import UndoManager
        from crm_desktop.ui.welcome import WelcomeWidget

        if self.attached:
            raise RuntimeError("the window already shows a store")
        self.store = store
        self.tasks = task_runner().for_store(store, self)
        self.tasks.busyChanged.connect(
            lambda busy: self.busy_label.setText(self.tr("Working…") if busy else "")
        )
        self.hub = ChangeHub(self)  # every write ends with one change record here
        self.undo = UndoManager(store, self.clock, self)
        self.undo.changed.connect(self._after_undo)
        self.undo.failed.connect(lambda exc: self.show_error(exc))
        self.undo.applied.connect(self.hub.publish)
        self.hub.changed.connect(lambda _changes: self.undo.sync())
        redo = self.actions_by_name["redo"]
        stack = self.undo.stack
        redo.triggered.connect(self.undo.redo)
        stack.canRedoChanged.connect(redo.setEnabled)
        stack.redoTextChanged.connect(self._redo_text_changed)
        stack.undoTextChanged.connect(self._undo_text_changed)

        # panes
        self.tree_panel = CompanyTreePanel(store, self, clock=self.clock)
        self.tree_panel.recordSelected.connect(self._tree_selected)
        self.tree_panel.actionRequested.connect(self._tree_action)
        self.tree_panel.todayRequested.connect(lambda: self.show_view("today"))
        self.tree_panel.model.personMoved.connect(
            lambda pid: self.hub.publish(Changes.of("person", int(pid)))
        )

        self.center = QStackedWidget(self)
        self.center.setObjectName("center")
        self.welcome = WelcomeWidget(self)
        self.welcome.importRequested.connect(self.open_import_wizard)
        self.welcome.demoRequested.connect(self.create_demo_data)
        self.welcome.newCompanyRequested.connect(self.new_company)
        self.welcome.newPersonRequested.connect(lambda: self.new_person(None, None))
        self.center.addWidget(self.welcome)
        self._detail: DetailStack | None = None  # built on first use (see detail)
        self.pages: dict[str, QWidget] = {}
        self.record_page = MessagePage("", "", self)
        self.center.addWidget(self.record_page)

        self.timeline = TimelinePanel(store, self, clock=self.clock)
        self.timeline.activityLogged.connect(self._activity_logged)
        self.timeline.openRequested.connect(self.open_record)

        sizes = self.splitter.sizes()
        for index, widget in enumerate((self.tree_panel, self.center, self.timeline)):
            old = self.splitter.replaceWidget(index, widget)
            if old is not None:
                old.deleteLater()
        shown = self.isVisible()
        if shown:
            self.splitter.setSizes(sizes)  # as the frame showed them (restored, or dragged)

        self.search = SearchField(store, self)
        self.search.openRequested.connect(self.open_record)
        self.toolbar.insertWidget(self._search_place, self.search)
        self.toolbar.removeAction(self._search_place)

        for name, action in self.actions_by_name.items():
            action.setEnabled(name not in ("back", "forward", "redo"))
        self.hub.subscribe(self)  # tree, timeline, status counts (pages subscribe as built)
        self.attached = True

        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self.refresh_status)
        self._status_timer.start()
        self.undo.load_persisted()
        self._start_reminders()
        self.refresh_status()
        self._show_start_page()
        self._open_last_record()
        if not shown:
            self.restore_layout()  # built in one go: the saved sizes, for the real panes
        if self.isVisible():
            self._arm_reminders()
        # the detail pane is not on the start page: built once the window is idle
        QTimer.singleShot(DETAIL_AFTER_MS, self, lambda: self.detail)

    @property
    def detail(self) -> DetailStack:
        """The company/person detail pane (its modules load on first use)."""
        if self._detail is None:
            self._detail = self._make_detail()
            self.center.addWidget(self._detail)
        return self._detail

    def _start_reminders(self) -> None:
        from crm_desktop.ui.reminders import ReminderTicker

        self._start_tray()
        self.reminders = ReminderTicker(self.store, self.clock, parent=self)
        self.hub.subscribe(self.reminders)  # an undone cancel rings again

    def _start_tray(self) -> None:
        """The tray icon (where the desktop has one): desktop messages for reminders while
        the window is not in front, and the way back when it lives in the tray."""
        from PySide6.QtWidgets import QMenu, QSystemTrayIcon

        from crm_desktop.ui.tray import TrayNotifier

        self.tray = TrayNotifier(self, app_icon())
        icon = self.tray.tray
        if icon is None:  # no tray (offscreen, some desktops): the banner alone
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Open CRM Desktop"), self.show_from_tray)
        menu.addAction(self.tr("Quit"), self.quit_from_tray)
        icon.setContextMenu(menu)
        icon.activated.connect(
            lambda reason: (
                self.show_from_tray()
                if reason == QSystemTrayIcon.ActivationReason.Trigger
                else None
            )
        )
        icon.messageClicked.connect(self.show_from_tray)

    def keeps_running_in_tray(self) -> bool:
        """Closing only hides the window: the setting is on and there is a tray."""
        from crm_desktop.ui.tray import keep_in_tray

        tray = getattr(self, "tray", None)
        available = tray is not None and tray.tray is not None
        return keep_in_tray(self.settings.keep_in_tray, available) and not self._quitting

    def show_from_tray(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def quit_from_tray(self) -> None:
        self._quitting = True
        self.close()

    def hold_reminders(self, hold: bool) -> None:
        """Keep the reminders from starting (while the start-up rules write in a worker
        thread, the first check would wait for their lock on the GUI thread)."""
        self._reminders_held = hold
        if not hold and self.isVisible():
            self._arm_reminders()

    def _arm_reminders(self) -> None:
        """Start the reminders shortly after the window is on screen: the first check
        (contact intervals of every person) would otherwise hold the first paint back."""
        start = getattr(self.reminders, "start", None)
        if self._reminders_armed or self._reminders_held or not callable(start):
            return
        self._reminders_armed = True

        def begin() -> None:
            if self.isVisible() and not self._reminders_held:
                start()
            else:  # hidden again (or held) before it was time: try again later
                self._reminders_armed = False

        QTimer.singleShot(REMINDERS_AFTER_MS, self, begin)

    # ------------------------------------------------------------ start, layout

    def _show_start_page(self) -> None:
        from crm_desktop.services import tree

        empty = ops.read(self.store, lambda s: tree.is_empty(s))
        if empty:
            self.center.setCurrentWidget(self.welcome)
        else:
            from crm_desktop.ui.today import TodayView

            self.show_view("today", load=False)  # the home view: what is due, who waits
            page = self.pages["today"]
            assert isinstance(page, TodayView)
            QTimer.singleShot(0, page.refresh_async)  # paint first, then fill

    def restore_layout(self) -> None:
        q = self.settings.qsettings
        geometry = q.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        state = q.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        split = q.value("window/splitter")
        if isinstance(split, QByteArray) and not split.isEmpty():
            # applied once the window has its real size (see showEvent)
            self._pending_splitter: QByteArray | None = split
            if self.isVisible():
                self._apply_pending_splitter()

    def _redo_text_changed(self, text: str) -> None:
        redo = self.actions_by_name["redo"]
        with contextlib.suppress(RuntimeError):  # the window is being destroyed
            redo.setText(self.tr("&Redo: {what}").format(what=text) if text else self.tr("&Redo"))

    def _undo_text_changed(self, text: str) -> None:
        undo = self.actions_by_name["undo"]
        with contextlib.suppress(RuntimeError):  # the window is being destroyed
            undo.setText(self.tr("&Undo: {what}").format(what=text) if text else self.tr("&Undo"))

    def _open_last_record(self) -> None:
        """The company or person shown when the window was last closed."""
        q = self.settings.qsettings
        kind = q.value("window/last_kind")
        ref = q.value("window/last_id")
        if isinstance(kind, str) and kind in ("company", "person"):
            try:
                ref_id = int(str(ref))
            except ValueError:
                return
            if self._exists(kind, ref_id):
                self.open_record(kind, ref_id)

    def _apply_pending_splitter(self) -> None:
        state = getattr(self, "_pending_splitter", None)
        if state is not None:
            self._pending_splitter = None
            self.splitter.restoreState(state)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._apply_pending_splitter()
        self._arm_reminders()

    def save_layout(self) -> None:
        q = self.settings.qsettings
        q.setValue("window/geometry", self.saveGeometry())
        q.setValue("window/state", self.saveState())
        q.setValue("window/splitter", self.splitter.saveState())
        if self.current is not None and self.current.kind in ("company", "person"):
            q.setValue("window/last_kind", self.current.kind)
            q.setValue("window/last_id", self.current.ref_id)
        q.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.attached and self.keeps_running_in_tray():
            self.save_layout()
            event.ignore()
            self.hide()  # reminders keep ringing; the tray icon brings the window back
            return
        self.save_layout()
        if self.attached:
            self.tasks.cancel_all()
            self.tasks.wait(10_000)
        super().closeEvent(event)

    # ------------------------------------------------------------ status bar

    def refresh_status(self) -> None:
        from crm_desktop.services import tree

        try:
            counts = ops.read(self.store, lambda s: tree.tree_counts(s, now=self.clock.now()))
        except CrmError:
            return
        where = (
            self.tr("Local (SQLite)") if self.store.is_sqlite else self.tr("Server (PostgreSQL)")
        )
        # singular spelled out: English has no plural forms without a translation file
        n_people, n_companies, n_due = counts.people, counts.companies, counts.due_followups
        parts = [
            self.tr("1 person") if n_people == 1 else self.tr("%Ln people", "", n_people),
            self.tr("1 company") if n_companies == 1 else self.tr("%Ln companies", "", n_companies),
            self.tr("1 follow-up due") if n_due == 1 else self.tr("%Ln follow-ups due", "", n_due),
            self.tr("Database: {where}").format(where=where),
        ]
        self.status_label.setText(" · ".join(parts))
        self.tree_panel.set_due_count(counts.due_followups)

    # ------------------------------------------------------------ refresh

    def reload_everything(self) -> None:
        """F5, and after work that may have touched anything (an import, demo data, a
        restore): every view loads again."""
        self.hub.publish(Changes.all())

    def apply_changes(self, changes: Changes) -> None:
        """The window's own parts follow the hub: tree, timeline, status counts, the start
        page and a ticket or project shown in the centre."""
        from crm_desktop.services.tree import NodeRef

        if changes.everything or changes.structure:
            self.tree_panel.reload()
        elif changes.touches("people", "companies", "departments"):
            refs = (
                [NodeRef.person(i) for i in changes.people]
                + [NodeRef.company(i) for i in changes.companies]
                + [NodeRef.department(i) for i in changes.departments]
            )
            self.tree_panel.model.refresh_records(refs)
        if changes.touches(
            "activities",
            "followups",
            "tickets",
            "projects",
            "opportunities",
            "appointments",
            "campaigns",
            "people",
            "companies",
        ):
            self.timeline.reload()
        self.refresh_status()
        if changes.everything or changes.structure:
            self._refresh_start_page()
        loc = self.current
        if loc is not None and (
            (loc.kind == "project" and changes.touches("projects", "people", "companies"))
            or (loc.kind == "no_company" and changes.touches("people"))
        ):
            self._show_location(loc)

    def _refresh_start_page(self) -> None:
        from crm_desktop.services import tree

        empty = ops.read(self.store, lambda s: tree.is_empty(s))
        if empty:
            self.center.setCurrentWidget(self.welcome)
        elif self.center.currentWidget() is self.welcome:
            self.center.setCurrentWidget(self.detail)
            self.detail.clear()

    def _widget_changed(self, changes: object = None) -> None:
        """A page or dialog saved something: the record its ``changed`` signal carries.
        Every such signal carries one (tests/ui/test_one_path.py); one without is a bug,
        logged, and answered with a reload of everything so nothing shown goes stale."""
        if isinstance(changes, Changes):
            self.hub.publish(changes)
            return
        log.warning("a changed signal without a change record: %r", changes)
        self.hub.publish(Changes.all())

    def _activity_logged(self, activity_id: int) -> None:
        changes = Changes.of("activity", activity_id or None)
        if self.current is not None and self.current.kind in ("company", "person"):
            changes = changes | Changes.of(self.current.kind, self.current.ref_id)
        # a complaint may have opened a ticket, a follow-up may be due: tickets too
        self.hub.publish(changes | Changes(everything=not activity_id))

    def _after_undo(self, kind: str, ref_id: int) -> None:
        # the views follow the undo's own change record (``applied``): this only shows
        # the person or company that came back
        if kind in ("person", "company") and self._exists(kind, ref_id):
            self.open_record(kind, ref_id)

    def _current_ref(self) -> NodeRef | None:
        from crm_desktop.services.tree import NO_COMPANY, NodeRef

        loc = self.current
        if loc is None or loc.ref_id is None:
            return NO_COMPANY if loc is not None and loc.kind == "no_company" else None
        if loc.kind == "company":
            return NodeRef.company(loc.ref_id)
        if loc.kind == "person":
            return NodeRef.person(loc.ref_id)
        if loc.kind == "department":
            return NodeRef.department(loc.ref_id)
        return None

    # ------------------------------------------------------------ messages

    def _confirm_dialog(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def show_error(self, exc: BaseException) -> None:
        _show_error(self, exc, title=self.tr("Not possible"))

    def show_message(self, title: str, text: str) -> None:
        QMessageBox.information(self, title, text)
