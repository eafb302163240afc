"""The quick entry's phrase table: what people type and what must come out.

Every row: the phrase, the kind, whether it becomes a follow-up (FOLLOW) or a logged
activity (LOG), the moment relative to the FixedClock (Monday 23 November 2026, 10:00
local: ``NOW``, ``later(hours=2)``, ``at(days, "HH:MM")``, ``on("12.03.2027", "09:00")``), the name part the service
matches against people and companies, and the subject. The rules behind the rows are
written down in crm_desktop/interop/quickentry.py.
"""

from __future__ import annotations

import datetime as dt

import pytest

from crm_desktop.clock import FixedClock
from crm_desktop.domain.kinds import ActivityKind as K
from crm_desktop.interop.quickentry import parse

ZONE = dt.timezone(dt.timedelta(hours=1))  # Berlin in November
CLOCK = FixedClock(dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC))
NOW = CLOCK.now().astimezone(ZONE)  # Monday 23.11.2026 10:00
FOLLOW, LOG = True, False


def at(days: int, hhmm: str) -> dt.datetime:
    hour, minute = (int(x) for x in hhmm.split(":"))
    day = NOW.date() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=ZONE)


def on(date: str, hhmm: str) -> dt.datetime:
    day, month, year = (int(x) for x in date.split("."))
    hour, minute = (int(x) for x in hhmm.split(":"))
    return dt.datetime(year, month, day, hour, minute, tzinfo=ZONE)


def later(**delta: int) -> dt.datetime:
    return NOW + dt.timedelta(**delta)


