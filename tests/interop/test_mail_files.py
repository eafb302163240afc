"""E-mail files as Thunderbird, Apple Mail and Outlook write them, read into plain data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crm_desktop.interop import mail

FIXTURES = Path(__file__).parent / "fixtures" / "mail"


def _one(name: str) -> mail.MailMessage:
    (msg,) = list(mail.read_file(FIXTURES / name))
    return msg


def test_thunderbird_reply_encoded_words_and_quoted_printable() -> None:
    msg = _one("thunderbird_reply.eml")
    assert msg.message_id == "4f1c2a9e-77b1-4c3e-9d41-0a1b2c3d4e5f@baeckerei-groessl.de"
    assert msg.sender == ("Lena Größl", "lena.groessl@baeckerei-groessl.de")  # lower-cased
    assert msg.subject == "Re: T-2026-00001 Ofen heizt nicht – Termin für den Techniker"
    assert msg.sent_at == dt.datetime(2026, 12, 1, 13, 7, 33, tzinfo=dt.UTC)
    assert msg.text.startswith("Hallo Herr Mustermann,")  # the plain part, not the HTML
    assert "Die Größe des Ofens steht" in msg.text  # a soft line break joined
    assert msg.attachments == () and msg.problems == ()


def test_apple_mail_attachment_with_rfc2231_name() -> None:
    msg = _one("apple_mail_attachment.eml")
    assert msg.to == (("Ömer Yıldız", "oemer@yildiz-bau.de"),)
    assert msg.cc == (("", "buchhaltung@yildiz-bau.de"),)
    (att,) = msg.attachments
    assert att.filename == "Angebot Wartung 2026.pdf"
    assert att.content_type == "application/pdf" and att.data.startswith(b"%PDF-1.4")


def test_outlook_html_only_latin1_becomes_text() -> None:
    msg = _one("outlook_html.eml")
    assert msg.sender == ("Weber, Jonas", "j.weber@stadtwerke-goerlitz.de")
    assert "der Zählerwechsel ist für den 10.12. geplant." in msg.text
    assert "<p>" not in msg.text and "margin" not in msg.text  # no markup, no style sheet


def test_mbox_folder_every_message_in_order() -> None:
    msgs = list(mail.read_file(FIXTURES / "thunderbird_folder.mbox"))
    assert [m.subject for m in msgs] == ["Frage zur Rechnung", "Anfrage"]
    assert [m.source for m in msgs] == ["thunderbird_folder.mbox #1", "thunderbird_folder.mbox #2"]
    assert msgs[1].text == "Hallo, wir interessieren uns für Ihr Angebot."


def test_folder_listing_skips_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "a.eml").write_bytes((FIXTURES / "outlook_html.eml").read_bytes())
    (tmp_path / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    sub = tmp_path / "Posteingang"
    sub.mkdir()
    (sub / "b.eml").write_bytes((FIXTURES / "thunderbird_reply.eml").read_bytes())
    assert sorted(p.name for p in mail.mail_files(tmp_path)) == ["a.eml", "b.eml"]


def test_not_an_email_is_refused_with_a_reason(tmp_path: Path) -> None:
    junk = tmp_path / "foto.jpg"
    junk.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    with pytest.raises(mail.MailFileError, match="not an e-mail"):
        list(mail.read_file(junk))
    empty = tmp_path / "leer.eml"
    empty.write_bytes(b"")
    with pytest.raises(mail.MailFileError, match="empty"):
        list(mail.read_file(empty))


def test_broken_date_and_missing_zone() -> None:
    raw = b"From: a@b.de\r\nDate: 31 Feb 2026 25:00\r\nSubject: x\r\n\r\nText\r\n"
    assert mail.read_eml(raw).sent_at is None
    assert "no date" in mail.read_eml(raw).problems
    raw = b"From: a@b.de\r\nDate: Fri, 4 Dec 2026 10:00:00 -0000\r\nSubject: x\r\n\r\nT\r\n"
    assert mail.read_eml(raw).sent_at == dt.datetime(2026, 12, 4, 10, tzinfo=dt.UTC)
