"""Names sort in German order on SQLite and PostgreSQL, from an index (migration 0003)."""

from __future__ import annotations

import importlib.util

from sqlalchemy import insert, select, text

from crm_desktop.data import collation, migrate
from crm_desktop.data.models import Company, Person
from crm_desktop.data.store import Store
from crm_desktop.services.tree import sort_key

NAMES = ["Zimmer", "Özdemir", "Ahrens", "Äbel", "bode", "Böhm", "Weiß", "Weiss", "Ulm", "Übel"]
ORDER = ["Äbel", "Ahrens", "bode", "Böhm", "Özdemir", "Übel", "Ulm", "Weiß", "Weiss", "Zimmer"]


def test_people_and_companies_in_german_order(store: Store) -> None:
    with store.session() as s:
        s.execute(insert(Person), [{"given_name": "A", "family_name": n} for n in NAMES])
        s.execute(insert(Company), [{"name": n} for n in NAMES])
    with store.reader() as s:
        people = s.execute(
            select(Person.family_name).order_by(
                sort_key(Person.family_name), sort_key(Person.given_name), Person.id
            )
        ).scalars()
        companies = s.execute(
            select(Company.name).order_by(sort_key(Company.name), Company.id)
        ).scalars()
        assert list(people) == ORDER  # "Weiß" and "Weiss" share a key: older id first
        assert list(companies) == ORDER


def test_sqlite_walks_the_index(sqlite_store: Store) -> None:
    with sqlite_store.session() as s:  # a store with statistics, as the app keeps them
        s.execute(insert(Person), [{"given_name": "A", "family_name": f"N{i}"} for i in range(500)])
        s.execute(text("ANALYZE"))
    query = (
        select(Person.id)
        .where(Person.deleted_at.is_(None))
        .order_by(sort_key(Person.family_name), sort_key(Person.given_name), Person.id)
        .limit(50)
    )
    with sqlite_store.reader() as s:
        sql = str(query.compile(s.get_bind(), compile_kwargs={"literal_binds": True}))
        plan = " ".join(str(row[-1]) for row in s.execute(text("EXPLAIN QUERY PLAN " + sql)))
    assert "ix_people_german_order" in plan and "TEMP B-TREE" not in plan


def test_the_migration_spells_the_same_key() -> None:
    path = migrate.MIGRATIONS_DIR / "versions" / "0003_german_name_order.py"
    spec = importlib.util.spec_from_file_location("m0003", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.key_sql("family_name") == collation.german_key_sql("family_name")
    rendered = str(
        collation.german_key(Person.__table__.c.family_name).compile(
            compile_kwargs={"literal_binds": True}
        )
    )
    assert rendered == collation.german_key_sql("people.family_name")
