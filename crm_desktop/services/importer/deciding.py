"""Deciding per record: create, update (merge), skip; companies, departments and
tags a record names; flags for review."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from crm_desktop.data.models import Address, Company, Email, Phone
from crm_desktop.services.importer.common import (
    _SCALARS,
)
from crm_desktop.services.importer.keys import (
    _address_key,
    _company_key,
)
from crm_desktop.services.importer.matching import (
    _Matching,
)
from crm_desktop.services.importer.normalize import (
    _Norm,
)
from crm_desktop.services.importer.report import (
    _MAX_REPORT_ITEMS,
    PersonChange,
)
from crm_desktop.services.importer.targets import (
    _Data,
    _diff,
    _field_names,
    _NewPerson,
    _Target,
)


class _Deciding(_Matching):
    """What the run does with each record (nothing is written here)."""

    def _flag(self, norm: _Norm, reasons: list[str] | None = None) -> None:
        reasons = norm.review if reasons is None else reasons
        if not reasons:
            return
        self.report.flagged_count += 1
        if len(self.report.flagged) < _MAX_REPORT_ITEMS:
            self.report.flagged.append((norm.label, "; ".join(dict.fromkeys(reasons))))

    def _company_ref(self, name: str) -> str:
        """The key of the company ``name``: stored, or created by this run."""
        key = _company_key(name)
        if key not in self.companies and key not in self.new_companies:
            self.new_companies[key] = {
                "name": name,
                "emails": [],
                "phones": [],
                "addresses": [],
                "review": False,
            }
        return key

    def _department_ref(self, company_key: str, name: str) -> None:
        key = (company_key, name.casefold())
        if key not in self.departments and key not in self.new_departments:
            self.new_departments[key] = name

    def _tag_refs(self, names: list[str]) -> None:
        for name in names:
            key = name.casefold()
            if key not in self.tags and key not in self.new_tags:
                self.new_tags[key] = name

    def handle(self, norm: _Norm) -> None:
        if norm.company_only:
            self._handle_company(norm)
            return
        targets, by_uid = self._matches(norm)
        if not targets:
            self._create(norm)
            return
        diffs: list[tuple[_Target, _Data, dict[str, Any]]] = []
        for candidate in targets:
            cand_data = self._data(candidate)
            if cand_data is None:  # pragma: no cover - every candidate was preloaded
                continue
            cand_changes = _diff(norm, cand_data)
            if not cand_changes:  # the very same record again: never a second copy
                self.report.unchanged += 1
                return
            diffs.append((candidate, cand_data, cand_changes))
        if not diffs:  # pragma: no cover
            self._create(norm)
            return
        target, data, changes = diffs[0]
        if self.policy == "skip":
            self.report.skipped += 1
            return
        if self.policy == "create" and not by_uid:
            self._create(norm)
            return
        self._update(target, data, norm, changes)

    def _create(self, norm: _Norm) -> None:
        new = _NewPerson(norm=norm)
        self.new_people.append(new)
        if norm.company:
            ckey = self._company_ref(norm.company)
            if norm.department:
                self._department_ref(ckey, norm.department)
        self._tag_refs(norm.tags)
        self._index(new, norm)
        self.report.imported += 1
        self._flag(norm)

    def _update(
        self, target: int | _NewPerson, data: _Data, norm: _Norm, changes: dict[str, Any]
    ) -> None:
        self.report.updated += 1
        label = norm.label
        if len(self.report.changes) < _MAX_REPORT_ITEMS:
            change = PersonChange(
                person_id=target if isinstance(target, int) else None,
                label=label,
                fields=_field_names(changes),
            )
            self.report.changes.append(change)
            if isinstance(target, _NewPerson):
                self.change_targets.append((change, target))
        if "company" in changes:
            ckey = self._company_ref(changes["company"])
            data.company_key = ckey
            if "department" not in changes:
                data.department_key = ""
        if "department" in changes:
            self._department_ref(data.company_key, changes["department"])
            data.department_key = changes["department"].casefold()
        if "tags" in changes:
            self._tag_refs(changes["tags"])
        # fold the change into the comparable data (later records compare against it)
        for key, value in changes.items():
            if key in _SCALARS:
                data.scalars[key] = value
            elif key.startswith("profile."):
                data.profile[key[8:]] = value
        if "birth_date" in changes:
            data.birth_date = changes["birth_date"]
        data.email_keys.update(e.lower() for _k, e in changes.get("emails", []))
        data.phone_keys.update(n for _k, n in changes.get("phones", []))
        data.address_keys.update(_address_key(a) for a in changes.get("addresses", []))
        data.tag_keys.update(t.casefold() for t in changes.get("tags", []))
        if "photo" in changes:
            data.photo = changes["photo"]
        named = data.scalars.get("family_name") or data.scalars.get("given_name")
        review = [r for r in norm.review if r != "no name" or not named]
        self._flag(norm, review)
        if isinstance(target, _NewPerson):
            self._merge_into_new(target, changes, review)
        else:
            pending = self.person_updates.setdefault(target, {})
            for key, value in changes.items():
                if key in ("emails", "phones", "addresses", "tags"):
                    pending.setdefault(key, []).extend(value)
                else:
                    pending[key] = value
            if review:
                self.person_reviews.setdefault(target, []).extend(review)
        self._index(target, norm)

    @staticmethod
    def _merge_into_new(new: _NewPerson, changes: dict[str, Any], review: list[str]) -> None:
        norm = new.norm
        for key, value in changes.items():
            if key in _SCALARS:
                norm.scalars[key] = value
            elif key.startswith("profile."):
                norm.profile[key[8:]] = value
        if "birth_date" in changes:
            norm.birth_date = changes["birth_date"]
        if "company" in changes:
            norm.company = changes["company"]
            norm.department = changes.get("department", "")
        elif "department" in changes:
            norm.department = changes["department"]
        norm.emails.extend(changes.get("emails", []))
        norm.phones.extend(changes.get("phones", []))
        norm.addresses.extend(changes.get("addresses", []))
        norm.tags.extend(changes.get("tags", []))
        if "photo" in changes:
            norm.photo = changes["photo"]
        norm.review.extend(r for r in review if r not in norm.review)

    def _handle_company(self, norm: _Norm) -> None:
        key = _company_key(norm.company)
        if key in self.new_companies:
            entry = self.new_companies[key]
        elif key in self.companies:
            entry = self.company_updates.setdefault(
                self.companies[key], {"emails": [], "phones": [], "addresses": [], "_loaded": False}
            )
            if not entry["_loaded"]:
                self._load_company(self.companies[key], entry)
        else:
            self._company_ref(norm.company)
            entry = self.new_companies[key]
            entry["created_by_row"] = True
        have_mail = {e.lower() for _k, e in entry.get("known_emails", [])} | {
            e.lower() for _k, e in entry["emails"]
        }
        have_phone = {n for _k, n in entry.get("known_phones", [])} | {
            n for _k, n in entry["phones"]
        }
        have_adr = set(entry.get("known_addresses", set())) | {
            _address_key(a) for a in entry["addresses"]
        }
        emails = [(k, e) for k, e in norm.emails if e.lower() not in have_mail]
        phones = [(k, n) for k, n in norm.phones if n not in have_phone]
        addresses = [a for a in norm.addresses if _address_key(a) not in have_adr]
        website = norm.profile.get("website", "")
        notes = norm.scalars.get("notes", "")
        new_company = key in self.new_companies
        if new_company and entry.get("counted"):
            changed = bool(emails or phones or addresses)
        elif new_company:
            changed = True
        else:
            changed = bool(emails or phones or addresses)
            changed = changed or bool(website and not entry.get("website_known"))
            changed = changed or bool(notes and notes not in entry.get("notes_known", ""))
        if not changed:
            self.report.unchanged += 1
            return
        if not new_company and self.policy == "skip":
            self.report.skipped += 1
            return
        entry["emails"].extend(emails)
        entry["phones"].extend(phones)
        entry["addresses"].extend(addresses)
        if website:
            entry.setdefault("website", website)
        if notes:
            entry.setdefault("notes", notes)
        if norm.review:
            entry["review"] = True
            self._flag(norm)
        if new_company and not entry.get("counted"):
            entry["counted"] = True
            self.report.imported += 1
        else:
            self.report.updated += 1
            if len(self.report.changes) < _MAX_REPORT_ITEMS:
                fields = [
                    name
                    for name, val in (
                        ("emails", emails),
                        ("phones", phones),
                        ("addresses", addresses),
                    )
                    if val
                ]
                self.report.changes.append(PersonChange(None, norm.label, fields or ["notes"]))

    def _load_company(self, cid: int, entry: dict[str, Any]) -> None:
        entry["_loaded"] = True
        entry["known_emails"] = [
            (k, a)
            for k, a in self.s.execute(
                select(Email.kind, Email.address).where(Email.company_id == cid)
            )
        ]
        entry["known_phones"] = [
            (k, n)
            for k, n in self.s.execute(
                select(Phone.kind, Phone.number).where(Phone.company_id == cid)
            )
        ]
        entry["known_addresses"] = {
            _address_key({"street": st, "postcode": pc, "city": ci})
            for st, pc, ci in self.s.execute(
                select(Address.street, Address.postcode, Address.city).where(
                    Address.company_id == cid
                )
            )
        }
        website, notes = self.s.execute(
            select(Company.website, Company.notes).where(Company.id == cid)
        ).one()
        entry["website_known"] = bool(website)
        entry["notes_known"] = notes or ""
