"""vCard 2.1, 3.0 and 4.0: read them as real programs write them, write 3.0 and 4.0.

Reading uses a small tolerant lexer of our own instead of ``vobject.readComponents``:
vobject rejects half of the files that phones and Outlook write (QUOTED-PRINTABLE
soft line breaks, blank lines inside cards, ``\\r\\r\\n`` line ends) and parses about
1,200 cards per second, where imports need well over 5,000. The lexer handles:

- folded lines (a leading space or tab), QUOTED-PRINTABLE soft line breaks with any
  CHARSET, blank lines, ``\\r\\r\\n`` / ``\\r`` / ``\\n`` line ends;
- item groups (``item1.TEL`` with ``item1.X-ABLabel``), 2.1 parameters without
  ``TYPE=`` (``TEL;WORK;FAX``), quoted parameter values;
- inline photos (``ENCODING=b``/``BASE64`` and ``data:`` URIs), structured values
  (``N``, ``ADR``, ``ORG:Company;Department``), every ``BDAY`` form.

Most files need none of that: when every line of a file stands alone (no folding, no
QUOTED-PRINTABLE, no continuation lines, every card closed), one pass over its lines
finds the cards (:func:`_simple_card_blocks`); anything else goes to the general lexer.
Parsed line heads ("TEL;TYPE=WORK") are cached, since files repeat a few dozen of them.
tests/interop/test_import_fast_paths.py checks that both ways give the same records.

Writing goes through vobject (escaping, parameters); every line is then folded at 75
octets (:func:`fold_text`, PHOTO too). The default version is 3.0 (Outlook does not
read 4.0).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import quopri
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import vobject

from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.domain.kinds import AddressKind, EmailKind, PhoneKind
from crm_desktop.errors import ImportFileError
from crm_desktop.interop.records import (
    NO_YEAR,
    AddressRecord,
    ContactRecord,
    DateProblem,
    RowError,
    clean_text,
    decode_text,
    has_control_chars,
    has_year,
    parse_date_text,
    split_full_name,
    split_prefix,
)

PRODID = "-//CRM Desktop//vCard export//EN"
MAX_LINE = 16 * 1024 * 1024  # one logical line (a photo can be big)
MAX_TEXT = 64 * 1024  # one text value (a note): longer is a broken card
BINARY_PROPS = {"PHOTO", "LOGO", "SOUND", "KEY"}

Prop = tuple[str, str, dict[str, list[str]], str, frozenset[str]]
# group, NAME, params, raw value, the lower-case TYPE values


# ---------------------------------------------------------------- lexer


def _logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, logical line): unfolded, QP soft breaks joined, blanks dropped."""
    if "\r" in text:
        text = text.replace("\r\r\n", "\n").replace("\r\n", "\n").replace("\r", "\n")
    current: str | None = None
    start = 0
    qp = False
    for number, line in enumerate(text.split("\n"), 1):
        if not line or line.isspace():
            if current is not None:
                yield start, current
                current = None
            qp = False
            continue
        if current is not None:
            if qp and current.endswith("="):
                current += "\n" + line
            elif line[0] in " \t":
                current += line[1:]
            elif ":" not in line:
                # a broken writer's unfolded continuation (base64, a note's next line)
                current += "\n" + line
            else:
                yield start, current
                current = None
            if current is not None:
                if len(current) > MAX_LINE:
                    raise ImportFileError(
                        QT_TRANSLATE_NOOP(
                            "errors",
                            "Line {line} of the vCard file is too long (more than {limit} MB).",
                        ),
                        line=start,
                        limit=MAX_LINE // (1024 * 1024),
                    )
                continue
        if len(line) > MAX_LINE:
            raise ImportFileError(
                QT_TRANSLATE_NOOP(
                    "errors", "Line {line} of the vCard file is too long (more than {limit} MB)."
                ),
                line=number,
                limit=MAX_LINE // (1024 * 1024),
            )
        current = line
        start = number
        head = line[:200].split(":", 1)[0]
        qp = "QUOTED-PRINTABLE" in head.upper()
    if current is not None:
        yield start, current


def _split_quoted(text: str, sep: str) -> list[str]:
    """Split on ``sep`` outside double quotes."""
    if '"' not in text:
        return text.split(sep)
    out: list[str] = []
    buf: list[str] = []
    quoted = False
    for ch in text:
        if ch == '"':
            quoted = not quoted
            buf.append(ch)
        elif ch == sep and not quoted:
            out.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    out.append("".join(buf))
    return out


