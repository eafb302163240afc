"""Contacts from CSV files: Outlook (English, German), Google Contacts, Thunderbird,
our own lossless ``full`` layout (``export --format csv --layout full``), anything else.

Google's numbered columns (``Phone 7 - Value``) and those of the full layout are read
for any number. What is not imported is said: :class:`CsvRecords` counts the values of
every column no field takes, and a record's ``dropped`` lists values read but not kept
(a second website, a phone placeholder such as "-", an incomplete birthday).

``sniff(path)`` finds the encoding (BOM, UTF-8, Windows-1252), the delimiter
(``csv.Sniffer`` checked against the header line), the headers and the preset whose
columns match best. ``read_csv(path, mapping)`` yields one :class:`ContactRecord`
per row, or a :class:`RowError` for a row that cannot be read.

A mapping is ``{column header: field}``. Fields:

- ``given_name``, ``additional_names``, ``family_name``, ``full_name`` (split into
  parts), ``prefix`` ("Herr Dr." → salutation + title), ``salutation``, ``title``,
  ``name_suffix``, ``nickname``, ``company``, ``department``, ``position``,
  ``occupation``, ``birth_date``, ``notes``, ``website``, ``tags``, ``vcard_uid``;
- ``email.KIND`` / ``phone.KIND`` (``email.work``, ``phone.mobile``...);
- ``address.KIND.PART`` with PART one of street, street2, street3, extra, pobox,
  postcode, city, region, country, formatted;
- indexed groups whose kind is in another column (Google): ``email.1.type`` +
  ``email.1.value``, ``phone.2.type`` + ``phone.2.value``, ``address.1.type`` +
  ``address.1.street``...;
- ``""`` or ``ignore``: not imported.

Cells may hold several values joined by `` ::: `` (Google).
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.domain.kinds import AddressKind, EmailKind, PhoneKind
from crm_desktop.errors import ImportFileError
from crm_desktop.interop import csvsafe
from crm_desktop.interop.records import (
    AddressRecord,
    ContactRecord,
    DateProblem,
    RowError,
    check_file_size,
    check_text_head,
    clean_text,
    detect_file_encoding,
    parse_date_text,
    split_full_name,
    split_prefix,
    split_tags,
)

MAX_FIELD = 128 * 1024
PREVIEW_ROWS = 5
DELIMITERS = ",;\t|"

# ---------------------------------------------------------------- presets


def _outlook_en() -> dict[str, str]:
    m = {
        "Title": "prefix",
        "First Name": "given_name",
        "Middle Name": "additional_names",
        "Last Name": "family_name",
        "Suffix": "name_suffix",
        "Nickname": "nickname",
        "Company": "company",
        "Department": "department",
        "Job Title": "position",
        "Profession": "occupation",
        "Birthday": "birth_date",
        "Notes": "notes",
        "Web Page": "website",
        "Categories": "tags",
        "E-mail Address": "email.work",
        "E-mail 2 Address": "email.other",
        "E-mail 3 Address": "email.other",
        "Business Phone": "phone.work",
        "Business Phone 2": "phone.work",
        "Company Main Phone": "phone.work",
        "Primary Phone": "phone.other",
        "Mobile Phone": "phone.mobile",
        "Car Phone": "phone.mobile",
        "Home Phone": "phone.home",
        "Home Phone 2": "phone.home",
        "Business Fax": "phone.fax",
        "Home Fax": "phone.fax",
        "Other Fax": "phone.fax",
        "Other Phone": "phone.other",
        "Assistant's Phone": "phone.other",
        "Callback": "phone.other",
        "ISDN": "phone.other",
        "Pager": "phone.other",
        "Radio Phone": "phone.other",
        "TTY/TDD Phone": "phone.other",
        "Telex": "phone.other",
    }
    for prefix, kind in (("Business", "main"), ("Home", "home"), ("Other", "other")):
        m[f"{prefix} Street"] = f"address.{kind}.street"
        m[f"{prefix} Street 2"] = f"address.{kind}.street2"
        m[f"{prefix} Street 3"] = f"address.{kind}.street3"
        m[f"{prefix} Address PO Box"] = f"address.{kind}.pobox"
        m[f"{prefix} City"] = f"address.{kind}.city"
        m[f"{prefix} State"] = f"address.{kind}.region"
        m[f"{prefix} Postal Code"] = f"address.{kind}.postcode"
        m[f"{prefix} Country"] = f"address.{kind}.country"
        m[f"{prefix} Country/Region"] = f"address.{kind}.country"
        m[f"{prefix} Address"] = f"address.{kind}.formatted"
    return m


def _outlook_de() -> dict[str, str]:
    m = {
        "Anrede": "prefix",
        "Titel": "prefix",
        "Vorname": "given_name",
        "Weitere Vornamen": "additional_names",
        "Nachname": "family_name",
        "Suffix": "name_suffix",
        "Spitzname": "nickname",
        "Firma": "company",
        "Abteilung": "department",
        "Position": "position",
        "Beruf": "occupation",
        "Geburtstag": "birth_date",
        "Notizen": "notes",
        "Webseite": "website",
        "Kategorien": "tags",
        "E-Mail-Adresse": "email.work",
        "E-Mail 2: Adresse": "email.other",
        "E-Mail 3: Adresse": "email.other",
        "Telefon geschäftlich": "phone.work",
        "Telefon geschäftlich 2": "phone.work",
        "Telefon Firma": "phone.work",
        "Haupttelefon": "phone.other",
        "Mobiltelefon": "phone.mobile",
        "Mobiltelefon 2": "phone.mobile",
        "Autotelefon": "phone.mobile",
        "Telefon privat": "phone.home",
        "Telefon privat 2": "phone.home",
        "Fax geschäftlich": "phone.fax",
        "Fax privat": "phone.fax",
        "Weiteres Fax": "phone.fax",
        "Weiteres Telefon": "phone.other",
        "Telefon Assistent": "phone.other",
        "Rückmeldung": "phone.other",
        "ISDN": "phone.other",
        "Pager": "phone.other",
        "Telex": "phone.other",
    }
    for suffix, kind in (("geschäftlich", "main"), ("privat", "home")):
        m[f"Straße {suffix}"] = f"address.{kind}.street"
        m[f"Straße {suffix} 2"] = f"address.{kind}.street2"
        m[f"Straße {suffix} 3"] = f"address.{kind}.street3"
        m[f"Postfach {suffix}"] = f"address.{kind}.pobox"
        m[f"Ort {suffix}"] = f"address.{kind}.city"
        m[f"Region {suffix}"] = f"address.{kind}.region"
        m[f"Postleitzahl {suffix}"] = f"address.{kind}.postcode"
        m[f"Land/Region {suffix}"] = f"address.{kind}.country"
        m[f"Land {suffix}"] = f"address.{kind}.country"
    m.update(
        {
            "Weitere Straße": "address.other.street",
            "Weitere Straße 2": "address.other.street2",
            "Weitere Straße 3": "address.other.street3",
            "Weiteres Postfach": "address.other.pobox",
            "Weiterer Ort": "address.other.city",
            "Weitere Region": "address.other.region",
            "Weitere Postleitzahl": "address.other.postcode",
            "Weiteres Land/Region": "address.other.country",
        }
    )
    return m


def _google() -> dict[str, str]:
    m = {
        "Name": "full_name",
        "Given Name": "given_name",
        "Additional Name": "additional_names",
        "Family Name": "family_name",
        "Name Prefix": "prefix",
        "Name Suffix": "name_suffix",
        "Nickname": "nickname",
        "Birthday": "birth_date",
        "Occupation": "occupation",
        "Notes": "notes",
        "Group Membership": "tags",
        # the newer Google export
        "First Name": "given_name",
        "Middle Name": "additional_names",
        "Last Name": "family_name",
        "Labels": "tags",
        "Organization Name": "company",
        "Organization Title": "position",
        "Organization Department": "department",
    }
    for n in range(1, 6):
        m[f"E-mail {n} - Type"] = f"email.{n}.type"
        m[f"E-mail {n} - Label"] = f"email.{n}.type"
        m[f"E-mail {n} - Value"] = f"email.{n}.value"
        m[f"Phone {n} - Type"] = f"phone.{n}.type"
        m[f"Phone {n} - Label"] = f"phone.{n}.type"
        m[f"Phone {n} - Value"] = f"phone.{n}.value"
        m[f"Address {n} - Type"] = f"address.{n}.type"
        m[f"Address {n} - Label"] = f"address.{n}.type"
        m[f"Address {n} - Formatted"] = f"address.{n}.formatted"
        m[f"Address {n} - Street"] = f"address.{n}.street"
        m[f"Address {n} - City"] = f"address.{n}.city"
        m[f"Address {n} - PO Box"] = f"address.{n}.pobox"
        m[f"Address {n} - Region"] = f"address.{n}.region"
        m[f"Address {n} - Postal Code"] = f"address.{n}.postcode"
        m[f"Address {n} - Country"] = f"address.{n}.country"
        m[f"Address {n} - Extended Address"] = f"address.{n}.extra"
    m["Organization 1 - Name"] = "company"
    m["Organization 1 - Title"] = "position"
    m["Organization 1 - Department"] = "department"
    m["Website 1 - Value"] = "website"
    return m


def _thunderbird() -> dict[str, str]:
    """Thunderbird's address book export (English and German column names)."""
    m = {
        "First Name": "given_name",
        "Last Name": "family_name",
        "Middle Name": "additional_names",
        "Name Prefix": "prefix",
        "Name Suffix": "name_suffix",
        "Display Name": "full_name",
        "Nickname": "nickname",
        "Primary Email": "email.work",
        "Secondary Email": "email.other",
        "Work Phone": "phone.work",
        "Home Phone": "phone.home",
        "Fax Number": "phone.fax",
        "Pager Number": "phone.other",
        "Mobile Number": "phone.mobile",
        "Job Title": "position",
        "Department": "department",
        "Organization": "company",
        "Web Page 1": "website",
        "Web Page 2": "website",
        "Birth Year": "birth_year",
        "Birth Month": "birth_month",
        "Birth Day": "birth_day",
        "Notes": "notes",
        "Categories": "tags",
        # German Thunderbird
        "Vorname": "given_name",
        "Nachname": "family_name",
        "Anzeigename": "full_name",
        "Spitzname": "nickname",
        "Primäre E-Mail-Adresse": "email.work",
        "Sekundäre E-Mail-Adresse": "email.other",
        "Tel. dienstlich": "phone.work",
        "Tel. privat": "phone.home",
        "Fax-Nummer": "phone.fax",
        "Pager-Nummer": "phone.other",
        "Mobil-Tel.-Nr.": "phone.mobile",
        "Arbeitstitel": "position",
        "Abteilung": "department",
        "Organisation": "company",
        "Webseite 1": "website",
        "Webseite 2": "website",
        "Geburtsjahr": "birth_year",
        "Geburtsmonat": "birth_month",
        "Geburtstag": "birth_day",
        "Notizen": "notes",
    }
    for prefix, kind in (("Work", "main"), ("Home", "home")):
        m[f"{prefix} Address"] = f"address.{kind}.street"
        m[f"{prefix} Address 2"] = f"address.{kind}.street2"
        m[f"{prefix} City"] = f"address.{kind}.city"
        m[f"{prefix} State"] = f"address.{kind}.region"
        m[f"{prefix} ZipCode"] = f"address.{kind}.postcode"
        m[f"{prefix} Country"] = f"address.{kind}.country"
    for prefix, kind in (("Dienstlich", "main"), ("Privat", "home")):
        m[f"{prefix}: Adresse"] = f"address.{kind}.street"
        m[f"{prefix}: Adresse 2"] = f"address.{kind}.street2"
        m[f"{prefix}: Ort"] = f"address.{kind}.city"
        m[f"{prefix}: Bundesland"] = f"address.{kind}.region"
        m[f"{prefix}: PLZ"] = f"address.{kind}.postcode"
        m[f"{prefix}: Land"] = f"address.{kind}.country"
    return m


