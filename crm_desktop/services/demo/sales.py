"""Sales: the pipeline (stages, loss reasons, opportunities, quotes), orders and
revenue targets."""

from __future__ import annotations

import datetime as dt
import decimal
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from crm_desktop.data import models as m
from crm_desktop.services.demo.activities import (
    _Activities,
)
from crm_desktop.services.demo.common import (
    _tb,
)
from crm_desktop.services.demo.words import (
    ARTICLES,
    LOSS_NOTES,
    LOSS_REASONS,
    OPPORTUNITY_TOPICS,
)

DEFAULT_STAGES: list[tuple[str, int]] = [
    ("Kontakt", 10),
    ("Bedarfsanalyse", 25),
    ("Angebot", 50),
    ("Verhandlung", 75),
]


def ensure_default_pipeline(conn: Session | Connection) -> dict[str, int]:
    """Create the default pipeline stages when there are none and the usual loss
    reasons that are missing; returns {name: id} of the stages."""
    stages = _tb(m.PipelineStage)
    rows = conn.execute(select(stages.c.id, stages.c.name)).all()
    if not rows:
        conn.execute(
            insert(stages),
            [
                {"name": name, "position": i, "probability": prob, "is_closed": False}
                for i, (name, prob) in enumerate(DEFAULT_STAGES)
            ],
        )
        rows = conn.execute(select(stages.c.id, stages.c.name)).all()
    reasons = _tb(m.LossReason)
    have = set(conn.execute(select(reasons.c.name)).scalars())
    missing = [{"name": n, "active": True} for n in LOSS_REASONS if n not in have]
    if missing:
        conn.execute(insert(reasons), missing)
    return {name: sid for sid, name in rows}