_BARE_ENCODINGS = {"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"}

Head = tuple[str, str, dict[str, list[str]], frozenset[str]]  # group, NAME, params, types
_HEADS: dict[str, Head | None] = {}  # most files repeat a few dozen heads ("TEL;TYPE=WORK")
_MAX_HEADS = 4096


def _parse_line(line: str) -> Prop | None:
    """(group, NAME, params, value, types) of a content line, or None when it has no name.

    The parsed head (everything before the value) is shared between the lines that
    spell it the same: callers must not change the params or types they get.
    """
    colon = line.find(":")
    if colon < 0:
        return None
    head = line[:colon]
    if '"' in head:  # a quoted parameter value may hold ':'
        quoted = False
        colon = -1
        for i, ch in enumerate(line):
            if ch == '"':
                quoted = not quoted
            elif ch == ":" and not quoted:
                colon = i
                break
        if colon < 0:
            return None
        parsed = _parse_head(line[:colon])
    else:
        try:
            parsed = _HEADS[head]
        except KeyError:
            parsed = _parse_head(head)
            if len(_HEADS) >= _MAX_HEADS:
                _HEADS.clear()
            _HEADS[head] = parsed
    if parsed is None:
        return None
    return parsed[0], parsed[1], parsed[2], line[colon + 1 :], parsed[3]


def _parse_head(head: str) -> Head | None:
    """(group, NAME, params, types) of a content line's head (name and parameters)."""
    parts = _split_quoted(head, ";")
    name = parts[0].strip()
    group = ""
    if "." in name:
        group, _, name = name.rpartition(".")
    if not name:
        return None
    params: dict[str, list[str]] = {}
    for raw in parts[1:]:
        raw = raw.strip()
        if not raw:
            continue
        key, eq, val = raw.partition("=")
        if not eq:  # vCard 2.1: TEL;WORK;FAX, PHOTO;JPEG, ENCODING=... without the name
            bare = raw.upper()
            if bare in _BARE_ENCODINGS:
                params.setdefault("ENCODING", []).append(bare)
            else:
                params.setdefault("TYPE", []).append(raw)
            continue
        values = [v.strip().strip('"') for v in _split_quoted(val, ",")]
        params.setdefault(key.strip().upper(), []).extend(values)
    return group.lower(), name.upper(), params, frozenset(_types(params))


_QP = re.compile("quoted-printable", re.IGNORECASE)


def _card_blocks(text: str) -> Iterator[tuple[int, int, list[str]]]:
    """(card number, first line, logical lines) of each top-level BEGIN/END:VCARD block."""
    if "\r" in text:
        text = text.replace("\r\r\n", "\n").replace("\r\n", "\n").replace("\r", "\n")
    blocks = _simple_card_blocks(text)
    if blocks is not None:
        return iter(blocks)
    return _general_card_blocks(text)


def _simple_card_blocks(text: str) -> list[tuple[int, int, list[str]]] | None:
    """The fast path of :func:`_card_blocks` for files where every line stands alone.

    That is most files: no folded lines, no QUOTED-PRINTABLE, no continuation lines
    without a ':', every card closed. Then each physical line is a logical line and
    one pass over the lines finds the cards. Anything else gives None, and the
    general lexer reads the file (it also raises the errors).
    """
    if _QP.search(text):
        return None
    blocks: list[tuple[int, int, list[str]]] = []
    depth = 0
    start = 0
    lines: list[str] = []
    append = lines.append
    for line_no, line in enumerate(text.split("\n"), 1):
        if not line:
            continue
        first = line[0]
        if first in "BbEe":
            key = line[:11].upper()
            if key.startswith("BEGIN:VCARD"):
                if depth == 0:
                    start = line_no
                    lines = []
                    append = lines.append
                depth += 1
                continue
            if key.startswith("END:VCARD"):
                if depth == 0:
                    continue
                depth -= 1
                if depth == 0:
                    blocks.append((len(blocks) + 1, start, lines))
                continue
        elif first.isspace():
            if line.isspace():
                continue  # a blank line
            if first in " \t":
                return None  # a folded line
        if ":" not in line or len(line) > MAX_LINE:
            return None
        if depth == 1:
            append(line)
    if depth > 0 or not blocks:
        return None
    return blocks


