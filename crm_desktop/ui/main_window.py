"""The main window: company tree | detail | timeline, menus, toolbar, search, status bar.

Parts built by other modules (detail panes, dialogs, agenda, tickets, pipeline,
importer, demo data) are imported lazily where they are used, so the window still
opens — with an explained placeholder — when one of them is missing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop import APP_NAME, __version__
from crm_desktop.clock import Clock, SystemClock, local_zone, to_local
from crm_desktop.errors import CrmError
from crm_desktop.services.changes import Changes

# error_text moved to crm_desktop.ui.errors; re-exported for those importing it from here
from crm_desktop.ui.errors import error_text as error_text
from crm_desktop.ui.errors import show_error as _show_error
from crm_desktop.ui.format import phone_region
from crm_desktop.ui.icons import app_icon, icon
from crm_desktop.ui.ops import ChangeHub, Page
from crm_desktop.ui.settings_dialog import AppSettings, SettingsDialog

if TYPE_CHECKING:
    # The data layer and the panes are imported when a store is attached: the window's
    # frame (menus, toolbar, status bar) paints before SQLAlchemy and the models load.
    from crm_desktop.data.models import ActivityKind
    from crm_desktop.data.store import Store
    from crm_desktop.services.tree import NodeRef
    from crm_desktop.ui.detail import DetailStack
    from crm_desktop.ui.search import SearchField
    from crm_desktop.ui.tasks import TaskRunner
    from crm_desktop.ui.timeline import TimelinePanel
    from crm_desktop.ui.tree_model import CompanyTreePanel
    from crm_desktop.ui.undo import UndoManager
    from crm_desktop.ui.welcome import WelcomeWidget

log = logging.getLogger("crm_desktop.ui.main")

STATUS_REFRESH_MS = 60_000
# usable while the window waits for its store
FRAME_ACTIONS = frozenset({"quit", "shortcuts", "about"})
REMINDERS_AFTER_MS = 400  # after the first paint
DETAIL_AFTER_MS = 1500  # after the store is attached
HISTORY_LIMIT = 100


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


@dataclass(frozen=True)
class Location:
    """A place the user looked at (for back/forward)."""

    kind: str  # company, person, department, no_company, ticket, project
    ref_id: int | None


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


class MainWindow(QMainWindow):
    """The window the user lives in."""

    recordShown = Signal(str, int)  # kind, id

    store: Store
    tasks: TaskRunner
    undo: UndoManager
    tree_panel: CompanyTreePanel
    timeline: TimelinePanel
    search: SearchField
    welcome: WelcomeWidget

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
        self.actions_by_name: dict[str, QAction] = {}
        self.history: list[Location] = []
        self.history_pos = -1
        self.current: Location | None = None
        self.reminders: Any = None
        self._reminders_armed = False
        self._reminders_held = False
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

    # ------------------------------------------------------------ building

    def _make_detail(self) -> DetailStack:
        from crm_desktop.ui.detail import DetailStack

        widget = DetailStack(self.store, self, clock=self.clock)
        self._connect_navigation(widget)
        self.hub.subscribe(widget)
        return widget

    def _action(
        self,
        name: str,
        text: str,
        slot: Callable[[], Any],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon_name: str | None = None,
        tip: str | None = None,
    ) -> QAction:
        act = QAction(text, self)
        act.setObjectName(f"action_{name}")
        if icon_name:
            act.setIcon(icon(icon_name))
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            act.setToolTip(tip)
            act.setStatusTip(tip)
        act.triggered.connect(lambda _checked=False: slot())
        self.addAction(act)
        self.actions_by_name[name] = act
        return act

    def _build_actions(self) -> None:
        a = self._action
        # File
        a(
            "import",
            self.tr("&Import…"),
            self.open_import_wizard,
            "Ctrl+I",
            "import",
            self.tr("Import contacts from a vCard or CSV file"),
        )
        a(
            "export",
            self.tr("&Export…"),
            self.export_file,
            None,
            "export",
            self.tr("Export contacts to a vCard or CSV file"),
        )
        a("backup", self.tr("&Back up now"), self.backup_now)
        a(
            "settings",
            self.tr("&Settings…"),
            self.open_settings,
            QKeySequence.StandardKey.Preferences,
        )
        a("quit", self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        # Edit
        # one Undo for everything: deletes of this session (the undo stack), bulk changes
        # and merges, and deletes of earlier sessions (undo entries in the database)
        undo = QAction(self.tr("&Undo"), self)
        undo.triggered.connect(self.undo_last_change)
        undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        undo.setObjectName("action_undo")
        self.addAction(undo)
        self.actions_by_name["undo"] = undo
        redo = QAction(self.tr("&Redo"), self)
        redo.setEnabled(False)
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        redo.setObjectName("action_redo")
        self.addAction(redo)
        self.actions_by_name["redo"] = redo
        a("edit", self.tr("&Edit…"), self.edit_current, "Ctrl+E")
        a("delete", self.tr("&Delete…"), self.delete_current, QKeySequence.StandardKey.Delete)
        a("find", self.tr("&Find…"), self.focus_search, QKeySequence.StandardKey.Find, "search")
        # View
        a("today", self.tr("&Today"), lambda: self.show_view("today"), "Ctrl+T", "today")
        a(
            "agenda",
            self.tr("&Agenda (this week)"),
            lambda: self.show_view("agenda"),
            "Ctrl+Shift+T",
        )
        a("pipeline", self.tr("&Pipeline"), lambda: self.show_view("pipeline"), None, "pipeline")
        a("focus_tree", self.tr("Go to the &tree"), lambda: self.tree_panel.focus_tree(), "Ctrl+1")
        a("focus_detail", self.tr("Go to the &details"), self._focus_detail, "Ctrl+2")
        a("focus_timeline", self.tr("Go to the t&imeline"), self._focus_timeline, "Ctrl+3")
        a("back", self.tr("&Back"), self.go_back, "Alt+Left")
        a("forward", self.tr("&Forward"), self.go_forward, "Alt+Right")
        a("refresh", self.tr("&Refresh"), self.reload_everything, QKeySequence.StandardKey.Refresh)
        self.actions_by_name["refresh"].setShortcuts([QKeySequence("F5")])
        # Contacts
        a(
            "new",
            self.tr("&New…"),
            self.new_contextual,
            QKeySequence.StandardKey.New,
            "new",
            self.tr("New record in the current place"),
        )
        a("new_company", self.tr("New &company…"), self.new_company, None, "company")
        a("new_branch", self.tr("New &branch…"), self._new_branch_current, None, "branch")
        a(
            "new_department",
            self.tr("New &department…"),
            self._new_department_current,
            None,
            "department",
        )
        a("new_person", self.tr("New &person…"), self._new_person_current, None, "person")
        a("duplicates", self.tr("Find &duplicates…"), self.open_duplicates)
        # Activities
        a(
            "log_call",
            self.tr("Log a &call…"),
            self.log_call,
            "Ctrl+Shift+A",
            "call",
            self.tr("Log a phone call with the selected contact"),
        )
        a("new_activity", self.tr("New &activity…"), lambda: self.log_activity(None), None, "note")
        a("new_appointment", self.tr("New a&ppointment…"), self.new_appointment)
        a("quick_entry", self.tr("&Quick entry"), self.open_quick_entry, "Ctrl+L")
        a(
            "followup",
            self.tr("Plan a &follow-up"),
            self.plan_followup,
            None,
            "followup",
            self.tr("Plan a follow-up for the selected contact"),
        )
        a("tickets", self.tr("&Tickets"), lambda: self.show_view("tickets"), None, "ticket")
        a("projects", self.tr("&Projects"), lambda: self.show_view("projects"))
        a("new_project", self.tr("New pro&ject…"), self.new_project)
        # Sales
        a(
            "sales_pipeline",
            self.tr("&Pipeline"),
            lambda: self.show_view("pipeline"),
            None,
            "pipeline",
        )
        a("new_opportunity", self.tr("New &opportunity…"), self.new_opportunity)
        a("new_order", self.tr("New o&rder…"), self.new_order)
        a("orders", self.tr("&Orders"), lambda: self.show_view("orders"))
        a("targets", self.tr("Revenue &targets"), lambda: self.show_view("targets"))
        # Reports
        a("reports", self.tr("&Reports"), lambda: self.show_view("reports"))
        # Tools
        a("demo", self.tr("Create &demo data…"), self.create_demo_data)
        a("rebuild_search", self.tr("Rebuild the &search index"), self.rebuild_search_index)
        a("rules", self.tr("&Rules…"), self.open_rules)
        a("backups", self.tr("Backups and &restore…"), self.open_backups)
        a("trash", self.tr("&Trash…"), self.open_trash)
        a(
            "people_list",
            self.tr("&People list (select, tag, edit in bulk)"),
            lambda: self.show_view("people"),
            "Ctrl+Shift+L",
        )
        a("dashboard", self.tr("&Dashboard"), lambda: self.show_view("reports"), "Ctrl+Shift+D")
        a(
            "print_sheet",
            self.tr("Print &contact sheet…"),
            self.print_contact_sheet,
            QKeySequence.StandardKey.Print,
        )
        a("print_agenda", self.tr("Print today's &agenda…"), self.print_agenda)
        a("print_dashboard", self.tr("Print the dash&board…"), self.print_dashboard)
        a("privacy", self.tr("&Privacy (GDPR)…"), self.open_privacy)
        a("duplicates_review", self.tr("Review &duplicates…"), self.open_duplicates)
        a("signature", self.tr("New contact from a &signature…"), self.open_signature)
        a("campaign", self.tr("&Campaign export…"), self.open_campaign)
        a("calendar_export", self.tr("Export &calendar (.ics)…"), self.export_calendar)
        a("calendar_import", self.tr("Import an &invitation (.ics)…"), self.import_calendar)
        # Help
        a("shortcuts", self.tr("&Keyboard shortcuts"), self.show_shortcuts, "F1")
        a("about", self.tr("&About CRM Desktop"), self.show_about)
        self.actions_by_name["back"].setEnabled(False)
        self.actions_by_name["forward"].setEnabled(False)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        n = self.actions_by_name

        def menu(title: str, names: list[str | None]) -> QMenu:
            m = bar.addMenu(title)
            for name in names:
                if name is None:
                    m.addSeparator()
                else:
                    m.addAction(n[name])
            return m

        menu(
            self.tr("&File"),
            [
                "import",
                "export",
                None,
                "calendar_import",
                "calendar_export",
                None,
                "print_sheet",
                "print_agenda",
                None,
                "backup",
                "backups",
                None,
                "settings",
                None,
                "quit",
            ],
        )
        menu(
            self.tr("&Edit"), ["undo", "redo", None, "edit", "delete", None, "trash", None, "find"]
        )
        menu(
            self.tr("&View"),
            [
                "today",
                "agenda",
                "people_list",
                "pipeline",
                "dashboard",
                None,
                "focus_tree",
                "focus_detail",
                "focus_timeline",
                None,
                "back",
                "forward",
                None,
                "refresh",
            ],
        )
        menu(
            self.tr("&Contacts"),
            [
                "new",
                None,
                "new_company",
                "new_branch",
                "new_department",
                "new_person",
                "signature",
                None,
                "duplicates_review",
                "privacy",
            ],
        )
        menu(
            self.tr("&Activities"),
            [
                "log_call",
                "new_activity",
                "new_appointment",
                "quick_entry",
                "followup",
                None,
                "tickets",
                "projects",
                "new_project",
            ],
        )
        menu(
            self.tr("&Sales"),
            [
                "sales_pipeline",
                "targets",
                "orders",
                None,
                "new_opportunity",
                "new_order",
                None,
                "campaign",
            ],
        )
        menu(
            self.tr("&Reports"),
            ["dashboard", None, "print_dashboard", "print_sheet", "print_agenda"],
        )
        menu(self.tr("&Tools"), ["demo", "rebuild_search", None, "rules", "settings"])
        menu(self.tr("&Help"), ["shortcuts", None, "about"])

    def _build_toolbar(self) -> None:
        tb = QToolBar(self.tr("Main toolbar"), self)
        tb.setObjectName("mainToolbar")
        tb.setMovable(False)
        tb.setIconSize(QSize(20, 20))
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        n = self.actions_by_name
        new_button = QToolButton(self)
        new_button.setObjectName("newButton")
        new_button.setDefaultAction(n["new"])
        new_button.setText(self.tr("New"))
        new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        new_menu = QMenu(new_button)
        for name in (
            "new_company",
            "new_branch",
            "new_department",
            "new_person",
            "new_activity",
            "new_appointment",
        ):
            new_menu.addAction(n[name])
        new_button.setMenu(new_menu)
        tb.addWidget(new_button)
        tb.addAction(n["log_call"])
        tb.addAction(n["followup"])
        tb.addSeparator()
        tb.addAction(n["import"])
        tb.addAction(n["export"])
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        tb.addWidget(spacer)
        # the search field takes this place once a store is attached
        place = QLineEdit(self)
        place.setPlaceholderText(self.tr("Search… (Ctrl+F)"))
        place.setMinimumWidth(260)
        place.setEnabled(False)
        self._search_place = tb.addWidget(place)
        self.addToolBar(tb)
        self.toolbar = tb

    def _build_status_bar(self) -> None:
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusCounts")
        self.statusBar().addPermanentWidget(self.status_label, 1)
        self.busy_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.busy_label)

    def _start_reminders(self) -> None:
        from crm_desktop.ui.reminders import ReminderTicker

        self.reminders = ReminderTicker(self.store, self.clock, parent=self)

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

        with self.store.reader() as s:
            empty = tree.is_empty(s)
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
        self.save_layout()
        if self.attached:
            self.tasks.cancel_all()
            self.tasks.wait(10_000)
        super().closeEvent(event)

    # ------------------------------------------------------------ status bar

    def refresh_status(self) -> None:
        from crm_desktop.services import tree

        try:
            with self.store.reader() as s:
                counts = tree.tree_counts(s, now=self.clock.now())
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

    # ------------------------------------------------------------ navigation

    def _exists(self, kind: str, ref_id: int) -> bool:
        from crm_desktop.services import lookups

        with self.store.reader() as s:
            return lookups.record_exists(s, kind, ref_id)

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
            with self.store.reader() as s:
                company_id = lookups.department_company(s, ref_id)
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
        with self.store.reader() as s:
            number = lookups.ticket_number(s, ticket_id)
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

        with self.store.reader() as s:
            project = lookups.project_facts(s, project_id)
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
            with self.store.reader() as s:
                e = entry(s, activity_id)
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

            with self.store.reader() as s:
                ticket = find_ticket(s, ref)
                ticket_id = ticket.id if ticket is not None else None
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

    def open_quick_entry(self) -> None:
        """Ctrl+L: one line in German or English becomes an activity or a follow-up."""
        from crm_desktop.ui.quick_entry import QuickEntryDialog

        dialog = QuickEntryDialog(self.store, self.clock, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # an activity or a follow-up (and the person created for it, if any)
        dialog.changed.connect(self.hub.publish)
        self.quick_entry_dialog = dialog
        dialog.show()

    def new_appointment(self) -> int | None:
        """A new appointment (for the person shown, if any), invitations included."""
        loc = self.current
        person_id = loc.ref_id if loc is not None and loc.kind == "person" else None
        return self.edit_appointment(None, person_id=person_id)

    def edit_appointment(
        self, appointment_id: int | None, *, person_id: int | None = None
    ) -> int | None:
        from crm_desktop.ui.appointment_dialog import AppointmentDialog

        dialog = AppointmentDialog(
            self.store,
            appointment_id=appointment_id,
            person_id=person_id,
            clock=self.clock,
            parent=self,
        )
        saved = self._run_dialog(dialog)
        if saved is not None:
            self.hub.publish(Changes.of("appointment", saved, structure=appointment_id is None))
        return saved

    def plan_followup(self) -> None:
        """Plan a follow-up for the person shown (or one chosen in the dialog): only
        the follow-up is written, no activity is logged."""
        from crm_desktop.ui.followup_dialog import FollowupDialog

        person_id = self.current.ref_id if self.current and self.current.kind == "person" else None
        dialog = FollowupDialog(self.store, person_id, clock=self.clock, parent=self)
        dialog.saved.connect(self.hub.publish)
        if dialog.exec() and dialog.result_id is not None:
            self.statusBar().showMessage(self.tr("Follow-up planned."), 5000)

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

        with self.store.reader() as s:
            empty = tree.is_empty(s)
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

    # ------------------------------------------------------------ records: new, edit, delete

    def _company_and_department(self) -> tuple[int | None, int | None]:
        """The company and department the user is "in" right now."""
        from crm_desktop.services import lookups

        loc = self.current
        if loc is None or loc.ref_id is None:
            return None, None
        with self.store.reader() as s:
            return lookups.company_and_department(s, loc.kind, loc.ref_id)

    def new_contextual(self) -> None:
        """Ctrl+N: a person where a company or person is selected, else a company."""
        company_id, department_id = self._company_and_department()
        if company_id is not None:
            self.new_person(company_id, department_id)
        else:
            self.new_company()

    def _run_dialog(self, dialog: Any) -> int | None:
        if dialog.exec():
            rid = getattr(dialog, "result_id", None)
            return int(rid) if isinstance(rid, int) else None
        return None

    def new_company(self, parent_id: int | None = None) -> int | None:
        from crm_desktop.ui.dialogs import CompanyDialog

        new_id = self._run_dialog(
            CompanyDialog(self.store, parent_id=parent_id, parent=self, clock=self.clock)
        )
        if new_id is not None:
            self._created("company", new_id)
        return new_id

    def new_person(self, company_id: int | None, department_id: int | None = None) -> int | None:
        from crm_desktop.ui.dialogs import PersonDialog

        dialog = PersonDialog(
            self.store,
            company_id=company_id,
            department_id=department_id,
            parent=self,
            clock=self.clock,
        )
        dialog.openExisting.connect(
            lambda pid: QTimer.singleShot(0, lambda: self.open_record("person", int(pid)))
        )
        new_id = self._run_dialog(dialog)
        if new_id is not None:
            self._created("person", new_id)
        return new_id

    def new_department(self, company_id: int) -> int | None:
        from crm_desktop.services.tree import NodeRef
        from crm_desktop.ui.dialogs import DepartmentDialog

        new_id = self._run_dialog(DepartmentDialog(self.store, company_id, parent=self))
        if new_id is not None:
            self.hub.publish(Changes.of("department", new_id) | Changes.of("company", company_id))
            self.tree_panel.select(NodeRef.department(new_id))
        return new_id

    def _created(self, kind: str, ref_id: int) -> None:
        self.hub.publish(Changes.of(kind, ref_id, structure=True))
        self.open_record(kind, ref_id)

    def _new_branch_current(self) -> None:
        company_id, _ = self._company_and_department()
        self.new_company(parent_id=company_id)

    def _new_department_current(self) -> None:
        company_id, _ = self._company_and_department()
        if company_id is None:
            self.statusBar().showMessage(self.tr("Select a company first."), 5000)
            return
        self.new_department(company_id)

    def _new_person_current(self) -> None:
        company_id, department_id = self._company_and_department()
        self.new_person(company_id, department_id)

    def log_call(self) -> None:
        from crm_desktop.data.models import ActivityKind

        self.log_activity(ActivityKind.CALL)

    def log_activity(self, kind: ActivityKind | None) -> None:
        loc = self.current
        person_id = loc.ref_id if loc is not None and loc.kind == "person" else None
        company_id, _ = self._company_and_department()
        from crm_desktop.ui.dialogs import ActivityDialog

        kwargs: dict[str, Any] = {"person_id": person_id, "company_id": company_id}
        if kind is not None:
            kwargs["kind"] = kind
        if loc is not None and loc.kind == "project":
            kwargs["project_id"] = loc.ref_id
        dialog = ActivityDialog(self.store, parent=self, clock=self.clock, **kwargs)
        activity_id = self._run_dialog(dialog)
        if activity_id is not None:
            self._activity_logged(activity_id)

    def edit_current(self) -> None:
        loc = self.current
        if loc is None or loc.ref_id is None:
            self.statusBar().showMessage(self.tr("Select a company or a person first."), 5000)
            return
        if loc.kind == "company":
            from crm_desktop.ui.dialogs import CompanyDialog

            if self._run_dialog(
                CompanyDialog(self.store, company_id=loc.ref_id, parent=self, clock=self.clock)
            ):
                self._edited()
        elif loc.kind == "person":
            from crm_desktop.ui.dialogs import PersonDialog

            if self._run_dialog(
                PersonDialog(self.store, person_id=loc.ref_id, parent=self, clock=self.clock)
            ):
                self._edited()

    def _edited(self) -> None:
        self.undo.sync()  # the save wrote an edit entry: the Edit menu names it
        loc = self.current
        if loc is not None and loc.ref_id is not None:
            # a company's name and a person's company move them in the tree
            self.hub.publish(Changes.of(loc.kind, loc.ref_id, structure=True))

    def delete_current(self) -> None:
        """Del: the selected activity when the timeline has the focus, else the record."""
        focus = QApplication.focusWidget()
        entry = self.timeline.current_entry()
        if entry is not None and focus is not None and self.timeline.isAncestorOf(focus):
            label = self.tr("the {kind} of {when}").format(
                kind=self.timeline_kind_label(entry.kind),
                when=self.timeline_when(entry.occurred_at),
            )
            if self.confirm(
                self.tr("Delete activity?"),
                self.tr("Delete {what}? It goes to the trash; Ctrl+Z brings it back.").format(
                    what=label
                ),
            ):
                self._delete("activity", entry.activity_id, self.tr("Delete activity"))
            return
        loc = self.current
        if loc is not None and loc.ref_id is not None and loc.kind == "project":
            self.delete_listed("project", loc.ref_id)
            return
        if loc is None or loc.ref_id is None or loc.kind not in ("company", "person"):
            self.statusBar().showMessage(self.tr("Select a company or a person to delete."), 5000)
            return
        self.delete_record(loc.kind, loc.ref_id)

    def delete_listed(self, kind: str, ref_id: int) -> bool:
        """A list's "Delete…" of a ticket, project or opportunity (or Del on the project
        shown): asks naming it, moves it to the trash undoably; the pages follow the hub."""
        from crm_desktop.ui.undo import delete_asking

        try:
            if not delete_asking(self.undo, kind, ref_id, self.confirm):
                return False
        except CrmError as exc:
            self.show_error(exc)
            return False
        self.statusBar().showMessage(self.tr("Deleted. Ctrl+Z brings it back."), 8000)
        if self.current == Location(kind, ref_id):  # it was shown in the centre
            self.go_back()
            if self.current == Location(kind, ref_id):  # nothing to go back to
                self.current = None
                self.timeline.set_scope(None)
                self.center.setCurrentWidget(self.detail)
                self.detail.clear()
        return True

    @staticmethod
    def timeline_kind_label(kind: ActivityKind) -> str:
        from crm_desktop.ui.timeline import kind_label

        return kind_label(kind)

    @staticmethod
    def timeline_when(moment: Any) -> str:
        from crm_desktop.ui.timeline import format_datetime

        return format_datetime(moment)

    def delete_record(self, kind: str, ref_id: int) -> bool:
        from crm_desktop.services import tree
        from crm_desktop.services.tree import NodeRef

        with self.store.reader() as s:
            node = tree.node_for(
                s, NodeRef.person(ref_id) if kind == "person" else NodeRef.company(ref_id)
            )
        if kind == "person":
            question = self.tr(
                "Delete {name}? The person goes to the trash; activities stay. "
                "Ctrl+Z brings them back."
            ).format(name=node.label)
            title = self.tr("Delete person?")
            label = self.tr("Delete {name}").format(name=node.label)
        else:
            question = self.tr(
                "Delete {name} with its branches and their {count} people? Everything goes "
                "to the trash; Ctrl+Z brings it back."
            ).format(name=node.label, count=node.count or 0)
            title = self.tr("Delete company?")
            label = self.tr("Delete {name}").format(name=node.label)
        if not self.confirm(title, question):
            return False
        return self._delete(kind, ref_id, label)

    def _delete(self, kind: str, ref_id: int, label: str) -> bool:
        from crm_desktop.services import tree
        from crm_desktop.services.tree import NodeKind, NodeRef

        parent_ref: NodeRef | None = None
        if kind in ("person", "company"):
            with self.store.reader() as s:
                path = tree.path_to(s, NodeRef(NodeKind(kind), ref_id))
            parent_ref = path[-2] if len(path) > 1 else None
        try:
            self.undo.delete(kind, ref_id, label)
        except CrmError as exc:
            self.show_error(exc)
            return False
        self.statusBar().showMessage(self.tr("Deleted. Ctrl+Z brings it back."), 8000)
        if kind == "activity":
            return True
        self.current = None
        if parent_ref is not None and parent_ref.kind is not NodeKind.NO_COMPANY:
            assert parent_ref.ref_id is not None
            self.open_record(parent_ref.kind.value, parent_ref.ref_id)
        else:
            self.timeline.set_scope(None)
            self.detail.clear()
        return True

    def _tree_action(self, action: str, ref: NodeRef | None) -> None:
        from crm_desktop.services.tree import NodeKind

        if ref is not None and ref.ref_id is not None and ref.kind is not NodeKind.NO_COMPANY:
            if self.current is None or self.current != Location(ref.kind.value, ref.ref_id):
                self.open_record(ref.kind.value, ref.ref_id)
        elif ref is not None and ref.kind is NodeKind.NO_COMPANY:
            self.current = Location("no_company", None)
        if action == "new_company":
            self.new_company()
        elif action == "new_branch" and ref is not None:
            self.new_company(parent_id=ref.ref_id)
        elif action == "new_department" and ref is not None and ref.ref_id is not None:
            self.new_department(ref.ref_id)
        elif action == "new_person":
            if ref is not None and ref.kind is NodeKind.NO_COMPANY:
                self.new_person(None, None)
            else:
                self._new_person_current()
        elif action == "new_activity":
            self.log_activity(None)
        elif action == "edit":
            if ref is not None and ref.kind is NodeKind.DEPARTMENT:
                self.statusBar().showMessage(
                    self.tr("Departments are renamed in the company's details."), 5000
                )
            else:
                self.edit_current()
        elif action == "delete" and ref is not None and ref.ref_id is not None:
            self.delete_record(ref.kind.value, ref.ref_id)

    # ------------------------------------------------------------ import, export, demo

    def import_file(self) -> None:
        from crm_desktop.services.importer import import_file

        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import contacts"),
            str(Path.home()),
            self.tr(
                "Contacts (*.vcf *.vcard *.csv);;vCard (*.vcf *.vcard);;CSV (*.csv);;All files (*)"
            ),
        )
        if not path:
            return
        self.welcome.set_busy(self.tr("Importing {file}…").format(file=Path(path).name))

        region = phone_region()  # numbers without a country code: the settings' region

        def work(session: Any, progress: Any) -> Any:
            return import_file(session, Path(path), clock=self.clock, region=region)

        self.tasks.run(work, on_done=self._imported, on_error=self._background_failed)

    def _imported(self, result: Any) -> None:
        self.welcome.set_busy("")
        summary = getattr(result, "summary", None) or result
        self.statusBar().showMessage(self.tr("Import finished."), 8000)
        log.info("import finished: %s", type(summary).__name__)
        self.reload_everything()

    def export_file(self) -> None:
        from crm_desktop.services import exporter

        formats = [
            ("vcard3", self.tr("vCard 3.0 (*.vcf)")),
            ("vcard4", self.tr("vCard 4.0 (*.vcf)")),
            ("people", self.tr("CSV people (*.csv)")),
            ("companies", self.tr("CSV companies (*.csv)")),
            ("activities", self.tr("CSV activities (*.csv)")),
            ("json", self.tr("JSON, everything (*.json)")),
        ]
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export"),
            str(Path.home() / "kontakte.vcf"),
            ";;".join(label for _key, label in formats),
        )
        if not path:
            return
        out = Path(path)
        key = next((k for k, label in formats if label == chosen), "vcard3")

        def work(s: Any, _p: Any) -> None:
            if key == "json":
                import json

                data = exporter.export_json(s)
                out.write_text(
                    json.dumps(data, ensure_ascii=False, indent=2, default=str), encoding="utf-8"
                )
            elif key in ("people", "companies", "activities"):
                exporter.export_csv(s, key, out)
            else:
                exporter.export_vcard(s, out, version="4.0" if key == "vcard4" else "3.0")

        self.tasks.run(
            work,
            write=False,
            on_done=lambda _r: self.statusBar().showMessage(
                self.tr("Exported to {file}.").format(file=out.name), 8000
            ),
            on_error=self._background_failed,
        )

    # ------------------------------------------------------------ dialogs of other areas

    def undo_last_change(self) -> None:
        """Undo the newest change, whichever part of the program made it (every
        entry goes through the undo registry)."""
        self.undo.sync()  # entries written elsewhere (bulk, merge, a dialog) too
        what = self.undo.stack.undoText()
        if not self.undo.stack.canUndo():
            self.statusBar().showMessage(self.tr("There is nothing to undo."), 5000)
            return
        if self.undo.undo():
            self.statusBar().showMessage(self.tr("Undone: {what}").format(what=what), 8000)

    def _run_tool(self, dialog: Any) -> None:
        """Run a dialog of another area: its navigation signals open records here and
        every change it makes is published as the record it names (no reload of
        everything when it closes)."""
        if isinstance(dialog, QWidget):
            self._connect_navigation(dialog)  # its ``changed`` records reach the hub
        dialog.exec()

    def open_import_wizard(self) -> None:
        from crm_desktop.ui.import_wizard import ImportWizard

        wizard = ImportWizard(self.store, self, clock=self.clock)
        wizard.showLastImport.connect(self._show_last_import)
        self._run_tool(wizard)

    def _show_last_import(self) -> None:
        self.show_view("people")
        page = self.pages.get("people")
        show = getattr(page, "show_last_import", None)
        if callable(show):
            show()

    def open_trash(self) -> None:
        from crm_desktop.ui.trash import TrashDialog

        self._run_tool(TrashDialog(self.store, self, clock=self.clock))

    def open_backups(self) -> None:
        from crm_desktop.config import resolve_paths
        from crm_desktop.ui.backup_dialog import BackupDialog

        if self.data_dir is None or not self.store.is_sqlite:
            self.show_message(
                self.tr("Backup"),
                self.tr("Backups of a server database are made on the server (pg_dump)."),
            )
            return

        def reopen() -> None:
            from crm_desktop.services.search import forget_vocabulary

            self.store.dispose()
            forget_vocabulary()
            self.reload_everything()

        dialog = BackupDialog(
            resolve_paths(self.data_dir),
            clock=self.clock,
            close_store=self.store.dispose,
            reopen_store=reopen,
            parent=self,
            passphrase=self.store_passphrase(),
        )
        dialog.exec()

    def open_privacy(self) -> None:
        from crm_desktop.config import resolve_paths
        from crm_desktop.ui.privacy_dialog import PrivacyDialog

        person_id = self.current.ref_id if self.current and self.current.kind == "person" else None
        dialog = PrivacyDialog(
            self.store,
            person_id,
            clock=self.clock,
            runner=self.tasks,
            paths=resolve_paths(self.data_dir),
            parent=self,
        )
        self._run_tool(dialog)

    def open_duplicates(self) -> None:
        from crm_desktop.ui.duplicates import DuplicateReviewDialog

        dialog = DuplicateReviewDialog(self.store, self, clock=self.clock)
        # "Find duplicates…" finds them: the search starts as the dialog opens
        QTimer.singleShot(0, dialog, dialog.start_search)
        self._run_tool(dialog)

    def open_signature(self) -> None:
        from crm_desktop.ui.signature_dialog import SignatureDialog

        self._run_tool(SignatureDialog(self.store, self, clock=self.clock))

    def _sales_context(self) -> tuple[int | None, int | None]:
        """The company and person the user is "in" (for a new opportunity or order)."""
        company_id, _dept = self._company_and_department()
        loc = self.current
        person_id = loc.ref_id if loc is not None and loc.kind == "person" else None
        return company_id, person_id

    def open_opportunity(self, opp_id: int | None = None) -> None:
        """Open an opportunity (or a new one for the current company or person)."""
        from crm_desktop.ui.sales_dialogs import OpportunityDialog as cls

        company_id, person_id = (None, None) if opp_id is not None else self._sales_context()
        try:
            dialog = cls(
                self.store,
                opportunity_id=opp_id,
                company_id=company_id,
                person_id=person_id,
                clock=self.clock,
                parent=self,
            )
        except CrmError as exc:  # e.g. deleted meanwhile
            self.show_error(exc)
            return
        self._run_tool(dialog)

    def new_opportunity(self) -> None:
        self.open_opportunity(None)

    def new_order(self) -> None:
        from crm_desktop.ui.sales_dialogs import OrderDialog as cls

        company_id, person_id = self._sales_context()
        dialog = cls(
            self.store, company_id=company_id, person_id=person_id, clock=self.clock, parent=self
        )
        self._run_tool(dialog)  # every view follows (the orders page, the customer's record)
        if dialog.result_number:
            self.statusBar().showMessage(
                self.tr("Order {number} saved.").format(number=dialog.result_number), 5000
            )

    def open_campaign(self) -> None:
        from crm_desktop.ui.campaign_dialog import CampaignDialog

        self._run_tool(CampaignDialog(self.store, self.clock, parent=self))

    def _ask_pdf(self, name: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), str(Path.home() / name), self.tr("PDF (*.pdf)")
        )
        return Path(path) if path else None

    def _open_file(self, path: Path) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def print_contact_sheet(self) -> None:
        from crm_desktop.ui.reports import contact_sheet_pdf

        loc = self.current
        if (
            loc is None
            or loc.ref_id is None
            or loc.kind not in ("person", "company", "ticket", "project")
        ):
            self.show_message(
                self.tr("Contact sheet"),
                self.tr("Select a person, a company, a ticket or a project first."),
            )
            return
        out = self._ask_pdf(f"{loc.kind}-{loc.ref_id}.pdf")
        if out is None:
            return
        kwargs: dict[str, Any] = {}
        if loc.kind == "ticket":
            from crm_desktop.services import lookups

            with self.store.reader() as s:
                kwargs["ticket"] = lookups.ticket_number(s, loc.ref_id) or ""
        else:
            kwargs[
                {"person": "person_id", "company": "company_id", "project": "project_id"}[loc.kind]
            ] = loc.ref_id
        try:
            contact_sheet_pdf(self.store, out, clock=self.clock, **kwargs)
        except CrmError as exc:
            self.show_error(exc)
            return
        self._open_file(out)

    def print_agenda(self) -> None:
        from crm_desktop.ui.reports import agenda_pdf

        out = self._ask_pdf("agenda.pdf")
        if out is not None:
            agenda_pdf(self.store, out, to_local(self.clock.now(), local_zone()).date(), self.clock)
            self._open_file(out)

    def print_dashboard(self) -> None:
        from crm_desktop.ui.reports import dashboard_pdf

        out = self._ask_pdf("dashboard.pdf")
        if out is not None:
            dashboard_pdf(self.store, out, self.clock)
            self._open_file(out)

    def export_calendar(self) -> None:
        from crm_desktop.services.calendar import export_calendar

        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export calendar"),
            str(Path.home() / "crm.ics"),
            self.tr("iCalendar (*.ics)"),
        )
        if not path:
            return
        with self.store.reader() as s:
            n = export_calendar(s, Path(path), owner=self.store.owner)
        self.statusBar().showMessage(self.tr("{n} entries exported.").format(n=n), 8000)

    def import_calendar(self) -> None:
        from crm_desktop.services.ics_import import import_ics

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import an invitation"), str(Path.home()), self.tr("iCalendar (*.ics)")
        )
        if not path:
            return
        try:
            with self.store.session() as s:
                report = import_ics(s, Path(path), self.store.owner)
        except CrmError as exc:
            self.show_error(exc)
            return
        self.show_message(
            self.tr("Invitation imported"),
            self.tr(
                "{created} new, {updated} updated, {cancelled} cancelled, {skipped} skipped."
            ).format(
                created=len(report.created),
                updated=len(report.updated),
                cancelled=len(report.cancelled),
                skipped=len(report.skipped),
            ),
        )
        self.reload_everything()

    def create_demo_data(self) -> None:
        from crm_desktop.services.demo import generate

        people, ok = QInputDialog.getInt(
            self,
            self.tr("Create demo data"),
            self.tr("How many people? (Demo data is only written into an empty store.)"),
            500,
            10,
            100_000,
            100,
        )
        if not ok:
            return
        self.welcome.set_busy(self.tr("Writing demo data…"))
        self.tasks.run_with_store(
            lambda store, progress: generate(store, people, clock=self.clock, progress=progress),
            on_done=self._demo_done,
            on_error=self._background_failed,
            on_progress=lambda done, total, _t: self.welcome.set_progress(done, total),
        )

    def _demo_done(self, _summary: Any) -> None:
        self.welcome.set_busy("")
        self.statusBar().showMessage(self.tr("Demo data created."), 8000)
        self.reload_everything()

    def _background_failed(self, exc: BaseException) -> None:
        self.welcome.set_busy("")
        if isinstance(exc, CrmError):
            self.show_error(exc)
        else:
            import sys

            sys.excepthook(type(exc), exc, exc.__traceback__)

    def store_passphrase(self) -> str | None:
        """The passphrase of an encrypted store (its backups are encrypted with it)."""
        encryption = self.property("encryption")
        value = getattr(encryption, "passphrase", None)
        return str(value()) if callable(value) and value() else None

    def backup_now(self) -> None:
        from crm_desktop.services import backup

        if self.data_dir is None or not self.store.is_sqlite:
            self.show_message(
                self.tr("Backup"),
                self.tr("Backups of a server database are made on the server (pg_dump)."),
            )
            return
        from crm_desktop.config import resolve_paths

        paths = resolve_paths(self.data_dir)
        try:
            made = backup.make_backup(
                paths, "manual", clock=self.clock, passphrase=self.store_passphrase()
            )
        except CrmError as exc:
            self.show_error(exc)
            return
        self.statusBar().showMessage(
            self.tr("Backup written: {file}").format(file=Path(str(made)).name), 8000
        )

    def rebuild_search_index(self) -> None:
        from crm_desktop.data import search_sync

        self.tasks.run(
            lambda s, _p: search_sync.rebuild(s),
            on_done=lambda n: self.statusBar().showMessage(
                self.tr("Search index rebuilt (%n entries).", "", int(n)), 8000
            ),
            on_error=self._background_failed,
        )

    # ------------------------------------------------------------ settings, help

    def open_rules(self) -> None:
        """Tools → Rules…: the rules of this address book; a save is one undo step."""
        from crm_desktop.ui.rules_dialog import RulesDialog

        dialog = RulesDialog(self.store, clock=self.clock, parent=self)
        dialog.saved.connect(self.hub.publish)
        dialog.saved.connect(lambda _c: self.undo.sync())
        dialog.exec()

    def new_project(self) -> None:
        """A new project; for the selected company when one is shown."""
        from crm_desktop.ui.project_dialog import ProjectDialog

        company_id = (
            self.current.ref_id if self.current and self.current.kind == "company" else None
        )
        dialog = ProjectDialog(self.store, company_id=company_id, clock=self.clock, parent=self)
        dialog.saved.connect(self.hub.publish)
        if dialog.exec() and dialog.result_id is not None:
            self.show_view("projects")

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self, self.property("encryption"))
        if dialog.exec() and getattr(dialog, "restart_needed", False):
            self.show_message(
                self.tr("Settings"),
                self.tr("The new language applies after the program is restarted."),
            )

    def show_shortcuts(self) -> None:
        rows = [
            ("Ctrl+F", self.tr("Search")),
            ("Ctrl+N", self.tr("New (person in the selected company, else a company)")),
            ("Ctrl+L", self.tr("Quick entry in the timeline")),
            ("Ctrl+Shift+A", self.tr("Log a call")),
            ("Ctrl+E", self.tr("Edit the selected record")),
            (self.tr("Del"), self.tr("Delete (asks first; Ctrl+Z brings it back)")),
            ("Ctrl+Z", self.tr("Undo")),
            ("F5", self.tr("Refresh")),
            ("Ctrl+1 / 2 / 3", self.tr("Go to tree / details / timeline")),
            ("Alt+← / Alt+→", self.tr("Back / forward through viewed records")),
        ]
        table = "".join(
            f"<tr><td><b>{native_keys(k)}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in rows
        )
        self.show_message(self.tr("Keyboard shortcuts"), f"<table>{table}</table>")

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About CRM Desktop"),
            self.tr("<b>CRM Desktop</b> {version}<br>An offline CRM for sole traders.").format(
                version=__version__
            ),
        )

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


def native_keys(keys: str) -> str:
    """Key names as the desktop spells them ("Strg+F" on a German system): each part of
    "Ctrl+1 / 2 / 3" or "Alt+← / Alt+→" goes through QKeySequence's native text."""
    parts = []
    for part in keys.split(" / "):
        seq = QKeySequence(part)
        text = seq.toString(QKeySequence.SequenceFormat.NativeText) if "+" in part else ""
        parts.append(text or part)
    return " / ".join(parts)
