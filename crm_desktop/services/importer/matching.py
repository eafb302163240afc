"""Matching existing records: the run's indexes (vCard UID, e-mail, phone, name +
birth date), the companies, departments and tags of the store, the stored people a
chunk may match (looked up by the chunk's own keys)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_desktop.clock import Clock
from crm_desktop.data.collation import german_key
from crm_desktop.data.models import (
    Address,
    Company,
    Department,
    Email,
    ImportBatch,
    Person,
    Phone,
    Tag,
    person_tags,
)
from crm_desktop.services.importer.common import (
    _SCALARS,
    ON_DUPLICATE,
)
from crm_desktop.services.importer.keys import (
    _address_key,
    _ascii_lower,
    _company_key,
    _german_fold,
)
from crm_desktop.services.importer.normalize import (
    _Norm,
    _Normalizer,
)
from crm_desktop.services.importer.report import (
    ImportReport,
    PersonChange,
)
from crm_desktop.services.importer.targets import (
    _add,
    _Data,
    _NewPerson,
    _Target,
)
from crm_desktop.services.vcard_export import derived_uid

_SLICE = 500  # values per IN (...) of the duplicate lookups


def _slices(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), _SLICE):
        yield values[start : start + _SLICE]


class _Matching:
    """The state of one import run and how a record finds the people it may be."""

    def __init__(
        self,
        session: Session,
        report: ImportReport,
        *,
        on_duplicate: str,
        clock: Clock,
        region: str,
        batch: ImportBatch,
    ) -> None:
        if on_duplicate not in ON_DUPLICATE:
            raise ValueError(f"on_duplicate must be one of {ON_DUPLICATE}")
        self.s = session
        self.report = report
        self.policy = on_duplicate
        self.clock = clock
        self.now = clock.now()
        self.batch = batch
        self.normalize = _Normalizer(region, clock.now().astimezone(dt.UTC).date())
        # matching indexes: key → stored person id or a person created in this run
        # (several people may share a key: an office phone, a family e-mail)
        self.by_uid: dict[str, list[_Target]] = {}
        self.by_email: dict[str, list[_Target]] = {}
        self.by_phone: dict[str, list[_Target]] = {}
        self.by_name: dict[tuple[str, str, dt.date], list[_Target]] = {}
        self.companies: dict[str, int] = {}  # key → stored company id
        self.company_names: dict[int, str] = {}
        self.departments: dict[tuple[str, str], int] = {}  # (company key, dept key) → id
        self.department_names: dict[int, tuple[str, str]] = {}
        self.tags: dict[str, int] = {}  # casefolded name → id
        self.stored: dict[int, _Data] = {}
        # what this run writes
        self.new_people: list[_NewPerson] = []
        self.new_companies: dict[str, dict[str, Any]] = {}  # key → row + children
        self.new_departments: dict[tuple[str, str], str] = {}
        self.new_tags: dict[str, str] = {}
        self.person_updates: dict[int, dict[str, Any]] = {}
        self.person_reviews: dict[int, list[str]] = {}
        self.company_updates: dict[int, dict[str, Any]] = {}
        self.change_targets: list[tuple[PersonChange, _NewPerson]] = []

    def preload(self) -> None:
        """Companies, departments and tags of the store (people are looked up per chunk,
        see :meth:`prepare`)."""
        s = self.s
        for cid, name in s.execute(
            select(Company.id, Company.name)
            .where(Company.deleted_at.is_(None))
            .order_by(Company.id)
        ):
            self.company_names[cid] = name
            self.companies.setdefault(_company_key(name), cid)
        for did, cid, dname in s.execute(
            select(Department.id, Department.company_id, Department.name)
        ):
            ckey = _company_key(self.company_names.get(cid, ""))
            self.department_names[did] = (ckey, dname)
            if self.companies.get(ckey) == cid:
                self.departments.setdefault((ckey, dname.casefold()), did)
        for tid, tname in s.execute(select(Tag.id, Tag.name)):
            self.tags.setdefault(tname.casefold(), tid)

    def _candidates(self, norm: _Norm) -> set[int]:
        return {t for t in self._matches(norm)[0] if isinstance(t, int)}

    def prepare(self, norms: Sequence[_Norm | None]) -> None:
        """Find the stored people the records of one chunk may match and load their data.

        Only the keys of these records are looked up (vCard UID, e-mail, phone, name +
        birth date), in slices of :data:`_SLICE` values, with the indexes of those
        columns. E-mail addresses match without regard to case: SQL ``lower()`` (ASCII
        on SQLite, hence also the exact spelling) preselects, Python's ``lower()``
        decides. Names: the birth date and the German fold of the family name
        (:func:`german_key`) preselect, the case-folded key decides.
        """
        uids: set[str] = set()
        emails: dict[str, set[str]] = {}  # lower → as written
        phones: set[str] = set()
        names: set[tuple[str, str, dt.date]] = set()
        for norm in norms:
            if norm is None or norm.company_only:
                continue
            uid = norm.scalars.get("vcard_uid")
            if uid:
                uids.add(uid)
            for _k, address in norm.emails:
                emails.setdefault(address.lower(), set()).add(address)
            phones.update(n for _k, n in norm.phones)
            name = norm.name_key()
            if name:
                names.add(name)
        s = self.s
        # each lookup walks the index of its own column only: no join, no "deleted_at IS
        # NULL" in SQL (without statistics SQLite would walk all live people for it);
        # who is deleted is asked afterwards, for the few people found
        for part in _slices(sorted(uids)):
            for pid, uid, deleted in s.execute(
                select(Person.id, Person.vcard_uid, Person.deleted_at)
                .where(Person.vcard_uid.in_(part))
                .order_by(Person.id)
            ):
                if uid and deleted is None:
                    self.by_uid.setdefault(uid, []).append(pid)
        email_hits: dict[int, tuple[str, int]] = {}  # Email.id → (lower address, person)
        for keys in _slices(sorted(emails)):
            spelled = sorted({a for k in keys for a in emails[k]})
            wanted = set(keys)
            for condition in (
                func.lower(Email.address).in_(sorted({_ascii_lower(k) for k in keys})),
                Email.address.in_(spelled),
            ):
                for eid, address, email_pid in s.execute(
                    select(Email.id, Email.address, Email.person_id).where(condition)
                ):
                    key = address.lower()
                    if email_pid is not None and key in wanted:
                        email_hits[eid] = (key, email_pid)
        phone_hits: list[tuple[int, str, int]] = []
        for part in _slices(sorted(phones)):
            for pho_id, number, phone_pid in s.execute(
                select(Phone.id, Phone.number, Phone.person_id).where(Phone.number.in_(part))
            ):
                if phone_pid is not None:
                    phone_hits.append((pho_id, number, phone_pid))
        found_ids = sorted({pid for _k, pid in email_hits.values()} | {h[2] for h in phone_hits})
        alive: set[int] = set()
        for part in _slices(found_ids):
            alive.update(
                s.execute(
                    select(Person.id).where(Person.id.in_(part), Person.deleted_at.is_(None))
                ).scalars()
            )
        for eid in sorted(email_hits):
            key, email_pid = email_hits[eid]
            if email_pid in alive:
                _add(self.by_email, key, email_pid)
        for _id, number, phone_pid in sorted(phone_hits):
            if phone_pid in alive:
                _add(self.by_phone, number, phone_pid)
        for part in _slices(sorted(names, key=lambda n: (n[2], n[1], n[0]))):
            dates = sorted({n[2] for n in part})
            families = sorted({_german_fold(n[1]) for n in part})
            wanted_names = set(part)
            for pid, given, family, birth, deleted in s.execute(
                select(
                    Person.id,
                    Person.given_name,
                    Person.family_name,
                    Person.birth_date,
                    Person.deleted_at,
                )
                .where(
                    Person.birth_date.in_(dates),
                    german_key(Person.family_name).in_(families),
                )
                .order_by(Person.id)
            ):
                name_key = (given.casefold(), family.casefold(), birth)
                if deleted is None and name_key in wanted_names:
                    _add(self.by_name, name_key, pid)
        candidates: set[int] = set()
        want_photo: set[int] = set()
        if self.by_uid or self.by_email or self.by_phone or self.by_name:
            for norm in norms:
                if norm is None or norm.company_only:
                    continue
                found = self._candidates(norm)
                candidates |= found
                if norm.photo is not None:
                    want_photo |= found
        self.load_stored(candidates, want_photo)

    def finish_chunk(self) -> None:
        """After :meth:`write`: forget what the chunk needed; what it wrote is stored
        now and found by the next chunk's :meth:`prepare` like any stored person."""
        for change, new in self.change_targets:  # merged into a person made in the chunk
            change.person_id = new.id
        self.change_targets.clear()
        self.by_uid.clear()
        self.by_email.clear()
        self.by_phone.clear()
        self.by_name.clear()
        self.stored.clear()
        self.new_people.clear()
        self.new_companies.clear()
        self.new_departments.clear()
        self.new_tags.clear()
        self.person_updates.clear()
        self.person_reviews.clear()
        self.company_updates.clear()

    def load_stored(self, ids: set[int], with_photo: set[int]) -> None:
        """Comparable data of the stored people that records may match (bulk reads)."""
        id_list = sorted(ids)
        for start in range(0, len(id_list), 500):
            chunk = id_list[start : start + 500]
            cols = [getattr(Person, k) for k in _SCALARS]
            for row in self.s.execute(
                select(
                    Person.id,
                    Person.birth_date,
                    Person.company_id,
                    Person.department_id,
                    Person.profile_fields,
                    Person.created_at,
                    *cols,
                ).where(Person.id.in_(chunk))
            ):
                pid, birth, cid, did, prof, created = row[:6]
                scalars = {k: (row[6 + i] or "") for i, k in enumerate(_SCALARS)}
                if not scalars["vcard_uid"]:
                    # the UID our export gives a person without one: the same person
                    scalars["vcard_uid"] = derived_uid(pid, created)
                company_key = _company_key(self.company_names.get(cid, "")) if cid else ""
                dept = self.department_names.get(did, ("", ""))[1] if did else ""
                self.stored[pid] = _Data(
                    person_id=pid,
                    scalars=scalars,
                    profile={k: str(val) for k, val in (prof or {}).items()},
                    birth_date=birth,
                    company_key=company_key,
                    department_key=dept.casefold(),
                    email_keys=set(),
                    phone_keys=set(),
                    address_keys=set(),
                    tag_keys=set(),
                    has_photo=False,
                )
            for pid, address in self.s.execute(
                select(Email.person_id, Email.address).where(Email.person_id.in_(chunk))
            ):
                if pid is not None:
                    self.stored[pid].email_keys.add(address.lower())
            for pid, number in self.s.execute(
                select(Phone.person_id, Phone.number).where(Phone.person_id.in_(chunk))
            ):
                if pid is not None:
                    self.stored[pid].phone_keys.add(number)
            for pid, street, postcode, city in self.s.execute(
                select(Address.person_id, Address.street, Address.postcode, Address.city).where(
                    Address.person_id.in_(chunk)
                )
            ):
                if pid is None:
                    continue
                self.stored[pid].address_keys.add(
                    _address_key({"street": street, "postcode": postcode, "city": city})
                )
            for pid, tname in self.s.execute(
                select(person_tags.c.person_id, Tag.name)
                .join(Tag, Tag.id == person_tags.c.tag_id)
                .where(person_tags.c.person_id.in_(chunk))
            ):
                self.stored[pid].tag_keys.add(tname.casefold())
        photo_ids = sorted(with_photo & ids)
        for start in range(0, len(photo_ids), 500):
            chunk = photo_ids[start : start + 500]
            for pid, photo in self.s.execute(
                select(Person.id, Person.photo).where(Person.id.in_(chunk))
            ):
                self.stored[pid].photo = photo
                self.stored[pid].has_photo = photo is not None

    def _matches(self, norm: _Norm) -> tuple[list[_Target], bool]:
        """Every person the record may be, best first (UID, e-mail, phone, name + birth
        date), and whether the first one matched by vCard UID."""
        found: list[_Target] = []
        uid = norm.scalars.get("vcard_uid")
        by_uid = bool(uid and uid in self.by_uid)
        lists: list[list[_Target]] = [self.by_uid[uid]] if uid and by_uid else []
        lists += [self.by_email[e] for e in norm.email_keys() if e in self.by_email]
        lists += [self.by_phone[n] for _k, n in norm.phones if n in self.by_phone]
        name = norm.name_key()
        if name and name in self.by_name:
            lists.append(self.by_name[name])
        stored: set[int] = set()
        created: set[int] = set()  # id() of people made in this run
        for targets in lists:
            for target in targets:
                if isinstance(target, int):
                    if target not in stored:
                        stored.add(target)
                        found.append(target)
                elif id(target) not in created:
                    created.add(id(target))
                    found.append(target)
        return found, by_uid

    def _index(self, target: _Target, norm: _Norm) -> None:
        uid = norm.scalars.get("vcard_uid")
        if uid:
            _add(self.by_uid, uid, target)
        for key in norm.email_keys():
            _add(self.by_email, key, target)
        for _k, number in norm.phones:
            _add(self.by_phone, number, target)
        name = norm.name_key()
        if name:
            _add(self.by_name, name, target)

    def _data(self, target: _Target) -> _Data | None:
        return target.data if isinstance(target, _NewPerson) else self.stored.get(target)
