"""GDPR tools: right of access and portability, erasure, consent, retention.

- :func:`export_person_data` gathers everything stored about one person (a plain
  JSON-ready dict, Art. 15 and 20 GDPR); :func:`export_person_html` renders it as
  a readable, self-contained HTML page with every value escaped.
- :func:`anonymise_person` erases the personal data of a person (Art. 17) but
  keeps the record's skeleton (kinds, dates, links, amounts) so that statistics
  stay right; it also erases the duplicates merged into her, the undo entries that
  could bring her back, her attendee rows and her mentions in other records' texts.
  The audit log gets an "anonymised" event with ids only. :func:`erase_person` adds
  what lies outside the tables: the search index's shadow tables, the database file
  and its WAL, the calendar file, invitation files and the log files, and lists what
  it cannot reach (older backups, files the program does not keep track of).
- :func:`withdraw_consent` records a withdrawal of marketing consent;
  :func:`campaign_eligible` makes sure such people never reach a campaign export.
- :func:`retention_candidates` lists people without any activity for N years.

Backups made before an erasure still hold the old data until rotation removes
them; the privacy dialog says so.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import decimal
import enum
import html
import json
import logging
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, inspect, or_, select, text
from sqlalchemy.orm import Session

from crm_desktop import __version__
from crm_desktop.clock import Clock, SystemClock, to_local
from crm_desktop.config import AppPaths
from crm_desktop.data.models import (
    Activity,
    Appointment,
    AuditEvent,
    Campaign,
    Company,
    Document,
    FollowUp,
    ImportBatch,
    Opportunity,
    Order,
    OrderLine,
    Person,
    PriorityChange,
    Project,
    SearchDocument,
    Setting,
    Ticket,
    TicketStatusChange,
    UndoEntry,
    appointment_attendees,
    campaign_members,
    project_members,
)
from crm_desktop.data.store import Store
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import ConflictError, NotFoundError
from crm_desktop.services import contacts

ANONYMISED_NAME = "Anonymisiert"
EXPORT_FORMAT = "crm-desktop-person-export/1"
log = logging.getLogger("crm_desktop.privacy")

# Columns that are internal plumbing rather than information about the person.
_SKIP_COLUMNS = {"import_batch_id"}


# ---------------------------------------------------------------- plain values


def _plain(value: Any) -> Any:
    """A JSON-ready value (dates as ISO text, money as text, bytes as base64)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return str(value)


def _row(obj: Any, skip: Iterable[str] = ()) -> dict[str, Any]:
    """All mapped column values of an ORM object."""
    skipped = set(skip) | _SKIP_COLUMNS
    out: dict[str, Any] = {}
    for attr in inspect(obj).mapper.column_attrs:
        if attr.key in skipped:
            continue
        out[attr.key] = _plain(getattr(obj, attr.key))
    return out


def _person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Person {id} does not exist."), id=person_id
        )
    return person


# ---------------------------------------------------------------- access and portability


def export_person_data(
    session: Session, person_id: int, *, clock: Clock | None = None
) -> dict[str, Any]:
    """Everything stored about one person, as a JSON-ready dict."""
    clock = clock or SystemClock()
    person = _person(session, person_id)
    fields = _row(person, skip={"photo"})
    photo = person.photo
    data: dict[str, Any] = {
        "format": EXPORT_FORMAT,
        "generated_at": clock.now().isoformat(),
        "generator": f"CRM Desktop {__version__}",
        "person": fields,
        "photo_base64": base64.b64encode(photo).decode("ascii") if photo else None,
        "company": (
            {"id": person.company.id, "name": person.company.name} if person.company else None
        ),
        "department": person.department.name if person.department else None,
        "reports_to": (
            {"id": person.reports_to.id, "name": person.reports_to.full_name}
            if person.reports_to
            else None
        ),
        "phones": [_row(p, skip={"person_id", "company_id"}) for p in person.phones],
        "emails": [_row(e, skip={"person_id", "company_id"}) for e in person.emails],
        "addresses": [_row(a, skip={"person_id", "company_id"}) for a in person.addresses],
        "bank_accounts": [_row(b, skip={"person_id", "company_id"}) for b in person.bank_accounts],
        "tags": [t.name for t in person.tags],
        "consent": {
            "marketing": person.consent_marketing,
            "given_at": _plain(person.consent_at),
            "source": person.consent_source,
            "withdrawn_at": _plain(person.consent_withdrawn_at),
        },
    }
    audit = session.execute(
        select(AuditEvent)
        .where(AuditEvent.entity == "person", AuditEvent.entity_id == person_id)
        .order_by(AuditEvent.at, AuditEvent.id)
    ).scalars()
    events = [_row(a) for a in audit]
    data["consent_history"] = [e for e in events if str(e["event"]).startswith("consent")]
    data["record_history"] = events
    data["priority_history"] = [
        _row(p)
        for p in session.execute(
            select(PriorityChange)
            .where(PriorityChange.person_id == person_id)
            .order_by(PriorityChange.changed_at)
        ).scalars()
    ]
    data["activities"] = [
        _row(a)
        for a in session.execute(
            select(Activity).where(Activity.person_id == person_id).order_by(Activity.occurred_at)
        ).scalars()
    ]
    data["followups"] = [
        _row(f)
        for f in session.execute(
            select(FollowUp).where(FollowUp.person_id == person_id).order_by(FollowUp.due_at)
        ).scalars()
    ]
    tickets = []
    for t in session.execute(
        select(Ticket).where(Ticket.person_id == person_id).order_by(Ticket.opened_at)
    ).scalars():
        row = _row(t)
        row["status_changes"] = [_row(c, skip={"ticket_id"}) for c in t.status_changes]
        tickets.append(row)
    data["tickets"] = tickets
    data["opportunities"] = [
        _row(o)
        for o in session.execute(
            select(Opportunity).where(Opportunity.person_id == person_id).order_by(Opportunity.id)
        ).scalars()
    ]
    orders = []
    for o in session.execute(
        select(Order).where(Order.person_id == person_id).order_by(Order.order_date, Order.id)
    ).scalars():
        row = _row(o)
        row["lines"] = [_row(line, skip={"order_id"}) for line in o.lines]
        orders.append(row)
    data["orders"] = orders
    data["projects"] = [
        _row(p)
        for p in session.execute(
            select(Project)
            .join(project_members, project_members.c.project_id == Project.id)
            .where(project_members.c.person_id == person_id)
            .order_by(Project.id)
        ).scalars()
    ]
    attending = select(appointment_attendees.c.appointment_id).where(
        appointment_attendees.c.person_id == person_id
    )
    data["appointments"] = [
        _row(a)
        for a in session.execute(
            select(Appointment)
            .where(or_(Appointment.person_id == person_id, Appointment.id.in_(attending)))
            .order_by(Appointment.start_at)
        ).scalars()
    ]
    data["documents"] = [
        _row(d)
        for d in session.execute(
            select(Document).where(Document.person_id == person_id).order_by(Document.id)
        ).scalars()
    ]
    data["campaigns"] = [
        {"id": c.id, "name": c.name}
        for c in session.execute(
            select(Campaign)
            .join(campaign_members, campaign_members.c.campaign_id == Campaign.id)
            .where(campaign_members.c.person_id == person_id)
            .order_by(Campaign.id)
        ).scalars()
    ]
    return data


