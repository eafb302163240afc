"""Neutral contact records between file formats (vCard, CSV) and the store.

The parsers turn every card or row into a :class:`ContactRecord` (raw values as the
file had them, only decoded) or a :class:`RowError` (the record cannot be read).
Validation and normalisation happen in :mod:`crm_desktop.services.importer`.

Birthdays without a year (vCard ``--0301``, Google ``--05-17``) are kept as a date
in the year :data:`NO_YEAR` (1604, the convention of Apple and Android contacts);
:func:`has_year` tells them apart.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.domain.kinds import AddressKind, EmailKind, PhoneKind
from crm_desktop.errors import ImportFileError

NO_YEAR = 1604  # a leap year, so 29 February works too

MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass
class AddressRecord:
    kind: AddressKind = AddressKind.MAIN
    street: str = ""
    extra: str = ""
    postcode: str = ""
    city: str = ""
    region: str = ""
    country: str = ""  # as the file wrote it: a code ("DE") or a name ("Deutschland")

    def is_empty(self) -> bool:
        return not any(
            (self.street, self.extra, self.postcode, self.city, self.region, self.country)
        )


@dataclass
class ContactRecord:
    """One person (or, with only a company name, one company) as read from a file."""

    given_name: str = ""
    family_name: str = ""
    additional_names: str = ""
    salutation: str = ""
    title: str = ""
    name_suffix: str = ""
    nickname: str = ""
    formatted_name: str = ""
    company: str = ""
    department: str = ""
    position: str = ""
    occupation: str = ""
    birth_date: dt.date | None = None
    phones: list[tuple[PhoneKind, str]] = field(default_factory=list)
    emails: list[tuple[EmailKind, str]] = field(default_factory=list)
    addresses: list[AddressRecord] = field(default_factory=list)
    website: str = ""
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    vcard_uid: str = ""
    photo: bytes | None = None
    source: str = ""  # "card 3", "line 7": where the record is in its file
    line: int | None = None
    problems: list[str] = field(default_factory=list)  # read but doubtful: flag for review
    dropped: list[str] = field(default_factory=list)  # values in the file not imported
    unused: list[str] = field(default_factory=list)  # vCard properties no field takes

    @property
    def has_person_name(self) -> bool:
        return bool(
            self.given_name.strip()
            or self.family_name.strip()
            or self.formatted_name.strip()
            or self.nickname.strip()
        )

    @property
    def is_company_only(self) -> bool:
        """A row that names only a company (no person): imported as a company."""
        return not self.has_person_name and bool(self.company.strip())

    def label(self) -> str:
        """A short human name for reports: the name, else company, e-mail, phone, source."""
        name = " ".join(p for p in (self.given_name, self.family_name) if p.strip()).strip()
        for candidate in (
            name,
            self.formatted_name.strip(),
            self.nickname.strip(),
            self.company.strip(),
            self.emails[0][1] if self.emails else "",
            self.phones[0][1] if self.phones else "",
        ):
            if candidate:
                return f"{candidate} ({self.source})" if self.source else candidate
        return self.source or "?"


@dataclass
class RowError:
    """A card or row that cannot be read; it is rejected, the rest of the file goes on."""

    source: str
    reason: str
    line: int | None = None

    def label(self) -> str:
        return self.source


def has_year(value: dt.date) -> bool:
    return value.year != NO_YEAR


# ---------------------------------------------------------------- text decoding

_BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def utf16_without_bom(head: bytes) -> str | None:
    """ "utf-16-le" / "utf-16-be" for UTF-16 text without a BOM (Apple Address Book
    writes it), else None.

    Text in UTF-16 of Latin script has a zero byte in every other position (the high
    byte of each character) and almost none in the others; binary data has zeros
    anywhere. At least 16 characters, and 90 % of the high bytes zero, decide.
    """
    sample = head[:4096]
    sample = sample[: len(sample) - len(sample) % 2]
    pairs = len(sample) // 2
    if pairs < 16:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd >= 0.9 * pairs and even <= pairs // 100:
        return "utf-16-le"
    if even >= 0.9 * pairs and odd <= pairs // 100:
        return "utf-16-be"
    return None


def detect_encoding(data: bytes, what: str = "file") -> str:
    """The encoding of a text file: a BOM, else UTF-16 without BOM (zero high
    bytes, see :func:`utf16_without_bom`), else UTF-8, else Windows-1252.

    Raises :class:`ImportFileError` for binary data and bytes no encoding explains.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                data[len(bom) :].decode(name if name != "utf-8-sig" else "utf-8")
            except UnicodeDecodeError as exc:
                raise ImportFileError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "The {what} starts like {encoding} text but cannot be decoded "
                        "(byte {position}).",
                    ),
                    what=what,
                    encoding=name.upper(),
                    position=exc.start + len(bom),
                ) from exc
            return name
    utf16 = utf16_without_bom(data)
    if utf16 is not None:
        try:
            data.decode(utf16)
        except UnicodeDecodeError:
            pass
        else:
            return utf16
    if b"\x00" in data:
        raise ImportFileError(
            QT_TRANSLATE_NOOP("errors", "The {what} is not a text file (it holds binary data)."),
            what=what,
        )
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    try:
        data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The {what} cannot be read: its text is neither UTF-8 nor Windows-1252 "
                "(byte {position}).",
            ),
            what=what,
            position=exc.start,
        ) from exc
    return "cp1252"


