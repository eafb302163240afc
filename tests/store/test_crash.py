"""Crash safety: a process killed with SIGKILL in the middle of a unit of work.

A child process works on a real SQLite store in a temp folder. It tells the test
through a pipe when it is half-way through its transaction (with a tiny page
cache, so uncommitted pages have already spilled into the WAL file); the test then
kills it with SIGKILL. Afterwards the store must pass ``PRAGMA integrity_check``
and hold either the whole change or none of it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import func, select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Activity, ActivityKind, Person, Phone
from crm_desktop.data.store import open_store
from crm_desktop.services import backup as bk
from crm_desktop.services.contacts import PersonInput, PhoneInput, create_person

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import datetime as dt, sys
    from pathlib import Path
    from sqlalchemy import select, text
    from crm_desktop.clock import FixedClock
    from crm_desktop.data.models import Activity, Person
    from crm_desktop.data.store import open_store
    from crm_desktop.services import contacts as c

    data_dir, job, when, a, b = sys.argv[1:6]
    clock = FixedClock(dt.datetime(2026, 11, 23, 9, tzinfo=dt.UTC))
    store = open_store(data_dir=Path(data_dir))

    def say(word):
        sys.stdout.write(word + "\\n")
        sys.stdout.flush()

    with store.session() as s:
        s.execute(text("PRAGMA cache_size=8"))  # spill uncommitted pages into the WAL early
        if job == "import":
            n = int(a)
            for i in range(n):
                s.add(Person(given_name=f"Import{i}", family_name="Batch", notes="x" * 200))
                if i % 100 == 99:
                    s.flush()
                if i == n // 2:
                    s.flush()
                    if when == "mid":
                        say("mid")
                        sys.stdin.readline()
        elif job == "merge":
            loser, winner = int(a), int(b)
            acts = list(s.execute(select(Activity).where(Activity.person_id == loser)).scalars())
            for i, act in enumerate(acts):
                act.person_id = winner
                if i % 25 == 24:
                    s.flush()
                if i == len(acts) // 2:
                    s.flush()
                    if when == "mid":
                        say("mid")
                        sys.stdin.readline()
            c.delete_person(s, loser, clock=clock)
        elif job == "edit":
            pid = int(a)
            c.update_person(s, pid, {"family_name": "Geändert", "notes": "neu " * 500}, clock=clock)
            person = c.get_person(s, pid)
            c.set_phones(s, person, [c.PhoneInput(number="+49 30 1234567")])
            s.flush()
            if when == "mid":
                say("mid")
                sys.stdin.readline()
    say("committed")
    sys.stdin.readline()
    """
)


def _run_and_kill(data_dir: Path, job: str, when: str, a: object, b: object = 0) -> None:
    script = data_dir.parent / "child.py"
    script.write_text(CHILD)
    proc = subprocess.Popen(
        [sys.executable, str(script), str(data_dir), job, when, str(a), str(b)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        expected = "mid" if when == "mid" else "committed"
        assert line == expected, proc.stderr.read() if proc.stderr else ""
        if when == "mid":  # really mid-transaction: uncommitted pages already in the WAL
            wal = Path(str(data_dir / "crm.sqlite3") + "-wal")
            assert wal.exists() and wal.stat().st_size > 0
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()


def _check_sound(data_dir: Path) -> None:
    # opened normally (not immutable) so that SQLite's recovery of the WAL runs
    assert bk.integrity_check(data_dir / "crm.sqlite3", immutable=False) == "ok"


@pytest.mark.parametrize("when", ["mid", "after-commit"])
def test_killed_import_leaves_all_or_nothing(tmp_path: Path, when: str) -> None:
    data_dir = tmp_path / "data"
    store = open_store(data_dir=data_dir)
    with store.session() as s:
        create_person(s, PersonInput(given_name="Schon", family_name="Da"))
    store.dispose()
    _run_and_kill(data_dir, "import", when, 600)
    _check_sound(data_dir)
    store = open_store(data_dir=data_dir)
    try:
        with store.reader() as s:
            n = s.scalar(select(func.count()).select_from(Person))
        assert n == (1 if when == "mid" else 601)
        with store.session() as s:  # and the store takes new work
            create_person(s, PersonInput(given_name="Weiter", family_name="So"))
    finally:
        store.dispose()


@pytest.mark.parametrize("when", ["mid", "after-commit"])
def test_killed_merge_leaves_all_or_nothing(tmp_path: Path, clock: FixedClock, when: str) -> None:
    data_dir = tmp_path / "data"
    store = open_store(data_dir=data_dir)
    with store.session() as s:
        winner = create_person(s, PersonInput(given_name="Anna", family_name="Kühn"), clock=clock)
        loser = create_person(s, PersonInput(given_name="Anna", family_name="Kuehn"), clock=clock)
        s.add_all(
            Activity(
                kind=ActivityKind.CALL,
                subject=f"Anruf {i}",
                # long texts: moving half of them dirties more pages than the child's
                # cache holds, so uncommitted pages reach the WAL mid-merge
                text=f"Gesprächsnotiz {i} " + "Liefertermin besprochen. " * 80,
                person_id=loser.id,
                occurred_at=clock.now(),
            )
            for i in range(120)
        )
        ids = (winner.id, loser.id)
    store.dispose()
    _run_and_kill(data_dir, "merge", when, ids[1], ids[0])
    _check_sound(data_dir)
    store = open_store(data_dir=data_dir)
    try:
        with store.reader() as s:
            on_loser = s.scalar(
                select(func.count()).select_from(Activity).where(Activity.person_id == ids[1])
            )
            on_winner = s.scalar(
                select(func.count()).select_from(Activity).where(Activity.person_id == ids[0])
            )
            loser_row = s.get(Person, ids[1])
            assert loser_row is not None
            if when == "mid":
                assert (on_loser, on_winner) == (120, 0)
                assert loser_row.deleted_at is None
            else:
                assert (on_loser, on_winner) == (0, 120)
                assert loser_row.deleted_at is not None
    finally:
        store.dispose()


@pytest.mark.parametrize("when", ["mid", "after-commit"])
def test_killed_edit_leaves_all_or_nothing(tmp_path: Path, clock: FixedClock, when: str) -> None:
    data_dir = tmp_path / "data"
    store = open_store(data_dir=data_dir)
    with store.session() as s:
        pid = create_person(
            s,
            PersonInput(
                given_name="Jörg",
                family_name="Weiß",
                notes="alt",
                phones=[PhoneInput(number="089 123456")],
            ),
            clock=clock,
        ).id
    store.dispose()
    _run_and_kill(data_dir, "edit", when, pid)
    _check_sound(data_dir)
    store = open_store(data_dir=data_dir)
    try:
        with store.reader() as s:
            person = s.get(Person, pid)
            assert person is not None
            numbers = list(s.execute(select(Phone.number).where(Phone.person_id == pid)).scalars())
            if when == "mid":
                assert (person.family_name, person.notes, numbers) == (
                    "Weiß",
                    "alt",
                    ["+4989123456"],
                )
            else:
                assert person.family_name == "Geändert"
                assert person.notes.startswith("neu ")
                assert numbers == ["+49301234567"]
    finally:
        store.dispose()
