"""Injected clocks: the real one, and a controllable one for tests and demos."""

from __future__ import annotations

import datetime as dt
from typing import Protocol
from zoneinfo import ZoneInfo

DEFAULT_TZ = "Europe/Berlin"


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """The current moment, timezone-aware (UTC)."""
        ...


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)


class FixedClock:
    """A clock that only moves when told to."""

    def __init__(self, at: dt.datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._now = at.astimezone(dt.UTC)

    def now(self) -> dt.datetime:
        return self._now

    def set(self, at: dt.datetime) -> None:
        self._now = at.astimezone(dt.UTC)

    def advance(self, **delta: float) -> dt.datetime:
        self._now += dt.timedelta(**delta)
        return self._now


def local_zone(name: str | None = None) -> ZoneInfo:
    """The user's zone: ``name``, or $CRM_DESKTOP_TZ, or Europe/Berlin."""
    import os

    return ZoneInfo(name or os.environ.get("CRM_DESKTOP_TZ") or DEFAULT_TZ)


def to_local(moment: dt.datetime, zone: ZoneInfo | None = None) -> dt.datetime:
    return moment.astimezone(zone or local_zone())


def local_to_utc(naive_local: dt.datetime, zone: ZoneInfo | None = None) -> dt.datetime:
    """Attach the user's zone to a wall-clock time and convert to UTC."""
    if naive_local.tzinfo is not None:
        return naive_local.astimezone(dt.UTC)
    return naive_local.replace(tzinfo=zone or local_zone()).astimezone(dt.UTC)
