"""The one undo registry (services/undo.py) on a real SQLite file: delete → undo →
redo → undo for every record kind, edits of people and companies, bulk changes and
merges through the registry, the order of several steps, a restart, and a corrupt
payload that is dropped, never a crash."""

from __future__ import annotations

import datetime as dt
import logging
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import (
    Activity,
    ActivityKind,
    Company,
    Opportunity,
    Order,
    Person,
    Project,
    Ticket,
    UndoEntry,
)
from crm_desktop.data.store import Store, open_store
from crm_desktop.services import bulk, contacts, merge
from crm_desktop.services import undo as registry
from crm_desktop.services.activities import ActivityInput, log_activity
from crm_desktop.services.contacts import CompanyInput, PersonInput, PhoneInput
from crm_desktop.services.orders import OrderInput, OrderLineInput, create_order
from crm_desktop.services.pipeline import OpportunityInput, create_opportunity
from crm_desktop.services.projects import ProjectInput, create_project
from crm_desktop.services.tickets import open_ticket

MODELS: dict[str, Any] = {
    "person": Person,
    "company": Company,
    "activity": Activity,
    "ticket": Ticket,
    "project": Project,
    "opportunity": Opportunity,
    "order": Order,
}


def _records(store: Store, clock: FixedClock) -> dict[str, int]:
    with store.session() as s:
        comp = contacts.create_company(s, CompanyInput(name="Köhler & Partner"))
        anna = contacts.create_person(
            s,
            PersonInput("Anna", "Schäfer", company_id=comp.id, phones=[PhoneInput("030 1234567")]),
        )
        hans = contacts.create_person(s, PersonInput("Hans", "Becker"))
        other = contacts.create_company(s, CompanyInput(name="Weiß GmbH"))
        act = log_activity(
            s,
            ActivityInput(kind=ActivityKind.CALL, subject="Anruf", person_id=hans.id),
            clock=clock,
        )
        ticket = open_ticket(s, "Reklamation", person_id=hans.id, clock=clock)
        project = create_project(s, ProjectInput(name="Umbau", company_id=other.id))
        opp = create_opportunity(s, OpportunityInput(title="Tor", company_id=other.id), clock=clock)
        order = create_order(
            s,
            OrderInput(company_id=other.id, lines=[OrderLineInput("Tor", D("1"), D("1200"))]),
            clock=clock,
        )
        return {
            "company": comp.id,
            "anna": anna.id,
            "person": hans.id,
            "activity": act.id,
            "ticket": ticket.id,
            "project": project.id,
            "opportunity": opp.id,
            "order": order.id,
        }


def _deleted(store: Store, kind: str, rid: int) -> bool:
    model = MODELS[kind]
    with store.reader() as s:
        return s.execute(select(model.deleted_at).where(model.id == rid)).scalar_one() is not None


@pytest.mark.parametrize(
    "kind", ["person", "company", "activity", "ticket", "project", "opportunity", "order"]
)
def test_delete_undo_redo_undo(sqlite_store: Store, clock: FixedClock, kind: str) -> None:
    ids = _records(sqlite_store, clock)
    rid = ids[kind]
    with sqlite_store.session() as s:
        entry, changes = registry.delete_record(s, kind, rid, f"Delete {kind}", clock)
    assert changes.touches_record(kind, rid)
    assert _deleted(sqlite_store, kind, rid)
    if kind == "company":
        assert _deleted(sqlite_store, "person", ids["anna"])
    with sqlite_store.session() as s:
        done = registry.undo(s, entry, clock)
    assert done.label == f"Delete {kind}" and done.changes.touches_record(kind, rid)
    assert not _deleted(sqlite_store, kind, rid)
    if kind == "company":
        assert done.changes.touches_record("person", ids["anna"])
        assert not _deleted(sqlite_store, "person", ids["anna"])
    with sqlite_store.session() as s:
        assert [i.id for i in registry.redo_stack(s)] == [entry]
        registry.redo_last(s, clock)
    assert _deleted(sqlite_store, kind, rid)
    with sqlite_store.session() as s:
        assert registry.undo_last(s, clock) is not None
    assert not _deleted(sqlite_store, kind, rid)
    if kind == "company":
        assert not _deleted(sqlite_store, "person", ids["anna"])