# fmt: off
PHRASES = [
    # phrase, kind, follow-up?, moment, name part, subject

    # --- German: in N Minuten / Stunden / Tagen / Wochen / Monaten
    ("in 2 Stunden Schäfer anrufen", K.CALL, FOLLOW, later(hours=2), "Schäfer", ""),
    ("in 2 Stunden Schäfer anrufen wegen Angebot", K.CALL, FOLLOW, later(hours=2), "Schäfer", "Angebot"),
    ("in einer Stunde Weber zurückrufen", K.CALL, FOLLOW, later(hours=1), "Weber", ""),
    ("in 30 Minuten Müller anrufen", K.CALL, FOLLOW, later(minutes=30), "Müller", ""),
    ("in 15 min Rückruf Becker", K.CALL, FOLLOW, later(minutes=15), "Becker", ""),
    ("in einer halben Stunde Termin mit Koch", K.MEETING, FOLLOW, later(minutes=30), "Koch", ""),
    ("in 3 Tagen Brief an Bäckerei Öztürk", K.LETTER, FOLLOW, at(3, "09:00"), "Bäckerei Öztürk", ""),
    ("in zwei Wochen Müller anrufen", K.CALL, FOLLOW, at(14, "09:00"), "Müller", ""),
    ("in 1 Woche Schulz mailen", K.EMAIL, FOLLOW, at(7, "09:00"), "Schulz", ""),
    ("in 2 Monaten Wartung Stadtwerke Ulm", K.SERVICE_CALL, FOLLOW, on("23.01.2027", "09:00"), "Stadtwerke Ulm", ""),

    # --- German: morgen, übermorgen, heute, gestern (today is Monday 23.11.2026, 10:00)
    ("morgen Schäfer anrufen", K.CALL, FOLLOW, at(1, "09:00"), "Schäfer", ""),
    ("morgen 14 Uhr Müller anrufen wegen Angebot", K.CALL, FOLLOW, at(1, "14:00"), "Müller", "Angebot"),
    ("morgen um 8 Fischer anrufen", K.CALL, FOLLOW, at(1, "08:00"), "Fischer", ""),
    ("morgen früh Weber anrufen", K.CALL, FOLLOW, at(1, "08:00"), "Weber", ""),
    ("morgen nachmittag Besuch Fa. Hoffmann", K.VISIT, FOLLOW, at(1, "15:00"), "Fa. Hoffmann", ""),
    ("übermorgen Termin mit Dr. Hans Meier um 11", K.MEETING, FOLLOW, at(2, "11:00"), "Dr. Hans Meier", ""),
    ("übermorgen 9:15 Schulz treffen", K.MEETING, FOLLOW, at(2, "09:15"), "Schulz", ""),
    ("heute 16:30 Rückruf Frau Weiß-Köhler", K.CALL, FOLLOW, at(0, "16:30"), "Weiß-Köhler", ""),
    ("heute abend um 8 Müller anrufen", K.CALL, FOLLOW, at(0, "20:00"), "Müller", ""),
    ("heute Müller anrufen", K.CALL, FOLLOW, NOW, "Müller", ""),
    ("heute Müller angerufen", K.CALL, LOG, NOW, "Müller", ""),
    ("gestern mit Yilmaz telefoniert wegen Lieferung", K.CALL, LOG, at(-1, "09:00"), "Yilmaz", "Lieferung"),
    ("gestern 15 Uhr Schäfer angerufen", K.CALL, LOG, at(-1, "15:00"), "Schäfer", ""),
    ("vorgestern Besuch bei Krüger", K.VISIT, LOG, at(-2, "09:00"), "Krüger", ""),

    # --- German: weekdays, abbreviated or not; today's weekday rolls on once its time passed
    ("Mo 8 Uhr Müller anrufen", K.CALL, FOLLOW, at(7, "08:00"), "Müller", ""),
    ("Mo 11 Uhr Müller anrufen", K.CALL, FOLLOW, at(0, "11:00"), "Müller", ""),
    ("Mo. 8 Uhr Müller anrufen", K.CALL, FOLLOW, at(7, "08:00"), "Müller", ""),
    ("Montag Mail an Petra Klein wegen Rechnung 4711", K.EMAIL, FOLLOW, NOW, "Petra Klein", "Rechnung 4711"),
    ("nächsten Montag Mail an Petra Klein", K.EMAIL, FOLLOW, at(7, "09:00"), "Petra Klein", ""),
    ("Di 14 Uhr Termin mit Weber", K.MEETING, FOLLOW, at(1, "14:00"), "Weber", ""),
    ("Di. 14h Termin mit Weber", K.MEETING, FOLLOW, at(1, "14:00"), "Weber", ""),
    ("Dienstag früh Schulz anrufen bzgl. Vertrag", K.CALL, FOLLOW, at(1, "08:00"), "Schulz", "Vertrag"),
    ("Mi 10:00 Besuch Köhler", K.VISIT, FOLLOW, at(2, "10:00"), "Köhler", ""),
    ("Mittwoch halb zehn Meeting Lange", K.MEETING, FOLLOW, at(2, "09:30"), "Lange", ""),
    ("Do 8.30 Uhr Besuch Fischer", K.VISIT, FOLLOW, at(3, "08:30"), "Fischer", ""),
    ("Donnerstag viertel nach drei Schäfer anrufen", K.CALL, FOLLOW, at(3, "15:15"), "Schäfer", ""),
    ("Fr halb drei Schäfer treffen", K.MEETING, FOLLOW, at(4, "14:30"), "Schäfer", ""),
    ("Freitag halb drei Schäfer treffen", K.MEETING, FOLLOW, at(4, "14:30"), "Schäfer", ""),
    ("Freitag 9 Uhr Besuch bei Schmidt GmbH", K.VISIT, FOLLOW, at(4, "09:00"), "Schmidt GmbH", ""),
    ("nächsten Freitag Jürgen Müller anrufen", K.CALL, FOLLOW, at(4, "09:00"), "Jürgen Müller", ""),
    ("Sa 10 Uhr Besuch Lehmann", K.VISIT, FOLLOW, at(5, "10:00"), "Lehmann", ""),
    ("So. 11 Uhr Termin Braun", K.MEETING, FOLLOW, at(6, "11:00"), "Braun", ""),
    ("am Mo Schulz mailen", K.EMAIL, FOLLOW, NOW, "Schulz", ""),

    # --- German: clock words, business hours (1–6 o'clock without am/pm is the afternoon)
    ("viertel nach drei Becker anrufen", K.CALL, FOLLOW, at(0, "15:15"), "Becker", ""),
    ("viertel vor vier Becker anrufen", K.CALL, FOLLOW, at(0, "15:45"), "Becker", ""),
    ("dreiviertel vier Becker anrufen", K.CALL, FOLLOW, at(0, "15:45"), "Becker", ""),
    ("viertel vier Becker anrufen", K.CALL, FOLLOW, at(0, "15:15"), "Becker", ""),
    ("um halb 3 Anruf Becker", K.CALL, FOLLOW, at(0, "14:30"), "Becker", ""),
    ("um drei Weber anrufen", K.CALL, FOLLOW, at(0, "15:00"), "Weber", ""),
    ("drei Uhr Weber anrufen", K.CALL, FOLLOW, at(0, "15:00"), "Weber", ""),
    ("halb eins Termin Vogel", K.MEETING, FOLLOW, at(0, "12:30"), "Vogel", ""),
    ("um 12 Termin Vogel", K.MEETING, FOLLOW, at(0, "12:00"), "Vogel", ""),
    ("um 6 Müller anrufen", K.CALL, FOLLOW, at(0, "18:00"), "Müller", ""),
    ("06:30 Müller anrufen", K.CALL, FOLLOW, at(1, "06:30"), "Müller", ""),
    ("morgens um 6 Müller anrufen", K.CALL, FOLLOW, at(1, "06:00"), "Müller", ""),
    ("14h Schulz anrufen", K.CALL, FOLLOW, at(0, "14:00"), "Schulz", ""),
    ("8.30 Uhr Besuch Fischer", K.VISIT, LOG, at(0, "08:30"), "Fischer", ""),
    ("18:45 Rückruf Krause", K.CALL, FOLLOW, at(0, "18:45"), "Krause", ""),
    ("zehn nach vier Koch anrufen", K.CALL, FOLLOW, at(0, "16:10"), "Koch", ""),

    # --- German: dates with and without a year, next week, end of the week
    ("12.3. Müller anrufen", K.CALL, FOLLOW, on("12.03.2027", "09:00"), "Müller", ""),
    ("12.3. 14 Uhr Meeting Köhler", K.MEETING, FOLLOW, on("12.03.2027", "14:00"), "Köhler", ""),
    ("12.03.2027 Müller mailen", K.EMAIL, FOLLOW, on("12.03.2027", "09:00"), "Müller", ""),
    ("12.03.2027 10:30 Besuch Wolf", K.VISIT, FOLLOW, on("12.03.2027", "10:30"), "Wolf", ""),
    ("24.12.2026 10:00 Termin Weihnachtsfeier Köhler", K.MEETING, FOLLOW, on("24.12.2026", "10:00"), "Weihnachtsfeier Köhler", ""),
    ("1.2. Wartung bei Stadtwerke Ulm", K.SERVICE_CALL, FOLLOW, on("01.02.2027", "09:00"), "Stadtwerke Ulm", ""),
    ("am 5. Dezember um 9:15 Besuch Fischer", K.VISIT, FOLLOW, at(12, "09:15"), "Fischer", ""),
    ("2026-12-15 Brief an Stadtwerke Ulm", K.LETTER, FOLLOW, on("15.12.2026", "09:00"), "Stadtwerke Ulm", ""),
    ("nächste Woche Termin mit Frau Dr. Lange", K.MEETING, FOLLOW, at(7, "09:00"), "Dr. Lange", ""),
    ("nächste Woche Mittwoch um 10 Schulz treffen", K.MEETING, FOLLOW, at(9, "10:00"), "Schulz", ""),
    ("Ende der Woche Angebot an Neumann mailen", K.EMAIL, FOLLOW, at(4, "09:00"), "Angebot an Neumann", ""),

    # --- German: logged activities; the subject keeps every word
    ("Schäfer angerufen, Angebot passt", K.CALL, LOG, NOW, "Schäfer", "Angebot passt"),
    ("Schäfer anrufen, Angebot passt", K.CALL, FOLLOW, NOW, "Schäfer", "Angebot passt"),
    ("Müller angerufen wegen Lieferung", K.CALL, LOG, NOW, "Müller", "Lieferung"),
    ("Schulz getroffen, Vertrag unterschrieben", K.MEETING, LOG, NOW, "Schulz", "Vertrag unterschrieben"),
    ("Krause telefoniert: Rechnung bezahlt", K.CALL, LOG, NOW, "Krause", "Rechnung bezahlt"),
    ("Reklamation Maschinenbau Süd: Lager defekt", K.COMPLAINT, LOG, NOW, "Maschinenbau Süd: Lager defekt", ""),
    ("Notiz Müller: möchte Katalog", K.NOTE, LOG, NOW, "Müller: möchte Katalog", ""),
    ("Besuch Köhler & Partner 3.12. 10:00", K.VISIT, FOLLOW, at(10, "10:00"), "Köhler & Partner", ""),
    ("Müller", None, LOG, NOW, "Müller", ""),
    ("Anruf Anna Schäfer", K.CALL, LOG, NOW, "Anna Schäfer", ""),

    ("Fr. Müller anrufen", K.CALL, FOLLOW, NOW, "Müller", ""),
    ("Hr. Müller am Fr. anrufen", K.CALL, FOLLOW, at(4, "09:00"), "Müller", ""),
    ("Fr 10 Uhr Müller anrufen", K.CALL, FOLLOW, at(4, "10:00"), "Müller", ""),
    ("vor 3 Tagen Müller angerufen", K.CALL, LOG, at(-3, "09:00"), "Müller", ""),
    ("vor einer Stunde Schäfer angerufen", K.CALL, LOG, later(hours=-1), "Schäfer", ""),
    ("Anfang nächster Woche Müller anrufen", K.CALL, FOLLOW, at(7, "09:00"), "Müller", ""),
    ("übernächste Woche Termin mit Schulz", K.MEETING, FOLLOW, at(14, "09:00"), "Schulz", ""),
    ("übernächsten Freitag Schulz anrufen", K.CALL, FOLLOW, at(11, "09:00"), "Schulz", ""),

    # --- English
    ("call Anna Schäfer next Tuesday 9:30", K.CALL, FOLLOW, at(1, "09:30"), "Anna Schäfer", ""),
    ("call John Smith tomorrow at 3pm", K.CALL, FOLLOW, at(1, "15:00"), "John Smith", ""),
    ("call Smith in an hour", K.CALL, FOLLOW, later(hours=1), "Smith", ""),
    ("in 2 hours call Smith", K.CALL, FOLLOW, later(hours=2), "Smith", ""),
    ("in 45 minutes call Brown", K.CALL, FOLLOW, later(minutes=45), "Brown", ""),
    ("in 3 days email Jones", K.EMAIL, FOLLOW, at(3, "09:00"), "Jones", ""),
    ("in 2 weeks phone Bob Brown", K.CALL, FOLLOW, at(14, "09:00"), "Bob Brown", ""),
    ("tomorrow 10:30am call Brown", K.CALL, FOLLOW, at(1, "10:30"), "Brown", ""),
    ("tomorrow morning call Green", K.CALL, FOLLOW, at(1, "09:00"), "Green", ""),
    ("tomorrow afternoon meet Green", K.MEETING, FOLLOW, at(1, "15:00"), "Green", ""),
    ("day after tomorrow call Taylor", K.CALL, FOLLOW, at(2, "09:00"), "Taylor", ""),
    ("today 17:00 call Müller Maschinenbau", K.CALL, FOLLOW, at(0, "17:00"), "Müller Maschinenbau", ""),
    ("tonight call Harris", K.CALL, FOLLOW, at(0, "19:00"), "Harris", ""),
    ("Mon 9am call Wilson", K.CALL, FOLLOW, at(7, "09:00"), "Wilson", ""),
    ("Mon. 9am call Wilson", K.CALL, FOLLOW, at(7, "09:00"), "Wilson", ""),
    ("Tue 2pm meeting with Clark", K.MEETING, FOLLOW, at(1, "14:00"), "Clark", ""),
    ("Wed 10:30 visit Lewis", K.VISIT, FOLLOW, at(2, "10:30"), "Lewis", ""),
    ("Thu 4 pm call Walker", K.CALL, FOLLOW, at(3, "16:00"), "Walker", ""),
    ("Thursday 10 am visit Anna Schäfer", K.VISIT, FOLLOW, at(3, "10:00"), "Anna Schäfer", ""),
    ("Fri 3pm call Hall", K.CALL, FOLLOW, at(4, "15:00"), "Hall", ""),
    ("Friday at 2 call Young", K.CALL, FOLLOW, at(4, "14:00"), "Young", ""),
    ("next Monday email Allen", K.EMAIL, FOLLOW, at(7, "09:00"), "Allen", ""),
    ("next week meeting with Köhler", K.MEETING, FOLLOW, at(7, "09:00"), "Köhler", ""),
    ("next week Tue call Jones", K.CALL, FOLLOW, at(8, "09:00"), "Jones", ""),
    ("half past two call Green", K.CALL, FOLLOW, at(0, "14:30"), "Green", ""),
    ("quarter past three call King", K.CALL, FOLLOW, at(0, "15:15"), "King", ""),
    ("quarter to four meeting Green", K.MEETING, FOLLOW, at(0, "15:45"), "Green", ""),
    ("at noon meeting Scott", K.MEETING, FOLLOW, at(0, "12:00"), "Scott", ""),
    ("3/12 call Jones", K.CALL, FOLLOW, on("12.03.2027", "09:00"), "Jones", ""),
    ("12/7 2pm visit Jane Doe", K.VISIT, FOLLOW, at(14, "14:00"), "Jane Doe", ""),
    ("December 5 meeting Acme Corp", K.MEETING, FOLLOW, at(12, "09:00"), "Acme Corp", ""),
    ("meeting with Acme Corp on December 5 at 10:30", K.MEETING, FOLLOW, at(12, "10:30"), "Acme Corp", ""),
    ("3rd of December call Weber", K.CALL, FOLLOW, at(10, "09:00"), "Weber", ""),
    ("letter to Stadtwerke Ulm on 2026-12-15", K.LETTER, FOLLOW, on("15.12.2026", "09:00"), "Stadtwerke Ulm", ""),
    ("called Mary Jones yesterday re: quote 2026-17", K.CALL, LOG, at(-1, "09:00"), "Mary Jones", "quote 2026-17"),
    ("called Smith, offer accepted", K.CALL, LOG, NOW, "Smith", "offer accepted"),
    ("met Clark yesterday about the contract", K.MEETING, LOG, at(-1, "09:00"), "Clark", "the contract"),
    ("emailed Jones the invoice", K.EMAIL, LOG, NOW, "Jones the invoice", ""),
    ("email Peter Parker about the invoice", K.EMAIL, LOG, NOW, "Peter Parker", "the invoice"),
    ("complaint Schmidt GmbH broken pump", K.COMPLAINT, LOG, NOW, "Schmidt GmbH broken pump", ""),
    ("spoke to Adams on Friday", None, LOG, at(-3, "09:00"), "Adams", ""),
    ("called Baker on Mon", K.CALL, LOG, NOW, "Baker", ""),
    ("Müller angerufen, so war das besprochen", K.CALL, LOG, NOW, "Müller", "so war das besprochen"),
    ("Anruf Becker do not forget", K.CALL, LOG, NOW, "Becker do not forget", ""),
    ("war bei Krüger, Muster dagelassen", None, LOG, NOW, "Krüger", "Muster dagelassen"),
    ("in 3 Wochen Müller anrufen", K.CALL, FOLLOW, on("14.12.2026", "09:00"), "Müller", ""),
    ("8 Uhr Müller anrufen", K.CALL, FOLLOW, at(1, "08:00"), "Müller", ""),
    ("called Smith 2 days ago", K.CALL, LOG, at(-2, "09:00"), "Smith", ""),
]
# fmt: on


