"""Understand one line of German or English: who, what kind, when, about what.

    "morgen 14 Uhr Müller anrufen wegen Angebot"
    "call Anna Schäfer next Tuesday 9:30"
    "Besuch Köhler & Partner 3.12. 10:00"
    "in 2 Stunden Schäfer anrufen, Angebot passt"

The parser is rule-based for the forms people actually type; whatever it cannot read
stays in the text. It finds no records itself: :func:`parse` returns the name part
(``target``) and the service layer matches it against people and companies.

The rules (the phrase table in tests/interop/test_quickentry_phrases.py shows them):

* Weekdays, written out or abbreviated (Mo Di Mi Do Fr Sa So, Mon Tue Wed Thu Fri Sat
  Sun, with or without a dot) mean the next such day. An abbreviation counts when it
  is capitalised, has a dot, follows "am"/"next"/"nächsten" or is followed by a time
  or date ("do" and "so" in the middle of a sentence are words, "Fr. Müller" is Frau
  Müller). Today's weekday means
  today when the time named is still ahead (or no time is named) and the same day next
  week when the time has passed ("Mo 8 Uhr" on a Monday at 10:00 is next Monday).
  With a past verb ("angerufen", "called") a weekday means the last such day.
* Times: "8 Uhr", "8:30", "8.30 Uhr", "14h", "3pm", "10:30 am", "um 11", "halb drei",
  "viertel nach drei", "viertel vor vier", "dreiviertel vier", "drei Uhr", "half past
  two", "quarter to four", dayparts ("nachmittags", "abends", "morning"). Business hours:
  an hour from 1 to 6 written without am/pm and without a leading zero is read in the
  afternoon ("halb drei" = 14:30, "um 3" = 15:00), so the reading falls between 07:00 and
  19:00; "06:30", "3am" and "morgens um 6" stay in the morning, "abends um 8" is 20:00.
* Relative: "heute", "morgen", "übermorgen", "gestern", "in N Minuten/Stunden/Tagen/
  Wochen/Monaten", "in 2 hours" (real hours, also across a DST change), "vor 3 Tagen",
  "2 days ago", "nächste Woche"/"next week"/"Anfang nächster Woche" (Monday of next
  week, with a weekday: that day of next week), "übernächste Woche", "Ende der Woche".
* Dates: "12.3.", "12.03.2027", "2027-03-12", "3/12" (English month/day), "5. Dezember",
  "December 5"; a date without a year is the next such date (up to 60 days back it is
  this year's). Times attach to dates ("12.3. 14 Uhr").
* The subject: text after "wegen", "bzgl.", "about", "re:" …, or after the first comma
  ("Schäfer anrufen, Angebot passt") or a colon right after the verb ("telefoniert:");
  every word that is not the date, time, kind or
  name stays in it.
* Follow-up or activity (:meth:`QuickEntry.is_followup`): a past verb ("angerufen",
  "called", "war") always logs an activity; otherwise a moment ahead (or a date of today
  or later without a time) is a follow-up. No date or time at all logs an activity now –
  unless a lower-case German infinitive ("anrufen", "mailen", "treffen") makes it a
  to-do: then it is a follow-up due now. A time alone that has passed today logs an
  activity at that time ("8.30 Uhr Besuch Fischer" at 10:00), with an infinitive it is
  tomorrow at that time ("8 Uhr Müller anrufen").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from crm_desktop.domain.kinds import ActivityKind

KIND_WORDS: dict[str, ActivityKind] = {}
_KIND_TABLE = {
    ActivityKind.CALL: (
        "anrufen anruf angerufen telefonieren telefonat telefoniert rückruf zurückrufen "
        "zurückgerufen anrufe call called calling phone phoned ring rang callback"
    ),
    ActivityKind.MEETING: (
        "termin meeting treffen besprechung meet meeting-termin getroffen besprechen besprochen met"
    ),
    ActivityKind.VISIT: "besuch besuchen besucht visit visited",
    ActivityKind.EMAIL: "mail e-mail email mailen gemailt emailen e-mailen emailed mailed",
    ActivityKind.LETTER: "brief letter schreiben geschrieben",
    ActivityKind.COMPLAINT: "reklamation beschwerde complaint",
    ActivityKind.SERVICE_CALL: "service servicefall wartung servicecall service-call",
    ActivityKind.NOTE: "notiz note",
}
for _kind, _words in _KIND_TABLE.items():
    for _w in _words.split():
        KIND_WORDS[_w] = _kind

PAST_WORDS = {
    "angerufen",
    "telefoniert",
    "zurückgerufen",
    "besucht",
    "gemailt",
    "geschrieben",
    "called",
    "phoned",
    "visited",
    "emailed",
    "met",
    "getroffen",
    "gesprochen",
    "spoke",
    "talked",
    "besprochen",
    "geschickt",
    "gesendet",
    "sent",
    "wrote",
    "mailed",
    "rang",
    "war",
    "hatte",
    "had",
}

#: German infinitives, written in lower case, make a to-do ("Müller anrufen"): with no
#: date or time a follow-up due now, with a time already past today the same time tomorrow
TODO_WORDS = {
    "anrufen",
    "zurückrufen",
    "telefonieren",
    "mailen",
    "e-mailen",
    "emailen",
    "treffen",
    "besuchen",
    "schreiben",
    "besprechen",
    "schicken",
    "senden",
    "nachfassen",
    "erinnern",
}

WEEKDAYS = {
    "montag": 0,
    "mo": 0,
    "monday": 0,
    "mon": 0,
    "dienstag": 1,
    "di": 1,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "mittwoch": 2,
    "mi": 2,
    "wednesday": 2,
    "wed": 2,
    "donnerstag": 3,
    "do": 3,
    "thursday": 3,
    "thu": 3,
    "thurs": 3,
    "freitag": 4,
    "fr": 4,
    "friday": 4,
    "fri": 4,
    "samstag": 5,
    "sa": 5,
    "saturday": 5,
    "sat": 5,
    "sonnabend": 5,
    "sonntag": 6,
    "so": 6,
    "sunday": 6,
    "sun": 6,
}
MONTHS = {
    "januar": 1,
    "jänner": 1,
    "january": 1,
    "jan": 1,
    "februar": 2,
    "february": 2,
    "feb": 2,
    "märz": 3,
    "maerz": 3,
    "march": 3,
    "mar": 3,
    "mär": 3,
    "april": 4,
    "apr": 4,
    "mai": 5,
    "may": 5,
    "juni": 6,
    "june": 6,
    "jun": 6,
    "juli": 7,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "oktober": 10,
    "october": 10,
    "okt": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "dezember": 12,
    "december": 12,
    "dez": 12,
    "dec": 12,
}
RELATIVE_DAYS = {
    "heute": 0,
    "today": 0,
    "morgen": 1,
    "tomorrow": 1,
    "übermorgen": 2,
    "uebermorgen": 2,
    "gestern": -1,
    "yesterday": -1,
    "vorgestern": -2,
}
DAYPARTS = {
    "früh": 8,
    "morgens": 9,
    "vormittags": 10,
    "vormittag": 10,
    "mittags": 12,
    "mittag": 12,
    "nachmittags": 15,
    "nachmittag": 15,
    "abends": 18,
    "abend": 18,
    "morning": 9,
    "noon": 12,
    "afternoon": 15,
    "evening": 18,
    "tonight": 19,
}
FILLER = {
    "mit",
    "with",
    "bei",
    "at",
    "an",
    "to",
    "um",
    "am",
    "den",
    "dem",
    "der",
    "die",
    "das",
    "the",
    "on",
    "von",
    "frau",
    "fr.",
    "fr",
    "hr.",
    "hr",
    "herr",
    "herrn",
    "mr",
    "mrs",
    "ms",
    "mr.",
    "mrs.",
    "ms.",
    "bitte",
    "please",
    "nochmal",
    "again",
    "für",
    "for",
    "zu",
    "beim",
    "in",
    "im",
    "a",
    "an.",
    "ein",
    "einen",
    "eine",
    "kunde",
    "kunden",
    "customer",
    "client",
    "and",
    "und",
    "uhr",
    "o'clock",
    "next",
    "nächsten",
    "nächste",
    "nächster",
    "kommenden",
    "kommende",
    "this",
    "diesen",
    "diese",
    "dieser",
    "coming",
    "of",
    "des",
}
SUBJECT_MARKERS = r"(?:wegen|bzgl\.?|bezüglich|betreffend|betr\.|zum thema|zu|re:?|about|regarding|concerning|because of)"

_WORD = r"[A-Za-zÄÖÜäöüß]+"


NUMBER_WORDS = {
    "ein": 1,
    "eins": 1,
    "eine": 1,
    "einem": 1,
    "einer": 1,
    "a": 1,
    "an": 1,
    "one": 1,
    "zwei": 2,
    "two": 2,
    "drei": 3,
    "three": 3,
    "vier": 4,
    "four": 4,
    "fünf": 5,
    "fuenf": 5,
    "five": 5,
    "sechs": 6,
    "six": 6,
    "sieben": 7,
    "seven": 7,
    "acht": 8,
    "eight": 8,
    "neun": 9,
    "nine": 9,
    "zehn": 10,
    "ten": 10,
    "elf": 11,
    "eleven": 11,
    "zwölf": 12,
    "zwoelf": 12,
    "twelve": 12,
}
#: hour words for clock readings ("halb drei", "drei Uhr") – "ein"/"a" are no hours
HOUR_WORDS = {
    w: n for w, n in NUMBER_WORDS.items() if w not in {"ein", "eine", "einem", "einer", "a", "an"}
}
QUALIFIERS_NEXT = {"nächsten", "nächste", "nächster", "kommenden", "kommende", "next"}
MORNING_PARTS = {"früh", "morgens", "vormittags", "vormittag", "morning"}
LATE_PARTS = {"nachmittags", "nachmittag", "abends", "abend", "afternoon", "evening", "tonight"}
#: a date without a time: due at this hour (today without a time: due now)
DEFAULT_TIME = dt.time(9, 0)

_NUM = r"\d{1,4}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_HOUR = r"\d{1,2}|" + "|".join(sorted(HOUR_WORDS, key=len, reverse=True))
_END = r"(?=[\s,;:!?]|\.(?:\s|$))"


@dataclass
class QuickEntry:
    text: str
    kind: ActivityKind | None = None
    date: dt.date | None = None
    time: dt.time | None = None
    target: str = ""
    subject: str = ""
    past: bool = False
    notes: list[str] = field(default_factory=list)
    #: "in 2 Stunden": the moment is this far from now (date and time stay None)
    offset: dt.timedelta | None = None
    #: a to-do verb ("anrufen") and no past one: without date or time a follow-up due now
    todo: bool = False

    def when(self, now_local: dt.datetime) -> dt.datetime | None:
        """The wall-clock moment in the zone of ``now_local`` (None when no date or time).

        A date without a time is due at 09:00; today without a time means now."""
        if self.offset is not None:
            moment = now_local.astimezone(dt.UTC) + self.offset  # real hours across DST
            return moment.astimezone(now_local.tzinfo).replace(second=0, microsecond=0)
        if self.date is None and self.time is None:
            return None
        day = self.date or now_local.date()
        if self.time is None and day == now_local.date():
            return now_local.replace(second=0, microsecond=0)
        at = self.time or DEFAULT_TIME
        return dt.datetime.combine(day, at, tzinfo=now_local.tzinfo)

    def is_followup(self, now_local: dt.datetime) -> bool:
        """A follow-up: no past verb and a moment ahead (a day of today or later
        without a time counts as ahead). Everything else is a logged activity."""
        if self.past:
            return False
        if self.offset is None and self.date is None and self.time is None:
            return self.todo
        if self.offset is not None:
            return self.offset > dt.timedelta(0)
        if self.date is not None and self.time is None:
            return self.date >= now_local.date()
        moment = self.when(now_local)
        return moment is not None and moment > now_local


class _Cut:
    """The input with recognised parts removed, keeping positions simple."""

    def __init__(self, text: str) -> None:
        self.text = f" {text} "

    def take(self, pattern: str, flags: int = re.IGNORECASE) -> re.Match[str] | None:
        m = re.search(pattern, self.text, flags)
        if m:
            self.text = self.text[: m.start()] + " " + self.text[m.end() :]
        return m


def _next_weekday(today: dt.date, weekday: int, *, force_next: bool) -> dt.date:
    ahead = (weekday - today.weekday()) % 7
    if ahead == 0 and force_next:
        ahead = 7
    return today + dt.timedelta(days=ahead)


def _year_for(day: int, month: int, today: dt.date) -> dt.date | None:
    try:
        candidate = dt.date(today.year, month, day)
    except ValueError:
        return None
    if candidate < today - dt.timedelta(days=60):
        try:
            candidate = dt.date(today.year + 1, month, day)
        except ValueError:
            return None
    return candidate


def _full_year(y: int) -> int:
    return y + 2000 if y < 100 else y


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


class _Clock:
    """A time read from the text and whether its hour may still mean the afternoon."""

    def __init__(self, hour: int, minute: int, *, ambiguous: bool) -> None:
        self.hour, self.minute, self.ambiguous = hour, minute, ambiguous


def _written_hour(text: str, suffix: str | None = None) -> tuple[int, bool]:
    """(hour, ambiguous): "3" may be 15:00, "03", "3am" or "15" not."""
    hour = _number(text)
    ambiguous = not suffix and not text.startswith("0") and 1 <= hour <= 6
    return hour, ambiguous


def _parse_time(cut: _Cut) -> _Clock | None:
    ampm = r"(am|pm|a\.m\.|p\.m\.)"
    m = cut.take(
        rf"(?<=\s)(?:um\s+|at\s+|gegen\s+|ab\s+)?(\d{{1,2}})[:.](\d{{2}})\s*(?:uhr|h|{ampm})?(?=[\s,;!?]|\.\s)"
    )
    if m:
        return _clock_of(m.group(1), int(m.group(2)), m.group(3))
    m = cut.take(
        rf"(?<=\s)(?:um\s+|at\s+|gegen\s+|ab\s+)?(\d{{1,2}})\s*(?:uhr|h|o'clock|{ampm})(?=[\s,;!?]|\.\s|\.$)"
    )
    if m:
        return _clock_of(m.group(1), 0, m.group(2))
    # "viertel nach drei", "zehn vor vier", "quarter past three", "half past two"
    m = cut.take(
        rf"(?<=\s)(?:um\s+|at\s+|gegen\s+)?(viertel|quarter|a quarter|half|\d{{1,2}}|zehn|fünf|zwanzig|ten|five|twenty)"
        rf"(?:\s+minuten|\s+minutes)?\s+(nach|vor|past|to|after)\s+({_HOUR})(?:\s*uhr)?{_END}"
    )
    if m:
        amount_word = m.group(1).lower()
        amounts = {
            "viertel": 15,
            "quarter": 15,
            "a quarter": 15,
            "half": 30,
            "zehn": 10,
            "ten": 10,
            "fünf": 5,
            "five": 5,
            "zwanzig": 20,
            "twenty": 20,
        }
        amount = int(amount_word) if amount_word.isdigit() else amounts[amount_word]
        hour, ambiguous = _written_hour(m.group(3))
        if m.group(2).lower() in {"nach", "past", "after"}:
            return _clock_of_hour(hour, amount, ambiguous)
        return _clock_of_hour(hour - 1, 60 - amount, ambiguous)
    # "halb drei" = 2:30, "dreiviertel vier" = 3:45, "viertel vier" = 3:15
    m = cut.take(
        rf"(?<=\s)(?:um\s+|gegen\s+)?(halb|dreiviertel|drei\s+viertel|viertel)\s+({_HOUR})(?:\s*uhr)?{_END}"
    )
    if m:
        hour, ambiguous = _written_hour(m.group(2))
        minute = {"halb": 30, "dreiviertel": 45, "viertel": 15}.get(
            re.sub(r"\s+", "", m.group(1).lower()), 45
        )
        return _clock_of_hour(hour - 1, minute, ambiguous)
    m = cut.take(rf"(?<=\s)(?:um\s+|gegen\s+|at\s+)?({_HOUR})\s+uhr{_END}")
    if m:
        return _clock_of(m.group(1), 0, None)
    m = cut.take(rf"(?<=\s)(?:um|at|gegen|ab)\s+({_HOUR}){_END}")
    if m:
        return _clock_of(m.group(1), 0, None)
    m = cut.take(r"(?<=\s)(noon|mittag|midnight|mitternacht)(?=[\s,.])")
    if m:
        word = m.group(1).lower()
        return _Clock(0 if word in {"midnight", "mitternacht"} else 12, 0, ambiguous=False)
    return None


def _clock_of(hour_text: str, minute: int, suffix: str | None) -> _Clock | None:
    hour, ambiguous = _written_hour(hour_text, suffix)
    suffix = (suffix or "").lower().replace(".", "")
    if suffix == "pm" and hour < 12:
        hour += 12
    elif suffix == "am" and hour == 12:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return _Clock(hour, minute, ambiguous=ambiguous)


def _clock_of_hour(hour: int, minute: int, ambiguous: bool) -> _Clock | None:
    if hour <= 0:  # "halb eins" is 12:30
        hour += 12
        ambiguous = False
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return _Clock(hour, minute, ambiguous=ambiguous or 1 <= hour <= 6)


def parse(text: str, today: dt.date | dt.datetime) -> QuickEntry:
    """Parse one line relative to ``today`` (the user's local date, or the local
    date and time: with a time, today's weekday whose time has passed means next week)."""
    now_time: dt.time | None = None
    if isinstance(today, dt.datetime):
        now_time = today.time().replace(tzinfo=None)
        today = today.date()
    entry = QuickEntry(text=text.strip())
    cut = _Cut(entry.text)
    lower_words = {w.lower().strip(".,;:!?") for w in entry.text.split()}
    entry.past = bool(lower_words & PAST_WORDS)
    entry.todo = not entry.past and any(w.strip(".,;:!?") in TODO_WORDS for w in entry.text.split())

    # --- subject: "wegen Angebot 2026-17" to the end (taken first: may hold numbers)
    m = cut.take(rf"(?<=\s){SUBJECT_MARKERS}\s+(.+?)\s*$")
    if m:
        entry.subject = m.group(1).strip(" ,;:")

    # --- relative moments: "in 2 Stunden", "in 30 Minuten", "in an hour"
    m = cut.take(
        rf"(?<=\s)in\s+(?:(einer\s+halben|einer\s+viertel|half\s+an|a\s+half)|({_NUM})(?:\s*(?:1/2|½|einhalb))?)\s+"
        r"(minuten?|min\.?|minutes?|mins?|stunden?|std\.?|hours?|hrs?|h)(?=[\s,;])"
    )
    if m:
        unit = m.group(3).lower()
        minutes_per = 1 if unit.startswith("min") else 60
        if m.group(1):
            amount = 0.25 if "viertel" in m.group(1).lower() else 0.5
        else:
            amount = float(_number(m.group(2)))
            if re.search(r"1/2|½|einhalb", m.group(0)):
                amount += 0.5
        entry.offset = dt.timedelta(minutes=round(amount * minutes_per))
    # "vor 3 Tagen", "vor einer Stunde", "2 days ago": the past
    m = cut.take(
        rf"(?<=\s)(?:vor\s+({_NUM})\s+(minuten?|stunden?|tag|tagen|wochen?|monat|monaten)"
        rf"|({_NUM})\s+(minutes?|hours?|days?|weeks?|months?)\s+ago)(?=[\s,;.])"
    )
    if m:
        n = _number(m.group(1) or m.group(3))
        unit = (m.group(2) or m.group(4)).lower()
        if unit.startswith("min"):
            entry.offset = -dt.timedelta(minutes=n)
        elif unit.startswith(("stunde", "hour")):
            entry.offset = -dt.timedelta(hours=n)
        elif unit.startswith(("tag", "day")):
            entry.date = today - dt.timedelta(days=n)
        elif unit.startswith(("woche", "week")):
            entry.date = today - dt.timedelta(weeks=n)
        else:
            entry.date = _add_months(today, -n)

    # --- dates
    m = None if entry.date else cut.take(r"(?<![\d.])(\d{4})-(\d{2})-(\d{2})(?![\d])")
    if m:
        try:
            entry.date = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            entry.notes.append(f"impossible date {m.group(0)}")
    if entry.date is None:
        m = cut.take(r"(?<![\d.:])(\d{1,2})\.(\d{1,2})\.(\d{2,4})?(?![\d:])")
        if m:
            day, month = int(m.group(1)), int(m.group(2))
            if m.group(3):
                try:
                    entry.date = dt.date(_full_year(int(m.group(3))), month, day)
                except ValueError:
                    entry.notes.append(f"impossible date {m.group(0)}")
            else:
                entry.date = _year_for(day, month, today)
                if entry.date is None:
                    entry.notes.append(f"impossible date {m.group(0)}")
    if entry.date is None:
        m = cut.take(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?(?![\d/])")
        if m:  # US style month/day
            month, day = int(m.group(1)), int(m.group(2))
            if m.group(3):
                try:
                    entry.date = dt.date(_full_year(int(m.group(3))), month, day)
                except ValueError:
                    entry.notes.append(f"impossible date {m.group(0)}")
            else:
                entry.date = _year_for(day, month, today)
    if entry.date is None:
        month_names = "|".join(sorted(MONTHS, key=len, reverse=True))
        m = cut.take(
            rf"(?<=\s)(\d{{1,2}})(?:\.|st|nd|rd|th)?\s+(?:of\s+)?({month_names})\.?(?:\s+(\d{{4}}))?(?=[\s,])"
        )
        if m:
            day, month = int(m.group(1)), MONTHS[m.group(2).lower()]
            year = m.group(3)
            entry.date = _safe_date(int(year), month, day) if year else _year_for(day, month, today)
        else:
            m = cut.take(
                rf"(?<=\s)({month_names})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?(?=[\s,])"
            )
            if m:
                month, day = MONTHS[m.group(1).lower()], int(m.group(2))
                year = m.group(3)
                entry.date = (
                    _safe_date(int(year), month, day) if year else _year_for(day, month, today)
                )
    if entry.date is None and entry.offset is None:
        m = cut.take(
            rf"(?<=\s)(?:in|nach)\s+({_NUM})\s+(tag|tagen|days?|wochen?|weeks?|monat|monaten|months?)(?=[\s,;])"
        )
        if m:
            n = _number(m.group(1))
            unit = m.group(2).lower()
            if unit.startswith(("tag", "day")):
                entry.date = today + dt.timedelta(days=n)
            elif unit.startswith(("woche", "week")):
                entry.date = today + dt.timedelta(weeks=n)
            else:
                entry.date = _add_months(today, n)
    next_week: dt.date | None = None
    if entry.date is None:
        m = cut.take(
            r"(?<=\s)(?:(?:in\s+der|anfang|early)\s+)?(übernächsten|übernächste|übernächster|"
            r"nächsten|nächste|nächster|kommenden|kommende|next)\s+(?:woche|week)(?=[\s,;.])"
        )
        if m:
            weeks = 2 if m.group(1).lower().startswith("über") else 1
            next_week = today + dt.timedelta(days=7 * weeks - today.weekday())
            entry.date = next_week
    if entry.date is None:
        m = cut.take(r"(?<=\s)(?:ende der woche|end of (?:the )?week)(?=[\s,;.])")
        if m:
            entry.date = _next_weekday(today, 4, force_next=False)
    if entry.date is None:
        m = cut.take(r"(?<=\s)(day after tomorrow)(?=[\s,;.])")
        if m:
            entry.date = today + dt.timedelta(days=2)
    weekday_today = False
    if entry.date is None or next_week is not None:
        found = _take_weekday(cut)
        if found is not None:
            weekday, force, extra = found
            if next_week is not None:
                entry.date = next_week + dt.timedelta(days=weekday)
            else:
                target = _next_weekday(today, weekday, force_next=force)
                target += dt.timedelta(days=extra)
                if entry.past and target > today:
                    target -= dt.timedelta(days=7)
                weekday_today = target == today
                entry.date = target
    if entry.date is None:
        rel = "|".join(sorted(RELATIVE_DAYS, key=len, reverse=True))
        m = cut.take(rf"(?<=\s)({rel})(?=[\s,.;:])")
        if m:
            entry.date = today + dt.timedelta(days=RELATIVE_DAYS[m.group(1).lower()])

    # --- times ("morgen früh" is taken above as "morgen", "früh" below as a daypart)
    clock = _parse_time(cut)
    parts = "|".join(sorted(DAYPARTS, key=len, reverse=True))
    m = cut.take(rf"(?<=\s)(?:in the\s+|am\s+|at\s+)?({parts})(?=[\s,.;])")
    daypart = m.group(1).lower() if m else None
    if clock is not None:
        hour = clock.hour
        if daypart in LATE_PARTS and hour < 12:
            hour += 12
        elif clock.ambiguous and daypart not in MORNING_PARTS and hour < 12:
            hour += 12  # business hours: "halb drei" is 14:30, "um 3" 15:00
        entry.time = dt.time(hour % 24, clock.minute)
    elif daypart is not None:
        entry.time = dt.time(DAYPARTS[daypart], 0)
    if entry.offset is not None and (entry.date is not None or entry.time is not None):
        entry.offset = None  # a date or time named as well wins over "in 2 hours"
    if (
        weekday_today
        and not entry.past
        and now_time is not None
        and entry.time is not None
        and entry.time <= now_time
    ):
        entry.date = today + dt.timedelta(days=7)  # "Mo 8 Uhr" on Monday at 10:00
    if (
        entry.todo
        and entry.date is None
        and now_time is not None
        and entry.time is not None
        and entry.time <= now_time
    ):
        entry.date = today + dt.timedelta(days=1)  # "8 Uhr Müller anrufen" at 10:00

    # --- the subject after the first comma ("Schäfer anrufen, Angebot passt")
    words = cut.text.split()
    name_words = words
    comma_subject: list[str] = []
    for i, word in enumerate(words):
        # a comma ends the name part, so does a colon after the verb ("telefoniert:")
        key = word.lower().rstrip(":")
        verb_colon = word.endswith(":") and (key in KIND_WORDS or key in PAST_WORDS)
        if word.endswith(",") or word == "," or verb_colon:
            head = word.rstrip(",:")
            name_words = [*words[:i], head] if head else words[:i]
            comma_subject = words[i + 1 :]
            break
    # --- kind: first kind word wins; it is removed from the name part
    rest: list[str] = []
    for word in name_words:
        key = word.lower().strip(".,;:!?")
        if entry.kind is None and key in KIND_WORDS:
            entry.kind = KIND_WORDS[key]
            continue
        if key in PAST_WORDS or (key in KIND_WORDS and entry.kind == KIND_WORDS[key]):
            continue
        rest.append(word)
    tail: list[str] = []
    for word in comma_subject:
        key = word.lower().strip(".,;:!?")
        if entry.kind is None and key in KIND_WORDS and not tail:
            entry.kind = KIND_WORDS[key]
            continue
        tail.append(word)
    # --- what remains is the name of the person or company
    while rest and rest[0].lower().strip(".,;:") in FILLER:
        rest.pop(0)
    while rest and rest[-1].lower().strip(".,;:") in FILLER:
        rest.pop()
    entry.target = " ".join(rest).strip(" ,;:-")
    if tail:
        tail_text = " ".join(tail).strip(" ,;:-")
        entry.subject = f"{tail_text} {entry.subject}".strip() if entry.subject else tail_text
    return entry


def _take_weekday(cut: _Cut) -> tuple[int, bool, int] | None:
    """(weekday, force next week, days on top) for the first weekday named in the text."""
    days = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
    quals = "übernächsten|übernächste|übernächster|nächsten|nächste|nächster|kommenden|kommende|next|diesen|dieser|this|am|on"
    pattern = rf"(?<=\s)(?:({quals})\s+)?({days})(\.)?(?=[\s,;])"
    for m in re.finditer(pattern, cut.text, re.IGNORECASE):
        qualifier, name, dot = (m.group(1) or "").lower(), m.group(2), m.group(3)
        written_out = len(name) > 3 or name.lower() in {"tues", "thurs"}
        after = cut.text[m.end() :].lstrip(" ,")
        if not (written_out or qualifier or dot or name[0].isupper() or after[:1].isdigit()):
            continue  # "so", "do", "sat" in a sentence are words
        if name.lower() == "fr" and not qualifier and after[:1].isupper():
            continue  # "Fr. Müller" is Frau Müller
        cut.text = cut.text[: m.start()] + " " + cut.text[m.end() :]
        if qualifier.startswith("über"):  # "übernächsten Freitag": a week after the next
            return WEEKDAYS[name.lower()], True, 7
        return WEEKDAYS[name.lower()], qualifier in QUALIFIERS_NEXT, 0
    return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    return day  # pragma: no cover
