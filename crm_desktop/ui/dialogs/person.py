"""The person dialog and its duplicate bar."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.data.store import Store
from crm_desktop.errors import (
    CrmError,
)
from crm_desktop.services import editing, lookups
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.dialogs.base import _Dialog
from crm_desktop.ui.dialogs.person_form import PersonForm
from crm_desktop.ui.format import format_date
from crm_desktop.ui.i18n import translate_error

# ---------------------------------------------------------------- person and duplicates


class DuplicateBar(QFrame):
    """ "Max Müller, born 01.03.1970, already exists — Open / Merge / Create anyway"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateBar")
        self.setStyleSheet(
            "QFrame#duplicateBar { background: #fff4e5; border: 1px solid #f0c36d;"
            " border-radius: 4px; }"
        )
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        icon = QLabel(self)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(20, 20)
        )
        lay.addWidget(icon)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        lay.addWidget(self.label, 1)
        self.open_button = QPushButton(self.tr("Open e&xisting"), self)
        self.merge_button = QPushButton(self.tr("M&erge"), self)
        self.merge_button.setToolTip(
            self.tr("Save the new data into the existing person (one record instead of two)")
        )
        self.create_button = QPushButton(self.tr("&Create anyway"), self)
        for b in (self.open_button, self.merge_button, self.create_button):
            b.setAutoDefault(False)
            lay.addWidget(b)
        self.hide()


class PersonDialog(_Dialog):
    """Create or edit a person. While a new person is typed, a duplicate check runs
    (when the duplicate service is installed) and offers to open or merge."""

    openExisting = Signal(int)

    DEDUP_DELAY_MS = 300

    def __init__(
        self,
        store: Store,
        person_id: int | None = None,
        company_id: int | None = None,
        department_id: int | None = None,
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.opened_existing = False
        self.merged = False
        self.duplicate_ids: list[int] = []
        self._acknowledged: set[int] = set()
        self.setWindowTitle(self.tr("New person") if person_id is None else self.tr("Edit person"))
        lay = QVBoxLayout(self)
        self.duplicate_bar = DuplicateBar(self)
        lay.addWidget(self.duplicate_bar)
        self.form = PersonForm(store, self.clock, self)
        self.form.load(person_id, company_id=company_id, department_id=department_id)
        lay.addWidget(self.form, 1)
        lay.addWidget(self.buttons)
        self.resize(800, 640)

        self._dedup_timer = QTimer(self)
        self._dedup_timer.setSingleShot(True)
        self._dedup_timer.setInterval(self.DEDUP_DELAY_MS)
        self._dedup_timer.timeout.connect(self.check_duplicates)
        self.duplicate_bar.open_button.clicked.connect(self._open_existing)
        self.duplicate_bar.merge_button.clicked.connect(self._merge)
        self.duplicate_bar.create_button.clicked.connect(self._create_anyway)
        if person_id is None and self._check_function() is not None:
            self.form.identityChanged.connect(self._dedup_timer.start)
        self.form.given.setFocus()

    # -- duplicate check

    @staticmethod
    def _check_function() -> Callable[..., Any] | None:
        from crm_desktop.services.dedup import check_new_person

        return check_new_person

    @staticmethod
    def _merge_function() -> Callable[..., Any] | None:
        from crm_desktop.services.merge import merge_people

        return merge_people

    def check_duplicates(self) -> list[int]:
        """Run the duplicate check now; shows or hides the warning bar."""
        self._dedup_timer.stop()
        check = self._check_function()
        if check is None or self.form.person_id is not None:
            return []
        given, family, birth, emails, phones = self.form.identity()
        if not (given or family or emails or phones):
            self._show_duplicates([])
            return []
        live = ops.read(
            self.store,
            lambda s: editing.possible_duplicates(
                s, given, family, birth_date=birth, emails=emails, phones=phones, check=check
            ),
        )
        self._show_duplicates(live)
        return self.duplicate_ids

    def _show_duplicates(self, people: list[lookups.PersonCard]) -> None:
        self.duplicate_ids = [p.id for p in people]
        fresh = [p for p in people if p.id not in self._acknowledged]
        bar = self.duplicate_bar
        if not fresh:
            bar.hide()
            return
        first = fresh[0]
        name = first.full_name
        if first.birth_date is not None:
            text = self.tr("{name}, born {date}, already exists.").format(
                name=name, date=format_date(first.birth_date)
            )
        else:
            text = self.tr("{name} already exists.").format(name=name)
        details = []
        if first.company_name is not None:
            details.append(first.company_name)
        if first.email:
            details.append(first.email)
        if details:
            text += " (" + ", ".join(details) + ")"
        if len(fresh) > 1:
            text += " " + self.tr("{count} more similar people.").format(count=len(fresh) - 1)
        bar.label.setText(text)
        bar.merge_button.setVisible(self._merge_function() is not None)
        bar.show()

    def _first_duplicate(self) -> int | None:
        fresh = [pid for pid in self.duplicate_ids if pid not in self._acknowledged]
        return fresh[0] if fresh else None

    def _open_existing(self) -> None:
        pid = self._first_duplicate()
        if pid is None:
            return
        self.opened_existing = True
        self.openExisting.emit(pid)
        self.accept_with(pid)

    def _create_anyway(self) -> None:
        self._acknowledged.update(self.duplicate_ids)
        self.duplicate_bar.hide()
        self.save()

    def _merge(self) -> None:
        keep = self._first_duplicate()
        merge = self._merge_function()
        if keep is None or merge is None:
            return

        def after(session: Session, new_id: int) -> None:
            params = inspect.signature(merge).parameters
            kwargs: dict[str, Any] = {}
            if "clock" in params:
                kwargs["clock"] = self.clock
            merge(session, keep, new_id, **kwargs)

        self._acknowledged.update(self.duplicate_ids)
        if self._save_person(after) is not None:
            self.merged = True
            self.result_id = keep
            self.accept()

    # -- saving

    def _save_person(self, after: Callable[[Session, int], None] | None = None) -> int | None:
        try:
            return self.form.save(after)
        except CrmError as exc:  # the merge refused: nothing was saved
            self.form.banner.set_message(translate_error(exc))
            return None

    def save(self) -> None:
        if self.form.person_id is None and self._dedup_timer.isActive():
            self.check_duplicates()
        if self.form.person_id is None and self._first_duplicate() is not None:
            # a possible duplicate must be answered first (open, merge or create anyway)
            self.duplicate_bar.create_button.setFocus()
            return
        rid = self._save_person()
        if rid is not None:
            self.accept_with(rid)