def test_the_table_is_large() -> None:
    assert len(PHRASES) >= 100
    assert len({row[0] for row in PHRASES}) == len(PHRASES)


@pytest.mark.parametrize(("phrase", "kind", "followup", "moment", "target", "subject"), PHRASES)
def test_phrase(
    phrase: str,
    kind: K | None,
    followup: bool,
    moment: dt.datetime,
    target: str,
    subject: str,
) -> None:
    entry = parse(phrase, NOW.replace(tzinfo=None))
    got = (
        entry.kind,
        entry.is_followup(NOW),
        entry.when(NOW) or NOW,
        entry.target,
        entry.subject,
    )
    assert got == (kind, followup, moment, target, subject)


def test_a_phrase_about_the_future_is_never_a_logged_activity() -> None:
    for phrase, _kind, followup, moment, _target, _subject in PHRASES:
        entry = parse(phrase, NOW.replace(tzinfo=None))
        if moment > NOW and not entry.past:
            assert followup is FOLLOW, phrase


def test_todays_weekday_without_the_clock_time_is_today() -> None:
    # parse() given only a date cannot tell whether 8:00 has passed: it stays today
    assert parse("Mo 8 Uhr Müller anrufen", NOW.date()).date == NOW.date()


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = [
    "in",
    "9999",
    "99999999",
    "Stunden",
    "Tagen",
    "Mo",
    "So.",
    "halb",
    "drei",
    "viertel",
    "vor",
    "nach",
    "12.3.",
    "31.2.",
    "3/12",
    "14h",
    "8.30",
    "Uhr",
    "pm",
    "nächste",
    "Woche",
    "morgen",
    "Müller",
    "anrufen",
    "angerufen",
    ",",
    ":",
    "wegen",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=10),
    st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2090, 12, 31)),
)
def test_any_mix_of_pieces_parses_at_any_time(pieces: list[str], now: dt.datetime) -> None:
    entry = parse(" ".join(pieces), now)
    local = now.replace(tzinfo=ZONE)
    moment = entry.when(local)
    assert moment is None or moment.tzinfo is ZONE
    entry.is_followup(local)


def test_in_two_hours_counts_real_hours_across_the_clock_change() -> None:
    from zoneinfo import ZoneInfo

    berlin = ZoneInfo("Europe/Berlin")
    before = dt.datetime(2026, 10, 25, 1, 30, tzinfo=berlin)  # summer time ends at 3:00
    entry = parse("in 2 Stunden Müller anrufen", before.replace(tzinfo=None))
    moment = entry.when(before)
    assert moment is not None
    assert moment.astimezone(dt.UTC) - before.astimezone(dt.UTC) == dt.timedelta(hours=2)
