"""Validation and normalisation of what users type or import.

Libraries do the checking where one exists: phonenumbers (phone numbers, E.164),
email-validator (e-mail syntax), python-stdnum (IBAN, BIC, VAT ids, postcodes).
Each function returns the normalised value or raises :class:`ValidationError`
with a human message.
"""

from __future__ import annotations

import datetime as dt
import re

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from stdnum import bic as stdnum_bic
from stdnum import iban as stdnum_iban
from stdnum.ch import vat as stdnum_ch_vat
from stdnum.eu import vat as stdnum_vat
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.gb import vat as stdnum_gb_vat
from stdnum.no import mva as stdnum_no_mva

from crm_desktop.domain import countries
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import ValidationError

DEFAULT_REGION = "DE"
OLDEST_PLAUSIBLE_AGE = 120

# postcode formats by country (ISO 3166-1 alpha-2)
_POSTCODES: dict[str, tuple[str, str]] = {
    "DE": (r"\d{5}", "five digits"),
    "AT": (r"\d{4}", "four digits"),
    "CH": (r"\d{4}", "four digits"),
    "LI": (r"\d{4}", "four digits"),
    "LU": (r"(L-)?\d{4}", "four digits"),
    "BE": (r"\d{4}", "four digits"),
    "DK": (r"\d{4}", "four digits"),
    "NL": (r"\d{4} ?[A-Z]{2}", "four digits and two letters"),
    "FR": (r"\d{5}", "five digits"),
    "IT": (r"\d{5}", "five digits"),
    "ES": (r"\d{5}", "five digits"),
    "PL": (r"\d{2}-\d{3}", "the form 12-345"),
    "CZ": (r"\d{3} ?\d{2}", "five digits"),
    "SE": (r"\d{3} ?\d{2}", "five digits"),
    "US": (r"\d{5}(-\d{4})?", "five digits (ZIP) or ZIP+4"),
    "GB": (r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}", "a UK postcode such as SW1A 1AA"),
}


def required(value: str | None, field: str, label: str) -> str:
    cleaned = (value or "").strip()
    if not cleaned:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{label} is required."), field=field, label=label
        )
    return cleaned


def normalize_phone(raw: str, region: str = DEFAULT_REGION, field: str = "phone") -> str:
    """A phone number in E.164 (+4971112345), or a ValidationError."""
    text = (raw or "").strip()
    if not text:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The phone number is empty."), field=field
        )
    text = re.sub(r"^00", "+", text)
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{value}” is not a phone number."), field=field, value=raw
        ) from exc
    if not phonenumbers.is_possible_number(number) or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "“{value}” is not a valid phone number (check the area code and length)."
            ),
            field=field,
            value=raw,
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str, region: str = DEFAULT_REGION) -> str:
    """Human form: national for the home region, international otherwise."""
    try:
        number = phonenumbers.parse(e164, region)
    except phonenumbers.NumberParseException:
        return e164
    if phonenumbers.region_code_for_number(number) == region:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def normalize_email(raw: str, field: str = "email") -> str:
    text = (raw or "").strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    try:
        info = validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{value}” is not a valid e-mail address."),
            field=field,
            value=raw,
        ) from exc
    return info.normalized


def normalize_iban(raw: str, field: str = "iban") -> str:
    try:
        return str(stdnum_iban.validate(raw))
    except StdnumError as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "“{value}” is not a valid IBAN (check digits or length do not match)."
            ),
            field=field,
            value=raw,
        ) from exc


def normalize_bic(raw: str, field: str = "bic") -> str:
    try:
        return str(stdnum_bic.validate(raw))
    except StdnumError as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "“{value}” is not a valid BIC (8 or 11 characters, e.g. COBADEFFXXX)."
            ),
            field=field,
            value=raw,
        ) from exc