def _phones(store: Store, pid: int) -> list[str]:
    with store.reader() as s:
        return [p.number for p in s.get_one(Person, pid).phones]


def test_edit_of_a_person_undo_redo(sqlite_store: Store, clock: FixedClock) -> None:
    ids = _records(sqlite_store, clock)
    pid = ids["anna"]
    old_phones = _phones(sqlite_store, pid)
    with sqlite_store.session() as s:
        before = registry.snapshot(s, "person", pid)
        contacts.update_person(s, pid, {"position": "Leitung"}, clock=clock)
        person = contacts.get_person(s, pid)
        contacts.set_phones(s, person, [PhoneInput("040 7654321")])
        after = registry.snapshot(s, "person", pid)
        assert set(registry.changed_fields(before, after)) == {"position", "phones"}
        entry = registry.record_edit(s, "person", pid, before, after, "Edit Anna", clock)
    assert entry is not None
    new_phones = _phones(sqlite_store, pid)
    assert new_phones != old_phones
    with sqlite_store.session() as s:
        registry.undo(s, entry, clock)
    with sqlite_store.reader() as s:
        assert s.get_one(Person, pid).position is None
    assert _phones(sqlite_store, pid) == old_phones
    with sqlite_store.session() as s:
        registry.redo(s, entry, clock)
    with sqlite_store.reader() as s:
        assert s.get_one(Person, pid).position == "Leitung"
    assert _phones(sqlite_store, pid) == new_phones


def test_edit_of_a_company_undo_redo(sqlite_store: Store, clock: FixedClock) -> None:
    ids = _records(sqlite_store, clock)
    cid = ids["company"]
    with sqlite_store.session() as s:
        before = registry.snapshot(s, "company", cid)
        contacts.update_company(s, cid, {"name": "Köhler AG", "owner": "mk"}, clock=clock)
        contacts.set_tags(s, contacts.get_company(s, cid), ["Stammkunde"])
        after = registry.snapshot(s, "company", cid)
        entry = registry.record_edit(s, "company", cid, before, after, "Edit Köhler", clock)
        # nothing changed: no entry
        assert registry.record_edit(s, "company", cid, after, after, "x", clock) is None
    assert entry is not None
    with sqlite_store.session() as s:
        registry.undo(s, entry, clock)
    with sqlite_store.reader() as s:
        comp = s.get_one(Company, cid)
        assert (comp.name, comp.owner, comp.tags) == ("Köhler & Partner", None, [])
    with sqlite_store.session() as s:
        registry.redo(s, entry, clock)
    with sqlite_store.reader() as s:
        comp = s.get_one(Company, cid)
        assert (comp.name, [t.name for t in comp.tags]) == ("Köhler AG", ["Stammkunde"])


def test_bulk_and_merge_through_the_registry(sqlite_store: Store, clock: FixedClock) -> None:
    ids = _records(sqlite_store, clock)
    people = [ids["anna"], ids["person"]]
    with sqlite_store.session() as s:
        tagged = bulk.tag(s, "person", people, "Messe", clock)
        moved = bulk.set_field(s, "person", people, "owner", "jw", clock)
    with sqlite_store.session() as s:
        assert [i.action for i in registry.stack(s)] == ["bulk-set", "bulk-tag"]
        registry.undo(s, moved.undo_id or 0, clock)
        registry.redo(s, moved.undo_id or 0, clock)
        assert registry.undo(s, moved.undo_id or 0, clock).label == moved.label
        registry.undo(s, tagged.undo_id or 0, clock)
    with sqlite_store.reader() as s:
        assert all(s.get_one(Person, p).owner is None for p in people)
        assert all(s.get_one(Person, p).tags == [] for p in people)
    with sqlite_store.session() as s:
        result = merge.merge_people(s, ids["anna"], ids["person"], clock=clock)
    assert _deleted(sqlite_store, "person", ids["person"])
    with sqlite_store.session() as s:
        done = registry.undo_last(s, clock)
        assert done is not None and done.entry_id == result.undo_id
        assert done.changes.everything
        assert registry.redo_stack(s) == []  # a merge is not done again
    assert not _deleted(sqlite_store, "person", ids["person"])


