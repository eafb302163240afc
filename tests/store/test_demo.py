"""The German demo data set: complete, consistent, deterministic, on both backends."""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import json
import re
from pathlib import Path

import phonenumbers
import pytest
from sqlalchemy import func, select
from stdnum.de import vat as de_vat

from crm_desktop.cli.main import main
from crm_desktop.clock import FixedClock, local_zone
from crm_desktop.data import search_sync
from crm_desktop.data.models import (
    Activity,
    ActivityKind,
    Address,
    Appointment,
    Campaign,
    Company,
    CompanyStatus,
    Department,
    Email,
    FollowUp,
    LossReason,
    NumberSequence,
    Opportunity,
    OpportunityStatus,
    Order,
    OrderLine,
    Person,
    Phone,
    PipelineStage,
    PriorityChange,
    Project,
    RevenueTarget,
    SearchDocument,
    Ticket,
    TicketStatusChange,
)
from crm_desktop.data.store import Store, open_store
from crm_desktop.errors import ConflictError, ValidationError
from crm_desktop.services import contacts as c
from crm_desktop.services import validation as v
from crm_desktop.services.demo import DemoSummary, generate
from crm_desktop.services.search import search


def count(store: Store, model: type) -> int:
    with store.reader() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_demo_on_both_backends(store: Store, clock: FixedClock) -> None:
    calls: list[tuple[int, int]] = []
    summary = generate(store, 60, seed=3, clock=clock, progress=lambda d, t: calls.append((d, t)))
    assert isinstance(summary, DemoSummary)
    assert count(store, Person) == summary.people == 60
    assert count(store, Company) == summary.companies > 3
    assert count(store, Activity) == summary.activities
    assert 7 * 60 <= summary.activities <= 14 * 60
    for model in (Department, Ticket, Project, Opportunity, Order, OrderLine, FollowUp,
                  Appointment, Campaign, TicketStatusChange, PriorityChange):  # fmt: skip
        assert count(store, model) > 0, model.__name__
    # the index holds exactly one document per person, company, ticket, project, activity
    indexed = summary.people + summary.companies + summary.tickets + summary.projects
    assert count(store, SearchDocument) == summary.search_documents == indexed + summary.activities
    # progress: monotonic, ends at total
    assert calls[-1][0] == calls[-1][1]
    assert [d for d, _t in calls] == sorted(d for d, _t in calls)

    with store.reader() as s:
        # the ORM reads what Core wrote: aware datetimes, decimals, enums
        act = s.scalars(select(Activity).order_by(Activity.id).limit(1)).one()
        assert act.occurred_at.tzinfo is not None and act.occurred_at < clock.now()
        order = s.scalars(select(Order).limit(1)).one()
        assert isinstance(order.total_net, decimal.Decimal)
        assert order.total_net == sum((line.net for line in order.lines), decimal.Decimal(0))
        assert all(line.vat_rate == 19 for line in order.lines)
        # search works right away
        person = s.scalars(select(Person).limit(1)).one()
        hits = search(s, person.family_name)
        assert ("person", person.id) in [(h.kind, h.ref_id) for h in hits]
        ticket = s.scalars(select(Ticket).limit(1)).one()
        assert next((h.kind, h.ref_id) for h in search(s, ticket.number)) == ("ticket", ticket.id)

    # ids and sequences continue after the demo (PostgreSQL serials were moved on)
    with store.session() as s:
        comp = c.create_company(s, c.CompanyInput(name="Nachher GmbH"))
        new = c.create_person(
            s, c.PersonInput(family_name="Nachher", company_id=comp.id), clock=clock
        )
        assert new.id > 60
    with store.reader() as s:
        assert [(h.kind, h.ref_id) for h in search(s, "Nachher")][:2] == [
            ("company", comp.id),
            ("person", new.id),
        ]


