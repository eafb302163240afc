"""services/signature_update: who the paste matches, what differs, one undoable edit."""

from __future__ import annotations

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import PhoneKind
from crm_desktop.data.store import Store
from crm_desktop.services import contacts, undo
from crm_desktop.services import signature_update as su
from crm_desktop.services.contacts import CompanyInput, EmailInput, PersonInput, PhoneInput


def test_company_found_by_vat_id_and_empty_pasted_values_never_blank(
    sqlite_store: Store, clock: FixedClock
) -> None:
    with sqlite_store.session() as s:
        cid = contacts.create_company(
            s,
            CompanyInput(name="Helvetia Praezision", website="https://helvetia.example"),
        ).id
        contacts.update_company(s, cid, {"vat_id": "CHE-116.281.710 MWST"}, clock=clock)
    pasted = su.PastedContact(
        company={"name": "Helvetia Präzision", "legal_form": "AG", "vat_id": "CHE116281710MWST"},
        company_phones=[PhoneInput("+41 44 123 45 67")],
    )
    with sqlite_store.reader() as s:
        matches = su.find_matches(s, pasted, region="CH")
        assert [(m.kind, m.id) for m in matches] == [("company", cid)]
        diffs = su.differences(s, "company", cid, pasted, region="CH")
    fields = [d.field for d in diffs]
    assert "vat_id" not in fields  # the same number, written another way
    assert "website" not in fields  # nothing pasted: the stored one stays
    assert fields == ["name", "legal_form", "phones"]


def test_apply_keeps_the_rest_and_undo_restores(sqlite_store: Store, clock: FixedClock) -> None:
    with sqlite_store.session() as s:
        pid = contacts.create_person(
            s,
            PersonInput(
                given_name="Reto",
                family_name="Meier",
                consent_marketing=True,
                consent_source="Messe",
                phones=[PhoneInput("+41 44 000 00 00", PhoneKind.WORK)],
                emails=[EmailInput("reto@old.example")],
                tags=["VIP"],
            ),
            clock=clock,
        ).id
    pasted = su.PastedContact(
        person={"given_name": "Reto", "family_name": "Meier", "position": "Leiter Verkauf"},
        emails=[EmailInput("reto.meier@helvetia.example")],
    )
    with sqlite_store.session() as s:
        diffs = su.differences(s, "person", pid, pasted, region="CH")
        assert [d.field for d in diffs] == ["position", "emails"]
        result = su.apply_update(s, "person", pid, diffs[1:], clock=clock, region="CH")
        assert result.changed_fields == ("emails",)
    with sqlite_store.reader() as s:
        person = contacts.get_person(s, pid)
        assert person.position is None
        assert sorted(e.address for e in person.emails) == [
            "reto.meier@helvetia.example",
            "reto@old.example",
        ]
        assert [p.number for p in person.phones] == ["+41440000000"]
        assert [t.name for t in person.tags] == ["VIP"]
        assert person.consent_marketing
    with sqlite_store.session() as s:
        undo.undo_last(s, clock)
    with sqlite_store.reader() as s:
        assert [e.address for e in contacts.get_person(s, pid).emails] == ["reto@old.example"]