def _full() -> dict[str, str]:
    """Our own lossless layout (``export --format csv --layout full``): the first
    columns; the numbered groups are read by :data:`_NUMBERED_FULL`."""
    return {
        "ID": "",
        "Salutation": "salutation",
        "Title": "title",
        "Given name": "given_name",
        "Additional names": "additional_names",
        "Family name": "family_name",
        "Name suffix": "name_suffix",
        "Nickname": "nickname",
        "Company": "company",
        "Department": "department",
        "Position": "position",
        "Occupation": "occupation",
        "Birthday": "birth_date",
        "Website": "website",
        "Tags": "tags",
        "Notes": "notes",
        "UID": "vcard_uid",
        "E-mail 1 kind": "email.1.type",
        "E-mail 1": "email.1.value",
        "Phone 1 kind": "phone.1.type",
        "Phone 1": "phone.1.value",
        "Address 1 kind": "address.1.type",
        "Address 1 street": "address.1.street",
    }


PRESETS: dict[str, dict[str, str]] = {
    "outlook-en": _outlook_en(),
    "outlook-de": _outlook_de(),
    "google": _google(),
    "thunderbird": _thunderbird(),
    "full": _full(),
}
PRESET_DATE_ORDER = {
    "outlook-en": "mdy",
    "outlook-de": "dmy",
    "google": "auto",
    "thunderbird": "auto",
    "full": "auto",
    "generic": "auto",
}