def test_demo_content_is_realistic(sqlite_store: Store, clock: FixedClock) -> None:
    generate(sqlite_store, 500, seed=1, clock=clock)
    zone = local_zone()
    today = clock.now().astimezone(zone).date()
    with sqlite_store.reader() as s:
        companies = {co.id: co for co in s.scalars(select(Company))}
        # groups: "X Gruppe" -> "X Trade GmbH" -> "X Trade GmbH, NL ..." (depth 3)
        branches = [co for co in companies.values() if co.parent_id and ", " in co.name]
        assert branches
        depth3 = [b for b in branches if companies[b.parent_id].parent_id]  # type: ignore[index]
        assert any(
            companies[companies[b.parent_id].parent_id].name.endswith("Gruppe") for b in depth3
        )  # type: ignore[index,union-attr]
        assert {co.status for co in companies.values()} == set(CompanyStatus)
        assert all(
            co.status_reason for co in companies.values() if co.status == CompanyStatus.FORMER
        )
        assert all(de_vat.is_valid(co.vat_id) for co in companies.values() if co.vat_id)

        people = list(s.scalars(select(Person)))
        assert any(p.company_id is None and p.occupation for p in people)  # freelancers
        assert any(p.title == "Dr." for p in people)
        assert any(re.search("[äöüß]", p.family_name + p.given_name) for p in people)
        assert all(p.salutation in ("Herr", "Frau", None) for p in people)
        heads = {p.id for p in people if p.reports_to_id is None and p.company_id}
        assert any(p.reports_to_id in heads for p in people)
        boss_ids = {p.reports_to_id for p in people if p.reports_to_id}
        by_id = {p.id: p for p in people}
        assert all(by_id[b].company_id is not None for b in boss_ids)
        assert any(p.consent_marketing and p.consent_at and p.consent_source for p in people)
        assert any(p.contact_interval_days for p in people)
        depts = {d.name for d in s.scalars(select(Department))}
        assert {"Geschäftsführung", "Vertrieb", "Einkauf"} <= depts

        for phone in s.scalars(select(Phone)):
            assert phonenumbers.is_valid_number(phonenumbers.parse(phone.number)), phone.number
        for email in s.scalars(select(Email).limit(300)):
            assert v.normalize_email(email.address) == email.address
        for address in s.scalars(select(Address)):
            assert re.fullmatch(r"\d{5}", address.postcode) and address.city and address.street

        # activities of every kind, over several years, none in the future
        kinds = set(s.scalars(select(Activity.kind).distinct()))
        assert kinds == set(ActivityKind)
        first = s.scalar(select(func.min(Activity.occurred_at)))
        last = s.scalar(select(func.max(Activity.occurred_at)))
        assert first is not None and last is not None
        assert (clock.now() - first).days > 3 * 365 and last <= clock.now()

        # tickets: unique T-YYYY-NNNNN numbers, history of status changes, sequence rows
        numbers = list(s.scalars(select(Ticket.number)))
        assert len(numbers) == len(set(numbers))
        assert all(re.fullmatch(r"T-\d{4}-\d{5}", n) for n in numbers)
        for seq in s.scalars(select(NumberSequence).where(NumberSequence.name == "ticket")):
            top = max(int(n[-5:]) for n in numbers if n[2:6] == seq.period)
            assert seq.last_value == top
        ticket = s.scalars(select(Ticket).where(Ticket.status == "closed").limit(1)).one()
        assert [ch.new_status.value for ch in ticket.status_changes][-1] == "closed"
        assert s.scalar(
            select(func.count()).select_from(Activity).where(Activity.ticket_id == ticket.id)
        )

        # pipeline: default stages, loss reasons, won -> project, lost -> reason
        stages = [
            st.name for st in s.scalars(select(PipelineStage).order_by(PipelineStage.position))
        ]
        assert stages == ["Kontakt", "Bedarfsanalyse", "Angebot", "Verhandlung"]
        assert "Preis zu hoch" in set(s.scalars(select(LossReason.name)))
        opps = list(s.scalars(select(Opportunity)))
        assert {o.status for o in opps} == set(OpportunityStatus)
        assert all(o.project_id for o in opps if o.status == OpportunityStatus.WON)
        assert all(o.loss_reason_id for o in opps if o.status == OpportunityStatus.LOST)
        project = s.get(Project, next(o.project_id for o in opps if o.project_id))
        assert project is not None and len(project.members) >= 2

        # follow-ups overdue, due today and later; appointments today
        due = [to.effective_due.astimezone(zone).date() for to in s.scalars(select(FollowUp))]
        assert any(d < today for d in due) and any(d == today for d in due)
        assert any(d > today for d in due)
        assert any("nachfassen" in f.note for f in s.scalars(select(FollowUp)))
        starts = [a.start_at.astimezone(zone).date() for a in s.scalars(select(Appointment))]
        assert starts.count(today) >= 3
        years = {(t.year, t.month) for t in s.scalars(select(RevenueTarget))}
        assert len(years) == 24 and (today.year, 12) in years


def test_search_documents_match_the_orm_sync(sqlite_store: Store, clock: FixedClock) -> None:
    generate(sqlite_store, 80, seed=5, clock=clock)
    with sqlite_store.reader() as s:
        before = set(s.execute(select(SearchDocument.kind, SearchDocument.ref_id,
                                      SearchDocument.title, SearchDocument.body)).all())  # fmt: skip
    with sqlite_store.session() as s:
        search_sync.rebuild(s)
    with sqlite_store.reader() as s:
        after = set(s.execute(select(SearchDocument.kind, SearchDocument.ref_id,
                                     SearchDocument.title, SearchDocument.body)).all())  # fmt: skip
        fts = s.execute(select(func.count()).select_from(SearchDocument)).scalar()
    assert before == after
    assert fts == len(after)