def _general_card_blocks(text: str) -> Iterator[tuple[int, int, list[str]]]:
    """:func:`_card_blocks` for any file (the tolerant lexer of :func:`_logical_lines`)."""
    depth = 0
    number = 0
    start = 0
    lines: list[str] = []
    found_any = False
    for line_no, line in _logical_lines(text):
        first = line[:1]
        key = line.lstrip()[:11].upper() if first in "BbEe \t" else ""
        if key.startswith("BEGIN:VCARD"):
            if depth == 0:
                number += 1
                start = line_no
                lines = []
                found_any = True
            depth += 1
            continue
        if key.startswith("END:VCARD"):
            if depth == 0:
                continue
            depth -= 1
            if depth == 0:
                yield number, start, lines
            continue
        if depth == 1:
            lines.append(line)
    if depth > 0:
        raise ImportFileError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The vCard file is truncated: card {number} (line {line}) has no END:VCARD.",
            ),
            number=number,
            line=start,
        )
    if not found_any:
        raise ImportFileError(
            QT_TRANSLATE_NOOP("errors", "The file is not a vCard file (it has no BEGIN:VCARD).")
        )


# ---------------------------------------------------------------- values


_ESCAPED = re.compile(r"\\(.)", re.DOTALL)
_APPLE_LABEL = re.compile(r"_\$!<(.*)>!\$_")
_EXT = re.compile(r"(?:^|;)ext=([^;]+)")
_E164 = re.compile(r"\+\d{4,18}")


def _unescape(value: str) -> str:
    if "\\" not in value:
        return value
    return _ESCAPED.sub(_unescape_one, value)


def _unescape_one(m: re.Match[str]) -> str:
    ch = m.group(1)
    return "\n" if ch in "nN" else ch


def _split_escaped(value: str, sep: str) -> list[str]:
    """Split on ``sep`` where it is not escaped with a backslash (values stay escaped)."""
    if "\\" not in value:
        return value.split(sep)
    out: list[str] = []
    buf: list[str] = []
    chars = iter(value)
    for ch in chars:
        if ch == "\\":
            buf.append(ch)
            buf.append(next(chars, ""))
        elif ch == sep:
            out.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    out.append("".join(buf))
    return out


def _decode_qp(value: str, charset: str | None) -> str:
    raw = quopri.decodestring(value.encode("utf-8", errors="replace"))
    name = (charset or "utf-8").strip().lower()
    try:
        return raw.decode(name)
    except LookupError:
        name = "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode(name)
    except UnicodeDecodeError:
        if charset is None:  # undeclared and not UTF-8: most likely Windows-1252
            try:
                return raw.decode("cp1252")
            except UnicodeDecodeError:
                pass
        return raw.decode(name, errors="replace")


def _text(params: dict[str, list[str]], value: str) -> str:
    """The decoded (QP + charset), still backslash-escaped value of a text property."""
    encoding = params.get("ENCODING")
    if encoding and encoding[0].upper() in {"QUOTED-PRINTABLE", "Q"}:
        charset = params.get("CHARSET")
        value = _decode_qp(value, charset[0] if charset else None)
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def _types(params: dict[str, list[str]]) -> set[str]:
    out: set[str] = set()
    for raw in params.get("TYPE", ()):
        for part in raw.split(","):
            part = part.strip().lower()
            if part:
                out.add(part)
    return out


def _label(raw: str) -> str:
    """Apple's '_$!<Mobile>!$_' → 'mobile'."""
    text = raw.strip()
    m = _APPLE_LABEL.fullmatch(text)
    return (m.group(1) if m else text).lower()


def _phone_kind(types: frozenset[str], label: str) -> PhoneKind:
    words = types | ({label} if label else set())
    joined = " ".join(words)
    if "fax" in joined:
        return PhoneKind.FAX
    if {"cell", "mobile", "iphone", "handy"} & words or "mobile" in joined:
        return PhoneKind.MOBILE
    if "home" in words:
        return PhoneKind.HOME
    if "work" in words:
        return PhoneKind.WORK
    if "home" in joined:
        return PhoneKind.HOME
    if "work" in joined or "main" in joined or "company" in joined:
        return PhoneKind.WORK
    return PhoneKind.OTHER


