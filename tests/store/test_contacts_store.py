"""Contacts on both backends: creation, validation, hierarchy, trash, search index sync."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, text

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Company, Person, SearchDocument
from crm_desktop.data.store import Store
from crm_desktop.errors import CardNumberError, ConflictError, MultipleErrors, ValidationError
from crm_desktop.services import contacts as c


def _group(store: Store) -> tuple[int, int, int, int, int]:
    with store.session() as s:
        group = c.create_company(s, c.CompanyInput(name="Müller Gruppe", vat_id="DE136695976"))
        branch = c.create_company(
            s,
            c.CompanyInput(
                name="Müller Maschinenbau GmbH",
                legal_form="GmbH",
                parent_id=group.id,
                phones=[c.PhoneInput("0711 123456")],
                addresses=[c.AddressInput("Industriestraße 5", "70565", "Stuttgart")],
                bank_accounts=[
                    c.BankInput("DE89 3704 0044 0532 0130 00", "COBADEFFXXX", "Müller MB")
                ],
            ),
        )
        dept = c.add_department(s, branch.id, "Vertrieb")
        boss = c.create_person(
            s,
            c.PersonInput(
                given_name="Jürgen",
                family_name="Müller",
                company_id=branch.id,
                department_id=dept.id,
                birth_date=dt.date(1968, 3, 1),
                emails=[c.EmailInput("j.mueller@mueller-mb.example")],
            ),
        )
        report = c.create_person(
            s,
            c.PersonInput(
                given_name="Petra",
                family_name="Klein",
                company_id=branch.id,
                department_id=dept.id,
                reports_to_id=boss.id,
            ),
        )
        return group.id, branch.id, dept.id, boss.id, report.id


def test_hierarchy_and_reporting_line(store: Store) -> None:
    group_id, branch_id, dept_id, boss_id, report_id = _group(store)
    with store.reader() as s:
        branch = s.get(Company, branch_id)
        assert branch is not None and branch.parent_id == group_id
        assert branch.phones[0].number == "+49711123456"
        assert branch.bank_accounts[0].iban == "DE89370400440532013000"
        boss = s.get(Person, boss_id)
        assert boss is not None
        assert [p.id for p in boss.subordinates] == [report_id]
        assert boss.department is not None and boss.department.name == "Vertrieb"
        assert boss.emails[0].address == "j.mueller@mueller-mb.example"


def test_cycles_refused(store: Store) -> None:
    group_id, branch_id, _, boss_id, report_id = _group(store)
    with pytest.raises(ValidationError, match="own parent"), store.session() as s:
        c.update_company(s, group_id, {"parent_id": branch_id})
    with pytest.raises(ValidationError, match="reporting loop"), store.session() as s:
        c.update_person(s, boss_id, {"reports_to_id": report_id})
    with pytest.raises(ValidationError, match="themselves"), store.session() as s:
        c.update_person(s, boss_id, {"reports_to_id": boss_id})


def test_all_field_errors_reported_and_nothing_written(store: Store) -> None:
    with pytest.raises(MultipleErrors) as info, store.session() as s:
        c.create_person(
            s,
            c.PersonInput(
                given_name="Max",
                family_name="Muster",
                phones=[c.PhoneInput("12")],
                emails=[c.EmailInput("max@")],
                addresses=[c.AddressInput("", "7056", "Stuttgart")],
                bank_accounts=[c.BankInput("DE00 1234")],
            ),
        )
    fields = {e.field for e in info.value.errors}
    assert {"phones.0", "emails.0", "addresses.0.street", "addresses.0.postcode"} <= fields
    assert "bank_accounts.0.iban" in fields
    with store.reader() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 0


def test_card_numbers_refused_everywhere(store: Store) -> None:
    with pytest.raises(CardNumberError), store.session() as s:
        c.create_person(s, c.PersonInput(family_name="X", notes="Visa 4111 1111 1111 1111"))
    with pytest.raises(CardNumberError), store.session() as s:
        c.create_person(
            s, c.PersonInput(family_name="X", profile_fields={"Karte": "5500000000000004"})
        )
    with pytest.raises(CardNumberError), store.session() as s:
        c.create_company(
            s, c.CompanyInput(name="X", bank_accounts=[c.BankInput("4111111111111111")])
        )
    group_id, *_ = _group(store)
    with pytest.raises(CardNumberError), store.session() as s:
        c.update_company(s, group_id, {"notes": "Kreditkarte 4012888888881881"})


def test_name_required_unless_import(store: Store, clock: FixedClock) -> None:
    with pytest.raises(ValidationError, match="given or a family name"), store.session() as s:
        c.create_person(s, c.PersonInput())
    with store.session() as s:
        p = c.create_person(
            s, c.PersonInput(emails=[c.EmailInput("a@b.de")]), allow_incomplete=True
        )
        assert p.needs_review and p.review_reason == "no name"
    with store.session() as s:
        p2 = c.update_person(s, p.id, {"given_name": "Anna"}, clock=clock)
        assert not p2.needs_review


def test_birth_date_in_future_refused(store: Store, clock: FixedClock) -> None:
    with pytest.raises(ValidationError, match="future"), store.session() as s:
        c.create_person(
            s, c.PersonInput(family_name="Z", birth_date=dt.date(2030, 1, 1)), clock=clock
        )


def test_priority_history_recorded(store: Store) -> None:
    group_id, *_ = _group(store)
    from crm_desktop.data.models import Priority

    with store.session() as s:
        c.update_company(s, group_id, {"priority": Priority.B})
    with store.session() as s:
        c.update_company(s, group_id, {"priority": Priority.A}, reason="revenue")
    with store.reader() as s:
        comp = s.get(Company, group_id)
        assert comp is not None
        assert [(h.old, h.new) for h in comp.priority_history] == [
            (None, Priority.B),
            (Priority.B, Priority.A),
        ]


def test_department_unique(store: Store) -> None:
    _, branch_id, *_ = _group(store)
    with pytest.raises(ConflictError), store.session() as s:
        c.add_department(s, branch_id, "Vertrieb")


def test_trash_and_restore(store: Store, clock: FixedClock) -> None:
    group_id, branch_id, _, boss_id, report_id = _group(store)
    with store.session() as s:
        moved = c.delete_company(s, group_id, clock=clock)
    assert sorted(moved) == sorted([boss_id, report_id])
    with store.reader() as s:
        assert c.counts(s) == {"people": 0, "companies": 0}
    with store.session() as s:
        c.restore_company(s, group_id)
    with store.reader() as s:
        assert c.counts(s) == {"people": 2, "companies": 2}
    with store.session() as s:
        c.delete_person(s, report_id, clock=clock)
    with store.session() as s:
        assert c.purge_trash(s) == 1
    with store.reader() as s:
        assert s.get(Person, report_id) is None
        boss = s.get(Person, boss_id)
        assert boss is not None and boss.subordinates == []


def _docs(store: Store, kind: str) -> dict[int, str]:
    with store.reader() as s:
        rows = s.execute(
            select(SearchDocument.ref_id, SearchDocument.title).where(SearchDocument.kind == kind)
        ).all()
    return {r[0]: r[1] for r in rows}


def test_search_index_follows_edits_and_deletes(store: Store, clock: FixedClock) -> None:
    _, branch_id, _, boss_id, report_id = _group(store)
    assert _docs(store, "person")[boss_id] == "Jürgen Müller"
    with store.session() as s:
        c.update_person(s, boss_id, {"family_name": "Müller-Lüdenscheidt"}, clock=clock)
    assert _docs(store, "person")[boss_id] == "Jürgen Müller-Lüdenscheidt"
    with store.session() as s:
        c.delete_person(s, report_id, clock=clock)
    assert report_id not in _docs(store, "person")
    with store.session() as s:
        c.restore_person(s, report_id)
    assert report_id in _docs(store, "person")
    with store.session() as s:
        c.set_emails(s, c.get_person(s, report_id), [c.EmailInput("petra.klein@example.org")])
    with store.reader() as s:
        body = s.execute(
            select(SearchDocument.body).where(
                SearchDocument.kind == "person", SearchDocument.ref_id == report_id
            )
        ).scalar_one()
    assert "petra.klein@example.org" in body
    with store.session() as s:
        c.delete_person(s, report_id, clock=clock)
    with store.session() as s:
        c.purge_trash(s)
    assert report_id not in _docs(store, "person")


def test_fts5_table_mirrors_documents(sqlite_store: Store, clock: FixedClock) -> None:
    _, _, _, boss_id, _ = _group(sqlite_store)

    def match(q: str) -> list[str]:
        with sqlite_store.reader() as s:
            return [
                r[0]
                for r in s.execute(
                    text("SELECT title FROM search_fts WHERE search_fts MATCH :q"), {"q": q}
                )
            ]

    assert "Jürgen Müller" in match("mull*")  # diacritics removed, prefix
    with sqlite_store.session() as s:
        c.update_person(s, boss_id, {"given_name": "Hans-Jürgen"}, clock=clock)
    assert "Hans-Jürgen Müller" in match("hans*")
    with sqlite_store.session() as s:
        c.delete_person(s, boss_id, clock=clock)
    assert match("hans*") == []
    with sqlite_store.reader() as s:
        check = s.execute(text("INSERT INTO search_fts(search_fts) VALUES('integrity-check')"))
        assert check is not None


def test_consent_recorded(store: Store, clock: FixedClock) -> None:
    *_, report_id = _group(store)
    with store.session() as s:
        c.set_consent(s, report_id, True, source="Messe 2026", clock=clock)
    clock.advance(days=3)
    with store.session() as s:
        p = c.set_consent(s, report_id, False, clock=clock)
        assert p.consent_at is not None and p.consent_withdrawn_at is not None
        assert p.consent_withdrawn_at - p.consent_at == dt.timedelta(days=3)
        assert p.consent_source == "Messe 2026"


def test_reader_does_not_block_a_writer(sqlite_store: Store) -> None:
    with sqlite_store.reader() as r:
        r.execute(select(func.count()).select_from(Person)).scalar()
        with sqlite_store.session() as s:  # would wait for the lock if the reader held it
            c.create_company(s, c.CompanyInput(name="Parallel GmbH"))
    with sqlite_store.reader() as r:
        assert r.execute(select(func.count()).select_from(Company)).scalar() == 1
