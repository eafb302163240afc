"""The transaction: an import in the caller's session (:func:`import_records`) or a
file in one transaction of its own (:func:`import_file`), chunk by chunk, with a
dry run and a cancel that roll back."""

from __future__ import annotations

import contextlib
import gc
import itertools
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.data.models import AuditEvent, ImportBatch
from crm_desktop.data.store import Store
from crm_desktop.domain import cardguard
from crm_desktop.interop.records import ContactRecord, RowError
from crm_desktop.services import validation as v
from crm_desktop.services.importer.common import (
    ON_DUPLICATE,
    OnDuplicate,
    Progress,
)
from crm_desktop.services.importer.files import (
    _open_records,
)
from crm_desktop.services.importer.normalize import (
    _Norm,
)
from crm_desktop.services.importer.report import (
    ImportCancelled,
    ImportReport,
)
from crm_desktop.services.importer.run import (
    _Run,
)

# records read, checked, matched and written at a time (memory stays flat in file size)
CHUNK_SIZE = 5000


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a file is read and imported.

    An import allocates hundreds of thousands of small containers (records, rows,
    dicts) that all stay alive until the end; the collector would walk the growing
    heap again and again for nothing and take a third of the import's time. Reference
    counting still frees everything at once; the collector resumes afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def import_records(
    session: Session,
    records: Iterable[ContactRecord | RowError],
    *,
    source: str = "records",
    file_format: str = "records",
    on_duplicate: OnDuplicate | str = "create",
    clock: Clock | None = None,
    progress: Progress | None = None,
    region: str = v.DEFAULT_REGION,
    total: int | None = None,
) -> ImportReport:
    """Import parsed records inside the caller's transaction (``session``).

    The records are taken :data:`CHUNK_SIZE` at a time: checked, matched against the
    stored people (and those made by earlier chunks, stored by then), written. An
    iterator with its ``total`` (for ``progress``) is never held in memory as a
    whole; without ``total`` it is read into a list first.

    Raises :class:`ImportCancelled` when ``progress`` returns False: the caller's
    unit of work must roll back (``with store.session()`` does so by itself).
    """
    with _gc_paused():
        return _import_records(
            session,
            records,
            source=source,
            file_format=file_format,
            on_duplicate=on_duplicate,
            clock=clock or SystemClock(),
            progress=progress,
            region=region,
            total=total,
        )


def _import_records(
    session: Session,
    records: Iterable[ContactRecord | RowError],
    *,
    source: str,
    file_format: str,
    on_duplicate: str,
    clock: Clock,
    progress: Progress | None,
    region: str,
    total: int | None,
) -> ImportReport:
    unused = getattr(records, "unused_columns", None)  # csv_contacts.CsvRecords
    if isinstance(records, Sequence):
        total = len(records)
    elif total is None:  # an iterable of unknown length: read it first (as before)
        records = list(records)
        total = len(records)
    report = ImportReport(
        source=cardguard.redact(source), file_format=file_format, on_duplicate=on_duplicate
    )
    report.total = total
    batch = ImportBatch(
        source=cardguard.redact(source)[:500], file_format=file_format[:20], started_at=clock.now()
    )
    session.add(batch)
    session.flush()
    report.batch_id = batch.id
    run = _Run(session, report, on_duplicate=on_duplicate, clock=clock, region=region, batch=batch)
    run.preload()
    with _page_cache(session):
        _import_chunks(run, records, total, progress)
    if isinstance(unused, dict):
        report.unused_columns = dict(unused)
    batch.summary = {
        "imported": report.imported,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "skipped": report.skipped,
        "rejected": [[r, why] for r, why in report.rejected[:200]],
        "rejected_count": report.rejected_count,
        "flagged": report.flagged_count,
        "created_people": len(report.created_ids),
        "created_companies": len(report.created_company_ids),
        "on_duplicate": on_duplicate,
        "unused_columns": dict(list(report.unused_columns.items())[:200]),
        "dropped_count": report.dropped_count,
    }
    session.add(
        AuditEvent(
            event="imported",
            entity="import_batch",
            entity_id=batch.id,
            details={
                "format": file_format,
                "imported": report.imported,
                "updated": report.updated,
                "rejected": report.rejected_count,
            },
        )
    )
    session.flush()
    return report


