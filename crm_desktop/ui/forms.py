"""Form building blocks shared by the dialogs and the detail panes.

- :class:`FormPage`: labelled fields (mnemonic labels with buddies) and an inline
  error label under each field.
- List editors for phones, e-mails, addresses, bank accounts and free profile
  fields: one row per entry, an inline error under each row, keyboard friendly.
- :class:`ErrorRouter`: shows a :class:`~crm_desktop.errors.ValidationError` (or a
  :class:`~crm_desktop.errors.MultipleErrors`) under the offending fields, using
  ``exc.field`` ("family_name", "phones.1", "addresses.0.postcode" ...); what has
  no field goes to a banner.
- :func:`save_with_errors`: runs one unit of work, collects every error, and rolls
  everything back when anything failed.
- Small widgets: :class:`EnumCombo`, :class:`RecordCombo`, :class:`DateEdit`,
  :class:`LinkLabel`, :class:`Badge`.
"""

from __future__ import annotations

import datetime as dt
import enum
import html
import itertools
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractProxyModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QSize,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.data.models import (
    Address,
    AddressKind,
    BankAccount,
    Email,
    EmailKind,
    Phone,
    PhoneKind,
)
from crm_desktop.data.store import Store
from crm_desktop.errors import CardNumberError, CrmError, MultipleErrors, ValidationError
from crm_desktop.services import cardguard, pickers
from crm_desktop.services import validation as v
from crm_desktop.services.contacts import AddressInput, BankInput, EmailInput, PhoneInput
from crm_desktop.services.unit import Session
from crm_desktop.ui.format import date_format, format_date, format_phone, ui_locale
from crm_desktop.ui.i18n import enum_items, flatten_errors, translate_error

E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")

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


RecordFetch = Callable[[str], Sequence[tuple[int, str]]]


