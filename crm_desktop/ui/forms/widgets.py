"""Small form widgets: shortcuts, error label, banner, enum combo, date edit, links, badge."""

from __future__ import annotations

import datetime as dt
import enum
import html
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QStyle,
    QWidget,
)

from crm_desktop.errors import ValidationError
from crm_desktop.services import validation as v
from crm_desktop.ui.format import date_format, format_date, format_phone, ui_locale
from crm_desktop.ui.forms.style import ERROR_COLOR
from crm_desktop.ui.i18n import enum_items

E = TypeVar("E", bound=enum.Enum)


# ---------------------------------------------------------------- small widgets


def shortcut(
    keys: str | QKeySequence,
    parent: QWidget,
    slot: Callable[[], object],
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
) -> QShortcut:
    sc = QShortcut(QKeySequence(keys), parent)
    sc.setContext(context)
    sc.activated.connect(slot)
    return sc


class ErrorLabel(QLabel):
    """A red, word-wrapped message under a field; hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(f"color: {ERROR_COLOR};")
        self.setAccessibleName(QCoreApplication.translate("forms", "Error"))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.hide()

    def set_error(self, text: str | None) -> None:
        self.setText(text or "")
        self.setVisible(bool(text))

    def add_error(self, text: str) -> None:
        current = self.text()
        if text in current.split("\n"):
            return
        self.set_error(f"{current}\n{text}" if current else text)


class Banner(QFrame):
    """A message bar at the top of a form (errors without a field, save problems)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setStyleSheet(
            "QFrame#banner { background: #fdecea; border: 1px solid #f5c2bd; border-radius: 4px; }"
            f" QLabel {{ color: {ERROR_COLOR}; }}"
        )
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        icon = QLabel(self)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(16, 16)
        )
        lay.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.label, 1)
        self.hide()

    def set_message(self, text: str | None) -> None:
        self.label.setText(text or "")
        self.setVisible(bool(text))

    def text(self) -> str:
        return self.label.text()


class EnumCombo(QComboBox):
    """A combo box of translated enum labels; ``value()`` is the member (or None)."""

    def __init__(
        self,
        cls: type[E],
        *,
        members: Iterable[E] | None = None,
        none_text: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._cls: type[enum.Enum] = cls
        if none_text is not None:
            self.addItem(none_text, None)
        for label, member in enum_items(cls, members):
            self.addItem(label, member.value)

    def value(self) -> Any:
        data = self.currentData()
        return None if data is None else self._cls(data)

    def set_value(self, member: enum.Enum | None) -> None:
        idx = self.findData(None if member is None else member.value)
        self.setCurrentIndex(max(idx, 0))


class DateEdit(QLineEdit):
    """A date typed as text (01.03.1970, 1970-03-01 or the locale's format); may be empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        example = format_date(dt.date(1970, 3, 1))
        self.setPlaceholderText(
            QCoreApplication.translate("forms", "e.g. {example}").format(example=example)
        )
        self.setMaxLength(20)

    def set_date(self, value: dt.date | None) -> None:
        self.setText(format_date(value))

    def date_value(self, field: str) -> dt.date | None:
        """The date, None when empty; a ValidationError naming ``field`` when unreadable."""
        text = self.text().strip()
        if not text:
            return None
        try:
            return v.parse_date(text, field=field)
        except ValidationError:
            qd = ui_locale().toDate(text, date_format())
            if qd.isValid():
                return dt.date(qd.year(), qd.month(), qd.day())
            raise


class LinkLabel(QLabel):
    """Rich text with links: tel:/mailto:/http(s): open through QDesktopServices;
    ``crm:person/12`` and ``crm:company/3`` emit :attr:`internalLink`."""

    internalLink = Signal(str, int)

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.setOpenExternalLinks(False)
        self.setWordWrap(True)
        self.linkActivated.connect(self._on_link)

    def _on_link(self, href: str) -> None:
        if href.startswith("crm:"):
            kind, _, rid = href[4:].partition("/")
            if rid.isdigit():
                self.internalLink.emit(kind, int(rid))
            return
        QDesktopServices.openUrl(QUrl(href))


def link(href: str, text: str) -> str:
    return f'<a href="{html.escape(href, quote=True)}">{html.escape(text)}</a>'


def tel_link(e164: str) -> str:
    return link(f"tel:{e164}", format_phone(e164))


def mailto_link(address: str) -> str:
    return link(f"mailto:{address}", address)


def web_link(url: str) -> str:
    href = url if "://" in url else f"https://{url}"
    return link(href, url)


def record_link(kind: str, rid: int, text: str) -> str:
    return link(f"crm:{kind}/{rid}", text)


class Badge(QLabel):
    """A small coloured label ("Customer", "Priority A")."""

    def __init__(self, text: str = "", color: str = "#5f6368", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.set_color(color)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_color(self, color: str) -> None:
        self.setStyleSheet(
            f"QLabel {{ color: white; background: {color}; border-radius: 8px;"
            " padding: 1px 8px; font-weight: 600; }"
        )

    def set_badge(self, text: str, color: str) -> None:
        self.setText(text)
        self.set_color(color)
        self.setVisible(bool(text))