# numbered columns beyond what a preset table lists ("Phone 7 - Value"): any number
_NUMBERED_GOOGLE = re.compile(
    r"(?P<group>E-mail|Phone|Address) (?P<n>\d+) - (?P<part>Type|Label|Value|Formatted|Street"
    r"|City|PO Box|Region|Postal Code|Country|Extended Address)"
)
_GOOGLE_PARTS = {
    "Type": "type",
    "Label": "type",
    "Value": "value",
    "Formatted": "formatted",
    "Street": "street",
    "City": "city",
    "PO Box": "pobox",
    "Region": "region",
    "Postal Code": "postcode",
    "Country": "country",
    "Extended Address": "extra",
}
_NUMBERED_FULL = re.compile(
    r"(?P<group>E-mail|Phone|Address) (?P<n>\d+)(?: (?P<part>kind|street|extra|postcode|city"
    r"|region|country))?"
)

# header words → field, for files of unknown origin (normalised: lower case, letters only)
_GENERIC: list[tuple[str, str]] = [
    ("vorname|firstname|givenname|first|forename", "given_name"),
    ("nachname|lastname|familyname|surname|last|familienname", "family_name"),
    ("weiterevornamen|middlename|additionalname|additionalnames", "additional_names"),
    ("name|fullname|displayname|anzeigename|kontakt|contact", "full_name"),
    ("anrede|salutation", "prefix"),
    ("titel|title|prefix|nameprefix", "prefix"),
    ("suffix|namesuffix", "name_suffix"),
    ("spitzname|nickname|rufname", "nickname"),
    ("firma|company|organisation|organization|unternehmen|organizationname|companyname", "company"),
    ("abteilung|department", "department"),
    ("position|jobtitle|funktion|rolle|role", "position"),
    ("beruf|occupation|profession", "occupation"),
    ("geburtstag|geburtsdatum|birthday|birthdate|dateofbirth|bday", "birth_date"),
    ("notizen|notiz|notes|note|bemerkung|bemerkungen|kommentar|comment|comments", "notes"),
    ("webseite|website|homepage|url|web|internet", "website"),
    ("kategorien|kategorie|categories|category|tags|tag|labels|gruppen|groups", "tags"),
    ("uid|vcarduid", "vcard_uid"),
    ("email|mail|emailadresse|emailaddress|email1", "email.work"),
    ("email2|emailprivat|privateemail|homeemail", "email.home"),
    ("email3|weitereemail|otheremail", "email.other"),
    (
        "telefon|phone|tel|telephone|telefongeschaeftlich|telefongeschäftlich|phonework|"
        "businessphone|workphone|phonework",
        "phone.work",
    ),
    ("mobil|mobile|handy|mobiltelefon|mobilephone|cell|cellphone|phonemobile", "phone.mobile"),
    ("telefonprivat|homephone|phonehome|privat", "phone.home"),
    ("fax|telefax|faxgeschaeftlich|faxgeschäftlich|businessfax|phonefax", "phone.fax"),
    (
        "strasse|straße|street|adresse|address|strasseundhausnummer|straßeundhausnummer",
        "address.main.street",
    ),
    ("adresszusatz|addressextra|extra|street2|zusatz", "address.main.extra"),
    ("plz|postleitzahl|zip|zipcode|postalcode|postcode", "address.main.postcode"),
    ("ort|stadt|city|town|wohnort", "address.main.city"),
    ("region|bundesland|state|province", "address.main.region"),
    ("land|country|countryregion", "address.main.country"),
]


