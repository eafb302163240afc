"""Contact intervals, target against actual: for a period, how often each person with a
contact rhythm was due (planned), how often they were contacted (done, counting only
contacts of the rhythm's kind when one is set) and who is behind.

Planned contacts: the days of the period the person was on file (from their creation on)
divided by the interval, rounded down; someone whose interval is longer than the period
is planned once when they were not contacted within the interval before the period ended
(they were due in it). Done contacts: the person's activities of the kind in the period.
Everything is counted in SQL (one grouped query); the arithmetic is per returned row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from crm_desktop.clock import Clock, local_to_utc, to_local
from crm_desktop.data.models import Activity, ActivityKind, Company, Person
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import ValidationError


@dataclass(frozen=True)
class ContactPlanRow:
    person_id: int
    name: str
    company: str | None
    owner: str | None
    kind: ActivityKind | None  # None: any kind of contact counts
    interval_days: int
    planned: int
    done: int
    last_contact: dt.datetime | None  # the last contact of the kind up to the period's end

    @property
    def behind(self) -> int:
        """Contacts missing in the period (0: on plan or ahead)."""
        return max(0, self.planned - self.done)

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.person_id,
            "name": self.name,
            "company": self.company,
            "owner": self.owner,
            "kind": self.kind.value if self.kind else None,
            "interval_days": self.interval_days,
            "planned": self.planned,
            "done": self.done,
            "behind": self.behind,
            "last_contact": self.last_contact.isoformat() if self.last_contact else None,
        }


def default_period(clock: Clock) -> tuple[dt.date, dt.date]:
    """From the first of this year to today (local time)."""
    today = to_local(clock.now()).date()
    return dt.date(today.year, 1, 1), today


def check_period(start: dt.date, end: dt.date) -> None:
    if end < start:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The period ends before it starts."), field="to"
        )


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    if isinstance(moment, dt.datetime) and moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment


def contact_plan(
    session: Session,
    start: dt.date,
    end: dt.date,
    owner: str | None = None,
) -> list[ContactPlanRow]:
    """Planned against done contacts from ``start`` to ``end`` (inclusive, local days) of
    everyone with a contact interval; of one owner's people when ``owner`` is given (the
    person's owner, else their company's). Most behind first, then by name."""
    check_period(start, end)
    begin = local_to_utc(dt.datetime.combine(start, dt.time()))
    finish = local_to_utc(dt.datetime.combine(end + dt.timedelta(days=1), dt.time()))
    of_kind = and_(
        Activity.person_id == Person.id,
        Activity.deleted_at.is_(None),
        or_(Person.contact_interval_kind.is_(None), Activity.kind == Person.contact_interval_kind),
        Activity.occurred_at < finish,
    )
    in_period = func.count(Activity.id).filter(Activity.occurred_at >= begin)
    who = func.coalesce(Person.owner, Company.owner)
    query = (
        select(
            Person.id,
            Person.title,
            Person.given_name,
            Person.family_name,
            Company.name,
            who,
            Person.contact_interval_kind,
            Person.contact_interval_days,
            Person.created_at,
            in_period,
            func.max(Activity.occurred_at),
        )
        .outerjoin(Company, Company.id == Person.company_id)
        .outerjoin(Activity, of_kind)
        .where(
            Person.contact_interval_days.is_not(None),
            Person.contact_interval_days > 0,
            Person.deleted_at.is_(None),
            Person.anonymized_at.is_(None),
            or_(Person.created_at.is_(None), Person.created_at < finish),
        )
        .group_by(
            Person.id,
            Person.title,
            Person.given_name,
            Person.family_name,
            Company.name,
            who,
            Person.contact_interval_kind,
            Person.contact_interval_days,
            Person.created_at,
        )
    )
    if owner:
        query = query.where(who == owner)
    out = []
    for (
        pid,
        title,
        given,
        family,
        company,
        who_,
        kind,
        interval,
        created,
        done,
        last,
    ) in session.execute(query).all():
        every = int(interval or 0)
        last_at = _aware(last)
        created_at = _aware(created)
        on_file = to_local(created_at).date() if created_at else start
        first_day = max(start, on_file)
        planned = ((end - first_day).days + 1) // every
        if planned == 0:
            # a rhythm longer than the period: due once when the interval ran out in it
            due_from = to_local(last_at).date() if last_at else on_file
            planned = int(due_from + dt.timedelta(days=every) <= end)
        name = " ".join(p for p in (title or "", given or "", family or "") if p)
        out.append(
            ContactPlanRow(
                pid,
                name,
                company,
                who_,
                ActivityKind(kind) if kind else None,
                every,
                planned,
                int(done or 0),
                last_at,
            )
        )
    out.sort(key=lambda r: (-r.behind, r.done - r.planned, r.name.casefold()))
    return out


def owners(session: Session) -> list[str]:
    """The owners to filter by: those of people with a rhythm and of their companies."""
    rhythmic = Person.contact_interval_days.is_not(None), Person.deleted_at.is_(None)
    found = set(session.scalars(select(Person.owner).where(*rhythmic).distinct()))
    found |= set(
        session.scalars(
            select(Company.owner)
            .join(Person, Person.company_id == Company.id)
            .where(*rhythmic)
            .distinct()
        )
    )
    return sorted((o for o in found if o), key=str.casefold)
