"""Duplicate detection: name normalisation, scoring, the labelled set, entry check."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Address, Email, Person, Phone
from crm_desktop.data.store import Store
from crm_desktop.errors import ValidationError
from crm_desktop.services import contacts as c
from crm_desktop.services import dedup as d
from crm_desktop.services.dedup import bulk as dbulk

LABELLED = Path(__file__).resolve().parents[1] / "data" / "dedup_labelled.json"


def P(pid: int, given: str, family: str, **kw: object) -> d.PersonRec:
    return d.make_person_rec(pid, given, family, **kw)  # type: ignore[arg-type]


def test_name_keys_fold_umlauts_titles_and_particles() -> None:
    for a, b in [("Müller", "Mueller"), ("Müller", "Muller"), ("Mueller", "Muller")]:
        assert d.name_key(a).key == d.name_key(b).key
    assert d.name_key("Weiß").key == d.name_key("Weiss").key
    assert d.name_key("Jürgen").key == d.name_key("JUERGEN").key
    assert d.name_key("José").key == d.name_key("Jose").key
    assert d.name_key("Prof. Dr. Klaus").key == "klaus"
    assert d.name_key("von Weizsäcker").key == d.name_key("Weizsaecker").key
    assert d.name_key("Müller-Lüdenscheidt").toks == ("muller", "ludenscheidt")
    assert d.name_key("H.-P.").initials
    assert d.name_key("Hans jun.").generation == "jun"
    assert d.name_key("Sepp").canon == d.name_key("Josef").canon
    assert d.phonetic("Meier") == d.phonetic("Mayer") == d.phonetic("Maier")


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        (("Jürgen", "Müller"), ("Juergen", "Mueller"), d.R_UMLAUT),
        (("Hans", "Weiß"), ("Hans", "Weiss"), d.R_UMLAUT),
        (("Max", "Müller"), ("Müller", "Max"), d.R_SWAPPED),
        (("", "Max Müller"), ("Max", "Müller"), d.R_SPLIT),
        (("Klaus", "Hinrichsen"), ("Klaus", "Hinrichsne"), d.R_TYPO),
        (("Josef", "Schneider"), ("Jsoef", "Schneider"), d.R_TYPO),
        (("M.", "Müller"), ("Max", "Müller"), d.R_INITIAL),
        (("Sepp", "Huber"), ("Josef", "Huber"), d.R_NICKNAME),
        (("Hans-Peter", "Ostendorp"), ("Hans", "Ostendorp"), d.R_GIVEN_PART),
        (("Stefan", "Fischer"), ("Stephan", "Fischer"), d.R_VARIANT),
        (("Sabine", "Schmitz"), ("Sabine", "Schmitz-Becker"), d.R_FAMILY_PART),
        (("", "Fischer"), ("Heike", "Fischer"), d.R_GIVEN_MISSING),
    ],
)
def test_name_reasons(a: tuple[str, str], b: tuple[str, str], reason: str) -> None:
    mail = ["same@example.org"]
    score, reasons = d.score_people(P(1, *a, emails=mail), P(2, *b, emails=mail))
    assert reason in reasons
    assert score >= d.DEFAULT_MIN_SCORE
    assert d.R_SAME_EMAIL in reasons


def test_evidence_adds_and_contradictions_cap() -> None:
    born = dt.date(1970, 5, 17)
    home = [("80331", "Hauptstraße 1", "München")]
    same = d.score_people(
        P(1, "Jürgen", "Weiß", birth_date=born, phones=["+491711234567"], addresses=home),
        P(
            2,
            "Juergen",
            "Weiss",
            birth_date=born,
            phones=["+491711234567"],
            addresses=[("80331", "Hauptstr. 1", "München")],
        ),
    )
    assert same[0] == 100
    assert {d.R_SAME_BIRTH, d.R_SAME_PHONE, d.R_SAME_ADDRESS} <= set(same[1])
    # namesakes: other birth date, other city
    s, reasons = d.score_people(
        P(1, "Thomas", "Müller", birth_date=born, addresses=home),
        P(
            2,
            "Thomas",
            "Müller",
            birth_date=dt.date(1981, 2, 3),
            addresses=[("10115", "Weg 1", "Berlin")],
        ),
    )
    assert s < d.DEFAULT_MIN_SCORE and d.R_OTHER_BIRTH in reasons
    # a typo in the birth date is no contradiction
    s, reasons = d.score_people(
        P(1, "Thomas", "Müller", birth_date=born),
        P(2, "Thomas", "Müller", birth_date=dt.date(1970, 5, 18)),
    )
    assert s >= d.DEFAULT_MIN_SCORE and d.R_NEAR_BIRTH in reasons


def test_siblings_twins_spouses_and_gendered_names_are_not_duplicates() -> None:
    home = [("80331", "Hauptstraße 1", "München")]
    phone = ["+49891234567"]
    mailbox = ["familie.mueller@web.de"]
    for a, b in [
        ("Anna", "Paul"),
        ("Lena", "Lina"),
        ("Daniel", "Daniela"),
        ("Christian", "Christiane"),
        ("Mario", "Maria"),
        ("Alexander", "Alexandra"),
        ("Jan", "Jana"),
    ]:
        score, _ = d.score_people(
            P(1, a, "Müller", addresses=home, phones=phone, emails=mailbox),
            P(2, b, "Müller", addresses=home, phones=phone, emails=mailbox),
        )
        assert score < d.DEFAULT_MIN_SCORE, (a, b)
    score, _ = d.score_people(
        P(1, "Max", "Müller", salutation="Herr", emails=mailbox),
        P(2, "Max", "Müller", salutation="Frau", emails=mailbox),
    )
    assert score < d.DEFAULT_MIN_SCORE
    score, reasons = d.score_people(
        P(1, "Hans jun.", "Müller", addresses=home, phones=phone),
        P(2, "Hans sen.", "Müller", addresses=home, phones=phone),
    )
    assert score < d.DEFAULT_MIN_SCORE and d.R_OTHER_GENERATION in reasons


def test_company_names_ignore_legal_forms_and_and() -> None:
    C = d.make_company_rec
    for a, b in [
        ("Müller Bau GmbH", "Mueller Bau GmbH & Co. KG"),
        ("Schulz & Partner", "Schulz und Partner GbR"),
        ("Bäckerei Schulz e.K.", "Baeckerei Schulz"),
        ("ACME Ltd", "ACME Inc."),
    ]:
        score, reasons = d.score_companies(C(1, a), C(2, b))
        assert score >= d.DEFAULT_MIN_SCORE, (a, b, reasons)
    score, _ = d.score_companies(C(1, "Müller Bau GmbH"), C(2, "Müller Haustechnik GmbH"))
    assert score == 0
    score, reasons = d.score_companies(
        C(1, "Alpha Consulting", vat_id="DE136695976"),
        C(2, "Alpha Beratung AG", vat_id="DE 136695976"),
    )
    assert score >= d.DEFAULT_MIN_SCORE and d.R_SAME_VAT in reasons
    score, _ = d.score_companies(
        C(1, "Müller GmbH", vat_id="DE136695976"), C(2, "Müller GmbH", vat_id="DE111111125")
    )
    assert score < d.DEFAULT_MIN_SCORE
    # a branch is never a duplicate of its parent
    assert d.score_companies(C(1, "Müller Bau"), C(2, "Müller Bau", parent_id=1))[0] == 0


def _load_labelled(store: Store) -> tuple[dict[str, object], dict[str, int]]:
    data = json.loads(LABELLED.read_text(encoding="utf-8"))
    ids: dict[str, int] = {}
    with store.session() as s:
        objs = {}
        for p in data["people"]:
            person = Person(
                salutation=p["salutation"],
                title=p["title"],
                given_name=p["given"],
                family_name=p["family"],
                birth_date=dt.date.fromisoformat(p["birth_date"]) if p["birth_date"] else None,
                emails=[Email(address=e) for e in p["emails"]],
                phones=[Phone(number=n) for n in p["phones"]],
                addresses=[Address(**a) for a in p["addresses"]],
            )
            s.add(person)
            objs[p["key"]] = person
        s.flush()
        ids = {k: o.id for k, o in objs.items()}
    return data, ids


def test_labelled_set_precision_and_recall(sqlite_store: Store) -> None:
    data, ids = _load_labelled(sqlite_store)
    truth = {tuple(sorted((ids[a], ids[b]))) for a, b in data["duplicates"]}  # type: ignore[union-attr]
    assert len(data["people"]) >= 380 and len(truth) >= 60  # type: ignore[arg-type]
    seen: list[tuple[int, int]] = []
    with sqlite_store.reader() as s:
        found = d.find_duplicates(s, entity="people", progress=lambda n, t: seen.append((n, t)))
    got = {(p.a, p.b) for p in found}
    tp = len(got & truth)
    precision, recall = tp / len(got), tp / len(truth)
    assert precision >= 0.95, precision
    assert recall >= 0.90, recall
    assert seen and seen[-1][0] == seen[-1][1]
    assert all(p.a < p.b and 0 <= p.score <= 100 and p.reasons for p in found)
    # hard negatives stay apart
    negatives = {tuple(sorted((ids[a], ids[b]))) for a, b, _kind in data["hard_negatives"]}  # type: ignore[union-attr]
    assert not got & negatives


def test_find_duplicates_companies_and_ignored_pairs(sqlite_store: Store) -> None:
    with sqlite_store.session() as s:
        a = c.create_company(s, c.CompanyInput(name="Müller Bau GmbH", website="mueller-bau.de"))
        b = c.create_company(
            s, c.CompanyInput(name="Mueller Bau", website="https://www.mueller-bau.de/")
        )
        c.create_company(s, c.CompanyInput(name="Schreinerei Koch"))
        p1 = c.create_person(s, c.PersonInput(given_name="Jürgen", family_name="Weiß"))
        p2 = c.create_person(s, c.PersonInput(given_name="Juergen", family_name="Weiss"))
        ids = (a.id, b.id, p1.id, p2.id)
    with sqlite_store.reader() as s:
        both = d.find_duplicates(s, entity="both")
    assert [(p.entity, p.a, p.b) for p in both] == [
        ("company", ids[0], ids[1]),
        ("person", ids[2], ids[3]),
    ] or {(p.entity, p.a, p.b) for p in both} == {
        ("company", ids[0], ids[1]),
        ("person", ids[2], ids[3]),
    }
    company = next(p for p in both if p.entity == "company")
    assert d.R_SAME_WEBSITE in company.reasons
    with sqlite_store.session() as s:
        d.ignore_pair(s, "person", ids[3], ids[2])
        d.ignore_pair(s, "person", ids[2], ids[3])  # only once
        assert d.ignored_pairs(s) == {("person", ids[2], ids[3])}
    with sqlite_store.reader() as s:
        assert [p.entity for p in d.find_duplicates(s, entity="both")] == ["company"]
        assert len(d.find_duplicates(s, entity="people", include_ignored=True)) == 1
    with sqlite_store.session() as s:
        d.unignore_pair(s, "person", ids[2], ids[3])
        assert d.ignored_pairs(s) == set()
    with sqlite_store.reader() as s, pytest.raises(ValidationError):
        d.find_duplicates(s, entity="robots")  # type: ignore[arg-type]


def test_check_new_person_uses_indexed_lookups(store: Store, clock: FixedClock) -> None:
    with store.session() as s:
        comp = c.create_company(s, c.CompanyInput(name="Weiß & Söhne KG"))
        j = c.create_person(
            s,
            c.PersonInput(
                given_name="Jürgen",
                family_name="Weiß",
                birth_date=dt.date(1970, 5, 17),
                company_id=comp.id,
                emails=[c.EmailInput("jw1970@example.de")],
                phones=[c.PhoneInput("0171 1234567")],
            ),
            clock=clock,
        )
        m = c.create_person(s, c.PersonInput(given_name="Klaus", family_name="Meier"), clock=clock)
        married = c.create_person(
            s,
            c.PersonInput(
                given_name="Sabine",
                family_name="Becker",
                birth_date=dt.date(1980, 3, 4),
                phones=[c.PhoneInput("0176 5554443")],
            ),
            clock=clock,
        )
        for i in range(30):  # noise
            c.create_person(
                s, c.PersonInput(given_name=f"Anna{i}", family_name="Weissmann"), clock=clock
            )
        ids = {"j": j.id, "m": m.id, "married": married.id}
    with store.reader() as s:
        found = d.check_new_person(s, "Juergen", "Weiss")
        assert found[0].person_id == ids["j"]
        assert found[0].company == "Weiß & Söhne KG"
        assert found[0].birth_date == dt.date(1970, 5, 17)
        assert d.R_UMLAUT in found[0].reasons
        assert found[0].full_name == "Jürgen Weiß"
        # swapped, with a typo, found through the e-mail name at another domain
        found = d.check_new_person(s, "Weis", "Jürgen", emails=["jw1970@gmail.com"])
        assert found and found[0].person_id == ids["j"]
        # sounds alike
        found = d.check_new_person(s, "Klaus", "Mayer")
        assert [f.person_id for f in found] == [ids["m"]]
        # married name: same birth date and phone
        found = d.check_new_person(
            s, "Sabine", "Schmitz", birth_date=dt.date(1980, 3, 4), phones=["+49 176 5554443"]
        )
        assert found and found[0].person_id == ids["married"]
        assert d.R_SAME_BIRTH in found[0].reasons and d.R_SAME_PHONE in found[0].reasons
        assert d.check_new_person(s, "Jürgen", "Weiß", exclude_id=ids["j"]) == []
        assert d.check_new_person(s, "Otto", "Unbekannt", phones=["kaputt"]) == []
        assert len(d.check_new_person(s, "Anna1", "Weissmann", limit=3)) <= 3


# ---------------------------------------------------------------- bulk search: fast path = plain path


def _people_records() -> list[d.PersonRec]:
    """The labelled people plus crowds that make big blocks (more than SMALL_BLOCK
    members: a common family name, one e-mail name at many domains, one full name, one
    phone number shared by people with and without names)."""
    data = json.loads(LABELLED.read_text(encoding="utf-8"))
    recs = [
        d.make_person_rec(
            n,
            p["given"],
            p["family"],
            title=p["title"],
            salutation=p["salutation"],
            birth_date=dt.date.fromisoformat(p["birth_date"]) if p["birth_date"] else None,
            emails=p["emails"],
            phones=p["phones"],
            addresses=[(a["postcode"], a["street"], a["city"]) for a in p["addresses"]],
        )
        for n, p in enumerate(data["people"], 1)
    ]
    given = [
        "Max",
        "Maximilian",
        "M.",
        "",
        "Markus",
        "Marcus",
        "Maria",
        "Mia",
        "Moritz",
        "Max jun.",
    ]
    family = ["Müller", "Mueller", "Muller", "Müller-Lüdenscheidt", "Miller"]
    for k in range(60):
        recs.append(
            d.make_person_rec(
                len(recs) + 1,
                given[k % len(given)],
                family[k % len(family)],
                salutation=("Herr", "Frau", None)[k % 3],
                birth_date=dt.date(1970 + k % 3, 5, 17 + k % 2) if k % 4 else None,
                company_id=k % 2 or None,
                emails=[f"max.mueller{'' if k % 5 else k}@firma{k % 7}.de"],
                phones=[f"+4917{k % 4}123456", "+49891234567"][: 1 + k % 2],
                addresses=[("80331", f"Hauptstraße {k % 3}", "München")] if k % 3 else [],
            )
        )
    for _ in range(15):
        recs.append(d.make_person_rec(len(recs) + 1, "Anna", "Schmidt"))
    names = [("", ""), ("Max", "Müller"), ("", "Müller"), ("Max", ""), ("Anna", "Schmidt")]
    for k in range(20):  # one switchboard number, some without a name
        given, family = names[k % len(names)]
        recs.append(d.make_person_rec(len(recs) + 1, given, family, phones=["+49301111111"]))
    return recs


def _companies() -> list[d.CompanyRec]:
    names = [
        "Müller Bau GmbH",
        "Mueller Bau",
        "Bau Müller AG",
        "MüllerBau GmbH & Co. KG",
        "Müller Bauunternehmen",
        "Müller Haustechnik GmbH",
        "Schreinerei Koch e.K.",
        "Koch Schreinerei",
        "Schreinerei Kochs",
    ]
    out = []
    for k in range(72):
        out.append(
            d.make_company_rec(
                k + 1,
                names[k % len(names)],
                legal_form=("GmbH", None, None)[k % 3],
                parent_id=k if k % 11 == 5 else None,
                vat_id=(None, "DE136695976", "DE111111125", None)[k % 4],
                website=(None, "mueller-bau.de", "https://www.koch.de/")[k % 3],
                emails=[f"info@{('mueller-bau.de', 'gmx.de', 'koch.de')[k % 3]}"],
                phones=[f"+49891234{k % 5}"],
                addresses=[("80331", f"Hauptstraße {k % 2}", "München")] if k % 4 else [],
            )
        )
    return out


@pytest.mark.parametrize("min_score", [0, 30, 60, 80])
def test_vectorised_bulk_search_equals_plain_one(
    monkeypatch: pytest.MonkeyPatch, min_score: int
) -> None:
    pytest.importorskip("numpy")
    people, companies = _people_records(), _companies()
    fast = d.find_people_duplicates(people, min_score=min_score, use_model=False)
    fast_c = d.find_company_duplicates(companies, min_score=min_score)
    monkeypatch.setattr(dbulk, "_NUMPY", False)
    assert fast == d.find_people_duplicates(people, min_score=min_score, use_model=False)
    assert fast_c == d.find_company_duplicates(companies, min_score=min_score)
    assert fast and fast_c


def test_score_bounds_hold_for_every_pair() -> None:
    np = pytest.importorskip("numpy")
    people = _people_records()
    counts = dbulk._name_counts(people)
    i, j = np.triu_indices(len(people), 1)
    bounds = dbulk._people_bounds(people, counts, i, j, 0)
    for a, b, bound in zip(i.tolist(), j.tolist(), bounds.tolist(), strict=True):
        x, y = people[a], people[b]
        count = counts[(x.given.key, x.family.key)] if x.given.key == y.given.key else 0
        assert d.score_people(x, y, name_count=count)[0] <= bound, (x, y, bound)
    companies = _companies()
    i, j = np.triu_indices(len(companies), 1)
    bounds = dbulk._company_bounds(companies, i, j)
    for a, b, bound in zip(i.tolist(), j.tolist(), bounds.tolist(), strict=True):
        assert d.score_companies(companies[a], companies[b])[0] <= bound
