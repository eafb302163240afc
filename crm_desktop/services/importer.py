"""Import contacts from vCard and CSV files: one transaction per file, re-import safe.

``import_file`` checks the whole file first (an unreadable file raises
:class:`ImportFileError` before anything is written; a CSV file in a pass that
keeps nothing, see :func:`csv_contacts.open_csv`), then imports every record in
ONE transaction: all lands or nothing. A dry run does everything and rolls back; a
cancelled run (``progress`` returned False) rolls back too, and so does any error.

The records are streamed :data:`CHUNK_SIZE` at a time (read, checked, matched
against the store, written, forgotten), so memory does not grow with the file: the
people a chunk may match are looked up in the store by the chunk's own keys
(:meth:`_Run.prepare`); people written by earlier chunks of the same run are stored
by then and found the same way. Only the first :data:`_MAX_REPORT_ITEMS` rejected
and flagged records are kept in detail (their counts are complete).

Per record:

- rejected: unreadable cards/rows and forbidden content (payment card numbers in
  any field or note, see :mod:`cardguard`), and records with nothing to import;
- reported, not lost silently: the columns of a CSV file (properties of a vCard) no
  field takes (``unused_columns``) and the values read but not kept (``dropped``);
- phone numbers: international ones as written; national ones in the country of the
  first address, else the default region (see :func:`_plausible_national`: digits
  without the trunk 0 are not made German by an empty country);
- flagged (``needs_review`` + reason): invalid phone numbers, e-mail addresses and
  postcodes (kept as written), impossible or implausible birthdays (dropped), a
  missing name, shortened values, unknown countries;
- matched to people already stored (or created earlier in the same file) by vCard
  UID, then e-mail, then phone (E.164), then name + birth date. ``on_duplicate``:
  ``"merge"`` updates the fields the record changes (empty values never erase),
  adds new e-mails/phones/addresses/tags; ``"skip"`` leaves matches untouched;
  ``"create"`` makes a new person even when a match exists, except for the very
  same record (same vCard UID, or nothing new in it), which is never copied.

New people and companies are written with bulk INSERTs (ids drawn up front; on
SQLite straight to the driver's executemany, see :func:`_insert_rows`), together with
their search entries (built by :mod:`crm_desktop.data.search_sync`'s own functions);
updates of stored people go through the ORM. Every created person and company carries
the ``import_batch_id`` of the run's :class:`ImportBatch`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import itertools
import operator
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import phonenumbers
from email_validator.rfc_constants import CASE_INSENSITIVE_MAILBOX_NAMES
from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session, selectinload

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.data import guard
from crm_desktop.data.collation import FOLD, german_key
from crm_desktop.data.models import (
    Address,
    AuditEvent,
    Company,
    Department,
    Email,
    EmailKind,
    ImportBatch,
    Person,
    Phone,
    PhoneKind,
    SearchDocument,
    Tag,
    person_tags,
)
from crm_desktop.data.search_sync import (
    company_document,
    document_row,
    fields_pending,
    person_document,
)
from crm_desktop.data.store import Store
from crm_desktop.domain import cardguard
from crm_desktop.errors import CardNumberError, CrmError, ImportFileError, ValidationError
from crm_desktop.interop.records import ContactRecord, RowError, has_year
from crm_desktop.services import validation as v
from crm_desktop.services.vcard_export import derived_uid

OnDuplicate = Literal["create", "skip", "merge"]
Progress = Callable[[int, int], bool]
ON_DUPLICATE = ("create", "skip", "merge")

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
_SCALARS = (
    "salutation",
    "title",
    "given_name",
    "family_name",
    "nickname",
    "position",
    "occupation",
    "notes",
    "vcard_uid",
)
_PROFILE = ("additional_names", "name_suffix", "website")
_MAX_REPORT_ITEMS = 1000
# records read, checked, matched and written at a time (memory stays flat in file size)
CHUNK_SIZE = 5000
_SLICE = 500  # values per IN (...) of the duplicate lookups


class ImportCancelled(CrmError):
    """The user cancelled the import; nothing of it is kept."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        super().__init__("The import was cancelled; nothing was changed.")


# ---------------------------------------------------------------- report


@dataclass
class PersonChange:
    """What a re-import changed on one stored person."""

    person_id: int | None
    label: str
    fields: list[str]


@dataclass
class ImportReport:
    source: str
    file_format: str
    total: int = 0
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    # (record, reason): the first _MAX_REPORT_ITEMS in detail, the counts of all
    rejected: list[tuple[str, str]] = field(default_factory=list)
    flagged: list[tuple[str, str]] = field(default_factory=list)
    rejected_count: int = 0
    flagged_count: int = 0
    created_ids: list[int] = field(default_factory=list)  # people
    created_company_ids: list[int] = field(default_factory=list)
    changes: list[PersonChange] = field(default_factory=list)
    batch_id: int | None = None
    dry_run: bool = False
    cancelled: bool = False
    on_duplicate: str = "create"
    # columns of a CSV file (properties of a vCard file) no field took → the number
    # of rows (cards) with a value in them
    unused_columns: dict[str, int] = field(default_factory=dict)
    # (record, what): values read from the file but not imported (first ones in detail)
    dropped: list[tuple[str, str]] = field(default_factory=list)
    dropped_count: int = 0

    @property
    def merged(self) -> int:
        return self.updated

    @property
    def rejected_total(self) -> int:
        """All rejected records (``rejected`` holds the first _MAX_REPORT_ITEMS)."""
        return max(self.rejected_count, len(self.rejected))

    @property
    def flagged_total(self) -> int:
        """All records flagged for review (``flagged`` holds the first ones)."""
        return max(self.flagged_count, len(self.flagged))

    def reject(self, record: str, reason: str) -> None:
        """Count a rejected record; the first _MAX_REPORT_ITEMS are kept in detail."""
        self.rejected_count += 1
        if len(self.rejected) < _MAX_REPORT_ITEMS:
            self.rejected.append((record, reason))

    def drop(self, record: str, what: str) -> None:
        """Count a value not imported; the first _MAX_REPORT_ITEMS are kept in detail."""
        self.dropped_count += 1
        if len(self.dropped) < _MAX_REPORT_ITEMS:
            self.dropped.append((record, what))

    @property
    def dropped_total(self) -> int:
        return max(self.dropped_count, len(self.dropped))

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "format": self.file_format,
            "total": self.total,
            "imported": self.imported,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "rejected": [{"record": r, "reason": why} for r, why in self.rejected],
            "rejected_count": self.rejected_total,
            "flagged_count": self.flagged_total,
            "flagged": [{"record": r, "reason": why} for r, why in self.flagged],
            "created_ids": list(self.created_ids),
            "created_company_ids": list(self.created_company_ids),
            "changes": [
                {"person_id": c.person_id, "record": c.label, "fields": c.fields}
                for c in self.changes
            ],
            "batch_id": self.batch_id,
            "dry_run": self.dry_run,
            "cancelled": self.cancelled,
            "on_duplicate": self.on_duplicate,
            "unused_columns": [
                {"column": name, "values": n} for name, n in self.unused_columns.items()
            ],
            "dropped": [{"record": r, "value": what} for r, what in self.dropped],
            "dropped_count": self.dropped_total,
        }

    def summary_text(self) -> str:
        head = f"{self.source}: " + ", ".join(
            [
                f"{self.imported} imported",
                f"{self.updated} updated",
                f"{self.unchanged} unchanged",
                f"{self.skipped} skipped",
                f"{self.rejected_total} rejected",
                f"{self.flagged_total} flagged for review",
            ]
        )
        if self.dry_run:
            head += " (dry run: nothing was stored)"
        if self.cancelled:
            head += " (cancelled: nothing was stored)"
        lines = [head]
        lines += [f"  rejected {rec}: {why}" for rec, why in self.rejected]
        if self.rejected_total > len(self.rejected):
            lines.append(f"  … {self.rejected_total - len(self.rejected)} more rejected")
        lines += [f"  review {rec}: {why}" for rec, why in self.flagged]
        if self.flagged_total > len(self.flagged):
            lines.append(f"  … {self.flagged_total - len(self.flagged)} more for review")
        lines += [f"  changed {c.label}: {', '.join(c.fields)}" for c in self.changes]
        kind = "property" if self.file_format == "vcard" else "column"
        lines += [
            f"  {kind} not imported: {name} ({n} values)" for name, n in self.unused_columns.items()
        ]
        lines += [f"  dropped from {rec}: {what}" for rec, what in self.dropped]
        if self.dropped_total > len(self.dropped):
            lines.append(f"  … {self.dropped_total - len(self.dropped)} more values dropped")
        return "\n".join(lines)


