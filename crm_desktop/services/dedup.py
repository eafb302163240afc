"""Duplicate detection for people and companies: on entry and in bulk.

Names are compared through a *skeleton*: lower case, ``ß`` → ``ss``, accents and
umlauts stripped and the transliterations ``ae``/``oe``/``ue`` folded, so that
Müller = Mueller = Muller, Weiß = Weiss and Jürgen = Juergen; academic titles
(Dr., Prof., Dipl.-Ing.) and name particles (von, van, de) are dropped. Given and
family names are matched separately (exact, umlaut spelling, typo, nickname, initial,
a missing part of a double name, sounding alike by the Cologne phonetics) and also
crosswise, for swapped fields.

The evidence besides the name (birth date, e-mail, phone in E.164, postcode and
street, company, salutation) adds or takes points. The score runs from 0 to 100; a
pair with ``score >= DEFAULT_MIN_SCORE`` is reported, with human reasons (English
source texts; the GUI translates them in the Qt context ``"dedup"``).

Rules that keep false alarms away: different given names (siblings, spouses) never
make a duplicate, whatever else they share; different birth dates, salutations
(Herr/Frau) or generations (jun./sen.) cap the score below the threshold.

The bulk search (:func:`find_duplicates`) loads every table with one query, puts each
record into small *blocks* (phonetic family name + given initial, the unordered pair
of name codes for swaps, birth date, e-mail, e-mail name, phone, address) and scores
only pairs that share a block; big blocks are pre-filtered in C with rapidfuzz. With
numpy the candidate pairs are arrays, big blocks go through ``rapidfuzz.process.cdist``
and a vectorised upper bound of the score leaves only the pairs that may reach the
minimum score to the exact scoring (same result, a fraction of the time); without
numpy every candidate pair is scored. :func:`check_new_person` answers the entry
dialog with a handful of indexed look-ups.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import itertools
import re
import unicodedata
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal, NamedTuple, TypeAlias, TypeVar

import cologne_phonetics
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA
from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from crm_desktop.data.models import Address, Company, Department, Email, Person, Phone, Setting
from crm_desktop.errors import ValidationError
from crm_desktop.services import textmatch
from crm_desktop.services import validation as v

try:  # numpy (also what rapidfuzz.process.cdist needs) makes the bulk search fast
    import numpy as np
    import numpy.typing as npt
except ImportError:  # pragma: no cover - the pure-Python bulk search is used instead
    _NUMPY = False
else:
    _NUMPY = True

DEFAULT_MIN_SCORE = 60
ENTRY_MIN_SCORE = 40
IGNORED_KEY = "dedup.ignored"

Entity = Literal["people", "companies", "both"]
_V = TypeVar("_V", bound=Hashable)
_R = TypeVar("_R")
ProgressFn = Callable[[int, int], object]

# ---------------------------------------------------------------- reasons (English source texts)

R_SAME_NAME = "same name"
R_UMLAUT = "names differ only by umlaut spelling"
R_SPELLING = "names differ only in spelling (accents, hyphens, particles)"
R_SWAPPED = "given and family name swapped"
R_SPLIT = "name split differently into given and family name"
R_TYPO = "typo in name"
R_VARIANT = "variant spelling of the given name"
R_NICKNAME = "nickname of the given name"
R_INITIAL = "given name abbreviated to an initial"
R_GIVEN_PART = "one of several given names"
R_GIVEN_MISSING = "given name missing on one side"
R_FAMILY_PART = "family name shares a part (double name)"
R_FAMILY_MISSING = "family name missing on one side"
R_FAMILY_OTHER = "different family name (married?)"
R_PHONETIC = "family names sound alike"
R_SAME_BIRTH = "same birth date"
R_NEAR_BIRTH = "birth dates differ by one digit"
R_OTHER_BIRTH = "different birth dates"
R_SAME_EMAIL = "same e-mail"
R_EMAIL_LOCAL = "same e-mail name at another domain"
R_EMAIL_SIMILAR = "similar e-mail address"
R_SAME_PHONE = "same phone"
R_OTHER_PHONE = "different phone numbers"
R_SAME_ADDRESS = "same address"
R_SAME_POSTCODE = "same postcode"
R_OTHER_ADDRESS = "different address"
R_SAME_COMPANY = "same company"
R_OTHER_SALUTATION = "different salutation"
R_COMMON_NAME = "common name"
R_OTHER_GENERATION = "junior and senior"
R_ONE_GENERATION = "junior or senior on one side only"
# companies
R_SAME_COMPANY_NAME = "same company name"
R_LEGAL_FORM = "names differ only by legal form"
R_COMPANY_TYPO = "similar company name"
R_COMPANY_ORDER = "same words in another order"
R_COMPANY_PART = "one name contains the other"
R_SAME_VAT = "same VAT id"
R_OTHER_VAT = "different VAT ids"
R_SAME_WEBSITE = "same website"
R_SAME_DOMAIN = "same e-mail domain"
R_OTHER_LEGAL_FORM = "different legal form"

ALL_REASONS: tuple[str, ...] = tuple(
    value for name, value in sorted(globals().items()) if name.startswith("R_")
)


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class Candidate:
    """A possible duplicate of a person being entered."""

    person_id: int
    full_name: str
    company: str | None
    birth_date: dt.date | None
    score: int
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class DuplicatePair:
    """Two records that look like the same person or company; ``a`` is the older one."""

    a: int
    b: int
    score: int
    reasons: tuple[str, ...]
    entity: Literal["person", "company"] = "person"
    a_name: str = ""
    b_name: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "a": self.a,
            "b": self.b,
            "a_name": self.a_name,
            "b_name": self.b_name,
            "score": self.score,
            "reasons": list(self.reasons),
        }


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


# ---------------------------------------------------------------- person records


@dataclass(slots=True)
class PersonRec:
    """A person prepared for scoring.

    The contact values are tuples of distinct values, not frozensets: the bulk search
    holds a record for every person, and a frozenset takes 216 bytes even with one
    value, a 1-tuple 56 (the empty tuple is a single shared object). Two records have
    only a handful of values each, so looking for a common one in tuples is as fast."""

    id: int
    given: NameKey
    family: NameKey
    gender: str
    birth: dt.date | None
    company_id: int | None
    emails: tuple[str, ...]
    locals: tuple[str, ...]
    phones: tuple[str, ...]
    addresses: tuple[tuple[str, str], ...]  # (postcode, street key)
    postcodes: tuple[str, ...]
    cities: tuple[str, ...]
    display: str = ""


def _distinct(values: Iterable[_V]) -> tuple[_V, ...]:
    """The values without repeats, in their first order."""
    return tuple(dict.fromkeys(values))


def _meet(x: tuple[Hashable, ...], y: tuple[Hashable, ...]) -> bool:
    """Whether two (short) tuples of values have one in common."""
    return any(value in y for value in x)


def make_person_rec(
    person_id: int,
    given: str | None,
    family: str | None,
    *,
    title: str | None = None,
    salutation: str | None = None,
    birth_date: dt.date | None = None,
    company_id: int | None = None,
    emails: Iterable[str] = (),
    phones: Iterable[str] = (),
    addresses: Iterable[tuple[str, str, str]] = (),
    display: str = "",
) -> PersonRec:
    """A person prepared for scoring; ``addresses`` are (postcode, street, city)."""
    email_set = _distinct(e.strip().lower() for e in emails if e and "@" in e)
    locals_: tuple[str, ...] = ()
    if email_set:
        found = _distinct(_local_key(e.rpartition("@")[0]) for e in email_set)
        locals_ = tuple(x for x in found if len(x) >= 4 and x not in GENERIC_LOCALS)
    addr: dict[tuple[str, str], None] = {}
    pcs: dict[str, None] = {}
    towns: dict[str, None] = {}
    for postcode, street, city in addresses:
        pc = (postcode or "").strip().upper().replace(" ", "")
        sk = street_key(street)
        if pc:
            pcs[pc] = None
        if city:
            towns[_NON_WORD.sub("", ascii_fold(city))] = None
        if pc and sk:
            addr[(pc, sk)] = None
    gkey = name_key(given)
    fkey = name_key(family)
    if not gkey.generation and title:
        gen = name_key(title).generation
        if gen:
            gkey = gkey._replace(generation=gen)
    return PersonRec(
        person_id,
        gkey,
        fkey,
        _gender(salutation),
        birth_date,
        company_id,
        email_set,
        locals_,
        _distinct(filter(None, phones)),
        tuple(addr),
        tuple(pcs),
        tuple(towns),
        display or " ".join(x for x in (given or "", family or "") if x),
    )


# ---------------------------------------------------------------- name comparison

EXACT, CLOSE, WEAK, MISSING, DIFFERENT = 4, 3, 2, 1, 0


def _umlautish(a: str, b: str) -> bool:
    both = a + b
    return any(ch in both for ch in "äöüß") or any(p in both for p in ("ae", "oe", "ue", "ss"))


@lru_cache(maxsize=100_000)
def _gender_variant(x: str, y: str) -> bool:
    """Daniel/Daniela, Christian/Christiane, Mario/Maria, Alexander/Alexandra."""
    for fem, masc in ((x, y), (y, x)):
        for suffix, masc_suffixes in (
            ("a", ("", "o", "us", "e")),
            ("e", ("", "o", "us")),
            ("ie", ("", "o")),
            ("ine", ("", "o", "us")),
            ("ina", ("", "o", "us")),
            ("ia", ("", "o", "us")),
            ("ra", ("er",)),
        ):
            if fem.endswith(suffix) and len(fem) - len(suffix) >= 3:
                stem = fem[: -len(suffix)]
                if masc.startswith(stem) and masc[len(stem) :] in masc_suffixes and masc != fem:
                    return True
    return False


def _typo(a: NameKey, b: NameKey, *, strict: bool) -> bool:
    short = min(len(a.key), len(b.key))
    if short < 4:
        return False
    dist = min(
        OSA.distance(a.key, b.key, score_cutoff=2), OSA.distance(a.flat, b.flat, score_cutoff=2)
    )
    if dist <= 1:
        return True
    return not strict and dist <= 2 and short >= 8


def _vowels(text: str) -> str:
    return _VOWELS.sub("", text.replace("y", "i"))


def part_level(a: NameKey, b: NameKey, *, given: bool) -> tuple[int, str | None]:
    """How well two name fields match, and why."""
    return _part_level(a, b, given)


@lru_cache(maxsize=500_000)
def _part_level(a: NameKey, b: NameKey, given: bool) -> tuple[int, str | None]:
    if not a.key or not b.key:
        return MISSING, None
    if a.key == b.key:
        if a.plain == b.plain:
            return EXACT, None
        return EXACT, (R_UMLAUT if _umlautish(a.plain, b.plain) else R_SPELLING)
    if given:
        if a.initials or b.initials:
            short, long_ = (a, b) if len(a.key) <= len(b.key) else (b, a)
            letters = "".join(t[0] for t in long_.toks)
            if short.initials and letters.startswith(short.key):
                return WEAK, R_INITIAL
            return DIFFERENT, None
        if _gender_variant(a.key, b.key) or _gender_variant(a.toks[0], b.toks[0]):
            return DIFFERENT, None
        sa, sb = set(a.toks), set(b.toks)
        if sa <= sb or sb <= sa:
            return CLOSE, R_GIVEN_PART
        if a.canon == b.canon:
            return CLOSE, R_NICKNAME
        if a.phon == b.phon and _vowels(a.key) == _vowels(b.key):
            return CLOSE, R_VARIANT
        if _typo(a, b, strict=True) and not (a.key in KNOWN_GIVEN and b.key in KNOWN_GIVEN):
            return CLOSE, R_TYPO
        return DIFFERENT, None
    if _typo(a, b, strict=False):
        return CLOSE, R_TYPO
    sa, sb = set(a.toks), set(b.toks)
    if (sa & sb) and (sa <= sb or sb <= sa):
        return WEAK, R_FAMILY_PART
    if a.phon and a.phon == b.phon:
        return WEAK, R_PHONETIC
    return DIFFERENT, None


# base points for (given level, family level)
_BASE: dict[tuple[int, int], int] = {
    (EXACT, EXACT): 60,
    (CLOSE, EXACT): 52,
    (EXACT, CLOSE): 52,
    (CLOSE, CLOSE): 40,
    (WEAK, EXACT): 45,
    (WEAK, CLOSE): 35,
    (MISSING, EXACT): 45,
    (MISSING, CLOSE): 30,
    (EXACT, WEAK): 45,
    (CLOSE, WEAK): 35,
    (WEAK, WEAK): 25,
    (MISSING, WEAK): 20,
    (EXACT, MISSING): 30,
    (CLOSE, MISSING): 22,
    (WEAK, MISSING): 12,
    (EXACT, DIFFERENT): 20,
    (CLOSE, DIFFERENT): 10,
}


def _name_score(a: PersonRec, b: PersonRec) -> tuple[int, list[str]]:
    gl, gr = part_level(a.given, b.given, given=True)
    fl, fr = part_level(a.family, b.family, given=False)
    base = _BASE.get((gl, fl), 0)
    reasons: list[str] = []
    if gl == EXACT and fl == EXACT:
        reasons.append(gr or fr or R_SAME_NAME)
        if gr and fr and gr != fr:
            reasons.append(fr)
    else:
        for level, reason, missing in ((gl, gr, R_GIVEN_MISSING), (fl, fr, R_FAMILY_MISSING)):
            if reason and reason not in reasons:
                reasons.append(reason)
            elif level == MISSING and (a.given.key or a.family.key):
                reasons.append(missing)
        if fl == DIFFERENT and base:
            reasons.append(R_FAMILY_OTHER)
    if base < 60 and a.given.key and a.family.key and b.given.key and b.family.key:
        # swapped fields
        sg, sgr = part_level(a.given, b.family, given=False)
        sf, sfr = part_level(a.family, b.given, given=False)
        if sg >= CLOSE and sf >= CLOSE:
            swapped = _BASE.get((sf, sg), 0) - 5
            if swapped > base:
                base = swapped
                reasons = [R_SWAPPED] + [r for r in (sgr, sfr) if r and r != R_UMLAUT]
    if base < 52:
        # the whole name in one field, or split at another place
        ta = sorted(a.given.toks + a.family.toks)
        tb = sorted(b.given.toks + b.family.toks)
        if ta == tb and len(ta) >= 2:
            base, reasons = 52, [R_SPLIT]
    return base, reasons


def _name_locals(r: PersonRec) -> frozenset[str]:
    """E-mail names that just spell the person's name (max.mueller, m.mueller, muellermax)."""
    return _name_forms(r.given.key, r.family.key, r.family.plain)


