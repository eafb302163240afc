"""Contact intervals, target against actual: planned vs done contacts per person over a
period, only the rhythm's kind counting, filtered by owner; and the CLI's JSON rows."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import ActivityKind, Person
from crm_desktop.data.store import Store
from crm_desktop.errors import ValidationError
from crm_desktop.services.activities import ActivityInput, log_activity
from crm_desktop.services.contact_report import contact_plan, default_period
from crm_desktop.services.contacts import (
    CompanyInput,
    PersonInput,
    create_company,
    create_person,
    update_person,
)

LONG_AGO = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
Y2026 = (dt.date(2026, 1, 1), dt.date(2026, 6, 30))  # 181 days


def fill(store: Store, clock: FixedClock) -> dict[str, int]:
    ids: dict[str, int] = {}
    with store.session() as s:
        comp = create_company(s, CompanyInput(name="Weißbier Brauerei", owner="Jörg")).id

        def person(
            given: str, days: int | None, kind: ActivityKind | None = None, **kw: object
        ) -> int:
            pid = create_person(
                s,
                PersonInput(
                    given_name=given,
                    family_name="Müller",
                    company_id=comp,
                    contact_interval_days=days,
                    contact_interval_kind=kind,
                    **kw,  # type: ignore[arg-type]
                ),
            ).id
            p = s.get(Person, pid)
            assert p is not None
            p.created_at = LONG_AGO
            ids[given] = pid
            return pid

        monthly = person("Monatlich", 30)  # 6 planned
        visits = person("Besuche", 60, ActivityKind.VISIT)  # 3 planned, only visits count
        person("Nie", 90)  # 2 planned, never contacted
        mine = person("Anna", 30, owner="Anna")  # own owner wins over the company's
        person("Ohne", None)
        late = person("Spät", 30)
        p = s.get(Person, late)
        assert p is not None
        p.created_at = dt.datetime(2026, 5, 31, 12, tzinfo=dt.UTC)  # on file 31 days: 1

        def act(pid: int, day: dt.date, kind: ActivityKind = ActivityKind.CALL) -> None:
            at = dt.datetime.combine(day, dt.time(10), tzinfo=dt.UTC)
            log_activity(s, ActivityInput(kind=kind, person_id=pid, occurred_at=at), clock=clock)

        for month in range(1, 7):
            act(monthly, dt.date(2026, month, 5))
        act(monthly, dt.date(2025, 12, 5))  # before the period
        act(monthly, dt.date(2026, 7, 1))  # after it
        act(visits, dt.date(2026, 2, 1), ActivityKind.VISIT)
        act(visits, dt.date(2026, 3, 1))  # a call: not a visit
        act(visits, dt.date(2026, 4, 1))
        act(mine, dt.date(2026, 6, 1))
        s.flush()
    return ids


def test_planned_done_behind(store: Store, clock: FixedClock) -> None:
    fill(store, clock)
    with store.reader() as s:
        rows = {r.name: r for r in contact_plan(s, *Y2026)}
        assert set(rows) == {
            "Monatlich Müller",
            "Besuche Müller",
            "Nie Müller",
            "Anna Müller",
            "Spät Müller",
        }
        monthly = rows["Monatlich Müller"]
        assert (monthly.planned, monthly.done, monthly.behind) == (6, 6, 0)
        assert monthly.last_contact == dt.datetime(2026, 6, 5, 10, tzinfo=dt.UTC)
        visits = rows["Besuche Müller"]
        assert (visits.kind, visits.planned, visits.done, visits.behind) == (
            ActivityKind.VISIT,
            3,
            1,
            2,
        )
        assert visits.last_contact == dt.datetime(2026, 2, 1, 10, tzinfo=dt.UTC)
        never = rows["Nie Müller"]
        assert (never.planned, never.done, never.behind, never.last_contact) == (2, 0, 2, None)
        assert rows["Anna Müller"].owner == "Anna" and rows["Anna Müller"].behind == 5
        assert rows["Spät Müller"].planned == 1
        ordered = [r.name for r in contact_plan(s, *Y2026)]
        assert ordered[0] == "Anna Müller"  # the most behind first
        joerg = {r.name for r in contact_plan(s, *Y2026, owner="Jörg")}
        assert "Anna Müller" not in joerg and "Monatlich Müller" in joerg
        assert [r.name for r in contact_plan(s, *Y2026, owner="Anna")] == ["Anna Müller"]
        # a period shorter than the rhythm: due once when the interval ran out in it
        june = {r.name: r for r in contact_plan(s, dt.date(2026, 6, 1), dt.date(2026, 6, 20))}
        assert june["Nie Müller"].planned == 1
        assert june["Besuche Müller"].planned == 1  # last visit 1 Feb + 60 days
        assert june["Monatlich Müller"].planned == 0  # contacted 5 June
        json_row = monthly.as_json()
        assert set(json_row) >= {
            "id",
            "name",
            "kind",
            "interval_days",
            "planned",
            "done",
            "behind",
            "last_contact",
        }
        with pytest.raises(ValidationError):
            contact_plan(s, dt.date(2026, 2, 1), dt.date(2026, 1, 1))
    assert default_period(clock) == (dt.date(2026, 1, 1), dt.date(2026, 11, 23))


def test_interval_kind_is_editable(store: Store, clock: FixedClock) -> None:
    ids = fill(store, clock)
    with store.session() as s:
        update_person(s, ids["Monatlich"], {"contact_interval_kind": ActivityKind.VISIT})
    with store.reader() as s:
        row = next(r for r in contact_plan(s, *Y2026) if r.person_id == ids["Monatlich"])
        assert row.kind == ActivityKind.VISIT and row.done == 0


def test_cli_report_contacts_json(
    sqlite_store: Store, clock: FixedClock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from crm_desktop.cli.main import main

    fill(sqlite_store, clock)
    sqlite_store.dispose()
    args = ["--data-dir", str(tmp_path / "data"), "report", "contacts"]
    assert main([*args, "--from", "2026-01-01", "--to", "2026-06-30", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    by_name = {r["name"]: r for r in rows}
    assert by_name["Besuche Müller"] == {
        **by_name["Besuche Müller"],
        "kind": "visit",
        "interval_days": 60,
        "planned": 3,
        "done": 1,
        "behind": 2,
        "last_contact": "2026-02-01T10:00:00+00:00",
    }
    assert (
        main([*args, "--from", "2026-01-01", "--to", "2026-06-30", "--owner", "Anna", "--json"])
        == 0
    )
    assert [r["name"] for r in json.loads(capsys.readouterr().out)] == ["Anna Müller"]
    assert main([*args, "--from", "2026-01-01", "--to", "2026-06-30"]) == 0
    text = capsys.readouterr().out
    assert "Besuche Müller" in text
    pdf = tmp_path / "plan.pdf"
    assert main([*args, "--to", "2026-06-30", "--out", str(pdf)]) == 0
    assert capsys.readouterr().out.strip().endswith("plan.pdf") and pdf.stat().st_size > 1000
    assert main([*args, "--from", "2026-07-01", "--to", "2026-01-01", "--json"]) != 0