def _email_kind(types: frozenset[str], label: str) -> EmailKind:
    if "work" in types or "work" in label:
        return EmailKind.WORK
    if "home" in types or "home" in label:
        return EmailKind.HOME
    return EmailKind.OTHER


_ADDRESS_KINDS = {k.value: k for k in AddressKind}


def _address_kind(params: dict[str, list[str]], types: frozenset[str], label: str) -> AddressKind:
    explicit = params.get("X-CRM-KIND")
    if explicit and explicit[0].lower() in _ADDRESS_KINDS:
        return _ADDRESS_KINDS[explicit[0].lower()]
    if "home" in types or "home" in label:
        return AddressKind.HOME
    if "other" in types or "other" in label:
        return AddressKind.OTHER
    return AddressKind.MAIN


_US_PLACE = re.compile(r"(?P<city>.+?),\s*(?P<region>[^,\d]+?)\s+(?P<code>\d{5}(?:-\d{4})?)")
_EU_PLACE = re.compile(r"(?:(?P<cc>[A-Z]{1,2})-)?(?P<code>\d{4,5}|\d{2}-\d{3})\s+(?P<city>.+)")


def parse_formatted_address(text: str, kind: AddressKind = AddressKind.MAIN) -> AddressRecord:
    """Best effort for a multi-line address label: street, place line, country."""
    from crm_desktop.domain.countries import is_country_line

    lines = [ln.strip(" ,") for ln in text.replace("\r", "\n").split("\n") if ln.strip(" ,")]
    rec = AddressRecord(kind=kind)
    if lines and (is_country_line(lines[-1]) or re.fullmatch(r"[A-Z]{2}", lines[-1])):
        rec.country = lines.pop()
    for i in range(len(lines) - 1, -1, -1):
        us = _US_PLACE.fullmatch(lines[i])
        eu = _EU_PLACE.fullmatch(lines[i])
        if eu:
            rec.postcode, rec.city = eu.group("code"), eu.group("city").strip()
        elif us:
            rec.city, rec.region = us.group("city").strip(), us.group("region").strip()
            rec.postcode = us.group("code")
        else:
            continue
        del lines[i]
        break
    if lines:
        rec.street = lines[0]
        rec.extra = ", ".join(lines[1:])
    return rec


_UNIT = re.compile(
    r"(suite|ste\.?|apt\.?|apartment|unit|floor|fl\.|room|building|bldg\.?|etage|whg\.?"
    r"|wohnung|zimmer|c/o|z\. ?hd\.?|postfach|p\.? ?o\.? box)\b",
    re.IGNORECASE,
)


def _address(params: dict[str, list[str]], value: str, kind: AddressKind) -> AddressRecord:
    parts = [_unescape(p).strip() for p in _split_escaped(value, ";")]
    parts += [""] * (7 - len(parts))
    pobox, extended, street, city, region, code, country = parts[:7]
    if not (street or city or code) and (extended or pobox):
        formatted = parse_formatted_address("\n".join(p for p in (extended, pobox) if p), kind)
        formatted.region = formatted.region or region
        formatted.country = formatted.country or country
        return formatted
    if extended and street and _UNIT.match(street) and not _UNIT.match(extended):
        street, extended = extended, street  # Thunderbird: "222 Broadway" + "Suite 100"
    street_lines = [ln.strip(" ,") for ln in street.split("\n") if ln.strip(" ,")]
    extras = [*street_lines[1:], *(ln.strip() for ln in extended.split("\n") if ln.strip())]
    if pobox:
        extras.append(pobox)
    return AddressRecord(
        kind=kind,
        street=street_lines[0] if street_lines else "",
        extra=", ".join(extras),
        postcode=code,
        city=city,
        region=region,
        country=country,
    )


def _names(value: str) -> list[str]:
    """N's five parts; each part's own list ("Richter,James") joined with spaces."""
    if "\\" not in value and "," not in value:  # the common case: what the rest gives
        simple = value.split(";")
        simple += [""] * (5 - len(simple))
        return [" ".join(p.split()) for p in simple[:5]]
    return _names_general(value)


