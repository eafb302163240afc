"""Orders with lines, numbered ``A-YYYY-NNNNN``, and their export for invoicing,
warehouse and production.

The export formats are documented by ``resources/order-export.schema.json`` (a JSON
Schema): JSON is ``{"format": ..., "orders": [...]}`` with the lines nested; CSV has
one row per order line, the order's columns repeated on each row.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import exists, select
from sqlalchemy.orm import Session, selectinload

from crm_desktop.clock import Clock, to_local
from crm_desktop.data.models import (
    Company,
    Opportunity,
    Order,
    OrderLine,
    Person,
    display_name,
)
from crm_desktop.domain import cardguard
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import ConflictError, NotFoundError, ValidationError
from crm_desktop.interop import csvsafe
from crm_desktop.services import settings as cfg
from crm_desktop.services import textmatch, versioning
from crm_desktop.services.tickets import next_number

ORDER_SEQUENCE = "order"
ORDER_STATUSES = ("open", "delivered", "invoiced", "cancelled")
EXPORT_FORMAT = "crm-desktop/orders"
EXPORT_VERSION = 1
CENT = decimal.Decimal("0.01")

CSV_COLUMNS = [
    "order_number",
    "order_date",
    "status",
    "currency",
    "customer_type",
    "company_id",
    "company_name",
    "company_vat_id",
    "person_id",
    "person_name",
    "is_new_customer",
    "order_total_net",
    "order_notes",
    "line_position",
    "sku",
    "description",
    "quantity",
    "unit",
    "unit_price",
    "vat_rate",
    "line_net",
]


@dataclass
class OrderLineInput:
    description: str
    quantity: decimal.Decimal = decimal.Decimal(1)
    unit_price: decimal.Decimal = decimal.Decimal(0)
    unit: str = "Stk"
    sku: str | None = None
    vat_rate: decimal.Decimal = decimal.Decimal(19)


@dataclass
class OrderInput:
    company_id: int | None = None
    person_id: int | None = None
    lines: list[OrderLineInput] = field(default_factory=list)
    order_date: dt.date | None = None  # None: today
    status: str = "open"
    currency: str = "EUR"
    notes: str = ""
    opportunity_id: int | None = None
    is_new_customer: bool | None = None  # None: true when the customer has no earlier order


def _dec(value: Any, field_name: str) -> decimal.Decimal:
    try:
        return decimal.Decimal(str(value))
    except decimal.InvalidOperation as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{value}” is not a number."), field=field_name, value=value
        ) from exc


def _lines(items: list[OrderLineInput]) -> list[OrderLine]:
    if not items:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "An order needs at least one line."), field="lines"
        )
    out = []
    for i, item in enumerate(items):
        desc = (item.description or "").strip()
        if not desc:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Line {pos} needs a description."),
                field=f"lines.{i}",
                pos=i + 1,
            )
        cardguard.guard_all(
            {
                f"lines.{i}.description": desc,
                f"lines.{i}.sku": item.sku,
                f"lines.{i}.unit": item.unit,
            }
        )
        qty = _dec(item.quantity, f"lines.{i}.quantity")
        price = _dec(item.unit_price, f"lines.{i}.unit_price")
        vat = _dec(item.vat_rate, f"lines.{i}.vat_rate")
        if qty <= 0:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The quantity of line {pos} must be above zero."),
                field=f"lines.{i}",
                pos=i + 1,
            )
        if price < 0:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The price of line {pos} must not be negative."),
                field=f"lines.{i}",
                pos=i + 1,
            )
        if not 0 <= vat <= 100:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The VAT rate of line {pos} is not plausible."),
                field=f"lines.{i}",
                pos=i + 1,
            )
        out.append(
            OrderLine(
                position=i + 1,
                sku=(item.sku or "").strip() or None,
                description=desc[:300],
                quantity=qty.quantize(decimal.Decimal("0.001")),
                unit=(item.unit or "Stk").strip()[:20],
                unit_price=price.quantize(CENT),
                vat_rate=vat.quantize(CENT),
            )
        )
    return out


def has_earlier_order(
    session: Session, company_id: int | None, person_id: int | None, before: dt.date
) -> bool:
    cond = [Order.deleted_at.is_(None), Order.order_date < before]
    if company_id is not None:
        cond.append(Order.company_id == company_id)
    else:
        cond.append(Order.person_id == person_id)
        cond.append(Order.company_id.is_(None))
    return bool(session.scalar(select(exists().where(*cond))))


def _checked_customer(session: Session, data: OrderInput) -> int | None:
    """Check customer, status and notes of ``data``; returns the company id (the
    person's company when only a person is given)."""
    if data.company_id is None and data.person_id is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "An order needs a customer (company or person)."),
            field="company_id",
        )
    if data.status not in ORDER_STATUSES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Unknown order status “{status}”."),
            field="status",
            status=data.status,
        )
    cardguard.guard(data.notes, "notes")
    company_id = data.company_id
    if data.person_id is not None:
        person = session.get(Person, data.person_id)
        if person is None or person.deleted_at is not None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "Person {id} does not exist."), id=data.person_id
            )
        if company_id is None:
            company_id = person.company_id
    if company_id is not None:
        company = session.get(Company, company_id)
        if company is None or company.deleted_at is not None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "Company {id} does not exist."), id=company_id
            )
    return company_id


