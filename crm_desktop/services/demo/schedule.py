"""Follow-ups and appointments (with attendees)."""

from __future__ import annotations

import datetime as dt
import uuid

from crm_desktop.data import models as m
from crm_desktop.services.demo.common import (
    _tb,
)
from crm_desktop.services.demo.words import (
    FOLLOWUP_NOTES,
    PRODUCTS,
)
from crm_desktop.services.demo.writer import (
    _Writer,
)


class _Schedule(_Writer):
    """Follow-ups and appointments."""

    def uid(self, kind: str, row_id: int) -> str:
        """A stable iCalendar UID; the row id keeps it unique when demo data is added twice."""
        return f"{uuid.UUID(int=self.rng.getrandbits(128), version=4)}-{kind}{row_id}@crm-desktop"

    def gen_followups(self) -> None:
        rng, lt = self.rng, self.light
        t = _tb(m.FollowUp)
        staffed = [c for c in self.companies if self.people_of.get(c["id"])]
        n = max(10, self.n_people // 20)
        for k in range(n):
            r = rng.random()
            if k < 3 or r < 0.1:
                bucket = "today"
                due = self.local_at(self.today, (8, 10, 11, 14, 15, 16)[k % 6], (0, 30)[k % 2])
            elif k < 6 or r < 0.4:
                bucket = "overdue"
                day = self.today - dt.timedelta(days=rng.randint(1, 45))
                due = self.local_at(day, rng.randint(8, 17))
            else:
                bucket = "later"
                day = self.today + dt.timedelta(days=rng.randint(1, 60))
                due = self.local_at(day, rng.randint(8, 17))
            note = self.pick(FOLLOWUP_NOTES)
            opp_id = ticket_id = None
            person: int | None = None
            company: int | None = None
            if "{q}" in note and self.quote_numbers:
                opp_id, qnum = self.pick(self.quote_numbers)
                note = note.replace("{q}", qnum)
            elif "{t}" in note and self.ticket_numbers:
                ticket_id, tnum, person, company = self.pick(self.ticket_numbers)
                note = note.replace("{t}", tnum)
            else:
                note = (
                    note.replace("{q}", f"{self.today.year}-17")
                    .replace("{t}", "")
                    .replace("{p}", self.pick(PRODUCTS))
                )
            if person is None:
                if staffed and rng.random() < 0.9:
                    comp = self.pick(staffed)
                    person, company = self.pick(self.people_of[comp["id"]]), comp["id"]
                elif self.freelancers:
                    person = self.pick(self.freelancers)
            created = due - dt.timedelta(days=rng.randint(3, 30))
            self.add(t, {
                "id": (fid := self.new_id(t)), "uid": self.uid("f", fid), "due_at": lt.ts(due),
                "kind": self.pick(("call", "call", "email", "visit", "meeting")), "note": note,
                "owner": self.owner, "person_id": person, "company_id": company, "activity_id": None,
                "ticket_id": ticket_id, "opportunity_id": opp_id, "project_id": None,
                "done_at": None, "cancelled_at": None, "snoozed_until": None, "notified_at": None,
                "auto_reason": "interval" if note == "Jahresgespräch vorbereiten" else None,
                "sequence": 0, "created_at": lt.ts(min(created, self.now)), "updated_at": lt.ts(min(created, self.now)),
            })  # fmt: skip
            del bucket
            self.summary.followups += 1
        self.flush(t)

    def gen_appointments(self) -> None:
        rng, lt = self.rng, self.light
        t, t_att = _tb(m.Appointment), m.appointment_attendees
        staffed = [c for c in self.companies if self.people_of.get(c["id"])]
        if not staffed:
            return
        monday = self.today - dt.timedelta(days=self.today.weekday())
        n = max(5, min(20, 5 + self.n_people // 2000))
        for k in range(n):
            if k < 3:
                day, hour = self.today, (10, 13, 16)[k]
            else:
                day, hour = monday + dt.timedelta(days=rng.randint(0, 4)), rng.randint(8, 17)
            start = self.local_at(day, hour, self.pick((0, 0, 15, 30)))
            minutes = self.pick((30, 60, 60, 90, 120))
            comp = self.pick(staffed)
            person = self.pick(self.people_of[comp["id"]])
            ref, _cid, mail = self.person_info[person]
            topic = self.pick(
                (
                    "Jahresgespräch",
                    "Projektbesprechung",
                    "Vorführung",
                    "Angebotsbesprechung",
                    "Wartungsplanung",
                )
            )
            kind = self.pick(("meeting", "visit", "call"))
            aid = self.new_id(t)
            self.add(t, {
                "id": aid, "uid": self.uid("a", aid), "title": f"{topic} {comp['name'].split(',')[0]} ({ref})",
                "start_at": lt.ts(start), "end_at": lt.ts(start + dt.timedelta(minutes=minutes)),
                "all_day": False, "location": None if kind == "call" else f"{comp['city'][0]}",
                "description": f"{topic} mit {ref}.", "kind": kind,
                "status": "confirmed" if rng.random() < 0.8 else "tentative",
                "organizer_email": None, "organizer_name": self.owner, "owner": self.owner,
                "person_id": person, "company_id": comp["id"], "project_id": None, "opportunity_id": None,
                "sequence": 0, "notified_at": None, "source": "local",
                "created_at": lt.ts(self.now - dt.timedelta(days=7)), "updated_at": lt.ts(self.now - dt.timedelta(days=7)),
            })  # fmt: skip
            if mail:
                self.add(t_att, {"id": self.new_id(t_att), "appointment_id": aid, "person_id": person,
                                 "email": mail, "name": ref, "partstat": self.pick(("ACCEPTED", "NEEDS-ACTION"))})  # fmt: skip
            self.summary.appointments += 1
        self.flush_all(t, t_att)