# ---------------------------------------------------------------- normalisation


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


def _slices(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), _SLICE):
        yield values[start : start + _SLICE]


def _ascii_lower(text: str) -> str:
    """``text`` as SQLite's ``lower()`` makes it (ASCII letters only)."""
    if text.isascii():
        return text.lower()
    return "".join(c.lower() if c.isascii() else c for c in text)


def _german_fold(text: str) -> str:
    """:func:`german_key` in Python (SQL ``lower()`` of ASCII, then the umlauts)."""
    out = _ascii_lower(text)
    for umlaut, plain in FOLD:
        out = out.replace(umlaut, plain)
    return out


def _address_key(a: dict[str, Any]) -> tuple[str, str, str]:
    return (
        " ".join(str(a["street"]).split()).casefold(),
        str(a["postcode"]).replace(" ", "").casefold(),
        " ".join(str(a["city"]).split()).casefold(),
    )


def _company_key(name: str) -> str:
    return " ".join(name.split()).casefold()


# ---------------------------------------------------------------- targets of a match


@dataclass
class _Data:
    """A person's comparable data: stored (``person_id``) or created in this run."""

    person_id: int | None
    scalars: dict[str, str]
    profile: dict[str, str]
    birth_date: dt.date | None
    company_key: str
    department_key: str
    email_keys: set[str]
    phone_keys: set[str]
    address_keys: set[tuple[str, str, str]]
    tag_keys: set[str]
    has_photo: bool
    photo: bytes | None = None
    new: _NewPerson | None = None


@dataclass(eq=False)
class _NewPerson:
    norm: _Norm
    id: int = 0
    _data: _Data | None = None

    @property
    def data(self) -> _Data:
        """The comparable data, made when a later record first compares against it
        (most people made by an import never are; ``norm`` is unchanged till then)."""
        if self._data is None:
            self._data = _data_of_norm(self.norm)
            self._data.new = self
        return self._data


_Target = int | _NewPerson  # a stored person's id, or a person made in this run


def _add(index: dict[Any, list[_Target]], key: Any, target: _Target) -> None:
    targets = index.get(key)
    if targets is None:
        index[key] = [target]
        return
    if not any(t is target or t == target for t in targets):
        targets.append(target)


def _data_of_norm(norm: _Norm) -> _Data:
    return _Data(
        person_id=None,
        scalars=dict(norm.scalars),
        profile={k: val for k, val in norm.profile.items() if val},
        birth_date=norm.birth_date,
        company_key=_company_key(norm.company),
        department_key=norm.department.casefold(),
        email_keys=set(norm.email_keys()),
        phone_keys={n for _k, n in norm.phones},
        address_keys={_address_key(a) for a in norm.addresses},
        tag_keys={t.casefold() for t in norm.tags},
        has_photo=norm.photo is not None,
        photo=norm.photo,
    )


def _diff(norm: _Norm, data: _Data) -> dict[str, Any]:
    """What ``norm`` would change on ``data`` (empty: nothing new in the record)."""
    out: dict[str, Any] = {}
    for key in _SCALARS:
        new = norm.scalars.get(key, "")
        if not new:
            continue
        old = data.scalars.get(key) or ""
        if key == "vcard_uid":
            if not old:
                out[key] = new
        elif new != old:
            out[key] = new
    for key in _PROFILE:
        new = norm.profile.get(key, "")
        if new and new != data.profile.get(key, ""):
            out[f"profile.{key}"] = new
    if norm.birth_date is not None and norm.birth_date != data.birth_date:
        old_bd = data.birth_date
        same_day = old_bd is not None and (old_bd.month, old_bd.day) == (
            norm.birth_date.month,
            norm.birth_date.day,
        )
        if not (same_day and not has_year(norm.birth_date)):
            out["birth_date"] = norm.birth_date
    if norm.company and _company_key(norm.company) != data.company_key:
        out["company"] = norm.company
        if norm.department:
            out["department"] = norm.department
    elif norm.department and norm.department.casefold() != data.department_key:
        out["department"] = norm.department
    emails = [(k, e) for k, e in norm.emails if e.lower() not in data.email_keys]
    if emails:
        out["emails"] = emails
    phones = [(k, n) for k, n in norm.phones if n not in data.phone_keys]
    if phones:
        out["phones"] = phones
    addresses = [a for a in norm.addresses if _address_key(a) not in data.address_keys]
    if addresses:
        out["addresses"] = addresses
    tags = [t for t in norm.tags if t.casefold() not in data.tag_keys]
    if tags:
        out["tags"] = tags
    if norm.photo is not None and norm.photo != data.photo:
        out["photo"] = norm.photo
    return out


def _field_names(changes: dict[str, Any]) -> list[str]:
    return [k.removeprefix("profile.") for k in changes]


# ---------------------------------------------------------------- the run


