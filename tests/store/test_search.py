"""Global search on SQLite (FTS5) and PostgreSQL (tsvector): prefixes, umlauts,
transliterations, typos, ticket numbers, ranking, hostile input, and an index that
follows edits, soft deletes, restores and hard deletes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import (
    Activity,
    ActivityKind,
    CompanyStatus,
    Project,
    Ticket,
    TicketStatus,
)
from crm_desktop.data.store import Store
from crm_desktop.services import contacts as c
from crm_desktop.services.search import (
    SearchHit,
    find_ticket_number,
    fold,
    fts5_query,
    search,
    tsquery,
)


@dataclass
class Ids:
    mueller_gmbh: int
    juergen: int
    anna: int
    peter: int
    strauss: int
    activity: int
    ticket: int
    project: int


@pytest.fixture
def data(store: Store, clock: FixedClock) -> Ids:
    with store.session() as s:
        comp = c.create_company(
            s,
            c.CompanyInput(
                name="Müller Maschinenbau GmbH",
                legal_form="GmbH",
                status=CompanyStatus.CUSTOMER,
                emails=[c.EmailInput("info@mueller-maschinenbau.de")],
            ),
        )
        other = c.create_company(s, c.CompanyInput(name="Nordlicht Logistik AG"))
        juergen = c.create_person(
            s,
            c.PersonInput(
                given_name="Jürgen",
                family_name="Müller",
                position="Vertriebsleiter",
                company_id=comp.id,
                phones=[c.PhoneInput("+49 711 2345678")],
            ),
            clock=clock,
        )
        anna = c.create_person(
            s,
            c.PersonInput(given_name="Anna", family_name="Schäfer", company_id=other.id),
            clock=clock,
        )
        peter = c.create_person(
            s, c.PersonInput(given_name="Peter", family_name="Weiß", title="Dr."), clock=clock
        )
        strauss = c.create_person(
            s, c.PersonInput(given_name="Sabine", family_name="Strauß"), clock=clock
        )
        act = Activity(
            kind=ActivityKind.CALL,
            occurred_at=clock.now() - dt.timedelta(days=2),
            subject="Rückruf Liefertermin",
            text="Herr Müller fragt nach dem Liefertermin für die Hydraulikpresse.",
            person_id=juergen.id,
            company_id=comp.id,
        )
        ticket = Ticket(
            number="T-2026-00042",
            title="Maschine steht still",
            status=TicketStatus.OPEN,
            person_id=juergen.id,
            company_id=comp.id,
            description="Fehlercode E17 an der Presse",
            opened_at=clock.now(),
        )
        project = Project(name="Retrofit Fräszentrum", company_id=comp.id, description="Umbau 2027")
        s.add_all([act, ticket, project])
        s.flush()
        return Ids(
            comp.id, juergen.id, anna.id, peter.id, strauss.id, act.id, ticket.id, project.id
        )


def find(store: Store, text: str, **kw: object) -> list[SearchHit]:
    with store.reader() as s:
        return search(s, text, **kw)  # type: ignore[arg-type]


def refs(hits: list[SearchHit]) -> list[tuple[str, int]]:
    return [(h.kind, h.ref_id) for h in hits]


# ---------------------------------------------------------------- pure helpers


def test_ticket_numbers_are_recognised() -> None:
    assert find_ticket_number("T-2026-00042") == "T-2026-00042"
    assert find_ticket_number("t-2026-42") == "T-2026-00042"
    assert find_ticket_number("2026-00042") == "T-2026-00042"
    assert find_ticket_number("Ticket T-2024-7 bitte") == "T-2024-00007"
    assert find_ticket_number("T2026-5") == "T-2026-00005"
    assert find_ticket_number("Angebot 2026-17 nachfassen") is None  # no T: only alone
    assert find_ticket_number("0711-1234") is None
    assert find_ticket_number("Müller") is None


def test_fold_and_queries() -> None:
    assert fold("Müller") == fold("Mueller") == fold("MULLER") == "muller"
    assert fold("Strauß") == fold("Strauss")
    assert fold("Yılmaz") == "yilmaz"
    assert fts5_query('"Müller" AND (x*') == '"müller" AND "and" AND "x"*'
    assert fts5_query('"*-(') is None
    assert tsquery("hans mül") == "hans & mül:*"


# ---------------------------------------------------------------- both backends


def test_prefix_and_umlauts(store: Store, data: Ids) -> None:
    for typed in ("mül", "Mül", "MÜLLER", "muell", "Mueller", "muller"):
        found = refs(find(store, typed))
        assert ("person", data.juergen) in found, typed
        assert ("company", data.mueller_gmbh) in found, typed
    assert refs(find(store, "Jürgen Mü"))[0] == ("person", data.juergen)
    assert ("person", data.anna) in refs(find(store, "schafer"))
    assert ("person", data.peter) in refs(find(store, "Weiss"))
    assert ("person", data.strauss) in refs(find(store, "strauss"))


def test_names_rank_before_activities(store: Store, data: Ids) -> None:
    hits = find(store, "Müller")
    kinds = [h.kind for h in hits]
    assert ("activity", data.activity) in refs(hits)
    assert kinds.index("activity") > max(kinds.index("person"), kinds.index("company"))
    assert hits == sorted(hits, key=lambda h: -h.score)
    person = next(h for h in hits if h.kind == "person")
    assert person.title == "Jürgen Müller"
    assert person.subtitle == "Müller Maschinenbau GmbH · Vertriebsleiter"


def test_typos_fall_back_to_fuzzy_names(store: Store, data: Ids) -> None:
    assert ("person", data.juergen) in refs(find(store, "Muler"))
    assert ("person", data.anna) in refs(find(store, "Schaefr"))
    assert refs(find(store, "Nordlihct"))[0][0] == "company"
    assert find(store, "Xyzzyq") == []


def test_activity_text_email_and_phone(store: Store, data: Ids) -> None:
    assert refs(find(store, "Hydraulikpr")) == [("activity", data.activity)]
    assert refs(find(store, "Liefertermin"))[0] == ("activity", data.activity)
    assert ("person", data.juergen) in refs(find(store, "Vertriebsleiter"))
    assert ("company", data.mueller_gmbh) in refs(find(store, "info mueller"))
    assert ("project", data.project) in refs(find(store, "Retrofit"))


def test_ticket_number_comes_first(store: Store, data: Ids) -> None:
    for typed in ("T-2026-00042", "t-2026-42", "2026-00042", "T-2026-0042"):
        hits = find(store, typed)
        assert refs(hits)[0] == ("ticket", data.ticket), typed
        assert hits[0].title == "T-2026-00042 Maschine steht still"
    assert refs(find(store, "Fehlercode"))[0] == ("ticket", data.ticket)
    assert all(h.score < 1000 for h in find(store, "T-2026-00043"))  # no such ticket


HOSTILE = [
    '"', "*", "AND", "OR", "NOT", "-", "(", ")", "NEAR(", "{title}:", "^", "a\"b", "%", "_",
    "\\", "'; DROP TABLE people; --", "   ", "", "Müller*", "Müller -Schäfer", "x:*", "a & b | !c",
    "\x00", "🙂", "T-", "2026-", "title:foo", "𝔐ü𝔩𝔩𝔢𝔯",
]  # fmt: skip


def test_hostile_input_never_raises(store: Store, data: Ids) -> None:
    for typed in HOSTILE:
        hits = find(store, typed)
        assert isinstance(hits, list), typed
        assert all(isinstance(h, SearchHit) for h in hits), typed


def test_kinds_and_limit(store: Store, data: Ids) -> None:
    only = find(store, "Müller", kinds=["activity"])
    assert refs(only) == [("activity", data.activity)]
    assert [h.kind for h in find(store, "Müller", kinds=["company"])] == ["company"]
    assert len(find(store, "Müller", limit=1)) == 1
    assert find(store, "Müller", limit=0) == []


def test_edits_and_deletes_keep_the_index_in_sync(
    store: Store, data: Ids, clock: FixedClock
) -> None:
    assert ("person", data.anna) in refs(find(store, "Schäfer"))  # vocabulary is read now
    with store.session() as s:
        c.update_person(s, data.anna, {"family_name": "Becker"}, clock=clock)
    assert ("person", data.anna) not in refs(find(store, "Schäfer"))
    assert ("person", data.anna) not in refs(find(store, "Schafer"))  # no stale typo hit
    assert refs(find(store, "Becker")) == [("person", data.anna)]

    with store.session() as s:
        act = s.get(Activity, data.activity)
        assert act is not None
        act.text = "Kunde wünscht Angebot für Ersatzteile."
    assert refs(find(store, "Hydraulikpresse")) == []
    assert refs(find(store, "Ersatzteile")) == [("activity", data.activity)]

    # soft delete (trash), restore, and the hard delete of purging the trash
    with store.session() as s:
        c.delete_person(s, data.juergen, clock=clock)
    assert ("person", data.juergen) not in refs(find(store, "Jürgen"))
    assert ("person", data.juergen) not in refs(find(store, "Jurgn"))
    with store.session() as s:
        c.restore_person(s, data.juergen)
    assert ("person", data.juergen) in refs(find(store, "Jürgen"))
    with store.session() as s:
        c.delete_person(s, data.juergen, clock=clock)
        c.purge_trash(s)
    assert ("person", data.juergen) not in refs(find(store, "Jürgen Müller"))
    assert ("person", data.juergen) not in refs(find(store, "Muler"))

    with store.session() as s:
        ticket = s.get(Ticket, data.ticket)
        assert ticket is not None
        ticket.deleted_at = clock.now()
    assert ("ticket", data.ticket) not in refs(find(store, "T-2026-00042"))


def test_new_records_are_found_by_an_existing_vocabulary(
    store: Store, data: Ids, clock: FixedClock
) -> None:
    assert find(store, "Zwölfer") == []
    with store.session() as s:
        pid = c.create_person(
            s, c.PersonInput(given_name="Örjan", family_name="Zwölfer"), clock=clock
        ).id
    assert refs(find(store, "zwolf")) == [("person", pid)]
    assert refs(find(store, "Zwolfr")) == [("person", pid)]