class RecordCombo(QComboBox):
    """An editable, searchable combo of records (id, text) with an optional empty entry.

    Two ways to fill it:

    - ``set_records(records)``: a short, fixed list (projects, opportunities); typing
      filters it (substring, any case).
    - ``set_source(fetch, current)``: a long list that lives in the database (people,
      companies). The combo holds only what ``fetch(typed_text)`` answers — a page of
      matches from SQL — and asks again as the user types (debounced), so opening a dialog
      on 100,000 people costs one small query.

    ``current_id()`` is the chosen record or None; ``is_unmatched()`` tells that the typed
    text matches nothing.
    """

    DEBOUNCE_MS = 120

    def __init__(self, none_text: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self._none_text = none_text
        self._fetch: RecordFetch | None = None
        self._fetched_for: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DEBOUNCE_MS)
        self._timer.timeout.connect(self._timeout)
        completer = QCompleter(self.model(), self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._list_completer = completer
        self.setCompleter(completer)
        # for database lists: shown by hand once the search has answered, never stale
        self._sql_completer = QCompleter(self.model(), self)
        self._sql_completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._sql_completer.setMaxVisibleItems(15)
        self._sql_completer.activated[QModelIndex].connect(self._popup_chosen)  # type: ignore[index]
        line = self.lineEdit()
        if none_text is not None and line is not None:
            line.setPlaceholderText(none_text)
        if line is not None:
            line.textEdited.connect(self._typed)
        self.set_records([])

    # -- fixed lists

    def set_records(self, records: Sequence[tuple[int, str]], current: int | None = None) -> None:
        keep = self.current_id() if current is None and self.count() else current
        self._fetch = None
        self._timer.stop()
        if self.completer() is not self._list_completer:
            self.setCompleter(self._list_completer)
        self._fill(records)
        self.set_current_id(keep)

    def _fill(self, records: Iterable[tuple[int, str]], *, empty: bool = True) -> None:
        self.blockSignals(True)
        self.clear()
        if empty:  # a fixed list offers "none" as its first entry
            self.addItem("", None)
        for rid, text in records:
            self.addItem(text, rid)
        self.blockSignals(False)

    # -- lists in the database

    def set_source(self, fetch: RecordFetch, current: tuple[int, str] | None = None) -> None:
        """Search ``fetch(text)`` as the user types; ``current`` is the chosen (id, label)."""
        self._fetch = fetch
        if self.completer() is not None:  # SQL does the matching, not the line edit
            self.setCompleter(None)  # type: ignore[arg-type]
        line = self.lineEdit()
        if line is not None and self._sql_completer.widget() is not line:
            self._sql_completer.setWidget(line)
        records = list(fetch(""))
        self._fetched_for = ""
        if current is not None and all(rid != current[0] for rid, _t in records):
            records.insert(0, current)
        self._fill(records, empty=False)
        self.set_current_id(current[0] if current is not None else None)

    def select_record(self, rid: int | None, label: str = "") -> None:
        """Choose ``rid`` (shown as ``label`` when it is not among the current matches)."""
        if rid is not None and self.findData(rid) < 0:
            self.blockSignals(True)
            self.addItem(label or f"#{rid}", rid)
            self.blockSignals(False)
        self.set_current_id(rid)

    def _typed(self, _text: str) -> None:
        if self._fetch is not None:
            self._timer.start()
            popup = self._sql_completer.popup()
            if popup is not None:  # stale until the search answers
                popup.hide()

    def _popup_chosen(self, index: QModelIndex) -> None:
        model = self._sql_completer.completionModel()
        if isinstance(model, QAbstractProxyModel):
            index = model.mapToSource(index)
        if index.isValid():
            self.setCurrentIndex(index.row())

    def _timeout(self) -> None:
        if self.isVisible():  # a closed dialog searches no more
            self._refetch()

    def _refetch(self) -> None:
        """Replace the matches by the answer for the typed text; keep text and cursor."""
        line = self.lineEdit()
        if self._fetch is None or line is None:
            return
        text = line.text()
        if text.strip() == (self._fetched_for or "").strip():
            return
        records = list(self._fetch(text.strip()))
        self._fetched_for = text
        cursor = line.cursorPosition()
        before = self.currentData()
        self.blockSignals(True)
        self.clear()
        for rid, label in records:
            self.addItem(label, rid)
        exact = self.findText(text.strip(), Qt.MatchFlag.MatchFixedString) if text else -1
        self.setCurrentIndex(exact)
        self.setEditText(text)
        line.setCursorPosition(cursor)
        self.blockSignals(False)
        if self.currentData() != before:
            self.currentIndexChanged.emit(self.currentIndex())
        if records and line.hasFocus():
            self._sql_completer.complete()

    def flush(self) -> None:
        """Run a pending search now (before reading the choice)."""
        if self._timer.isActive():
            self._timer.stop()
            self._refetch()

    # -- the choice

    def current_id(self) -> int | None:
        text = self.currentText().strip()
        if not text:
            return None
        if self.currentIndex() >= 0 and self.itemText(self.currentIndex()) == text:
            data = self.currentData()
            return int(data) if data is not None else None
        idx = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if idx >= 0:
            data = self.itemData(idx)
            return int(data) if data is not None else None
        return None

    def chosen_id(self) -> int | None:
        """The chosen record; typed text that matches exactly one record chooses it
        (the popup need not be clicked)."""
        self.flush()
        rid = self.current_id()
        if rid is None and self.currentText().strip():
            matches = [i for i in range(self.count()) if self.itemData(i) is not None]
            if len(matches) == 1:
                self.setCurrentIndex(matches[0])
                rid = self.current_id()
        return rid

    def is_unmatched(self) -> bool:
        self.flush()
        return bool(self.currentText().strip()) and self.current_id() is None

    def set_current_id(self, rid: int | None) -> None:
        if rid is None:
            self.setCurrentIndex(0 if self._fetch is None else -1)
            self.setEditText("")
            return
        idx = self.findData(rid)
        self.setCurrentIndex(idx if idx >= 0 else (0 if self._fetch is None else -1))
        if idx < 0:
            self.setEditText("")


def company_source(store: Store, *, exclude_id: int | None = None) -> RecordFetch:
    """Companies whose name contains the typed words, from SQL (for a RecordCombo)."""

    def fetch(text: str) -> list[tuple[int, str]]:
        with store.reader() as s:
            return [(c.id, c.label) for c in pickers.companies(s, text, exclude_id=exclude_id)]

    return fetch


def people_source(
    store: Store,
    *,
    company_id: int | None = None,
    exclude_id: int | None = None,
    with_company: bool = True,
) -> RecordFetch:
    """People whose name (or company) contains the typed words: "Anna Weiß – Firma"."""

    def fetch(text: str) -> list[tuple[int, str]]:
        with store.reader() as s:
            found = pickers.people(s, text, company_id=company_id, exclude_id=exclude_id)
        return [(c.id, c.label if with_company else c.name) for c in found]

    return fetch


def company_choice(session: Session, company_id: int | None) -> tuple[int, str] | None:
    found = pickers.company(session, company_id)
    return (found.id, found.label) if found is not None else None


def person_choice(
    session: Session, person_id: int | None, *, with_company: bool = True
) -> tuple[int, str] | None:
    found = pickers.person(session, person_id)
    if found is None:
        return None
    return (found.id, found.label if with_company else found.name)


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
    try:
        with store.session() as session:
            result = work(session, errors)
            if errors:
                raise _Rollback
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


# ---------------------------------------------------------------- list editors


def _line(placeholder: str, accessible: str, parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setPlaceholderText(placeholder)
    edit.setAccessibleName(accessible)
    return edit


class _Row(QWidget):
    """One entry of a list editor: its inputs, a remove button and an error label."""

    def __init__(self, editor: ListEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(4)
        outer.addLayout(self.grid)
        self.error = ErrorLabel(self)
        outer.addWidget(self.error)
        self.remove_button = QToolButton(self)
        self.remove_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogDiscardButton)
        )
        self.remove_button.setIconSize(QSize(14, 14))
        self.remove_button.setToolTip(QCoreApplication.translate("forms", "Remove this entry"))
        self.remove_button.setAccessibleName(QCoreApplication.translate("forms", "Remove"))
        self.remove_button.setAutoRaise(True)
        self.remove_button.clicked.connect(lambda: editor.remove_row(self))

    def inputs(self) -> list[QWidget]:
        raise NotImplementedError

    def is_empty(self) -> bool:
        raise NotImplementedError

    def texts(self) -> dict[str, str]:
        """Texts to run the card guard over: sub-key ("" = the row itself) → text."""
        raise NotImplementedError

    def widget_for(self, sub: str) -> QWidget:
        return self.inputs()[0]

    def show_error(self, sub: str, text: str) -> QWidget:
        self.error.add_error(text)
        widget = self.widget_for(sub)
        set_invalid(widget, True)
        return widget

    def clear_errors(self) -> None:
        self.error.set_error(None)
        for w in self.inputs():
            set_invalid(w, False)


class ListEditor(QWidget):
    """A growing list of rows with an "Add" button; rows that stay empty are ignored."""

    changed = Signal()
    submitted = Signal()

    def __init__(self, prefix: str, add_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self.rows: list[_Row] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)
        self._rows_box = QVBoxLayout()
        self._rows_box.setSpacing(6)
        outer.addLayout(self._rows_box)
        self.add_button = QPushButton(add_text, self)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._add_and_focus)
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        outer.addLayout(bar)

    # -- rows

    def _new_row(self) -> _Row:
        raise NotImplementedError

    def add_row(self) -> _Row:
        pred: QWidget | None
        pred = self.rows[-1].remove_button if self.rows else self.add_button.previousInFocusChain()
        row = self._new_row()
        self.rows.append(row)
        self._rows_box.addWidget(row)
        chain = [*row.inputs(), row.remove_button]
        if pred is not None and pred is not self.add_button:
            QWidget.setTabOrder(pred, chain[0])
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)
        QWidget.setTabOrder(chain[-1], self.add_button)
        for w in row.inputs():
            if isinstance(w, QLineEdit):
                w.textChanged.connect(self.changed)
                w.returnPressed.connect(self.submitted)
        return row

    def _add_and_focus(self) -> None:
        row = self.add_row()
        first = row.inputs()
        # focus the main text input (after the kind combo, if any)
        target = next((w for w in first if isinstance(w, QLineEdit)), first[0])
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def remove_row(self, row: _Row) -> None:
        if row in self.rows:
            self.rows.remove(row)
            row.hide()
            row.setParent(None)
            row.deleteLater()
            self.changed.emit()

    def clear_rows(self) -> None:
        for row in list(self.rows):
            self.remove_row(row)

    def filled_rows(self) -> list[_Row]:
        """The rows that count, in the order their items are passed to the services."""
        return [r for r in self.rows if not r.is_empty()]

    # -- errors

    def show_field_error(self, key: str, text: str) -> QWidget | None:
        if key == self.prefix:  # the list as a whole (a required e-mail, phone, address)
            rows = self.filled_rows() or self.rows
            return rows[0].show_error("", text) if rows else None
        if not key.startswith(self.prefix + "."):
            return None
        rest = key[len(self.prefix) + 1 :]
        index, _, sub = rest.partition(".")
        if not index.isdigit():
            return None
        rows = self.filled_rows()
        if int(index) >= len(rows):
            return None
        return rows[int(index)].show_error(sub, text)

    def clear_errors(self) -> None:
        for row in self.rows:
            row.clear_errors()

    def card_fields(self) -> dict[str, str | None]:
        out: dict[str, str | None] = {}
        for i, row in enumerate(self.filled_rows()):
            for sub, text in row.texts().items():
                out[f"{self.prefix}.{i}" + (f".{sub}" if sub else "")] = text
        return out


