"""Text normalisation: name skeletons, phonetic codes, street and e-mail keys."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

import cologne_phonetics

from crm_desktop.services import textmatch

# ---------------------------------------------------------------- text normalisation

_FOLD_PAIR = re.compile(r"(?<![aeiou])([aou])e")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_RAW_WORD = re.compile(r"[\W_]+")
_VOWELS = re.compile(r"[^aeiouy]+")

TITLES = frozenset(
    [
        "dr",
        "prof",
        "professor",
        "dipl",
        "ing",
        "med",
        "rer",
        "nat",
        "phil",
        "jur",
        "habil",
        "mag",
        "hc",
        "dent",
        "vet",
        "oec",
        "pol",
        "univ",
        "priv",
        "doz",
        "herr",
        "frau",
        "hr",
        "fr",
        "mr",
        "mrs",
        "ms",
        "miss",
        "mba",
        "msc",
        "bsc",
        "llm",
    ]
)
GENERATION = {
    "jun": "jun",
    "jr": "jun",
    "junior": "jun",
    "sen": "sen",
    "sr": "sen",
    "senior": "sen",
}
PARTICLES = frozenset(
    [
        "von",
        "vom",
        "zu",
        "zum",
        "zur",
        "van",
        "de",
        "der",
        "den",
        "di",
        "da",
        "del",
        "la",
        "le",
        "ten",
        "ter",
        "af",
        "av",
        "y",
    ]
)

# nicknames and short forms → one canonical form (German first, some English)
_NICKNAMES: dict[str, tuple[str, ...]] = {
    "johannes": ("hans", "hannes", "johann", "jo", "jojo"),
    "josef": ("sepp", "seppl", "jupp", "joseph", "beppo"),
    "bernhard": ("bernd", "berni"),
    "katharina": ("kathi", "kati", "katrin", "kathrin", "katja", "kate", "kathy", "trina"),
    "alexander": ("alex", "sascha", "xander"),
    "alexandra": ("alexa", "sandra", "sandy"),
    "christian": ("chris", "christ"),
    "christoph": ("stoffel", "toph"),
    "christina": ("tina", "christine", "kristina"),
    "maximilian": ("max", "maxi", "maximus"),
    "friedrich": ("fritz", "friedel", "fred"),
    "franziskus": ("franz", "franzl"),
    "franziska": ("franzi", "ziska"),
    "ulrich": ("uli", "ulli", "ully"),
    "wilhelm": ("willi", "willy", "wim", "helm"),
    "elisabeth": (
        "lisa",
        "liesel",
        "elli",
        "lies",
        "elsbeth",
        "else",
        "sisi",
        "betty",
        "liz",
        "beth",
    ),
    "gabriele": ("gabi", "gaby"),
    "stefanie": ("steffi", "stefi"),
    "susanne": ("susi", "sanne", "suse", "susan"),
    "monika": ("moni",),
    "andreas": ("andi", "andy", "andre", "andrew"),
    "thomas": ("tom", "thommy", "tommy", "tomas"),
    "michael": ("micha", "michi", "mike", "mick"),
    "johanna": ("hanna", "hanne", "jo", "hannah"),
    "anton": ("toni", "tony"),
    "rudolf": ("rudi", "rolf", "ruedi"),
    "heinrich": ("heinz", "heini", "henry", "hinrich", "hein"),
    "karl": ("kalle", "charly", "charlie", "carl", "carlo"),
    "nikolaus": ("klaus", "niklas", "nico", "nick", "claus"),
    "theresia": ("resi", "theresa", "therese", "tessa"),
    "magdalena": ("lena", "leni", "magda", "lene"),
    "helene": ("leni", "lena"),
    "benedikt": ("bene", "ben"),
    "sebastian": ("basti", "bastian", "wastl"),
    "florian": ("flo", "flori"),
    "dominik": ("domi", "dom"),
    "matthias": ("matze", "mathias", "hias", "matt"),
    "tobias": ("tobi", "toby"),
    "robert": ("rob", "robbie", "bob", "bert"),
    "william": ("bill", "will", "billy"),
    "james": ("jim", "jimmy"),
    "david": ("dave", "davy"),
    "daniel": ("dani", "danny", "dan"),
    "margarete": ("grete", "gretel", "margit", "marga", "maggie", "margret"),
    "wolfgang": ("wolf", "wolle"),
    "gottfried": ("friedel", "gotti"),
    "jakob": ("jacob", "jaki", "kobi"),
    "ludwig": ("lutz", "luggi", "louis"),
    "patrick": ("pat", "paddy"),
    "joachim": ("achim", "jochen"),
    "jurgen": ("jorg",),
    "manfred": ("manni", "fred"),
    "reinhard": ("reini",),
    "dorothea": ("dora", "doro", "thea", "dorothee"),
    "barbara": ("babsi", "babette", "barbel"),
    "veronika": ("vroni", "vero"),
    "cornelia": ("conny", "nele", "cora"),
    "annemarie": ("anne", "annemie", "mia"),
    "sophie": ("sofie", "sophia", "sofia"),
    "georg": ("schorsch", "jorg", "george", "jurgen"),
    "ignaz": ("naz",),
    "leopold": ("poldi", "leo"),
    "valentin": ("valle", "vali"),
    "konstantin": ("konny", "kosta"),
    "walter": ("walti", "walther"),
    "werner": ("wern",),
    "gerhard": ("gerd", "gert", "hardy"),
    "bartholomaus": ("bartel", "barthel"),
    "eberhard": ("ebi",),
}


def ascii_fold(text: str) -> str:
    """Lower case, ``ß`` → ``ss``, accents and umlauts stripped (ü → u): the letters
    of :func:`crm_desktop.services.textmatch.fold_letters` (cached)."""
    return textmatch.fold_letters(text)


def _fold(text: str) -> str:
    """:func:`ascii_fold` without the cache, for texts seldom met twice (e-mail names):
    a cache entry costs some 200 bytes."""
    return textmatch.fold_letters_uncached(text)


def fold_token(token: str) -> str:
    """Fold the German transliterations: mueller → muller, joerg → jorg."""
    if "ae" not in token and "oe" not in token and "ue" not in token:
        return token
    return _FOLD_PAIR.sub(r"\1", token)


@lru_cache(maxsize=200_000)
def phonetic(text: str) -> str:
    """Cologne phonetics of ``text`` (letters only, one code)."""
    clean = _NON_WORD.sub("", ascii_fold(text))
    if not clean:
        return ""
    return "".join(code for _word, code in cologne_phonetics.encode(clean))


def _canon_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for canonical, nicks in _NICKNAMES.items():
        key = fold_token(canonical)
        table.setdefault(key, key)
        for nick in nicks:
            table.setdefault(fold_token(nick), key)
    return table


_CANON = _canon_table()


class NameKey(NamedTuple):
    """One name field (given or family) prepared for comparison."""

    plain: str  # lower case, umlauts kept, whitespace squeezed
    toks: tuple[str, ...]  # skeleton tokens without titles and particles
    key: str  # the tokens joined
    flat: str  # the tokens joined before folding ae/oe/ue (for typo distances)
    phon: str  # Cologne phonetics of key
    initials: bool  # every token a single letter ("M.", "H.-P.")
    canon: str  # canonical form of the first token (nicknames)
    generation: str  # "jun", "sen" or ""


@lru_cache(maxsize=300_000)
def name_key(text: str | None) -> NameKey:
    raw = " ".join((text or "").split())
    raw_words = [w for w in _RAW_WORD.split(unicodedata.normalize("NFKC", raw).lower()) if w]
    plain = " ".join(
        w for w in raw_words if ascii_fold(w) not in TITLES and ascii_fold(w) not in GENERATION
    ) or " ".join(raw_words)
    words = [w for w in _NON_WORD.split(ascii_fold(raw)) if w]
    generation = ""
    kept: list[str] = []
    for w in words:
        if w in GENERATION:
            generation = GENERATION[w]
        elif w not in TITLES:
            kept.append(w)
    if not kept:  # never reduce a name to nothing ("Herr" alone stays)
        kept = [w for w in words if w not in GENERATION]
    core = [w for w in kept if w not in PARTICLES] or kept
    toks = tuple(fold_token(w) for w in core)
    key = "".join(toks)
    flat = "".join(core)
    first = toks[0] if toks else ""
    return NameKey(
        plain=plain,
        toks=toks,
        key=key,
        flat=flat,
        phon=phonetic(key) if key else "",
        initials=bool(toks) and all(len(t) == 1 for t in toks),
        canon=_CANON.get(first, first),
        generation=generation,
    )


@lru_cache(maxsize=100_000)
def street_key(street: str | None) -> str:
    s = ascii_fold(street or "")
    s = re.sub(r"stra?(ss|s)e\b|str\b\.?", "str", s)
    return _NON_WORD.sub("", s)


GENERIC_LOCALS = frozenset(
    [
        "info",
        "kontakt",
        "contact",
        "mail",
        "email",
        "office",
        "post",
        "service",
        "hallo",
        "hello",
        "hi",
        "admin",
        "team",
        "buero",
        "buro",
        "verwaltung",
        "vertrieb",
        "sales",
        "support",
        "anfrage",
        "anfragen",
        "empfang",
        "zentrale",
        "rechnung",
        "rechnungen",
        "noreply",
        "no-reply",
        "webmaster",
        "privat",
        "home",
        "familie",
        "family",
        "kanzlei",
        "praxis",
        "mail1",
        "mail2",
        "bestellung",
        "order",
        "orders",
        "shop",
    ]
)
FREEMAIL = frozenset(
    [
        "gmail.com",
        "googlemail.com",
        "web.de",
        "gmx.de",
        "gmx.net",
        "gmx.at",
        "gmx.ch",
        "t-online.de",
        "freenet.de",
        "yahoo.com",
        "yahoo.de",
        "outlook.com",
        "outlook.de",
        "hotmail.com",
        "hotmail.de",
        "live.com",
        "live.de",
        "icloud.com",
        "me.com",
        "mac.com",
        "aol.com",
        "aol.de",
        "posteo.de",
        "mailbox.org",
        "arcor.de",
        "online.de",
        "proton.me",
        "protonmail.com",
        "bluewin.ch",
        "a1.net",
    ]
)


def _email_parts(address: str) -> tuple[str, str]:
    low = address.strip().lower()
    local, _, domain = low.rpartition("@")
    return local, domain


def _local_key(local: str) -> str:  # (not cached: e-mail names seldom repeat)
    return fold_token(_NON_WORD.sub("", _fold(local.split("+", 1)[0])))


def website_domain(url: str | None) -> str:
    text = (url or "").strip().lower()
    text = re.sub(r"^[a-z]+://", "", text)
    text = text.split("/", 1)[0].split(":", 1)[0]
    return text.removeprefix("www.")


def _is_mobile(e164: str) -> bool:
    return e164.startswith(("+4915", "+4916", "+4917", "+4366", "+4367", "+4368", "+417"))


_SALUTATION_GENDER = {
    "herr": "m",
    "hr": "m",
    "mr": "m",
    "mister": "m",
    "frau": "f",
    "fr": "f",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
}


@lru_cache(maxsize=1000)
def _gender(salutation: str | None) -> str:
    word = _NON_WORD.split(ascii_fold(salutation or "").strip())[0] if salutation else ""
    return _SALUTATION_GENDER.get(word, "")
