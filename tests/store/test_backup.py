"""Backups of the SQLite store: verified copies, rotation, preview, restore."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from crm_desktop.clock import FixedClock
from crm_desktop.config import AppPaths, resolve_paths
from crm_desktop.data import migrate
from crm_desktop.data.models import ActivityKind, Person
from crm_desktop.data.store import Store, open_store
from crm_desktop.errors import StoreError
from crm_desktop.services import backup as bk
from crm_desktop.services.activities import ActivityInput, log_activity
from crm_desktop.services.contacts import CompanyInput, PersonInput, create_company, create_person


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return resolve_paths(tmp_path / "data")


@pytest.fixture
def live(paths: AppPaths) -> Iterator[Store]:
    store = open_store(data_dir=paths.data_dir)
    yield store
    store.dispose()


def add_people(store: Store, clock: FixedClock, n: int, family: str = "Muster") -> None:
    with store.session() as s:
        for i in range(n):
            create_person(s, PersonInput(given_name=f"P{i}", family_name=family), clock=clock)


def count_people(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute("SELECT count(*) FROM people").fetchone()[0])
    finally:
        con.close()


def corrupt(path: Path) -> None:
    """Overwrite pages in the middle of a SQLite file (keeps the header)."""
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        for offset in range(4096 * 2, size - 4096, 4096 * 3):
            fh.seek(offset + 100)
            fh.write(b"\xde\xad\xbe\xef" * 200)


def test_backup_is_verified_named_and_previewed(
    paths: AppPaths, live: Store, clock: FixedClock
) -> None:
    with live.session() as s:
        comp = create_company(s, CompanyInput(name="Bäckerei Kühn"))
        anna = create_person(s, PersonInput(given_name="Anna", family_name="Kühn"), clock=clock)
        create_person(s, PersonInput(given_name="Jörg", family_name="Weiß"), clock=clock)
        log_activity(
            s,
            ActivityInput(kind=ActivityKind.CALL, subject="Anruf", person_id=anna.id),
            clock=clock,
        )
        assert comp.id
    target = bk.make_backup(paths, clock=clock)
    assert target.parent == paths.backup_dir
    assert target.name == "crm-20261123T090000Z-manual.sqlite3"
    assert bk.integrity_check(target) == "ok"
    # a single self-contained file: no WAL left beside it
    assert not Path(str(target) + "-wal").exists()
    second = bk.make_backup(paths, clock=clock)  # same second: a distinct name
    assert second.name == "crm-20261123T090000Z-manual-2.sqlite3"
    infos = bk.list_backups(paths)
    assert [i.path for i in infos] == [second, target]
    info = infos[1]
    assert info.kind == "manual"
    assert info.created == clock.now()
    assert info.counts == {"people": 2, "companies": 1, "activities": 1}
    assert info.revision == migrate.head_revision()
    assert info.size == target.stat().st_size


def test_backup_holds_only_committed_work(paths: AppPaths, live: Store, clock: FixedClock) -> None:
    add_people(live, clock, 2)
    with live.session() as s:
        create_person(s, PersonInput(given_name="Offen", family_name="Noch"), clock=clock)
        s.flush()
        target = bk.make_backup(paths, clock=clock)  # while the write is not committed
    assert count_people(target) == 2
    assert count_people(paths.db_path) == 3


def test_damaged_store_gives_no_backup(paths: AppPaths, live: Store, clock: FixedClock) -> None:
    add_people(live, clock, 300)
    live.dispose()
    corrupt(paths.db_path)
    with pytest.raises(StoreError) as err:
        bk.make_backup(paths, clock=clock)
    assert "integrity" in err.value.text() or "damaged" in err.value.text()
    assert list(paths.backup_dir.iterdir()) == []  # the failed file is deleted


def test_no_store_and_postgres_are_refused(paths: AppPaths) -> None:
    with pytest.raises(StoreError, match="no store"):
        bk.make_backup(paths)
    with pytest.raises(StoreError, match="pg_dump"):
        bk.make_backup(paths, database_url="postgresql://localhost/crm")
    with pytest.raises(StoreError, match="pg_dump"):
        bk.restore(paths, paths.db_path, database_url="postgresql://localhost/crm")
    assert bk.auto_backup(paths, FixedClock(dt.datetime(2026, 1, 1, tzinfo=dt.UTC))) is None


def test_auto_backup_first_start_of_day_and_quit(
    paths: AppPaths, live: Store, clock: FixedClock
) -> None:
    first = bk.auto_backup(paths, clock, "start")
    assert first is not None and first.name.endswith("-monthly.sqlite3")
    clock.advance(hours=3)
    assert bk.auto_backup(paths, clock, "start") is None  # same day: nothing
    quit_file = bk.auto_backup(paths, clock, "quit")
    assert quit_file is not None and quit_file.name.endswith("-daily.sqlite3")
    clock.advance(days=1)
    nxt = bk.auto_backup(paths, clock, "start")
    # the monthly of this week also stands for the week
    assert nxt is not None and nxt.name.endswith("-daily.sqlite3")
    clock.set(dt.datetime(2026, 11, 30, 8, tzinfo=dt.UTC))  # Monday: new week
    week = bk.auto_backup(paths, clock, "start")
    assert week is not None and week.name.endswith("-weekly.sqlite3")


def test_default_policy() -> None:
    policy = bk.RetentionPolicy()
    assert (policy.daily, policy.weekly, policy.monthly) == (7, 4, 12)
    assert (policy.manual, policy.pre_upgrade, policy.pre_restore) == (10, 10, 10)


def test_rotation_keeps_the_newest_per_day_week_and_month(
    paths: AppPaths, live: Store, clock: FixedClock
) -> None:
    add_people(live, clock, 1)
    policy = bk.RetentionPolicy(daily=4, weekly=2, monthly=1)
    clock.set(dt.datetime(2026, 10, 20, 7, tzinfo=dt.UTC))
    for _ in range(20):  # daily starts and quits from October into November
        bk.auto_backup(paths, clock, "start", policy=policy)
        clock.advance(hours=8)
        bk.auto_backup(paths, clock, "quit", policy=policy)
        clock.advance(hours=16)
    infos = bk.list_backups(paths, preview=False)
    by_kind = {k: [i for i in infos if i.kind == k] for k in bk.AUTO_KINDS}
    assert len(by_kind["weekly"]) == 2
    assert [(i.created.month) for i in by_kind["monthly"]] == [11]
    days = [bk._local_day(i.created) for i in by_kind["daily"]]
    assert len(days) == len(set(days)) == 4  # one per day: the quit of that day
    last_quit = clock.now() - dt.timedelta(hours=16)
    assert by_kind["daily"][0].created == last_quit
    assert days == [last_quit.date() - dt.timedelta(days=d) for d in range(4)]


def test_rotation_of_manual_and_custom_policy(
    paths: AppPaths, live: Store, clock: FixedClock
) -> None:
    made = []
    for _ in range(12):
        made.append(bk.make_backup(paths, clock=clock))
        clock.advance(minutes=5)
    deleted = bk.rotate(paths)
    assert sorted(deleted) == sorted(made[:2])
    assert [i.path for i in bk.list_backups(paths, preview=False)] == made[:1:-1]
    assert bk.rotate(paths, bk.RetentionPolicy(manual=None)) == []
    assert len(bk.rotate(paths, bk.RetentionPolicy(manual=3))) == 7
    bk.delete_backup(paths, made[-1])
    assert [i.path for i in bk.list_backups(paths)] == [made[-2], made[-3]]
    with pytest.raises(StoreError):
        bk.delete_backup(paths, paths.db_path)


def test_restore_swaps_in_the_backup_and_keeps_the_current_aside(
    paths: AppPaths, live: Store, clock: FixedClock
) -> None:
    add_people(live, clock, 2)
    saved = bk.make_backup(paths, clock=clock)
    add_people(live, clock, 3, family="Neu")
    live.dispose()
    assert Path(str(paths.db_path) + "-wal").exists() or True
    clock.advance(minutes=1)
    aside = bk.restore(paths, saved, clock=clock)
    assert aside is not None and aside.name.endswith("-pre-restore.sqlite3")
    assert not Path(str(paths.db_path) + "-wal").exists()
    assert not Path(str(paths.db_path) + "-shm").exists()
    assert count_people(aside) == 5
    reopened = open_store(data_dir=paths.data_dir)
    try:
        with reopened.reader() as s:
            assert s.scalar(select(func.count()).select_from(Person)) == 2
        add_people(reopened, clock, 1)  # the restored store is writable
    finally:
        reopened.dispose()
    assert saved.exists()  # the backup itself is untouched


def test_restore_refuses_damaged_or_foreign_files(
    paths: AppPaths, live: Store, clock: FixedClock, tmp_path: Path
) -> None:
    add_people(live, clock, 200)
    good = bk.make_backup(paths, clock=clock)
    live.dispose()
    before = paths.db_path.read_bytes()
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(good.read_bytes())
    corrupt(broken)
    with pytest.raises(StoreError, match="damaged"):
        bk.restore(paths, broken, clock=clock)
    foreign = tmp_path / "other.sqlite3"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE x (y)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="not a backup"):
        bk.restore(paths, foreign, clock=clock)
    with pytest.raises(StoreError, match="does not exist"):
        bk.restore(paths, tmp_path / "missing.sqlite3", clock=clock)
    assert paths.db_path.read_bytes() == before
    assert [i.kind for i in bk.list_backups(paths)] == ["manual"]  # nothing kept aside


def test_restore_over_a_damaged_store_and_newest_good_backup(
    paths: AppPaths, live: Store, clock: FixedClock
) -> None:
    add_people(live, clock, 200)
    good = bk.make_backup(paths, clock=clock)
    clock.advance(hours=1)
    newer = bk.make_backup(paths, clock=clock)
    corrupt(newer)  # the newest backup went bad on disk
    assert bk.newest_good_backup(paths) == bk.backup_info(good)
    live.dispose()
    corrupt(paths.db_path)
    aside = bk.restore(paths, good, clock=clock)
    assert aside is not None and aside.exists()  # the damaged store is kept, not lost
    assert bk.integrity_check(paths.db_path) == "ok"
    assert count_people(paths.db_path) == 200


def test_pre_upgrade_hook_writes_a_named_backup(paths: AppPaths, live: Store) -> None:
    hook = bk.backup_before_upgrade(paths)
    hook("0001")
    (info,) = bk.list_backups(paths)
    assert info.kind == "pre-upgrade"
    assert "-rev0001" in info.path.name
