"""Form style: fields with an error get a red frame."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

ERROR_COLOR = "#b3261e"

# applied to every form: fields with an error get a red frame
FORM_STYLE = (
    'QLineEdit[invalid="true"], QComboBox[invalid="true"], QPlainTextEdit[invalid="true"]'
    f" {{ border: 1px solid {ERROR_COLOR}; border-radius: 3px; padding: 2px; }}"
)


def set_invalid(widget: QWidget, invalid: bool) -> None:
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
