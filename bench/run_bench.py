"""Benchmarks: `make bench` (or `python bench/run_bench.py --sizes 10000 100000`).

Builds demo stores of the given sizes (kept in bench/.stores/ between runs) and prints,
each beside its floor measured in the same run:
- start to first painted main window vs a bare PySide6 window process (target ≤ 4×), and
  to the window filled with its data;
- search-as-you-type latency for 1–3 letters and a full name (target p95 ≤ 30 ms);
- expanding a company with 5,000 people, opening a timeline of 10,000 activities (≤ 100 ms);
- bulk duplicate search (target ≤ 10 s at 100k) vs a plain rapidfuzz cdist over the names;
- vCard import of 10,000 cards (target ≥ 5,000 cards/s) and .ics export of 10,000 events;
- peak memory of the app with the window filled, and of a process running the bulk
  duplicate search (target ≤ 250 MiB).
These are measurements, not tests: they print figures and never fail on a slow machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import func, insert, select  # noqa: E402

from crm_desktop.clock import FixedClock  # noqa: E402
from crm_desktop.data.models import Activity, ActivityKind, Company, FollowUp, Person  # noqa: E402
from crm_desktop.data.store import Store, open_store  # noqa: E402

STORES = ROOT / "bench" / ".stores"
CLOCK = FixedClock(dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC))


def line(name: str, value: str, floor: str = "", target: str = "") -> None:
    print(f"  {name:<52} {value:>14}  {floor:>22}  {target}")


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[18] if len(samples) >= 20 else max(samples)


def timed(fn: Callable[[], object], repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def build_store(people: int) -> Path:
    from crm_desktop.services import demo

    folder = STORES / f"demo{people}"
    if (folder / "crm.sqlite3").exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    store = open_store(data_dir=folder)
    t0 = time.perf_counter()
    demo.generate(store, people, seed=1, clock=CLOCK)
    took = time.perf_counter() - t0
    store.dispose()
    size = (folder / "crm.sqlite3").stat().st_size / 2**20
    print(f"  built demo store with {people:,} people in {took:.1f} s ({size:.0f} MiB)")
    return folder


def _timed_lines(cmd: list[str], env: dict[str, str]) -> dict[str, tuple[float, str]]:
    """Run ``cmd``; each marker line of its output (PAINTED, FILLED, MAXRSS_KB) with the
    seconds since the process was started."""
    marks: dict[str, tuple[float, str]] = {}
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    for row in proc.stdout:
        word, _, rest = row.strip().partition(" ")
        marks.setdefault(word, (time.perf_counter() - t0, rest))
    _, err = proc.communicate(timeout=300)
    if "PAINTED" not in marks:
        print("    (no first-paint signal)", err[-500:])
    return marks


def bench_start(folder: Path) -> None:
    """Second and later starts: bytecode cached, as an installed or frozen program has it
    (a warm-up run writes it when the environment forbids nothing)."""
    env = dict(os.environ, CRM_DESKTOP_EXIT_AFTER_PAINT="1", CRM_DESKTOP_NO_BACKUP="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    bare_cmd = [sys.executable, str(ROOT / "bench" / "bare_window.py")]
    app_cmd = [sys.executable, "-m", "crm_desktop", "--data-dir", str(folder)]
    _timed_lines(bare_cmd, env)
    _timed_lines(app_cmd, env)
    bare = min(_timed_lines(bare_cmd, env).get("PAINTED", (float("nan"), ""))[0] for _ in range(3))
    runs = [_timed_lines(app_cmd, env) for _ in range(3)]
    painted = min(r.get("PAINTED", (float("nan"), ""))[0] for r in runs)
    filled = min(r.get("FILLED", (float("nan"), ""))[0] for r in runs)
    rss = max(int(r.get("MAXRSS_KB", (0.0, "0"))[1] or 0) for r in runs)
    line(
        "start → first painted window",
        f"{painted * 1000:.0f} ms",
        f"bare Qt {bare * 1000:.0f} ms",
        f"ratio {painted / bare:.1f}× (target ≤ 4×)",
    )
    line(
        "start → window filled (tree, start page)",
        f"{filled * 1000:.0f} ms",
        f"bare Qt {bare * 1000:.0f} ms",
        f"ratio {filled / bare:.1f}×",
    )
    if rss:
        line("peak memory of the app (max RSS)", f"{rss / 1024:.0f} MiB", "", "target ≤ 250 MiB")


def bench_search(store: Store) -> None:
    from crm_desktop.services.search import search

    with store.reader() as s:
        names = [
            f"{g} {f}"
            for g, f in s.execute(select(Person.given_name, Person.family_name).limit(2000))
        ]
    rng = random.Random(3)
    queries: dict[str, list[str]] = {
        "1 letter": [],
        "2 letters": [],
        "3 letters": [],
        "full name": [],
    }
    for _ in range(60):
        name = rng.choice(names)
        family = name.split()[-1]
        queries["1 letter"].append(family[:1])
        queries["2 letters"].append(family[:2])
        queries["3 letters"].append(family[:3])
        queries["full name"].append(name)
    with store.reader() as s:
        search(s, "warm", limit=20)
        for label, qs in queries.items():
            samples = []
            for q in qs:
                t0 = time.perf_counter()
                search(s, q, limit=20)
                samples.append((time.perf_counter() - t0) * 1000)
            line(
                f"search as you type, {label} (p95)",
                f"{p95(samples):.1f} ms",
                f"median {statistics.median(samples):.1f} ms",
                "target p95 ≤ 30 ms",
            )


def bench_tree_timeline(store: Store) -> None:
    from crm_desktop.services import timeline, tree

    with store.session() as s:
        # a company with 5,000 people and a person with 10,000 activities, added for the bench
        big = s.execute(
            select(Company).where(Company.name == "Bench Großkunde AG")
        ).scalar_one_or_none()
        if big is None:
            big = Company(name="Bench Großkunde AG")
            s.add(big)
            s.flush()
            from crm_desktop.services.demo import FAMILY_NAMES, GIVEN_NAMES

            rng = random.Random(11)
            families = [name for name, weight in FAMILY_NAMES for _ in range(weight)]
            s.execute(
                insert(Person),
                [
                    {
                        "given_name": rng.choice(GIVEN_NAMES)[0],
                        "family_name": rng.choice(families),
                        "company_id": big.id,
                    }
                    for _ in range(5000)
                ],
            )
            first = s.execute(
                select(Person.id).where(Person.company_id == big.id).limit(1)
            ).scalar_one()
            base = CLOCK.now()
            s.execute(
                insert(Activity),
                [
                    {
                        "kind": ActivityKind.CALL,
                        "occurred_at": base - dt.timedelta(hours=i),
                        "subject": f"Gespräch {i}",
                        "text": "Notiz",
                        "person_id": first,
                        "company_id": big.id,
                    }
                    for i in range(10000)
                ],
            )
        big_id = big.id
        heavy = s.execute(
            select(Activity.person_id).where(Activity.company_id == big_id).limit(1)
        ).scalar_one()
    from crm_desktop.services.tree import NodeKind, NodeRef

    with store.reader() as s:
        ref = NodeRef(NodeKind.COMPANY, big_id)
        took = timed(lambda: tree.children_page(s, ref), repeat=5)
        line(
            "expand a company with 5,000 people (first page)",
            f"{took * 1000:.1f} ms",
            "",
            "target ≤ 100 ms",
        )
        took = timed(lambda: timeline.timeline_page(s, timeline.Scope(person_id=heavy)), repeat=5)
        line(
            "open a timeline of 10,000 activities (first page)",
            f"{took * 1000:.1f} ms",
            "",
            "target ≤ 100 ms",
        )
        took = timed(
            lambda: timeline.count_activities(s, timeline.Scope(person_id=heavy)), repeat=3
        )
        line("  … and count them for the header", f"{took * 1000:.1f} ms")


def bench_duplicates(store: Store) -> None:
    from rapidfuzz import process
    from rapidfuzz.distance import JaroWinkler

    from crm_desktop.services.dedup import find_duplicates

    with store.reader() as s:
        n = s.scalar(select(func.count()).select_from(Person)) or 0
        t0 = time.perf_counter()
        pairs = find_duplicates(s, entity="people")
        took = time.perf_counter() - t0
        names = [f"{g} {f}" for g, f in s.execute(select(Person.given_name, Person.family_name))]
    sample = names[:5000]
    t1 = time.perf_counter()
    process.cdist(
        sample, sample, scorer=JaroWinkler.normalized_similarity, workers=-1, dtype="float32"
    )
    cd = time.perf_counter() - t1
    full_est = cd * (len(names) / len(sample)) ** 2
    line(
        f"bulk duplicate search over {n:,} people",
        f"{took:.1f} s",
        f"cdist all pairs ≈ {full_est:.0f} s",
        f"{len(pairs)} pairs; target ≤ 10 s at 100k",
    )


DEDUP_MEMORY = """
import sys
from pathlib import Path
from crm_desktop.data.store import open_store
from crm_desktop.services.dedup import find_duplicates
def hwm():
    for row in open("/proc/self/status"):
        if row.startswith("VmHWM"):
            return int(row.split()[1])
    return 0
