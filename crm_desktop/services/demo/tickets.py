"""Tickets with their status history and numbers."""

from __future__ import annotations

import datetime as dt

from crm_desktop.data import models as m
from crm_desktop.services.demo.activities import (
    ACTIVITY_COLUMNS,
    _Activities,
)
from crm_desktop.services.demo.common import (
    _tb,
)
from crm_desktop.services.demo.words import (
    TICKET_STATUS_NOTES,
    TICKET_TITLES,
)


class _Tickets(_Activities):
    """The tickets."""

    def gen_tickets(self) -> None:
        rng, lt = self.rng, self.light
        t, t_sc = _tb(m.Ticket), _tb(m.TicketStatusChange)
        staffed = [c for c in self.companies if self.people_of.get(c["id"])]
        if not staffed:
            return
        customers = [c for c in staffed if c["status"] == "customer"] or staffed
        n = max(3, self.n_people // 20)
        plans = []
        for _ in range(n):
            comp = self.pick(customers) if rng.random() < 0.85 else self.pick(staffed)
            opened = self.past_moment(3 * 365, 0)
            plans.append((opened, comp))
        plans.sort(key=lambda p: p[0])
        seq = self.sequences("ticket")
        for opened, comp in plans:
            year = opened.replace(tzinfo=dt.UTC).astimezone(self.zone).year
            seq[str(year)] = seq.get(str(year), 0) + 1
            number = f"T-{year}-{seq[str(year)]:05d}"
            tid = self.new_id(t)
            people = self.people_of[comp["id"]]
            reporter = self.pick(people)
            kind = "complaint" if rng.random() < 0.55 else "service_call"
            title = self.pick(TICKET_TITLES)
            age = (self.now_naive - opened).days
            r = rng.random()
            if age > 60:
                path = (
                    ["waiting", "solved", "closed"]
                    if r < 0.6
                    else ["solved", "closed"]
                    if r < 0.85
                    else ["solved", "reopened", "solved", "closed"]
                )
            elif age > 14:
                path = (
                    ["waiting", "solved"]
                    if r < 0.4
                    else ["waiting"]
                    if r < 0.7
                    else ["solved", "reopened"]
                    if r < 0.8
                    else []
                )
            else:
                path = [] if r < 0.5 else ["waiting"]
            moment = opened
            status = "open"
            changes: list[tuple[str | None, str, dt.datetime, str]] = [
                (None, "open", opened, "Ticket angelegt.")
            ]
            for new in path:
                step = dt.timedelta(
                    hours=rng.randint(2, 24 * max(1, min(age, 20)) // max(1, len(path)))
                )
                moment = min(moment + step, self.now_naive - dt.timedelta(minutes=5))
                changes.append((status, new, moment, self.pick(TICKET_STATUS_NOTES[new])))
                status = new
            acts = []
            first = self.activity_row(kind, opened, reporter, comp["id"], ticket_id=tid)
            first_text = first[ACTIVITY_COLUMNS.index("text")]
            acts.append(first)
            for j in range(rng.randint(1, 4)):
                at = changes[min(j + 1, len(changes) - 1)][2] + dt.timedelta(
                    minutes=rng.randint(5, 240)
                )
                at = min(at, self.now_naive - dt.timedelta(minutes=1))
                who = self.pick(people)
                acts.append(
                    self.activity_row(
                        self.pick(("call", "email", "service_call", "note")),
                        at,
                        who,
                        comp["id"],
                        ticket_id=tid,
                    )
                )
            closed_at = moment if status in ("closed", "solved") else None
            prio = "A" if title.startswith("Maschine steht") else self.pick(("A", "B", "B", "C"))
            self.add(t, {
                "id": tid, "number": number, "title": title, "status": status, "kind": kind,
                "person_id": reporter, "company_id": comp["id"], "priority": prio,
                "description": first_text, "opened_at": lt.ts(opened), "closed_at": lt.ts(closed_at),
                "deleted_at": None, "created_at": lt.ts(opened), "updated_at": lt.ts(moment),
            })  # fmt: skip
            for old, new, at, note in changes:
                self.add(t_sc, {"id": self.new_id(t_sc), "ticket_id": tid, "old_status": old,
                                "new_status": new, "changed_at": lt.ts(at), "changed_by": self.owner,
                                "note": note})  # fmt: skip
            self.other_docs.append(("ticket", tid, f"{number} {title}", first_text))
            self.ticket_numbers.append((tid, number, reporter, comp["id"]))
            self.pending_activities.extend(acts)
            self.summary.tickets += 1
        self.flush_all(t, t_sc)
        self.store_sequences("ticket", seq)