def _names_general(value: str) -> list[str]:
    parts = _split_escaped(value, ";")
    parts += [""] * (5 - len(parts))
    out = []
    for part in parts[:5]:
        words = [_unescape(w).strip() for w in _split_escaped(part, ",")]
        joined = " ".join(w for w in " ".join(words).replace(",", " ").split())
        out.append(joined)
    return out


_NOT_BASE64 = re.compile(r"[^A-Za-z0-9+/]")


def _photo(params: dict[str, list[str]], value: str) -> bytes | None:
    encoding = (params.get("ENCODING") or [""])[0].upper()
    data = value.strip()
    if data.lower().startswith("data:"):
        head, _, payload = data.partition(",")
        if ";base64" not in head.lower():
            return None
        data = payload
    elif encoding not in {"B", "BASE64"}:
        return None  # a link to a picture elsewhere: not fetched
    data = _NOT_BASE64.sub("", data.replace("-", "+").replace("_", "/"))
    data = data[: len(data) - len(data) % 4] if len(data) % 4 == 1 else data
    try:
        raw = base64.b64decode(data + "=" * (-len(data) % 4), validate=False)
    except (binascii.Error, ValueError):
        return None
    return raw or None


def _birthday(params: dict[str, list[str]], value: str, rec: ContactRecord) -> None:
    text = _unescape(value).strip()
    if not text:
        return
    omit = params.get("X-APPLE-OMIT-YEAR")
    try:
        day = parse_date_text(text)
    except DateProblem:
        rec.problems.append(f"birthday “{text[:40]}” is not a valid date")
        return
    if day is not None and omit and omit[0].strip() == str(day.year):
        day = day.replace(year=NO_YEAR)
    rec.birth_date = day


def _tel_value(value: str) -> str:
    text = value.strip()
    if text.lower().startswith("tel:"):
        text = text[4:]
        number, _, rest = text.partition(";")
        m = _EXT.search(rest)
        text = f"{number} ext. {m.group(1)}" if m else number
    return text


_READ = frozenset(
    {"N", "FN", "NICKNAME", "ORG", "TITLE", "ROLE", "BDAY", "TEL", "EMAIL", "ADR", "URL"}
    | {"NOTE", "CATEGORIES", "UID"}
)  # the text properties _build takes