@contextlib.contextmanager
def _page_cache(session: Session) -> Iterator[None]:
    """A larger SQLite page cache (64 MiB) while an import runs.

    The import is one transaction that writes and looks up index pages of tables
    growing by hundreds of thousands of rows; with SQLite's default 2 MiB cache most
    of those pages would be read again from the WAL file for every chunk. The
    cache is bounded, so memory stays flat; the old size comes back afterwards.
    """
    if session.get_bind().dialect.name != "sqlite":
        yield
        return
    conn = session.connection()
    old = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql("PRAGMA cache_size = -65536")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(old or -2000)}")


def _import_chunks(
    run: _Run,
    records: Iterable[ContactRecord | RowError],
    total: int,
    progress: Progress | None,
) -> None:
    """Read, check, match and write the records :data:`CHUNK_SIZE` at a time."""
    report = run.report
    done = 0
    items = iter(records)
    while chunk := list(itertools.islice(items, CHUNK_SIZE)):
        norms: list[_Norm | None] = []
        for item in chunk:
            if isinstance(item, RowError):
                # what is refused is reported with any card number in it masked
                report.reject(cardguard.redact(item.label()), cardguard.redact(item.reason))
                norms.append(None)
                continue
            if item.dropped:
                label = cardguard.redact(item.label())
                for what in item.dropped:
                    report.drop(label, cardguard.redact(what))
            for prop in item.unused:  # vCard properties no field takes
                report.unused_columns[prop] = report.unused_columns.get(prop, 0) + 1
            result = run.normalize(item)
            if isinstance(result, str):
                report.reject(cardguard.redact(item.label()), result)
                norms.append(None)
                continue
            norms.append(result)
        del chunk, item
        run.prepare(norms)
        for norm in norms:
            if norm is not None:
                run.handle(norm)
            done += 1
            if (
                progress is not None
                and (done % 50 == 0 or done == total)
                and not progress(done, max(total, done))
            ):
                report.cancelled = True
                raise ImportCancelled(report)
        del norms, norm
        run.write()
        run.finish_chunk()
        gc.collect(0)  # cycles of the chunk (ORM objects of updated people) go now
    report.total = done


class _Rollback(Exception):
    pass


def import_file(
    store: Store,
    path: str | Path,
    *,
    dry_run: bool = False,
    on_duplicate: OnDuplicate | str = "create",
    mapping: dict[str, str] | None = None,
    clock: Clock | None = None,
    progress: Progress | None = None,
    region: str = v.DEFAULT_REGION,
) -> ImportReport:
    """Import one vCard or CSV file in ONE transaction (see the module docstring).

    Raises :class:`ImportFileError` when the file cannot be read at all; nothing is
    stored then. A dry run or a cancel returns the report and stores nothing.
    """
    if on_duplicate not in ON_DUPLICATE:
        raise ValueError(f"on_duplicate must be one of {ON_DUPLICATE}")
    with _gc_paused():
        return _import_file(
            store,
            Path(path),
            dry_run=dry_run,
            on_duplicate=on_duplicate,
            mapping=mapping,
            clock=clock,
            progress=progress,
            region=region,
        )


def _import_file(
    store: Store,
    p: Path,
    *,
    dry_run: bool,
    on_duplicate: str,
    mapping: dict[str, str] | None,
    clock: Clock | None,
    progress: Progress | None,
    region: str,
) -> ImportReport:
    fmt, total, records = _open_records(p, mapping)
    report: ImportReport | None = None
    try:
        with store.session() as session:
            report = import_records(
                session,
                records,
                source=str(p.name),
                file_format=fmt,
                on_duplicate=on_duplicate,
                clock=clock,
                progress=progress,
                region=region,
                total=total,
            )
            if dry_run:
                raise _Rollback
    except _Rollback:
        assert report is not None
        report.dry_run = True
        report.batch_id = None
        report.created_ids = []
        report.created_company_ids = []
    except ImportCancelled as exc:
        report = exc.report
        report.cancelled = True
        report.batch_id = None
        report.created_ids = []
        report.created_company_ids = []
    assert report is not None
    return report
