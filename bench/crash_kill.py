"""Crash safety as SQLite tests it: SIGKILL at random moments during each operation.

    python bench/crash_kill.py                      # 20 kill points per operation
    python bench/crash_kill.py --points 50 --ops encrypt restore
    python bench/crash_kill.py --seed 123456        # repeat a run (the seed is printed)

For every operation (import of a vCard and a CSV file, merge, bulk edit, bulk delete,
undo, demo-data, backup, restore, encrypt, the schema migration a start performs) the
real command runs in a child process and is killed with SIGKILL after a random delay in
[0, t_op] (t_op: its uninterrupted duration, measured once). The next start must find a
healthy store (``check`` exits 0), no leftovers, only complete backups, and exactly
the data from before or from after the operation (see tests/crashkit.py for the
signature and the details). The table says how often each was found; every failure is
printed with its seed and delay.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests import crashkit  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=20, help="kill points per op (default 20)")
    parser.add_argument(
        "--ops", nargs="+", choices=sorted(crashkit.OPS), help="only these ops (default: all)"
    )
    parser.add_argument(
        "--late",
        type=int,
        default=0,
        metavar="N",
        help="of the points, N in the last fifth of t_op (default 0: all in [0, t_op])",
    )
    parser.add_argument("--seed", type=int, help="seed of the kill moments (default: random)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    seed = args.seed if args.seed is not None else crashkit.default_seed()
    ops = args.ops or list(crashkit.OPS)
    print(
        f"seed {seed}, {args.points} kill points per op ({args.late} late), {os.cpu_count()} cores",
        flush=True,
    )
    started = time.perf_counter()
    rows = []
    failures: list[crashkit.Point] = []
    with crashkit.Harness() as harness:
        for name in ops:
            ref = harness.reference(name)
            points = list(harness.points(name, seed, args.points, late=args.late))
            bad = [p for p in points if p.failed]
            failures += bad
            rows.append(
                (
                    name,
                    f"{ref.t_op:.2f}",
                    str(len(points)),
                    str(len(points) - len(bad)),
                    str(sum(p.outcome == "before" for p in points)),
                    str(sum(p.outcome == "after" for p in points)),
                    str(sum(p.leftovers for p in points)),
                    str(len(bad)),
                )
            )
            print(f"  {name}: {rows[-1][3]}/{rows[-1][2]} passed", flush=True)
    header = ("op", "t_op s", "points", "passed", "before", "after", "leftovers", "failures")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    print()
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print(
            "  ".join(
                cell.rjust(w) if i else cell.ljust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            )
        )
    total = sum(int(r[2]) for r in rows)
    print(
        f"\n{total} kill points, {len(failures)} failures, "
        f"{time.perf_counter() - started:.0f} s (seed {seed})."
    )
    print("leftovers: files the kill left behind, all removed by the next start.")
    for point in failures:
        print("FAIL", point.describe())
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
