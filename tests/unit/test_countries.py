"""Country names and codes from pycountry and CLDR (Babel): nothing unknown becomes "DE"."""

from __future__ import annotations

import pytest

from crm_desktop.domain import countries
from crm_desktop.services import validation as v

# every name the hand-written tables of earlier versions knew (they must still resolve)
OLD_NAMES: dict[str, tuple[str, ...]] = {
    "AT": ("austria", "aut", "oesterreich", "österreich"),
    "AU": ("australia", "australien"),
    "BE": ("bel", "belgien", "belgium"),
    "BG": ("bulgaria", "bulgarien"),
    "BR": ("brasilien", "brazil"),
    "CA": ("can", "canada", "kanada"),
    "CH": ("che", "schweiz", "suisse", "switzerland"),
    "CN": ("china",),
    "CZ": ("cze", "czech republic", "tschechien"),
    "DE": ("deu", "deutschland", "germany"),
    "DK": ("denmark", "dnk", "dänemark"),
    "EE": ("estland", "estonia"),
    "ES": ("esp", "spain", "spanien"),
    "FI": ("fin", "finland", "finnland"),
    "FR": ("fra", "france", "frankreich"),
    "GB": (
        "england",
        "gbr",
        "great britain",
        "großbritannien",
        "schottland",
        "scotland",
        "uk",
        "united kingdom",
        "vereinigtes königreich",
        "wales",
    ),
    "GR": ("greece", "griechenland"),
    "HR": ("croatia", "kroatien"),
    "HU": ("hungary", "ungarn"),
    "IE": ("ireland", "irl", "irland"),
    "IL": ("israel",),
    "IN": ("india", "indien"),
    "IS": ("iceland", "island"),
    "IT": ("ita", "italien", "italy"),
    "JP": ("japan",),
    "LI": ("liechtenstein",),
    "LT": ("litauen", "lithuania"),
    "LU": ("lux", "luxembourg", "luxemburg"),
    "LV": ("latvia", "lettland"),
    "MX": ("mexico", "mexiko"),
    "NL": ("netherlands", "niederlande", "nld", "the netherlands"),
    "NO": ("nor", "norway", "norwegen"),
    "NZ": ("neuseeland", "new zealand"),
    "PL": ("pol", "poland", "polen"),
    "PT": ("portugal", "prt"),
    "RO": ("romania", "rumänien"),
    "RU": ("russia", "russland"),
    "SE": ("schweden", "swe", "sweden"),
    "SI": ("slovenia", "slowenien"),
    "SK": ("slovakia", "slowakei"),
    "TR": ("turkey", "türkei", "türkiye"),
    "UA": ("ukraine",),
    "US": (
        "u.s.a.",
        "united states",
        "united states of america",
        "us",
        "usa",
        "vereinigte staaten",
    ),
    "ZA": ("south africa", "südafrika"),
}

KNOWN = {
    # the names issue #15 reported as silently stored as "DE"
    "Indonesia": "ID",
    "Perú": "PE",
    "Peru": "PE",
    "España": "ES",
    "Brasil": "BR",
    "Hong Kong": "HK",
    "Korea, Republic of": "KR",
    "Cayman Islands": "KY",
    # aliases
    "UK": "GB",
    "U.K.": "GB",
    "Great Britain": "GB",
    "Vereinigtes Königreich": "GB",
    "USA": "US",
    "U.S.A.": "US",
    "Vereinigte Staaten": "US",
    "United States of America": "US",
    "Deutschland": "DE",
    "BRD": "DE",
    "Bundesrepublik Deutschland": "DE",
    "Germany": "DE",
    "Österreich": "AT",
    "OESTERREICH": "AT",
    "Schweiz": "CH",
    "Suisse": "CH",
    "Svizzera": "CH",
    "Südkorea": "KR",
    "South Korea": "KR",
    # codes: alpha-2 and alpha-3, any case
    "de": "DE",
    "DEU": "DE",
    "gbr": "GB",
    "Pe": "PE",
    # English, German, other CLDR languages, the countries' own names
    "Czechia": "CZ",
    "Tschechien": "CZ",
    "Elfenbeinküste": None,  # CLDR says "Côte d’Ivoire" in German too
    "Côte d’Ivoire": "CI",
    "Cote d'Ivoire": "CI",
    "México": "MX",
    "Mexiko": "MX",
    "Italia": "IT",
    "Polska": "PL",
    "Sverige": "SE",
    "Suomi": "FI",
    "Ελλάδα": "GR",
    "Island": "IS",
    "Iceland": "IS",
    "Türkei": "TR",
    "Türkiye": "TR",
    "Niederlande": "NL",
    "Holland": "NL",
    "Vereinigte Arabische Emirate": "AE",
    "Neuseeland": "NZ",
    "  united   kingdom ": "GB",
    # not countries: never guessed
    "Südtirol": None,
    "South Tyrol": None,
    "Bayern": None,
    "A": None,
    "EU": None,
    "XX": None,
    "Atlantis": None,
    "Deutschlandd": None,
}


@pytest.mark.parametrize(("text", "code"), list(KNOWN.items()))
def test_lookup(text: str, code: str | None) -> None:
    assert countries.lookup(text) == code


@pytest.mark.parametrize(
    ("text", "code"), [(name, code) for code, names in OLD_NAMES.items() for name in names]
)
def test_every_name_of_the_old_tables_still_resolves(text: str, code: str) -> None:
    assert countries.lookup(text) == code
    assert v.resolve_country(text) == (code, None)


def test_every_iso_country_resolves_by_code_and_english_and_german_name() -> None:
    import babel
    import pycountry

    german = babel.Locale("de").territories
    for country in pycountry.countries:
        code = country.alpha_2
        assert countries.lookup(code) == code
        assert countries.lookup(country.alpha_3) == code
        assert countries.lookup(country.name) == code, country.name
        assert countries.lookup(german[code]) == code, german[code]


def test_fold() -> None:
    assert countries.fold("Korea, Republic of") == "korea republic of"
    assert countries.fold("PERÚ") == "peru"
    assert countries.fold("U.S.A.") == "u s a"


def test_resolve_country_keeps_unknown_names_as_typed_and_empty_means_default() -> None:
    assert v.resolve_country("") == ("DE", None)
    assert v.resolve_country(None, "AT") == ("AT", None)
    assert v.resolve_country("  Südtirol ") == ("", "Südtirol")
    assert v.resolve_country("A") == ("", "A")
    assert v.country_code("Südtirol") == ""  # not "DE"
    assert v.country_code("UK") == "GB"  # not "UK"
    assert v.country_code("Indonesia") == "ID"
