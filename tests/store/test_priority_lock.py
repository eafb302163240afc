"""A priority the user sets by hand, kept against the automatic run; the history."""

from __future__ import annotations

import datetime as dt
import decimal
import json
from pathlib import Path

import pytest

from crm_desktop.cli.main import main
from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Company, Person, Priority
from crm_desktop.data.store import Store, open_store
from crm_desktop.errors import NotFoundError
from crm_desktop.services import priority as svc
from crm_desktop.services.contacts import (
    CompanyInput,
    PersonInput,
    create_company,
    create_person,
    update_company,
    update_person,
)
from crm_desktop.services.orders import OrderInput, OrderLineInput, create_order

D = decimal.Decimal


def _big_customer(store: Store, clock: FixedClock) -> tuple[int, int]:
    """A company whose orders make it A, and a private customer who would be B."""
    with store.session() as s:
        cid = create_company(s, CompanyInput(name="Großhandel Öztürk GmbH")).id
        pid = create_person(s, PersonInput(given_name="Jörg", family_name="Weiß")).id
        for who, amount in (({"company_id": cid}, "25000"), ({"person_id": pid}, "6000")):
            create_order(
                s,
                OrderInput(
                    order_date=dt.date(2026, 11, 1),
                    lines=[OrderLineInput("Ware", D("1"), D(amount))],
                    **who,  # type: ignore[arg-type]
                ),
                clock=clock,
            )
    return cid, pid


def test_kept_priority_survives_the_automatic_run(store: Store, clock: FixedClock) -> None:
    cid, pid = _big_customer(store, clock)
    with store.session() as s:
        entry = svc.set_priority(s, "company", cid, Priority.C, keep=True, clock=clock)
        assert entry is not None and entry.source == "manual" and entry.kept
        svc.set_priority(s, "person", pid, Priority.A, keep=True, clock=clock)
    with store.session() as s:
        assert svc.recompute_priorities(s, clock) == []  # both kept: nothing changes
        company, person = s.get(Company, cid), s.get(Person, pid)
        assert company is not None and company.priority is Priority.C
        assert person is not None and person.priority is Priority.A
        # handed back, the next run classifies again
        assert svc.set_priority(s, "company", cid, Priority.C, keep=False, clock=clock) is None
        changes = svc.recompute_priorities(s, clock)
        assert [(c.entity, c.old, c.new) for c in changes] == [("company", Priority.C, Priority.A)]
        assert svc.is_locked(s, "person", pid) and not svc.is_locked(s, "company", cid)


def test_history_lists_automatic_runs_with_figures_and_hand_changes(
    store: Store, clock: FixedClock
) -> None:
    cid, _pid = _big_customer(store, clock)
    with store.session() as s:
        svc.recompute_priorities(s, clock)
    later = FixedClock(clock.now() + dt.timedelta(days=1))
    with store.session() as s:
        svc.set_priority(s, "company", cid, Priority.B, keep=True, clock=later)
    with store.reader() as s:
        history = svc.history(s, "company", cid)
    assert [(e.source, e.old, e.new, e.kept) for e in history] == [
        ("manual", Priority.A, Priority.B, True),  # newest first
        ("auto", None, Priority.A, False),
    ]
    auto = history[1]
    assert auto.figures["revenue"] == "25000.00"
    assert auto.figures["orders"] == "1" and auto.figures["last_order"] == "2026-11-01"
    assert auto.changed_at.tzinfo is not None


def test_edits_write_the_history_and_the_lock_is_an_edit_field(
    store: Store, clock: FixedClock
) -> None:
    with store.session() as s:
        pid = create_person(s, PersonInput(given_name="Anna", family_name="Schäfer")).id
        cid = create_company(s, CompanyInput(name="Übel & Söhne KG")).id
    with store.session() as s:
        update_person(s, pid, {"priority": Priority.A, "priority_locked": True}, clock=clock)
        update_company(s, cid, {"priority": Priority.B}, clock=clock)
    with store.reader() as s:
        assert [(e.source, e.new) for e in svc.history(s, "person", pid)] == [
            ("manual", Priority.A)
        ]
        assert svc.is_locked(s, "person", pid)
        assert [e.new for e in svc.history(s, "company", cid)] == [Priority.B]
        with pytest.raises(NotFoundError):
            svc.history(s, "company", cid + 1000)


def test_cli_set_and_history(
    tmp_path: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "data"
    store = open_store(data_dir=data_dir)
    try:
        cid, _pid = _big_customer(store, clock)
    finally:
        store.dispose()
    base = ["--data-dir", str(data_dir)]
    assert main([*base, "priorities", "set", "--company", str(cid), "--priority", "C", "--keep",
                 "--json"]) == 0  # fmt: skip
    assert json.loads(capsys.readouterr().out) == {
        "entity": "company",
        "id": cid,
        "priority": "C",
        "kept": True,
        "changed": True,
    }
    assert main([*base, "priorities", "recompute", "--json"]) == 0
    assert [c["entity"] for c in json.loads(capsys.readouterr().out)] == ["person"]
    assert main([*base, "priorities", "history", "--company", str(cid), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["kept"] is True
    assert [(h["source"], h["new"], h["kept"]) for h in data["history"]] == [("manual", "C", True)]
    # setting again without --keep/--release leaves the lock as it is
    assert main([*base, "priorities", "set", "--company", str(cid), "--priority", "B"]) == 0
    assert "kept by hand" in capsys.readouterr().out
    assert main([*base, "priorities", "set", "--company", str(cid), "--priority", "B",
                 "--release"]) == 0  # fmt: skip
    assert "automatic" in capsys.readouterr().out
    assert main([*base, "priorities", "history", "--person", "9999"]) == 1
    assert "does not exist" in capsys.readouterr().err
