"""GDPR tools on both backends: export, anonymise, consent, campaigns, retention."""

from __future__ import annotations

import datetime as dt
import decimal
import json
from html.parser import HTMLParser

import pytest
from sqlalchemy import select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import (
    Activity,
    ActivityKind,
    AuditEvent,
    BankAccount,
    Email,
    FollowUp,
    Order,
    OrderLine,
    Person,
    Phone,
    Project,
    SearchDocument,
    Ticket,
    UndoEntry,
    project_members,
)
from crm_desktop.data.store import Store
from crm_desktop.errors import ConflictError, NotFoundError
from crm_desktop.services import privacy
from crm_desktop.services.activities import ActivityInput, log_activity
from crm_desktop.services.contacts import (
    AddressInput,
    BankInput,
    CompanyInput,
    EmailInput,
    PersonInput,
    PhoneInput,
    create_company,
    create_person,
    set_consent,
)
from crm_desktop.services.tickets import open_ticket


def _anna(store: Store, clock: FixedClock) -> int:
    with store.session() as s:
        comp = create_company(s, CompanyInput(name="Bäckerei Kühn GmbH"))
        anna = create_person(
            s,
            PersonInput(
                given_name="Anna",
                family_name="Kühn",
                title="Dr.",
                birth_date=dt.date(1980, 5, 17),
                company_id=comp.id,
                notes="Mag <b>Kuchen</b> & Kaffee",
                hobbies="Reiten",
                profile_fields={"Lieblingsfarbe": "Blau"},
                phones=[PhoneInput(number="030 1234567")],
                emails=[EmailInput(address="anna@kuehn.de")],
                addresses=[AddressInput(street="Hauptstr. 1", postcode="10115", city="Berlin")],
                bank_accounts=[BankInput(iban="DE89 3704 0044 0532 0130 00", holder="Anna Kühn")],
                tags=["VIP"],
                consent_marketing=True,
                consent_source="Messe 2025",
            ),
            clock=clock,
        )
        anna.photo = b"\x89PNG fake"
        log_activity(
            s,
            ActivityInput(
                kind=ActivityKind.CALL,
                subject="Rückruf wegen Torte",
                text="Anna erzählte von ihrer Hochzeit",
                person_id=anna.id,
                duration_minutes=12,
                followup_due_at=clock.now() + dt.timedelta(days=3),
                followup_note="Anna wegen Torte anrufen",
            ),
            clock=clock,
        )
        open_ticket(
            s, "Torte beschädigt", person_id=anna.id, description="Anna: Ecke fehlt", clock=clock
        )
        order = Order(
            number="A-1",
            person_id=anna.id,
            company_id=comp.id,
            order_date=dt.date(2026, 11, 1),
            notes="Lieferung an Anna",
            total_net=decimal.Decimal("40.00"),
        )
        order.lines.append(OrderLine(description="Torte", unit_price=decimal.Decimal("40.00")))
        s.add(order)
        project = Project(name="Hochzeit", company_id=comp.id)
        s.add(project)
        s.flush()
        s.execute(project_members.insert().values(project_id=project.id, person_id=anna.id))
        s.add(
            UndoEntry(
                label="Anna Kühn löschen",
                action="delete",
                payload={"kind": "person", "id": anna.id},
            )
        )
        set_consent(s, anna.id, False, clock=clock)
        return anna.id