def _name_forms(given: str, family: str, family_plain: str) -> frozenset[str]:
    fam_all = "".join(fold_token(w) for w in _NON_WORD.split(ascii_fold(family_plain)) if w)
    out: set[str] = set()
    for f in {family, fam_all}:
        out |= {f, given + f, f + given}
        if given:
            out |= {given[0] + f, f + given[0]}
    return frozenset(out)


_DIGITS = re.compile(r"\d+")


@lru_cache(maxsize=200_000)
def _without_digits(local: str) -> str:
    return _DIGITS.sub("", local)


def _derived(local: str, forms: frozenset[str]) -> bool:
    return _without_digits(local) in forms


def _near_date(a: dt.date, b: dt.date) -> bool:
    sa, sb = a.strftime("%Y%m%d"), b.strftime("%Y%m%d")
    if sum(x != y for x, y in zip(sa, sb, strict=True)) == 1:
        return True
    return a.year == b.year and a.day == b.month and a.month == b.day


def score_people(a: PersonRec, b: PersonRec, *, name_count: int = 0) -> tuple[int, tuple[str, ...]]:
    """Score 0..100 that ``a`` and ``b`` are the same person, with the reasons.

    ``name_count`` is how many records carry this very name (bulk search): a name
    shared by three or more people says less than a rare one."""
    base, reasons = _name_score(a, b)
    if base <= 0:
        return 0, ()
    score = base
    cap = 100
    negatives: list[str] = []
    if name_count >= 3 and base >= 60:
        score -= 10
        negatives.append(R_COMMON_NAME)
    if a.birth is not None and b.birth is not None:
        if a.birth == b.birth:
            score += 30
            reasons.append(R_SAME_BIRTH)
        elif _near_date(a.birth, b.birth):
            reasons.append(R_NEAR_BIRTH)
        else:
            score -= 40
            cap = 45
            negatives.append(R_OTHER_BIRTH)
    if _meet(a.emails, b.emails):
        score += 30
        reasons.append(R_SAME_EMAIL)
    elif a.locals and b.locals:
        # "max.mueller" at two domains says little beyond the name; "maxi87" says more
        forms = _name_locals(a) | _name_locals(b)
        common = [x for x in a.locals if x in b.locals]
        if common:
            score += 4 if all(_derived(x, forms) for x in common) else 15
            reasons.append(R_EMAIL_LOCAL)
        elif any(
            fuzz.ratio(x, y, score_cutoff=85) and not (_derived(x, forms) and _derived(y, forms))
            for x in a.locals
            for y in b.locals
        ):
            score += 5
            reasons.append(R_EMAIL_SIMILAR)
        else:
            score -= 4
    elif a.emails and b.emails:
        score -= 4
    common_phones = [p for p in a.phones if p in b.phones]
    if common_phones:
        score += 30 if any(_is_mobile(p) for p in common_phones) else 22
        reasons.append(R_SAME_PHONE)
    elif a.phones and b.phones:
        score -= 6
        negatives.append(R_OTHER_PHONE)
    if _meet(a.addresses, b.addresses):
        score += 12
        reasons.append(R_SAME_ADDRESS)
    elif _meet(a.postcodes, b.postcodes):
        reasons.append(R_SAME_POSTCODE)
    elif a.postcodes and b.postcodes and not _meet(a.cities, b.cities):
        score -= 12
        negatives.append(R_OTHER_ADDRESS)
    if a.company_id is not None and a.company_id == b.company_id:
        score += 8
        reasons.append(R_SAME_COMPANY)
    if a.gender and b.gender and a.gender != b.gender:
        score -= 40
        cap = min(cap, 40)
        negatives.append(R_OTHER_SALUTATION)
    gens = {a.given.generation or a.family.generation, b.given.generation or b.family.generation}
    if gens == {"jun", "sen"}:
        cap = min(cap, 30)
        negatives.append(R_OTHER_GENERATION)
    elif len(gens) == 2:  # "jun." on one side only: father and son of the same name?
        cap = min(cap, 55)
        negatives.append(R_ONE_GENERATION)
    score = max(0, min(score, cap, 100))
    return score, tuple(reasons + negatives)


# ---------------------------------------------------------------- companies

_LEGAL_FORMS = re.compile(
    r"""(?x)
    \b(?:gmbh|ag|ug|se|ltd|limited|inc|llc|corp|plc)\s*(?:&|und|and|\+)\s*co\.?\s*(?:kgaa|kg|ohg)?
    | \bug\s*\(?\s*haftungsbeschrankt\s*\)?
    | \be\.\s*(?:kfm|kfr|k)\b\.?
    | \be\.\s*v\b\.?
    | \b(?:gmbh|mbh|ag|kgaa|kg|ohg|gbr|ug|partg(?:mbb)?|ltd|limited|inc|incorporated|llc|corp
        |corporation|plc|sarl|s\.a\.r\.l|sa|bv|b\.v|nv|n\.v|srl|spa|oy|ab|as|aps|sas|eg|ek
        |gesmbh|co)\b\.?
    """
)
_AND_WORDS = re.compile(r"\s*(?:&|\+|\bund\b|\band\b)\s*")


class CompanyKey(NamedTuple):
    plain: str
    core: str  # tokens joined by a space, legal form removed
    toks: tuple[str, ...]
    legal: str  # the legal form found ("gmbh", "ag"...)


