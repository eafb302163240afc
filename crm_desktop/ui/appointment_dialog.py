"""Appointments with external participants: create, invite, move, cancel.

:class:`AppointmentDialog` edits one appointment: title, start and end in local
time (or all day), location, the linked person, a description and the list of
participants (picked from the people in the store by name or typed as an
address). "Save and send invitation" writes the iTIP invitation
(``METHOD:REQUEST``) as ``<data folder>/invitations/<uid>.ics`` and opens the
user's mail program with a ``mailto:`` link to the participants. A mail link
cannot carry attachments, so the mail text names the file and a message offers
to open its folder.

Editing a stored appointment and changing its time moves it (SEQUENCE + 1) and
offers to send an update; "Cancel appointment" cancels it and sends a
``METHOD:CANCEL`` message. The mail program is opened through
:meth:`AppointmentDialog.open_mail` and questions go through
:meth:`AppointmentDialog.confirm`, both replaceable (tests, scripted use).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QSettings,
    QStringListModel,
    Qt,
    QTime,
    QTimer,
    QTimeZone,
    QUrl,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import Clock, SystemClock, local_to_utc, local_zone, to_local
from crm_desktop.config import resolve_paths
from crm_desktop.data.models import Appointment, AppointmentStatus
from crm_desktop.data.store import Store
from crm_desktop.errors import CrmError, ValidationError
from crm_desktop.interop import ical
from crm_desktop.services import calendar as cal
from crm_desktop.services import pickers, validation
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops
from crm_desktop.ui.errors import show_error
from crm_desktop.ui.format import date_format, datetime_format, format_date, format_time
from crm_desktop.ui.forms import (
    FORM_STYLE,
    Banner,
    ErrorRouter,
    FormPage,
    RecordCombo,
    card_errors,
    people_source,
    plain_text,
    save_with_errors,
    set_invalid,
    shortcut,
)
from crm_desktop.ui.i18n import QT_TRANSLATE_NOOP, translate_error

Method = Literal["REQUEST", "CANCEL"]

log = logging.getLogger(__name__)

SETTING_NAME = "invitations/organizer_name"
SETTING_EMAIL = "invitations/organizer_email"

EMAIL_ROLE = Qt.ItemDataRole.UserRole + 1
COL_NAME, COL_EMAIL, COL_ANSWER = range(3)

_PARTSTAT_LABELS = {
    "NEEDS-ACTION": QT_TRANSLATE_NOOP("AppointmentDialog", "no answer yet"),
    "ACCEPTED": QT_TRANSLATE_NOOP("AppointmentDialog", "accepted"),
    "DECLINED": QT_TRANSLATE_NOOP("AppointmentDialog", "declined"),
    "TENTATIVE": QT_TRANSLATE_NOOP("AppointmentDialog", "tentative"),
    "DELEGATED": QT_TRANSLATE_NOOP("AppointmentDialog", "delegated"),
}


# ---------------------------------------------------------------- helpers


def _qdatetime(local: dt.datetime) -> QDateTime:
    """A wall-clock time for a QDateTimeEdit, kept in a neutral zone (UTC) so that the
    machine's own DST rules never shift what the user typed."""
    return QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute), QTimeZone.utc()
    )


