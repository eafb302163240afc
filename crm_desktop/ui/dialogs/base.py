"""The base of the edit dialogs: ``result_id`` once accepted."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QWidget,
)

from crm_desktop.ui.forms import (
    shortcut,
)
from crm_desktop.ui.forms.guards import guard_form

# ---------------------------------------------------------------- dialog base


class _Dialog(QDialog):
    """Save/Cancel buttons; Enter (or Ctrl+Enter in a text box) saves, Esc cancels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result_id: int | None = None
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("&Save"))
        save.setDefault(True)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut(seq, self, self.save)

    def showEvent(self, event: QShowEvent) -> None:
        # Enter in an editable combo stays in it (Ctrl+Enter saves); a click into a
        # date or time selects its section
        guard_form(self)
        super().showEvent(event)

    @property
    def save_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def save(self) -> None:
        raise NotImplementedError

    def accept_with(self, rid: int) -> None:
        self.result_id = rid
        self.accept()