def export_person_json(session: Session, person_id: int, *, clock: Clock | None = None) -> str:
    return json.dumps(
        export_person_data(session, person_id, clock=clock), ensure_ascii=False, indent=2
    )


_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Data stored about {name}",
        "intro": "Information according to Art. 15 GDPR, generated on {date} by {generator}.",
        "person": "Personal data",
        "company": "Company",
        "department": "Department",
        "reports_to": "Reports to",
        "phones": "Phone numbers",
        "emails": "E-mail addresses",
        "addresses": "Addresses",
        "bank_accounts": "Bank accounts",
        "tags": "Tags",
        "consent": "Marketing consent",
        "consent_history": "Consent history",
        "priority_history": "Priority history",
        "activities": "Activities",
        "followups": "Follow-ups",
        "tickets": "Tickets",
        "opportunities": "Opportunities",
        "orders": "Orders",
        "projects": "Projects",
        "appointments": "Appointments",
        "documents": "Documents",
        "campaigns": "Campaigns",
        "record_history": "Record history",
        "none": "none",
        "photo": "Photo",
    },
    "de": {
        "title": "Gespeicherte Daten zu {name}",
        "intro": "Auskunft nach Art. 15 DSGVO, erstellt am {date} mit {generator}.",
        "person": "Personenbezogene Daten",
        "company": "Firma",
        "department": "Abteilung",
        "reports_to": "Vorgesetzte(r)",
        "phones": "Telefonnummern",
        "emails": "E-Mail-Adressen",
        "addresses": "Adressen",
        "bank_accounts": "Bankverbindungen",
        "tags": "Schlagwörter",
        "consent": "Werbeeinwilligung",
        "consent_history": "Verlauf der Einwilligung",
        "priority_history": "Verlauf der Priorität",
        "activities": "Aktivitäten",
        "followups": "Wiedervorlagen",
        "tickets": "Tickets",
        "opportunities": "Verkaufschancen",
        "orders": "Aufträge",
        "projects": "Projekte",
        "appointments": "Termine",
        "documents": "Dokumente",
        "campaigns": "Kampagnen",
        "record_history": "Änderungsverlauf",
        "none": "keine",
        "photo": "Foto",
    },
}

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:60em;
color:#222;line-height:1.4;padding:0 1em}
h1{font-size:1.6em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;margin:.4em 0 1em}
th,td{border:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f3f3f3;font-weight:600;white-space:nowrap}
.none{color:#777;font-style:italic}td pre{margin:0;white-space:pre-wrap;font-family:inherit}
"""


def _cell(value: Any) -> str:
    if value is None or value == "" or value == {} or value == []:
        return ""
    if isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False)
    text_value = str(value)
    if "\n" in text_value:
        return f"<pre>{html.escape(text_value)}</pre>"
    return html.escape(text_value)


def _key_value_table(row: dict[str, Any]) -> str:
    lines = [
        f"<tr><th>{html.escape(str(k))}</th><td>{_cell(v)}</td></tr>"
        for k, v in row.items()
        if k != "status_changes" and k != "lines"
    ]
    return "<table>" + "".join(lines) + "</table>"


def _list_table(rows: Sequence[dict[str, Any]], none: str) -> str:
    if not rows:
        return f'<p class="none">{html.escape(none)}</p>'
    columns: list[str] = []
    for row in rows:
        for key, value in row.items():
            if key not in columns and not isinstance(value, list):
                columns.append(key)
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = []
    for row in rows:
        cells = "".join(f"<td>{_cell(row.get(c))}</td>" for c in columns)
        body.append(f"<tr>{cells}</tr>")
        for nested in ("status_changes", "lines"):
            if row.get(nested):
                inner = _list_table(row[nested], none)
                body.append(f'<tr><td colspan="{len(columns)}">{inner}</td></tr>')
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def render_person_html(data: dict[str, Any], *, lang: str = "en") -> str:
    """Render an export dict (from :func:`export_person_data`) as an HTML page."""
    labels = _LABELS.get(lang, _LABELS["en"])
    p = data["person"]
    name = " ".join(x for x in (p.get("title"), p.get("given_name"), p.get("family_name")) if x)
    name = name or f"#{p.get('id')}"
    generated = dt.datetime.fromisoformat(data["generated_at"])
    date = to_local(generated).strftime("%Y-%m-%d %H:%M")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(lang)}"><head><meta charset="utf-8">',
        f"<title>{html.escape(labels['title'].format(name=name))}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{html.escape(labels['title'].format(name=name))}</h1>",
        "<p>"
        + html.escape(labels["intro"].format(date=date, generator=data.get("generator", "")))
        + "</p>",
        f"<h2>{html.escape(labels['person'])}</h2>",
        _key_value_table(p),
    ]
    extra = {
        labels["company"]: (data["company"] or {}).get("name"),
        labels["department"]: data["department"],
        labels["reports_to"]: (data["reports_to"] or {}).get("name"),
        labels["tags"]: ", ".join(data["tags"]),
        labels["photo"]: "✓" if data.get("photo_base64") else "",
    }
    parts.append(_key_value_table(extra))
    if data.get("photo_base64"):
        parts.append(
            '<p><img alt="" style="max-width:12em" src="data:image/jpeg;base64,'
            + html.escape(data["photo_base64"])
            + '"></p>'
        )
    for key in ("phones", "emails", "addresses", "bank_accounts"):
        parts.append(f"<h2>{html.escape(labels[key])}</h2>")
        parts.append(_list_table(data[key], labels["none"]))
    parts.append(f"<h2>{html.escape(labels['consent'])}</h2>")
    parts.append(_key_value_table(data["consent"]))
    for key in (
        "consent_history",
        "activities",
        "followups",
        "tickets",
        "opportunities",
        "orders",
        "projects",
        "appointments",
        "documents",
        "campaigns",
        "priority_history",
        "record_history",
    ):
        parts.append(f"<h2>{html.escape(labels[key])}</h2>")
        parts.append(_list_table(data[key], labels["none"]))
    parts.append("</body></html>")
    return "\n".join(parts)


def export_person_html(
    session: Session, person_id: int, *, clock: Clock | None = None, lang: str = "en"
) -> str:
    """A readable HTML document of everything stored about a person (escaped)."""
    return render_person_html(export_person_data(session, person_id, clock=clock), lang=lang)


# ---------------------------------------------------------------- erasure


REDACTED = "[anonymisiert]"  # what replaces a mention of an erased person in other texts

# separators people write inside phone numbers: "0170 123-45 67", "(030) 12/34"
_PHONE_SEP = r"[\s\-./()]{0,3}"
# what a phone number may hold besides its digits (the separators of _PHONE_SEP)
_NOT_DIGITS = str.maketrans(
    "",
    "",
    "-./()" + "".join(chr(c) for c in range(0x3001) if chr(c).isspace()),  # what \s matches
)
_TRANSLIT = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
)


def _national_digits(number: str) -> str | None:
    """The national significant number of a stored (E.164) number, without a leading 0."""
    import phonenumbers

    digits = re.sub(r"\D", "", number)
    national = digits
    try:
        parsed = phonenumbers.parse(number if number.startswith("+") else f"+{digits}", None)
        national = phonenumbers.national_significant_number(parsed)
    except phonenumbers.NumberParseException:
        pass
    national = national.lstrip("0") or national
    return national if len(national) >= 5 else None  # shorter: not safely recognisable


def _phone_pattern(number: str) -> str | None:
    """A pattern for one stored (E.164) number in every usual spelling: +49 170 1234567,
    0049 170..., 0170 1234567, (0170) 123 45 67, +49 (0)170...; digits may be grouped."""
    import phonenumbers

    national = _national_digits(number)
    if national is None:
        return None
    country = ""
    with contextlib.suppress(phonenumbers.NumberParseException):
        digits = re.sub(r"\D", "", number)
        parsed = phonenumbers.parse(number if number.startswith("+") else f"+{digits}", None)
        country = str(parsed.country_code)
    body = _PHONE_SEP.join(re.escape(d) for d in national)
    prefixes = [rf"\(?0{_PHONE_SEP}"]
    if country:
        prefixes.insert(0, rf"\(?(?:\+|00){_PHONE_SEP}{country}{_PHONE_SEP}(?:\(0\){_PHONE_SEP})?")
    return rf"(?<![\d+])(?:{'|'.join(prefixes)})?{body}(?!\d)"


class Mentions:
    """Recognises one person's names, e-mail addresses and phone numbers in free text
    (case-insensitive, any spacing, umlauts also transliterated) and replaces them."""

    def __init__(self, names: Iterable[str], emails: Iterable[str], phones: Iterable[str]):
        parts: list[str] = []
        words: set[str] = set()
        for name in names:
            for variant in (name, name.translate(_TRANSLIT)):
                tokens = variant.split()
                if tokens:  # lower(), not casefold(): "ß" must stay "ß"
                    words.add(" ".join(tokens).lower())
        for phrase in sorted(words, key=len, reverse=True):
            tokens = [re.escape(t) for t in phrase.split()]
            parts.append(r"(?<!\w)" + r"[\s_.\-]+".join(tokens) + r"(?!\w)")
        for email in sorted({e.strip().lower() for e in emails if e.strip()}, key=len)[::-1]:
            parts.append(r"(?<![\w.+\-])" + re.escape(email) + r"(?![\w\-])")
        for number in phones:
            pattern = _phone_pattern(number)
            if pattern is not None:
                parts.append(pattern)
        self._re = re.compile("|".join(parts), re.IGNORECASE) if parts else None
        # cheap tests first (a store has millions of texts): a name or an address can
        # only match where its longest word is, a phone number only in a run of digits
        self._anchors = tuple(max(p.split(), key=len) for p in words)
        self._anchors += tuple(e.strip().lower() for e in emails if e.strip())
        # every spelling of a number holds its national digits once separators are gone
        self._phones = tuple(n for n in map(_national_digits, phones) if n is not None)

    def __bool__(self) -> bool:
        return self._re is not None

    def found(self, value: str | None) -> bool:
        if not value or self._re is None:
            return False
        low = value.lower()
        if not any(a in low for a in self._anchors) and not (
            self._phones and any(n in value.translate(_NOT_DIGITS) for n in self._phones)
        ):
            return False
        return self._re.search(value) is not None

    def scrub(self, value: str) -> str:
        if not value or self._re is None:
            return value
        return self._re.sub(REDACTED, value)

    def scrub_json(self, value: Any) -> Any:
        """``value`` (a JSON tree) with every mention in its strings (and keys) replaced."""
        if isinstance(value, str):
            return self.scrub(value)
        if isinstance(value, list):
            return [self.scrub_json(v) for v in value]
        if isinstance(value, dict):
            return {self.scrub(str(k)): self.scrub_json(v) for k, v in value.items()}
        return value


@dataclass(frozen=True)
class AnonymiseResult:
    person_id: int
    activities: int
    followups: int
    tickets: int
    appointments: int
    undo_entries: int
    duplicates: tuple[int, ...] = ()  # merged-away duplicates anonymised with her
    attendees: int = 0  # attendee rows (linked and by name or e-mail)
    mentions: dict[str, int] = field(default_factory=dict)  # table → rows whose text changed
    # files outside the store that hold her data: her documents, files named after her
    document_files: tuple[str, ...] = ()
    # recognises her in files after the commit (log files, invitations); never printed
    matcher: Mentions | None = field(default=None, repr=False, compare=False)

    @property
    def mentions_scrubbed(self) -> int:
        return sum(self.mentions.values())


def _mentions_person(payload: Any, person_ids: int | set[int]) -> bool:
    """Whether an undo payload refers to one of these people (so it may hold old values
    or bring one of them back): a delete of the person, a merge with them..."""
    ids = {person_ids} if isinstance(person_ids, int) else person_ids
    if isinstance(payload, dict):
        if payload.get("person_id") in ids:
            return True
        kind = payload.get("entity", payload.get("kind"))
        if kind == "person" and (
            payload.get("id") in ids
            or payload.get("keep_id") in ids
            or payload.get("drop_id") in ids
        ):
            return True
        return any(_mentions_person(v, ids) for k, v in payload.items() if k != "ids")
    if isinstance(payload, list):
        return any(_mentions_person(v, ids) for v in payload)
    return False


def _strip_bulk_ids(payload: dict[str, Any], ids: set[int]) -> dict[str, Any] | None:
    """A bulk change's payload without these people (None: it changed nobody else)."""
    if payload.get("entity", "person") != "person" or not isinstance(payload.get("ids"), list):
        return payload
    keep = [i for i in payload["ids"] if not (isinstance(i, int) and i in ids)]
    if len(keep) == len(payload["ids"]):
        return payload
    if not keep:
        return None
    out = {**payload, "ids": keep}
    if isinstance(payload.get("old"), dict):
        out["old"] = {
            k: v for k, v in payload["old"].items() if str(k) not in {str(i) for i in ids}
        }
    return out


def merged_duplicates(session: Session, person_id: int) -> list[int]:
    """The people merged into this one (and, in turn, into those), from the merge undo
    entries and the audit log: they went to the trash holding the same person's data."""
    from crm_desktop.services.merge import ACTION_PEOPLE

    edges: dict[int, set[int]] = {}
    for payload in session.scalars(
        select(UndoEntry.payload).where(UndoEntry.action == ACTION_PEOPLE)
    ):
        try:
            edges.setdefault(int(payload["keep_id"]), set()).add(int(payload["drop_id"]))
        except (KeyError, TypeError, ValueError):
            continue
    for keep, details in session.execute(
        select(AuditEvent.entity_id, AuditEvent.details).where(
            AuditEvent.event == "merged", AuditEvent.entity == "person"
        )
    ):
        try:
            edges.setdefault(int(keep), set()).add(int((details or {})["dropped"]))
        except (KeyError, TypeError, ValueError):
            continue
    found: list[int] = []
    stack = [person_id]
    while stack:
        for dup in sorted(edges.get(stack.pop(), ())):
            if dup != person_id and dup not in found:
                found.append(dup)
                stack.append(dup)
    return [d for d in found if session.get(Person, d) is not None]


def _names_of(person: Person) -> list[str]:
    given, family = (person.given_name or "").strip(), (person.family_name or "").strip()
    out: list[str] = []
    for first in {given, (person.nickname or "").strip()} - {""}:
        if family:
            out += [f"{first} {family}", f"{family}, {first}", f"{family} {first}"]
    if person.full_name.strip() and (given or family):
        out.append(person.full_name.strip())
    return out


def _mentions_of(session: Session, people: Sequence[Person]) -> Mentions:
    """What identifies these (one real person and her duplicates) in texts: full names
    always; the family name alone only when nobody else is called so and no company
    carries it (so namesakes keep their data)."""
    ids = [p.id for p in people]
    names: list[str] = []
    emails: list[str] = []
    phones: list[str] = []
    for p in people:
        names += _names_of(p)
        emails += [e.address for e in p.emails]
        phones += [ph.number for ph in p.phones]
        family = (p.family_name or "").strip()
        if len(family) >= 3 and family != ANONYMISED_NAME:
            namesakes = session.scalar(
                select(func.count())
                .select_from(Person)
                .where(
                    func.lower(Person.family_name) == family.lower(),
                    Person.id.not_in(ids),
                    Person.anonymized_at.is_(None),
                )
            )
            word = re.compile(rf"(?<!\w){re.escape(family)}(?!\w)", re.IGNORECASE)
            in_company = any(
                word.search(n) for n in session.scalars(select(Company.name)) if n and family
            )
            if not namesakes and not in_company:
                names.append(family)
    return Mentions(names, emails, phones)


# free-text columns of other records where her name, e-mail or phone may be written
_TEXT_COLUMNS: tuple[tuple[type[Any], tuple[str, ...]], ...] = (
    (Person, ("notes", "review_reason", "hobbies", "position", "occupation", "payment_terms")),
    (Company, ("notes", "status_reason", "managing_directors", "payment_terms")),
    (Activity, ("subject", "text", "location")),
    (FollowUp, ("note",)),
    (Ticket, ("title", "description")),
    (TicketStatusChange, ("note",)),
    (Opportunity, ("title", "loss_note", "source")),
    (Project, ("name", "description")),
    (Appointment, ("title", "description", "location", "organizer_name", "organizer_email")),
    (Document, ("title", "path")),
    (Order, ("notes",)),
    (OrderLine, ("description",)),
    (Campaign, ("name", "description")),
    (PriorityChange, ("reason",)),
    (ImportBatch, ("source",)),
)
# JSON columns scrubbed string by string
_JSON_COLUMNS: tuple[tuple[type[Any], str], ...] = (
    (Person, "profile_fields"),
    (AuditEvent, "details"),
    (Setting, "value"),
)
_CLEARED = {"organizer_name", "organizer_email"}  # a mention there clears the field
_CHUNK = 2000


def _scrub_texts(session: Session, mentions: Mentions) -> dict[str, int]:
    """Replace her mentions in every free-text and JSON column (live and trashed rows)."""
    counts: dict[str, int] = {}
    if not mentions:
        return counts
    for model, names in _TEXT_COLUMNS:
        cols = [getattr(model, n) for n in names]
        hits: list[tuple[Any, dict[str, str | None]]] = []
        last = 0
        while True:  # in chunks by id: a large store never sits in memory at once
            rows = session.execute(
                select(model.id, *cols).where(model.id > last).order_by(model.id).limit(_CHUNK)
            ).all()
            if not rows:
                break
            last = rows[-1][0]
            for row in rows:
                change: dict[str, str | None] = {}
                for name, value in zip(names, row[1:], strict=True):
                    if isinstance(value, str) and mentions.found(value):
                        change[name] = None if name in _CLEARED else mentions.scrub(value)
                if change:
                    hits.append((row[0], change))
        for pk, change in hits:
            obj = session.get(model, pk)
            if obj is not None:
                for name, value in change.items():
                    setattr(obj, name, value)
        if hits:
            counts[model.__tablename__] = counts.get(model.__tablename__, 0) + len(hits)
    for model, name in _JSON_COLUMNS:
        col = getattr(model, name)
        key = inspect(model).primary_key[0]
        for pk, value in session.execute(select(key, col)).all():
            if value is None:
                continue
            dumped = json.dumps(value, ensure_ascii=False)
            if not mentions.found(dumped):
                continue
            obj = session.get(model, pk)
            if obj is not None:
                setattr(obj, name, mentions.scrub_json(value))
                counts[model.__tablename__] = counts.get(model.__tablename__, 0) + 1
    session.flush()
    return counts


def _erase_person_fields(session: Session, person: Person, now: dt.datetime) -> None:
    person.salutation = None
    person.title = None
    person.given_name = ""
    person.family_name = ANONYMISED_NAME
    person.nickname = None
    person.birth_date = None
    person.position = None
    person.department_id = None
    person.reports_to_id = None
    person.occupation = None
    person.marital_status = None
    person.hobbies = None
    person.profile_fields = {}
    person.consent_marketing = False
    person.consent_source = None
    if person.consent_at is not None and person.consent_withdrawn_at is None:
        person.consent_withdrawn_at = now
    person.payment_terms = None
    person.notes = ""
    person.vcard_uid = None
    person.photo = None
    person.needs_review = False
    person.review_reason = None
    person.phones = []
    person.emails = []
    person.addresses = []
    person.bank_accounts = []
    person.tags = []
    person.anonymized_at = now
    for sub in session.execute(select(Person).where(Person.reports_to_id == person.id)).scalars():
        sub.reports_to_id = None


def anonymise_person(
    session: Session, person_id: int, clock: Clock, *, actor: str = ""
) -> AnonymiseResult:
    """Erase a person's personal data and keep the anonymous skeleton.

    Names become "Anonymisiert"; birth date, phones, e-mails, addresses, bank
    accounts, notes, photo, profile, tags and identifiers are removed; the texts
    and subjects of the person's activities, follow-ups, tickets and appointments
    are blanked while kinds, dates, durations and links stay. The people merged into
    her (in the trash) are erased the same way; the undo entries that could bring
    any of them back (a delete, a merge) are deleted, and bulk changes forget them.
    Her attendee rows (linked, or unlinked with her name or e-mail) are anonymised;
    her name, e-mail addresses and phone numbers written in other records (activity
    texts, tickets, opportunity titles, a company's managing directors, notes, undo
    labels, the audit log) become "[anonymisiert]". On SQLite ``secure_delete`` is
    switched on for the session's connection so freed pages are zeroed; see
    :func:`erase_person` for what happens after the commit (search index, file
    compaction, calendar file, log files).
    """
    person = _person(session, person_id)
    if person.anonymized_at is not None:
        raise ConflictError(
            QT_TRANSLATE_NOOP("errors", "Person {id} has already been anonymised."), id=person_id
        )
    now = clock.now()
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("PRAGMA secure_delete=ON"))
    duplicates = [session.get_one(Person, d) for d in merged_duplicates(session, person_id)]
    everyone = [person, *duplicates]
    ids = {p.id for p in everyone}
    mentions = _mentions_of(session, everyone)
    emails = {e.address.strip().casefold() for p in everyone for e in p.emails}

    document_files = sorted(
        {
            path
            for pid, path in session.execute(select(Document.person_id, Document.path))
            if path and (pid in ids or mentions.found(path))
        }
    )
    for p in everyone:
        _erase_person_fields(session, p, now)
    session.flush()

    activities = list(
        session.execute(select(Activity).where(Activity.person_id.in_(ids))).scalars()
    )
    for act in activities:
        act.subject = ""
        act.text = ""
        act.location = None
        act.channel = None
    followups = list(session.execute(select(FollowUp).where(FollowUp.person_id.in_(ids))).scalars())
    for fu in followups:
        fu.note = ""
    tickets = list(session.execute(select(Ticket).where(Ticket.person_id.in_(ids))).scalars())
    for ticket in tickets:
        ticket.title = ANONYMISED_NAME
        ticket.description = ""
        for change in ticket.status_changes:
            change.note = ""
    appointments = list(
        session.execute(select(Appointment).where(Appointment.person_id.in_(ids))).scalars()
    )
    for appt in appointments:
        appt.title = ANONYMISED_NAME
        appt.description = ""
        appt.location = None
        appt.organizer_email = None
        appt.organizer_name = None
    attendees = 0
    att = appointment_attendees
    for row in session.execute(select(att.c.id, att.c.person_id, att.c.name, att.c.email)).all():
        linked = row.person_id in ids
        by_mail = (row.email or "").strip().casefold() in emails
        by_name = mentions.found(row.name)
        if (linked or by_mail or by_name) and (row.name != ANONYMISED_NAME or row.email != ""):
            session.execute(
                att.update().where(att.c.id == row.id).values(email="", name=ANONYMISED_NAME)
            )
            attendees += 1
    for opp in session.execute(select(Opportunity).where(Opportunity.person_id.in_(ids))).scalars():
        opp.loss_note = None
    for order in session.execute(select(Order).where(Order.person_id.in_(ids))).scalars():
        order.notes = ""
    session.flush()

    removed = 0
    for entry in list(session.execute(select(UndoEntry)).scalars()):
        payload = entry.payload or {}
        if _mentions_person(payload, ids):
            session.delete(entry)
            removed += 1
            continue
        if entry.action.startswith("bulk-"):
            stripped = _strip_bulk_ids(payload, ids)
            if stripped is None:
                session.delete(entry)
                removed += 1
                continue
            if stripped is not payload:
                entry.payload = stripped
        if mentions.found(entry.label) or mentions.found(json.dumps(payload, ensure_ascii=False)):
            entry.label = mentions.scrub(entry.label)
            entry.payload = mentions.scrub_json(entry.payload)
    session.flush()
    scrubbed = _scrub_texts(session, mentions)
    # the search entries of her duplicates (in the trash they have none; make sure)
    session.execute(
        delete(SearchDocument).where(
            SearchDocument.kind == "person", SearchDocument.ref_id.in_(ids - {person_id})
        )
    )
    session.add(
        AuditEvent(
            at=now,
            event="anonymised",
            entity="person",
            entity_id=person_id,
            actor=actor,
            details={"duplicates": sorted(ids - {person_id})} if duplicates else {},
        )
    )
    session.flush()
    log.info("person %s anonymised (%s merged duplicates)", person_id, len(duplicates))
    return AnonymiseResult(
        person_id=person_id,
        activities=len(activities),
        followups=len(followups),
        tickets=len(tickets),
        appointments=len(appointments),
        undo_entries=removed,
        duplicates=tuple(sorted(ids - {person_id})),
        attendees=attendees,
        mentions=scrubbed,
        document_files=tuple(document_files),
        matcher=mentions,
    )


