"""The duplicate review window: candidate pairs, a side-by-side comparison, merge.

The search runs off the GUI thread (the application's runner) with its own session
and reports progress; the table lists the pairs (score, both names, reasons). For the selected
pair every field is shown side by side with a radio button per side; "Merge" keeps
the left (older) record and takes the chosen values from the right one. "Not a
duplicate" remembers the pair (settings key ``dedup.ignored``), "Skip" goes on, and
"Undo merge" takes the last merge of this window back — through the one undo
registry, so it is the same entry Edit → Undo offers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.data.models import Person
from crm_desktop.data.store import Store
from crm_desktop.errors import CrmError
from crm_desktop.services import dedup, merge
from crm_desktop.services import undo as undo_registry
from crm_desktop.services.changes import Changes
from crm_desktop.services.dedup import DuplicatePair
from crm_desktop.services.unit import Session
from crm_desktop.services.validation import format_phone
from crm_desktop.ui import ops
from crm_desktop.ui.errors import error_label_text
from crm_desktop.ui.format import format_date, format_datetime
from crm_desktop.ui.i18n import QT_TRANSLATE_NOOP, enum_label, translate_error
from crm_desktop.ui.tasks import Progress, Task, runner

# the reasons come from crm_desktop.services.dedup (English source texts)
_REASONS = (
    QT_TRANSLATE_NOOP("dedup", "same words in another order"),
    QT_TRANSLATE_NOOP("dedup", "one name contains the other"),
    QT_TRANSLATE_NOOP("dedup", "similar company name"),
    QT_TRANSLATE_NOOP("dedup", "same e-mail name at another domain"),
    QT_TRANSLATE_NOOP("dedup", "similar e-mail address"),
    QT_TRANSLATE_NOOP("dedup", "family name missing on one side"),
    QT_TRANSLATE_NOOP("dedup", "different family name (married?)"),
    QT_TRANSLATE_NOOP("dedup", "family name shares a part (double name)"),
    QT_TRANSLATE_NOOP("dedup", "given name missing on one side"),
    QT_TRANSLATE_NOOP("dedup", "one of several given names"),
    QT_TRANSLATE_NOOP("dedup", "given name abbreviated to an initial"),
    QT_TRANSLATE_NOOP("dedup", "names differ only by legal form"),
    QT_TRANSLATE_NOOP("dedup", "birth dates differ by one digit"),
    QT_TRANSLATE_NOOP("dedup", "nickname of the given name"),
    QT_TRANSLATE_NOOP("dedup", "junior or senior on one side only"),
    QT_TRANSLATE_NOOP("dedup", "different address"),
    QT_TRANSLATE_NOOP("dedup", "different birth dates"),
    QT_TRANSLATE_NOOP("dedup", "junior and senior"),
    QT_TRANSLATE_NOOP("dedup", "different legal form"),
    QT_TRANSLATE_NOOP("dedup", "different phone numbers"),
    QT_TRANSLATE_NOOP("dedup", "different salutation"),
    QT_TRANSLATE_NOOP("dedup", "common name"),
    QT_TRANSLATE_NOOP("dedup", "different VAT ids"),
    QT_TRANSLATE_NOOP("dedup", "family names sound alike"),
    QT_TRANSLATE_NOOP("dedup", "same address"),
    QT_TRANSLATE_NOOP("dedup", "same birth date"),
    QT_TRANSLATE_NOOP("dedup", "same company"),
    QT_TRANSLATE_NOOP("dedup", "same company name"),
    QT_TRANSLATE_NOOP("dedup", "same e-mail domain"),
    QT_TRANSLATE_NOOP("dedup", "same e-mail"),
    QT_TRANSLATE_NOOP("dedup", "same name"),
    QT_TRANSLATE_NOOP("dedup", "same phone"),
    QT_TRANSLATE_NOOP("dedup", "same postcode"),
    QT_TRANSLATE_NOOP("dedup", "same VAT id"),
    QT_TRANSLATE_NOOP("dedup", "same website"),
    QT_TRANSLATE_NOOP("dedup", "names differ only in spelling (accents, hyphens, particles)"),
    QT_TRANSLATE_NOOP("dedup", "name split differently into given and family name"),
    QT_TRANSLATE_NOOP("dedup", "given and family name swapped"),
    QT_TRANSLATE_NOOP("dedup", "typo in name"),
    QT_TRANSLATE_NOOP("dedup", "names differ only by umlaut spelling"),
    QT_TRANSLATE_NOOP("dedup", "variant spelling of the given name"),
)


def reason_text(reason: str) -> str:
    return QCoreApplication.translate("dedup", reason)


# ---------------------------------------------------------------- the pair table


class PairTableModel(QAbstractTableModel):
    """Candidate pairs: score, record A (kept), record B, reasons."""

    COLUMNS = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pairs: list[DuplicatePair] = []

    def set_pairs(self, pairs: list[DuplicatePair]) -> None:
        self.beginResetModel()
        self.pairs = list(pairs)
        self.endResetModel()

    def remove_where(self, keep: Callable[[DuplicatePair], bool]) -> None:
        for row in range(len(self.pairs) - 1, -1, -1):
            if not keep(self.pairs[row]):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.pairs[row]
                self.endRemoveRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.pairs)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Score"), self.tr("Record A (kept)"), self.tr("Record B"), self.tr("Why"))[
            section
        ]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        pair = self.pairs[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return str(pair.score)
            if col == 1:
                return pair.a_name or f"#{pair.a}"
            if col == 2:
                return pair.b_name or f"#{pair.b}"
            return ", ".join(reason_text(r) for r in pair.reasons)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 3:
                return "\n".join(reason_text(r) for r in pair.reasons)
            if col in (1, 2):
                kind = self.tr("Person") if pair.entity == "person" else self.tr("Company")
                rid = pair.a if col == 1 else pair.b
                return f"{kind} #{rid}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == 0:
            if pair.score >= 90:
                return QColor("#1b7a3a")
            if pair.score < 70:
                return QColor("#9a6b00")
        if role == Qt.ItemDataRole.FontRole and col == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return pair
        return None


# ---------------------------------------------------------------- comparison


@dataclass
class FieldRow:
    key: str
    label: str
    left: str
    right: str
    choosable: bool = True


class ComparisonWidget(QWidget):
    """Every field of both records side by side; a radio button per side and field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups: dict[str, QButtonGroup] = {}
        self.rows: list[FieldRow] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.StyledPanel)
        outer.addWidget(self.scroller)
        self.placeholder = QLabel(self.tr("Select a pair above to compare the two records."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: palette(mid); padding: 24px;")
        self.scroller.setWidget(self.placeholder)

    def clear(self) -> None:
        self.groups = {}
        self.rows = []
        self.placeholder = QLabel(self.tr("Select a pair above to compare the two records."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: palette(mid); padding: 24px;")
        self.scroller.setWidget(self.placeholder)

    def show_rows(self, rows: list[FieldRow], left_title: str, right_title: str) -> None:
        self.rows = rows
        self.groups = {}
        body = QWidget()
        grid = QGridLayout(body)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        bold = QFont()
        bold.setBold(True)
        head_field = QLabel(self.tr("Field"))
        head_left = QLabel(left_title)
        head_right = QLabel(right_title)
        for w in (head_field, head_left, head_right):
            w.setFont(bold)
            w.setWordWrap(True)
        grid.addWidget(head_field, 0, 0)
        grid.addWidget(head_left, 0, 1)
        grid.addWidget(head_right, 0, 2)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        grid.addWidget(line, 1, 0, 1, 3)
        empty = self.tr("(empty)")
        for i, row in enumerate(rows, start=2):
            label = QLabel(row.label)
            grid.addWidget(label, i, 0, Qt.AlignmentFlag.AlignTop)
            same = row.left == row.right
            if row.choosable and not same:
                group = QButtonGroup(body)
                # "&" would become a keyboard shortcut in a button text
                left = QRadioButton((row.left or empty).replace("&", "&&"))
                right = QRadioButton((row.right or empty).replace("&", "&&"))
                left.setObjectName(f"left:{row.key}")
                right.setObjectName(f"right:{row.key}")
                for side, button in ((0, left), (1, right)):
                    button.setToolTip((row.left if side == 0 else row.right) or empty)
                    group.addButton(button, side)
                # default: the kept side, or the other one where the kept side is empty
                (right if not row.left and row.right else left).setChecked(True)
                self.groups[row.key] = group
                grid.addWidget(left, i, 1, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(right, i, 2, Qt.AlignmentFlag.AlignTop)
            else:
                for col, text in ((1, row.left), (2, row.right)):
                    value = QLabel(text or empty)
                    value.setWordWrap(True)
                    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                    if not text:
                        value.setStyleSheet("color: palette(mid);")
                    grid.addWidget(value, i, col, Qt.AlignmentFlag.AlignTop)
        note = QLabel(
            self.tr(
                "Phones, e-mails, addresses, bank accounts and tags of both records are kept; "
                "activities, tickets, opportunities and orders move to record A."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid); margin-top: 8px;")
        grid.addWidget(note, len(rows) + 2, 0, 1, 3)
        grid.setRowStretch(len(rows) + 3, 1)
        self.scroller.setWidget(body)

    def choices(self) -> dict[str, str]:
        """Field → "keep" / "drop" for the fields where the right side was picked."""
        out: dict[str, str] = {}
        for key, group in self.groups.items():
            out[key] = "drop" if group.checkedId() == 1 else "keep"
        return out

    def choose(self, key: str, side: str) -> None:
        group = self.groups[key]
        button = group.button(1 if side == "right" else 0)
        button.setChecked(True)


# ---------------------------------------------------------------- the dialog


class DuplicateReviewDialog(QDialog):
    """Find duplicate pairs, compare them field by field, merge or dismiss them."""

    search_finished = Signal(int)  # number of pairs
    merged = Signal(int, int)  # kept id, dropped id
    changed = Signal(object)  # the Changes of a merge or of its undo

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
        entity: str = "people",
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock or SystemClock()
        self.undo_ids: list[int] = []
        self._search: Task[list[DuplicatePair]] | None = None
        self.setWindowTitle(self.tr("Duplicates"))
        self.resize(1100, 760)

        # search bar
        self.entity_box = QComboBox()
        for key, text in (
            ("people", self.tr("People")),
            ("companies", self.tr("Companies")),
            ("both", self.tr("People and companies")),
        ):
            self.entity_box.addItem(text, key)
        self.entity_box.setCurrentIndex(max(0, self.entity_box.findData(entity)))
        self.min_score = QSpinBox()
        self.min_score.setRange(30, 100)
        self.min_score.setValue(dedup.DEFAULT_MIN_SCORE)
        self.min_score.setSuffix(" / 100")
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.clicked.connect(self.start_search)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setVisible(False)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Look for:")))
        bar.addWidget(self.entity_box)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Minimum score:")))
        bar.addWidget(self.min_score)
        bar.addWidget(self.search_button)
        bar.addWidget(self.progress, 1)
        bar.addStretch(0)

        # pairs
        self.model = PairTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(1, 240)
        self.table.setColumnWidth(2, 240)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.compare = ComparisonWidget()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.compare)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([230, 470])

        # actions
        self.merge_button = QPushButton(self.tr("Merge"))
        self.merge_button.setToolTip(
            self.tr("Merge record B into record A; record B goes to the trash.")
        )
        self.merge_button.clicked.connect(self.merge_selected)
        self.ignore_button = QPushButton(self.tr("Not a duplicate"))
        self.ignore_button.clicked.connect(self.ignore_selected)
        self.skip_button = QPushButton(self.tr("Skip"))
        self.skip_button.clicked.connect(self.skip)
        self.undo_button = QPushButton(self.tr("Undo merge"))
        self.undo_button.clicked.connect(self.undo_last_merge)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        self.status = QLabel()
        self.status.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.merge_button)
        actions.addWidget(self.ignore_button)
        actions.addWidget(self.skip_button)
        actions.addSpacing(24)
        actions.addWidget(self.undo_button)
        actions.addWidget(self.status, 1)
        actions.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)
        self._update_buttons()

    # ------------------------------------------------------------ search

    @property
    def searching(self) -> bool:
        return self._search is not None

    def start_search(self) -> None:
        if self._search is not None:
            return
        store, entity, min_score = (
            self.store,
            str(self.entity_box.currentData()),
            self.min_score.value(),
        )

        def work(progress: Progress) -> list[DuplicatePair]:
            return ops.read(
                store,
                lambda s: dedup.find_duplicates(
                    s,
                    entity=entity,  # type: ignore[arg-type]
                    min_score=min_score,
                    progress=lambda n, total: progress(n, total),
                ),
            )

        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("Searching…"))
        self.progress.setVisible(True)
        self.status.setText(self.tr("Searching for duplicates…"))
        self._update_buttons()
        self._search = runner().submit(
            work,
            receiver=self,
            on_done=self._on_done,
            on_error=self._on_failed,
            on_progress=self._on_progress,
            name="duplicate search",
        )

    def _on_progress(self, done: int, total: int, _text: str = "") -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat(self.tr("Comparing %p%"))

    def _on_done(self, pairs: list[DuplicatePair]) -> None:
        self._search = None
        self.progress.setVisible(False)
        self.model.set_pairs(pairs)
        if pairs:
            self.status.setText(self.tr("%n possible duplicate(s) found.", "", len(pairs)))
            self.table.selectRow(0)
        else:
            self.status.setText(self.tr("No duplicates found."))
            self.compare.clear()
        self._update_buttons()
        self.search_finished.emit(len(pairs))

    def _on_failed(self, exc: BaseException) -> None:
        self._search = None
        self.progress.setVisible(False)
        self._show_error(exc)
        self._update_buttons()
        self.search_finished.emit(-1)

    # ------------------------------------------------------------ selection

    def current_pair(self) -> DuplicatePair | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.pairs[index.row()]

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()
        if not current.isValid():
            self.compare.clear()
            return
        pair = self.model.pairs[current.row()]
        try:

            def compare(s: Session) -> list[FieldRow]:
                if pair.entity == "person":
                    people = dedup.person_pair(s, pair.a, pair.b)
                    return self._person_rows(people) if people is not None else []
                companies = dedup.company_pair(s, pair.a, pair.b)
                return self._company_rows(companies) if companies is not None else []

            rows = ops.read(self.store, compare)
        except CrmError as exc:
            self._show_error(exc)
            return
        left = self.tr("A (kept): %1").replace("%1", pair.a_name or f"#{pair.a}")
        right = self.tr("B: %1").replace("%1", pair.b_name or f"#{pair.b}")
        self.compare.show_rows(rows, left, right)

    def _update_buttons(self) -> None:
        has_pair = self.current_pair() is not None and not self.searching
        self.merge_button.setEnabled(has_pair)
        self.ignore_button.setEnabled(has_pair)
        self.skip_button.setEnabled(has_pair)
        self.undo_button.setEnabled(bool(self.undo_ids) and not self.searching)
        self.search_button.setEnabled(not self.searching)

    # ------------------------------------------------------------ actions

    def merge_selected(self) -> int | None:
        """Merge B into A with the chosen values; returns the undo entry id."""
        pair = self.current_pair()
        if pair is None:
            return None
        choices = self.compare.choices()
        try:
            merge_pair = merge.merge_people if pair.entity == "person" else merge.merge_companies
            result = ops.write(
                self.store,
                lambda s: merge_pair(s, pair.a, pair.b, choices, self.clock),
                sender=self,
                changes=Changes.of(pair.entity, pair.a, pair.b, structure=True),
            )
        except CrmError as exc:
            self._show_error(exc)
            return None
        self.undo_ids.append(result.undo_id)
        row = self.table.currentIndex().row()
        gone = {pair.a, pair.b}
        self.model.remove_where(
            lambda p: not (p.entity == pair.entity and (p.a in gone or p.b in gone))
        )
        self.status.setText(
            self.tr("Merged “%1” into “%2”.").replace("%1", pair.b_name).replace("%2", pair.a_name)
        )
        self._select_row(row)
        self.merged.emit(pair.a, pair.b)
        return result.undo_id

    def ignore_selected(self) -> None:
        pair = self.current_pair()
        if pair is None:
            return
        row = self.table.currentIndex().row()
        try:
            ops.write(self.store, lambda s: dedup.ignore_pair(s, pair.entity, pair.a, pair.b))
        except CrmError as exc:
            self._show_error(exc)
            return
        self.model.remove_where(lambda p: p is not pair)
        self.status.setText(self.tr("The pair will not be suggested again."))
        self._select_row(row)

    def skip(self) -> None:
        row = self.table.currentIndex().row()
        if self.model.rowCount() == 0:
            return
        self._select_row((row + 1) % self.model.rowCount())

    def undo_last_merge(self) -> None:
        if not self.undo_ids:
            return
        undo_id = self.undo_ids[-1]
        try:
            ops.write(  # the entry Edit → Undo would take back
                self.store,
                lambda s: undo_registry.undo(s, undo_id, self.clock),
                sender=self,
                changes=lambda undone: undone.changes,
            )
        except CrmError as exc:
            self._show_error(exc)
            return
        self.undo_ids.pop()
        self.status.setText(self.tr("The merge was undone."))
        self._update_buttons()
        self.start_search()

    def _select_row(self, row: int) -> None:
        count = self.model.rowCount()
        if count == 0:
            self.table.clearSelection()
            self.table.setCurrentIndex(QModelIndex())
            self.compare.clear()
        else:
            self.table.selectRow(min(row, count - 1))
        self._update_buttons()

    def _show_error(self, exc: BaseException) -> None:
        if isinstance(exc, CrmError):
            self.status.setText(translate_error(exc))
        else:  # a bug: logged with its traceback, never its text on screen
            self.status.setText(
                self.tr("The search failed: %1").replace("%1", error_label_text(exc))
            )
        self.status.setStyleSheet("color: #b00020;")

    # ------------------------------------------------------------ field rows

    def _person_labels(self) -> dict[str, str]:
        return {
            "salutation": self.tr("Salutation"),
            "title": self.tr("Title"),
            "given_name": self.tr("Given name"),
            "family_name": self.tr("Family name"),
            "nickname": self.tr("Nickname"),
            "birth_date": self.tr("Birth date"),
            "position": self.tr("Position"),
            "company_id": self.tr("Company"),
            "department_id": self.tr("Department"),
            "reports_to_id": self.tr("Reports to"),
            "occupation": self.tr("Occupation"),
            "marital_status": self.tr("Marital status"),
            "hobbies": self.tr("Hobbies"),
            "profile_fields": self.tr("Profile"),
            "consent": self.tr("Marketing consent"),
            "contact_interval_days": self.tr("Contact every … days"),
            "contact_interval_kind": self.tr("Contact by"),
            "priority": self.tr("Priority"),
            "payment_terms": self.tr("Payment terms"),
            "owner": self.tr("Owner"),
            "vcard_uid": self.tr("vCard UID"),
            "photo": self.tr("Photo"),
            "notes": self.tr("Notes"),
        }

    def _company_labels(self) -> dict[str, str]:
        return {
            "name": self.tr("Name"),
            "legal_form": self.tr("Legal form"),
            "parent_id": self.tr("Parent company"),
            "status": self.tr("Status"),
            "status_reason": self.tr("Status reason"),
            "customer_since": self.tr("Customer since"),
            "priority": self.tr("Priority"),
            "website": self.tr("Website"),
            "vat_id": self.tr("VAT id"),
            "register_court": self.tr("Register court"),
            "register_number": self.tr("Register number"),
            "managing_directors": self.tr("Managing directors"),
            "payment_terms": self.tr("Payment terms"),
            "owner": self.tr("Owner"),
            "notes": self.tr("Notes"),
        }

    def _text(self, names: dict[tuple[str, int], str], key: str, value: Any) -> str:
        if value is None or value == "" or value == {}:
            return ""
        if key in dedup.REFERENCE_FIELDS:
            return names.get((key, value), f"#{value}")
        if isinstance(value, dt.datetime):
            return format_datetime(value)
        if isinstance(value, dt.date):
            return format_date(value)
        if isinstance(value, bytes):
            return self.tr("photo (%1 KB)").replace("%1", str(max(1, len(value) // 1024)))
        if isinstance(value, dict):
            return "; ".join(f"{k}: {v}" for k, v in sorted(value.items()))
        if hasattr(value, "value") and not isinstance(value, (int, str)):
            return enum_label(value)
        return " ".join(str(value).split()) if key != "notes" else str(value).strip()

    def _consent_text(self, p: Person) -> str:
        if p.consent_marketing and p.consent_at is not None:
            return self.tr("yes, since %1").replace("%1", format_date(p.consent_at.date()))
        if p.consent_withdrawn_at is not None:
            return self.tr("withdrawn on %1").replace(
                "%1", format_date(p.consent_withdrawn_at.date())
            )
        return self.tr("no") if p.consent_marketing is False and p.consent_at else ""

    def _person_rows(self, pair: dedup.PersonPair) -> list[FieldRow]:
        a, b, names = pair.a, pair.b, pair.names
        labels = self._person_labels()
        rows: list[FieldRow] = []
        for key in merge.PERSON_FIELDS:
            if key == "consent":
                left, right = self._consent_text(a), self._consent_text(b)
            else:
                left, right = (
                    self._text(names, key, getattr(a, key)),
                    self._text(names, key, getattr(b, key)),
                )
            if not left and not right:
                continue
            rows.append(FieldRow(key, labels[key], left, right))
        rows += [
            FieldRow(
                "phones",
                self.tr("Phones"),
                ", ".join(format_phone(p.number) for p in a.phones),
                ", ".join(format_phone(p.number) for p in b.phones),
                choosable=False,
            ),
            FieldRow(
                "emails",
                self.tr("E-mails"),
                ", ".join(e.address for e in a.emails),
                ", ".join(e.address for e in b.emails),
                choosable=False,
            ),
            FieldRow(
                "addresses",
                self.tr("Addresses"),
                "\n".join(x.one_line() for x in a.addresses),
                "\n".join(x.one_line() for x in b.addresses),
                choosable=False,
            ),
            FieldRow(
                "tags",
                self.tr("Tags"),
                ", ".join(t.name for t in a.tags),
                ", ".join(t.name for t in b.tags),
                choosable=False,
            ),
        ]
        return [r for r in rows if r.left or r.right]

    def _company_rows(self, pair: dedup.CompanyPair) -> list[FieldRow]:
        a, b, names = pair.a, pair.b, pair.names
        labels = self._company_labels()
        rows = [
            FieldRow(
                key,
                labels[key],
                self._text(names, key, getattr(a, key)),
                self._text(names, key, getattr(b, key)),
            )
            for key in merge.COMPANY_FIELDS
        ]
        rows += [
            FieldRow(
                "phones",
                self.tr("Phones"),
                ", ".join(format_phone(p.number) for p in a.phones),
                ", ".join(format_phone(p.number) for p in b.phones),
                choosable=False,
            ),
            FieldRow(
                "emails",
                self.tr("E-mails"),
                ", ".join(e.address for e in a.emails),
                ", ".join(e.address for e in b.emails),
                choosable=False,
            ),
            FieldRow(
                "addresses",
                self.tr("Addresses"),
                "\n".join(x.one_line() for x in a.addresses),
                "\n".join(x.one_line() for x in b.addresses),
                choosable=False,
            ),
            FieldRow(
                "people",
                self.tr("People"),
                ", ".join(p.full_name for p in a.people if p.deleted_at is None),
                ", ".join(p.full_name for p in b.people if p.deleted_at is None),
                choosable=False,
            ),
        ]
        return [r for r in rows if r.left or r.right]