KIND_WIDTH = 150  # kind combos of all list editors line up


class _PhoneRow(_Row):
    def __init__(self, editor: ListEditor) -> None:
        super().__init__(editor)
        self.kind = EnumCombo(PhoneKind, parent=self)
        self.kind.setFixedWidth(KIND_WIDTH)
        self.kind.setAccessibleName(QCoreApplication.translate("forms", "Kind of phone number"))
        self.number = _line(
            QCoreApplication.translate("forms", "e.g. 0711 1234567 or +43 1 234567"),
            QCoreApplication.translate("forms", "Phone number"),
            self,
        )
        self.label = _line(
            QCoreApplication.translate("forms", "Label (optional)"),
            QCoreApplication.translate("forms", "Label"),
            self,
        )
        self.label.setMaximumWidth(160)
        self.grid.addWidget(self.kind, 0, 0)
        self.grid.addWidget(self.number, 0, 1)
        self.grid.addWidget(self.label, 0, 2)
        self.grid.addWidget(self.remove_button, 0, 3)
        self.grid.setColumnStretch(1, 1)

    def inputs(self) -> list[QWidget]:
        return [self.kind, self.number, self.label]

    def widget_for(self, sub: str) -> QWidget:
        return self.label if sub == "label" else self.number

    def is_empty(self) -> bool:
        return not self.number.text().strip()

    def texts(self) -> dict[str, str]:
        return {"": self.number.text(), "label": self.label.text()}


