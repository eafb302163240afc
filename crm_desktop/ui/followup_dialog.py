"""Plan a follow-up (Aktivitäten → Wiedervorlage planen): who, when, what — nothing else.

Planning a call is not a call: the dialog writes only the follow-up
(:func:`crm_desktop.services.followups.create_followup`), so "Letzter Kontakt" and the
contact intervals stay as they are. It rings for its owner (the signed-in user) like
every follow-up; ``saved`` carries the change record.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, SystemClock, local_to_utc, local_zone, to_local
from crm_desktop.data.models import ActivityKind
from crm_desktop.data.store import Store
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import CrmError, ValidationError
from crm_desktop.services import followups
from crm_desktop.services.changes import Changes
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.errors import error_label_text, show_error
from crm_desktop.ui.format import datetime_format
from crm_desktop.ui.forms import EnumCombo, RecordCombo, people_source, person_choice

FOLLOWUP_KINDS = (
    ActivityKind.CALL,
    ActivityKind.MEETING,
    ActivityKind.VISIT,
    ActivityKind.EMAIL,
    ActivityKind.LETTER,
    ActivityKind.NOTE,
)


class FollowupDialog(QDialog):
    """A follow-up for a person; ``saved(Changes)`` after saving."""

    saved = Signal(object)

    def __init__(
        self,
        store: Store,
        person_id: int | None = None,
        *,
        clock: Clock | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock or SystemClock()
        self.zone = local_zone()
        self.result_id: int | None = None
        self.setObjectName("followupDialog")
        self.setWindowTitle(self.tr("Plan a follow-up"))
        self.resize(520, 260)
        chosen = (
            ops.read(store, lambda s: person_choice(s, person_id))
            if person_id is not None
            else None
        )
        self.person = RecordCombo(None, self)
        self.person.set_source(people_source(store), chosen)
        self.person.lineEdit().setPlaceholderText(  # type: ignore[union-attr]
            self.tr("Who expects it? Type a name")
        )
        self.when = QDateTimeEdit(self)
        self.when.setTimeZone(QTimeZone.utc())  # a wall-clock time, see dialogs._qdatetime
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(datetime_format())
        tomorrow = (to_local(self.clock.now(), self.zone) + dt.timedelta(days=1)).replace(
            hour=9, minute=0, second=0, microsecond=0
        )
        self.when.setDateTime(
            QDateTime(
                QDate(tomorrow.year, tomorrow.month, tomorrow.day),
                QTime(tomorrow.hour, tomorrow.minute),
                QTimeZone.utc(),
            )
        )
        self.kind = EnumCombo(ActivityKind, parent=self)
        for i in reversed(range(self.kind.count())):  # what one plans to do next
            if self.kind.itemData(i) not in FOLLOWUP_KINDS:
                self.kind.removeItem(i)
        self.kind.set_value(ActivityKind.CALL)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("What about? e.g. ask about the offer"))
        self.note.setMaxLength(500)
        form = QFormLayout()
        form.addRow(self.tr("&Person"), self.person)
        form.addRow(self.tr("&When"), self.when)
        form.addRow(self.tr("&As"), self.kind)
        form.addRow(self.tr("&Note"), self.note)
        hint = QLabel(
            self.tr("Only the follow-up is saved; no call is logged and the last contact stays."),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        self.error = QLabel(self)
        self.error.setObjectName("followupError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        (self.note if chosen is not None else self.person).setFocus()

    def save(self) -> None:
        pid = self.person.chosen_id()
        if pid is None:
            self._refused(
                ValidationError(
                    QT_TRANSLATE_NOOP("errors", "Choose the person the follow-up is for.")
                )
            )
            return
        d, t = self.when.date(), self.when.time()
        due = local_to_utc(
            dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()), self.zone
        )
        kind = self.kind.value() or ActivityKind.CALL
        note, owner = self.note.text(), self.store.owner

        def work(s: Session) -> tuple[int, int | None]:
            fu = followups.plan(
                s, due_at=due, kind=kind, note=note, person_id=pid, owner=owner, clock=self.clock
            )
            return fu.id, fu.company_id

        try:
            fid, company_id = ops.write(self.store, work)
        except CrmError as exc:
            self._refused(exc)
            return
        except Exception as exc:  # a bug: the crash dialog and the log
            show_error(self, exc)
            return
        self.result_id = fid
        self.saved.emit(
            Changes.of("followup", fid, structure=True)
            | Changes.of("person", pid)
            | Changes.of("company", company_id)
        )
        self.accept()

    def _refused(self, exc: CrmError) -> None:
        self.error.setText(error_label_text(exc))
        self.error.show()


__all__ = ["FollowupDialog"]