_LEGAL_NORMAL = re.compile(r"[^a-z&]+")


@lru_cache(maxsize=100_000)
def company_key(name: str | None, legal_form: str | None = None) -> CompanyKey:
    raw = " ".join((name or "").split())
    folded = ascii_fold(raw)
    found = [m.group(0) for m in _LEGAL_FORMS.finditer(folded)]
    core_text = _LEGAL_FORMS.sub(" ", folded)
    core_text = _AND_WORDS.sub(" ", core_text)
    toks = tuple(fold_token(t) for t in _NON_WORD.split(core_text) if t)
    if not toks:  # a name that is nothing but a legal form
        toks = tuple(fold_token(t) for t in _NON_WORD.split(folded) if t)
    legal_src = legal_form or (found[-1] if found else "")
    legal = _LEGAL_NORMAL.sub("", ascii_fold(legal_src))
    return CompanyKey(plain=raw.lower(), core=" ".join(toks), toks=toks, legal=legal)


@dataclass(slots=True)
class CompanyRec:
    id: int
    name: CompanyKey
    parent_id: int | None
    vat: str
    domain: str
    phones: frozenset[str]
    emails: frozenset[str]
    domains: frozenset[str]  # e-mail domains that are not freemail
    addresses: frozenset[tuple[str, str]]
    postcodes: frozenset[str]
    cities: frozenset[str]
    display: str = ""


def make_company_rec(
    company_id: int,
    name: str,
    *,
    legal_form: str | None = None,
    parent_id: int | None = None,
    vat_id: str | None = None,
    website: str | None = None,
    emails: Iterable[str] = (),
    phones: Iterable[str] = (),
    addresses: Iterable[tuple[str, str, str]] = (),
) -> CompanyRec:
    email_set = frozenset(e.strip().lower() for e in emails if e and "@" in e)
    domains = frozenset(
        d for d in (_email_parts(e)[1] for e in email_set) if d and d not in FREEMAIL
    )
    addr_set, postcodes, cities = set(), set(), set()
    for postcode, street, city in addresses:
        pc = (postcode or "").strip().upper().replace(" ", "")
        if pc:
            postcodes.add(pc)
        if city:
            cities.add(_NON_WORD.sub("", ascii_fold(city)))
        sk = street_key(street)
        if pc and sk:
            addr_set.add((pc, sk))
    vat = re.sub(r"[^A-Z0-9]", "", (vat_id or "").upper())
    return CompanyRec(
        id=company_id,
        name=company_key(name, legal_form),
        parent_id=parent_id,
        vat=vat,
        domain=website_domain(website),
        phones=frozenset(p for p in phones if p),
        emails=email_set,
        domains=domains,
        addresses=frozenset(addr_set),
        postcodes=frozenset(postcodes),
        cities=frozenset(cities),
        display=name,
    )


def _company_name_score(a: CompanyKey, b: CompanyKey) -> tuple[int, str | None]:
    if not a.core or not b.core:
        return 0, None
    if a.core == b.core:
        if a.plain == b.plain:
            return 60, R_SAME_COMPANY_NAME
        if a.legal != b.legal:
            return 60, R_LEGAL_FORM
        if _umlautish(a.plain, b.plain):
            return 60, R_UMLAUT
        return 60, R_SAME_COMPANY_NAME
    ka, kb = a.core.replace(" ", ""), b.core.replace(" ", "")
    if ka == kb:
        return 58, R_SPELLING
    if sorted(a.toks) == sorted(b.toks):
        return 55, R_COMPANY_ORDER
    short = min(len(ka), len(kb))
    dist = OSA.distance(ka, kb, score_cutoff=3)
    if short >= 5 and (dist <= 1 or (dist <= 2 and short >= 10)):
        return 50, R_COMPANY_TYPO
    sa, sb = set(a.toks), set(b.toks)
    small = sa if len(sa) <= len(sb) else sb
    if (sa <= sb or sb <= sa) and any(len(t) >= 4 for t in small):
        return 35, R_COMPANY_PART
    return 0, None


def score_companies(a: CompanyRec, b: CompanyRec) -> tuple[int, tuple[str, ...]]:
    """Score 0..100 that two companies are the same, with the reasons."""
    if a.parent_id == b.id or b.parent_id == a.id:
        return 0, ()  # a branch is not a duplicate of its parent
    base, reason = _company_name_score(a.name, b.name)
    same_vat = bool(a.vat) and a.vat == b.vat
    if base == 0 and not same_vat and not (a.domain and a.domain == b.domain):
        return 0, ()
    reasons: list[str] = [reason] if reason else []
    negatives: list[str] = []
    score = base or 20
    cap = 100
    if same_vat:
        score += 40
        reasons.append(R_SAME_VAT)
    elif a.vat and b.vat:
        score -= 60
        cap = 30
        negatives.append(R_OTHER_VAT)
    if a.domain and a.domain == b.domain:
        score += 30
        reasons.append(R_SAME_WEBSITE)
    elif a.emails & b.emails:
        score += 20
        reasons.append(R_SAME_EMAIL)
    elif a.domains & b.domains:
        score += 15
        reasons.append(R_SAME_DOMAIN)
    if a.phones & b.phones:
        score += 20
        reasons.append(R_SAME_PHONE)
    if a.addresses & b.addresses:
        score += 15
        reasons.append(R_SAME_ADDRESS)
    elif (
        a.postcodes
        and b.postcodes
        and not (a.postcodes & b.postcodes)
        and not (a.cities & b.cities)
    ):
        score -= 12
        negatives.append(R_OTHER_ADDRESS)
    if a.name.legal and b.name.legal and a.name.legal != b.name.legal and reason != R_LEGAL_FORM:
        score -= 5
        negatives.append(R_OTHER_LEGAL_FORM)
    score = max(0, min(score, cap, 100))
    return score, tuple(reasons + negatives)


# ---------------------------------------------------------------- loading (one query per table)


def _contacts(
    session: Session, owner_col: str, ids: Sequence[int] | None
) -> tuple[
    dict[int, list[str]],
    dict[int, list[str]],
    dict[int, list[tuple[str, str, str]]],
]:
    emails: dict[int, list[str]] = defaultdict(list)
    phones: dict[int, list[str]] = defaultdict(list)
    addresses: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
    e_owner = getattr(Email, owner_col)
    p_owner = getattr(Phone, owner_col)
    a_owner = getattr(Address, owner_col)
    eq = select(e_owner, Email.address).where(e_owner.is_not(None))
    pq = select(p_owner, Phone.number).where(p_owner.is_not(None))
    aq = select(a_owner, Address.postcode, Address.street, Address.city).where(a_owner.is_not(None))
    if ids is not None:
        eq, pq, aq = (
            eq.where(e_owner.in_(ids)),
            pq.where(p_owner.in_(ids)),
            aq.where(a_owner.in_(ids)),
        )
    for owner, address in session.execute(eq):
        emails[owner].append(address)
    for owner, number in session.execute(pq):
        phones[owner].append(number)
    for owner, postcode, street, city in session.execute(aq):
        addresses[owner].append((postcode, street, city))
    return emails, phones, addresses


_YIELD_ROWS = 2000  # rows fetched at a time by the streaming loader


class _ByOwner:
    """The rows of a query ordered by owner id (its first column), handed out owner by
    owner in ascending order of the owners asked for; owners never asked for (deleted
    people) are skipped."""

    def __init__(self, rows: Iterable[Sequence[Any]]) -> None:
        self._groups = itertools.groupby(rows, key=lambda row: row[0])
        self._next = next(self._groups, None)

    def take(self, owner: int) -> list[Sequence[Any]]:
        while self._next is not None and self._next[0] < owner:
            self._next = next(self._groups, None)
        if self._next is None or self._next[0] != owner:
            return []
        found = list(self._next[1])
        self._next = next(self._groups, None)
        return found


def load_people(session: Session, ids: Sequence[int] | None = None) -> list[PersonRec]:
    """Every live person (or those in ``ids``) as scoring records, one query per table.

    The four queries are read side by side in the order of the person ids, a few
    thousand rows at a time: neither the rows nor the contacts of all people are ever
    held in memory at once, only the records built from them."""
    q = select(
        Person.id,
        Person.given_name,
        Person.family_name,
        Person.title,
        Person.salutation,
        Person.birth_date,
        Person.company_id,
    ).where(Person.deleted_at.is_(None), Person.anonymized_at.is_(None))
    eq = select(Email.person_id, Email.address).where(Email.person_id.is_not(None))
    pq = select(Phone.person_id, Phone.number).where(Phone.person_id.is_not(None))
    aq = select(Address.person_id, Address.postcode, Address.street, Address.city).where(
        Address.person_id.is_not(None)
    )
    if ids is not None:
        q = q.where(Person.id.in_(ids))
        eq = eq.where(Email.person_id.in_(ids))
        pq = pq.where(Phone.person_id.in_(ids))
        aq = aq.where(Address.person_id.in_(ids))

    def stream(stmt: Any, owner: Any) -> Iterable[Sequence[Any]]:
        return session.execute(stmt.order_by(owner).execution_options(yield_per=_YIELD_ROWS))

    emails = _ByOwner(stream(eq, Email.person_id))
    phones = _ByOwner(stream(pq, Phone.person_id))
    addresses = _ByOwner(stream(aq, Address.person_id))
    # one object per distinct birth date, company id, full name and postcode, city and
    # address tuple: the database hands out new ones for every row, and many people
    # share them
    births: dict[dt.date | None, dt.date | None] = {}
    companies: dict[int | None, int | None] = {}
    displays: dict[str, str] = {}
    places: dict[tuple[Any, ...], Any] = {}
    out: list[PersonRec] = []
    for pid, given, family, title, salutation, birth, company_id in stream(q, Person.id):
        display = " ".join(x for x in (title or "", given or "", family or "") if x)
        rec = make_person_rec(
            pid,
            given,
            family,
            title=title,
            salutation=salutation,
            birth_date=births.setdefault(birth, birth),
            company_id=companies.setdefault(company_id, company_id),
            emails=[row[1] for row in emails.take(pid)],
            phones=[row[1] for row in phones.take(pid)],
            addresses=[(pc, street, city) for _o, pc, street, city in addresses.take(pid)],
            display=displays.setdefault(display, display),
        )
        if rec.postcodes or rec.cities:
            rec.addresses = places.setdefault(rec.addresses, rec.addresses)
            rec.postcodes = places.setdefault(rec.postcodes, rec.postcodes)
            rec.cities = places.setdefault(rec.cities, rec.cities)
        out.append(rec)
    return out


