"""Tickets: numbering (scheme, per year, never reused), workflow, lookup, timeline."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import ActivityKind, NumberSequence, Ticket, TicketStatus
from crm_desktop.data.store import Store
from crm_desktop.errors import ConflictError, NotFoundError, ValidationError
from crm_desktop.services import settings as cfg
from crm_desktop.services.activities import ActivityInput, log_activity
from crm_desktop.services.contacts import CompanyInput, PersonInput, create_company, create_person
from crm_desktop.services.tickets import (
    change_status,
    delete_ticket,
    find_ticket,
    open_ticket,
    open_tickets,
    ticket_by_number,
    ticket_timeline,
)


def _customer(store: Store) -> tuple[int, int, int]:
    with store.session() as s:
        comp = create_company(s, CompanyInput(name="Bäckerei Größl KG"))
        a = create_person(
            s, PersonInput(given_name="Lena", family_name="Größl", company_id=comp.id)
        )
        b = create_person(
            s, PersonInput(given_name="Ömer", family_name="Yıldız", company_id=comp.id)
        )
        return comp.id, a.id, b.id


def test_numbers_follow_scheme_per_year_and_are_never_reused(
    store: Store, clock: FixedClock
) -> None:
    comp_id, lena, _ = _customer(store)
    with store.session() as s:
        t1 = open_ticket(s, "Ofen heizt nicht", person_id=lena, clock=clock, by="kai")
        t2 = open_ticket(s, "Rechnung doppelt", company_id=comp_id, clock=clock)
        assert (t1.number, t2.number) == ("T-2026-00001", "T-2026-00002")
        assert t1.company_id == comp_id  # from the person
        assert [c.new_status for c in t1.status_changes] == [TicketStatus.OPEN]
        assert t1.status_changes[0].changed_by == "kai"
        t2_id = t2.id
    with store.session() as s:
        delete_ticket(s, t2_id, clock=clock)
    with store.session() as s:
        assert open_ticket(s, "Neuer Fall", person_id=lena, clock=clock).number == "T-2026-00003"
    # a failed transaction does not skip or duplicate anything afterwards
    with pytest.raises(RuntimeError), store.session() as s:
        open_ticket(s, "wird zurückgerollt", person_id=lena, clock=clock)
        raise RuntimeError("boom")
    with store.session() as s:
        assert open_ticket(s, "Vierter", person_id=lena, clock=clock).number == "T-2026-00004"
    # a new year (local time: 31 Dec 23:30 UTC is already 1 Jan in Berlin) starts again at 1
    clock.set(dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.UTC))
    with store.session() as s:
        assert open_ticket(s, "Neujahr", person_id=lena, clock=clock).number == "T-2027-00001"
    # a configurable scheme
    with store.session() as s:
        cfg.set_ticket_scheme(s, "SV{year}/{seq:04d}")
        assert open_ticket(s, "Anderes Schema", person_id=lena, clock=clock).number == "SV2027/0002"
    with store.session() as s, pytest.raises(ValidationError):
        cfg.set_ticket_scheme(s, "T-{year}")
    with store.session() as s, pytest.raises(ValidationError):
        cfg.set_ticket_scheme(s, "T-{jahr}-{seq}")
    with store.reader() as s:
        seqs = {(r.name, r.period): r.last_value for r in s.scalars(select(NumberSequence))}
        assert seqs == {("ticket", "2026"): 4, ("ticket", "2027"): 2}
        assert len(s.scalars(select(Ticket)).all()) == 6


def test_workflow_transitions_and_history(store: Store, clock: FixedClock) -> None:
    _, lena, _ = _customer(store)
    with store.session() as s:
        tid = open_ticket(s, "Lieferung beschädigt", person_id=lena, clock=clock).id
    steps = [
        (TicketStatus.WAITING, "Fotos angefordert"),
        (TicketStatus.OPEN, "Fotos da"),
        (TicketStatus.SOLVED, "Ersatz geliefert"),
        (TicketStatus.CLOSED, ""),
        (TicketStatus.REOPENED, "Ersatz auch beschädigt"),
        (TicketStatus.SOLVED, "Gutschrift"),
    ]
    for status, note in steps:
        clock.advance(hours=1)
        with store.session() as s:
            t = change_status(s, tid, status, clock=clock, by="kai", note=note)
            if status == TicketStatus.CLOSED:
                assert t.closed_at == clock.now()
            if status == TicketStatus.REOPENED:
                assert t.closed_at is None
    for bad in (TicketStatus.OPEN, TicketStatus.WAITING, TicketStatus.SOLVED):
        with store.session() as s, pytest.raises(ConflictError):
            change_status(s, tid, bad, clock=clock)
    with store.session() as s:
        change_status(s, tid, TicketStatus.CLOSED, clock=clock)
        with pytest.raises(ConflictError):
            change_status(s, tid, TicketStatus.SOLVED, clock=clock)
    with store.reader() as s:
        t = s.get(Ticket, tid)
        assert t is not None
        hist = [(c.old_status, c.new_status, c.note) for c in t.status_changes]
        assert hist[0] == (None, TicketStatus.OPEN, "")
        assert hist[1:4] == [
            (TicketStatus.OPEN, TicketStatus.WAITING, "Fotos angefordert"),
            (TicketStatus.WAITING, TicketStatus.OPEN, "Fotos da"),
            (TicketStatus.OPEN, TicketStatus.SOLVED, "Ersatz geliefert"),
        ]
        assert hist[-1][1] == TicketStatus.CLOSED and len(hist) == 8
        assert all(c.changed_by == "kai" for c in t.status_changes[1:7])


def test_lookup_timeline_and_open_list(store: Store, clock: FixedClock) -> None:
    comp_id, lena, ömer = _customer(store)
    with store.session() as s:
        old = open_ticket(s, "Alter Fall", person_id=lena, clock=clock)
        old.opened_at = clock.now() - dt.timedelta(days=12)
        case = log_activity(
            s,
            ActivityInput(
                kind=ActivityKind.COMPLAINT,
                subject="Brötchen verbrannt",
                person_id=lena,
                occurred_at=clock.now() - dt.timedelta(days=2),
            ),
            clock=clock,
        )
        number = case.ticket.number if case.ticket else ""
        log_activity(
            s,
            ActivityInput(
                kind=ActivityKind.CALL,
                subject="Rückruf Filialleiter",
                person_id=ömer,
                ticket_number=number,
                occurred_at=clock.now() - dt.timedelta(days=1),
            ),
            clock=clock,
        )
        solved = open_ticket(s, "Erledigt", person_id=lena, clock=clock)
        change_status(s, solved.id, TicketStatus.SOLVED, clock=clock)
    assert number == "T-2026-00002"
    with store.reader() as s:
        for typed in ("T-2026-00002", "t-2026-00002", " T - 2026 - 00002 ", "T-2026-2", "2026-2"):
            assert ticket_by_number(s, typed).number == number, typed
        assert find_ticket(s, "X-2026-2") is None
        with pytest.raises(NotFoundError):
            ticket_by_number(s, "T-2026-00999")
        ticket, acts = ticket_timeline(s, number)
        assert ticket.title == "Brötchen verbrannt"
        assert [a.subject for a in acts] == ["Rückruf Filialleiter", "Brötchen verbrannt"]
        assert {a.person_id for a in acts} == {lena, ömer}
        rows = open_tickets(s, clock)
        assert [(r.number, r.age_days) for r in rows] == [("T-2026-00001", 12), (number, 2)]
        assert rows[1].person == "Lena Größl" and rows[1].company == "Bäckerei Größl KG"
        assert rows[1].last_activity_at == clock.now() - dt.timedelta(days=1)
        assert rows[0].last_activity_at is None