# ---------------------------------------------------------------- after the erasure


@dataclass(frozen=True)
class Unreached:
    """A copy the program cannot erase: an old backup, a file it does not keep."""

    kind: str  # "backup", "document-file", "exported-files"
    path: str | None = None
    created: dt.datetime | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "path": self.path, "created": _plain(self.created)}


@dataclass(frozen=True)
class ErasureReport:
    """Everything :func:`erase_person` did, and what it could not reach."""

    result: AnonymiseResult
    search_index_optimized: bool = False
    database_compacted: bool = False
    wal_truncated: bool = False
    calendar_rewritten: bool = False
    invitations_removed: int = 0
    log_files_scrubbed: int = 0
    not_reached: tuple[Unreached, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        r = self.result
        return {
            "person": r.person_id,
            "anonymised": True,
            "activities_blanked": r.activities,
            "followups_blanked": r.followups,
            "tickets_blanked": r.tickets,
            "appointments_blanked": r.appointments,
            "duplicates_anonymised": list(r.duplicates),
            "attendees_anonymised": r.attendees,
            "undo_entries_removed": r.undo_entries,
            "mentions_scrubbed": dict(r.mentions),
            "search_index_optimized": self.search_index_optimized,
            "database_compacted": self.database_compacted,
            "wal_truncated": self.wal_truncated,
            "calendar_rewritten": self.calendar_rewritten,
            "invitations_removed": self.invitations_removed,
            "log_files_scrubbed": self.log_files_scrubbed,
            "not_reached": [u.as_dict() for u in self.not_reached],
        }


def compact_sqlite(store: Store) -> tuple[bool, bool, bool]:
    """After an erasure on SQLite: merge the search index into one segment (its shadow
    tables then hold no trace of deleted entries), rewrite the file (VACUUM) with
    ``secure_delete`` on, and empty the WAL (checkpoint TRUNCATE) so that no old page
    survives in either file. Returns (index optimised, file rewritten, WAL emptied)."""
    if not store.is_sqlite:
        return (False, False, False)
    optimized = compacted = truncated = False
    raw = store.engine.raw_connection()
    try:
        cur = raw.cursor()
        try:
            cur.execute("PRAGMA secure_delete=ON")
            try:
                cur.execute("INSERT INTO search_fts(search_fts) VALUES('optimize')")
                optimized = True
            except Exception:  # no search table (an old or damaged store)
                log.warning("search index not optimised after an erasure")
            try:
                cur.execute("VACUUM")
                compacted = True
            except Exception as exc:  # busy, disk full: the pages are zeroed anyway
                log.warning("store not compacted after an erasure: %s", type(exc).__name__)
            try:
                row = cur.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                truncated = row is not None and int(row[0]) == 0
            except Exception as exc:
                log.warning("WAL not emptied after an erasure: %s", type(exc).__name__)
            cur.execute("PRAGMA secure_delete=OFF")
        finally:
            cur.close()
    finally:
        raw.close()
    return (optimized, compacted, truncated)


def _scrub_file(path: Path, mentions: Mentions) -> bool:
    """Replace her mentions in a text file in place (an open log handler keeps
    appending to the same file). True when it changed."""
    try:
        with path.open("r+", encoding="utf-8", errors="surrogateescape", newline="") as fh:
            content = fh.read()
            if not mentions.found(content):
                return False
            fh.seek(0)
            fh.write(mentions.scrub(content))
            fh.truncate()
            fh.flush()
            os.fsync(fh.fileno())
        return True
    except OSError:
        log.warning("a log file could not be scrubbed after an erasure")
        return False


def scrub_log_files(log_dir: Path, mentions: Mentions) -> int:
    """Remove her mentions from the program's own log files; returns files changed."""
    from crm_desktop.logging_setup import LOG_FILENAME

    changed = 0
    try:
        files = sorted(p for p in log_dir.iterdir() if p.name.startswith(LOG_FILENAME))
    except OSError:
        return 0
    for path in files:
        if path.is_file() and _scrub_file(path, mentions):
            changed += 1
    return changed


def remove_invitations(data_dir: Path, mentions: Mentions) -> int:
    """Delete the invitation files (``<data>/invitations/*.ics``) that name her."""
    folder = data_dir / "invitations"
    removed = 0
    try:
        files = sorted(folder.glob("*.ics"))
    except OSError:
        return 0
    for path in files:
        try:
            content = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        unfolded = re.sub(r"\r?\n[ \t]", "", content)
        if mentions.found(unfolded) or mentions.found(content):
            try:
                path.unlink()
                removed += 1
            except OSError:
                log.warning("an invitation file could not be removed after an erasure")
    return removed


def erase_person(
    store: Store,
    person_id: int,
    clock: Clock,
    *,
    actor: str = "",
    paths: AppPaths | None = None,
) -> ErasureReport:
    """Anonymise a person (one transaction, :func:`anonymise_person`), then reach the
    copies outside the tables: the search index and the database file and its WAL
    (SQLite), the calendar subscription file, invitation files and the log files (when
    ``paths`` are given). Lists what it cannot reach: backups made before, with their
    dates, and files the program does not keep track of."""
    with store.session() as s:
        result = anonymise_person(s, person_id, clock, actor=actor)
    from crm_desktop.services import search

    search.forget_vocabulary()  # the search's name words in memory held hers too
    optimized, compacted, truncated = compact_sqlite(store)
    mentions = result.matcher or Mentions((), (), ())
    documents = result.document_files
    calendar_rewritten = False
    invitations = logs = 0
    not_reached: list[Unreached] = []
    if paths is not None:
        if paths.calendar_path.exists():
            from crm_desktop.services.calendar import write_subscription

            try:
                write_subscription(store, paths.calendar_path, clock=clock)
                calendar_rewritten = True
            except Exception as exc:  # the erasure stands; the report says it
                log.warning("calendar file not rewritten after an erasure: %s", type(exc).__name__)
        invitations = remove_invitations(paths.data_dir, mentions)
        logs = scrub_log_files(paths.log_dir, mentions)
        from crm_desktop.services.backup import list_backups

        for info in list_backups(paths, preview=False):
            not_reached.append(Unreached("backup", str(info.path), info.created))
    not_reached += [Unreached("document-file", path) for path in documents]
    not_reached.append(Unreached("exported-files"))
    log.info("person %s erased (%s log files scrubbed)", person_id, logs)
    return ErasureReport(
        result=result,
        search_index_optimized=optimized,
        database_compacted=compacted,
        wal_truncated=truncated,
        calendar_rewritten=calendar_rewritten,
        invitations_removed=invitations,
        log_files_scrubbed=logs,
        not_reached=tuple(not_reached),
    )


# ---------------------------------------------------------------- consent and campaigns


def withdraw_consent(
    session: Session, person_id: int, clock: Clock, *, source: str | None = None
) -> Person:
    """Record that a person withdrew their marketing consent (audited, dated)."""
    person = contacts.set_consent(session, person_id, False, clock=clock)
    if source:
        session.add(
            AuditEvent(
                at=clock.now(),
                event="consent-withdrawal-source",
                entity="person",
                entity_id=person_id,
                details={"source": source[:200]},
            )
        )
        session.flush()
    return person


def campaign_eligible(
    session: Session, person_ids: Iterable[int], *, require_opt_in: bool = False
) -> tuple[list[int], int]:
    """Filter a campaign's recipients: (eligible ids in the given order, how many were
    left out because they withdrew their consent).

    People who withdrew marketing consent never appear; deleted and anonymised
    people neither. With ``require_opt_in`` (e-mail campaigns) only people with a
    recorded opt-in remain.
    """
    wanted = list(dict.fromkeys(person_ids))
    if not wanted:
        return [], 0
    rows = session.execute(
        select(
            Person.id,
            Person.consent_marketing,
            Person.consent_withdrawn_at,
            Person.deleted_at,
            Person.anonymized_at,
        ).where(Person.id.in_(wanted))
    ).all()
    by_id = {r[0]: r for r in rows}
    eligible: list[int] = []
    withdrawn = 0
    for pid in wanted:
        row = by_id.get(pid)
        if row is None or row.deleted_at is not None or row.anonymized_at is not None:
            continue
        if row.consent_withdrawn_at is not None and not row.consent_marketing:
            withdrawn += 1
            continue
        if require_opt_in and not row.consent_marketing:
            continue
        eligible.append(pid)
    return eligible, withdrawn


# ---------------------------------------------------------------- retention


@dataclass(frozen=True)
class RetentionCandidate:
    person_id: int
    name: str
    last_activity: dt.datetime | None
    created_at: dt.datetime

    def as_dict(self) -> dict[str, Any]:
        return {
            "person_id": self.person_id,
            "name": self.name,
            "last_activity": _plain(self.last_activity),
            "created_at": _plain(self.created_at),
        }


def _years_before(moment: dt.datetime, years: int) -> dt.datetime:
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year - years, day=28)


