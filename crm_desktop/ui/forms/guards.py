"""Keyboard and mouse manners of form fields (issue #20):

- Enter in an editable combo box picks or completes the entry and stays in the field:
  it never reaches the dialog's default button (which would save and close it).
  Ctrl+Enter still saves.
- One click into a date or time field selects the section under the mouse (day, month,
  hour…), so typed digits replace it at once instead of being refused.
- :func:`clear_error_on_edit`: the red frame and the message under a field go as soon as
  the user changes it.

:func:`guard_form` applies the first two to every such field inside a dialog or page
(safe to call again: a field is guarded once).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

_GUARDED = "_crm_form_guarded"
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _EnterStays(QObject):
    """On an editable combo box: the combo handles Enter, the dialog never sees it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and isinstance(watched, QComboBox)
            and watched.isEditable()
        ):
            watched.event(event)  # completes / picks the typed entry as before
            event.accept()
            return True  # and stops here: no default button
        return False


class _SelectSection(QObject):
    """On a date/time field's text: a click selects the section under the mouse."""

    def __init__(self, edit: QDateTimeEdit) -> None:
        super().__init__(edit)
        self.edit = edit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease:
            QTimer.singleShot(0, self.select)
        return False

    def select(self) -> None:
        edit = self.edit
        section = edit.currentSection()
        if section != QDateTimeEdit.Section.NoSection:
            edit.setSelectedSection(section)


_ENTER = _EnterStays()


def guard_combo(combo: QComboBox) -> None:
    """Enter stays in this (editable) combo box."""
    if combo.property(_GUARDED):
        return
    combo.setProperty(_GUARDED, True)
    combo.installEventFilter(_ENTER)


def select_section_on_click(edit: QDateTimeEdit) -> None:
    """One click into ``edit`` selects the section under the mouse."""
    if edit.property(_GUARDED):
        return
    edit.setProperty(_GUARDED, True)
    line = edit.findChild(QLineEdit)
    if line is not None:
        line.installEventFilter(_SelectSection(edit))


def guard_form(root: QWidget) -> None:
    """Guard every editable combo box and every date/time field inside ``root``."""
    for combo in root.findChildren(QComboBox):
        if combo.isEditable():
            guard_combo(combo)
    for edit in root.findChildren(QDateTimeEdit):
        select_section_on_click(edit)


def clear_error_on_edit(widget: QWidget, clear: Callable[[], None]) -> None:
    """Call ``clear`` whenever the user changes ``widget`` (the error goes with the fix)."""

    def run(*_args: object) -> None:
        clear()

    if isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(run)
        if widget.isEditable():
            widget.editTextChanged.connect(run)
    elif isinstance(widget, QLineEdit):
        widget.textEdited.connect(run)
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        widget.textChanged.connect(run)
    elif isinstance(widget, QDateTimeEdit):
        widget.dateTimeChanged.connect(run)
    elif isinstance(widget, QAbstractSpinBox):
        signal = getattr(widget, "valueChanged", None)
        if signal is not None:
            signal.connect(run)