def load_companies(session: Session, ids: Sequence[int] | None = None) -> list[CompanyRec]:
    q = select(
        Company.id,
        Company.name,
        Company.legal_form,
        Company.parent_id,
        Company.vat_id,
        Company.website,
    ).where(Company.deleted_at.is_(None))
    if ids is not None:
        q = q.where(Company.id.in_(ids))
    rows = session.execute(q.order_by(Company.id)).all()
    emails, phones, addresses = _contacts(session, "company_id", ids)
    return [
        make_company_rec(
            cid,
            name,
            legal_form=legal,
            parent_id=parent,
            vat_id=vat,
            website=web,
            emails=emails.get(cid, ()),
            phones=phones.get(cid, ()),
            addresses=addresses.get(cid, ()),
        )
        for cid, name, legal, parent, vat, web in rows
    ]


# ---------------------------------------------------------------- blocking

SMALL_BLOCK = 12  # up to this size every pair of a block is scored
_GIVEN_FILTERED = frozenset({"F", "A", "D"})
MAX_BLOCK = 5000  # a key shared by more records is no evidence at all


def _person_keys(r: PersonRec) -> list[tuple[Any, ...]]:
    g = r.given
    f = r.family
    keys: list[tuple[Any, ...]] = list(_name_blocks(g, f))
    initials = _initial_codes(g)
    if r.birth is not None:
        for ini in initials:
            keys.append(("D", r.birth, ini))
        if f.phon:
            keys.append(("DF", r.birth, f.phon))
    for e in r.emails:
        keys.append(("E", e))
    for local in r.locals:
        keys.append(("L", local))
    for p in r.phones:
        keys.append(("P", p))
    for pc, sk in r.addresses:
        for ini in initials:
            keys.append(("A", pc, sk, ini))
    return keys


def _name_blocks(g: NameKey, f: NameKey) -> tuple[tuple[str, ...], ...]:
    """The blocks of a name: phonetic family name (and of each part of a double name)
    with the given initial, the sorted pair of name codes, the sorted name tokens.

    (Not cached: an entry per distinct full name would hold some 400 bytes, 25 MB for
    60k names, to save a microsecond a call.)"""
    keys: list[tuple[str, ...]] = []
    initials = _initial_codes(g)
    fam_codes = {f.phon} if f.phon else set()
    if len(f.toks) > 1:
        fam_codes.update(phonetic(tok) for tok in f.toks if len(tok) >= 3)
    for code in fam_codes:
        for ini in initials:
            keys.append(("F", code, ini))
    if g.phon and f.phon:
        keys.append(("N", *sorted((phonetic(g.toks[0]), f.phon))))
        keys.append(("T", *sorted(g.toks + f.toks)))
    elif g.key and not f.key:
        keys.append(("T", *sorted(g.toks)))
    return tuple(keys)


_INITIAL_SOUND = {"c": "k", "v": "f", "w": "f", "z": "s", "y": "j"}


@lru_cache(maxsize=100_000)
def _initial_codes(g: NameKey) -> frozenset[str]:
    """First letter of the given name by sound (Christina and Kristina agree), of the
    name as written and of its canonical form (Hans → Johannes)."""
    if not g.key:
        return frozenset({""})
    out = set()
    for first in (g.toks[0], g.canon):
        if not first:
            continue
        head = "f" if first.startswith("ph") else first[0]
        if head in "aeiou":
            head = "a"
        out.add(_INITIAL_SOUND.get(head, head))
    return frozenset(out)


def _company_keys(r: CompanyRec) -> list[tuple[Any, ...]]:
    keys: list[tuple[Any, ...]] = []
    for tok in r.name.toks:
        if len(tok) >= 3:
            keys.append(("C", phonetic(tok)))
    if r.name.core:
        keys.append(("K", r.name.core.replace(" ", "")[:4]))
    if r.vat:
        keys.append(("V", r.vat))
    if r.domain:
        keys.append(("W", r.domain))
    for d in r.domains:
        keys.append(("W", d))
    for p in r.phones:
        keys.append(("P", p))
    for pc, sk in r.addresses:
        keys.append(("A", pc, sk))
    return keys


def _company_name(r: CompanyRec) -> str:
    return r.name.core


def _candidate_pairs(
    keys_of: Sequence[list[tuple[Any, ...]]],
    names: Sequence[str],
    *,
    prefilter_cutoff: float,
    given_names: Sequence[str] | None = None,
) -> set[tuple[int, int]]:
    """Index pairs (i < j) that share at least one block.

    Big blocks are pre-filtered in C (rapidfuzz): blocks whose key already holds the
    family name ("F", "A", "D") by the given names (an empty one or an initial meets
    everyone), the others by the whole name."""
    blocks: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for i, keys in enumerate(keys_of):
        for key in set(keys):
            blocks[key].append(i)
    pairs: set[tuple[int, int]] = set()
    for key, members in blocks.items():
        n = len(members)
        if n < 2 or n > MAX_BLOCK:
            continue
        if n <= SMALL_BLOCK:
            for x in range(n):
                i = members[x]
                for y in range(x + 1, n):
                    j = members[y]
                    pairs.add((i, j) if i < j else (j, i))
        elif given_names is not None and key[0] in _GIVEN_FILTERED:
            pairs.update(_prefiltered(members, given_names, 70, short_meets_all=True))
        else:
            pairs.update(_prefiltered(members, names, prefilter_cutoff))
    return pairs


def _prefiltered(
    members: list[int], names: Sequence[str], cutoff: float, *, short_meets_all: bool = False
) -> Iterable[tuple[int, int]]:
    """Pairs of a big block whose names are at least roughly alike (rapidfuzz in C)."""
    texts = [names[i] for i in members]
    for x, text in enumerate(texts):
        if x + 1 >= len(texts):
            break
        if short_meets_all and len(text) <= 1:
            for y in range(x + 1, len(texts)):
                i, j = members[x], members[y]
                yield (i, j) if i < j else (j, i)
            continue
        rest = texts[x + 1 :]
        for _match, _score, y in process.extract(
            text, rest, scorer=fuzz.token_set_ratio, score_cutoff=cutoff, limit=None
        ):
            i, j = members[x], members[x + 1 + y]
            yield (i, j) if i < j else (j, i)
        if short_meets_all:
            for y in range(x + 1, len(texts)):
                if len(texts[y]) <= 1:
                    i, j = members[x], members[y]
                    yield (i, j) if i < j else (j, i)


def _prefilter_given(r: PersonRec) -> str:
    return _given_text(r.given)


@lru_cache(maxsize=100_000)
def _given_text(g: NameKey) -> str:
    if not g.key or g.initials:
        return g.key[:1]
    return " ".join(_CANON.get(t, t) for t in g.toks)


def _person_blocking_name(r: PersonRec) -> str:
    return " ".join((*r.given.toks, *r.family.toks))