def retention_candidates(
    session: Session, clock: Clock, years: int = 3
) -> list[RetentionCandidate]:
    """People (not deleted, not anonymised) without any activity for ``years`` years
    (people who never had one count from their creation), oldest first."""
    if years < 1:
        raise ValueError(QT_TRANSLATE_NOOP("errors", "years must be at least 1"))
    cutoff = _years_before(clock.now(), years)
    last = (
        select(Activity.person_id, func.max(Activity.occurred_at).label("last_at"))
        .where(Activity.person_id.is_not(None), Activity.deleted_at.is_(None))
        .group_by(Activity.person_id)
        .subquery()
    )
    rows = session.execute(
        select(Person, last.c.last_at)
        .outerjoin(last, last.c.person_id == Person.id)
        .where(Person.deleted_at.is_(None), Person.anonymized_at.is_(None))
        .order_by(Person.id)
    ).all()
    out = []
    for person, last_at in rows:
        if isinstance(last_at, str):  # SQLite's max() of a datetime column
            last_at = dt.datetime.fromisoformat(last_at)
        if last_at is not None and last_at.tzinfo is None:
            last_at = last_at.replace(tzinfo=dt.UTC)
        reference = last_at or person.created_at
        if reference < cutoff:
            out.append(
                RetentionCandidate(
                    person_id=person.id,
                    name=person.full_name,
                    last_activity=last_at,
                    created_at=person.created_at,
                )
            )
    out.sort(key=lambda c: c.last_activity or c.created_at)
    return out
