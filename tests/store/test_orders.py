"""Orders: numbering, totals, new-customer flag, CSV/JSON export following the schema."""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import json
from pathlib import Path
from typing import Any

import pytest

from crm_desktop.clock import FixedClock
from crm_desktop.data.store import Store
from crm_desktop.errors import CardNumberError, ValidationError
from crm_desktop.services.contacts import CompanyInput, PersonInput, create_company, create_person
from crm_desktop.services.orders import (
    CSV_COLUMNS,
    OrderInput,
    OrderLineInput,
    create_order,
    delete_order,
    export_orders,
    order_by_number,
)

D = decimal.Decimal
SCHEMA = Path(__file__).resolve().parents[2] / "resources" / "order-export.schema.json"


def _check(schema: dict[str, Any], value: Any, root: dict[str, Any], where: str = "$") -> None:
    """A small JSON Schema subset check (type, const, enum, required, properties, items)."""
    if "$ref" in schema:
        target: Any = root
        for part in schema["$ref"].lstrip("#/").split("/"):
            target = target[part]
        _check(target, value, root, where)
        return
    types = schema.get("type")
    if types is not None:
        allowed = types if isinstance(types, list) else [types]
        py = {
            "object": dict,
            "array": list,
            "string": str,
            "integer": int,
            "boolean": bool,
            "null": type(None),
        }
        assert any(isinstance(value, py[t]) for t in allowed), f"{where}: {value!r} not {types}"
    if "const" in schema:
        assert value == schema["const"], where
    if "enum" in schema:
        assert value in schema["enum"], where
    if "pattern" in schema and isinstance(value, str):
        import re

        assert re.search(schema["pattern"], value), f"{where}: {value!r}"
    if isinstance(value, dict):
        for key in schema.get("required", []):
            assert key in value, f"{where}: {key} missing"
        props = schema.get("properties", {})
        if schema.get("additionalProperties") is False:
            assert set(value) <= set(props), f"{where}: extra {set(value) - set(props)}"
        for key, sub in props.items():
            if key in value:
                _check(sub, value[key], root, f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        assert len(value) >= schema.get("minItems", 0)
        for i, item in enumerate(value):
            _check(schema["items"], item, root, f"{where}[{i}]")


def test_orders_numbering_totals_and_new_customer(store: Store, clock: FixedClock) -> None:
    with store.session() as s:
        comp = create_company(s, CompanyInput(name="Metallbau Fröhlich GmbH", vat_id="DE136695976"))
        anna = create_person(
            s, PersonInput(given_name="Anna", family_name="Fröhlich", company_id=comp.id)
        )
        first = create_order(
            s,
            OrderInput(
                person_id=anna.id,
                order_date=dt.date(2026, 3, 2),
                lines=[
                    OrderLineInput("Geländer Edelstahl, 4 m", D("4"), D("189.90"), "m", "GL-4"),
                    OrderLineInput("Montage", D("2.5"), D("68.00"), "h", vat_rate=D("19")),
                ],
            ),
            clock=clock,
        )
        assert first.number == "A-2026-00001"
        assert first.company_id == comp.id and first.person_id == anna.id
        assert first.total_net == D("929.60")  # 759.60 + 170.00
        assert first.is_new_customer is True
        second = create_order(
            s,
            OrderInput(company_id=comp.id, lines=[OrderLineInput("Tor", D("1"), D("1200"))]),
            clock=clock,
        )
        assert (second.number, second.order_date, second.is_new_customer) == (
            "A-2026-00002",
            dt.date(2026, 11, 23),
            False,
        )
        delete_order(s, second.id, clock=clock)
        third = create_order(
            s, OrderInput(company_id=comp.id, lines=[OrderLineInput("Zaun")]), clock=clock
        )
        assert third.number == "A-2026-00003"  # never reused
        assert order_by_number(s, " a-2026-00001 ").id == first.id
        for bad in (
            OrderInput(lines=[OrderLineInput("x")]),
            OrderInput(company_id=comp.id, lines=[]),
            OrderInput(company_id=comp.id, lines=[OrderLineInput("x", D("0"))]),
            OrderInput(company_id=comp.id, lines=[OrderLineInput("x", D("1"), D("-1"))]),
        ):
            with pytest.raises(ValidationError):
                create_order(s, bad, clock=clock)
        with pytest.raises(CardNumberError):
            create_order(
                s,
                OrderInput(
                    company_id=comp.id, notes="Karte 4111111111111111", lines=[OrderLineInput("x")]
                ),
                clock=clock,
            )


def test_export_csv_and_json(store: Store, clock: FixedClock, tmp_path: Path) -> None:
    with store.session() as s:
        comp = create_company(s, CompanyInput(name="Müller & Söhne „Feinkost“ GmbH"))
        priv = create_person(s, PersonInput(given_name="Jörg", family_name="Weiß"))
        create_order(
            s,
            OrderInput(
                company_id=comp.id,
                order_date=dt.date(2026, 1, 10),
                notes="Lieferung; bitte\nklingeln",
                lines=[
                    OrderLineInput("Präsentkorb „Groß“", D("3"), D("49.95"), sku="PK-G"),
                    OrderLineInput("Versand", D("1"), D("6.90"), vat_rate=D("7")),
                ],
            ),
            clock=clock,
        )
        create_order(
            s,
            OrderInput(
                person_id=priv.id,
                order_date=dt.date(2026, 2, 1),
                lines=[OrderLineInput("Käse 0,5 kg", D("0.5"), D("31.80"), "kg")],
            ),
            clock=clock,
        )
        create_order(
            s,
            OrderInput(
                company_id=comp.id, order_date=dt.date(2026, 3, 1), lines=[OrderLineInput("Wein")]
            ),
            clock=clock,
        )
    out_json = tmp_path / "out" / "orders.json"
    out_csv = tmp_path / "orders.csv"
    with store.reader() as s:
        n = export_orders(s, "json", out_json, to_date=dt.date(2026, 2, 28), clock=clock)
        assert n == 2
        assert export_orders(s, "csv", out_csv, from_date=dt.date(2026, 1, 1)) == 3
        with pytest.raises(ValidationError):
            export_orders(s, "xml", tmp_path / "x")  # type: ignore[arg-type]
    doc = json.loads(out_json.read_text(encoding="utf-8"))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    _check(schema, doc, schema)
    assert doc["to"] == "2026-02-28" and doc["from"] is None
    assert doc["exported_at"] == "2026-11-23T09:00:00+00:00"
    o1, o2 = doc["orders"]
    assert o1["number"] == "A-2026-00001" and o1["total_net"] == "156.75"
    assert o1["customer"]["company_name"] == "Müller & Söhne „Feinkost“ GmbH"
    assert [ln["net"] for ln in o1["lines"]] == ["149.85", "6.90"]
    assert o1["lines"][1]["vat_rate"] == "7.00" and o1["lines"][0]["quantity"] == "3"
    assert o2["customer"] == {
        "type": "person",
        "company_id": None,
        "company_name": None,
        "vat_id": None,
        "person_id": o2["customer"]["person_id"],
        "person_name": "Jörg Weiß",
    }
    assert o2["lines"][0]["quantity"] == "0.5" and o2["total_net"] == "15.90"

    raw = out_csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with out_csv.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    assert list(rows[0]) == CSV_COLUMNS
    assert [(r["order_number"], r["line_position"]) for r in rows] == [
        ("A-2026-00001", "1"),
        ("A-2026-00001", "2"),
        ("A-2026-00002", "1"),
        ("A-2026-00003", "1"),
    ]
    assert rows[0]["order_notes"] == "Lieferung; bitte\nklingeln"
    assert rows[1]["order_total_net"] == "156.75" and rows[1]["line_net"] == "6.90"
    assert rows[2]["customer_type"] == "person" and rows[2]["company_id"] == ""
