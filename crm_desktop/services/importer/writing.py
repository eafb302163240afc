"""Writing a chunk: ids drawn up front, bulk INSERTs of the new people, companies,
departments, tags, contacts and search entries; updates of stored people."""

from __future__ import annotations

import contextlib
from typing import Any

from sqlalchemy import Table, func, select, text
from sqlalchemy.orm import selectinload

from crm_desktop.data.models import (
    Address,
    Company,
    Department,
    Email,
    Person,
    Phone,
    SearchDocument,
    Tag,
    person_tags,
)
from crm_desktop.data.search_sync import (
    company_document,
    document_row,
    fields_pending,
    person_document,
)
from crm_desktop.errors import ValidationError
from crm_desktop.services import validation as v
from crm_desktop.services.importer.common import (
    _SCALARS,
)
from crm_desktop.services.importer.keys import (
    _company_key,
)
from crm_desktop.services.importer.matching import (
    _Matching,
)
from crm_desktop.services.importer.normalize import (
    _Norm,
)
from crm_desktop.services.importer.rows import (
    _insert_rows,
    _table,
)


class _Writing(_Matching):
    """Writes what the run decided for one chunk."""

    def _allocate(self, table: Table, count: int) -> list[int]:
        """``count`` fresh primary keys of ``table`` (bulk INSERT without RETURNING)."""
        if count == 0:
            return []
        if self.s.get_bind().dialect.name == "postgresql":
            seq = self.s.execute(
                text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name}
            ).scalar_one()
            ids = self.s.execute(
                text("SELECT nextval(CAST(:s AS regclass)) FROM generate_series(1, :n)"),
                {"s": seq, "n": count},
            ).scalars()
            return [int(i) for i in ids]
        start = self.s.execute(select(func.max(table.c.id))).scalar() or 0
        return list(range(int(start) + 1, int(start) + count + 1))

    def write(self) -> None:
        s = self.s
        now = self.now
        batch_id = self.batch.id
        # companies
        company_rows = []
        new_company_keys = list(self.new_companies)
        for key, cid in zip(
            new_company_keys,
            self._allocate(_table(Company), len(new_company_keys)),
            strict=True,
        ):
            entry = self.new_companies[key]
            entry["id"] = cid
            self.companies[key] = cid
            website = entry.get("website")
            try:
                website = v.normalize_website(website) if website else None
            except ValidationError:
                website = None
            entry["stored_website"] = (website or None) and website[:300]
            self.company_names[cid] = entry["name"]
            company_rows.append(
                {
                    "id": cid,
                    "name": entry["name"],
                    "website": entry["stored_website"],
                    "notes": entry.get("notes", ""),
                    "needs_review": bool(entry["review"]),
                    "import_batch_id": batch_id,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            self.report.created_company_ids.append(cid)
        _insert_rows(s, _table(Company), company_rows)
        # departments
        dept_keys = list(self.new_departments)
        dept_rows = []
        for dkey, did in zip(
            dept_keys,
            self._allocate(_table(Department), len(dept_keys)),
            strict=True,
        ):
            self.departments[dkey] = did
            self.department_names[did] = (dkey[0], self.new_departments[dkey])
            dept_rows.append(
                {
                    "id": did,
                    "company_id": self.companies[dkey[0]],
                    "name": self.new_departments[dkey],
                }
            )
        _insert_rows(s, _table(Department), dept_rows)
        # tags
        tag_keys = list(self.new_tags)
        tag_rows = []
        for key, tid in zip(
            tag_keys,
            self._allocate(_table(Tag), len(tag_keys)),
            strict=True,
        ):
            self.tags[key] = tid
            tag_rows.append({"id": tid, "name": self.new_tags[key]})
        _insert_rows(s, _table(Tag), tag_rows)
        # people
        person_rows: list[dict[str, Any]] = []
        email_rows: list[dict[str, Any]] = []
        phone_rows: list[dict[str, Any]] = []
        address_rows: list[dict[str, Any]] = []
        tag_links: list[dict[str, Any]] = []
        docs: list[dict[str, Any]] = []
        ids = self._allocate(_table(Person), len(self.new_people))
        for new, pid in zip(self.new_people, ids, strict=True):
            new.id = pid
            n = new.norm
            company_id = self.companies[_company_key(n.company)] if n.company else None
            department_id = (
                self.departments[(_company_key(n.company), n.department.casefold())]
                if n.company and n.department
                else None
            )
            profile = {k: val for k, val in n.profile.items() if val}
            person_rows.append(
                {
                    "id": pid,
                    "salutation": n.scalars["salutation"] or None,
                    "title": n.scalars["title"] or None,
                    "given_name": n.scalars["given_name"],
                    "family_name": n.scalars["family_name"],
                    "nickname": n.scalars["nickname"] or None,
                    "birth_date": n.birth_date,
                    "position": n.scalars["position"] or None,
                    "occupation": n.scalars["occupation"] or None,
                    "company_id": company_id,
                    "department_id": department_id,
                    "profile_fields": profile,
                    "notes": n.scalars["notes"],
                    "vcard_uid": n.scalars["vcard_uid"] or None,
                    "photo": n.photo,
                    "needs_review": bool(n.review),
                    "review_reason": _reason(n.review),
                    "import_batch_id": batch_id,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            for kind, address in n.emails:
                email_rows.append(
                    {"person_id": pid, "company_id": None, "kind": kind, "address": address}
                )
            for pkind, number in n.phones:
                phone_rows.append(
                    {
                        "person_id": pid,
                        "company_id": None,
                        "kind": pkind,
                        "number": number,
                        "label": None,
                    }
                )
            for a in n.addresses:
                address_rows.append({"person_id": pid, "company_id": None, **a})
            for tag in n.tags:
                tag_links.append({"person_id": pid, "tag_id": self.tags[tag.casefold()]})
            docs.append(
                document_row(
                    person_document(
                        pid,
                        _person_title(n),
                        self.company_names.get(company_id, "") if company_id else "",
                        n.scalars["position"],
                        (e for _k, e in n.emails),
                        (p for _k, p in n.phones),
                    )
                )
            )
            self.report.created_ids.append(pid)
        for key in new_company_keys:
            entry = self.new_companies[key]
            cid = entry["id"]
            self._company_children(cid, entry, email_rows, phone_rows, address_rows)
            docs.append(
                document_row(
                    company_document(
                        cid,
                        entry["name"],
                        None,
                        entry["stored_website"],
                        (e for _k, e in entry["emails"]),
                        (p for _k, p in entry["phones"]),
                    )
                )
            )
        for cid, entry in self.company_updates.items():
            self._company_children(cid, entry, email_rows, phone_rows, address_rows)
        for table, rows in (
            (_table(Person), person_rows),
            (_table(Email), email_rows),
            (_table(Phone), phone_rows),
            (_table(Address), address_rows),
            (person_tags, tag_links),
            (_table(SearchDocument), docs),
        ):
            _insert_rows(s, table, rows)
        if docs:  # through the driver, without their fields: the commit fills them in
            fields_pending(s)
        self._write_updates()
        self._touch_companies()

    @staticmethod
    def _company_children(
        cid: int,
        entry: dict[str, Any],
        email_rows: list[dict[str, Any]],
        phone_rows: list[dict[str, Any]],
        address_rows: list[dict[str, Any]],
    ) -> None:
        for kind, address in entry["emails"]:
            email_rows.append(
                {"person_id": None, "company_id": cid, "kind": kind, "address": address}
            )
        for pkind, number in entry["phones"]:
            phone_rows.append(
                {
                    "person_id": None,
                    "company_id": cid,
                    "kind": pkind,
                    "number": number,
                    "label": None,
                }
            )
        for a in entry["addresses"]:
            address_rows.append({"person_id": None, "company_id": cid, **a})

    def _touch_companies(self) -> None:
        """Stored companies that got e-mails/phones, a website or notes: ORM update so
        that their search entry follows."""
        touched: list[Company] = []
        for cid, entry in self.company_updates.items():
            if not (
                entry["emails"] or entry["phones"] or entry.get("website") or entry.get("notes")
            ):
                continue
            company = self.s.get(Company, cid)
            if company is None:  # pragma: no cover
                continue
            if entry.get("website") and not company.website:
                with contextlib.suppress(ValidationError):
                    company.website = v.normalize_website(entry["website"])
            if entry.get("notes") and entry["notes"] not in (company.notes or ""):
                company.notes = (
                    f"{company.notes}\n{entry['notes']}" if company.notes else entry["notes"]
                )
            if entry.get("review"):
                company.needs_review = True
            company.updated_at = self.now
            touched.append(company)
        if not touched:
            return
        self.s.flush()
        # the children went in by bulk INSERT: reload them and refresh the search entries
        from crm_desktop.data import search_sync

        for company in touched:
            self.s.refresh(company)
        search_sync.sync_objects(self.s, touched, [])

    def _write_updates(self) -> None:
        if not self.person_updates:
            return
        ids = sorted(self.person_updates)
        people: dict[int, Person] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for person in self.s.execute(
                select(Person)
                .where(Person.id.in_(chunk))
                .options(
                    selectinload(Person.emails),
                    selectinload(Person.phones),
                    selectinload(Person.addresses),
                    selectinload(Person.tags),
                )
            ).scalars():
                people[person.id] = person
        for pid, changes in self.person_updates.items():
            person = people[pid]
            for key, value in changes.items():
                if key in _SCALARS:
                    setattr(person, key, value)
                elif key.startswith("profile."):
                    profile = dict(person.profile_fields or {})
                    profile[key[8:]] = value
                    person.profile_fields = profile
                elif key == "birth_date":
                    person.birth_date = value
                elif key == "photo":
                    person.photo = value
                elif key == "company":
                    person.company_id = self.companies[_company_key(value)]
                    if "department" not in changes:
                        person.department_id = None
                elif key == "department":
                    ckey = _company_key(changes.get("company") or "") or (
                        _company_key(person.company.name) if person.company else ""
                    )
                    did = self.departments.get((ckey, value.casefold()))
                    if did is not None:
                        person.department_id = did
                elif key == "emails":
                    for kind, address in value:
                        person.emails.append(Email(kind=kind, address=address))
                elif key == "phones":
                    for pkind, number in value:
                        person.phones.append(Phone(kind=pkind, number=number))
                elif key == "addresses":
                    for a in value:
                        person.addresses.append(Address(**a))
                elif key == "tags":
                    for name in value:
                        tag = self.s.get(Tag, self.tags[name.casefold()])
                        if tag is not None and tag not in person.tags:
                            person.tags.append(tag)
            reasons = self.person_reviews.get(pid)
            if reasons:
                old = [r for r in (person.review_reason or "").split("; ") if r]
                person.needs_review = True
                person.review_reason = _reason(old + [r for r in reasons if r not in old])
            person.updated_at = self.now
        self.s.flush()


def _reason(reasons: list[str]) -> str | None:
    if not reasons:
        return None
    text_ = "; ".join(dict.fromkeys(reasons))
    return text_ if len(text_) <= 300 else text_[:299] + "…"


def _person_title(n: _Norm) -> str:
    """The person's ``full_name`` (as :attr:`Person.full_name` builds it)."""
    parts = [n.scalars["title"], n.scalars["given_name"], n.scalars["family_name"]]
    name = " ".join(p for p in parts if p).strip()
    return name or n.scalars["nickname"]