store = open_store(data_dir=Path(sys.argv[1]))
with store.reader() as s:
    base = hwm()
    find_duplicates(s, entity="people")
print(base, hwm())
"""


def bench_dedup_memory(folder: Path) -> None:
    """Peak memory of a process that opens the store and runs the bulk duplicate search
    (as the app does), in a fresh process so that nothing else is counted."""
    if not Path("/proc/self/status").exists():
        return
    out = subprocess.run(
        [sys.executable, "-c", DEDUP_MEMORY, str(folder)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    try:
        base, peak = (int(x) for x in out.stdout.split())
    except ValueError:
        print("    (no memory figure)", out.stderr[-500:])
        return
    line(
        "peak memory with the bulk duplicate search",
        f"{peak / 1024:.0f} MiB",
        f"store open {base / 1024:.0f} MiB",
        "target ≤ 250 MiB",
    )


def bench_interop(tmp: Path) -> None:
    from crm_desktop.services import calendar as cal
    from crm_desktop.services import importer

    cards = []
    rng = random.Random(5)
    givens = ["Jürgen", "Anna", "Petra", "Özlem", "Klaus", "Marie", "Lukas", "Sophie"]
    families = ["Müller", "Schäfer", "Weiß", "Köhler", "Becker", "Hoffmann", "Krüger", "Wagner"]
    for i in range(10000):
        g, f = rng.choice(givens), rng.choice(families)
        cards.append(
            "BEGIN:VCARD\r\nVERSION:3.0\r\n"
            f"UID:bench-{i}\r\nN:{f};{g};;;\r\nFN:{g} {f}\r\nORG:Firma {i % 500} GmbH;Vertrieb\r\n"
            f"EMAIL;TYPE=INTERNET,WORK:{g.lower()}.{i}@example.com\r\n"
            f"TEL;TYPE=WORK:+49 711 {100000 + i}\r\n"
            f"ADR;TYPE=WORK:;;Hauptstraße {i % 200 + 1};Stuttgart;;{70173 + i % 50};Deutschland\r\n"
            "END:VCARD\r\n"
        )
    vcf = tmp / "bench.vcf"
    vcf.write_text("".join(cards), encoding="utf-8")
    store = open_store(data_dir=tmp / "import")
    t0 = time.perf_counter()
    importer.import_file(store, vcf)
    took = time.perf_counter() - t0
    line(
        "vCard import of 10,000 cards",
        f"{10000 / took:,.0f} cards/s",
        f"{took:.1f} s",
        "target ≥ 5,000 cards/s",
    )
    with store.session() as s:
        pids = list(s.execute(select(Person.id).limit(10000)).scalars())
        s.execute(
            insert(FollowUp),
            [
                {
                    "uid": f"bench-fu-{i}",
                    "due_at": CLOCK.now() + dt.timedelta(hours=i),
                    "kind": ActivityKind.CALL,
                    "note": f"Rückruf {i}",
                    "person_id": pids[i % len(pids)],
                }
                for i in range(10000)
            ],
        )
    out = tmp / "bench.ics"
    with store.reader() as s:
        t0 = time.perf_counter()
        cal.export_calendar(s, out)
        took = time.perf_counter() - t0
    line("iCalendar export of 10,000 events", f"{took:.2f} s", f"{10000 / took:,.0f} events/s")
    store.dispose()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--skip-start", action="store_true")
    args = parser.parse_args()
    print(
        f"CRM Desktop benchmarks — {platform.node()} · {platform.processor() or platform.machine()} · {os.cpu_count()} cores · Python {platform.python_version()} · {dt.datetime.now():%Y-%m-%d %H:%M}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        print("\n[interop]")
        bench_interop(Path(tmp))
    for size in args.sizes:
        print(f"\n[{size:,} people]")
        folder = build_store(size)
        store = open_store(data_dir=folder)
        try:
            bench_search(store)
            bench_tree_timeline(store)
            bench_duplicates(store)
        finally:
            store.dispose()
        bench_dedup_memory(folder)
        if not args.skip_start:
            bench_start(folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
