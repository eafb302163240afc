"""Quick entry: phrase → (kind, date, time, target, subject), German and English.

Today is Monday, 23 November 2026.
"""

from __future__ import annotations

import datetime as dt

import pytest

from crm_desktop.data.models import ActivityKind as K
from crm_desktop.interop.quickentry import parse

TODAY = dt.date(2026, 11, 23)
D = dt.date
T = dt.time

CASES = [
    # phrase, kind, date, time, target, subject
    (
        "morgen 14 Uhr Müller anrufen wegen Angebot",
        K.CALL,
        D(2026, 11, 24),
        T(14, 0),
        "Müller",
        "Angebot",
    ),
    ("call Anna Schäfer next Tuesday 9:30", K.CALL, D(2026, 11, 24), T(9, 30), "Anna Schäfer", ""),
    (
        "Besuch Köhler & Partner 3.12. 10:00",
        K.VISIT,
        D(2026, 12, 3),
        T(10, 0),
        "Köhler & Partner",
        "",
    ),
    ("heute 16:30 Rückruf Frau Weiß-Köhler", K.CALL, TODAY, T(16, 30), "Weiß-Köhler", ""),
    (
        "übermorgen Termin mit Dr. Hans Meier um 11",
        K.MEETING,
        D(2026, 11, 25),
        T(11, 0),
        "Dr. Hans Meier",
        "",
    ),
    ("nächsten Freitag Jürgen Müller anrufen", K.CALL, D(2026, 11, 27), None, "Jürgen Müller", ""),
    (
        "Freitag 9 Uhr Besuch bei Schmidt GmbH",
        K.VISIT,
        D(2026, 11, 27),
        T(9, 0),
        "Schmidt GmbH",
        "",
    ),
    (
        "Montag Mail an Petra Klein wegen Rechnung 4711",
        K.EMAIL,
        D(2026, 11, 23),
        None,
        "Petra Klein",
        "Rechnung 4711",
    ),
    ("nächsten Montag Mail an Petra Klein", K.EMAIL, D(2026, 11, 30), None, "Petra Klein", ""),
    ("in 3 Tagen Brief an Bäckerei Öztürk", K.LETTER, D(2026, 11, 26), None, "Bäckerei Öztürk", ""),
    ("in zwei Wochen Müller anrufen", K.CALL, D(2026, 12, 7), None, "Müller", ""),
    (
        "gestern mit Yilmaz telefoniert wegen Lieferung",
        K.CALL,
        D(2026, 11, 22),
        None,
        "Yilmaz",
        "Lieferung",
    ),
    (
        "Reklamation Maschinenbau Süd: Lager defekt",
        K.COMPLAINT,
        None,
        None,
        "Maschinenbau Süd: Lager defekt",
        "",
    ),
    (
        "24.12.2026 10:00 Termin Weihnachtsfeier Köhler",
        K.MEETING,
        D(2026, 12, 24),
        T(10, 0),
        "Weihnachtsfeier Köhler",
        "",
    ),
    ("1.2. Wartung bei Stadtwerke Ulm", K.SERVICE_CALL, D(2027, 2, 1), None, "Stadtwerke Ulm", ""),
    ("Notiz Müller: möchte Katalog", K.NOTE, None, None, "Müller: möchte Katalog", ""),
    ("um halb 3 Anruf Becker", K.CALL, None, T(14, 30), "Becker", ""),
    (
        "morgen nachmittag Besuch Fa. Hoffmann",
        K.VISIT,
        D(2026, 11, 24),
        T(15, 0),
        "Fa. Hoffmann",
        "",
    ),
    (
        "Dienstag früh Schulz anrufen bzgl. Vertrag",
        K.CALL,
        D(2026, 11, 24),
        T(8, 0),
        "Schulz",
        "Vertrag",
    ),
    ("nächste Woche Termin mit Frau Dr. Lange", K.MEETING, D(2026, 11, 30), None, "Dr. Lange", ""),
    ("call John Smith tomorrow at 3pm", K.CALL, D(2026, 11, 24), T(15, 0), "John Smith", ""),
    (
        "meeting with Acme Corp on December 5 at 10:30",
        K.MEETING,
        D(2026, 12, 5),
        T(10, 30),
        "Acme Corp",
        "",
    ),
    ("visit Jane Doe 12/7 2pm", K.VISIT, D(2026, 12, 7), T(14, 0), "Jane Doe", ""),
    ("email Peter Parker about the invoice", K.EMAIL, None, None, "Peter Parker", "the invoice"),
    (
        "called Mary Jones yesterday re: quote 2026-17",
        K.CALL,
        D(2026, 11, 22),
        None,
        "Mary Jones",
        "quote 2026-17",
    ),
    ("phone Bob Brown in 2 weeks", K.CALL, D(2026, 12, 7), None, "Bob Brown", ""),
    ("today 17:00 call Müller Maschinenbau", K.CALL, TODAY, T(17, 0), "Müller Maschinenbau", ""),
    ("next week meeting with Köhler", K.MEETING, D(2026, 11, 30), None, "Köhler", ""),
    (
        "letter to Stadtwerke Ulm on 2026-12-15",
        K.LETTER,
        D(2026, 12, 15),
        None,
        "Stadtwerke Ulm",
        "",
    ),
    ("complaint Schmidt GmbH broken pump", K.COMPLAINT, None, None, "Schmidt GmbH broken pump", ""),
    ("Thursday 10 am visit Anna Schäfer", K.VISIT, D(2026, 11, 26), T(10, 0), "Anna Schäfer", ""),
    ("3rd of December call Weber", K.CALL, D(2026, 12, 3), None, "Weber", ""),
    ("Müller", None, None, None, "Müller", ""),
    ("am 5. Dezember um 9:15 Besuch Fischer", K.VISIT, D(2026, 12, 5), T(9, 15), "Fischer", ""),
]


@pytest.mark.parametrize(("phrase", "kind", "date", "time", "target", "subject"), CASES)
def test_phrase(
    phrase: str,
    kind: K | None,
    date: dt.date | None,
    time: dt.time | None,
    target: str,
    subject: str,
) -> None:
    entry = parse(phrase, TODAY)
    assert (entry.kind, entry.date, entry.time, entry.target, entry.subject) == (
        kind,
        date,
        time,
        target,
        subject,
    )


def test_past_makes_an_activity_future_a_followup() -> None:
    zone = dt.timezone(dt.timedelta(hours=1))
    now = dt.datetime(2026, 11, 23, 10, 0, tzinfo=zone)
    assert parse("morgen 14 Uhr Müller anrufen", TODAY).is_followup(now)
    assert not parse("gestern Müller angerufen", TODAY).is_followup(now)
    assert not parse("Müller angerufen", TODAY).is_followup(now)
    assert parse("heute 16:30 Müller anrufen", TODAY).when(now) == dt.datetime(
        2026, 11, 23, 16, 30, tzinfo=zone
    )


def test_impossible_dates_do_not_crash() -> None:
    entry = parse("31.2. Müller anrufen", TODAY)
    assert entry.date is None and entry.notes
    assert parse("", TODAY).target == ""


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_never_crashes(text: str) -> None:
    entry = parse(text, TODAY)
    assert isinstance(entry.target, str)