def create_order(session: Session, data: OrderInput, *, clock: Clock) -> Order:
    """Create an order with its lines; the number is drawn from the order sequence."""
    company_id = _checked_customer(session, data)
    if data.opportunity_id is not None and session.get(Opportunity, data.opportunity_id) is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Opportunity {id} does not exist."), id=data.opportunity_id
        )
    lines = _lines(data.lines)
    now = clock.now()
    order_date = data.order_date or to_local(now).date()
    is_new = data.is_new_customer
    if is_new is None:
        is_new = not has_earlier_order(session, company_id, data.person_id, order_date)
    number = next_number(session, ORDER_SEQUENCE, cfg.order_scheme(session), now, Order)
    order = Order(
        number=number,
        company_id=company_id,
        person_id=data.person_id,
        opportunity_id=data.opportunity_id,
        order_date=order_date,
        status=data.status,
        currency=(data.currency or "EUR").upper()[:3],
        notes=data.notes or "",
        is_new_customer=is_new,
        lines=lines,
        total_net=sum((ln.net for ln in lines), decimal.Decimal(0)).quantize(CENT),
    )
    session.add(order)
    session.flush()
    return order


def get_order(session: Session, order_id: int) -> Order:
    order = session.get(Order, order_id)
    if order is None or order.deleted_at is not None:
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "Order {id} does not exist."), id=order_id)
    return order


def order_by_number(session: Session, number: str) -> Order:
    wanted = "".join((number or "").split()).upper()
    order = session.execute(
        select(Order).where(Order.number == wanted, Order.deleted_at.is_(None))
    ).scalar_one_or_none()
    if order is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no order {number}."),
            number=(number or "").strip(),
        )
    return order


def set_lines(session: Session, order_id: int, items: list[OrderLineInput]) -> Order:
    order = get_order(session, order_id)
    if order.status == "invoiced":
        raise ConflictError(
            QT_TRANSLATE_NOOP("errors", "Order {number} is invoiced and can no longer change."),
            number=order.number,
        )
    lines = _lines(items)
    order.lines = lines
    order.total_net = sum((ln.net for ln in lines), decimal.Decimal(0)).quantize(CENT)
    session.flush()
    return order


def _line_key(line: OrderLine) -> tuple[Any, ...]:
    return (
        line.sku,
        line.description,
        decimal.Decimal(line.quantity),
        line.unit,
        decimal.Decimal(line.unit_price),
        decimal.Decimal(line.vat_rate),
    )


