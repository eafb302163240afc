"""The appointment dialog driven through its widgets: create with participants, send the
invitation (a real .ics file, parsed back with icalendar), move (update), cancel, bad
addresses; and its place in the main window and the agenda."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import os
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import icalendar
import pytest
from PySide6.QtCore import QDate, QDateTime, QLocale, QSettings, Qt, QTime, QTimer, QTimeZone
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QToolButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Appointment, AppointmentStatus, appointment_attendees
from crm_desktop.data.store import Store
from crm_desktop.interop import ical
from crm_desktop.services import calendar as cal
from crm_desktop.services import contacts
from crm_desktop.services.contacts import CompanyInput, EmailInput, PersonInput
from crm_desktop.ui.appointment_dialog import (
    AppointmentDialog,
    invitation_file,
    next_full_hour,
    parse_participant,
)
from tests.ui import test_detail_panes as panes
from tests.ui.test_detail_panes import save_shot, type_text

_template_db = panes._template_db
fast_store = panes.fast_store

BERLIN = "Europe/Berlin"


@pytest.fixture(autouse=True)
def german_locale() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(before)


@dataclass
class People:
    company: int
    anna: int
    jonas: int


def make_people(store: Store, clock: FixedClock) -> People:
    with store.session() as s:
        comp = contacts.create_company(s, CompanyInput(name="Schreinerei Vogt", legal_form="GmbH"))
        anna = contacts.create_person(
            s,
            PersonInput(
                given_name="Anna",
                family_name="Schäfer",
                company_id=comp.id,
                emails=[EmailInput("anna.schaefer@schreinerei-vogt.de")],
            ),
            clock=clock,
        )
        jonas = contacts.create_person(
            s,
            PersonInput(
                given_name="Jonas",
                family_name="Weiß",
                company_id=comp.id,
                emails=[EmailInput("j.weiss@schreinerei-vogt.de")],
            ),
            clock=clock,
        )
        return People(comp.id, anna.id, jonas.id)


class Mails:
    """Catches what the dialog would hand to the mail program: the draft it opens and,
    for each message, the mail link its "Use a mail link instead" button would open."""

    def __init__(self) -> None:
        self.urls: list[str] = []
        self.drafts: list[Path] = []
        self.dialog: AppointmentDialog | None = None

    def __call__(self, url: str) -> None:
        self.urls.append(url)

    def draft(self, path: Path) -> None:
        self.drafts.append(path)
        assert self.dialog is not None and self.dialog.last_url is not None
        self.urls.append(self.dialog.last_url)  # one message offered: its link beside it

    def last(self) -> tuple[list[str], dict[str, str]]:
        url = self.urls[-1]
        assert url.startswith("mailto:")
        to, _, query = url[len("mailto:") :].partition("?")
        params = {k: v[0] for k, v in urllib.parse.parse_qs(query).items()}
        return [urllib.parse.unquote(a) for a in to.split(",")], params


def dialog(
    qtbot: QtBot,
    store: Store,
    clock: FixedClock,
    tmp_path: Path,
    mails: Mails,
    answers: list[bool] | None = None,
    **kwargs: object,
) -> AppointmentDialog:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    dlg = AppointmentDialog(
        store,
        clock=clock,
        data_dir=tmp_path / "data",
        settings=settings,
        **kwargs,  # type: ignore[arg-type]
    )
    qtbot.addWidget(dlg)
    dlg.open_mail = mails  # type: ignore[method-assign]
    dlg.open_draft = mails.draft  # type: ignore[method-assign]
    mails.dialog = dlg
    questions: list[str] = []
    replies = list(answers or [])

    def confirm(title: str, text: str) -> bool:
        questions.append(text)
        return replies.pop(0) if replies else False

    dlg.confirm = confirm  # type: ignore[method-assign]
    dlg.questions = questions  # type: ignore[attr-defined]
    return dlg


def read_ics(path: Path) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(path.read_bytes())


def attendee_rows(store: Store, appointment_id: int) -> list[tuple[str, str, int | None]]:
    t = appointment_attendees
    with store.reader() as s:
        rows = s.execute(
            select(t.c.email, t.c.name, t.c.person_id)
            .where(t.c.appointment_id == appointment_id)
            .order_by(t.c.id)
        ).all()
    return [(r[0], r[1], r[2]) for r in rows]


def set_local(edit: object, when: dt.datetime) -> None:
    edit.setDateTime(  # type: ignore[attr-defined]
        QDateTime(
            QDate(when.year, when.month, when.day), QTime(when.hour, when.minute), QTimeZone.utc()
        )
    )


@pytest.fixture(autouse=True)
def _no_message_left_open(qapp: QApplication) -> Iterator[None]:
    """The non-blocking "invitation sent" messages close with their test."""
    yield
    for w in QApplication.topLevelWidgets():
        if w.objectName() == "invitationSent":
            w.close()


def close_sent_box(dlg: AppointmentDialog) -> None:
    if dlg.sent_box is not None:
        dlg.sent_box.close()


# ---------------------------------------------------------------- unit helpers


def test_helpers_next_hour_file_name_and_typed_participants(tmp_path: Path) -> None:
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(BERLIN)
    assert next_full_hour(dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC), zone) == dt.datetime(
        2026, 11, 23, 11, 0
    )
    assert next_full_hour(dt.datetime(2026, 11, 23, 9, 41, tzinfo=dt.UTC), zone) == dt.datetime(
        2026, 11, 23, 11, 0
    )
    assert invitation_file(tmp_path, "abc-1@crm-desktop") == (
        tmp_path / "invitations" / "abc-1@crm-desktop.ics"
    )
    assert invitation_file(tmp_path, "x/../y z").parent == tmp_path / "invitations"
    known = {"Anna – Firma <a@firma.de>": ical.Participant("a@firma.de", "Anna")}
    assert parse_participant("Anna – Firma <a@firma.de>", known).name == "Anna"
    assert parse_participant("Jörg Groß <JOERG@Example.ORG>", {}) == ical.Participant(
        "JOERG@example.org", "Jörg Groß"
    )
    assert parse_participant(" mailto:info@beispiel.de ", {}).email == "info@beispiel.de"
    with pytest.raises(Exception, match="valid e-mail"):
        parse_participant("anna@@beispiel", {})


# ---------------------------------------------------------------- create and invite


def test_create_with_two_participants_and_send_the_invitation(
    qtbot: QtBot, store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    people = make_people(store, clock)
    mails = Mails()
    dlg = dialog(qtbot, store, clock, tmp_path, mails, person_id=people.anna)
    dlg.show()
    # defaults: the next full hour (10:00 in Berlin now → 11:00), one hour long
    assert dlg.start.dateTime().toString("dd.MM.yyyy HH:mm") == "23.11.2026 11:00"
    assert dlg.end.dateTime().toString("dd.MM.yyyy HH:mm") == "23.11.2026 12:00"
    # the linked person is invited already
    assert [p.email for p in dlg.attendee_list()] == ["anna.schaefer@schreinerei-vogt.de"]

    type_text(qtbot, dlg.title, "Aufmaß Küche Schäfer")
    type_text(qtbot, dlg.location, "Hauptstraße 5, 72070 Tübingen")
    set_local(dlg.start, dt.datetime(2026, 11, 25, 14, 30))  # the end moves along
    assert dlg.end.dateTime().toString("HH:mm") == "15:30"
    # a contact by name through the completer text, then confirm with Enter
    dlg.participant_edit.setFocus()
    type_text(
        qtbot, dlg.participant_edit, "Jonas Weiß – Schreinerei Vogt <j.weiss@schreinerei-vogt.de>"
    )
    qtbot.keyClick(dlg.participant_edit, Qt.Key.Key_Return)
    assert len(dlg.attendee_list()) == 2 and dlg.participant_edit.text() == ""
    assert dlg.attendee_list()[1] == ical.Participant("j.weiss@schreinerei-vogt.de", "Jonas Weiß")
    # the same address twice stays one participant
    type_text(qtbot, dlg.participant_edit, "J.Weiss@schreinerei-vogt.de")
    dlg.add_button.click()
    assert len(dlg.attendee_list()) == 2
    type_text(qtbot, dlg.organizer_name, "Thomas Brandt")
    type_text(qtbot, dlg.organizer_email, "info@brandt-kuechen.de")

    dlg.send_button.click()
    assert dlg.result() == QDialog.DialogCode.Accepted and dlg.result_id is not None
    aid = dlg.result_id
    with store.reader() as s:
        ap = cal.get_appointment(s, aid)
        assert ap.title == "Aufmaß Küche Schäfer"
        assert ap.location == "Hauptstraße 5, 72070 Tübingen"
        assert ap.person_id == people.anna and ap.company_id == people.company
        assert ap.start_at == dt.datetime(2026, 11, 25, 13, 30, tzinfo=dt.UTC)
        assert ap.end_at == dt.datetime(2026, 11, 25, 14, 30, tzinfo=dt.UTC)
        assert (ap.organizer_email, ap.organizer_name) == (
            "info@brandt-kuechen.de",
            "Thomas Brandt",
        )
        assert ap.sequence == 0 and ap.status == AppointmentStatus.CONFIRMED
        uid = ap.uid
    assert attendee_rows(store, aid) == [
        ("anna.schaefer@schreinerei-vogt.de", "Anna Schäfer", people.anna),
        ("j.weiss@schreinerei-vogt.de", "Jonas Weiß", people.jonas),
    ]

    # the invitation file: METHOD:REQUEST, organizer, both attendees
    path = tmp_path / "data" / "invitations" / f"{uid}.ics"
    assert dlg.last_file == path and path.exists()
    parsed = read_ics(path)
    assert str(parsed["METHOD"]) == "REQUEST"
    event = parsed.walk("VEVENT")[0]
    assert str(event["UID"]) == uid and int(event["SEQUENCE"]) == 0
    assert str(event["ORGANIZER"]) == "mailto:info@brandt-kuechen.de"
    assert event["ORGANIZER"].params["CN"] == "Thomas Brandt"
    attendees = event["ATTENDEE"]
    assert sorted(str(a) for a in attendees) == [
        "mailto:anna.schaefer@schreinerei-vogt.de",
        "mailto:j.weiss@schreinerei-vogt.de",
    ]
    assert all(a.params["RSVP"] == "TRUE" for a in attendees)
    assert event.decoded("DTSTART") == dt.datetime(2026, 11, 25, 13, 30, tzinfo=dt.UTC)
    assert str(event.decoded("DTSTART").tzinfo) == BERLIN
    assert not list(path.parent.glob("*.tmp"))  # atomic write leaves no temp file

    # the mail: both addresses, subject, and a body that names the file
    to, params = mails.last()
    assert to == ["anna.schaefer@schreinerei-vogt.de", "j.weiss@schreinerei-vogt.de"]
    assert params["subject"] == "Invitation: Aufmaß Küche Schäfer"
    assert str(path) in params["body"]
    assert "Hauptstraße 5, 72070 Tübingen" in params["body"] and "25.11.2026" in params["body"]
    assert "Thomas Brandt" in params["body"]
    # the draft the mail program opens: unsent, to both, with the calendar inside
    (draft,) = mails.drafts
    assert draft == path.with_suffix(".eml") and dlg.last_draft == draft
    msg = email.message_from_bytes(draft.read_bytes(), policy=email.policy.default)
    assert msg["X-Unsent"] == "1" and msg["Subject"] == "Invitation: Aufmaß Küche Schäfer"
    assert [a.addr_spec for a in msg["To"].addresses] == to
    parts = {p.get_content_type(): p for p in msg.walk()}
    assert parts["text/calendar"].get_param("method") == "REQUEST"
    assert "Thomas Brandt" in parts["text/plain"].get_content()
    assert str(path) not in parts["text/plain"].get_content()  # nothing to attach by hand
    assert [a.get_filename() for a in msg.iter_attachments()] == ["invite.ics"]
    # the message tells where the file is; a mail link and "Open folder" stay at hand
    assert dlg.sent_box is not None and dlg.sent_box.informativeText() == str(path)
    assert "as a draft" in dlg.sent_box.text()
    names = [b.text() for b in dlg.sent_box.buttons()]
    assert "Open folder" in names and "Use a mail link instead" in names
    before = len(mails.urls)
    next(b for b in dlg.sent_box.buttons() if b.text() == "Use a mail link instead").click()
    assert len(mails.urls) == before + 1 and mails.urls[-1].startswith("mailto:")
    close_sent_box(dlg)

    # the organizer is remembered for the next appointment
    again = dialog(qtbot, store, clock, tmp_path, Mails())
    assert again.organizer_email.text() == "info@brandt-kuechen.de"
    assert again.organizer_name.text() == "Thomas Brandt"


def test_plain_save_sends_nothing_and_invitation_needs_attendees_and_organizer(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    mails = Mails()
    dlg = dialog(qtbot, fast_store, clock, tmp_path, mails)
    type_text(qtbot, dlg.title, "Steuerberater Quartalsgespräch")
    # sending without participants and without own address: both shown inline
    dlg.send_button.click()
    assert dlg.result_id is None and mails.urls == []
    assert dlg.page.error_label("attendees").text() == "An invitation needs at least one attendee."
    assert "Enter your e-mail address" in dlg.organizer_page.error_label("organizer_email").text()
    with fast_store.reader() as s:
        assert s.scalar(select(func.count()).select_from(Appointment)) == 0
    # a plain save needs neither
    dlg.save_button.click()
    assert dlg.result_id is not None and mails.urls == []
    assert not (tmp_path / "data" / "invitations").exists()
    assert attendee_rows(fast_store, dlg.result_id) == []


def test_all_day_appointment_is_stored_as_whole_days(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    dlg = dialog(qtbot, fast_store, clock, tmp_path, Mails())
    type_text(qtbot, dlg.title, "Messe Holz-Handwerk Nürnberg")
    dlg.all_day.setChecked(True)
    assert dlg.start.displayFormat() == "dd.MM.yyyy"
    set_local(dlg.start, dt.datetime(2027, 3, 16))
    set_local(dlg.end, dt.datetime(2027, 3, 19))
    dlg.save_button.click()
    assert dlg.result_id is not None
    with fast_store.reader() as s:
        ap = cal.get_appointment(s, dlg.result_id)
        assert ap.all_day
        assert ap.start_at == dt.datetime(2027, 3, 15, 23, 0, tzinfo=dt.UTC)
        assert ap.end_at == dt.datetime(2027, 3, 19, 23, 0, tzinfo=dt.UTC)  # midnight after
    # opened again, the last day shows as the end
    again = dialog(qtbot, fast_store, clock, tmp_path, Mails(), appointment_id=dlg.result_id)
    assert again.all_day.isChecked()
    assert again.end.dateTime().toString("dd.MM.yyyy") == "19.03.2027"


# ---------------------------------------------------------------- bad input


def test_bad_address_shows_inline_error_and_saves_nothing(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    people = make_people(fast_store, clock)
    mails = Mails()
    dlg = dialog(qtbot, fast_store, clock, tmp_path, mails, person_id=people.anna)
    dlg.show()
    type_text(qtbot, dlg.title, "Abnahme Einbauschrank")
    type_text(qtbot, dlg.participant_edit, "kunde@@beispiel")
    dlg.save_button.click()
    error = dlg.page.error_label("attendees")
    assert error.isVisible() and "“kunde@@beispiel” is not a valid e-mail address." in error.text()
    assert dlg.participant_edit.property("invalid") is True
    assert dlg.participant_edit.text() == "kunde@@beispiel"  # kept for correcting
    assert dlg.result_id is None and dlg.isVisible() and mails.urls == []
    with fast_store.reader() as s:
        assert s.scalar(select(func.count()).select_from(Appointment)) == 0
    # Enter in the line shows the same error; a bad organizer address too
    qtbot.keyClick(dlg.participant_edit, Qt.Key.Key_Return)
    assert "not a valid e-mail address" in error.text()
    dlg.participant_edit.clear()
    type_text(qtbot, dlg.organizer_email, "ich bei brandt.de")
    dlg.send_button.click()
    assert "not a valid e-mail address" in dlg.organizer_page.error_label("organizer_email").text()
    with fast_store.reader() as s:
        assert s.scalar(select(func.count()).select_from(Appointment)) == 0
    # corrected: saved, the error gone
    dlg.organizer_email.setText("ich@brandt-kuechen.de")
    type_text(qtbot, dlg.participant_edit, "kunde@beispiel.de")
    dlg.save_button.click()
    assert dlg.result_id is not None and not error.isVisible()
    assert [r[0] for r in attendee_rows(fast_store, dlg.result_id)] == [
        "anna.schaefer@schreinerei-vogt.de",
        "kunde@beispiel.de",
    ]


# ---------------------------------------------------------------- move, update, cancel


def _stored(store: Store, clock: FixedClock, people: People) -> int:
    with store.session() as s:
        ap = cal.create_appointment(
            s,
            title="Beratung Badsanierung",
            start_at=dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC),
            end_at=dt.datetime(2026, 11, 26, 10, 0, tzinfo=dt.UTC),
            location="Werkstatt",
            person_id=people.anna,
        )
        cal.set_attendees(
            s,
            ap.id,
            [
                ical.Participant("anna.schaefer@schreinerei-vogt.de", "Anna Schäfer"),
                ical.Participant("j.weiss@schreinerei-vogt.de", "Jonas Weiß"),
            ],
        )
        ap.organizer_email, ap.organizer_name = "info@brandt-kuechen.de", "Thomas Brandt"
        return ap.id


def test_move_gives_sequence_one_and_sends_an_update(
    qtbot: QtBot, store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    people = make_people(store, clock)
    aid = _stored(store, clock, people)
    mails = Mails()
    dlg = dialog(qtbot, store, clock, tmp_path, mails, [True], appointment_id=aid)
    assert dlg.windowTitle() == "Appointment – Beratung Badsanierung"
    assert dlg.send_button.text() == "Save and send &update"
    assert dlg.organizer_email.text() == "info@brandt-kuechen.de"
    assert dlg.start.dateTime().toString("dd.MM.yyyy HH:mm") == "26.11.2026 10:00"
    set_local(dlg.start, dt.datetime(2026, 11, 27, 15, 0))
    dlg.save_button.click()  # the time changed: an update is offered
    assert dlg.questions == [  # type: ignore[attr-defined]
        "The appointment changed. Send an update to the participants, so that their "
        "calendars show the new version?"
    ]
    with store.reader() as s:
        ap = cal.get_appointment(s, aid)
        assert ap.sequence == 1
        assert ap.start_at == dt.datetime(2026, 11, 27, 14, 0, tzinfo=dt.UTC)
        assert ap.end_at == dt.datetime(2026, 11, 27, 15, 0, tzinfo=dt.UTC)
        uid = ap.uid
    event = read_ics(invitation_file(tmp_path / "data", uid))
    assert str(event["METHOD"]) == "REQUEST"
    ev = event.walk("VEVENT")[0]
    assert int(ev["SEQUENCE"]) == 1 and str(ev["UID"]) == uid
    assert ev.decoded("DTSTART") == dt.datetime(2026, 11, 27, 14, 0, tzinfo=dt.UTC)
    assert len(ev["ATTENDEE"]) == 2
    to, params = mails.last()
    assert len(to) == 2 and params["subject"] == "Updated: Beratung Badsanierung"
    close_sent_box(dlg)

    # opened again and saved unchanged: no new version, no question
    same = dialog(qtbot, store, clock, tmp_path, mails, [True], appointment_id=aid)
    assert "(version 2)" in same.state.text()
    same.save_button.click()
    assert same.questions == [] and len(mails.urls) == 1  # type: ignore[attr-defined]
    with store.reader() as s:
        assert cal.get_appointment(s, aid).sequence == 1

    # a new place is a change the participants see too; declining the update sends nothing
    other = dialog(qtbot, store, clock, tmp_path, mails, [False], appointment_id=aid)
    other.location.setText("Beim Kunden, Hauptstraße 5")
    other.save_button.click()
    assert len(other.questions) == 1 and len(mails.urls) == 1  # type: ignore[attr-defined]
    with store.reader() as s:
        ap = cal.get_appointment(s, aid)
        assert ap.sequence == 2 and ap.location == "Beim Kunden, Hauptstraße 5"


def test_cancel_sends_method_cancel(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    people = make_people(fast_store, clock)
    aid = _stored(fast_store, clock, people)
    mails = Mails()
    # "no" first: nothing happens
    dlg = dialog(qtbot, fast_store, clock, tmp_path, mails, [False, True], appointment_id=aid)
    assert dlg.cancel_appointment_button.isVisible() or not dlg.isVisible()
    assert dlg.cancel_appointment() is False
    with fast_store.reader() as s:
        assert cal.get_appointment(s, aid).status == AppointmentStatus.CONFIRMED
    dlg.cancel_appointment_button.click()
    assert dlg.result() == QDialog.DialogCode.Accepted
    with fast_store.reader() as s:
        ap = cal.get_appointment(s, aid)
        assert ap.status == AppointmentStatus.CANCELLED and ap.sequence == 1
        uid = ap.uid
    parsed = read_ics(invitation_file(tmp_path / "data", uid))
    assert str(parsed["METHOD"]) == "CANCEL"
    ev = parsed.walk("VEVENT")[0]
    assert str(ev["STATUS"]) == "CANCELLED" and int(ev["SEQUENCE"]) == 1
    assert str(ev["ORGANIZER"]) == "mailto:info@brandt-kuechen.de"
    assert len(ev["ATTENDEE"]) == 2
    to, params = mails.last()
    assert to == ["anna.schaefer@schreinerei-vogt.de", "j.weiss@schreinerei-vogt.de"]
    assert params["subject"] == "Cancelled: Beratung Badsanierung"
    close_sent_box(dlg)

    # a cancelled appointment opens read-only
    again = dialog(qtbot, fast_store, clock, tmp_path, mails, appointment_id=aid)
    assert not again.save_button.isEnabled() and not again.cancel_appointment_button.isEnabled()
    assert "cancelled" in again.state.text()
    assert again.save() is None


# ---------------------------------------------------------------- main window and agenda


def test_main_window_action_and_agenda_double_click_open_the_dialog(
    qtbot: QtBot, sqlite_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    from crm_desktop.ui.agenda import AgendaWidget
    from crm_desktop.ui.main_window import MainWindow
    from crm_desktop.ui.settings_dialog import AppSettings

    people = make_people(sqlite_store, clock)
    with sqlite_store.session() as s:
        aid = cal.create_appointment(
            s,
            title="Montage Küche",
            start_at=dt.datetime(2026, 11, 23, 13, 0, tzinfo=dt.UTC),
            end_at=dt.datetime(2026, 11, 23, 15, 0, tzinfo=dt.UTC),
            person_id=people.jonas,
        ).id
    win = MainWindow(
        sqlite_store, AppSettings(tmp_path / "settings.ini"), clock=clock, data_dir=tmp_path
    )
    qtbot.addWidget(win)
    action = win.actions_by_name["new_appointment"]
    activities = [m for m in win.menuBar().findChildren(QMenu) if m.title() == "&Activities"]
    assert activities and action in activities[0].actions()
    new_button = win.findChild(QToolButton, "newButton")
    assert new_button is not None and action in new_button.menu().actions()

    opened: list[AppointmentDialog] = []

    def close_modal() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, AppointmentDialog):
            opened.append(modal)
            modal.reject()
        else:
            QTimer.singleShot(20, close_modal)

    QTimer.singleShot(0, close_modal)
    action.trigger()
    assert len(opened) == 1 and opened[0].appointment_id is None
    assert opened[0].data_dir == tmp_path

    win.show_view("agenda")
    agenda = win.pages["agenda"]
    assert isinstance(agenda, AgendaWidget)
    key = ("appointment", aid)
    assert key in agenda.row_keys()
    with qtbot.waitSignal(agenda.appointmentActivated) as sig:
        QTimer.singleShot(0, close_modal)
        # a double-click sends doubleClicked and activated: one dialog only
        agenda.view.doubleClicked.emit(agenda.index_of(key, 1))
        agenda.view.activated.emit(agenda.index_of(key, 1))
    assert sig.args == [aid]
    qtbot.waitUntil(lambda: len(opened) == 2)
    QApplication.processEvents()
    assert len(opened) == 2 and opened[1].appointment_id == aid
    assert opened[1].title.text() == "Montage Küche"
    win.tasks.wait(5000)


# ---------------------------------------------------------------- screenshot


def test_screenshot_with_realistic_german_data(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    people = make_people(fast_store, clock)
    with fast_store.session() as s:
        comp = contacts.create_company(
            s, CompanyInput(name="Küchenstudio Müller & Partner", legal_form="GmbH")
        )
        contacts.create_person(
            s,
            PersonInput(
                given_name="Jürgen",
                family_name="Müller-Lüdenscheidt",
                company_id=comp.id,
                emails=[EmailInput("j.mueller@kuechenstudio-mueller.de")],
            ),
            clock=clock,
        )
    dlg = dialog(qtbot, fast_store, clock, tmp_path, Mails(), person_id=people.anna)
    dlg.title.setText("Aufmaß und Beratung Einbauküche")
    set_local(dlg.start, dt.datetime(2026, 11, 25, 14, 30))
    set_local(dlg.end, dt.datetime(2026, 11, 25, 16, 0))
    dlg.location.setText("Hauptstraße 5, 72070 Tübingen")
    dlg.description.setPlainText(
        "Bitte Grundriss und Fotos der Anschlüsse mitbringen.\nParkplatz im Hof, Klingel „Schäfer“."
    )
    dlg.add_participant(ical.Participant("j.weiss@schreinerei-vogt.de", "Jonas Weiß"))
    dlg.add_participant(
        ical.Participant("j.mueller@kuechenstudio-mueller.de", "Jürgen Müller-Lüdenscheidt")
    )
    dlg.organizer_name.setText("Thomas Brandt")
    dlg.organizer_email.setText("info@brandt-kuechen.de")
    dlg.participant_edit.setText("kunde@@beispiel")
    dlg.show()
    dlg.add_typed_participant()  # shows the inline error in the picture
    qtbot.waitExposed(dlg)
    path = save_shot(dlg, "appointment.png", tmp_path)
    assert path.stat().st_size > 10_000
    if os.environ.get("CRM_SHOTS_DIR"):
        assert path.parent == Path(os.environ["CRM_SHOTS_DIR"])


def test_screenshot_of_a_moved_appointment_with_answers(
    qtbot: QtBot, fast_store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    people = make_people(fast_store, clock)
    aid = _stored(fast_store, clock, people)
    with fast_store.session() as s:
        cal.move_appointment(
            s,
            aid,
            dt.datetime(2026, 11, 27, 14, 0, tzinfo=dt.UTC),
            dt.datetime(2026, 11, 27, 15, 30, tzinfo=dt.UTC),
        )
        s.execute(
            appointment_attendees.update()
            .where(appointment_attendees.c.email == "j.weiss@schreinerei-vogt.de")
            .values(partstat="ACCEPTED")
        )
    dlg = dialog(qtbot, fast_store, clock, tmp_path, Mails(), appointment_id=aid)
    dlg.show()
    qtbot.waitExposed(dlg)
    answers = [
        dlg.participants.topLevelItem(i).text(2)  # type: ignore[union-attr]
        for i in range(dlg.participants.topLevelItemCount())
    ]
    assert answers == ["no answer yet", "accepted"]
    assert dlg.cancel_appointment_button.isVisible() and dlg.close_button.text() == "Close"
    save_shot(dlg, "appointment_edit.png", tmp_path)


def test_service_update_and_attendees_keep_answers(store: Store, clock: FixedClock) -> None:
    from crm_desktop.errors import ConflictError, ValidationError

    people = make_people(store, clock)
    aid = _stored(store, clock, people)
    with store.session() as s:
        s.execute(
            appointment_attendees.update()
            .where(appointment_attendees.c.email == "j.weiss@schreinerei-vogt.de")
            .values(partstat="ACCEPTED")
        )
    with store.session() as s:
        # same addresses (other case), nothing else changed: no new version
        changed = cal.update_appointment(
            s,
            aid,
            title="Beratung Badsanierung",
            location="Werkstatt",
            person_id=people.anna,
            attendees=[
                ical.Participant("J.Weiss@schreinerei-vogt.de", "Jonas Weiß"),
                ical.Participant("anna.schaefer@schreinerei-vogt.de", "Anna Schäfer"),
            ],
        )
        assert changed is False and cal.get_appointment(s, aid).sequence == 0
    t = appointment_attendees
    with store.reader() as s:
        result = s.execute(select(t.c.email, t.c.partstat).where(t.c.appointment_id == aid))
        rows = {str(e): str(p) for e, p in result}
    assert rows["J.Weiss@schreinerei-vogt.de"] == "ACCEPTED"
    with store.session() as s:
        changed = cal.update_appointment(
            s,
            aid,
            title="Beratung Badsanierung",
            location="Werkstatt",
            person_id=people.jonas,
            attendees=[ical.Participant("neu@beispiel.de")],
        )
        ap = cal.get_appointment(s, aid)
        assert changed and ap.sequence == 1 and ap.person_id == people.jonas
    assert attendee_rows(store, aid) == [("neu@beispiel.de", "", None)]
    with pytest.raises(ValidationError), store.session() as s:
        cal.update_appointment(s, aid, title="  ")
    with store.session() as s:
        cal.cancel_appointment(s, aid)
    with pytest.raises(ConflictError), store.session() as s:
        cal.update_appointment(s, aid, title="Neu")