def test_export_holds_everything_about_the_person(store: Store, clock: FixedClock) -> None:
    pid = _anna(store, clock)
    with store.reader() as s:
        data = privacy.export_person_data(s, pid, clock=clock)
    json.dumps(data)  # JSON-ready throughout
    assert data["person"]["given_name"] == "Anna"
    assert data["person"]["birth_date"] == "1980-05-17"
    assert data["person"]["profile_fields"] == {"Lieblingsfarbe": "Blau"}
    assert data["photo_base64"]
    assert data["company"]["name"] == "Bäckerei Kühn GmbH"
    assert [p["number"] for p in data["phones"]] == ["+49301234567"]
    assert [e["address"] for e in data["emails"]] == ["anna@kuehn.de"]
    assert data["addresses"][0]["city"] == "Berlin"
    assert data["bank_accounts"][0]["iban"] == "DE89370400440532013000"
    assert data["tags"] == ["VIP"]
    assert data["consent"]["withdrawn_at"] is not None
    assert [e["event"] for e in data["consent_history"]] == ["consent-withdrawn"]
    assert data["activities"][0]["subject"] == "Rückruf wegen Torte"
    assert data["followups"][0]["note"] == "Anna wegen Torte anrufen"
    assert data["tickets"][0]["title"] == "Torte beschädigt"
    assert data["tickets"][0]["status_changes"][0]["new_status"] == "open"
    assert data["orders"][0]["lines"][0]["description"] == "Torte"
    assert data["orders"][0]["total_net"] == "40.00"
    assert [p["name"] for p in data["projects"]] == ["Hochzeit"]
    assert data["opportunities"] == []
    with store.reader() as s, pytest.raises(NotFoundError):
        privacy.export_person_data(s, 99999)


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_export_is_readable_and_escaped(store: Store, clock: FixedClock) -> None:
    pid = _anna(store, clock)
    with store.reader() as s:
        page = privacy.export_person_html(s, pid, clock=clock, lang="de")
    assert page.startswith("<!DOCTYPE html>")
    assert "<b>Kuchen</b>" not in page  # user text never becomes markup
    assert "Mag &lt;b&gt;Kuchen&lt;/b&gt; &amp; Kaffee" in page
    parsed = _Collect()
    parsed.feed(page)
    assert "b" not in parsed.tags
    text = " ".join(parsed.text)
    assert "Gespeicherte Daten zu Dr. Anna Kühn" in text
    for expected in ("Rückruf wegen Torte", "anna@kuehn.de", "Hochzeit", "Torte beschädigt"):
        assert expected in text
    assert "<h2>Aktivitäten</h2>" in page
    with store.reader() as s:
        english = privacy.export_person_html(s, pid, clock=clock)
    assert "Data stored about Dr. Anna Kühn" in english


def test_anonymise_erases_personal_data_and_keeps_statistics(
    store: Store, clock: FixedClock
) -> None:
    pid = _anna(store, clock)
    with store.session() as s:
        result = privacy.anonymise_person(s, pid, clock, actor="tester")
    assert (result.activities, result.followups, result.tickets, result.undo_entries) == (
        1,
        1,
        1,
        1,
    )
    with store.reader() as s:
        p = s.get(Person, pid)
        assert p is not None
        assert p.full_name == "Anonymisiert"
        assert p.birth_date is None and p.notes == "" and p.photo is None
        assert p.profile_fields == {} and p.hobbies is None and p.tags == []
        assert p.anonymized_at == clock.now()
        assert not p.consent_marketing
        assert p.company_id is not None  # the link stays for statistics
        for model in (Phone, Email, BankAccount):
            assert s.execute(select(model).where(model.person_id == pid)).first() is None
        act = s.execute(select(Activity).where(Activity.person_id == pid)).scalar_one()
        assert (act.subject, act.text) == ("", "")
        assert act.kind == ActivityKind.CALL and act.duration_minutes == 12
        assert act.occurred_at == clock.now()
        fu = s.execute(select(FollowUp).where(FollowUp.person_id == pid)).scalar_one()
        assert fu.note == ""
        ticket = s.execute(select(Ticket).where(Ticket.person_id == pid)).scalar_one()
        assert ticket.description == "" and "Torte" not in ticket.title
        order = s.execute(select(Order).where(Order.person_id == pid)).scalar_one()
        assert order.notes == "" and order.total_net == decimal.Decimal("40.00")
        assert s.execute(select(UndoEntry)).first() is None
        audit = s.execute(select(AuditEvent).where(AuditEvent.event == "anonymised")).scalar_one()
        assert (audit.entity, audit.entity_id, audit.details) == ("person", pid, {})
        docs = " ".join(f"{d.title} {d.body}" for d in s.execute(select(SearchDocument)).scalars())
        assert "Anna" not in docs and "Kühn" not in docs.replace("Bäckerei Kühn GmbH", "")
        # nothing of her is left in an export either
        dump = json.dumps(privacy.export_person_data(s, pid, clock=clock), ensure_ascii=False)
    for secret in ("Anna", "1980-05-17", "anna@kuehn.de", "DE89", "Reiten", "Hochzeit von"):
        assert secret not in dump
    with store.session() as s, pytest.raises(ConflictError):
        privacy.anonymise_person(s, pid, clock)