def update_order(
    session: Session,
    order_id: int,
    data: OrderInput,
    *,
    clock: Clock,
    expected_version: int | None = None,
) -> Order:
    """Change customer, date, status, currency, notes, new-customer flag and lines of an
    order; its number stays. The checks are those of :func:`create_order`.

    ``data.order_date`` None keeps the date; ``data.is_new_customer`` None works the
    flag out again. The opportunity link stays as it is. An invoiced order only
    changes its status: any other difference is a ConflictError. ``expected_version``:
    see :mod:`crm_desktop.services.versioning`.
    """
    order = get_order(session, order_id)
    versioning.check(session, "order", order, expected_version)
    company_id = _checked_customer(session, data)
    lines = _lines(data.lines)
    order_date = data.order_date or order.order_date
    currency = (data.currency or "EUR").upper()[:3]
    notes = data.notes or ""
    is_new = data.is_new_customer
    if is_new is None:
        is_new = not has_earlier_order(session, company_id, data.person_id, order_date)
    if order.status == "invoiced":
        same = (
            company_id == order.company_id
            and data.person_id == order.person_id
            and order_date == order.order_date
            and currency == order.currency
            and notes == (order.notes or "")
            and is_new == bool(order.is_new_customer)
            and [_line_key(ln) for ln in lines] == [_line_key(ln) for ln in order.lines]
        )
        if not same:
            raise ConflictError(
                QT_TRANSLATE_NOOP(
                    "errors", "Order {number} is invoiced: only its status can change."
                ),
                number=order.number,
            )
        order.status = data.status
        versioning.flush(session, "order", order)
        return order
    order.company_id = company_id
    order.person_id = data.person_id
    order.order_date = order_date
    order.status = data.status
    order.currency = currency
    order.notes = notes
    order.is_new_customer = is_new
    order.lines = lines
    order.total_net = sum((ln.net for ln in lines), decimal.Decimal(0)).quantize(CENT)
    order.updated_at = clock.now()
    versioning.flush(session, "order", order)
    return order


def set_status(session: Session, order_id: int, status: str) -> Order:
    if status not in ORDER_STATUSES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Unknown order status “{status}”."),
            field="status",
            status=status,
        )
    order = get_order(session, order_id)
    order.status = status
    session.flush()
    return order


def delete_order(session: Session, order_id: int, *, clock: Clock) -> None:
    """Move an order to the trash; its number stays used."""
    order = get_order(session, order_id)
    order.deleted_at = clock.now()
    session.flush()


def restore_order(session: Session, order_id: int) -> Order:
    """Bring an order back from the trash (undo of a delete)."""
    order = session.get(Order, order_id)
    if order is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "Order {id} does not exist."), id=order_id)
    order.deleted_at = None
    session.flush()
    return order


# ---------------------------------------------------------------- list


@dataclass(frozen=True)
class OrderRow:
    """One order as a list shows it."""

    id: int
    number: str
    order_date: dt.date
    customer: str  # the company, or the person for a private customer
    person: str  # the contact person ("" when none)
    status: str
    total_net: decimal.Decimal
    currency: str
    company_id: int | None
    person_id: int | None


