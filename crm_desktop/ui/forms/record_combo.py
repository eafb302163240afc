"""A combo box that finds records as the user types, and its record sources."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QAbstractProxyModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from crm_desktop.data.store import Store
from crm_desktop.services import pickers
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.forms.guards import guard_combo

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
        guard_combo(self)  # Enter picks the match and stays here; it does not save the dialog
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
        found = ops.read(store, lambda s: pickers.companies(s, text, exclude_id=exclude_id))
        return [(c.id, c.label) for c in found]

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
        found = ops.read(
            store, lambda s: pickers.people(s, text, company_id=company_id, exclude_id=exclude_id)
        )
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
