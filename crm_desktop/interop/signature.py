"""Read an e-mail signature or a website imprint ("Impressum") into a proposed contact.

German, Austrian, Swiss, British and US layouts: name and position, company with legal form, street and
postcode/city, phone/fax/mobile (labelled "Tel.", "T", "Fax", "Mobil", "M", "Phone",
"Cell"...), e-mail, web, VAT id (USt-IdNr., VAT Reg. No.), register court and number
(Amtsgericht München HRB 12345, Firmenbuch FN 123456a / Handelsgericht Wien,
Handelsregister des Kantons Zürich, Registered in England and Wales No. 01234567), the
Swiss UID/VAT number (CHE-123.456.789 MWST/TVA/IVA), US addresses ("350 Mission Street,
Suite 400" / "San Francisco, CA 94105") and phone formats ("(415) 555-0123"), British
postcodes ("London SW1A 1AA", a postcode on its own line) and
managing directors (Geschäftsführer, Vertreten durch, Directors). Nothing is saved here:
the result is shown to the user to confirm or correct.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

LEGAL_FORMS = [
    "GmbH & Co. KGaA",
    "GmbH & Co. KG",
    "UG (haftungsbeschränkt) & Co. KG",
    "UG (haftungsbeschränkt)",
    "gGmbH",
    "GmbH",
    "AG & Co. KG",
    "KGaA",
    "AG",
    "SE",
    "KG",
    "OHG",
    "GbR",
    "PartG mbB",
    "PartG",
    "e.K.",
    "e. K.",
    "e.Kfm.",
    "e.V.",
    "e.U.",
    "eG",
    "OG",
    "mbH",
    "Ltd.",
    "Ltd",
    "Limited",
    "LLC",
    "Inc.",
    "Inc",
    "Corp.",
    "PLC",
    "plc",
    "LLP",
    "S.A.",
    "SA",
    "Sagl",
    "S.à r.l.",
    "B.V.",
    "N.V.",
    "Sàrl",
    "SARL",
    "AB",
    "ApS",
    "A/S",
    "Oy",
    "S.r.l.",
    "S.p.A.",
]
_LEGAL_RE = re.compile(
    r"(?<![\w])("
    + "|".join(re.escape(f) for f in sorted(LEGAL_FORMS, key=len, reverse=True))
    + r")(?![\w])"
)
GREETINGS = re.compile(
    r"^(mit freundlichen grü(ß|ss)en|freundliche grü(ß|ss)e|viele grü(ß|ss)e|beste grü(ß|ss)e|"
    r"herzliche grü(ß|ss)e|liebe grü(ß|ss)e|grü(ß|ss)e|mit besten grü(ß|ss)en|gru(ß|ss)|meilleures salutations|"
    r"cordiali saluti|many thanks|mfg|lg|vg|best regards|kind regards|"
    r"regards|best|cheers|thanks|thank you|sincerely|yours sincerely|best wishes|--+|__+|"
    r"impressum|imprint|legal notice|angaben gemäß § ?5 tmg|angaben gemäß § ?5 ecg|kontakt|contact)"
    r"(?: aus [\w .\-]+| / [\w ]+)?[ ,.!:]*$",
    re.IGNORECASE,
)
EMAIL_RE = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+", re.UNICODE)
WEB_RE = re.compile(
    r"(?<![@\w.])((?:https?://)?(?:www\.)[\w\-]+(?:\.[\w\-]+)+(?:/[^\s]*)?|https?://[\w\-]+(?:\.[\w\-]+)+(?:/[^\s]*)?)"
)
PHONE_CHARS = r"(\+?\(?[\d][\d\s()/.\-–]{5,}\d)"
BARE_PHONE_RE = re.compile(r"^\+?\(?\d[\d\s()/.\-–]{5,}\d$")
PHONE_LABELS = {
    "fax": r"(?:fax|telefax|f)",
    "mobile": r"(?:mobil|mobile|handy|mob|cell|m)",
    "phone": r"(?:tel|telefon|phone|fon|ph|t|p|o|office|direct|durchwahl)",
}
VAT_RE = re.compile(
    r"(?:USt[.\-\s]*Id(?:ent)?[.\-\s]*(?:Nr)?\.?|Umsatzsteuer[-\s]*Identifikationsnummer(?:\s+gemäß\s+§\s*27\s*a\s+Umsatzsteuergesetz)?|VAT(?:\s+(?:Reg(?:istration)?\.?|ID|No\.?|Number))*|UID(?:-Nr\.?)?)\s*[:.]?\s*([A-Z]{2}\s?[0-9A-Z][0-9A-Z\s]{7,13})",
    re.IGNORECASE,
)
COMPANY_LABEL_RE = re.compile(
    r"^(?:Medieninhaber(?:in)?(?: und Herausgeber)?|Firma|Firmenname|Firmenwortlaut|"
    r"Anbieter|Company|Unternehmen)\s*:\s*",
    re.IGNORECASE,
)
BARE_VAT_RE = re.compile(r"\b(ATU\d{8}|DE\d{9}|GB\d{9}(?:\d{3})?)\b")
FN_RE = re.compile(r"\bFN\s*[:.]?\s*(\d{1,6}\s?[a-z])\b")
AT_COURT_RE = re.compile(
    r"\b((?:Handelsgericht|Landesgericht(?: für ZRS)?|Bezirksgericht)\s+[A-ZÄÖÜ][\wäöüß\-]+)"
)
FB_COURT_RE = re.compile(r"\bFirmenbuchgericht\s*[:.]?\s*([A-ZÄÖÜ][\wäöüß\-]+)")
CH_COURT_RE = re.compile(
    r"\b(Handelsregister(?:amt)? des Kantons [A-ZÄÖÜ][\wäöüß\-]+(?: [A-ZÄÖÜ][\wäöüß\-]+)?)"
)
CH_UID_RE = re.compile(r"\bCHE[-\s]?(\d{3})\.?(\d{3})\.?(\d{3})(?:\s*(MWST|TVA|IVA))?\b")
SUITE_RE = re.compile(
    r"^(?:Suite|Ste\.?|Floor|Fl\.?|Apt\.?|Room|Unit|\d+(?:st|nd|rd|th) Floor)\s*#?\w*$",
    re.IGNORECASE,
)
REGISTER_NO_RE = re.compile(r"\b(HR[AB])\s*[:.]?\s*(\d{1,7}\s?[A-Z]?)\b")
COURT_RE = re.compile(
    r"\b(Amtsgericht|AG|Registergericht|Handelsregister)\s*[:.]?\s*([A-ZÄÖÜ][\wäöüß.\- ]+?)(?=[,;]|\s+HR[AB]|\s*$)"
)
UK_REG_RE = re.compile(
    r"Registered in ([A-Z][A-Za-z ]+?)(?:,|\.)?\s*(?:Company\s*)?(?:No\.?|Number|Reg(?:istration)?\.? No\.?)\s*[:.]?\s*(\w+)",
    re.IGNORECASE,
)
DIRECTORS_RE = re.compile(
    r"^(?:Geschäftsführer(?:in)?|Geschäftsführung|Vertreten durch|Vertretungsberechtigte[r]? Geschäftsführer(?:in)?|Inhaber(?:in)?|Vorstand|Managing Directors?|Directors?|CEO)(?!\s+(?:of|for|des|der)\b)\s*[:.]?\s*(.+)$",
    re.IGNORECASE,
)
POSTCODE_CITY_RE = re.compile(r"^(?:(D|A|CH|DE|AT)[-\s])?(\d{4,5})\s+([A-ZÄÖÜ][\wäöüß.\- ()]+)$")
US_CITY_RE = re.compile(r"^([A-Z][A-Za-z .\-]+),\s*([A-Z]{2})\s+(\d{5}(?:-\d{4})?)$")
US_LINE_RE = re.compile(r"^(.+?\d.*?),\s*([A-Z][A-Za-z .\-]+),\s*([A-Z]{2})\s+(\d{5}(?:-\d{4})?)$")
UK_CODE = r"[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}"
UK_POSTCODE_RE = re.compile(rf"^([A-Z][A-Za-z .\-]+?),?\s+({UK_CODE})$")
UK_LINE_RE = re.compile(rf"^(.+?\d.*?),\s*([A-Z][A-Za-z .\-]+?),?\s+({UK_CODE})$")
UK_CODE_ONLY_RE = re.compile(rf"^({UK_CODE})$")
STREET_RE = re.compile(
    r"(str\.|straße|strasse|weg|platz|allee|gasse|ring|damm|ufer|chaussee|markt|road|street|st\.|avenue|ave\.|lane|drive|way|\d+\s*[a-z]?$|^\d+\s)",
    re.IGNORECASE,
)
COUNTRIES = {
    "deutschland": "DE",
    "germany": "DE",
    "österreich": "AT",
    "austria": "AT",
    "schweiz": "CH",
    "switzerland": "CH",
    "united kingdom": "GB",
    "uk": "GB",
    "usa": "US",
    "united states": "US",
    "united states of america": "US",
    "suisse": "CH",
    "svizzera": "CH",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
}
_AT_HINTS = re.compile(r"\+43|\.at\b|\bATU\d|\bFN\s*\d|Firmenbuch|Österreich|Austria")
_CH_HINTS = re.compile(
    r"\+41|\.ch\b|\bCHE[-\s]?\d|Kanton|Schweiz|Suisse|Svizzera|Switzerland|Grüsse"
)
TITLES = re.compile(
    r"^(Dr\. med\.|Dr\. rer\. nat\.|Dr\.-Ing\.|Prof\. Dr\.|Dr\.|DDr\.|Prof\.|"
    r"Dipl\.-[A-Za-zäöü.]+|MMag\.|Mag\.(?: \(FH\))?|Ing\.|DI(?= ))\s*"
)
SALUTATIONS = {
    "herr": "Herr",
    "frau": "Frau",
    "mr": "Mr",
    "mr.": "Mr",
    "mrs": "Mrs",
    "mrs.": "Mrs",
    "ms": "Ms",
    "ms.": "Ms",
}


@dataclass
class SignatureProposal:
    company: str = ""
    legal_form: str = ""
    salutation: str = ""
    title: str = ""
    given_name: str = ""
    family_name: str = ""
    position: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""
    country: str = ""
    phones: list[tuple[str, str]] = field(default_factory=list)  # (kind, number)
    emails: list[str] = field(default_factory=list)
    website: str = ""
    vat_id: str = ""
    register_court: str = ""
    register_number: str = ""
    managing_directors: list[str] = field(default_factory=list)

    @property
    def found_anything(self) -> bool:
        return any(
            [self.company, self.family_name, self.emails, self.phones, self.street, self.website]
        )


def _clean(line: str) -> str:
    line = "".join(ch for ch in line if ch.isprintable() or ch == "\t")
    return re.sub(r"\s+", " ", line.replace("\u00a0", " ")).strip(" |•·")


def _phone_lines(line: str) -> list[tuple[str, str]]:
    found = []
    # labelled numbers, possibly several on one line ("Tel. 0711 1234 | Fax 0711 1235")
    for part in re.split(r"\s[|•·]\s|\s{3,}|;", line):
        part = part.strip()
        for kind, label in PHONE_LABELS.items():
            m = re.match(rf"^{label}\.?\s*(?:[:.]|-)?\s*{PHONE_CHARS}", part, re.IGNORECASE)
            if m:
                found.append((kind, m.group(1).strip()))
                break
    return found


def parse_signature(text: str) -> SignatureProposal:
    prop = SignatureProposal()
    raw_lines = [_clean(x) for x in text.splitlines()]
    # "Sabine Wolf | Projektmanagerin", "Wolf KG · Lindenallee 17 · 04109 Leipzig":
    # the parts of a line joined by | · • are lines of their own
    lines = [
        part.strip()
        for x in raw_lines
        for part in re.split(r"\s+[|•·]\s+", x)
        if part.strip(" |•·")
    ]
    used: set[int] = set()

    for i, line in enumerate(lines):
        if GREETINGS.match(line):
            used.add(i)
            continue
        for email in EMAIL_RE.findall(line):
            if email not in prop.emails:
                prop.emails.append(email.rstrip("."))
            used.add(i)
        if not prop.website:
            stripped = EMAIL_RE.sub(" ", line)
            m = WEB_RE.search(stripped)
            if m:
                prop.website = m.group(1).rstrip("./")
                used.add(i)
        phones = _phone_lines(line)
        if not phones and BARE_PHONE_RE.match(line) and sum(ch.isdigit() for ch in line) >= 7:
            phones = [("phone", line)]  # a number on its own line
        if phones:
            prop.phones.extend(phones)
            used.add(i)
        m = CH_UID_RE.search(line)
        if m and not prop.vat_id:
            prop.vat_id = f"CHE-{m.group(1)}.{m.group(2)}.{m.group(3)}"
            if m.group(4):
                prop.vat_id += f" {m.group(4)}"
            used.add(i)
        m = CH_COURT_RE.search(line)
        if m and not prop.register_court:
            prop.register_court = m.group(1)
            used.add(i)
        m = FN_RE.search(line)
        if m and not prop.register_number:
            prop.register_number = f"FN {m.group(1).replace(' ', '')}"
            used.add(i)
        m = AT_COURT_RE.search(line)
        if m and not prop.register_court:
            prop.register_court = m.group(1)
            used.add(i)
        m = FB_COURT_RE.search(line)
        if m and not prop.register_court:
            prop.register_court = f"Firmenbuchgericht {m.group(1)}"
            used.add(i)
        m = VAT_RE.search(line) or BARE_VAT_RE.search(line)
        if m and not prop.vat_id:
            prop.vat_id = re.sub(r"\s", "", m.group(1)).upper()
            used.add(i)
        m = REGISTER_NO_RE.search(line)
        if m and not prop.register_number:
            prop.register_number = f"{m.group(1)} {m.group(2).strip()}"
            used.add(i)
        m = COURT_RE.search(line)
        if m and not prop.register_court and ("HR" in line or "gericht" in line.lower()):
            court = re.sub(r"^AG\s+", "Amtsgericht ", m.group(2).strip(" ,"))
            if m.group(1) in ("AG", "Amtsgericht") and not court.startswith("Amtsgericht"):
                court = f"Amtsgericht {court}"
            prop.register_court = court
            used.add(i)
        m = UK_REG_RE.search(line)
        if m:
            prop.register_court = prop.register_court or f"Registered in {m.group(1).strip()}"
            prop.register_number = prop.register_number or m.group(2)
            used.add(i)
        m = DIRECTORS_RE.match(line)
        if m:
            names = re.split(r",|;| und | and | & ", m.group(1))
            prop.managing_directors = [n.strip(" .") for n in names if n.strip(" .")]
            used.add(i)

    # address: a postcode + city line, the street just before it (US and UK first)
    if not _read_us_uk_address(prop, lines, used):
        _read_dach_address(prop, lines, used)
    for i, line in enumerate(lines):
        if i not in used and line.lower() in COUNTRIES:
            prop.country = COUNTRIES[line.lower()]
            used.add(i)

    if len(prop.postcode) == 4 and prop.postcode.isdigit() and not prop.country:
        prop.country = _dach_country(text)

    # company: the first line with a legal form
    for i, line in enumerate(lines):
        if i in used:
            continue
        m = _LEGAL_RE.search(line)
        if m and len(line) < 90:
            prop.company = COMPANY_LABEL_RE.sub("", line).strip(" ,")
            prop.legal_form = m.group(1)
            used.add(i)
            break

    # person: first remaining line that looks like a name (2–4 capitalised words)
    position_line: int | None = None
    for i, line in enumerate(lines):
        if i in used:
            continue
        words = line.split()
        candidate = line
        salutation = ""
        if words and words[0].lower() in SALUTATIONS:
            salutation = SALUTATIONS[words[0].lower()]
            candidate = " ".join(words[1:])
        title = ""
        tm = TITLES.match(candidate)
        if tm:
            title = tm.group(1)
            candidate = candidate[tm.end() :]
        parts = candidate.replace(",", " ").split()
        if 2 <= len(parts) <= 4 and all(
            p[0].isupper() and not any(ch.isdigit() for ch in p) for p in parts
        ):
            prop.salutation, prop.title = salutation, title
            prop.given_name = " ".join(parts[:-1])
            prop.family_name = parts[-1]
            used.add(i)
            # position: the next unused short line that is not the company
            for j in range(i + 1, min(i + 3, len(lines))):
                if j not in used and len(lines[j]) < 60 and not _LEGAL_RE.search(lines[j]):
                    prop.position = lines[j].strip(" ,|")
                    position_line = j
                    used.add(j)
                    break
            break
    # "Petra Koch / Koch Steuerberatung / Marktplatz 5": no legal form anywhere, and
    # the line taken for the position is right above the street: it is the company
    if (
        not prop.company
        and position_line is not None
        and prop.street
        and position_line + 1 < len(lines)
        and lines[position_line + 1] == prop.street.split(", ")[0]
        and prop.family_name
        and prop.family_name in prop.position
    ):
        prop.company, prop.position = prop.position, ""
    # a company without legal form: a remaining line right before the address
    if not prop.company:
        for i, line in enumerate(lines):
            if (
                i not in used
                and len(line) < 60
                and not any(ch.isdigit() for ch in line)
                and re.search(r"[A-Za-zÄÖÜäöüß]{3,}", line)
            ):
                prop.company = line
                used.add(i)
                break
    return prop


def _street_before(lines: list[str], used: set[int], i: int, *, loose: bool = False) -> str:
    """The street on the line(s) before line ``i`` ("350 Mission Street" + "Suite 400")."""
    j = i - 1
    if j < 0 or j in used:
        return ""

    def streetlike(line: str) -> bool:
        if STREET_RE.search(line):
            return True
        return loose and bool(re.search(r"\d", line)) and not _LEGAL_RE.search(line)

    if SUITE_RE.match(lines[j]) and j > 0 and j - 1 not in used and streetlike(lines[j - 1]):
        used.update((j - 1, j))
        return f"{lines[j - 1]}, {lines[j]}"
    if streetlike(lines[j]):
        used.add(j)
        return lines[j]
    return ""


def _read_us_uk_address(prop: SignatureProposal, lines: list[str], used: set[int]) -> bool:
    for i, line in enumerate(lines):
        if i in used:
            continue
        m = US_LINE_RE.match(line)
        if m:
            prop.street, prop.city, prop.postcode = m.group(1).strip(), m.group(2), m.group(4)
            prop.country = "US"
            used.add(i)
            return True
        m = US_CITY_RE.match(line)
        if m:
            prop.city, prop.postcode, prop.country = m.group(1).strip(), m.group(3), "US"
            used.add(i)
            prop.street = _street_before(lines, used, i, loose=True)
            return True
        m = UK_LINE_RE.match(line)
        if m:
            prop.street, prop.city, prop.postcode = m.group(1).strip(), m.group(2), m.group(3)
            prop.country = "GB"
            used.add(i)
            return True
        m = UK_POSTCODE_RE.match(line)
        if m:
            prop.city, prop.postcode, prop.country = m.group(1).strip(), m.group(2), "GB"
            used.add(i)
            prop.street = _street_before(lines, used, i, loose=True)
            return True
        m = UK_CODE_ONLY_RE.match(line)
        if m and i > 0 and i - 1 not in used and not re.search(r"\d", lines[i - 1]):
            prop.postcode, prop.city, prop.country = m.group(1), lines[i - 1], "GB"
            used.update((i, i - 1))
            prop.street = _street_before(lines, used, i - 1, loose=True)
            return True
    return False


def _read_dach_address(prop: SignatureProposal, lines: list[str], used: set[int]) -> bool:
    for i, line in enumerate(lines):
        if i in used:
            continue
        m = POSTCODE_CITY_RE.match(line)
        if m:
            prefix = (m.group(1) or "").upper()
            prop.postcode, prop.city = m.group(2), m.group(3).strip()
            prop.country = {"A": "AT", "AT": "AT", "CH": "CH"}.get(
                prefix, "DE" if len(m.group(2)) == 5 else ""
            )
            used.add(i)
            prop.street = _street_before(lines, used, i)
            return True
        # "Industriestraße 5, 70565 Stuttgart" on one line
        m2 = re.match(
            r"^(.+?\d+\s*[a-zA-Z]?(?:/\d+)?)\s*[,|·•]\s*(?:(D|A|CH)-)?(\d{4,5})\s+(.+)$", line
        )
        if m2 and STREET_RE.search(m2.group(1)):
            prop.street = m2.group(1).strip()
            prop.postcode, prop.city = m2.group(3), m2.group(4).strip()
            prop.country = {"A": "AT", "CH": "CH"}.get(
                (m2.group(2) or "").upper(), "DE" if len(m2.group(3)) == 5 else ""
            )
            used.add(i)
            return True
    return False


def _dach_country(text: str) -> str:
    """Austria or Switzerland for a four-digit postcode, from the rest of the text."""
    at, ch = len(_AT_HINTS.findall(text)), len(_CH_HINTS.findall(text))
    if at > ch:
        return "AT"
    if ch > at:
        return "CH"
    return ""
