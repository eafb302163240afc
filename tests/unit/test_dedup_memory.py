"""The memory-saving parts of the bulk duplicate search: the streaming loader, the
two-pass block index, the candidate codes gathered in buckets, bounds chunk by chunk."""

from __future__ import annotations

import datetime as dt

import pytest

from crm_desktop.data.models import Address, Email, Person, Phone
from crm_desktop.data.store import Store
from crm_desktop.services import dedup as d
from crm_desktop.services.dedup import bulk as dbulk
from crm_desktop.services.dedup import loading as dloading
from tests.unit.test_dedup import _companies, _people_records


def test_load_people_hands_every_person_its_own_contacts(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dloading, "_YIELD_ROWS", 2)  # several fetches for every query
    gone = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    with store.session() as s:
        people = {
            key: Person(given_name=given, family_name=family, title=title, birth_date=born)
            for key, given, family, title, born in [
                ("anna", "Anna", "Alt", "Dr.", dt.date(1980, 1, 2)),
                ("bernd", "Bernd", "Bauer", None, None),  # deleted
                ("carla", "Carla", "Clausen", None, dt.date(1980, 1, 2)),  # no contacts
                ("dieter", "Dieter", "Dorn", None, None),  # anonymised
                ("eva", "Eva", "Ernst", None, None),
            ]
        }
        s.add_all(people.values())
        s.flush()
        people["bernd"].deleted_at = gone
        people["dieter"].anonymized_at = gone
        # contacts stored out of the people's order, one person with several
        for key, address in [
            ("eva", "eva@example.de"),
            ("bernd", "bernd@example.de"),
            ("anna", "anna.alt@example.de"),
            ("dieter", "dieter@example.de"),
            ("anna", " Anna.Alt@Example.de"),  # the same address once more
            ("anna", "a.alt@mail.de"),
        ]:
            s.add(Email(person_id=people[key].id, address=address))
        for key, number in [
            ("dieter", "+49301111111"),
            ("eva", "+491701234567"),
            ("bernd", "+49302222222"),
            ("anna", "+49303333333"),
        ]:
            s.add(Phone(person_id=people[key].id, number=number))
        for key, postcode, street in [
            ("bernd", "10115", "Weg 1"),
            ("eva", "80331", "Hauptstraße 2"),
            ("anna", "80331", "Hauptstr. 2"),
            ("eva", "10115", "Weg 1"),
        ]:
            s.add(Address(person_id=people[key].id, postcode=postcode, street=street, city="X"))
        s.flush()
        ids = {key: person.id for key, person in people.items()}
    with store.reader() as s:
        records = d.load_people(s)
        chosen = d.load_people(s, [ids["eva"], ids["bernd"], ids["carla"]])
    by_id = {r.id: r for r in records}
    assert list(by_id) == [ids["anna"], ids["carla"], ids["eva"]]
    anna, carla, eva = by_id.values()
    assert sorted(anna.emails) == ["a.alt@mail.de", "anna.alt@example.de"]
    assert sorted(anna.locals) == ["aalt", "annaalt"]
    assert anna.phones == ("+49303333333",)
    assert anna.addresses == (("80331", "hauptstr2"),)
    assert anna.display == "Dr. Anna Alt"
    assert carla.emails == carla.phones == carla.postcodes == ()
    assert carla.addresses == ()
    assert carla.birth == anna.birth == dt.date(1980, 1, 2)
    assert eva.emails == ("eva@example.de",) and eva.phones == ("+491701234567",)
    assert sorted(eva.addresses) == [("10115", "weg1"), ("80331", "hauptstr2")]
    assert sorted(eva.postcodes) == ["10115", "80331"] and eva.cities == ("x",)
    assert [r.id for r in chosen] == [ids["carla"], ids["eva"]]
    assert chosen[1] == eva


@pytest.mark.parametrize("min_score", [0, 60])
def test_bulk_search_in_tiny_chunks_finds_the_same(
    monkeypatch: pytest.MonkeyPatch, min_score: int
) -> None:
    """Buckets, merges and bound chunks of a few codes give what one piece gives."""
    pytest.importorskip("numpy")
    people, companies = _people_records(), _companies()
    whole = d.find_people_duplicates(people, min_score=min_score)
    whole_c = d.find_company_duplicates(companies, min_score=min_score)
    monkeypatch.setattr(dbulk, "_BUCKETS", 5)
    monkeypatch.setattr(dbulk, "_PENDING", 7)
    monkeypatch.setattr(dbulk, "_BOUND_CHUNK", 11)
    progress: list[tuple[int, int]] = []
    chunked = d.find_people_duplicates(
        people, min_score=min_score, progress=lambda n, t: progress.append((n, t))
    )
    assert chunked == whole and len(whole) > 20
    assert d.find_company_duplicates(companies, min_score=min_score) == whole_c
    assert progress[-1][0] == progress[-1][1] > 0
    # without numpy there is no duplicate model: the hand-set score alone, the same
    hand = d.find_people_duplicates(people, min_score=min_score, use_model=False)
    assert {(p.a, p.b) for p in hand} <= {(p.a, p.b) for p in whole}
    monkeypatch.setattr(dbulk, "_NUMPY", False)
    assert d.find_people_duplicates(people, min_score=min_score) == hand


def test_block_index_tells_apart_keys_with_equal_hashes() -> None:
    pytest.importorskip("numpy")
    assert hash(("E", -1)) == hash(("E", -2))  # (CPython: hash(-1) == hash(-2))
    values = [-1, -2, -1, 5, 7, 7, -2]
    pieces = dbulk._candidate_codes(
        list(range(len(values))), lambda r: [("E", values[r])], str, prefilter_cutoff=0
    )
    n = len(values)
    assert [(c // n, c % n) for piece in pieces for c in piece.tolist()] == [
        (0, 2),
        (1, 6),
        (4, 5),
    ]
    assert dbulk._candidate_codes([1, 2], lambda r: [("E", r)], str, prefilter_cutoff=0) == []
    assert d.find_people_duplicates([]) == []


def test_person_records_hold_distinct_values_in_tuples() -> None:
    rec = d.make_person_rec(
        1,
        "Max",
        "Müller",
        emails=["Max.Mueller@web.de", "max.mueller@web.de ", "max.mueller@gmx.de", "kaputt"],
        phones=["+491701234567", "", "+491701234567"],
        addresses=[("80331", "Hauptstraße 1", "München"), ("80331", "Hauptstr. 1", "München")],
    )
    assert rec.emails == ("max.mueller@web.de", "max.mueller@gmx.de")
    assert rec.locals == ("maxmuller",)
    assert rec.phones == ("+491701234567",)
    assert rec.addresses == (("80331", "hauptstr1"),)
    assert rec.postcodes == ("80331",) and rec.cities == ("munchen",)
    other = d.make_person_rec(2, "Max", "Müller", emails=["max.mueller@gmx.de"])
    score, reasons = d.score_people(rec, other)
    assert d.R_SAME_EMAIL in reasons and score == 90
