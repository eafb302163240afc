"""Locale-aware display formatting: dates, times, money, phone numbers, IBANs.

Everything follows the UI locale (``QLocale()``, set by the application from
``--lang`` or the system): German shows "24.11.2026 14:00" and "1.250,00 €",
English (US) "11/24/2026 2:00 PM" and "€1,250.00". Moments are stored in UTC and
shown in the user's zone (:func:`crm_desktop.clock.to_local`).
"""

from __future__ import annotations

import datetime as dt
import decimal
import re
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime
from stdnum import iban as stdnum_iban

from crm_desktop.clock import local_zone, to_local
from crm_desktop.services import validation

_CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF", "JPY": "¥"}


def ui_locale() -> QLocale:
    """The UI locale; the bare "C" locale (no LANG set) formats like US English."""
    loc = QLocale()
    if loc.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return loc


def is_german(locale: QLocale | None = None) -> bool:
    return (locale or ui_locale()).language() == QLocale.Language.German


def _plain(text: str) -> str:
    """Qt's (narrow) no-break spaces ("2:00\u202fPM") as plain spaces."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


def date_format(locale: QLocale | None = None) -> str:
    """The locale's short date format with a four-digit year ("dd.MM.yyyy")."""
    fmt = (locale or ui_locale()).dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:
        fmt = fmt.replace("yy", "yyyy")
    return fmt


def time_format(locale: QLocale | None = None) -> str:
    return (locale or ui_locale()).timeFormat(QLocale.FormatType.ShortFormat)


def datetime_format(locale: QLocale | None = None) -> str:
    return f"{date_format(locale)} {time_format(locale)}"


def format_date(value: dt.date | None, locale: QLocale | None = None) -> str:
    """24.11.2026 (German) – an empty string for None."""
    if value is None:
        return ""
    loc = locale or ui_locale()
    return loc.toString(QDate(value.year, value.month, value.day), date_format(loc))


def format_time(
    moment: dt.datetime | None, zone: ZoneInfo | None = None, locale: QLocale | None = None
) -> str:
    if moment is None:
        return ""
    local = to_local(moment, zone)
    loc = locale or ui_locale()
    return _plain(loc.toString(QTime(local.hour, local.minute), time_format(loc)))


def format_datetime(
    moment: dt.datetime | None, zone: ZoneInfo | None = None, locale: QLocale | None = None
) -> str:
    """A stored (UTC) moment in local time: "24.11.2026 14:00" in German."""
    if moment is None:
        return ""
    local = to_local(moment, zone)
    return f"{format_date(local.date(), locale)} {format_time(moment, zone, locale)}"


def relative_day(day: dt.date, today: dt.date, locale: QLocale | None = None) -> str:
    """ "Today", "Yesterday", "Tomorrow", a weekday name within the coming or past
    week, else the date."""
    delta = (day - today).days
    if delta == 0:
        return QCoreApplication.translate("format", "Today")
    if delta == -1:
        return QCoreApplication.translate("format", "Yesterday")
    if delta == 1:
        return QCoreApplication.translate("format", "Tomorrow")
    loc = locale or ui_locale()
    weekday = loc.dayName(day.isoweekday(), QLocale.FormatType.LongFormat)
    if 1 < delta < 7:
        return weekday
    if -7 < delta < -1:
        return QCoreApplication.translate("format", "last {weekday}").format(weekday=weekday)
    return format_date(day, loc)


def format_relative(
    moment: dt.datetime | None,
    now: dt.datetime,
    zone: ZoneInfo | None = None,
    locale: QLocale | None = None,
) -> str:
    """ "Today 14:00", "Tomorrow 09:30", "Friday 10:00" or "01.12.2026 10:00"."""
    if moment is None:
        return ""
    day = to_local(moment, zone).date()
    today = to_local(now, zone).date()
    return f"{relative_day(day, today, locale)} {format_time(moment, zone, locale)}"


def format_money(
    amount: decimal.Decimal | float | int | None,
    currency: str = "EUR",
    locale: QLocale | None = None,
    digits: int = 2,
) -> str:
    """1.250,00 € (German), €1,250.00 (English); ``digits=0`` for whole amounts
    (charts, lists: "490.697 €", "€490,697")."""
    if amount is None:
        return ""
    quantum = decimal.Decimal(1).scaleb(-digits)
    value = decimal.Decimal(str(amount)).quantize(quantum, rounding=decimal.ROUND_HALF_UP)
    symbol = _CURRENCY_SYMBOLS.get(currency.upper(), currency.upper())
    text = (locale or ui_locale()).toCurrencyString(float(value), symbol, digits)
    return text.replace("\xa0", " ")


def format_number(
    value: decimal.Decimal | float | int | None, digits: int = 0, locale: QLocale | None = None
) -> str:
    """12.500 / 3,5 (German), 12,500 / 3.5 (English)."""
    if value is None:
        return ""
    text = (locale or ui_locale()).toString(float(value), "f", digits)
    return text.replace("\xa0", " ")