def _fingerprint(store: Store) -> str:
    digest = hashlib.sha256()
    with store.reader() as s:
        for model, cols in (
            (Person, (Person.given_name, Person.family_name, Person.birth_date, Person.company_id)),
            (Company, (Company.name, Company.parent_id, Company.status)),
            (Activity, (Activity.kind, Activity.occurred_at, Activity.subject, Activity.text)),
            (Ticket, (Ticket.number, Ticket.title, Ticket.status)),
            (Order, (Order.number, Order.total_net)),
            (FollowUp, (FollowUp.uid, FollowUp.due_at, FollowUp.note)),
        ):
            for row in s.execute(select(*cols).order_by(model.id)):  # type: ignore[attr-defined]
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def test_deterministic_for_a_seed(tmp_path: Path, clock: FixedClock) -> None:
    prints = []
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        store = open_store(data_dir=tmp_path / name)
        try:
            generate(store, 40, seed=seed, clock=clock)
            prints.append(_fingerprint(store))
        finally:
            store.dispose()
    assert prints[0] == prints[1] != prints[2]


def test_refuses_a_non_empty_store_unless_forced(sqlite_store: Store, clock: FixedClock) -> None:
    with sqlite_store.session() as s:
        c.create_person(s, c.PersonInput(family_name="Vorhanden"), clock=clock)
    with pytest.raises(ConflictError):
        generate(sqlite_store, 20, clock=clock)
    assert count(sqlite_store, Person) == 1  # nothing written
    generate(sqlite_store, 30, seed=2, clock=clock, force=True)
    first = {t for t in _ticket_numbers(sqlite_store)}
    generate(sqlite_store, 30, seed=2, clock=clock, force=True)  # same seed again: new numbers
    numbers = _ticket_numbers(sqlite_store)
    assert len(numbers) == len(set(numbers)) == 2 * len(first)
    assert count(sqlite_store, Person) == 61
    with pytest.raises(ValidationError):
        generate(sqlite_store, 0, clock=clock, force=True)


def _ticket_numbers(store: Store) -> list[str]:
    with store.reader() as s:
        return list(s.scalars(select(Ticket.number)))


def test_cli_demo_data_and_search(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = str(tmp_path / "cli")
    assert (
        main(["--data-dir", data_dir, "demo-data", "--people", "40", "--seed", "2", "--json"]) == 0
    )
    summary = json.loads(capsys.readouterr().out)
    assert summary["people"] == 40 and summary["seconds"] >= 0
    assert main(["--data-dir", data_dir, "demo-data", "--people", "40"]) == 1
    assert "already holds data" in capsys.readouterr().err

    store = open_store(data_dir=tmp_path / "cli")
    with store.reader() as s:
        person = s.scalars(select(Person).order_by(Person.id).limit(1)).one()
        ticket = s.scalars(select(Ticket).limit(1)).one()
        name, person_id = f"{person.given_name} {person.family_name}", person.id
        ticket_id, ticket_number = ticket.id, ticket.number
    store.dispose()
    assert main(["--data-dir", data_dir, "search", name, "--json", "--limit", "5"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert 0 < len(hits) <= 5
    assert set(hits[0]) == {"kind", "id", "title", "subtitle", "score"}
    assert {"kind": "person", "id": person_id} in [{"kind": h["kind"], "id": h["id"]} for h in hits]
    assert main(["--data-dir", data_dir, "search", ticket_number.lower()]) == 0
    assert capsys.readouterr().out.startswith(f"ticket  {ticket_id:>7}  {ticket_number}")
    assert main(["--data-dir", data_dir, "search", '"(*', "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_demo_dates_follow_the_clock(sqlite_store: Store) -> None:
    clock = FixedClock(dt.datetime(2031, 3, 3, 8, 0, tzinfo=dt.UTC))
    generate(sqlite_store, 30, clock=clock)
    with sqlite_store.reader() as s:
        last = s.scalar(select(func.max(Activity.occurred_at)))
        numbers = list(s.scalars(select(Ticket.number)))
    assert last is not None and last < clock.now()
    assert any(n.startswith("T-2030-") or n.startswith("T-2031-") for n in numbers)


def test_activity_tuples_cover_the_table() -> None:
    from crm_desktop.services.demo import ACTIVITY_COLUMNS

    assert list(ACTIVITY_COLUMNS) == [col.name for col in Activity.__table__.columns]
