"""Undo of the window's edits of records without child lists (the one "row-edit" kind
of services/undo.py) and of a new department, on real SQLite files: for every record
type the change → undo → values back → redo, the refusal when the record was changed
again after it (a later change is never overwritten), and an undo after a restart."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import (
    Activity,
    ActivityKind,
    Appointment,
    AppointmentStatus,
    Company,
    CompanyStatus,
    Department,
    Document,
    FollowUp,
    Opportunity,
    OpportunityStatus,
    Order,
    Project,
    Ticket,
    TicketStatus,
    TicketStatusChange,
    UndoEntry,
)
from crm_desktop.data.store import Store, open_store
from crm_desktop.errors import ConflictError
from crm_desktop.services import activities, contacts, followups
from crm_desktop.services import calendar as cal
from crm_desktop.services import orders as order_svc
from crm_desktop.services import pipeline as pl
from crm_desktop.services import tickets as ticket_svc
from crm_desktop.services import undo as registry
from crm_desktop.services.contacts import CompanyInput, PersonInput

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)


def _base(s: Session) -> tuple[int, int]:
    comp = contacts.create_company(s, CompanyInput(name="Schreinerei Köhler GmbH"))
    person = contacts.create_person(
        s, PersonInput(given_name="Jürgen", family_name="Köhler", company_id=comp.id)
    )
    return comp.id, person.id


def _stage(s: Session, name: str) -> int:
    return next(st.id for st in pl.ensure_stages(s) if st.name == name)


@dataclass(frozen=True)
class Case:
    """One record type: make the record, change it the window's way (undoable), read
    what the change is about, change it again later (another window, the CLI)."""

    make: Callable[[Session, FixedClock], int]
    change: Callable[[Session, int, FixedClock], Any]
    read: Callable[[Session, int], Any]
    later: Callable[[Session, int, FixedClock], Any]
    label: str


def _activity(s: Session, clock: FixedClock) -> int:
    _, pid = _base(s)
    data = activities.ActivityInput(
        kind=ActivityKind.CALL, subject="Anruf wegen Angebot", person_id=pid
    )
    return activities.log_activity(s, data, clock=clock).id


def _ticket(s: Session, clock: FixedClock) -> int:
    _, pid = _base(s)
    ticket = ticket_svc.open_ticket(s, "Tür klemmt", person_id=pid, clock=clock)
    ticket_svc.change_status(s, ticket.id, TicketStatus.SOLVED, clock=clock)
    return ticket.id


def _opportunity(s: Session, clock: FixedClock) -> int:
    cid, pid = _base(s)
    data = pl.OpportunityInput(
        title="Website", company_id=cid, person_id=pid, stage_id=_stage(s, "Kontakt")
    )
    return pl.create_opportunity(s, data, clock=clock).id


def _order(s: Session, clock: FixedClock) -> int:
    cid, _ = _base(s)
    data = order_svc.OrderInput(
        company_id=cid, lines=[order_svc.OrderLineInput("Tor", D("1"), D("1200"))]
    )
    return order_svc.create_order(s, data, clock=clock).id


def _order_input(s: Session, order_id: int, status: str) -> order_svc.OrderInput:
    order = order_svc.get_order(s, order_id)
    return order_svc.OrderInput(
        company_id=order.company_id,
        person_id=order.person_id,
        lines=[
            order_svc.OrderLineInput(ln.description, ln.quantity, ln.unit_price)
            for ln in order.lines
        ],
        order_date=order.order_date,
        status=status,
        notes=order.notes or "",
        is_new_customer=bool(order.is_new_customer),
    )


def _appointment(s: Session, clock: FixedClock) -> int:
    _, pid = _base(s)
    start = NOW + dt.timedelta(days=1)
    ap = cal.create_appointment(
        s, title="Aufmaß", start_at=start, end_at=start + dt.timedelta(hours=1), person_id=pid
    )
    return ap.id


def _followup(s: Session, clock: FixedClock) -> int:
    _, pid = _base(s)
    return followups.create_followup(
        s, due_at=NOW + dt.timedelta(hours=2), note="Rückruf", person_id=pid
    ).id


def _order2(s: Session, clock: FixedClock) -> int:
    cid, _ = _base(s)
    data = order_svc.OrderInput(
        company_id=cid,
        lines=[
            order_svc.OrderLineInput("Tor", D("1"), D("1200")),
            order_svc.OrderLineInput("Montage", D("3"), D("80")),
        ],
    )
    return order_svc.create_order(s, data, clock=clock).id


def _with_lines(
    s: Session, order_id: int, lines: list[order_svc.OrderLineInput]
) -> order_svc.OrderInput:
    data = _order_input(s, order_id, order_svc.get_order(s, order_id).status)
    data.lines = lines
    return data


def _lines_of(s: Session, order_id: int) -> tuple[Any, ...]:
    order = s.get_one(Order, order_id)
    return (
        tuple((ln.position, ln.description, ln.quantity, ln.unit_price) for ln in order.lines),
        order.total_net,
    )


def _first_line(s: Session, order_id: int) -> list[order_svc.OrderLineInput]:
    ln = order_svc.get_order(s, order_id).lines[0]
    return [order_svc.OrderLineInput(ln.description, ln.quantity, ln.unit_price)]


def _all_lines(s: Session, order_id: int) -> list[order_svc.OrderLineInput]:
    return [
        order_svc.OrderLineInput(ln.description, ln.quantity, ln.unit_price)
        for ln in order_svc.get_order(s, order_id).lines
    ]


def _lost(s: Session, clock: FixedClock) -> int:
    oid = _opportunity(s, clock)
    pl.lose(s, oid, pl.ensure_loss_reasons(s)[0].id, "zu teuer", clock)
    return oid


def _with_attendees(s: Session, clock: FixedClock) -> int:
    from crm_desktop.interop.ical import Participant

    aid = _appointment(s, clock)
    cal.set_attendees(s, aid, [Participant("juergen@koehler.example", "Jürgen Köhler")])
    return aid


def _attendees(s: Session, aid: int) -> tuple[str, ...]:
    return tuple(p.email for p in cal.attendees_of(s, aid))


def _edit_attendees(s: Session, aid: int, clock: FixedClock, *emails: str) -> Any:
    from crm_desktop.interop.ical import Participant

    ap = s.get_one(Appointment, aid)
    return cal.edit_appointment(
        s,
        aid,
        clock=clock,
        title=ap.title,
        location=ap.location,
        description=ap.description,
        person_id=ap.person_id,
        attendees=[Participant(e) for e in emails],
    )


CASES: dict[str, Case] = {
    "activity edit": Case(
        _activity,
        lambda s, i, c: activities.edit_activity(s, i, {"subject": "Rückruf zum Angebot"}, c),
        lambda s, i: s.get_one(Activity, i).subject,
        lambda s, i, c: activities.update_activity(s, i, {"subject": "Später geändert"}),
        "Edit activity “Rückruf zum Angebot”",
    ),
    "ticket close": Case(
        _ticket,
        lambda s, i, c: ticket_svc.set_status(s, i, TicketStatus.CLOSED, clock=c),
        lambda s, i: (s.get_one(Ticket, i).status, s.get_one(Ticket, i).closed_at is None),
        lambda s, i, c: ticket_svc.change_status(s, i, TicketStatus.REOPENED, clock=c),
        "Close ticket ",
    ),
    "ticket edit": Case(
        _ticket,
        lambda s, i, c: ticket_svc.edit_ticket(s, i, clock=c, title="Tür klemmt stark"),
        lambda s, i: s.get_one(Ticket, i).title,
        lambda s, i, c: ticket_svc.update_ticket(s, i, title="Tür geht wieder"),
        "Edit ticket ",
    ),
    "opportunity stage": Case(
        _opportunity,
        lambda s, i, c: pl.change_stage(s, i, _stage(s, "Angebot"), c),
        lambda s, i: (s.get_one(Opportunity, i).stage_id, s.get_one(Opportunity, i).probability),
        lambda s, i, c: pl.move_stage(s, i, _stage(s, "Verhandlung")),
        "Move “Website” to Angebot",
    ),
    "opportunity edit": Case(
        _opportunity,
        lambda s, i, c: pl.edit_opportunity(
            s, i, {"title": "Website neu", "value": D("4800")}, c, stage_id=_stage(s, "Angebot")
        ),
        lambda s, i: (
            s.get_one(Opportunity, i).title,
            s.get_one(Opportunity, i).value,
            s.get_one(Opportunity, i).stage_id,
        ),
        lambda s, i, c: pl.update_opportunity(s, i, {"value": D("5000")}),
        "Edit opportunity “Website neu”",
    ),
    "opportunity lost": Case(
        _opportunity,
        lambda s, i, c: pl.mark_lost(s, i, pl.ensure_loss_reasons(s)[0].id, "zu teuer", c),
        lambda s, i: (s.get_one(Opportunity, i).status, s.get_one(Opportunity, i).loss_note),
        lambda s, i, c: pl.reopen(s, i),
        "Mark “Website” lost",
    ),
    "order status": Case(
        _order,
        lambda s, i, c: order_svc.save_order(s, i, _order_input(s, i, "delivered"), clock=c),
        lambda s, i: s.get_one(Order, i).status,
        lambda s, i, c: order_svc.set_status(s, i, "invoiced"),
        "Edit order ",
    ),
    "order line removed": Case(
        _order2,
        lambda s, i, c: order_svc.save_order(s, i, _with_lines(s, i, _first_line(s, i)), clock=c),
        _lines_of,
        lambda s, i, c: order_svc.set_lines(
            s, i, [order_svc.OrderLineInput("Tor verzinkt", D("1"), D("1300"))]
        ),
        "Remove line from order ",
    ),
    "order line added": Case(
        _order,
        lambda s, i, c: order_svc.save_order(
            s,
            i,
            _with_lines(
                s, i, [*_all_lines(s, i), order_svc.OrderLineInput("Antrieb", D("1"), D("450"))]
            ),
            clock=c,
        ),
        _lines_of,
        lambda s, i, c: order_svc.set_lines(s, i, _first_line(s, i)),
        "Add line to order ",
    ),
    "order line edited": Case(
        _order2,
        lambda s, i, c: order_svc.save_order(
            s,
            i,
            _with_lines(
                s,
                i,
                [
                    order_svc.OrderLineInput("Tor", D("2"), D("1200")),
                    order_svc.OrderLineInput("Montage", D("3"), D("80")),
                ],
            ),
            clock=c,
        ),
        _lines_of,
        lambda s, i, c: order_svc.set_lines(s, i, _first_line(s, i)),
        "Edit lines of order ",
    ),
    "appointment attendees": Case(
        _with_attendees,
        lambda s, i, c: _edit_attendees(
            s, i, c, "juergen@koehler.example", "einkauf@koehler.example"
        ),
        _attendees,
        lambda s, i, c: cal.set_attendees(s, i, []),
        "Change attendees of “Aufmaß”",
    ),
    "appointment cancelled": Case(
        _appointment,
        lambda s, i, c: cal.call_off(s, i, c),
        lambda s, i: s.get_one(Appointment, i).status,
        lambda s, i, c: setattr(s.get_one(Appointment, i), "status", AppointmentStatus.TENTATIVE),
        "Cancel appointment “Aufmaß”",
    ),
    "follow-up cancelled": Case(
        _followup,
        lambda s, i, c: followups.call_off(s, i, c),
        lambda s, i: s.get_one(FollowUp, i).cancelled_at is None,
        lambda s, i, c: setattr(s.get_one(FollowUp, i), "cancelled_at", None),
        "Cancel follow-up",
    ),
    "opportunity reopened": Case(
        _lost,
        lambda s, i, c: pl.take_back_loss(s, i, c),
        lambda s, i: (s.get_one(Opportunity, i).status, s.get_one(Opportunity, i).loss_note),
        lambda s, i, c: pl.lose(s, i, pl.ensure_loss_reasons(s)[0].id, "doch zu teuer", c),
        "Reopen “Website”",
    ),
    "appointment edit": Case(
        _appointment,
        lambda s, i, c: cal.edit_appointment(
            s,
            i,
            clock=c,
            title="Aufmaß Küche",
            location="Werkstatt",
            person_id=s.get_one(Appointment, i).person_id,
            move_to=(NOW + dt.timedelta(days=2), NOW + dt.timedelta(days=2, hours=1)),
        ),
        lambda s, i: (
            s.get_one(Appointment, i).title,
            s.get_one(Appointment, i).location,
            s.get_one(Appointment, i).start_at,
        ),
        lambda s, i, c: cal.update_appointment(s, i, title="Aufmaß Bad"),
        "Edit appointment “Aufmaß Küche”",
    ),
    "follow-up done": Case(
        _followup,
        lambda s, i, c: followups.complete(s, i, c),
        lambda s, i: s.get_one(FollowUp, i).done_at is None,
        lambda s, i, c: followups.cancel(s, i, c),  # refused: it is done; see below
        "Mark follow-up done",
    ),
    "follow-up snoozed": Case(
        _followup,
        lambda s, i, c: followups.postpone(s, i, NOW + dt.timedelta(hours=5), c),
        lambda s, i: s.get_one(FollowUp, i).snoozed_until,
        lambda s, i, c: followups.snooze(s, i, NOW + dt.timedelta(hours=9)),
        "Snooze follow-up",
    ),
    "follow-up rescheduled": Case(
        _followup,
        lambda s, i, c: followups.move_due(s, i, NOW + dt.timedelta(days=3), c),
        lambda s, i: s.get_one(FollowUp, i).due_at,
        lambda s, i, c: followups.reschedule(s, i, NOW + dt.timedelta(days=4)),
        "Reschedule follow-up",
    ),
}


def _aware(value: Any) -> Any:
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    if isinstance(value, tuple):
        return tuple(_aware(v) for v in value)
    return value


def _read(store: Store, case: Case, rid: int) -> Any:
    with store.reader() as s:
        return _aware(case.read(s, rid))


@pytest.mark.parametrize("name", list(CASES))
def test_change_undo_redo(sqlite_store: Store, clock: FixedClock, name: str) -> None:
    case = CASES[name]
    with sqlite_store.session() as s:
        rid = case.make(s, clock)
    before = _read(sqlite_store, case, rid)
    with sqlite_store.session() as s:
        case.change(s, rid, clock)
    after = _read(sqlite_store, case, rid)
    assert after != before
    with sqlite_store.session() as s:
        top = registry.stack(s, 1)[0]
        assert top.action == "row-edit" and top.label.startswith(case.label)
        done = registry.undo_last(s, clock)
    assert done is not None and done.kind == top.payload["kind"] and done.ref_id == rid
    assert done.changes.touches_record(done.kind, rid)
    assert _read(sqlite_store, case, rid) == before
    with sqlite_store.session() as s:
        assert registry.redo_last(s, clock) is not None
    assert _read(sqlite_store, case, rid) == after
    with sqlite_store.session() as s:  # and back once more
        assert registry.undo_last(s, clock) is not None
    assert _read(sqlite_store, case, rid) == before


@pytest.mark.parametrize("name", [n for n in CASES if n != "follow-up done"])
def test_refused_over_a_later_change(sqlite_store: Store, clock: FixedClock, name: str) -> None:
    case = CASES[name]
    with sqlite_store.session() as s:
        rid = case.make(s, clock)
    with sqlite_store.session() as s:
        case.change(s, rid, clock)
    with sqlite_store.session() as s:
        case.later(s, rid, clock)
    later = _read(sqlite_store, case, rid)
    with sqlite_store.session() as s, pytest.raises(ConflictError) as info:
        registry.undo_last(s, clock)
    assert info.value.message == registry.EDIT_OVERTAKEN
    assert _read(sqlite_store, case, rid) == later


def test_done_follow_up_refused_after_a_later_change(
    sqlite_store: Store, clock: FixedClock
) -> None:
    """A follow-up marked done and then undone elsewhere (done_at back to empty) and
    done again: the undo of the first "done" would clear the newer one."""
    with sqlite_store.session() as s:
        fid = _followup(s, clock)
    with sqlite_store.session() as s:
        followups.complete(s, fid, clock)
        first = registry.stack(s, 1)[0].id
    later = FixedClock(NOW + dt.timedelta(minutes=5))
    with sqlite_store.session() as s:
        s.get_one(FollowUp, fid).done_at = later.now()
    with sqlite_store.session() as s, pytest.raises(ConflictError):
        registry.undo(s, first, clock)
    with sqlite_store.reader() as s:
        assert s.get_one(FollowUp, fid).done_at is not None


@pytest.mark.parametrize("name", ["ticket close", "opportunity stage", "follow-up done"])
def test_undo_in_a_new_session(tmp_path: Path, clock: FixedClock, name: str) -> None:
    case = CASES[name]
    data = tmp_path / "data"
    store = open_store(data_dir=data)
    with store.session() as s:
        rid = case.make(s, clock)
    before = _read(store, case, rid)
    with store.session() as s:
        case.change(s, rid, clock)
    after = _read(store, case, rid)
    store.dispose()
    store = open_store(data_dir=data)
    try:
        with store.session() as s:
            assert registry.undo_last(s, clock) is not None
        assert _read(store, case, rid) == before
        store.dispose()
        store = open_store(data_dir=data)
        with store.session() as s:
            assert registry.redo_last(s, clock) is not None
        assert _read(store, case, rid) == after
    finally:
        store.dispose()


def test_ticket_history_keeps_the_undone_close(sqlite_store: Store, clock: FixedClock) -> None:
    with sqlite_store.session() as s:
        tid = _ticket(s, clock)
    with sqlite_store.session() as s:
        ticket_svc.set_status(s, tid, TicketStatus.CLOSED, clock=clock)
    with sqlite_store.session() as s:
        registry.undo_last(s, clock)
    with sqlite_store.reader() as s:
        rows = s.execute(
            select(TicketStatusChange.old_status, TicketStatusChange.new_status)
            .where(TicketStatusChange.ticket_id == tid)
            .order_by(TicketStatusChange.id)
        ).all()
    assert rows[-2:] == [
        (TicketStatus.SOLVED, TicketStatus.CLOSED),
        (TicketStatus.CLOSED, TicketStatus.SOLVED),
    ]


def test_nothing_changed_writes_no_entry(sqlite_store: Store, clock: FixedClock) -> None:
    with sqlite_store.session() as s:
        aid = _activity(s, clock)
        activities.edit_activity(s, aid, {"subject": "Anruf wegen Angebot"}, clock)
        assert registry.stack(s) == []


# ---------------------------------------------------------------- won: the project goes back


def _won_setup(store: Store, clock: FixedClock) -> tuple[int, int, int, int]:
    with store.session() as s:
        oid = _opportunity(s, clock)
        opp = s.get_one(Opportunity, oid)
        cid = opp.company_id
        assert cid is not None
        act = activities.log_activity(
            s,
            activities.ActivityInput(
                kind=ActivityKind.CALL,
                subject="Angebot besprochen",
                company_id=cid,
                opportunity_id=oid,
            ),
            clock=clock,
        )
        s.add(Document(opportunity_id=oid, kind="quote", status="open", title="Angebot"))
    with store.session() as s:
        project = pl.mark_won(s, oid, clock)
        return oid, project.id, act.id, cid


def test_undo_of_won_takes_back_the_project(sqlite_store: Store, clock: FixedClock) -> None:
    oid, project_id, act_id, cid = _won_setup(sqlite_store, clock)
    with sqlite_store.reader() as s:
        assert s.get_one(Activity, act_id).project_id == project_id
        assert s.get_one(Company, cid).status == CompanyStatus.CUSTOMER
        assert registry.stack(s, 1)[0].label == "Mark “Website” won"
    with sqlite_store.session() as s:
        done = registry.undo_last(s, clock)
    assert done is not None and done.changes.touches_record("project", project_id)
    with sqlite_store.reader() as s:
        opp = s.get_one(Opportunity, oid)
        assert opp.status == OpportunityStatus.OPEN and opp.project_id is None
        assert s.get_one(Project, project_id).deleted_at is not None
        assert s.get_one(Activity, act_id).project_id is None
        assert s.get_one(Company, cid).status != CompanyStatus.CUSTOMER
        quote = s.execute(select(Document).where(Document.opportunity_id == oid)).scalar_one()
        assert quote.status == "open" and quote.project_id is None
    with sqlite_store.session() as s:
        assert registry.redo_last(s, clock) is not None
    with sqlite_store.reader() as s:
        assert s.get_one(Opportunity, oid).status == OpportunityStatus.WON
        assert s.get_one(Project, project_id).deleted_at is None
        assert s.get_one(Activity, act_id).project_id == project_id


def test_undo_of_won_refused_when_the_project_got_conversations(
    sqlite_store: Store, clock: FixedClock
) -> None:
    oid, project_id, _act, cid = _won_setup(sqlite_store, clock)
    with sqlite_store.session() as s:
        entry = registry.stack(s, 1)[0].id
        activities.log_activity(
            s,
            activities.ActivityInput(
                kind=ActivityKind.MEETING,
                subject="Kick-off",
                company_id=cid,
                project_id=project_id,
            ),
            clock=clock,
        )
    with sqlite_store.session() as s:
        assert registry.stack(s, 1)[0].id == entry  # offered: the undo says why not
        with pytest.raises(ConflictError) as info:
            registry.undo(s, entry, clock)
    assert info.value.message == registry.WON_PROJECT_USED
    assert "Website" in info.value.text()
    with sqlite_store.reader() as s:
        assert s.get_one(Opportunity, oid).status == OpportunityStatus.WON
        assert s.get_one(Project, project_id).deleted_at is None


# ---------------------------------------------------------------- a new department


def test_new_department_undo_redo(sqlite_store: Store, clock: FixedClock) -> None:
    with sqlite_store.session() as s:
        cid, _ = _base(s)
        dept = contacts.create_department(s, cid, "Einkauf", clock)
        did = dept.id
        assert registry.stack(s, 1)[0].label == "New department “Einkauf”"
    with sqlite_store.session() as s:
        done = registry.undo_last(s, clock)
    assert done is not None and done.changes.touches_record("department", did)
    with sqlite_store.reader() as s:
        assert s.get(Department, did) is None
    with sqlite_store.session() as s:
        registry.redo_last(s, clock)
    with sqlite_store.reader() as s:
        assert s.get_one(Department, did).name == "Einkauf"


def test_new_department_with_people_stays(sqlite_store: Store, clock: FixedClock) -> None:
    with sqlite_store.session() as s:
        cid, pid = _base(s)
        did = contacts.create_department(s, cid, "Einkauf", clock).id
        entry = registry.stack(s, 1)[0].id
    with sqlite_store.session() as s:
        contacts.update_person(s, pid, {"department_id": did})
    with sqlite_store.session() as s, pytest.raises(ConflictError) as info:
        registry.undo(s, entry, clock)
    assert info.value.message == contacts.DEPARTMENT_HAS_PEOPLE
    with sqlite_store.reader() as s:
        assert s.get(Department, did) is not None


def test_unreadable_row_edit_is_dropped(sqlite_store: Store, clock: FixedClock) -> None:
    with sqlite_store.session() as s:
        aid = _activity(s, clock)
        activities.edit_activity(s, aid, {"subject": "neu"}, clock)
        entry = s.execute(select(UndoEntry)).scalars().one()
        entry.payload = {**entry.payload, "after": {"no_such_column": 1}, "before": {}}
    with sqlite_store.session() as s:
        assert registry.stack(s) == []
        with pytest.raises(ConflictError):
            registry.undo(s, entry.id, clock)


def test_anonymising_the_person_removes_her_row_edits(
    sqlite_store: Store, clock: FixedClock
) -> None:
    """The old text of her activity lives in the entry: erasing her data erases it."""
    from crm_desktop.services import privacy

    with sqlite_store.session() as s:
        aid = _activity(s, clock)
        pid = s.get_one(Activity, aid).person_id
        assert pid is not None
        activities.edit_activity(s, aid, {"text": "privat: Tochter krank"}, clock)
        assert registry.stack(s, 1)[0].payload["person_id"] == pid
    with sqlite_store.session() as s:
        privacy.anonymise_person(s, pid, clock, actor="tester")
    with sqlite_store.reader() as s:
        assert s.execute(select(UndoEntry).where(UndoEntry.action == "row-edit")).first() is None


# ---------------------------------------------------------------- new records


def _new_order(s: Session, clock: FixedClock) -> tuple[str, int]:
    cid, _ = _base(s)
    data = order_svc.OrderInput(
        company_id=cid, lines=[order_svc.OrderLineInput("Tor", D("1"), D("1200"))]
    )
    return "order", order_svc.new_order(s, data, clock=clock).id


def _new_opportunity(s: Session, clock: FixedClock) -> tuple[str, int]:
    cid, pid = _base(s)
    data = pl.OpportunityInput(title="Website", company_id=cid, person_id=pid)
    return "opportunity", pl.new_opportunity(s, data, clock=clock).id


def _new_followup(s: Session, clock: FixedClock) -> tuple[str, int]:
    _, pid = _base(s)
    fu = followups.plan(
        s,
        due_at=NOW + dt.timedelta(hours=2),
        kind=ActivityKind.CALL,
        note="Rückruf",
        person_id=pid,
        owner=None,
        clock=clock,
    )
    return "followup", fu.id


def _new_appointment(s: Session, clock: FixedClock) -> tuple[str, int]:
    from crm_desktop.interop.ical import Participant

    _, pid = _base(s)
    start = NOW + dt.timedelta(days=1)
    ap = cal.new_appointment(
        s,
        clock=clock,
        title="Aufmaß",
        start_at=start,
        end_at=start + dt.timedelta(hours=1),
        organizer=Participant("buero@schreinerei.example", "Büro"),
        attendees=[Participant("juergen@koehler.example", "Jürgen Köhler")],
        person_id=pid,
    )
    return "appointment", ap.id


def _new_quick_activity(s: Session, clock: FixedClock) -> tuple[str, int]:
    from crm_desktop.services import timeline as tl

    _, pid = _base(s)
    aid = tl.quick_log(
        s, tl.Scope(person_id=pid), ActivityKind.CALL, "Rückruf Angebot\nDetails", clock=clock
    )
    return "activity", aid


def _gone(s: Session, kind: str, rid: int) -> bool:
    if kind == "appointment":
        return s.get_one(Appointment, rid).status == AppointmentStatus.CANCELLED
    if kind == "followup":
        return s.get_one(FollowUp, rid).cancelled_at is not None
    model = {"order": Order, "opportunity": Opportunity, "activity": Activity}[kind]
    return s.get_one(model, rid).deleted_at is not None


@pytest.mark.parametrize(
    ("make", "label"),
    [
        (_new_order, "New order "),
        (_new_opportunity, "New opportunity “Website”"),
        (_new_followup, "Plan follow-up"),
        (_new_appointment, "New appointment “Aufmaß”"),
        (_new_quick_activity, "New activity “Rückruf Angebot”"),
    ],
)
def test_new_record_undo_redo(
    sqlite_store: Store,
    clock: FixedClock,
    make: Callable[[Session, FixedClock], tuple[str, int]],
    label: str,
) -> None:
    with sqlite_store.session() as s:
        kind, rid = make(s, clock)
    with sqlite_store.session() as s:
        top = registry.stack(s, 1)[0]
        assert top.action == "create" and top.label.startswith(label)
        done = registry.undo_last(s, clock)
    assert done is not None and done.changes.touches_record(kind, rid)
    with sqlite_store.reader() as s:
        assert _gone(s, kind, rid)
        assert registry.stack(s) == []  # nothing more to undo
    with sqlite_store.session() as s:
        assert registry.redo_last(s, clock) is not None
    with sqlite_store.reader() as s:
        assert not _gone(s, kind, rid)


def test_new_follow_up_done_since_is_refused(sqlite_store: Store, clock: FixedClock) -> None:
    with sqlite_store.session() as s:
        _kind, fid = _new_followup(s, clock)
        entry = registry.stack(s, 1)[0].id
    with sqlite_store.session() as s:
        followups.mark_done(s, fid, clock)
    with sqlite_store.session() as s, pytest.raises(ConflictError) as info:
        registry.undo(s, entry, clock)
    assert info.value.message == registry.EDIT_OVERTAKEN
    with sqlite_store.reader() as s:
        assert s.get_one(FollowUp, fid).cancelled_at is None


def test_order_lines_in_a_new_session(tmp_path: Path, clock: FixedClock) -> None:
    """An undo of a removed line read back from the stored entry (JSON amounts)."""
    data = tmp_path / "data"
    store = open_store(data_dir=data)
    try:
        with store.session() as s:
            oid = _order2(s, clock)
        with store.reader() as s:
            before = _lines_of(s, oid)
        with store.session() as s:
            order_svc.save_order(s, oid, _with_lines(s, oid, _first_line(s, oid)), clock=clock)
        store.dispose()
        store = open_store(data_dir=data)
        with store.session() as s:
            assert registry.undo_last(s, clock) is not None
        with store.reader() as s:
            assert _lines_of(s, oid) == before
    finally:
        store.dispose()


def test_undone_attendee_change_counts_the_sequence_on(
    sqlite_store: Store, clock: FixedClock
) -> None:
    """Calendars take an invitation with a higher SEQUENCE as the newer version: an
    undo of a changed attendee list never sends the number back."""
    with sqlite_store.session() as s:
        aid = _with_attendees(s, clock)
    with sqlite_store.session() as s:
        _edit_attendees(s, aid, clock, "einkauf@koehler.example")
        changed = s.get_one(Appointment, aid).sequence
    with sqlite_store.session() as s:
        assert registry.undo_last(s, clock) is not None
    with sqlite_store.reader() as s:
        assert _attendees(s, aid) == ("juergen@koehler.example",)
        assert s.get_one(Appointment, aid).sequence > changed


def test_anonymising_an_attendee_removes_the_attendee_change(
    sqlite_store: Store, clock: FixedClock
) -> None:
    """An attendee list in an undo entry holds her address: erasing her data erases it."""
    from crm_desktop.services import privacy
    from crm_desktop.services.contacts import EmailInput

    with sqlite_store.session() as s:
        aid = _appointment(s, clock)
        pid = contacts.create_person(
            s,
            PersonInput(
                given_name="Erika",
                family_name="Einkauf",
                emails=[EmailInput("erika@koehler.example")],
            ),
        ).id
    with sqlite_store.session() as s:
        _edit_attendees(s, aid, clock, "erika@koehler.example")
        top = registry.stack(s, 1)[0]
        assert top.label.startswith("Change attendees")
        assert top.payload["lists"][0]["after"][0]["person_id"] == pid
    with sqlite_store.session() as s:
        privacy.anonymise_person(s, pid, clock, actor="tester")
    with sqlite_store.reader() as s:
        assert s.get(UndoEntry, top.id) is None


def test_order_saved_unchanged_writes_no_entry(sqlite_store: Store, clock: FixedClock) -> None:
    with sqlite_store.session() as s:
        oid = _order2(s, clock)
    with sqlite_store.session() as s:
        order_svc.save_order(s, oid, _with_lines(s, oid, _all_lines(s, oid)), clock=clock)
        assert registry.stack(s) == []


def test_move_in_the_tree_undo_redo(sqlite_store: Store, clock: FixedClock) -> None:
    from crm_desktop.data.models import Person
    from crm_desktop.services import tree
    from crm_desktop.services.tree import NodeRef

    with sqlite_store.session() as s:
        _, pid = _base(s)
        other = contacts.create_company(s, CompanyInput(name="Zweite GmbH")).id
        before = s.get_one(Person, pid).company_id
        tree.move_person(s, pid, NodeRef.company(other), allow_company_change=True, clock=clock)
    with sqlite_store.session() as s:
        assert registry.stack(s, 1)[0].label.startswith("Move “")
        assert registry.undo_last(s, clock) is not None
    with sqlite_store.reader() as s:
        assert s.get_one(Person, pid).company_id == before
    with sqlite_store.session() as s:
        assert registry.redo_last(s, clock) is not None
    with sqlite_store.reader() as s:
        assert s.get_one(Person, pid).company_id == other
