"""Build a demo store for benchmarks and report how long it took.

    python bench/make_store.py DIR --people 100000 [--seed 1] [--search]

DIR must be empty or new (it becomes the data folder: DIR/crm.sqlite3). With
``--search`` a set of typical queries is timed afterwards (p50/p95).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crm_desktop.clock import FixedClock, SystemClock
from crm_desktop.data.store import open_store
from crm_desktop.services.demo import generate

QUERIES = [
    "m", "mü", "mül", "müll", "Müller", "Mueller", "Muler", "schae", "Schäfer", "Hans Mül",
    "Koehler", "Krüger Metallbau", "Maschinenbau", "Nordlicht", "Liefertermin",
    "Reklamation Lieferung", "Hydraulikaggregat", "T-2026-00042", "2025-00017", "t-2024-7",
    "Vertriebsleiter", "Weiss", "Strauss", "gmx", "Zimmermnn", "Hoffman", "Oeztuerk",
    "Yilmaz", "Bärbel Weiß", "Dr. Schulz", "Frau Köhler", "Wartungsvertrag", "a", '"', "AND (",
]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--fixed-clock", action="store_true", help="use 2026-11-23 09:00 UTC as now"
    )
    parser.add_argument("--search", action="store_true", help="time typical searches afterwards")
    args = parser.parse_args(argv)
    if args.dir.exists() and any(args.dir.iterdir()):
        parser.error(f"{args.dir} is not empty")
    clock = (
        FixedClock(dt.datetime(2026, 11, 23, 9, tzinfo=dt.UTC))
        if args.fixed_clock
        else SystemClock()
    )
    store = open_store(data_dir=args.dir)
    wall, cpu = time.perf_counter(), time.process_time()
    summary = generate(store, args.people, seed=args.seed, clock=clock)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(
        f"people: {summary.people}  companies: {summary.companies}  activities: {summary.activities}"
    )
    print(
        f"search documents: {summary.search_documents}  tickets: {summary.tickets}  orders: {summary.orders}"
    )
    print(f"time: {wall:.1f} s wall, {cpu:.1f} s CPU (both threads)")
    if args.search:
        from crm_desktop.services.search import search

        with store.reader() as session:
            t0 = time.perf_counter()
            search(session, "warm up")
            print(
                f"first search (reads the name vocabulary): {1000 * (time.perf_counter() - t0):.0f} ms"
            )
            times = []
            for _round in range(3):
                for query in QUERIES:
                    t0 = time.perf_counter()
                    search(session, query)
                    times.append(1000 * (time.perf_counter() - t0))
        times.sort()
        p95 = times[int(0.95 * (len(times) - 1))]
        print(
            f"search: p50 {statistics.median(times):.1f} ms  p95 {p95:.1f} ms  max {times[-1]:.1f} ms"
        )
    store.dispose()  # the last connection closing checkpoints and removes the WAL
    size = (args.dir / "crm.sqlite3").stat().st_size
    print(f"size: {size / 1e6:.0f} MB ({args.dir / 'crm.sqlite3'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
