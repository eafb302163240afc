"""Country names and codes: what people type ("Deutschland", "UK", "Perú") → ISO 3166-1.

The table comes from maintained sources, not from a hand-written list: pycountry
(ISO 3166-1 alpha-2 and alpha-3 codes, English short, official and common names)
and Babel's CLDR data (the territory names in German and in the other languages an
address book in Europe meets: French, Italian, Spanish, Portuguese, Dutch, ...).
A few aliases CLDR does not have ("UK", "USA", "BRD", "Holland", the parts of the
United Kingdom) are added on top.

Lookups fold case, accents and punctuation ("PERU", "Perú" and "peru" are one key;
"Korea, Republic of" and "Korea Republic of" too). What the table does not know is
*not* guessed: :func:`lookup` returns None and the caller keeps the text as typed
(a region such as "Südtirol" is not a country and must not become "DE").
"""

from __future__ import annotations

import functools
import re
import unicodedata

import babel
import babel.languages
import pycountry

# languages whose CLDR territory names are accepted ("de" and "en" first: they win
# when two languages spell different countries alike)
LANGUAGES = ("en", "de", "fr", "it", "es", "pt", "nl", "pl", "cs", "da", "sv")

# user-assigned or exceptional codes in common use besides ISO 3166-1
_EXTRA_CODES = {"UK": "GB", "EL": "GR", "XK": "XK"}

# names and abbreviations CLDR does not list (folded like every key)
_ALIASES = {
    "GB": (
        "uk",
        "u k",
        "great britain",
        "grossbritannien",
        "england",
        "scotland",
        "schottland",
        "wales",
        "northern ireland",
        "nordirland",
    ),
    "US": ("usa", "u s a", "u s", "america", "united states of america", "vereinigte staaten"),
    "DE": ("brd", "bundesrepublik deutschland", "federal republic of germany", "deutschland"),
    "AT": ("oesterreich", "republik osterreich"),
    "CH": ("schweiz", "suisse", "svizzera", "svizra", "confoederatio helvetica"),
    "NL": ("holland", "the netherlands", "niederlande"),
    "KR": ("korea", "south korea", "korea south", "republic of korea"),
    "KP": ("north korea", "korea north"),
    "CZ": ("czech republic", "tschechische republik"),
    "RU": ("russia", "russland"),
    "TR": ("turkey", "turkei", "turkiye"),
    "CI": ("ivory coast",),
    "VA": ("vatican",),
    "AE": ("uae",),
    "HK": ("hong kong", "hongkong"),
    "MO": ("macau", "macao"),
}

_PUNCT = re.compile(r"[^\w]+")


def fold(text: str) -> str:
    """The lookup key of a name: no accents, case folded, punctuation as spaces.

    "Perú" → "peru", "Korea, Republic of" → "korea republic of", "Côte d’Ivoire" →
    "cote d ivoire", "U.S.A." → "u s a", "Österreich" → "osterreich".
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_PUNCT.sub(" ", plain).replace("_", " ").split())


@functools.cache
def _table() -> dict[str, str]:
    """Folded name or code → ISO alpha-2 (built once, on first use)."""
    table: dict[str, str] = {}
    codes = {c.alpha_2 for c in pycountry.countries}

    def put(name: str | None, code: str) -> None:
        if name:
            table.setdefault(fold(name), code)

    for country in pycountry.countries:
        code = country.alpha_2
        put(code, code)
        put(country.alpha_3, code)
        for attr in ("name", "common_name", "official_name"):
            put(getattr(country, attr, None), code)
    for language in LANGUAGES:
        for code, name in babel.Locale(language).territories.items():
            if code in codes:
                put(name, code)
    # each country's name in its own official languages ("Suomi", "Ελλάδα", "Polska")
    for code in sorted(codes):
        for language in babel.languages.get_official_languages(code):
            try:
                locale = babel.Locale.parse(language)
            except (ValueError, babel.UnknownLocaleError):
                continue
            put(locale.territories.get(code), code)
    for raw, code in _EXTRA_CODES.items():
        table[fold(raw)] = code
    for code, names in _ALIASES.items():
        for name in names:
            table[fold(name)] = code
    return table


def lookup(text: str | None) -> str | None:
    """The ISO 3166-1 alpha-2 code of a country code or name, or None when unknown.

    Accepts alpha-2 ("de", "UK" → "GB") and alpha-3 codes ("DEU"), English and
    German names and those of the :data:`LANGUAGES`, official names ("Korea,
    Republic of") and the common aliases of :data:`_ALIASES`. Empty text → None.
    """
    key = fold(text or "")
    if not key:
        return None
    return _table().get(key)


def is_country_line(text: str) -> bool:
    """Whether a line of an address label names a country (or is a country code)."""
    return lookup(text) is not None


def english_name(code: str) -> str:
    """The English short name of an ISO code ("DE" → "Germany"); the code if unknown."""
    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)
