"""Injected clocks: the real one, and a controllable one for tests and demos."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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


#: Overrides the saved time zone when set (tests, a kiosk install). Read once, at start
#: (:func:`start_zone`), never written: the program passes its zone on as a
#: :class:`LocalZone`, not through the environment.
ENV_TZ = "CRM_DESKTOP_TZ"


def valid_zone_name(name: str | None) -> str | None:
    """``name`` when zoneinfo knows it, else None."""
    if not name:
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return name


class LocalZone:
    """The user's time zone while the program runs.

    Built at start (:func:`start_zone`: ``--tz``, else $CRM_DESKTOP_TZ, else the saved
    setting, else Europe/Berlin) and changed by the Settings dialog through :meth:`set`;
    every ``local_zone()`` reads it, so the times shown follow at once.
    """

    def __init__(self, name: str | None = None) -> None:
        self._zone = ZoneInfo(valid_zone_name(name) or DEFAULT_TZ)
        #: ``--tz`` or $CRM_DESKTOP_TZ as found at start: it wins over the saved setting.
        self.override: str | None = None
        self._listeners: list[Callable[[ZoneInfo], None]] = []

    @property
    def zone(self) -> ZoneInfo:
        return self._zone

    @property
    def name(self) -> str:
        return self._zone.key

    def set(self, name: str) -> ZoneInfo:
        """Make ``name`` the zone from now on; ValueError for a zone zoneinfo does not know."""
        if valid_zone_name(name) is None:
            raise ValueError(f"unknown time zone {name!r}")
        before, self._zone = self._zone, ZoneInfo(name)
        if self._zone.key != before.key:
            for listener in list(self._listeners):
                listener(self._zone)
        return self._zone

    def on_change(self, listener: Callable[[ZoneInfo], None]) -> Callable[[], None]:
        """Call ``listener`` with the new zone after each change; returns the unsubscribe."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def apply_saved(self, saved: str | None) -> ZoneInfo:
        """The zone after the settings were read: the start override, else ``saved``,
        else Europe/Berlin (unknown names are passed over)."""
        return self.set(valid_zone_name(self.override) or valid_zone_name(saved) or DEFAULT_TZ)

    def __repr__(self) -> str:
        return f"LocalZone({self.name!r})"


#: The zone of this process: the window's, the command line's.
USER_ZONE = LocalZone()


def start_zone(
    option: str | None = None,
    environ: Mapping[str, str] | None = None,
    zone: LocalZone | None = None,
) -> LocalZone:
    """Set up the running zone once at start from ``--tz`` (``option``) or $CRM_DESKTOP_TZ;
    the saved setting comes on top later (:meth:`LocalZone.apply_saved`) unless one of
    them was given."""
    import os

    zone = zone or USER_ZONE
    env = os.environ if environ is None else environ
    zone.override = valid_zone_name(option) or valid_zone_name(env.get(ENV_TZ))
    zone.set(zone.override or DEFAULT_TZ)
    return zone


def local_zone(name: str | None = None) -> ZoneInfo:
    """The zone ``name``, or the user's zone (:data:`USER_ZONE`) when none is given."""
    return ZoneInfo(name) if name else USER_ZONE.zone


def to_local(moment: dt.datetime, zone: ZoneInfo | None = None) -> dt.datetime:
    return moment.astimezone(zone or local_zone())


def local_to_utc(naive_local: dt.datetime, zone: ZoneInfo | None = None) -> dt.datetime:
    """Attach the user's zone to a wall-clock time and convert to UTC."""
    if naive_local.tzinfo is not None:
        return naive_local.astimezone(dt.UTC)
    return naive_local.replace(tzinfo=zone or local_zone()).astimezone(dt.UTC)
