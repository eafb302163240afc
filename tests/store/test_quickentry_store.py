"""Quick entry against a real store: finds the person or company and saves the right thing."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Activity, ActivityKind, FollowUp
from crm_desktop.data.store import Store
from crm_desktop.errors import ValidationError
from crm_desktop.services import contacts as c
from crm_desktop.services import quickentry as q


@pytest.fixture
def people(store: Store) -> dict[str, int]:
    with store.session() as s:
        koehler = c.create_company(s, c.CompanyInput(name="Köhler & Partner"))
        mb = c.create_company(s, c.CompanyInput(name="Müller Maschinenbau GmbH"))
        ids = {
            "koehler": koehler.id,
            "mb": mb.id,
            "mueller": c.create_person(
                s, c.PersonInput(given_name="Jürgen", family_name="Müller", company_id=mb.id)
            ).id,
            "anna": c.create_person(s, c.PersonInput(given_name="Anna", family_name="Schäfer")).id,
            "anton": c.create_person(
                s, c.PersonInput(given_name="Anton", family_name="Schiefer")
            ).id,
        }
    return ids


def test_examples_from_the_issue(store: Store, people: dict[str, int]) -> None:
    clock = FixedClock(dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC))  # Monday 10:00 Berlin
    with store.reader() as s:
        p1 = q.interpret(s, "morgen 14 Uhr Müller anrufen wegen Angebot", clock)
        p2 = q.interpret(s, "call Anna Schäfer next Tuesday 9:30", clock)
        p3 = q.interpret(s, "Besuch Köhler & Partner 3.12. 10:00", clock)
        p4 = q.interpret(s, "gestern Mueller angerufen", clock)
        p5 = q.interpret(s, "Anruf Anna Schafer", clock)  # typo, missing umlaut
    assert p1.person_id == people["mueller"] and p1.company_id == people["mb"]
    assert p1.kind == ActivityKind.CALL and p1.is_followup and p1.subject == "Angebot"
    assert p1.when == dt.datetime(2026, 11, 24, 13, 0, tzinfo=dt.UTC)  # 14:00 CET
    assert p2.person_id == people["anna"] and p2.is_followup
    assert (
        p3.match is not None and p3.match.kind == "company" and p3.company_id == people["koehler"]
    )
    assert p3.kind == ActivityKind.VISIT
    assert p3.when == dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)
    assert p4.person_id == people["mueller"] and not p4.is_followup
    assert p5.person_id == people["anna"]


def test_commit_followup_and_activity(store: Store, people: dict[str, int]) -> None:
    clock = FixedClock(dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC))
    with store.session() as s:
        made = q.commit(
            s, q.interpret(s, "morgen 14 Uhr Müller anrufen wegen Angebot", clock), clock
        )
        assert isinstance(made, FollowUp)
        done = q.commit(s, q.interpret(s, "Müller angerufen wegen Lieferung", clock), clock)
        assert isinstance(done, Activity)
    with store.reader() as s:
        follow = s.execute(select(FollowUp)).scalar_one()
        assert follow.person_id == people["mueller"] and follow.note == "Angebot"
        act = s.execute(select(Activity)).scalar_one()
        assert act.subject == "Lieferung" and act.company_id == people["mb"]


def test_unknown_name_is_refused(store: Store, people: dict[str, int]) -> None:
    clock = FixedClock(dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC))
    with store.session() as s:
        proposal = q.interpret(s, "morgen Zyxwvu anrufen", clock)
        assert proposal.match is None
        with pytest.raises(ValidationError, match="No person or company"):
            q.commit(s, proposal, clock)