def list_orders(
    session: Session,
    *,
    text: str | None = None,
    status: str | None = None,
    company_id: int | None = None,
    person_id: int | None = None,
    limit: int = 500,
) -> list[OrderRow]:
    """Orders newest first (by date, then number), without the deleted ones.

    ``text`` matches the number or the customer's name (company or person), case and
    umlauts ignored; every word typed has to match. ``status`` is one of
    :data:`ORDER_STATUSES`.
    """
    if status is not None and status not in ORDER_STATUSES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Unknown order status “{status}”."),
            field="status",
            status=status,
        )
    query = (
        select(
            Order.id,
            Order.number,
            Order.order_date,
            Order.status,
            Order.total_net,
            Order.currency,
            Order.company_id,
            Order.person_id,
            Company.name,
            Person.title,
            Person.given_name,
            Person.family_name,
            Person.nickname,
        )
        .outerjoin(Company, Company.id == Order.company_id)
        .outerjoin(Person, Person.id == Order.person_id)
        .where(Order.deleted_at.is_(None))
        .order_by(Order.order_date.desc(), Order.number.desc(), Order.id.desc())
        .limit(max(int(limit), 0))
    )
    if status is not None:
        query = query.where(Order.status == status)
    if company_id is not None:
        query = query.where(Order.company_id == company_id)
    if person_id is not None:
        query = query.where(Order.person_id == person_id)
    for word in textmatch.words(text):
        columns = (
            Order.number,
            Company.name,
            Person.given_name,
            Person.family_name,
            Person.nickname,
        )
        query = query.where(textmatch.contains_any(columns, word))
    rows = []
    for r in session.execute(query):
        person = display_name(r.title, r.given_name, r.family_name, r.nickname)
        if r.given_name is None and r.family_name is None and r.nickname is None:
            person = ""
        rows.append(
            OrderRow(
                id=r.id,
                number=r.number,
                order_date=r.order_date,
                customer=r.name if r.name is not None else person,
                person=person,
                status=r.status,
                total_net=decimal.Decimal(r.total_net).quantize(CENT),
                currency=r.currency,
                company_id=r.company_id,
                person_id=r.person_id,
            )
        )
    return rows


# ---------------------------------------------------------------- export


def _orders_between(
    session: Session, from_date: dt.date | None, to_date: dt.date | None
) -> list[Order]:
    query = (
        select(Order)
        .where(Order.deleted_at.is_(None))
        .options(selectinload(Order.lines), selectinload(Order.company), selectinload(Order.person))
        .order_by(Order.order_date, Order.number)
    )
    if from_date is not None:
        query = query.where(Order.order_date >= from_date)
    if to_date is not None:
        query = query.where(Order.order_date <= to_date)
    return list(session.execute(query).scalars())


def _money(value: decimal.Decimal) -> str:
    return str(decimal.Decimal(value).quantize(CENT))


def _qty(value: decimal.Decimal) -> str:
    text = format(decimal.Decimal(value).normalize(), "f")
    return text


def order_record(order: Order) -> dict[str, Any]:
    """One order as the export schema describes it (amounts as decimal strings)."""
    company = order.company
    person = order.person
    return {
        "number": order.number,
        "order_date": order.order_date.isoformat(),
        "status": order.status,
        "currency": order.currency,
        "customer": {
            "type": "company" if company is not None else "person",
            "company_id": order.company_id,
            "company_name": company.name if company is not None else None,
            "vat_id": company.vat_id if company is not None else None,
            "person_id": order.person_id,
            "person_name": person.full_name if person is not None else None,
        },
        "is_new_customer": bool(order.is_new_customer),
        "total_net": _money(order.total_net),
        "notes": order.notes or "",
        "lines": [
            {
                "position": ln.position,
                "sku": ln.sku,
                "description": ln.description,
                "quantity": _qty(ln.quantity),
                "unit": ln.unit,
                "unit_price": _money(ln.unit_price),
                "vat_rate": _money(ln.vat_rate),
                "net": _money(ln.net),
            }
            for ln in order.lines
        ],
    }


