"""Read an e-mail signature or a website imprint ("Impressum") into a proposed contact.

German and English layouts: name and position, company with legal form, street and
postcode/city, phone/fax/mobile (labelled "Tel.", "T", "Fax", "Mobil", "M", "Phone",
"Cell"...), e-mail, web, VAT id (USt-IdNr., VAT Reg. No.), register court and number
(Amtsgericht München HRB 12345, Registered in England and Wales No. 01234567) and
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
    "eG",
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
    r"herzliche grü(ß|ss)e|liebe grü(ß|ss)e|grü(ß|ss)e|mfg|lg|vg|best regards|kind regards|"
    r"regards|best|cheers|thanks|thank you|sincerely|yours sincerely|best wishes|--+|__+|"
    r"impressum|imprint|legal notice|angaben gemäß § ?5 tmg|kontakt|contact)[ ,.!:]*$",
    re.IGNORECASE,
)
EMAIL_RE = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+", re.UNICODE)
WEB_RE = re.compile(
    r"(?<![@\w.])((?:https?://)?(?:www\.)[\w\-]+(?:\.[\w\-]+)+(?:/[^\s]*)?|https?://[\w\-]+(?:\.[\w\-]+)+(?:/[^\s]*)?)"
)
PHONE_CHARS = r"(\+?[\d][\d\s()/.\-–]{5,}\d)"
PHONE_LABELS = {
    "fax": r"(?:fax|telefax|f)",
    "mobile": r"(?:mobil|mobile|handy|mob|cell|m)",
    "phone": r"(?:tel|telefon|phone|fon|t|p|office|direct|durchwahl)",
}
VAT_RE = re.compile(
    r"(?:USt[.\-\s]*Id(?:ent)?[.\-\s]*(?:Nr)?\.?|Umsatzsteuer[-\s]*Identifikationsnummer(?:\s+gemäß\s+§\s*27\s*a\s+Umsatzsteuergesetz)?|VAT(?:\s+(?:Reg(?:istration)?\.?|ID|No\.?|Number))*|UID(?:-Nr\.?)?)\s*[:.]?\s*([A-Z]{2}\s?[0-9A-Z][0-9A-Z\s]{7,13})",
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
    r"^(?:Geschäftsführer(?:in)?|Geschäftsführung|Vertreten durch|Vertretungsberechtigte[r]? Geschäftsführer(?:in)?|Inhaber(?:in)?|Vorstand|Managing Directors?|Directors?|CEO)\s*[:.]?\s*(.+)$",
    re.IGNORECASE,
)
POSTCODE_CITY_RE = re.compile(r"^(?:(D|A|CH|DE|AT)[-\s])?(\d{4,5})\s+([A-ZÄÖÜ][\wäöüß.\- ()]+)$")
US_CITY_RE = re.compile(r"^([A-Z][A-Za-z .\-]+),\s*([A-Z]{2})\s+(\d{5}(?:-\d{4})?)$")
UK_POSTCODE_RE = re.compile(r"^([A-Z][A-Za-z .\-]+?)\s+([A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})$")
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
}
TITLES = re.compile(
    r"^(Dr\.|Prof\.|Dipl\.-[A-Za-zäöü.]+|Mag\.|Ing\.|Dr\. med\.|Dr\. rer\. nat\.)\s*"
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
    lines = [x for x in raw_lines if x]
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
        if phones:
            prop.phones.extend(phones)
            used.add(i)
        m = VAT_RE.search(line)
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

    # address: a postcode + city line, the street just before it
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
            if i > 0 and i - 1 not in used and STREET_RE.search(lines[i - 1]):
                prop.street = lines[i - 1]
                used.add(i - 1)
            break
        # "Industriestraße 5, 70565 Stuttgart" on one line
        m2 = re.match(r"^(.+?\d+\s*[a-zA-Z]?)\s*[,|·•]\s*(?:(D|A|CH)-)?(\d{4,5})\s+(.+)$", line)
        if m2 and STREET_RE.search(m2.group(1)):
            prop.street = m2.group(1).strip()
            prop.postcode, prop.city = m2.group(3), m2.group(4).strip()
            prop.country = {"A": "AT", "CH": "CH"}.get(
                (m2.group(2) or "").upper(), "DE" if len(m2.group(3)) == 5 else ""
            )
            used.add(i)
            break
        m3 = US_CITY_RE.match(line) or UK_POSTCODE_RE.match(line)
        if m3:
            if US_CITY_RE.match(line):
                prop.city, prop.postcode, prop.country = m3.group(1), m3.group(3), "US"
            else:
                prop.city, prop.postcode, prop.country = m3.group(1), m3.group(2), "GB"
            used.add(i)
            if i > 0 and i - 1 not in used and STREET_RE.search(lines[i - 1]):
                prop.street = lines[i - 1]
                used.add(i - 1)
            break
    for i, line in enumerate(lines):
        if i not in used and line.lower() in COUNTRIES:
            prop.country = COUNTRIES[line.lower()]
            used.add(i)

    # company: the first line with a legal form
    for i, line in enumerate(lines):
        if i in used:
            continue
        m = _LEGAL_RE.search(line)
        if m and len(line) < 90:
            prop.company = line.strip(" ,")
            prop.legal_form = m.group(1)
            used.add(i)
            break

    # person: first remaining line that looks like a name (2–4 capitalised words)
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
                    used.add(j)
                    break
            break
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
