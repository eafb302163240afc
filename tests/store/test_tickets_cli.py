"""The sales commands: ticket show/list, orders export, priorities recompute."""

from __future__ import annotations

import datetime as dt
import decimal
import json
from pathlib import Path

import pytest

from crm_desktop.cli.main import main
from crm_desktop.clock import SystemClock
from crm_desktop.data.models import ActivityKind, Direction
from crm_desktop.data.store import open_store
from crm_desktop.services.activities import ActivityInput, log_activity
from crm_desktop.services.contacts import CompanyInput, PersonInput, create_company, create_person
from crm_desktop.services.orders import OrderInput, OrderLineInput, create_order


def test_sales_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = tmp_path / "data"
    store = open_store(data_dir=data_dir)
    clock = SystemClock()
    year = clock.now().year
    with store.session() as s:
        comp = create_company(s, CompanyInput(name="Bäckerei Größl KG"))
        lena = create_person(
            s, PersonInput(given_name="Lena", family_name="Größl", company_id=comp.id)
        )
        ömer = create_person(s, PersonInput(given_name="Ömer", family_name="Yıldız"))
        act = log_activity(
            s,
            ActivityInput(
                kind=ActivityKind.COMPLAINT,
                direction=Direction.INBOUND,
                subject="Ofen heizt nicht",
                text="Seit der Wartung.",
                person_id=lena.id,
            ),
            clock=clock,
        )
        assert act.ticket is not None
        number = act.ticket.number
        log_activity(
            s,
            ActivityInput(
                kind=ActivityKind.CALL,
                subject="Techniker kommt",
                person_id=ömer.id,
                ticket_id=act.ticket_id,
            ),
            clock=clock,
        )
        create_order(
            s,
            OrderInput(
                company_id=comp.id,
                order_date=dt.date(year, 1, 15),
                lines=[OrderLineInput("Ofen", decimal.Decimal("1"), decimal.Decimal("6000"))],
            ),
            clock=clock,
        )
    store.dispose()
    base = ["--data-dir", str(data_dir)]

    assert main([*base, "ticket", "show", number.lower().replace("-", " - "), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["ticket"]["number"] == number and doc["ticket"]["status"] == "open"
    assert doc["ticket"]["person_id"] == lena.id and doc["ticket"]["company_id"] == comp.id
    assert doc["ticket"]["history"][0]["to"] == "open"
    assert [a["person"] for a in doc["activities"]] == ["Ömer Yıldız", "Lena Größl"]
    assert set(doc["activities"][0]) >= {
        "id",
        "kind",
        "occurred_at",
        "person_id",
        "subject",
        "text",
    }

    assert main([*base, "ticket", "show", number]) == 0
    human = capsys.readouterr().out
    assert number in human and "Ofen heizt nicht" in human and "Lena Größl" in human

    assert main([*base, "ticket", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["number"], r["age_days"]) for r in rows] == [(number, 0)]

    out = tmp_path / "orders.csv"
    args = [
        *base,
        "orders",
        "export",
        "--format",
        "csv",
        "--out",
        str(out),
        "--from",
        f"{year}-01-01",
    ]
    assert main(args) == 0
    assert "1 orders written" in capsys.readouterr().out
    assert out.read_text(encoding="utf-8-sig").count("\n") == 2

    assert main([*base, "priorities", "recompute", "--json"]) == 0
    changes = json.loads(capsys.readouterr().out)
    assert [(c["name"], c["new"]) for c in changes] == [("Bäckerei Größl KG", "B")]
    assert main([*base, "priorities", "recompute"]) == 0
    assert "No priority changed." in capsys.readouterr().out

    assert main([*base, "ticket", "show", "T-1999-00001"]) == 1
    assert "There is no ticket T-1999-00001." in capsys.readouterr().err
    assert main([*base, "orders", "export", "--out", str(out), "--to", "31.12.2026"]) == 1
    assert "is not a date" in capsys.readouterr().err
