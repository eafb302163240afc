"""Error routing: labelled form pages, validation errors shown under the offending
fields (``exc.field`` such as "phones.1"), and :func:`save_with_errors`, which runs one
unit of work, collects every error and rolls everything back when anything failed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.data.store import Store
from crm_desktop.errors import CardNumberError, CrmError, MultipleErrors, ValidationError
from crm_desktop.services import cardguard
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.forms.guards import clear_error_on_edit, guard_form
from crm_desktop.ui.forms.style import set_invalid
from crm_desktop.ui.forms.widgets import Banner, ErrorLabel
from crm_desktop.ui.i18n import flatten_errors, translate_error

T = TypeVar("T")


# ---------------------------------------------------------------- error routing


class ErrorTarget(Protocol):
    def show_field_error(self, key: str, text: str) -> QWidget | None: ...

    def clear_errors(self) -> None: ...


class FormPage(QWidget):
    """A form layout of labelled fields; each field gets an error label beneath it."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self._fields: dict[str, tuple[QWidget, ErrorLabel]] = {}
        self._labels: dict[str, QLabel] = {}

    def add_field(self, key: str, label: str, widget: QWidget, hint: str | None = None) -> QWidget:
        """Add ``widget`` under ``label`` (use & for the mnemonic); errors for ``key``
        appear below it."""
        box = QWidget(self)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(widget)
        if hint:
            hint_label = QLabel(hint, box)
            hint_label.setWordWrap(True)
            hint_label.setStyleSheet("color: palette(mid);")
            lay.addWidget(hint_label)
        error = ErrorLabel(box)
        lay.addWidget(error)
        label_widget = QLabel(label, self)
        label_widget.setBuddy(widget)
        self.form.addRow(label_widget, box)
        self._fields[key] = (widget, error)
        self._labels[key] = label_widget
        if isinstance(widget, QLineEdit):
            widget.returnPressed.connect(self.submitted)
        # the message goes as soon as the field is changed (the fix); Enter in a combo
        # stays in it, a click into a date selects the section
        clear_error_on_edit(widget, functools.partial(self.clear_field_error, key))
        guard_form(box)
        return widget

    def add_row(self, label: str, widget: QWidget) -> None:
        label_widget = QLabel(label, self)
        label_widget.setBuddy(widget)
        self.form.addRow(label_widget, widget)

    def add_heading(self, text: str) -> QLabel:
        head = QLabel(text, self)
        font = head.font()
        font.setBold(True)
        head.setFont(font)
        head.setContentsMargins(0, 8, 0, 0)
        self.form.addRow(head)
        return head

    def add_wide(self, widget: QWidget) -> None:
        self.form.addRow(widget)

    def field(self, key: str) -> QWidget:
        return self._fields[key][0]

    def has_field(self, key: str) -> bool:
        return key in self._fields

    def error_label(self, key: str) -> ErrorLabel:
        return self._fields[key][1]

    def show_field_error(self, key: str, text: str) -> QWidget | None:
        entry = self._fields.get(key)
        if entry is None:
            return None
        widget, error = entry
        error.add_error(text)
        set_invalid(widget, True)
        return widget

    def clear_field_error(self, key: str) -> None:
        entry = self._fields.get(key)
        if entry is None:
            return
        widget, error = entry
        if error.isVisible() or error.text() or bool(widget.property("invalid")):
            error.set_error(None)
            set_invalid(widget, False)

    def clear_errors(self) -> None:
        for widget, error in self._fields.values():
            error.set_error(None)
            set_invalid(widget, False)


