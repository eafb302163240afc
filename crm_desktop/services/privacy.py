"""GDPR tools: right of access and portability, erasure, consent, retention.

- :func:`export_person_data` gathers everything stored about one person (a plain
  JSON-ready dict, Art. 15 and 20 GDPR); :func:`export_person_html` renders it as
  a readable, self-contained HTML page with every value escaped.
- :func:`anonymise_person` erases the personal data of a person (Art. 17) but
  keeps the record's skeleton (kinds, dates, links, amounts) so that statistics
  stay right. The audit log gets an "anonymised" event with the id only.
- :func:`withdraw_consent` records a withdrawal of marketing consent;
  :func:`campaign_eligible` makes sure such people never reach a campaign export.
- :func:`retention_candidates` lists people without any activity for N years.

Backups made before an erasure still hold the old data until rotation removes
them; the privacy dialog says so.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import enum
import html
import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, inspect, or_, select, text
from sqlalchemy.orm import Session

from crm_desktop import __version__
from crm_desktop.clock import Clock, SystemClock, to_local
from crm_desktop.data.models import (
    Activity,
    Appointment,
    AuditEvent,
    Campaign,
    Document,
    FollowUp,
    Opportunity,
    Order,
    Person,
    PriorityChange,
    Project,
    Ticket,
    UndoEntry,
    appointment_attendees,
    campaign_members,
    project_members,
)
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
        raise NotFoundError("Person {id} does not exist.", id=person_id)
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


@dataclass(frozen=True)
class AnonymiseResult:
    person_id: int
    activities: int
    followups: int
    tickets: int
    appointments: int
    undo_entries: int


def _mentions_person(payload: Any, person_id: int) -> bool:
    """Whether an undo payload refers to this person (so it may hold old values)."""
    if isinstance(payload, dict):
        if payload.get("person_id") == person_id:
            return True
        kind = payload.get("entity", payload.get("kind"))
        if kind == "person" and payload.get("id") == person_id:
            return True
        return any(_mentions_person(v, person_id) for v in payload.values())
    if isinstance(payload, list):
        return any(_mentions_person(v, person_id) for v in payload)
    return False


def anonymise_person(
    session: Session, person_id: int, clock: Clock, *, actor: str = ""
) -> AnonymiseResult:
    """Erase a person's personal data and keep the anonymous skeleton.

    Names become "Anonymisiert"; birth date, phones, e-mails, addresses, bank
    accounts, notes, photo, profile, tags and identifiers are removed; the texts
    and subjects of the person's activities, follow-ups, tickets and appointments
    are blanked while kinds, dates, durations and links stay. Undo entries that
    could bring the old values back are deleted. On SQLite ``secure_delete`` is
    switched on for the session's connection so freed pages are zeroed.
    """
    person = _person(session, person_id)
    if person.anonymized_at is not None:
        raise ConflictError("Person {id} has already been anonymised.", id=person_id)
    now = clock.now()
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("PRAGMA secure_delete=ON"))
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
    for sub in session.execute(select(Person).where(Person.reports_to_id == person_id)).scalars():
        sub.reports_to_id = None

    activities = list(
        session.execute(select(Activity).where(Activity.person_id == person_id)).scalars()
    )
    for act in activities:
        act.subject = ""
        act.text = ""
        act.location = None
        act.channel = None
    followups = list(
        session.execute(select(FollowUp).where(FollowUp.person_id == person_id)).scalars()
    )
    for fu in followups:
        fu.note = ""
    tickets = list(session.execute(select(Ticket).where(Ticket.person_id == person_id)).scalars())
    for ticket in tickets:
        ticket.title = ANONYMISED_NAME
        ticket.description = ""
        for change in ticket.status_changes:
            change.note = ""
    appointments = list(
        session.execute(select(Appointment).where(Appointment.person_id == person_id)).scalars()
    )
    for appt in appointments:
        appt.title = ANONYMISED_NAME
        appt.description = ""
        appt.location = None
        appt.organizer_email = None
        appt.organizer_name = None
    session.execute(
        appointment_attendees.update()
        .where(appointment_attendees.c.person_id == person_id)
        .values(email="", name=ANONYMISED_NAME)
    )
    for opp in session.execute(
        select(Opportunity).where(Opportunity.person_id == person_id)
    ).scalars():
        opp.loss_note = None
    for order in session.execute(select(Order).where(Order.person_id == person_id)).scalars():
        order.notes = ""
    undo = [
        u
        for u in session.execute(select(UndoEntry)).scalars()
        if _mentions_person(u.payload, person_id)
    ]
    for entry in undo:
        session.delete(entry)
    session.add(
        AuditEvent(
            at=now,
            event="anonymised",
            entity="person",
            entity_id=person_id,
            actor=actor,
            details={},
        )
    )
    session.flush()
    log.info("person %s anonymised", person_id)
    return AnonymiseResult(
        person_id=person_id,
        activities=len(activities),
        followups=len(followups),
        tickets=len(tickets),
        appointments=len(appointments),
        undo_entries=len(undo),
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
        raise ValueError("years must be at least 1")
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