def test_undo_takes_the_newest_change_first(sqlite_store: Store, clock: FixedClock) -> None:
    """An edit after a bulk tag: the first undo takes back the edit, not the tag."""
    ids = _records(sqlite_store, clock)
    pid = ids["person"]
    with sqlite_store.session() as s:
        bulk.tag(s, "person", [pid], "Messe", clock)
    with sqlite_store.session() as s:
        before = registry.snapshot(s, "person", pid)
        contacts.update_person(s, pid, {"position": "Chef"}, clock=clock)
        after = registry.snapshot(s, "person", pid)
        registry.record_edit(s, "person", pid, before, after, "Edit Hans", clock)
    with sqlite_store.session() as s:
        assert registry.undo_last(s, clock) is not None
    with sqlite_store.reader() as s:
        person = s.get_one(Person, pid)
        assert person.position is None and [t.name for t in person.tags] == ["Messe"]
    with sqlite_store.session() as s:
        registry.undo_last(s, clock)
        # both undone: redo does the tag first, then the edit
        assert [i.action for i in registry.redo_stack(s)] == ["bulk-tag", "edit"]
        # a new change ends the redo stack
        registry.delete_record(s, "ticket", ids["ticket"], "Delete ticket", clock)
        assert registry.redo_stack(s) == []


def test_undo_after_a_restart(tmp_path: Path, clock: FixedClock) -> None:
    data = tmp_path / "data"
    store = open_store(data_dir=data)
    ids = _records(store, clock)
    with store.session() as s:
        registry.delete_record(s, "company", ids["company"], "Delete Köhler", clock)
    store.dispose()
    store = open_store(data_dir=data)
    try:
        with store.session() as s:
            assert [i.label for i in registry.stack(s)] == ["Delete Köhler"]
            registry.undo_last(s, clock)
        assert not _deleted(store, "company", ids["company"])
        assert not _deleted(store, "person", ids["anna"])
    finally:
        store.dispose()


def test_a_corrupt_payload_is_dropped_not_a_crash(
    sqlite_store: Store, clock: FixedClock, caplog: pytest.LogCaptureFixture
) -> None:
    ids = _records(sqlite_store, clock)
    with sqlite_store.session() as s:
        good, _ = registry.delete_record(s, "order", ids["order"], "Delete order", clock)
        for payload in ({"kind": "person", "id": "x"}, {"kind": "nope"}, {"before": 3}):
            s.add(UndoEntry(at=clock.now(), label="broken", action="delete", payload=payload))
        s.add(UndoEntry(at=clock.now(), label="broken", action="edit", payload={"kind": "person"}))
        s.add(UndoEntry(at=clock.now(), label="unknown", action="teleport", payload={}))
    dropped: list[int] = []
    with (
        caplog.at_level(logging.WARNING, logger="crm_desktop.services.undo"),
        sqlite_store.reader() as s,
    ):
        items = registry.stack(s, drop=dropped)
    assert [i.id for i in items] == [good]
    assert len(dropped) == 5
    assert "unreadable" in caplog.text
    with sqlite_store.session() as s:
        with pytest.raises(Exception, match="cannot be undone"):
            registry.undo(s, dropped[0], clock)
        registry.drop(s, dropped)
        assert registry.undo_last(s, clock) is not None
    assert not _deleted(sqlite_store, "order", ids["order"])


def test_a_company_entry_a_little_off_the_stored_moment_still_restores(
    sqlite_store: Store,
) -> None:
    ticking = FixedClock(dt.datetime(2026, 11, 23, 9, 0, 0, 123456, tzinfo=dt.UTC))
    ids = _records(sqlite_store, ticking)
    with sqlite_store.session() as s:
        entry, _ = registry.delete_record(s, "company", ids["company"], "Delete", ticking)
        row = s.get_one(UndoEntry, entry)
        off = dt.datetime.fromisoformat(row.payload["deleted_at"]) - dt.timedelta(milliseconds=1)
        row.payload = {**row.payload, "deleted_at": off.isoformat()}
    with sqlite_store.session() as s:
        registry.undo(s, entry, ticking)
    assert not _deleted(sqlite_store, "company", ids["company"])
    assert not _deleted(sqlite_store, "person", ids["anna"])


