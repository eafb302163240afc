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


CLOCK_AT = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)  # Monday 10:00 in Berlin


def test_in_two_hours_is_a_follow_up_not_a_call_logged_now(
    store: Store, people: dict[str, int]
) -> None:
    clock = FixedClock(CLOCK_AT)
    with store.session() as s:
        proposal = q.interpret(s, "in 2 Stunden Schäfer anrufen", clock)
        assert proposal.is_followup and proposal.person_id == people["anna"]
        assert proposal.when == CLOCK_AT + dt.timedelta(hours=2)
        made = q.commit(s, proposal, clock)
        assert isinstance(made, FollowUp) and made.kind is ActivityKind.CALL
    with store.reader() as s:
        assert s.execute(select(Activity)).first() is None


def test_monday_8_on_a_monday_at_10_is_next_monday(store: Store, people: dict[str, int]) -> None:
    clock = FixedClock(CLOCK_AT)
    with store.reader() as s:
        late = q.interpret(s, "Mo 8 Uhr Müller anrufen", clock)
        ahead = q.interpret(s, "Mo 11 Uhr Müller anrufen", clock)
    assert late.is_followup and late.when == dt.datetime(2026, 11, 30, 7, 0, tzinfo=dt.UTC)
    assert ahead.is_followup and ahead.when == dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC)


def test_friday_half_three_is_14_30(store: Store, people: dict[str, int]) -> None:
    clock = FixedClock(CLOCK_AT)
    with store.reader() as s:
        p = q.interpret(s, "Freitag halb drei Schäfer treffen", clock)
    assert p.kind is ActivityKind.MEETING and p.is_followup
    assert p.when == dt.datetime(2026, 11, 27, 13, 30, tzinfo=dt.UTC)  # 14:30 CET


@pytest.mark.parametrize(
    ("phrase", "subject"),
    [
        ("Schäfer angerufen, Angebot passt", "Angebot passt"),
        ("Schäfer angerufen Angebot passt", "Angebot passt"),
        (
            "Anna Schäfer angerufen: Angebot passt, Lieferung im März",
            "Angebot passt, Lieferung im März",
        ),
        ("Notiz Müller: möchte Katalog", "möchte Katalog"),
        ("Müller angerufen wegen Angebot, passt so", "Angebot, passt so"),
    ],
)
def test_the_subject_keeps_every_word(
    store: Store, people: dict[str, int], phrase: str, subject: str
) -> None:
    clock = FixedClock(CLOCK_AT)
    with store.session() as s:
        proposal = q.interpret(s, phrase, clock)
        assert proposal.match is not None and proposal.subject == subject
        made = q.commit(s, proposal, clock)
        assert isinstance(made, Activity) and made.subject == subject


def test_company_names_stay_whole(store: Store, people: dict[str, int]) -> None:
    clock = FixedClock(CLOCK_AT)
    with store.reader() as s:
        p = q.interpret(s, "Besuch Köhler & Partner 3.12. 10:00 Wartungsvertrag", clock)
    assert p.company_id == people["koehler"] and p.person_id is None
    assert p.entry.target == "Köhler & Partner" and p.subject == "Wartungsvertrag"


def test_name_parts_for_a_new_contact() -> None:
    assert q.name_parts("Schäfer") == q.NameParts(family_name="Schäfer")
    assert q.name_parts("Frau Dr. Anna Maria Schäfer") == q.NameParts(
        title="Dr.", given_name="Anna Maria", family_name="Schäfer"
    )
    assert q.name_parts("") == q.NameParts()


def test_commit_for_a_person_created_afterwards(store: Store, people: dict[str, int]) -> None:
    clock = FixedClock(CLOCK_AT)
    with store.session() as s:
        proposal = q.interpret(s, "morgen 9 Uhr Zyxwvu anrufen wegen Angebot", clock)
        assert proposal.match is None and proposal.entry.target == "Zyxwvu"
        new = c.create_person(s, c.PersonInput(family_name="Zyxwvu"))
        follow = q.commit(s, q.for_person(s, proposal, new.id), clock)
        assert isinstance(follow, FollowUp)
        assert follow.person_id == new.id and follow.note == "Angebot"
        assert follow.due_at == dt.datetime(2026, 11, 24, 8, 0, tzinfo=dt.UTC)


def test_for_person_refuses_a_missing_person(store: Store, people: dict[str, int]) -> None:
    clock = FixedClock(CLOCK_AT)
    with store.session() as s:
        proposal = q.interpret(s, "morgen Zyxwvu anrufen", clock)
        with pytest.raises(ValidationError):
            q.for_person(s, proposal, 999_999)
