"""Row validation: a record checked and normalised into the values the store keeps
(names shortened to the column sizes, phone numbers, e-mail addresses, countries,
postcodes, birthdays, card numbers refused)."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import phonenumbers
from email_validator.rfc_constants import CASE_INSENSITIVE_MAILBOX_NAMES

from crm_desktop.data.models import EmailKind, PhoneKind
from crm_desktop.domain import cardguard
from crm_desktop.errors import CardNumberError, ValidationError
from crm_desktop.interop.records import ContactRecord, has_year
from crm_desktop.services import validation as v
from crm_desktop.services.importer.keys import (
    _address_key,
)

# column sizes of the model: longer values are shortened (and flagged)
_LIMITS = {
    "salutation": 30,
    "title": 60,
    "given_name": 100,
    "family_name": 100,
    "nickname": 100,
    "position": 120,
    "occupation": 120,
    "vcard_uid": 200,
    "company": 200,
    "department": 120,
}


@dataclass
class _Norm:
    """A record checked and normalised into the values the store keeps."""

    record: ContactRecord  # as read (for its label in reports)
    scalars: dict[str, str]
    profile: dict[str, str]
    birth_date: dt.date | None
    company: str
    department: str
    emails: list[tuple[EmailKind, str]]
    phones: list[tuple[PhoneKind, str]]
    addresses: list[dict[str, Any]]
    tags: list[str]
    photo: bytes | None
    review: list[str]
    company_only: bool

    @property
    def label(self) -> str:
        """The record's name in reports (made only for the few records reported)."""
        return self.record.label()

    def email_keys(self) -> list[str]:
        return [e.lower() for _k, e in self.emails]

    def name_key(self) -> tuple[str, str, dt.date] | None:
        given = self.scalars.get("given_name", "").casefold()
        family = self.scalars.get("family_name", "").casefold()
        if self.birth_date is None or not (given or family):
            return None
        return (given, family, self.birth_date)


# a dot-atom local part of ASCII atext and Unicode letters/digits (\w: categories L
# and N, which email-validator accepts anywhere), an ASCII domain
_EMAIL_FAST = re.compile(
    r"([\w!#$%&'*+/=?^`{|}~-]+(?:\.[\w!#$%&'*+/=?^`{|}~-]+)*)@"
    r"((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63})"
)
# "+49 711 123456" / "0049 711 123456": digits in groups after an international prefix
_PHONE_INTL = re.compile(r"(?:\+|00)([1-9][0-9]*(?: [0-9]+)*)")


@functools.cache
def _national_prefix(code: int) -> tuple[bool, re.Pattern[str] | None]:
    """(metadata known, the national prefix phonenumbers strips) of a country code."""
    region = phonenumbers.region_code_for_country_code(code)
    meta = phonenumbers.PhoneMetadata.metadata_for_region_or_calling_code(code, region)
    if meta is None:
        return False, None
    prefix = meta.national_prefix_for_parsing
    return True, re.compile(prefix) if prefix else None


def _phone_fast(text: str) -> tuple[bool, str | None]:
    """(decided, E.164 or None) of an international number in its plainest spelling.

    Reads "+<country code><national number>" as :func:`phonenumbers.parse` does
    (the country code is the shortest known prefix; a national number that starts
    with 0 or with the country's national prefix, too short or too long numbers are
    left to it: ``decided`` is False) and checks it with phonenumbers' own
    ``is_possible_number`` and ``is_valid_number``. Parsing is most of the time
    :func:`validation.normalize_phone` takes.
    """
    m = _PHONE_INTL.fullmatch(text)
    if m is None:
        return False, None
    digits = m.group(1).replace(" ", "")
    for size in (1, 2, 3):
        code = int(digits[:size])
        if code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
            national = digits[size:]
            break
    else:
        return False, None
    if not 2 <= len(national) <= 17 or national[0] == "0":
        return False, None
    known, prefix = _national_prefix(code)
    if not known or (prefix is not None and prefix.match(national)):
        return False, None
    number = phonenumbers.PhoneNumber(country_code=code, national_number=int(national))
    if phonenumbers.is_possible_number(number) and phonenumbers.is_valid_number(number):
        return True, f"+{code}{national}"
    return True, None


_LEADING = re.compile(r"[\s()./-]*(\+|0)?")


@functools.cache
def _trunk_zero(region: str) -> bool:
    """Whether national numbers of ``region`` are dialled with a leading 0 (DE, AT, UK…)."""
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region.upper(), None)
    return meta is not None and meta.national_prefix == "0"


