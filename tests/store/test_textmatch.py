"""One text match (services/textmatch) behind every search field, on SQLite and PostgreSQL:
umlauts in any case and spelling, ß/ss, accents, and ``%``/``_`` taken literally — the
same in the people list, the pickers, the tree filter, orders and the global search."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from crm_desktop.data.models import Company, Person
from crm_desktop.data.store import Store
from crm_desktop.services import contacts as c
from crm_desktop.services import pickers, search, textmatch, tree
from crm_desktop.services.peoplelist import PeopleFilter, matching_ids

PEOPLE = {
    # name: company
    "Ümit Özdemir": "Kern Logistik",
    "Karl Übel": "Kern Logistik",
    "Jörg Mueller": "Kern Logistik",
    "Joel Kern": "Kern Logistik",
    "José Peña": "Kern Logistik",
    "Lena Straßer": "Hauptstraße Getränke",
    "Paul Probst": "50% Rabatt KG",
    "Rita Roth": "500 Werke AG",
    "Ina Iks": "a_b Logistik",
    "Otto Ohm": "axb Logistik",
}


@pytest.fixture
def filled(store: Store) -> dict[str, int]:
    with store.session() as s:
        companies = {
            name: c.create_company(s, c.CompanyInput(name=name)).id
            for name in dict.fromkeys(PEOPLE.values())
        }
        for full, company in PEOPLE.items():
            given, family = full.split()
            c.create_person(
                s,
                c.PersonInput(given_name=given, family_name=family, company_id=companies[company]),
            )
        s.flush()
    return companies


def _people_list(store: Store, typed: str) -> set[str]:
    with store.reader() as s:
        ids = matching_ids(s, PeopleFilter(text=typed))
        rows = s.execute(select(Person.given_name, Person.family_name).where(Person.id.in_(ids)))
        return {f"{g} {f}" for g, f in rows}


def _picker_people(store: Store, typed: str, company_id: int) -> set[str]:
    with store.reader() as s:
        return {p.name for p in pickers.people(s, typed, company_id=company_id)}


def _picker_companies(store: Store, typed: str) -> set[str]:
    with store.reader() as s:
        return {ch.label for ch in pickers.companies(s, typed)}


def _tree(store: Store, typed: str) -> set[str]:
    with store.reader() as s:
        return {n.label for n in tree.children_page(s, None, filter_text=typed).nodes}


def _search_people(store: Store, typed: str) -> set[str]:
    with store.reader() as s:
        return {h.title for h in search.search(s, typed, kinds=("person",))}


@pytest.mark.parametrize(
    ("typed", "person"),
    [
        ("özdemir", "Ümit Özdemir"),
        ("Özdemir", "Ümit Özdemir"),
        ("ÖZDEMIR", "Ümit Özdemir"),
        ("oezdemir", "Ümit Özdemir"),
        ("ozdemir", "Ümit Özdemir"),
        ("übel", "Karl Übel"),
        ("Uebel", "Karl Übel"),
        ("ubel", "Karl Übel"),
        ("Müller", "Jörg Mueller"),
        ("muller", "Jörg Mueller"),
        ("joerg", "Jörg Mueller"),
        ("Straßer", "Lena Straßer"),
        ("strasser", "Lena Straßer"),
        ("pena", "José Peña"),
        ("JOSE", "José Peña"),
    ],
)
def test_umlauts_and_spellings_everywhere(
    store: Store, filled: dict[str, int], typed: str, person: str
) -> None:
    kern = filled["Kern Logistik"]
    assert person in _people_list(store, typed), "people list"
    assert person in _tree(store, typed), "tree"
    assert person in _search_people(store, typed), "search"
    if PEOPLE[person] == "Kern Logistik":
        assert person in _picker_people(store, typed, kern), "picker"


@pytest.mark.parametrize("typed", ["Straße", "strasse", "STRASSE", "hauptstrasse"])
def test_strasse_finds_the_company_everywhere(
    store: Store, filled: dict[str, int], typed: str
) -> None:
    assert "Hauptstraße Getränke" in _picker_companies(store, typed)
    assert "Hauptstraße Getränke" in _tree(store, typed)
    assert "Lena Straßer" in _people_list(store, typed)


def test_part_of_a_word_still_matches(store: Store, filled: dict[str, int]) -> None:
    # the loose form of "Joel" is "jol": the plain form keeps "el" finding it
    assert "Joel Kern" in _people_list(store, "oel")
    assert "Joel Kern" in _people_list(store, "el")
    assert "Joel Kern" in _picker_people(store, "el", filled["Kern Logistik"])
    assert "Joel Kern" in _tree(store, "el")


@pytest.mark.parametrize(
    ("typed", "company", "person", "not_company"),
    [
        ("50%", "50% Rabatt KG", "Paul Probst", "500 Werke AG"),
        ("a_b", "a_b Logistik", "Ina Iks", "axb Logistik"),
    ],
)
def test_percent_and_underscore_are_literal(
    store: Store, filled: dict[str, int], typed: str, company: str, person: str, not_company: str
) -> None:
    assert _picker_companies(store, typed) == {company}
    assert _people_list(store, typed) == {person}
    assert _tree(store, typed) == {company}
    with store.reader() as s:
        assert s.scalars(
            select(Company.name).where(textmatch.contains(Company.name, typed))
        ).all() == [company]
    assert not_company not in _picker_companies(store, typed)


def test_backslash_is_literal(store: Store) -> None:
    with store.session() as s:
        c.create_company(s, c.CompanyInput(name="Back\\slash GmbH"))
        c.create_company(s, c.CompanyInput(name="Backslash GmbH"))
        s.flush()
    with store.reader() as s:
        names = s.scalars(select(Company.name).where(textmatch.contains(Company.name, "k\\s")))
        assert list(names) == ["Back\\slash GmbH"]


def test_sql_fold_equals_python_fold(store: Store) -> None:
    samples = [
        "Özdemir",
        "ÜBEL",
        "Straße",
        "STRAẞE",
        "Ærø Œuvre",
        "Łódź Dvořák",
        "Ångström",
        "Ðorđe Þór",
        "Oezdemir",
        "o\u0308zdemir",  # decomposed ö
        "İstanbul ıspanak",
        "50% a_b c\\d",
    ]
    with store.session() as s:
        for name in samples:
            c.create_company(s, c.CompanyInput(name=name))
        s.flush()
        rows = s.execute(
            select(
                Company.name, textmatch.folded_letters(Company.name), textmatch.folded(Company.name)
            )
        ).all()
    assert len(rows) == len(samples)
    for name, letters, loose in rows:
        assert letters == textmatch.fold_letters(name), name
        assert loose == textmatch.fold(name), name


def test_python_rules() -> None:
    assert textmatch.fold("Özdemir") == textmatch.fold("Oezdemir") == "ozdemir"
    assert textmatch.fold_letters("Oezdemir") == "oezdemir"
    assert textmatch.fold("Straße") == textmatch.fold("STRASSE") == "strasse"
    assert textmatch.fold_letters("Crème Brûlée") == "creme brulee"
    assert textmatch.escape_like("50%_a\\b") == "50\\%\\_a\\\\b"
    assert textmatch.escape_like("a!b%", escape="!") == "a!!b!%"
    assert textmatch.matches("Joel Kern", "el")
    assert textmatch.matches("Ümit Özdemir", "oezd")
    assert not textmatch.matches("500 Werke", "50%")
    assert textmatch.matches_all("Hauptstraße Getränke", "strasse getranke")
