"""E-mails into the timeline: ``.eml`` files and mbox folders become e-mail activities.

Each message (read by :mod:`crm_desktop.interop.mail`) is matched to a stored person by
address: a mail *from* a known address is inbound from that person, a mail *to* one
(and not from one) is outbound — the user wrote it. Dropped onto a person, a company or
a ticket, a mail is linked there even when no address matches. A ticket number in the
subject ("Re: T-2026-00042 Ofen") links the ticket. Attachments are kept as documents
of the activity. A mail already read (same Message-ID) is skipped, so reading a folder
again adds only what is new.

One unit of work: every mail is written in a savepoint of the caller's transaction, so a
mail that is refused (a card number in its text, no date) is reported and the others
are kept. The import is one undoable change (``mail-import``: its activities go to the
trash, redo brings them back).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from crm_desktop.clock import Clock
from crm_desktop.data.models import (
    Activity,
    ActivityKind,
    Company,
    Direction,
    Document,
    Email,
    Person,
    Ticket,
)
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import CrmError, NotFoundError
from crm_desktop.interop import mail as mailfile
from crm_desktop.services import undo
from crm_desktop.services.activities import ActivityInput, log_activity
from crm_desktop.services.changes import Changes

# "T-2026-00042", "T-2026-42", "TK-2026-7": the shapes a ticket scheme produces
TICKET_IN_SUBJECT = re.compile(r"\b[A-Z]{1,6}-?\d{4}-?\d{1,7}\b")


@dataclass(frozen=True)
class Target:
    """What the mails were dropped onto (all optional)."""

    person_id: int | None = None
    company_id: int | None = None
    ticket_id: int | None = None


@dataclass
class MailImportReport:
    imported: list[int] = field(default_factory=list)  # activity ids
    duplicates: list[str] = field(default_factory=list)  # sources already in the timeline
    # (source, subject, addresses) of mails no stored person or company has
    unmatched: list[tuple[str, str, list[str]]] = field(default_factory=list)
    # (source, message, params): the reason in English with its parameters, so the window
    # can show it in the user's language
    rejected: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    attachments: int = 0
    skipped_attachments: list[tuple[str, str, str]] = field(default_factory=list)
    people: set[int] = field(default_factory=set)
    companies: set[int] = field(default_factory=set)
    tickets: set[int] = field(default_factory=set)
    undo_id: int | None = None

    def changes(self) -> Changes:
        if not self.imported:
            return Changes()
        return Changes(
            activities=frozenset(self.imported),
            people=frozenset(self.people),
            companies=frozenset(self.companies),
            tickets=frozenset(self.tickets),
            structure=True,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "imported": len(self.imported),
            "activity_ids": self.imported,
            "duplicates": len(self.duplicates),
            "unmatched": [
                {"source": src, "subject": subject, "addresses": addresses}
                for src, subject, addresses in self.unmatched
            ],
            "rejected": [
                {"source": src, "reason": message.format(**params)}
                for src, message, params in self.rejected
            ],
            "attachments": self.attachments,
            "skipped_attachments": [
                {"source": src, "filename": name, "reason": reason}
                for src, name, reason in self.skipped_attachments
            ],
        }


# ---------------------------------------------------------------- matching


def _known_addresses(
    session: Session, addresses: Iterable[str]
) -> dict[str, tuple[int | None, int | None]]:
    """address → (person id, company id) of the stored records that have it."""
    wanted = sorted({a.lower() for a in addresses if a})
    found: dict[str, tuple[int | None, int | None]] = {}
    if not wanted:
        return found
    rows = session.execute(
        select(func.lower(Email.address), Email.person_id, Email.company_id, Person.company_id)
        .outerjoin(Person, Person.id == Email.person_id)
        .outerjoin(Company, Company.id == Email.company_id)
        .where(
            func.lower(Email.address).in_(wanted),
            (Email.person_id.is_(None) | Person.deleted_at.is_(None)),
            (Email.company_id.is_(None) | Company.deleted_at.is_(None)),
        )
        .order_by(Email.person_id.is_(None), Email.id)
    ).all()
    for address, person_id, company_id, person_company in rows:
        if address not in found:  # a person's address before a company's
            found[address] = (person_id, company_id if company_id is not None else person_company)
    return found


def _message_key(msg: mailfile.MailMessage) -> str:
    if msg.message_id:
        return msg.message_id[:300]
    raw = "\x1f".join(
        [
            msg.sender[1],
            msg.sent_at.isoformat() if msg.sent_at else "",
            msg.subject,
            msg.text[:2000],
        ]
    )
    return "sha256:" + hashlib.sha256(raw.encode("utf-8")).hexdigest()


def _ticket_in(session: Session, subject: str) -> int | None:
    from crm_desktop.services.tickets import find_ticket

    for token in TICKET_IN_SUBJECT.findall(subject.upper()):
        ticket = find_ticket(session, token)
        if ticket is not None:
            return int(ticket.id)
    return None


def _read_before(session: Session, keys: list[str]) -> set[str]:
    if not keys:
        return set()
    return set(
        session.scalars(
            select(Activity.message_id).where(
                Activity.message_id.in_(keys), Activity.deleted_at.is_(None)
            )
        )
    )


# ---------------------------------------------------------------- the use case


def import_messages(
    session: Session,
    messages: Iterable[mailfile.MailMessage],
    *,
    clock: Clock,
    target: Target | None = None,
    own_addresses: Iterable[str] = (),
    owner: str | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    rejected: Iterable[tuple[str, str, dict[str, Any]]] = (),
) -> MailImportReport:
    """Write the messages as e-mail activities (see the module docstring)."""
    target = target or Target()
    mine = {a.lower() for a in own_addresses}
    report = MailImportReport(rejected=list(rejected))
    _check_target(session, target)
    seen: set[str] = set()
    for n, msg in enumerate(messages, start=1):
        if progress is not None:
            progress(n, 0, msg.source)
        key = _message_key(msg)
        if key in seen or _read_before(session, [key]):
            report.duplicates.append(msg.source)
            continue
        seen.add(key)
        if msg.sent_at is None:
            report.rejected.append(
                (msg.source, QT_TRANSLATE_NOOP("errors", "The e-mail has no valid date."), {})
            )
            continue
        try:
            with session.begin_nested():
                activity_id = _write(session, msg, key, target, mine, owner, clock, report)
        except CrmError as exc:
            report.rejected.append((msg.source, exc.message, dict(exc.params)))
            continue
        if activity_id is not None:
            report.imported.append(activity_id)
    if report.imported:
        n = len(report.imported)
        label = (
            "Read 1 e-mail into the timeline" if n == 1 else f"Read {n} e-mails into the timeline"
        )
        report.undo_id = undo.record(
            session,
            action="mail-import",
            label=label,
            payload=MailImportPayload(list(report.imported)),
            clock=clock,
        )
    session.flush()
    return report


def _check_target(session: Session, target: Target) -> None:
    if target.person_id is not None:
        person = session.get(Person, target.person_id)
        if person is None or person.deleted_at is not None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "Person {id} does not exist."), id=target.person_id
            )
    if target.company_id is not None:
        company = session.get(Company, target.company_id)
        if company is None or company.deleted_at is not None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "Company {id} does not exist."), id=target.company_id
            )
    if target.ticket_id is not None:
        ticket = session.get(Ticket, target.ticket_id)
        if ticket is None or ticket.deleted_at is not None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "Ticket {id} does not exist."), id=target.ticket_id
            )


def _write(
    session: Session,
    msg: mailfile.MailMessage,
    key: str,
    target: Target,
    mine: set[str],
    owner: str | None,
    clock: Clock,
    report: MailImportReport,
) -> int | None:
    sender = msg.sender[1]
    others = [addr for _name, addr in msg.recipients]
    known = _known_addresses(session, [sender, *others])
    if sender in mine:
        inbound = False
    elif sender in known:
        inbound = True
    else:  # written from an address not kept as the user's own, to a known person?
        inbound = not any(a in known for a in others)
    person_id: int | None = None
    company_id: int | None = None
    if inbound and sender in known:
        person_id, company_id = known[sender]
    elif not inbound:
        for addr in others:
            if addr in known:
                person_id, company_id = known[addr]
                break
    ticket_id = target.ticket_id or _ticket_in(session, msg.subject)
    if target.person_id is not None:
        person_id, company_id = target.person_id, None
    elif target.company_id is not None and company_id != target.company_id:
        person_id, company_id = None, target.company_id
    if person_id is None and company_id is None and ticket_id is not None:
        ticket = session.get(Ticket, ticket_id)
        if ticket is not None:
            person_id, company_id = ticket.person_id, ticket.company_id
    if person_id is None and company_id is None:
        addresses = [a for a in [sender, *others] if a and a not in mine]
        report.unmatched.append((msg.source, msg.subject, addresses))
        return None
    activity = log_activity(
        session,
        ActivityInput(
            kind=ActivityKind.EMAIL,
            subject=msg.subject,
            text=msg.text,
            occurred_at=msg.sent_at,
            person_id=person_id,
            company_id=company_id,
            ticket_id=ticket_id,
            direction=Direction.INBOUND if inbound else Direction.OUTBOUND,
            channel="e-mail",
            owner=owner,
        ),
        clock=clock,
    )
    activity.message_id = key
    for att in msg.attachments:
        session.add(
            Document(
                title=att.filename[:300],
                kind="attachment",
                activity_id=activity.id,
                person_id=activity.person_id,
                company_id=activity.company_id,
                ticket_id=activity.ticket_id,
                content_type=att.content_type[:120],
                size=len(att.data),
                sha256=hashlib.sha256(att.data).hexdigest(),
                data=att.data,
                status="kept",
            )
        )
        report.attachments += 1
    for name, reason in msg.skipped_attachments:
        report.skipped_attachments.append((msg.source, name, reason))
    session.flush()
    if activity.person_id is not None:
        report.people.add(int(activity.person_id))
    if activity.company_id is not None:
        report.companies.add(int(activity.company_id))
    if activity.ticket_id is not None:
        report.tickets.add(int(activity.ticket_id))
    return int(activity.id)


def import_paths(
    session: Session,
    paths: Iterable[Path],
    *,
    clock: Clock,
    target: Target | None = None,
    own_addresses: Iterable[str] = (),
    owner: str | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> MailImportReport:
    """:func:`import_messages` for files and folders: ``.eml`` files, mbox files, folders
    of them. A file that is no e-mail is reported as rejected."""
    rejected: list[tuple[str, str, dict[str, Any]]] = []

    def messages() -> Iterable[mailfile.MailMessage]:
        for path in paths:
            for file in mailfile.mail_files(Path(path)):
                try:
                    yield from mailfile.read_file(file)
                except mailfile.MailFileError as exc:
                    rejected.append((file.name, str(exc), {}))
                except OSError as exc:
                    rejected.append(
                        (
                            file.name,
                            QT_TRANSLATE_NOOP("errors", "The file cannot be read: {reason}"),
                            {"reason": exc.strerror},
                        )
                    )

    report = import_messages(
        session,
        messages(),
        clock=clock,
        target=target,
        own_addresses=own_addresses,
        owner=owner,
        progress=progress,
    )
    report.rejected[:0] = rejected
    return report


# ---------------------------------------------------------------- undo


@dataclass
class MailImportPayload:
    activity_ids: list[int]

    def to_dict(self) -> dict[str, Any]:
        return {"activity_ids": self.activity_ids}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MailImportPayload:
        raw = data.get("activity_ids", [])
        if not isinstance(raw, list):
            raise ValueError(QT_TRANSLATE_NOOP("errors", "activity_ids is not a list"))
        return cls([int(v) for v in raw])


def _set_deleted(session: Session, ids: list[int], value: dt.datetime | None) -> Changes:
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        session.execute(update(Activity).where(Activity.id.in_(chunk)).values(deleted_at=value))
    rows = session.execute(
        select(Activity.person_id, Activity.company_id, Activity.ticket_id).where(
            Activity.id.in_(ids[:900])
        )
    ).all()
    return Changes(
        activities=frozenset(ids),
        people=frozenset(r[0] for r in rows if r[0] is not None),
        companies=frozenset(r[1] for r in rows if r[1] is not None),
        tickets=frozenset(r[2] for r in rows if r[2] is not None),
        structure=True,
    )


def _undo_import(session: Session, p: MailImportPayload, clock: Clock) -> Changes:
    return _set_deleted(session, p.activity_ids, clock.now())


def _redo_import(session: Session, p: MailImportPayload, clock: Clock) -> Changes:
    return _set_deleted(session, p.activity_ids, None)


undo.register(
    "mail-import", parse=MailImportPayload.from_dict, undo=_undo_import, redo=_redo_import
)

__all__ = [
    "TICKET_IN_SUBJECT",
    "MailImportPayload",
    "MailImportReport",
    "Target",
    "import_messages",
    "import_paths",
]