class _Run:
    def __init__(
        self,
        session: Session,
        report: ImportReport,
        *,
        on_duplicate: str,
        clock: Clock,
        region: str,
        batch: ImportBatch,
    ) -> None:
        if on_duplicate not in ON_DUPLICATE:
            raise ValueError(f"on_duplicate must be one of {ON_DUPLICATE}")
        self.s = session
        self.report = report
        self.policy = on_duplicate
        self.clock = clock
        self.now = clock.now()
        self.batch = batch
        self.normalize = _Normalizer(region, clock.now().astimezone(dt.UTC).date())
        # matching indexes: key → stored person id or a person created in this run
        # (several people may share a key: an office phone, a family e-mail)
        self.by_uid: dict[str, list[_Target]] = {}
        self.by_email: dict[str, list[_Target]] = {}
        self.by_phone: dict[str, list[_Target]] = {}
        self.by_name: dict[tuple[str, str, dt.date], list[_Target]] = {}
        self.companies: dict[str, int] = {}  # key → stored company id
        self.company_names: dict[int, str] = {}
        self.departments: dict[tuple[str, str], int] = {}  # (company key, dept key) → id
        self.department_names: dict[int, tuple[str, str]] = {}
        self.tags: dict[str, int] = {}  # casefolded name → id
        self.stored: dict[int, _Data] = {}
        # what this run writes
        self.new_people: list[_NewPerson] = []
        self.new_companies: dict[str, dict[str, Any]] = {}  # key → row + children
        self.new_departments: dict[tuple[str, str], str] = {}
        self.new_tags: dict[str, str] = {}
        self.person_updates: dict[int, dict[str, Any]] = {}
        self.person_reviews: dict[int, list[str]] = {}
        self.company_updates: dict[int, dict[str, Any]] = {}
        self.change_targets: list[tuple[PersonChange, _NewPerson]] = []

    # ------------------------------------------------------------ preload

    def preload(self) -> None:
        """Companies, departments and tags of the store (people are looked up per chunk,
        see :meth:`prepare`)."""
        s = self.s
        for cid, name in s.execute(
            select(Company.id, Company.name)
            .where(Company.deleted_at.is_(None))
            .order_by(Company.id)
        ):
            self.company_names[cid] = name
            self.companies.setdefault(_company_key(name), cid)
        for did, cid, dname in s.execute(
            select(Department.id, Department.company_id, Department.name)
        ):
            ckey = _company_key(self.company_names.get(cid, ""))
            self.department_names[did] = (ckey, dname)
            if self.companies.get(ckey) == cid:
                self.departments.setdefault((ckey, dname.casefold()), did)
        for tid, tname in s.execute(select(Tag.id, Tag.name)):
            self.tags.setdefault(tname.casefold(), tid)

    def _candidates(self, norm: _Norm) -> set[int]:
        return {t for t in self._matches(norm)[0] if isinstance(t, int)}

    def prepare(self, norms: Sequence[_Norm | None]) -> None:
        """Find the stored people the records of one chunk may match and load their data.

        Only the keys of these records are looked up (vCard UID, e-mail, phone, name +
        birth date), in slices of :data:`_SLICE` values, with the indexes of those
        columns. E-mail addresses match without regard to case: SQL ``lower()`` (ASCII
        on SQLite, hence also the exact spelling) preselects, Python's ``lower()``
        decides. Names: the birth date and the German fold of the family name
        (:func:`german_key`) preselect, the case-folded key decides.
        """
        uids: set[str] = set()
        emails: dict[str, set[str]] = {}  # lower → as written
        phones: set[str] = set()
        names: set[tuple[str, str, dt.date]] = set()
        for norm in norms:
            if norm is None or norm.company_only:
                continue
            uid = norm.scalars.get("vcard_uid")
            if uid:
                uids.add(uid)
            for _k, address in norm.emails:
                emails.setdefault(address.lower(), set()).add(address)
            phones.update(n for _k, n in norm.phones)
            name = norm.name_key()
            if name:
                names.add(name)
        s = self.s
        # each lookup walks the index of its own column only: no join, no "deleted_at IS
        # NULL" in SQL (without statistics SQLite would walk all live people for it);
        # who is deleted is asked afterwards, for the few people found
        for part in _slices(sorted(uids)):
            for pid, uid, deleted in s.execute(
                select(Person.id, Person.vcard_uid, Person.deleted_at)
                .where(Person.vcard_uid.in_(part))
                .order_by(Person.id)
            ):
                if uid and deleted is None:
                    self.by_uid.setdefault(uid, []).append(pid)
        email_hits: dict[int, tuple[str, int]] = {}  # Email.id → (lower address, person)
        for keys in _slices(sorted(emails)):
            spelled = sorted({a for k in keys for a in emails[k]})
            wanted = set(keys)
            for condition in (
                func.lower(Email.address).in_(sorted({_ascii_lower(k) for k in keys})),
                Email.address.in_(spelled),
            ):
                for eid, address, email_pid in s.execute(
                    select(Email.id, Email.address, Email.person_id).where(condition)
                ):
                    key = address.lower()
                    if email_pid is not None and key in wanted:
                        email_hits[eid] = (key, email_pid)
        phone_hits: list[tuple[int, str, int]] = []
        for part in _slices(sorted(phones)):
            for pho_id, number, phone_pid in s.execute(
                select(Phone.id, Phone.number, Phone.person_id).where(Phone.number.in_(part))
            ):
                if phone_pid is not None:
                    phone_hits.append((pho_id, number, phone_pid))
        found_ids = sorted({pid for _k, pid in email_hits.values()} | {h[2] for h in phone_hits})
        alive: set[int] = set()
        for part in _slices(found_ids):
            alive.update(
                s.execute(
                    select(Person.id).where(Person.id.in_(part), Person.deleted_at.is_(None))
                ).scalars()
            )
        for eid in sorted(email_hits):
            key, email_pid = email_hits[eid]
            if email_pid in alive:
                _add(self.by_email, key, email_pid)
        for _id, number, phone_pid in sorted(phone_hits):
            if phone_pid in alive:
                _add(self.by_phone, number, phone_pid)
        for part in _slices(sorted(names, key=lambda n: (n[2], n[1], n[0]))):
            dates = sorted({n[2] for n in part})
            families = sorted({_german_fold(n[1]) for n in part})
            wanted_names = set(part)
            for pid, given, family, birth, deleted in s.execute(
                select(
                    Person.id,
                    Person.given_name,
                    Person.family_name,
                    Person.birth_date,
                    Person.deleted_at,
                )
                .where(
                    Person.birth_date.in_(dates),
                    german_key(Person.family_name).in_(families),
                )
                .order_by(Person.id)
            ):
                name_key = (given.casefold(), family.casefold(), birth)
                if deleted is None and name_key in wanted_names:
                    _add(self.by_name, name_key, pid)
        candidates: set[int] = set()
        want_photo: set[int] = set()
        if self.by_uid or self.by_email or self.by_phone or self.by_name:
            for norm in norms:
                if norm is None or norm.company_only:
                    continue
                found = self._candidates(norm)
                candidates |= found
                if norm.photo is not None:
                    want_photo |= found
        self.load_stored(candidates, want_photo)

    def finish_chunk(self) -> None:
        """After :meth:`write`: forget what the chunk needed; what it wrote is stored
        now and found by the next chunk's :meth:`prepare` like any stored person."""
        for change, new in self.change_targets:  # merged into a person made in the chunk
            change.person_id = new.id
        self.change_targets.clear()
        self.by_uid.clear()
        self.by_email.clear()
        self.by_phone.clear()
        self.by_name.clear()
        self.stored.clear()
        self.new_people.clear()
        self.new_companies.clear()
        self.new_departments.clear()
        self.new_tags.clear()
        self.person_updates.clear()
        self.person_reviews.clear()
        self.company_updates.clear()

    def load_stored(self, ids: set[int], with_photo: set[int]) -> None:
        """Comparable data of the stored people that records may match (bulk reads)."""
        id_list = sorted(ids)
        for start in range(0, len(id_list), 500):
            chunk = id_list[start : start + 500]
            cols = [getattr(Person, k) for k in _SCALARS]
            for row in self.s.execute(
                select(
                    Person.id,
                    Person.birth_date,
                    Person.company_id,
                    Person.department_id,
                    Person.profile_fields,
                    Person.created_at,
                    *cols,
                ).where(Person.id.in_(chunk))
            ):
                pid, birth, cid, did, prof, created = row[:6]
                scalars = {k: (row[6 + i] or "") for i, k in enumerate(_SCALARS)}
                if not scalars["vcard_uid"]:
                    # the UID our export gives a person without one: the same person
                    scalars["vcard_uid"] = derived_uid(pid, created)
                company_key = _company_key(self.company_names.get(cid, "")) if cid else ""
                dept = self.department_names.get(did, ("", ""))[1] if did else ""
                self.stored[pid] = _Data(
                    person_id=pid,
                    scalars=scalars,
                    profile={k: str(val) for k, val in (prof or {}).items()},
                    birth_date=birth,
                    company_key=company_key,
                    department_key=dept.casefold(),
                    email_keys=set(),
                    phone_keys=set(),
                    address_keys=set(),
                    tag_keys=set(),
                    has_photo=False,
                )
            for pid, address in self.s.execute(
                select(Email.person_id, Email.address).where(Email.person_id.in_(chunk))
            ):
                if pid is not None:
                    self.stored[pid].email_keys.add(address.lower())
            for pid, number in self.s.execute(
                select(Phone.person_id, Phone.number).where(Phone.person_id.in_(chunk))
            ):
                if pid is not None:
                    self.stored[pid].phone_keys.add(number)
            for pid, street, postcode, city in self.s.execute(
                select(Address.person_id, Address.street, Address.postcode, Address.city).where(
                    Address.person_id.in_(chunk)
                )
            ):
                if pid is None:
                    continue
                self.stored[pid].address_keys.add(
                    _address_key({"street": street, "postcode": postcode, "city": city})
                )
            for pid, tname in self.s.execute(
                select(person_tags.c.person_id, Tag.name)
                .join(Tag, Tag.id == person_tags.c.tag_id)
                .where(person_tags.c.person_id.in_(chunk))
            ):
                self.stored[pid].tag_keys.add(tname.casefold())
        photo_ids = sorted(with_photo & ids)
        for start in range(0, len(photo_ids), 500):
            chunk = photo_ids[start : start + 500]
            for pid, photo in self.s.execute(
                select(Person.id, Person.photo).where(Person.id.in_(chunk))
            ):
                self.stored[pid].photo = photo
                self.stored[pid].has_photo = photo is not None

    # ------------------------------------------------------------ deciding

    def _matches(self, norm: _Norm) -> tuple[list[_Target], bool]:
        """Every person the record may be, best first (UID, e-mail, phone, name + birth
        date), and whether the first one matched by vCard UID."""
        found: list[_Target] = []
        uid = norm.scalars.get("vcard_uid")
        by_uid = bool(uid and uid in self.by_uid)
        lists: list[list[_Target]] = [self.by_uid[uid]] if uid and by_uid else []
        lists += [self.by_email[e] for e in norm.email_keys() if e in self.by_email]
        lists += [self.by_phone[n] for _k, n in norm.phones if n in self.by_phone]
        name = norm.name_key()
        if name and name in self.by_name:
            lists.append(self.by_name[name])
        stored: set[int] = set()
        created: set[int] = set()  # id() of people made in this run
        for targets in lists:
            for target in targets:
                if isinstance(target, int):
                    if target not in stored:
                        stored.add(target)
                        found.append(target)
                elif id(target) not in created:
                    created.add(id(target))
                    found.append(target)
        return found, by_uid

    def _index(self, target: _Target, norm: _Norm) -> None:
        uid = norm.scalars.get("vcard_uid")
        if uid:
            _add(self.by_uid, uid, target)
        for key in norm.email_keys():
            _add(self.by_email, key, target)
        for _k, number in norm.phones:
            _add(self.by_phone, number, target)
        name = norm.name_key()
        if name:
            _add(self.by_name, name, target)

    def _data(self, target: _Target) -> _Data | None:
        return target.data if isinstance(target, _NewPerson) else self.stored.get(target)

    def _flag(self, norm: _Norm, reasons: list[str] | None = None) -> None:
        reasons = norm.review if reasons is None else reasons
        if not reasons:
            return
        self.report.flagged_count += 1
        if len(self.report.flagged) < _MAX_REPORT_ITEMS:
            self.report.flagged.append((norm.label, "; ".join(dict.fromkeys(reasons))))

    def _company_ref(self, name: str) -> str:
        """The key of the company ``name``: stored, or created by this run."""
        key = _company_key(name)
        if key not in self.companies and key not in self.new_companies:
            self.new_companies[key] = {
                "name": name,
                "emails": [],
                "phones": [],
                "addresses": [],
                "review": False,
            }
        return key

    def _department_ref(self, company_key: str, name: str) -> None:
        key = (company_key, name.casefold())
        if key not in self.departments and key not in self.new_departments:
            self.new_departments[key] = name

    def _tag_refs(self, names: list[str]) -> None:
        for name in names:
            key = name.casefold()
            if key not in self.tags and key not in self.new_tags:
                self.new_tags[key] = name

    def handle(self, norm: _Norm) -> None:
        if norm.company_only:
            self._handle_company(norm)
            return
        targets, by_uid = self._matches(norm)
        if not targets:
            self._create(norm)
            return
        diffs: list[tuple[_Target, _Data, dict[str, Any]]] = []
        for candidate in targets:
            cand_data = self._data(candidate)
            if cand_data is None:  # pragma: no cover - every candidate was preloaded
                continue
            cand_changes = _diff(norm, cand_data)
            if not cand_changes:  # the very same record again: never a second copy
                self.report.unchanged += 1
                return
            diffs.append((candidate, cand_data, cand_changes))
        if not diffs:  # pragma: no cover
            self._create(norm)
            return
        target, data, changes = diffs[0]
        if self.policy == "skip":
            self.report.skipped += 1
            return
        if self.policy == "create" and not by_uid:
            self._create(norm)
            return
        self._update(target, data, norm, changes)

    def _create(self, norm: _Norm) -> None:
        new = _NewPerson(norm=norm)
        self.new_people.append(new)
        if norm.company:
            ckey = self._company_ref(norm.company)
            if norm.department:
                self._department_ref(ckey, norm.department)
        self._tag_refs(norm.tags)
        self._index(new, norm)
        self.report.imported += 1
        self._flag(norm)

    def _update(
        self, target: int | _NewPerson, data: _Data, norm: _Norm, changes: dict[str, Any]
    ) -> None:
        self.report.updated += 1
        label = norm.label
        if len(self.report.changes) < _MAX_REPORT_ITEMS:
            change = PersonChange(
                person_id=target if isinstance(target, int) else None,
                label=label,
                fields=_field_names(changes),
            )
            self.report.changes.append(change)
            if isinstance(target, _NewPerson):
                self.change_targets.append((change, target))
        if "company" in changes:
            ckey = self._company_ref(changes["company"])
            data.company_key = ckey
            if "department" not in changes:
                data.department_key = ""
        if "department" in changes:
            self._department_ref(data.company_key, changes["department"])
            data.department_key = changes["department"].casefold()
        if "tags" in changes:
            self._tag_refs(changes["tags"])
        # fold the change into the comparable data (later records compare against it)
        for key, value in changes.items():
            if key in _SCALARS:
                data.scalars[key] = value
            elif key.startswith("profile."):
                data.profile[key[8:]] = value
        if "birth_date" in changes:
            data.birth_date = changes["birth_date"]
        data.email_keys.update(e.lower() for _k, e in changes.get("emails", []))
        data.phone_keys.update(n for _k, n in changes.get("phones", []))
        data.address_keys.update(_address_key(a) for a in changes.get("addresses", []))
        data.tag_keys.update(t.casefold() for t in changes.get("tags", []))
        if "photo" in changes:
            data.photo = changes["photo"]
        named = data.scalars.get("family_name") or data.scalars.get("given_name")
        review = [r for r in norm.review if r != "no name" or not named]
        self._flag(norm, review)
        if isinstance(target, _NewPerson):
            self._merge_into_new(target, changes, review)
        else:
            pending = self.person_updates.setdefault(target, {})
            for key, value in changes.items():
                if key in ("emails", "phones", "addresses", "tags"):
                    pending.setdefault(key, []).extend(value)
                else:
                    pending[key] = value
            if review:
                self.person_reviews.setdefault(target, []).extend(review)
        self._index(target, norm)

    @staticmethod
    def _merge_into_new(new: _NewPerson, changes: dict[str, Any], review: list[str]) -> None:
        norm = new.norm
        for key, value in changes.items():
            if key in _SCALARS:
                norm.scalars[key] = value
            elif key.startswith("profile."):
                norm.profile[key[8:]] = value
        if "birth_date" in changes:
            norm.birth_date = changes["birth_date"]
        if "company" in changes:
            norm.company = changes["company"]
            norm.department = changes.get("department", "")
        elif "department" in changes:
            norm.department = changes["department"]
        norm.emails.extend(changes.get("emails", []))
        norm.phones.extend(changes.get("phones", []))
        norm.addresses.extend(changes.get("addresses", []))
        norm.tags.extend(changes.get("tags", []))
        if "photo" in changes:
            norm.photo = changes["photo"]
        norm.review.extend(r for r in review if r not in norm.review)

    def _handle_company(self, norm: _Norm) -> None:
        key = _company_key(norm.company)
        if key in self.new_companies:
            entry = self.new_companies[key]
        elif key in self.companies:
            entry = self.company_updates.setdefault(
                self.companies[key], {"emails": [], "phones": [], "addresses": [], "_loaded": False}
            )
            if not entry["_loaded"]:
                self._load_company(self.companies[key], entry)
        else:
            self._company_ref(norm.company)
            entry = self.new_companies[key]
            entry["created_by_row"] = True
        have_mail = {e.lower() for _k, e in entry.get("known_emails", [])} | {
            e.lower() for _k, e in entry["emails"]
        }
        have_phone = {n for _k, n in entry.get("known_phones", [])} | {
            n for _k, n in entry["phones"]
        }
        have_adr = set(entry.get("known_addresses", set())) | {
            _address_key(a) for a in entry["addresses"]
        }
        emails = [(k, e) for k, e in norm.emails if e.lower() not in have_mail]
        phones = [(k, n) for k, n in norm.phones if n not in have_phone]
        addresses = [a for a in norm.addresses if _address_key(a) not in have_adr]
        website = norm.profile.get("website", "")
        notes = norm.scalars.get("notes", "")
        new_company = key in self.new_companies
        if new_company and entry.get("counted"):
            changed = bool(emails or phones or addresses)
        elif new_company:
            changed = True
        else:
            changed = bool(emails or phones or addresses)
            changed = changed or bool(website and not entry.get("website_known"))
            changed = changed or bool(notes and notes not in entry.get("notes_known", ""))
        if not changed:
            self.report.unchanged += 1
            return
        if not new_company and self.policy == "skip":
            self.report.skipped += 1
            return
        entry["emails"].extend(emails)
        entry["phones"].extend(phones)
        entry["addresses"].extend(addresses)
        if website:
            entry.setdefault("website", website)
        if notes:
            entry.setdefault("notes", notes)
        if norm.review:
            entry["review"] = True
            self._flag(norm)
        if new_company and not entry.get("counted"):
            entry["counted"] = True
            self.report.imported += 1
        else:
            self.report.updated += 1
            if len(self.report.changes) < _MAX_REPORT_ITEMS:
                fields = [
                    name
                    for name, val in (
                        ("emails", emails),
                        ("phones", phones),
                        ("addresses", addresses),
                    )
                    if val
                ]
                self.report.changes.append(PersonChange(None, norm.label, fields or ["notes"]))

    def _load_company(self, cid: int, entry: dict[str, Any]) -> None:
        entry["_loaded"] = True
        entry["known_emails"] = [
            (k, a)
            for k, a in self.s.execute(
                select(Email.kind, Email.address).where(Email.company_id == cid)
            )
        ]
        entry["known_phones"] = [
            (k, n)
            for k, n in self.s.execute(
                select(Phone.kind, Phone.number).where(Phone.company_id == cid)
            )
        ]
        entry["known_addresses"] = {
            _address_key({"street": st, "postcode": pc, "city": ci})
            for st, pc, ci in self.s.execute(
                select(Address.street, Address.postcode, Address.city).where(
                    Address.company_id == cid
                )
            )
        }
        website, notes = self.s.execute(
            select(Company.website, Company.notes).where(Company.id == cid)
        ).one()
        entry["website_known"] = bool(website)
        entry["notes_known"] = notes or ""

    # ------------------------------------------------------------ writing

    def _allocate(self, table: Table, count: int) -> list[int]:
        """``count`` fresh primary keys of ``table`` (bulk INSERT without RETURNING)."""
        if count == 0:
            return []
        if self.s.get_bind().dialect.name == "postgresql":
            seq = self.s.execute(
                text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name}
            ).scalar_one()
            ids = self.s.execute(
                text("SELECT nextval(CAST(:s AS regclass)) FROM generate_series(1, :n)"),
                {"s": seq, "n": count},
            ).scalars()
            return [int(i) for i in ids]
        start = self.s.execute(select(func.max(table.c.id))).scalar() or 0
        return list(range(int(start) + 1, int(start) + count + 1))

    def write(self) -> None:
        s = self.s
        now = self.now
        batch_id = self.batch.id
        # companies
        company_rows = []
        new_company_keys = list(self.new_companies)
        for key, cid in zip(
            new_company_keys,
            self._allocate(_table(Company), len(new_company_keys)),
            strict=True,
        ):
            entry = self.new_companies[key]
            entry["id"] = cid
            self.companies[key] = cid
            website = entry.get("website")
            try:
                website = v.normalize_website(website) if website else None
            except ValidationError:
                website = None
            entry["stored_website"] = (website or None) and website[:300]
            self.company_names[cid] = entry["name"]
            company_rows.append(
                {
                    "id": cid,
                    "name": entry["name"],
                    "website": entry["stored_website"],
                    "notes": entry.get("notes", ""),
                    "needs_review": bool(entry["review"]),
                    "import_batch_id": batch_id,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            self.report.created_company_ids.append(cid)
        _insert_rows(s, _table(Company), company_rows)
        # departments
        dept_keys = list(self.new_departments)
        dept_rows = []
        for dkey, did in zip(
            dept_keys,
            self._allocate(_table(Department), len(dept_keys)),
            strict=True,
        ):
            self.departments[dkey] = did
            self.department_names[did] = (dkey[0], self.new_departments[dkey])
            dept_rows.append(
                {
                    "id": did,
                    "company_id": self.companies[dkey[0]],
                    "name": self.new_departments[dkey],
                }
            )
        _insert_rows(s, _table(Department), dept_rows)
        # tags
        tag_keys = list(self.new_tags)
        tag_rows = []
        for key, tid in zip(
            tag_keys,
            self._allocate(_table(Tag), len(tag_keys)),
            strict=True,
        ):
            self.tags[key] = tid
            tag_rows.append({"id": tid, "name": self.new_tags[key]})
        _insert_rows(s, _table(Tag), tag_rows)
        # people
        person_rows: list[dict[str, Any]] = []
        email_rows: list[dict[str, Any]] = []
        phone_rows: list[dict[str, Any]] = []
        address_rows: list[dict[str, Any]] = []
        tag_links: list[dict[str, Any]] = []
        docs: list[dict[str, Any]] = []
        ids = self._allocate(_table(Person), len(self.new_people))
        for new, pid in zip(self.new_people, ids, strict=True):
            new.id = pid
            n = new.norm
            company_id = self.companies[_company_key(n.company)] if n.company else None
            department_id = (
                self.departments[(_company_key(n.company), n.department.casefold())]
                if n.company and n.department
                else None
            )
            profile = {k: val for k, val in n.profile.items() if val}
            person_rows.append(
                {
                    "id": pid,
                    "salutation": n.scalars["salutation"] or None,
                    "title": n.scalars["title"] or None,
                    "given_name": n.scalars["given_name"],
                    "family_name": n.scalars["family_name"],
                    "nickname": n.scalars["nickname"] or None,
                    "birth_date": n.birth_date,
                    "position": n.scalars["position"] or None,
                    "occupation": n.scalars["occupation"] or None,
                    "company_id": company_id,
                    "department_id": department_id,
                    "profile_fields": profile,
                    "notes": n.scalars["notes"],
                    "vcard_uid": n.scalars["vcard_uid"] or None,
                    "photo": n.photo,
                    "needs_review": bool(n.review),
                    "review_reason": _reason(n.review),
                    "import_batch_id": batch_id,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            for kind, address in n.emails:
                email_rows.append(
                    {"person_id": pid, "company_id": None, "kind": kind, "address": address}
                )
            for pkind, number in n.phones:
                phone_rows.append(
                    {
                        "person_id": pid,
                        "company_id": None,
                        "kind": pkind,
                        "number": number,
                        "label": None,
                    }
                )
            for a in n.addresses:
                address_rows.append({"person_id": pid, "company_id": None, **a})
            for tag in n.tags:
                tag_links.append({"person_id": pid, "tag_id": self.tags[tag.casefold()]})
            docs.append(
                document_row(
                    person_document(
                        pid,
                        _person_title(n),
                        self.company_names.get(company_id, "") if company_id else "",
                        n.scalars["position"],
                        (e for _k, e in n.emails),
                        (p for _k, p in n.phones),
                    )
                )
            )
            self.report.created_ids.append(pid)
        for key in new_company_keys:
            entry = self.new_companies[key]
            cid = entry["id"]
            self._company_children(cid, entry, email_rows, phone_rows, address_rows)
            docs.append(
                document_row(
                    company_document(
                        cid,
                        entry["name"],
                        None,
                        entry["stored_website"],
                        (e for _k, e in entry["emails"]),
                        (p for _k, p in entry["phones"]),
                    )
                )
            )
        for cid, entry in self.company_updates.items():
            self._company_children(cid, entry, email_rows, phone_rows, address_rows)
        for table, rows in (
            (_table(Person), person_rows),
            (_table(Email), email_rows),
            (_table(Phone), phone_rows),
            (_table(Address), address_rows),
            (person_tags, tag_links),
            (_table(SearchDocument), docs),
        ):
            _insert_rows(s, table, rows)
        if docs:  # through the driver, without their fields: the commit fills them in
            fields_pending(s)
        self._write_updates()
        self._touch_companies()

    @staticmethod
    def _company_children(
        cid: int,
        entry: dict[str, Any],
        email_rows: list[dict[str, Any]],
        phone_rows: list[dict[str, Any]],
        address_rows: list[dict[str, Any]],
    ) -> None:
        for kind, address in entry["emails"]:
            email_rows.append(
                {"person_id": None, "company_id": cid, "kind": kind, "address": address}
            )
        for pkind, number in entry["phones"]:
            phone_rows.append(
                {
                    "person_id": None,
                    "company_id": cid,
                    "kind": pkind,
                    "number": number,
                    "label": None,
                }
            )
        for a in entry["addresses"]:
            address_rows.append({"person_id": None, "company_id": cid, **a})

    def _touch_companies(self) -> None:
        """Stored companies that got e-mails/phones, a website or notes: ORM update so
        that their search entry follows."""
        touched: list[Company] = []
        for cid, entry in self.company_updates.items():
            if not (
                entry["emails"] or entry["phones"] or entry.get("website") or entry.get("notes")
            ):
                continue
            company = self.s.get(Company, cid)
            if company is None:  # pragma: no cover
                continue
            if entry.get("website") and not company.website:
                with contextlib.suppress(ValidationError):
                    company.website = v.normalize_website(entry["website"])
            if entry.get("notes") and entry["notes"] not in (company.notes or ""):
                company.notes = (
                    f"{company.notes}\n{entry['notes']}" if company.notes else entry["notes"]
                )
            if entry.get("review"):
                company.needs_review = True
            company.updated_at = self.now
            touched.append(company)
        if not touched:
            return
        self.s.flush()
        # the children went in by bulk INSERT: reload them and refresh the search entries
        from crm_desktop.data import search_sync

        for company in touched:
            self.s.refresh(company)
        search_sync.sync_objects(self.s, touched, [])

    def _write_updates(self) -> None:
        if not self.person_updates:
            return
        ids = sorted(self.person_updates)
        people: dict[int, Person] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for person in self.s.execute(
                select(Person)
                .where(Person.id.in_(chunk))
                .options(
                    selectinload(Person.emails),
                    selectinload(Person.phones),
                    selectinload(Person.addresses),
                    selectinload(Person.tags),
                )
            ).scalars():
                people[person.id] = person
        for pid, changes in self.person_updates.items():
            person = people[pid]
            for key, value in changes.items():
                if key in _SCALARS:
                    setattr(person, key, value)
                elif key.startswith("profile."):
                    profile = dict(person.profile_fields or {})
                    profile[key[8:]] = value
                    person.profile_fields = profile
                elif key == "birth_date":
                    person.birth_date = value
                elif key == "photo":
                    person.photo = value
                elif key == "company":
                    person.company_id = self.companies[_company_key(value)]
                    if "department" not in changes:
                        person.department_id = None
                elif key == "department":
                    ckey = _company_key(changes.get("company") or "") or (
                        _company_key(person.company.name) if person.company else ""
                    )
                    did = self.departments.get((ckey, value.casefold()))
                    if did is not None:
                        person.department_id = did
                elif key == "emails":
                    for kind, address in value:
                        person.emails.append(Email(kind=kind, address=address))
                elif key == "phones":
                    for pkind, number in value:
                        person.phones.append(Phone(kind=pkind, number=number))
                elif key == "addresses":
                    for a in value:
                        person.addresses.append(Address(**a))
                elif key == "tags":
                    for name in value:
                        tag = self.s.get(Tag, self.tags[name.casefold()])
                        if tag is not None and tag not in person.tags:
                            person.tags.append(tag)
            reasons = self.person_reviews.get(pid)
            if reasons:
                old = [r for r in (person.review_reason or "").split("; ") if r]
                person.needs_review = True
                person.review_reason = _reason(old + [r for r in reasons if r not in old])
            person.updated_at = self.now
        self.s.flush()


def _table(model: type[Any]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


_NOTHING = object()


def _core_insert(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Core ``insert()`` executemany, one per run of rows with the same keys (in order)."""
    start = 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or rows[i].keys() != rows[start].keys():
            session.execute(insert(table), rows[start:i])
            start = i


def _insert_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Bulk INSERT of ``rows`` (normally all with the same keys) in the session's
    transaction.

    PostgreSQL (and anything else) goes through a Core ``insert()`` executemany, which
    SQLAlchemy batches into multi-row VALUES. On SQLite that path spends more time on
    its per-row parameter handling than SQLite spends storing the rows, so there the
    rows go to the driver's ``executemany`` directly: the columns' own bind processors
    (enums, dates, JSON, booleans) convert the values and scalar column defaults fill
    the columns the rows leave out, exactly as the Core insert would. A column with a
    callable default that the rows leave out falls back to the Core insert.
    """
    if not rows:
        return
    conn = session.connection()
    dialect = conn.dialect
    keys = list(rows[0])
    if (
        dialect.name != "sqlite"
        or dialect.paramstyle != "qmark"  # Core inserts: checked by crm_desktop.data.guard
        or any(len(r) != len(keys) for r in rows)  # rows of different shapes
    ):
        _core_insert(session, table, rows)
        return
    guard.check_rows(table, rows)  # the driver's executemany bypasses the Core check
    extra: list[tuple[str, Any]] = []
    for column in table.columns:
        if column.key in rows[0] or column.default is None:
            continue
        default = column.default
        if not getattr(default, "is_scalar", False):
            _core_insert(session, table, rows)
            return
        extra.append((column.key, getattr(default, "arg", None)))
    columns = [table.c[k] for k in keys] + [table.c[k] for k, _v in extra]
    getter = operator.itemgetter(*keys)
    single = len(keys) == 1  # itemgetter of one key gives the value, not a tuple
    try:
        data = [[getter(r)] for r in rows] if single else [list(getter(r)) for r in rows]
    except KeyError:  # rows of different shapes
        _core_insert(session, table, rows)
        return
    if extra:
        constants = [val for _k, val in extra]
        for row in data:
            row.extend(constants)
    for i, column in enumerate(columns):
        process = column.type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            # runs of the very same value (now, None, an enum member) convert once
            last_in: Any = _NOTHING
            last_out: Any = None
            for row in data:
                value = row[i]
                if value is not last_in:
                    last_in, last_out = value, process(value)
                row[i] = last_out
    prep = dialect.identifier_preparer
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        prep.format_table(table),
        ", ".join(prep.format_column(c) for c in columns),
        ", ".join("?" for _c in columns),
    )
    conn.exec_driver_sql(sql, [tuple(row) for row in data])


def _reason(reasons: list[str]) -> str | None:
    if not reasons:
        return None
    text_ = "; ".join(dict.fromkeys(reasons))
    return text_ if len(text_) <= 300 else text_[:299] + "…"


def _person_title(n: _Norm) -> str:
    """The person's ``full_name`` (as :attr:`Person.full_name` builds it)."""
    parts = [n.scalars["title"], n.scalars["given_name"], n.scalars["family_name"]]
    name = " ".join(p for p in parts if p).strip()
    return name or n.scalars["nickname"]


# ---------------------------------------------------------------- public API


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a file is read and imported.

    An import allocates hundreds of thousands of small containers (records, rows,
    dicts) that all stay alive until the end; the collector would walk the growing
    heap again and again for nothing and take a third of the import's time. Reference
    counting still frees everything at once; the collector resumes afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def import_records(
    session: Session,
    records: Iterable[ContactRecord | RowError],
    *,
    source: str = "records",
    file_format: str = "records",
    on_duplicate: OnDuplicate | str = "create",
    clock: Clock | None = None,
    progress: Progress | None = None,
    region: str = v.DEFAULT_REGION,
    total: int | None = None,
) -> ImportReport:
    """Import parsed records inside the caller's transaction (``session``).

    The records are taken :data:`CHUNK_SIZE` at a time: checked, matched against the
    stored people (and those made by earlier chunks, stored by then), written. An
    iterator with its ``total`` (for ``progress``) is never held in memory as a
    whole; without ``total`` it is read into a list first.

    Raises :class:`ImportCancelled` when ``progress`` returns False: the caller's
    unit of work must roll back (``with store.session()`` does so by itself).
    """
    with _gc_paused():
        return _import_records(
            session,
            records,
            source=source,
            file_format=file_format,
            on_duplicate=on_duplicate,
            clock=clock or SystemClock(),
            progress=progress,
            region=region,
            total=total,
        )


def _import_records(
    session: Session,
    records: Iterable[ContactRecord | RowError],
    *,
    source: str,
    file_format: str,
    on_duplicate: str,
    clock: Clock,
    progress: Progress | None,
    region: str,
    total: int | None,
) -> ImportReport:
    unused = getattr(records, "unused_columns", None)  # csv_contacts.CsvRecords
    if isinstance(records, Sequence):
        total = len(records)
    elif total is None:  # an iterable of unknown length: read it first (as before)
        records = list(records)
        total = len(records)
    report = ImportReport(
        source=cardguard.redact(source), file_format=file_format, on_duplicate=on_duplicate
    )
    report.total = total
    batch = ImportBatch(
        source=cardguard.redact(source)[:500], file_format=file_format[:20], started_at=clock.now()
    )
    session.add(batch)
    session.flush()
    report.batch_id = batch.id
    run = _Run(session, report, on_duplicate=on_duplicate, clock=clock, region=region, batch=batch)
    run.preload()
    with _page_cache(session):
        _import_chunks(run, records, total, progress)
    if isinstance(unused, dict):
        report.unused_columns = dict(unused)
    batch.summary = {
        "imported": report.imported,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "skipped": report.skipped,
        "rejected": [[r, why] for r, why in report.rejected[:200]],
        "rejected_count": report.rejected_count,
        "flagged": report.flagged_count,
        "created_people": len(report.created_ids),
        "created_companies": len(report.created_company_ids),
        "on_duplicate": on_duplicate,
        "unused_columns": dict(list(report.unused_columns.items())[:200]),
        "dropped_count": report.dropped_count,
    }
    session.add(
        AuditEvent(
            event="imported",
            entity="import_batch",
            entity_id=batch.id,
            details={
                "format": file_format,
                "imported": report.imported,
                "updated": report.updated,
                "rejected": report.rejected_count,
            },
        )
    )
    session.flush()
    return report


@contextlib.contextmanager
def _page_cache(session: Session) -> Iterator[None]:
    """A larger SQLite page cache (64 MiB) while an import runs.

    The import is one transaction that writes and looks up index pages of tables
    growing by hundreds of thousands of rows; with SQLite's default 2 MiB cache most
    of those pages would be read again from the WAL file for every chunk. The
    cache is bounded, so memory stays flat; the old size comes back afterwards.
    """
    if session.get_bind().dialect.name != "sqlite":
        yield
        return
    conn = session.connection()
    old = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql("PRAGMA cache_size = -65536")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(old or -2000)}")


def _import_chunks(
    run: _Run,
    records: Iterable[ContactRecord | RowError],
    total: int,
    progress: Progress | None,
) -> None:
    """Read, check, match and write the records :data:`CHUNK_SIZE` at a time."""
    report = run.report
    done = 0
    items = iter(records)
    while chunk := list(itertools.islice(items, CHUNK_SIZE)):
        norms: list[_Norm | None] = []
        for item in chunk:
            if isinstance(item, RowError):
                # what is refused is reported with any card number in it masked
                report.reject(cardguard.redact(item.label()), cardguard.redact(item.reason))
                norms.append(None)
                continue
            if item.dropped:
                label = cardguard.redact(item.label())
                for what in item.dropped:
                    report.drop(label, cardguard.redact(what))
            for prop in item.unused:  # vCard properties no field takes
                report.unused_columns[prop] = report.unused_columns.get(prop, 0) + 1
            result = run.normalize(item)
            if isinstance(result, str):
                report.reject(cardguard.redact(item.label()), result)
                norms.append(None)
                continue
            norms.append(result)
        del chunk, item
        run.prepare(norms)
        for norm in norms:
            if norm is not None:
                run.handle(norm)
            done += 1
            if (
                progress is not None
                and (done % 50 == 0 or done == total)
                and not progress(done, max(total, done))
            ):
                report.cancelled = True
                raise ImportCancelled(report)
        del norms, norm
        run.write()
        run.finish_chunk()
        gc.collect(0)  # cycles of the chunk (ORM objects of updated people) go now
    report.total = done


def detect_format(path: Path) -> str:
    """ "vcard" or "csv", by the file name, else by the first bytes."""
    suffix = path.suffix.lower()
    if suffix in {".vcf", ".vcard"}:
        return "vcard"
    if suffix in {".csv", ".tsv"}:
        return "csv"
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        raise ImportFileError(
            "The file {path} cannot be read: {detail}", path=str(path), detail=exc.strerror
        ) from exc
    from crm_desktop.interop.vcard import looks_like_vcard

    return "vcard" if looks_like_vcard(head) else "csv"


def read_records(
    path: str | Path, *, mapping: dict[str, str] | None = None, file_format: str | None = None
) -> tuple[str, list[ContactRecord | RowError]]:
    """(format, records) of a contact file; raises ImportFileError when unreadable."""
    p = Path(path)
    if not p.is_file():
        raise ImportFileError("The file {path} does not exist.", path=str(p))
    fmt = file_format or detect_format(p)
    if fmt == "vcard":
        from crm_desktop.interop.vcard import read_vcards

        return fmt, read_vcards(p)
    from crm_desktop.interop.csv_contacts import read_csv

    return "csv", list(read_csv(p, mapping))


def _open_records(
    p: Path, mapping: dict[str, str] | None
) -> tuple[str, int, Iterable[ContactRecord | RowError]]:
    """(format, number of records, records) of a contact file: a CSV file is checked
    whole first and then read as a stream (see :func:`csv_contacts.open_csv`)."""
    if not p.is_file():
        raise ImportFileError("The file {path} does not exist.", path=str(p))
    fmt = detect_format(p)
    if fmt == "vcard":
        records = read_records(p, mapping=mapping, file_format=fmt)[1]
        return fmt, len(records), records
    from crm_desktop.interop.csv_contacts import open_csv

    total, stream = open_csv(p, mapping)
    return "csv", total, stream


class _Rollback(Exception):
    pass


def import_file(
    store: Store,
    path: str | Path,
    *,
    dry_run: bool = False,
    on_duplicate: OnDuplicate | str = "create",
    mapping: dict[str, str] | None = None,
    clock: Clock | None = None,
    progress: Progress | None = None,
    region: str = v.DEFAULT_REGION,
) -> ImportReport:
    """Import one vCard or CSV file in ONE transaction (see the module docstring).

    Raises :class:`ImportFileError` when the file cannot be read at all; nothing is
    stored then. A dry run or a cancel returns the report and stores nothing.
    """
    if on_duplicate not in ON_DUPLICATE:
        raise ValueError(f"on_duplicate must be one of {ON_DUPLICATE}")
    with _gc_paused():
        return _import_file(
            store,
            Path(path),
            dry_run=dry_run,
            on_duplicate=on_duplicate,
            mapping=mapping,
            clock=clock,
            progress=progress,
            region=region,
        )


def _import_file(
    store: Store,
    p: Path,
    *,
    dry_run: bool,
    on_duplicate: str,
    mapping: dict[str, str] | None,
    clock: Clock | None,
    progress: Progress | None,
    region: str,
) -> ImportReport:
    fmt, total, records = _open_records(p, mapping)
    report: ImportReport | None = None
    try:
        with store.session() as session:
            report = import_records(
                session,
                records,
                source=str(p.name),
                file_format=fmt,
                on_duplicate=on_duplicate,
                clock=clock,
                progress=progress,
                region=region,
                total=total,
            )
            if dry_run:
                raise _Rollback
    except _Rollback:
        assert report is not None
        report.dry_run = True
        report.batch_id = None
        report.created_ids = []
        report.created_company_ids = []
    except ImportCancelled as exc:
        report = exc.report
        report.cancelled = True
        report.batch_id = None
        report.created_ids = []
        report.created_company_ids = []
    assert report is not None
    return report