def _build(number: int, line: int, lines: list[str]) -> ContactRecord | RowError:
    rec = ContactRecord(source=f"card {number}", line=line)
    labels: dict[str, str] = {}
    props: list[Prop] = []
    for logical in lines:
        prop = _parse_line(logical)
        if prop is None:
            continue
        if prop[1] == "X-ABLABEL" and prop[0]:
            labels[prop[0]] = _label(_unescape(prop[3]))
            continue
        if prop[1] not in BINARY_PROPS and len(prop[3]) > MAX_TEXT:
            return RowError(
                f"card {number}",
                f"the {prop[1]} line is too long ({len(prop[3])} characters)",
                line,
            )
        props.append(prop)
    notes: list[str] = []
    unused: set[str] = set()  # properties with a value that no field takes
    formatted = ""
    have_n = False
    own: bool | None = None  # written by this program (PRODID): asked for CATEGORIES
    # values without ENCODING are the raw text; without control characters anywhere
    # in the card, cleaning them changes nothing
    plain = not has_control_chars("\n".join(lines))
    for group, name, params, raw, types in props:
        if name in BINARY_PROPS:
            if name == "PHOTO" and rec.photo is None:
                rec.photo = _photo(params, raw)
                if rec.photo is None and raw.strip():
                    rec.dropped.append("PHOTO: a link to a picture elsewhere (not fetched)")
            elif raw.strip():
                rec.dropped.append(f"{name}: not imported")
            continue
        if name not in _READ:  # VERSION, PRODID, X-…: nothing to take
            if name not in _NOT_DATA and raw.strip():
                unused.add(name)
            continue
        if plain and "ENCODING" not in params and "\r" not in raw:
            value = raw
        else:
            value = clean_text(_text(params, raw))
        label = labels.get(group, "") if group else ""
        if name in _SINGLE and _single_taken(rec, name, value):
            continue
        if name == "N":
            family, given, additional, prefix, suffix = _names(value)
            if family or given or additional:
                have_n = True
                rec.family_name, rec.given_name, rec.additional_names = family, given, additional
            rec.salutation, rec.title = split_prefix(prefix)
            rec.name_suffix = suffix
        elif name == "FN":
            formatted = formatted or _unescape(value).strip()
        elif name == "NICKNAME" and not rec.nickname:
            rec.nickname = next(
                (_unescape(n).strip() for n in _split_escaped(value, ",") if n.strip()), ""
            )
        elif name == "ORG" and not rec.company:
            parts = [_unescape(p).strip() for p in _split_escaped(value, ";")]
            parts = [p for p in parts if p]
            if parts:
                rec.company = parts[0]
                rec.department = " / ".join(parts[1:])
        elif name == "TITLE" and not rec.position:
            rec.position = _unescape(value).strip()
        elif name == "ROLE" and not rec.occupation:
            rec.occupation = _unescape(value).strip()
        elif name == "BDAY":
            _birthday(params, value, rec)
        elif name == "TEL":
            number_text = _tel_value(_unescape(value))
            if number_text:
                rec.phones.append((_phone_kind(types, label), number_text))
        elif name == "EMAIL":
            address = _unescape(value).strip()
            if address.lower().startswith("mailto:"):
                address = address[7:]
            if address:
                rec.emails.append((_email_kind(types, label), address))
        elif name == "ADR":
            adr = _address(params, value, _address_kind(params, types, label))
            if not adr.is_empty():
                rec.addresses.append(adr)
        elif name == "URL" and not rec.website:
            rec.website = _unescape(value).strip()
        elif name == "NOTE":
            note = _unescape(value).strip()
            if note:
                notes.append(note)
        elif name == "CATEGORIES":
            if own is None:
                own = any(p[1] == "PRODID" and PRODID in p[3] for p in props)
            for part in _split_escaped(value, ","):
                # Thunderbird escapes the commas between its categories ("a\\, b");
                # our own export escapes only commas inside a tag name
                tags = [_unescape(part)] if own else _unescape(part).split(",")
                for tag in tags:
                    tag = tag.strip()
                    if tag and tag not in rec.tags and tag.lower() not in _SYSTEM_GROUPS:
                        rec.tags.append(tag)
        elif name == "UID" and not rec.vcard_uid:
            rec.vcard_uid = _unescape(value).strip()
    rec.notes = "\n".join(notes)
    rec.formatted_name = formatted
    rec.unused = sorted(unused)
    if not have_n and rec.company and _shown_as_company(props):
        # Apple's company card: FN is the company's name, N is empty; a company,
        # not a person named after it
        rec.formatted_name = ""
        return rec
    if not have_n and formatted:
        sal, title, given, family = split_full_name(formatted)
        rec.given_name, rec.family_name = given, family
        rec.salutation = rec.salutation or sal
        rec.title = rec.title or title
    return rec


_SYSTEM_GROUPS = {"my contacts", "mycontacts", "starred in android"}


# properties that hold no contact data of their own (or are read elsewhere)
_NOT_DATA = frozenset(
    {"VERSION", "PRODID", "REV", "KIND", "X-ABSHOWAS", "X-ABUID", "SORT-STRING", "SOURCE"}
    | {"X-ABLABEL", "CLASS", "NAME", "PROFILE", "X-MS-OL-DEFAULT-POSTAL-ADDRESS"}
    | {"LABEL", "X-MS-CARDPICTURE", "X-MOZILLA-HTML", "X-PHONETIC-FIRST-NAME"}
    | {"X-PHONETIC-LAST-NAME", "X-APPLE-SUBADMINISTRATIVEAREA", "CLIENTPIDMAP"}
    | {"X-ABADR", "X-MS-OL-DESIGN"}
)
_SINGLE = {
    "ORG": "company",
    "TITLE": "position",
    "ROLE": "occupation",
    "URL": "website",
    "NICKNAME": "nickname",
}


def _single_taken(rec: ContactRecord, name: str, value: str) -> bool:
    """A second ORG/TITLE/ROLE/URL/NICKNAME: the record keeps one, the rest is reported."""
    current = getattr(rec, _SINGLE[name])
    if not current:
        return False
    text = _unescape(value).strip()
    if name == "ORG":
        text = _unescape(_split_escaped(value, ";")[0]).strip()
    elif name == "NICKNAME":
        text = next((_unescape(n).strip() for n in _split_escaped(value, ",") if n.strip()), "")
    if text and text != current:
        rec.dropped.append(f"{name}: “{text[:60]}” (only one {_SINGLE[name]} is kept)")
    return True


