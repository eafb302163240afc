"""People: departments, reporting lines, positions, freelancers, consent, profiles."""

from __future__ import annotations

import datetime as dt
from typing import Any

from crm_desktop.data import models as m
from crm_desktop.services.demo.common import (
    _tb,
)
from crm_desktop.services.demo.contacts import (
    _Contacts,
    _slug,
)
from crm_desktop.services.demo.words import (
    CITIES,
    CONSENT_SOURCES,
    DEPARTMENTS,
    FREELANCE_OCCUPATIONS,
    FREEMAIL,
    HOBBIES,
    MARITAL,
    POSITIONS,
)


class _People(_Contacts):
    """The people of the companies and the freelancers."""

    def add_person(
        self,
        name: tuple[str, bool, str],
        *,
        company: dict[str, Any] | None,
        department_id: int | None,
        reports_to: int | None,
        position: str | None,
    ) -> int:
        rng, lt = self.rng, self.light
        t = _tb(m.Person)
        pid = self.new_id(t)
        given, female, family = name
        r = rng.random()
        title = (
            "Dr." if r < 0.05 else "Prof. Dr." if r < 0.056 else "Dipl.-Ing." if r < 0.075 else None
        )
        salutation = ("Frau" if female else "Herr") if rng.random() < 0.985 else None
        full = " ".join(p for p in (title, given, family) if p)
        created = self.past_moment(6 * 365, 30)
        if company is not None and created < company["created"]:
            created = company["created"] + dt.timedelta(days=rng.randint(0, 60))
        birth = None
        if rng.random() < 0.55:
            birth = self.today - dt.timedelta(days=rng.randint(22 * 365, 64 * 365))
        consent = rng.random() < 0.3
        consent_at = self.past_moment(5 * 365) if consent else None
        withdrawn = None
        if consent and rng.random() < 0.08:
            consent = False
            withdrawn = consent_at + dt.timedelta(days=rng.randint(30, 300)) if consent_at else None
            if withdrawn is not None and withdrawn > self.now_naive:
                withdrawn = self.now_naive - dt.timedelta(days=1)
        interval = None
        interval_kind = None
        if rng.random() < 0.04:
            interval = self.pick((14, 30, 30, 60, 90, 90, 180))
            interval_kind = self.pick(("call", "call", "visit", "meeting", "email"))
        priority = None
        if rng.random() < 0.35:
            priority = "A" if rng.random() < 0.2 else "B" if rng.random() < 0.6 else "C"
        occupation = None
        if company is None:
            occupation = self.pick(FREELANCE_OCCUPATIONS)
        notes = ""
        if rng.random() < 0.08:
            notes = self.pick((
                "Bevorzugt Kontakt per E-Mail.", "Nicht vor 10 Uhr anrufen.",
                "Entscheidet gemeinsam mit dem Einkauf.", "Sehr preisbewusst.",
                "Kennt uns von der Hannover Messe.", "Duzt sich mit dem Chef.",
            ))  # fmt: skip
        row = {
            "id": pid,
            "salutation": salutation,
            "title": title,
            "given_name": given,
            "family_name": family,
            "nickname": None,
            "birth_date": lt.date(birth),
            "position": position,
            "company_id": company["id"] if company else None,
            "department_id": department_id,
            "reports_to_id": reports_to,
            "occupation": occupation,
            "marital_status": self.pick(MARITAL) if rng.random() < 0.1 else None,
            "hobbies": self.pick(HOBBIES) if rng.random() < 0.1 else None,
            "profile_fields": "{}",
            "consent_marketing": consent,
            "consent_at": lt.ts(consent_at),
            "consent_source": self.pick(CONSENT_SOURCES) if consent_at else None,
            "consent_withdrawn_at": lt.ts(withdrawn),
            "contact_interval_days": interval,
            "contact_interval_kind": interval_kind,
            "priority": priority,
            "payment_terms": None,
            "owner": self.owner,
            "notes": notes,
            "vcard_uid": None,
            "photo": None,
            "needs_review": False,
            "review_reason": None,
            "import_batch_id": None,
            "anonymized_at": None,
            "deleted_at": None,
            "created_at": lt.ts(created),
            "updated_at": lt.ts(created),
        }
        self.add(t, row)
        if interval:
            self.interval_of[pid] = interval
        emails: list[str] = []
        phones: list[tuple[str, str]] = []
        local = _slug(given) + "." + _slug(family)
        if company is not None:
            if rng.random() < 0.92:
                style = rng.random()
                lp = (
                    local
                    if style < 0.7
                    else f"{_slug(given)[:1]}.{_slug(family)}"
                    if style < 0.9
                    else _slug(family)
                )
                emails.append(f"{lp}@{company['domain']}")
            if rng.random() < 0.9:
                phones.append((company["base"], "work"))
        else:
            emails.append(
                f"{local}{rng.randint(1, 99) if rng.random() < 0.4 else ''}@{self.pick(FREEMAIL)}"
            )
        if rng.random() < (0.45 if company else 0.9):
            phones.append((self.mobile(), "mobile"))
        numbers: list[str] = []
        for entry in phones:
            number, kind = entry
            if kind == "work":
                number = f"{number}{rng.randint(11, 98)}"
            numbers.append(number)
            self.add_phone(number, kind, person_id=pid)
        for address in emails:
            self.add_email(address, "work" if company else "home", person_id=pid)
        if company is None or rng.random() < 0.05:
            self.add_address("home", self.pick(CITIES), person_id=pid)
        if priority is not None:
            self.priority_history(priority, created, person_id=pid)
        if consent:
            self.consenting.append(pid)
        cname = company["name"] if company else ""
        body = " ".join(x for x in [cname, position or "", *emails, *numbers] if x)
        self.person_docs.append((pid, full, body))
        ref = f"{salutation} {family}" if salutation else full
        self.person_info[pid] = (
            ref,
            company["id"] if company else None,
            emails[0] if emails else "",
        )
        if company is not None:
            self.people_of.setdefault(company["id"], []).append(pid)
        self.summary.people += 1
        return pid

    def gen_people(self) -> None:
        rng = self.rng
        t_dept = _tb(m.Department)
        freelancers = self.n_people - sum(c["size"] for c in self.companies)
        for comp in self.companies:
            size = comp["size"]
            if size <= 0:
                continue
            if size <= 2:
                depts = ["Geschäftsführung"]
            elif size <= 10:
                depts = ["Geschäftsführung", *rng.sample(DEPARTMENTS[1:], rng.randint(1, 3))]
            else:
                depts = ["Geschäftsführung", *rng.sample(DEPARTMENTS[1:], rng.randint(3, 7))]
            dept_ids: dict[str, int] = {}
            for dept in depts:
                did = self.new_id(t_dept)
                dept_ids[dept] = did
                self.add(t_dept, {"id": did, "company_id": comp["id"], "name": dept})
                self.summary.departments += 1
            # managing directors first (their names are on the company), then one head per
            # department, then the staff reporting to their head
            made = 0
            boss: int | None = None
            for gname in comp["gf"]:
                if made >= size:
                    break
                pos = POSITIONS["Geschäftsführung"][0][1 if gname[1] else 0]
                pid = self.add_person(gname, company=comp, department_id=dept_ids["Geschäftsführung"],
                                      reports_to=None, position=pos)  # fmt: skip
                boss = boss or pid
                made += 1
            heads: dict[str, int] = {}
            others = depts[1:] or depts
            i = 0
            while made < size:
                dname = others[i % len(others)]
                i += 1
                name = self.draw_name()
                head_pos, staff = POSITIONS[dname]
                if dname not in heads and dname != "Geschäftsführung":
                    pos = head_pos[1 if name[1] else 0]
                    pid = self.add_person(name, company=comp, department_id=dept_ids[dname],
                                          reports_to=boss, position=pos)  # fmt: skip
                    heads[dname] = pid
                else:
                    pos = self.pick(staff)[1 if name[1] else 0]
                    sup = heads.get(dname, boss)
                    pid = self.add_person(name, company=comp, department_id=dept_ids[dname],
                                          reports_to=sup, position=pos)  # fmt: skip
                made += 1
                if made % 5000 == 0:
                    self.tick(5000)
        for _ in range(max(0, freelancers)):
            pid = self.add_person(self.draw_name(), company=None, department_id=None,
                                  reports_to=None, position=None)  # fmt: skip
            self.freelancers.append(pid)
        self.flush_all(
            t_dept, _tb(m.Person), _tb(m.Phone), _tb(m.Email),
            _tb(m.Address), _tb(m.PriorityChange),
        )  # fmt: skip
        self.tick(self.n_people % 5000)
