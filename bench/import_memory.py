"""Peak memory and time of a CSV import through the command line.

    python bench/import_memory.py [--rows 200000] [--keep DIR]

Writes an N-row CSV (Outlook column names: name, company, e-mail, mobile, address,
birthday; some rows repeat an earlier person so duplicates are checked and merged)
into a temp folder, then runs ``crm-desktop --data-dir TMP import FILE`` in a fresh
child process and prints that process's peak RSS (``getrusage(RUSAGE_SELF).ru_maxrss``,
read by the child itself, so the benchmark's own memory is not counted), wall-clock
seconds and CPU seconds (less disturbed by other jobs on the machine).
"""

from __future__ import annotations

import argparse
import csv
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

HEADER = [
    "First Name",
    "Last Name",
    "Company",
    "E-mail Address",
    "Mobile Phone",
    "Business Street",
    "Business Postal Code",
    "Business City",
    "Business Country/Region",
    "Birthday",
]
GIVEN = ["Anna", "Bernd", "Carla", "Dieter", "Eva", "Frank", "Gül", "Hans", "Ilse", "Jörg"]
FAMILY = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker"]
CITIES = [("70173", "Stuttgart"), ("80331", "München"), ("10115", "Berlin"), ("20095", "Hamburg")]
COUNTRIES = ["Deutschland", "DE", "", "Österreich", "Schweiz", "Südtirol"]


def write_csv(path: Path, rows: int, seed: int = 1) -> None:
    rnd = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        for i in range(rows):
            # every 50th row repeats an earlier person (same e-mail): a duplicate to merge
            n = rnd.randrange(i) if i > 100 and i % 50 == 0 else i
            postcode, city = CITIES[n % len(CITIES)]
            w.writerow(
                [
                    GIVEN[n % len(GIVEN)],
                    f"{FAMILY[n % len(FAMILY)]}{n}",
                    f"Firma {n % 2000} GmbH",
                    f"person{n}@example.org",
                    f"+49 151 {10000000 + n}",
                    f"Hauptstraße {n % 200 + 1}",
                    postcode,
                    city,
                    COUNTRIES[n % len(COUNTRIES)],
                    f"{1950 + n % 50}-{n % 12 + 1:02d}-{n % 28 + 1:02d}" if n % 3 == 0 else "",
                ]
            )


def child(data_dir: str, csv_path: str) -> int:
    import resource

    from crm_desktop.cli.main import main as cli_main

    start = time.perf_counter()
    rc = cli_main(["--data-dir", data_dir, "import", csv_path])
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak = usage.ru_maxrss  # KiB on Linux
    cpu = usage.ru_utime + usage.ru_stime
    print(
        f"BENCH rc={rc} seconds={seconds:.1f} cpu_seconds={cpu:.1f} peak_rss_mib={peak / 1024:.0f}",
        file=sys.stderr,
    )
    return rc


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--keep", type=Path, help="write the CSV and the store here")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(*args.child)
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        base.mkdir(parents=True, exist_ok=True)
        csv_path = base / f"contacts-{args.rows}.csv"
        t0 = time.perf_counter()
        write_csv(csv_path, args.rows)
        size = csv_path.stat().st_size / 1e6
        print(f"{args.rows} rows, {size:.0f} MB written in {time.perf_counter() - t0:.1f} s")
        proc = subprocess.run(
            [sys.executable, __file__, "--child", str(base / "store"), str(csv_path)],
            capture_output=True,
            text=True,
        )
        bench = [ln for ln in proc.stderr.splitlines() if ln.startswith("BENCH")]
        if proc.returncode != 0 or not bench:
            sys.stderr.write(proc.stderr[-4000:])
            return 1
        print(bench[-1].removeprefix("BENCH "))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