class ErrorRouter:
    """Shows errors inline at the field they name; the rest in the banner."""

    def __init__(self, banner: Banner, tabs: QTabWidget | None = None) -> None:
        self.banner = banner
        self.tabs = tabs
        self.targets: list[ErrorTarget] = []
        self._tab_texts: dict[int, str] = {}

    def add(self, *targets: ErrorTarget) -> None:
        self.targets.extend(targets)

    def clear(self) -> None:
        self.banner.set_message(None)
        for target in self.targets:
            target.clear_errors()
        if self.tabs is not None:
            for i in range(self.tabs.count()):
                self.tabs.setTabIcon(i, _no_icon())

    def show(self, exc: CrmError | Sequence[CrmError]) -> list[str]:
        """Place every error; returns the texts that went to the banner."""
        errors: list[CrmError] = []
        for e in [exc] if isinstance(exc, CrmError) else list(exc):
            errors.extend(flatten_errors(e))
        loose: list[str] = []
        first: QWidget | None = None
        for err in errors:
            text = translate_error(err)
            placed: QWidget | None = None
            if err.field:
                for target in self.targets:
                    placed = target.show_field_error(err.field, text)
                    if placed is not None:
                        break
            if placed is None:
                if text not in loose:
                    loose.append(text)
                continue
            if first is None:
                first = placed
            self._mark_tab(placed)
        self.banner.set_message("\n".join(loose) if loose else None)
        if first is not None:
            self._reveal(first)
        return loose

    def _mark_tab(self, widget: QWidget) -> None:
        if self.tabs is None:
            return
        icon = widget.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for i in range(self.tabs.count()):
            page = self.tabs.widget(i)
            if page is not None and page.isAncestorOf(widget):
                self.tabs.setTabIcon(i, icon)

    def _reveal(self, widget: QWidget) -> None:
        if self.tabs is not None:
            for i in range(self.tabs.count()):
                page = self.tabs.widget(i)
                if page is not None and page.isAncestorOf(widget):
                    self.tabs.setCurrentIndex(i)
                    break
        parent: QObject | None = widget.parent()
        while parent is not None:
            if isinstance(parent, QScrollArea):
                parent.ensureWidgetVisible(widget)
                break
            parent = parent.parent()
        widget.setFocus(Qt.FocusReason.OtherFocusReason)


def _no_icon() -> Any:
    from PySide6.QtGui import QIcon

    return QIcon()


class _Rollback(Exception):
    """Internal: undo the unit of work because a field failed."""


def card_errors(fields: dict[str, str | None]) -> list[ValidationError]:
    """Card guard over user-typed texts keyed by their field names."""
    out: list[ValidationError] = []
    for key, text in fields.items():
        try:
            cardguard.guard(text, key)
        except CardNumberError as exc:
            out.append(exc)
    return out


def collect(errors: list[ValidationError], fn: Callable[..., T], *args: Any, **kw: Any) -> T | None:
    """Run ``fn``; a ValidationError is added to ``errors`` (flattened) instead of raised."""
    try:
        return fn(*args, **kw)
    except ValidationError as exc:
        errors.extend(e for e in flatten_errors(exc) if isinstance(e, ValidationError))
        return None


def save_with_errors(
    store: Store,
    router: ErrorRouter,
    work: Callable[[Session, list[ValidationError]], T],
    pre_errors: Sequence[ValidationError] = (),
) -> T | None:
    """Run ``work(session, errors)`` in one unit of work.

    ``work`` adds field errors to the list (see :func:`collect`) or raises a
    CrmError. When anything failed, the whole unit of work is rolled back, every
    error is shown inline and None is returned. ``pre_errors`` (parse errors, card
    numbers found by the form) count as failures too; a card number found by the
    form wins over the service's own message for the same text.
    """
    router.clear()
    errors: list[ValidationError] = list(pre_errors)
    result: T | None = None

    def attempt(session: Session) -> T:
        done = work(session, errors)
        if errors:
            raise _Rollback
        return done

    try:
        result = ops.write(store, attempt)
    except _Rollback:
        pass
    except ValidationError as exc:
        errors.extend(e for e in flatten_errors(exc) if isinstance(e, ValidationError))
    except CrmError as exc:
        router.show([*list(errors), exc])
        return None
    if errors:
        own_cards = [e for e in pre_errors if isinstance(e, CardNumberError)]
        card_fields = {e.field for e in own_cards}
        shown: list[CrmError] = []
        for err in errors:
            if own_cards and err not in pre_errors:
                if isinstance(err, CardNumberError):
                    continue  # the form's own card check named the field more precisely
                if err.field in card_fields:
                    continue  # e.g. "not a phone number" for the card typed there
            shown.append(err)
        router.show(shown)
        return None
    return result


def multiple(errors: list[ValidationError]) -> ValidationError:
    return errors[0] if len(errors) == 1 else MultipleErrors(errors)