def decode_text(data: bytes, what: str = "file", encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding) of a file's bytes; refuses binary data with ImportFileError."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(
            QT_TRANSLATE_NOOP("errors", "The {what} is too large ({size} MB; at most {limit} MB)."),
            what=what,
            size=len(data) // (1024 * 1024),
            limit=MAX_FILE_BYTES // (1024 * 1024),
        )
    if encoding is None:
        encoding = detect_encoding(data, what)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise ImportFileError(
            QT_TRANSLATE_NOOP("errors", "The {what} cannot be decoded as {encoding}."),
            what=what,
            encoding=encoding,
        ) from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    controls = len(_CONTROL.findall(text[:65536]))
    if controls > max(4, len(text[:65536]) // 200):
        raise ImportFileError(
            QT_TRANSLATE_NOOP("errors", "The {what} is not a text file (it holds binary data)."),
            what=what,
        )
    return text, encoding


_BLOCK = 1 << 20


def check_file_size(size: int, what: str = "file") -> None:
    """ImportFileError when a file is larger than :data:`MAX_FILE_BYTES`."""
    if size > MAX_FILE_BYTES:
        raise ImportFileError(
            QT_TRANSLATE_NOOP("errors", "The {what} is too large ({size} MB; at most {limit} MB)."),
            what=what,
            size=size // (1024 * 1024),
            limit=MAX_FILE_BYTES // (1024 * 1024),
        )


def _decodes(fh: Any, encoding: str) -> int | None:
    """None when the rest of ``fh`` decodes as ``encoding``, else the failing byte."""
    decoder = codecs.getincrementaldecoder(encoding)()
    offset = int(fh.tell())
    try:
        for block in iter(lambda: fh.read(_BLOCK), b""):
            decoder.decode(block)
            offset += len(block)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        return offset + exc.start
    return None


def detect_file_encoding(path: Path, what: str = "file") -> str:
    """:func:`detect_encoding` of a file, read block by block (never all at once)."""
    with path.open("rb") as fh:
        head = fh.read(4)
        for bom, name in _BOMS:
            if head.startswith(bom):
                fh.seek(len(bom) if name == "utf-8-sig" else 0)
                position = _decodes(fh, "utf-8" if name == "utf-8-sig" else name)
                if position is not None:
                    raise ImportFileError(
                        QT_TRANSLATE_NOOP(
                            "errors",
                            "The {what} starts like {encoding} text but cannot be decoded "
                            "(byte {position}).",
                        ),
                        what=what,
                        encoding=name.upper(),
                        position=position,
                    )
                return name
        fh.seek(0)
        utf16 = utf16_without_bom(fh.read(4096))
        if utf16 is not None:
            fh.seek(0)
            if _decodes(fh, utf16) is None:
                return utf16
        fh.seek(0)
        for block in iter(lambda: fh.read(_BLOCK), b""):
            if b"\x00" in block:
                raise ImportFileError(
                    QT_TRANSLATE_NOOP(
                        "errors", "The {what} is not a text file (it holds binary data)."
                    ),
                    what=what,
                )
        fh.seek(0)
        if _decodes(fh, "utf-8") is None:
            return "utf-8"
        fh.seek(0)
        position = _decodes(fh, "cp1252")
        if position is not None:
            raise ImportFileError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The {what} cannot be read: its text is neither UTF-8 nor Windows-1252 "
                    "(byte {position}).",
                ),
                what=what,
                position=position,
            )
    return "cp1252"


def check_text_head(head: str, what: str = "file") -> None:
    """ImportFileError when the first 64 KB of a text hold binary data (as decode_text)."""
    sample = head[:65536]
    if len(_CONTROL.findall(sample)) > max(4, len(sample) // 200):
        raise ImportFileError(
            QT_TRANSLATE_NOOP("errors", "The {what} is not a text file (it holds binary data)."),
            what=what,
        )


def has_control_chars(value: str) -> bool:
    """Whether :func:`clean_text` would remove something from ``value``."""
    return _CONTROL.search(value) is not None


def clean_text(value: str) -> str:
    """Strip control characters (NUL and friends) that no database field should hold."""
    if _CONTROL.search(value):
        value = _CONTROL.sub("", value)
    return value


# ---------------------------------------------------------------- dates

_ISO = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*)?")
_NOYEAR = re.compile(r"--(\d{2})-?(\d{2})(?:[T ].*)?")
_DOTTED = re.compile(r"(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{2}|\d{4})?")
_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})(?:\s+.*)?")


