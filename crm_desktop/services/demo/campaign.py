"""The campaign: members and their mailing activities."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert

from crm_desktop.data import models as m
from crm_desktop.services.demo.activities import (
    _Activities,
)
from crm_desktop.services.demo.common import (
    _tb,
)


class _Campaign(_Activities):
    """The campaign."""

    def gen_campaign(self) -> None:
        rng, lt = self.rng, self.light
        t, t_mem = _tb(m.Campaign), m.campaign_members
        year = self.today.year
        cid = self.new_id(t)
        created = self.now_naive - dt.timedelta(days=40)
        name = f"Herbstaktion Wartungsverträge {year}"
        self.conn.execute(insert(self.light(t)).values(
            id=cid, name=name, description="Mailing an Kunden mit Einwilligung: Wartungsvertrag Premium zum Aktionspreis.",
            criteria=lt.json({"consent": True, "company_status": ["customer"]}),
            created_at=lt.ts(created), updated_at=lt.ts(created),
        ))  # fmt: skip
        customers = {c["id"] for c in self.companies if c["status"] == "customer"}
        members = [p for p in self.consenting if self.person_info[p][1] in customers][:5000]
        for pid in members:
            self.add(t_mem, {"campaign_id": cid, "person_id": pid})
            if rng.random() < 0.5:
                at = created + dt.timedelta(days=1, minutes=rng.randint(0, 600))
                self.pending_activities.append(
                    self.activity_row("email", at, pid, self.person_info[pid][1],
                                      campaign_id=cid, subject=f"Mailing: {name}")
                )  # fmt: skip
        self.flush(t_mem)
        self.summary.campaigns += 1
