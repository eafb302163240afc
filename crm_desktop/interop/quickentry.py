"""Understand one line of German or English: who, what kind, when, about what.

    "morgen 14 Uhr Müller anrufen wegen Angebot"
    "call Anna Schäfer next Tuesday 9:30"
    "Besuch Köhler & Partner 3.12. 10:00"

The parser is rule-based for the forms people actually type (relative days, weekdays,
German and English dates and times); whatever it cannot read stays in the text. It
finds no records itself: :func:`parse` returns the name part (``target``) and the
service layer matches it against people and companies. A date in the future makes a
follow-up, a date in the past (or none) a logged activity.
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
        "zurückgerufen anrufe call called calling phone phoned ring callback"
    ),
    ActivityKind.MEETING: "termin meeting treffen besprechung meet meeting-termin",
    ActivityKind.VISIT: "besuch besuchen besucht visit visited",
    ActivityKind.EMAIL: "mail e-mail email mailen gemailt emailen emailed",
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

    def when(self, now_local: dt.datetime) -> dt.datetime | None:
        """The wall-clock moment in the zone of ``now_local`` (None when no date or time)."""
        if self.date is None and self.time is None:
            return None
        day = self.date or now_local.date()
        at = self.time or dt.time(9, 0)
        return dt.datetime.combine(day, at, tzinfo=now_local.tzinfo)

    def is_followup(self, now_local: dt.datetime) -> bool:
        moment = self.when(now_local)
        return moment is not None and moment > now_local and not self.past


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


def parse(text: str, today: dt.date) -> QuickEntry:
    """Parse one line relative to ``today`` (the user's local date)."""
    entry = QuickEntry(text=text.strip())
    cut = _Cut(entry.text)
    lower_words = {w.lower().strip(".,;:!?") for w in entry.text.split()}
    entry.past = bool(lower_words & PAST_WORDS)

    # --- subject: "wegen Angebot 2026-17" to the end (taken first: may hold numbers)
    m = cut.take(rf"(?<=\s){SUBJECT_MARKERS}\s+(.+?)\s*$")
    if m:
        entry.subject = m.group(1).strip(" ,;:")

    # --- dates
    m = cut.take(r"(?<![\d.])(\d{4})-(\d{2})-(\d{2})(?![\d])")
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
    if entry.date is None:
        m = cut.take(
            r"(?<=\s)(?:in|nach)\s+(\d+|einem|einer|zwei|drei|a|one|two|three)\s+(tag|tagen|days?|wochen?|weeks?|monat|monaten|months?)(?=\s)"
        )
        if m:
            numbers = {
                "einem": 1,
                "einer": 1,
                "a": 1,
                "one": 1,
                "zwei": 2,
                "two": 2,
                "drei": 3,
                "three": 3,
            }
            n = int(m.group(1)) if m.group(1).isdigit() else numbers[m.group(1).lower()]
            unit = m.group(2).lower()
            if unit.startswith(("tag", "day")):
                entry.date = today + dt.timedelta(days=n)
            elif unit.startswith(("woche", "week")):
                entry.date = today + dt.timedelta(weeks=n)
            else:
                entry.date = _add_months(today, n)
    if entry.date is None:
        m = cut.take(r"(?<=\s)(?:nächste|kommende|next)\s+(?:woche|week)(?=\s)")
        if m:
            entry.date = today + dt.timedelta(days=7 - today.weekday())
    if entry.date is None:
        m = cut.take(r"(?<=\s)(?:ende der woche|end of (?:the )?week)(?=\s)")
        if m:
            entry.date = _next_weekday(today, 4, force_next=False)
    if entry.date is None:
        m = cut.take(r"(?<=\s)(day after tomorrow)(?=\s)")
        if m:
            entry.date = today + dt.timedelta(days=2)
    if entry.date is None:
        days = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
        m = cut.take(
            rf"(?<=\s)(?:(nächsten|nächste|nächster|kommenden|kommende|next|diesen|dieser|this|am|on)\s+)?({days})\.?(?=[\s,])"
        )
        if m and (m.group(1) or len(m.group(2)) > 3):
            qualifier = (m.group(1) or "").lower()
            force = qualifier in {
                "nächsten",
                "nächste",
                "nächster",
                "kommenden",
                "kommende",
                "next",
            }
            target = _next_weekday(today, WEEKDAYS[m.group(2).lower()], force_next=force)
            if entry.past and target > today:
                target -= dt.timedelta(days=7)
            entry.date = target
        elif m:  # a two-letter "so"/"do" without qualifier is probably a word: put it back
            cut.text = cut.text.replace("  ", f" {m.group(0)} ", 1)
    if entry.date is None:
        rel = "|".join(sorted(RELATIVE_DAYS, key=len, reverse=True))
        m = cut.take(rf"(?<=\s)({rel})(?=[\s,.])")
        if m:
            entry.date = today + dt.timedelta(days=RELATIVE_DAYS[m.group(1).lower()])

    # --- times
    m = cut.take(
        r"(?<=\s)(?:um\s+|at\s+)?(\d{1,2})[:.](\d{2})\s*(uhr|h|am|pm|a\.m\.|p\.m\.)?(?=[\s,])"
    )
    if m:
        entry.time = _make_time(int(m.group(1)), int(m.group(2)), m.group(3))
    if entry.time is None:
        m = cut.take(
            r"(?<=\s)(?:um\s+|at\s+)?(\d{1,2})\s*(uhr|h|am|pm|a\.m\.|p\.m\.|o'clock)(?=[\s,.])"
        )
        if m:
            entry.time = _make_time(int(m.group(1)), 0, m.group(2))
    if entry.time is None:
        m = cut.take(r"(?<=\s)(?:um|at)\s+(\d{1,2})(?=[\s,])")
        if m:
            entry.time = _make_time(int(m.group(1)), 0, None)
    if entry.time is None:
        m = cut.take(r"(?<=\s)halb\s+(\d{1,2})(?=\s)")
        if m:
            entry.time = _make_time((int(m.group(1)) - 1) % 24, 30, None)
    if entry.time is None:
        parts = "|".join(sorted(DAYPARTS, key=len, reverse=True))
        m = cut.take(rf"(?<=\s)(?:in the\s+|am\s+)?({parts})(?=[\s,.])")
        if m:
            entry.time = dt.time(DAYPARTS[m.group(1).lower()], 0)
    if entry.time is not None and entry.time.hour < 7 and entry.time.minute in (0, 30):
        # "um 3" in a business context means 15:00
        entry.time = entry.time.replace(hour=entry.time.hour + 12)

    # --- kind: first kind word wins; it is removed from the name part
    words = cut.text.split()
    rest: list[str] = []
    for word in words:
        key = word.lower().strip(".,;:!?")
        if entry.kind is None and key in KIND_WORDS:
            entry.kind = KIND_WORDS[key]
            continue
        if key in PAST_WORDS or (key in KIND_WORDS and entry.kind == KIND_WORDS[key]):
            continue
        rest.append(word)
    # --- what remains is the name of the person or company
    while rest and rest[0].lower().strip(".,;:") in FILLER:
        rest.pop(0)
    while rest and rest[-1].lower().strip(".,;:") in FILLER:
        rest.pop()
    entry.target = " ".join(rest).strip(" ,;:-")
    return entry


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


def _make_time(hour: int, minute: int, suffix: str | None) -> dt.time | None:
    suffix = (suffix or "").lower().replace(".", "")
    if suffix == "pm" and hour < 12:
        hour += 12
    elif suffix == "am" and hour == 12:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return dt.time(hour, minute)
