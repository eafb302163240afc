"""A table of e-mail signatures and imprints (German, Austrian, Swiss, UK, US) with what
the parser must read from each; :mod:`tests.unit.test_signature_table` measures it.

Each case names only the fields it checks; phones are ``(kind, digits)``."""

from __future__ import annotations

from typing import Any

CASES: list[tuple[str, str, dict[str, Any]]] = [
    # ---------------------------------------------------------------- German
    (
        "de-1",
        """Mit freundlichen Grüßen

Jonas Becker
Vertriebsleiter

Becker Maschinenbau GmbH
Hafenstraße 4
28217 Bremen
Tel. +49 421 3890-12
jonas.becker@becker-maschinenbau.de
www.becker-maschinenbau.de
Amtsgericht Bremen HRB 28431
USt-IdNr.: DE136695976""",
        {
            "given_name": "Jonas",
            "family_name": "Becker",
            "position": "Vertriebsleiter",
            "company": "Becker Maschinenbau GmbH",
            "legal_form": "GmbH",
            "street": "Hafenstraße 4",
            "postcode": "28217",
            "city": "Bremen",
            "country": "DE",
            "phones": [("phone", "+494213890-12")],
            "emails": ["jonas.becker@becker-maschinenbau.de"],
            "website": "www.becker-maschinenbau.de",
            "register_court": "Amtsgericht Bremen",
            "register_number": "HRB 28431",
            "vat_id": "DE136695976",
        },
    ),
    (
        "de-2",
        """Viele Grüße
Sabine Wolf | Projektmanagerin
Wolf & Söhne KG · Lindenallee 17 · 04109 Leipzig
T +49 341 998877 · M +49 170 1234567
sabine.wolf@wolf-soehne.de""",
        {
            "given_name": "Sabine",
            "family_name": "Wolf",
            "company": "Wolf & Söhne KG",
            "legal_form": "KG",
            "street": "Lindenallee 17",
            "postcode": "04109",
            "city": "Leipzig",
            "phones": [("phone", "+49341998877"), ("mobile", "+491701234567")],
            "emails": ["sabine.wolf@wolf-soehne.de"],
        },
    ),
    (
        "de-3",
        """Impressum
Angaben gemäß § 5 TMG
Nordlicht Software AG
Speicherstadt 9
20457 Hamburg
Vorstand: Dr. Henrik Lund, Maja Sørensen
Telefon: +49 40 555 1234
E-Mail: info@nordlicht-software.de
Registergericht: Amtsgericht Hamburg, HRB 145678
Umsatzsteuer-Identifikationsnummer gemäß § 27 a Umsatzsteuergesetz: DE 136 695 976""",
        {
            "company": "Nordlicht Software AG",
            "legal_form": "AG",
            "street": "Speicherstadt 9",
            "postcode": "20457",
            "city": "Hamburg",
            "phones": [("phone", "+49405551234")],
            "emails": ["info@nordlicht-software.de"],
            "register_court": "Amtsgericht Hamburg",
            "register_number": "HRB 145678",
            "vat_id": "DE136695976",
            "managing_directors": ["Dr. Henrik Lund", "Maja Sørensen"],
            "family_name": "",
        },
    ),
    (
        "de-4",
        """Beste Grüße aus München

Thomas Huber
Geschäftsführer
Huber Elektrotechnik e.K.
Leopoldstr. 120, 80804 München
Fon: 089 / 36 10 45-0
Fax: 089 / 36 10 45-99
Mobil: 0151 23456789
t.huber@huber-elektro.de""",
        {
            "given_name": "Thomas",
            "family_name": "Huber",
            "position": "Geschäftsführer",
            "company": "Huber Elektrotechnik e.K.",
            "legal_form": "e.K.",
            "street": "Leopoldstr. 120",
            "postcode": "80804",
            "city": "München",
            "phones": [
                ("phone", "089/361045-0"),
                ("fax", "089/361045-99"),
                ("mobile", "015123456789"),
            ],
        },
    ),
    (
        "de-5",
        """--
Frau Dr. Anna Schmitt
Leiterin Personal
Rheinland Logistik GmbH & Co. KG
Am Hafen 3
50668 Köln
Tel.: 0221 12345-67
a.schmitt@rheinland-logistik.de""",
        {
            "salutation": "Frau",
            "title": "Dr.",
            "given_name": "Anna",
            "family_name": "Schmitt",
            "position": "Leiterin Personal",
            "company": "Rheinland Logistik GmbH & Co. KG",
            "legal_form": "GmbH & Co. KG",
            "street": "Am Hafen 3",
            "postcode": "50668",
            "city": "Köln",
        },
    ),
    (
        "de-6",
        """MfG
Markus Lehmann
Lehmann Bau UG (haftungsbeschränkt)
Gartenweg 2a
01067 Dresden
Telefon 0351 4455667
m.lehmann@lehmann-bau.de""",
        {
            "given_name": "Markus",
            "family_name": "Lehmann",
            "company": "Lehmann Bau UG (haftungsbeschränkt)",
            "legal_form": "UG (haftungsbeschränkt)",
            "street": "Gartenweg 2a",
            "postcode": "01067",
            "city": "Dresden",
            "phones": [("phone", "03514455667")],
        },
    ),
    (
        "de-7",
        """Freundliche Grüße
Petra Koch
Koch Steuerberatung
Marktplatz 5
72070 Tübingen
Telefon: 07071 987654
kanzlei@koch-steuer.de
www.koch-steuer.de""",
        {
            "given_name": "Petra",
            "family_name": "Koch",
            "company": "Koch Steuerberatung",
            "street": "Marktplatz 5",
            "postcode": "72070",
            "city": "Tübingen",
            "emails": ["kanzlei@koch-steuer.de"],
            "website": "www.koch-steuer.de",
        },
    ),
    (
        "de-8",
        """Herzliche Grüße
Lukas Meyer
Einkauf
Meyer Feinkost OHG
Bahnhofstraße 11
90402 Nürnberg
Deutschland
+49 911 2233445
lukas@meyer-feinkost.de""",
        {
            "given_name": "Lukas",
            "family_name": "Meyer",
            "position": "Einkauf",
            "company": "Meyer Feinkost OHG",
            "legal_form": "OHG",
            "street": "Bahnhofstraße 11",
            "postcode": "90402",
            "city": "Nürnberg",
            "country": "DE",
            "phones": [("phone", "+499112233445")],
        },
    ),
    (
        "de-9",
        """Impressum
Grünwerk eG
Vertreten durch den Vorstand: Ute Brandt und Karl Fiedler
Auenweg 8
34117 Kassel
Registergericht: Amtsgericht Kassel
Registernummer: GnR 456
E-Mail: kontakt@gruenwerk.de""",
        {
            "company": "Grünwerk eG",
            "legal_form": "eG",
            "street": "Auenweg 8",
            "postcode": "34117",
            "city": "Kassel",
            "register_court": "Amtsgericht Kassel",
            "emails": ["kontakt@gruenwerk.de"],
        },
    ),
    (
        "de-10",
        """Mit freundlichen Grüßen / Kind regards
Dipl.-Ing. Stefan Krause
Technischer Leiter
Krause Antriebe GmbH
Industriering 22 | 33647 Bielefeld
T: +49 521 440 55-0 | F: +49 521 440 55-20
stefan.krause@krause-antriebe.de | www.krause-antriebe.de
Sitz: Bielefeld, AG Bielefeld HRB 33221""",
        {
            "title": "Dipl.-Ing.",
            "given_name": "Stefan",
            "family_name": "Krause",
            "position": "Technischer Leiter",
            "company": "Krause Antriebe GmbH",
            "street": "Industriering 22",
            "postcode": "33647",
            "city": "Bielefeld",
            "phones": [("phone", "+4952144055-0"), ("fax", "+4952144055-20")],
            "website": "www.krause-antriebe.de",
            "register_court": "Amtsgericht Bielefeld",
            "register_number": "HRB 33221",
        },
    ),
    # ---------------------------------------------------------------- Austrian
    (
        "at-1",
        """Mit freundlichen Grüßen
Mag. Eva Gruber
Key Account Managerin
Alpenblick Handels GmbH
Neubaugasse 12
1070 Wien
Tel.: +43 1 523 45 67
eva.gruber@alpenblick.at
Firmenbuch: FN 123456a
Firmenbuchgericht: Handelsgericht Wien
UID: ATU13585627""",
        {
            "title": "Mag.",
            "given_name": "Eva",
            "family_name": "Gruber",
            "position": "Key Account Managerin",
            "company": "Alpenblick Handels GmbH",
            "street": "Neubaugasse 12",
            "postcode": "1070",
            "city": "Wien",
            "country": "AT",
            "phones": [("phone", "+4315234567")],
            "register_number": "FN 123456a",
            "register_court": "Handelsgericht Wien",
            "vat_id": "ATU13585627",
        },
    ),
    (
        "at-2",
        """Impressum
Steirerholz GmbH
Herrengasse 5, 8010 Graz
Österreich
Telefon: +43 316 8040
office@steirerholz.at
FN 234567b, Firmenbuchgericht Graz
UID-Nr.: ATU13585627""",
        {
            "company": "Steirerholz GmbH",
            "street": "Herrengasse 5",
            "postcode": "8010",
            "city": "Graz",
            "country": "AT",
            "register_number": "FN 234567b",
            "register_court": "Firmenbuchgericht Graz",
            "vat_id": "ATU13585627",
        },
    ),
    (
        "at-3",
        """LG
Florian Berger
Berger & Huber OG
Landstraße 44
4020 Linz
M +43 664 1234567
florian@berger-huber.at""",
        {
            "given_name": "Florian",
            "family_name": "Berger",
            "company": "Berger & Huber OG",
            "legal_form": "OG",
            "street": "Landstraße 44",
            "postcode": "4020",
            "city": "Linz",
            "country": "AT",
            "phones": [("mobile", "+436641234567")],
        },
    ),
    (
        "at-4",
        """Beste Grüße
Ing. Martin Leitner
Leitner Installationen e.U.
Salzachweg 3
A-5020 Salzburg
Tel. 0662 874411
m.leitner@leitner-installationen.at
Firmenbuchnummer: FN 345678c
Firmenbuchgericht: Landesgericht Salzburg""",
        {
            "title": "Ing.",
            "given_name": "Martin",
            "family_name": "Leitner",
            "company": "Leitner Installationen e.U.",
            "legal_form": "e.U.",
            "street": "Salzachweg 3",
            "postcode": "5020",
            "city": "Salzburg",
            "country": "AT",
            "register_number": "FN 345678c",
            "register_court": "Landesgericht Salzburg",
        },
    ),
    (
        "at-5",
        """Freundliche Grüße
Katharina Wimmer
Marketing
Donau Reisen AG
Kärntner Ring 2, 1010 Wien
T +43 1 512 00 00
www.donaureisen.at""",
        {
            "given_name": "Katharina",
            "family_name": "Wimmer",
            "position": "Marketing",
            "company": "Donau Reisen AG",
            "street": "Kärntner Ring 2",
            "postcode": "1010",
            "city": "Wien",
            "country": "AT",
            "website": "www.donaureisen.at",
        },
    ),
    (
        "at-6",
        """Impressum
Tiroler Bergbahnen GmbH
Innrain 15
6020 Innsbruck
Geschäftsführer: Andreas Hofer
Firmenbuch FN 456789d, Landesgericht Innsbruck
UID ATU13585627
E-Mail: info@tiroler-bergbahnen.at""",
        {
            "company": "Tiroler Bergbahnen GmbH",
            "street": "Innrain 15",
            "postcode": "6020",
            "city": "Innsbruck",
            "country": "AT",
            "managing_directors": ["Andreas Hofer"],
            "register_number": "FN 456789d",
            "register_court": "Landesgericht Innsbruck",
            "vat_id": "ATU13585627",
        },
    ),
    (
        "at-7",
        """Mit besten Grüßen
Julia Pichler
Pichler Consulting KG
Hauptplatz 1, 9020 Klagenfurt
Tel: +43 463 55 66 77""",
        {
            "given_name": "Julia",
            "family_name": "Pichler",
            "company": "Pichler Consulting KG",
            "street": "Hauptplatz 1",
            "postcode": "9020",
            "city": "Klagenfurt",
            "country": "AT",
            "phones": [("phone", "+43463556677")],
        },
    ),
    (
        "at-8",
        """Grüße
DI Lukas Bauer
Bauer Engineering GmbH
Mariahilfer Straße 99/3
1060 Wien
+43 1 597 12 34
lukas.bauer@bauer-engineering.at""",
        {
            "given_name": "Lukas",
            "family_name": "Bauer",
            "company": "Bauer Engineering GmbH",
            "street": "Mariahilfer Straße 99/3",
            "postcode": "1060",
            "city": "Wien",
            "country": "AT",
            "phones": [("phone", "+4315971234")],
        },
    ),
    # ---------------------------------------------------------------- Swiss
    (
        "ch-1",
        """Freundliche Grüsse
Reto Meier
Leiter Verkauf
Helvetia Präzision AG
Bahnhofstrasse 10
8001 Zürich
Tel. +41 44 123 45 67
reto.meier@helvetia-praezision.ch
UID: CHE-116.281.710 MWST
Handelsregister des Kantons Zürich""",
        {
            "given_name": "Reto",
            "family_name": "Meier",
            "position": "Leiter Verkauf",
            "company": "Helvetia Präzision AG",
            "street": "Bahnhofstrasse 10",
            "postcode": "8001",
            "city": "Zürich",
            "country": "CH",
            "phones": [("phone", "+41441234567")],
            "vat_id": "CHE-116.281.710 MWST",
            "register_court": "Handelsregister des Kantons Zürich",
        },
    ),
    (
        "ch-2",
        """Impressum
Bernina Software GmbH
Spitalgasse 4
CH-3011 Bern
Telefon: +41 31 311 22 33
E-Mail: info@bernina-software.ch
Handelsregister: Handelsregister des Kantons Bern
MWST-Nr.: CHE-116.281.710 MWST
Geschäftsführer: Urs Zbinden""",
        {
            "company": "Bernina Software GmbH",
            "street": "Spitalgasse 4",
            "postcode": "3011",
            "city": "Bern",
            "country": "CH",
            "register_court": "Handelsregister des Kantons Bern",
            "vat_id": "CHE-116.281.710 MWST",
            "managing_directors": ["Urs Zbinden"],
        },
    ),
    (
        "ch-3",
        """Meilleures salutations
Claire Dubois
Léman Conseil Sàrl
Rue du Rhône 8
1204 Genève
Suisse
T +41 22 700 11 22
claire.dubois@leman-conseil.ch
IDE: CHE-116.281.710 TVA""",
        {
            "given_name": "Claire",
            "family_name": "Dubois",
            "company": "Léman Conseil Sàrl",
            "legal_form": "Sàrl",
            "street": "Rue du Rhône 8",
            "postcode": "1204",
            "city": "Genève",
            "country": "CH",
            "vat_id": "CHE-116.281.710 TVA",
        },
    ),
    (
        "ch-4",
        """Beste Grüsse
Simone Keller
Keller Treuhand AG
Pilatusstrasse 20, 6003 Luzern
Tel: 041 210 33 44
Mobile: +41 79 123 45 67
s.keller@keller-treuhand.ch""",
        {
            "given_name": "Simone",
            "family_name": "Keller",
            "company": "Keller Treuhand AG",
            "street": "Pilatusstrasse 20",
            "postcode": "6003",
            "city": "Luzern",
            "country": "CH",
            "phones": [("phone", "0412103344"), ("mobile", "+41791234567")],
        },
    ),
    (
        "ch-5",
        """Freundliche Grüsse
Daniel Brunner
CEO
Brunner Medtech AG
Aeschenvorstadt 36
4051 Basel
Schweiz
+41 61 260 70 80
www.brunner-medtech.ch
Handelsregister des Kantons Basel-Stadt, CHE-116.281.710""",
        {
            "given_name": "Daniel",
            "family_name": "Brunner",
            "position": "CEO",
            "company": "Brunner Medtech AG",
            "street": "Aeschenvorstadt 36",
            "postcode": "4051",
            "city": "Basel",
            "country": "CH",
            "register_court": "Handelsregister des Kantons Basel-Stadt",
        },
    ),
    (
        "ch-6",
        """Cordiali saluti
Marco Rossi
Ticino Logistica SA
Via Nassa 5
6900 Lugano
Tel. +41 91 922 33 44
marco.rossi@ticino-logistica.ch
CHE-116.281.710 IVA""",
        {
            "given_name": "Marco",
            "family_name": "Rossi",
            "company": "Ticino Logistica SA",
            "legal_form": "SA",
            "street": "Via Nassa 5",
            "postcode": "6900",
            "city": "Lugano",
            "country": "CH",
            "vat_id": "CHE-116.281.710 IVA",
        },
    ),
    (
        "ch-7",
        """Gruss
Nadine Huber
Huber Holzbau GmbH
Dorfstrasse 12
9000 St. Gallen
Telefon 071 222 33 44
nadine@huber-holzbau.ch""",
        {
            "given_name": "Nadine",
            "family_name": "Huber",
            "company": "Huber Holzbau GmbH",
            "street": "Dorfstrasse 12",
            "postcode": "9000",
            "city": "St. Gallen",
            "country": "CH",
        },
    ),
    (
        "ch-8",
        """Impressum
Alpina Versicherungen AG
Bundesplatz 1
3003 Bern
Handelsregister des Kantons Bern
UID CHE-116.281.710
E-Mail: kontakt@alpina-versicherungen.ch""",
        {
            "company": "Alpina Versicherungen AG",
            "street": "Bundesplatz 1",
            "postcode": "3003",
            "city": "Bern",
            "country": "CH",
            "register_court": "Handelsregister des Kantons Bern",
            "vat_id": "CHE-116.281.710",
        },
    ),
    # ---------------------------------------------------------------- UK
    (
        "uk-1",
        """Kind regards,

Oliver Bennett
Head of Procurement
Bennett & Clarke Ltd
10 Downing Street
London SW1A 2AA
Tel: +44 20 7946 0958
Mobile: +44 7700 900123
oliver.bennett@bennettclarke.co.uk
Registered in England and Wales No. 01234567
VAT Reg. No. GB 980 7806 84""",
        {
            "given_name": "Oliver",
            "family_name": "Bennett",
            "position": "Head of Procurement",
            "company": "Bennett & Clarke Ltd",
            "legal_form": "Ltd",
            "street": "10 Downing Street",
            "postcode": "SW1A 2AA",
            "city": "London",
            "country": "GB",
            "phones": [("phone", "+442079460958"), ("mobile", "+447700900123")],
            "register_court": "Registered in England and Wales",
            "register_number": "01234567",
            "vat_id": "GB980780684",
        },
    ),
    (
        "uk-2",
        """Best regards
Emily Carter
Marketing Manager
Northern Lights Media Limited
45 Deansgate
Manchester M3 2BW
United Kingdom
T: 0161 496 0123
emily.carter@northernlights.co.uk
www.northernlights.co.uk""",
        {
            "given_name": "Emily",
            "family_name": "Carter",
            "position": "Marketing Manager",
            "company": "Northern Lights Media Limited",
            "legal_form": "Limited",
            "street": "45 Deansgate",
            "postcode": "M3 2BW",
            "city": "Manchester",
            "country": "GB",
            "phones": [("phone", "01614960123")],
            "website": "www.northernlights.co.uk",
        },
    ),
    (
        "uk-3",
        """Cheers,
James O'Neill
Director
Thistle Analytics Ltd.
12 George Street
Edinburgh, EH2 2PF
Phone: +44 131 496 0000
james@thistle-analytics.co.uk
Registered in Scotland, Company No. SC123456""",
        {
            "family_name": "O'Neill",
            "given_name": "James",
            "position": "Director",
            "company": "Thistle Analytics Ltd.",
            "street": "12 George Street",
            "postcode": "EH2 2PF",
            "city": "Edinburgh",
            "country": "GB",
            "register_court": "Registered in Scotland",
            "register_number": "SC123456",
        },
    ),
    (
        "uk-4",
        """Regards
Sophie Turner
Account Executive
Cardiff Bay Digital plc
Unit 5, Atlantic Wharf
Cardiff
CF10 4AA
Tel: 029 2018 0000""",
        {
            "given_name": "Sophie",
            "family_name": "Turner",
            "position": "Account Executive",
            "company": "Cardiff Bay Digital plc",
            "legal_form": "plc",
            "street": "Unit 5, Atlantic Wharf",
            "postcode": "CF10 4AA",
            "city": "Cardiff",
            "country": "GB",
        },
    ),
    (
        "uk-5",
        """Thanks,
Harry Patel
Patel Pharma LLP
221B Baker Street, London NW1 6XE
+44 20 7224 3688
harry@patelpharma.co.uk""",
        {
            "given_name": "Harry",
            "family_name": "Patel",
            "company": "Patel Pharma LLP",
            "legal_form": "LLP",
            "street": "221B Baker Street",
            "postcode": "NW1 6XE",
            "city": "London",
            "country": "GB",
            "phones": [("phone", "+442072243688")],
        },
    ),
    (
        "uk-6",
        """Best wishes
Charlotte Evans
Operations Director
Evans Freight Ltd
Dock Road
Liverpool L3 4AF
Direct: +44 151 496 0456
charlotte.evans@evansfreight.co.uk
Company registered in England No. 07654321""",
        {
            "given_name": "Charlotte",
            "family_name": "Evans",
            "position": "Operations Director",
            "company": "Evans Freight Ltd",
            "street": "Dock Road",
            "postcode": "L3 4AF",
            "city": "Liverpool",
            "country": "GB",
            "phones": [("phone", "+441514960456")],
            "register_number": "07654321",
        },
    ),
    (
        "uk-7",
        """Kind regards
Daniel Hughes
Hughes & Co Solicitors Ltd
3 Temple Row
Birmingham B2 5LS
T +44 121 496 0789 | M +44 7700 900456
VAT No: GB980780684""",
        {
            "given_name": "Daniel",
            "family_name": "Hughes",
            "company": "Hughes & Co Solicitors Ltd",
            "street": "3 Temple Row",
            "postcode": "B2 5LS",
            "city": "Birmingham",
            "country": "GB",
            "phones": [("phone", "+441214960789"), ("mobile", "+447700900456")],
            "vat_id": "GB980780684",
        },
    ),
    (
        "uk-8",
        """Many thanks
Grace Wilson
Wilson Design Studio Ltd
The Old Mill, Mill Lane
Bristol BS1 6HY
Office: 0117 496 0321
grace@wilsondesign.co.uk
www.wilsondesign.co.uk""",
        {
            "given_name": "Grace",
            "family_name": "Wilson",
            "company": "Wilson Design Studio Ltd",
            "street": "The Old Mill, Mill Lane",
            "postcode": "BS1 6HY",
            "city": "Bristol",
            "country": "GB",
            "phones": [("phone", "01174960321")],
        },
    ),
    # ---------------------------------------------------------------- US
    (
        "us-1",
        """Best,
Michael Johnson
VP of Sales
Golden Gate Robotics, Inc.
350 Mission Street, Suite 400
San Francisco, CA 94105
Office: (415) 555-0123
Cell: 415-555-0199
mjohnson@ggrobotics.com
www.ggrobotics.com""",
        {
            "given_name": "Michael",
            "family_name": "Johnson",
            "position": "VP of Sales",
            "company": "Golden Gate Robotics, Inc.",
            "legal_form": "Inc.",
            "street": "350 Mission Street, Suite 400",
            "postcode": "94105",
            "city": "San Francisco",
            "country": "US",
            "phones": [("phone", "(415)555-0123"), ("mobile", "415-555-0199")],
            "emails": ["mjohnson@ggrobotics.com"],
            "website": "www.ggrobotics.com",
        },
    ),
    (
        "us-2",
        """Thanks,
Sarah Miller
Senior Account Manager
Empire Data LLC
1 World Trade Center
Suite 8500
New York, NY 10007
P: 212.555.0147
sarah.miller@empiredata.com""",
        {
            "given_name": "Sarah",
            "family_name": "Miller",
            "position": "Senior Account Manager",
            "company": "Empire Data LLC",
            "legal_form": "LLC",
            "street": "1 World Trade Center, Suite 8500",
            "postcode": "10007",
            "city": "New York",
            "country": "US",
            "phones": [("phone", "212.555.0147")],
        },
    ),
    (
        "us-3",
        """Regards,
David Brown
Lone Star Energy Corp.
700 Louisiana St, Houston, TX 77002
Phone: +1 713 555 0188
dbrown@lonestarenergy.com""",
        {
            "given_name": "David",
            "family_name": "Brown",
            "company": "Lone Star Energy Corp.",
            "legal_form": "Corp.",
            "street": "700 Louisiana St",
            "postcode": "77002",
            "city": "Houston",
            "country": "US",
            "phones": [("phone", "+17135550188")],
        },
    ),
    (
        "us-4",
        """Cheers
Jessica Davis
Product Marketing
Evergreen Apps Inc
400 Pine Street, Floor 12
Seattle, WA 98101
M: (206) 555-0175
jessica@evergreenapps.io""",
        {
            "given_name": "Jessica",
            "family_name": "Davis",
            "position": "Product Marketing",
            "company": "Evergreen Apps Inc",
            "legal_form": "Inc",
            "street": "400 Pine Street, Floor 12",
            "postcode": "98101",
            "city": "Seattle",
            "country": "US",
            "phones": [("mobile", "(206)555-0175")],
        },
    ),
    (
        "us-5",
        """Sincerely,
Robert Wilson, CPA
Partner
Windy City Advisors LLP
233 S Wacker Dr, Suite 2100
Chicago, IL 60606-6306
Tel: 312-555-0111 | Fax: 312-555-0112
rwilson@windycityadvisors.com""",
        {
            "company": "Windy City Advisors LLP",
            "street": "233 S Wacker Dr, Suite 2100",
            "postcode": "60606-6306",
            "city": "Chicago",
            "country": "US",
            "phones": [("phone", "312-555-0111"), ("fax", "312-555-0112")],
        },
    ),
    (
        "us-6",
        """Best regards,
Emily Chen
Chief Technology Officer
Peachtree Health, Inc.
1180 Peachtree St NE
Atlanta, GA 30309
USA
Direct: +1 (404) 555-0162
emily.chen@peachtreehealth.com""",
        {
            "given_name": "Emily",
            "family_name": "Chen",
            "position": "Chief Technology Officer",
            "company": "Peachtree Health, Inc.",
            "street": "1180 Peachtree St NE",
            "postcode": "30309",
            "city": "Atlanta",
            "country": "US",
            "phones": [("phone", "+1(404)555-0162")],
        },
    ),
    (
        "us-7",
        """Thank you,
Kevin Martinez
Sales Engineer
Desert Sun Solar LLC
2 N Central Ave, Suite 1800
Phoenix, AZ 85004
(602) 555-0133
kevin.martinez@desertsunsolar.com""",
        {
            "given_name": "Kevin",
            "family_name": "Martinez",
            "position": "Sales Engineer",
            "company": "Desert Sun Solar LLC",
            "street": "2 N Central Ave, Suite 1800",
            "postcode": "85004",
            "city": "Phoenix",
            "country": "US",
            "phones": [("phone", "(602)555-0133")],
        },
    ),
    (
        "us-8",
        """Best
Laura Thompson
Thompson & Reed Inc.
100 Federal Street
Boston, MA 02110
United States
T 617-555-0144
laura@thompsonreed.com""",
        {
            "given_name": "Laura",
            "family_name": "Thompson",
            "company": "Thompson & Reed Inc.",
            "street": "100 Federal Street",
            "postcode": "02110",
            "city": "Boston",
            "country": "US",
            "phones": [("phone", "617-555-0144")],
        },
    ),
]
