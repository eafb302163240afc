"""E-mail files read into plain data: ``.eml`` (Thunderbird, Apple Mail, Outlook's "save
as") and ``mbox`` folders (Thunderbird's local folders, Apple Mail's export, Google
Takeout).

The standard library's :mod:`email` parser (``policy.default``: RFC 5322/6532 headers,
encoded words, MIME) does the reading; this module only picks what the timeline keeps:
sender, recipients, date, subject, the text body (plain text preferred, HTML turned into
text otherwise) and the attachments. No database here: ``services/mailimport.py`` turns
a :class:`MailMessage` into an activity.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import email.utils
import html
import html.parser
import mailbox
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage, Message
from pathlib import Path

from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP

MAX_ATTACHMENT = 25 * 1024 * 1024  # larger attachments are reported, not kept


class MailFileError(ValueError):
    """A file that is not an e-mail (or an mbox without any message)."""


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    data: bytes


@dataclass(frozen=True)
class MailMessage:
    """What the timeline needs of one e-mail."""

    message_id: str  # without <>; "" when the mail has none
    sent_at: dt.datetime | None  # aware; None when the Date header is missing or broken
    sender: tuple[str, str]  # (display name, address lower-case)
    to: tuple[tuple[str, str], ...]
    cc: tuple[tuple[str, str], ...]
    subject: str
    text: str
    attachments: tuple[Attachment, ...] = ()
    # attachments not kept, with the reason ("too large")
    skipped_attachments: tuple[tuple[str, str], ...] = ()
    source: str = ""  # the file (and for an mbox the message's position) it came from
    problems: tuple[str, ...] = field(default=())

    @property
    def recipients(self) -> tuple[tuple[str, str], ...]:
        return self.to + self.cc


# ---------------------------------------------------------------- reading


def _addresses(values: list[str]) -> tuple[tuple[str, str], ...]:
    found: list[tuple[str, str]] = []
    for name, addr in email.utils.getaddresses([str(v) for v in values]):
        addr = addr.strip().lower()
        if "@" in addr and (name, addr) not in found:
            found.append((name.strip(), addr))
    return tuple(found)


def _date(msg: Message) -> dt.datetime | None:
    raw = msg.get("Date")
    if raw is None:
        return None
    try:
        moment = email.utils.parsedate_to_datetime(str(raw))
    except (TypeError, ValueError, IndexError):
        return None
    if moment is None:
        return None
    if moment.tzinfo is None:  # "-0000": the time is UTC, the zone unknown (RFC 5322 3.3)
        moment = moment.replace(tzinfo=dt.UTC)
    return moment


class _HtmlText(html.parser.HTMLParser):
    """HTML to readable text: block elements end lines, scripts and styles vanish."""

    BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style", "head"}:
            self._skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style", "head"}:
            self._skip = max(0, self._skip - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    parser = _HtmlText()
    parser.feed(markup)
    parser.close()
    text = html.unescape("".join(parser.parts))
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _text(msg: EmailMessage) -> str:
    body = msg.get_body(preferencelist=("plain", "html"))
    if body is None:
        return ""
    try:
        content = body.get_content()
    except (LookupError, ValueError):  # an unknown charset: keep what decodes
        payload = body.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    if not isinstance(content, str):
        return ""
    if body.get_content_type() == "text/html":
        return html_to_text(content)
    return content.replace("\r\n", "\n").strip()


def _attachments(
    msg: EmailMessage,
) -> tuple[tuple[Attachment, ...], tuple[tuple[str, str], ...]]:
    kept: list[Attachment] = []
    skipped: list[tuple[str, str]] = []
    for n, part in enumerate(msg.iter_attachments(), start=1):
        name = part.get_filename() or f"attachment-{n}"
        data = part.get_payload(decode=True)
        if not isinstance(data, bytes):
            continue
        if len(data) > MAX_ATTACHMENT:
            skipped.append((name, "too large"))
            continue
        kept.append(Attachment(name, part.get_content_type(), data))
    return tuple(kept), tuple(skipped)


def parse_message(msg: EmailMessage, *, source: str = "") -> MailMessage:
    problems: list[str] = []
    sender = _addresses(msg.get_all("From", []))
    if not sender:
        sender = _addresses(msg.get_all("Sender", []))
    if not sender:
        problems.append("no sender")
    sent_at = _date(msg)
    if sent_at is None:
        problems.append("no date")
    attachments, skipped = _attachments(msg)
    return MailMessage(
        message_id=str(msg.get("Message-ID", "") or "").strip().strip("<>").strip(),
        sent_at=sent_at,
        sender=sender[0] if sender else ("", ""),
        to=_addresses(msg.get_all("To", [])),
        cc=_addresses(msg.get_all("Cc", [])),
        subject=re.sub(r"\s+", " ", str(msg.get("Subject", "") or "")).strip(),
        text=_text(msg),
        attachments=attachments,
        skipped_attachments=skipped,
        source=source,
        problems=tuple(problems),
    )


def _looks_like_mail(msg: Message) -> bool:
    return any(msg.get(h) is not None for h in ("From", "Date", "Message-ID", "Subject"))


def read_eml(data: bytes, *, source: str = "") -> MailMessage:
    """One message from the bytes of an ``.eml`` file."""
    if not data.strip():
        raise MailFileError(QT_TRANSLATE_NOOP("errors", "The file is empty."))
    msg = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(msg, EmailMessage) or not _looks_like_mail(msg):
        raise MailFileError(
            QT_TRANSLATE_NOOP(
                "errors", "The file is not an e-mail (no From, Date or Subject header)."
            )
        )
    return parse_message(msg, source=source)


def is_mbox(head: bytes) -> bool:
    return head.startswith(b"From ")


def read_mbox(path: Path) -> Iterator[MailMessage]:
    """Every message of an mbox file, in the file's order."""
    box = mailbox.mbox(path, create=False)
    try:
        for n, key in enumerate(box.iterkeys(), start=1):
            msg = email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
            if isinstance(msg, EmailMessage) and _looks_like_mail(msg):
                yield parse_message(msg, source=f"{path.name} #{n}")
    finally:
        box.close()


def mail_files(path: Path) -> list[Path]:
    """The files to read for ``path``: the file itself, or a folder's files (sorted,
    hidden files left out, subfolders included)."""
    if not path.is_dir():
        return [path]
    return sorted(
        p
        for p in path.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
    )


def read_file(path: Path) -> Iterator[MailMessage]:
    """The messages of one ``.eml`` or mbox file. Raises :class:`MailFileError` for a
    file that is neither (the caller reports it and goes on with the next)."""
    with path.open("rb") as f:
        head = f.read(5)
    if is_mbox(head):
        yield from read_mbox(path)
    else:
        yield read_eml(path.read_bytes(), source=path.name)


__all__ = [
    "MAX_ATTACHMENT",
    "Attachment",
    "MailFileError",
    "MailMessage",
    "html_to_text",
    "is_mbox",
    "mail_files",
    "parse_message",
    "read_eml",
    "read_file",
    "read_mbox",
]
