"""Projects with their members and linked activities."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import bindparam, update

from crm_desktop.data import models as m
from crm_desktop.services.demo.activities import (
    _Activities,
)
from crm_desktop.services.demo.common import (
    _tb,
)
from crm_desktop.services.demo.words import (
    PROJECT_TOPICS,
)


class _Projects(_Activities):
    """The projects."""

    def gen_projects(self) -> None:
        rng, lt = self.rng, self.light
        t, t_mem = _tb(m.Project), m.project_members
        staffed = [c for c in self.companies if self.people_of.get(c["id"])]
        if not staffed:
            return
        n = max(2, self.n_people // 100, len(self.won))
        links: list[dict[str, Any]] = []
        for k in range(n):
            opp = self.won[k] if k < len(self.won) else None
            comp = opp["company"] if opp else self.pick(staffed)
            pid = self.new_id(t)
            if opp is not None:
                start = (opp["closed"] + dt.timedelta(days=rng.randint(5, 40))).date()
                links.append({"oid": opp["id"], "pid": pid})
            else:
                start = self.past_moment(3 * 365, 0).date() + dt.timedelta(days=rng.randint(0, 90))
            end = start + dt.timedelta(days=rng.randint(30, 300))
            if start > self.today:
                status = "planned"
            elif end < self.today:
                status = "done" if rng.random() < 0.85 else "cancelled"
            else:
                status = "active" if rng.random() < 0.85 else "on_hold"
            topic = self.pick(PROJECT_TOPICS)
            name = f"{topic} – {comp['name'].split(',')[0]}"
            desc = f"{topic} für {comp['name']}. Ansprechpartner: {self.person_info[self.people_of[comp['id']][0]][0]}."
            created = dt.datetime.combine(start, dt.time(9)) - dt.timedelta(days=3)
            self.add(t, {"id": pid, "name": name, "status": status, "company_id": comp["id"],
                         "opportunity_id": opp["id"] if opp else None, "start_date": lt.date(start),
                         "end_date": lt.date(end), "description": desc, "deleted_at": None,
                         "created_at": lt.ts(min(created, self.now_naive)),
                         "updated_at": lt.ts(min(created, self.now_naive))})  # fmt: skip
            members = list(self.people_of[comp["id"]])
            rng.shuffle(members)
            members = members[: rng.randint(2, 6)]
            # partners from a sister company of the group or a freelancer
            if rng.random() < 0.4:
                sisters = [c for c in staffed if c["family"] == comp["family"] and c["id"] != comp["id"]
                           and (c["parent"] == comp["parent"] or c["id"] == comp["parent"] or c["parent"] == comp["id"])]  # fmt: skip
                pool = self.people_of[self.pick(sisters)["id"]] if sisters else self.freelancers
                if pool:
                    extra = self.pick(pool)
                    if extra not in members:
                        members.append(extra)
            for person in members:
                self.add(t_mem, {"project_id": pid, "person_id": person})
            first = (
                dt.datetime.combine(start, dt.time(8))
                .replace(tzinfo=self.zone)
                .astimezone(dt.UTC)
                .replace(tzinfo=None)
            )
            last = min(self.now_naive, first + dt.timedelta(days=(end - start).days))
            span = max(1, int((last - first).total_seconds() // 3600))
            if first < self.now_naive:
                for _ in range(rng.randint(3, 8)):
                    at = first + dt.timedelta(hours=rng.randint(0, span))
                    who = self.pick(members)
                    kind = self.pick(("meeting", "call", "email", "visit", "note"))
                    self.pending_activities.append(
                        self.activity_row(kind, at, who, self.person_info[who][1], project_id=pid)
                    )
            self.other_docs.append(("project", pid, name, desc))
            self.summary.projects += 1
        self.flush_all(t, t_mem)
        t_opp = _tb(m.Opportunity)
        if links:
            self.conn.execute(
                update(t_opp)
                .where(t_opp.c.id == bindparam("oid"))
                .values(project_id=bindparam("pid")),
                links,
            )