def _csv_rows(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for rec in records:
        cust = rec["customer"]
        head = {
            "order_number": rec["number"],
            "order_date": rec["order_date"],
            "status": rec["status"],
            "currency": rec["currency"],
            "customer_type": cust["type"],
            "company_id": cust["company_id"] or "",
            "company_name": cust["company_name"] or "",
            "company_vat_id": cust["vat_id"] or "",
            "person_id": cust["person_id"] or "",
            "person_name": cust["person_name"] or "",
            "is_new_customer": "true" if rec["is_new_customer"] else "false",
            "order_total_net": rec["total_net"],
            "order_notes": rec["notes"],
        }
        for line in rec["lines"]:
            rows.append(
                {
                    **head,
                    "line_position": line["position"],
                    "sku": line["sku"] or "",
                    "description": line["description"],
                    "quantity": line["quantity"],
                    "unit": line["unit"],
                    "unit_price": line["unit_price"],
                    "vat_rate": line["vat_rate"],
                    "line_net": line["net"],
                }
            )
    return rows


def _write_atomic(out_path: Path, write: Any, newline: str | None = None) -> None:
    out_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".orders-", dir=out_path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as fh:
            write(fh)
        os.replace(tmp, out_path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export_orders(
    session: Session,
    fmt: Literal["csv", "json"],
    out_path: str | os.PathLike[str],
    from_date: dt.date | None = None,
    to_date: dt.date | None = None,
    *,
    clock: Clock | None = None,
) -> int:
    """Write the orders dated in [from_date, to_date] to ``out_path``; returns how many.

    CSV: UTF-8 with BOM (Excel), ``;`` as separator, one row per line, dot decimals.
    JSON: ``{"format", "version", "exported_at", "from", "to", "orders": [...]}``.
    """
    if fmt not in ("csv", "json"):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Unknown export format “{fmt}” (csv or json)."),
            field="format",
            fmt=fmt,
        )
    if from_date is not None and to_date is not None and to_date < from_date:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The end date lies before the start date."), field="to_date"
        )
    path = Path(out_path)
    records = [order_record(o) for o in _orders_between(session, from_date, to_date)]
    if fmt == "json":
        stamp = clock.now() if clock is not None else dt.datetime.now(dt.UTC)
        doc = {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "exported_at": stamp.isoformat(),
            "from": from_date.isoformat() if from_date else None,
            "to": to_date.isoformat() if to_date else None,
            "orders": records,
        }

        def write_json(fh: Any) -> None:
            json.dump(doc, fh, ensure_ascii=False, indent=2)
            fh.write("\n")

        _write_atomic(path, write_json)
    else:
        rows = _csv_rows(records)

        def write_csv(fh: Any) -> None:
            fh.write("\ufeff")
            writer = csvsafe.dict_writer(fh, fieldnames=CSV_COLUMNS, delimiter=";")
            writer.writeheader()
            writer.writerows(rows)

        _write_atomic(path, write_csv, newline="")
    return len(records)


# ---------------------------------------------------------------- undoable use cases of the window


def save_order(
    session: Session,
    order_id: int,
    data: OrderInput,
    *,
    clock: Clock,
    expected_version: int | None = None,
) -> Order:
    """:func:`update_order` from the order dialog as one undoable change: its fields and
    its lines (“Remove line from order A-2026-0007” when one line went, “Add line to
    order …” when one came, “Edit lines of order …” for other changes of the lines)."""
    from crm_desktop.services import undo

    watch = undo.RowWatch(session, "order", order_id, lists=("lines",))
    before = [_line_key(ln) for ln in get_order(session, order_id).lines]
    order = update_order(session, order_id, data, clock=clock, expected_version=expected_version)
    after = [_line_key(ln) for ln in order.lines]
    watch.record(session, lines_label(order.number, before, after), clock, structure=True)
    return order


def lines_label(number: str, before: list[Any], after: list[Any]) -> str:
    """The undo label of an order saved with these lines before and after."""
    if before == after:
        return f"Edit order {number}"
    if len(after) == len(before) - 1 and all(ln in before for ln in after):
        return f"Remove line from order {number}"
    if len(after) == len(before) + 1 and all(ln in after for ln in before):
        return f"Add line to order {number}"
    return f"Edit lines of order {number}"


def new_order(session: Session, data: OrderInput, *, clock: Clock) -> Order:
    """:func:`create_order` from the order dialog as one undoable change (the undo moves
    the order to the trash, the redo brings it back)."""
    from crm_desktop.services import undo

    order = create_order(session, data, clock=clock)
    undo.record_created(session, "order", order.id, f"New order {order.number}", clock)
    return order