def _edit(store: Store, pid: int, values: dict[str, Any], clock: FixedClock) -> int:
    with store.session() as s:
        before = registry.snapshot(s, "person", pid)
        contacts.update_person(s, pid, values, clock=clock)
        after = registry.snapshot(s, "person", pid)
        entry = registry.record_edit(s, "person", pid, before, after, "Edit Anna", clock)
    assert entry is not None
    return entry


def test_undo_of_an_edit_never_overwrites_a_later_save(
    sqlite_store: Store, clock: FixedClock
) -> None:
    """A save after the edit that wrote no undo entry of its own (another window, a
    colleague on the team database): undoing the edit is refused, the later value
    stays; a later change of another field does not stand in the way."""
    from crm_desktop.errors import ConflictError

    ids = _records(sqlite_store, clock)
    pid = ids["anna"]
    entry = _edit(sqlite_store, pid, {"position": "Leitung", "notes": "neu"}, clock)
    with sqlite_store.session() as s:
        contacts.update_person(s, pid, {"notes": "von Jens geändert"}, clock=clock)
    with sqlite_store.session() as s, pytest.raises(ConflictError) as refused:
        registry.undo(s, entry, clock)
    assert "changed again after this change" in refused.value.message
    with sqlite_store.reader() as s:
        person = s.get_one(Person, pid)
        assert (person.position, person.notes) == ("Leitung", "von Jens geändert")
        assert s.get_one(UndoEntry, entry).undone_at is None  # still there, not undone
        assert registry.changed_since(s, "person", pid, {"notes": "neu"}) == ["notes"]

    # the later save put the edit's value back: the undo goes through again
    with sqlite_store.session() as s:
        contacts.update_person(s, pid, {"notes": "neu", "family_name": "Schäfer-Weiß"}, clock=clock)
    with sqlite_store.session() as s:
        registry.undo(s, entry, clock)
    with sqlite_store.reader() as s:
        person = s.get_one(Person, pid)
        assert (person.position, person.notes or None) == (None, None)
        assert person.family_name == "Schäfer-Weiß"  # another field's change is kept

    # redo is refused alike when the record was changed after the undo
    with sqlite_store.session() as s:
        contacts.update_person(s, pid, {"position": "Azubi"}, clock=clock)
    with sqlite_store.session() as s, pytest.raises(ConflictError):
        registry.redo(s, entry, clock)
    with sqlite_store.reader() as s:
        assert s.get_one(Person, pid).position == "Azubi"


def test_an_older_edit_below_a_newer_one_is_undone_after_it(
    sqlite_store: Store, clock: FixedClock
) -> None:
    """Two recorded edits of one field: the stack offers both (the older one differs
    from the record only until the newer one is undone), Ctrl+Z twice goes back."""
    ids = _records(sqlite_store, clock)
    pid = ids["anna"]
    first = _edit(sqlite_store, pid, {"position": "Leitung"}, clock)
    second = _edit(sqlite_store, pid, {"position": "Geschäftsführung"}, clock)
    with sqlite_store.session() as s:
        assert [i.id for i in registry.stack(s)][:2] == [second, first]
        registry.undo_last(s, clock)
        registry.undo_last(s, clock)
    with sqlite_store.reader() as s:
        assert s.get_one(Person, pid).position is None


def test_edit_values_compare_by_meaning() -> None:
    """A moment written with its zone reads back as UTC; it is the same moment."""
    same = registry._same
    assert same({"$dt": "2026-11-23T10:00:00+01:00"}, {"$dt": "2026-11-23T09:00:00+00:00"})
    assert not same({"$dt": "2026-11-23T10:00:00+00:00"}, {"$dt": "2026-11-23T09:00:00+00:00"})
    assert same({"$dec": "1.50"}, {"$dec": "1.5"})
    assert same([{"number": "1", "$x": None}], [{"number": "1", "$x": None}])
    assert not same([{"number": "1"}], [{"number": "2"}])
    assert not same(["a"], ["a", "b"])
