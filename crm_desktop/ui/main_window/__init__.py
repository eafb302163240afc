"""The main window, one room per concern.

- :mod:`~crm_desktop.ui.main_window.shell`: :class:`MainWindow` itself: the frame, attaching a
  store, layout memory, the status bar, the start page, refresh from change records, messages
- :mod:`~crm_desktop.ui.main_window.actions`: actions, menus, toolbar
- :mod:`~crm_desktop.ui.main_window.navigation`: open_record, back/forward history, pages, focus
- :mod:`~crm_desktop.ui.main_window.records`: creating and editing records, logging activities,
  appointments and follow-ups
- :mod:`~crm_desktop.ui.main_window.commands`: delete and undo
- :mod:`~crm_desktop.ui.main_window.files`: import, export, printing, calendar, demo data, backup
- :mod:`~crm_desktop.ui.main_window.tools`: launching the dialogs of other areas, settings, help
- :mod:`~crm_desktop.ui.main_window.base`: what every room shares
"""

from __future__ import annotations

from crm_desktop.ui.errors import error_text as error_text  # re-exported for old importers
from crm_desktop.ui.main_window.base import (
    DETAIL_AFTER_MS,
    FRAME_ACTIONS,
    HISTORY_LIMIT,
    REMINDERS_AFTER_MS,
    STATUS_REFRESH_MS,
    Location,
)
from crm_desktop.ui.main_window.shell import MainWindow, MessagePage
from crm_desktop.ui.main_window.tools import native_keys

__all__ = [
    "DETAIL_AFTER_MS",
    "FRAME_ACTIONS",
    "HISTORY_LIMIT",
    "REMINDERS_AFTER_MS",
    "STATUS_REFRESH_MS",
    "Location",
    "MainWindow",
    "MessagePage",
    "error_text",
    "native_keys",
]
