"""Search-as-you-type choices for the person and company pickers, on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import insert

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Company, Person
from crm_desktop.data.store import Store
from crm_desktop.services import contacts, pickers


def _fill(store: Store, clock: FixedClock) -> dict[str, int]:
    with store.session() as s:
        vogt = contacts.create_company(
            s, contacts.CompanyInput(name="Schreinerei Vogt", legal_form="GmbH")
        )
        uber = contacts.create_company(s, contacts.CompanyInput(name="Über Logistik AG"))
        contacts.create_company(s, contacts.CompanyInput(name="Ärzteverbund Nord"))
        gone = contacts.create_company(s, contacts.CompanyInput(name="Vogt Altbau"))
        gone.deleted_at = clock.now()
        s.flush()

        def person(given: str, family: str, company: int | None, *mails: str) -> int:
            p = contacts.create_person(
                s,
                contacts.PersonInput(
                    given_name=given,
                    family_name=family,
                    company_id=company,
                    emails=[contacts.EmailInput(address=m) for m in mails],
                ),
            )
            return p.id

        ids = {
            "Anna Schäfer": person("Anna", "Schäfer", vogt.id, "anna@schreinerei-vogt.de"),
            "Jonas Weiß": person(
                "Jonas", "Weiß", vogt.id, "j.weiss@schreinerei-vogt.de", "jonas@example.org"
            ),
            "Ümit Özdemir": person("Ümit", "Özdemir", uber.id),
            "Max Mustermann": person("Max", "Mustermann", None),
            "Otto Öhler": person("Otto", "Öhler", vogt.id),
        }
        gone_person = s.get(Person, person("Maxi", "Gelöscht", None))
        assert gone_person is not None
        gone_person.deleted_at = clock.now()
        s.execute(
            insert(Person),
            [
                {"given_name": f"Person{i:03d}", "family_name": "Zett", "company_id": None}
                for i in range(80)
            ],
        )
        s.flush()
        return {**ids, "vogt": vogt.id, "uber": uber.id, "gone": gone.id}


def test_people_match_every_word_in_name_or_company(store: Store, clock: FixedClock) -> None:
    ids = _fill(store, clock)
    with store.reader() as s:
        first = pickers.people(s, "")
        assert len(first) == pickers.LIMIT  # a page, not every person
        # German order: umlauts beside their base letter
        assert [c.name for c in first[:4]] == [
            "Max Mustermann",
            "Otto Öhler",
            "Ümit Özdemir",
            "Anna Schäfer",
        ]
        assert [c.label for c in pickers.people(s, "jonas vogt")] == [
            "Jonas Weiß – Schreinerei Vogt"
        ]
        # best matches first (the global search ranks them), in any case
        assert {c.id for c in pickers.people(s, "SCHREINEREI")} == {
            ids["Anna Schäfer"],
            ids["Jonas Weiß"],
            ids["Otto Öhler"],
        }
        assert [c.id for c in pickers.people(s, "Weis")] == [ids["Jonas Weiß"]]  # ß = ss
        # umlauts in any case, also on SQLite whose lower() folds ASCII only
        assert [c.id for c in pickers.people(s, "ümit")] == [ids["Ümit Özdemir"]]
        assert [c.id for c in pickers.people(s, "özd")] == [ids["Ümit Özdemir"]]
        assert [c.id for c in pickers.people(s, "über")] == [ids["Ümit Özdemir"]]
        # LIKE wildcards are taken literally; deleted people are never offered
        assert pickers.people(s, "%") == [] and pickers.people(s, "_") == []
        assert pickers.people(s, "Gelöscht") == []
        # one company's people in German order (Öhler among the O), without the person
        # being edited
        assert [c.id for c in pickers.people(s, "", company_id=ids["vogt"])] == [
            ids["Otto Öhler"],
            ids["Anna Schäfer"],
            ids["Jonas Weiß"],
        ]
        assert [
            c.id
            for c in pickers.people(s, "", company_id=ids["vogt"], exclude_id=ids["Anna Schäfer"])
        ] == [ids["Otto Öhler"], ids["Jonas Weiß"]]
        assert len(pickers.people(s, "", limit=10)) == 10
        one = pickers.person(s, ids["Jonas Weiß"])
        assert one is not None and one.company_id == ids["vogt"]
        assert one.company_name == "Schreinerei Vogt"
        assert pickers.person(s, None) is None and pickers.person(s, 999_999) is None


def test_companies_and_contacts_with_email(store: Store, clock: FixedClock) -> None:
    ids = _fill(store, clock)
    with store.reader() as s:
        assert [c.label for c in pickers.companies(s, "")] == [
            "Ärzteverbund Nord",  # German order: Ä among the A
            "Schreinerei Vogt GmbH",
            "Über Logistik AG",
        ]
        assert [c.id for c in pickers.companies(s, "vogt")] == [ids["vogt"]]  # not the deleted
        assert [c.id for c in pickers.companies(s, "gmbh")] == [ids["vogt"]]
        assert [c.id for c in pickers.companies(s, "", exclude_id=ids["vogt"])][1] == ids["uber"]
        chosen = pickers.company(s, ids["uber"])
        assert chosen is not None and chosen.label == "Über Logistik AG"
        assert pickers.company(s, ids["gone"]) is None

        found = pickers.people_with_email(s, "weiss")
        assert [(c.name, a) for c, a in found] == [
            ("Jonas Weiß", "j.weiss@schreinerei-vogt.de"),
            ("Jonas Weiß", "jonas@example.org"),
        ]
        # an address being typed
        typed = [a for _c, a in pickers.people_with_email(s, "J.Weiss@schr")]
        assert typed[0] == "j.weiss@schreinerei-vogt.de"
        assert len(pickers.people_with_email(s, "jonas")) == 2
        assert sorted(a for _c, a in pickers.people_with_email(s, "vogt")) == [
            "anna@schreinerei-vogt.de",
            "j.weiss@schreinerei-vogt.de",
            "jonas@example.org",
        ]
        assert pickers.first_email(s, ids["Jonas Weiß"]) == "j.weiss@schreinerei-vogt.de"
        assert pickers.first_email(s, ids["Max Mustermann"]) is None
        assert s.get(Company, ids["vogt"]) is not None