def test_withdrawn_consent_never_reaches_a_campaign(store: Store, clock: FixedClock) -> None:
    with store.session() as s:
        ids = [
            create_person(
                s,
                PersonInput(given_name=n, family_name="X", consent_marketing=True),
                clock=clock,
            ).id
            for n in ("A", "B", "C")
        ]
        none = create_person(s, PersonInput(given_name="D", family_name="X"), clock=clock).id
        privacy.withdraw_consent(s, ids[1], clock, source="E-Mail vom 20.11.")
    with store.reader() as s:
        person = s.get(Person, ids[1])
        assert person is not None and person.consent_withdrawn_at == clock.now()
        assert privacy.campaign_eligible(s, [*ids, none, 4242]) == ([ids[0], ids[2], none], 1)
        assert privacy.campaign_eligible(s, [*ids, none], require_opt_in=True) == (
            [ids[0], ids[2]],
            1,
        )
        assert privacy.campaign_eligible(s, []) == ([], 0)
    with store.session() as s:  # a new opt-in makes her eligible again
        set_consent(s, ids[1], True, source="Formular", clock=clock)
    with store.reader() as s:
        assert privacy.campaign_eligible(s, ids) == (ids, 0)


def test_retention_candidates(store: Store, clock: FixedClock) -> None:
    now = clock.now()
    with store.session() as s:
        old = create_person(s, PersonInput(given_name="Alt", family_name="A"), clock=clock)
        recent = create_person(s, PersonInput(given_name="Neu", family_name="B"), clock=clock)
        never = create_person(s, PersonInput(given_name="Nie", family_name="C"), clock=clock)
        fresh = create_person(s, PersonInput(given_name="Frisch", family_name="D"), clock=clock)
        for p in (old, recent, never):
            p.created_at = now - dt.timedelta(days=365 * 6)
        fresh.created_at = now - dt.timedelta(days=30)
        log_activity(
            s,
            ActivityInput(
                kind=ActivityKind.CALL,
                person_id=old.id,
                occurred_at=now - dt.timedelta(days=365 * 4),
            ),
            clock=clock,
        )
        log_activity(
            s,
            ActivityInput(
                kind=ActivityKind.CALL,
                person_id=recent.id,
                occurred_at=now - dt.timedelta(days=365 * 2),
            ),
            clock=clock,
        )
        ids = (old.id, recent.id, never.id)
    with store.reader() as s:
        rows = privacy.retention_candidates(s, clock, years=3)
        assert [r.person_id for r in rows] == [ids[2], ids[0]]  # oldest first
        assert rows[1].last_activity == now - dt.timedelta(days=365 * 4)
        assert rows[0].last_activity is None
        assert [r.person_id for r in privacy.retention_candidates(s, clock, years=1)] == [
            ids[2],
            ids[0],
            ids[1],
        ]
        assert privacy.retention_candidates(s, clock, years=5) == [
            r for r in privacy.retention_candidates(s, clock, years=5) if r.person_id == ids[2]
        ]
    with store.session() as s:
        privacy.anonymise_person(s, ids[2], clock)
    with store.reader() as s:
        assert [r.person_id for r in privacy.retention_candidates(s, clock, years=3)] == [ids[0]]
