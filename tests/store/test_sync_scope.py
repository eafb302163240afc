"""Only changes that alter what is shown rewrite the search entry or the calendar file:
the nightly priority run on 100,000 people took 24 s when every change re-indexed."""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Person, Priority, SearchDocument
from crm_desktop.data.store import Store
from crm_desktop.services import calendar as cal
from crm_desktop.services import contacts
from crm_desktop.services import followups as fus


def _doc(store: Store, pid: int) -> tuple[int, str]:
    with store.reader() as s:
        row = s.execute(
            select(SearchDocument.id, SearchDocument.title).where(
                SearchDocument.kind == "person", SearchDocument.ref_id == pid
            )
        ).one()
        return int(row[0]), str(row[1])


def test_search_entry_is_rewritten_only_for_what_it_holds(store: Store) -> None:
    with store.session() as s:
        pid = contacts.create_person(
            s, contacts.PersonInput(given_name="Jürgen", family_name="Weiß")
        ).id
        # a later entry, so that a rewritten one gets a new id (SQLite reuses the top id)
        contacts.create_person(s, contacts.PersonInput(given_name="Eva", family_name="Roth"))
    first = _doc(store, pid)
    with store.session() as s:  # priority, rhythm, notes: not in the search entry
        person = s.get(Person, pid)
        assert person is not None
        person.priority = Priority.A
        person.contact_interval_days = 30
        person.notes = "mag keine Anrufe vor 10 Uhr"
    assert _doc(store, pid) == first
    with store.session() as s:
        person = s.get(Person, pid)
        assert person is not None
        person.family_name = "Weiss"
    doc_id, title = _doc(store, pid)
    assert doc_id != first[0] and title == "Jürgen Weiss"


def test_calendar_file_in_the_background_and_not_for_other_changes(
    store: Store, tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "crm-desktop.ics"
    writer = cal.SubscriptionWriter(store, path, clock=clock, background=True)
    writer.DELAY = 0.05
    try:
        writer.request()
        assert writer.wait(10) and writer.writes == 1 and path.exists()
        with store.session() as s:
            pid = contacts.create_person(
                s, contacts.PersonInput(given_name="Anna", family_name="Berg")
            ).id
            fus.create_followup(s, due_at=clock.now(), kind="call", note="Rückruf", person_id=pid)
        assert writer.wait(10) and writer.writes == 2
        assert "Rückruf" in path.read_text(encoding="utf-8")
        with store.session() as s:  # a priority is not in the calendar
            person = s.get(Person, pid)
            assert person is not None
            person.priority = Priority.B
        time.sleep(0.2)
        assert writer.wait(10) and writer.writes == 2
        with store.session() as s:  # a new name is
            person = s.get(Person, pid)
            assert person is not None
            person.family_name = "Bergmann"
        assert writer.wait(10) and writer.writes == 3
        assert "Bergmann" in path.read_text(encoding="utf-8")
    finally:
        writer.close()