def _norm_header(header: str) -> str:
    return re.sub(r"[^0-9a-zäöüß]", "", header.lower())


def guess_mapping(headers: list[str]) -> dict[str, str]:
    """Best-effort mapping of unknown headers (German and English words)."""
    table: dict[str, str] = {}
    for words, target in _GENERIC:
        for word in words.split("|"):
            table.setdefault(word, target)
    out: dict[str, str] = {}
    used: set[str] = set()
    for header in headers:
        found = table.get(_norm_header(header))
        if found is None:
            continue
        if found in used and not found.startswith(("email.", "phone.", "prefix", "notes", "tags")):
            continue
        used.add(found)
        out[header] = found
    return out


def detect_preset(headers: list[str]) -> str:
    """The preset whose columns the headers match best, else "generic".

    Our own full layout is known by its ``Phone 1 kind`` column (always written)."""
    present = {h.strip() for h in headers}
    if "Phone 1 kind" in present and "Given name" in present:
        return "full"
    best, best_score = "generic", 0.0
    for name, mapping in PRESETS.items():
        if name == "full":
            continue
        hits = len(present & mapping.keys())
        score = hits / max(len(present), 1)
        if hits >= 3 and score > best_score:
            best, best_score = name, score
    return best if best_score >= 0.3 else "generic"