def _wall_clock(edit: QDateTimeEdit) -> dt.datetime:
    d, t = edit.date(), edit.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def next_full_hour(now: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """The next full hour after ``now`` as a naive local wall-clock time."""
    local = to_local(now, zone).replace(tzinfo=None)
    return local.replace(minute=0, second=0, microsecond=0) + dt.timedelta(hours=1)


def invitation_file(data_dir: Path, uid: str) -> Path:
    """``<data folder>/invitations/<uid>.ics`` (characters a file name cannot hold
    replaced, for UIDs that came from other programs)."""
    safe = re.sub(r"[^A-Za-z0-9@._-]", "_", uid).strip(".") or "invitation"
    return data_dir / "invitations" / f"{safe[:200]}.ics"


def parse_participant(text: str, known: dict[str, ical.Participant]) -> ical.Participant:
    """A participant from what was typed: a completer entry, "Name <address>" or an
    address. Raises ValidationError (field "attendees") for a bad address."""
    text = text.strip()
    if text in known:
        return known[text]
    name, addr = email.utils.parseaddr(text)
    if not addr or "@" not in addr:
        name, addr = "", text
    address = validation.normalize_email(addr, field="attendees")
    return ical.Participant(email=address, name=name.strip().strip('"'))


@dataclass(frozen=True)
class Saved:
    """What one save did (read inside its unit of work)."""

    appointment_id: int
    uid: str
    created: bool
    moved: bool
    changed: bool
    has_attendees: bool
    file: Path | None = None


# ---------------------------------------------------------------- the dialog


class AppointmentDialog(QDialog):
    """Create or edit an appointment, and invite its participants by e-mail."""

    def __init__(
        self,
        store: Store,
        appointment_id: int | None = None,
        person_id: int | None = None,
        clock: Clock | None = None,
        parent: QWidget | None = None,
        *,
        data_dir: Path | None = None,
        settings: Any = None,
        zone: ZoneInfo | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.zone = zone or local_zone()
        self.appointment_id = appointment_id
        self.result_id: int | None = None
        self.data_dir = self._find_data_dir(data_dir, parent)
        self.qsettings = self._find_settings(settings, parent)
        self.last_file: Path | None = None
        self.last_url: str | None = None
        self.last_draft: Path | None = None  # the .eml draft of the last invitation
        self._link_footer = ""
        self._organizer = ical.Participant("")
        self.sent_box: QMessageBox | None = None
        self._status = AppointmentStatus.CONFIRMED
        self._sequence = 0
        self._known: dict[str, ical.Participant] = {}
        self._auto_added: str | None = None
        self._duration = dt.timedelta(hours=1)
        self._initial_times: tuple[dt.datetime, dt.datetime] | None = None
        self._mail_text: tuple[list[ical.Participant], str, str] = ([], "", "")

        self.setObjectName("appointmentDialog")
        self.setWindowTitle(self.tr("New appointment") if appointment_id is None else "")
        self.setStyleSheet(FORM_STYLE)
        lay = QVBoxLayout(self)
        self.banner = Banner(self)
        lay.addWidget(self.banner)
        self.state = QLabel(self)
        self.state.setObjectName("appointmentState")
        self.state.setWordWrap(True)
        self.state.setStyleSheet(
            "QLabel#appointmentState { background: #e8f0fe; border: 1px solid #c6dafc;"
            " border-radius: 4px; padding: 6px; }"
        )
        self.state.hide()
        lay.addWidget(self.state)

        p = self.page = FormPage(self)
        self.title = QLineEdit(p)
        self.title.setObjectName("title")
        self.title.setPlaceholderText(self.tr("e.g. Project meeting"))
        p.add_field("title", self.tr("&Title:"), self.title)

        self.start = self._datetime_edit("start")
        self.end = self._datetime_edit("end")
        self.all_day = QCheckBox(self.tr("A&ll day"), p)
        self.all_day.setObjectName("allDay")
        when = QWidget(p)
        wl = QHBoxLayout(when)
        wl.setContentsMargins(0, 0, 0, 0)
        wl.addWidget(self.start, 1)
        self.until = QLabel(self.tr("to"), when)
        wl.addWidget(self.until)
        wl.addWidget(self.end, 1)
        wl.addSpacing(8)
        wl.addWidget(self.all_day)
        p.add_field("start_at", self.tr("&When:"), when)

        self.location = QLineEdit(p)
        self.location.setObjectName("location")
        self.location.setPlaceholderText(self.tr("Address, room or video link"))
        p.add_field("location", self.tr("&Location:"), self.location)

        self.person = RecordCombo(self.tr("Type a name…"), p)
        self.person.setObjectName("person")
        p.add_field("person_id", self.tr("&Person:"), self.person)

        self.description = plain_text(p, rows=4)
        self.description.setObjectName("description")
        p.add_field("description", self.tr("&Description:"), self.description)

        # participants: a list, and a line to add one (completer over the store's people)
        box = QWidget(p)
        bl = QVBoxLayout(box)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.setSpacing(4)
        self.participants = QTreeWidget(box)
        self.participants.setObjectName("participants")
        self.participants.setColumnCount(3)
        self.participants.setHeaderLabels([self.tr("Name"), self.tr("E-mail"), self.tr("Answer")])
        self.participants.setRootIsDecorated(False)
        self.participants.setUniformRowHeights(True)
        self.participants.setAlternatingRowColors(True)
        self.participants.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.participants.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(120)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_EMAIL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_ANSWER, QHeaderView.ResizeMode.ResizeToContents)
        row_height = self.participants.fontMetrics().lineSpacing() + 8
        self.participants.setFixedHeight(row_height * 4 + header.sizeHint().height() + 4)
        bl.addWidget(self.participants)
        add_row = QHBoxLayout()
        self.participant_edit = QLineEdit(box)
        self.participant_edit.setObjectName("participantEdit")
        self.participant_edit.setPlaceholderText(self.tr("Name of a contact or an e-mail address"))
        self.participant_edit.setClearButtonEnabled(True)
        self._completion = QStringListModel(self)
        completer = QCompleter(self._completion, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setMaxVisibleItems(12)
        self.participant_edit.setCompleter(completer)
        self._participant_timer = QTimer(self)
        self._participant_timer.setSingleShot(True)
        self._participant_timer.setInterval(RecordCombo.DEBOUNCE_MS)
        self._participant_timer.timeout.connect(self._participant_timeout)
        self.participant_edit.textEdited.connect(self._participant_typed)
        self.participant_edit.returnPressed.connect(self.add_typed_participant)
        self.add_button = QPushButton(self.tr("&Add"), box)
        self.add_button.setObjectName("addParticipant")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_typed_participant)
        self.remove_button = QPushButton(self.tr("&Remove"), box)
        self.remove_button.setObjectName("removeParticipant")
        self.remove_button.setAutoDefault(False)
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove_selected_participants)
        self.participants.itemSelectionChanged.connect(
            lambda: self.remove_button.setEnabled(bool(self.participants.selectedItems()))
        )
        shortcut("Delete", self.participants, self.remove_selected_participants,
                 Qt.ShortcutContext.WidgetShortcut)  # fmt: skip
        add_row.addWidget(self.participant_edit, 1)
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.remove_button)
        bl.addLayout(add_row)
        p.add_field("attendees", self.tr("P&articipants:"), box)

        # the user as organizer (remembered for the next invitation)
        self.organizer_heading = p.add_heading(self.tr("You, as the organizer of invitations"))
        self.organizer_page = p
        self.organizer_name = QLineEdit(p)
        self.organizer_name.setObjectName("organizerName")
        self.organizer_name.setPlaceholderText(self.tr("e.g. Thomas Brandt"))
        p.add_field("organizer_name", self.tr("Your &name:"), self.organizer_name)
        self.organizer_email = QLineEdit(p)
        self.organizer_email.setObjectName("organizerEmail")
        self.organizer_email.setPlaceholderText(self.tr("name@example.com"))
        p.add_field("organizer_email", self.tr("Your &e-mail (organizer):"), self.organizer_email)
        lay.addWidget(p)
        lay.addStretch(1)

        # buttons: [Cancel appointment]   ...   [Cancel/Close] [Save] [Save and send]
        self.cancel_appointment_button = QPushButton(self.tr("Cancel a&ppointment…"), self)
        self.cancel_appointment_button.setObjectName("cancelAppointmentButton")
        self.cancel_appointment_button.setVisible(appointment_id is not None)
        self.close_button = QPushButton(
            self.tr("Cancel") if appointment_id is None else self.tr("Close"), self
        )
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setObjectName("saveButton")
        self.send_button = QPushButton(
            self.tr("Save and send &invitation")
            if appointment_id is None
            else self.tr("Save and send &update"),
            self,
        )
        self.send_button.setObjectName("sendButton")
        for button in (
            self.cancel_appointment_button,
            self.close_button,
            self.save_button,
            self.send_button,
        ):
            button.setAutoDefault(False)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self.save())
        self.send_button.clicked.connect(lambda: self.save(send=True))
        self.cancel_appointment_button.clicked.connect(lambda: self.cancel_appointment())
        self.close_button.clicked.connect(self.reject)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut(seq, self, lambda: self.save())
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_appointment_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.send_button)
        lay.addLayout(buttons)

        self.router = ErrorRouter(self.banner)
        self.router.add(self, self.page)

        self.start.dateTimeChanged.connect(self._start_changed)
        self.end.dateTimeChanged.connect(self._end_changed)
        self.all_day.toggled.connect(self._all_day_toggled)
        self.person.currentIndexChanged.connect(self._person_changed)

        self._load_choices(person_id)
        if appointment_id is None:
            start = next_full_hour(self.clock.now(), self.zone)
            self._set_times(start, start + dt.timedelta(hours=1), all_day=False)
            self._person_changed()
        else:
            self._load(appointment_id)
            self._initial_times = self.times()
        self._load_organizer()
        # answers come back only for invitations already sent
        self.participants.setColumnHidden(COL_ANSWER, appointment_id is None)
        self.resize(720, self.sizeHint().height())
        self.title.setFocus()

    # ------------------------------------------------------------ setup

    @staticmethod
    def _find_data_dir(data_dir: Path | None, parent: QWidget | None) -> Path:
        if data_dir is not None:
            return Path(data_dir)
        widget: Any = parent
        while widget is not None:
            found = getattr(widget, "data_dir", None)
            if isinstance(found, Path):
                return found
            widget = widget.parent()
        return resolve_paths().data_dir

    @staticmethod
    def _find_settings(settings: Any, parent: QWidget | None) -> QSettings:
        """The main window's settings.ini (AppSettings), else the application's."""
        if isinstance(settings, QSettings):
            return settings
        if settings is not None and isinstance(getattr(settings, "qsettings", None), QSettings):
            return settings.qsettings  # type: ignore[no-any-return]
        widget: Any = parent
        while widget is not None:
            app_settings = getattr(widget, "settings", None)
            q = getattr(app_settings, "qsettings", None)
            if isinstance(q, QSettings):
                return q
            widget = widget.parent()
        return QSettings()

    def _datetime_edit(self, name: str) -> QDateTimeEdit:
        edit = QDateTimeEdit(self.page)
        edit.setObjectName(name)
        edit.setTimeZone(QTimeZone.utc())
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(datetime_format())
        return edit

    def _load_choices(self, person_id: int | None) -> None:
        chosen = ops.read(self.store, lambda s: pickers.person(s, person_id))
        self.person.set_source(
            people_source(self.store), (chosen.id, chosen.label) if chosen else None
        )
        self._complete_participants()

    def _participant_typed(self, _text: str) -> None:
        self._participant_timer.start()

    def _participant_timeout(self) -> None:
        if self.isVisible():  # a closed dialog searches no more
            self._complete_participants()

    def done(self, result: int) -> None:
        self._participant_timer.stop()
        super().done(result)

    def _complete_participants(self) -> None:
        """Offer the contacts whose name, company or address holds the typed words."""
        text = self.participant_edit.text().strip()
        found = ops.read(self.store, lambda s: pickers.people_with_email(s, text))
        entries: list[str] = []
        for choice, address in found:
            participant = ical.Participant(email=address, name=choice.name)
            entry = f"{choice.label} <{address}>"
            if entry not in self._known:
                self._known[entry] = participant
            entries.append(entry)
        if entries != self._completion.stringList():
            self._completion.setStringList(entries)
            completer = self.participant_edit.completer()
            if completer is not None and text and self.participant_edit.hasFocus():
                completer.complete()

    def _person_participant(self, pid: int) -> ical.Participant | None:

        def read(s: Session) -> tuple[Any, str | None]:
            chosen = pickers.person(s, pid)
            return chosen, pickers.first_email(s, pid) if chosen is not None else None

        chosen, address = ops.read(self.store, read)
        if chosen is None or address is None:
            return None
        return ical.Participant(email=address, name=chosen.name)

    def _load(self, appointment_id: int) -> None:
        def fill(s: Session) -> tuple[tuple[str | None, str | None], bool]:
            ap = cal.get_appointment(s, appointment_id)
            self._status = ap.status
            self._sequence = ap.sequence or 0
            self.title.setText(ap.title)
            self.location.setText(ap.location or "")
            self.description.setPlainText(ap.description or "")
            chosen = pickers.person(s, ap.person_id)
            if chosen is not None:
                self.person.select_record(chosen.id, chosen.label)
            else:
                self.person.set_current_id(None)
            start = to_local(ap.start_at, self.zone).replace(tzinfo=None)
            end = to_local(ap.end_at, self.zone).replace(tzinfo=None)
            self._set_times(start, end, all_day=ap.all_day)
            for participant, partstat in cal.attendee_answers(s, appointment_id):
                self._append(participant, partstat)
            return (ap.organizer_email, ap.organizer_name), ap.source == "import"

        organizer, imported = ops.read(self.store, fill)
        self.setWindowTitle(self.tr("Appointment – {title}").format(title=self.title.text()))
        if organizer[0]:
            self.organizer_email.setText(organizer[0])
            self.organizer_name.setText(organizer[1] or "")
        notes: list[str] = []
        if self._status == AppointmentStatus.CANCELLED:
            notes.append(self.tr("This appointment was cancelled. It can no longer be changed."))
            for w in (self.save_button, self.send_button, self.cancel_appointment_button):
                w.setEnabled(False)
        elif imported:
            notes.append(
                self.tr(
                    "This appointment came from an invitation of {organizer}; changes here "
                    "are not sent to the organizer."
                ).format(organizer=organizer[1] or organizer[0] or self.tr("someone else"))
            )
        if self._sequence:
            notes.append(
                self.tr("Changed since the first invitation (version {n}).").format(
                    n=self._sequence + 1
                )
            )
        if notes:
            self.state.setText("\n".join(notes))
            self.state.show()

    def _load_organizer(self) -> None:
        if not self.organizer_email.text():
            self.organizer_email.setText(str(self.qsettings.value(SETTING_EMAIL, "") or ""))
        if not self.organizer_name.text():
            self.organizer_name.setText(str(self.qsettings.value(SETTING_NAME, "") or ""))

    def _remember_organizer(self) -> None:
        address = self.organizer_email.text().strip()
        if address:
            self.qsettings.setValue(SETTING_EMAIL, address)
        name = self.organizer_name.text().strip()
        if name:
            self.qsettings.setValue(SETTING_NAME, name)
        self.qsettings.sync()

    # ------------------------------------------------------------ times

    def _set_times(self, start: dt.datetime, end: dt.datetime, *, all_day: bool) -> None:
        """Fill the time fields from local wall-clock times; an all-day end is shown
        as the last day (the stored end is the midnight after it)."""
        self.all_day.blockSignals(True)
        self.all_day.setChecked(all_day)
        self.all_day.blockSignals(False)
        self._apply_all_day_format(all_day)
        if all_day:
            last = end - dt.timedelta(days=1) if end > start else start
            end = max(last, start)
        self.start.blockSignals(True)
        self.start.setDateTime(_qdatetime(start))
        self.start.blockSignals(False)
        self.end.blockSignals(True)
        self.end.setDateTime(_qdatetime(end))
        self.end.blockSignals(False)
        self._duration = end - start

    def _apply_all_day_format(self, all_day: bool) -> None:
        fmt = date_format() if all_day else datetime_format()
        self.start.setDisplayFormat(fmt)
        self.end.setDisplayFormat(fmt)

    def _start_changed(self, *_args: Any) -> None:
        # the end moves along, keeping the duration
        end = _wall_clock(self.start) + self._duration
        self.end.blockSignals(True)
        self.end.setDateTime(_qdatetime(end))
        self.end.blockSignals(False)

    def _end_changed(self, *_args: Any) -> None:
        delta = _wall_clock(self.end) - _wall_clock(self.start)
        if delta >= dt.timedelta(0):
            self._duration = delta

    def _all_day_toggled(self, checked: bool) -> None:
        start, end = _wall_clock(self.start), _wall_clock(self.end)
        if checked:
            start = start.replace(hour=0, minute=0)
            end = end.replace(hour=0, minute=0) + dt.timedelta(days=1)
        else:
            start = start.replace(hour=9, minute=0)
            end = start + dt.timedelta(hours=1)
        self._set_times(start, end, all_day=checked)

    def times(self) -> tuple[dt.datetime, dt.datetime]:
        """(start, end) in UTC from the fields."""
        start, end = _wall_clock(self.start), _wall_clock(self.end)
        if self.all_day.isChecked():
            start = start.replace(hour=0, minute=0)
            end = end.replace(hour=0, minute=0) + dt.timedelta(days=1)
        return local_to_utc(start, self.zone), local_to_utc(end, self.zone)

    # ------------------------------------------------------------ participants

    def _append(self, participant: ical.Participant, partstat: str = "") -> None:
        item = QTreeWidgetItem(["", "", ""])
        item.setText(COL_NAME, participant.name)
        item.setText(COL_EMAIL, participant.email)
        item.setData(COL_NAME, EMAIL_ROLE, participant.email)
        answer = _PARTSTAT_LABELS.get(partstat.upper()) if partstat else None
        item.setText(COL_ANSWER, self.tr(answer) if answer else "")
        self.participants.addTopLevelItem(item)

    def attendee_list(self) -> list[ical.Participant]:
        out: list[ical.Participant] = []
        for i in range(self.participants.topLevelItemCount()):
            item = self.participants.topLevelItem(i)
            assert item is not None
            out.append(ical.Participant(email=item.text(COL_EMAIL), name=item.text(COL_NAME)))
        return out

    def has_participant(self, address: str) -> bool:
        return any(p.email.lower() == address.lower() for p in self.attendee_list())

    def add_participant(self, participant: ical.Participant) -> bool:
        """Add to the list; False when the address is there already."""
        if self.has_participant(participant.email):
            return False
        self._append(participant)
        return True

    def add_typed_participant(self) -> bool:
        """Add what the participant line holds; an invalid address shows the inline
        error and stays in the line."""
        self._clear_attendee_error()
        text = self.participant_edit.text().strip()
        if not text:
            return True
        try:
            participant = parse_participant(text, self._known)
        except ValidationError as exc:
            self.show_field_error("attendees", translate_error(exc))
            return False
        self.add_participant(participant)
        self.participant_edit.clear()
        return True

    def remove_selected_participants(self) -> None:
        for item in self.participants.selectedItems():
            index = self.participants.indexOfTopLevelItem(item)
            self.participants.takeTopLevelItem(index)

    def _person_changed(self, *_args: Any) -> None:
        """A new appointment invites its person: their address is added to the list
        (and replaced when another person is chosen, unless the user changed it)."""
        if self.appointment_id is not None:
            return
        if self._auto_added is not None:
            for i in range(self.participants.topLevelItemCount()):
                item = self.participants.topLevelItem(i)
                if item is not None and item.text(COL_EMAIL) == self._auto_added:
                    self.participants.takeTopLevelItem(i)
                    break
            self._auto_added = None
        pid = self.person.current_id()
        participant = self._person_participant(pid) if pid is not None else None
        if participant is not None and self.add_participant(participant):
            self._auto_added = participant.email

    # ErrorTarget for the participant line (the router asks this first)
    def show_field_error(self, key: str, text: str) -> QWidget | None:
        if key != "attendees":
            return None
        self.page.error_label("attendees").add_error(text)
        set_invalid(self.participant_edit, True)
        return self.participant_edit

    def clear_errors(self) -> None:
        self._clear_attendee_error()

    def _clear_attendee_error(self) -> None:
        self.page.error_label("attendees").set_error(None)
        set_invalid(self.participant_edit, False)

    # ------------------------------------------------------------ organizer

    def organizer(self, errors: list[ValidationError], *, required: bool) -> ical.Participant:
        raw = self.organizer_email.text().strip()
        name = self.organizer_name.text().strip()
        if not raw:
            if required:
                errors.append(
                    ValidationError(
                        QT_TRANSLATE_NOOP(
                            "errors", "Enter your e-mail address: invitations are sent from it."
                        ),
                        field="organizer_email",
                    )
                )
            return ical.Participant(email="", name=name)
        try:
            address = validation.normalize_email(raw, field="organizer_email")
        except ValidationError as exc:
            errors.append(exc)
            return ical.Participant(email="", name=name)
        return ical.Participant(email=address, name=name, role="CHAIR")

    # ------------------------------------------------------------ saving

    def _pre_errors(self, *, send: bool) -> tuple[list[ValidationError], ical.Participant]:
        errors = card_errors(
            {
                "title": self.title.text(),
                "location": self.location.text(),
                "description": self.description.toPlainText(),
            }
        )
        if self.person.is_unmatched():
            errors.append(
                ValidationError(
                    QT_TRANSLATE_NOOP(
                        "errors", "There is no person “{name}”. Pick one from the list."
                    ),
                    field="person_id",
                    name=self.person.currentText().strip(),
                )
            )
        text = self.participant_edit.text().strip()
        if text:
            try:
                self.add_participant(parse_participant(text, self._known))
                self.participant_edit.clear()
            except ValidationError as exc:
                errors.append(exc)
        if send and not self.attendee_list() and not text:
            errors.append(
                ValidationError(
                    QT_TRANSLATE_NOOP("errors", "An invitation needs at least one attendee."),
                    field="attendees",
                )
            )
        organizer = self.organizer(errors, required=send)
        start, end = self.times()
        if end < start:
            errors.append(
                ValidationError(
                    QT_TRANSLATE_NOOP("errors", "The end lies before the start."),
                    field="start_at",
                )
            )
        return errors, organizer

    def save(self, *, send: bool = False) -> int | None:
        """Save (and with ``send`` invite or update the participants); the id, or None
        when nothing was saved (the errors are shown inline)."""
        if self._status == AppointmentStatus.CANCELLED:
            return None
        pre, organizer = self._pre_errors(send=send)
        start, end = self.times()
        attendees = self.attendee_list()
        details: dict[str, Any] = {
            "title": self.title.text(),
            "location": self.location.text().strip() or None,
            "description": self.description.toPlainText().strip(),
            "person_id": self.person.current_id(),
            "all_day": self.all_day.isChecked(),
        }

        def work(session: Session, errors: list[ValidationError]) -> Saved | None:
            if errors:
                return None
            if self.appointment_id is None:
                ap = cal.new_appointment(
                    session,
                    clock=self.clock,
                    start_at=start,
                    end_at=end,
                    organizer=organizer,
                    attendees=attendees,
                    owner=self.store.owner or None,
                    **details,
                )
                created, moved, changed = True, False, True
            else:
                ap = cal.get_appointment(session, self.appointment_id)
                created = False
                moved = (start, end) != self._initial_times
                changed = cal.edit_appointment(
                    session,
                    ap.id,
                    clock=self.clock,
                    move_to=(start, end) if moved else None,
                    organizer=organizer if organizer.email else None,
                    attendees=attendees,
                    **details,
                )
            ap = cal.stored(session, ap.id)
            path = self._write_invitation(session, ap, organizer, "REQUEST") if send else None
            return Saved(
                appointment_id=ap.id,
                uid=ap.uid,
                created=created,
                moved=moved,
                changed=changed or moved,
                has_attendees=bool(attendees),
                file=path,
            )

        try:
            saved = save_with_errors(self.store, self.router, work, pre)
        except OSError as exc:
            self.banner.set_message(
                self.tr("The invitation file could not be written: {detail}").format(
                    detail=exc.strerror or str(exc)
                )
            )
            return None
        if saved is None:
            return None
        self._remember_organizer()
        self.result_id = saved.appointment_id
        if saved.file is not None:
            self._mail(saved, "REQUEST", update=not saved.created)
        elif (
            not saved.created
            and saved.changed
            and saved.has_attendees
            and organizer.email
            and self.confirm(
                self.tr("Send update"),
                self.tr(
                    "The appointment changed. Send an update to the participants, so that "
                    "their calendars show the new version?"
                ),
            )
        ):
            self.send(saved.appointment_id, "REQUEST")
        self.accept()
        return saved.appointment_id

    def cancel_appointment(self) -> bool:
        """Cancel the stored appointment and send the cancellation to the participants."""
        if self.appointment_id is None or self._status == AppointmentStatus.CANCELLED:
            return False
        attendees = self.attendee_list()
        errors: list[ValidationError] = []
        organizer = self.organizer(errors, required=bool(attendees))
        if errors:
            self.router.clear()
            self.router.show(errors)
            return False
        question = (
            self.tr("Cancel this appointment? The participants get a cancellation by e-mail.")
            if attendees
            else self.tr("Cancel this appointment?")
        )
        if not self.confirm(self.tr("Cancel appointment"), question):
            return False
        appointment_id = self.appointment_id

        def work(session: Session, _errors: list[ValidationError]) -> Saved:
            ap = cal.call_off(
                session,
                appointment_id,
                self.clock,
                organizer=organizer if organizer.email else None,
            )
            ap = cal.stored(session, ap.id)
            path = self._write_invitation(session, ap, organizer, "CANCEL") if attendees else None
            return Saved(ap.id, ap.uid, False, False, True, bool(attendees), path)

        try:
            saved = save_with_errors(self.store, self.router, work)
        except OSError as exc:
            self.banner.set_message(
                self.tr("The cancellation file could not be written: {detail}").format(
                    detail=exc.strerror or str(exc)
                )
            )
            return False
        if saved is None:
            return False
        self._remember_organizer()
        self._status = AppointmentStatus.CANCELLED
        self.result_id = saved.appointment_id
        if saved.file is not None:
            self._mail(saved, "CANCEL", update=True)
        self.accept()
        return True

    def send(self, appointment_id: int, method: Method = "REQUEST") -> Path | None:
        """Write the invitation (or cancellation) of a stored appointment and open the
        mail program; the file written, or None when it could not be."""
        errors: list[ValidationError] = []
        organizer = self.organizer(errors, required=True)
        if errors:
            self.router.show(errors)
            return None
        try:

            def write_file(s: Session) -> Saved:
                ap = cal.get_appointment(s, appointment_id)
                path = self._write_invitation(s, ap, organizer, method)
                return Saved(ap.id, ap.uid, False, False, True, True, path)

            saved = ops.read(self.store, write_file)
            path = saved.file
        except CrmError as exc:
            show_error(self, exc, title=self.tr("Invitation"))
            return None
        except OSError as exc:  # the file could not be written: the system's reason
            QMessageBox.warning(self, self.tr("Invitation"), exc.strerror or str(exc))
            return None
        self._mail(saved, method, update=True)
        return path

    # ------------------------------------------------------------ invitation and mail

    def _write_invitation(
        self, session: Session, ap: Appointment, organizer: ical.Participant, method: Method
    ) -> Path:
        attendees = cal.attendees_of(session, ap.id)
        data = cal.invitation(
            ap,
            organizer,
            attendees,
            method,
            zone=self.zone,
            stamp=self.clock.now(),
            translate=lambda text: QCoreApplication.translate("ical", text),
        )
        path = invitation_file(self.data_dir, ap.uid)
        cal._atomic_write(path, data)
        self.last_file = path
        self._mail_text = self._mail_parts(ap, attendees, organizer, method, path)
        return path

    def _when_text(self, ap: Appointment) -> str:
        locale = QLocale()
        start = to_local(ap.start_at, self.zone)
        weekday = locale.dayName(start.isoweekday(), QLocale.FormatType.ShortFormat)
        day = f"{weekday} {format_date(start.date())}"
        if ap.all_day:
            last = (to_local(ap.end_at, self.zone) - dt.timedelta(days=1)).date()
            if last > start.date():
                return self.tr("{first} to {last} (all day)").format(
                    first=day, last=format_date(last)
                )
            return self.tr("{day} (all day)").format(day=day)
        end = to_local(ap.end_at, self.zone)
        if end.date() != start.date():
            return f"{day} {format_time(ap.start_at, self.zone)} – " + (
                f"{format_date(end.date())} {format_time(ap.end_at, self.zone)}"
            )
        return f"{day}, {format_time(ap.start_at, self.zone)}–{format_time(ap.end_at, self.zone)}"

    def _mail_parts(
        self,
        ap: Appointment,
        attendees: list[ical.Participant],
        organizer: ical.Participant,
        method: Method,
        path: Path,
    ) -> tuple[list[ical.Participant], str, str]:
        if method == "CANCEL":
            subject = self.tr("Cancelled: {title}").format(title=ap.title)
            intro = self.tr("unfortunately I have to cancel the following appointment:")
        elif (ap.sequence or 0) > 0:
            subject = self.tr("Updated: {title}").format(title=ap.title)
            intro = self.tr("the following appointment has changed:")
        else:
            subject = self.tr("Invitation: {title}").format(title=ap.title)
            intro = self.tr("I would like to invite you to the following appointment:")
        lines = [self.tr("Hello,"), "", intro, "", ap.title, self.tr("When: {when}").format(
            when=self._when_text(ap))]  # fmt: skip
        if ap.location:
            lines.append(self.tr("Where: {location}").format(location=ap.location))
        lines += ["", self.tr("Kind regards")]
        if organizer.name:
            lines.append(organizer.name)
        # only a mail link needs this: the draft carries the calendar itself
        self._link_footer = "\n".join(
            [
                "",
                "-- ",
                self.tr(
                    "Please attach the calendar file {file} before sending (an e-mail link "
                    "cannot attach files itself); with it the recipients add the appointment "
                    "to their calendar with one click."
                ).format(file=str(path)),
            ]
        )
        self._organizer = organizer
        return attendees, subject, "\n".join(lines)

    def _mail(self, saved: Saved, method: Method, *, update: bool) -> None:
        """Write the invitation as an unsent e-mail draft with the calendar inside and
        open it in the mail program; "Use a mail link instead" stays for programs that
        do not open drafts."""
        from crm_desktop.interop.maildraft import invitation_draft

        attendees, subject, body = self._mail_text
        self.last_url = ical.mailto_url(attendees, subject, body + self._link_footer)
        assert saved.file is not None
        draft = saved.file.with_suffix(".eml")
        data = invitation_draft(
            self._organizer,
            attendees,
            subject,
            body,
            saved.file.read_bytes(),
            method=method,
            now=self.clock.now(),
        )
        try:
            cal._atomic_write(draft, data)
        except OSError as exc:  # the disk is full: the mail link still works
            log.warning("invitation draft not written: %s", exc)
            self.last_draft = None
            self.open_mail(self.last_url)
        else:
            self.last_draft = draft
            self.open_draft(draft)
        self.show_file(saved.file, method)

    def open_draft(self, path: Path) -> None:
        """Open the draft ``.eml`` in the user's mail program (replaced in tests)."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def open_mail(self, url: str) -> None:
        """Open the user's mail program with a new message (replaced in tests)."""
        QDesktopServices.openUrl(QUrl(url))

    def confirm(self, title: str, text: str) -> bool:
        """Ask a yes/no question (replaced in tests and scripted use)."""
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def show_file(self, path: Path, method: Method) -> QMessageBox:
        """Tell where the calendar file is, with "Open folder" (not blocking: the
        dialog closes while the message stays)."""
        owner = self.parentWidget()
        box = QMessageBox(owner)
        box.setObjectName("invitationSent")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Cancellation") if method == "CANCEL" else self.tr("Invitation"))
        if self.last_draft is not None:
            box.setText(
                self.tr(
                    "Your mail program opens the message to the participants as a draft, "
                    "with the calendar file inside: check it and send it. (Thunderbird "
                    "shows it as a received message: choose “Edit as New Message”, "
                    "Ctrl+E.) If nothing opens, use a mail link and attach the calendar "
                    "file:"
                )
            )
        else:
            box.setText(
                self.tr(
                    "Your mail program opens a new message to the participants. Please "
                    "attach the calendar file before sending:"
                )
            )
        box.setInformativeText(str(path))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if self.last_draft is not None:
            link = box.addButton(
                self.tr("Use a mail link instead"), QMessageBox.ButtonRole.ActionRole
            )
            link.clicked.connect(lambda: self.open_mail(self.last_url or ""))
        folder = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Ok)
        folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.show()
        self.sent_box = box
        return box


def open_appointment(
    store: Store,
    appointment_id: int | None = None,
    *,
    person_id: int | None = None,
    clock: Clock | None = None,
    parent: QWidget | None = None,
) -> int | None:
    """Run the dialog modally; the id saved (None when cancelled)."""
    dialog = AppointmentDialog(
        store, appointment_id=appointment_id, person_id=person_id, clock=clock, parent=parent
    )
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.result_id
    return None


__all__ = [
    "AppointmentDialog",
    "invitation_file",
    "next_full_hour",
    "open_appointment",
    "parse_participant",
]
