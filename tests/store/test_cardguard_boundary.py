"""The card guard at the storage boundary and in every path that writes (issues #15, #22).

Card numbers are refused in every field, whichever way they come (forms, services,
bulk actions, imports of vCard/CSV/iCalendar, raw ORM objects, Core inserts and
updates, the importer's driver fast path), in every spelling; refused numbers are
never echoed in full; and real data (phone numbers, IBANs, the program's own exports)
is never refused.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import column, func, insert, select, table, text, update
from sqlalchemy.orm import Session

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import (
    Activity,
    ActivityKind,
    Appointment,
    Campaign,
    ImportBatch,
    OrderLine,
    Person,
    Phone,
    Tag,
    appointment_attendees,
)
from crm_desktop.data.store import Store, open_store
from crm_desktop.errors import CardNumberError, MultipleErrors, ValidationError
from crm_desktop.interop.ical import Participant
from crm_desktop.services import bulk, exporter, importer, quickentry
from crm_desktop.services.activities import ActivityInput, log_activity
from crm_desktop.services.calendar import create_appointment
from crm_desktop.services.campaigns import create_campaign
from crm_desktop.services.contacts import (
    AddressInput,
    BankInput,
    CompanyInput,
    EmailInput,
    PersonInput,
    PhoneInput,
    create_company,
    create_person,
    get_person,
    set_tags,
    update_company,
    update_person,
)
from crm_desktop.services.demo import generate
from crm_desktop.services.ics_import import import_ics
from crm_desktop.services.importer.rows import _insert_rows
from crm_desktop.services.orders import OrderInput, OrderLineInput, create_order
from crm_desktop.services.tickets import open_ticket
from tests.unit.test_cardguard_precision import written

VISA = "4111111111111111"
CARDS = ["4111111111111111", "378282246310005", "2223003122003222", "6200000000000005"]
# every spelling of the Visa number, and two of the other schemes
FORMS = written(VISA) + [f for c in CARDS[1:] for f in written(c)[:4]]
# spellings that fit on one line of a vCard, an iCalendar parameter or an e-mail address
LINE_FORMS = [f for f in FORMS if not any(ch in f for ch in "\t\r\n,;")]
MAIL_FORMS = [f for f in FORMS if all(ch.isdigit() or ch in ".-" for ch in f)]


@pytest.fixture
def ids(store: Store, clock: FixedClock) -> dict[str, int]:
    with store.session() as s:
        company = create_company(s, CompanyInput(name="Kühn GmbH"))
        person = create_person(
            s,
            PersonInput(given_name="Anna", family_name="Kühn", company_id=company.id),
            clock=clock,
        )
        return {"person": person.id, "company": company.id}


def _digits(value: object) -> str:
    return "".join(ch for ch in str(value) if ch.isdigit())


def _refused(store: Store, write: Callable[[Session], object], card: str) -> CardNumberError:
    with pytest.raises(ValidationError) as err, store.session() as s:
        write(s)
    exc = err.value
    if isinstance(exc, MultipleErrors):
        cards = [e for e in exc.errors if isinstance(e, CardNumberError)]
        assert cards, exc.errors
        exc = cards[0]
    assert isinstance(exc, CardNumberError), exc
    assert card not in _digits(exc.text())  # the number is masked in the message
    return exc


def _card_of(form: str) -> str:
    return next(c for c in CARDS if c == _digits(form.translate(_ASCII)))


_ASCII = str.maketrans("０１２３４５６７８９", "0123456789")


# ---------------------------------------------------------------- every path, every spelling


def _paths(ids: dict[str, int], clock: FixedClock) -> dict[str, Callable[[Session, str], object]]:
    pid, cid = ids["person"], ids["company"]
    return {
        "person.given_name": lambda s, t: create_person(
            s, PersonInput(given_name=t, family_name="K"), clock=clock
        ),
        "person.notes": lambda s, t: update_person(s, pid, {"notes": t}, clock=clock),
        "person.phone_label": lambda s, t: create_person(
            s,
            PersonInput(given_name="B", phones=[PhoneInput(number="+49 151 98400017", label=t)]),
            clock=clock,
        ),
        "person.city": lambda s, t: create_person(
            s,
            PersonInput(
                given_name="B",
                addresses=[AddressInput(street="Weg 1", postcode="10115", city=t, region=None)],
            ),
            clock=clock,
        ),
        "person.region": lambda s, t: create_person(
            s,
            PersonInput(
                given_name="B",
                addresses=[AddressInput(street="Weg 1", postcode="10115", city="B", region=t)],
            ),
            clock=clock,
        ),
        "company.name": lambda s, t: create_company(s, CompanyInput(name=t)),
        "company.notes": lambda s, t: update_company(s, cid, {"notes": t}),
        "company.bank_name": lambda s, t: create_company(
            s,
            CompanyInput(
                name="X", bank_accounts=[BankInput(iban="DE89370400440532013000", bank_name=t)]
            ),
        ),
        "campaign.name": lambda s, t: create_campaign(s, t, [pid], clock),
        "campaign.description": lambda s, t: create_campaign(
            s, "Herbst", [pid], clock, description=t
        ),
        "ticket.title": lambda s, t: open_ticket(s, t, person_id=pid, clock=clock),
        "ticket.description": lambda s, t: open_ticket(
            s, "Defekt", person_id=pid, description=t, clock=clock
        ),
        "order.notes": lambda s, t: create_order(
            s,
            OrderInput(company_id=cid, lines=[OrderLineInput("Ware")], notes=t),
            clock=clock,
        ),
        "order.line_unit": lambda s, t: create_order(
            s, OrderInput(company_id=cid, lines=[OrderLineInput("Ware", unit=t)]), clock=clock
        ),
        "activity.text": lambda s, t: log_activity(
            s,
            ActivityInput(kind=ActivityKind.NOTE, text=t, person_id=pid),
            clock=clock,
        ),
        "activity.channel": lambda s, t: log_activity(
            s,
            ActivityInput(kind=ActivityKind.CALL, channel=t, person_id=pid),
            clock=clock,
        ),
        "quick_entry": lambda s, t: quickentry.commit(
            s, quickentry.interpret(s, f"gestern Anna Kühn angerufen {t}", clock), clock
        ),
        "tags": lambda s, t: set_tags(s, get_person(s, pid), ["Kunde", t]),
        "bulk.tag": lambda s, t: bulk.tag(s, "person", [pid], t, clock),
        "bulk.owner": lambda s, t: bulk.set_field(s, "person", [pid], "owner", t, clock),
        "appointment.attendee": lambda s, t: create_appointment(
            s,
            title="Termin",
            start_at=clock.now(),
            end_at=clock.now(),
            attendees=[Participant(email="anna@example.com", name=t)],
        ),
    }


def test_every_service_path_refuses_every_spelling(
    store: Store, clock: FixedClock, ids: dict[str, int]
) -> None:
    for name, write in _paths(ids, clock).items():
        for form in FORMS:
            card = _card_of(form)
            try:
                _refused(store, lambda s, w=write, f=form: w(s, f), card)  # type: ignore[misc]
            except BaseException as exc:
                raise AssertionError(f"{name}: {form!r} not refused") from exc
    with store.reader() as s:  # nothing of it was written
        assert s.scalar(select(func.count()).select_from(Person)) == 1
        assert s.scalar(select(func.count()).select_from(Campaign)) == 0
        assert s.scalar(select(func.count()).select_from(Activity)) == 0
        assert s.scalars(select(Tag.name)).all() == []


def test_email_local_part_is_guarded(store: Store, clock: FixedClock) -> None:
    for form in MAIL_FORMS:
        err = _refused(
            store,
            lambda s, f=form: create_person(  # type: ignore[misc]
                s,
                PersonInput(given_name="B", emails=[EmailInput(address=f"{f}@example.com")]),
                clock=clock,
            ),
            _card_of(form),
        )
        assert err.field == "emails.0"


# ---------------------------------------------------------------- the boundary itself


def _raw_writes(ids: dict[str, int]) -> dict[str, Callable[[Session, str], object]]:
    pid = ids["person"]

    def person(s: Session) -> Person:
        found = s.get(Person, pid)
        assert found is not None
        return found

    def set_attr(obj_of: Callable[[Session], object], name: str) -> Callable[[Session, str], None]:
        def write(s: Session, t: str) -> None:
            setattr(obj_of(s), name, t)
            s.flush()

        return write

    return {
        "orm.tag": lambda s, t: s.add(Tag(name=t)),
        "orm.campaign": lambda s, t: s.add(Campaign(name=t)),
        "orm.phone_label": lambda s, t: s.add(
            Phone(person_id=pid, number="+4915198400017", label=t)
        ),
        "orm.person.hobbies": set_attr(person, "hobbies"),
        "orm.person.owner": set_attr(person, "owner"),
        "orm.person.vcard_uid": set_attr(person, "vcard_uid"),
        "orm.name_suffix": lambda s, t: setattr(person(s), "profile_fields", {"name_suffix": t}),
        "orm.appointment.organizer_name": lambda s, t: s.add(
            Appointment(
                uid="u1",
                title="T",
                start_at=dt.datetime(2026, 12, 1, 10, tzinfo=dt.UTC),
                end_at=dt.datetime(2026, 12, 1, 11, tzinfo=dt.UTC),
                organizer_name=t,
            )
        ),
        "core.insert": lambda s, t: s.execute(insert(Tag.__table__), [{"name": "ok"}, {"name": t}]),
        "core.insert_values": lambda s, t: s.execute(insert(Tag.__table__).values(name=t)),
        "core.update": lambda s, t: s.execute(update(Person).values(position=t)),
        "core.light_table": lambda s, t: s.execute(
            insert(table("tags", column("name"))), [{"name": t}]
        ),
        "core.attendees": lambda s, t: s.execute(
            insert(appointment_attendees),
            [{"appointment_id": None, "email": "a@b.example", "name": t}],
        ),
        "importer.driver_path": lambda s, t: _insert_rows(
            s, OrderLine.__table__, [{"order_id": 1, "description": "x", "unit": t}]
        ),
    }


def test_the_boundary_refuses_what_bypasses_the_services(store: Store, ids: dict[str, int]) -> None:
    for name, write in _raw_writes(ids).items():
        for form in FORMS:
            try:
                err = _refused(store, lambda s, w=write, f=form: w(s, f), _card_of(form))  # type: ignore[misc]
            except BaseException as exc:
                raise AssertionError(f"{name}: {form!r} not refused") from exc
            assert err.field, name
    with store.reader() as s:
        assert s.scalars(select(Tag.name)).all() == []
        assert s.scalar(select(func.count()).select_from(Appointment)) == 0


def test_a_stored_value_never_blocks_editing_other_fields(
    store: Store, clock: FixedClock, ids: dict[str, int]
) -> None:
    """Data written before the guard (or by another program) stays editable."""
    with store.session() as s:
        s.execute(
            text("UPDATE people SET notes = :n WHERE id = :i"),
            {"n": f"alt {VISA}", "i": ids["person"]},
        )
    with store.session() as s:
        update_person(s, ids["person"], {"position": "Einkauf"}, clock=clock)
    with store.reader() as s:
        assert s.scalar(select(Person.position).where(Person.id == ids["person"])) == "Einkauf"


# ---------------------------------------------------------------- real data is kept

PHONES = ["+49 151 98400017", "+49 160 60189555", "+4973117546691", "+43 664 1234567"]
IBAN = "DE73 2803 4063 4566 0090 41"


def test_phones_and_grouped_ibans_are_stored_and_stay_editable(
    store: Store, clock: FixedClock
) -> None:
    with store.session() as s:
        company = create_company(
            s,
            CompanyInput(
                name="Weber AG",
                notes=f"Zahlung per {IBAN}, Rückruf {PHONES[0]}",
                phones=[PhoneInput(number=n) for n in PHONES],
                bank_accounts=[BankInput(iban=IBAN, bank_name="Volksbank")],
            ),
        )
        cid = company.id
        person = create_person(
            s,
            PersonInput(
                given_name="Jana",
                family_name="Weber",
                notes=f"mobil {PHONES[1]}, Konto {IBAN.lower()}",
                phones=[PhoneInput(number=n) for n in PHONES],
                bank_accounts=[BankInput(iban=IBAN.lower())],
            ),
            clock=clock,
        )
        pid = person.id
    with store.session() as s:
        update_company(s, cid, {"notes": f"neu: {IBAN}", "payment_terms": "14 Tage"})
        update_person(s, pid, {"hobbies": f"Segeln, Tel {PHONES[2]}"}, clock=clock)
    with store.reader() as s:
        numbers = s.scalars(select(Phone.number).where(Phone.company_id == cid)).all()
        assert numbers == ["+4915198400017", "+4916060189555", "+4973117546691", "+436641234567"]


def test_a_mistyped_iban_gets_the_iban_message(store: Store) -> None:
    with pytest.raises(ValidationError) as err, store.session() as s:
        create_company(
            s, CompanyInput(name="X", bank_accounts=[BankInput(iban="DE73 2803 4063 4566 0090 42")])
        )
    assert not isinstance(err.value, CardNumberError)
    assert "IBAN" in err.value.text()
    # a card number typed into the IBAN field still gets the card message
    _refused(
        store,
        lambda s: create_company(s, CompanyInput(name="X", bank_accounts=[BankInput(iban=VISA)])),
        VISA,
    )


# ---------------------------------------------------------------- imports


def _vcard(n: int, *lines: str) -> str:
    return "\r\n".join(["BEGIN:VCARD", "VERSION:3.0", f"UID:card-{n}", *lines, "END:VCARD", ""])


def test_imports_refuse_cards_and_never_echo_them(
    store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    cards = []
    for n, form in enumerate(LINE_FORMS):
        which = n % 5
        if which == 0:
            lines = [f"FN:{form}", f"N:{form};;;;"]
        elif which == 1:
            lines = ["FN:Anna Kühn", "N:Kühn;Anna;;;", f"NOTE:zahlt mit {form}"]
        elif which == 2:
            lines = ["FN:Anna Kühn", f"N:Kühn;Anna;;;{form}"]  # name suffix
        elif which == 3:
            lines = ["FN:Anna Kühn", "N:Kühn;Anna;;;", f"CATEGORIES:Kunde,{form}"]
        else:
            lines = ["FN:Anna Kühn", "N:Kühn;Anna;;;", f"ADR:;;Weg 1;{form};;10115;DE"]
        cards.append(_vcard(n, *lines))
    cards.append(_vcard(999, "FN:Uid Test", "N:Test;Uid;;;").replace("UID:card-999", f"UID:{VISA}"))
    cards.append(_vcard(1000, "FN:Echt Gut", "N:Gut;Echt;;;", "TEL:+49 151 98400017"))
    vcf = tmp_path / "karten.vcf"
    vcf.write_text("".join(cards), encoding="utf-8")
    report = importer.import_file(store, vcf, clock=clock)
    assert report.imported == 1
    assert len(report.rejected) == len(LINE_FORMS) + 1
    csv_path = tmp_path / f"liste {VISA}.csv"
    rows = ["Given name,Family name,Notes,City"]
    for form in FORMS:
        rows.append('Anna,Kühn,"Karte {}",Berlin'.format(form.replace('"', '""')))
    rows.append(f"Bernd,Kühn,ok,{FORMS[1]}")
    csv_path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    csv_report = importer.import_file(store, csv_path, clock=clock)
    assert csv_report.imported == 0
    assert len(csv_report.rejected) == len(FORMS) + 1
    # the report, its text, and what is stored never hold the whole number
    with store.reader() as s:
        batches = s.scalars(select(ImportBatch)).all()
        stored = json.dumps([(b.source, b.summary) for b in batches], ensure_ascii=False)
        people = s.scalars(select(Person.given_name)).all()
    for card in CARDS:
        for shown in (
            json.dumps(report.as_dict(), ensure_ascii=False),
            json.dumps(csv_report.as_dict(), ensure_ascii=False),
            report.summary_text(),
            csv_report.summary_text(),
            stored,
        ):
            for chunk in shown.replace("•", " ").split(" "):
                assert card not in _digits(chunk.translate(_ASCII))
            assert card not in shown.translate(_ASCII)
    assert "•••• •••• •••• 1111" in stored
    assert people == ["Echt"]


def test_ics_import_leaves_cards_out(store: Store) -> None:
    events = []
    for n, form in enumerate(LINE_FORMS):
        events.append(
            "BEGIN:VEVENT\r\n"
            f"UID:ev-{n}\r\nSUMMARY:Termin {n}\r\n"
            "DTSTART:20261201T100000Z\r\nDTEND:20261201T110000Z\r\n"
            f'ORGANIZER;CN="{form}":mailto:org{n}@example.com\r\n'
            f'ATTENDEE;CN="{form}";PARTSTAT=ACCEPTED:mailto:a{n}@example.com\r\n'
            f"DESCRIPTION:Karte {form}\\nRückruf +49 151 98400017\r\n"
            "END:VEVENT\r\n"
        )
    events.append(
        "BEGIN:VEVENT\r\nUID:ev-ok\r\nSUMMARY:Rückruf\r\n"
        "DTSTART:20261202T100000Z\r\nDTEND:20261202T110000Z\r\n"
        "ORGANIZER;CN=Max Müller:mailto:max@example.com\r\n"
        "DESCRIPTION:Bitte anrufen: +49 160 60189555 oder +4973117546691\r\n"
        "END:VEVENT\r\n"
    )
    data = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n" + "".join(events) + "END:VCALENDAR\r\n"
    with store.session() as s:
        report = import_ics(s, data.encode("utf-8"))
    assert len(report.created) == len(LINE_FORMS) + 1
    with store.reader() as s:
        texts = [
            " ".join(str(v) for v in row)
            for row in s.execute(
                select(Appointment.description, Appointment.organizer_name, Appointment.title)
            )
        ]
        texts += [str(n) for n in s.scalars(select(appointment_attendees.c.name))]
        kept = s.scalar(select(Appointment.description).where(Appointment.uid == "ev-ok"))
    for card in CARDS:
        assert all(card not in _digits(t.translate(_ASCII)) for t in texts)
    assert kept == "Bitte anrufen: +49 160 60189555 oder +4973117546691"


# ---------------------------------------------------------------- own exports come back


def test_own_vcard_and_csv_export_of_the_demo_reimport_without_losses(
    store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    generate(store, 300, seed=7, clock=clock)
    with store.reader() as s:
        people = int(s.scalar(select(func.count()).select_from(Person)) or 0)
        exporter.export_vcard(s, tmp_path / "alle.vcf")
        exporter.export_csv(s, "people", tmp_path / "alle.csv")
    assert people == 300
    for name in ("alle.vcf", "alle.csv"):
        fresh = open_store(data_dir=tmp_path / f"fresh-{name}")
        try:
            report = importer.import_file(fresh, tmp_path / name, clock=clock)
            assert report.rejected == [], (name, report.rejected[:5])
            with fresh.reader() as s:
                assert s.scalar(select(func.count()).select_from(Person)) == people, name
        finally:
            fresh.dispose()
