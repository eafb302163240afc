"""Locale-aware display formatting: dates, times, money, phone numbers, IBANs.

Everything follows the UI locale (``QLocale()``, set by the application from
``--lang`` or the system): German shows "24.11.2026 14:00" and "1.250,00 €",
English (US) "11/24/2026 2:00 PM" and "€1,250.00". Moments are stored in UTC and
shown in the user's zone (:func:`crm_desktop.clock.to_local`).
"""

from __future__ import annotations

import datetime as dt
import decimal
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime
from stdnum import iban as stdnum_iban

from crm_desktop.clock import to_local
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
    return loc.toString(QTime(local.hour, local.minute), time_format(loc))


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
) -> str:
    """1.250,00 € (German), €1,250.00 (English)."""
    if amount is None:
        return ""
    value = decimal.Decimal(str(amount)).quantize(decimal.Decimal("0.01"))
    symbol = _CURRENCY_SYMBOLS.get(currency.upper(), currency.upper())
    text = (locale or ui_locale()).toCurrencyString(float(value), symbol, 2)
    return text.replace("\xa0", " ")


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
