"""The reminder ticker: rings for follow-ups and appointments when they come due.

One single-shot timer is armed for the next due moment (capped, because QTimer
takes a 32-bit millisecond count, about 24.8 days), and a periodic timer re-checks
every minute so that sleep, clock changes and DST can never make it miss one.
Each item rings once: the service records ``notified_at``; an item that came due
while the program was closed rings at the next start.

When its parent is a main window the ticker shows the in-app notice there by
itself (see :func:`crm_desktop.ui.notice.attach_notice`).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QMainWindow

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.data.store import Store
from crm_desktop.errors import CrmError
from crm_desktop.services import followups as fus
from crm_desktop.services.changes import Changes
from crm_desktop.services.unit import Session
from crm_desktop.ui import ops

log = logging.getLogger("crm_desktop.ui.reminders")

#: QTimer intervals are C ints; stay far below 2**31 - 1 ms (24.8 days).
MAX_TIMER_MS = 6 * 60 * 60 * 1000
POLL_MS = 60_000
INTERVAL_CHECK = dt.timedelta(hours=1)


class CallableClock:
    """Adapts ``lambda: datetime`` to the :class:`~crm_desktop.clock.Clock` protocol."""

    def __init__(self, fn: Callable[[], dt.datetime]) -> None:
        self._fn = fn

    def now(self) -> dt.datetime:
        return self._fn().astimezone(dt.UTC)


def as_clock(clock: Clock | Callable[[], dt.datetime] | None) -> Clock:
    if clock is None:
        return SystemClock()
    if hasattr(clock, "now"):
        return clock  # type: ignore[return-value]
    return CallableClock(clock)


class ReminderTicker(QObject):
    """Computes what is due for ``owner`` and emits :attr:`due` once per item."""

    due = Signal(list)  # list[AgendaEntry], new ones only

    def __init__(
        self,
        store: Store,
        clock: Clock | Callable[[], dt.datetime] | None = None,
        owner: str | QObject | None = None,
        parent: QObject | None = None,
        *,
        poll_ms: int = POLL_MS,
        show_notices: bool | None = None,
    ) -> None:
        if isinstance(owner, QObject):  # called as (store, clock, parent)
            parent, owner = owner, None
        super().__init__(parent)
        self.store = store
        self.clock = as_clock(clock)
        self.owner: str | None = owner if owner is not None else store.reminder_owner
        self._shown: set[tuple[str, int, dt.datetime]] = set()
        self._last_interval_check: dt.datetime | None = None
        self._armed_ms: int | None = None
        self._single = QTimer(self)
        self._single.setSingleShot(True)
        self._single.timeout.connect(self.check)
        self._poll = QTimer(self)
        self._poll.setInterval(max(10, int(poll_ms)))
        self._poll.timeout.connect(self.check)
        self.notice: Any = None
        if show_notices is None:
            show_notices = isinstance(parent, QMainWindow)
        if show_notices and isinstance(parent, QMainWindow):
            from crm_desktop.ui.notice import attach_notice

            self.notice = attach_notice(parent, self)

    # ------------------------------------------------------------ control

    def start(self) -> None:
        self._poll.start()
        self.check()

    def stop(self) -> None:
        self._poll.stop()
        self._single.stop()
        self._armed_ms = None

    @property
    def running(self) -> bool:
        return self._poll.isActive()

    @property
    def armed_ms(self) -> int | None:
        """The interval the single-shot timer was armed with (None: nothing ahead)."""
        return self._armed_ms if self._single.isActive() else None

    @Slot()
    def refresh(self) -> None:
        """Call after every change to follow-ups or appointments: rings what is due now
        and re-arms the timer for the next one."""
        self.check()

    def apply_changes(self, changes: Changes) -> None:
        """Follow the window's hub: a follow-up or appointment planned, cancelled, or
        brought back by an undo (one not rung yet rings when it is due) re-arms
        the timer for the next due moment (a read; what is due now rings at once)."""
        if self.running and changes.touches("followups", "appointments"):
            self._arm(self.clock.now())

    # ------------------------------------------------------------ work

    @Slot()
    def check(self) -> list[fus.AgendaEntry]:
        """Ring what is due and not rung yet; re-arm. Returns the new items."""
        now = self.clock.now()
        new: list[fus.AgendaEntry] = []
        try:
            new = self._collect(now)
        except CrmError as exc:  # a locked or read-only store must not stop the clock
            log.warning("reminders: %s", exc.text())
        self._arm(now)
        if new:
            self.due.emit(new)
        return new

    def _fresh(self, entries: list[fus.AgendaEntry]) -> list[fus.AgendaEntry]:
        out = []
        for e in entries:
            key = (e.type, e.id, e.reminder_at)
            if key not in self._shown:
                self._shown.add(key)
                out.append(e)
        return out

    def _collect(self, now: dt.datetime) -> list[fus.AgendaEntry]:
        if self.store.read_only:
            return ops.read(
                self.store, lambda s: self._fresh(fus.reminders_due(s, self.clock, self.owner))
            )

        def collect(s: Session) -> list[fus.AgendaEntry]:
            last = self._last_interval_check
            if last is None or abs(now - last) >= INTERVAL_CHECK:
                fus.ensure_interval_followups(s, self.clock)
                self._last_interval_check = now
            new = self._fresh(fus.reminders_due(s, self.clock, self.owner))
            fus.mark_entries_notified(s, new, now)
            return new

        return ops.write(self.store, collect)

    def _arm(self, now: dt.datetime) -> None:
        self._single.stop()
        self._armed_ms = None
        try:
            nxt = ops.read(self.store, lambda s: fus.next_due_at(s, now, self.owner))
        except CrmError as exc:
            log.warning("reminders: %s", exc.text())
            return
        if nxt is None:
            return
        ms = int((nxt - now).total_seconds() * 1000) + 1
        ms = max(0, min(ms, MAX_TIMER_MS))
        self._armed_ms = ms
        self._single.start(ms)