class _Sales(_Activities):
    """Opportunities, orders and targets."""

    def gen_pipeline(self) -> None:
        rng, lt = self.rng, self.light
        stage_ids = ensure_default_pipeline(self.conn)
        st = _tb(m.PipelineStage)
        stages = self.conn.execute(
            select(st.c.id, st.c.name, st.c.probability).where(st.c.is_closed.is_(False)).order_by(st.c.position)
        ).all()  # fmt: skip
        del stage_ids
        reasons = self.conn.execute(select(m.LossReason.id, m.LossReason.name)).all()
        t, t_doc = _tb(m.Opportunity), _tb(m.Document)
        staffed = [
            c for c in self.companies if self.people_of.get(c["id"]) and c["status"] != "former"
        ]
        if not staffed or not stages:
            return
        n = max(8, self.n_people // 25)
        quote_seq = self.sequences("quote")
        for k in range(n):
            comp = self.pick(staffed)
            person = self.pick(self.people_of[comp["id"]])
            r = (
                rng.random() if k >= 2 else (0.9 if k == 0 else 0.7)
            )  # at least one won and one lost
            created = self.past_moment(2 * 365, 3)
            if r < 0.55:
                stage = stages[min(len(stages) - 1, int(r / 0.55 * len(stages)))]
                status = "open"
                prob = int(stage[2])
                closed = None
                expected = self.today + dt.timedelta(days=rng.randint(7, 180))
            else:
                stage = stages[-1]
                status = "won" if r < 0.8 else "lost"
                prob = 100 if status == "won" else 0
                closed = min(
                    created + dt.timedelta(days=rng.randint(10, 120)),
                    self.now_naive - dt.timedelta(hours=2),
                )
                expected = closed.date()
            oid = self.new_id(t)
            quoted = None
            quote_stage = 0
            if stage[0] >= stages[min(2, len(stages) - 1)][0] or status != "open":
                quoted = created + dt.timedelta(days=rng.randint(1, 10))
                quoted = min(quoted, self.now_naive - dt.timedelta(hours=1))
                quote_stage = rng.randint(0, 3) if status == "open" else 0
                year = str(quoted.year)
                quote_seq[year] = quote_seq.get(year, 0) + 1
                qnum = f"{year}-{quote_seq[year]}"
                if status == "open":
                    self.quote_numbers.append((oid, qnum))
                self.add(t_doc, {"id": self.new_id(t_doc), "title": f"Angebot {qnum}", "kind": "quote",
                                 "path": None, "opportunity_id": oid, "project_id": None,
                                 "person_id": person, "company_id": comp["id"],
                                 "status": "accepted" if status == "won" else "closed" if status == "lost" else "open",
                                 "created_at": lt.ts(quoted), "updated_at": lt.ts(quoted)})  # fmt: skip
            value = decimal.Decimal(rng.randint(20, 2500) * 100)
            reason = self.pick(reasons) if status == "lost" and reasons else None
            row = {
                "id": oid, "title": f"{self.pick(OPPORTUNITY_TOPICS)} – {comp['name'].split(',')[0]}",
                "company_id": comp["id"], "person_id": person, "stage_id": stage[0], "status": status,
                "value": lt.money(value), "currency": "EUR", "probability": prob,
                "expected_close": lt.date(expected), "owner": self.owner,
                "source": self.pick(("Messe", "Empfehlung", "Website", "Kaltakquise", "Bestandskunde")),
                "loss_reason_id": reason[0] if reason else None,
                "loss_note": self.pick(LOSS_NOTES) if reason else None,
                "quote_sent_at": lt.ts(quoted), "quote_stage": quote_stage, "closed_at": lt.ts(closed),
                "project_id": None, "deleted_at": None,
                "created_at": lt.ts(created), "updated_at": lt.ts(closed or quoted or created),
            }  # fmt: skip
            self.add(t, row)
            for j in range(rng.randint(1, 3)):
                at = min(
                    created + dt.timedelta(days=3 * j, minutes=rng.randint(0, 600)), self.now_naive
                )
                kind = ("call", "email", "meeting")[j % 3]
                self.pending_activities.append(
                    self.activity_row(kind, at, person, comp["id"], opportunity_id=oid)
                )
            if status == "won":
                self.won.append(
                    {"id": oid, "company": comp, "closed": closed, "value": value, "person": person}
                )
            self.summary.opportunities += 1
        self.flush_all(t)
        self.store_sequences("quote", quote_seq)
        self.flush(t_doc)

    def gen_orders(self) -> None:
        rng, lt = self.rng, self.light
        t, t_line = _tb(m.Order), _tb(m.OrderLine)
        buyers = [
            c
            for c in self.companies
            if c["status"] in ("customer", "former") and self.people_of.get(c["id"])
        ]
        if not buyers:
            return
        n = max(5, self.n_people // 10)
        plans: list[tuple[dt.date, dict[str, Any], decimal.Decimal | None, int | None]] = []
        for _ in range(n):
            comp = self.pick(buyers)
            since = comp["since"] or self.today - dt.timedelta(days=1000)
            first = max(since, self.today - dt.timedelta(days=3 * 365))
            span = max(1, (self.today - first).days)
            plans.append((first + dt.timedelta(days=rng.randint(0, span - 1)), comp, None, None))
        for won in self.won:
            day = (won["closed"] + dt.timedelta(days=2)).date()
            plans.append((min(day, self.today), won["company"], won["value"], won["id"]))
        plans.sort(key=lambda p: p[0])
        seq = self.sequences("order")
        self.revenue: dict[tuple[int, int, bool], decimal.Decimal] = {}
        cent = decimal.Decimal("0.01")
        for day, comp, value, oid in plans:
            year = str(day.year)
            seq[year] = seq.get(year, 0) + 1
            order_id = self.new_id(t)
            lines = []
            if value is not None:
                lines.append(
                    ("DL-4003", "Projektpauschale laut Angebot", "psch", decimal.Decimal(1), value)
                )
            for _ in range(rng.randint(1, 5)):
                sku, desc, unit, list_price = self.pick(ARTICLES)
                qty = decimal.Decimal(
                    rng.randint(1, 16) if unit in ("Std", "Stk") else rng.randint(1, 4)
                )
                unit_price = (
                    decimal.Decimal(str(list_price)) * decimal.Decimal(rng.randint(90, 105)) / 100
                ).quantize(cent)
                lines.append((sku, desc, unit, qty, unit_price))
            total = sum(((q * p).quantize(cent) for _s, _d, _u, q, p in lines), decimal.Decimal(0))
            is_new = comp["since"] is not None and (day - comp["since"]).days < 365
            age = (self.today - day).days
            status = "invoiced" if age > 45 else "delivered" if age > 10 else "open"
            people = self.people_of[comp["id"]]
            self.add(t, {"id": order_id, "number": f"A-{year}-{seq[year]:05d}", "company_id": comp["id"],
                         "person_id": self.pick(people), "opportunity_id": oid, "order_date": lt.date(day),
                         "status": status, "currency": "EUR", "notes": "", "is_new_customer": is_new,
                         "total_net": lt.money(total), "deleted_at": None,
                         "created_at": lt.ts(dt.datetime.combine(day, dt.time(10))),
                         "updated_at": lt.ts(dt.datetime.combine(day, dt.time(10)))})  # fmt: skip
            for pos, (sku, desc, unit, qty, price) in enumerate(lines, start=1):
                self.add(t_line, {"id": self.new_id(t_line), "order_id": order_id, "position": pos,
                                  "sku": sku, "description": desc, "quantity": lt.money(qty),
                                  "unit": unit, "unit_price": lt.money(price), "vat_rate": lt.money(decimal.Decimal(19))})  # fmt: skip
                self.summary.order_lines += 1
            key = (day.year, day.month, is_new)
            self.revenue[key] = self.revenue.get(key, decimal.Decimal(0)) + total
            self.summary.orders += 1
        self.flush_all(t, t_line)
        self.store_sequences("order", seq)

    def gen_targets(self) -> None:
        lt = self.light
        t = _tb(m.RevenueTarget)
        have = {(y, mo) for y, mo in self.conn.execute(select(t.c.year, t.c.month)).all()}
        revenue = getattr(self, "revenue", {})
        months = 36
        existing = sum((v for (_y, _m, new), v in revenue.items() if not new), decimal.Decimal(0))
        new_total = sum((v for (_y, _m, new), v in revenue.items() if new), decimal.Decimal(0))
        base_existing = max(decimal.Decimal(5000), existing / months)
        base_new = max(decimal.Decimal(1000), new_total / months)
        rows = []
        for year in (self.today.year - 1, self.today.year):
            for month in range(1, 13):
                if (year, month) in have:
                    continue
                season = decimal.Decimal(1) + decimal.Decimal((3 - abs(month - 6)) * 2) / 100
                rows.append({
                    "id": self.new_id(t), "year": year, "month": month,
                    "existing_customers": lt.money((base_existing * season * decimal.Decimal("1.08")).quantize(decimal.Decimal("100"))),
                    "new_customers": lt.money((base_new * season * decimal.Decimal("1.10")).quantize(decimal.Decimal("100"))),
                })  # fmt: skip
        if rows:
            self.conn.execute(insert(self.light(t)), rows)