def _non_eu_vat(text: str) -> str | None:
    """A valid British, Swiss or Norwegian VAT number in its stored form, or None when
    the text is not one of those (python-stdnum: gb.vat, ch.vat, no.mva)."""
    compact = re.sub(r"[\s.\-,]", "", text).upper()
    try:
        if compact.startswith("GB"):
            return "GB" + str(stdnum_gb_vat.validate(compact))
        if compact.startswith("CHE"):
            return str(stdnum_ch_vat.format(stdnum_ch_vat.validate(compact)))
        if compact.startswith("NO"):
            return "NO" + str(stdnum_no_mva.validate(compact[2:]))
    except StdnumError:
        return None
    return None


def _non_eu_prefix(text: str) -> bool:
    return re.sub(r"[\s.\-,]", "", text).upper().startswith(("GB", "CHE", "NO"))


def normalize_vat_id(raw: str, field: str = "vat_id") -> str:
    """An EU VAT id (DE123456789) or a British (GB + 9 or 12 digits), Swiss
    ("CHE-123.456.789 MWST/TVA/IVA") or Norwegian (NO 123 456 789 MVA) one, checked
    with their check digits; anything else is a ValidationError naming what was typed."""
    text = (raw or "").strip()
    if _non_eu_prefix(text):
        found = _non_eu_vat(text)
        if found is not None:
            return found
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "“{value}” is not a valid VAT id (check digits or length do not match; "
                "e.g. GB980780684, CHE-116.281.710 MWST, NO995525828MVA).",
            ),
            field=field,
            value=raw,
        )
    try:
        return str(stdnum_vat.validate(text))
    except StdnumError as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "“{value}” is not a valid VAT id (e.g. DE123456789, GB980780684, "
                "CHE-116.281.710 MWST).",
            ),
            field=field,
            value=raw,
        ) from exc


def check_birth_date(value: dt.date, today: dt.date, field: str = "birth_date") -> dt.date:
    if value > today:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The birth date {value} lies in the future."),
            field=field,
            value=value.isoformat(),
        )
    if today.year - value.year > OLDEST_PLAUSIBLE_AGE:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The birth date {value} would make this person older than {age} years."
            ),
            field=field,
            value=value.isoformat(),
            age=OLDEST_PLAUSIBLE_AGE,
        )
    return value


def parse_date(raw: str, field: str = "date") -> dt.date:
    """ISO (2026-03-01) or German (01.03.2026) dates; impossible dates are refused."""
    text = (raw or "").strip()
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
    try:
        if m:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{value}” is not a valid date."), field=field, value=raw
        ) from exc


def resolve_country(raw: str | None, default: str = DEFAULT_REGION) -> tuple[str, str | None]:
    """(ISO 3166-1 alpha-2 code, the text as typed when it names no known country).

    Empty input means the default region: ``(default, None)``. A known code or name
    (see :func:`crm_desktop.services.countries.lookup`: "Deutschland", "UK", "Perú")
    gives ``(code, None)``. Anything else ("Südtirol") is never guessed: the code is
    empty and the second item holds the text as typed (spaces collapsed), for the
    caller to keep and flag.
    """
    text = " ".join((raw or "").split())
    if not text:
        return default, None
    code = countries.lookup(text)
    if code is not None:
        return code, None
    return "", text


def country_code(raw: str | None, default: str = DEFAULT_REGION) -> str:
    """ISO 3166-1 alpha-2 code from a code or a name ("Deutschland"); empty input gives
    ``default``, a name no table knows gives "" (see :func:`resolve_country`)."""
    return resolve_country(raw, default)[0]


def normalize_postcode(raw: str, country: str, field: str = "postcode") -> str:
    text = (raw or "").strip().upper()
    rule = _POSTCODES.get(country.upper())
    if rule is None or not text:
        return text
    pattern, description = rule
    if not re.fullmatch(pattern, text):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "“{value}” is not a valid postcode for {country} ({description})."
            ),
            field=field,
            value=raw,
            country=country.upper(),
            description=description,
        )
    return text


def normalize_website(raw: str | None) -> str | None:
    text = (raw or "").strip()
    if not text:
        return None
    if " " in text or "." not in text:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{value}” is not a web address."),
            field="website",
            value=raw,
        )
    return text