def _numbered(preset: str, header: str) -> str | None:
    """The field of a numbered column of Google's or our full layout, any number."""
    group_names = {"E-mail": "email", "Phone": "phone", "Address": "address"}
    if preset == "google":
        m = _NUMBERED_GOOGLE.fullmatch(header)
        if m:
            part = _GOOGLE_PARTS[m.group("part")]
            group = group_names[m.group("group")]
            if group != "address" and part not in {"type", "value"}:
                return None
            return f"{group}.{m.group('n')}.{part}"
        if re.fullmatch(r"Website \d+ - Value", header):
            return "website"
    elif preset == "full":
        m = _NUMBERED_FULL.fullmatch(header)
        if m:
            group = group_names[m.group("group")]
            part = m.group("part") or "value"
            if part == "kind":
                part = "type"
            if group != "address" and part not in {"type", "value"}:
                return None
            if group == "address" and part == "value":
                return None
            return f"{group}.{m.group('n')}.{part}"
    return None


def mapping_for(preset: str, headers: list[str]) -> dict[str, str]:
    if preset in PRESETS:
        table = PRESETS[preset]
        out: dict[str, str] = {}
        for h in headers:
            name = h.strip()
            target = table.get(name)
            if target is None:
                target = _numbered(preset, name)
            if target:
                out[h] = target
        return out
    return guess_mapping(headers)


# ---------------------------------------------------------------- sniffing


@dataclass
class CsvInfo:
    encoding: str
    delimiter: str
    headers: list[str]
    preview: list[list[str]]
    preset: str
    mapping: dict[str, str] = field(default_factory=dict)


def _count_outside_quotes(line: str, ch: str) -> int:
    count = 0
    quoted = False
    for c in line:
        if c == '"':
            quoted = not quoted
        elif c == ch and not quoted:
            count += 1
    return count


def _first_record_text(text: str) -> str:
    """The header record (which may, in theory, span lines inside quotes)."""
    quoted = False
    for i, c in enumerate(text[:MAX_FIELD]):
        if c == '"':
            quoted = not quoted
        elif c == "\n" and not quoted:
            return text[:i]
    return text[:MAX_FIELD]


