"""The window's actions, menus, toolbar and status bar widgets."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit, QMenu, QSizePolicy, QToolBar, QToolButton, QWidget

from crm_desktop.ui.icons import icon
from crm_desktop.ui.main_window.base import WindowRoom

if TYPE_CHECKING:
    # The data layer and the panes are imported when a store is attached: the window's
    # frame (menus, toolbar, status bar) paints before SQLAlchemy and the models load.
    from crm_desktop.ui.detail import DetailStack


class ActionsRoom(WindowRoom):
    """Actions (with shortcuts), menus, toolbar, status bar widgets."""

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
        a("print_targets", self.tr("Print &target/actual…"), self.print_targets)
        a("print_pipeline", self.tr("Print the &pipeline list…"), self.print_pipeline)
        a("contact_report", self.tr("Contact &intervals…"), self.open_contact_report)
        a("privacy", self.tr("&Privacy (GDPR)…"), self.open_privacy)
        a("duplicates_review", self.tr("Review &duplicates…"), self.open_duplicates)
        a("signature", self.tr("New contact from a &signature…"), self.open_signature)
        a("campaign", self.tr("&Campaign export…"), self.open_campaign)
        a("calendar_export", self.tr("Export &calendar (.ics)…"), self.export_calendar)
        a("calendar_import", self.tr("Import an &invitation (.ics)…"), self.import_calendar)
        a("read_mail", self.tr("Read &e-mails into the timeline…"), self.read_mail_files)
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
                "read_mail",
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
            [
                "dashboard",
                "contact_report",
                None,
                "print_dashboard",
                "print_targets",
                "print_pipeline",
                "print_sheet",
                "print_agenda",
            ],
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
