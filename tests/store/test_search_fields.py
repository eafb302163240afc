"""Global search over the fields besides names: addresses (street, postcode, city),
notes, profile fields and phone numbers typed the national way; ranking (field hits
before typo matches, no typo fallback when something matches exactly); subtitles that
say why a record matched; documents written by bulk loads get their fields at the
next commit; the index follows address, note and phone edits."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select, text

from crm_desktop.clock import FixedClock
from crm_desktop.data import search_sync
from crm_desktop.data.models import Address, Person, SearchDocument
from crm_desktop.data.store import Store
from crm_desktop.services import contacts as c
from crm_desktop.services.search import SearchHit, fts5_query, phone_digits, search


@dataclass
class Ids:
    goerlitz: int  # Ines Kowalski, Obermarkt 5, 02826 Görlitz, +491719876543
    goerlitz_company: int  # Lausitzer Glas GmbH, Görlitz
    moritz: int  # Moritz Bauer (a typo match for "Görlitz"), Dresden
    notes: int  # Karl Brenner, notes and a profile field
    dresden: int  # Dresden company with a landline


@pytest.fixture
def data(sqlite_store: Store, clock: FixedClock) -> Ids:
    with sqlite_store.session() as s:
        glas = c.create_company(
            s,
            c.CompanyInput(
                name="Lausitzer Glas GmbH",
                addresses=[c.AddressInput("Brüderstraße 12", "02826", "Görlitz")],
                notes="Lieferant für Bleiglasfenster",
            ),
        )
        elbe = c.create_company(
            s,
            c.CompanyInput(
                name="Elbtal Werkzeuge KG",
                addresses=[c.AddressInput("Königsbrücker Str. 3", "01099", "Dresden")],
                phones=[c.PhoneInput("+49 351 4455667")],
            ),
        )
        ines = c.create_person(
            s,
            c.PersonInput(
                given_name="Ines",
                family_name="Kowalski",
                company_id=glas.id,
                addresses=[c.AddressInput("Obermarkt 5", "02826", "Görlitz")],
                phones=[c.PhoneInput("+491719876543", kind=c.PhoneKind.MOBILE)],
            ),
            clock=clock,
        )
        moritz = c.create_person(
            s,
            c.PersonInput(
                given_name="Moritz",
                family_name="Bauer",
                addresses=[c.AddressInput("Prager Str. 1", "01069", "Dresden")],
            ),
            clock=clock,
        )
        karl = c.create_person(
            s,
            c.PersonInput(
                given_name="Karl",
                family_name="Brenner",
                notes="Sammelt Oldtimer-Traktoren, Messe in Leipzig besucht",
                profile_fields={"Lieblingsverein": "Dynamo Dresden", "Kundennummer": "KD-77812"},
            ),
            clock=clock,
        )
        return Ids(ines.id, glas.id, moritz.id, karl.id, elbe.id)


def find(store: Store, typed: str, **kw: object) -> list[SearchHit]:
    with store.reader() as s:
        return search(s, typed, **kw)  # type: ignore[arg-type]


def refs(hits: list[SearchHit]) -> list[tuple[str, int]]:
    return [(h.kind, h.ref_id) for h in hits]


# ---------------------------------------------------------------- pure helpers


def test_phone_digits_and_the_query() -> None:
    assert phone_digits("0171 987") == "0171987"
    assert phone_digits("(0171) 98-76") == "01719876"
    assert phone_digits("+49 171 98") == "4917198"
    assert phone_digits("0049 171 98") == "4917198"
    assert phone_digits("9876543") is None  # one group is a plain word
    assert phone_digits("Müller 0171") is None
    assert phone_digits("1 2") is None
    assert fts5_query("0171 987") == '("0171" AND "987"*) OR "0171987"*'


def test_phone_forms() -> None:
    assert search_sync.phone_forms("+491719876543") == ("01719876543", "1719876543", "9876543")
    assert search_sync.phone_forms("+4935144556677")[:2] == ("035144556677", "35144556677")
    assert search_sync.phone_forms("") == ()
    assert search_sync.phone_forms("+") == ()


# ---------------------------------------------------------------- addresses


def test_city_lists_the_people_and_companies_there_without_typo_matches(
    sqlite_store: Store, data: Ids
) -> None:
    for typed in ("Görlitz", "görlitz", "Gorlitz", "Goerlitz", "Görl"):
        found = refs(find(sqlite_store, typed))
        assert set(found) == {("person", data.goerlitz), ("company", data.goerlitz_company)}, typed
    assert ("person", data.moritz) not in refs(find(sqlite_store, "Görlitz"))


def test_typo_fallback_only_when_nothing_matches(sqlite_store: Store, data: Ids) -> None:
    # nobody lives in "Moritzburg" and no name begins so: the typo fallback still helps
    assert ("person", data.moritz) in refs(find(sqlite_store, "Moritzz"))
    assert ("person", data.goerlitz) in refs(find(sqlite_store, "Kowalsky"))


def test_postcode_and_street(sqlite_store: Store, data: Ids) -> None:
    found = refs(find(sqlite_store, "02826"))
    assert set(found) == {("person", data.goerlitz), ("company", data.goerlitz_company)}
    assert refs(find(sqlite_store, "0282")) == refs(find(sqlite_store, "02826"))
    assert refs(find(sqlite_store, "Obermarkt")) == [("person", data.goerlitz)]
    assert refs(find(sqlite_store, "obermarkt 5")) == [("person", data.goerlitz)]
    assert refs(find(sqlite_store, "Brüderstr")) == [("company", data.goerlitz_company)]
    assert refs(find(sqlite_store, "Bruderstrasse")) == [("company", data.goerlitz_company)]


def test_subtitles_say_why_it_matched(sqlite_store: Store, data: Ids) -> None:
    hit = next(h for h in find(sqlite_store, "Obermarkt") if h.kind == "person")
    assert hit.title == "Ines Kowalski"
    assert hit.subtitle == "Obermarkt 5, 02826 Görlitz"
    assert hit.matched == "address"
    assert hit.as_dict()["matched"] == "address"
    by_name = find(sqlite_store, "Kowalski")[0]
    assert by_name.matched == "" and by_name.subtitle == "Lausitzer Glas GmbH"
    phone = find(sqlite_store, "0171 987")[0]
    assert (phone.matched, phone.subtitle) == ("phone", "0171 9876543")
    note = find(sqlite_store, "Oldtimer")[0]
    assert note.matched == "notes" and "Oldtimer-Traktoren" in note.subtitle
    prof = find(sqlite_store, "KD-77812")[0]
    assert (prof.matched, prof.subtitle) == ("profile", "Kundennummer: KD-77812")


# ---------------------------------------------------------------- phones


def test_phone_numbers_in_national_and_subscriber_forms(sqlite_store: Store, data: Ids) -> None:
    for typed in (
        "0171",
        "0171 987",
        "0171 9876543",
        "01719876543",
        "0171-98765",
        "(0171) 987 65 43",
        "171987",
        "9876543",
        "98765",
        "+49 171 987",
        "+491719876543",
        "0049 171 9876543",
    ):
        assert refs(find(sqlite_store, typed))[:1] == [("person", data.goerlitz)], typed
    assert refs(find(sqlite_store, "0351 445"))[:1] == [("company", data.dresden)]
    assert refs(find(sqlite_store, "0172 987")) == []


# ---------------------------------------------------------------- notes and profiles


def test_notes_and_profile_fields(sqlite_store: Store, data: Ids) -> None:
    assert refs(find(sqlite_store, "Oldtimer")) == [("person", data.notes)]
    assert refs(find(sqlite_store, "Traktoren Leipzig")) == [("person", data.notes)]
    assert refs(find(sqlite_store, "Bleiglas")) == [("company", data.goerlitz_company)]
    assert refs(find(sqlite_store, "Dynamo"))[:1] == [("person", data.notes)]
    assert refs(find(sqlite_store, "KD 77812")) == [("person", data.notes)]


def test_ranking_names_then_fields(sqlite_store: Store, data: Ids, clock: FixedClock) -> None:
    with sqlite_store.session() as s:
        named = c.create_person(
            s, c.PersonInput(given_name="Anke", family_name="Dresden"), clock=clock
        ).id
    hits = find(sqlite_store, "Dresden")
    found = refs(hits)
    assert found[0] == ("person", named)  # the name first
    rest = set(found[1:])
    assert {("person", data.moritz), ("company", data.dresden), ("person", data.notes)} <= rest
    assert hits == sorted(hits, key=lambda h: -h.score)
    # the city (a whole word of the address) before the profile text prefix "Dresd"
    assert [h.score for h in hits[1:]] == sorted((h.score for h in hits[1:]), reverse=True)


# ---------------------------------------------------------------- keeping up


def test_edits_of_addresses_notes_and_phones_follow(
    sqlite_store: Store, data: Ids, clock: FixedClock
) -> None:
    assert ("person", data.moritz) in refs(find(sqlite_store, "Dresden"))
    with sqlite_store.session() as s:
        person = s.get(Person, data.moritz)
        assert person is not None
        person.addresses[0].city = "Bautzen"
        person.addresses[0].postcode = "02625"
    assert ("person", data.moritz) not in refs(find(sqlite_store, "Dresden"))
    assert refs(find(sqlite_store, "Bautzen")) == [("person", data.moritz)]
    assert refs(find(sqlite_store, "02625")) == [("person", data.moritz)]
    with sqlite_store.session() as s:
        person = s.get(Person, data.moritz)
        assert person is not None
        person.notes = "Rückruf wegen Kranwagen"
        s.add(Address(person=person, street="Am Hang 2", postcode="01796", city="Pirna"))
    assert refs(find(sqlite_store, "Kranwagen")) == [("person", data.moritz)]
    assert refs(find(sqlite_store, "Pirna")) == [("person", data.moritz)]
    with sqlite_store.session() as s:
        person = s.get(Person, data.moritz)
        assert person is not None
        for address in list(person.addresses):
            s.delete(address)
    assert refs(find(sqlite_store, "Pirna")) == []
    with sqlite_store.session() as s:
        c.delete_person(s, data.goerlitz, clock=clock)
    assert ("person", data.goerlitz) not in refs(find(sqlite_store, "0171 987"))


def test_bulk_written_documents_get_their_fields_at_the_next_commit(
    sqlite_store: Store, data: Ids
) -> None:
    with sqlite_store.session() as s:
        s.execute(text("UPDATE search_documents SET fields = NULL"))
        s.info["search_sync_disabled"] = True  # as if written by a bulk load
    assert refs(find(sqlite_store, "Obermarkt")) == []
    with sqlite_store.session() as s:
        assert search_sync.complete(s.connection()) == 5
    assert refs(find(sqlite_store, "Obermarkt")) == [("person", data.goerlitz)]
    with sqlite_store.session() as s:
        s.execute(text("UPDATE search_documents SET fields = NULL"))
    # the commit itself filled them in
    with sqlite_store.reader() as s:
        missing = s.scalars(select(SearchDocument.id).where(SearchDocument.fields.is_(None)))
        assert [*missing] == []


def test_rebuild_writes_the_same_fields_as_the_sync(sqlite_store: Store, data: Ids) -> None:
    def fields() -> set[tuple[str, int, str | None]]:
        with sqlite_store.reader() as s:
            rows = s.execute(
                select(SearchDocument.kind, SearchDocument.ref_id, SearchDocument.fields)
            )
            return {(k, r, f) for k, r, f in rows}

    synced = fields()
    with sqlite_store.session() as s:
        search_sync.rebuild(s)
    assert fields() == synced
    with sqlite_store.session() as s:
        s.execute(text("UPDATE search_documents SET fields = NULL"))
        s.info["search_sync_disabled"] = True
    with sqlite_store.session() as s:
        search_sync.complete(s.connection())
    assert fields() == synced


HOSTILE = ['"', "*", "{fields}:", "fields : x", "0171 *", "+", "00", "(0171", "- 1 -", "0" * 60]


def test_any_input_is_safe(sqlite_store: Store, data: Ids) -> None:
    for typed in HOSTILE:
        assert isinstance(find(sqlite_store, typed), list), typed


@pytest.mark.pg
def test_fields_on_postgresql(pg_store: Store, clock: FixedClock) -> None:
    with pg_store.session() as s:
        pid = c.create_person(
            s,
            c.PersonInput(
                given_name="Ines",
                family_name="Kowalski",
                addresses=[c.AddressInput("Obermarkt 5", "02826", "Görlitz")],
                phones=[c.PhoneInput("+491719876543")],
                notes="Sammelt Oldtimer",
            ),
            clock=clock,
        ).id
        c.create_person(s, c.PersonInput(given_name="Moritz", family_name="Bauer"), clock=clock)
    for typed in ("Görlitz", "gorlitz", "02826", "Obermarkt", "0171 987", "9876543", "Oldtimer"):
        assert refs(find(pg_store, typed)) == [("person", pid)], typed
    hit = find(pg_store, "Obermarkt")[0]
    assert (hit.matched, hit.subtitle) == ("address", "Obermarkt 5, 02826 Görlitz")


def test_the_window_shows_why_it_matched(qtbot: object, sqlite_store: Store, data: Ids) -> None:
    from crm_desktop.ui.search import SearchField

    field = SearchField(sqlite_store)
    qtbot.addWidget(field)  # type: ignore[attr-defined]
    for typed, shown in (
        ("Obermarkt", "Ines Kowalski — Obermarkt 5, 02826 Görlitz"),
        ("0171 987", "Ines Kowalski — Phone: 0171 9876543"),
        ("KD-77812", "Karl Brenner — Kundennummer: KD-77812"),
    ):
        field.setText(typed)
        hits = field.search_now()
        assert hits[0].matched
        assert field.popup.list.item(0).text() == shown, typed
    field.setText("Oldtimer")
    field.search_now()
    assert field.popup.list.item(0).text().startswith("Karl Brenner — Note: Sammelt Oldtimer")


def test_a_project_is_found_when_many_newer_activities_name_it(
    sqlite_store: Store, data: Ids, clock: FixedClock
) -> None:
    import datetime as dt

    from crm_desktop.data.models import Activity, ActivityKind, Project

    with sqlite_store.session() as s:
        project = Project(name="Hallenneubau Zittau", description="")
        s.add(project)
        s.flush()
        pid = project.id
        s.add_all(
            Activity(
                kind=ActivityKind.NOTE,
                occurred_at=clock.now() - dt.timedelta(hours=i),
                subject=f"Hallenneubau Baubesprechung {i}",
                text="",
            )
            for i in range(320)  # more than the full-text candidates of one pass
        )
    hits = find(sqlite_store, "Hallenneubau")
    assert refs(hits)[0] == ("project", pid)
    assert refs(find(sqlite_store, "hallenneu zitt")) == [("project", pid)]


# ---------------------------------------------------------------- orders, commits


def test_orders_are_found_by_number_and_customer(store: Store, clock: FixedClock) -> None:
    import datetime as dt
    import decimal

    from crm_desktop.services.orders import OrderInput, OrderLineInput, create_order, delete_order

    with store.session() as s:
        comp = c.create_company(s, c.CompanyInput(name="Metallbau Fröhlich GmbH"))
        anna = c.create_person(
            s, c.PersonInput(given_name="Anna", family_name="Quandt"), clock=clock
        )
        line = [OrderLineInput("Tor", decimal.Decimal(1), decimal.Decimal(1200))]
        first = create_order(
            s,
            OrderInput(company_id=comp.id, lines=line, order_date=dt.date(2026, 3, 2)),
            clock=clock,
        )
        second = create_order(s, OrderInput(person_id=anna.id, lines=line), clock=clock)
        gone = create_order(s, OrderInput(person_id=anna.id, lines=line), clock=clock)
        delete_order(s, gone.id, clock=clock)
        first_id, first_number, second_id = first.id, first.number, second.id
    assert first_number == "A-2026-00001"
    # the number, as typed in any case and without its leading zeros: that order first
    for typed in ("A-2026-00001", "a-2026-00001", "A-2026-1", " a-2026-1 "):
        hits = find(store, typed)
        assert refs(hits)[0] == ("order", first_id), typed
        assert hits[0].title == "A-2026-00001"
        assert hits[0].subtitle == "Metallbau Fröhlich GmbH · 2026-03-02 · open"
    # half typed: every order starting so, newest first, never the deleted one
    assert refs(find(store, "A-2026", kinds=["order"])) == [
        ("order", second_id),
        ("order", first_id),
    ]
    # the customer's name: the customer first, then its orders
    assert refs(find(store, "Fröhlich")) == [("company", comp.id), ("order", first_id)]
    assert refs(find(store, "Anna Quandt")) == [("person", anna.id), ("order", second_id)]
    assert refs(find(store, "Quandt", kinds=["order"])) == [("order", second_id)]
    assert find(store, "Quandt", kinds=["order"])[0].as_dict() == {
        "kind": "order",
        "id": second_id,
        "title": "A-2026-00002",
        "subtitle": f"Anna Quandt · {clock.now().date().isoformat()} · open",
        "score": 225.0,  # order 195, a whole name word 20, the newest 10
    }


def test_orders_on_the_command_line(
    tmp_path: Path, sqlite_store: Store, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    import decimal
    import json

    from crm_desktop.cli.main import main
    from crm_desktop.services.orders import OrderInput, OrderLineInput, create_order

    with sqlite_store.session() as s:
        comp = c.create_company(s, c.CompanyInput(name="Metallbau Fröhlich GmbH"))
        line = [OrderLineInput("Tor", decimal.Decimal(1), decimal.Decimal(1200))]
        order = create_order(s, OrderInput(company_id=comp.id, lines=line), clock=clock)
        order_id, typed = order.id, order.number.lower().replace("-0000", "-")
    sqlite_store.dispose()
    data_dir = str(tmp_path / "data")  # the folder of sqlite_store
    assert main(["--data-dir", data_dir, "search", typed, "--json", "--kind", "order"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [(h["kind"], h["id"]) for h in hits] == [("order", order_id)]
    assert set(hits[0]) == {"kind", "id", "title", "subtitle", "score"}


def test_a_commit_without_documents_to_complete_looks_for_none(
    sqlite_store: Store, data: Ids, clock: FixedClock
) -> None:
    from sqlalchemy import event

    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(sqlite_store.engine, "before_cursor_execute", seen)
    try:
        with sqlite_store.reader() as s:  # read-only
            s.get(Person, data.goerlitz)
        with sqlite_store.session() as s:  # ORM writes: the flush writes whole documents
            person = s.get(Person, data.goerlitz)
            assert person is not None
            person.notes = "Fährt Rad"
        assert not [q for q in statements if "fields IS NULL" in q]
        with sqlite_store.session() as s:  # what a bulk load leaves: filled at the commit
            s.execute(text("UPDATE search_documents SET fields = NULL WHERE kind = 'person'"))
        assert [q for q in statements if "fields IS NULL" in q]
    finally:
        event.remove(sqlite_store.engine, "before_cursor_execute", seen)
    assert refs(find(sqlite_store, "Rad")) == [("person", data.goerlitz)]


def test_many_name_hits_rank_as_before(sqlite_store: Store, clock: FixedClock) -> None:
    """More people share a name than the page holds: whole name words before beginnings,
    companies before people, then the lowest ids (only the best of each are ranked)."""
    with sqlite_store.session() as s:
        firms = [c.create_company(s, c.CompanyInput(name=f"Becker Bau {i}")).id for i in (1, 2)]
        beckers = [
            c.create_person(s, c.PersonInput(given_name="Jo", family_name="Becker"), clock=clock).id
            for _ in range(60)
        ]
        beckmanns = [
            c.create_person(
                s, c.PersonInput(given_name="Jo", family_name="Beckmann"), clock=clock
            ).id
            for _ in range(3)
        ]
    whole = refs(find(sqlite_store, "Becker", limit=50))
    assert whole == [("company", i) for i in firms] + [("person", i) for i in beckers[:48]]
    begun = refs(find(sqlite_store, "Beck", limit=70))
    assert begun == (
        [("company", i) for i in firms] + [("person", i) for i in sorted(beckers + beckmanns)][:68]
    )
    both = refs(find(sqlite_store, "Jo Beckm"))
    assert both == [("person", i) for i in beckmanns]
    # only a page's worth of each kind is ranked, but the page is the same
    assert refs(find(sqlite_store, "Becker", limit=5)) == whole[:5]


def test_a_search_reads_past_the_orm(sqlite_store: Store, data: Ids) -> None:
    from sqlalchemy import event

    statements: list[object] = []
    with sqlite_store.reader() as s:
        event.listen(s, "do_orm_execute", lambda state: statements.append(state.statement))
        for typed in ("Görlitz", "Obermarkt", "Kowalsky", "0171 987", "A-2026-1"):
            search(s, typed)
    assert statements == []  # Core statements on the connection: no ORM work per read
