"""One way to report an error in the window.

* An expected error (:class:`~crm_desktop.errors.CrmError`) is shown in the user's
  language: :func:`show_error` in a message box, :func:`error_label_text` as the text a
  page shows in place of its content.
* Anything else is a bug: it goes to the log with its traceback and to the crash
  dialog (:func:`show_error`) or, on a page, to a generic text that points to the log
  (:func:`error_label_text`). Its ``str()`` is never shown: it may be English, cryptic
  or hold personal data.

The translation of a CrmError is :func:`crm_desktop.ui.i18n.translate_error`, imported
when first needed (it loads the data layer, which the window's frame paints without).
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from crm_desktop import APP_NAME
from crm_desktop.errors import CrmError

log = logging.getLogger("crm_desktop.ui.errors")

_state: dict[str, Path | None] = {"log_file": None}


def set_log_file(path: Path | None) -> None:
    """Where the log is written (named in the crash dialog); set at start-up."""
    _state["log_file"] = path


def log_file() -> Path | None:
    return _state["log_file"]


def error_text(exc: CrmError) -> str:
    """The human message of ``exc`` in the window's language."""
    from crm_desktop.ui.i18n import translate_error

    return translate_error(exc)


def crash_text(exc: BaseException | None = None, path: Path | None = None) -> str:
    """What the crash dialog says (the traceback is in its details and in the log)."""
    text = QCoreApplication.translate(
        "app",
        "Something went wrong inside CRM Desktop. Your data is safe: every change is "
        "saved in one step or not at all. Please restart the program if it behaves oddly.",
    )
    path = path if path is not None else log_file()
    if path is not None:
        text += "\n\n" + QCoreApplication.translate(
            "app", "Details were written to the log file:\n{path}"
        ).format(path=str(path))
    return text


def log_unexpected(exc: BaseException, what: str = "unexpected error") -> None:
    """A bug: its type and traceback into the log (never its text on screen)."""
    log.error("%s: %s", what, type(exc).__name__, exc_info=exc)


def crash_dialog(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """The crash dialog for ``exc`` (not yet shown): the calming text, the traceback
    in the details."""
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, crash_text(exc), parent=parent)
    box.setObjectName("crashDialog")
    box.setDetailedText("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    return box


def show_crash_dialog(parent: QWidget | None, exc: BaseException) -> None:
    crash_dialog(parent, exc).exec()


def show_error(parent: QWidget | None, exc: BaseException, *, title: str | None = None) -> None:
    """Report ``exc``: a CrmError in a message box in the window's language; anything
    else into the log (with traceback) and the crash dialog."""
    if isinstance(exc, CrmError):
        log.info("shown to the user: %s (%s)", type(exc).__name__, exc.message)
        box = QMessageBox(
            QMessageBox.Icon.Warning, title or APP_NAME, error_text(exc), parent=parent
        )
        box.setObjectName("errorBox")
        box.exec()
        return
    log_unexpected(exc)
    show_crash_dialog(parent, exc)


def error_label_text(exc: BaseException) -> str:
    """The text a page shows in place of its content: a CrmError's message in the
    window's language; for anything else a generic text (the bug goes to the log)."""
    if isinstance(exc, CrmError):
        return error_text(exc)
    log_unexpected(exc)
    return unexpected_text()


def unexpected_text() -> str:
    text = QCoreApplication.translate(
        "errors", "An unexpected error occurred. Please try again or restart the program."
    )
    path = log_file()
    if path is not None:
        text += " " + QCoreApplication.translate(
            "errors", "Details were written to the log file: {path}"
        ).format(path=str(path))
    return text