def _shown_as_company(props: list[Prop]) -> bool:
    """Apple's ``X-ABShowAs:COMPANY`` (also ``KIND:org`` of vCard 4.0)."""
    for _group, name, _params, raw, _types in props:
        value = raw.strip().lower()
        if (name == "X-ABSHOWAS" and value == "company") or (
            name == "KIND" and value in {"org", "organization"}
        ):
            return True
    return False


# ---------------------------------------------------------------- public reading API


_FOLD = re.compile(rb"\r?\n[ \t]")


def decode_vcard_bytes(data: bytes, what: str = "vCard file") -> str:
    """The text of a vCard file's bytes.

    Some writers (ownCloud/Nextcloud) fold lines at 75 octets inside a multi-byte
    UTF-8 character, so the file as a whole is not valid UTF-8 and would be read as
    Windows-1252 (mojibake). When the bytes are not UTF-8 as they stand but are once
    the folds are removed, the folds come out of the bytes first, then the text is
    decoded (unfolding is what RFC 6350 asks before anything else anyway).
    """
    text, encoding = decode_text(data, what)
    if encoding == "cp1252" and _FOLD.search(data):
        unfolded = _FOLD.sub(b"", data)
        try:
            return decode_text(unfolded, what, "utf-8")[0]
        except ImportFileError:
            pass
    return text


def parse_vcards(data: str | bytes, *, what: str = "vCard file") -> list[ContactRecord | RowError]:
    """Every card of a vCard file: a record, or a RowError for a card that cannot be read.

    Raises :class:`ImportFileError` when the file as a whole cannot be read (binary,
    no cards, truncated, a line beyond all limits).
    """
    text = decode_vcard_bytes(data, what) if isinstance(data, bytes) else data
    out: list[ContactRecord | RowError] = []
    for number, line, lines in _card_blocks(text):
        try:
            out.append(_build(number, line, lines))
        except (ValueError, IndexError, KeyError, UnicodeError) as exc:
            out.append(RowError(f"card {number}", f"the card cannot be read ({exc})", line))
    return out


def read_vcards(path: str | Path) -> list[ContactRecord | RowError]:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ImportFileError(
            QT_TRANSLATE_NOOP("errors", "The file {path} cannot be read: {detail}"),
            path=str(p),
            detail=exc.strerror or str(exc),
        ) from exc
    return parse_vcards(data, what=f"vCard file {p.name}")