class DateProblem(ValueError):
    """A date that is written but impossible (31.02.) or unreadable."""


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:  # two-digit years: 30..99 → 19xx, 00..29 → 20xx
        year += 1900 if year >= 30 else 2000
    return year


def _make(year: int, month: int, day: int, raw: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise DateProblem(f"“{raw}” is not a valid date") from exc


def parse_date_text(raw: str, order: str = "auto") -> dt.date | None:
    """A date as contact files write it, or None when there is none.

    ISO ``1970-03-01`` / ``19700301`` (also with a time), year-less ``--0301`` and
    ``--03-01`` (year :data:`NO_YEAR`), German ``01.03.1968`` (``01.03.`` without a
    year), US ``3/14/1975`` (``order="dmy"`` reads ``14/3/1975``). Outlook's empty
    ``0/0/00`` is None. An impossible date raises :class:`DateProblem`.
    """
    text = raw.strip()
    if not text or text in {"0/0/00", "00.00.0000", "0000-00-00", "00000000"}:
        return None
    m = _NOYEAR.fullmatch(text)
    if m:
        return _make(NO_YEAR, int(m.group(1)), int(m.group(2)), raw)
    m = _ISO.fullmatch(text)
    if m:
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)), raw)
    m = _DOTTED.fullmatch(text)
    if m:
        year = _year(m.group(3)) if m.group(3) else NO_YEAR
        return _make(year, int(m.group(2)), int(m.group(1)), raw)
    m = _SLASHED.fullmatch(text)
    if m:
        a, b, year_text = int(m.group(1)), int(m.group(2)), m.group(3)
        if a == 0 and b == 0:
            return None
        if order == "dmy" or (order == "auto" and a > 12):
            a, b = b, a
        return _make(_year(year_text), a, b, raw)
    raise DateProblem(f"“{raw}” is not a date")


# ---------------------------------------------------------------- names

SALUTATIONS = {
    "herr": "Herr",
    "herrn": "Herr",
    "frau": "Frau",
    "mr": "Mr.",
    "mr.": "Mr.",
    "mrs": "Mrs.",
    "mrs.": "Mrs.",
    "ms": "Ms.",
    "ms.": "Ms.",
    "miss": "Miss",
    "mx": "Mx.",
    "mx.": "Mx.",
    "m.": "M.",
    "mme": "Mme",
    "mme.": "Mme",
}


def split_prefix(prefix: str) -> tuple[str, str]:
    """('Herr', 'Dr.') from 'Herr Dr.': a salutation and the academic title(s)."""
    salutation = ""
    rest: list[str] = []
    for token in prefix.replace(",", " ").split():
        known = SALUTATIONS.get(token.lower())
        if known and not salutation:
            salutation = known
        else:
            rest.append(token)
    return salutation, " ".join(rest)


def split_full_name(full: str) -> tuple[str, str, str, str]:
    """(salutation, title, given, family) from one line such as 'Dr. Anna Maria Schmidt'.

    'Schmidt, Anna' is understood too. The last word is the family name.
    """
    text = " ".join(full.split())
    if not text:
        return "", "", "", ""
    if "," in text:
        family, _, given = text.partition(",")
        sal, title = "", ""
        words = given.split()
        while words and (words[0].lower() in SALUTATIONS or words[0].endswith(".")):
            s, t = split_prefix(words.pop(0))
            sal = sal or s
            title = " ".join(x for x in (title, t) if x)
        return sal, title, " ".join(words), family.strip()
    words = text.split()
    sal_parts: list[str] = []
    while len(words) > 1 and (words[0].lower() in SALUTATIONS or words[0].endswith(".")):
        sal_parts.append(words.pop(0))
    sal, title = split_prefix(" ".join(sal_parts))
    # trailing suffixes such as "Jr." or "Sr." are not the family name
    while len(words) > 2 and words[-1].rstrip(".").lower() in {"jr", "sr", "ii", "iii", "iv"}:
        words.pop()
    if len(words) == 1:
        return sal, title, "", words[0]
    return sal, title, " ".join(words[:-1]), words[-1]


def split_tags(raw: str) -> list[str]:
    """Categories/groups: ';', ',' or Google's ' ::: ' between them; system groups dropped."""
    parts = re.split(r"\s*:::\s*|[;,]", raw)
    out: list[str] = []
    for part in parts:
        name = part.strip()
        if not name or name.startswith("*") or name.lower() in SYSTEM_GROUPS:
            continue
        if name not in out:
            out.append(name)
    return out


SYSTEM_GROUPS = {"my contacts", "mycontacts", "starred in android"}