def format_percent(value: float | int | None, locale: QLocale | None = None) -> str:
    """ "40 %" (German), "40%" (English)."""
    if value is None:
        return ""
    number = format_number(value, 0 if float(value).is_integer() else 1, locale)
    return f"{number} %" if is_german(locale) else f"{number}%"


def weekday_name(day: dt.date, locale: QLocale | None = None) -> str:
    """ "Dienstag" / "Tuesday"."""
    return (locale or ui_locale()).dayName(day.isoweekday(), QLocale.FormatType.LongFormat)


def weekday_short(day: dt.date, locale: QLocale | None = None) -> str:
    """ "Di" / "Tue"."""
    name = (locale or ui_locale()).dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
    return name.rstrip(".")


def day_month_format(locale: QLocale | None = None) -> str:
    """The short date without the year: "dd.MM." (German), "M/d" (English)."""
    loc = locale or ui_locale()
    fmt = re.sub(r"[^dM]*y+[^dM]*", "", date_format(loc)).strip(" ./-,")
    if is_german(loc):
        fmt += "."
    return fmt


def format_day_month(day: dt.date | None, locale: QLocale | None = None) -> str:
    """ "08.12." (German), "12/8" (English)."""
    if day is None:
        return ""
    loc = locale or ui_locale()
    return loc.toString(QDate(day.year, day.month, day.day), day_month_format(loc))


def format_weekday_date(day: dt.date, locale: QLocale | None = None) -> str:
    """ "Di 08.12." (German), "Tue 12/8" (English)."""
    return f"{weekday_short(day, locale)} {format_day_month(day, locale)}"


def format_moment_short(
    moment: dt.datetime,
    today: dt.date,
    zone: ZoneInfo | dt.tzinfo | None = None,
    locale: QLocale | None = None,
) -> str:
    """A moment as short as it can be said: the time today, day and month with the
    time this year, else the full date and time."""
    local = moment.astimezone(zone or local_zone())
    loc = locale or ui_locale()
    time = _plain(loc.toString(QTime(local.hour, local.minute), time_format(loc)))
    if local.date() == today:
        return time
    if local.year == today.year:
        return f"{format_day_month(local.date(), loc)} {time}"
    return f"{format_date(local.date(), loc)} {time}"


def format_clock(
    moment: dt.datetime, zone: ZoneInfo | dt.tzinfo | None = None, locale: QLocale | None = None
) -> str:
    """The time of day of a moment in ``zone`` (default: the user's zone)."""
    local = moment.astimezone(zone or local_zone())
    loc = locale or ui_locale()
    return _plain(loc.toString(QTime(local.hour, local.minute), time_format(loc)))


def month_short(year: int, month: int, locale: QLocale | None = None) -> str:
    """ "Mär 26" (German), "Mar 26" (English): a chart's month axis."""
    loc = locale or ui_locale()
    name = loc.standaloneMonthName(month, QLocale.FormatType.ShortFormat).rstrip(".")
    return f"{name} {year % 100:02d}"


def format_month_year(day: dt.date | None, locale: QLocale | None = None) -> str:
    """ "03/2026" – the month of an expected close."""
    if day is None:
        return ""
    return f"{day.month:02d}/{day.year}"


def ordinal(n: int, locale: QLocale | None = None) -> str:
    """ "43." (German), "43rd" (English)."""
    if is_german(locale):
        return f"{n}."
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def format_param(value: object, locale: QLocale | None = None) -> object:
    """A parameter of a message as the user reads it: an ISO date ("2030-01-01", as
    the services write dates into errors and import reasons) in the user's format,
    a date in the user's format; anything else unchanged."""
    if isinstance(value, dt.datetime):
        return format_datetime(value, locale=locale)
    if isinstance(value, dt.date):
        return format_date(value, locale)
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return format_date(dt.date.fromisoformat(value), locale)
        except ValueError:
            return value
    return value


_phone_region = [validation.DEFAULT_REGION]


def phone_region() -> str:
    """The default phone region of the settings ("DE", "AT" …): a number typed without
    a country code belongs there. The UI passes it to every service that normalises a
    phone number (the services themselves default to DE and read no settings)."""
    return _phone_region[0]


def set_phone_region(region: str) -> None:
    """Set the region :func:`phone_region` answers (from ``contacts/phone_region``)."""
    value = (region or "").strip().upper()
    _phone_region[0] = value if len(value) == 2 and value.isalpha() else validation.DEFAULT_REGION


def format_phone(e164: str | None) -> str:
    """A stored E.164 number the way people write it: numbers of the default region
    nationally ("0711 1234567" for DE), others internationally ("+43 1 234567")."""
    if not e164:
        return ""
    return validation.format_phone(e164, phone_region())


def format_iban(iban: str | None) -> str:
    """DE89 3704 0044 0532 0130 00"""
    if not iban:
        return ""
    return str(stdnum_iban.format(iban))


def age_on(birth: dt.date, today: dt.date) -> int:
    years = today.year - birth.year
    if (today.month, today.day) < (birth.month, birth.day):
        years -= 1
    return years
