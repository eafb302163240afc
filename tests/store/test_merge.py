"""Merging people and companies, and undoing a merge, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import decimal

import pytest
from sqlalchemy import func, insert, select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import (
    Activity,
    ActivityKind,
    AuditEvent,
    Campaign,
    Company,
    Department,
    FollowUp,
    Opportunity,
    Order,
    Person,
    Priority,
    Project,
    SearchDocument,
    Ticket,
    UndoEntry,
    campaign_members,
)
from crm_desktop.data.store import Store
from crm_desktop.errors import ConflictError, NotFoundError, ValidationError
from crm_desktop.services import contacts as c
from crm_desktop.services.merge import (
    ACTION_COMPANIES,
    ACTION_PEOPLE,
    last_merge,
    merge_companies,
    merge_people,
    undo_merge,
)

AT = dt.datetime(2026, 10, 1, 9, 0, tzinfo=dt.UTC)


def _people(store: Store, clock: FixedClock) -> dict[str, int]:
    with store.session() as s:
        comp = c.create_company(s, c.CompanyInput(name="Müller Bau GmbH"))
        boss = c.create_person(s, c.PersonInput(given_name="Erika", family_name="Boss"))
        keep = c.create_person(
            s,
            c.PersonInput(
                salutation="Herr",
                given_name="Jürgen",
                family_name="Müller",
                company_id=comp.id,
                notes="Kunde seit 2019",
                phones=[c.PhoneInput("0171 1234567")],
                emails=[c.EmailInput("juergen@example.de")],
                addresses=[c.AddressInput("Hauptstraße 1", "80331", "München")],
                tags=["VIP"],
                profile_fields={"Lieblingsfarbe": "blau"},
            ),
            clock=clock,
        )
        drop = c.create_person(
            s,
            c.PersonInput(
                given_name="Juergen",
                family_name="Mueller",
                birth_date=dt.date(1970, 5, 17),
                position="Geschäftsführer",
                reports_to_id=boss.id,
                notes="Rückruf erwünscht",
                phones=[c.PhoneInput("+49 171 1234567"), c.PhoneInput("089 123456")],
                emails=[c.EmailInput("juergen@example.de"), c.EmailInput("jm@privat.de")],
                addresses=[c.AddressInput("Hauptstraße 1", "80331", "München")],
                bank_accounts=[c.BankInput("DE89 3704 0044 0532 0130 00", holder="J. Müller")],
                tags=["VIP", "Newsletter"],
                profile_fields={"Lieblingsfarbe": "rot", "Hund": "Bello"},
            ),
            clock=clock,
        )
        sub = c.create_person(
            s, c.PersonInput(given_name="Azubi", family_name="Neu", reports_to_id=drop.id)
        )
        s.add_all(
            [
                Activity(
                    kind=ActivityKind.CALL, occurred_at=AT, subject="Anruf", person_id=drop.id
                ),
                Activity(kind=ActivityKind.NOTE, occurred_at=AT, subject="Alt", person_id=keep.id),
                FollowUp(uid="fu-1", due_at=AT, person_id=drop.id),
                Ticket(number="T-1", title="Reklamation", person_id=drop.id),
                Opportunity(title="Dach", person_id=drop.id, value=decimal.Decimal("1000")),
                Order(number="A-1", order_date=dt.date(2026, 9, 1), person_id=drop.id),
            ]
        )
        project = Project(name="Neubau")
        project.members.extend([drop])
        both = Project(name="Altbau")
        both.members.extend([keep, drop])
        camp = Campaign(name="Frühjahr")
        s.add_all([project, both, camp])
        s.flush()
        s.execute(insert(campaign_members).values(campaign_id=camp.id, person_id=drop.id))
        return {
            "keep": keep.id,
            "drop": drop.id,
            "boss": boss.id,
            "sub": sub.id,
            "company": comp.id,
            "project": project.id,
            "both": both.id,
            "campaign": camp.id,
        }


def _count(s: object, stmt: object) -> int:
    return int(s.scalar(stmt) or 0)  # type: ignore[attr-defined]


def test_merge_people_moves_everything_and_undo_restores(store: Store, clock: FixedClock) -> None:
    ids = _people(store, clock)
    keep_id, drop_id = ids["keep"], ids["drop"]
    with store.session() as s:
        result = merge_people(
            s, keep_id, drop_id, {"given_name": "drop", "position": "keep"}, clock
        )
        assert "given_name" in result.changed_fields
    with store.reader() as s:
        keep = s.get_one(Person, keep_id)
        drop = s.get_one(Person, drop_id)
        assert drop.deleted_at == clock.now()
        # chosen from the right side; empty fields filled from the other side
        assert keep.given_name == "Juergen"
        assert keep.family_name == "Müller"
        assert keep.salutation == "Herr"
        assert keep.birth_date == dt.date(1970, 5, 17)
        assert keep.position == "Geschäftsführer"  # keep chosen but empty → filled
        assert keep.reports_to_id == ids["boss"]
        assert keep.notes == "Kunde seit 2019\n\n---\nRückruf erwünscht"
        assert keep.profile_fields == {"Lieblingsfarbe": "blau", "Hund": "Bello"}
        # lists united without exact duplicates
        assert sorted(p.number for p in keep.phones) == ["+491711234567", "+4989123456"]
        assert sorted(e.address for e in keep.emails) == ["jm@privat.de", "juergen@example.de"]
        assert len(keep.addresses) == 1
        assert [b.iban for b in keep.bank_accounts] == ["DE89370400440532013000"]
        assert [t.name for t in keep.tags] == ["Newsletter", "VIP"]
        # everything that pointed at the dropped person now points at the kept one
        for model in (Activity, FollowUp, Ticket, Opportunity, Order):
            assert (
                _count(s, select(func.count()).select_from(model).where(model.person_id == drop_id))
                == 0
            )
        assert (
            _count(
                s, select(func.count()).select_from(Activity).where(Activity.person_id == keep_id)
            )
            == 2
        )
        assert s.get_one(Person, ids["sub"]).reports_to_id == keep_id
        assert keep_id in [m.id for m in s.get_one(Project, ids["project"]).members]
        assert [m.id for m in s.get_one(Project, ids["both"]).members].count(keep_id) == 1
        members = s.execute(select(campaign_members.c.person_id)).scalars().all()
        assert members == [keep_id]
        entry = s.get_one(UndoEntry, result.undo_id)
        assert entry.action == ACTION_PEOPLE
        assert last_merge(s) is not None
        assert s.scalar(select(AuditEvent).where(AuditEvent.event == "merged")) is not None
        # the search index knows the kept person under the new name, not the dropped one
        titles = dict(
            s.execute(
                select(SearchDocument.ref_id, SearchDocument.title).where(
                    SearchDocument.kind == "person"
                )
            ).all()
        )
        assert drop_id not in titles
        assert titles[keep_id] == "Juergen Müller"

    with store.session() as s:
        assert undo_merge(s, result.undo_id, clock) == drop_id
    with store.reader() as s:
        keep = s.get_one(Person, keep_id)
        drop = s.get_one(Person, drop_id)
        assert drop.deleted_at is None
        assert keep.given_name == "Jürgen"
        assert keep.birth_date is None
        assert keep.position is None
        assert keep.reports_to_id is None
        assert keep.notes == "Kunde seit 2019"
        assert keep.profile_fields == {"Lieblingsfarbe": "blau"}
        assert [p.number for p in keep.phones] == ["+491711234567"]
        assert sorted(p.number for p in drop.phones) == ["+491711234567", "+4989123456"]
        assert sorted(e.address for e in drop.emails) == ["jm@privat.de", "juergen@example.de"]
        assert [t.name for t in keep.tags] == ["VIP"]
        assert [t.name for t in drop.tags] == ["Newsletter", "VIP"]
        assert len(drop.bank_accounts) == 1 and not keep.bank_accounts
        assert drop.reports_to_id == ids["boss"]
        for model in (FollowUp, Ticket, Opportunity, Order):
            assert (
                _count(s, select(func.count()).select_from(model).where(model.person_id == drop_id))
                == 1
            )
        assert [
            a.subject for a in s.scalars(select(Activity).where(Activity.person_id == keep_id))
        ] == ["Alt"]
        assert s.get_one(Person, ids["sub"]).reports_to_id == drop_id
        assert [m.id for m in s.get_one(Project, ids["project"]).members] == [drop_id]
        assert sorted(m.id for m in s.get_one(Project, ids["both"]).members) == sorted(
            [keep_id, drop_id]
        )
        assert s.execute(select(campaign_members.c.person_id)).scalars().all() == [drop_id]
        assert s.get_one(UndoEntry, result.undo_id).undone_at == clock.now()
        assert last_merge(s) is None
        titles = {
            r
            for r in s.scalars(select(SearchDocument.ref_id).where(SearchDocument.kind == "person"))
        }
        assert {keep_id, drop_id} <= titles
    with store.session() as s, pytest.raises(ConflictError):
        undo_merge(s, result.undo_id, clock)


def test_merge_people_refuses_bad_input(store: Store, clock: FixedClock) -> None:
    ids = _people(store, clock)
    with store.session() as s:
        with pytest.raises(ValidationError):
            merge_people(s, ids["keep"], ids["keep"], {}, clock)
        with pytest.raises(ValidationError):
            merge_people(s, ids["keep"], ids["drop"], {"shoe_size": "drop"}, clock)
        with pytest.raises(ValidationError):
            merge_people(s, ids["keep"], ids["drop"], {"title": "left"}, clock)
        with pytest.raises(NotFoundError):
            merge_people(s, ids["keep"], 999_999, {}, clock)
        with pytest.raises(NotFoundError):
            undo_merge(s, 999_999, clock)
    with store.reader() as s:  # nothing half-written
        assert s.get_one(Person, ids["drop"]).deleted_at is None
        assert s.scalar(select(func.count()).select_from(UndoEntry)) == 0


def test_merge_into_subordinate_breaks_the_loop(store: Store, clock: FixedClock) -> None:
    with store.session() as s:
        chef = c.create_person(s, c.PersonInput(given_name="Karl", family_name="Chef"))
        helper = c.create_person(
            s, c.PersonInput(given_name="Karl", family_name="Chef", reports_to_id=chef.id)
        )
        keep_id, drop_id = helper.id, chef.id
    with store.session() as s:
        result = merge_people(s, keep_id, drop_id, {}, clock)
    with store.reader() as s:
        assert s.get_one(Person, keep_id).reports_to_id is None
    with store.session() as s:
        undo_merge(s, result.undo_id, clock)
    with store.reader() as s:
        assert s.get_one(Person, keep_id).reports_to_id == drop_id
        assert s.get_one(Person, drop_id).deleted_at is None


def test_merge_companies_and_undo(store: Store, clock: FixedClock) -> None:
    with store.session() as s:
        keep = c.create_company(
            s,
            c.CompanyInput(
                name="Müller Bau GmbH",
                priority=Priority.B,
                phones=[c.PhoneInput("089 123456")],
                tags=["Bau"],
            ),
        )
        drop = c.create_company(
            s,
            c.CompanyInput(
                name="Mueller Bau",
                legal_form="GmbH",
                vat_id="DE136695976",
                priority=Priority.A,
                website="https://mueller-bau.de",
                phones=[c.PhoneInput("+49 89 123456"), c.PhoneInput("089 654321")],
                tags=["Bau", "Großkunde"],
            ),
        )
        branch = c.create_company(s, c.CompanyInput(name="Müller Bau Dresden", parent_id=drop.id))
        c.add_department(s, keep.id, "Vertrieb")
        d_sales = c.add_department(s, drop.id, "Vertrieb")
        d_it = c.add_department(s, drop.id, "IT")
        anna = c.create_person(
            s,
            c.PersonInput(
                given_name="Anna", family_name="Bau", company_id=drop.id, department_id=d_sales.id
            ),
        )
        ben = c.create_person(
            s,
            c.PersonInput(
                given_name="Ben", family_name="Bau", company_id=drop.id, department_id=d_it.id
            ),
        )
        s.add_all(
            [
                Activity(
                    kind=ActivityKind.MEETING, occurred_at=AT, subject="Termin", company_id=drop.id
                ),
                Ticket(number="T-9", title="Mangel", company_id=drop.id),
                Opportunity(title="Halle", company_id=drop.id),
                Order(number="A-9", order_date=dt.date(2026, 9, 1), company_id=drop.id),
            ]
        )
        s.flush()
        ids = {
            "keep": keep.id,
            "drop": drop.id,
            "branch": branch.id,
            "anna": anna.id,
            "ben": ben.id,
            "sales": d_sales.id,
            "it": d_it.id,
        }
    with store.session() as s:
        result = merge_companies(s, ids["keep"], ids["drop"], {"priority": "drop"}, clock)
    with store.reader() as s:
        keep = s.get_one(Company, ids["keep"])
        assert s.get_one(Company, ids["drop"]).deleted_at == clock.now()
        assert keep.name == "Müller Bau GmbH"
        assert keep.vat_id == "DE136695976" and keep.legal_form == "GmbH"
        assert keep.priority == Priority.A
        assert any(h.reason == "merged" for h in keep.priority_history)
        assert sorted(p.number for p in keep.phones) == ["+4989123456", "+4989654321"]
        assert [t.name for t in keep.tags] == ["Bau", "Großkunde"]
        assert sorted(p.id for p in keep.people) == sorted([ids["anna"], ids["ben"]])
        keep_sales = s.scalar(
            select(Department.id).where(
                Department.company_id == keep.id, Department.name == "Vertrieb"
            )
        )
        assert s.get_one(Person, ids["anna"]).department_id == keep_sales
        assert s.get_one(Department, ids["it"]).company_id == keep.id
        assert s.get_one(Company, ids["branch"]).parent_id == keep.id
        for model in (Activity, Ticket, Opportunity, Order):
            assert (
                _count(
                    s, select(func.count()).select_from(model).where(model.company_id == keep.id)
                )
                == 1
            )
        assert s.get_one(UndoEntry, result.undo_id).action == ACTION_COMPANIES
    with store.session() as s:
        undo_merge(s, result.undo_id, clock)
    with store.reader() as s:
        keep = s.get_one(Company, ids["keep"])
        drop = s.get_one(Company, ids["drop"])
        assert drop.deleted_at is None
        assert keep.priority == Priority.B and keep.vat_id is None
        assert all(h.reason != "merged" for h in keep.priority_history)
        assert sorted(p.id for p in drop.people) == sorted([ids["anna"], ids["ben"]])
        assert s.get_one(Person, ids["anna"]).department_id == ids["sales"]
        assert s.get_one(Department, ids["it"]).company_id == drop.id
        assert s.get_one(Company, ids["branch"]).parent_id == drop.id
        assert [p.number for p in keep.phones] == ["+4989123456"]
        for model in (Activity, Ticket, Opportunity, Order):
            assert (
                _count(
                    s, select(func.count()).select_from(model).where(model.company_id == drop.id)
                )
                == 1
            )
