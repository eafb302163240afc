"""An invitation as an unsent e-mail draft (``.eml``) that mail programs open ready to send.

A ``mailto:`` link cannot carry the calendar file, so the user had to attach it by
hand. This writes the whole message instead, the way Outlook and Exchange send a
meeting request (RFC 6047, iMIP): ``multipart/mixed`` holding ``multipart/alternative``
(the text for people, ``text/calendar; method=REQUEST`` for the calendar) and the same
calendar as an ``invite.ics`` attachment for programs that look only at attachments.
``X-Unsent: 1`` makes Outlook and Apple Mail open the file as a draft to send; in
Thunderbird "Edit as new message" (Ctrl+E) does the same.

Pure (no Qt, no database): the standard library's :mod:`email` writes the MIME.
"""

from __future__ import annotations

import datetime as dt
import email.policy
import email.utils
from collections.abc import Sequence
from email.headerregistry import Address
from email.message import EmailMessage

from crm_desktop.interop.ical import Method, Participant


def _address(p: Participant) -> Address:
    local, _, domain = p.email.partition("@")
    return Address(display_name=p.name or "", username=local, domain=domain)


def invitation_draft(
    organizer: Participant,
    attendees: Sequence[Participant],
    subject: str,
    body: str,
    ics: bytes,
    *,
    method: Method = "REQUEST",
    now: dt.datetime | None = None,
    filename: str = "invite.ics",
) -> bytes:
    """The bytes of an ``.eml`` draft carrying the invitation ``ics`` (CRLF line ends)."""
    msg = EmailMessage(policy=email.policy.SMTP)
    if organizer.email:
        msg["From"] = _address(organizer)
    msg["To"] = [_address(a) for a in attendees]
    msg["Subject"] = subject
    msg["Date"] = email.utils.format_datetime(now or dt.datetime.now(dt.UTC))
    domain = organizer.email.partition("@")[2] or "crm-desktop.invalid"
    msg["Message-ID"] = email.utils.make_msgid(domain=domain)
    msg["X-Unsent"] = "1"
    msg["MIME-Version"] = "1.0"
    text = body.replace("\r\n", "\n")
    calendar = ics.decode("utf-8")
    alternative = EmailMessage(policy=email.policy.SMTP)
    alternative.set_content(text, subtype="plain", charset="utf-8")
    alternative.add_alternative(
        calendar, subtype="calendar", charset="utf-8", params={"method": method}
    )
    msg.make_mixed()
    msg.attach(alternative)
    msg.add_attachment(
        ics, maintype="application", subtype="ics", filename=filename, params={"method": method}
    )
    return msg.as_bytes()


__all__ = ["invitation_draft"]
