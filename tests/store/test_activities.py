"""Logging activities: validation, links, follow-ups, automatic tickets, trash."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import (
    Activity,
    ActivityKind,
    Direction,
    FollowUp,
    SearchDocument,
    Ticket,
    TicketStatus,
)
from crm_desktop.data.store import Store
from crm_desktop.errors import CardNumberError, NotFoundError, ValidationError
from crm_desktop.services.activities import (
    ActivityInput,
    delete_activity,
    log_activity,
    restore_activity,
    update_activity,
)
from crm_desktop.services.contacts import CompanyInput, PersonInput, create_company, create_person
from crm_desktop.services.tickets import open_ticket


def _people(store: Store) -> tuple[int, int, int]:
    with store.session() as s:
        comp = create_company(s, CompanyInput(name="Müller Haustechnik GmbH"))
        anna = create_person(
            s, PersonInput(given_name="Anna", family_name="Schäfer", company_id=comp.id)
        )
        jörg = create_person(s, PersonInput(given_name="Jörg", family_name="Weiß"))
        return comp.id, anna.id, jörg.id


def test_log_call_links_and_validation(store: Store, clock: FixedClock) -> None:
    comp_id, anna_id, _ = _people(store)
    with store.session() as s:
        act = log_activity(
            s,
            ActivityInput(
                kind=ActivityKind.CALL, subject="Rückruf wegen Wartung", person_id=anna_id
            ),
            clock=clock,
        )
        act_id = act.id
    with store.reader() as s:
        act = s.get(Activity, act_id)
        assert act is not None
        assert act.company_id == comp_id
        assert act.occurred_at == clock.now()
        assert act.ticket_id is None
        assert s.scalar(select(FollowUp).where(FollowUp.activity_id == act_id)) is None
        doc = s.scalar(select(SearchDocument).where(SearchDocument.kind == "activity"))
        assert doc is not None and doc.title == "Rückruf wegen Wartung"
    with store.session() as s, pytest.raises(ValidationError) as err:
        log_activity(s, ActivityInput(kind=ActivityKind.NOTE, subject="x"), clock=clock)
    assert err.value.field == "person_id"
    with store.session() as s, pytest.raises(ValidationError) as err:
        log_activity(
            s,
            ActivityInput(
                kind=ActivityKind.CALL, person_id=anna_id, occurred_at=dt.datetime(2026, 11, 1, 10)
            ),
            clock=clock,
        )
    assert err.value.field == "occurred_at"
    with store.session() as s, pytest.raises(NotFoundError):
        log_activity(s, ActivityInput(kind=ActivityKind.CALL, person_id=99999), clock=clock)
    # a card number is refused and nothing of the complaint (not even its ticket) is written
    with store.session() as s, pytest.raises(CardNumberError):
        log_activity(
            s,
            ActivityInput(
                kind=ActivityKind.COMPLAINT,
                person_id=anna_id,
                text="Bitte abbuchen von 4111 1111 1111 1111",
            ),
            clock=clock,
        )
    with store.reader() as s:
        assert len(s.scalars(select(Activity)).all()) == 1  # only the first call
        assert s.scalars(select(Ticket)).all() == []


def test_followup_and_automatic_ticket(store: Store, clock: FixedClock) -> None:
    comp_id, anna_id, jörg_id = _people(store)
    due = dt.datetime(2026, 11, 30, 8, 0, tzinfo=dt.UTC)
    with store.session() as s:
        act = log_activity(
            s,
            ActivityInput(
                kind=ActivityKind.MEETING,
                subject="Besprechung Angebot",
                person_id=anna_id,
                owner="kai",
                followup_due_at=due,
                followup_kind=ActivityKind.EMAIL,
                followup_note="Unterlagen schicken",
            ),
            clock=clock,
        )
        act_id = act.id
    with store.reader() as s:
        fu = s.scalars(select(FollowUp)).one()
        assert fu.uid.startswith("crm-followup-") and len(fu.uid) == len("crm-followup-") + 32
        assert fu.activity_id == act_id
        assert (fu.person_id, fu.company_id, fu.owner) == (anna_id, comp_id, "kai")
        assert fu.due_at == due and fu.kind == ActivityKind.EMAIL
        assert fu.note == "Unterlagen schicken"
    with store.session() as s:
        act = log_activity(
            s,
            ActivityInput(
                kind=ActivityKind.COMPLAINT,
                subject="Heizung nach Wartung defekt",
                text="Kundin meldet Ausfall.",
                person_id=anna_id,
                direction=Direction.INBOUND,
            ),
            clock=clock,
        )
        ticket = act.ticket
        assert ticket is not None
        number = ticket.number
        assert number == "T-2026-00001"
        assert ticket.status == TicketStatus.OPEN
        assert ticket.company_id == comp_id
        # a second call on the same case from another person, by number
        second = log_activity(
            s,
            ActivityInput(
                kind=ActivityKind.SERVICE_CALL,
                subject="Techniker vor Ort",
                person_id=jörg_id,
                ticket_number=" t-2026-00001 ",
            ),
            clock=clock,
        )
        assert second.ticket_id == ticket.id
        assert s.scalars(select(Ticket)).all() == [ticket]
    with store.session() as s, pytest.raises(NotFoundError):
        log_activity(
            s,
            ActivityInput(kind=ActivityKind.CALL, person_id=anna_id, ticket_number="T-2026-99999"),
            clock=clock,
        )


def test_update_delete_restore(store: Store, clock: FixedClock) -> None:
    comp_id, anna_id, jörg_id = _people(store)
    with store.session() as s:
        ticket = open_ticket(s, "Lieferung unvollständig", person_id=anna_id, clock=clock)
        act = log_activity(
            s, ActivityInput(kind=ActivityKind.NOTE, subject="alt", person_id=jörg_id), clock=clock
        )
        act_id, ticket_id = act.id, ticket.id
    with store.session() as s:
        update_activity(
            s,
            act_id,
            {"subject": "  neu  ", "person_id": anna_id, "ticket_id": ticket_id},
        )
    with store.reader() as s:
        act2 = s.get(Activity, act_id)
        assert act2 is not None
        assert (act2.subject, act2.person_id, act2.company_id, act2.ticket_id) == (
            "neu",
            anna_id,
            comp_id,
            ticket_id,
        )
    with store.session() as s, pytest.raises(ValidationError):
        update_activity(s, act_id, {"occurred_at": dt.datetime(2026, 1, 1)})
    with store.session() as s, pytest.raises(CardNumberError):
        update_activity(s, act_id, {"text": "5500 0000 0000 0004"})
    with store.session() as s:
        delete_activity(s, act_id, clock)
    with store.reader() as s:
        act3 = s.get(Activity, act_id)
        assert act3 is not None and act3.deleted_at == clock.now()
    with store.session() as s, pytest.raises(NotFoundError):
        update_activity(s, act_id, {"subject": "x"})
    with store.session() as s:
        restore_activity(s, act_id)
    with store.reader() as s:
        act4 = s.get(Activity, act_id)
        assert act4 is not None and act4.deleted_at is None
