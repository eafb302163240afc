"""Signatures written after the parser was tuned on :mod:`tests.unit.signature_table`:
the first measurement on them is the honest one (see the test module)."""

from __future__ import annotations

from typing import Any

HOLDOUT: list[tuple[str, str, dict[str, Any]]] = [
    (
        "de-h1",
        """Mit freundlichem Gruß
Claudia Neumann
Assistenz der Geschäftsleitung
Neumann Druck GmbH
Gutenbergstraße 3
55116 Mainz
Tel.: 06131 / 22 33 44
Fax: 06131 / 22 33 45
c.neumann@neumann-druck.de
HRB 4567, Amtsgericht Mainz""",
        {
            "given_name": "Claudia",
            "family_name": "Neumann",
            "position": "Assistenz der Geschäftsleitung",
            "company": "Neumann Druck GmbH",
            "street": "Gutenbergstraße 3",
            "postcode": "55116",
            "city": "Mainz",
            "phones": [("phone", "06131/223344"), ("fax", "06131/223345")],
            "register_number": "HRB 4567",
            "register_court": "Amtsgericht Mainz",
        },
    ),
    (
        "de-h2",
        """Gruß
Tobias Schulz
Schulz IT-Service
Kirchplatz 2
48143 Münster
Mobil: 0172 9988776""",
        {
            "given_name": "Tobias",
            "family_name": "Schulz",
            "company": "Schulz IT-Service",
            "street": "Kirchplatz 2",
            "postcode": "48143",
            "city": "Münster",
            "phones": [("mobile", "01729988776")],
        },
    ),
    (
        "at-h1",
        """Liebe Grüße
Sandra Huber
Huber Immobilien GmbH
Schottenring 16/2
1010 Wien
T: +43 1 533 22 11
M: +43 699 11223344
FN 512345x | Handelsgericht Wien | ATU13585627""",
        {
            "given_name": "Sandra",
            "family_name": "Huber",
            "company": "Huber Immobilien GmbH",
            "street": "Schottenring 16/2",
            "postcode": "1010",
            "city": "Wien",
            "country": "AT",
            "phones": [("phone", "+4315332211"), ("mobile", "+4369911223344")],
            "register_number": "FN 512345x",
            "register_court": "Handelsgericht Wien",
            "vat_id": "ATU13585627",
        },
    ),
    (
        "at-h2",
        """Impressum
Medieninhaber: Wachau Wein KG
Kremser Straße 7, 3500 Krems an der Donau
Firmenbuchnummer: FN 98765k
Firmenbuchgericht: Landesgericht Krems
E-Mail: office@wachau-wein.at""",
        {
            "company": "Wachau Wein KG",
            "street": "Kremser Straße 7",
            "postcode": "3500",
            "city": "Krems an der Donau",
            "country": "AT",
            "register_number": "FN 98765k",
            "register_court": "Landesgericht Krems",
        },
    ),
    (
        "ch-h1",
        """Freundliche Grüsse
Lara Baumann
Projektleiterin
Baumann Architekten AG
Seestrasse 45
8800 Thalwil
T +41 44 720 11 22
lara.baumann@baumann-architekten.ch
CHE-116.281.710 MWST""",
        {
            "given_name": "Lara",
            "family_name": "Baumann",
            "position": "Projektleiterin",
            "company": "Baumann Architekten AG",
            "street": "Seestrasse 45",
            "postcode": "8800",
            "city": "Thalwil",
            "country": "CH",
            "vat_id": "CHE-116.281.710 MWST",
        },
    ),
    (
        "ch-h2",
        """Impressum
Zuger Finanz GmbH
Baarerstrasse 8
6300 Zug
Eingetragen im Handelsregister des Kantons Zug
UID: CHE-116.281.710
Geschäftsführung: Peter Iten""",
        {
            "company": "Zuger Finanz GmbH",
            "street": "Baarerstrasse 8",
            "postcode": "6300",
            "city": "Zug",
            "country": "CH",
            "register_court": "Handelsregister des Kantons Zug",
            "vat_id": "CHE-116.281.710",
            "managing_directors": ["Peter Iten"],
        },
    ),
    (
        "uk-h1",
        """Kind regards,
Amelia Clarke
Finance Director
Oxford Biotech Ltd
Park End Street
Oxford OX1 1HP
T: +44 1865 496000
amelia.clarke@oxfordbiotech.co.uk
Registered in England and Wales. Company No. 09876543""",
        {
            "given_name": "Amelia",
            "family_name": "Clarke",
            "position": "Finance Director",
            "company": "Oxford Biotech Ltd",
            "street": "Park End Street",
            "postcode": "OX1 1HP",
            "city": "Oxford",
            "country": "GB",
            "register_number": "09876543",
        },
    ),
    (
        "uk-h2",
        """Best,
George Walker
Walker Brothers Limited
14 Castle Street
Leeds
LS1 2AB
Tel: 0113 496 0555""",
        {
            "given_name": "George",
            "family_name": "Walker",
            "company": "Walker Brothers Limited",
            "street": "14 Castle Street",
            "postcode": "LS1 2AB",
            "city": "Leeds",
            "country": "GB",
            "phones": [("phone", "01134960555")],
        },
    ),
    (
        "us-h1",
        """Best regards,
Ashley Rodriguez
Director of Operations
Sunshine Logistics, LLC
200 S Biscayne Blvd, Suite 3000
Miami, FL 33131
Office: 305.555.0190
Mobile: (305) 555-0191
arodriguez@sunshinelogistics.com""",
        {
            "given_name": "Ashley",
            "family_name": "Rodriguez",
            "position": "Director of Operations",
            "company": "Sunshine Logistics, LLC",
            "legal_form": "LLC",
            "street": "200 S Biscayne Blvd, Suite 3000",
            "postcode": "33131",
            "city": "Miami",
            "country": "US",
            "phones": [("phone", "305.555.0190"), ("mobile", "(305)555-0191")],
        },
    ),
    (
        "us-h2",
        """Thanks!
Brian Lee
Rocky Mountain Outfitters Inc.
1600 Wynkoop St
Ste 200
Denver, CO 80202
303-555-0177""",
        {
            "given_name": "Brian",
            "family_name": "Lee",
            "company": "Rocky Mountain Outfitters Inc.",
            "street": "1600 Wynkoop St, Ste 200",
            "postcode": "80202",
            "city": "Denver",
            "country": "US",
            "phones": [("phone", "303-555-0177")],
        },
    ),
]
