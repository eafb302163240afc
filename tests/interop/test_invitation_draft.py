"""An invitation as an unsent .eml draft: the calendar goes with the mail (RFC 6047)."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
from email.message import EmailMessage

import icalendar

from crm_desktop.interop import ical, mail, maildraft

START = dt.datetime(2026, 12, 15, 9, 0, tzinfo=dt.UTC)


def _draft(method: ical.Method = "REQUEST") -> bytes:
    item = ical.CalendarItem(
        uid="crm-appt-42@example.org",
        summary="Wartung Backofen",
        start=START,
        end=START + dt.timedelta(hours=1),
        location="Bäckerei Größl, Obermarkt 5, Görlitz",
    )
    organizer = ical.Participant("max@example.org", "Max Mustermann")
    guests = [ical.Participant("lena.groessl@baeckerei-groessl.de", "Lena Größl")]
    ics = ical.invitation(item, organizer, guests, method)
    return maildraft.invitation_draft(
        organizer,
        guests,
        "Einladung: Wartung Backofen",
        "Hallo Frau Größl,\n\nich lade Sie ein.\n\nViele Grüße\nMax Mustermann",
        ics,
        method=method,
        now=dt.datetime(2026, 12, 7, 10, tzinfo=dt.UTC),
    )


def test_draft_opens_as_unsent_message_with_the_calendar_inside() -> None:
    raw = _draft()
    assert b"\r\n" in raw and b"\n\n" not in raw.replace(b"\r\n", b"")  # CRLF throughout
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    assert msg["X-Unsent"] == "1"
    assert msg["To"].addresses[0].display_name == "Lena Größl"
    assert msg["From"].addresses[0].addr_spec == "max@example.org"
    assert msg.get_content_type() == "multipart/mixed"
    alternative = next(p for p in msg.walk() if p.get_content_type() == "multipart/alternative")
    kinds = [p.get_content_type() for p in alternative.iter_parts()]
    assert kinds == ["text/plain", "text/calendar"]
    calendar_part = next(
        p for p in alternative.iter_parts() if p.get_content_type() == "text/calendar"
    )
    assert calendar_part.get_param("method") == "REQUEST"
    cal = icalendar.Calendar.from_ical(calendar_part.get_content())
    assert str(cal["METHOD"]) == "REQUEST"
    event = cal.walk("VEVENT")[0]
    assert str(event["UID"]) == "crm-appt-42@example.org"
    assert "ORGANIZER" in event and "ATTENDEE" in event
    (attachment,) = list(msg.iter_attachments())
    assert attachment.get_filename() == "invite.ics"
    assert attachment.get_payload(decode=True) == calendar_part.get_content().encode("utf-8")


def test_our_own_mail_reader_sees_text_and_attachment() -> None:
    read = mail.read_eml(_draft("CANCEL"))
    assert read.subject == "Einladung: Wartung Backofen"
    assert read.text.startswith("Hallo Frau Größl,")
    assert [a.filename for a in read.attachments] == ["invite.ics"]
    assert b"METHOD:CANCEL" in read.attachments[0].data