class PhoneListEditor(ListEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("phones", QCoreApplication.translate("forms", "Add &phone number"), parent)

    def _new_row(self) -> _Row:
        return _PhoneRow(self)

    def items(self) -> list[PhoneInput]:
        out = []
        for row in self.filled_rows():
            assert isinstance(row, _PhoneRow)
            out.append(
                PhoneInput(
                    number=row.number.text().strip(),
                    kind=row.kind.value() or PhoneKind.WORK,
                    label=row.label.text().strip() or None,
                )
            )
        return out

    def set_items(self, phones: Iterable[Phone | PhoneInput]) -> None:
        self.clear_rows()
        for phone in phones:
            row = self.add_row()
            assert isinstance(row, _PhoneRow)
            row.kind.set_value(phone.kind)
            number = phone.number
            row.number.setText(format_phone(number) if number.startswith("+") else number)
            row.label.setText(phone.label or "")


class _EmailRow(_Row):
    def __init__(self, editor: ListEditor) -> None:
        super().__init__(editor)
        self.kind = EnumCombo(EmailKind, parent=self)
        self.kind.setFixedWidth(KIND_WIDTH)
        self.kind.setAccessibleName(QCoreApplication.translate("forms", "Kind of e-mail address"))
        self.address = _line(
            QCoreApplication.translate("forms", "name@example.de"),
            QCoreApplication.translate("forms", "E-mail address"),
            self,
        )
        self.grid.addWidget(self.kind, 0, 0)
        self.grid.addWidget(self.address, 0, 1)
        self.grid.addWidget(self.remove_button, 0, 2)
        self.grid.setColumnStretch(1, 1)

    def inputs(self) -> list[QWidget]:
        return [self.kind, self.address]

    def widget_for(self, sub: str) -> QWidget:
        return self.address

    def is_empty(self) -> bool:
        return not self.address.text().strip()

    def texts(self) -> dict[str, str]:
        return {"": self.address.text()}


class EmailListEditor(ListEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "emails", QCoreApplication.translate("forms", "Add e-&mail address"), parent
        )

    def _new_row(self) -> _Row:
        return _EmailRow(self)

    def items(self) -> list[EmailInput]:
        out = []
        for row in self.filled_rows():
            assert isinstance(row, _EmailRow)
            out.append(
                EmailInput(
                    address=row.address.text().strip(), kind=row.kind.value() or EmailKind.WORK
                )
            )
        return out

    def set_items(self, emails: Iterable[Email | EmailInput]) -> None:
        self.clear_rows()
        for email in emails:
            row = self.add_row()
            assert isinstance(row, _EmailRow)
            row.kind.set_value(email.kind)
            row.address.setText(email.address)


class _AddressRow(_Row):
    def __init__(self, editor: ListEditor) -> None:
        super().__init__(editor)
        self.kind = EnumCombo(AddressKind, parent=self)
        self.kind.setFixedWidth(KIND_WIDTH)
        self.kind.setAccessibleName(QCoreApplication.translate("forms", "Kind of address"))
        self.street = _line(
            QCoreApplication.translate("forms", "Street and number"),
            QCoreApplication.translate("forms", "Street"),
            self,
        )
        self.extra = _line(
            QCoreApplication.translate("forms", "Address line 2 (optional)"),
            QCoreApplication.translate("forms", "Address line 2"),
            self,
        )
        self.postcode = _line(
            QCoreApplication.translate("forms", "Postcode"),
            QCoreApplication.translate("forms", "Postcode"),
            self,
        )
        self.postcode.setFixedWidth(KIND_WIDTH)
        self.city = _line(
            QCoreApplication.translate("forms", "City"),
            QCoreApplication.translate("forms", "City"),
            self,
        )
        self.country = _line(
            QCoreApplication.translate("forms", "Country (DE)"),
            QCoreApplication.translate("forms", "Country"),
            self,
        )
        self.country.setText("DE")
        self.grid.addWidget(self.kind, 0, 0)
        self.grid.addWidget(self.street, 0, 1)
        self.grid.addWidget(self.extra, 0, 2)
        self.grid.addWidget(self.remove_button, 0, 3)
        self.grid.addWidget(self.postcode, 1, 0)
        self.grid.addWidget(self.city, 1, 1)
        self.grid.addWidget(self.country, 1, 2)
        self.grid.setColumnStretch(1, 3)
        self.grid.setColumnStretch(2, 2)

    def inputs(self) -> list[QWidget]:
        return [self.kind, self.street, self.extra, self.postcode, self.city, self.country]

    def widget_for(self, sub: str) -> QWidget:
        return {
            "street": self.street,
            "extra": self.extra,
            "postcode": self.postcode,
            "city": self.city,
            "country": self.country,
        }.get(sub, self.street)

    def is_empty(self) -> bool:
        return not any(
            w.text().strip() for w in (self.street, self.extra, self.postcode, self.city)
        )

    def texts(self) -> dict[str, str]:
        return {"street": self.street.text(), "extra": self.extra.text(), "city": self.city.text()}


class AddressListEditor(ListEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("addresses", QCoreApplication.translate("forms", "Add &address"), parent)
        self._rows_box.setSpacing(14)  # two lines per address: keep the entries apart

    def _new_row(self) -> _Row:
        return _AddressRow(self)

    def add_row(self) -> _Row:
        row = super().add_row()
        assert isinstance(row, _AddressRow)
        used = {r.kind.value() for r in self.rows if r is not row and isinstance(r, _AddressRow)}
        for kind in (AddressKind.MAIN, AddressKind.DELIVERY, AddressKind.BILLING):
            if kind not in used:
                row.kind.set_value(kind)
                break
        else:
            row.kind.set_value(AddressKind.OTHER)
        return row

    def items(self) -> list[AddressInput]:
        out = []
        for row in self.filled_rows():
            assert isinstance(row, _AddressRow)
            out.append(
                AddressInput(
                    street=row.street.text().strip(),
                    extra=row.extra.text().strip() or None,
                    postcode=row.postcode.text().strip(),
                    city=row.city.text().strip(),
                    country=row.country.text().strip(),
                    kind=row.kind.value() or AddressKind.MAIN,
                )
            )
        return out

    def set_items(self, addresses: Iterable[Address | AddressInput]) -> None:
        self.clear_rows()
        for addr in addresses:
            row = self.add_row()
            assert isinstance(row, _AddressRow)
            row.kind.set_value(addr.kind)
            row.street.setText(addr.street)
            row.extra.setText(addr.extra or "")
            row.postcode.setText(addr.postcode)
            row.city.setText(addr.city)
            row.country.setText(addr.country_text if isinstance(addr, Address) else addr.country)

    def show_field_error(self, key: str, text: str) -> QWidget | None:
        placed = super().show_field_error(key, text)
        if placed is None and key in ("street", "extra", "city"):
            # the service's card guard names the sub-field only: find the row
            for row in self.filled_rows():
                assert isinstance(row, _AddressRow)
                edit = {"street": row.street, "extra": row.extra, "city": row.city}[key]
                if cardguard.find_card_number(edit.text()):
                    return row.show_error(key, text)
        return placed


class _BankRow(_Row):
    def __init__(self, editor: ListEditor) -> None:
        super().__init__(editor)
        self.iban = _line(
            QCoreApplication.translate("forms", "IBAN, e.g. DE89 3704 0044 0532 0130 00"),
            QCoreApplication.translate("forms", "IBAN"),
            self,
        )
        self.bic = _line(
            QCoreApplication.translate("forms", "BIC (optional)"),
            QCoreApplication.translate("forms", "BIC"),
            self,
        )
        self.bic.setMaximumWidth(170)
        self.holder = _line(
            QCoreApplication.translate("forms", "Account holder"),
            QCoreApplication.translate("forms", "Account holder"),
            self,
        )
        self.bank_name = _line(
            QCoreApplication.translate("forms", "Bank (optional)"),
            QCoreApplication.translate("forms", "Bank"),
            self,
        )
        self.grid.addWidget(self.iban, 0, 0)
        self.grid.addWidget(self.bic, 0, 1)
        self.grid.addWidget(self.remove_button, 0, 2)
        self.grid.addWidget(self.holder, 1, 0)
        self.grid.addWidget(self.bank_name, 1, 1)
        self.grid.setColumnStretch(0, 1)

    def inputs(self) -> list[QWidget]:
        return [self.iban, self.bic, self.holder, self.bank_name]

    def widget_for(self, sub: str) -> QWidget:
        return {"bic": self.bic, "holder": self.holder, "bank_name": self.bank_name}.get(
            sub, self.iban
        )

    def is_empty(self) -> bool:
        return not any(w.text().strip() for w in (self.iban, self.bic, self.holder))

    def texts(self) -> dict[str, str]:
        return {
            "iban": self.iban.text(),
            "holder": self.holder.text(),
            "bank_name": self.bank_name.text(),
        }


class BankListEditor(ListEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "bank_accounts", QCoreApplication.translate("forms", "Add &bank account"), parent
        )

    def _new_row(self) -> _Row:
        return _BankRow(self)

    def items(self) -> list[BankInput]:
        out = []
        for row in self.filled_rows():
            assert isinstance(row, _BankRow)
            out.append(
                BankInput(
                    iban=row.iban.text().strip(),
                    bic=row.bic.text().strip() or None,
                    holder=row.holder.text().strip(),
                    bank_name=row.bank_name.text().strip() or None,
                )
            )
        return out

    def set_items(self, accounts: Iterable[BankAccount | BankInput]) -> None:
        from crm_desktop.ui.format import format_iban

        self.clear_rows()
        for acc in accounts:
            row = self.add_row()
            assert isinstance(row, _BankRow)
            row.iban.setText(format_iban(acc.iban))
            row.bic.setText(acc.bic or "")
            row.holder.setText(acc.holder)
            row.bank_name.setText(acc.bank_name or "")


class _ProfileRow(_Row):
    def __init__(self, editor: ListEditor) -> None:
        super().__init__(editor)
        self.key = _line(
            QCoreApplication.translate("forms", "Field, e.g. Lieblingswein"),
            QCoreApplication.translate("forms", "Field name"),
            self,
        )
        self.key.setMaximumWidth(220)
        self.value = _line(
            QCoreApplication.translate("forms", "Value"),
            QCoreApplication.translate("forms", "Value"),
            self,
        )
        self.grid.addWidget(self.key, 0, 0)
        self.grid.addWidget(self.value, 0, 1)
        self.grid.addWidget(self.remove_button, 0, 2)
        self.grid.setColumnStretch(1, 1)

    def inputs(self) -> list[QWidget]:
        return [self.key, self.value]

    def widget_for(self, sub: str) -> QWidget:
        return self.value

    def is_empty(self) -> bool:
        return not (self.key.text().strip() or self.value.text().strip())

    def texts(self) -> dict[str, str]:
        return {"": self.value.text()}


class ProfileFieldsEditor(ListEditor):
    """Free profile fields (name → value); errors are keyed "profile.<name>"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "profile", QCoreApplication.translate("forms", "Add profile &field"), parent
        )

    def _new_row(self) -> _Row:
        return _ProfileRow(self)

    def values(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for row in self.filled_rows():
            assert isinstance(row, _ProfileRow)
            key = row.key.text().strip() or QCoreApplication.translate("forms", "Note")
            out[key] = row.value.text().strip()
        return out

    def set_values(self, values: dict[str, str]) -> None:
        self.clear_rows()
        for key, value in values.items():
            row = self.add_row()
            assert isinstance(row, _ProfileRow)
            row.key.setText(key)
            row.value.setText(value)

    def show_field_error(self, key: str, text: str) -> QWidget | None:
        if not key.startswith("profile."):
            return None
        name = key.split(".", 1)[1]
        for row in self.filled_rows():
            assert isinstance(row, _ProfileRow)
            if (row.key.text().strip() or QCoreApplication.translate("forms", "Note")) == name:
                return row.show_error("", text)
        return None

    def card_fields(self) -> dict[str, str | None]:
        out: dict[str, str | None] = {}
        for row in self.filled_rows():
            assert isinstance(row, _ProfileRow)
            out[
                "profile." + (row.key.text().strip() or QCoreApplication.translate("forms", "Note"))
            ] = row.value.text()
        return out


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
