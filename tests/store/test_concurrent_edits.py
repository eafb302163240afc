"""Optimistic concurrency (issue #15): two users edit one record, the second save is
refused with who and when instead of silently blanking the first user's change. Runs
on SQLite (two stores on one file) and on a real PostgreSQL server."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import ActivityKind, Company, Person
from crm_desktop.data.store import Store, open_store
from crm_desktop.errors import ConcurrentEditError
from crm_desktop.services import activities, contacts
from crm_desktop.services.contacts import CompanyInput, PersonInput


@pytest.fixture
def second(store: Store) -> Iterator[Store]:
    """The colleague's program: a store of its own on the same data."""
    other = (
        open_store(data_dir=store.path.parent)
        if store.path is not None
        else open_store(database_url=store.url)
    )
    yield other
    other.dispose()


def _person(store: Store) -> int:
    with store.session() as s:
        return contacts.create_person(s, PersonInput("Jürgen", "Weiß", position="Einkauf")).id


def _loaded(store: Store, pid: int) -> tuple[int, str | None]:
    """What an edit form reads: the version and the position."""
    with store.reader() as s:
        p = contacts.get_person(s, pid)
        return p.version, p.position


def test_the_second_save_of_one_person_is_refused(
    store: Store, second: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = _person(store)
    v_anna, _ = _loaded(store, pid)
    v_ben, _ = _loaded(second, pid)
    assert v_anna == v_ben == 1

    monkeypatch.setenv("CRM_DESKTOP_USER", "anna")
    clock.set(dt.datetime(2026, 11, 23, 13, 2, tzinfo=dt.UTC))
    with store.session() as s:
        contacts.update_person(
            s, pid, {"position": "Leitung Einkauf"}, clock=clock, expected_version=v_anna
        )
    monkeypatch.setenv("CRM_DESKTOP_USER", "ben")
    with pytest.raises(ConcurrentEditError) as caught, second.session() as s:
        contacts.update_person(
            s, pid, {"notes": "ruft zurück", "position": None}, clock=clock, expected_version=v_ben
        )
    err = caught.value
    assert (err.entity, err.record_id, err.version) == ("person", pid, 2)
    assert err.changed_by == "anna"
    assert err.changed_at == dt.datetime(2026, 11, 23, 13, 2, tzinfo=dt.UTC)
    assert "anna changed this record at 2026-11-23 13:02" in err.text()
    # anna's change is kept, ben's is not written
    with store.reader() as s:
        p = s.get(Person, pid)
        assert p is not None
        assert (p.position, p.notes, p.version, p.updated_by) == ("Leitung Einkauf", "", 2, "anna")

    # overwrite: ben saves again on the version he was told about
    with second.session() as s:
        contacts.update_person(
            s, pid, {"notes": "ruft zurück"}, clock=clock, expected_version=err.version
        )
    with store.reader() as s:
        p = s.get(Person, pid)
        assert p is not None
        assert (p.position, p.notes, p.version, p.updated_by) == (
            "Leitung Einkauf",
            "ruft zurück",
            3,
            "ben",
        )


def test_the_second_save_of_one_company_is_refused(
    store: Store, second: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    with store.session() as s:
        cid = contacts.create_company(s, CompanyInput(name="Bäckerei Müller")).id
    with store.reader() as s:
        loaded = contacts.get_company(s, cid).version
    monkeypatch.setenv("CRM_DESKTOP_USER", "anna")
    with store.session() as s:
        contacts.update_company(s, cid, {"notes": "Anna"}, clock=clock, expected_version=loaded)
    monkeypatch.setenv("CRM_DESKTOP_USER", "ben")
    with pytest.raises(ConcurrentEditError) as caught, second.session() as s:
        contacts.update_company(s, cid, {"name": "Müller"}, clock=clock, expected_version=loaded)
    assert caught.value.changed_by == "anna"
    with store.reader() as s:
        comp = s.get(Company, cid)
        assert comp is not None and (comp.name, comp.notes) == ("Bäckerei Müller", "Anna")


def test_saves_without_a_loaded_version_still_count_up(store: Store, clock: FixedClock) -> None:
    pid = _person(store)
    with store.session() as s:
        contacts.update_person(s, pid, {"position": "Vertrieb"}, clock=clock)
        act = activities.log_activity(
            s,
            activities.ActivityInput(kind=ActivityKind.CALL, person_id=pid),
            clock=clock,
        )
        act_id = act.id
    with store.reader() as s:
        assert s.execute(select(Person.version).where(Person.id == pid)).scalar_one() == 2
        loaded = activities.get_activity(s, act_id).version
    with store.session() as s:
        activities.update_activity(s, act_id, {"subject": "Rückruf"}, expected_version=loaded)
    with pytest.raises(ConcurrentEditError), store.session() as s:
        activities.update_activity(s, act_id, {"subject": "alt"}, expected_version=loaded)


@pytest.mark.pg
def test_a_save_between_read_and_write_is_caught_by_the_version_check(
    pg_store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both users' sessions read version 1; the first commits; the second's UPDATE
    finds no row at version 1 any more (SQLAlchemy's StaleDataError), reported as a
    ConcurrentEditError naming the first user."""
    pid = _person(pg_store)
    slow = pg_store.factory()
    try:
        slow.begin()
        assert contacts.get_person(slow, pid).version == 1  # read, not yet written
        monkeypatch.setenv("CRM_DESKTOP_USER", "anna")
        with pg_store.session() as s:
            contacts.update_person(s, pid, {"position": "Leitung"}, clock=clock)
        monkeypatch.setenv("CRM_DESKTOP_USER", "ben")
        with pytest.raises(ConcurrentEditError) as caught:
            contacts.update_person(slow, pid, {"notes": "x"}, clock=clock, expected_version=1)
        assert caught.value.changed_by == "anna"
        assert caught.value.version == 2
    finally:
        slow.rollback()
        slow.close()
    with pg_store.reader() as s:
        p = s.get(Person, pid)
        assert p is not None and (p.position, p.notes) == ("Leitung", "")
