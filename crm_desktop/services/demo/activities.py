"""Activities: the timeline of every person over the last years, written batch by
batch with their search documents (a second thread makes the next batch)."""

from __future__ import annotations

import datetime as dt
import queue
import threading
from collections.abc import Iterator
from contextlib import suppress
from typing import Any

from sqlalchemy import insert, literal, select

from crm_desktop.data import models as m
from crm_desktop.services.demo.common import (
    BATCH,
    _tb,
)
from crm_desktop.services.demo.words import (
    ACTIVITY_TEXTS,
    PRODUCTS,
)
from crm_desktop.services.demo.writer import (
    _Writer,
)

ACTIVITY_COLUMNS = (
    "id", "kind", "direction", "channel", "occurred_at", "duration_minutes", "subject",
    "text", "location", "owner", "person_id", "company_id", "ticket_id", "project_id",
    "opportunity_id", "campaign_id", "deleted_at", "message_id", "version", "updated_by",
    "created_at", "updated_at",
)  # fmt: skip
ACTIVITY_SHAPE: dict[str, tuple[str, str | None, int, str | None]] = {
    # kind: (direction, channel, minimum duration, location)
    "call": ("outbound", "Telefon", 3, None),
    "email": ("outbound", "E-Mail", 0, None),
    "meeting": ("outbound", "Teams", 30, None),
    "letter": ("outbound", "Post", 0, None),
    "visit": ("outbound", "vor Ort", 45, "beim Kunden"),
    "complaint": ("inbound", "Telefon", 5, None),
    "service_call": ("outbound", "vor Ort", 60, "beim Kunden"),
    "note": ("internal", None, 0, None),
}
ACTIVITY_KIND_POOL: list[str] = [
    kind
    for kind, weight in (
        ("call", 30), ("email", 25), ("meeting", 9), ("note", 12), ("letter", 5),
        ("visit", 8), ("complaint", 4), ("service_call", 7),
    )
    for _ in range(weight)
]  # fmt: skip


class _Activities(_Writer):
    """Activity rows and the timeline of every person."""

    def activity_row(
        self,
        kind: str,
        moment: dt.datetime,
        person_id: int | None,
        company_id: int | None,
        *,
        ticket_id: int | None = None,
        project_id: int | None = None,
        opportunity_id: int | None = None,
        campaign_id: int | None = None,
        subject: str | None = None,
    ) -> tuple[Any, ...]:
        """One activity as a tuple in ``ACTIVITY_COLUMNS`` order, with a German text."""
        rnd = self.rng.random
        subjects, openings, details, closings = ACTIVITY_TEXTS[kind]
        ref = self.person_info[person_id][0] if person_id else "Kunde"
        later = moment + dt.timedelta(days=int(rnd() * 20) + 2)
        fmt = {
            "n": ref,
            "p": PRODUCTS[int(rnd() * len(PRODUCTS))],
            "q": f"{moment.year}-{int(rnd() * 240) + 1}",
            "d": f"{later.day:02d}.{later.month:02d}.",
            "k": later.isocalendar()[1],
        }
        title = subjects[int(rnd() * len(subjects))].format_map(fmt)
        body = " ".join(
            p
            for p in (
                openings[int(rnd() * len(openings))],
                details[int(rnd() * len(details))],
                closings[int(rnd() * len(closings))],
            )
            if p
        ).format_map(fmt)
        direction, channel, duration, location = ACTIVITY_SHAPE[kind]
        if kind in ("call", "email") and campaign_id is None:
            direction = "inbound" if rnd() < 0.4 else "outbound"
        stamp = self.light.ts(moment)
        aid = self.next_activity_id
        self.next_activity_id += 1
        self.summary.activities += 1
        return (
            aid, kind, direction, channel, stamp,
            (duration + int(rnd() * duration)) if duration else None,
            subject or title, body, location, self.owner, person_id, company_id,
            ticket_id, project_id, opportunity_id, campaign_id, None, None, 1, None, stamp, stamp,
        )  # fmt: skip

    def activity_batches(self) -> Iterator[list[tuple[Any, ...]]]:
        """The timeline of every person: 2-17 activities each over the last years."""
        if self.pending_activities:
            yield self.pending_activities
            self.pending_activities = []
        rng = self.rng
        rnd = rng.random
        kinds = ACTIVITY_KIND_POOL
        n_kinds = len(kinds)
        n_days = len(self.day_base)
        day_base, slots = self.day_base, self.slots
        batch: list[tuple[Any, ...]] = []
        for pid, (_ref, cid, _mail) in self.person_info.items():
            for _ in range(rng.randint(2, 17)):
                # more recent days are a little more likely
                i = min(int(n_days * (rnd() ** 0.75)), n_days - 1)
                moment = day_base[i] + slots[int(rnd() * 126)]
                batch.append(self.activity_row(kinds[int(rnd() * n_kinds)], moment, pid, cid))
            interval = self.interval_of.get(pid)
            if interval and rnd() < 0.9:
                # people with a contact rhythm were mostly contacted within it
                back = int(rnd() * max(1, interval * 5 // 7 - 1))  # working days
                moment = day_base[max(0, n_days - 1 - back)] + slots[int(rnd() * 126)]
                batch.append(self.activity_row(kinds[int(rnd() * n_kinds)], moment, pid, cid))
            if len(batch) >= BATCH:
                yield batch
                batch = []
                if self.stop:
                    return
        if batch:
            yield batch

    def gen_activities(self) -> None:
        """Write activities and their search documents batch by batch.

        A second thread generates the next batch while the database indexes the
        current one (SQLite releases the GIL during the INSERT ... SELECT that feeds
        the full-text index). It waits while rows are bound for executemany, which
        needs the GIL itself: taking turns is faster than contending for it.
        """
        work: queue.Queue[list[tuple[Any, ...]] | BaseException | None] = queue.Queue()
        turn = threading.Semaphore(1)

        def produce() -> None:
            try:
                batches = self.activity_batches()
                while True:
                    turn.acquire()
                    if self.stop:
                        break
                    batch = next(batches, None)
                    if batch is None:
                        break
                    work.put(batch)
            except BaseException as exc:  # handed to the writer, raised there
                work.put(exc)
            finally:
                work.put(None)

        producer = threading.Thread(target=produce, name="demo-activities", daemon=True)
        producer.start()
        act = _tb(m.Activity)
        docs = _tb(m.SearchDocument)
        try:
            while (item := work.get()) is not None:
                if isinstance(item, BaseException):
                    raise item
                self.write_tuples(act, ACTIVITY_COLUMNS, item)
                turn.release()  # the producer may work while the index is fed
                first, last = item[0][0], item[-1][0]
                src = select(literal("activity"), act.c.id, act.c.subject, act.c.text).where(
                    act.c.id.between(first, last)
                )
                self.conn.execute(
                    insert(docs).from_select(["kind", "ref_id", "title", "body"], src)
                )
                self.summary.search_documents += len(item)
                self.tick(2 * len(item))
        finally:
            self.stop = True
            turn.release()
            while producer.is_alive():  # drain so that the producer can finish
                with suppress(queue.Empty):
                    work.get(timeout=0.1)
                turn.release()
            producer.join()
