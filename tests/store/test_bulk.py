"""Bulk tag/untag/set/delete, each one transaction, undoable several steps back (both backends)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import (
    Company,
    CompanyStatus,
    ImportBatch,
    Person,
    Priority,
    SearchDocument,
)
from crm_desktop.data.store import Store
from crm_desktop.errors import ValidationError
from crm_desktop.services import bulk
from crm_desktop.services import contacts as c


@pytest.fixture
def ids(store: Store, clock: FixedClock) -> list[int]:
    with store.session() as s:
        comp = c.create_company(s, c.CompanyInput(name="Acme GmbH"))
        out = [
            c.create_person(
                s,
                c.PersonInput(
                    given_name=f"P{i}",
                    family_name="Muster",
                    company_id=comp.id,
                    tags=["Alt"] if i == 0 else [],
                ),
                clock=clock,
            ).id
            for i in range(5)
        ]
    return out


def _tags(store: Store, pid: int) -> list[str]:
    with store.reader() as s:
        person = s.get(Person, pid)
        assert person is not None
        return [t.name for t in person.tags]


def test_tag_untag_and_undo(store: Store, clock: FixedClock, ids: list[int]) -> None:
    with store.session() as s:
        r = bulk.tag(s, "person", ids[:3], "Messe 2026", clock)
    assert r.changed == 3
    assert _tags(store, ids[0]) == ["Alt", "Messe 2026"]
    with store.session() as s:
        r2 = bulk.untag(s, "person", ids, "Alt", clock)
    assert r2.changed == 1 and _tags(store, ids[0]) == ["Messe 2026"]
    with store.session() as s:  # undo the untag, then the tag: two steps back
        bulk.undo_last(s, clock)
    assert _tags(store, ids[0]) == ["Alt", "Messe 2026"]
    with store.session() as s:
        bulk.undo_last(s, clock)
    assert _tags(store, ids[0]) == ["Alt"] and _tags(store, ids[1]) == []


def test_set_field_and_undo(store: Store, clock: FixedClock, ids: list[int]) -> None:
    with store.session() as s:
        c.update_person(s, ids[0], {"priority": Priority.C}, clock=clock)
        r = bulk.set_field(s, "person", ids, "priority", "A", clock)
    assert r.changed == 5
    with store.reader() as s:
        assert {p.priority for p in s.execute(select(Person)).scalars()} == {Priority.A}
    with store.session() as s:
        bulk.undo(s, r.undo_id or 0, clock)
    with store.reader() as s:
        got = {p.id: p.priority for p in s.execute(select(Person)).scalars()}
    assert got[ids[0]] == Priority.C and got[ids[1]] is None
    with store.session() as s:
        comp_id = s.execute(select(Company.id)).scalar_one()
        bulk.set_field(s, "company", [comp_id], "status", "customer", clock)
        assert s.get(Company, comp_id).status == CompanyStatus.CUSTOMER  # type: ignore[union-attr]
    with pytest.raises(ValidationError), store.session() as s:
        bulk.set_field(s, "person", ids, "status", "customer", clock)
    with pytest.raises(ValidationError), store.session() as s:
        bulk.set_field(s, "person", ids, "priority", "Z", clock)


def test_delete_trash_restore_across_sessions(
    store: Store, clock: FixedClock, ids: list[int]
) -> None:
    with store.session() as s:
        r = bulk.delete_many(s, "person", ids[1:4], clock)
    assert r.changed == 3
    with store.reader() as s:
        assert bulk.count_live(s, "person") == 2
        assert {t.id for t in bulk.trash(s)} == set(ids[1:4])
        assert not s.execute(
            select(SearchDocument).where(
                SearchDocument.ref_id.in_(ids[1:4]), SearchDocument.kind == "person"
            )
        ).first()
    # "after a restart": a fresh session finds the undo entry in the database
    with store.session() as s:
        assert bulk.undo_stack(s)[0].action == "bulk-delete"
        bulk.undo_last(s, clock)
    with store.reader() as s:
        assert bulk.count_live(s, "person") == 5
        assert (
            len(s.execute(select(SearchDocument).where(SearchDocument.kind == "person")).all()) == 5
        )
    with store.session() as s:
        bulk.delete_many(s, "person", [ids[4]], clock)
        bulk.restore(s, "person", [ids[4]])
        assert bulk.count_live(s, "person") == 5


def test_one_transaction(store: Store, clock: FixedClock, ids: list[int]) -> None:
    with pytest.raises(RuntimeError), store.session() as s:
        bulk.tag(s, "person", ids, "X", clock)
        raise RuntimeError("power cut")
    assert _tags(store, ids[1]) == []


def test_last_import_set(store: Store, clock: FixedClock, ids: list[int]) -> None:
    with store.session() as s:
        batch = ImportBatch(source="x.vcf", file_format="vcard")
        s.add(batch)
        s.flush()
        for pid in ids[:2]:
            s.get(Person, pid).import_batch_id = batch.id  # type: ignore[union-attr]
    with store.reader() as s:
        got_batch, got = bulk.last_import(s)
        assert got_batch is not None and got_batch.source == "x.vcf"
        assert dt.datetime.now(dt.UTC) >= got_batch.started_at
    assert sorted(got) == sorted(ids[:2])
