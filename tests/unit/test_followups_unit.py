"""Pure follow-up logic: snooze presets (across DST), reminder moments, VTIMEZONEs."""

from __future__ import annotations

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from dateutil import tz as dateutil_tz

from crm_desktop.data.models import ActivityKind
from crm_desktop.errors import ValidationError
from crm_desktop.interop import ical
from crm_desktop.services import followups as fus

BERLIN = ZoneInfo("Europe/Berlin")


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)  # type: ignore[misc]


def test_snooze_presets() -> None:
    now = utc(2026, 11, 23, 13, 0)  # 14:00 in Berlin
    assert fus.snooze_target("10min", now, BERLIN) == utc(2026, 11, 23, 13, 10)
    assert fus.snooze_target("1h", now, BERLIN) == utc(2026, 11, 23, 14, 0)
    assert fus.snooze_target("tomorrow", now, BERLIN) == utc(2026, 11, 24, 8, 0)  # 09:00 CET
    # late in the evening UTC it is already the next day in Berlin
    late = utc(2026, 11, 23, 23, 30)  # 00:30 on the 24th in Berlin
    assert fus.snooze_target("tomorrow", late, BERLIN) == utc(2026, 11, 25, 8, 0)
    with pytest.raises(ValidationError):
        fus.snooze_target("forever", now, BERLIN)
    with pytest.raises(ValidationError):
        fus.snooze_target("1h", dt.datetime(2026, 11, 23, 14), BERLIN)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (utc(2026, 3, 28, 12), utc(2026, 3, 29, 7)),  # tomorrow is the switch day: 09:00 CEST
        (utc(2026, 3, 29, 12), utc(2026, 3, 30, 7)),
        (utc(2026, 10, 24, 12), utc(2026, 10, 25, 8)),  # back to CET overnight
        (utc(2026, 10, 25, 12), utc(2026, 10, 26, 8)),
    ],
)
def test_tomorrow_is_nine_local_across_dst(now: dt.datetime, expected: dt.datetime) -> None:
    target = fus.snooze_target("tomorrow", now, BERLIN)
    assert target == expected
    assert target.astimezone(BERLIN).time() == dt.time(9)


def test_day_bounds_are_local_days() -> None:
    start, end = fus.day_bounds(dt.date(2026, 3, 29), dt.date(2026, 3, 29), BERLIN)
    assert (start, end) == (utc(2026, 3, 28, 23), utc(2026, 3, 29, 22))  # a 23-hour day
    start, end = fus.day_bounds(dt.date(2026, 10, 25), dt.date(2026, 10, 25), BERLIN)
    assert end - start == dt.timedelta(hours=25)


def test_entry_reminder_moment_and_json() -> None:
    at = utc(2026, 11, 23, 13)
    fu = fus.AgendaEntry("followup", 1, "u1", at, ActivityKind.CALL, "n", person="Max")
    ap = fus.AgendaEntry("appointment", 2, "u2", at, ActivityKind.MEETING, "Termin")
    day = fus.AgendaEntry("appointment", 3, "u3", at, ActivityKind.MEETING, "Messe", all_day=True)
    assert fu.reminder_at == at
    assert ap.reminder_at == at - dt.timedelta(minutes=15)
    assert day.reminder_at == at
    assert fu.key == ("followup", 1)
    assert fu.to_json()["due_at"] == "2026-11-23T13:00:00+00:00"


def test_uids_are_unique_and_stable_format() -> None:
    uids = {fus.new_uid() for _ in range(200)}
    assert len(uids) == 200 and all(u.endswith("@crm-desktop") for u in uids)


ZONES = [
    "Europe/Berlin",
    "Europe/London",
    "America/New_York",
    "Australia/Sydney",
    "Asia/Tokyo",
    "America/Sao_Paulo",  # DST abolished in 2019: a fixed offset now
]


@pytest.mark.parametrize("key", ZONES)
def test_vtimezone_matches_zoneinfo(key: str) -> None:
    """The generated VTIMEZONE gives the same offsets as zoneinfo for every hour of
    the years it covers (checked with dateutil's independent VTIMEZONE reader)."""
    zone = ZoneInfo(key)
    moment = utc(2026, 11, 24, 13)
    item = ical.CalendarItem("u", "x", moment, moment)
    vtz = ical._vtimezone(zone, [item])
    text = vtz.to_ical().decode()
    assert "RDATE" not in text  # the compact RRULE form that Outlook reads
    parsed = dateutil_tz.tzical(
        io.StringIO("BEGIN:VCALENDAR\n" + text.replace("\r\n", "\n") + "END:VCALENDAR\n")
    ).get()
    local = dt.datetime(2025, 7, 1)
    checked = 0
    while local < dt.datetime(2027, 12, 31):
        ours = local.replace(tzinfo=zone)
        clear = ours.utcoffset() == ours.replace(fold=1).utcoffset()  # not in a gap/overlap
        if clear:
            assert local.replace(tzinfo=parsed).utcoffset() == ours.utcoffset(), local
            checked += 1
        local += dt.timedelta(hours=5)  # walks through every hour of the day
    assert checked > 4_000
