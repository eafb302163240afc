"""The whole demo: the record rooms in order, the search documents, one transaction
(:func:`generate`)."""

from __future__ import annotations

import time

from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.data import models as m
from crm_desktop.data import search_sync
from crm_desktop.data.store import Store
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import ConflictError, StoreError, ValidationError
from crm_desktop.services.demo.campaign import (
    _Campaign,
)
from crm_desktop.services.demo.common import (
    BATCH,
    DemoSummary,
    Progress,
    _tb,
)
from crm_desktop.services.demo.companies import (
    _Companies,
)
from crm_desktop.services.demo.people import (
    _People,
)
from crm_desktop.services.demo.projects import (
    _Projects,
)
from crm_desktop.services.demo.sales import (
    _Sales,
)
from crm_desktop.services.demo.schedule import (
    _Schedule,
)
from crm_desktop.services.demo.tickets import (
    _Tickets,
)
from crm_desktop.services.demo.writer import (
    _bulk_pragmas,
    _fts_bulk_mode,
    _sync_pg_sequences,
)


def is_empty(session_or_conn: Session | Connection) -> bool:
    """True when the store holds no people, companies or activities."""
    for model in (m.Person, m.Company, m.Activity):
        if session_or_conn.execute(select(model.id).limit(1)).first() is not None:
            return False
    return True


class _Generator(_Companies, _People, _Tickets, _Sales, _Projects, _Campaign, _Schedule):
    """The demo data set, record type by record type (:meth:`run`)."""

    def fill_search(self) -> None:
        """Search documents of people, companies, tickets and projects in bulk (the
        activities' documents are written with the activities)."""
        t = _tb(m.SearchDocument)
        rows = [
            {"kind": "person", "ref_id": ref, "title": title, "body": body}
            for ref, title, body in self.person_docs
        ]
        rows += [
            {"kind": "company", "ref_id": ref, "title": title, "body": body}
            for ref, title, body in self.company_docs
        ]
        rows += [
            {"kind": kind, "ref_id": ref, "title": title, "body": body}
            for kind, ref, title, body in self.other_docs
        ]
        for start in range(0, len(rows), BATCH):
            self.write(t, rows[start : start + BATCH])
        self.summary.search_documents += len(rows)
        self.tick(len(rows))

    # ------------------------------------------------------------ orchestration

    def run(self) -> DemoSummary:
        act = _tb(m.Activity)
        employed = round(self.n_people * 0.95) if self.n_people >= 20 else max(1, self.n_people - 2)
        self.gen_companies(employed)
        self.gen_people()
        self.next_activity_id = self.new_id(act)
        self.gen_tickets()
        self.gen_pipeline()
        self.gen_projects()
        self.gen_campaign()
        self.fill_search()  # people, companies, tickets, projects: low ids, found first
        with _fts_bulk_mode(self.conn):
            self.gen_activities()
        self.gen_orders()
        self.gen_targets()
        self.gen_followups()
        self.gen_appointments()
        if not self.sqlite:
            _sync_pg_sequences(self.conn)
        return self.summary


def generate(
    store: Store,
    people: int,
    seed: int = 1,
    clock: Clock | None = None,
    progress: Progress | None = None,
    *,
    force: bool = False,
) -> DemoSummary:
    """Write the German demo data set with ``people`` people into ``store``.

    Deterministic for (``people``, ``seed``, the clock's day). Everything is written
    in one transaction: on any error nothing stays behind. Refuses a store that
    already holds people, companies or activities unless ``force`` is given (then
    the demo is added beside the existing data, with fresh ids and numbers).
    """
    if people < 1:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The number of people must be at least 1."), field="people"
        )
    if people > 2_000_000:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "At most 2,000,000 people can be generated."),
            field="people",
        )
    if store.read_only:
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "This store is open read-only; changes are not possible.")
        )
    started = time.perf_counter()
    clock = clock or SystemClock()
    try:
        with store.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            with _bulk_pragmas(raw, store.is_sqlite), conn.begin():
                if not force and not is_empty(conn):
                    raise ConflictError(
                        QT_TRANSLATE_NOOP(
                            "errors",
                            "The store already holds data; demo data is only written into an "
                            "empty store (use force to add it anyway).",
                        )
                    )
                gen = _Generator(conn, people, seed, clock, progress, store.owner)
                summary = gen.run()
                # the search fields (addresses, phones, notes) the bulk rows left empty, in
                # the same transaction: a kill never leaves a half-indexed demo behind
                search_sync.complete(conn)
    except OperationalError as exc:
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "The store could not be written: {detail}"),
            detail=str(exc.orig or exc),
        ) from exc
    summary.seconds = round(time.perf_counter() - started, 2)
    if progress is not None:
        progress(gen.total, gen.total)
    return summary
