"""Signatures and imprints (German and English) become a proposed company and person."""

from __future__ import annotations

from crm_desktop.interop.signature import parse_signature

DE_SIGNATURE = """
Mit freundlichen Grüßen

Dr. Jürgen Müller
Vertriebsleiter

Müller Maschinenbau GmbH
Industriestraße 5
70565 Stuttgart

Tel.: +49 711 123456
Fax: +49 711 123457
Mobil: 0160 9876543
E-Mail: j.mueller@mueller-mb.example
www.mueller-mb.example

Sitz der Gesellschaft: Stuttgart
Amtsgericht Stuttgart, HRB 123456
Geschäftsführer: Jürgen Müller, Petra Klein
USt-IdNr.: DE136695976
"""

IMPRESSUM = """
Impressum
Angaben gemäß § 5 TMG
Köhler & Partner Steuerberatungsgesellschaft mbH
Königsallee 1
40212 Düsseldorf
Vertreten durch: Birgit Weiß-Köhler und Thomas Köhler
Kontakt
Telefon: 0211 555000
Telefax: 0211 555001
E-Mail: info@koehler-partner.example
Registereintrag
Eintragung im Handelsregister.
Registergericht: Amtsgericht Düsseldorf
Registernummer: HRB 98765
Umsatzsteuer-ID
Umsatzsteuer-Identifikationsnummer gemäß § 27 a Umsatzsteuergesetz: DE 136 695 976
"""

EN_SIGNATURE = """
Best regards,
Jane Doe
Head of Procurement
Acme Widgets Ltd
12 High Street
London SW1A 1AA
United Kingdom
T +44 20 7946 0958 | M +44 7700 900123
jane.doe@acme.example | https://www.acme.example
Registered in England and Wales, Company No. 01234567
VAT Reg. No. GB 123 4567 89
"""

ONE_LINE_ADDRESS = """
--
Anna Schäfer · Grafikdesign
Lindenweg 12a, 79098 Freiburg
Tel 0761 123456 · anna@schaefer-design.example
"""


def test_german_signature() -> None:
    p = parse_signature(DE_SIGNATURE)
    assert (p.title, p.given_name, p.family_name) == ("Dr.", "Jürgen", "Müller")
    assert p.position == "Vertriebsleiter"
    assert (p.company, p.legal_form) == ("Müller Maschinenbau GmbH", "GmbH")
    assert (p.street, p.postcode, p.city, p.country) == (
        "Industriestraße 5",
        "70565",
        "Stuttgart",
        "DE",
    )
    assert p.phones == [
        ("phone", "+49 711 123456"),
        ("fax", "+49 711 123457"),
        ("mobile", "0160 9876543"),
    ]
    assert p.emails == ["j.mueller@mueller-mb.example"]
    assert p.website == "www.mueller-mb.example"
    assert (p.register_court, p.register_number) == ("Amtsgericht Stuttgart", "HRB 123456")
    assert p.managing_directors == ["Jürgen Müller", "Petra Klein"]
    assert p.vat_id == "DE136695976"


def test_impressum() -> None:
    p = parse_signature(IMPRESSUM)
    assert p.company == "Köhler & Partner Steuerberatungsgesellschaft mbH"
    assert (p.street, p.postcode, p.city) == ("Königsallee 1", "40212", "Düsseldorf")
    assert ("phone", "0211 555000") in p.phones and ("fax", "0211 555001") in p.phones
    assert p.emails == ["info@koehler-partner.example"]
    assert p.register_number == "HRB 98765"
    assert p.register_court == "Amtsgericht Düsseldorf"
    assert p.managing_directors == ["Birgit Weiß-Köhler", "Thomas Köhler"]
    assert p.vat_id == "DE136695976"


def test_english_signature() -> None:
    p = parse_signature(EN_SIGNATURE)
    assert (p.given_name, p.family_name, p.position) == ("Jane", "Doe", "Head of Procurement")
    assert (p.company, p.legal_form) == ("Acme Widgets Ltd", "Ltd")
    assert (p.street, p.city, p.postcode, p.country) == (
        "12 High Street",
        "London",
        "SW1A 1AA",
        "GB",
    )
    assert p.phones == [("phone", "+44 20 7946 0958"), ("mobile", "+44 7700 900123")]
    assert p.emails == ["jane.doe@acme.example"]
    assert p.website == "https://www.acme.example"
    assert p.register_number == "01234567"
    assert p.vat_id == "GB123456789"


def test_one_line_address_and_no_legal_form() -> None:
    p = parse_signature(ONE_LINE_ADDRESS)
    assert (p.street, p.postcode, p.city) == ("Lindenweg 12a", "79098", "Freiburg")
    assert p.emails == ["anna@schaefer-design.example"]
    assert p.phones == [("phone", "0761 123456")]


def test_garbage_gives_an_empty_proposal() -> None:
    assert not parse_signature("").found_anything
    assert not parse_signature("\x00\x01 ;;; ---").found_anything


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_never_crashes(text: str) -> None:
    parse_signature(text)
