"""Contact sheets and day agendas as HTML: the whole history of a person, a company,
a ticket or a project on paper. Pure HTML (no Qt): the report layer prints it to PDF.

The labels come through a ``tr`` callable so the printout follows the user's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from crm_desktop.clock import local_zone
from crm_desktop.data.models import (
    Activity,
    Appointment,
    Company,
    FollowUp,
    Person,
    Project,
    Ticket,
)
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import NotFoundError
from crm_desktop.services.validation import format_phone

Tr = Callable[[str], str]

KIND_LABELS = {
    "call": QT_TRANSLATE_NOOP("Sheets", "Call"),
    "meeting": QT_TRANSLATE_NOOP("Sheets", "Meeting"),
    "email": QT_TRANSLATE_NOOP("Sheets", "E-mail"),
    "letter": QT_TRANSLATE_NOOP("Sheets", "Letter"),
    "visit": QT_TRANSLATE_NOOP("Sheets", "Visit"),
    "complaint": QT_TRANSLATE_NOOP("Sheets", "Complaint"),
    "service_call": QT_TRANSLATE_NOOP("Sheets", "Service call"),
    "note": QT_TRANSLATE_NOOP("Sheets", "Note"),
}

# labels that appear inside the f-strings below (lupdate does not look into f-strings)
_NO_ACTIVITIES_RECORDED = QT_TRANSLATE_NOOP("Sheets", "No activities recorded.")
_DETAILS = QT_TRANSLATE_NOOP("Sheets", "Details")
_ACTIVITY_HISTORY = QT_TRANSLATE_NOOP("Sheets", "Activity history")
_CONVERSATIONS = QT_TRANSLATE_NOOP("Sheets", "Conversations")
_STATUS_HISTORY = QT_TRANSLATE_NOOP("Sheets", "Status history")
_WHEN = QT_TRANSLATE_NOOP("Sheets", "When")
_WHAT = QT_TRANSLATE_NOOP("Sheets", "What")
_WHO = QT_TRANSLATE_NOOP("Sheets", "Who")
_NOTHING_IS_DUE_ON_THIS_DAY = QT_TRANSLATE_NOOP("Sheets", "Nothing is due on this day.")
_OVERDUE = QT_TRANSLATE_NOOP("Sheets", "overdue")
# status values, shown through ``tr(status.value)``
_STATUS_TEXTS = (
    QT_TRANSLATE_NOOP("Sheets", "prospect"),
    QT_TRANSLATE_NOOP("Sheets", "customer"),
    QT_TRANSLATE_NOOP("Sheets", "former"),
    QT_TRANSLATE_NOOP("Sheets", "open"),
    QT_TRANSLATE_NOOP("Sheets", "waiting"),
    QT_TRANSLATE_NOOP("Sheets", "solved"),
    QT_TRANSLATE_NOOP("Sheets", "closed"),
    QT_TRANSLATE_NOOP("Sheets", "reopened"),
    QT_TRANSLATE_NOOP("Sheets", "planned"),
    QT_TRANSLATE_NOOP("Sheets", "active"),
    QT_TRANSLATE_NOOP("Sheets", "on_hold"),
    QT_TRANSLATE_NOOP("Sheets", "done"),
    QT_TRANSLATE_NOOP("Sheets", "cancelled"),
)

STYLE = """
<style>
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #222; }
h1 { font-size: 16pt; margin: 0 0 2pt 0; }
h2 { font-size: 11pt; margin: 12pt 0 4pt 0; color: #1d4e89; border-bottom: 1px solid #1d4e89; }
.sub { color: #555; font-size: 9pt; }
table { border-collapse: collapse; width: 100%; }
td, th { padding: 3pt 4pt; vertical-align: top; }
th { text-align: left; background: #e8eef6; }
tr.day td { background: #f2f2f2; font-weight: bold; }
td.when { white-space: nowrap; width: 70pt; color: #444; }
td.kind { white-space: nowrap; width: 70pt; }
.text { white-space: pre-wrap; }
.foot { color: #777; font-size: 7pt; margin-top: 10pt; }
</style>
"""


def _identity(text: str) -> str:
    return text


def _fmt_dt(moment: dt.datetime, zone_name: str | None = None) -> str:
    return moment.astimezone(local_zone(zone_name)).strftime("%d.%m.%Y %H:%M")


def _fmt_date(day: dt.date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else ""


def _facts(rows: list[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><th width='22%'>{escape(k)}</th><td width='78%'>{escape(v)}</td></tr>"
        for k, v in rows
        if v
    )
    return f"<table width='100%' cellpadding='3' cellspacing='0'>{cells}</table>"


def _timeline(session: Session, activities: list[Activity], tr: Tr, zone: str | None) -> str:
    if not activities:
        return f"<p class='sub'>{escape(tr(_NO_ACTIVITIES_RECORDED))}</p>"
    out = ['<table width="100%" cellpadding="3" cellspacing="0">']
    current_day = None
    for act in activities:
        local = act.occurred_at.astimezone(local_zone(zone))
        if local.date() != current_day:
            current_day = local.date()
            out.append(
                f"<tr class='day'><td colspan='4'>{current_day.strftime('%d.%m.%Y')}</td></tr>"
            )
        who = act.person.full_name if act.person is not None else ""
        if act.company is not None:
            who = f"{who} ({act.company.name})" if who else act.company.name
        ticket = f" · {act.ticket.number}" if act.ticket is not None else ""
        subject = f"<b>{escape(act.subject)}</b><br/>" if act.subject else ""
        out.append(
            "<tr>"
            f"<td width='9%' class='when'>{local.strftime('%H:%M')}</td>"
            f"<td width='15%' class='kind'>{escape(tr(KIND_LABELS.get(act.kind.value, act.kind.value)))}{escape(ticket)}</td>"
            f"<td width='22%'>{escape(who)}</td>"
            f"<td width='54%' class='text'>{subject}{escape(act.text)}</td>"
            "</tr>"
        )
    out.append("</table>")
    return "".join(out)


def _document(title: str, subtitle: str, body: str, tr: Tr, now: dt.datetime) -> str:
    foot = tr(QT_TRANSLATE_NOOP("Sheets", "Printed on {date}")).format(date=_fmt_dt(now))
    return (
        f"<html><head><meta charset='utf-8'>{STYLE}</head><body>"
        f"<h1>{escape(title)}</h1><div class='sub'>{escape(subtitle)}</div>"
        f"{body}<div class='foot'>{escape(foot)}</div></body></html>"
    )


def _activities(session: Session, *conditions: object, limit: int = 5000) -> list[Activity]:
    return list(
        session.execute(
            select(Activity)
            .where(Activity.deleted_at.is_(None), *conditions)  # type: ignore[arg-type]
            .order_by(Activity.occurred_at.desc())
            .limit(limit)
        ).scalars()
    )


def person_sheet(
    session: Session, person_id: int, now: dt.datetime, tr: Tr = _identity, zone: str | None = None
) -> str:
    person = session.get(Person, person_id)
    if person is None or person.deleted_at is not None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Person {id} does not exist."), id=person_id
        )
    facts = [
        (tr(QT_TRANSLATE_NOOP("Sheets", "Company")), person.company.name if person.company else ""),
        (
            tr(QT_TRANSLATE_NOOP("Sheets", "Department")),
            person.department.name if person.department else "",
        ),
        (tr(QT_TRANSLATE_NOOP("Sheets", "Position")), person.position or ""),
        (
            tr(QT_TRANSLATE_NOOP("Sheets", "Reports to")),
            person.reports_to.full_name if person.reports_to else "",
        ),
        (tr(QT_TRANSLATE_NOOP("Sheets", "Birth date")), _fmt_date(person.birth_date)),
        (
            tr(QT_TRANSLATE_NOOP("Sheets", "Phone")),
            ", ".join(format_phone(p.number) for p in person.phones),
        ),
        (tr(QT_TRANSLATE_NOOP("Sheets", "E-mail")), ", ".join(e.address for e in person.emails)),
        (
            tr(QT_TRANSLATE_NOOP("Sheets", "Address")),
            " / ".join(a.one_line() for a in person.addresses),
        ),
        (tr(QT_TRANSLATE_NOOP("Sheets", "Notes")), person.notes),
    ]
    body = f"<h2>{escape(tr(_DETAILS))}</h2>{_facts(facts)}"
    body += f"<h2>{escape(tr(_ACTIVITY_HISTORY))}</h2>"
    body += _timeline(session, _activities(session, Activity.person_id == person_id), tr, zone)
    subtitle = " · ".join(
        x for x in [person.position or "", person.company.name if person.company else ""] if x
    )
    return _document(person.full_name, subtitle, body, tr, now)


def company_sheet(
    session: Session, company_id: int, now: dt.datetime, tr: Tr = _identity, zone: str | None = None
) -> str:
    company = session.get(Company, company_id)
    if company is None or company.deleted_at is not None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Company {id} does not exist."), id=company_id
        )
    ids = [company.id] + [b.id for b in company.branches if b.deleted_at is None]
    people = [p for p in company.people if p.deleted_at is None]
    facts = [
        (tr(QT_TRANSLATE_NOOP("Sheets", "Legal form")), company.legal_form or ""),
        (
            tr(QT_TRANSLATE_NOOP("Sheets", "Parent company")),
            company.parent.name if company.parent else "",
        ),
        (tr(QT_TRANSLATE_NOOP("Sheets", "Status")), tr(company.status.value)),
        (
            tr(QT_TRANSLATE_NOOP("Sheets", "Priority")),
            company.priority.value if company.priority else "",
        ),
        (
            tr(QT_TRANSLATE_NOOP("Sheets", "Phone")),
            ", ".join(format_phone(p.number) for p in company.phones),
        ),
        (tr(QT_TRANSLATE_NOOP("Sheets", "E-mail")), ", ".join(e.address for e in company.emails)),
        (tr(QT_TRANSLATE_NOOP("Sheets", "Website")), company.website or ""),
        (tr(QT_TRANSLATE_NOOP("Sheets", "VAT id")), company.vat_id or ""),
        (
            tr(QT_TRANSLATE_NOOP("Sheets", "Address")),
            " / ".join(a.one_line() for a in company.addresses),
        ),
        (tr(QT_TRANSLATE_NOOP("Sheets", "Contacts")), ", ".join(p.full_name for p in people[:30])),
    ]
    body = f"<h2>{escape(tr(_DETAILS))}</h2>{_facts(facts)}"
    body += f"<h2>{escape(tr(_ACTIVITY_HISTORY))}</h2>"
    person_ids = select(Person.id).where(Person.company_id.in_(ids))
    acts = _activities(
        session, or_(Activity.company_id.in_(ids), Activity.person_id.in_(person_ids))
    )
    body += _timeline(session, acts, tr, zone)
    return _document(company.name, company.legal_form or "", body, tr, now)


def ticket_sheet(
    session: Session, number: str, now: dt.datetime, tr: Tr = _identity, zone: str | None = None
) -> str:
    ticket = session.execute(
        select(Ticket).where(Ticket.number == number.strip().upper())
    ).scalar_one_or_none()
    if ticket is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Ticket {number} does not exist."), number=number
        )
    facts = [
        (tr(QT_TRANSLATE_NOOP("Sheets", "Title")), ticket.title),
        (tr(QT_TRANSLATE_NOOP("Sheets", "Status")), tr(ticket.status.value)),
        (tr(QT_TRANSLATE_NOOP("Sheets", "Opened")), _fmt_dt(ticket.opened_at, zone)),
        (
            tr(QT_TRANSLATE_NOOP("Sheets", "Closed")),
            _fmt_dt(ticket.closed_at, zone) if ticket.closed_at else "",
        ),
        (
            tr(QT_TRANSLATE_NOOP("Sheets", "Person")),
            ticket.person.full_name if ticket.person else "",
        ),
        (tr(QT_TRANSLATE_NOOP("Sheets", "Company")), ticket.company.name if ticket.company else ""),
        (tr(QT_TRANSLATE_NOOP("Sheets", "Description")), ticket.description),
    ]
    history = "".join(
        f"<tr><td class='when'>{_fmt_dt(ch.changed_at, zone)}</td><td>{escape(tr(ch.old_status.value) if ch.old_status else '')} → {escape(tr(ch.new_status.value))}</td><td>{escape(ch.changed_by)}</td><td>{escape(ch.note)}</td></tr>"
        for ch in ticket.status_changes
    )
    body = f"<h2>{escape(tr(_DETAILS))}</h2>{_facts(facts)}"
    if history:
        body += f"<h2>{escape(tr(_STATUS_HISTORY))}</h2><table>{history}</table>"
    body += f"<h2>{escape(tr(_CONVERSATIONS))}</h2>"
    body += _timeline(session, _activities(session, Activity.ticket_id == ticket.id), tr, zone)
    return _document(f"{ticket.number} {ticket.title}", "", body, tr, now)


def project_sheet(
    session: Session, project_id: int, now: dt.datetime, tr: Tr = _identity, zone: str | None = None
) -> str:
    project = session.get(Project, project_id)
    if project is None or project.deleted_at is not None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Project {id} does not exist."), id=project_id
        )
    facts = [
        (tr(QT_TRANSLATE_NOOP("Sheets", "Status")), tr(project.status.value)),
        (
            tr(QT_TRANSLATE_NOOP("Sheets", "Company")),
            project.company.name if project.company else "",
        ),
        (tr(QT_TRANSLATE_NOOP("Sheets", "Start")), _fmt_date(project.start_date)),
        (tr(QT_TRANSLATE_NOOP("Sheets", "End")), _fmt_date(project.end_date)),
        (
            tr(QT_TRANSLATE_NOOP("Sheets", "Members")),
            ", ".join(m.full_name for m in project.members),
        ),
        (tr(QT_TRANSLATE_NOOP("Sheets", "Description")), project.description),
    ]
    body = f"<h2>{escape(tr(_DETAILS))}</h2>{_facts(facts)}"
    body += f"<h2>{escape(tr(_CONVERSATIONS))}</h2>"
    body += _timeline(session, _activities(session, Activity.project_id == project_id), tr, zone)
    return _document(project.name, "", body, tr, now)


def agenda_sheet(
    session: Session,
    day: dt.date,
    now: dt.datetime,
    tr: Tr = _identity,
    zone: str | None = None,
    owner: str | None = None,
) -> str:
    tz = local_zone(zone)
    start = dt.datetime.combine(day, dt.time(), tzinfo=tz).astimezone(dt.UTC)
    end = start + dt.timedelta(days=1)
    follow_q = select(FollowUp).where(
        FollowUp.done_at.is_(None),
        FollowUp.cancelled_at.is_(None),
        FollowUp.due_at < end,
    )
    if owner:
        follow_q = follow_q.where(or_(FollowUp.owner.is_(None), FollowUp.owner == owner))
    follows = list(session.execute(follow_q.order_by(FollowUp.due_at)).scalars())
    appts = list(
        session.execute(
            select(Appointment)
            .where(Appointment.start_at >= start, Appointment.start_at < end)
            .order_by(Appointment.start_at)
        ).scalars()
    )
    rows = []
    for a in appts:
        who = a.person.full_name if a.person else ""
        rows.append(
            (a.start_at, f"<b>{escape(a.title)}</b>", escape(who), escape(a.location or ""))
        )
    for f in follows:
        who = f.person.full_name if f.person else (f.company.name if f.company else "")
        phone = ""
        if f.person is not None and f.person.phones:
            phone = format_phone(f.person.phones[0].number)
        overdue = f.effective_due < start
        label = escape(tr(KIND_LABELS.get(f.kind.value, f.kind.value)))
        if overdue:
            label += f" <span style='color:#b00'>({escape(tr(_OVERDUE))})</span>"
        rows.append((f.effective_due, f"{label}: {escape(f.note)}", escape(who), escape(phone)))
    rows.sort(key=lambda r: r[0])
    if rows:
        cells = "".join(
            f"<tr><td class='when'>{_fmt_dt(r[0], zone)}</td><td>{r[1]}</td><td>{r[2]}</td><td>{r[3]}</td></tr>"
            for r in rows
        )
        body = f"<table width='100%' cellpadding='3' cellspacing='0'><tr><th>{escape(tr(_WHEN))}</th><th>{escape(tr(_WHAT))}</th><th>{escape(tr(_WHO))}</th><th></th></tr>{cells}</table>"
    else:
        body = f"<p>{escape(tr(_NOTHING_IS_DUE_ON_THIS_DAY))}</p>"
    title = tr(QT_TRANSLATE_NOOP("Sheets", "Agenda for {date}")).format(
        date=day.strftime("%d.%m.%Y")
    )
    return _document(title, "", body, tr, now)
