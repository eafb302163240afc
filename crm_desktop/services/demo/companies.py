"""Companies: groups with subsidiaries and branches, sizes, bank accounts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from crm_desktop.data import models as m
from crm_desktop.services.demo.common import (
    _tb,
)
from crm_desktop.services.demo.contacts import (
    _Contacts,
    _iban,
    _slug,
    _vat_id,
)
from crm_desktop.services.demo.words import (
    BRANCH_SUFFIXES,
    CITIES,
    FANTASY_NAMES,
    FORMER_REASONS,
    PAYMENT_TERMS,
    TRADES,
)


class _Companies(_Contacts):
    """The companies and their contact details."""

    def make_company(self, name: str, legal: str | None, parent_id: int | None,
                     family: str, size: int) -> dict[str, Any]:  # fmt: skip
        rng, lt = self.rng, self.light
        t = _tb(m.Company)
        cid = self.new_id(t)
        city = self.pick(CITIES)
        created = self.past_moment(8 * 365, 400)
        r = rng.random()
        status = "customer" if r < 0.5 else "prospect" if r < 0.88 else "former"
        since = None
        if status != "prospect":
            span = max(1, (self.now_naive - created).days - 365)
            since = (created + dt.timedelta(days=rng.randint(0, span))).date()
        priority = None
        if rng.random() < 0.7:
            priority = "A" if rng.random() < 0.2 else "B" if rng.random() < 0.6 else "C"
        domain = _slug(name.split(",")[0].replace(legal or "", "")) or f"firma{cid}"
        domain = domain.strip("-") + ".de"
        website = f"https://www.{domain}"
        reg = None
        if legal in ("GmbH", "AG", "UG (haftungsbeschränkt)"):
            reg = f"HRB {rng.randint(1000, 759999)}"
        elif legal in ("KG", "OHG", "GmbH & Co. KG", "e.K."):
            reg = f"HRA {rng.randint(100, 99999)}"
        gf = [self.draw_name() for _ in range(1 if rng.random() < 0.8 else 2)]
        row = {
            "id": cid,
            "name": name,
            "legal_form": legal,
            "parent_id": parent_id,
            "status": status,
            "status_reason": self.pick(FORMER_REASONS) if status == "former" else None,
            "customer_since": lt.date(since),
            "priority": priority,
            "website": website,
            "vat_id": _vat_id(rng) if rng.random() < 0.5 else None,
            "register_court": f"Amtsgericht {city[0]}" if reg else None,
            "register_number": reg,
            "managing_directors": ", ".join(f"{g} {f}" for g, _fem, f in gf),
            "payment_terms": self.pick(PAYMENT_TERMS) if status != "prospect" else None,
            "owner": self.owner,
            "notes": "",
            "needs_review": False,
            "import_batch_id": None,
            "deleted_at": None,
            "created_at": lt.ts(created),
            "updated_at": lt.ts(created),
        }
        self.add(t, row)
        base = self.phone_base(city[2])
        phones = [base + "10"]
        self.add_phone(phones[0], "work", company_id=cid, label="Zentrale")
        if rng.random() < 0.3:
            phones.append(base + "99")
            self.add_phone(phones[1], "fax", company_id=cid)
        emails = [f"info@{domain}"]
        self.add_email(emails[0], "work", company_id=cid)
        self.add_address("main", city, company_id=cid)
        if rng.random() < 0.2:
            self.add_address("delivery", city, company_id=cid, extra="Warenannahme Tor 3")
        if rng.random() < 0.15:
            self.add_address("billing", city, company_id=cid, extra="z. Hd. Buchhaltung")
        if status != "prospect" and rng.random() < 0.3:
            t_bank = _tb(m.BankAccount)
            self.add(t_bank, {"id": self.new_id(t_bank), "company_id": cid, "person_id": None,
                              "iban": _iban(rng), "bic": None, "holder": name,
                              "bank_name": self.pick(("Sparkasse", "Volksbank", "Commerzbank", "Deutsche Bank"))})  # fmt: skip
        if priority is not None:
            self.priority_history(priority, created, company_id=cid)
        body = " ".join(x for x in [legal or "", website, *emails, *phones] if x)
        self.company_docs.append((cid, name, body))
        info = {"id": cid, "name": name, "status": status, "since": since, "city": city,
                "base": base, "domain": domain, "gf": gf, "size": size, "created": created,
                "parent": parent_id, "family": family}  # fmt: skip
        self.companies.append(info)
        self.summary.companies += 1
        return info

    def company_size(self) -> int:
        r = self.rng.random()
        if r < 0.35:
            size = self.rng.randint(1, 3)
        elif r < 0.75:
            size = self.rng.randint(4, 10)
        elif r < 0.95:
            size = self.rng.randint(11, 30)
        else:
            size = self.rng.randint(31, 100)
        return min(size, max(3, self.n_people // 8))  # small demos: several companies

    def gen_companies(self, employed: int) -> None:
        rng = self.rng
        remaining = employed
        while remaining > 0 or not self.companies:
            family = self.pick(self.family_pool)
            if rng.random() < 0.06:
                group = self.make_company(f"{family} Gruppe", "GmbH & Co. KG", None, family, 2)
                remaining -= 2
                for _ in range(rng.randint(1, 3)):
                    trade = self.pick(TRADES)[0]
                    sub_name = f"{family} {trade} GmbH"
                    size = self.company_size()
                    sub = self.make_company(sub_name, "GmbH", group["id"], family, size)
                    remaining -= size
                    for _ in range(rng.randint(0, 3)):
                        suffix = self.pick(BRANCH_SUFFIXES)
                        size = self.company_size() // 2
                        self.make_company(f"{sub_name}, {suffix}", "GmbH", sub["id"], family, size)
                        remaining -= size
            else:
                trade = self.pick(TRADES)[0]
                legal = self.pick(self.legal_pool)
                r = rng.random()
                if r < 0.65:
                    name = f"{family} {trade} {legal}"
                elif r < 0.85:
                    name = f"{self.pick(FANTASY_NAMES)} {trade} {legal}"
                else:
                    other = self.pick(self.family_pool)
                    name = f"{family} & {other} {legal}"
                size = 0 if rng.random() < 0.08 else self.company_size()
                self.make_company(name, legal, None, family, size)
                remaining -= size
        # sizes overshoot at the end: trim so that exactly ``employed`` people get a job
        total = sum(c["size"] for c in self.companies)
        i = len(self.companies) - 1
        while total > employed and i >= 0:
            cut = min(self.companies[i]["size"], total - employed)
            self.companies[i]["size"] -= cut
            total -= cut
            i -= 1
        self.flush_all(
            _tb(m.Company), _tb(m.Phone), _tb(m.Email), _tb(m.Address),
            _tb(m.BankAccount), _tb(m.PriorityChange),
        )  # fmt: skip