def _plausible_national(raw: str, region: str) -> bool:
    """Whether a number may be read as a national number of ``region``.

    How numbers without a country code are read (the rule of every import):
    international numbers (``+…``, ``00…``) are read as they are, whatever the
    address says; a national number is read in the country of the record's first
    address, or, when it has no address or an empty country, in the import's default
    phone region (the settings', ``--phone-region``). An empty country is not a
    reason to make a number German: in a region whose national numbers start with
    the trunk prefix 0 (DE, AT, CH, UK, FR, …), digits without that 0 and without
    ``+``/``00`` ("(212) 555-0100", a US number) are not read as a number there;
    they are kept as typed and flagged for review.
    """
    if not _trunk_zero(region):
        return True
    m = _LEADING.match(raw)
    return m is not None and m.group(1) is not None


_GUARD_FIELDS = (
    "given_name",
    "family_name",
    "additional_names",
    "nickname",
    "formatted_name",
    "salutation",
    "title",
    "company",
    "department",
    "position",
    "occupation",
    "notes",
    "website",
    "name_suffix",
)


class _Normalizer:
    def __init__(self, region: str, today: dt.date) -> None:
        self.region = region
        self.today = today
        self._domains: dict[str, str] = {}  # domain → normalised, or "": invalid
        self._phones: dict[tuple[str, str], str | None] = {}
        self._countries: dict[str, tuple[str, str | None, str | None]] = {}

    def phone(self, raw: str, region: str) -> str | None:
        """E.164, or None when the number is not valid (cached: offices share numbers)."""
        key = (raw, region)
        if key in self._phones:
            return self._phones[key]
        decided, number = _phone_fast(raw.strip())
        if not decided:
            if not _plausible_national(raw, region):
                number = None
            else:
                try:
                    number = v.normalize_phone(raw, region)
                except ValidationError:
                    number = None
        if len(self._phones) < 100_000:
            self._phones[key] = number
        return number

    def email(self, raw: str) -> str:
        """Normalised address (email-validator's rules; a fast path for plain dot-atoms).

        The fast path takes what email-validator leaves as it is: a dot-atom local part
        (non-ASCII letters only in NFC form), not one of the mailbox names it writes in
        lower case (postmaster, abuse, ...), an ASCII domain it accepts (cached).
        """
        text = raw.strip()
        if text.lower().startswith("mailto:"):
            text = text[7:].strip()
        m = _EMAIL_FAST.fullmatch(text)
        if (
            m
            and len(m.group(1)) <= 64
            and len(text.encode("utf-8")) <= 254
            and (text.isascii() or unicodedata.is_normalized("NFC", m.group(1)))
            and m.group(1).lower() not in CASE_INSENSITIVE_MAILBOX_NAMES
        ):
            domain = m.group(2)
            normalized = self._domains.get(domain)
            if normalized is None:
                try:  # email-validator's form of the domain (IDNA: "xn--" → Unicode)
                    normalized = v.normalize_email(f"a@{domain}")[2:]
                except ValidationError:
                    normalized = ""
                self._domains[domain] = normalized
            if normalized:
                return f"{m.group(1)}@{normalized}"
        return v.normalize_email(text)

    def country(self, raw: str) -> tuple[str, str | None, str | None]:
        """(ISO code, the text as typed when unknown, problem or None).

        Empty: the import's region. A name no table knows is never guessed: the code
        stays empty, the text is kept as typed and the record is flagged (a warning,
        not a rejection)."""
        cached = self._countries.get(raw)
        if cached is None:
            code, typed = v.resolve_country(raw, self.region)
            problem = None
            if typed is not None:
                typed = typed[:120]
                problem = f"country “{typed[:40]}” not recognised, kept as typed"
            cached = (code, typed, problem)
            if len(self._countries) < 10_000:
                self._countries[raw] = cached
        return cached

    def __call__(self, rec: ContactRecord) -> _Norm | str:
        """The normalised record, or the reason why it is rejected."""
        try:
            self._guard(rec)
        except CardNumberError as exc:
            return exc.text()
        review = list(rec.problems)
        scalars: dict[str, str] = {}
        raw_scalars = {
            "salutation": rec.salutation,
            "title": rec.title,
            "given_name": rec.given_name,
            "family_name": rec.family_name,
            "nickname": rec.nickname,
            "position": rec.position,
            "occupation": rec.occupation,
            "notes": rec.notes.strip(),
            "vcard_uid": rec.vcard_uid,
        }
        for key, value in raw_scalars.items():
            value = value.strip() if key != "notes" else value
            limit = _LIMITS.get(key)
            if limit and len(value) > limit:
                review.append(f"{key} shortened to {limit} characters")
                value = value[:limit].rstrip()
            scalars[key] = value
        company = " ".join(rec.company.split())
        department = " ".join(rec.department.split())
        if len(company) > _LIMITS["company"]:
            review.append("company name shortened")
            company = company[: _LIMITS["company"]]
        if len(department) > _LIMITS["department"]:
            review.append("department shortened")
            department = department[: _LIMITS["department"]]
        if not company:
            department = ""
        has_name = bool(scalars["given_name"] or scalars["family_name"])
        company_only = not has_name and not scalars["nickname"] and bool(company)
        if not has_name and not company_only:
            if not (rec.emails or rec.phones or scalars["nickname"]):
                return "the record has no name, company, e-mail address or phone number"
            review.append("no name")
        birth = rec.birth_date
        if birth is not None and has_year(birth):
            try:
                v.check_birth_date(birth, self.today)
            except ValidationError as exc:
                review.append(exc.text())
                birth = None
        # addresses first: their country tells how to read phone numbers without +
        addresses: list[dict[str, Any]] = []
        seen_adr: set[tuple[str, str, str]] = set()
        for a in rec.addresses:
            country, country_typed, problem = self.country(a.country)
            if problem:
                review.append(problem)
            postcode = " ".join(a.postcode.split())
            try:
                postcode = v.normalize_postcode(postcode, country)
            except ValidationError:
                review.append(f"postcode “{postcode[:20]}” is not valid for {country}")
            item = {
                "kind": a.kind,
                "street": a.street.strip()[:200],
                "extra": a.extra.strip()[:200] or None,
                "postcode": postcode[:20],
                "city": a.city.strip()[:120],
                "region": a.region.strip()[:120] or None,
                "country": country,
                "country_as_typed": country_typed,
            }
            adr_key = _address_key(item)
            if adr_key not in seen_adr:
                seen_adr.add(adr_key)
                addresses.append(item)
        phone_region = (addresses[0]["country"] if addresses else "") or self.region
        phones: list[tuple[PhoneKind, str]] = []
        for kind, raw in rec.phones:
            number = self.phone(raw, phone_region)
            if number is None and phone_region != self.region:
                number = self.phone(raw, self.region)
            if number is None:
                number = " ".join(raw.split())[:40]
                review.append(f"phone number “{number}” is not valid")
            if number and (kind, number) not in phones:
                phones.append((kind, number))
        emails: list[tuple[EmailKind, str]] = []
        seen_mail: set[str] = set()
        for ekind, raw in rec.emails:
            try:
                address = self.email(raw)
            except ValidationError:
                address = raw.strip()[:254]
                review.append(f"e-mail address “{address[:60]}” is not valid")
            if address and address.lower() not in seen_mail:
                seen_mail.add(address.lower())
                emails.append((ekind, address))
        tags: list[str] = []
        for tag in rec.tags:
            name = " ".join(tag.split())[:80]
            if name and name.casefold() not in {t.casefold() for t in tags}:
                tags.append(name)
        profile = {
            "additional_names": " ".join(rec.additional_names.split()),
            "name_suffix": " ".join(rec.name_suffix.split()),
            "website": rec.website.strip(),
        }
        return _Norm(
            record=rec,
            scalars=scalars,
            profile=profile,
            birth_date=birth,
            company=company,
            department=department,
            emails=emails,
            phones=phones,
            addresses=addresses,
            tags=tags,
            photo=rec.photo or None,
            review=review,
            company_only=company_only,
        )

    @staticmethod
    def _guard(rec: ContactRecord) -> None:
        texts = [
            rec.given_name,
            rec.family_name,
            rec.additional_names,
            rec.nickname,
            rec.formatted_name,
            rec.salutation,
            rec.title,
            rec.company,
            rec.department,
            rec.position,
            rec.occupation,
            rec.notes,
            rec.website,
            rec.name_suffix,
            *(phone[1] for phone in rec.phones),
            *(email[1] for email in rec.emails),
            *(
                " ".join((a.street, a.extra, a.postcode, a.city, a.region, a.country))
                for a in rec.addresses
            ),
            *rec.tags,
        ]
        # quick look first: without 13 digits in all fields together no field can hold a
        # card number, and most records have none
        if not cardguard.enough_digits("\n".join(val for val in (*texts, rec.vcard_uid) if val)):
            return
        uid = cardguard.find_card_number(rec.vcard_uid, identifier=True)
        if uid is not None:
            raise cardguard.card_error("vcard_uid", uid)
        values: dict[str, str | None] = dict(zip(_GUARD_FIELDS, texts, strict=False))
        offset = len(_GUARD_FIELDS)
        for prefix, count in (
            ("phones", len(rec.phones)),
            ("emails", len(rec.emails)),
            ("addresses", len(rec.addresses)),
            ("tags", len(rec.tags)),
        ):
            for i in range(count):
                values[f"{prefix}.{i}"] = texts[offset + i]
            offset += count
        cardguard.guard_all(values)