def _report(progress: ProgressFn | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


# ---------------------------------------------------------------- bulk search, vectorised
#
# With numpy the candidate pairs are built as arrays (one int64 code i * n + j per
# pair), big blocks are compared with ``rapidfuzz.process.cdist`` on their distinct
# names only, and every candidate pair gets an *upper bound* of its score from a few
# per-record numbers (name keys, birth date, contacts, salutation ...). Only pairs
# whose bound reaches ``min_score`` are scored in Python with :func:`score_people` /
# :func:`score_companies`, so the result is exactly that of scoring every candidate.

_PAD = 4  # contact values per record compared in the bound; more count as shared
_PARALLEL_CELLS = 40_000  # a cdist this big runs on every core
_BOUND_CHUNK = 1 << 17  # candidate pairs bounded at a time
_BUCKETS = 16  # ranges of records the candidate codes are gathered in (_CodeSet)
_PENDING = 1 << 19  # candidate codes gathered before they are de-duplicated


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection during the bulk search: it allocates hundreds of
    thousands of small acyclic objects that stay alive until the end, and the collector
    would walk the growing heap again and again for nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _interned(texts: Sequence[str | None]) -> npt.NDArray[np.int64]:
    """An id per text, equal for equal texts; -1 for ``None`` and ``""``."""
    ids: dict[str | None, int] = {t: k for k, t in enumerate(dict.fromkeys(texts))}
    ids[""] = ids[None] = -1
    return np.fromiter(map(ids.__getitem__, texts), np.int64, len(texts))


def _text_ids(texts: Iterable[str], count: int) -> tuple[npt.NDArray[np.int64], list[str]]:
    """An id per text (the empty one too) and the distinct texts by id; ``texts`` may be
    a generator (only the distinct texts are kept)."""
    ids: dict[str, int] = {}
    codes = np.fromiter((ids.setdefault(t, len(ids)) for t in texts), np.int64, count)
    return codes, list(ids)


# the bound of the score for pairs (i[k], j[k]); a string: numpy may be missing
_BoundFn: TypeAlias = (
    "Callable[[npt.NDArray[np.int64], npt.NDArray[np.int64]], npt.NDArray[np.int64]]"
)


class _Values(NamedTuple):
    """Up to ``_PAD`` hashed values per record (-1 = none), whether a record has any
    value and whether it has more than fit (those count as sharing everything)."""

    ids: npt.NDArray[np.int64]
    has: npt.NDArray[np.bool_]
    over: npt.NDArray[np.bool_]
    width: int


def _values(sets: Sequence[Collection[Hashable]]) -> _Values:
    n = len(sets)
    counts = np.fromiter(map(len, sets), np.int64, n)
    total = int(counts.sum())
    flat = np.fromiter(map(hash, itertools.chain.from_iterable(sets)), np.int64, total)
    rows = np.repeat(np.arange(n), counts)
    cols = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    width = min(int(counts.max()), _PAD) if n else 0
    fit = cols < width
    mat = np.full((n, width), -1, dtype=np.int64)
    mat[rows[fit], cols[fit]] = flat[fit]
    return _Values(mat, counts > 0, counts > _PAD, width)


def _shared(
    values: _Values, i: npt.NDArray[np.int64], j: npt.NDArray[np.int64]
) -> npt.NDArray[np.bool_]:
    """Whether the records ``i[k]`` and ``j[k]`` may have a value in common."""
    out = values.over[i] | values.over[j]
    right = [values.ids[j, c] for c in range(values.width)]
    for c in range(values.width):
        left = values.ids[i, c]
        valid = left != -1
        for col in right:
            out |= valid & (left == col)
    return out


def _both(
    values: _Values, i: npt.NDArray[np.int64], j: npt.NDArray[np.int64]
) -> npt.NDArray[np.bool_]:
    return values.has[i] & values.has[j]


def _equal(
    ids: npt.NDArray[np.int64], i: npt.NDArray[np.int64], j: npt.NDArray[np.int64]
) -> npt.NDArray[np.bool_]:
    """Both ids known (not -1) and equal."""
    a = ids[i]
    same: npt.NDArray[np.bool_] = (a != -1) & (a == ids[j])
    return same


def _block_codes(
    members: npt.NDArray[np.int64],
    text_ids: npt.NDArray[np.int64],
    texts: Sequence[str],
    cutoff: float,
    n: int,
    *,
    short_meets_all: bool,
) -> npt.NDArray[np.int64]:
    """The pairs of a big block whose names are at least roughly alike, as codes: each
    distinct name is compared once with every other (rapidfuzz in C)."""
    uniq, inv = np.unique(text_ids[members], return_inverse=True)
    strings = [texts[u] for u in uniq.tolist()]
    k = len(strings)
    scores = process.cdist(
        strings,
        strings,
        scorer=fuzz.token_set_ratio,
        score_cutoff=cutoff,
        dtype=np.uint8,
        workers=-1 if k * k >= _PARALLEL_CELLS else 1,
    )
    alike = scores > 0
    if short_meets_all:
        short = np.fromiter((len(t) <= 1 for t in strings), dtype=bool, count=k)
        alike |= short[:, None] | short[None, :]
    if alike.all():
        return _all_codes(members, n)
    inv = inv.reshape(-1)
    rows, cols = np.nonzero(np.triu(alike[inv][:, inv], 1))
    return members[rows] * n + members[cols]  # members ascend: i < j


def _all_codes(members: npt.NDArray[np.int64], n: int) -> npt.NDArray[np.int64]:
    rows, cols = np.triu_indices(len(members), 1)
    return members[rows] * n + members[cols]


def _shared_blocks(
    records: Sequence[_R], keys: Callable[[_R], Iterable[tuple[Any, ...]]]
) -> tuple[npt.NDArray[np.int64], list[str]]:
    """The blocks that two or more records may share: every (block, record) once as
    the code ``block * n + record``, sorted (so grouped by block, records ascending),
    and the kind of each block (the first item of its key).

    Most keys (an e-mail address, a phone number) belong to one record only and make no
    pair, yet a dict of all keys would be the biggest object of the search. So a first
    pass only hashes the keys; the second puts into the dict just the keys whose hash
    occurs more than once. Keys with equal hashes are still told apart by the dict:
    the blocks are exactly those of the keys. (``keys`` must give a record's keys in
    the same order each time.)"""
    n = len(records)
    hashes = array("q")  # 8 bytes a key, not a list of int objects
    for r in records:
        hashes.extend(map(hash, keys(r)))
    hashed = np.frombuffer(hashes, dtype=np.int64)  # a view, no copy
    order = np.argsort(hashed)
    ordered = hashed[order]
    del hashed
    again = ordered[1:] == ordered[:-1]
    del ordered
    repeated = np.zeros(len(hashes), dtype=bool)
    repeated[1:] = again
    repeated[:-1] |= again
    wanted = np.empty(len(hashes), dtype=bool)
    wanted[order] = repeated
    del hashes, order, again, repeated
    flags = wanted.tobytes()  # one byte (0 or 1) a key: fast to index in Python
    del wanted
    index: dict[tuple[Any, ...], int] = {}
    entries = array("q")
    pos = 0
    for rec, r in enumerate(records):
        for key in keys(r):
            if flags[pos]:
                entries.append(index.setdefault(key, len(index)) * n + rec)
            pos += 1
    return _sorted_unique(np.frombuffer(entries, dtype=np.int64)), [key[0] for key in index]


def _candidate_codes(
    records: Sequence[_R],
    keys: Callable[[_R], Iterable[tuple[Any, ...]]],
    name: Callable[[_R], str],
    *,
    prefilter_cutoff: float,
    given_name: Callable[[_R], str] | None = None,
    alike_kinds: frozenset[str] = frozenset(),
) -> list[npt.NDArray[np.int64]]:
    """What :func:`_candidate_pairs` finds, as codes ``i * n + j`` (i < j), ascending,
    in pieces (see :meth:`_CodeSet.pieces`).

    ``keys``, ``name`` and ``given_name`` give the block keys, the name compared in
    big blocks and the given name compared in big blocks of the kinds that hold the
    family name; they are called record by record, so that the keys or names of all
    records are never held at once. ``alike_kinds``: blocks whose members have alike
    names by construction (no pre-filter needed)."""
    n = len(records)
    entries, kinds = _shared_blocks(records, keys)
    if not kinds:
        return []
    blocks, members = entries // n, entries % n
    del entries
    sizes = np.bincount(blocks, minlength=len(kinds))
    del blocks
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    found = _CodeSet(n)
    for size in range(2, min(SMALL_BLOCK, MAX_BLOCK) + 1):
        first = starts[sizes == size]
        if first.size:
            grid = members[first[:, None] + np.arange(size)]
            rows, cols = np.triu_indices(size, 1)
            found.add((grid[:, rows] * n + grid[:, cols]).reshape(-1))
    big = np.nonzero((sizes > SMALL_BLOCK) & (sizes <= MAX_BLOCK))[0]
    if big.size:
        name_ids, name_texts = _text_ids(map(name, records), n)
        if given_name is not None:
            given_ids, given_texts = _text_ids(map(given_name, records), n)
        for block, start, size in zip(
            big.tolist(), starts[big].tolist(), sizes[big].tolist(), strict=True
        ):
            kind = kinds[block]
            group = members[start : start + size]
            if kind in alike_kinds:
                found.add(_all_codes(group, n))
            elif given_name is not None and kind in _GIVEN_FILTERED:
                found.add(_block_codes(group, given_ids, given_texts, 70, n, short_meets_all=True))
            else:
                found.add(
                    _block_codes(
                        group, name_ids, name_texts, prefilter_cutoff, n, short_meets_all=False
                    )
                )
    return found.pieces()


class _CodeSet:
    """Distinct codes ``i * n + j`` (of ``n`` records), gathered chunk by chunk.

    The blocks overlap (two people with the same name, birth date and phone meet in
    several), so the chunks repeat many codes: 3.6 million for 1.9 million pairs at
    100k people. Concatenating and sorting them all would hold them two or three times
    over. Instead each chunk is cut by ranges of ``i`` into buckets, and whenever some
    ``_PENDING`` codes wait, each bucket is merged with its distinct codes so far: at
    any time little more than the distinct codes is held."""

    def __init__(self, n: int) -> None:
        per_bucket = -(-n // _BUCKETS)  # records, rounded up
        self._cuts = np.arange(1, _BUCKETS, dtype=np.int64) * per_bucket * n
        self._done: list[npt.NDArray[np.int64]] = [np.empty(0, dtype=np.int64)] * _BUCKETS
        self._waiting: list[list[npt.NDArray[np.int64]]] = [[] for _ in range(_BUCKETS)]
        self._pending = 0

    def add(self, codes: npt.NDArray[np.int64]) -> None:
        codes = np.sort(codes)
        for bucket, part in enumerate(np.split(codes, np.searchsorted(codes, self._cuts))):
            if part.size:
                self._waiting[bucket].append(part)
        self._pending += codes.size
        if self._pending >= _PENDING:
            self._merge()

    def _merge(self) -> None:
        for bucket, waiting in enumerate(self._waiting):
            if waiting:
                merged = np.concatenate([self._done[bucket], *waiting])
                waiting.clear()
                merged.sort()
                self._done[bucket] = _unique_of_sorted(merged)
        self._pending = 0

    def pieces(self) -> list[npt.NDArray[np.int64]]:
        """All distinct codes, ascending, in pieces (one per bucket, each after the one
        before: joining them would hold them twice for a moment)."""
        self._merge()
        return [codes for codes in self._done if codes.size]


def _locals_spell_name(r: PersonRec) -> bool:
    """Whether every e-mail name of ``r`` just spells its own name: then a shared one
    brings 4 points, not 15, and a similar one nothing (see :func:`score_people`)."""
    if not r.locals:
        return False
    forms = _name_locals(r)
    return all(_derived(x, forms) for x in r.locals)


def _sorted_unique(values: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """``np.unique`` by sorting (numpy's default can be far slower on big arrays)."""
    return _unique_of_sorted(np.sort(values))


def _unique_of_sorted(values: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    if values.size < 2:
        return values
    keep = np.empty(values.size, dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def _date_digits(d: dt.date | None) -> int:
    """The date as the number YYYYMMDD; -1 for none, below -1 (one number per date)
    when the year has no four digits."""
    if d is None:
        return -1
    if d.year < 1000:
        return -1 - d.toordinal()
    return d.year * 10_000 + d.month * 100 + d.day


class _PeopleColumns(NamedTuple):
    """What the score bound needs of each record, as arrays (built once for all chunks
    of candidate pairs)."""

    given_key: npt.NDArray[np.int64]  # interned name keys, -1 for none
    family_key: npt.NDArray[np.int64]
    common: npt.NDArray[np.bool_]  # a name carried by three or more records
    birth: npt.NDArray[np.int64]  # see _date_digits
    digits: npt.NDArray[np.int8]  # the 8 digits of the birth date
    gender: npt.NDArray[np.int8]  # 1 male, 2 female, 0 unknown
    generation: npt.NDArray[np.int8]  # 1 junior, 2 senior, 0 neither
    company: npt.NDArray[np.int64]  # -1 for none
    phones: _Values
    postcodes: _Values
    cities: _Values
    addresses: _Values
    emails: _Values
    locals_: _Values
    spelled: npt.NDArray[np.int8]  # _locals_spell_name: -1 not known yet, 0 no, 1 yes


def _people_columns(
    records: Sequence[PersonRec], name_counts: Counter[tuple[str, str]]
) -> _PeopleColumns:
    n = len(records)
    keys = _interned([x for r in records for x in (r.given.key, r.family.key)])
    birth = np.fromiter((_date_digits(r.birth) for r in records), dtype=np.int64, count=n)
    genders = {"m": 1, "f": 2}
    gens = {"jun": 1, "sen": 2}
    return _PeopleColumns(
        given_key=keys[0::2],
        family_key=keys[1::2],
        common=np.fromiter(
            (name_counts[(r.given.key, r.family.key)] >= 3 for r in records), dtype=bool, count=n
        ),
        birth=birth,
        digits=np.stack([(birth // 10**k) % 10 for k in range(8)], axis=1).astype(np.int8),
        gender=np.fromiter((genders.get(r.gender, 0) for r in records), np.int8, n),
        generation=np.fromiter(
            (gens.get(r.given.generation or r.family.generation, 0) for r in records), np.int8, n
        ),
        company=np.fromiter(
            (-1 if r.company_id is None else r.company_id for r in records), np.int64, n
        ),
        phones=_values([r.phones for r in records]),
        postcodes=_values([r.postcodes for r in records]),
        cities=_values([r.cities for r in records]),
        addresses=_values([r.addresses for r in records]),
        emails=_values([r.emails for r in records]),
        locals_=_values([r.locals for r in records]),
        spelled=np.full(n, -1, dtype=np.int8),
    )


def _people_bounds(
    records: Sequence[PersonRec],
    name_counts: Counter[tuple[str, str]],
    i: npt.NDArray[np.int64],
    j: npt.NDArray[np.int64],
    min_score: int,
) -> npt.NDArray[np.int64]:
    """An upper bound of :func:`score_people` for each pair (``i[k]``, ``j[k]``)."""
    return _bounds_of(records, _people_columns(records, name_counts), i, j, min_score)


def _bounds_of(
    records: Sequence[PersonRec],
    col: _PeopleColumns,
    i: npt.NDArray[np.int64],
    j: npt.NDArray[np.int64],
    min_score: int,
) -> npt.NDArray[np.int64]:
    """An upper bound of :func:`score_people` for each pair (``i[k]``, ``j[k]``).

    It mirrors the rules of the score: the name gives at most 60 (both keys equal; 50
    for a common name), 55 (given and family name swapped) or else 52; then every bonus
    the shared values could bring, the penalties that are certain and the caps. Bounds
    below ``min_score`` may stay rougher (just the cap, or without a look at the e-mail
    names)."""
    gk, fk, birth = col.given_key, col.family_key, col.birth

    # the caps first: pairs capped below min_score need nothing else
    cap = np.full(len(i), 100, dtype=np.int64)
    # birth dates: the same (+30), one digit or day and month apart (0), else -40, cap 45
    bi, bj = birth[i], birth[j]
    same_birth = (bi != -1) & (bi == bj)
    known = (bi >= 0) & (bj >= 0) & ~same_birth  # without 8 digits: maybe "near"
    far = np.zeros(len(i), dtype=bool)
    sel = np.nonzero(known)[0]
    if sel.size:
        ri, rj = i[sel], j[sel]
        one_digit = (col.digits[ri] != col.digits[rj]).sum(axis=1) == 1
        yi, yj = birth[ri], birth[rj]
        day_month = (yi // 10_000 == yj // 10_000) & (yi % 100 == (yj // 100) % 100)
        day_month &= (yj % 100) == (yi // 100) % 100
        far[sel] = ~(one_digit | day_month)
        cap[far] = 45
    # salutation (cap 40) and generation (junior and senior 30, one side only 55)
    gi, gj = col.gender[i], col.gender[j]
    other_gender = (gi > 0) & (gj > 0) & (gi != gj)
    cap[other_gender] = np.minimum(cap[other_gender], 40)
    ei, ej = col.generation[i], col.generation[j]
    cap = np.where(ei != ej, np.minimum(cap, np.where((ei > 0) & (ej > 0), 30, 55)), cap)
    bounds = cap.copy()
    live = np.nonzero(cap >= min_score)[0]
    i, j, cap = i[live], j[live], cap[live]

    # the name
    exact = _equal(gk, i, j) & _equal(fk, i, j)
    swapped = (gk[i] >= 0) & (gk[i] == fk[j]) & (fk[i] >= 0) & (fk[i] == gk[j])
    score = np.where(exact, np.where(col.common[i], 50, 60), np.where(swapped, 55, 52))
    score += 30 * same_birth[live] - 40 * far[live] - 40 * other_gender[live]
    # phone, address, company
    phones = col.phones
    score += np.where(_shared(phones, i, j), 30, np.where(_both(phones, i, j), -6, 0))
    postcodes, cities = col.postcodes, col.cities
    other_place = _both(postcodes, i, j) & ~_shared(postcodes, i, j) & ~_shared(cities, i, j)
    address = _shared(col.addresses, i, j)
    score += np.where(address, 12, np.where(other_place, -12, 0))
    score += 8 * _equal(col.company, i, j)
    # e-mail: the same (+30); the same e-mail name (+15, or +4 when it just spells the
    # name), a similar one (+5, nothing when both just spell the name), else -4
    emails, locals_ = col.emails, col.locals_
    email = _shared(emails, i, j)
    both_locals = _both(locals_, i, j) & ~email
    local = _shared(locals_, i, j)
    score += np.where(
        email,
        30,
        np.where(both_locals, np.where(local, 15, 5), np.where(_both(emails, i, j), -4, 0)),
    )
    bound = np.maximum(np.minimum(score, cap), 0)
    # only now, for the pairs where it matters: do the e-mail names just spell the name?
    check = np.nonzero((bound >= min_score) & both_locals)[0]
    if check.size:
        spelled = col.spelled
        for r in np.union1d(i[check], j[check]).tolist():
            if spelled[r] < 0:
                spelled[r] = _locals_spell_name(records[r])
        si, sj = spelled[i[check]] == 1, spelled[j[check]] == 1
        cut = np.where(local[check], np.where(si | sj, 11, 0), np.where(si & sj, 9, 0))
        bound[check] = np.maximum(np.minimum(score[check] - cut, cap[check]), 0)
    bounds[live] = bound
    return bounds


def _company_bounds(
    records: Sequence[CompanyRec], i: npt.NDArray[np.int64], j: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """An upper bound of :func:`score_companies` for each pair (``i[k]``, ``j[k]``)."""
    return _company_bound(records)(i, j)


def _company_bound(records: Sequence[CompanyRec]) -> _BoundFn:
    """The upper bound of :func:`score_companies` for pairs of ``records`` (the arrays
    per record built once, for all chunks of pairs): 60 for the same name, 58 spelled
    together, 55 in another order, else 50."""
    n = len(records)
    core = _interned([r.name.core for r in records])
    compact = _interned([r.name.core.replace(" ", "") for r in records])
    ordered = _interned([" ".join(sorted(r.name.toks)) for r in records])
    legal = _interned([r.name.legal for r in records])
    vat = _interned([r.vat for r in records])
    domain = _interned([r.domain for r in records])
    ids = np.fromiter((r.id for r in records), np.int64, n)
    parent = np.fromiter((-1 if r.parent_id is None else r.parent_id for r in records), np.int64, n)
    emails = _values([r.emails for r in records])
    domains = _values([r.domains for r in records])
    phones = _values([r.phones for r in records])
    addresses = _values([r.addresses for r in records])
    postcodes = _values([r.postcodes for r in records])
    cities = _values([r.cities for r in records])

    def bound(i: npt.NDArray[np.int64], j: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        same_core = _equal(core, i, j)
        score = np.where(
            same_core,
            60,
            np.where(_equal(compact, i, j), 58, np.where(_equal(ordered, i, j), 55, 50)),
        )
        cap = np.full(len(i), 100, dtype=np.int64)
        same_vat = _equal(vat, i, j)
        other_vat = (vat[i] >= 0) & (vat[j] >= 0) & ~same_vat
        score += 40 * same_vat - 60 * other_vat
        cap = np.where(other_vat, 30, cap)
        score += np.where(
            _equal(domain, i, j),
            30,
            np.where(_shared(emails, i, j), 20, np.where(_shared(domains, i, j), 15, 0)),
        )
        score += 20 * _shared(phones, i, j)
        other_place = _both(postcodes, i, j) & ~_shared(postcodes, i, j) & ~_shared(cities, i, j)
        score += np.where(_shared(addresses, i, j), 15, np.where(other_place, -12, 0))
        li, lj = legal[i], legal[j]
        score -= 5 * ((li >= 0) & (lj >= 0) & (li != lj) & ~same_core)
        branch = (parent[i] == ids[j]) | (parent[j] == ids[i])
        cap = np.where(branch, 0, cap)
        return np.maximum(0, np.minimum(score, cap))

    return bound


def _kept_pairs(
    codes: npt.NDArray[np.int64], n: int, keep: npt.NDArray[np.bool_], offset: int
) -> list[tuple[int, int, int]]:
    """[(offset + position, i, j)] of the codes kept."""
    where = np.nonzero(keep)[0]
    kept = codes[where]
    return list(
        zip((where + offset).tolist(), (kept // n).tolist(), (kept % n).tolist(), strict=True)
    )


def _all_pairs(pairs: set[tuple[int, int]]) -> tuple[int, list[tuple[int, int, int]]]:
    return len(pairs), [(k, i, j) for k, (i, j) in enumerate(sorted(pairs))]


# ---------------------------------------------------------------- bulk search


def _person_candidates(
    records: Sequence[PersonRec], name_counts: Counter[tuple[str, str]], min_score: int
) -> tuple[int, list[tuple[int, int, int]]]:
    """(count of candidate pairs, [(position, i, j)] of those worth scoring)."""
    # (a person without a given name reaches the threshold only with a shared e-mail,
    # phone or birth date: those blocks bring such pairs together)
    if not _NUMPY:
        return _all_pairs(
            _candidate_pairs(
                [_person_keys(r) for r in records],
                [_person_blocking_name(r) for r in records],
                prefilter_cutoff=45,
                given_names=[_prefilter_given(r) for r in records],
            )
        )
    n = len(records)
    # "T" blocks hold the same name tokens: alike by construction
    pieces = _candidate_codes(
        records,
        _person_keys,
        _person_blocking_name,
        prefilter_cutoff=45,
        given_name=_prefilter_given,
        alike_kinds=frozenset("T"),
    )
    columns = _people_columns(records, name_counts)

    def bound(i: npt.NDArray[np.int64], j: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        return _bounds_of(records, columns, i, j, min_score)

    return _bounded_pairs(pieces, n, bound, min_score)


def _bounded_pairs(
    pieces: list[npt.NDArray[np.int64]], n: int, bound: _BoundFn, min_score: int
) -> tuple[int, list[tuple[int, int, int]]]:
    """(count of the candidate codes, [(position, i, j)] of those whose bound reaches
    ``min_score``); the list of pieces is emptied."""
    total = 0
    pairs: list[tuple[int, int, int]] = []
    pieces.reverse()
    while pieces:
        piece = pieces.pop()  # (freed once bounded)
        # the bounds chunk by chunk: a dozen temporary arrays as long as the chunk, not
        # as long as all the (millions of) candidate pairs
        for start in range(0, piece.size, _BOUND_CHUNK):
            part = piece[start : start + _BOUND_CHUNK]
            bounds = bound(part // n, part % n)
            pairs += _kept_pairs(part, n, bounds >= min_score, total + start)
        total += piece.size
    return total, pairs


def _name_counts(records: Sequence[PersonRec]) -> Counter[tuple[str, str]]:
    return Counter((r.given.key, r.family.key) for r in records)


def find_people_duplicates(
    records: Sequence[PersonRec],
    *,
    min_score: int = DEFAULT_MIN_SCORE,
    progress: ProgressFn | None = None,
) -> list[DuplicatePair]:
    """Pure function: duplicate pairs among already loaded people records."""
    with _gc_paused():
        name_counts = _name_counts(records)
        total, pairs = _person_candidates(records, name_counts, min_score)
        _report(progress, 0, total)
        out: list[DuplicatePair] = []
        for n, (pos, i, j) in enumerate(pairs, 1):
            a, b = records[i], records[j]
            count = name_counts[(a.given.key, a.family.key)] if a.given.key == b.given.key else 0
            score, reasons = score_people(a, b, name_count=count)
            if score >= min_score:
                if a.id > b.id:
                    a, b = b, a
                out.append(
                    DuplicatePair(a.id, b.id, score, reasons, "person", a.display, b.display)
                )
            if n % 5000 == 0:
                _report(progress, pos, total)
        _report(progress, total, total)
    out.sort(key=lambda p: (-p.score, p.a, p.b))
    return out


def find_company_duplicates(
    records: Sequence[CompanyRec],
    *,
    min_score: int = DEFAULT_MIN_SCORE,
    progress: ProgressFn | None = None,
) -> list[DuplicatePair]:
    with _gc_paused():
        if _NUMPY:
            size = len(records)
            pieces = _candidate_codes(records, _company_keys, _company_name, prefilter_cutoff=50)
            total, pairs = _bounded_pairs(pieces, size, _company_bound(records), min_score)
        else:
            total, pairs = _all_pairs(
                _candidate_pairs(
                    [_company_keys(r) for r in records],
                    [_company_name(r) for r in records],
                    prefilter_cutoff=50,
                )
            )
        _report(progress, 0, total)
        out: list[DuplicatePair] = []
        for n, (pos, i, j) in enumerate(pairs, 1):
            a, b = records[i], records[j]
            score, reasons = score_companies(a, b)
            if score >= min_score:
                if a.id > b.id:
                    a, b = b, a
                out.append(
                    DuplicatePair(a.id, b.id, score, reasons, "company", a.display, b.display)
                )
            if n % 5000 == 0:
                _report(progress, pos, total)
        _report(progress, total, total)
    out.sort(key=lambda p: (-p.score, p.a, p.b))
    return out


def find_duplicates(
    session: Session,
    *,
    min_score: int = DEFAULT_MIN_SCORE,
    entity: Entity = "people",
    progress: ProgressFn | None = None,
    include_ignored: bool = False,
) -> list[DuplicatePair]:
    """Duplicate pairs in the whole store, best first. Pairs the user marked as
    "not a duplicate" are left out unless ``include_ignored``."""
    if entity not in ("people", "companies", "both"):
        raise ValidationError(
            "Unknown kind of record “{value}” (people, companies or both).",
            field="entity",
            value=entity,
        )
    result: list[DuplicatePair] = []
    with _gc_paused():
        if entity in ("people", "both"):
            result += find_people_duplicates(
                load_people(session), min_score=min_score, progress=progress
            )
        if entity in ("companies", "both"):
            result += find_company_duplicates(
                load_companies(session), min_score=min_score, progress=progress
            )
    if not include_ignored:
        ignored = ignored_pairs(session)
        result = [p for p in result if (p.entity, p.a, p.b) not in ignored]
    return result


# ---------------------------------------------------------------- on entry


def _case_variants(text: str) -> set[str]:
    t = " ".join(text.split())
    if not t:
        return set()
    out = {t, t.lower(), t.title(), t[:1].upper() + t[1:]}
    return out


def spelling_variants(text: str) -> set[str]:
    """The ways a name may be stored: as typed, with umlauts, with ae/oe/ue, without."""
    base = " ".join(text.split())
    forms = {base}
    for src, alts in (
        ("ä", ("ae", "a")),
        ("ö", ("oe", "o")),
        ("ü", ("ue", "u")),
        ("Ä", ("Ae", "A")),
        ("Ö", ("Oe", "O")),
        ("Ü", ("Ue", "U")),
        ("ß", ("ss",)),
    ):
        for form in list(forms):
            if src in form:
                for alt in alts:
                    forms.add(form.replace(src, alt))
    for form in list(forms):
        for pair, uml in (
            ("ae", "ä"),
            ("oe", "ö"),
            ("ue", "ü"),
            ("Ae", "Ä"),
            ("Oe", "Ö"),
            ("Ue", "Ü"),
        ):
            if pair in form:
                forms.add(form.replace(pair, uml))
        if "ss" in form:
            forms.add(form.replace("ss", "ß"))
    out: set[str] = set()
    for form in forms:
        out |= _case_variants(form)
    return out


def _prefix_range(col: Any, prefix: str) -> Any:
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return and_(col >= prefix, col < upper)


def check_new_person(
    session: Session,
    given: str,
    family: str,
    birth_date: dt.date | None = None,
    emails: Sequence[str] = (),
    phones: Sequence[str] = (),
    limit: int = 5,
    *,
    exclude_id: int | None = None,
    min_score: int = ENTRY_MIN_SCORE,
    region: str = v.DEFAULT_REGION,
) -> list[Candidate]:
    """Possible duplicates of a person being entered, best first.

    Only indexed look-ups: family name (spelling variants, and a range on its first
    letters for typos), swapped names, birth date, e-mail addresses (and the same
    e-mail name at another domain) and phone numbers."""
    given = (given or "").strip()
    family = (family or "").strip()
    e164: list[str] = []
    for raw in phones:
        try:
            e164.append(v.normalize_phone(raw, region))
        except ValidationError:
            continue
    mails = [e.strip().lower() for e in emails if e and "@" in e]
    ids: set[int] = set()
    conds: list[Any] = []
    fam_forms = spelling_variants(family) if family else set()
    giv_forms = spelling_variants(given) if given else set()
    if fam_forms:
        conds.append(Person.family_name.in_(sorted(fam_forms)))
        prefixes = {f[:3] for f in fam_forms if len(f) >= 3}
        for prefix in sorted(prefixes):
            conds.append(_prefix_range(Person.family_name, prefix))
        if giv_forms:
            initials = {g[:1] for g in giv_forms}
            for letter in sorted({f[:1] for f in fam_forms}):
                # sounds alike (Meier/Mayer): same given name, family name with same letter
                conds.append(
                    and_(
                        _prefix_range(Person.family_name, letter),
                        Person.given_name.in_(
                            sorted(giv_forms | initials | {i + "." for i in initials})
                        ),
                    )
                )
    if giv_forms:
        conds.append(Person.family_name.in_(sorted(giv_forms)))  # swapped fields
    if birth_date is not None:
        conds.append(Person.birth_date == birth_date)
    live = and_(Person.deleted_at.is_(None), Person.anonymized_at.is_(None))
    for cond in conds:
        ids.update(session.scalars(select(Person.id).where(cond, live).limit(2000)))
    if mails:
        ids.update(
            pid
            for pid in session.scalars(select(Email.person_id).where(Email.address.in_(mails)))
            if pid is not None
        )
        locals_ = {_email_parts(m)[0] for m in mails}
        for local in sorted(locals_):
            if len(local) >= 4 and local not in GENERIC_LOCALS:
                ids.update(
                    pid
                    for pid in session.scalars(
                        select(Email.person_id).where(_prefix_range(Email.address, local + "@"))
                    )
                    if pid is not None
                )
    if e164:
        ids.update(
            pid
            for pid in session.scalars(select(Phone.person_id).where(Phone.number.in_(e164)))
            if pid is not None
        )
    ids.discard(exclude_id)  # type: ignore[arg-type]
    if not ids:
        return []
    new = make_person_rec(0, given, family, birth_date=birth_date, emails=mails, phones=e164)
    found: list[tuple[int, PersonRec, tuple[str, ...]]] = []
    id_list = sorted(ids)
    for start in range(0, len(id_list), 900):
        for rec in load_people(session, id_list[start : start + 900]):
            score, reasons = score_people(new, rec)
            if score >= min_score:
                found.append((score, rec, reasons))
    found.sort(key=lambda t: (-t[0], t[1].id))
    found = found[:limit]
    if not found:
        return []
    people = {
        p.id: p
        for p in session.scalars(select(Person).where(Person.id.in_([r.id for _s, r, _x in found])))
    }
    out = []
    for score, rec, reasons in found:
        person = people[rec.id]
        out.append(
            Candidate(
                person_id=rec.id,
                full_name=person.full_name,
                company=person.company.name if person.company is not None else None,
                birth_date=person.birth_date,
                score=score,
                reasons=reasons,
            )
        )
    return out


# ---------------------------------------------------------------- ignored pairs


def _ignored_list(session: Session) -> list[list[Any]]:
    row = session.get(Setting, IGNORED_KEY)
    value = row.value if row is not None else None
    return [list(x) for x in value] if isinstance(value, list) else []


def ignored_pairs(session: Session) -> set[tuple[str, int, int]]:
    """Pairs the user marked as "not a duplicate": (entity, smaller id, larger id)."""
    out: set[tuple[str, int, int]] = set()
    for item in _ignored_list(session):
        if len(item) == 3:
            entity, a, b = str(item[0]), int(item[1]), int(item[2])
            out.add((entity, min(a, b), max(a, b)))
    return out


def ignore_pair(session: Session, entity: Literal["person", "company"], a: int, b: int) -> None:
    """Remember that ``a`` and ``b`` are not duplicates (settings key ``dedup.ignored``)."""
    items = _ignored_list(session)
    entry = [entity, min(a, b), max(a, b)]
    if entry in items:
        return
    items.append(entry)
    row = session.get(Setting, IGNORED_KEY)
    if row is None:
        session.add(Setting(key=IGNORED_KEY, value=items))
    else:
        row.value = items
    session.flush()


def unignore_pair(session: Session, entity: Literal["person", "company"], a: int, b: int) -> None:
    items = [x for x in _ignored_list(session) if x != [entity, min(a, b), max(a, b)]]
    row = session.get(Setting, IGNORED_KEY)
    if row is not None:
        row.value = items
        session.flush()


# ---------------------------------------------------------------- known given names

KNOWN_GIVEN: frozenset[str] = frozenset(
    fold_token(ascii_fold(n))
    for n in [
        "Alexander",
        "Andreas",
        "Anna",
        "Anne",
        "Anja",
        "Annika",
        "Anton",
        "Armin",
        "Axel",
        "Barbara",
        "Bastian",
        "Ben",
        "Benjamin",
        "Bernd",
        "Birgit",
        "Bettina",
        "Björn",
        "Brigitte",
        "Carina",
        "Carl",
        "Carla",
        "Carsten",
        "Christa",
        "Christian",
        "Christiane",
        "Christina",
        "Christine",
        "Christoph",
        "Claudia",
        "Clara",
        "Daniel",
        "Daniela",
        "David",
        "Dennis",
        "Dieter",
        "Dirk",
        "Doris",
        "Elias",
        "Elke",
        "Emil",
        "Emilia",
        "Emily",
        "Emma",
        "Erik",
        "Erika",
        "Eva",
        "Fabian",
        "Felix",
        "Finn",
        "Florian",
        "Frank",
        "Franz",
        "Frieda",
        "Friedrich",
        "Gabriele",
        "Georg",
        "Gerd",
        "Gerhard",
        "Gisela",
        "Hanna",
        "Hannah",
        "Hannes",
        "Hans",
        "Harald",
        "Heike",
        "Heinz",
        "Helga",
        "Helmut",
        "Hendrik",
        "Henrik",
        "Holger",
        "Ida",
        "Ilse",
        "Ina",
        "Ines",
        "Inga",
        "Ingrid",
        "Jan",
        "Jana",
        "Janina",
        "Jannik",
        "Jens",
        "Jörg",
        "Johanna",
        "Johannes",
        "Jonas",
        "Jonathan",
        "Josef",
        "Julia",
        "Julian",
        "Jürgen",
        "Jutta",
        "Kai",
        "Karin",
        "Karl",
        "Karla",
        "Katharina",
        "Katja",
        "Katrin",
        "Kerstin",
        "Kevin",
        "Klaus",
        "Kristina",
        "Lara",
        "Lars",
        "Laura",
        "Lea",
        "Lena",
        "Leni",
        "Leo",
        "Leon",
        "Lina",
        "Linda",
        "Lisa",
        "Lothar",
        "Luca",
        "Lucas",
        "Luis",
        "Luisa",
        "Lukas",
        "Luka",
        "Maja",
        "Manfred",
        "Manuel",
        "Manuela",
        "Marc",
        "Marco",
        "Marcel",
        "Maria",
        "Marie",
        "Marina",
        "Mario",
        "Mark",
        "Marko",
        "Markus",
        "Martha",
        "Martin",
        "Martina",
        "Mathias",
        "Matthias",
        "Max",
        "Maximilian",
        "Melanie",
        "Mia",
        "Michael",
        "Michaela",
        "Mila",
        "Mira",
        "Monika",
        "Moritz",
        "Nadine",
        "Nico",
        "Nicole",
        "Niklas",
        "Nils",
        "Nina",
        "Noah",
        "Nora",
        "Ole",
        "Olaf",
        "Oliver",
        "Otto",
        "Patrick",
        "Paul",
        "Paula",
        "Peter",
        "Petra",
        "Philipp",
        "Rainer",
        "Ralf",
        "Regina",
        "Renate",
        "Rene",
        "Robert",
        "Roland",
        "Rolf",
        "Rosa",
        "Ruth",
        "Sabine",
        "Sabrina",
        "Sandra",
        "Sara",
        "Sarah",
        "Sascha",
        "Sebastian",
        "Silke",
        "Simon",
        "Simone",
        "Sofia",
        "Sophia",
        "Sophie",
        "Stefan",
        "Stefanie",
        "Steffen",
        "Stephan",
        "Susanne",
        "Sven",
        "Svenja",
        "Tanja",
        "Thomas",
        "Thorsten",
        "Tim",
        "Timo",
        "Tina",
        "Tobias",
        "Tom",
        "Torsten",
        "Udo",
        "Ulrich",
        "Ulrike",
        "Ursula",
        "Ute",
        "Uwe",
        "Valentina",
        "Vanessa",
        "Vera",
        "Volker",
        "Walter",
        "Werner",
        "Wolfgang",
        "Yvonne",
        "Jan",
        "Jannis",
        "Jana",
        "Ella",
        "Elena",
        "Emilie",
        "Greta",
        "Ida",
        "Jakob",
        "Jule",
        "Karsten",
        "Kathrin",
        "Lutz",
        "Nele",
        "Anke",
        "Antje",
        "Ben",
        "Bernhard",
        "Detlef",
        "Edith",
        "Egon",
        "Erich",
        "Ernst",
        "Erwin",
        "Fritz",
        "Gustav",
        "Hannelore",
        "Heinrich",
        "Helene",
        "Herbert",
        "Hermann",
        "Horst",
        "Ingo",
        "Irene",
        "Jochen",
        "Karl-Heinz",
        "Kurt",
        "Ludwig",
        "Margarete",
        "Marianne",
        "Norbert",
        "Otto",
        "Reinhard",
        "Rudolf",
        "Siegfried",
        "Theo",
        "Ulla",
        "Vincent",
        "Wilhelm",
        "Willi",
    ]
)


# ---------------------------------------------------------------- the review window's pair

# the fields of a person or company that name another record, and the model they name
REFERENCE_FIELDS: dict[str, type[Company] | type[Department] | type[Person]] = {
    "company_id": Company,
    "parent_id": Company,
    "department_id": Department,
    "reports_to_id": Person,
}


@dataclass
class PersonPair:
    """Both people of a pair (for the side-by-side comparison, in the caller's
    session) and the names of the records their reference fields point to."""

    a: Person
    b: Person
    names: dict[tuple[str, int], str]


@dataclass
class CompanyPair:
    a: Company
    b: Company
    names: dict[tuple[str, int], str]


def _reference_names(session: Session, *records: Person | Company) -> dict[tuple[str, int], str]:
    names: dict[tuple[str, int], str] = {}
    for record in records:
        for key, model in REFERENCE_FIELDS.items():
            value = getattr(record, key, None)
            if not isinstance(value, int) or (key, value) in names:
                continue
            target = session.get(model, value)
            if isinstance(target, Person):
                names[(key, value)] = target.full_name
            elif isinstance(target, (Company, Department)):
                names[(key, value)] = target.name
    return names


def person_pair(session: Session, a_id: int, b_id: int) -> PersonPair | None:
    """The two people of a pair, None when one of them is gone."""
    a, b = session.get(Person, a_id), session.get(Person, b_id)
    if a is None or b is None:
        return None
    return PersonPair(a, b, _reference_names(session, a, b))


def company_pair(session: Session, a_id: int, b_id: int) -> CompanyPair | None:
    """The two companies of a pair, None when one of them is gone."""
    a, b = session.get(Company, a_id), session.get(Company, b_id)
    if a is None or b is None:
        return None
    return CompanyPair(a, b, _reference_names(session, a, b))
