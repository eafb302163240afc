"""Time the dashboard figures one by one: `python bench/bench_dashboard.py DATA_DIR`.

DATA_DIR holds crm.sqlite3 (e.g. a copy of a store built by bench/make_store.py; the
store is opened normally, so it is upgraded to the newest schema first). The period is
the dashboard's default one (the last twelve months up to today, as in
crm_desktop/ui/dashboard.py), ``--year`` picks a calendar year instead. Prints the best
of ``--repeat`` runs of each function of crm_desktop.services.analytics and of the whole
dashboard(), with the SQLite query plans if ``--plans`` is given.
A measurement, not a test: it never fails on a slow machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import event
from sqlalchemy.orm import Session

from crm_desktop.clock import Clock, FixedClock, SystemClock
from crm_desktop.data.store import open_store
from crm_desktop.services import analytics as an


def default_period(clock: Clock) -> an.Period:
    """The dashboard's "last 12 months" (DashboardView.period)."""
    today = clock.now().date()
    start = dt.date(today.year - 1, today.month, 1)
    return an.Period(start + dt.timedelta(days=31), today)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--year", type=int, help="a calendar year instead of the last 12 months")
    parser.add_argument("--owner", help="only this owner's figures (default: everyone)")
    parser.add_argument("--now", help="ISO date-time (UTC) used as now; default: the real time")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--plans", action="store_true", help="print EXPLAIN QUERY PLAN")
    args = parser.parse_args(argv)

    clock: Clock = (
        FixedClock(dt.datetime.fromisoformat(args.now).replace(tzinfo=dt.UTC))
        if args.now
        else SystemClock()
    )
    period = an.Period.year(args.year) if args.year else default_period(clock)
    owner: str | None = args.owner
    store = open_store(data_dir=args.data_dir)
    print(f"store: {store.path}  period: {period.start} .. {period.end}  owner: {owner}")

    if args.plans and store.is_sqlite:

        @event.listens_for(store.engine, "before_cursor_execute")
        def _plan(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
            if statement.lstrip().upper().startswith(("SELECT", "WITH")):
                cur = conn.connection.driver_connection.cursor()
                rows = cur.execute("EXPLAIN QUERY PLAN " + statement, parameters).fetchall()
                print("   ", " ".join(statement.split())[:160])
                for row in rows:
                    print("       ", row[-1])

    figures: list[tuple[str, Callable[[Session], object]]] = [
        ("revenue_vs_target", lambda s: an.revenue_vs_target(s, period, owner)),
        ("pipeline_by_stage", lambda s: an.pipeline_by_stage(s, owner)),
        ("pipeline_by_month", lambda s: an.pipeline_by_month(s, owner)),
        ("won_lost", lambda s: an.won_lost(s, period, owner)),
        ("activities_by_month", lambda s: an.activities_by_month(s, period, owner)),
        ("channels_leading_to_orders", lambda s: an.channels_leading_to_orders(s, period)),
        ("tickets_by_month", lambda s: an.tickets_by_month(s, period)),
        ("overdue_contacts", lambda s: an.overdue_contacts(s, clock, owner, limit=50)),
        ("former_customer_reasons", an.former_customer_reasons),
        ("dashboard() total", lambda s: an.dashboard(s, period, clock, owner)),
    ]
    for name, fn in figures:
        best = float("inf")
        for _ in range(1 if args.plans else args.repeat):
            with store.reader() as session:
                t0 = time.perf_counter()
                fn(session)
                best = min(best, time.perf_counter() - t0)
        print(f"  {name:<30} {1000 * best:9.1f} ms")
    store.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
