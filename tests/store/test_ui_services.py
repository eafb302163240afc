"""The services the ui calls instead of querying (issue #16): the detail pane's data,
the person/company save use case and the small look-ups."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import ActivityKind, Priority
from crm_desktop.data.store import Store
from crm_desktop.errors import CardNumberError, ConcurrentEditError, ValidationError
from crm_desktop.services import activities, contacts, editing, lookups, tickets
from crm_desktop.services import detail as pane_data
from crm_desktop.services import timeline as tl
from crm_desktop.services import undo as undo_registry
from crm_desktop.services.activities import ActivityInput
from crm_desktop.services.contacts import CompanyInput, EmailInput, PersonInput, PhoneInput
from crm_desktop.services.editing import CompanyEdit, PersonEdit


def _label(names: list[str], name: str) -> str:
    return f"{','.join(names)} of {name}"


def _person_values(**changes: object) -> dict[str, object]:
    """Every field the person form sends (as ``PersonForm.scalar_values`` does)."""
    values: dict[str, object] = {
        "salutation": None,
        "title": None,
        "given_name": "Anna",
        "family_name": "Schäfer",
        "nickname": None,
        "birth_date": None,
        "position": None,
        "company_id": None,
        "department_id": None,
        "reports_to_id": None,
        "occupation": None,
        "marital_status": None,
        "hobbies": None,
        "profile_fields": {},
        "contact_interval_days": None,
        "priority": None,
        "payment_terms": None,
        "owner": None,
        "notes": "",
    }
    values.update(changes)
    return values


# ---------------------------------------------------------------- detail pane


def test_parent_company_overview_counts_the_activities_of_its_branches(
    sqlite_store: Store, clock: FixedClock
) -> None:
    with sqlite_store.session() as s:
        head = contacts.create_company(s, CompanyInput(name="Köhler Holding"))
        branch = contacts.create_company(s, CompanyInput(name="Köhler Süd", parent_id=head.id))
        worker = contacts.create_person(
            s, PersonInput(given_name="Jörg", family_name="Übel", company_id=branch.id)
        )
        call = activities.log_activity(
            s,
            ActivityInput(
                kind=ActivityKind.CALL,
                subject="Angebot",
                person_id=worker.id,
                occurred_at=clock.now() - dt.timedelta(days=2),
            ),
            clock=clock,
        )
        head_id, branch_id, call_id = head.id, branch.id, call.id
    with sqlite_store.reader() as s:
        view = tl.overview(s, tl.Scope(company_id=head_id), clock.now())
        assert [e.activity_id for e in view.recent] == [call_id]
        assert view.last_contact is not None
        assert view.last_contact.activity_id == call_id
        assert view.last_contact.kind == ActivityKind.CALL
        # the head office lists the branch, the branch its people
        assert [b.name for b in pane_data.company_branches(s, head_id)] == ["Köhler Süd"]
        assert pane_data.company_people(s, head_id).total == 0
        staff = pane_data.company_people(s, branch_id)
        assert [p.full_name for p in staff.people] == ["Jörg Übel"]
        assert staff.loose == staff.people and staff.groups == ()


def test_last_contact_follows_a_logged_call(sqlite_store: Store, clock: FixedClock) -> None:
    with sqlite_store.session() as s:
        pid = contacts.create_person(s, PersonInput(given_name="Max", family_name="Müller")).id
    with sqlite_store.reader() as s:
        assert tl.overview(s, tl.Scope(person_id=pid), clock.now()).last_contact is None
    with sqlite_store.session() as s:
        activities.log_activity(
            s,
            ActivityInput(kind=ActivityKind.CALL, person_id=pid, occurred_at=clock.now()),
            clock=clock,
        )
    with sqlite_store.reader() as s:
        last = tl.overview(s, tl.Scope(person_id=pid), clock.now()).last_contact
    assert last is not None
    assert last.kind == ActivityKind.CALL and last.occurred_at == clock.now()


def test_company_people_are_grouped_by_department(sqlite_store: Store) -> None:
    with sqlite_store.session() as s:
        cid = contacts.create_company(s, CompanyInput(name="Bäckerei Özdemir")).id
        dept = contacts.add_department(s, cid, "Verkauf")
        for given, family, dept_id in (
            ("Zoe", "Adler", dept.id),
            ("Ben", "Zander", None),
            ("Ali", "Özdemir", dept.id),
        ):
            contacts.create_person(
                s,
                PersonInput(
                    given_name=given,
                    family_name=family,
                    company_id=cid,
                    department_id=dept_id,
                    phones=[PhoneInput("0711 123456")] if given == "Zoe" else [],
                ),
            )
    with sqlite_store.reader() as s:
        staff = pane_data.company_people(s, cid)
    assert [p.full_name for p in staff.people] == ["Zoe Adler", "Ben Zander", "Ali Özdemir"]
    assert [(g.name, [p.full_name for p in g.people]) for g in staff.groups] == [
        ("Verkauf", ["Zoe Adler", "Ali Özdemir"])
    ]
    assert [p.full_name for p in staff.loose] == ["Ben Zander"]
    assert staff.people[0].phone and staff.people[1].phone == ""
    assert staff.total == 3


def test_person_relations(sqlite_store: Store) -> None:
    with sqlite_store.session() as s:
        cid = contacts.create_company(s, CompanyInput(name="Firma")).id
        boss = contacts.create_person(
            s, PersonInput(given_name="Chef", family_name="Berg", company_id=cid)
        ).id
        pid = contacts.create_person(
            s,
            PersonInput(given_name="Eva", family_name="Kern", company_id=cid, reports_to_id=boss),
        ).id
    with sqlite_store.reader() as s:
        mine = pane_data.person_relations(s, pid)
        theirs = pane_data.person_relations(s, boss)
    assert mine.boss == (boss, "Chef Berg")
    assert [c.full_name for c in mine.colleagues] == ["Chef Berg"]
    assert theirs.boss is None
    assert [c.id for c in theirs.subordinates] == [pid]


def test_related_lists_of_a_company_and_a_person(sqlite_store: Store, clock: FixedClock) -> None:
    with sqlite_store.session() as s:
        cid = contacts.create_company(s, CompanyInput(name="Firma")).id
        pid = contacts.create_person(
            s, PersonInput(given_name="Eva", family_name="Kern", company_id=cid)
        ).id
        ticket = tickets.open_ticket(
            s, "Heizung defekt", person_id=pid, company_id=cid, clock=clock
        )
        number, tid = ticket.number, ticket.id
    with sqlite_store.reader() as s:
        by_company = pane_data.company_related(s, cid)
        by_person = pane_data.person_related(s, pid)
        assert lookups.ticket_label(s, tid) == f"{number} Heizung defekt"
    assert [t.number for t in by_company.tickets] == [number]
    assert [t.title for t in by_person.tickets] == ["Heizung defekt"]
    assert by_person.projects == () and by_person.opportunities == ()
    assert dataclasses.is_dataclass(by_person.tickets[0])


# ---------------------------------------------------------------- saving a person


def test_save_person_creates_with_phones_and_emails(sqlite_store: Store, clock: FixedClock) -> None:
    edit = PersonEdit(
        values=_person_values(priority=Priority.A),
        phones=[PhoneInput("0711 123456")],
        emails=[EmailInput("Anna@Example.de")],
        tags=["Messe"],
    )
    with sqlite_store.session() as s:
        saved = editing.save_person(s, None, edit, clock=clock)
    assert saved.created and saved.undo_label is None
    assert saved.changes.touches_record("people", saved.record_id)
    with sqlite_store.reader() as s:
        p = contacts.get_person(s, saved.record_id)
        assert p.priority == Priority.A
        assert [ph.number for ph in p.phones] == ["+49711123456"]
        assert [e.address for e in p.emails] == ["Anna@example.de"]
        assert [t.name for t in p.tags] == ["Messe"]
        assert lookups.stored_version(s, "person", p.id) == p.version


def test_save_person_updates_every_part_and_writes_one_undo_entry(
    sqlite_store: Store, clock: FixedClock
) -> None:
    with sqlite_store.session() as s:
        pid = editing.save_person(s, None, PersonEdit(values=_person_values())).record_id
    with sqlite_store.reader() as s:
        version = lookups.stored_version(s, "person", pid)
    edit = PersonEdit(
        values=_person_values(position="Einkauf"),
        phones=[PhoneInput("0711 654321")],
        consent_marketing=True,
        consent_source="Messe",
    )
    with sqlite_store.session() as s:
        saved = editing.save_person(
            s, pid, edit, expected_version=version, clock=clock, edit_label=_label
        )
    assert not saved.created
    assert {"position", "phones", "consent_marketing"} <= set(saved.changed_fields)
    assert saved.undo_label is not None and saved.undo_label.endswith("of Anna Schäfer")
    with sqlite_store.reader() as s:
        p = contacts.get_person(s, pid)
        assert p.position == "Einkauf" and p.consent_marketing and p.consent_source == "Messe"
        assert [ph.number for ph in p.phones] == ["+49711654321"]
        assert [item.label for item in undo_registry.stack(s)] == [saved.undo_label]
    # the same values again: nothing changed, no second undo entry
    with sqlite_store.session() as s:
        again = editing.save_person(s, pid, edit, previous_consent=True, clock=clock)
        assert again.changed_fields == () and again.undo_label is None
        assert len(undo_registry.stack(s)) == 1


def test_save_person_refuses_a_card_number_and_collects_every_problem(
    sqlite_store: Store, clock: FixedClock
) -> None:
    with sqlite_store.session() as s:
        pid = editing.save_person(s, None, PersonEdit(values=_person_values())).record_id
    edit = PersonEdit(
        values=_person_values(notes="Karte 4111 1111 1111 1111"),
        emails=[EmailInput("no address")],
    )
    with pytest.raises(ValidationError) as caught, sqlite_store.session() as s:
        editing.save_person(s, pid, edit, clock=clock)
    errors = getattr(caught.value, "errors", [caught.value])
    assert any(isinstance(e, CardNumberError) for e in errors)
    assert any(e.field == "emails.0" for e in errors)
    with sqlite_store.reader() as s:
        p = contacts.get_person(s, pid)
        assert p.notes == "" and p.emails == []
        assert undo_registry.stack(s) == []
    with pytest.raises(CardNumberError), sqlite_store.session() as s:
        editing.save_person(s, None, PersonEdit(values=_person_values(notes="4111111111111111")))


def test_save_person_meets_a_newer_version(sqlite_store: Store, clock: FixedClock) -> None:
    with sqlite_store.session() as s:
        pid = editing.save_person(s, None, PersonEdit(values=_person_values())).record_id
    with sqlite_store.session() as s:
        editing.save_person(s, pid, PersonEdit(values=_person_values(position="A")), clock=clock)
    with pytest.raises(ConcurrentEditError), sqlite_store.session() as s:
        editing.save_person(
            s, pid, PersonEdit(values=_person_values(position="B")), expected_version=1
        )


def test_possible_duplicates_of_a_new_person(sqlite_store: Store) -> None:
    with sqlite_store.session() as s:
        cid = contacts.create_company(s, CompanyInput(name="Schäfer & Söhne")).id
        pid = contacts.create_person(
            s,
            PersonInput(
                given_name="Anna",
                family_name="Schäfer",
                company_id=cid,
                emails=[EmailInput("anna@schaefer.de")],
            ),
        ).id
    with sqlite_store.reader() as s:
        found = editing.possible_duplicates(s, "Anna", "Schaefer", emails=["anna@schaefer.de"])
        assert [c.id for c in found] == [pid]
        assert found[0].company_name == "Schäfer & Söhne"
        assert found[0].email == "anna@schaefer.de"
        assert editing.possible_duplicates(s, "Zacharias", "Quast") == []
        # whatever shape a check returns, the ids are found; people in the trash are not
        assert editing.possible_duplicates(s, "x", "y", check=lambda *a, **k: [(pid, 90)])
    with sqlite_store.session() as s:
        contacts.delete_person(s, pid)
    with sqlite_store.reader() as s:
        assert editing.possible_duplicates(s, "x", "y", check=lambda *a, **k: [pid]) == []


# ---------------------------------------------------------------- saving a company


def _company_values(**changes: object) -> dict[str, object]:
    values: dict[str, object] = {
        "name": "Köhler GmbH",
        "legal_form": None,
        "parent_id": None,
        "customer_since": None,
        "priority": None,
        "website": None,
        "vat_id": None,
        "register_court": None,
        "register_number": None,
        "managing_directors": None,
        "payment_terms": None,
        "owner": None,
        "notes": "",
    }
    values.update(changes)
    return values


def test_save_company_creates_and_updates(sqlite_store: Store, clock: FixedClock) -> None:
    edit = CompanyEdit(values=_company_values(), phones=[PhoneInput("030 1234567")])
    with sqlite_store.session() as s:
        created = editing.save_company(s, None, edit, clock=clock)
    assert created.created
    cid = created.record_id
    with sqlite_store.reader() as s:
        version = lookups.stored_version(s, "company", cid)
    with sqlite_store.session() as s:
        saved = editing.save_company(
            s,
            cid,
            CompanyEdit(values=_company_values(owner="Eva"), phones=[PhoneInput("030 1234567")]),
            expected_version=version,
            clock=clock,
            edit_label=_label,
        )
    assert saved.changed_fields == ("owner",)
    assert saved.undo_label == "owner of Köhler GmbH"
    with sqlite_store.reader() as s:
        assert lookups.company_owner(s, cid) == "Eva"
        assert [c.label for c in undo_registry.stack(s)] == ["owner of Köhler GmbH"]
    with pytest.raises(ValidationError), sqlite_store.session() as s:
        editing.save_company(s, cid, CompanyEdit(values=_company_values(name="")), clock=clock)


# ---------------------------------------------------------------- look-ups


def test_lookups(sqlite_store: Store) -> None:
    with sqlite_store.session() as s:
        cid = contacts.create_company(s, CompanyInput(name="Möbel Haus", owner="Udo")).id
        dept = contacts.add_department(s, cid, "Lager").id
        pid = contacts.create_person(
            s, PersonInput(given_name="Ida", family_name="Ost", company_id=cid, department_id=dept)
        ).id
    with sqlite_store.reader() as s:
        assert lookups.record_exists(s, "person", pid)
        assert not lookups.record_exists(s, "person", pid + 100)
        assert lookups.record_exists(s, "department", dept)
        assert not lookups.record_exists(s, "appointment", 1)
        assert lookups.department_company(s, dept) == cid
        assert lookups.company_and_department(s, "person", pid) == (cid, dept)
        assert lookups.company_and_department(s, "department", dept) == (cid, dept)
        assert lookups.departments(s, cid) == [(dept, "Lager")]
        assert lookups.company_named(s, "möbel haus") == (cid, "Möbel Haus")
        assert lookups.company_names(s, [cid, cid + 5]) == {cid: "Möbel Haus"}
        assert lookups.companies_of_people(s, [pid]) == [cid]
        assert lookups.record_name(s, "department_id", dept) == "Lager"
        assert lookups.record_name(s, "reports_to_id", pid) == "Ida Ost"
        assert "Udo" in lookups.owner_names(s)
    with sqlite_store.session() as s:
        contacts.delete_person(s, pid)
    with sqlite_store.reader() as s:
        assert not lookups.record_exists(s, "person", pid)


def test_appointment_attendees_and_organizer(sqlite_store: Store, clock: FixedClock) -> None:
    from crm_desktop.interop import ical
    from crm_desktop.services import calendar as cal

    start = clock.now() + dt.timedelta(days=1)
    with sqlite_store.session() as s:
        ap = cal.create_appointment(
            s, title="Termin", start_at=start, end_at=start + dt.timedelta(hours=1)
        )
        cal.set_attendees(
            s,
            ap.id,
            [ical.Participant("b@example.de", "Bea"), ical.Participant("a@example.de", "")],
        )
        cal.set_organizer(s, ap.id, ical.Participant("me@example.de", ""))
        aid = ap.id
    with sqlite_store.reader() as s:
        answers = cal.attendee_answers(s, aid)
        stored = cal.stored(s, aid)
        assert (stored.organizer_email, stored.organizer_name) == ("me@example.de", None)
    assert [(p.email, p.name, state) for p, state in answers] == [
        ("b@example.de", "Bea", "NEEDS-ACTION"),
        ("a@example.de", "", "NEEDS-ACTION"),
    ]
