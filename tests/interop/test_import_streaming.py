"""The CSV import streams: a chunk of records at a time, memory flat in the row count,
still one transaction (all or nothing), rejected rows capped in detail and masked."""

from __future__ import annotations

import csv
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from crm_desktop.clock import FixedClock
from crm_desktop.data.models import Email, ImportBatch, Person
from crm_desktop.data.store import Store
from crm_desktop.errors import ImportFileError
from crm_desktop.interop.records import ContactRecord, RowError
from crm_desktop.services.importer import import_file, import_records, transaction
from crm_desktop.services.importer.run import _Run

CARD = "4111 1111 1111 1111"


def _write(path: Path, rows: int, *, start: int = 0, extra: list[list[str]] | None = None) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["First Name", "Last Name", "E-mail Address", "Notes"])
        for i in range(start, start + rows):
            w.writerow([f"Vor{i}", f"Name{i}", f"p{i}@example.org", ""])
        for row in extra or []:
            w.writerow(row)
    return path


def _people(store: Store) -> int:
    with store.reader() as s:
        return int(s.scalar(select(func.count()).select_from(Person)) or 0)


def test_the_importer_holds_at_most_one_chunk(
    sqlite_store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(transaction, "CHUNK_SIZE", 100)
    pulled = 0
    ahead: list[int] = []

    def records() -> Iterator[ContactRecord]:
        nonlocal pulled
        for i in range(1000):
            pulled += 1
            yield ContactRecord(given_name=f"G{i}", family_name=f"F{i}", emails=[])

    def progress(done: int, total: int) -> bool:
        ahead.append(pulled - done)
        return True

    with sqlite_store.session() as s:
        report = import_records(s, records(), total=1000, clock=clock, progress=progress)
    assert report.imported == 1000 and report.total == 1000
    assert ahead and max(ahead) <= 100  # never more than a chunk read ahead
    assert _people(sqlite_store) == 1000


def _peak(store: Store, path: Path, clock: FixedClock) -> int:
    tracemalloc.start()
    try:
        import_file(store, path, clock=clock)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_does_not_grow_with_the_row_count(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from crm_desktop.data.store import open_store

    monkeypatch.setattr(transaction, "CHUNK_SIZE", 500)
    small = _write(tmp_path / "small.csv", 1500)
    large = _write(tmp_path / "large.csv", 6000)
    stores = [open_store(data_dir=tmp_path / name) for name in ("a", "b")]
    try:
        import_file(stores[0], _write(tmp_path / "warm.csv", 10, start=10**6), clock=clock)
        import_file(stores[1], _write(tmp_path / "warm2.csv", 10, start=10**6), clock=clock)
        small_peak = _peak(stores[0], small, clock)
        large_peak = _peak(stores[1], large, clock)
    finally:
        for store in stores:
            store.dispose()
    # four times the rows: nowhere near four times the memory (was ~3.5x)
    assert large_peak < 1.6 * small_peak, (small_peak, large_peak)


def test_duplicates_across_chunks_are_merged(
    sqlite_store: Store, tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(transaction, "CHUNK_SIZE", 3)
    path = _write(
        tmp_path / "dups.csv",
        7,
        extra=[
            ["Vor1", "Name1", "P1@EXAMPLE.org", "second time"],  # a later chunk, same e-mail
            ["Vor2", "Name2", "p2@example.org", ""],  # the very same row again
        ],
    )
    report = import_file(sqlite_store, path, clock=clock, on_duplicate="merge")
    assert (report.imported, report.updated, report.unchanged) == (7, 1, 1)
    assert _people(sqlite_store) == 7
    (change,) = report.changes
    assert change.person_id is not None and change.fields == ["notes"]
    with sqlite_store.reader() as s:
        person = s.get(Person, change.person_id)
        assert person is not None and person.family_name == "Name1"
        assert person.notes == "second time"
        assert s.scalar(select(func.count()).select_from(Email)) == 7


def test_a_failure_in_a_later_chunk_stores_nothing(
    sqlite_store: Store, tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_file(sqlite_store, _write(tmp_path / "first.csv", 5, start=100), clock=clock)
    monkeypatch.setattr(transaction, "CHUNK_SIZE", 10)
    calls = 0
    original = _Run.write

    def failing_write(self: _Run) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise OSError("disk full")
        original(self)

    monkeypatch.setattr(_Run, "write", failing_write)
    with pytest.raises(OSError):
        import_file(sqlite_store, _write(tmp_path / "big.csv", 50), clock=clock)
    assert calls == 3
    assert _people(sqlite_store) == 5  # the earlier import intact, nothing of this one
    with sqlite_store.reader() as s:
        assert s.scalar(select(func.count()).select_from(ImportBatch)) == 1


def test_a_broken_row_late_in_the_file_fails_before_anything_is_written(
    sqlite_store: Store, tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(transaction, "CHUNK_SIZE", 10)
    path = _write(tmp_path / "broken.csv", 100)
    with path.open("a", encoding="utf-8") as fh:
        fh.write('Anna,"Alt,broken quote\n')
    with pytest.raises(ImportFileError):
        import_file(sqlite_store, path, clock=clock)
    assert _people(sqlite_store) == 0


def test_cancel_in_a_later_chunk_stores_nothing(
    sqlite_store: Store, tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(transaction, "CHUNK_SIZE", 50)
    report = import_file(
        sqlite_store,
        _write(tmp_path / "c.csv", 300),
        clock=clock,
        progress=lambda done, total: done < 200,
    )
    assert report.cancelled and report.created_ids == []
    assert _people(sqlite_store) == 0


def test_rejected_rows_are_capped_counted_and_masked(
    sqlite_store: Store, clock: FixedClock
) -> None:
    records: list[ContactRecord | RowError] = [
        ContactRecord(given_name="Anna", family_name=f"Alt{i}", notes=f"Karte {CARD}")
        for i in range(1100)
    ]
    records += [RowError(f"line {i} {CARD}", f"unreadable: {CARD}") for i in range(100)]
    records.append(ContactRecord(given_name="Bea", family_name="Bunt"))
    with sqlite_store.session() as s:
        report = import_records(s, iter(records), total=len(records), clock=clock)
    assert report.imported == 1
    assert report.rejected_count == 1200 and report.rejected_total == 1200
    assert len(report.rejected) == 1000
    assert "1200 rejected" in report.summary_text()
    assert "… 200 more rejected" in report.summary_text()
    assert report.as_dict()["rejected_count"] == 1200
    digits = CARD.replace(" ", "")
    text = report.summary_text() + repr(report.as_dict())
    assert digits not in text.replace(" ", "")
