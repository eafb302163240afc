"""What the rooms of the main window share: timings, history entries, the room base."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    # The data layer and the panes are imported when a store is attached: the window's
    # frame (menus, toolbar, status bar) paints before SQLAlchemy and the models load.
    from collections.abc import Callable
    from pathlib import Path

    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QStackedWidget, QWidget

    from crm_desktop.clock import Clock
    from crm_desktop.data.store import Store
    from crm_desktop.ui.main_window.shell import MessagePage
    from crm_desktop.ui.ops import ChangeHub
    from crm_desktop.ui.search import SearchField
    from crm_desktop.ui.settings_dialog import AppSettings
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


class WindowRoom(QMainWindow):
    """The base of the window's rooms (:class:`~crm_desktop.ui.main_window.MainWindow`
    joins them): the state every room uses. What one room calls in another (``self.hub``,
    ``self.open_record`` …) is found on the joined window at run time; for the type
    checker such a name is ``Any`` here.

    Translations: ``self.tr`` looks the text up under each class of the window's MRO,
    "MainWindow" first, so a string keeps its translation in whichever room it is."""

    store: Store
    clock: Clock
    settings: AppSettings
    data_dir: Path | None
    hub: ChangeHub
    center: QStackedWidget
    record_page: MessagePage
    confirm: Callable[[str, str], bool]
    actions_by_name: dict[str, QAction]
    history: list[Location]
    history_pos: int
    current: Location | None
    pages: dict[str, QWidget]
    tasks: TaskRunner
    undo: UndoManager
    tree_panel: CompanyTreePanel
    timeline: TimelinePanel
    search: SearchField
    welcome: WelcomeWidget

    if TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any: ...