def detect_delimiter(text: str) -> str:
    header = _first_record_text(text)
    counts = {d: _count_outside_quotes(header, d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    sample = text[:65536]
    if len(text) > len(sample) and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    try:
        sniffed: str | None = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        sniffed = None
    if sniffed and counts.get(sniffed, 0) > 0 and counts[sniffed] >= counts[best] // 2:
        return sniffed
    return best if counts[best] > 0 else ","


class _CsvFile:
    """A CSV file read as a stream of lines (never the whole text at once).

    The encoding is detected block by block (:func:`detect_file_encoding`), the
    delimiter from the first 64 KB; :meth:`lines` then decodes the file line by line,
    line ends folded to "\\n" (also inside quoted fields), a BOM dropped.
    """

    def __init__(self, path: str | Path, encoding: str | None, delimiter: str | None) -> None:
        self.path = p = Path(path)
        self.what = f"CSV file {p.name}"
        try:
            check_file_size(p.stat().st_size, self.what)
            self.encoding = encoding or detect_file_encoding(p, self.what)
            codecs.lookup(self.encoding)
        except OSError as exc:
            raise ImportFileError(
                QT_TRANSLATE_NOOP("errors", "The file {path} cannot be read: {detail}"),
                path=str(p),
                detail=exc.strerror or str(exc),
            ) from exc
        except LookupError as exc:
            raise ImportFileError(
                QT_TRANSLATE_NOOP("errors", "The {what} cannot be decoded as {encoding}."),
                what=self.what,
                encoding=encoding,
            ) from exc
        head = self._head(MAX_FIELD + 1)
        check_text_head(head, self.what)
        if not head.strip():
            raise ImportFileError(QT_TRANSLATE_NOOP("errors", "The CSV file is empty."))
        self.delimiter = delimiter or detect_delimiter(head)

    def _head(self, size: int) -> str:
        """The first ``size`` characters (for the delimiter and the binary check)."""
        lines = self.lines()
        parts: list[str] = []
        have = 0
        for line in lines:
            parts.append(line)
            have += len(line)
            if have >= size:
                break
        lines.close()
        return "".join(parts)[:size]

    def lines(self) -> Generator[str, None, None]:
        try:
            with self.path.open(encoding=self.encoding, newline=None) as fh:
                first = True
                for line in fh:
                    if first:
                        first = False
                        line = line.removeprefix("\ufeff")
                    yield line
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                QT_TRANSLATE_NOOP("errors", "The {what} cannot be decoded as {encoding}."),
                what=self.what,
                encoding=self.encoding,
            ) from exc
        except OSError as exc:
            raise ImportFileError(
                QT_TRANSLATE_NOOP("errors", "The file {path} cannot be read: {detail}"),
                path=str(self.path),
                detail=exc.strerror or str(exc),
            ) from exc

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        return _rows(self.lines(), self.delimiter)


def _rows(lines: Iterable[str], delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(first line number, cells) for each record; csv errors become ImportFileError."""
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    previous = 0
    old_limit = csv.field_size_limit()
    csv.field_size_limit(MAX_FIELD)
    try:
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                message = str(exc)
                if "field larger" in message:
                    raise ImportFileError(
                        QT_TRANSLATE_NOOP(
                            "errors",
                            "Line {line} of the CSV file has a field longer than {limit} KB; "
                            "the file is damaged or not a contact list.",
                        ),
                        line=previous + 1,
                        limit=MAX_FIELD // 1024,
                    ) from exc
                raise ImportFileError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "Line {line} of the CSV file cannot be read ({detail}); check the "
                        "quotes in that line.",
                    ),
                    line=previous + 1,
                    detail=message,
                ) from exc
            start = previous + 1
            previous = reader.line_num
            yield start, row
    finally:
        csv.field_size_limit(old_limit)


def sniff(path: str | Path, *, encoding: str | None = None) -> CsvInfo:
    source = _CsvFile(path, encoding, None)
    enc, delimiter = source.encoding, source.delimiter
    rows = source.rows()
    headers: list[str] = []
    preview: list[list[str]] = []
    for _line, row in rows:
        if not headers:
            headers = [clean_text(h).strip() for h in row]
            continue
        if any(c.strip() for c in row):
            preview.append(row)
        if len(preview) >= PREVIEW_ROWS:
            break
    preset = detect_preset(headers)
    return CsvInfo(
        encoding=enc,
        delimiter=delimiter,
        headers=headers,
        preview=preview,
        preset=preset,
        mapping=mapping_for(preset, headers),
    )


# ---------------------------------------------------------------- rows → records


def _values(cell: str) -> list[str]:
    return [v.strip() for v in cell.split(":::") if v.strip()]


def _kind_words(raw: str) -> str:
    return raw.replace("*", " ").strip().lower()


def _phone_kind(raw: str) -> PhoneKind:
    words = _kind_words(raw)
    if "fax" in words:
        return PhoneKind.FAX
    if any(w in words for w in ("mobile", "cell", "mobil", "handy", "iphone")):
        return PhoneKind.MOBILE
    if any(w in words for w in ("home", "privat")):
        return PhoneKind.HOME
    if any(w in words for w in ("work", "main", "business", "geschäft", "company", "firma")):
        return PhoneKind.WORK
    return PhoneKind.OTHER


def _email_kind(raw: str) -> EmailKind:
    words = _kind_words(raw)
    if any(w in words for w in ("work", "business", "geschäft")):
        return EmailKind.WORK
    if any(w in words for w in ("home", "privat", "personal")):
        return EmailKind.HOME
    return EmailKind.OTHER


def _address_kind(raw: str) -> AddressKind:
    words = _kind_words(raw)
    for kind in AddressKind:
        if kind.value in words:
            return kind
    if any(w in words for w in ("work", "business", "geschäft")):
        return AddressKind.MAIN
    if "privat" in words:
        return AddressKind.HOME
    if any(w in words for w in ("rechnung", "invoice")):
        return AddressKind.BILLING
    if any(w in words for w in ("liefer", "shipping")):
        return AddressKind.DELIVERY
    return AddressKind.OTHER if words else AddressKind.MAIN


_EMAIL_KINDS = {k.value: k for k in EmailKind}
_PHONE_KINDS = {k.value: k for k in PhoneKind}
_ADDRESS_KINDS = {k.value: k for k in AddressKind}


def _compose_address(kind: AddressKind, parts: dict[str, str]) -> AddressRecord | None:
    from crm_desktop.interop.vcard import parse_formatted_address

    street_lines = [ln.strip(" ,") for ln in parts.get("street", "").split("\n") if ln.strip()]
    extras = [*street_lines[1:]]
    for key in ("street2", "street3", "extra", "pobox"):
        if parts.get(key):
            extras.append(" ".join(parts[key].split()))
    rec = AddressRecord(
        kind=kind,
        street=street_lines[0] if street_lines else "",
        extra=", ".join(extras),
        postcode=parts.get("postcode", ""),
        city=parts.get("city", ""),
        region=parts.get("region", ""),
        country=parts.get("country", ""),
    )
    if not (rec.street or rec.city or rec.postcode) and parts.get("formatted"):
        parsed = parse_formatted_address(parts["formatted"], kind)
        parsed.region = parsed.region or rec.region
        parsed.country = parsed.country or rec.country
        rec = parsed
    return None if rec.is_empty() else rec


def _row_record(
    line: int,
    headers: list[str],
    row: list[str],
    targets: list[str],
    date_order: str,
) -> ContactRecord | RowError | None:
    if len(row) > len(headers) and any(c.strip() for c in row[len(headers) :]):
        return RowError(
            f"line {line}",
            f"the row has {len(row)} fields, the header {len(headers)}",
            line,
        )
    if not any(c.strip() for c in row):
        return None
    rec = ContactRecord(source=f"line {line}", line=line)
    groups: dict[tuple[str, str], dict[str, str]] = {}
    birth: dict[str, str] = {}
    for index, target in enumerate(targets):
        if not target or index >= len(row):
            continue
        # the quote our CSV exports put before formula-like cells comes off again
        value = clean_text(csvsafe.restore(row[index])).strip()
        if not value:
            continue
        head, _, rest = target.partition(".")
        if head in ("email", "phone", "address"):
            sub, _, part = rest.partition(".")
            if head != "address" and not part:
                part = "value"
            key = (head, sub or "1")
            bucket = groups.setdefault(key, {})
            if part in bucket and part != "value":
                bucket[part] = bucket[part] + "\n" + value
            elif part == "value" and part in bucket:
                bucket[part] = bucket[part] + " ::: " + value
            else:
                bucket[part] = value
            continue
        if target in _BIRTH_PARTS:
            birth[target] = value
            continue
        _apply(rec, target, value, date_order, headers[index])
    if birth:
        _birth_parts(rec, birth, date_order)
    for (head, sub), parts in groups.items():
        type_text = parts.get("type", "")
        kind_text = type_text.strip().lower()
        if head == "email":
            ekind = _EMAIL_KINDS.get(sub) or _EMAIL_KINDS.get(kind_text) or _email_kind(type_text)
            for v in _values(parts.get("value", "")):
                rec.emails.append((ekind, v))
        elif head == "phone":
            pkind = _PHONE_KINDS.get(sub) or _PHONE_KINDS.get(kind_text) or _phone_kind(type_text)
            for v in _values(parts.get("value", "")):
                if is_phone_placeholder(v):
                    rec.dropped.append(f"phone “{v[:40]}” is a placeholder, not a number")
                else:
                    rec.phones.append((pkind, v))
        else:
            akind = (
                _ADDRESS_KINDS.get(sub) or _ADDRESS_KINDS.get(kind_text) or _address_kind(type_text)
            )
            adr = _compose_address(akind, parts)
            if adr is not None:
                rec.addresses.append(adr)
    if not (rec.given_name or rec.family_name) and rec.formatted_name:
        sal, title, given, family = split_full_name(rec.formatted_name)
        rec.given_name, rec.family_name = given, family
        rec.salutation = rec.salutation or sal
        rec.title = rec.title or title
    return rec


_BIRTH_PARTS = {"birth_year", "birth_month", "birth_day"}
_PHONE_DIGITS = re.compile(r"\d")


def is_phone_placeholder(value: str) -> bool:
    """A phone cell that holds no number ("-", "n/a", "0", "+49", "000"): dropped."""
    digits = "".join(_PHONE_DIGITS.findall(value))
    return len(digits) < 3 or not digits.strip("0")


def _birth_parts(rec: ContactRecord, parts: dict[str, str], date_order: str) -> None:
    """Thunderbird's Birth Year / Birth Month / Birth Day columns as one birthday."""
    day_text = parts.get("birth_day", "")
    if day_text and not day_text.isdigit() and len(parts) == 1:
        _apply(rec, "birth_date", day_text, date_order)  # a whole date in the day column
        return
    year, month, day = (parts.get(k, "") for k in ("birth_year", "birth_month", "birth_day"))
    raw = "-".join(x for x in (year, month, day) if x)
    if not (month.isdigit() and day.isdigit()) or (year and not year.isdigit()):
        if raw:
            rec.dropped.append(f"birthday “{raw[:40]}” is incomplete")
        return
    text = (
        f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
        if year
        else (f"--{int(month):02d}-{int(day):02d}")
    )
    _apply(rec, "birth_date", text, date_order)


def _apply(rec: ContactRecord, target: str, value: str, date_order: str, header: str = "") -> None:
    if target == "full_name":
        rec.formatted_name = " ".join(value.split())
    elif target == "prefix":
        sal, title = split_prefix(value)
        rec.salutation = rec.salutation or sal
        rec.title = " ".join(t for t in (rec.title, title) if t)
    elif target == "birth_date":
        try:
            rec.birth_date = parse_date_text(value, date_order)
        except DateProblem:
            rec.problems.append(f"birthday “{value[:40]}” is not a valid date")
    elif target == "tags":
        for tag in split_tags(value):
            if tag not in rec.tags:
                rec.tags.append(tag)
    elif target == "notes":
        rec.notes = f"{rec.notes}\n{value}" if rec.notes else value
    elif target in {
        "given_name",
        "family_name",
        "additional_names",
        "salutation",
        "title",
        "name_suffix",
        "nickname",
        "company",
        "department",
        "position",
        "occupation",
        "website",
        "vcard_uid",
    }:
        text = " ".join(value.split()) if target != "website" else value
        current = getattr(rec, target)
        if not current:
            setattr(rec, target, text)
        elif current != text:
            where = f"column “{header[:40]}”" if header else target
            rec.dropped.append(f"{where}: “{text[:60]}” (only one {target} is kept)")


def read_csv(
    path: str | Path,
    mapping: dict[str, str] | None = None,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    preset: str | None = None,
) -> Iterator[ContactRecord | RowError]:
    """One record (or RowError) per data row. ``mapping`` defaults to the detected preset.

    Reads the file as a stream (one row at a time). Raises :class:`ImportFileError`
    (possibly while iterating) when the file cannot be read: binary, undecodable,
    broken quotes, a field beyond all limits.
    """
    source = _CsvFile(path, encoding, delimiter)
    yield from _records(source, mapping, preset)


def open_csv(
    path: str | Path,
    mapping: dict[str, str] | None = None,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    preset: str | None = None,
) -> tuple[int, CsvRecords]:
    """(number of records, the records as a stream) of a CSV file.

    The whole file is checked first, in one pass that keeps nothing: an unreadable
    file (encoding, broken quotes, no usable column) raises :class:`ImportFileError`
    here, before a caller has stored anything. The records are then read again, one
    row at a time, as :func:`read_csv` does.
    """
    source = _CsvFile(path, encoding, delimiter)
    count = 0
    rows = source.rows()
    _targets(rows, mapping, preset)
    for _line, row in rows:
        if any(c.strip() for c in row):
            count += 1
    return count, _records(source, mapping, preset)


def _targets(
    rows: Iterator[tuple[int, list[str]]], mapping: dict[str, str] | None, preset: str | None
) -> tuple[list[str], list[str], str]:
    """(headers, the field of each column, date order) from the header row."""
    headers: list[str] = []
    for _line, row in rows:
        headers = [clean_text(h).strip() for h in row]
        break
    detected = detect_preset(headers)
    chosen = preset or detected
    if mapping is None:
        mapping = mapping_for(chosen, headers)
    date_order = PRESET_DATE_ORDER.get(chosen, "auto")
    targets = [mapping.get(h, "") for h in headers]
    targets = ["" if t == "ignore" else t for t in targets]
    if not any(targets):
        raise ImportFileError(
            QT_TRANSLATE_NOOP(
                "errors",
                "No column of the CSV file matches a contact field (headers: {headers}); "
                "choose the columns by hand.",
            ),
            headers=", ".join(h[:30] for h in headers[:8]),
        )
    return headers, targets, date_order


class CsvRecords(Iterator[ContactRecord | RowError]):
    """The records of a CSV file as a stream, and what the import leaves out.

    ``unused_columns`` maps every column no field takes to the number of rows that
    had a value in it; it is complete once the stream is read to its end.
    """

    def __init__(
        self, source: _CsvFile, mapping: dict[str, str] | None, preset: str | None
    ) -> None:
        self.unused_columns: dict[str, int] = {}
        self._items = self._read(source, mapping, preset)

    def __next__(self) -> ContactRecord | RowError:
        return next(self._items)

    def _read(
        self, source: _CsvFile, mapping: dict[str, str] | None, preset: str | None
    ) -> Iterator[ContactRecord | RowError]:
        rows = source.rows()
        headers, targets, date_order = _targets(rows, mapping, preset)
        unused = [i for i, t in enumerate(targets) if not t]
        counts = self.unused_columns
        for i in unused:
            name = headers[i] or f"column {i + 1}"
            counts.setdefault(name, 0)
        for line, row in rows:
            for i in unused:
                if i < len(row) and row[i].strip():
                    name = headers[i] or f"column {i + 1}"
                    counts[name] += 1
            rec = _row_record(line, headers, row, targets, date_order)
            if rec is not None:
                yield rec


def _records(source: _CsvFile, mapping: dict[str, str] | None, preset: str | None) -> CsvRecords:
    return CsvRecords(source, mapping, preset)