def looks_like_vcard(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").upper()
    return text.startswith(b"BEGIN:VCARD")


# ---------------------------------------------------------------- writing


_PHONE_TYPES = {
    PhoneKind.WORK: ["work", "voice"],
    PhoneKind.MOBILE: ["cell", "voice"],
    PhoneKind.HOME: ["home", "voice"],
    PhoneKind.FAX: ["fax"],
    PhoneKind.OTHER: [],
}
_ADR_TYPES = {
    AddressKind.MAIN: (["work"], None),
    AddressKind.HOME: (["home"], None),
    AddressKind.DELIVERY: (["work"], "delivery"),
    AddressKind.BILLING: (["work"], "billing"),
    AddressKind.OTHER: ([], "other"),
}


def _image_type(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return "png"
    if data[:3] == b"GIF":
        return "gif"
    return "jpeg"


def _card(rec: ContactRecord, version: str) -> vobject.base.Component:
    v4 = version.startswith("4")
    card = vobject.vCard()
    card.add("version").value = "4.0" if v4 else "3.0"
    card.add("prodid").value = PRODID
    prefix = " ".join(p for p in (rec.salutation, rec.title) if p)
    card.add("n").value = vobject.vcard.Name(
        family=rec.family_name,
        given=rec.given_name,
        additional=rec.additional_names,
        prefix=prefix,
        suffix=rec.name_suffix,
    )
    fn = rec.formatted_name or " ".join(
        p for p in (rec.title, rec.given_name, rec.family_name) if p
    )
    fallback = [
        rec.nickname,
        rec.company,
        *(e for _k, e in rec.emails),
        *(n for _k, n in rec.phones),
    ]
    card.add("fn").value = fn or next((x for x in fallback if x), "?")
    if rec.nickname:
        card.add("nickname").value = rec.nickname
    if rec.company:
        card.add("org").value = [rec.company, *([rec.department] if rec.department else [])]
    if rec.position:
        card.add("title").value = rec.position
    if rec.occupation:
        card.add("role").value = rec.occupation
    if rec.birth_date is not None:
        bday = card.add("bday")
        if has_year(rec.birth_date):
            bday.value = rec.birth_date.isoformat()
        elif v4:
            bday.value = rec.birth_date.strftime("--%m%d")
        else:
            bday.value = rec.birth_date.isoformat()
            bday.params["X-APPLE-OMIT-YEAR"] = [str(NO_YEAR)]
    for kind, number in rec.phones:
        tel = card.add("tel")
        types = _PHONE_TYPES.get(kind, [])
        if v4 and _E164.fullmatch(number):
            tel.value = f"tel:{number}"
            tel.params["VALUE"] = ["uri"]
        else:
            tel.value = number
        if types:
            tel.params["TYPE"] = list(types)
    for ekind, address in rec.emails:
        email = card.add("email")
        email.value = address
        etypes = [] if v4 else ["internet"]
        if ekind in (EmailKind.WORK, EmailKind.HOME):
            etypes.append(ekind.value)
        if etypes:
            email.params["TYPE"] = etypes
    for a in rec.addresses:
        adr = card.add("adr")
        adr.value = vobject.vcard.Address(
            street=a.street,
            city=a.city,
            region=a.region,
            code=a.postcode,
            country=a.country,
            box="",
            extended=a.extra,
        )
        atypes, crm_kind = _ADR_TYPES.get(a.kind, ([], None))
        if atypes:
            adr.params["TYPE"] = list(atypes)
        if crm_kind:
            adr.params["X-CRM-KIND"] = [crm_kind]
    if rec.website:
        card.add("url").value = rec.website
    if rec.notes:
        card.add("note").value = rec.notes
    if rec.tags:
        card.add("categories").value = list(rec.tags)
    if rec.vcard_uid:
        card.add("uid").value = rec.vcard_uid
    if rec.photo:
        photo = card.add("photo")
        image = _image_type(rec.photo)
        if v4:
            encoded = base64.b64encode(rec.photo).decode("ascii")
            photo.value = f"data:image/{image};base64,{encoded}"
            photo.encoded = True  # a URI: no text escaping
        else:
            photo.value = rec.photo
            photo.params["ENCODING"] = ["b"]
            photo.params["TYPE"] = [image.upper()]
    return card


DEFAULT_VERSION = "3.0"  # what Outlook, Apple and Google read; 4.0 on request
FOLD_OCTETS = 75


def fold_line(line: str, limit: int = FOLD_OCTETS) -> str:
    """One content line folded at ``limit`` octets (RFC 6350 3.2), CRLF + space
    between the pieces, never inside a multi-byte UTF-8 character."""
    if len(line) <= limit // 4 or len(line.encode("utf-8")) <= limit:
        return line
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    room = limit
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > room:
            pieces.append("".join(current))
            current, size, room = [], 0, limit - 1  # the leading space counts
        current.append(ch)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def fold_text(text: str, limit: int = FOLD_OCTETS) -> str:
    """Every line of a serialised vCard (CRLF line ends) folded at ``limit`` octets.

    vobject folds text values but leaves inline pictures (PHOTO) as one line of tens
    of kilobytes, which CardDAV servers and Outlook refuse; the whole card is folded
    here after it is serialised (unfolding the result gives the same lines back).
    """
    lines = text.split("\r\n")
    out: list[str] = []
    for line in lines:
        if line.startswith((" ", "\t")) and out:
            out[-1] += line[1:]  # vobject's own fold: unfold, then fold once here
        else:
            out.append(line)
    return "\r\n".join(fold_line(line, limit) for line in out)


def export_records(records: Iterable[ContactRecord], version: str = DEFAULT_VERSION) -> str:
    """A vCard file (text, CRLF line ends, lines folded at 75 octets), one card per record."""
    if version not in {"3.0", "4.0"}:
        raise ValueError(f"unsupported vCard version {version!r}")
    return "".join(fold_text(_card(rec, version).serialize()) for rec in records)


def birthday_text(value: dt.date) -> str:
    """ISO date, or ``--MM-DD`` for a birthday without a year."""
    return value.isoformat() if has_year(value) else value.strftime("--%m-%d")
