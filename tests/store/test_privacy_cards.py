"""Payment card numbers are refused everywhere, with the reason, and nothing is written."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Activity, ActivityKind, Company, Person
from crm_desktop.data.store import Store
from crm_desktop.errors import CardNumberError, MultipleErrors, ValidationError
from crm_desktop.services.activities import ActivityInput, log_activity, update_activity
from crm_desktop.services.contacts import (
    AddressInput,
    BankInput,
    CompanyInput,
    PersonInput,
    create_company,
    create_person,
    get_person,
    set_bank_accounts,
    update_company,
    update_person,
)

VISA = "4111 1111 1111 1111"  # a test card number that passes the Luhn check
MASTER = "5555-5555-5555-4444"


@pytest.fixture
def store(sqlite_store: Store) -> Store:
    """The guard runs before anything is written: one backend is enough here."""
    return sqlite_store


def _card_error(exc: ValidationError) -> CardNumberError:
    if isinstance(exc, MultipleErrors):
        cards = [e for e in exc.errors if isinstance(e, CardNumberError)]
        assert cards, exc.errors
        return cards[0]
    assert isinstance(exc, CardNumberError)
    return exc


def _assert_reason(exc: ValidationError, field: str) -> None:
    card = _card_error(exc)
    assert card.field == field
    text = card.text()
    assert "payment card number" in text
    assert "never stored" in text
    assert "1111" in text or "4444" in text  # the masked tail shows which number
    assert "4111 1111" not in text and "5555-5555" not in text  # never the whole number


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (PersonInput(given_name="Anna", family_name="Kühn", notes=f"Karte {VISA}"), "notes"),
        (PersonInput(given_name=f"Anna {MASTER}", family_name="Kühn"), "given_name"),
        (
            PersonInput(given_name="Anna", family_name="K", profile_fields={"Karte": VISA}),
            "profile.Karte",
        ),
        (PersonInput(given_name="Anna", family_name="K", position=VISA), "position"),
        (
            PersonInput(given_name="Anna", family_name="K", bank_accounts=[BankInput(iban=VISA)]),
            "bank_accounts.0.iban",
        ),
        (
            PersonInput(
                given_name="Anna",
                family_name="K",
                bank_accounts=[BankInput(iban="DE89370400440532013000", holder=MASTER)],
            ),
            "bank_accounts.0.holder",
        ),
        (
            PersonInput(
                given_name="Anna",
                family_name="K",
                addresses=[AddressInput(street=f"Weg 1a {VISA}", postcode="10115", city="Berlin")],
            ),
            "street",
        ),
        pytest.param(
            PersonInput(
                given_name="Anna",
                family_name="K",
                addresses=[AddressInput(street=f"Weg 1 {VISA}", postcode="10115", city="Berlin")],
            ),
            "street",
            id="card-after-house-number",
        ),
    ],
)
def test_new_person_with_a_card_number_is_refused(
    store: Store, clock: FixedClock, data: PersonInput, field: str
) -> None:
    with pytest.raises(ValidationError) as err, store.session() as s:
        create_person(s, data, clock=clock)
    _assert_reason(err.value, field)
    with store.reader() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 0


def test_edits_and_companies_refuse_card_numbers(store: Store, clock: FixedClock) -> None:
    with store.session() as s:
        pid = create_person(s, PersonInput(given_name="Anna", family_name="Kühn"), clock=clock).id
        cid = create_company(s, CompanyInput(name="Kühn GmbH")).id
    for changes, field in (
        ({"notes": f"zahlt mit {VISA}"}, "notes"),
        ({"profile_fields": {"Zahlung": MASTER}}, "profile.Zahlung"),
        ({"hobbies": VISA}, "hobbies"),
    ):
        with pytest.raises(ValidationError) as err, store.session() as s:
            update_person(s, pid, changes, clock=clock)
        _assert_reason(err.value, field)
    with pytest.raises(ValidationError) as err, store.session() as s:
        set_bank_accounts(s, get_person(s, pid), [BankInput(iban=MASTER)])
    _assert_reason(err.value, "bank_accounts.0.iban")
    with pytest.raises(ValidationError) as err, store.session() as s:
        update_company(s, cid, {"notes": VISA})
    _assert_reason(err.value, "notes")
    with pytest.raises(ValidationError) as err, store.session() as s:
        create_company(s, CompanyInput(name="X", payment_terms=f"Kreditkarte {MASTER}"))
    _assert_reason(err.value, "payment_terms")
    with store.reader() as s:
        person = s.get(Person, pid)
        assert person is not None
        assert person.notes == "" and person.profile_fields == {} and person.bank_accounts == []
        assert s.scalar(select(func.count()).select_from(Company)) == 1


def test_activity_texts_refuse_card_numbers(store: Store, clock: FixedClock) -> None:
    with store.session() as s:
        pid = create_person(s, PersonInput(given_name="Anna", family_name="Kühn"), clock=clock).id
    for data, field in (
        (ActivityInput(kind=ActivityKind.CALL, person_id=pid, text=f"Karte: {VISA}"), "text"),
        (ActivityInput(kind=ActivityKind.NOTE, person_id=pid, subject=MASTER), "subject"),
        (
            ActivityInput(
                kind=ActivityKind.CALL,
                person_id=pid,
                followup_due_at=clock.now(),
                followup_note=VISA,
            ),
            "followup_note",
        ),
    ):
        with pytest.raises(ValidationError) as err, store.session() as s:
            log_activity(s, data, clock=clock)
        _assert_reason(err.value, field)
    with store.session() as s:
        aid = log_activity(
            s, ActivityInput(kind=ActivityKind.CALL, person_id=pid, text="ok"), clock=clock
        ).id
    with pytest.raises(ValidationError) as err, store.session() as s:
        update_activity(s, aid, {"text": f"doch {VISA}"})
    _assert_reason(err.value, "text")
    with store.reader() as s:
        texts = list(s.execute(select(Activity.text)).scalars())
    assert texts == ["ok"]


def test_ordinary_numbers_are_not_taken_for_cards(store: Store, clock: FixedClock) -> None:
    with store.session() as s:
        create_person(
            s,
            PersonInput(
                given_name="Anna",
                family_name="Kühn",
                notes="Kundennr. 4711, Tel. 030 1234567, Auftrag 2026-000123",
                bank_accounts=[BankInput(iban="DE89 3704 0044 0532 0130 00")],
            ),
            clock=clock,
        )
