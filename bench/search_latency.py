"""In-process latency of the global search on a demo store (p50/p95 per kind of query).

    python bench/search_latency.py DIR [--people 100000] [--seed 1] [--rounds 40]

DIR is a data folder: a demo store with ``--people`` people is generated there when it
holds none yet (and its search fields are filled, timed), else the store in it is used.
The queries are drawn from the store: names (given and family name, the family name
alone, as-you-type prefixes), e-mail addresses, cities, postcodes, streets, phone numbers
typed the national way (area code and the first digits of the subscriber, the subscriber
alone), ticket and order numbers (in lower case, the order's without its leading zeros)
and typos of family names. Besides the wall-clock figures the CPU time of the searching
thread is given: on a machine shared with other work it is the steadier figure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from typing import Any

from sqlalchemy import func, select

from crm_desktop.clock import FixedClock
from crm_desktop.data import search_sync
from crm_desktop.data.models import Address, Email, Order, Person, Phone, Ticket
from crm_desktop.data.store import Store, open_store
from crm_desktop.services.search import search

CLOCK = FixedClock(dt.datetime(2026, 11, 23, 9, tzinfo=dt.UTC))


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word + "e"
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1 :]  # one letter dropped


def queries(store: Store, rounds: int, seed: int) -> dict[str, list[str]]:
    rng = random.Random(seed)
    with store.reader() as s:

        def sample(*columns: Any, where: Any = None) -> list[Any]:
            """``rounds`` rows drawn with the seed (the same queries on every run)."""
            table = columns[0].class_
            ids_query = select(table.id).order_by(table.id)
            if where is not None:
                ids_query = ids_query.where(where)
            ids = list(s.scalars(ids_query))
            chosen = rng.sample(ids, min(rounds, len(ids)))
            rows = {
                r[0]: tuple(r[1:])
                for r in s.execute(select(table.id, *columns).where(table.id.in_(chosen)))
            }
            return [rows[i] if len(columns) > 1 else rows[i][0] for i in chosen]

        people = sample(Person.given_name, Person.family_name)
        places = sample(Address.street, Address.postcode, Address.city)
        numbers = sample(Phone.number, where=Phone.number.like("+49%"))
        emails = sample(Email.address)
        tickets = sample(Ticket.number)
        orders = sample(Order.number)
    out: dict[str, list[str]] = {k: [] for k in (
        "name, whole", "family name", "name, 3 letters", "e-mail", "city", "postcode",
        "street", "phone 0171 987", "phone subscriber", "ticket number", "order number",
        "typo",
    )}  # fmt: skip
    for (given, family), (street, postcode, city), number, email, ticket, order in zip(
        people, places, numbers, emails, tickets, orders, strict=False
    ):
        out["name, whole"].append(f"{given} {family}")
        out["family name"].append(family)
        out["e-mail"].append(email)
        out["ticket number"].append(ticket.lower())
        head, _sep, seq = order.rpartition("-")
        out["order number"].append(f"{head}-{int(seq)}" if seq.isdigit() else order)
        out["name, 3 letters"].append(family[:3])
        out["city"].append(city)
        out["postcode"].append(postcode)
        out["street"].append(street.split(" ")[0])
        forms = search_sync.phone_forms(number)
        national = forms[0] if forms else number
        sub = forms[-1] if len(forms) > 2 else national[-6:]
        area = (
            national[: len(national) - len(sub)] if sub and national.endswith(sub) else national[:4]
        )
        out["phone 0171 987"].append(f"{area} {sub[:3]}")
        out["phone subscriber"].append(sub)
        out["typo"].append(_typo(family, rng))
    return out


def pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=40, help="queries per kind")
    args = parser.parse_args(argv)
    store = open_store(data_dir=args.dir)
    try:
        with store.reader() as s:
            count = s.scalar(select(func.count()).select_from(Person)) or 0
        if not count:
            from crm_desktop.services.demo import generate

            t0 = time.perf_counter()
            generate(store, args.people, seed=args.seed, clock=CLOCK)
            print(f"demo data ({args.people} people): {time.perf_counter() - t0:.1f} s")
            with store.reader() as s:
                count = s.scalar(select(func.count()).select_from(Person)) or 0
        t0 = time.perf_counter()
        with store.session() as s:
            filled = search_sync.complete(s.connection())
        print(f"search fields filled for {filled} documents: {time.perf_counter() - t0:.1f} s")
        mix = queries(store, args.rounds, args.seed)
        print(f"store: {count} people; {args.rounds} queries per kind, limit 50, in-process")
        print(
            f"{'query':<20} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'hits':>6}"
            f" {'cpu p50':>8} {'cpu p95':>8}"
        )
        everything: list[float] = []
        cpu_all: list[float] = []
        with store.reader() as s:
            t0 = time.perf_counter()
            search(s, "warm", limit=50)  # reads the name vocabulary
            print(f"{'(first search)':<20} {(time.perf_counter() - t0) * 1000:>8.0f}")
            for label, typed in mix.items():
                samples, cpu, hits = [], [], []
                for q in typed:
                    t0, c0 = time.perf_counter(), time.thread_time()
                    found = search(s, q, limit=50)
                    samples.append((time.perf_counter() - t0) * 1000)
                    cpu.append((time.thread_time() - c0) * 1000)
                    hits.append(len(found))
                everything += samples
                cpu_all += cpu
                print(
                    f"{label:<20} {statistics.median(samples):>8.1f} {pct(samples, 0.95):>8.1f}"
                    f" {max(samples):>8.1f} {statistics.median(hits):>6.0f}"
                    f" {statistics.median(cpu):>8.1f} {pct(cpu, 0.95):>8.1f}"
                )
        print(
            f"{'all':<20} {statistics.median(everything):>8.1f} {pct(everything, 0.95):>8.1f}"
            f" {max(everything):>8.1f} {'':>6} {statistics.median(cpu_all):>8.1f}"
            f" {pct(cpu_all, 0.95):>8.1f}"
        )
    finally:
        store.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
