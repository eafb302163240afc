"""Small constructors shared by the forms: a plain text edit, a scroll area, a value."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

# ---------------------------------------------------------------- helpers


def plain_text(parent: QWidget, rows: int = 4) -> QPlainTextEdit:
    """A multi-line text box of ``rows`` lines; Tab moves on (Ctrl+Enter saves)."""
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    line = edit.fontMetrics().lineSpacing()
    edit.setFixedHeight(line * rows + 14)
    edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return edit


def scrolled(widget: QWidget, parent: QWidget | None = None) -> QScrollArea:
    area = QScrollArea(parent)
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
    return area


def text_or_none(edit: QLineEdit) -> str | None:
    return edit.text().strip() or None
